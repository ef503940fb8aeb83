namespace FrontDesk.Tools.Store;

/// <summary>
/// Named points between the writes of a turn that changes the book, where the fault suite stops an instance as kill -9 would (it throws out
/// of the operation, so nothing after the point runs). Does nothing in production: <see cref="OnPoint"/> is only set by tests.
/// </summary>
public sealed class FaultPoints
{
    /// <summary>An appointment (and its client) has committed; the tool has not returned and the turn is not stored.</summary>
    public const string BookingCommitted = "booking.committed";

    /// <summary>A cancellation (and the waitlist offer of the freed time) has committed; the turn is not stored.</summary>
    public const string CancelCommitted = "cancel.committed";

    /// <summary>A move to another time (and its confirmation texts) has committed; the turn is not stored.</summary>
    public const string RescheduleCommitted = "reschedule.committed";

    /// <summary>
    /// A turn's effects are done (its bookings, cancellations and texts committed by its tools; its reply and new state built)
    /// and the turn is about to be stored: nothing of the turn itself (transcript, state, escalations) is in the store yet.
    /// </summary>
    public const string TurnStoring = "turn.storing";

    /// <summary>A turn has committed (transcript, state, escalations) and given its lease back in that write; the turn has not yet noted the lease as given back, and its answer has not reached the channel.</summary>
    public const string TurnCommitted = "turn.committed";

    /// <summary>An SMS keyword's change (opt-out, opt-in, a reminder's confirm or cancel) is written; its transcript and answer are not recorded.</summary>
    public const string KeywordApplied = "keyword.applied";

    /// <summary>Called at each point; null (always, outside tests) for nothing.</summary>
    public Func<string, ValueTask>? OnPoint { get; set; }

    /// <summary>Marks that execution reached <paramref name="point"/>.</summary>
    public ValueTask HitAsync(string point) => OnPoint?.Invoke(point) ?? ValueTask.CompletedTask;
}
