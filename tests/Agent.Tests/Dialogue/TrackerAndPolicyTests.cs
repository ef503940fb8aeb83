using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Understanding;
using Microsoft.Extensions.AI;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Dialogue;

/// <summary>
/// The tracker and the policy alone: a state and one message in, the new state and the action out (no store, no tools
/// run). Where the action's call matters, the engine answers the same state and message and the call it makes is checked.
/// The demo profile's clock: Monday 2026-11-23, 08:00 Los Angeles.
/// </summary>
public sealed class TrackerAndPolicyTests
{
    /// <summary>The 10 AM slot read back, waiting for a yes.</summary>
    private static DialogueState ReadingBack()
    {
        var state = Offering();
        state.ChosenSlotId = "s10";
        state.PendingTool = "book_appointment";
        state.PendingArgs = """{"slot_id":"s10","client_name":"Ava Brooks","client_phone":"+14155551111"}""";
        state.ReadBack = "HydraFacial with Priya Patel on Wednesday, November 25 at 10:00 AM";
        state.Asked = AgentQuestion.Confirmation;
        return state;
    }

    private static FunctionCallContent? CallOf(ChatMessage message) => message.Contents.OfType<FunctionCallContent>().SingleOrDefault();

    [Theory]
    [InlineData("Lee Park")]
    [InlineData("lee park")]
    public void A_bare_name_when_the_phone_is_asked_is_the_name_even_if_read_as_a_question_for_the_faq(string text)
    {
        // After a pick the phone is asked; the understanding may read a bare "Lee Park" as an FAQ question by meaning
        // ("park" → parking). The question pending wins for a short answer that fits it.
        var state = Offering();
        state.ChosenSlotId = "s9";
        state.Asked = AgentQuestion.Phone;
        var u = Engine.Understand(text, History(state)) with { Intent = Intent.Faq, Confidence = 1 };
        var reading = DialogueTracker.Observe(state, u, Demo, AllTools);
        var rule = DialoguePolicy.Decide(state, reading);
        Assert.Equal("Lee Park", state.Name);
        Assert.NotEqual(PolicyAction.AnswerFaq, rule.Then);
        Assert.Equal("s9", state.ChosenSlotId);
    }

    [Fact]
    public async Task A_name_given_while_the_times_are_on_offer_is_kept_and_the_times_asked_again()
    {
        var state = Offering();
        var (_, rule) = Step(state, "oh this is Kim Lee btw");
        Assert.Equal(PolicyAction.AskPendingAgain, rule.Then);
        Assert.False(rule.IsMiss);
        Assert.Equal("Kim Lee", state.Name);

        var (message, after) = await AnswerAsync(Offering(), "oh this is Kim Lee btw");
        Assert.Contains("Which of those times", message.Text, StringComparison.Ordinal);
        Assert.Equal(3, after.Offered.Count);
        Assert.Equal(AgentQuestion.SlotChoice, after.Asked);
        Assert.Equal("Kim Lee", after.Name);
    }

    [Fact]
    public async Task The_phone_asked_again_right_after_a_name_is_worded_differently()
    {
        var state = Offering();
        state.ChosenSlotId = "s10";
        state.Asked = AgentQuestion.Phone;
        var messages = History(state);
        messages.Add(new ChatMessage(ChatRole.User, "Lee Park"));
        var call = (await Engine.GetResponseAsync(messages, Options)).Messages[0];
        var book = Assert.Single(call.Contents.OfType<FunctionCallContent>());
        Assert.Equal("book_appointment", book.Name);
        Assert.Equal("Lee Park", book.Arguments?["client_name"]?.ToString());
        messages.Add(call);
        messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(book.CallId,
            System.Text.Json.JsonSerializer.SerializeToElement(new { status = "bad_argument", message = "I need the client's mobile number to book. Ask for it." }))]));
        var reply = (await Engine.GetResponseAsync(messages, Options)).Messages[0];
        Assert.Contains("still need a mobile number", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_when_the_phone_is_asked_is_still_a_question()
    {
        var state = Offering();
        state.ChosenSlotId = "s9";
        state.Asked = AgentQuestion.Phone;
        var u = Engine.Understand("is there parking?", History(state)) with { Intent = Intent.Faq, Confidence = 1 };
        var reading = DialogueTracker.Observe(state, u, Demo, AllTools);
        Assert.Null(state.Name);
        Assert.Equal(PolicyAction.AnswerFaq, DialoguePolicy.Decide(state, reading).Then);
    }

    [Fact]
    public async Task A_correction_after_an_offer_replaces_the_day_and_searches_again()
    {
        var state = Offering();
        var (reading, rule) = Step(state, "actually make that thursday");
        Assert.Equal(PolicyAction.Search, rule.Then);
        Assert.True(reading.WouldChange);

        var (message, after) = await AnswerAsync(Offering(), "actually make that thursday");
        var call = CallOf(message);
        Assert.NotNull(call);
        Assert.Equal("check_availability", call.Name);
        Assert.Equal("2026-11-26", call.Arguments!["date"]?.ToString());
        Assert.Equal("hydrafacial", call.Arguments["service"]?.ToString());
        Assert.Empty(after.Offered);
    }

    [Fact]
    public async Task A_correction_at_the_read_back_drops_the_write_and_searches_the_new_day()
    {
        var state = ReadingBack();
        var (reading, rule) = Step(state, "hold on, can we do thursday instead");
        Assert.Equal(ReadBackAnswer.Corrected, reading.ReadBack);
        Assert.Equal(PolicyAction.SearchAgain, rule.Then);
        Assert.Null(state.PendingTool);
        Assert.Null(state.ChosenSlotId);
        Assert.Equal("2026-11-26", state.DateStart);

        var (message, _) = await AnswerAsync(ReadingBack(), "hold on, can we do thursday instead");
        Assert.Equal("check_availability", CallOf(message)?.Name);
    }

    [Fact]
    public void A_correction_at_the_read_back_to_another_time_on_offer_picks_that_slot()
    {
        var state = ReadingBack();
        var (reading, rule) = Step(state, "yes but make it 11");
        Assert.Equal(PolicyAction.ChooseCorrectedSlot, rule.Then);
        Assert.Equal("s11", reading.CorrectedSlot?.SlotId);
    }

    [Fact]
    public async Task A_yes_to_an_either_or_question_asks_the_choice_again()
    {
        var state = new DialogueState
        {
            Task = DialogueTask.Book,
            Asked = AgentQuestion.Service,
            ServiceOptions = ["Swedish Massage (60 min)", "Swedish Massage (90 min)"],
        };
        var (_, rule) = Step(state, "yes");
        Assert.Equal(PolicyAction.AskServiceChoice, rule.Then);
        Assert.True(rule.IsMiss);

        var (message, after) = await AnswerAsync(new DialogueState
        {
            Task = DialogueTask.Book,
            Asked = AgentQuestion.Service,
            ServiceOptions = ["Swedish Massage (60 min)", "Swedish Massage (90 min)"],
        }, "yes");
        Assert.Null(CallOf(message));
        Assert.Contains("60", message.Text, StringComparison.Ordinal);
        Assert.Contains("90", message.Text, StringComparison.Ordinal);
        Assert.Null(after.ServiceId);
        Assert.Equal(1, after.Misses);
    }

    [Fact]
    public void A_yes_to_times_or_the_waitlist_asks_which_again()
    {
        var state = Offering();
        state.Phase = DialoguePhase.WaitlistOffer;
        var (_, rule) = Step(state, "yes please");
        Assert.Equal(PolicyAction.AskSlotsOrWaitlist, rule.Then);
        Assert.True(rule.IsMiss);
    }

    [Theory]
    [InlineData("k")]
    [InlineData("👍")]
    [InlineData("y")]
    [InlineData("hmm")]
    [InlineData("maybe")]
    [InlineData("no")]
    [InlineData("actually thursday")]
    [InlineData("can you cancel my other one")]
    public void Only_a_clear_yes_to_a_read_back_writes(string reply)
    {
        var state = ReadingBack();
        var (_, rule) = Step(state, reply);
        Assert.NotEqual(PolicyAction.Write, rule.Then);
    }

    [Theory]
    [InlineData("actually nvm cancel it")]
    [InlineData("yes cancel the appointment")]
    public void Cancel_at_a_moves_read_back_does_not_move_and_asks_to_cancel_the_appointment(string reply)
    {
        var state = ReadingBack();
        state.Task = DialogueTask.Reschedule;
        state.PendingTool = "reschedule_appointment";
        var (reading, rule) = Step(state, reply);
        Assert.NotEqual(ReadBackAnswer.Yes, reading.ReadBack);
        Assert.Equal(PolicyAction.StartCancel, rule.Then);
        Assert.Null(state.PendingTool);
    }

    [Theory]
    [InlineData("actually nvm cancel it")]
    [InlineData("yes cancel the appointment")]
    public void Cancel_at_a_bookings_read_back_books_nothing(string reply)
    {
        var state = ReadingBack();
        var (reading, rule) = Step(state, reply);
        Assert.Equal(ReadBackAnswer.Declined, reading.ReadBack);
        Assert.Equal(PolicyAction.SayDeclined, rule.Then);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("yes please")]
    [InlineData("yep, book it")]
    [InlineData("yes, please book the hydrafacial then")]
    public async Task A_clear_yes_to_a_read_back_calls_the_pending_write(string reply)
    {
        var (_, rule) = Step(ReadingBack(), reply);
        Assert.Equal(PolicyAction.Write, rule.Then);
        var (message, _) = await AnswerAsync(ReadingBack(), reply);
        var call = CallOf(message);
        Assert.Equal("book_appointment", call?.Name);
        Assert.Equal("s10", call!.Arguments!["slot_id"]?.ToString());
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("yes please")]
    [InlineData("sure")]
    [InlineData("ok book it")]
    public void A_yes_with_no_read_back_pending_never_writes(string reply)
    {
        foreach (var state in new[] { Offering(), new DialogueState(), new DialogueState { Task = DialogueTask.Book, ServiceId = "hydrafacial" } })
        {
            var (_, rule) = Step(state, reply);
            Assert.NotEqual(PolicyAction.Write, rule.Then);
        }
    }

    [Fact]
    public void The_only_row_that_writes_is_a_clear_yes_to_a_read_back()
    {
        var writes = DialoguePolicy.Rules.Where(r => r.Then == PolicyAction.Write).ToList();
        var row = Assert.Single(writes);
        Assert.Equal("read-back pending and a clear yes", row.When);
    }

    [Fact]
    public async Task A_second_miss_on_the_same_question_hands_over_to_a_person()
    {
        var (first, afterFirst) = await AnswerAsync(Offering(), "purple elephant");
        Assert.Null(CallOf(first));
        Assert.False(first.AdditionalProperties!.ContainsKey(EmbeddedChatClient.HandoffKey));
        Assert.Contains("10 AM", first.Text, StringComparison.Ordinal);
        Assert.Equal(1, afterFirst.Misses);

        var (second, afterSecond) = await AnswerAsync(afterFirst, "banana");
        Assert.Equal("human_request", second.AdditionalProperties![EmbeddedChatClient.HandoffKey]);
        Assert.Equal(0, afterSecond.Misses);
        Assert.Equal(AgentQuestion.Nothing, afterSecond.Asked);
    }

    [Fact]
    public async Task A_miss_then_an_answer_starts_the_count_again()
    {
        var (_, afterMiss) = await AnswerAsync(Offering(), "purple elephant");
        var (answer, afterAnswer) = await AnswerAsync(afterMiss, "the 10 one");
        Assert.Equal("book_appointment", CallOf(answer)?.Name);
        Assert.Equal(0, afterAnswer.Misses);
    }

    [Fact]
    public void A_phone_number_given_while_picking_a_time_is_kept_and_the_time_picked()
    {
        var state = Offering();
        var (reading, rule) = Step(state, "the 10 one, my cell is 415 555 0199");
        Assert.Equal("+14155550199", state.Phone);
        Assert.True(rule.Then == PolicyAction.ChooseSlot, $"{rule.When}: chosen {reading.U.ChosenSlot}, time {reading.U.Time?.Kind} {reading.U.Time?.Exact}, intent {reading.U.Intent}, correction {reading.U.IsCorrection}, text {reading.U.Text}");
        Assert.Equal("s10", reading.Chosen?.SlotId);
    }

    [Fact]
    public void A_name_given_while_a_service_is_asked_is_kept()
    {
        var state = new DialogueState { Task = DialogueTask.Book, Asked = AgentQuestion.Service };
        Step(state, "hi this is Dana Reyes, 415-555-0199");
        Assert.Equal("Dana Reyes", state.Name);
        Assert.Equal("+14155550199", state.Phone);
        Assert.Null(state.StaffId);
    }

    [Fact]
    public void A_bare_name_answers_a_question_for_the_name()
    {
        var state = Offering();
        state.ChosenSlotId = "s10";
        state.Asked = AgentQuestion.Name;
        var (_, rule) = Step(state, "sam lee");
        Assert.Equal("Sam Lee", state.Name);
        Assert.Equal(PolicyAction.Resume, rule.Then);
        Assert.Equal("s10", state.ChosenSlotId);
    }

    [Theory]
    [InlineData("that first one", "s9")]
    [InlineData("2nd one", "s10")]
    [InlineData("the latest of those", "s11")]
    [InlineData("11 is fine", "s11")]
    [InlineData("yes the 10 o'clock", "s10")]
    public void A_selection_is_resolved_against_the_offer(string reply, string slot)
    {
        var (reading, rule) = Step(Offering(), reply);
        Assert.Equal(PolicyAction.ChooseSlot, rule.Then);
        Assert.Equal(slot, reading.Chosen?.SlotId);
    }

    [Fact]
    public void A_contact_fix_at_the_read_back_keeps_the_slot_and_reads_back_again()
    {
        var state = ReadingBack();
        var (reading, rule) = Step(state, "oops my number is 415 555 0123");
        Assert.Equal(ReadBackAnswer.ContactCorrected, reading.ReadBack);
        Assert.Equal(PolicyAction.Resume, rule.Then);
        Assert.Equal("+14155550123", state.Phone);
        Assert.Equal("s10", state.ChosenSlotId);
    }

    [Fact]
    public void The_policy_reads_typed_facts_only_so_another_language_feeds_it()
    {
        // An utterance as another language's understanding would hand it over: no English words, only facts.
        var state = Offering();
        var english = Engine.Understand("the 10 one", History(state));
        var foreign = english with { Text = "la de las diez", Remainder = "" };
        var reading = DialogueTracker.Observe(state, foreign, Demo, AllTools);
        Assert.Equal(PolicyAction.ChooseSlot, DialoguePolicy.Decide(state, reading).Then);
        Assert.Equal("s10", reading.Chosen?.SlotId);
    }

    [Theory]
    [InlineData("swedish massage wednesday, the hour one", "swedish-60")]
    [InlineData("swedish massage for an hour and a half on wednesday", "swedish-90")]
    [InlineData("a 90 min swedish wednesday", "swedish-90")]
    public void A_length_said_with_the_service_settles_which_one(string text, string service)
    {
        var state = new DialogueState();
        var (_, rule) = Step(state, text);
        Assert.Equal(PolicyAction.Search, rule.Then);
        DialogueTracker.Merge(state, Engine.Understand(text, History(new DialogueState())));
        Assert.Equal(service, state.ServiceId);
        Assert.Equal("2026-11-25", state.DateStart);
    }

    [Fact]
    public void A_service_of_ours_with_a_day_is_never_off_topic()
    {
        var (_, rule) = Step(new DialogueState(), "swedish massage wednesday, the hour one");
        Assert.NotEqual(PolicyAction.OutOfScope, rule.Then);
    }
}
