using FrontDesk.Agent.Screening;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Profile;

namespace FrontDesk.Agent.Tests.Screening;

/// <summary>
/// Perf round 36: the screen's reading of the profile's contraindications in a message (<see cref="InboundFinding.StatedConditions"/>)
/// compares each word with each condition's stem with the word's text made once (it was made again for every condition). What it
/// reads is the same: a short main word counts whole or with an ending ("tan", "tanned", "tanning"; "rash", "rashes"), a longer
/// one by its start ("pregn…", "retin…"), and nothing else that merely starts the same way ("tango").
/// </summary>
public sealed class RoundThirtySixConditionWordsTests
{
    private static readonly SafetyScreen Screen = new(SpaProfileLoader.Load(TestFiles.DemoProfile), EscalationRules.Load(Path.Combine(TestFiles.Prompts, "escalation.yaml")));

    [Theory]
    [InlineData("i got tanned last weekend, can i still get a facial?", "recent-tan")]
    [InlineData("ive been tanning a lot lately", "recent-tan")]
    [InlineData("i have a rash on my arm", "active-rash")]
    [InlineData("i get rashes sometimes from lotions", "active-rash")]
    [InlineData("im pregnant, is a massage ok?", "pregnancy")]
    [InlineData("i use retinol every night", "topical-retinoid")]
    public void A_condition_said_in_one_of_its_forms_is_stated(string text, string tag) =>
        Assert.Contains(tag, Screen.ScreenInbound(text).StatedConditions);

    [Theory]
    [InlineData("we went dancing the tango last night", "recent-tan")] // "tan" + "go" is not an ending of "tan"
    [InlineData("can i book a facial friday", "active-rash")]
    [InlineData("my sister is pregnant, can i get a facial", "pregnancy")] // someone else's
    public void A_word_that_only_starts_the_same_way_or_someone_elses_is_not(string text, string tag) =>
        Assert.DoesNotContain(tag, Screen.ScreenInbound(text).StatedConditions);
}
