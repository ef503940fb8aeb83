using System.ComponentModel;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Profile;
using Microsoft.SemanticKernel;

namespace FrontDesk.Tools.Clients;

/// <summary>The client look-up tool: only ever the client this conversation has verified.</summary>
public sealed class ClientsPlugin(ClientDirectory clients, ToolArguments arguments, AppointmentBook book, SpaProfile profile, TimeProvider clock)
{
    /// <summary>find_client.</summary>
    [KernelFunction(ToolNames.FindClient)]
    [Description("Look up the client this conversation has identified (by caller ID or a verified phone). Returns their name, preferences and recent visits (newest first: service and provider, for \"my usual\" or \"same as last time\"); never another person's data.")]
    public async Task<ToolResult> FindClientAsync(
        Kernel kernel,
        [Description("Phone number the client gave, any format.")] string? phone = null,
        [Description("Email address the client gave.")] string? email = null,
        [Description("Client's name as they gave it.")] string? name = null,
        CancellationToken cancellationToken = default)
    {
        _ = name;
        var scope = kernel.ConversationScope();
        var asked = phone is null ? null : arguments.Phone(phone);
        if (phone is not null && asked is null)
        {
            return new ToolResult("bad_argument", "That doesn't look like a valid US phone number; ask for the 10-digit number.");
        }
        // SECURITY: only the identity the channel established or the person proved is ever looked up.
        if (scope.VerifiedPhone is null || (asked is not null && asked != scope.VerifiedPhone))
        {
            return new ToolResult("verification_required",
                "I can only look up a client's record for the phone this conversation is verified with. Offer to text a one-time code to verify the number (send_verification_code).");
        }
        var client = await clients.FindByPhoneAsync(scope.VerifiedPhone, cancellationToken);
        if (client is null || (email is not null && !string.Equals(client.Email, email.Trim(), StringComparison.OrdinalIgnoreCase) && client.Email is not null))
        {
            return new ToolResult("not_found", "No client record for this number yet; they can book as a new client.", new { reason = "no_record" });
        }
        scope.ClientId = client.Id;
        scope.ClientVerified = true;
        var past = await book.ListPastForClientAsync(client.Id, clock.GetUtcNow().UtcDateTime, 5, cancellationToken);
        var visits = past.Select(a => new
        {
            service_id = a.ServiceId, service = profile.FindService(a.ServiceId)?.Name ?? a.ServiceId,
            provider_id = a.StaffId, provider = profile.FindStaff(a.StaffId)?.Name ?? a.StaffId,
            day = profile.ToLocal(a.StartsAtUtc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        return new ToolResult("ok", $"Found {client.FirstName}.", new { name = client.Name, first_name = client.FirstName, preferences = client.PreferenceList, recent_visits = visits });
    }
}
