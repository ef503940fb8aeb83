using Dapper;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Store;

namespace FrontDesk.Channels.Twilio;

/// <summary>A call as the channel remembers it (beyond the agent's conversation).</summary>
public sealed class VoiceCall
{
    /// <summary>Twilio CallSid, also the conversation id.</summary>
    public string CallSid { get; init; } = "";
    /// <summary>Location the dialled number belongs to.</summary>
    public string? LocationId { get; init; }
    /// <summary>Caller.</summary>
    public string? FromPhone { get; init; }
    /// <summary>Dialled number.</summary>
    public string? ToPhone { get; init; }
    /// <summary>gather or relay.</summary>
    public string Mode { get; init; } = "";
    /// <summary>Last call status seen.</summary>
    public string Status { get; init; } = "";
    /// <summary>transfer or voicemail when the call went to a person.</summary>
    public string? HandedOff { get; init; }
    /// <summary>Outbox id of the missed-call text-back, once queued.</summary>
    public string? TextBackOutboxId { get; init; }
}

/// <summary>The <c>voice_calls</c> table.</summary>
/// <param name="db">The store.</param>
/// <param name="outbox">Outbox (text-backs).</param>
/// <param name="clock">Clock.</param>
public sealed class CallLog(SpaDatabase db, OutboxWriter outbox, TimeProvider clock)
{
    private const string Columns = """
        call_sid AS CallSid, location_id AS LocationId, from_phone AS FromPhone, to_phone AS ToPhone, mode, status,
        handed_off AS HandedOff, text_back_outbox_id AS TextBackOutboxId
        """;

    /// <summary>Records a call's start (a repeated webhook for the same call changes nothing).</summary>
    /// <param name="callSid">CallSid.</param>
    /// <param name="locationId">Location.</param>
    /// <param name="from">Caller.</param>
    /// <param name="to">Dialled number.</param>
    /// <param name="mode">gather or relay.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>A task.</returns>
    public async Task StartAsync(string callSid, string locationId, string? from, string? to, string mode, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO voice_calls (call_sid, location_id, from_phone, to_phone, mode, status, created_at_utc, updated_at_utc)
            VALUES (@callSid, @locationId, @from, @to, @mode, 'in-progress', @now, @now)
            ON CONFLICT (call_sid) DO NOTHING
            """, new { callSid, locationId, from, to, mode, now }, cancellationToken: ct));
    }

    /// <summary>The call, or null.</summary>
    /// <param name="callSid">CallSid.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The call.</returns>
    public async Task<VoiceCall?> GetAsync(string callSid, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<VoiceCall>(new CommandDefinition(
            $"SELECT {Columns} FROM voice_calls WHERE call_sid = @callSid", new { callSid }, cancellationToken: ct));
    }

    /// <summary>Notes that the call went to a person (transfer) or to voicemail.</summary>
    /// <param name="callSid">CallSid.</param>
    /// <param name="how">transfer or voicemail.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>A task.</returns>
    public async Task MarkHandedOffAsync(string callSid, string how, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE voice_calls SET handed_off = @how, updated_at_utc = @now WHERE call_sid = @callSid",
            new { callSid, how, now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct));
    }

    /// <summary>Records the final status; returns the call as it was before, or null when unknown.</summary>
    /// <param name="callSid">CallSid.</param>
    /// <param name="status">CallStatus.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The call.</returns>
    public async Task<VoiceCall?> SetStatusAsync(string callSid, string status, CancellationToken ct)
    {
        var call = await GetAsync(callSid, ct);
        if (call is null)
        {
            return null;
        }
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE voice_calls SET status = @status, updated_at_utc = @now WHERE call_sid = @callSid",
            new { callSid, status, now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct));
        return call;
    }

    /// <summary>
    /// Queues the missed-call text-back once per call: the claim and the outbox row commit together,
    /// so a repeated status callback never texts twice and a crash never loses the text.
    /// </summary>
    /// <param name="callSid">CallSid.</param>
    /// <param name="to">Caller's number.</param>
    /// <param name="body">Text.</param>
    /// <param name="clientId">Client, if known.</param>
    /// <param name="locationId">Location.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The outbox message, or null when this call's text-back was already queued.</returns>
    public async Task<OutboxMessage?> QueueTextBackAsync(string callSid, string to, string body, string? clientId, string? locationId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        var claimed = await c.ExecuteAsync(new CommandDefinition(
            "UPDATE voice_calls SET text_back_outbox_id = 'claimed' WHERE call_sid = @callSid AND text_back_outbox_id IS NULL",
            new { callSid }, tx, cancellationToken: ct));
        if (claimed != 1)
        {
            return null;
        }
        var message = await outbox.EnqueueAsync(c, tx, MessageKind.MissedCall, to, body, clientId, locationId, callSid, null, Actor.System("voice"), ct);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE voice_calls SET text_back_outbox_id = @Id WHERE call_sid = @callSid", new { message.Id, callSid }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return message;
    }
}
