using Dapper;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Store;

namespace FrontDesk.Channels.Twilio;

/// <summary>
/// Who may not be texted: the <c>sms_opt_outs</c> table keyed by phone, kept in step with
/// <c>clients.opted_out_at_utc</c> (which also writes the audit entry).
/// </summary>
/// <param name="db">The store.</param>
/// <param name="clients">Client directory (opt-out column and audit).</param>
/// <param name="clock">Clock.</param>
public sealed class SmsOptOuts(SpaDatabase db, ClientDirectory clients, TimeProvider clock)
{
    /// <summary>Records an opt-out (STOP, error 21610) or an opt-in (START) for a number.</summary>
    /// <param name="phone">E.164 number.</param>
    /// <param name="optedOut">True to stop texting it.</param>
    /// <param name="source">What caused it: <c>keyword</c>, <c>twilio_21610</c>.</param>
    /// <param name="actor">Who recorded it.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>A task.</returns>
    public async Task SetAsync(string phone, bool optedOut, string source, Actor actor, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        await SetAsync(c, tx, phone, optedOut, source, actor, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Records an opt-out or opt-in inside the caller's transaction (an SMS keyword commits it with its answer).</summary>
    /// <param name="c">Open connection.</param>
    /// <param name="tx">The caller's write transaction.</param>
    /// <param name="phone">E.164 number.</param>
    /// <param name="optedOut">True to stop texting it.</param>
    /// <param name="source">What caused it: <c>keyword</c>, <c>twilio_21610</c>.</param>
    /// <param name="actor">Who recorded it.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>A task.</returns>
    public async Task SetAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction tx, string phone, bool optedOut, string source, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO sms_opt_outs (phone, opted_out, source, updated_at_utc) VALUES (@phone, @optedOut, @source, @now)
            ON CONFLICT (phone) DO UPDATE SET opted_out = @optedOut, source = @source, updated_at_utc = @now
            """, new { phone, optedOut, source, now = clock.GetUtcNow().UtcDateTime }, tx, cancellationToken: ct));
        await clients.SetOptedOutAsync(c, tx, phone, optedOut, actor, ct);
    }

    /// <summary>Whether a number has opted out (either record says so).</summary>
    /// <param name="phone">E.164 number.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>True when texts to it must not be sent.</returns>
    public async Task<bool> IsOptedOutAsync(string phone, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await IsOptedOutAsync(c, null, phone, ct);
    }

    /// <summary>Whether a number has opted out, read inside the caller's transaction: the one check every sender uses.</summary>
    /// <param name="c">Open connection.</param>
    /// <param name="tx">The caller's transaction, if any.</param>
    /// <param name="phone">E.164 number.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>True when texts to it must not be sent.</returns>
    public static async Task<bool> IsOptedOutAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction? tx, string phone, CancellationToken ct) =>
        await c.ExecuteScalarAsync<long>(new CommandDefinition("""
            SELECT (SELECT COUNT(*) FROM sms_opt_outs WHERE phone = @phone AND opted_out = @yes)
                 + (SELECT COUNT(*) FROM clients WHERE phone = @phone AND opted_out_at_utc IS NOT NULL)
            """, new { phone, yes = true }, tx, cancellationToken: ct)) > 0;
}
