using FrontDesk.Tools.Booking;

namespace FrontDesk.Tools.Clients;

/// <summary>
/// Who the conversation's client is, as far as the tools may trust it: only a phone the channel vouched for or the
/// person proved. Every tool that shows or changes an existing appointment goes through here.
/// </summary>
public sealed class ClientIdentity(ClientDirectory clients, AppointmentBook book)
{
    /// <summary>The verified client's id, or null when the conversation has no verified phone or no record for it.</summary>
    public async Task<string?> IdentifiedClientAsync(ConversationScope scope, CancellationToken ct)
    {
        // SECURITY: appointments are shown only to a phone the channel vouched for or the person proved.
        if (scope.VerifiedPhone is null)
        {
            return null;
        }
        if (scope.ClientId is not null && scope.ClientVerified)
        {
            return scope.ClientId;
        }
        var client = await clients.FindByPhoneAsync(scope.VerifiedPhone, ct);
        scope.ClientId = client?.Id;
        scope.ClientVerified = client is not null;
        return client?.Id;
    }

    /// <summary>The record of the phone the channel vouched for or the person proved (health flags included), or null.</summary>
    public async Task<Client?> VerifiedClientAsync(ConversationScope scope, CancellationToken ct) =>
        scope.VerifiedPhone is null ? null : await clients.FindByPhoneAsync(scope.VerifiedPhone, ct);

    /// <summary>The answer when appointments are asked about without a verified phone.</summary>
    public static ToolResult NotVerified() => new("verification_required",
        "I can only look at appointments for a verified phone. Offer to text a one-time code (send_verification_code).");

    /// <summary>
    /// The answer when the client is not identified: a verified phone the spa has no record of has nothing booked (asking
    /// a texter for the number they are texting from helps nobody); without a verified phone, verification first.
    /// </summary>
    public static ToolResult Unidentified(ConversationScope scope, ToolResult noRecord) => scope.VerifiedPhone is null ? NotVerified() : noRecord;

    /// <summary>The verified client's own upcoming appointment by the reference they were shown, or the answer to give.</summary>
    public async Task<(Appointment? Appointment, ToolResult? Result)> OwnAppointmentAsync(ConversationScope scope, string reference, CancellationToken ct)
    {
        if (await IdentifiedClientAsync(scope, ct) is not { } clientId)
        {
            return (null, Unidentified(scope, new ToolResult("not_found", "No upcoming appointments for this number.", new { reason = "no_appointments" })));
        }
        var r = reference?.Trim() ?? "";
        var id = scope.AppointmentRefs.TryGetValue(r.ToUpperInvariant(), out var mapped) ? mapped : r;
        var appointment = await book.GetAsync(id, ct);
        // SECURITY: someone else's appointment is reported exactly like a missing one.
        if (appointment is null || appointment.ClientId != clientId || appointment.Status != AppointmentStatus.Booked)
        {
            return (null, new ToolResult("not_found", "No such upcoming appointment for this client. Call list_appointments for the references.", new { reason = "no_such_appointment" }));
        }
        return (appointment, null);
    }
}
