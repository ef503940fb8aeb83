using Dapper;
using FrontDesk.Tools;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Store;

namespace FrontDesk.Channels.Twilio.Outbound;

/// <summary>
/// The sender's side of the outbox table: finds due messages, claims one at a time (safe with several
/// instances), and records what happened to it. Each change is audited in the same transaction.
/// </summary>
/// <param name="db">The store.</param>
/// <param name="optOuts">Opt-outs (error 21610).</param>
/// <param name="options">How long a claim lasts (<see cref="SmsOptions.ClaimSeconds"/>).</param>
/// <param name="clock">Clock.</param>
public sealed class OutboxDelivery(SpaDatabase db, SmsOptOuts optOuts, Microsoft.Extensions.Options.IOptionsMonitor<SmsOptions> options, TimeProvider clock)
{
    private const string Columns = """
        id, kind, channel, to_address AS ToAddress, client_id AS ClientId, location_id AS LocationId, body, status,
        requires_approval AS RequiresApproval, decided_by AS DecidedBy, related_id AS RelatedId, attempts,
        not_before_utc AS NotBeforeUtc, next_attempt_at_utc AS NextAttemptAtUtc, last_error AS LastError,
        provider_message_id AS ProviderMessageId, created_at_utc AS CreatedAtUtc, sent_at_utc AS SentAtUtc, updated_at_utc AS UpdatedAtUtc
        """;

    /// <summary>Queued SMS whose time has come (messages awaiting approval are never due).</summary>
    /// <param name="limit">Most to return.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>Due messages, oldest first.</returns>
    public async Task<IReadOnlyList<OutboxMessage>> DueAsync(int limit, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return [.. await c.QueryAsync<OutboxMessage>(new CommandDefinition($"""
            SELECT {Columns} FROM outbox
            WHERE status = 'queued' AND channel = 'sms' AND (next_attempt_at_utc IS NULL OR next_attempt_at_utc <= @now)
              AND (claimed_until_utc IS NULL OR claimed_until_utc < @realNow)
            ORDER BY next_attempt_at_utc, created_at_utc LIMIT @limit
            """, new { now = clock.GetUtcNow().UtcDateTime, realNow = DateTime.UtcNow, limit }, cancellationToken: ct))];
    }

    /// <summary>
    /// Claims a due message for <see cref="SmsOptions.ClaimSeconds"/>; false when another sender holds it or it is no longer
    /// queued. The claim is a lease in real time, like a conversation's turn lease: a sender that dies with it leaves the
    /// message to another once it lapses, also when the spa's clock is pinned (a demo, a test) and never moves.
    /// </summary>
    /// <param name="message">The message as read.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>True when this sender owns the attempt.</returns>
    public async Task<bool> ClaimAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = clock.GetUtcNow().UtcDateTime;
        var realNow = DateTime.UtcNow;
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition("""
            UPDATE outbox SET claimed_until_utc = @until, updated_at_utc = @now
            WHERE id = @Id AND status = 'queued' AND (next_attempt_at_utc IS NULL OR next_attempt_at_utc <= @now)
              AND (claimed_until_utc IS NULL OR claimed_until_utc < @realNow)
            """, new { message.Id, until = realNow.AddSeconds(options.CurrentValue.ClaimSeconds), now, realNow }, cancellationToken: ct)) == 1;
    }

    /// <summary>Twilio accepted the message.</summary>
    /// <param name="message">Message.</param>
    /// <param name="providerId">MessageSid, or null when Twilio returned none (never stored as an empty id).</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>A task.</returns>
    /// <param name="exception">Why a message went that a rule would otherwise stop (an opt-out's confirmation), for the audit entry; or null.</param>
    public Task SentAsync(OutboxMessage message, string? providerId, CancellationToken ct, string? exception = null) =>
        FinishAsync(message, OutboxStatus.Sent, null, providerId, "outbox.sent", ct, exception);

    /// <summary>The message will never go: suppressed (opt-out, no consent) or failed.</summary>
    /// <param name="message">Message.</param>
    /// <param name="status">suppressed or failed.</param>
    /// <param name="reason">Why.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>A task.</returns>
    public Task StopAsync(OutboxMessage message, string status, string reason, CancellationToken ct) =>
        FinishAsync(message, status, reason, null, $"outbox.{status}", ct);

    /// <summary>Leaves the message queued for a later attempt.</summary>
    /// <param name="message">Message.</param>
    /// <param name="at">When to try again.</param>
    /// <param name="reason">Why not now.</param>
    /// <param name="countsAsAttempt">True after a failed send; false for a deferral (quiet hours).</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>A task.</returns>
    public async Task RetryAtAsync(OutboxMessage message, DateTime at, string reason, bool countsAsAttempt, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition("""
            UPDATE outbox SET next_attempt_at_utc = @at, claimed_until_utc = NULL, last_error = @reason, attempts = attempts + @add, updated_at_utc = @now
            WHERE id = @Id AND status = 'queued'
            """, new { message.Id, at, reason, add = countsAsAttempt ? 1 : 0, now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct));
    }

    private async Task FinishAsync(OutboxMessage message, string status, string? reason, string? providerId, string action, CancellationToken ct, string? exception = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        await c.ExecuteAsync(new CommandDefinition("""
            UPDATE outbox SET status = @status, claimed_until_utc = NULL, last_error = @reason, provider_message_id = COALESCE(@providerId, provider_message_id),
                   attempts = attempts + @add, sent_at_utc = CASE WHEN @sent THEN @now ELSE sent_at_utc END, updated_at_utc = @now
            WHERE id = @Id
            """, new { message.Id, status, reason, providerId, add = providerId is null && status == OutboxStatus.Suppressed ? 0 : 1, sent = status == OutboxStatus.Sent, now }, tx, cancellationToken: ct));
        await AuditLog.WriteAsync(c, tx, now, Actor.System("sms-sender"), action, "outbox", message.Id,
            new { message.Status }, new { Status = status, Reason = exception ?? reason }, null, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Records a delivery status callback by provider id. Error 21610 (the handset opted out through the
    /// carrier or Twilio) also marks the number opted out.
    /// </summary>
    /// <param name="providerId">MessageSid.</param>
    /// <param name="status">MessageStatus.</param>
    /// <param name="errorCode">ErrorCode, if any.</param>
    /// <param name="to">Recipient, if given.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>A task.</returns>
    public async Task RecordStatusAsync(string providerId, string status, string? errorCode, string? to, CancellationToken ct)
    {
        var mapped = status switch
        {
            "delivered" => OutboxStatus.Delivered,
            "undelivered" or "failed" => OutboxStatus.Failed,
            _ => OutboxStatus.Sent,
        };
        var now = clock.GetUtcNow().UtcDateTime;
        string? phone;
        await using (var c = await db.OpenAsync(ct))
        {
            // Callbacks arrive out of order: once delivered or failed, a message stays so (a late "sent" or
            // "queued" never regresses it).
            await c.ExecuteAsync(new CommandDefinition("""
                UPDATE outbox SET status = @mapped, last_error = COALESCE(@error, last_error), updated_at_utc = @now
                WHERE provider_message_id = @providerId AND status NOT IN (@delivered, @failed)
                """, new { mapped, error = string.IsNullOrEmpty(errorCode) ? null : $"{status} {errorCode}", providerId, now, delivered = OutboxStatus.Delivered, failed = OutboxStatus.Failed },
                cancellationToken: ct));
            phone = await c.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT to_address FROM outbox WHERE provider_message_id = @providerId", new { providerId }, cancellationToken: ct));
        }
        phone ??= PhoneNumbers.ToE164(to);
        if (errorCode == "21610" && phone is not null)
        {
            await optOuts.SetAsync(phone, optedOut: true, "twilio_21610", Actor.System("sms-status"), ct);
        }
    }
}
