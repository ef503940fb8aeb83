using System.Text.Json;
using Dapper;
using FrontDesk.Agent;
using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Transcripts;
using FrontDesk.Channels.Hosting;
using FrontDesk.Channels.Twilio.Outbound;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Store;
using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.WebChat;

/// <summary>
/// Web chat sessions. A session id is a server-made bearer handle to one visitor's own conversation: an id that is
/// malformed, unknown to the store, of another channel, closed or idle too long is never continued; the visitor gets
/// a new conversation under a new id.
/// </summary>
public sealed class WebSessions(ConversationStore conversations, IOptions<WebChatOptions> options)
{
    /// <summary>The channel tag of web chat conversations.</summary>
    public const string Channel = "web";

    /// <summary>A fresh, unguessable session id (128 random bits).</summary>
    public static string NewId() => "web_" + Guid.NewGuid().ToString("N");

    /// <summary>True when <paramref name="id"/> has the shape of an id this server makes.</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: 36 } && id.StartsWith("web_", StringComparison.Ordinal) && id[4..].All(char.IsAsciiHexDigitLower);

    /// <summary>
    /// The live web conversation <paramref name="id"/> names, or null when it must not be continued. Reads the row's session
    /// fields only: the state is read once, by the turn that continues it.
    /// </summary>
    public async Task<ConversationSession?> FindLiveAsync(string? id, CancellationToken ct)
    {
        if (!IsWellFormed(id))
        {
            return null;
        }
        var conversation = await conversations.GetSessionAsync(id!, ct);
        return ConversationStore.IsLiveSession(conversation, Channel, conversations.ActiveSince(TimeSpan.FromMinutes(options.Value.SessionIdleMinutes)))
            ? conversation : null;
    }

    /// <summary>
    /// The session a message goes to: a new id when none was sent or it is not one this server makes; otherwise the requested id
    /// with the rules it goes on by (<see cref="SessionRules"/>), which the turn's begin checks in the round trip that takes its
    /// lease, starting a new conversation under a new id when the session is not live (issue 16, round 33: it was a read of its
    /// own before every web turn). <paramref name="onResolved"/> gets the id the turn goes on under, before any sentence.
    /// </summary>
    public WebTurnSession Resolve(string? requested, Func<string, CancellationToken, ValueTask>? onResolved = null) =>
        IsWellFormed(requested)
            ? new WebTurnSession(requested!, new SessionRules(TimeSpan.FromMinutes(options.Value.SessionIdleMinutes), NewId(), onResolved))
            : new WebTurnSession(NewId(), null);

    /// <summary>
    /// The visible turns of a live session (visitor, assistant, staff, and the notices meant for the visitor such as
    /// "a person joined"), in order. Other system turns stay internal.
    /// </summary>
    public async Task<IReadOnlyList<TranscriptTurn>> VisibleTurnsAsync(string id, CancellationToken ct) =>
        [.. (await conversations.TranscriptAsync(id, ct)).Where(t => t.Role is TurnRole.Client or TurnRole.Agent or TurnRole.Staff || IsClientNotice(t))];

    private static bool IsClientNotice(TranscriptTurn turn) =>
        turn.Role == TurnRole.System && JsonSerializer.Deserialize<TurnTags>(turn.TagsJson, ConversationState.Json)?.ClientNotice == true;
}

/// <summary>The session a web message goes to (<see cref="WebSessions.Resolve"/>).</summary>
/// <param name="Id">The id the message was sent under, or a new one.</param>
/// <param name="Rules">The rules the sent id goes on by, checked by the turn; null for a new id (nothing to check).</param>
public sealed record WebTurnSession(string Id, SessionRules? Rules);

/// <summary>
/// With no SMS provider configured, a verification code never leaves the outbox; it is written to the log (the phone
/// masked) so the operator of a demo or a test install can read it, as the staff console also shows it.
/// </summary>
/// <remarks>
/// SECURITY-SENSITIVE: a logged code is as good as the text itself. "Configured" is the sender's own test
/// (<see cref="OutboxSender.IsConfigured"/>), so a code is logged only while the sender cannot send it.
/// </remarks>
public sealed class VerificationCodeLog(SpaDatabase db, OutboxSender sender, ILogger<VerificationCodeLog> logger)
{
    /// <summary>True when no SMS provider is configured (the outbox sender idles).</summary>
    public bool Enabled => !sender.IsConfigured;

    /// <summary>Logs the newest verification code queued for <paramref name="conversationId"/>.</summary>
    public async Task LogLatestAsync(string conversationId, CancellationToken ct)
    {
        if (!Enabled)
        {
            return;
        }
        const string sql = """
            SELECT to_address AS ToAddress, body AS Body FROM outbox
            WHERE related_id = @conversationId AND kind = @kind
            ORDER BY created_at_utc DESC, id DESC LIMIT 1
            """;
        await using var c = await db.OpenAsync(ct);
        var message = await c.QuerySingleOrDefaultAsync<(string ToAddress, string Body)?>(
            new CommandDefinition(sql, new { conversationId, kind = MessageKind.VerificationCode }, cancellationToken: ct));
        if (message is { } m)
        {
            var code = System.Text.RegularExpressions.Regex.Match(m.Body, @"(?<!\d)\d{6}(?!\d)").Value;
            logger.LogWarning("No SMS provider configured: verification code {Code} for {Phone} (conversation {ConversationId}) is waiting in the outbox",
                code, LogRedaction.Phone(m.ToAddress), conversationId);
        }
    }
}
