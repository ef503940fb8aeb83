using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

/// <summary>
/// Issue 12: text → facts for the replies people give in a conversation: picks from a list of times, names that share a
/// provider's, moves relative to an existing appointment, second thoughts, short day forms, replies too short to confirm.
/// Today is Wednesday 2026-11-25; the vocabulary's providers are Maya Chen, Jordan Lee and Priya Patel.
/// </summary>
public class DialogueUnderstandingTests
{
    private static readonly Understander Understander = new();
    private static readonly DateOnly Thursday = new(2026, 11, 26);

    private static UnderstandingContext Offered(params (int Hour, int Minute, string Staff, string Place)[] slots) =>
        new(TestVocabularies.Wednesday, TestVocabularies.MedSpa)
        {
            LastAsked = AgentQuestion.SlotChoice,
            OfferedSlots = [.. slots.Select(s => new OfferedSlot(Thursday, new TimeOnly(s.Hour, s.Minute), s.Staff, s.Place))],
        };

    private static readonly UnderstandingContext NineTenEleven = Offered((9, 0, "Maya Chen", "Downtown"), (10, 0, "Maya Chen", "Downtown"), (11, 0, "Priya Patel", "Westside"));
    private static readonly UnderstandingContext TwoOneThree = Offered((14, 0, "Maya Chen", "Downtown"), (13, 0, "Maya Chen", "Downtown"), (15, 0, "Maya Chen", "Downtown"));

    [Theory]
    [InlineData("11 is fine", 2)]
    [InlineData("lets do 10", 1)]
    [InlineData("ok 11 then", 2)]
    [InlineData("10am works for me", 1)]
    [InlineData("yes the 10 o'clock", 1)]
    [InlineData("that first one", 0)]
    [InlineData("the latest you have", 2)]
    [InlineData("the westside one is easier for me", 2)]
    [InlineData("the one with priya", 2)]
    [InlineData("10 with maya is perfect", 1)]
    [InlineData("10 please, this is Rae Kowalski", 1)]
    [InlineData("actually 9 would be better", 0)]
    [InlineData("ten sounds good thanks", 1)]
    [InlineData("eleven please", 2)]
    [InlineData("earliest one please", 0)]
    [InlineData("latest one", 2)]
    [InlineData("whichever is earliest", 0)]
    [InlineData("the 10 one, my cell is 415 555 0199", 1)]
    [InlineData("9 works, you can reach me at 415-555-0100", 0)]
    [InlineData("uh the ten I guess", 1)]
    [InlineData("11 if that's ok", 2)]
    public void A_reply_to_offered_times_picks_the_slot_it_names(string reply, int expected)
    {
        Assert.Equal(expected, Understander.Understand(reply, NineTenEleven).ChosenSlot);
    }

    [Theory]
    [InlineData("2 is fine", 0)]
    [InlineData("1 works", 1)]
    [InlineData("3", 2)]
    public void A_bare_number_is_the_time_on_offer_before_it_is_a_position(string reply, int expected)
    {
        Assert.Equal(expected, Understander.Understand(reply, TwoOneThree).ChosenSlot);
    }

    [Theory]
    [InlineData("Maya Patel, 415-555-0193, hydrafacial friday", "Maya Patel")]
    [InlineData("hi, priya lee here. can i get a facial", "Priya Lee")]
    [InlineData("Tom Chen", "Tom Chen")]
    public void A_first_and_last_name_that_is_not_one_providers_is_the_persons_name(string text, string name)
    {
        var u = Understander.Understand(text, new(TestVocabularies.Wednesday, TestVocabularies.MedSpa) { LastAsked = AgentQuestion.Name });
        Assert.Equal(name, u.Name);
        Assert.Equal(StaffMatchKind.None, u.Staff.Kind);
    }

    [Fact]
    public void A_providers_own_full_name_is_still_the_provider()
    {
        var u = Understander.Understand("a facial with Maya Chen on friday", new(TestVocabularies.Wednesday, TestVocabularies.MedSpa));
        Assert.Equal("maya", u.Staff.Person?.Id);
        Assert.Null(u.Name);
    }

    [Theory]
    [InlineData("Dana Reyes, 415-555-0199", "Dana Reyes", "+14155550199")]
    [InlineData("pedicure saturday 10am for Jess Moore 207 555 0144", "Jess Moore", "+12075550144")]
    [InlineData("415-555-0123 - Kim Tran - deep tissue fri", "Kim Tran", "+14155550123")]
    public void A_name_beside_a_phone_number_goes_with_it(string text, string name, string phone)
    {
        var contact = ContactExtractor.Extract(text);
        Assert.Equal(name, contact.Name);
        Assert.Equal(phone, contact.Phone);
    }

    [Theory]
    [InlineData("can we make it an hour later", 60)]
    [InlineData("could we do my massage an hour earlier?", -60)]
    [InlineData("can u push my appt back 30 min", 30)]
    [InlineData("half an hour earlier please", -30)]
    public void A_move_relative_to_the_appointment_is_a_reschedule_with_a_shift(string text, int minutes)
    {
        var u = Understander.Understand(text, new(TestVocabularies.Wednesday, TestVocabularies.MedSpa));
        Assert.Equal(minutes, u.ShiftMinutes);
        Assert.Equal(Intent.Reschedule, u.Intent);
        // The move is not a time of day.
        Assert.Null(u.Time);
    }

    [Fact]
    public void Same_time_on_another_day_keeps_the_time_and_names_the_day()
    {
        var u = Understander.Understand("hey can we make my manicure friday, same time", new(TestVocabularies.Wednesday, TestVocabularies.MedSpa));
        Assert.True(u.SameTime);
        Assert.True(u.ChangesAppointment);
        Assert.Equal(new DateOnly(2026, 11, 27), u.Date?.Range.Start);
    }

    // Round 15: the second thought said after the day it corrects ("thursday.. friday i mean").
    [Theory]
    [InlineData("deep tissue thursday.. friday i mean", 11, 27)]
    [InlineData("a facial monday, tuesday sorry", 12, 1)]
    [InlineData("can i come in sat? sunday actually", 11, 29)]
    [InlineData("a facial on friday and a massage on monday", 11, 27)]
    public void A_second_thought_after_the_day_it_corrects_takes_the_later_day(string text, int month, int day)
    {
        var u = Understander.Understand(text, new(TestVocabularies.Wednesday, TestVocabularies.MedSpa));
        Assert.Equal(new DateOnly(2026, month, day), u.Date?.Range.Start);
    }

    [Fact]
    public void A_second_thought_inside_a_message_takes_the_later_day()
    {
        var u = Understander.Understand("a facial on friday.. no wait, monday", new(TestVocabularies.Wednesday, TestVocabularies.MedSpa));
        Assert.Equal(new DateOnly(2026, 11, 30), u.Date?.Range.Start);
    }

    [Theory]
    [InlineData("y")]
    [InlineData("k")]
    [InlineData("👍")]
    [InlineData("👌")]
    [InlineData("!")]
    public void A_single_character_or_an_emoji_is_not_a_yes(string reply)
    {
        var u = Understander.Understand(reply, new(TestVocabularies.Wednesday, TestVocabularies.MedSpa) { LastAsked = AgentQuestion.Confirmation });
        Assert.NotEqual(YesNo.Yes, u.YesNo);
    }

    [Theory]
    [InlineData("hydrafacial sat", "2026-11-28")]
    [InlineData("dermaplaning weds", "2026-12-02")]
    [InlineData("can i come in wed", "2026-12-02")]
    [InlineData("a week from friday", "2026-12-04")]
    [InlineData("a week from tomorrow", "2026-12-03")]
    [InlineData("pedi thur.", "2026-11-26")]
    public void Short_day_forms_and_a_week_from_a_day_are_read(string text, string day)
    {
        Assert.Equal(DateRange.Day(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)),
            DateExpressionParser.Parse(text, TestVocabularies.Wednesday)?.Range);
    }

    [Theory]
    [InlineData("I sat in the waiting room for ages")]
    [InlineData("is it ok to be in the sun after a peel")]
    public void Sat_and_sun_as_ordinary_words_are_not_days(string text)
    {
        Assert.Null(DateExpressionParser.Parse(text, TestVocabularies.Wednesday));
    }
}

/// <summary>Small cues read from the words: a person booking for others, a reply that is plainly a name.</summary>
public class ReplyCueTests
{
    [Theory]
    [InlineData("hi can me and my sister both come in for hydrafacials wednesday morning", true)]
    [InlineData("my friend and I want gel manicures thursday", true)]
    [InlineData("could both of us get a massage", true)]
    [InlineData("a table for two people", true)]
    [InlineData("hydrafacial wednesday for me", false)]
    [InlineData("my back and shoulders are tight", false)]
    public void Booking_for_others(string text, bool expected) =>
        Assert.Equal(expected, ReplyCues.Read(TextNormalizer.Normalize(text)).WithOthers);

    [Theory]
    [InlineData("Lee Park", true)]
    [InlineData("ana ruiz", true)]
    [InlineData("is there parking", false)]
    [InlineData("parking?", false)]
    [InlineData("what about tomorrow", false)]
    [InlineData("do you have anything", false)]
    public void A_reply_that_is_plainly_a_name(string text, bool expected) =>
        Assert.Equal(expected, ReplyCues.Read(TextNormalizer.Normalize(text)).PlainName);
}

/// <summary>A move said with a booking's words is still a move.</summary>
public class MoveWordingTests
{
    [Theory]
    [InlineData("I'd like reschedule my appointment for friday")]
    [InlineData("i would like to reschedule my appointment for friday")]
    public void Rescheduling_my_appointment_is_a_move(string text) =>
        Assert.Equal(Intent.Reschedule, new Understander().Understand(text, new UnderstandingContext(TestVocabularies.Wednesday, TestVocabularies.MedSpa)).Intent);
}

/// <summary>Corrections and moves said with a second day or time in the same breath.</summary>
public class SecondThoughtTests
{
    private static readonly Understander Understander = new();

    [Theory]
    [InlineData("hmm actually 9 would be better", 9)]
    [InlineData("actually 11 works better", 11)]
    public void A_time_on_offer_in_a_correction_at_the_read_back_is_read(string text, int hour)
    {
        var context = new UnderstandingContext(TestVocabularies.Wednesday, TestVocabularies.MedSpa)
        {
            LastAsked = AgentQuestion.Confirmation,
            OfferedSlots = [.. new[] { 9, 10, 11 }.Select(h => new OfferedSlot(new DateOnly(2026, 11, 26), new TimeOnly(h, 0), "Maya Chen"))],
        };
        Assert.Equal(new TimeOnly(hour, 0), Understander.Understand(text, context).Time?.Exact);
    }

    [Theory]
    [InlineData("is 10 still open wed for a hydrafacial? if so book it", 10)]
    [InlineData("is 4 available on friday", 16)]
    public void A_number_asked_about_as_an_opening_is_a_time(string text, int hour) =>
        Assert.Equal(new TimeOnly(hour, 0), Understander.Understand(text, new UnderstandingContext(TestVocabularies.Wednesday, TestVocabularies.MedSpa)).Time?.Exact);

    [Fact]
    public void The_next_day_after_a_named_day_in_a_move_is_the_day_after_it()
    {
        var u = Understander.Understand("I need to move my massage on the first to, like, the next day if possible",
            new UnderstandingContext(TestVocabularies.Wednesday, TestVocabularies.MedSpa));
        Assert.Equal(DateRange.Day(new DateOnly(2026, 12, 2)), u.Date?.Range);
        Assert.Equal(Intent.Reschedule, u.Intent);
    }
}
