using FrontDesk.Agent.Understanding;
using FrontDesk.Agent.Screening;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Profile;

namespace FrontDesk.Agent.Tests.Understanding;

/// <summary>
/// Round 15 of issue 12's understanding (the lead): from eval/probes/out-of-scope-round15.dev.txt, other businesses'
/// appointments, people and timetables are not the spa's; the person's own manager is not the spa's.
/// </summary>
public sealed class RoundFifteenMeaningTests
{
    private static Utterance Read(string text) => DemoUnderstanding.Read(text);

    [Theory]
    [InlineData("can i get a same day appointment at urgent care")]
    [InlineData("find a tattoo artist who has time this month")]
    [InlineData("when does the last ferry leave tonight")]
    [InlineData("what time does the next train get in on saturday")]
    [InlineData("is there a plumber who can come tomorrow morning")]
    [InlineData("reschedule my one on one with my manager")]
    [InlineData("move the meeting with my boss to 3")]
    public void Another_trades_appointment_or_a_timetable_is_out_of_scope(string text)
    {
        var u = Read(text);
        Assert.Equal(Intent.OutOfScope, u.Intent);
        Assert.Equal(ServiceMatchKind.None, u.Services.Kind);
    }

    [Theory]
    [InlineData("i have a flight that leaves at 6 friday, can i come in for a facial before?")]
    [InlineData("my babysitter can only do tuesday so any massage openings then?")]
    public void Beside_a_request_to_the_spa_the_request_stands(string text) =>
        Assert.NotEqual(Intent.OutOfScope, Read(text).Intent);

    private static readonly SafetyScreen Screen = new(SpaProfileLoader.Load(TestFiles.DemoProfile),
        EscalationRules.Load(Path.Combine(TestFiles.Prompts, "escalation.yaml")));

    [Theory]
    [InlineData("reschedule my one on one with my manager")]
    [InlineData("my manager wants me back by 2")]
    public void The_persons_own_manager_is_not_a_request_for_ours(string text) =>
        Assert.NotEqual("human_request", Screen.ScreenInbound(text).Category?.Name);

    [Theory]
    [InlineData("can i talk to your manager")]
    [InlineData("manager please")]
    [InlineData("i want to speak with the manager about my visit")]
    public void Our_manager_asked_for_is_still_a_person(string text) =>
        Assert.Equal("human_request", Screen.ScreenInbound(text).Category?.Name);

    // A goal in the person's own words, with no service named ("i need to relax", "i want to look less tired"), is what a
    // spa is for: the services of the kind it calls for are offered, in either language. Not "I can only help with …".
    [Theory]
    [InlineData("i need to relax, been a rough week", "massage")]
    [InlineData("my shoulders are so tight from work", "massage")]
    [InlineData("treat myself this weekend? i deserve it", "massage")]
    [InlineData("i want to look less tired", "facial")]
    [InlineData("i have a big event saturday and want to look my best", "facial")]
    [InlineData("my skin has been looking so dull", "facial")]
    [InlineData("necesito relajarme", "massage", "es")]
    [InlineData("tengo la espalda muy tensa", "massage", "es")]
    [InlineData("quiero verme menos cansada para una boda", "facial", "es")]
    public void A_goal_in_the_persons_words_offers_the_services_it_calls_for(string text, string category, string? language = null)
    {
        var u = DemoUnderstanding.Read(text, language);
        Assert.NotEqual(ServiceMatchKind.None, u.Services.Kind);
        Assert.All(u.Services.Services, s => Assert.Equal(category, s.Category));
        Assert.Equal(Intent.Book, u.Intent);
    }

    [Theory]
    [InlineData("money is tight this month")]
    [InlineData("my schedule is so tight i cant think")]
    [InlineData("how do i look less tired on zoom calls")]
    public void Tight_money_or_a_look_on_camera_is_not_a_goal_for_the_spa(string text) =>
        Assert.Equal(ServiceMatchKind.None, Read(text).Services.Kind);
}
