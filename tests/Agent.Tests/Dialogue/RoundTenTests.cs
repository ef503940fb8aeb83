using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Understanding;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Dialogue;

/// <summary>
/// Issue 12, round 10 (tests/scenarios/people-round10.yaml): lengths and times said in words on a call, a short reply with
/// a number that the classifier reads as asking for a person. Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundTenTests
{
    private static DialogueState ChoosingSwedishLength() => new()
    {
        Task = DialogueTask.Book,
        DateStart = "2026-11-25",
        DateEnd = "2026-11-25",
        Asked = AgentQuestion.Service,
        ServiceOptions = ["Swedish Massage (60 min)", "Swedish Massage (90 min)"],
    };

    [Theory]
    [InlineData("the 60 please", "swedish-60")]
    [InlineData("60 please", "swedish-60")]
    [InlineData("the 90 one pls", "swedish-90")]
    [InlineData("the sixty minute one", "swedish-60")]
    [InlineData("ninety minutes please", "swedish-90")]
    public void A_length_said_at_the_choice_of_lengths_picks_it_and_asks_for_no_person(string text, string service)
    {
        var state = ChoosingSwedishLength();

        var (reading, rule) = Step(state, text);

        Assert.NotEqual(Intent.Human, reading.U.Intent);
        Assert.Equal(PolicyAction.PickServiceOption, rule.Then);
        Assert.Equal(service, reading.ServiceOption!.Id);
    }

    [Theory]
    [InlineData("can i talk to a person please")]
    public void Asking_for_a_person_is_still_a_person(string text)
    {
        var (reading, _) = Step(ChoosingSwedishLength(), text);

        Assert.Equal(Intent.Human, reading.U.Intent);
    }

    [Theory]
    [InlineData("uh eleven fifteen if you have it", 11, 15)]
    [InlineData("eleven fifteen if that's possible", 11, 15)]
    [InlineData("2:30 then", 14, 30)]
    public void A_time_in_words_with_a_condition_at_an_offer_is_that_time(string text, int hour, int minute)
    {
        var u = Engine.Understand(text, History(Offering()));

        Assert.Equal(new TimeOnly(hour, minute), u.Time?.Exact);
    }
}
