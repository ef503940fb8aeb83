using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Understanding;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Issue 12, round 20: round 20's people (tests/scenarios/people-round20.yaml): unclear answers at a read-back, two things in
/// one message, the late-cancel fee asked mid-booking, groups, a bare city after "where are you located".
/// Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundTwentyTests
{
    private static DialogueState ReadingBack(string language = "en") => new()
    {
        Language = language, Task = DialogueTask.Book, ServiceId = "hydrafacial", Asked = AgentQuestion.Confirmation, PendingTool = "book_appointment",
        PendingArgs = "{}", ChosenSlotId = "s9", Name = "Kim Tran", Phone = "+14155552003",
        Offered = [new Offer("s9", "2026-11-25", "09:00", "Priya Patel", "Wednesday at 9 AM with Priya")],
    };

    // Unclear answers at a read-back never write.

    [Theory]
    [InlineData("yeah no")]
    [InlineData("yes no")]
    [InlineData("ok nah")]
    [InlineData("yeah nope, not that day")]
    public void A_yes_taken_back_by_a_no_is_a_no(string text)
    {
        Assert.Equal(YesNo.No, YesNoClassifier.Classify(text).Answer);
    }

    [Theory]
    [InlineData("yes no problem")]
    [InlineData("yeah no worries, book it")]
    public void No_problem_after_a_yes_is_still_a_yes(string text)
    {
        Assert.Equal(YesNo.Yes, YesNoClassifier.Classify(text).Answer);
    }

    [Theory]
    [InlineData("yes but")]
    [InlineData("ok but")]
    [InlineData("sure but...")]
    [InlineData("ok but what time was it again")]
    [InlineData("yeah but how long does it take?")]
    [InlineData("sure, but is there parking")]
    [InlineData("sure maybe")]
    [InlineData("yes i guess")]
    [InlineData("ok not sure")]
    public void A_yes_with_an_unfinished_but_or_a_question_after_it_is_no_answer(string text)
    {
        Assert.Equal(YesNo.Unknown, YesNoClassifier.Classify(text).Answer);
    }

    [Theory]
    [InlineData("yes but make it 11")]
    [InlineData("ok but with sofia")]
    public void A_yes_with_a_correction_after_but_keeps_the_correction(string text)
    {
        var result = YesNoClassifier.Classify(text);

        Assert.Equal(YesNo.Yes, result.Answer);
        Assert.NotEmpty(result.Remainder);
    }

    [Theory]
    [InlineData("yeah no", "en")]
    [InlineData("ok but what time was it again", "en")]
    [InlineData("si pero", "es")]
    [InlineData("mmm no se", "es")]
    [InlineData("sure maybe", "en")]
    [InlineData("no that's fine", "en")]
    public void An_unclear_answer_at_a_read_back_books_nothing(string text, string language)
    {
        var state = ReadingBack(language);

        var (reading, _) = Step(state, text);

        Assert.NotEqual(ReadBackAnswer.Yes, reading.ReadBack);
    }

    [Theory]
    [InlineData("ok but what time was it again")]
    [InlineData("wait what day was it")]
    [InlineData("sorry can you repeat that")]
    public void The_read_back_asked_again_is_said_again_not_counted_as_a_miss_and_nothing_is_confirmed(string text)
    {
        var state = ReadingBack();

        var (reading, rule) = Step(state, text);

        Assert.NotEqual(YesNo.Yes, reading.U.YesNo);
        Assert.Equal("r20-repeat-read-back", rule.Id);
        Assert.False(rule.IsMiss);
        Assert.Equal("book_appointment", state.PendingTool);
    }

    // A bare city after "where are you located" or at a question: read as the place asked about.

    private static DialogueState AfterWhere() => new() { LastFaqQuestion = "where are you located?", AddressAnswered = true };

    [Theory]
    [InlineData("miami?")]
    [InlineData("boston??")]
    [InlineData("new york?")]
    [InlineData("en miami?")]
    [InlineData("in dallas?")]
    public void A_bare_city_after_where_we_are_is_a_place_asked_about(string text)
    {
        var (reading, rule) = Step(AfterWhere(), text);

        Assert.NotNull(reading.U.PlaceElsewhere);
        Assert.Equal("r19-city-not-ours", rule.Id);
    }

    [Theory]
    [InlineData("in dallas?")]
    [InlineData("in austin??")]
    public void A_city_said_with_in_at_the_service_question_is_a_place_asked_about(string text)
    {
        var state = new DialogueState { Task = DialogueTask.Book, DateStart = "2026-11-28", DateEnd = "2026-11-28", Asked = AgentQuestion.Service };

        var (_, rule) = Step(state, text);

        Assert.Equal("r19-city-not-ours", rule.Id);
    }

    [Theory]
    [InlineData("miami?")]
    [InlineData("really?")]
    [InlineData("ok?")]
    [InlineData("why?")]
    public void A_bare_word_with_no_where_question_before_it_is_no_city(string text)
    {
        var state = text == "miami?" ? new DialogueState() : AfterWhere();

        var (reading, _) = Step(state, text);

        Assert.Null(reading.U.PlaceElsewhere);
    }

    [Theory]
    [InlineData("the marina one?")]
    [InlineData("and mission?")]
    [InlineData("y la de la marina?")]
    public void One_of_our_places_named_after_where_we_are_asks_its_address(string text)
    {
        var (reading, rule) = Step(AfterWhere(), text);

        Assert.True(rule.Id == "r20-address-of-place-named", rule.When + " " + reading.U.Intent);
    }

    // The late-cancel fee asked: the policy, not a cancellation; beside a request, the request stays.

    [Theory]
    [InlineData("wait whats the late cancel fee")]
    [InlineData("whats ur cancellation fee?")]
    [InlineData("is there a no show fee")]
    [InlineData("what's the late cancellation charge")]
    public void The_late_cancel_fee_asked_is_the_policy_not_a_cancel(string text)
    {
        var u = Step(new DialogueState(), text).Reading.U;

        Assert.Equal(Intent.Faq, u.Intent);
    }

    [Fact]
    public void The_fee_asked_at_an_offer_is_answered_with_the_times_again()
    {
        var (reading, rule) = Step(Offering(), "wait whats the late cancel fee");

        Assert.Equal(Intent.Faq, reading.U.Intent);
        Assert.Equal(PolicyAction.AnswerFaq, rule.Then);
    }

    [Fact]
    public void The_fee_asked_beside_a_booking_keeps_the_booking()
    {
        var state = new DialogueState();

        var (reading, rule) = Step(state, "i want a deep tissue saturday morning, and whats ur late cancel fee btw?");

        Assert.Equal(Intent.Book, reading.U.Intent);
        Assert.Equal(PolicyAction.Search, rule.Then);
    }

    // A group of four or more is arranged by a person; two or three are booked one after the other.

    [Theory]
    [InlineData("hi!! 5 of us for mani pedis on the 14th, its for a bridal party", 5)]
    [InlineData("hey can we book massages for 6 people on saturday for my sisters birthday?", 6)]
    [InlineData("party of 8 for facials saturday", 8)]
    [InlineData("there's four of us, can we all get massages friday", 4)]
    public void A_group_of_four_or_more_is_read_with_its_size(string text, int size)
    {
        Assert.Equal(size, ReplyCues.Read(text).GroupSize);
    }

    [Theory]
    [InlineData("me and my sister want massages saturday")]
    [InlineData("two swedish massages friday")]
    [InlineData("for 3 people")]
    [InlineData("i have 5 minutes")]
    [InlineData("the 4 of july")]
    [InlineData("theres 3 of us, can we all get hydrafacials saturday? bachelorette thing")]
    public void Two_or_three_or_no_group_is_not_a_group_for_the_team(string text)
    {
        Assert.Null(ReplyCues.Read(text).GroupSize);
    }

    [Theory]
    [InlineData("hi!! 5 of us want facials on the 14th, its for a bridal party", "en")]
    [InlineData("hola! somos 4 amigas y queremos faciales el sabado juntas", "es")]
    [InlineData("we're doing a bachelorette, can we book facials for the bridal party saturday", "en")]
    public async Task A_group_goes_to_a_person_and_nothing_is_searched(string text, string language)
    {
        var (message, _) = await AnswerAsync(new DialogueState { Language = language }, text);

        Assert.True(message.AdditionalProperties?.ContainsKey(EmbeddedChatClient.HandoffKey) == true, message.Text);
        Assert.Equal(EmbeddedChatClient.GroupHandoff, message.AdditionalProperties![EmbeddedChatClient.HandoffKey]);
    }
}
