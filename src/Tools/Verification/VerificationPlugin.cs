using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Text;
using Microsoft.SemanticKernel;

namespace FrontDesk.Tools.Verification;

/// <summary>The phone verification tools: text a one-time code, and check it.</summary>
public sealed class VerificationPlugin(
    SpaProfile profile, ClientDirectory clients, OutboxWriter outbox, TextTemplates templates, VerificationLimits verification, ToolArguments arguments, TimeProvider clock)
{
    /// <summary>send_verification_code.</summary>
    [KernelFunction(ToolNames.SendVerificationCode)]
    [Description("Text a one-time code to a phone so the person can prove it is theirs (needed on web chat to see or change existing appointments).")]
    public async Task<ToolResult> SendVerificationCodeAsync(
        Kernel kernel,
        [Description("The phone number to verify.")] string phone,
        CancellationToken cancellationToken = default)
    {
        var scope = kernel.ConversationScope();
        var e164 = arguments.Phone(phone);
        if (e164 is null)
        {
            return new ToolResult("bad_argument", "That doesn't look like a valid US mobile number.");
        }
        if (await clients.IsOptedOutAsync(e164, cancellationToken))
        {
            return new ToolResult("refused", "That number has opted out of texts, so I can't send a code. A team member can help by phone.", new { reason = "opted_out" });
        }
        // SECURITY: caps per phone and per conversation, counted in the store, so new sessions do not buy new codes.
        if (await verification.RefuseCodeAsync(e164, scope.ConversationId, cancellationToken) is { } refusal)
        {
            // The message is for a remote model; the reason is what the embedded engine words in the person's language.
            return new ToolResult("refused", refusal.Message, new { reason = refusal.Reason });
        }
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        scope.Challenge = new PhoneChallenge(e164, Hash(code), clock.GetUtcNow().UtcDateTime.AddMinutes(10), 3);
        var body = templates.Render("verification_code", new Dictionary<string, string> { ["spa"] = profile.Spa.Name, ["code"] = code });
        await outbox.EnqueueAsync(MessageKind.VerificationCode, e164, body, null, scope.LocationId, scope.ConversationId, null, scope.Actor, cancellationToken);
        return new ToolResult("ok", "Code sent by text. Ask the person to type the 6-digit code.");
    }

    /// <summary>verify_phone.</summary>
    [KernelFunction(ToolNames.VerifyPhone)]
    [Description("Check the 6-digit code the person received by text.")]
    public async Task<ToolResult> VerifyPhoneAsync(
        Kernel kernel,
        [Description("The code they typed.")] string code,
        CancellationToken cancellationToken = default)
    {
        var scope = kernel.ConversationScope();
        var challenge = scope.Challenge;
        if (challenge is null || challenge.ExpiresAtUtc < clock.GetUtcNow().UtcDateTime || challenge.AttemptsLeft <= 0)
        {
            scope.Challenge = null;
            return new ToolResult("refused", "There is no valid code in progress. Offer to send a new one.", new { reason = "no_code" });
        }
        // SECURITY: wrong codes are also counted per phone across codes and conversations.
        if (!await verification.MayGuessAsync(challenge.Phone, cancellationToken))
        {
            scope.Challenge = null;
            return new ToolResult("refused", "Too many wrong codes have been typed for this number today. A team member can help by phone.", new { reason = "locked_today" });
        }
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(digits)), Encoding.ASCII.GetBytes(challenge.CodeHash)))
        {
            await verification.RecordWrongCodeAsync(challenge.Phone, scope.ConversationId, scope.Actor, cancellationToken);
            scope.Challenge = challenge with { AttemptsLeft = challenge.AttemptsLeft - 1 };
            if (!await verification.MayGuessAsync(challenge.Phone, cancellationToken))
            {
                scope.Challenge = null;
                return new ToolResult("refused", "That code doesn't match, and that was the last try for this number today. A team member can help by phone.", new { reason = "locked_today" });
            }
            // The message is for a remote model; the data is what the embedded engine words in the person's language.
            return scope.Challenge.AttemptsLeft > 0
                ? new ToolResult("refused", $"That code doesn't match. {scope.Challenge.AttemptsLeft} tries left.", new { reason = "wrong_code", attempts_left = scope.Challenge.AttemptsLeft })
                : new ToolResult("refused", "Too many wrong codes. Offer to send a new one.", new { reason = "used_up" });
        }
        scope.Challenge = null;
        scope.VerifiedPhone = challenge.Phone;
        // What this conversation booked under the number before proving it is now the number's (issue 15, item 4).
        var client = await clients.ClaimProvenPhoneAsync(scope.ClientId, challenge.Phone, scope.Actor, scope.ConversationId, cancellationToken);
        scope.ClientId = client?.Id;
        scope.ClientVerified = client is not null;
        return new ToolResult("ok", client is null ? "Verified. No existing record for this number." : $"Verified. Welcome back, {client.FirstName}.",
            new { first_name = client?.FirstName });
    }

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
