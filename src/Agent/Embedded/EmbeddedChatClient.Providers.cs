using FrontDesk.Agent.Understanding;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Text;
using Microsoft.Extensions.AI;

namespace FrontDesk.Agent.Embedded;

public sealed partial class EmbeddedChatClient
{
    private sealed partial class Turn
    {
        /// <summary>The day a provider's work was asked about this turn ("is sofia working saturday?"), or null.</summary>
        private DateOnly? _workingAsked;

        /// <summary>A provider's days were asked with no day said this turn ("when does sofia work?") (round 28).</summary>
        private bool _weekAsked;

        /// <summary>The next of "move both" asked about in the turn before, which this message answers (round 28).</summary>
        private MovesLeft? _nextMoveAsked;

        /// <summary>The booking's question about a provider, after saying whether they work the day asked (round 27).</summary>
        private ChatMessage AskServiceWith(StaffMember who)
        {
            if (_workingAsked is { } day)
            {
                _workingAsked = null;
                var answer = ProviderDayAnswer(who, day);
                state.SayFirst = state.SayFirst is { } first ? first + " " + answer : answer;
            }
            else if (_weekAsked)
            {
                _weekAsked = false;
                var week = ProviderWeekAnswer(who);
                state.SayFirst = state.SayFirst is { } first ? first + " " + week : week;
            }
            return Say("ask_service_with", ("provider", who.Name));
        }

        /// <summary>
        /// "is sofia working saturday?", "¿sofia trabaja el domingo?" (round 27): whether the provider works that day, where and
        /// from when to when, from the profile's schedule (a day off or a closure of the place counts as not working). No
        /// booking and no look-up: the schedule is the spa's own, not anyone's data.
        /// </summary>
        private string ProviderDayAnswer(StaffMember who, DateOnly day)
        {
            var shifts = Shifts(who, day);
            var spoken = SpokenTime.Day(day, state.Language);
            if (shifts.Count == 0)
            {
                return Render("provider_off_that_day", ("provider", who.Name), ("day", spoken));
            }
            var (place, spans) = shifts[0];
            return Render("provider_works_that_day", ("provider", who.Name), ("day", spoken), ("location", place!.Name),
                ("from", SpokenTime.Time(spans[0].Start, state.Language)), ("to", SpokenTime.Time(spans[^1].End, state.Language)));
        }

        /// <summary>Where and when a provider works on a day (none on time off or when the place is closed).</summary>
        private List<(Location? Place, IReadOnlyList<TimeSpanOfDay> Spans)> Shifts(StaffMember who, DateOnly day) => who.TimeOff.Contains(day) ? [] : [.. who.Schedule
            .Select(kv => (Place: Profile.FindLocation(kv.Key), Spans: kv.Value.On(day.DayOfWeek)))
            .Where(x => x.Place is not null && !x.Place.Closures.Contains(day) && x.Spans.Count > 0)];

        /// <summary>
        /// "when does sofia work?", "what days is maya in", "¿qué días trabaja jordan?" (round 28): the provider's week from the
        /// profile's schedule, place by place, weekdays with the same hours said together ("Tuesday, Thursday, and Friday 10 AM
        /// to 6 PM"). Time off and closures are single days and are said when a day is asked, not here.
        /// </summary>
        private string ProviderWeekAnswer(StaffMember who)
        {
            var week = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday };
            var places = new List<string>();
            foreach (var place in Profile.Locations.Where(l => who.Schedule.ContainsKey(l.Id)))
            {
                var hours = who.Schedule[place.Id];
                var groups = week.Where(d => hours.On(d).Count > 0)
                    .GroupBy(d => (hours.On(d)[0].Start, hours.On(d)[^1].End))
                    .Select(g => Render("provider_week_days", ("days", Join([.. g.Select(d => SpokenTime.Weekday(d, state.Language))], "list_and")),
                        ("from", SpokenTime.Time(g.Key.Start, state.Language)), ("to", SpokenTime.Time(g.Key.End, state.Language))))
                    .ToList();
                if (groups.Count > 0)
                {
                    places.Add(Render("provider_week_place", ("location", place.Name), ("days", string.Join("; ", groups))));
                }
            }
            return places.Count == 0 ? Render("provider_week_none", ("provider", who.Name))
                : Render("provider_week", ("provider", who.Name), ("places", Join(places, "provider_week_and")));
        }

        /// <summary>
        /// "does maya do facials?", "does kenji do brows?" (round 27): the services asked about that the provider gives, or, when
        /// none, who gives them, from the profile's staff list. Null when the profile lists nobody for them.
        /// </summary>
        private string? ProviderServiceAnswer(StaffMember who, IReadOnlyList<ServiceTerm> asked, bool kindAsked)
        {
            var services = asked.Select(s => Profile.FindService(s.Id)).OfType<Service>().ToList();
            if (services.Count == 0)
            {
                return null;
            }
            // "facials" read as every service with the word (IPL Photofacial is a laser): the kind most of them are is the kind
            // asked about (round 28).
            var kinds = services.GroupBy(s => s.Category, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).ToList();
            string? kind = null;
            if (kindAsked && kinds.Count > 0 && (kinds.Count == 1 || kinds[0].Count() > kinds[1].Count()))
            {
                kind = kinds[0].Key;
                services = [.. kinds[0]];
            }
            var given = services.Where(s => who.ServiceIds.Contains(s.Id)).ToList();
            if (given.Count > 0)
            {
                return Render("provider_gives", ("provider", who.Name), ("services", Join([.. given.Select(s => s.NameIn(state.Language))], "list_and")));
            }
            var others = Profile.Staff.Where(m => m.Id != who.Id && services.Any(s => m.ServiceIds.Contains(s.Id))).Select(m => m.Name).ToList();
            if (kind is not null && others.Count > 0)
            {
                // Said by kind, short: what they do, and who does the kind asked about.
                var ownKinds = Profile.Services.Where(s => who.ServiceIds.Contains(s.Id)).Select(s => s.Category).Distinct(StringComparer.OrdinalIgnoreCase).Select(KindIn).ToList();
                if (ownKinds.Count > 0)
                {
                    return Render("provider_kind_not", ("provider", who.Name), ("first", who.FirstName), ("kind", KindIn(kind)), ("own", Join(ownKinds, "list_and")), ("others", Join(others, "list_and")));
                }
            }
            var own = Profile.Services.Where(s => who.ServiceIds.Contains(s.Id)).Select(s => s.NameIn(state.Language)).ToList();
            return others.Count == 0 || own.Count == 0 ? null
                : Render("provider_gives_not", ("provider", who.Name), ("services", Join([.. services.Select(s => s.NameIn(state.Language))], "list_or")),
                    ("own", Join(own, "list_and")), ("others", Join(others, "list_and")));
        }
    }
}
