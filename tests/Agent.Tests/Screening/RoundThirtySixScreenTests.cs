using FrontDesk.Agent.Languages;
using FrontDesk.Agent.Screening;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Profile;

namespace FrontDesk.Agent.Tests.Screening;

/// <summary>
/// Round 36 (feat/safety36): a stop beside an emergency's or a clinician's words, stops said and negated, pain said loosely or
/// plainly beside a massage, and a person asked for in other ways. The shipped rules on the demo profile.
/// </summary>
public sealed class RoundThirtySixScreenTests
{
    private static readonly SpaProfile Demo = SpaProfileLoader.Load(TestFiles.DemoProfile);
    private static readonly EscalationRules Rules = EscalationRules.Load(Path.Combine(TestFiles.Prompts, "escalation.yaml"));
    private static readonly SafetyScreen Screen = new(Demo, Rules);

    [Theory]
    [InlineData("my lips are swelling badly after filler and stop texting me", "emergency")]
    [InlineData("my lips are swelling really bad since the filler this morning, and stop texting me please", "emergency")]
    [InlineData("tengo fiebre y la zona roja se extiende, y ya no me manden mensajes", "emergency")]
    [InlineData("tengo fiebre y la zona roja se extiende desde el relleno de ayer, y dejen de escribirme por favor", "emergency")]
    [InlineData("got a rash after my peel yesterday is that normal?? also quit texting me", "medical")]
    [InlineData("me salio un sarpullido despues del peeling, es normal? y dejen de escribirme", "medical")]
    [InlineData("i got a rash after my peel last week, is that normal? and no more texts please", "medical")]
    public void A_stop_beside_an_emergency_or_a_clinicians_words_is_both(string text, string category)
    {
        var finding = Screen.ScreenInbound(text);
        Assert.Equal(category, finding.Category?.Name);
        Assert.True(finding.StopsTexts, "the stop beside the safety words is read");
    }

    [Theory]
    [InlineData("my lips are swelling after filler, is that normal?")]
    [InlineData("tengo un sarpullido despues del peeling, es normal?")]
    [InlineData("don't stop texting me, my lips are swelling badly after filler")]
    public void A_safety_message_without_a_stop_stops_nothing(string text)
    {
        var finding = Screen.ScreenInbound(text);
        Assert.NotNull(finding.Category);
        Assert.False(finding.StopsTexts);
    }

    [Theory]
    [InlineData("don't stop texting me, i like the reminders")]
    [InlineData("please dont stop texting me, i really like the reminders")]
    [InlineData("i didnt say to stop texting me lol")]
    [InlineData("i don't want you to stop sending texts, they help me")]
    [InlineData("never said to stop texting me")]
    [InlineData("no dejen de mandarme mensajes, me sirven mucho los recordatorios")]
    [InlineData("no quiero que dejen de escribirme")]
    public void A_negated_stop_is_not_a_stop(string text)
    {
        var finding = Screen.ScreenInbound(text);
        Assert.NotEqual(EscalationRules.TextsUnwantedReply, finding.Reply);
        Assert.False(finding.StopsTexts);
        Assert.False(Rules.AsksToStopTexts(SafetyScreen.Normalize(text)));
    }

    [Theory]
    [InlineData("stop texting me")]
    [InlineData("no more texts pls")]
    [InlineData("i dont care just stop texting me")]
    [InlineData("no, stop texting me")]
    [InlineData("ya no me escriban porfa")]
    [InlineData("no quiero más mensajes")]
    [InlineData("no quiero mas mensajes, gracias")]
    [InlineData("dejen de escribirme")]
    public void A_stop_in_words_is_still_a_stop(string text)
    {
        Assert.Equal(EscalationRules.TextsUnwantedReply, Screen.ScreenInbound(text).Reply);
    }

    [Theory]
    [InlineData("my back is killing me, need a massage")]
    [InlineData("i have back pain, can i book a massage this week")]
    [InlineData("need a massage asap my neck and shoulders are so tight")]
    [InlineData("tengo dolor de espalda, quiero un masaje")]
    [InlineData("me esta matando la espalda, necesito un masaje")]
    [InlineData("quiero un masaje, me duele mucho la espalda")]
    public void An_ache_beside_a_massage_asked_for_is_a_booking(string text)
    {
        Assert.Null(Screen.ScreenInbound(text).Category);
    }

    [Theory]
    [InlineData("i have back pain")]
    [InlineData("tengo dolor de espalda")]
    [InlineData("my back is killing me since my car accident last week and my leg goes numb, need a massage")]
    [InlineData("would a massage help my back pain?")]
    [InlineData("un masaje me ayudaria con el dolor de espalda?")]
    [InlineData("my neck hurts since the botox, can i still get a massage")]
    [InlineData("my back hurts since the massage on friday, can i book another massage")]
    [InlineData("me duele la espalda desde el masaje del viernes, quiero otro masaje")]
    public void Pain_alone_a_red_flag_or_a_question_of_help_goes_to_a_clinician(string text)
    {
        Assert.Equal("medical", Screen.ScreenInbound(text).Category?.Name);
    }

    [Theory]
    [InlineData("is there a person i can text instead")]
    [InlineData("do you have someone i could talk to")]
    [InlineData("can a human call me back")]
    [InlineData("can i talk to someone in spanish")]
    [InlineData("¿hay una persona a la que le pueda escribir?")]
    [InlineData("¿me puede llamar una persona?")]
    public void A_person_asked_for_in_other_ways_is_a_hand_off(string text)
    {
        Assert.Equal("human_request", Screen.ScreenInbound(text).Category?.Name);
    }

    // "someone who speaks spanish" / "alguien que hable inglés" is answered by the assistant in that language (no hand-off, as
    // before this round); "talk to someone in spanish" asks for a person, and the replies switch too.
    [Theory]
    [InlineData("can i talk to someone in spanish", "es")]
    [InlineData("hola, ¿hay alguien que hable inglés?", "en")]
    [InlineData("hay alguien que hable en español", "es")]
    public void A_person_in_the_other_language_switches_the_replies(string text, string language)
    {
        Assert.Equal(language, LanguageRequest.Read(text));
    }

    [Theory]
    [InlineData("is there someone who speaks spanish")]
    [InlineData("hola, ¿hay alguien que hable inglés?")]
    public void Someone_who_speaks_the_other_language_is_not_a_hand_off(string text)
    {
        Assert.Null(Screen.ScreenInbound(text).Category);
    }
}
