using System.ComponentModel.DataAnnotations;
using Dapper;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Store;

namespace FrontDesk.Tools.Verification;

/// <summary>
/// Configuration section <c>FrontDesk:Verification</c>: how many one-time codes may be texted and how many wrong
/// codes may be typed. SECURITY: these caps hold across web sessions, so a new session does not buy new guesses.
/// </summary>
public sealed class VerificationPolicy
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "FrontDesk:Verification";

    /// <summary>Codes texted to one phone in any hour.</summary>
    [Range(1, 100, ErrorMessage = "FrontDesk:Verification:CodesPerPhonePerHour must be between 1 and 100.")]
    public int CodesPerPhonePerHour { get; set; } = 3;

    /// <summary>Codes texted to one phone in any 24 hours.</summary>
    [Range(1, 1000, ErrorMessage = "FrontDesk:Verification:CodesPerPhonePerDay must be between 1 and 1000.")]
    public int CodesPerPhonePerDay { get; set; } = 10;

    /// <summary>Codes one conversation may have texted (to any phones).</summary>
    [Range(1, 100, ErrorMessage = "FrontDesk:Verification:CodesPerConversation must be between 1 and 100.")]
    public int CodesPerConversation { get; set; } = 3;

    /// <summary>Wrong codes typed for one phone in any 24 hours, across all its codes and conversations.</summary>
    [Range(1, 1000, ErrorMessage = "FrontDesk:Verification:WrongCodesPerPhonePerDay must be between 1 and 1000.")]
    public int WrongCodesPerPhonePerDay { get; set; } = 10;
}

/// <summary>Counts codes sent (in the outbox) and wrong codes typed (in the audit log) against <see cref="VerificationPolicy"/>.</summary>
public sealed class VerificationLimits(SpaDatabase db, TimeProvider clock, VerificationPolicy policy)
{
    private const string WrongCodeAction = "phone.verify_failed";

    private const string CodesToPhoneSql = """
        SELECT COUNT(*) FROM outbox WHERE kind = @Kind AND to_address = @Phone AND created_at_utc > @Since
        """;

    private const string CodesForConversationSql = """
        SELECT COUNT(*) FROM outbox WHERE kind = @Kind AND related_id = @ConversationId
        """;

    private const string WrongCodesSql = """
        SELECT COUNT(*) FROM audit_log WHERE entity = 'phone' AND entity_id = @Phone AND action = @Action AND at_utc > @Since
        """;

    /// <summary>Why another code may not be texted now (a reason and a sentence for the model); null when it may.</summary>
    public async Task<CodeRefusal?> RefuseCodeAsync(string phone, string conversationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var c = await db.OpenAsync(ct);
        if (await WrongCodesAsync(c, phone, ct) >= policy.WrongCodesPerPhonePerDay)
        {
            return new("wrong_codes_today", "Too many wrong codes have been typed for this number today, so I can't send another. A team member can help by phone.");
        }
        var forConversation = await c.ExecuteScalarAsync<long>(new CommandDefinition(CodesForConversationSql,
            new { Kind = MessageKind.VerificationCode, ConversationId = conversationId }, cancellationToken: ct));
        if (forConversation >= policy.CodesPerConversation)
        {
            return new("chat_limit", "I've already sent as many codes as I can in this chat. A team member can help by phone.");
        }
        var lastHour = await c.ExecuteScalarAsync<long>(new CommandDefinition(CodesToPhoneSql,
            new { Kind = MessageKind.VerificationCode, Phone = phone, Since = now.AddHours(-1) }, cancellationToken: ct));
        if (lastHour >= policy.CodesPerPhonePerHour)
        {
            return new("hour_limit", "Several codes were already sent to this number in the last hour, so I can't send another right now. Please use the latest code you received, or try again in an hour.");
        }
        var lastDay = await c.ExecuteScalarAsync<long>(new CommandDefinition(CodesToPhoneSql,
            new { Kind = MessageKind.VerificationCode, Phone = phone, Since = now.AddDays(-1) }, cancellationToken: ct));
        return lastDay >= policy.CodesPerPhonePerDay
            ? new CodeRefusal("day_limit", "The daily limit of codes for this number is reached, so I can't send another today. A team member can help by phone.")
            : null;
    }

    /// <summary>Whether the phone still has wrong guesses left today.</summary>
    public async Task<bool> MayGuessAsync(string phone, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await WrongCodesAsync(c, phone, ct) < policy.WrongCodesPerPhonePerDay;
    }

    /// <summary>Records a wrong code typed for <paramref name="phone"/> (the code itself is not recorded).</summary>
    public async Task RecordWrongCodeAsync(string phone, string conversationId, Actor actor, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        await AuditLog.WriteAsync(c, tx, clock.GetUtcNow().UtcDateTime, actor, WrongCodeAction, "phone", phone, null, null, conversationId, ct);
        await tx.CommitAsync(ct);
    }

    private Task<long> WrongCodesAsync(System.Data.Common.DbConnection c, string phone, CancellationToken ct) =>
        c.ExecuteScalarAsync<long>(new CommandDefinition(WrongCodesSql,
            new { Phone = phone, Action = WrongCodeAction, Since = clock.GetUtcNow().UtcDateTime.AddDays(-1) }, cancellationToken: ct));
}

/// <summary>Why no code may be texted now.</summary>
/// <param name="Reason">wrong_codes_today (too many wrong codes today), chat_limit (this conversation's codes are used), hour_limit, day_limit (this number's).</param>
/// <param name="Message">The same, as a sentence for a model.</param>
public sealed record CodeRefusal(string Reason, string Message);
