namespace FrontDesk.Tools;

/// <summary>A tool's answer: a status the model can branch on, a message it can act on, and data.</summary>
/// <param name="Status">ok, needs_confirmation, booked, cancelled, rescheduled, no_slots, ambiguous, not_found, refused, slot_taken, bad_argument, verification_required…</param>
/// <param name="Message">One or two sentences for the model (and a fallback reply).</param>
/// <param name="Data">Structured detail.</param>
public sealed record ToolResult(string Status, string Message, object? Data = null);

/// <summary>A slot as shown to the model.</summary>
public sealed record SlotView(string SlotId, string Service, string Day, string Time, string Provider, string Location, string LocalStart);

/// <summary>
/// Two people's opening as offered (round 30): the first person's slot and the second's (<c>with_slot_id</c>), the same
/// time with two providers, or back to back (<paramref name="SecondTime"/> after <paramref name="Time"/>).
/// </summary>
public sealed record PairView(string SlotId, string WithSlotId, string Day, string Time, string SecondTime, string Provider, string SecondProvider, string Location, string LocalStart, string SecondLocalStart);

/// <summary>An appointment as shown to its owner.</summary>
public sealed record AppointmentView(string Ref, string Service, string Day, string Time, string Provider, string Location, string Status, string LocalStart);
