using System.Text.RegularExpressions;
using Dapper;
using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Escalations;
using FrontDesk.Channels.Staff;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Store;
using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.Teams;

/// <summary>
/// Tells staff about every escalation, durably. Each pass first records a notification row per escalation and target
/// (Teams, Slack, on-call SMS) for every unresolved escalation that lacks one, so an escalation written just before a
/// crash is still announced; then it delivers the rows that are due. Webhook posts are paced (4/s, 60 per 30 s),
/// retried with exponential backoff and full jitter (a 200 whose body reports 429 is throttling), and kept queued
/// until delivered; only a permanent refusal (a removed flow, a bad URL) marks a row failed. Runs in the background:
/// the conversation that raised the escalation never waits for it.
/// </summary>
internal sealed partial class EscalationNotifier(
    IServiceProvider services, IOptions<NotificationOptions> options, ILogger<EscalationNotifier> logger) : BackgroundService
{
    // Delivery is scheduled on the real clock: a pinned demo clock must not freeze retries.
    private static readonly TimeProvider RealClock = TimeProvider.System;
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);
    private const int LastTurns = 6;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A database hiccup must not stop the notifier; the rows stay queued for the next pass.
                logger.LogWarning(ex, "Escalation notification pass failed; retrying");
            }
            try
            {
                await Task.Delay(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: record missing notification rows, then deliver what is due. Returns the rows delivered.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var db = services.GetRequiredService<SpaDatabase>();
        var profile = services.GetRequiredService<SpaProfile>();
        await RecordMissingAsync(db, profile, ct);
        var delivered = 0;
        var now = RealClock.GetUtcNow().UtcDateTime;
        IReadOnlyList<DueRow> due;
        await using (var c = await db.OpenAsync(ct))
        {
            due = [.. await c.QueryAsync<DueRow>(new CommandDefinition("""
                SELECT escalation_id AS EscalationId, target, attempts FROM escalation_notifications
                WHERE status = 'pending' AND next_attempt_at_utc <= @now ORDER BY next_attempt_at_utc LIMIT 100
                """, new { now }, cancellationToken: ct))];
        }
        foreach (var row in due)
        {
            if (await DeliverAsync(db, profile, row.EscalationId, row.Target, row.Attempts, ct))
            {
                delivered++;
            }
        }
        return delivered;
    }

    private async Task RecordMissingAsync(SpaDatabase db, SpaProfile profile, CancellationToken ct)
    {
        var targets = new List<(string Target, bool OnCallOnly)>();
        if (WebhookFor(profile, null) is not null || options.Value.LocationWebhookUrls.Count > 0)
        {
            targets.Add(("teams", false));
        }
        if (!string.IsNullOrWhiteSpace(options.Value.SlackWebhookUrl))
        {
            targets.Add(("slack", false));
        }
        if (!string.IsNullOrWhiteSpace(profile.Escalation.OnCallPhone))
        {
            targets.Add(("on_call", true));
        }
        if (targets.Count == 0)
        {
            return;
        }
        var now = RealClock.GetUtcNow().UtcDateTime;
        await using var c = await db.OpenAsync(ct);
        foreach (var (target, onCallOnly) in targets)
        {
            await c.ExecuteAsync(new CommandDefinition($"""
                INSERT INTO escalation_notifications (escalation_id, target, status, attempts, next_attempt_at_utc, created_at_utc, updated_at_utc)
                SELECT e.id, @target, 'pending', 0, @now, @now, @now FROM escalations e
                WHERE e.status <> 'resolved'
                  AND NOT EXISTS (SELECT 1 FROM escalation_notifications n WHERE n.escalation_id = e.id AND n.target = @target)
                  AND (@onCallOnly = 0 OR e.route = 'on_call' OR (e.urgency = 'urgent' AND e.{MedicalMatters.CategorySql}))
                ON CONFLICT (escalation_id, target) DO NOTHING
                """, new { target, now, onCallOnly = onCallOnly ? 1 : 0 }, cancellationToken: ct));
        }
    }

    private async Task<bool> DeliverAsync(SpaDatabase db, SpaProfile profile, string escalationId, string target, int attempts, CancellationToken ct)
    {
        var now = RealClock.GetUtcNow().UtcDateTime;
        await using var c = await db.OpenAsync(ct);
        // Claim the row by pushing its next attempt out, so a second instance does not post the same card meanwhile.
        var claimed = await c.ExecuteAsync(new CommandDefinition("""
            UPDATE escalation_notifications SET next_attempt_at_utc = @until, updated_at_utc = @now
            WHERE escalation_id = @escalationId AND target = @target AND status = 'pending' AND next_attempt_at_utc <= @now
            """, new { escalationId, target, now, until = now + ClaimFor }, cancellationToken: ct));
        if (claimed == 0)
        {
            return false;
        }
        var escalation = await c.QuerySingleOrDefaultAsync<Escalation>(new CommandDefinition(
            $"SELECT {ConversationStoreColumns.Escalation} FROM escalations WHERE id = @escalationId", new { escalationId }, cancellationToken: ct));
        if (escalation is null)
        {
            await MarkAsync(c, escalationId, target, "failed", attempts, null, "escalation not found", ct);
            return false;
        }
        if (target == "on_call")
        {
            return await TextOnCallAsync(db, profile, escalation, ct);
        }
        var url = target == "slack" ? options.Value.SlackWebhookUrl : WebhookFor(profile, escalation.LocationId);
        if (string.IsNullOrWhiteSpace(url))
        {
            await MarkAsync(c, escalationId, target, "failed", attempts, null, "no webhook URL configured", ct);
            return false;
        }
        var limiter = services.GetRequiredService<WebhookRateLimiter>();
        if (limiter.PausedFor(url) is { } paused && paused > TimeSpan.Zero)
        {
            // The webhook throttled a moment ago: this row waits out the pause too (no attempt counted).
            await c.ExecuteAsync(new CommandDefinition(
                "UPDATE escalation_notifications SET next_attempt_at_utc = @next, updated_at_utc = @now WHERE escalation_id = @escalationId AND target = @target",
                new { escalationId, target, next = now + paused, now }, cancellationToken: ct));
            return false;
        }
        string payload;
        try
        {
            var data = await CardDataAsync(db, profile, escalation, ct);
            payload = target == "slack" ? SlackEscalationMessage.BuildWebhookPayload(data) : TeamsEscalationCard.BuildWebhookPayload(data);
        }
        catch (ArgumentException ex)
        {
            await MarkAsync(c, escalationId, target, "failed", attempts, null, ex.Message, ct);
            logger.LogError("Escalation {Id} cannot be announced: {Error} (check FrontDesk:PublicBaseUrl)", escalationId, ex.Message);
            return false;
        }
        var wait = limiter.ReserveSend(url);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, ct);
        }
        var result = await services.GetRequiredService<TeamsWebhookClient>().SendAsync(url, payload, ct);
        attempts++;
        switch (result.Outcome)
        {
            case WebhookDeliveryOutcome.Delivered:
                await MarkAsync(c, escalationId, target, "delivered", attempts, null, null, ct);
                return true;
            case WebhookDeliveryOutcome.PermanentFailure:
                await MarkAsync(c, escalationId, target, "failed", attempts, null, $"{(int?)result.StatusCode}: {result.Detail}", ct);
                logger.LogError("Escalation {Id}: {Target} webhook refused the post ({Status}); not retried", escalationId, target, (int?)result.StatusCode);
                return false;
            default:
                var delay = RetryBackoff.NextDelay(attempts, TimeSpan.FromSeconds(options.Value.RetryBaseSeconds),
                    TimeSpan.FromSeconds(options.Value.RetryMaxSeconds), Random.Shared, result.RetryAfter);
                if (result.Outcome == WebhookDeliveryOutcome.Throttled)
                {
                    // Throttling is per webhook: hold every other card for it too, not only this one.
                    limiter.PauseUntil(url, RealClock.GetUtcNow() + (result.RetryAfter ?? delay));
                }
                await MarkAsync(c, escalationId, target, "pending", attempts, RealClock.GetUtcNow().UtcDateTime + delay, $"{result.Outcome}: {result.Detail}", ct);
                return false;
        }
    }

    private async Task<bool> TextOnCallAsync(SpaDatabase db, SpaProfile profile, Escalation escalation, CancellationToken ct)
    {
        var outbox = services.GetRequiredService<OutboxWriter>();
        var wording = services.GetRequiredService<StaffTemplates>().Templates;
        var body = wording.Render("on_call_alert", new Dictionary<string, string>
        {
            ["spa"] = profile.Spa.Name,
            ["category"] = escalation.Category,
            ["urgency"] = escalation.Urgency,
            ["phone"] = escalation.ClientPhone ?? "unknown",
            ["url"] = ConsoleUrl(escalation.Id) ?? "",
        });
        var now = RealClock.GetUtcNow().UtcDateTime;
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        // The row and the text commit together: exactly one on-call SMS per escalation.
        var n = await c.ExecuteAsync(new CommandDefinition("""
            UPDATE escalation_notifications SET status = 'delivered', attempts = attempts + 1, delivered_at_utc = @now, updated_at_utc = @now
            WHERE escalation_id = @id AND target = 'on_call' AND status = 'pending'
            """, new { id = escalation.Id, now }, tx, cancellationToken: ct));
        if (n == 1)
        {
            await outbox.EnqueueAsync(c, tx, MessageKind.OnCall, profile.Escalation.OnCallPhone!, body, null, escalation.LocationId, escalation.Id, null,
                Actor.System("escalation-notifier"), ct);
        }
        await tx.CommitAsync(ct);
        return n == 1;
    }

    private static async Task MarkAsync(System.Data.Common.DbConnection c, string escalationId, string target, string status, int attempts, DateTime? next, string? error, CancellationToken ct)
    {
        var now = RealClock.GetUtcNow().UtcDateTime;
        await c.ExecuteAsync(new CommandDefinition("""
            UPDATE escalation_notifications SET status = @status, attempts = @attempts, next_attempt_at_utc = COALESCE(@next, next_attempt_at_utc),
                last_error = @error, delivered_at_utc = CASE WHEN @status = 'delivered' THEN @now ELSE delivered_at_utc END, updated_at_utc = @now
            WHERE escalation_id = @escalationId AND target = @target
            """, new { escalationId, target, status, attempts, next, error, now }, cancellationToken: ct));
    }

    private async Task<EscalationCardData> CardDataAsync(SpaDatabase db, SpaProfile profile, Escalation escalation, CancellationToken ct)
    {
        var clients = services.GetRequiredService<ClientDirectory>();
        // A caller ID or verified number the channel vouched for names a known client even before a tool looked them up.
        var client = escalation.ClientId is not null ? await clients.GetAsync(escalation.ClientId, ct)
            : escalation.ClientPhone is not null ? await clients.FindByPhoneAsync(escalation.ClientPhone, ct) : null;
        IReadOnlyList<(string, string)> turns = [];
        // No health details beyond the category: no card carries conversation text once any escalation of that
        // conversation was medical or emergency (a later "talk to a person" would otherwise carry the symptoms).
        if (escalation.ConversationId is not null && !MedicalMatters.IsMedical(escalation.Category)
            && !await MedicalMatters.InConversationAsync(db, escalation.ConversationId, ct))
        {
            var transcript = await services.GetRequiredService<ConversationStore>().TranscriptAsync(escalation.ConversationId, ct);
            turns = [.. transcript.TakeLast(LastTurns).Select(t => (t.Role, MaskCardNumbers(t.Text)))];
        }
        return new EscalationCardData(
            escalation.Category, escalation.Urgency, client?.Name, escalation.ClientPhone ?? client?.Phone, MaskCardNumbers(escalation.Summary), turns,
            ConsoleUrl(escalation.Id) ?? "", profile.Spa.Name, profile.Locations.Count > 1 ? profile.FindLocation(escalation.LocationId)?.Name : null);
    }

    private string? ConsoleUrl(string escalationId)
    {
        var baseUrl = services.GetRequiredService<IConfiguration>()["FrontDesk:PublicBaseUrl"];
        return string.IsNullOrWhiteSpace(baseUrl) ? null : baseUrl.TrimEnd('/') + "/staff/escalations/" + Uri.EscapeDataString(escalationId);
    }

    /// <summary>The Teams webhook for a location: its own, else <c>FrontDesk:Teams:WebhookUrl</c>, else the environment variable the profile names.</summary>
    private string? WebhookFor(SpaProfile profile, string? locationId)
    {
        if (locationId is not null && options.Value.LocationWebhookUrls.TryGetValue(locationId, out var own) && !string.IsNullOrWhiteSpace(own))
        {
            return own;
        }
        if (!string.IsNullOrWhiteSpace(options.Value.WebhookUrl))
        {
            return options.Value.WebhookUrl;
        }
        if (profile.Escalation.TeamsWebhookEnv is { Length: > 0 } env)
        {
            var value = services.GetRequiredService<IConfiguration>()[env] ?? Environment.GetEnvironmentVariable(env);
            return string.IsNullOrWhiteSpace(value) ? null : value;
        }
        return null;
    }

    private sealed class DueRow
    {
        public string EscalationId { get; init; } = "";
        public string Target { get; init; } = "";
        public int Attempts { get; init; }
    }

    // Card numbers typed into a chat must not travel to Teams or Slack.
    private static string MaskCardNumbers(string text) => CardNumber().Replace(text, "[card number removed]");

    [GeneratedRegex(@"\b(?:\d[ -]?){13,19}\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex CardNumber();
}
