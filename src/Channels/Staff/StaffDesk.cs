using System.Data.Common;
using System.Globalization;
using System.Security.Claims;
using Dapper;
using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Escalations;
using FrontDesk.Agent.Transcripts;
using FrontDesk.Channels.BotFramework;
using FrontDesk.Channels.Hosting;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Store;
using FrontDesk.Tools.Text;

namespace FrontDesk.Channels.Staff;

/// <summary>How a staff action came out.</summary>
internal enum DeskOutcome { Done, NotFound, Conflict, Forbidden, Invalid }

/// <summary>The outcome of a staff action, with a message safe to show.</summary>
internal sealed record DeskResult(DeskOutcome Outcome, string? Message = null, object? Value = null)
{
    public static readonly DeskResult NotFound = new(DeskOutcome.NotFound, "Not found.");
    public static readonly DeskResult Forbidden = new(DeskOutcome.Forbidden, "Your role does not allow this.");

    public IResult ToHttp() => Outcome switch
    {
        DeskOutcome.Done => TypedResults.Ok(Value ?? new { status = "ok" }),
        DeskOutcome.NotFound => TypedResults.Problem(Message, statusCode: 404, title: "Not found"),
        DeskOutcome.Conflict => TypedResults.Problem(Message, statusCode: 409, title: "Conflict"),
        DeskOutcome.Forbidden => TypedResults.Problem(Message, statusCode: 403, title: "Forbidden"),
        _ => TypedResults.Problem(Message, statusCode: 400, title: "Invalid request"),
    };
}

/// <summary>Staff-facing wording (prompts/staff.yaml).</summary>
/// <param name="Templates">The templates.</param>
internal sealed record StaffTemplates(TextTemplates Templates);

/// <summary>
/// What staff can do, shared by the JSON API and the console: claim and resolve escalations, approve or reject outbound
/// messages, reply to a client, take a conversation over and release it. Every action writes the audit log
/// (who, when, before and after) in the same transaction as the change.
/// </summary>
internal sealed class StaffDesk(
    SpaDatabase db, TimeProvider clock, SpaProfile profile, ConversationStore conversations, OutboxWriter outbox, StaffTemplates wording,
    ILogger<StaffDesk> logger, BotConversations? bots = null)
{
    public const int MaxReplyChars = 1600;

    private const string EscalationSql = $"SELECT {ConversationStoreColumns.Escalation} FROM escalations WHERE id = @id";

    public async Task<Escalation?> GetEscalationAsync(string id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<Escalation>(new CommandDefinition(EscalationSql, new { id }, cancellationToken: ct));
    }

    /// <summary>Whether the user may see this conversation: health details stay with clinical roles.</summary>
    public async Task<bool> MaySeeConversationAsync(ClaimsPrincipal user, string conversationId, CancellationToken ct) =>
        user.SeesMedical() || !await MedicalMatters.InConversationAsync(db, conversationId, ct);

    public Task<DeskResult> ClaimAsync(string id, ClaimsPrincipal user, CancellationToken ct) =>
        ChangeEscalationAsync(id, user, "claimed", ["open"], "escalation.claim", ct);

    public Task<DeskResult> ResolveAsync(string id, ClaimsPrincipal user, CancellationToken ct) =>
        ChangeEscalationAsync(id, user, "resolved", ["open", "claimed"], "escalation.resolve", ct);

    private async Task<DeskResult> ChangeEscalationAsync(string id, ClaimsPrincipal user, string to, string[] from, string action, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        var before = await c.QuerySingleOrDefaultAsync<Escalation>(new CommandDefinition(EscalationSql, new { id }, tx, cancellationToken: ct));
        if (before is null)
        {
            return DeskResult.NotFound;
        }
        if (MedicalMatters.IsMedical(before.Category) && !user.SeesMedical())
        {
            return DeskResult.Forbidden;
        }
        if (before.Status == to)
        {
            // Repeating the same action is harmless (a double click, a retried request).
            return new DeskResult(DeskOutcome.Done, Value: new { id, status = to });
        }
        if (!from.Contains(before.Status))
        {
            return new DeskResult(DeskOutcome.Conflict, $"The escalation is {before.Status}.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var login = user.Login();
        var sql = to == "claimed"
            ? "UPDATE escalations SET status = 'claimed', claimed_by = @login, claimed_at_utc = @now, updated_at_utc = @now WHERE id = @id AND status = @status"
            : "UPDATE escalations SET status = 'resolved', resolved_by = @login, resolved_at_utc = @now, claimed_by = COALESCE(claimed_by, @login), claimed_at_utc = COALESCE(claimed_at_utc, @now), updated_at_utc = @now WHERE id = @id AND status = @status";
        await c.ExecuteAsync(new CommandDefinition(sql, new { id, login, now, status = before.Status }, tx, cancellationToken: ct));
        await AuditLog.WriteAsync(c, tx, now, user.Actor(), action, "escalation", id,
            new { before.Status, before.ClaimedBy }, new { Status = to, By = login }, before.ConversationId, ct);
        await tx.CommitAsync(ct);
        return new DeskResult(DeskOutcome.Done, Value: new { id, status = to });
    }

    public Task<DeskResult> ApproveAsync(string id, ClaimsPrincipal user, CancellationToken ct) => DecideAsync(id, user, OutboxStatus.Queued, "outbox.approve", ct);

    public Task<DeskResult> RejectAsync(string id, ClaimsPrincipal user, CancellationToken ct) => DecideAsync(id, user, OutboxStatus.Rejected, "outbox.reject", ct);

    private async Task<DeskResult> DecideAsync(string id, ClaimsPrincipal user, string to, string action, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        var before = await c.QuerySingleOrDefaultAsync<(string Status, string? DecidedBy)>(new CommandDefinition(
            "SELECT status, decided_by FROM outbox WHERE id = @id", new { id }, tx, cancellationToken: ct));
        if (before.Status is null)
        {
            return DeskResult.NotFound;
        }
        if (before.Status == to && before.DecidedBy is not null)
        {
            return new DeskResult(DeskOutcome.Done, Value: new { id, status = to });
        }
        if (before.Status != OutboxStatus.PendingApproval)
        {
            return new DeskResult(DeskOutcome.Conflict, $"The message is {before.Status}, not waiting for approval.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await c.ExecuteAsync(new CommandDefinition("""
            UPDATE outbox SET status = @to, decided_by = @login, updated_at_utc = @now,
                next_attempt_at_utc = CASE WHEN not_before_utc IS NOT NULL AND not_before_utc > @now THEN not_before_utc ELSE @now END
            WHERE id = @id AND status = @pending
            """, new { id, to, login = user.Login(), now, pending = OutboxStatus.PendingApproval }, tx, cancellationToken: ct));
        await AuditLog.WriteAsync(c, tx, now, user.Actor(), action, "outbox", id, new { before.Status }, new { Status = to, DecidedBy = user.Login() }, null, ct);
        await tx.CommitAsync(ct);
        return new DeskResult(DeskOutcome.Done, Value: new { id, status = to });
    }

    /// <summary>
    /// Writes a staff turn into the transcript (the web widget shows it) and sends it to the client: queued as a text for
    /// SMS and voice conversations, posted to the conversation for Bot Framework ones; <paramref name="smsTo"/> texts
    /// another known number instead (an escalation's callback number). The turn, the queued text and the audit entry
    /// commit in one transaction; a Bot Framework post goes out after it.
    /// </summary>
    public async Task<DeskResult> ReplyAsync(string conversationId, string? text, ClaimsPrincipal user, string? smsTo, CancellationToken ct)
    {
        if (InputText.HasForbiddenChars(text))
        {
            return new DeskResult(DeskOutcome.Invalid, InputRules.ForbiddenText("text"));
        }
        // Control characters (a terminal escape, a bell) are not stored or texted; line breaks stay.
        text = text is null ? null : InputText.StripControl(text).Trim();
        if (string.IsNullOrEmpty(text))
        {
            return new DeskResult(DeskOutcome.Invalid, "'text' is required.");
        }
        if (text.Length > MaxReplyChars)
        {
            return new DeskResult(DeskOutcome.Invalid, $"'text' is longer than {MaxReplyChars} characters.");
        }
        var conversation = await conversations.GetAsync(conversationId, ct);
        if (conversation is null)
        {
            return DeskResult.NotFound;
        }
        if (!await MaySeeConversationAsync(user, conversationId, ct))
        {
            return DeskResult.Forbidden;
        }
        var viaBot = smsTo is null && BotFrameworkEndpoints.IsBotChannel(conversation.Channel);
        if (viaBot && bots is null)
        {
            return BotChannelUnreachable;
        }
        await using (var c = await db.OpenAsync(ct))
        await using (var tx = await db.BeginWriteAsync(c, ct))
        {
            await conversations.AppendTurnAsync(c, tx, conversationId, TurnRole.Staff, text, new TurnTags(), ct);
            var (smsId, smsStatus) = await TextClientAsync(c, tx, conversation, smsTo, text, user, ct);
            await AuditLog.WriteAsync(c, tx, clock.GetUtcNow().UtcDateTime, user.Actor(), "conversation.staff_reply", "conversation", conversationId, null,
                new { text, sms = smsId, smsStatus, botframework = viaBot }, conversationId, ct);
            await tx.CommitAsync(ct);
            if (!viaBot)
            {
                return new DeskResult(DeskOutcome.Done, Value: new { conversationId, outboxId = smsId, sms = smsStatus });
            }
        }
        var delivery = await PostToBotAsync(conversationId, text, ct);
        return new DeskResult(DeskOutcome.Done, Value: new { conversationId, outboxId = (string?)null, sms = "not_sms", botframework = delivery });
    }

    public async Task<DeskResult> TakeOverAsync(string conversationId, ClaimsPrincipal user, CancellationToken ct)
    {
        var conversation = await conversations.GetAsync(conversationId, ct);
        if (conversation is null)
        {
            return DeskResult.NotFound;
        }
        if (!await MaySeeConversationAsync(user, conversationId, ct))
        {
            return DeskResult.Forbidden;
        }
        if (conversation.Status == "taken_over")
        {
            return conversation.TakenOverBy == user.Login()
                ? new DeskResult(DeskOutcome.Done, Value: new { conversationId, status = "taken_over", by = user.Login() })
                : new DeskResult(DeskOutcome.Conflict, "Another staff member has taken this conversation over.");
        }
        var viaBot = BotFrameworkEndpoints.IsBotChannel(conversation.Channel);
        if (viaBot && bots is null)
        {
            // Taking over would silence the assistant with no way to reach the client.
            return BotChannelUnreachable;
        }
        var notice = wording.Templates.Render("staff_joined", Values(user));
        string? smsId;
        await using (var c = await db.OpenAsync(ct))
        await using (var tx = await db.BeginWriteAsync(c, ct))
        {
            await conversations.SetTakenOverAsync(c, tx, conversationId, user.Login(), user.Actor(), ct);
            await conversations.AppendTurnAsync(c, tx, conversationId, TurnRole.System, notice, new TurnTags { ClientNotice = true }, ct);
            (smsId, _) = await TextClientAsync(c, tx, conversation, null, notice, user, ct);
            await tx.CommitAsync(ct);
        }
        var delivery = viaBot ? await PostToBotAsync(conversationId, notice, ct) : null;
        return new DeskResult(DeskOutcome.Done, Value: new { conversationId, status = "taken_over", by = user.Login(), outboxId = smsId, botframework = delivery });
    }

    public async Task<DeskResult> ReleaseAsync(string conversationId, ClaimsPrincipal user, CancellationToken ct)
    {
        var conversation = await conversations.GetAsync(conversationId, ct);
        if (conversation is null)
        {
            return DeskResult.NotFound;
        }
        if (!await MaySeeConversationAsync(user, conversationId, ct))
        {
            return DeskResult.Forbidden;
        }
        if (conversation.Status != "taken_over")
        {
            return new DeskResult(DeskOutcome.Done, Value: new { conversationId, status = conversation.Status });
        }
        var notice = wording.Templates.Render("staff_left", Values(user));
        await using (var c = await db.OpenAsync(ct))
        await using (var tx = await db.BeginWriteAsync(c, ct))
        {
            await conversations.SetTakenOverAsync(c, tx, conversationId, null, user.Actor(), ct);
            await conversations.AppendTurnAsync(c, tx, conversationId, TurnRole.System, notice, new TurnTags { ClientNotice = true }, ct);
            await tx.CommitAsync(ct);
        }
        // SMS callers are not texted the hand-back (the assistant's next answer shows it); a chat shows it for free.
        var delivery = BotFrameworkEndpoints.IsBotChannel(conversation.Channel) && bots is not null ? await PostToBotAsync(conversationId, notice, ct) : null;
        return new DeskResult(DeskOutcome.Done, Value: new { conversationId, status = "active", botframework = delivery });
    }

    private static readonly DeskResult BotChannelUnreachable = new(DeskOutcome.Conflict,
        "This conversation came through Bot Framework, which is not configured here (FrontDesk:BotFramework:AppId); nothing could reach the client.");

    private Dictionary<string, string> Values(ClaimsPrincipal user) => new()
    {
        ["spa"] = profile.Spa.Name,
        ["staff"] = (user.Identity?.Name ?? "").Split(' ', 2)[0],
    };

    // "delivered" or "failed"; the turn is stored either way and staff see it in the transcript.
    private async Task<string> PostToBotAsync(string conversationId, string text, CancellationToken ct)
    {
        var sent = await bots!.SendAsync(conversationId, text, ct);
        if (!sent.Succeeded)
        {
            logger.LogWarning("Staff message to Bot Framework conversation {ConversationId} not delivered: {Error}", conversationId, sent.Error);
        }
        return sent.Succeeded ? "delivered" : "failed";
    }

    private async Task<(string? Id, string Status)> TextClientAsync(
        DbConnection c, DbTransaction tx, Conversation conversation, string? smsTo, string text, ClaimsPrincipal user, CancellationToken ct)
    {
        var to = smsTo ?? (conversation.Channel is "sms" or "voice" ? conversation.CallerPhone : null);
        to = FrontDesk.Tools.PhoneNumbers.ToE164(to);
        if (to is null)
        {
            return (null, "not_sms");
        }
        // Never text a number that opted out (the shared opt-out check, both records); the sender checks again before it sends.
        if (await Twilio.SmsOptOuts.IsOptedOutAsync(c, tx, to, ct))
        {
            return (null, "opted_out");
        }
        var message = await outbox.EnqueueAsync(c, tx, MessageKind.Staff, to, text, conversation.ClientId, conversation.LocationId, conversation.Id, null, user.Actor(), ct);
        return (message.Id, message.Status);
    }
}

/// <summary>Column list of the escalations table as <see cref="Escalation"/> reads it.</summary>
internal static class ConversationStoreColumns
{
    public const string Escalation = """
        id, category, urgency, route, status, summary, client_id AS ClientId, client_phone AS ClientPhone, conversation_id AS ConversationId, channel,
        location_id AS LocationId, created_at_utc AS CreatedAtUtc, claimed_by AS ClaimedBy, claimed_at_utc AS ClaimedAtUtc, resolved_by AS ResolvedBy,
        resolved_at_utc AS ResolvedAtUtc, updated_at_utc AS UpdatedAtUtc
        """;
}

/// <summary>Times as staff read them: local ISO-8601 in the spa's zone (with offset) and UTC.</summary>
internal static class StaffTime
{
    public static string Local(SpaProfile profile, DateTime utc)
    {
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var offset = profile.TimeZone.GetUtcOffset(utc);
        return new DateTimeOffset(utc.Ticks + offset.Ticks, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    public static string? Local(SpaProfile profile, DateTime? utc) => utc is { } u ? Local(profile, u) : null;

    public static string Utc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string? Utc(DateTime? utc) => utc is { } u ? Utc(u) : null;

    /// <summary>The UTC instant a local date starts at in the spa's zone.</summary>
    public static DateTime StartOfDayUtc(SpaProfile profile, DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        // Midnight can fall in a daylight-saving gap in some zones; step forward to the first valid minute.
        while (profile.TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, profile.TimeZone);
    }

    /// <summary>The first and last dates staff may ask about: far enough from the calendar's ends that a range around them can be computed (issue 15, item 6).</summary>
    public static readonly DateOnly EarliestDay = new(1900, 1, 1);
    public static readonly DateOnly LatestDay = new(2999, 12, 31);

    public static bool TryParseDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day) && day >= EarliestDay && day <= LatestDay;
}
