using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Embedded;

public sealed partial class EmbeddedChatClient
{
    private sealed partial class Turn
    {
        /// <summary>
        /// "hmm do you have anything sooner" at an offer or a read-back of one day (round 27): sooner is an earlier day, so the
        /// days from today up to the day before the one on offer are searched (an earlier time that day is "earlier"). The slot
        /// read back is not booked: the search replaces it, and a yes is asked again for whatever is picked.
        /// </summary>
        private Utterance WithSoonerDays(Utterance u)
        {
            var onOffer = state.Offered.FirstOrDefault(o => o.SlotId == state.ChosenSlotId)?.Date
                ?? (state.Offered.Select(o => o.Date).Distinct().ToList() is [var only] ? only : null);
            if (u.Date is not null || u.Time is not null || !ReplyCues.SoonerAsked(u.Text) || onOffer is null
                || state.Task is not (DialogueTask.Book or DialogueTask.Reschedule))
            {
                return u;
            }
            var today = engine._profile.Today(engine._clock);
            var day = DateOnly.ParseExact(onOffer, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return day <= today ? u : u with { Date = new DateMatch(new DateRange(today, day.AddDays(-1)), default, []) };
        }

        /// <summary>
        /// "sorry its 0939 not 0938", "not 0938, 0939" (round 27): the last digits of the number given earlier corrected. The
        /// message has no whole number, so it is made from the one kept, when that one ends with the digits said to be wrong;
        /// then it is a change of number like any (read back again at a read-back, never booked on the old one).
        /// </summary>
        private Utterance WithDigitsCorrected(Utterance u)
        {
            if (u.Phone is not null || state.Phone is not { } known || ReplyCues.DigitsCorrected(u.Text) is not { } fix
                || (fix.Wrong.Length > 0 && fix.Right.Length != fix.Wrong.Length) || !known.EndsWith(fix.Wrong, StringComparison.Ordinal)
                || known.Length <= fix.Right.Length + 7)
            {
                return u;
            }
            // "the last part is zero one one three" (round 35) names no wrong digits: the number's end is replaced.
            return u with { Phone = known[..^fix.Right.Length] + fix.Right };
        }
    }
}
