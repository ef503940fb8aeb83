using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Store;

namespace FrontDesk.Channels.Twilio;

/// <summary>
/// The SMS channel's side of who may not be texted: STOP, START and Twilio's error 21610 recorded through the spa's book
/// (<see cref="TextOptOuts"/>: <c>sms_opt_outs</c> kept in step with <c>clients.opted_out_at_utc</c>, audited).
/// </summary>
/// <param name="db">The store.</param>
/// <param name="optOuts">The spa book's opt-outs.</param>
public sealed class SmsOptOuts(SpaDatabase db, TextOptOuts optOuts)
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
        await SetAsync(c, tx, phone, optedOut, source, actor, null, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Records an opt-out or opt-in inside the caller's transaction (an SMS keyword commits it with its answer).</summary>
    /// <param name="c">Open connection.</param>
    /// <param name="tx">The caller's write transaction.</param>
    /// <param name="phone">E.164 number.</param>
    /// <param name="optedOut">True to stop texting it.</param>
    /// <param name="source">What caused it: <c>keyword</c>, <c>twilio_21610</c>.</param>
    /// <param name="actor">Who recorded it.</param>
    /// <param name="conversationId">The text thread it was asked in, for the audit entry (as a call's opt-out names its call); or null.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>A task.</returns>
    public async Task SetAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction tx, string phone, bool optedOut, string source, Actor actor,
        string? conversationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        await optOuts.SetAsync(c, tx, phone, optedOut, source, null, actor, conversationId, ct);
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
    public static Task<bool> IsOptedOutAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction? tx, string phone, CancellationToken ct) =>
        TextOptOuts.IsOptedOutAsync(c, tx, phone, ct);
}
