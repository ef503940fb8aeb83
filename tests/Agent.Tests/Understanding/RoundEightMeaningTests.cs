using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Understanding;
using FrontDesk.Tools.Semantic;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Understanding;

/// <summary>
/// Issue 12, round 8: generic appointment words name no service, and a care treatment the business does not list is
/// "not something we offer" (whole words: "pediatrician" is no pedicure), never the nearest service by meaning.
/// </summary>
public sealed class RoundEightMeaningTests
{
    private static UnderstandingContext Spa(SpaVocabulary vocabulary, AgentQuestion asked = AgentQuestion.Nothing) =>
        new(TestVocabularies.Wednesday, vocabulary) { LastAsked = asked };

    private static ServiceByMeaning Near(string id, float similarity) => new(id, similarity);

    [Theory]
    [InlineData("i want an appointment")]
    [InlineData("hi can i make an appointment please")]
    [InlineData("i'd like to book an appointment")]
    [InlineData("need to schedule a visit sometime")]
    [InlineData("can i get an appointment zzdate")]
    public void Generic_appointment_words_alone_name_nothing(string prepared) => Assert.True(Understander.OnlyAnAppointment(prepared));

    [Theory]
    [InlineData("i want an appointment for something to relax my shoulders")]
    [InlineData("i want a consultation")]
    [InlineData("i have an appointment")]
    [InlineData("cancel my appointment")]
    [InlineData("i want to book")]
    public void Anything_more_than_an_appointment_is_not_only_an_appointment(string prepared) => Assert.False(Understander.OnlyAnAppointment(prepared));

    [Theory]
    [InlineData("i want an appointment")]
    [InlineData("can i make an appt for friday")]
    public void An_appointment_with_nothing_else_is_a_booking_with_no_service_never_one_by_meaning(string text)
    {
        // The model puts "an appointment" near a consultation; it is never read as one.
        var understander = new Understander(null, null, _ => [Near("botox", 0.52f), Near("lip-filler", 0.45f)]);
        var u = understander.Understand(text, Spa(TestVocabularies.MedSpa));
        Assert.Equal(ServiceMatchKind.None, u.Services.Kind);
        Assert.Contains(u.Intent, new[] { Intent.Book, Intent.Availability });
    }

    [Fact]
    public void The_appointment_word_beside_words_of_meaning_still_finds_the_service_meant()
    {
        string? asked = null;
        var understander = new Understander(null, null, q => { asked = q; return [Near("deep-tissue-60", 0.55f), Near("botox", 0.3f)]; });
        var u = understander.Understand("i'd like an appointment for something to loosen up my tight shoulders", Spa(TestVocabularies.MedSpa));
        Assert.Equal("deep-tissue-60", u.Services.Service?.Id);
        Assert.DoesNotContain("appointment", asked, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("i need a pedicure")]
    [InlineData("can i get a mani pedi")]
    [InlineData("i want my eyebrows waxed")]
    [InlineData("book me a spray tan")]
    [InlineData("necesito un corte de pelo")]
    [InlineData("quiero una manicura")]
    public void Care_treatments_are_named_as_whole_words(string text) => Assert.True(CareTreatments.IsNamedIn(text));

    [Theory]
    [InlineData("my son needs a pediatrician")]
    [InlineData("what does manifest mean")]
    [InlineData("i love the tinted windows")]
    [InlineData("waxwing birds")]
    [InlineData("quiero unas citas")]
    public void Words_that_only_start_like_a_treatment_are_not_one(string text) => Assert.False(CareTreatments.IsNamedIn(text));

    [Fact]
    public void A_treatment_is_not_offered_only_when_no_service_of_the_business_is_of_its_kind()
    {
        Assert.True(CareTreatments.NamesOneNotOffered("i need a haircut", TestVocabularies.MedSpa));
        Assert.True(CareTreatments.NamesOneNotOffered("i want a manicure", TestVocabularies.MedSpa));
        Assert.False(CareTreatments.NamesOneNotOffered("i want a manicure", TestVocabularies.NailSalon));
        Assert.False(CareTreatments.NamesOneNotOffered("a facial on friday", TestVocabularies.MedSpa));
        Assert.True(CareTreatments.NamesOneNotOffered("a facial on friday", TestVocabularies.NailSalon));
        Assert.False(CareTreatments.NamesOneNotOffered("my son needs a pediatrician", TestVocabularies.MedSpa));
    }

    [Fact]
    public void A_haircut_is_never_the_nearest_service_by_meaning()
    {
        var understander = new Understander(null, null, _ => [Near("laser-hair", 0.58f), Near("ipl", 0.41f)]);
        var u = understander.Understand("i need a haircut", Spa(TestVocabularies.MedSpa));
        Assert.Equal(ServiceMatchKind.None, u.Services.Kind);
        Assert.True(u.Cues.NamesATreatment);
    }

    [Theory]
    [InlineData("i want a manicure")]
    [InlineData("i need a pedicure asap lol")]
    [InlineData("book me a spray tan")]
    public void A_request_for_a_treatment_not_on_the_menu_is_said_not_offered(string text)
    {
        // "asap" is a time: the row for a treatment not on the menu with a day or time says it the same way.
        var (_, rule) = Step(new DialogueState(), text);
        Assert.Contains(rule.Then, new[] { PolicyAction.SayNotOffered, PolicyAction.NotOnTheMenu });
    }

    [Theory]
    [InlineData("i love my new haircut")]
    [InlineData("my son needs a pediatrician, do you know a good one")]
    public void Talk_about_a_treatment_or_a_word_like_one_is_not_a_request_for_it(string text)
    {
        var (_, rule) = Step(new DialogueState(), text);
        Assert.NotEqual(PolicyAction.SayNotOffered, rule.Then);
    }

    [Theory]
    [InlineData("let me talk to a real person at the bank")]
    [InlineData("i need to speak to someone at the irs")]
    public void A_person_asked_for_at_another_business_is_not_ours(string text)
    {
        var understander = new Understander { AboutElsewhere = t => t.Contains("bank", StringComparison.Ordinal) || t.Contains("irs", StringComparison.Ordinal) };
        Assert.Equal(Intent.OutOfScope, understander.Understand(text, Spa(TestVocabularies.MedSpa)).Intent);
        Assert.Equal(Intent.Human, new Understander().Understand(text, Spa(TestVocabularies.MedSpa)).Intent);
    }

    [Theory]
    [InlineData("Sure, book me an appointment there")]
    [InlineData("Can you book the appointment with the therapist for three pm.")]
    [InlineData("Yes, I want to reserve a visit with the therapist")]
    public void A_booking_asked_in_general_words_is_a_booking(string text) =>
        Assert.Equal(Intent.Book, new Understander().Understand(text, Spa(TestVocabularies.MedSpa)).Intent);
}
