using System.Collections.Concurrent;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Store;

namespace FrontDesk.Tools.Availability;

/// <summary>An open slot: a provider and a room free for the service, buffers included.</summary>
/// <param name="ServiceId">The service.</param>
/// <param name="LocationId">Where.</param>
/// <param name="StaffId">Who.</param>
/// <param name="RoomId">Which room.</param>
/// <param name="StartsAtUtc">Start instant.</param>
/// <param name="EndsAtUtc">End of the service.</param>
/// <param name="LocalStart">Start in the spa's wall-clock time.</param>
public sealed record Slot(string ServiceId, string LocationId, string StaffId, string RoomId, DateTime StartsAtUtc, DateTime EndsAtUtc, DateTime LocalStart);

/// <summary>What to look for.</summary>
/// <param name="Service">The service.</param>
/// <param name="From">First local day.</param>
/// <param name="To">Last local day (inclusive).</param>
/// <param name="EarliestStart">Local time of day the slot may start at the earliest.</param>
/// <param name="LatestStart">Local time of day the slot may start at the latest.</param>
/// <param name="StaffId">Preferred provider, or null for anyone.</param>
/// <param name="LocationId">Location, or null for any that offers the service.</param>
public sealed record AvailabilityQuery(Service Service, DateOnly From, DateOnly To, TimeOnly? EarliestStart = null, TimeOnly? LatestStart = null, string? StaffId = null, string? LocationId = null)
{
    /// <summary>Providers to leave out ("someone else than Sofia").</summary>
    public IReadOnlyList<string> NotStaffIds { get; init; } = [];

    /// <summary>Weekdays to leave out ("any day but monday").</summary>
    public IReadOnlyList<DayOfWeek> NotWeekdays { get; init; } = [];

    /// <summary>The appointment being moved or replaced by another service: it blocks nothing, so a new time may overlap its old one ("an hour later" on a 90-minute massage, "a deep tissue instead, same time").</summary>
    public string? MovingAppointmentId { get; init; }

    /// <summary>
    /// Two people with two different services ("a massage for me and a facial for my sister", round 31): the second person's
    /// service, searched with its own providers, rooms and length; null when both have <see cref="Service"/>.
    /// </summary>
    public Service? SecondService { get; init; }
}

/// <summary>
/// Computes open slots from the profile (hours, closures, schedules, time off, skills, rooms) and the
/// appointments that block time. Works on a 15-minute grid of local wall-clock time and converts each
/// candidate through the spa's zone, so daylight-saving days come out right.
/// </summary>
public sealed class AvailabilityFinder(SpaProfile profile, AppointmentBook book, TimeProvider clock)
{
    // Each service's (or pair of services') providers and rooms, whose appointments its searches read (BlockingScope).
    private readonly ConcurrentDictionary<(string Service, string? Second), BlockingScope> _scopes = new();

    /// <summary>Slots start on this grid of local time.</summary>
    public const int GridMinutes = 15;

    /// <summary>Open slots, earliest first; one per location and start time (the preferred or least busy provider).</summary>
    public async Task<IReadOnlyList<Slot>> FindAsync(AvailabilityQuery query, CancellationToken ct)
    {
        if (await WindowAsync(query, ct) is not (var from, var to, var blocking))
        {
            return [];
        }
        if (query.MovingAppointmentId is { } moving)
        {
            blocking = [.. blocking.Where(a => a.Id != moving)];
        }
        return Compute(query, from, to, blocking);
    }

    /// <summary>The pure part of <see cref="FindAsync"/>, for a known set of blocking appointments.</summary>
    public IReadOnlyList<Slot> Compute(AvailabilityQuery query, DateOnly from, DateOnly to, IReadOnlyList<Appointment> blocking)
    {
        var service = query.Service;
        var earliestUtc = clock.GetUtcNow().UtcDateTime.AddMinutes(profile.Policies.BookingLeadTimeMin);
        var byStaff = blocking.ToLookup(a => a.StaffId, StringComparer.Ordinal);
        var byRoom = blocking.ToLookup(a => (a.LocationId, a.RoomId));
        // Each provider's and room's appointments read out of the lookups once, not at every start time of every day
        // (docs/performance.md, nineteenth round).
        var performers = profile.Staff.Where(s => s.ServiceIds.Contains(service.Id) && (query.StaffId is null || s.Id == query.StaffId)
            && !query.NotStaffIds.Contains(s.Id)).Select(s => (Staff: s, Blocking: byStaff[s.Id].ToArray())).ToList();
        var slots = new List<Slot>();
        // Per location and day, by start time on the grid: whether a provider took it already, and its instant (the zone's
        // conversion, the same for every provider, done once).
        var seen = new bool[StartsPerDay];
        var instants = new Instant[StartsPerDay];

        foreach (var location in profile.LocationsOffering(service))
        {
            if (query.LocationId is not null && location.Id != query.LocationId)
            {
                continue;
            }
            var rooms = location.Rooms.Where(r => r.Type == service.RoomType).Select(r => (Room: r, Blocking: byRoom[(location.Id, r.Id)].ToArray())).ToList();
            if (rooms.Count == 0)
            {
                continue;
            }
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                if (location.Closures.Contains(day) || query.NotWeekdays.Contains(day.DayOfWeek))
                {
                    continue;
                }
                Array.Clear(seen);
                Array.Clear(instants);
                foreach (var (staff, staffBlocking) in performers)
                {
                    if (!staff.Schedule.TryGetValue(location.Id, out var schedule) || staff.TimeOff.Contains(day))
                    {
                        continue;
                    }
                    foreach (var span in schedule.On(day.DayOfWeek))
                    {
                        foreach (var start in GridStarts(span, service.DurationMin))
                        {
                            var index = (int)(start.Ticks / TimeSpan.TicksPerMinute) / GridMinutes;
                            if (seen[index])
                            {
                                continue;
                            }
                            // A service ending exactly at midnight ends at the "24:00" of a span (TimeOnly.MaxValue), not at 00:00.
                            var endMinutes = start.ToTimeSpan().TotalMinutes + service.DurationMin;
                            var end = endMinutes >= 24 * 60 ? TimeOnly.MaxValue : start.AddMinutes(service.DurationMin);
                            if (endMinutes > 24 * 60 || !location.Hours.Covers(day.DayOfWeek, start, end)
                                || (query.EarliestStart is { } e && start < e) || (query.LatestStart is { } l && start > l))
                            {
                                continue;
                            }
                            var local = day.ToDateTime(start);
                            ref var instant = ref instants[index];
                            if (!instant.Known)
                            {
                                // The spring-forward gap has no such wall-clock time.
                                var invalid = profile.TimeZone.IsInvalidTime(local);
                                instant = new Instant(true, invalid, invalid ? default : TimeZoneInfo.ConvertTimeToUtc(local, profile.TimeZone));
                            }
                            if (instant.Invalid)
                            {
                                continue;
                            }
                            var startUtc = instant.Utc;
                            if (startUtc < earliestUtc)
                            {
                                continue;
                            }
                            var endUtc = startUtc.AddMinutes(service.DurationMin);
                            var blockedUntil = endUtc.AddMinutes(service.BufferMin);
                            if (Overlaps(staffBlocking, startUtc, blockedUntil))
                            {
                                continue;
                            }
                            var room = FreeRoom(rooms, startUtc, blockedUntil);
                            if (room is null)
                            {
                                continue;
                            }
                            seen[index] = true;
                            slots.Add(new Slot(service.Id, location.Id, staff.Id, room.Id, startUtc, endUtc, local));
                        }
                    }
                }
            }
        }
        slots.Sort((a, b) => a.StartsAtUtc != b.StartsAtUtc ? a.StartsAtUtc.CompareTo(b.StartsAtUtc) : string.CompareOrdinal(a.LocationId, b.LocationId));
        return slots;
    }

    /// <summary>
    /// The query's days clamped to the booking window and the appointments that block them, an hour either side, of the
    /// providers and rooms of the query's services (read once per turn: a widened search or a second one for the same services
    /// in the same turn filters what the first read, TurnReads); null when no day is left.
    /// </summary>
    private async Task<(DateOnly From, DateOnly To, IReadOnlyList<Appointment> Blocking)?> WindowAsync(AvailabilityQuery query, CancellationToken ct)
    {
        var (from, to) = ClampToBookingWindow(query.From, query.To);
        if (to < from)
        {
            return null;
        }
        var windowStartUtc = ToUtcLenient(from.ToDateTime(TimeOnly.MinValue)).AddHours(-1);
        var windowEndUtc = ToUtcLenient(to.AddDays(1).ToDateTime(TimeOnly.MinValue)).AddHours(1);
        var scope = _scopes.GetOrAdd((query.Service.Id, query.SecondService?.Id),
            static (_, q) => q.Second is { } second ? BlockingScope.Of(q.Profile, q.Service, second) : BlockingScope.Of(q.Profile, q.Service),
            (Profile: profile, query.Service, Second: query.SecondService));
        return (from, to, await TurnReads.BlockingAsync(windowStartUtc, windowEndUtc, scope, book.ListBlockingAsync, ct));
    }

    /// <summary>
    /// Openings for two people (round 30), earliest first: with <paramref name="backToBack"/> false, two providers free at the
    /// same start at the same place, each in a room of their own; with it true, one opening and the next one at the same place
    /// right after it ends (its buffer included), whoever gives it. A provider asked for (<see cref="AvailabilityQuery.StaffId"/>)
    /// sees the first person; the second is anyone else. Read against the schedule and the bookings, as <see cref="FindAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<(Slot First, Slot Second)>> FindPairsAsync(AvailabilityQuery query, bool backToBack, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (await WindowAsync(query, ct) is not (var from, var to, var blocking))
        {
            return [];
        }
        var service = query.Service;
        // Each provider's own openings (the second person's provider is anyone who gives it; the first is the one asked for).
        var everyone = query with { StaffId = null };
        var own = profile.Staff.Where(s => s.ServiceIds.Contains(service.Id) && !query.NotStaffIds.Contains(s.Id))
            .SelectMany(s => Compute(everyone with { StaffId = s.Id }, from, to, blocking)).ToList();
        // Another service for the second person (round 31): its own providers' openings, each with its own length, so the
        // longer one decides nothing about the other's end.
        var secondService = query.SecondService ?? service;
        var theirs = secondService.Id == service.Id ? everyone : everyone with { Service = secondService };
        var others = secondService.Id == service.Id ? own
            : profile.Staff.Where(s => s.ServiceIds.Contains(secondService.Id) && !query.NotStaffIds.Contains(s.Id))
                .SelectMany(s => Compute(theirs with { StaffId = s.Id }, from, to, blocking)).ToList();
        var second = backToBack ? Compute(theirs with { EarliestStart = null, LatestStart = null }, from, to, blocking)
            : others;
        var pairs = new List<(Slot, Slot)>();
        foreach (var first in own.Where(s => query.StaffId is null || s.StaffId == query.StaffId).OrderBy(s => s.StartsAtUtc))
        {
            if (pairs.Count > 0 && pairs[^1].Item1.StartsAtUtc == first.StartsAtUtc && pairs[^1].Item1.LocationId == first.LocationId)
            {
                continue;
            }
            var blockedUntil = first.EndsAtUtc.AddMinutes(service.BufferMin);
            if (backToBack)
            {
                // The next start on the grid once the first one's time (and its buffer) is over.
                if (second.FirstOrDefault(s => s.LocationId == first.LocationId && s.StartsAtUtc >= blockedUntil
                    && s.StartsAtUtc < blockedUntil.AddMinutes(GridMinutes)) is { } next)
                {
                    pairs.Add((first, next));
                }
                continue;
            }
            foreach (var other in second.Where(s => s.StaffId != first.StaffId && s.LocationId == first.LocationId && s.StartsAtUtc == first.StartsAtUtc))
            {
                // Each in a room of their own: the other one's room, or another free room of the kind when both found the same
                // (for the other one's whole time, its own buffer included).
                var otherBlockedUntil = other.EndsAtUtc.AddMinutes(secondService.BufferMin);
                var room = other.RoomId != first.RoomId ? other.RoomId
                    : profile.FindLocation(first.LocationId)?.Rooms
                        .Where(r => r.Type == secondService.RoomType && r.Id != first.RoomId)
                        .FirstOrDefault(r => !blocking.Any(a => a.LocationId == first.LocationId && a.RoomId == r.Id
                            && a.StartsAtUtc < otherBlockedUntil && other.StartsAtUtc < a.BlockedUntilUtc))?.Id;
                if (room is not null)
                {
                    pairs.Add((first, other with { RoomId = room }));
                    break;
                }
            }
        }
        return pairs;
    }

    private const int StartsPerDay = 24 * 60 / GridMinutes;

    // A start time's instant on one day: not yet converted, in the spring-forward gap, or its UTC instant.
    private readonly record struct Instant(bool Known, bool Invalid, DateTime Utc);

    private static Room? FreeRoom(List<(Room Room, Appointment[] Blocking)> rooms, DateTime startUtc, DateTime blockedUntilUtc)
    {
        foreach (var (room, blocking) in rooms)
        {
            if (!Overlaps(blocking, startUtc, blockedUntilUtc))
            {
                return room;
            }
        }
        return null;
    }

    /// <summary>Whether a specific slot (provider, room and time) is still free, checked against the given appointments.</summary>
    public static bool IsFree(Slot slot, Service service, IEnumerable<Appointment> blocking, string? ignoreAppointmentId = null)
    {
        var blockedUntil = slot.EndsAtUtc.AddMinutes(service.BufferMin);
        return !blocking.Any(a => a.Id != ignoreAppointmentId
            && (a.StaffId == slot.StaffId || (a.LocationId == slot.LocationId && a.RoomId == slot.RoomId))
            && a.StartsAtUtc < blockedUntil && slot.StartsAtUtc < a.BlockedUntilUtc);
    }

    /// <summary>Limits a range of days to today + lead time … today + horizon.</summary>
    public (DateOnly From, DateOnly To) ClampToBookingWindow(DateOnly from, DateOnly to)
    {
        var today = profile.Today(clock);
        var last = today.AddDays(profile.Policies.BookingHorizonDays);
        return (from < today ? today : from, to > last ? last : to);
    }

    private DateTime ToUtcLenient(DateTime local) =>
        profile.TimeZone.IsInvalidTime(local) ? TimeZoneInfo.ConvertTimeToUtc(local.AddHours(1), profile.TimeZone) : TimeZoneInfo.ConvertTimeToUtc(local, profile.TimeZone);

    private static IEnumerable<TimeOnly> GridStarts(TimeSpanOfDay span, int durationMin)
    {
        var startMinutes = (int)Math.Ceiling(span.Start.ToTimeSpan().TotalMinutes / GridMinutes) * GridMinutes;
        var endMinutes = span.End == TimeOnly.MaxValue ? 24 * 60 : (int)span.End.ToTimeSpan().TotalMinutes;
        for (var m = startMinutes; m + durationMin <= endMinutes && m < 24 * 60; m += GridMinutes)
        {
            yield return TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(m));
        }
    }

    private static bool Overlaps(Appointment[] appointments, DateTime startUtc, DateTime blockedUntilUtc)
    {
        foreach (var a in appointments)
        {
            if (a.StartsAtUtc < blockedUntilUtc && startUtc < a.BlockedUntilUtc)
            {
                return true;
            }
        }
        return false;
    }
}
