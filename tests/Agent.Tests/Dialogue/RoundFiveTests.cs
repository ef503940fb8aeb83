using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Understanding;
using Microsoft.Extensions.AI;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Dialogue;

/// <summary>
/// Issue 12, round 5: the cues, rows and state added for the conversations the lead typed into the product (a
/// cooperative person handed off, a time said that was not offered, a request made while a code is pending, prices and
/// hours follow-ups). Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundFiveTests
{
    /// <summary>The question key of <see cref="DialogueFixture.Offering"/>'s offer (which time, the three slots).</summary>
    private const string OfferKey = "SlotChoice|None|||s9,s10,s11||";

    private static FunctionCallContent? CallOf(ChatMessage message) => message.Contents.OfType<FunctionCallContent>().SingleOrDefault();

    [Theory]
    [InlineData("3 or 4 whichever", "15:00", "16:00")]
    [InlineData("2:30 or 3pm works", "14:30", "15:00")]
    [InlineData("10 or 11am", "10:00", "11:00")]
    [InlineData("either 9am or 1", "09:00", "13:00")]
    public void Two_times_said_as_alternatives_are_read_in_order(string text, string first, string second)
    {
        var times = ReplyCues.Read(text).EitherTimes;
        Assert.Equal([TimeOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(second, System.Globalization.CultureInfo.InvariantCulture)], times);
    }

    [Theory]
    [InlineData("415 555 0122")]
    [InlineData("for 2 or 3 people")]
    [InlineData("the 3/4 works")]
    [InlineData("3 works")]
    public void Numbers_that_are_not_two_times_are_not_alternatives(string text) => Assert.Empty(ReplyCues.Read(text).EitherTimes);

    [Theory]
    [InlineData("and sunday?", true)]
    [InlineData("what about monday", true)]
    [InlineData("sunday?", true)]
    [InlineData("can i book a massage on sunday", false)]
    public void An_elliptical_follow_up_is_read(string text, bool followUp) => Assert.Equal(followUp, ReplyCues.Read(text).FollowUp);

    [Theory]
    [InlineData("do you do brow waxing?", true, false)]
    [InlineData("do u guys offer lash lifts", true, false)]
    [InlineData("Do you have a sauna?", true, true)]
    [InlineData("what time do you close", false, false)]
    public void A_question_whether_something_is_offered_is_read(string text, bool asks, bool amenity)
    {
        var cues = ReplyCues.Read(text);
        Assert.Equal(asks, cues.AsksIfOffered);
        Assert.Equal(amenity, cues.NamesAnAmenity);
    }

    [Fact]
    public async Task Details_at_an_offer_put_the_third_ask_as_a_yes_or_no_question_and_a_yes_picks_that_time()
    {
        // The times were offered once already.
        var offered = Offering();
        offered.QuestionAsks = 1;
        offered.LastQuestion = OfferKey;
        var (_, state) = await AnswerAsync(offered, "…Priya Shah");
        Assert.Equal(2, state.QuestionAsks);
        var (put, proposed) = await AnswerAsync(state, "415 555 0122");
        Assert.Null(put.AdditionalProperties?.GetValueOrDefault(EmbeddedChatClient.HandoffKey));
        Assert.Contains("Would Wednesday at 9 AM with Priya work", put.Text, StringComparison.Ordinal);
        Assert.Equal("s9", proposed.ProposedSlotId);
        Assert.Equal("+14155550122", proposed.Phone);

        var (_, rule) = Step(proposed.Copy(), "yes");
        Assert.Equal(PolicyAction.ChooseProposedSlot, rule.Then);
        var (booking, _) = await AnswerAsync(proposed, "yes");
        Assert.Equal("s9", CallOf(booking)?.Arguments?["slot_id"]?.ToString());
    }

    [Fact]
    public async Task Two_misses_in_a_stretch_still_hand_over_on_the_third_ask()
    {
        var state = Offering();
        state.QuestionAsks = 2;
        state.LastQuestion = OfferKey;
        state.StretchMisses = 1;
        state.Misses = 1;
        var (reply, after) = await AnswerAsync(state, "idk");
        Assert.Equal("human_request", reply.AdditionalProperties?[EmbeddedChatClient.HandoffKey]);
        Assert.True(after.WithTeam);
        Assert.Empty(after.Offered);
        Assert.Null(after.Task);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("ok")]
    public void With_the_team_a_bare_yes_does_not_bring_back_the_offer(string text)
    {
        var state = new DialogueState { WithTeam = true, ServiceId = "hydrafacial", DateStart = "2026-11-27", DateEnd = "2026-11-27" };
        var (_, rule) = Step(state, text);
        Assert.Equal(PolicyAction.StillWithTeam, rule.Then);
    }

    [Fact]
    public void With_the_team_a_written_name_is_noted_for_the_team()
    {
        var state = new DialogueState { WithTeam = true };
        var (_, rule) = Step(state, "Ravi Menon");
        Assert.Equal(PolicyAction.NoteContact, rule.Then);
        Assert.Equal("Ravi Menon", state.Name);
    }

    [Fact]
    public async Task Three_or_four_at_an_offer_searches_both_on_the_day_in_play()
    {
        var (message, state) = await AnswerAsync(Offering(), "3 or 4 whichever");
        var search = CallOf(message);
        Assert.Equal("check_availability", search?.Name);
        Assert.Equal("2026-11-25", search?.Arguments?["date"]?.ToString());
        Assert.Equal("15:00", search?.Arguments?["after"]?.ToString());
        Assert.Equal("16:00", search?.Arguments?["before"]?.ToString());
        Assert.Equal(["15:00", "16:00"], state.AskedTimes);
    }

    [Fact]
    public async Task A_time_inside_the_window_asked_for_keeps_the_window()
    {
        var state = Offering();
        state.After = "17:00";
        var (message, _) = await AnswerAsync(state, "6 works");
        var search = CallOf(message);
        Assert.Equal("17:00", search?.Arguments?["after"]?.ToString());
        Assert.Equal("18:00", search?.Arguments?["near"]?.ToString());
    }

    [Fact]
    public async Task A_time_offered_earlier_in_the_task_is_that_slot_when_the_day_in_play_had_nothing()
    {
        var state = Offering();
        state.EarlierOffers = [new Offer("s20", "2026-11-28", "10:00", "Maya Chen", "Saturday at 10 AM with Maya")];
        state.Offered = [new Offer("s30", "2026-11-27", "09:00", "Maya Chen", "Friday at 9 AM with Maya")];
        state.DateStart = state.DateEnd = "2026-11-29";
        state.Phase = DialoguePhase.WaitlistOffer;
        var (_, rule) = Step(state.Copy(), "10am");
        Assert.Equal(PolicyAction.ChooseEarlierOffer, rule.Then);
        var (message, _) = await AnswerAsync(state, "10am");
        Assert.Equal("s20", CallOf(message)?.Arguments?["slot_id"]?.ToString());
    }

    [Fact]
    public async Task What_is_said_while_the_code_is_pending_is_kept_and_acknowledged()
    {
        var state = new DialogueState { Task = DialogueTask.Reschedule, Phase = DialoguePhase.VerifyCode, Phone = "+14155552222" };
        var (_, rule) = Step(state.Copy(), "can we do the following weekend instead, same time");
        Assert.Equal(PolicyAction.KeepWhileVerifying, rule.Then);
        var (message, after) = await AnswerAsync(state, "can we do the following weekend instead, same time");
        Assert.Null(CallOf(message));
        Assert.Contains("Got it: Saturday, December 5 to Sunday, December 6, at the same time", message.Text, StringComparison.Ordinal);
        Assert.Equal(DialogueTask.Reschedule, after.Task);
        Assert.Equal(DialoguePhase.VerifyCode, after.Phase);
        Assert.Equal("2026-12-05", after.DateStart);
        Assert.True(after.SameTime);
    }

    [Fact]
    public async Task Prices_for_a_kind_of_service_list_each_one_from_the_profile()
    {
        var (message, _) = await AnswerAsync(new DialogueState(), "what are your prices for facials");
        Assert.Null(CallOf(message));
        foreach (var service in Demo.Services.Where(s => s.Category == "facial"))
        {
            Assert.Contains(service.Name, message.Text, StringComparison.Ordinal);
        }
        Assert.Contains("$199", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_price_of_one_service_is_its_menu_price_and_it_is_the_service_in_play()
    {
        var (message, state) = await AnswerAsync(new DialogueState(), "ok what about botox, how much is it");
        Assert.Contains("Botox is priced from $14.", message.Text, StringComparison.Ordinal);
        Assert.Equal("botox", state.ServiceId);
    }

    [Fact]
    public async Task And_sunday_after_an_hours_answer_asks_the_hours_for_sunday()
    {
        var state = new DialogueState { LastHoursQuestion = "what time do you close on saturday" };
        var (message, _) = await AnswerAsync(state, "and sunday?");
        var faq = CallOf(message);
        Assert.Equal("answer_faq", faq?.Name);
        Assert.Equal("2026-11-29", faq?.Arguments?["date"]?.ToString());
    }
}
