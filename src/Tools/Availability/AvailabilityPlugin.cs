using System.ComponentModel;
using System.Globalization;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Text;
using Microsoft.SemanticKernel;

namespace FrontDesk.Tools.Availability;

/// <summary>The availability tool: finds open slots and remembers what was offered, so only offered slots can be booked.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "Parameter names are the tool's argument names on the wire, snake_case as the model and the embedded engine send them.")]
public sealed class AvailabilityPlugin(SpaProfile profile, AvailabilityFinder availability, AppointmentBook book, ClientIdentity identity, ToolArguments arguments, TimeProvider clock)
{
    private const int MaxOffered = 3;

    /// <summary>check_availability.</summary>
    [KernelFunction(ToolNames.CheckAvailability)]
    [Description("Find open appointment slots for a service. Returns up to three concrete slots with ids to offer the client, or the nearest alternatives when nothing fits. Use before booking or rescheduling, or with replaces_ref before changing an appointment to another service.")]
    public async Task<ToolResult> CheckAvailabilityAsync(
        Kernel kernel,
        [Description(ToolParameters.Service)] string service,
        [Description("First day to search, YYYY-MM-DD in the spa's local calendar. Omit for the next available days.")] string? date = null,
        [Description("Last day to search (inclusive), YYYY-MM-DD. Omit to search only 'date' (or the next two weeks when 'date' is omitted).")] string? end_date = null,
        [Description(ToolParameters.TimeOfDay)] string? time_of_day = null,
        [Description("Earliest start time, HH:MM 24-hour local.")] string? after = null,
        [Description("Latest start time, HH:MM 24-hour local.")] string? before = null,
        [Description("A preferred start time, HH:MM 24-hour local; slots nearest to it come first.")] string? near = null,
        [Description(ToolParameters.Provider)] string? provider = null,
        [Description("Location name or id; omit for any location.")] string? location = null,
        [Description("When finding a new time for an existing appointment: its reference from list_appointments.")] string? reschedule_ref = null,
        [Description("Providers to leave out, names or ids separated by commas, when the client asks for someone else.")] string? exclude_provider = null,
        [Description("When the service is to replace one of the client's own appointments (a change of service): its reference from list_appointments. Its own time counts as free; book with the same replaces_ref.")] string? replaces_ref = null,
        [Description("True to ask only whether the window given is open (e.g. the appointment's own provider at the exact time asked): when nothing fits, no alternatives are searched or offered.")] bool no_alternatives = false,
        [Description("2 when two people want the service at the same time (\"me and my sister\"): each opening offered is a pair of slots (slot_id and with_slot_id), two providers free then at the same place; book both with book_appointment(with_slot_id).")] int party = 1,
        [Description("With party=2: true when the two people are fine back to back (one right after the other) when no two providers are free at once.")] bool back_to_back = false,
        [Description("Another day (YYYY-MM-DD) to search whole beside 'date', when the time of day asked holds only on 'date' (\"friday afternoon or saturday\"); openings of both days are offered.")] string? also_date = null,
        [Description("With party=2: the second person's service when it is not the same (\"a massage for me and a facial for my sister\"); each pair is then one opening of each, at the same time and place.")] string? with_service = null,
        [Description("Weekdays the client ruled out (\"any day but monday\"), English names separated by commas: no opening on them is offered.")] string? exclude_weekdays = null,
        CancellationToken cancellationToken = default)
    {
        var scope = kernel.ConversationScope();
        // A new time for an existing appointment keeps its service, whatever the caller named it ("my massage"); another
        // service in its place is searched as a booking, with the appointment's own time free (it is cancelled as the new one books).
        string? rescheduleOf = null, replacementOf = null;
        Service? svc = null;
        if ((reschedule_ref ?? replaces_ref) is { } changing)
        {
            var own = await identity.OwnAppointmentAsync(scope, changing, cancellationToken);
            if (own.Result is not null)
            {
                return own.Result;
            }
            if (reschedule_ref is not null)
            {
                rescheduleOf = own.Appointment!.Id;
                svc = profile.FindService(own.Appointment.ServiceId);
            }
            else
            {
                replacementOf = own.Appointment!.Id;
            }
            if (own.Appointment.StartsAtUtc - clock.GetUtcNow().UtcDateTime < TimeSpan.FromHours(profile.Policies.LateCancelHours))
            {
                // Inside the late window a move is the team's: said now, not after offering times that cannot be booked.
                return new ToolResult("refused", $"This appointment is less than {profile.Policies.LateCancelHours} hours away, so a team member will handle the change.",
                    new { late_cancel = true, reason = "late_change" });
            }
        }
        if (svc is null)
        {
            var resolved = arguments.Service(service);
            if (resolved.Result is not null)
            {
                return resolved.Result;
            }
            svc = resolved.Service!;
        }
        // Offer no time for a treatment this person should not have (stated conditions, the verified client's flags).
        if (AppointmentWording.EligibilityBlock(scope, svc, await identity.VerifiedClientAsync(scope, cancellationToken)) is { } unsafeFor)
        {
            return unsafeFor;
        }
        var bookable = await BookableServiceAsync(scope, svc, cancellationToken);
        var today = profile.Today(clock);
        var (from, to, badDates) = ToolArguments.DateWindow(date, end_date, today, openDays: 13);
        if (badDates is not null)
        {
            return badDates;
        }
        if (!ToolArguments.TryTime(after, out var afterTime) || !ToolArguments.TryTime(before, out var beforeTime) || !ToolArguments.TryTime(near, out var nearTime))
        {
            return new ToolResult("bad_argument", "Times must be HH:MM in 24-hour local time.");
        }
        (afterTime, beforeTime) = ToolArguments.ApplyTimeOfDay(time_of_day, afterTime, beforeTime);
        var named = arguments.StaffAndLocation(provider, location);
        if (named.Result is not null)
        {
            return named.Result;
        }
        var horizonEnd = today.AddDays(profile.Policies.BookingHorizonDays);
        if (from > horizonEnd)
        {
            return new ToolResult("no_slots", $"We book up to {profile.Policies.BookingHorizonDays} days ahead; that date is too far out. The waitlist is an option.",
                new { horizon_end = ToolArguments.Day(horizonEnd), waitlist_available = true });
        }
        if (named.Staff is { } st && !st.ServiceIds.Contains(bookable.Id))
        {
            var who = profile.Staff.Where(s => s.ServiceIds.Contains(bookable.Id)).ToList();
            return new ToolResult("bad_argument", $"{st.FirstName} does not perform {bookable.Name}. Providers who do: {string.Join(", ", who.Select(s => s.Name))}.",
                new { reason = "provider_service", provider = st.FirstName, service = bookable.Name, providers = who.Select(s => s.FirstName) });
        }
        if (named.Staff is { } askedStaff && named.Location is { } askedPlace && !askedStaff.Schedule.ContainsKey(askedPlace.Id))
        {
            // "hydrafacial with sofia at mission": she never works there; said, with where she does.
            var worksAt = askedStaff.Schedule.Keys.Select(profile.FindLocation).OfType<Location>().Select(x => x.Name).ToList();
            return new ToolResult("bad_argument", $"{askedStaff.FirstName} does not work at {askedPlace.Name}. {askedStaff.FirstName} works at {string.Join(", ", worksAt)}.",
                new { reason = "provider_not_at_location", provider = askedStaff.FirstName, location = askedPlace.Name, locations = worksAt });
        }
        if (named.Location is { } l && !profile.LocationsOffering(bookable).Contains(l))
        {
            var offeredAt = profile.LocationsOffering(bookable).Select(x => x.Name).ToList();
            return new ToolResult("bad_argument", $"{bookable.Name} is not offered at {l.Name}. It is offered at {string.Join(", ", offeredAt)}.",
                new { reason = "not_at_location", service = bookable.Name, location = l.Name, locations = offeredAt });
        }

        // "someone else than Sofia": those providers left out; the appointment being moved or replaced blocks nothing (its new time may overlap its old one).
        var notStaff = (exclude_provider ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(x => arguments.StaffAndLocation(x, null).Staff?.Id).OfType<string>().ToList();
        var notWeekdays = new List<DayOfWeek>();
        foreach (var day in (exclude_weekdays ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out var weekday) || !Enum.IsDefined(weekday) || int.TryParse(day, out _))
            {
                return new ToolResult("bad_argument", $"'{day}' is not a weekday; exclude_weekdays takes English weekday names separated by commas.");
            }
            notWeekdays.Add(weekday);
        }
        var query = new AvailabilityQuery(bookable, from, to, afterTime, beforeTime, named.Staff?.Id, named.Location?.Id) { NotStaffIds = notStaff, NotWeekdays = notWeekdays, MovingAppointmentId = rescheduleOf ?? replacementOf };
        if (party == 2 && rescheduleOf is null && replacementOf is null)
        {
            if (!string.IsNullOrWhiteSpace(with_service))
            {
                var theirs = arguments.Service(with_service);
                if (theirs.Result is not null)
                {
                    return theirs.Result;
                }
                if (AppointmentWording.EligibilityBlock(scope, theirs.Service!, null) is { } unsafeForThem)
                {
                    return unsafeForThem;
                }
                var secondBookable = await BookableServiceAsync(scope, theirs.Service!, cancellationToken);
                query = query with { SecondService = secondBookable.Id == bookable.Id ? null : secondBookable };
            }
            return await PairsAsync(scope, query, bookable, today, nearTime, back_to_back, cancellationToken);
        }
        var slots = await availability.FindAsync(query, cancellationToken);
        IReadOnlyList<Slot> otherDay = [];
        if (also_date is not null && ToolArguments.DateWindow(also_date, null, today, openDays: 0) is (var alsoDay, _, null) && alsoDay != from)
        {
            // "friday afternoon or saturday": the other day whole, its openings offered beside the first day's.
            otherDay = await availability.FindAsync(query with { From = alsoDay, To = alsoDay, EarliestStart = null, LatestStart = null }, cancellationToken);
        }
        var note = bookable.Id != svc.Id ? $"{svc.Name} starts with a {bookable.Name}; these times are for the consultation. " : "";
        if (slots.Count > 0 || otherDay.Count > 0)
        {
            // Both days asked: two of the first day's and one of the other's (or all three from the one that has openings).
            var picked = otherDay.Count == 0 ? Pick(slots, nearTime)
                : slots.Count == 0 ? Pick(otherDay, null)
                : [.. Pick(slots, nearTime).Take(MaxOffered - 1).Concat(Pick(otherDay, null).Take(1)).OrderBy(s => s.StartsAtUtc)];
            var views = Remember(scope, picked, rescheduleOf, replacementOf);
            return new ToolResult("ok", $"{note}Offer these times to the client and ask which one they want.",
                new { service = bookable.Name, slots = views, consultation_for = bookable.Id != svc.Id ? svc.Name : null });
        }

        if (no_alternatives)
        {
            // Only this window was asked: nothing is remembered as offered, so a wider search after it offers what it would have.
            return new ToolResult("no_slots", $"{note}Nothing open for {bookable.Name} in that window.",
                new { service = bookable.Name, alternatives = Array.Empty<SlotView>(), waitlist_available = true, consultation_for = bookable.Id != svc.Id ? svc.Name : null });
        }

        // Nothing fits: widen to the nearest alternatives (same service, any time of day, two weeks either side).
        var wideFrom = from.AddDays(-7) < today ? today : from.AddDays(-7);
        var wide = await availability.FindAsync(query with { From = wideFrom, To = to.AddDays(14), EarliestStart = null, LatestStart = null }, cancellationToken);
        // Alternatives the client was already offered in this conversation are not news ("those don't work either"):
        // leave them out while others remain.
        var seen = scope.Offered.Select(o => (o.StartsAtUtc, o.StaffId)).ToHashSet();
        var fresh = wide.Where(s => !seen.Contains((s.StartsAtUtc, s.StaffId))).ToList();
        var nearest = Nearest(fresh.Count > 0 ? fresh : wide, from, afterTime, beforeTime, nearTime);
        var alternatives = Remember(scope, nearest, rescheduleOf, replacementOf);
        // Closed that day: a closure, or (a single day asked) no hours on that weekday ("the mission location on sunday").
        var closed = named.Location is { } cl ? ClosedOn(cl, from, from == to) : profile.Locations.All(x => ClosedOn(x, from, from == to));
        // A provider asked for who does not work that day (weekly hours or time off): the reason, so it can be said.
        // Closed at the place asked (its day off or a closure) while another place that offers the service is open that day:
        // that place is named, so the person can go there instead ("the mission location on sunday": the Marina is open).
        var openElsewhere = closed && from == to && named.Location is { } shut
            ? profile.LocationsOffering(bookable).Where(x => x.Id != shut.Id && !ClosedOn(x, from, singleDay: true)).Select(x => x.Name).ToList()
            : [];
        var off = !closed && from == to && named.Staff is { } asked && (asked.TimeOff.Contains(from) || asked.Schedule.Values.All(h => h.On(from.DayOfWeek).Count == 0))
            ? named.Staff.FirstName : null;
        return new ToolResult("no_slots",
            $"{note}Nothing open for {bookable.Name} {(closed ? "that day (we're closed" + (openElsewhere.Count > 0 ? $"; {string.Join(" and ", openElsewhere)} is open that day)" : ")") : off is not null ? $"that day ({off} is not working)" : "in that window")}. " +
            (alternatives.Count > 0 ? "Offer the nearest alternatives, or the waitlist." : "Offer the waitlist."),
            new { service = bookable.Name, alternatives, waitlist_available = true, closed, closed_location = openElsewhere.Count > 0 ? named.Location!.Name : null,
                open_elsewhere = openElsewhere, provider_off = off, consultation_for = bookable.Id != svc.Id ? svc.Name : null });
    }

    /// <summary>
    /// Two people (round 30): pairs of openings in the window asked, at the same time with two providers (or back to back,
    /// when the person said so and no two are free at once), up to three, each remembered as two offered slots. When none fit,
    /// the single openings of that window (one person now) and the nearest pairs on other days or times, so the person can
    /// choose before anything is booked.
    /// </summary>
    private async Task<ToolResult> PairsAsync(ConversationScope scope, AvailabilityQuery query, Service service, DateOnly today, TimeOnly? near, bool backToBack, CancellationToken ct)
    {
        var together = await availability.FindPairsAsync(query, backToBack: false, ct);
        var sequential = together.Count == 0 && backToBack;
        var pairs = sequential ? await availability.FindPairsAsync(query, backToBack: true, ct) : together;
        if (pairs.Count > 0)
        {
            // A time asked that has no pair: who alone is free then (or nobody), to be said before the times for both.
            string? onlyThen = null;
            var askedTimeMissed = near is { } asked && query.From == query.To
                && !pairs.Any(p => TimeOnly.FromDateTime(p.First.LocalStart) == asked && DateOnly.FromDateTime(p.First.LocalStart) == query.From);
            if (askedTimeMissed)
            {
                var alone = await availability.FindAsync(query with { EarliestStart = near, LatestStart = near }, ct);
                // With two services, who alone gives the first one then says nothing of the other's: not named.
                onlyThen = alone.Count > 0 && query.SecondService is null ? profile.FindStaff(alone[0].StaffId)?.Name : null;
            }
            return new ToolResult("ok", "Offer these times for the two people and ask which one they want; book with slot_id and with_slot_id.",
                new
                {
                    service = service.Name, second_service = query.SecondService?.Name, party = 2, back_to_back = sequential, pairs = RememberPairs(scope, PickPairs(pairs, near)),
                    asked_time_missed = askedTimeMissed ? near!.Value.ToString("HH:mm", CultureInfo.InvariantCulture) : null, only_provider_then = onlyThen,
                });
        }
        var singles = await availability.FindAsync(query, ct);
        var wideFrom = query.From.AddDays(-7) < today ? today : query.From.AddDays(-7);
        var wide = query with { From = wideFrom, To = query.To.AddDays(14), EarliestStart = null, LatestStart = null };
        var widePairs = await availability.FindPairsAsync(wide, backToBack: false, ct);
        if (widePairs.Count == 0 && backToBack)
        {
            widePairs = await availability.FindPairsAsync(wide, backToBack: true, ct);
        }
        var target = query.From.ToDateTime(query.EarliestStart ?? near ?? new TimeOnly(12, 0));
        var nearest = widePairs.OrderBy(p => Math.Abs((p.First.LocalStart - target).TotalMinutes)).Take(MaxOffered).OrderBy(p => p.First.StartsAtUtc).ToList();
        var one = Pick(singles, near).Take(1).ToList();
        return new ToolResult("no_pairs",
            $"No two providers are free for {service.Name}{(query.SecondService is { } other ? " and " + other.Name : "")} at the same time in that window. " +
            (one.Count > 0 ? "One person can be seen then. " : "") + (nearest.Count > 0 ? "Offer the nearest times for both, or one person now." : "Offer one person now, or the waitlist."),
            new { service = service.Name, second_service = query.SecondService?.Name, party = 2, singles = Remember(scope, one, null, null), alternatives = RememberPairs(scope, nearest) });
    }

    /// <summary>Up to three pairs, spread out as <see cref="Pick"/> spreads single openings.</summary>
    private static List<(Slot First, Slot Second)> PickPairs(IReadOnlyList<(Slot First, Slot Second)> pairs, TimeOnly? near)
    {
        var firsts = Pick([.. pairs.Select(p => p.First)], near);
        return [.. firsts.Select(f => pairs.First(p => p.First == f))];
    }

    private List<PairView> RememberPairs(ConversationScope scope, IReadOnlyList<(Slot First, Slot Second)> pairs) =>
        [.. pairs.Select(p =>
        {
            var views = Remember(scope, [p.First, p.Second], null, null);
            return new PairView(views[0].SlotId, views[1].SlotId, views[0].Day, views[0].Time, views[1].Time, views[0].Provider, views[1].Provider, views[0].Location, views[0].LocalStart, views[1].LocalStart);
        })];

    private static bool ClosedOn(Location location, DateOnly day, bool singleDay) =>
        location.Closures.Contains(day) || (singleDay && location.Hours.On(day.DayOfWeek).Count == 0);

    /// <summary>The service to book: its consultation first when it needs one and the client has not had it.</summary>
    private async Task<Service> BookableServiceAsync(ConversationScope scope, Service service, CancellationToken ct)
    {
        if (!service.RequiresConsultation || profile.FindService(service.ConsultationServiceId) is not { } consult)
        {
            return service;
        }
        if (await identity.IdentifiedClientAsync(scope, ct) is { } clientId)
        {
            var history = await book.ListForClientAsync(clientId, DateTime.MinValue, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            if (history.Any(a => (a.ServiceId == consult.Id || a.ServiceId == service.Id) && a.Status is AppointmentStatus.Completed
                || (a.Status == AppointmentStatus.Booked && a.ServiceId == service.Id && a.StartsAtUtc < now)))
            {
                return service;
            }
        }
        return consult;
    }

    private List<SlotView> Remember(ConversationScope scope, IReadOnlyList<Slot> slots, string? rescheduleOf, string? replacementOf)
    {
        var views = new List<SlotView>();
        foreach (var s in slots)
        {
            var id = $"S{scope.Offered.Count + 1}";
            scope.Offered.Add(new OfferedSlot(id, s.ServiceId, s.LocationId, s.StaffId, s.RoomId, s.StartsAtUtc, s.EndsAtUtc, s.LocalStart, rescheduleOf, replacementOf));
            views.Add(new SlotView(id, profile.FindService(s.ServiceId)!.Name, SpokenTime.Day(DateOnly.FromDateTime(s.LocalStart)), SpokenTime.Time(TimeOnly.FromDateTime(s.LocalStart)),
                profile.FindStaff(s.StaffId)!.Name, profile.FindLocation(s.LocationId)!.Name, s.LocalStart.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)));
        }
        // Keep the scope small: a long conversation keeps only its recent offers.
        if (scope.Offered.Count > 60)
        {
            scope.Offered.RemoveRange(0, scope.Offered.Count - 60);
        }
        return views;
    }

    /// <summary>Up to three slots a person can choose between: spread out rather than three adjacent quarter-hours.</summary>
    private static List<Slot> Pick(IReadOnlyList<Slot> slots, TimeOnly? near)
    {
        IEnumerable<Slot> ordered = near is { } n
            ? slots.OrderBy(s => DateOnly.FromDateTime(s.LocalStart)).ThenBy(s => Math.Abs((TimeOnly.FromDateTime(s.LocalStart) - n).TotalMinutes is var d && d > 720 ? 1440 - d : d))
            : slots;
        var picked = new List<Slot>();
        foreach (var s in ordered)
        {
            if (picked.All(p => Math.Abs((p.StartsAtUtc - s.StartsAtUtc).TotalMinutes) >= 60 || p.LocationId != s.LocationId && Math.Abs((p.StartsAtUtc - s.StartsAtUtc).TotalMinutes) >= 30))
            {
                picked.Add(s);
            }
            if (picked.Count == MaxOffered)
            {
                break;
            }
        }
        // Asked for a time: the nearest comes first, so "the first one" is the time they asked for.
        return near is null ? [.. picked.OrderBy(s => s.StartsAtUtc)] : picked;
    }

    /// <summary>
    /// Alternatives when nothing fits: openings inside the asked-for time window on the nearest other days first
    /// ("Thursday after 5" on a closed Thursday offers other days after 5), then the nearest openings at any time.
    /// </summary>
    private static List<Slot> Nearest(IReadOnlyList<Slot> wide, DateOnly day, TimeOnly? after, TimeOnly? before, TimeOnly? near)
    {
        var target = day.ToDateTime(after ?? near ?? new TimeOnly(12, 0));
        var inWindow = after is null && before is null ? [] : wide
            .Where(s => TimeOnly.FromDateTime(s.LocalStart) is var t && (after is null || t >= after) && (before is null || t <= before))
            .OrderBy(s => Math.Abs(DateOnly.FromDateTime(s.LocalStart).DayNumber - day.DayNumber)).ThenBy(s => s.StartsAtUtc)
            .DistinctBy(s => DateOnly.FromDateTime(s.LocalStart))
            .Take(MaxOffered).ToList();
        var rest = wide.Except(inWindow).OrderBy(s => Math.Abs((s.LocalStart - target).TotalMinutes)).Take(MaxOffered - inWindow.Count);
        return [.. inWindow.Concat(rest).OrderBy(s => s.StartsAtUtc)];
    }
}
