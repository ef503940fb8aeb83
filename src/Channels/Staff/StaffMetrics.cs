using Dapper;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Store;

namespace FrontDesk.Channels.Staff;

/// <summary>One day of the owner dashboard.</summary>
internal sealed record MetricsDay(
    string Date, int Conversations, Dictionary<string, int> ByChannel, double? FirstResponseMs, int Captured, int Booked, int Contained,
    Dictionary<string, int> Escalations, decimal Revenue, int AfterHours);

/// <summary>The owner dashboard over a range of local days, with totals and rates.</summary>
internal sealed record MetricsReport(
    string From, string To, string Currency, int Conversations, Dictionary<string, int> ByChannel, double? FirstResponseMs,
    double CaptureRate, double BookingRate, double ContainmentRate, double EscalationRate, Dictionary<string, double> EscalationRateByCategory,
    decimal Revenue, double AfterHoursShare, IReadOnlyList<MetricsDay> Days);

/// <summary>
/// Computes the owner dashboard over the conversations started in the range: conversations by channel, first-response
/// time, capture rate (left contact details: a known client, or a real caller ID for phone and SMS), booking rate (led to a
/// booking, whenever it was made), containment (no escalation, no staff turn and never taken over; system turns such as a caller's
/// interruption do not count), escalation rate by category, booked revenue at list
/// prices (appointments the front desk booked, by the day they were booked), after-hours share (conversations started
/// outside the location's opening hours). Days are local days in the spa's zone. With a language, only the conversations
/// with a turn in that language count (tag <c>language:es</c>; a conversation that switched counts under both).
/// </summary>
internal sealed class StaffMetrics(SpaDatabase db, SpaProfile profile)
{
    public const int MaxDays = 366;

    private sealed class ConversationRow
    {
        public string Id { get; init; } = "";
        public string Channel { get; init; } = "";
        public string? LocationId { get; init; }
        public string? ClientId { get; init; }
        public string? CallerPhone { get; init; }
        public DateTime CreatedAtUtc { get; init; }
        public int? FirstLatency { get; init; }
        public long StaffTurns { get; init; }
    }

    private sealed class BookingRow
    {
        public string? ConversationId { get; init; }
        public string ServiceId { get; init; } = "";
        public DateTime CreatedAtUtc { get; init; }
    }

    private sealed class EscalationRow
    {
        public string ConversationId { get; init; } = "";
        public string Category { get; init; } = "";
    }

    public async Task<MetricsReport> ComputeAsync(DateOnly from, DateOnly to, string? language, CancellationToken ct)
    {
        var fromUtc = StaffTime.StartOfDayUtc(profile, from);
        var toUtc = StaffTime.StartOfDayUtc(profile, to.AddDays(1));
        await using var c = await db.OpenAsync(ct);
        var args = new { fromUtc, toUtc, tag = language is null ? null : "language:" + language };
        var conversations = (await c.QueryAsync<ConversationRow>(new CommandDefinition($"""
            SELECT c.id, c.channel, c.location_id AS LocationId, c.client_id AS ClientId, c.caller_phone AS CallerPhone, c.created_at_utc AS CreatedAtUtc,
                   (SELECT t.latency_ms FROM transcript_turns t WHERE t.conversation_id = c.id AND t.role = 'agent' ORDER BY t.seq LIMIT 1) AS FirstLatency,
                   (SELECT COUNT(*) FROM transcript_turns s WHERE s.conversation_id = c.id AND s.role = 'staff')
                   + (SELECT COUNT(*) FROM audit_log a WHERE a.entity = 'conversation' AND a.entity_id = c.id AND a.action = 'conversation.take_over') AS StaffTurns
            FROM conversations c WHERE c.created_at_utc >= @fromUtc AND c.created_at_utc < @toUtc AND {InLanguage("c.id")}
            """, args, cancellationToken: ct))).ToList();
        var escalations = (await c.QueryAsync<EscalationRow>(new CommandDefinition($"""
            SELECT e.conversation_id AS ConversationId, e.category FROM escalations e JOIN conversations c ON c.id = e.conversation_id
            WHERE c.created_at_utc >= @fromUtc AND c.created_at_utc < @toUtc AND {InLanguage("c.id")}
            """, args, cancellationToken: ct))).ToLookup(e => e.ConversationId);
        var bookings = (await c.QueryAsync<BookingRow>(new CommandDefinition($"""
            SELECT conversation_id AS ConversationId, service_id AS ServiceId, created_at_utc AS CreatedAtUtc FROM appointments
            WHERE conversation_id IS NOT NULL AND status IN ('booked', 'completed') AND created_at_utc >= @fromUtc AND created_at_utc < @toUtc
              AND {InLanguage("appointments.conversation_id")}
            """, args, cancellationToken: ct))).ToList();
        // The booking rate follows the conversations of the range: one started on Sunday that booked on Monday counts on Sunday.
        var bookedConversations = (await c.QueryAsync<string>(new CommandDefinition($"""
            SELECT DISTINCT a.conversation_id FROM appointments a JOIN conversations c ON c.id = a.conversation_id
            WHERE a.status IN ('booked', 'completed') AND c.created_at_utc >= @fromUtc AND c.created_at_utc < @toUtc AND {InLanguage("c.id")}
            """, args, cancellationToken: ct))).ToHashSet();

        var days = new List<MetricsDay>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var todays = conversations.Where(x => LocalDay(x.CreatedAtUtc) == day).ToList();
            var latencies = todays.Where(x => x.FirstLatency is not null).Select(x => (double)x.FirstLatency!.Value).ToList();
            days.Add(new MetricsDay(
                day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                todays.Count,
                todays.GroupBy(x => x.Channel).ToDictionary(g => g.Key, g => g.Count()),
                latencies.Count == 0 ? null : Math.Round(latencies.Average(), 1),
                todays.Count(IsCaptured),
                todays.Count(x => bookedConversations.Contains(x.Id)),
                todays.Count(x => !escalations[x.Id].Any() && x.StaffTurns == 0),
                todays.SelectMany(x => escalations[x.Id]).GroupBy(e => e.Category).ToDictionary(g => g.Key, g => g.Count()),
                bookings.Where(b => LocalDay(b.CreatedAtUtc) == day).Sum(b => profile.FindService(b.ServiceId)?.Price ?? 0m),
                todays.Count(x => IsAfterHours(x.LocationId, x.CreatedAtUtc))));
        }

        var total = days.Sum(d => d.Conversations);
        double Rate(int n) => total == 0 ? 0 : Math.Round((double)n / total, 4);
        var allLatencies = conversations.Where(x => x.FirstLatency is not null).Select(x => (double)x.FirstLatency!.Value).ToList();
        var byCategory = days.SelectMany(d => d.Escalations).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => Rate(g.Sum(kv => kv.Value)));
        return new MetricsReport(
            from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            profile.Spa.Currency, total,
            days.SelectMany(d => d.ByChannel).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value)),
            allLatencies.Count == 0 ? null : Math.Round(allLatencies.Average(), 1),
            Rate(days.Sum(d => d.Captured)), Rate(days.Sum(d => d.Booked)), Rate(days.Sum(d => d.Contained)),
            Rate(conversations.Count(x => escalations[x.Id].Any())), byCategory,
            days.Sum(d => d.Revenue), Rate(days.Sum(d => d.AfterHours)), days);
    }

    // The conversation has a turn tagged with the language asked for (any conversation when none is).
    private static string InLanguage(string conversationId) =>
        $"(@tag IS NULL OR EXISTS (SELECT 1 FROM transcript_tags g WHERE g.conversation_id = {conversationId} AND g.tag = @tag))";

    // Left a way to reach the client: a known client, or for phone and SMS a caller ID that is a real number (the spa can
    // call or text back; a withheld number does not count). Web and chat visitors count once they are identified.
    private static bool IsCaptured(ConversationRow x) =>
        x.ClientId is not null || (x.Channel is "sms" or "voice" && FrontDesk.Tools.PhoneNumbers.ToE164(x.CallerPhone) is not null);

    private DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(profile.ToLocal(utc));

    private bool IsAfterHours(string? locationId, DateTime utc)
    {
        var location = profile.FindLocation(locationId) ?? profile.DefaultLocation;
        var local = profile.ToLocal(utc);
        if (location.Closures.Contains(DateOnly.FromDateTime(local)))
        {
            return true;
        }
        var time = TimeOnly.FromDateTime(local);
        return !location.Hours.On(local.DayOfWeek).Any(span => time >= span.Start && time < span.End);
    }
}
