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

        /// <summary>The booking's question about a provider, after saying whether they work the day asked (round 27).</summary>
        private ChatMessage AskServiceWith(StaffMember who)
        {
            if (_workingAsked is { } day)
            {
                _workingAsked = null;
                var answer = ProviderDayAnswer(who, day);
                state.SayFirst = state.SayFirst is { } first ? first + " " + answer : answer;
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
            var shifts = who.TimeOff.Contains(day) ? [] : who.Schedule
                .Select(kv => (Place: Profile.FindLocation(kv.Key), Spans: kv.Value.On(day.DayOfWeek)))
                .Where(x => x.Place is not null && !x.Place.Closures.Contains(day) && x.Spans.Count > 0)
                .ToList();
            var spoken = SpokenTime.Day(day, state.Language);
            if (shifts.Count == 0)
            {
                return Render("provider_off_that_day", ("provider", who.Name), ("day", spoken));
            }
            var (place, spans) = shifts[0];
            return Render("provider_works_that_day", ("provider", who.Name), ("day", spoken), ("location", place!.Name),
                ("from", SpokenTime.Time(spans[0].Start, state.Language)), ("to", SpokenTime.Time(spans[^1].End, state.Language)));
        }

        /// <summary>
        /// "does maya do facials?", "does kenji do brows?" (round 27): the services asked about that the provider gives, or, when
        /// none, who gives them, from the profile's staff list. Null when the profile lists nobody for them.
        /// </summary>
        private string? ProviderServiceAnswer(StaffMember who, IReadOnlyList<ServiceTerm> asked)
        {
            var services = asked.Select(s => Profile.FindService(s.Id)).OfType<Service>().ToList();
            if (services.Count == 0)
            {
                return null;
            }
            var given = services.Where(s => who.ServiceIds.Contains(s.Id)).ToList();
            if (given.Count > 0)
            {
                return Render("provider_gives", ("provider", who.Name), ("services", Join([.. given.Select(s => s.NameIn(state.Language))], "list_and")));
            }
            var others = Profile.Staff.Where(m => m.Id != who.Id && services.Any(s => m.ServiceIds.Contains(s.Id))).Select(m => m.Name).ToList();
            var own = Profile.Services.Where(s => who.ServiceIds.Contains(s.Id)).Select(s => s.NameIn(state.Language)).ToList();
            return others.Count == 0 || own.Count == 0 ? null
                : Render("provider_gives_not", ("provider", who.Name), ("services", Join([.. services.Select(s => s.NameIn(state.Language))], "list_or")),
                    ("own", Join(own, "list_and")), ("others", Join(others, "list_and")));
        }
    }
}
