using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

/// <summary>A question the spa's own information answers goes to the FAQ, whatever its words first suggest.</summary>
public class SpaQuestionRoutingTests
{
    // The spa's information, as the host wires it from the profile's FAQ by meaning: here, a fixed set of questions.
    private static readonly HashSet<string> Answered = new(StringComparer.OrdinalIgnoreCase)
    {
        "r u guys open on sundays",
        "what do I wear for a body wrap",
        "can my 15 yr old come in with me for a facial?",
        "can I book a facial on friday?",
    };

    private static readonly Understander Understander = new(null, Answered.Contains);

    private static UnderstandingContext Spa(AgentQuestion asked = AgentQuestion.Nothing) =>
        new(TestVocabularies.Wednesday, TestVocabularies.MedSpa) { LastAsked = asked };

    [Theory]
    [InlineData("r u guys open on sundays")]
    [InlineData("what do I wear for a body wrap")]
    [InlineData("can my 15 yr old come in with me for a facial?")]
    public void A_question_the_spa_information_answers_is_a_faq_question(string text)
    {
        Assert.Equal(Intent.Faq, Understander.Understand(text, Spa()).Intent);
    }

    [Fact]
    public void A_booking_request_stays_a_booking_even_when_the_information_matches()
    {
        Assert.Equal(Intent.Book, Understander.Understand("can I book a facial on friday?", Spa()).Intent);
    }

    [Fact]
    public void An_answer_to_a_pending_question_is_never_rerouted()
    {
        Assert.NotEqual(Intent.Faq, Understander.Understand("what do I wear for a body wrap", Spa(AgentQuestion.Service)).Intent);
    }

    [Fact]
    public void Without_the_spa_information_nothing_is_rerouted()
    {
        Assert.NotEqual(Intent.Faq, new Understander().Understand("r u guys open on sundays", Spa()).Intent);
    }
}
