using FrontDesk.Agent.Languages;
using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

/// <summary>
/// Issue 12, round 11 (from a new sample of CLINC's train rows, unrelated intents): what the assistant does and who it
/// works for, asked of it; the date asked outright; what to call the person ("just call me Al"); and a message the
/// classifier leans to a booking only weakly with nothing of a request in it.
/// </summary>
public sealed class RoundElevenMeaningTests
{
    private static readonly SpaVocabulary MedSpa = TestVocabularies.FacialAndSwedish;

    private static Utterance Read(string text, AgentQuestion asked = AgentQuestion.Nothing) =>
        new Understander().Understand(text, new UnderstandingContext(TestVocabularies.Wednesday, MedSpa) { LastAsked = asked });

    [Theory]
    [InlineData("so what exactly are you able to help me with?")]
    [InlineData("how can you assist me today")]
    [InlineData("what skills do u have")]
    [InlineData("what are the kinds of things you can help me with")]
    [InlineData("wait who do you actually work for")]
    [InlineData("who's in charge of you")]
    [InlineData("are you employed by the spa or some other company?")]
    [InlineData("do you have a name I can call you?")]
    [InlineData("what should i call you")]
    public void Questions_about_the_assistant_are_answered_by_it(string text)
    {
        var u = Read(text);
        Assert.True(u.Cues.AsksAboutAssistant);
        Assert.Equal(Intent.Smalltalk, u.Intent);
    }

    [Theory]
    [InlineData("what can you do for acne scars")]
    [InlineData("how can you help with my acne")]
    [InlineData("who is your manager")]
    [InlineData("who do i talk to about a refund")]
    public void The_spas_treatments_and_its_people_are_not_questions_about_the_assistant(string text) =>
        Assert.False(ReplyCues.Read(text).AsksAboutAssistant);

    [Theory]
    [InlineData("what's today's date?")]
    [InlineData("what day is tomorrow")]
    [InlineData("today is what date")]
    [InlineData("what's the date this friday?")]
    [InlineData("what day is it")]
    public void The_date_asked_outright_is_small_talk_not_a_search(string text)
    {
        var u = Read(text);
        Assert.True(u.Cues.AsksDate);
        Assert.Equal(Intent.Smalltalk, u.Intent);
    }

    [Theory]
    [InlineData("what day is my appointment")]
    [InlineData("what day works best for a facial")]
    [InlineData("what's the date of my facial")]
    public void A_day_asked_about_an_appointment_is_not_the_date_asked(string text) =>
        Assert.False(ReplyCues.Read(text).AsksDate);

    [Theory]
    [InlineData("please call me Frank from now on", "Frank")]
    [InlineData("just call me al", "Al")]
    [InlineData("you can call me jen", "Jen")]
    public void Call_me_and_a_name_is_the_persons_name_not_a_call(string text, string name)
    {
        var u = Read(text);
        Assert.Equal(name, u.Name);
        Assert.NotEqual(Intent.Human, u.Intent);
    }

    [Theory]
    [InlineData("please call me back")]
    [InlineData("can someone call me later")]
    [InlineData("call me tomorrow please")]
    public void Call_me_and_when_is_still_a_call(string text) => Assert.Null(Read(text).Name);

    [Theory]
    [InlineData("just call me Al")]
    [InlineData("please call me al")]
    [InlineData("my name is Al")]
    public void A_name_after_call_me_does_not_make_the_message_spanish(string text) =>
        Assert.NotEqual(ConversationLanguage.Spanish, LanguageDetector.Identify(text));

    [Theory]
    [InlineData("does life have meaning")]
    [InlineData("what timezone is phoenix in")]
    [InlineData("i'm going to need you to be quiet now please")]
    public void A_weak_lean_to_booking_with_nothing_of_a_request_is_out_of_scope(string text) =>
        Assert.Equal(Intent.OutOfScope, Read(text).Intent);

    [Theory]
    [InlineData("i'd like to make an appointment")]
    [InlineData("i want to book")]
    [InlineData("anything open?")]
    [InlineData("do you have anything available")]
    public void A_request_with_no_service_is_still_a_request(string text) =>
        Assert.Contains(Read(text).Intent, new[] { Intent.Book, Intent.Availability });

    [Theory]
    [InlineData("the doctors are certified?")]
    [InlineData("are your therapists licensed")]
    [InlineData("do the nurses have experience")]
    public void A_question_about_the_teams_credentials_is_for_the_faq(string text) =>
        Assert.Equal(Intent.Faq, Read(text).Intent);

    [Fact]
    public void A_greeting_in_front_of_a_question_is_not_asked_of_the_faq()
    {
        var u = Read("hi, the doctors are certified?");
        Assert.Equal(Intent.Faq, u.Intent);
        Assert.Equal("the doctors are certified?", u.FaqQuestion);
    }

    [Theory]
    [InlineData("swed 90", "swedish-60")]
    [InlineData("i want a swed tomorrow", "swedish-60")]
    public void A_service_word_typed_short_is_that_service(string text, string service) =>
        Assert.Contains(new ServiceMatcher(MedSpa).Match(text).Services, s => s.Id == service);

    [Theory]
    [InlineData("sign here please")]
    [InlineData("mass")]
    public void A_real_word_is_not_read_as_a_service_typed_short(string text) =>
        Assert.Equal(ServiceMatchKind.None, new ServiceMatcher(MedSpa).Match(text).Kind);

    [Theory]
    [InlineData("i want to get my mom a massage as a gift for christmas, how does that work?")]
    [InlineData("id like to gift my sister a facial")]
    public void A_present_with_no_day_is_a_question_about_gift_cards(string text)
    {
        var u = Read(text);
        Assert.Equal(Intent.Faq, u.Intent);
        Assert.Equal("how do gift cards work?", u.FaqQuestion);
    }

    [Fact]
    public void A_present_booked_for_a_day_is_still_a_booking() =>
        Assert.Equal(Intent.Book, Read("can i book a facial for my mom on friday as a gift").Intent);

    [Theory]
    [InlineData("slow down")]
    [InlineData("whoa slow down please")]
    [InlineData("i want you to speak more slowly to me")]
    [InlineData("speak faster")]
    public void The_pace_asked_of_the_assistant_is_small_talk(string text)
    {
        var u = Read(text);
        Assert.True(u.Cues.AsksPace);
        Assert.Equal(Intent.Smalltalk, u.Intent);
    }

    [Theory]
    [InlineData("can the therapist slow down the massage")]
    [InlineData("i want to talk to someone, slowly")]
    public void A_treatment_or_a_person_asked_for_is_not_the_pace(string text) =>
        Assert.NotEqual(Intent.Smalltalk, Read(text).Intent);
}
