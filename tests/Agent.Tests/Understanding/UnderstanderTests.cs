using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

public class UnderstanderTests
{
    private static readonly Understander Understander = new();

    private static UnderstandingContext Spa(AgentQuestion asked = AgentQuestion.Nothing) =>
        new(TestVocabularies.Wednesday, TestVocabularies.MedSpa) { LastAsked = asked };

    [Fact]
    public void A_full_booking_request_is_read_in_one_go()
    {
        var u = Understander.Understand("Hi, I'd like to book a 90 minute Swedish massage with Maya next Friday at 3pm downtown", Spa());

        Assert.Equal(Intent.Book, u.Intent);
        Assert.Equal("swedish-90", u.Services.Service?.Id);
        Assert.Equal("maya", u.Staff.Person?.Id);
        Assert.Equal(DateRange.Day(new DateOnly(2026, 12, 4)), u.Date?.Range);
        Assert.Equal(new TimeOnly(15, 0), u.Time?.Exact);
        Assert.Equal("downtown", u.Location?.Location?.Id);
    }

    [Fact]
    public void A_bare_category_leaves_candidates_for_the_agent_to_ask_about()
    {
        var u = Understander.Understand("can I get a facial tomorrow morning?", Spa());

        Assert.Equal(ServiceMatchKind.Candidates, u.Services.Kind);
        Assert.Equal("facial", u.Services.Category);
        Assert.Equal(new DateOnly(2026, 11, 26), u.Date?.Range.Start);
        Assert.Equal(new TimeOnly(12, 0), u.Time?.To);
    }

    [Theory]
    [InlineData("I booked a facial for Saturday but I need to make it later in the day", TimeNudge.Later)]
    [InlineData("any chance I can move my manicure earlier that day?", TimeNudge.Earlier)]
    [InlineData("can we do a bit later on the same day", TimeNudge.Later)]
    public void Later_or_earlier_in_the_day_keeps_the_day_and_the_direction(string text, TimeNudge way)
    {
        var u = Understander.Understand(text, Spa());

        Assert.True(u.SameDay);
        Assert.Equal(way, u.DayNudge);
    }

    [Fact]
    public void Yes_but_with_a_change_is_an_affirmation_with_a_correction()
    {
        var u = Understander.Understand("yes but make it 4", Spa(AgentQuestion.Confirmation));

        Assert.Equal(Intent.Affirm, u.Intent);
        Assert.Equal(YesNo.Yes, u.YesNo);
        Assert.True(u.IsCorrection);
        Assert.Equal("make it 4", u.Remainder);
    }

    [Fact]
    public void No_with_a_new_day_is_a_correction()
    {
        var u = Understander.Understand("no, Tuesday", Spa(AgentQuestion.Confirmation));

        Assert.Equal(Intent.Correction, u.Intent);
        Assert.True(u.IsCorrection);
        Assert.Equal(new DateOnly(2026, 12, 1), u.Date?.Range.Start);
    }

    [Fact]
    public void A_plain_yes_to_a_confirmation_is_affirm()
    {
        var u = Understander.Understand("👍", Spa(AgentQuestion.Confirmation));

        Assert.Equal(Intent.Affirm, u.Intent);
        Assert.False(u.IsCorrection);
    }

    [Fact]
    public void A_bare_number_answers_a_time_question()
    {
        var u = Understander.Understand("3", Spa(AgentQuestion.Time));

        Assert.Equal(Intent.Inform, u.Intent);
        Assert.Equal(new TimeOnly(15, 0), u.Time?.Exact);
        Assert.True(u.Time!.AmPmAssumed);
    }

    [Fact]
    public void A_bare_name_answers_a_name_question_even_if_it_is_also_a_staff_name()
    {
        var u = Understander.Understand("maya thompson", Spa(AgentQuestion.Name));

        Assert.Equal(Intent.Inform, u.Intent);
        Assert.Equal("Maya Thompson", u.Name);
        Assert.Equal(StaffMatchKind.None, u.Staff.Kind);
    }

    [Fact]
    public void A_phone_number_answers_a_phone_question_and_is_not_a_time()
    {
        var u = Understander.Understand("it's 555 123 4567", Spa(AgentQuestion.Phone));

        Assert.Equal(Intent.Inform, u.Intent);
        Assert.Equal("+15551234567", u.Phone);
        Assert.Null(u.Time);
        Assert.Null(u.Date);
    }

    [Theory]
    [InlineData("the second one", 1)]
    [InlineData("2", 1)]
    [InlineData("the 3:30 one", 2)]
    [InlineData("I'll take the first", 0)]
    [InlineData("the last one please", 2)]
    [InlineData("the one with Jordan", 1)]
    [InlineData("thursday", 2)]
    public void A_reply_to_offered_slots_picks_one(string text, int expected)
    {
        var context = Spa(AgentQuestion.SlotChoice) with
        {
            OfferedSlots =
            [
                new OfferedSlot(new DateOnly(2026, 11, 25), new TimeOnly(10, 0), "Maya Chen"),
                new OfferedSlot(new DateOnly(2026, 11, 25), new TimeOnly(14, 0), "Jordan Lee"),
                new OfferedSlot(new DateOnly(2026, 11, 26), new TimeOnly(15, 30), "Maya Chen"),
            ],
        };

        var u = Understander.Understand(text, context);

        Assert.Equal(expected, u.ChosenSlot);
        Assert.Equal(Intent.Inform, u.Intent);
    }

    [Fact]
    public void Anyone_means_any_provider()
    {
        Assert.Equal(StaffMatchKind.Any, Understander.Understand("whoever is available", Spa()).Staff.Kind);
    }

    [Fact]
    public void Odd_text_is_normalised()
    {
        var u = Understander.Understand("  I\u2019d   LOVE a HYDRAFACIAL\u0007 tomorrowwww \u2728 ", Spa());

        Assert.Equal("I'd LOVE a HYDRAFACIAL tomorroww", u.Text);
        Assert.Equal("hydrafacial", u.Services.Service?.Id);
    }

    [Fact]
    public void Very_long_input_is_truncated()
    {
        var u = Understander.Understand(string.Concat(Enumerable.Repeat("blah ", 1000)), Spa());

        Assert.True(u.Text.Length <= TextNormalizer.MaxLength);
    }

    [Fact]
    public void Out_of_scope_requests_with_booking_words_are_not_bookings()
    {
        var u = Understander.Understand("can you book me a table at the italian place tonight at 7", Spa());

        Assert.Equal(Intent.OutOfScope, u.Intent);
    }

    [Fact]
    public void The_nail_salon_vocabulary_works_the_same_way()
    {
        var context = new UnderstandingContext(TestVocabularies.Sunday, TestVocabularies.NailSalon);

        var u = Understander.Understand("can I book shellac and a deluxe pedi with Lina on Saturday at 11", context);

        Assert.Equal(Intent.Book, u.Intent);
        Assert.Equal(ServiceMatchKind.Several, u.Services.Kind);
        Assert.Equal(["gel-mani", "spa-pedi"], u.Services.Services.Select(s => s.Id));
        Assert.Equal("lina", u.Staff.Person?.Id);
        Assert.Equal(new DateOnly(2026, 11, 28), u.Date?.Range.Start);
        Assert.Equal(new TimeOnly(11, 0), u.Time?.Exact);
    }
}
