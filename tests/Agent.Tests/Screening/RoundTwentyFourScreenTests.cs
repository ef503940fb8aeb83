using FrontDesk.Agent.Screening;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Profile;

namespace FrontDesk.Agent.Tests.Screening;

/// <summary>
/// Perf round 24 (issue 16): the categories that do not count for another business (<c>unless_elsewhere</c>) looked for
/// another business in every message that reached them, nearly all of which match none of their patterns. It is now looked
/// for only when one of the category's patterns matched; which category a message gets must not change. People's own
/// wording: typos, several things at once, Spanish, another business beside the spa's own. Written before the code.
/// </summary>
public sealed class RoundTwentyFourScreenTests
{
    private static readonly SpaProfile Demo = SpaProfileLoader.Load(TestFiles.DemoProfile);
    private static readonly EscalationRules Rules = EscalationRules.Load(Path.Combine(TestFiles.Prompts, "escalation.yaml"));
    private static readonly SafetyScreen Screen = new(Demo, Rules);

    [Theory]
    // Another business's people, prices and complaints desk: none of the spa's categories.
    [InlineData("ugh can u connect me w the cable company")]
    [InlineData("i wanna complain abt my landlord, heat's been out all week")]
    [InlineData("any discounts on flights to cabo this wknd?")]
    [InlineData("my bank charged me twice for groceries, can i talk to a person there")]
    // The spa's own, beside another business: still the spa's category.
    [InlineData("my uber was late so i missed my massage, i want to complain", "sensitive")]
    [InlineData("my friend got a groupon at another place, can u do a discount on the hydrafacial too", "pricing")]
    [InlineData("can i talk to a real person about my appointment? my flight got moved", "human_request")]
    // Nothing to escalate, about the spa or not.
    [InlineData("do u have parking near the bank on valencia")]
    [InlineData("what time do u close tmrw")]
    // Medical words count wherever the message also goes.
    [InlineData("my dentist said my jaw is swollen and infected, can i still get a facial friday?", "medical")]
    // Spanish.
    [InlineData("quiero hablar con una persona sobre mi cita", "human_request")]
    [InlineData("me cobraron doble en el spa, quiero un reembolso", "sensitive")]
    public void A_messages_category_is_the_same_when_another_business_is_looked_for_only_after_a_pattern_matched(string text, string? category = null)
    {
        Assert.Equal(category, Screen.ScreenInbound(text).Category?.Name);
    }
}
