using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Understanding;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Dialogue;

/// <summary>
/// Issue 12, round 8: what people say after a task is done, at a service proposal, at an offer of times and while a code
/// is awaited. Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundEightTests
{
    [Fact]
    public void Every_row_with_an_id_has_its_own()
    {
        var ids = DialoguePolicy.Rules.Where(r => r.Id is not null).Select(r => r.Id!).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(DialoguePolicy.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.When)));
    }

    [Theory]
    [InlineData("cool")]
    [InlineData("yep")]
    [InlineData("ok great")]
    [InlineData("awesome")]
    [InlineData("perfect")]
    public void A_bare_acknowledgement_after_a_task_is_done_gets_anything_else(string text)
    {
        var (_, rule) = Step(new DialogueState { JustDone = true }, text);
        Assert.Equal("r8-anything-else", rule.Id);
        Assert.Equal(PolicyAction.AnythingElse, rule.Then);
    }

    [Theory]
    [InlineData("cool")]
    [InlineData("yep")]
    public void The_same_words_with_nothing_done_are_not_anything_else(string text)
    {
        var (_, rule) = Step(new DialogueState(), text);
        Assert.NotEqual(PolicyAction.AnythingElse, rule.Then);
    }

    [Theory]
    [InlineData("cool, can i also book a facial friday")]
    [InlineData("ok cancel my other appointment")]
    public void A_new_request_after_a_task_is_done_is_taken_up(string text)
    {
        var (_, rule) = Step(new DialogueState { JustDone = true }, text);
        Assert.NotEqual(PolicyAction.AnythingElse, rule.Then);
    }

    [Fact]
    public async Task A_second_acknowledgement_gets_a_closing_line_and_any_other_message_clears_the_mark()
    {
        var (first, state) = await AnswerAsync(new DialogueState { JustDone = true }, "cool");
        Assert.Contains("anything else", first.Text, StringComparison.OrdinalIgnoreCase);
        var (second, after) = await AnswerAsync(state, "ok");
        Assert.NotEqual(first.Text, second.Text);
        Assert.True(after.JustDone);
        var (_, cleared) = await AnswerAsync(after, "what are your hours on saturday");
        Assert.False(cleared.JustDone);
        Assert.False(cleared.AnythingElseSaid);
    }

    [Fact]
    public async Task Details_given_at_a_service_proposal_are_kept_and_the_proposal_put_again()
    {
        var proposing = new DialogueState
        {
            Task = DialogueTask.Book,
            DateStart = "2026-11-27",
            DateEnd = "2026-11-27",
            Asked = AgentQuestion.Service,
            ServiceOptions = ["Swedish Massage (60 min)", "Swedish Massage (90 min)", "Deep Tissue Massage (60 min)"],
            ProposedService = "Swedish Massage (60 min)",
        };
        var (message, state) = await AnswerAsync(proposing, "Ava Thompson 4155551111");
        Assert.StartsWith("Thanks, Ava", message.Text, StringComparison.Ordinal);
        Assert.Contains("Shall I look for a Swedish Massage (60 min)?", message.Text, StringComparison.Ordinal);
        Assert.Equal("Ava Thompson", state.Name);
        Assert.NotNull(state.Phone);
        Assert.Equal("Swedish Massage (60 min)", state.ProposedService);
        Assert.Equal("2026-11-27", state.DateStart);
    }

    [Theory]
    [InlineData("what times?")]
    [InlineData("what times do you have")]
    [InlineData("ok what times do u guys have open")]
    [InlineData("which slots are left")]
    [InlineData("hours do you have?")]
    public void Asking_which_times_there_are_is_read(string text) => Assert.True(ReplyCues.Read(text).AsksWhatTimes);

    [Theory]
    [InlineData("what time do you open")]
    [InlineData("what times are you open on sunday")]
    [InlineData("what time is my appointment")]
    [InlineData("what are your hours")]
    public void Hours_and_other_questions_are_not_which_times(string text) => Assert.False(ReplyCues.Read(text).AsksWhatTimes);

    [Theory]
    [InlineData("what times do you have", "en")]
    [InlineData("what times?", "en")]
    [InlineData("¿qué horarios tienen?", "es")]
    public void Which_times_at_an_offer_goes_past_the_offer(string text, string language)
    {
        var offering = Offering();
        offering.Language = language;
        var (_, rule) = Step(offering, text);
        Assert.Equal(PolicyAction.SearchPastOffer, rule.Then);
        Assert.Equal("other-times", rule.Id);
    }

    [Fact]
    public void Which_hours_with_nothing_on_offer_is_still_the_hours_question()
    {
        var (_, rule) = Step(new DialogueState { Language = "es" }, "¿qué horarios tienen?");
        Assert.Equal(PolicyAction.AnswerFaq, rule.Then);
    }

    private static DialogueState AwaitingCode() => new()
    {
        Task = DialogueTask.Cancel,
        Phase = DialoguePhase.VerifyCode,
        Phone = "+14155551111",
    };

    [Theory]
    [InlineData("i didnt get it")]
    [InlineData("i didn't get a code")]
    [InlineData("can you resend")]
    [InlineData("can u send it again")]
    [InlineData("still nothing")]
    [InlineData("the code never came")]
    [InlineData("send me a new one pls")]
    public void A_code_that_did_not_come_is_read(string text) => Assert.True(ReplyCues.Read(text).CodeNotReceived);

    [Theory]
    [InlineData("got it")]
    [InlineData("ok one sec")]
    [InlineData("i got the text")]
    public void Other_replies_are_not_a_code_that_did_not_come(string text) => Assert.False(ReplyCues.Read(text).CodeNotReceived);

    [Fact]
    public async Task A_code_that_did_not_come_is_sent_again_to_the_same_number()
    {
        var (_, rule) = Step(AwaitingCode(), "i didnt get it");
        Assert.Equal("r8-resend-code", rule.Id);
        var (message, state) = await AnswerAsync(AwaitingCode(), "can you resend the code");
        var call = Assert.Single(message.Contents.OfType<Microsoft.Extensions.AI.FunctionCallContent>());
        Assert.Equal("send_verification_code", call.Name);
        Assert.Equal("+14155551111", call.Arguments!["phone"]);
        Assert.True(state.ResendingCode);
        Assert.Equal(DialogueTask.Cancel, state.Task);
    }

    [Fact]
    public void No_me_llego_is_a_code_that_did_not_come()
    {
        var awaiting = AwaitingCode();
        awaiting.Language = "es";
        var (_, rule) = Step(awaiting, "no me llegó el código");
        Assert.Equal(PolicyAction.ResendCode, rule.Then);
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("got it, one sec")]
    public async Task An_acknowledgement_while_the_code_is_awaited_is_no_miss(string text)
    {
        var (_, rule) = Step(AwaitingCode(), text);
        Assert.Equal("r8-wait-for-code", rule.Id);
        Assert.False(rule.IsMiss);
        var (_, state) = await AnswerAsync(AwaitingCode(), text);
        Assert.Equal(0, state.Misses);
        Assert.Equal(DialoguePhase.VerifyCode, state.Phase);
    }

    /// <summary>A signature facial on Friday offered at noon, 3 PM and 4 PM.</summary>
    private static DialogueState OfferingThreePm() => new()
    {
        Task = DialogueTask.Book,
        ServiceId = "signature-facial",
        DateStart = "2026-11-27",
        DateEnd = "2026-11-27",
        Asked = AgentQuestion.SlotChoice,
        Offered =
        [
            new Offer("s12", "2026-11-27", "12:00", "Sofia Alvarez", "Friday at noon with Sofia"),
            new Offer("s15", "2026-11-27", "15:00", "Sofia Alvarez", "Friday at 3 PM with Sofia"),
            new Offer("s16", "2026-11-27", "16:00", "Priya Patel", "Friday at 4 PM with Priya"),
        ],
    };

    [Theory]
    [InlineData("3 works")]
    [InlineData("3 is fine")]
    [InlineData("3 works for me")]
    [InlineData("3 sounds good")]
    public void Three_said_at_an_offer_with_3_pm_picks_3_pm_not_the_third(string text)
    {
        var (reading, rule) = Step(OfferingThreePm(), text);
        Assert.Equal(PolicyAction.ChooseSlot, rule.Then);
        Assert.Equal("s15", reading.Chosen?.SlotId);
    }

    [Theory]
    [InlineData("3 works")]
    [InlineData("3 works for me")]
    public void Three_said_at_an_offer_without_it_is_3_pm_asked(string text)
    {
        var (reading, _) = Step(Offering(), text);
        Assert.Null(reading.Chosen);
        Assert.Equal(new TimeOnly(15, 0), reading.U.Time?.Exact);
    }

    [Theory]
    [InlineData("two swedish massages")]
    [InlineData("3 gel manicures friday")]
    public void A_head_count_is_still_one(string text) => Assert.True(ReplyCues.HeadCountIn(text).Success);

    [Theory]
    [InlineData("hey my name is marina diaz, looking for a signature facial friday afternoon")]
    [InlineData("I'm Marina Diaz, i need a hydrafacial saturday")]
    public void A_name_that_is_also_a_location_is_the_name(string text)
    {
        var u = Engine.Understand(text, History(new DialogueState()));
        Assert.Equal("Marina Diaz", u.Name);
        Assert.Null(u.Location?.Location);
    }

    [Fact]
    public void The_location_said_as_a_place_is_still_the_location()
    {
        var u = Engine.Understand("signature facial friday at the marina", History(new DialogueState()));
        Assert.Equal("marina", u.Location?.Location?.Id);
    }

    private static DialogueState ReadingBackAMassage() => new()
    {
        Task = DialogueTask.Book,
        ServiceId = "swedish-60",
        DateStart = "2026-11-27",
        DateEnd = "2026-11-27",
        Asked = AgentQuestion.Confirmation,
        PendingTool = "book_appointment",
        PendingArgs = "{}",
        ReadBack = "Swedish Massage (60 min) with Maya Chen on Friday, November 27 at 10 AM",
        ChosenSlotId = "s10",
        Offered = [new Offer("s10", "2026-11-27", "10:00", "Maya Chen", "Friday at 10 AM with Maya")],
    };

    [Theory]
    [InlineData("yes and also book my sister a facial", "en")]
    [InlineData("yes! and can u also book my sister for a hydrafacial same day", "en")]
    [InlineData("sí, y también una limpieza facial para mi hermana", "es")]
    public void A_yes_with_a_second_booking_beside_it_writes_and_keeps_the_second(string text, string language)
    {
        var state = ReadingBackAMassage();
        state.Language = language;
        var (reading, rule) = Step(state, text);
        Assert.Equal(ReadBackAnswer.Yes, reading.ReadBack);
        Assert.Equal(PolicyAction.Write, rule.Then);
        Assert.NotNull(state.ThenBook);
    }

    [Theory]
    [InlineData("yes please")]
    [InlineData("no, a facial instead")]
    public void A_plain_yes_or_a_correction_keeps_no_second_booking(string text)
    {
        var state = ReadingBackAMassage();
        Step(state, text);
        Assert.Null(state.ThenBook);
    }
}
