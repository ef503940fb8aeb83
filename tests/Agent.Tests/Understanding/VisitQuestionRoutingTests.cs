using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

/// <summary>A question about the person's own visit (late, parking, bringing, paying) is for the FAQ, whatever its words first suggest.</summary>
public class VisitQuestionRoutingTests
{
    private static readonly Understander Words = new();

    private static UnderstandingContext Spa(AgentQuestion asked = AgentQuestion.Nothing) =>
        new(TestVocabularies.Wednesday, TestVocabularies.MedSpa) { LastAsked = asked };

    [Theory]
    [InlineData("hey what happens if im running like 15 mins behind for my 2pm")] // read as a search for 2 pm before
    [InlineData("hi im gonna be about 10 minutes late is that ok")] // read as "never mind" before
    [InlineData("ugh stuck in traffic.. is it a problem if i get there a few minutes late?")]
    [InlineData("can i bring my dog with me? shes very calm")]
    [InlineData("do yall take cards or is it cash only")]
    public void A_question_about_ones_own_visit_is_a_faq_question(string text)
    {
        var u = Words.Understand(text, Spa());
        Assert.Equal(Intent.Faq, u.Intent);
        Assert.Equal(ServiceMatchKind.None, u.Services.Kind);
    }

    [Fact]
    public void A_booking_with_a_visit_word_stays_a_booking()
    {
        Assert.Equal(Intent.Book, Words.Understand("book me a facial at 2pm, i might be a bit late", Spa()).Intent);
    }

    [Fact]
    public void An_answer_to_a_pending_question_is_not_rerouted()
    {
        Assert.NotEqual(Intent.Faq, Words.Understand("2pm, i might be late", Spa(AgentQuestion.Time)).Intent);
    }
}

/// <summary>Asking us to find a provider of a service we have is a search, even when the FAQ has something close (SGD dev: "can you find me a therapist").</summary>
public class SearchRequestRoutingTests
{
    // A FAQ that has something close to every question, as the demo's massage entries are to "massage therapist".
    private static readonly Understander AnswersEverything = new(null, _ => true);

    [Theory]
    [InlineData("can you find me a therapist, specifically a massage one")]
    [InlineData("could u look for a massage therapist for me")]
    [InlineData("can you search for someone who does facials")]
    public void A_request_to_find_someone_for_a_service_of_ours_is_a_search_not_a_faq_question(string text)
    {
        var u = AnswersEverything.Understand(text, new UnderstandingContext(TestVocabularies.Wednesday, TestVocabularies.MedSpa));
        Assert.NotEqual(Intent.Faq, u.Intent);
        Assert.NotEqual(ServiceMatchKind.None, u.Services.Kind);
    }

    [Fact]
    public void A_question_about_a_service_without_a_search_word_still_goes_to_the_faq()
    {
        var u = AnswersEverything.Understand("what do I wear for a massage?", new UnderstandingContext(TestVocabularies.Wednesday, TestVocabularies.MedSpa));
        Assert.Equal(Intent.Faq, u.Intent);
    }
}
