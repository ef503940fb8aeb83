using System.Data.Common;
using Dapper;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Store;

namespace FrontDesk.Tools.Clients;

/// <summary>Where an opt-out came from, as <c>sms_opt_outs.source</c> records it.</summary>
public static class OptOutSource
{
    /// <summary>An SMS keyword (STOP, START, ALTO…) or words asking to stop texts, sent from the number.</summary>
    public const string Keyword = "keyword";
    /// <summary>Twilio refused a send with error 21610 (the carrier has the number opted out).</summary>
    public const string Twilio21610 = "twilio_21610";
    /// <summary>A staff member recorded it (console or staff API).</summary>
    public const string Staff = "staff";
    /// <summary>A caller asked on a call from the number (caller ID) that texts stop.</summary>
    public const string VoiceRequest = "voice_request";
    /// <summary>Only the client record says so (<c>clients.opted_out_at_utc</c>), with no row here.</summary>
    public const string ClientRecord = "client_record";
}

/// <summary>A number's opt-out as staff read it: whether texts to it are stopped, since when, how and why.</summary>
/// <param name="Phone">E.164 number.</param>
/// <param name="OptedOut">True when nothing may be texted to it.</param>
/// <param name="SinceUtc">When it opted out (null when it has not).</param>
/// <param name="Source">What recorded the last change (<see cref="OptOutSource"/>), or null when nothing ever did.</param>
/// <param name="Note">The note kept with the last change (a staff member's reason), or null.</param>
/// <param name="RecordedBy">Who recorded the last change (<c>staff:login</c>, <c>client:+1…</c>), or null.</param>
/// <param name="UpdatedAtUtc">When the last change was recorded, or null.</param>
/// <param name="ClientId">The client with this phone, or null.</param>
/// <param name="ClientName">Their name, or null.</param>
public sealed record TextOptOut(string Phone, bool OptedOut, DateTime? SinceUtc, string? Source, string? Note, string? RecordedBy, DateTime? UpdatedAtUtc,
    string? ClientId, string? ClientName);

/// <summary>
/// Who may not be texted, in the spa's book: the <c>sms_opt_outs</c> table keyed by phone (source, note, who), kept in step with
/// <c>clients.opted_out_at_utc</c> (whose change writes the audit entry). Every sender checks <see cref="IsOptedOutAsync(DbConnection, DbTransaction?, string, CancellationToken)"/>,
/// which reads both. Channels record STOP and START through it, staff their own changes, and the agent a caller's "stop texting
/// me" inside the turn's transaction.
/// </summary>
/// <param name="db">The store.</param>
/// <param name="clients">Client directory (opt-out column and audit).</param>
/// <param name="clock">Clock.</param>
public sealed class TextOptOuts(SpaDatabase db, ClientDirectory clients, TimeProvider clock)
{
    /// <summary>Longest note kept with a change.</summary>
    public const int MaxNoteLength = 500;

    /// <summary>Records an opt-out or an opt-in for a number inside the caller's transaction, always (a STOP again is recorded again).</summary>
    /// <param name="c">Open connection.</param>
    /// <param name="tx">The caller's write transaction.</param>
    /// <param name="phone">E.164 number.</param>
    /// <param name="optedOut">True to stop texting it.</param>
    /// <param name="source">What caused it (<see cref="OptOutSource"/>).</param>
    /// <param name="note">Why, in a staff member's words; null for none.</param>
    /// <param name="actor">Who recorded it.</param>
    /// <param name="conversationId">The conversation it was asked in, for the audit entry; or null.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>A task.</returns>
    public async Task SetAsync(DbConnection c, DbTransaction tx, string phone, bool optedOut, string source, string? note, Actor actor, string? conversationId,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(actor);
        await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO sms_opt_outs (phone, opted_out, source, note, recorded_by, updated_at_utc) VALUES (@phone, @optedOut, @source, @note, @by, @now)
            ON CONFLICT (phone) DO UPDATE SET opted_out = @optedOut, source = @source, note = @note, recorded_by = @by, updated_at_utc = @now
            """, new { phone, optedOut, source, note, by = $"{actor.Kind}:{actor.Name}", now = clock.GetUtcNow().UtcDateTime }, tx, cancellationToken: ct));
        await clients.SetOptedOutAsync(c, tx, phone, optedOut, actor, ct, source, note, conversationId);
    }

    /// <summary>
    /// Records a change only when it changes something (inside the caller's transaction): a number already opted out keeps when
    /// and how it first did, and opting in a number that is not opted out writes nothing.
    /// </summary>
    /// <returns>True when the change was recorded.</returns>
    public async Task<bool> ChangeAsync(DbConnection c, DbTransaction tx, string phone, bool optedOut, string source, string? note, Actor actor, string? conversationId,
        CancellationToken ct)
    {
        if (await IsOptedOutAsync(c, tx, phone, ct) == optedOut)
        {
            return false;
        }
        await SetAsync(c, tx, phone, optedOut, source, note, actor, conversationId, ct);
        return true;
    }

    /// <summary>Records a change only when it changes something, in a transaction of its own.</summary>
    /// <returns>True when the change was recorded.</returns>
    public async Task<bool> ChangeAsync(string phone, bool optedOut, string source, string? note, Actor actor, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        var changed = await ChangeAsync(c, tx, phone, optedOut, source, note, actor, null, ct);
        await tx.CommitAsync(ct);
        return changed;
    }

    /// <summary>Whether a number has opted out, read inside the caller's transaction: the one check every sender uses (either record says so).</summary>
    /// <param name="c">Open connection.</param>
    /// <param name="tx">The caller's transaction, if any.</param>
    /// <param name="phone">E.164 number.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>True when texts to it must not be sent.</returns>
    public static async Task<bool> IsOptedOutAsync(DbConnection c, DbTransaction? tx, string phone, CancellationToken ct) =>
        await c.ExecuteScalarAsync<long>(new CommandDefinition("""
            SELECT (SELECT COUNT(*) FROM sms_opt_outs WHERE phone = @phone AND opted_out = @yes)
                 + (SELECT COUNT(*) FROM clients WHERE phone = @phone AND opted_out_at_utc IS NOT NULL)
            """, new { phone, yes = true }, tx, cancellationToken: ct)) > 0;

    private const string OptOutRow = """
        o.phone AS Phone, o.opted_out AS OptedOut, o.source AS Source, o.note AS Note, o.recorded_by AS RecordedBy, o.updated_at_utc AS UpdatedAtUtc
        """;

    /// <summary>A number's status (both records read); a number nothing was ever recorded for is not opted out.</summary>
    /// <param name="phone">E.164 number.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The status.</returns>
    public async Task<TextOptOut> StatusAsync(string phone, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"SELECT {OptOutRow} FROM sms_opt_outs o WHERE o.phone = @phone", new { phone }, cancellationToken: ct));
        var client = await c.QuerySingleOrDefaultAsync<ClientRow>(new CommandDefinition(
            "SELECT id AS Id, name AS Name, opted_out_at_utc AS OptedOutAtUtc FROM clients WHERE phone = @phone", new { phone }, cancellationToken: ct));
        if (row is { OptedOut: true })
        {
            return new TextOptOut(phone, true, row.UpdatedAtUtc, row.Source, row.Note, row.RecordedBy, row.UpdatedAtUtc, client?.Id, client?.Name);
        }
        if (client?.OptedOutAtUtc is { } since)
        {
            return new TextOptOut(phone, true, since, OptOutSource.ClientRecord, null, null, since, client.Id, client.Name);
        }
        return new TextOptOut(phone, false, null, row?.Source, row?.Note, row?.RecordedBy, row?.UpdatedAtUtc, client?.Id, client?.Name);
    }

    /// <summary>The opted-out numbers, newest first (either record), one page.</summary>
    /// <param name="offset">How many to skip.</param>
    /// <param name="limit">How many at most.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The page and how many there are in all.</returns>
    public async Task<(IReadOnlyList<TextOptOut> Numbers, int Total)> ListAsync(int offset, int limit, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        const string All = """
            SELECT o.phone AS phone, o.updated_at_utc AS since, o.source AS source, o.note AS note, o.recorded_by AS recorded_by FROM sms_opt_outs o WHERE o.opted_out = @yes
            UNION ALL
            SELECT cl.phone, cl.opted_out_at_utc, @clientRecord, NULL, NULL FROM clients cl
            WHERE cl.opted_out_at_utc IS NOT NULL AND cl.phone IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM sms_opt_outs o WHERE o.phone = cl.phone AND o.opted_out = @yes)
            """;
        var args = new { yes = true, clientRecord = OptOutSource.ClientRecord, offset, limit };
        var total = await c.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM ({All}) x", args, cancellationToken: ct));
        var rows = await c.QueryAsync<ListRow>(new CommandDefinition($"""
            SELECT x.phone AS Phone, x.since AS SinceUtc, x.source AS Source, x.note AS Note, x.recorded_by AS RecordedBy, cl.id AS ClientId, cl.name AS ClientName
            FROM ({All}) x LEFT JOIN clients cl ON cl.phone = x.phone
            ORDER BY x.since DESC, x.phone LIMIT @limit OFFSET @offset
            """, args, cancellationToken: ct));
        return ([.. rows.Select(r => new TextOptOut(r.Phone, true, r.SinceUtc, r.Source, r.Note, r.RecordedBy, r.SinceUtc, r.ClientId, r.ClientName))], (int)total);
    }

    // Classes with setters, not positional records: Dapper would look for a constructor of the provider's own column types
    // (SQLite's INTEGER flag is a long).
    private sealed class Row
    {
        public string Phone { get; set; } = "";
        public bool OptedOut { get; set; }
        public string Source { get; set; } = "";
        public string? Note { get; set; }
        public string? RecordedBy { get; set; }
        public DateTime UpdatedAtUtc { get; set; }
    }

    private sealed class ClientRow
    {
        public string Id { get; set; } = "";
        public string? Name { get; set; }
        public DateTime? OptedOutAtUtc { get; set; }
    }

    private sealed class ListRow
    {
        public string Phone { get; set; } = "";
        public DateTime SinceUtc { get; set; }
        public string Source { get; set; } = "";
        public string? Note { get; set; }
        public string? RecordedBy { get; set; }
        public string? ClientId { get; set; }
        public string? ClientName { get; set; }
    }
}
