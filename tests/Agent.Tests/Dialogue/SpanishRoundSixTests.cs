using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Understanding;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Dialogue;

/// <summary>
/// Issue 13, round 6: the round-5 Spanish known issues, fixed where English gains too. Demo profile, Monday 2026-11-23
/// 08:00 Los Angeles.
/// </summary>
public sealed class SpanishRoundSixTests
{
    private static DialogueState ChoosingAFacial(string language) => new()
    {
        Task = DialogueTask.Book,
        Language = language,
        ServiceOptions = ["Signature Facial", "HydraFacial", "Chemical Peel", "Dermaplaning", "IPL Photofacial"],
        Asked = AgentQuestion.Service,
        DateStart = "2026-11-27",
        DateEnd = "2026-11-27",
    };

    [Theory]
    [InlineData("en", "hmm no actually saturday")]
    [InlineData("en", "no wait, saturday")]
    [InlineData("es", "mmm no, mejor el sabado")]
    [InlineData("es", "no mejor el sábado")]
    public void A_no_with_another_day_at_the_service_question_corrects_the_day_and_is_no_miss(string language, string text)
    {
        var state = ChoosingAFacial(language);
        var (reading, rule) = Step(state, text);
        Assert.False(rule.IsMiss, rule.When);
        Assert.Equal(PolicyAction.Search, rule.Then);
        Assert.Equal(new DateOnly(2026, 11, 28), reading.U.Date?.Range.Start);
    }

    [Fact]
    public void A_bare_no_at_a_choice_of_services_is_still_a_miss()
    {
        var (_, rule) = Step(ChoosingAFacial("en"), "no");
        Assert.True(rule.IsMiss, rule.When);
    }
}
