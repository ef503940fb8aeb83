using System.Data.Common;
using Dapper;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Store;

namespace FrontDesk.Tools.Outbox;

/// <summary>Kinds of outbound message.</summary>
public static class MessageKind
{
    /// <summary>Booking confirmation.</summary>
    public const string Confirmation = "confirmation";
    /// <summary>Reminder the day before.</summary>
    public const string Reminder = "reminder";
    /// <summary>A waitlist offer.</summary>
    public const string WaitlistOffer = "waitlist_offer";
    /// <summary>A one-time verification code.</summary>
    public const string VerificationCode = "verification_code";
    /// <summary>Text-back after a missed or abandoned call.</summary>
    public const string MissedCall = "missed_call";
    /// <summary>A reply to an inbound message sent later through the API.</summary>
    public const string Reply = "reply";
    /// <summary>A message a staff member wrote.</summary>
    public const string Staff = "staff";
    /// <summary>An urgent note to the on-call phone.</summary>
    public const string OnCall = "on_call";
    /// <summary>
    /// The reply that confirms an opt-out the conversation just recorded, sent later because it missed the reply budget: the
    /// one text a sender may still send to the opted-out number (carriers expect the confirmation; nothing else follows it).
    /// </summary>
    public const string OptOutConfirmation = "opt_out_confirmation";
}

/// <summary>Outbox statuses.</summary>
public static class OutboxStatus
{
    /// <summary>Waits for a staff member to approve it.</summary>
    public const string PendingApproval = "pending_approval";
    /// <summary>Ready to send when due.</summary>
    public const string Queued = "queued";
    /// <summary>Accepted by the provider.</summary>
    public const string Sent = "sent";
    /// <summary>Delivered to the handset.</summary>
    public const string Delivered = "delivered";
    /// <summary>Failed for good.</summary>
    public const string Failed = "failed";
    /// <summary>Staff rejected it.</summary>
    public const string Rejected = "rejected";
    /// <summary>Not sent because the number opted out or has no consent.</summary>
    public const string Suppressed = "suppressed";
}

/// <summary>A message to a client, kept until it is sent (or deliberately not sent).</summary>
public sealed class OutboxMessage
{
    /// <summary>Id.</summary>
    public string Id { get; init; } = "";
    /// <summary>See <see cref="MessageKind"/>.</summary>
    public string Kind { get; init; } = "";
    /// <summary>sms for now.</summary>
    public string Channel { get; init; } = "sms";
    /// <summary>E.164 number.</summary>
    public string ToAddress { get; init; } = "";
    /// <summary>Client, if known.</summary>
    public string? ClientId { get; init; }
    /// <summary>Location whose number sends it.</summary>
    public string? LocationId { get; init; }
    /// <summary>Text.</summary>
    public string Body { get; init; } = "";
    /// <summary>See <see cref="OutboxStatus"/>.</summary>
    public string Status { get; init; } = OutboxStatus.Queued;
    /// <summary>Whether a staff member must approve it first.</summary>
    public bool RequiresApproval { get; init; }
    /// <summary>Who approved or rejected it.</summary>
    public string? DecidedBy { get; init; }
    /// <summary>Related record (appointment, offer, escalation).</summary>
    public string? RelatedId { get; init; }
    /// <summary>Send attempts so far.</summary>
    public int Attempts { get; init; }
    /// <summary>Not to be sent before this instant (quiet hours, reminders).</summary>
    public DateTime? NotBeforeUtc { get; init; }
    /// <summary>When the sender should try next.</summary>
    public DateTime? NextAttemptAtUtc { get; init; }
    /// <summary>Last error.</summary>
    public string? LastError { get; init; }
    /// <summary>Provider id (Twilio MessageSid).</summary>
    public string? ProviderMessageId { get; init; }
    /// <summary>Created.</summary>
    public DateTime CreatedAtUtc { get; init; }
    /// <summary>Sent.</summary>
    public DateTime? SentAtUtc { get; init; }
    /// <summary>Last changed.</summary>
    public DateTime UpdatedAtUtc { get; init; }
}

/// <summary>Writes to the outbox. The sender that drains it lives with the channel that delivers.</summary>
public sealed class OutboxWriter(SpaDatabase db, TimeProvider clock, OutboxPolicy policy)
{
    internal const string Columns = """
        id, kind, channel, to_address AS ToAddress, client_id AS ClientId, location_id AS LocationId, body, status,
        requires_approval AS RequiresApproval, decided_by AS DecidedBy, related_id AS RelatedId, attempts,
        not_before_utc AS NotBeforeUtc, next_attempt_at_utc AS NextAttemptAtUtc, last_error AS LastError,
        provider_message_id AS ProviderMessageId, created_at_utc AS CreatedAtUtc, sent_at_utc AS SentAtUtc, updated_at_utc AS UpdatedAtUtc
        """;

    private const string InsertSql = """
        INSERT INTO outbox (id, kind, channel, to_address, client_id, location_id, body, status, requires_approval, related_id,
                            attempts, not_before_utc, next_attempt_at_utc, created_at_utc, updated_at_utc)
        VALUES (@Id, @Kind, @Channel, @ToAddress, @ClientId, @LocationId, @Body, @Status, @RequiresApproval, @RelatedId,
                0, @NotBeforeUtc, @NextAttemptAtUtc, @CreatedAtUtc, @UpdatedAtUtc)
        """;

    /// <summary>Queues a message (held for approval when its kind requires it).</summary>
    public async Task<OutboxMessage> EnqueueAsync(string kind, string to, string body, string? clientId, string? locationId, string? relatedId,
        DateTime? notBeforeUtc, Actor actor, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        var message = await EnqueueAsync(c, tx, kind, to, body, clientId, locationId, relatedId, notBeforeUtc, actor, ct);
        await tx.CommitAsync(ct);
        return message;
    }

    /// <summary>A new message as queued at <paramref name="now"/>: held for approval when its kind requires it.</summary>
    private OutboxMessage NewMessage(string kind, string to, string body, string? clientId, string? locationId, string? relatedId,
        DateTime? notBeforeUtc, DateTime now)
    {
        var approval = policy.RequiresApproval(kind);
        return new OutboxMessage
        {
            Id = NewId.For("msg"), Kind = kind, ToAddress = to, Body = body, ClientId = clientId, LocationId = locationId, RelatedId = relatedId,
            Status = approval ? OutboxStatus.PendingApproval : OutboxStatus.Queued, RequiresApproval = approval,
            NotBeforeUtc = notBeforeUtc, NextAttemptAtUtc = notBeforeUtc ?? now, CreatedAtUtc = now, UpdatedAtUtc = now,
        };
    }

    /// <summary>Queues a message inside the caller's transaction.</summary>
    public async Task<OutboxMessage> EnqueueAsync(DbConnection c, DbTransaction tx, string kind, string to, string body, string? clientId, string? locationId,
        string? relatedId, DateTime? notBeforeUtc, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var message = NewMessage(kind, to, body, clientId, locationId, relatedId, notBeforeUtc, now);
        await PreparedSql.ExecuteAsync(c, tx, InsertSql, message, ct);
        await AuditLog.WriteAsync(c, tx, now, actor, "outbox.enqueue", "outbox", message.Id, null,
            new { message.Kind, message.Status, message.RelatedId }, null, ct);
        return message;
    }

    /// <summary>
    /// Queues a message with the caller's <paramref name="batch"/> (its row and audit entry, their parameters named with
    /// <paramref name="prefix"/>, which must differ from every other statement's in the batch): it is written with the
    /// batch's other statements, all or nothing.
    /// </summary>
    internal OutboxMessage Enqueue(WriteBatch batch, string prefix, string kind, string to, string body, string? clientId, string? locationId,
        string? relatedId, DateTime? notBeforeUtc, Actor actor)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var message = NewMessage(kind, to, body, clientId, locationId, relatedId, notBeforeUtc, now);
        var args = new DynamicParameters();
        args.Add(prefix + "Id", message.Id);
        args.Add(prefix + "Kind", message.Kind);
        args.Add(prefix + "Channel", message.Channel);
        args.Add(prefix + "ToAddress", message.ToAddress);
        args.Add(prefix + "ClientId", message.ClientId);
        args.Add(prefix + "LocationId", message.LocationId);
        args.Add(prefix + "Body", message.Body);
        args.Add(prefix + "Status", message.Status);
        args.Add(prefix + "RequiresApproval", message.RequiresApproval);
        args.Add(prefix + "RelatedId", message.RelatedId);
        args.Add(prefix + "NotBeforeUtc", message.NotBeforeUtc);
        args.Add(prefix + "NextAttemptAtUtc", message.NextAttemptAtUtc);
        args.Add(prefix + "CreatedAtUtc", message.CreatedAtUtc);
        args.Add(prefix + "UpdatedAtUtc", message.UpdatedAtUtc);
        batch.Add(InsertSql.Replace("@", "@" + prefix, StringComparison.Ordinal), args);
        AuditLog.Append(batch, prefix + "audit_", now, actor, "outbox.enqueue", "outbox", message.Id, null,
            new { message.Kind, message.Status, message.RelatedId }, null);
        return message;
    }

    /// <summary>Whether a message of <paramref name="kind"/> about <paramref name="relatedId"/> was ever queued.</summary>
    public async Task<bool> ExistsAsync(string kind, string relatedId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM outbox WHERE kind = @kind AND related_id = @relatedId", new { kind, relatedId }, cancellationToken: ct)) > 0;
    }

    /// <summary>Messages, newest first, optionally of one status.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(string? status, int limit, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return [.. await c.QueryAsync<OutboxMessage>(new CommandDefinition(
            $"SELECT {Columns} FROM outbox WHERE (@status IS NULL OR status = @status) ORDER BY created_at_utc DESC LIMIT @limit",
            new { status, limit = Math.Clamp(limit, 1, 1000) }, cancellationToken: ct))];
    }
}

/// <summary>Which message kinds wait for staff approval (configuration <c>FrontDesk:Outbox:RequireApproval</c>).</summary>
public sealed class OutboxPolicy
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "FrontDesk:Outbox";

    /// <summary>Kinds that need approval before sending; verification codes never wait.</summary>
    public List<string> RequireApproval { get; set; } = [];

    /// <summary>Whether a kind waits for approval.</summary>
    public bool RequiresApproval(string kind) =>
        kind != MessageKind.VerificationCode && RequireApproval.Contains(kind, StringComparer.OrdinalIgnoreCase);
}
