namespace FrontDesk.Tools.Store;

/// <summary>
/// Named points between the writes of a booking, where the fault suite stops an instance as kill -9 would (it throws out
/// of the operation, so nothing after the point runs). Does nothing in production: <see cref="OnPoint"/> is only set by tests.
/// </summary>
public sealed class FaultPoints
{
    /// <summary>An appointment (and its client) has committed; the tool has not returned and the turn is not stored.</summary>
    public const string BookingCommitted = "booking.committed";

    /// <summary>Called at each point; null (always, outside tests) for nothing.</summary>
    public Func<string, ValueTask>? OnPoint { get; set; }

    /// <summary>Marks that execution reached <paramref name="point"/>.</summary>
    public ValueTask HitAsync(string point) => OnPoint?.Invoke(point) ?? ValueTask.CompletedTask;
}
