using System.Security.Claims;
using System.Text.Json;
using Dapper;
using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Escalations;
using FrontDesk.Agent.Transcripts;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Store;

namespace FrontDesk.Channels.Staff;

#pragma warning disable CA1056 // plain DTOs of the JSON API
/// <summary>An appointment as the staff API shows it; <c>GuestName</c> is the person who comes when the client booked it for someone with them.</summary>
internal sealed record StaffAppointment(
    string Id, string Status, string LocationId, string ServiceId, string ServiceName, string StaffId, string StaffName, string ClientId,
    string? ClientName, string? ClientPhone, string Start, string End, string StartUtc, string EndUtc, string Channel, string? ConversationId,
    string? GuestName);

/// <summary>An escalation as the staff API shows it.</summary>
internal sealed record StaffEscalation(
    string Id, string Category, string Urgency, string Status, string Summary, string? ClientName, string? ClientPhone, string Channel,
    string? ConversationId, string CreatedAt, string CreatedAtUtc, string Route, string? LocationId, string? ClaimedBy, string? ResolvedBy);

/// <summary>A waitlist entry as the staff API shows it.</summary>
internal sealed record StaffWaitlistEntry(
    string Id, string Status, string ServiceId, string? ServiceName, string? ClientName, string? ClientPhone, string WindowStart, string WindowEnd,
    string TimeOfDay, string CreatedAt, string CreatedAtUtc);

/// <summary>An outbound message as the staff API shows it.</summary>
internal sealed record StaffOutboxMessage(
    string Id, string Kind, string Status, string To, string Body, string CreatedAt, string CreatedAtUtc, string? SentAt, string? SentAtUtc,
    string? DecidedBy, string? RelatedId);

/// <summary>A tool call in a transcript.</summary>
internal sealed record StaffToolCall(string Name, string Outcome, string Arguments, string Result);

/// <summary>One transcript turn with its tags and tool calls.</summary>
internal sealed record StaffTurn(
    string ConversationId, int Seq, string Role, string Text, string Channel, string At, string AtUtc, IReadOnlyList<string> Tags, string? Intent,
    IReadOnlyList<StaffToolCall> Tools, string? Escalation, string? Brain, string? Model, bool AiGenerated, int? LatencyMs);

/// <summary>A conversation with its tagged transcript.</summary>
internal sealed record StaffConversation(
    string Id, string Channel, string? LocationId, string? ClientId, string? ClientName, string? CallerPhone, string Status, string? TakenOverBy,
    string CreatedAt, string CreatedAtUtc, IReadOnlyList<StaffEscalation> Escalations, IReadOnlyList<StaffTurn> Turns);

/// <summary>An audit entry.</summary>
internal sealed record StaffAuditEntry(
    long Id, string At, string AtUtc, string ActorKind, string Actor, string Action, string Entity, string EntityId, string? Before, string? After,
    string? ConversationId);
#pragma warning restore CA1056

/// <summary>Read models of the staff API and console, in the spa's words and times.</summary>
internal sealed class StaffQueries(SpaDatabase db, SpaProfile profile, AppointmentBook book, ConversationStore conversations, OutboxWriter outbox)
{
    public const string MedicalHidden = "Medical matter: details are for clinicians.";

    private sealed class ClientRow
    {
        public string Id { get; init; } = "";
        public string? Name { get; init; }
        public string? Phone { get; init; }
    }

    private sealed class WaitRow
    {
        public string Id { get; init; } = "";
        public string Status { get; init; } = "";
        public string ServiceId { get; init; } = "";
        public string? Name { get; init; }
        public string? Phone { get; init; }
        public string WindowStart { get; init; } = "";
        public string WindowEnd { get; init; } = "";
        public string TimeOfDay { get; init; } = "";
        public DateTime CreatedAtUtc { get; init; }
    }

    private async Task<Dictionary<string, ClientRow>> ClientsAsync(IEnumerable<string?> ids, CancellationToken ct)
    {
        var list = ids.OfType<string>().Distinct().ToList();
        if (list.Count == 0)
        {
            return [];
        }
        await using var c = await db.OpenAsync(ct);
        // Dapper expands a list for SQLite; PostgreSQL takes it as one array parameter.
        var where = db.IsPostgres ? "id = ANY(@list)" : "id IN @list";
        var rows = await c.QueryAsync<ClientRow>(new CommandDefinition($"SELECT id, name, COALESCE(phone, unverified_phone) AS phone FROM clients WHERE {where}", new { list = list.ToArray() }, cancellationToken: ct));
        return rows.ToDictionary(r => r.Id);
    }

    public async Task<IReadOnlyList<StaffAppointment>> AppointmentsAsync(DateOnly from, DateOnly to, string? locationId, CancellationToken ct)
    {
        var list = await book.ListStartingAsync(StaffTime.StartOfDayUtc(profile, from), StaffTime.StartOfDayUtc(profile, to.AddDays(1)), locationId, ct);
        var clients = await ClientsAsync(list.Select(a => a.ClientId), ct);
        return [.. list.Select(a =>
        {
            clients.TryGetValue(a.ClientId, out var client);
            return new StaffAppointment(a.Id, a.Status, a.LocationId, a.ServiceId, profile.FindService(a.ServiceId)?.Name ?? a.ServiceId, a.StaffId,
                profile.FindStaff(a.StaffId)?.Name ?? a.StaffId, a.ClientId, client?.Name, client?.Phone, StaffTime.Local(profile, a.StartsAtUtc),
                StaffTime.Local(profile, a.EndsAtUtc), StaffTime.Utc(a.StartsAtUtc), StaffTime.Utc(a.EndsAtUtc), a.Channel, a.ConversationId, a.GuestName);
        })];
    }

    public async Task<IReadOnlyList<StaffEscalation>> EscalationsAsync(string? status, ClaimsPrincipal user, CancellationToken ct) =>
        await ShowAsync(await conversations.EscalationsAsync(status, ct), user, ct);

    public async Task<IReadOnlyList<StaffEscalation>> ShowAsync(IReadOnlyList<Escalation> list, ClaimsPrincipal user, CancellationToken ct)
    {
        var clients = await ClientsAsync(list.Select(e => e.ClientId), ct);
        var medical = user.SeesMedical();
        return [.. list.Select(e =>
        {
            var hidden = MedicalMatters.IsMedical(e.Category) && !medical;
            var client = e.ClientId is not null && clients.TryGetValue(e.ClientId, out var c) ? c : null;
            return new StaffEscalation(e.Id, e.Category, e.Urgency, e.Status, hidden ? MedicalHidden : e.Summary, client?.Name, e.ClientPhone ?? client?.Phone,
                e.Channel, hidden ? null : e.ConversationId, StaffTime.Local(profile, e.CreatedAtUtc), StaffTime.Utc(e.CreatedAtUtc), e.Route, e.LocationId,
                e.ClaimedBy, e.ResolvedBy);
        })];
    }

    public async Task<IReadOnlyList<StaffWaitlistEntry>> WaitlistAsync(string? status, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<WaitRow>(
            new CommandDefinition("""
                SELECT w.id, w.status, w.service_id AS ServiceId, cl.name, COALESCE(cl.phone, cl.unverified_phone) AS phone, w.window_start AS WindowStart, w.window_end AS WindowEnd,
                       w.time_of_day AS TimeOfDay, w.created_at_utc AS CreatedAtUtc
                FROM waitlist_entries w LEFT JOIN clients cl ON cl.id = w.client_id
                WHERE (@status IS NULL OR w.status = @status) ORDER BY w.created_at_utc
                """, new { status }, cancellationToken: ct));
        return [.. rows.Select(r => new StaffWaitlistEntry(r.Id, r.Status, r.ServiceId, profile.FindService(r.ServiceId)?.Name, r.Name, r.Phone,
            r.WindowStart, r.WindowEnd, r.TimeOfDay, StaffTime.Local(profile, r.CreatedAtUtc), StaffTime.Utc(r.CreatedAtUtc)))];
    }

    /// <summary>
    /// Outbound messages, newest first. Below clinician, the body of a message about a conversation (or escalation) with a
    /// medical or emergency escalation is hidden, as its transcript is.
    /// </summary>
    public async Task<IReadOnlyList<StaffOutboxMessage>> OutboxAsync(string? status, ClaimsPrincipal user, CancellationToken ct)
    {
        HashSet<string> medical = [];
        if (!user.SeesMedical())
        {
            await using var c = await db.OpenAsync(ct);
            medical = await MedicalMatters.IdsAsync(c, andEscalations: true, ct);
        }
        return [.. (await outbox.ListAsync(status, 500, ct)).Select(m => new StaffOutboxMessage(m.Id, m.Kind, m.Status, m.ToAddress,
            m.RelatedId is not null && medical.Contains(m.RelatedId) ? MedicalHidden : m.Body,
            StaffTime.Local(profile, m.CreatedAtUtc), StaffTime.Utc(m.CreatedAtUtc), StaffTime.Local(profile, m.SentAtUtc), StaffTime.Utc(m.SentAtUtc),
            m.DecidedBy, m.RelatedId))];
    }

    public async Task<StaffConversation?> ConversationAsync(string id, ClaimsPrincipal user, CancellationToken ct)
    {
        var conversation = await conversations.GetAsync(id, ct);
        if (conversation is null)
        {
            return null;
        }
        var turns = await conversations.TranscriptAsync(id, ct);
        await using var c = await db.OpenAsync(ct);
        var escalations = (await c.QueryAsync<Escalation>(new CommandDefinition(
            $"SELECT {ConversationStoreColumns.Escalation} FROM escalations WHERE conversation_id = @id ORDER BY created_at_utc", new { id }, cancellationToken: ct))).ToList();
        var clients = await ClientsAsync([conversation.ClientId], ct);
        return new StaffConversation(conversation.Id, conversation.Channel, conversation.LocationId, conversation.ClientId,
            conversation.ClientId is not null && clients.TryGetValue(conversation.ClientId, out var client) ? client.Name : null, conversation.CallerPhone,
            conversation.Status, conversation.TakenOverBy, StaffTime.Local(profile, conversation.CreatedAtUtc), StaffTime.Utc(conversation.CreatedAtUtc),
            await ShowAsync(escalations, user, ct), [.. turns.Select(Turn)]);
    }

    public async Task<IReadOnlyList<StaffTurn>> TranscriptsAsync(string? tag, string? channel, DateOnly from, DateOnly to, ClaimsPrincipal user, CancellationToken ct)
    {
        var turns = await conversations.QueryTurnsAsync(tag, channel, null, StaffTime.StartOfDayUtc(profile, from), StaffTime.StartOfDayUtc(profile, to.AddDays(1)), 1000, ct);
        HashSet<string> hidden = [];
        if (!user.SeesMedical())
        {
            await using var c = await db.OpenAsync(ct);
            hidden = await MedicalMatters.IdsAsync(c, andEscalations: false, ct);
        }
        return [.. turns.Where(t => !hidden.Contains(t.ConversationId)).Select(Turn)];
    }

    public async Task<IReadOnlyList<StaffAuditEntry>> AuditAsync(DateOnly from, DateOnly to, string? entity, string? entityId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var entries = await AuditLog.QueryAsync(c, entity, entityId, StaffTime.StartOfDayUtc(profile, from), StaffTime.StartOfDayUtc(profile, to.AddDays(1)), 1000, ct);
        return [.. entries.Select(e => new StaffAuditEntry(e.Id, StaffTime.Local(profile, e.AtUtc), StaffTime.Utc(e.AtUtc), e.ActorKind, e.Actor, e.Action,
            e.Entity, e.EntityId, e.BeforeJson, e.AfterJson, e.ConversationId))];
    }

    private StaffTurn Turn(TranscriptTurn t)
    {
        TurnTags tags;
        try
        {
            tags = JsonSerializer.Deserialize<TurnTags>(t.TagsJson, ConversationState.Json) ?? new TurnTags();
        }
        catch (JsonException)
        {
            tags = new TurnTags();
        }
        return new StaffTurn(t.ConversationId, t.Seq, t.Role, t.Text, t.Channel, StaffTime.Local(profile, t.AtUtc), StaffTime.Utc(t.AtUtc), [.. tags.Flatten()],
            tags.Intent, [.. tags.Tools.Select(x => new StaffToolCall(x.Name, x.Outcome, x.Arguments, x.Result))], tags.Escalation, tags.Brain, tags.Model,
            tags.AiGenerated, t.LatencyMs);
    }
}
