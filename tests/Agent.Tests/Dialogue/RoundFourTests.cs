using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Understanding;
using Microsoft.Extensions.AI;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Dialogue;

/// <summary>
/// Issue 12, round 4: the rows and counts added for the conversations the lead typed into the product (the same
/// question asked over and over, a time of one's own at an offer, "nothing later?", a name with accents at an offer).
/// Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundFourTests
{
    private static DialogueState ChoosingAFacial() => new()
    {
        Task = DialogueTask.Book,
        ServiceOptions = ["Signature Facial", "HydraFacial", "Chemical Peel", "Dermaplaning"],
        Asked = AgentQuestion.Service,
    };

    [Fact]
    public async Task The_same_question_is_put_otherwise_the_second_time_and_never_asked_a_third()
    {
        var (first, state) = await AnswerAsync(new DialogueState(), "hi! do u have anything for a facial this sat or sun");
        Assert.Equal(AgentQuestion.Service, state.Asked);
        Assert.Equal(1, state.QuestionAsks);

        var messages = History(state);
        messages.Add(new ChatMessage(ChatRole.User, "sunday pls"));
        var second = (await Engine.GetResponseAsync(messages, Options)).Messages[0];
        Assert.NotEqual(first.Text, second.Text);
        Assert.Contains("noted", second.Text, StringComparison.OrdinalIgnoreCase);
        var afterSecond = DialogueState.Parse(second.AdditionalProperties?[FrontDesk.Agent.Conversations.StoredMessage.EngineStateKey] as string);
        Assert.Equal(2, afterSecond.QuestionAsks);
        Assert.Equal("2026-11-29", afterSecond.DateStart);

        messages.Add(second);
        messages.Add(new ChatMessage(ChatRole.User, "whatever is earliest"));
        var third = (await Engine.GetResponseAsync(messages, Options)).Messages[0];
        // Round 6: "whatever is earliest" takes the first (most general) option and searches; no third ask, no hand-off.
        Assert.Null(third.AdditionalProperties?.GetValueOrDefault(EmbeddedChatClient.HandoffKey));
        Assert.Equal("check_availability", third.Contents.OfType<FunctionCallContent>().Single().Name);
    }

    [Fact]
    public void Whatever_is_first_at_a_choice_of_services_takes_the_first_option()
    {
        // Round 6: the choice is made for them, and the reply says so (any_service_picked), so they can name another.
        var state = ChoosingAFacial();
        var (reading, rule) = Step(state, "whatever is first");
        Assert.Equal(PolicyAction.PickServiceOption, rule.Then);
        Assert.Equal(Demo.FindService(reading.ServiceOption!.Id)!.Name, state.ServiceOptions[0]);
    }

    [Fact]
    public void A_service_named_among_the_options_wins_over_a_length_it_does_not_come_in()
    {
        var state = new DialogueState
        {
            Task = DialogueTask.Book,
            ServiceOptions = ["Swedish Massage (60 min)", "Swedish Massage (90 min)", "Deep Tissue Massage (60 min)", "Prenatal Massage (60 min)"],
            Asked = AgentQuestion.Service,
        };
        var (reading, rule) = Step(state, "the deep tissue one. 90 min");
        Assert.Equal(PolicyAction.PickServiceOption, rule.Then);
        Assert.Equal("deep-tissue-60", reading.ServiceOption?.Id);
        Assert.Equal(90, state.LengthNotOffered);
    }

    [Theory]
    [InlineData("hmm nothing later?")]
    [InlineData("anything a bit later")]
    public void Nothing_later_at_an_offer_searches_past_the_times_offered(string text)
    {
        var state = Offering();
        var (reading, rule) = Step(state, text);
        Assert.Equal(PolicyAction.SearchPastOffer, rule.Then);
        Assert.NotEqual(Intent.Goodbye, reading.U.Intent);
    }

    [Fact]
    public async Task Nothing_later_searches_after_the_latest_time_offered()
    {
        var (message, _) = await AnswerAsync(Offering(), "hmm nothing later?");
        var call = Assert.Single(message.Contents.OfType<FunctionCallContent>());
        Assert.Equal("check_availability", call.Name);
        Assert.Equal("11:01", call.Arguments?["after"]?.ToString());
        Assert.Equal("2026-11-25", call.Arguments?["date"]?.ToString());
    }

    [Fact]
    public async Task The_earliest_at_an_offer_picks_the_first_in_time()
    {
        var (message, _) = await AnswerAsync(Offering(), "earliest");
        var call = Assert.Single(message.Contents.OfType<FunctionCallContent>());
        Assert.Equal("book_appointment", call.Name);
        Assert.Equal("s9", call.Arguments?["slot_id"]?.ToString());
    }

    [Theory]
    [InlineData("Carla Nuñez", "Carla Nuñez")]
    [InlineData("Zoë O'Brien-Díaz", "Zoë O'Brien-Díaz")]
    public void A_name_written_with_capitals_at_an_offer_is_kept(string text, string name)
    {
        var state = Offering();
        var (_, rule) = Step(state, text);
        Assert.Equal(name, state.Name);
        Assert.False(rule.IsMiss);
        Assert.Equal(PolicyAction.AskPendingAgain, rule.Then);
    }

    [Fact]
    public void A_lower_case_word_pair_at_an_offer_is_not_taken_for_a_name()
    {
        var state = Offering();
        _ = Step(state, "sounds good");
        Assert.Null(state.Name);
    }

    [Fact]
    public async Task A_time_of_ones_own_at_an_offer_is_searched_and_marked_to_be_taken()
    {
        var (message, state) = await AnswerAsync(Offering(), "3:30 works");
        var call = Assert.Single(message.Contents.OfType<FunctionCallContent>());
        Assert.Equal("check_availability", call.Name);
        Assert.Equal("15:30", call.Arguments?["near"]?.ToString());
        Assert.True(state.TakeAskedTime);
    }

    [Fact]
    public void A_goodbye_that_names_a_time_is_no_goodbye()
    {
        var state = Offering();
        state.ChosenSlotId = "s10";
        state.PendingTool = "book_appointment";
        state.PendingArgs = """{"slot_id":"s10","client_name":"Ava Brooks","client_phone":"+14155551111"}""";
        state.ReadBack = "HydraFacial with Priya Patel on Wednesday, November 25 at 10:00 AM";
        state.Asked = AgentQuestion.Confirmation;
        var (_, rule) = Step(state, "2:15 if u have it");
        Assert.NotEqual(PolicyAction.Goodbye, rule.Then);
        Assert.NotEqual(PolicyAction.Write, rule.Then);
    }

    [Fact]
    public void A_request_with_a_day_for_a_treatment_not_on_the_menu_is_said_so_not_out_of_scope()
    {
        var (_, rule) = Step(new DialogueState(), "ok what about a brow wax this afternoon");
        Assert.Equal(PolicyAction.NotOnTheMenu, rule.Then);
        var (_, restaurant) = Step(new DialogueState(), "can I get a table for two at 7 tonight");
        Assert.NotEqual(PolicyAction.NotOnTheMenu, restaurant.Then);
    }

    // Understanding: text in, facts out.

    [Fact]
    public void Free_after_2_beside_a_named_service_is_a_time_not_the_free_consultation()
    {
        var u = Engine.Understand("Can I get a hydrafacial on the 12th? Im free after 2");
        Assert.Equal(ServiceMatchKind.Confident, u.Services.Kind);
        Assert.Equal("hydrafacial", u.Services.Service?.Id);
        Assert.Equal(new TimeOnly(14, 0), u.Time?.From);
        Assert.Equal(new DateOnly(2026, 12, 12), u.Date?.Range.Start);
    }

    [Theory]
    [InlineData("hey can i get a massage tmrw around 3ish", 15, 0)]
    [InlineData("swedish 60 tomorrow 4-ish", 16, 0)]
    public void An_hour_said_loosely_is_the_time_asked_for(string text, int hour, int minute)
    {
        var u = Engine.Understand(text);
        Assert.Equal(new TimeOnly(hour, minute), u.Time?.Exact);
    }

    [Theory]
    [InlineData("hmm nothing later?", TimeNudge.Later)]
    [InlineData("anything earlier", TimeNudge.Earlier)]
    [InlineData("any slots a little sooner?", TimeNudge.Earlier)]
    [InlineData("can we make it an hour later", TimeNudge.None)]
    [InlineData("I'll call back later", TimeNudge.None)]
    public void Later_or_earlier_than_the_offer_is_read(string text, TimeNudge nudge) =>
        Assert.Equal(nudge, ReplyCues.Read(text).Nudge);

    [Theory]
    [InlineData("Carla Nuñez")]
    [InlineData("Zoë O'Brien-Díaz")]
    [InlineData("José Peña")]
    public void A_name_with_accents_apostrophes_or_hyphens_answers_the_name_question(string name)
    {
        var state = Offering();
        state.ChosenSlotId = "s10";
        state.Asked = AgentQuestion.Name;
        var u = Engine.Understand(name, History(state));
        Assert.Equal(name, u.Name);
    }

    [Theory]
    [InlineData("whats the diff between swedish and deep tissue")]
    [InlineData("whats the difference between hydrafacial and signature facial")]
    public void A_comparison_names_both_services(string text)
    {
        var u = Engine.Understand(text);
        // Several services named (a bare "swedish" is both lengths): each is described.
        Assert.Equal(ServiceMatchKind.Several, u.Services.Kind);
        Assert.InRange(u.Services.Services.Count, 2, 3);
    }

    [Theory]
    [InlineData("ok what about a brow wax this afternoon", true)]
    [InlineData("can i get lash extensions tomorrow at 2", true)]
    [InlineData("can I get a table for two at 7", false)]
    public void A_treatment_in_the_trade_s_general_words_is_read(string text, bool names) =>
        Assert.Equal(names, ReplyCues.Read(text).NamesATreatment);
}
