using FrontDesk.Agent.Understanding;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Semantic;

namespace FrontDesk.Agent.Tests.Understanding;

/// <summary>
/// Services meant but not named ("something to relax my shoulders"), questions that are about something else than the
/// service they mention, and questions far from everything the spa does.
/// </summary>
public class ServicesByMeaningTests
{
    private static UnderstandingContext Spa(AgentQuestion asked = AgentQuestion.Nothing) =>
        new(TestVocabularies.Wednesday, TestVocabularies.MedSpa) { LastAsked = asked };

    private static ServiceByMeaning Near(string id, float similarity) => new(id, similarity);

    [Fact]
    public void FromMeaning_one_service_clearly_ahead_is_the_one_meant()
    {
        var match = ServiceMatcher.FromMeaning(TestVocabularies.MedSpa, [Near("laser-hair", 0.58f), Near("ipl", 0.41f)]);
        Assert.Equal(ServiceMatchKind.Confident, match.Kind);
        Assert.Equal("laser-hair", match.Service!.Id);
        Assert.Empty(match.Spans);
    }

    [Fact]
    public void FromMeaning_close_services_are_offered_together_never_one_alone()
    {
        var close = ServiceMatcher.FromMeaning(TestVocabularies.MedSpa, [Near("deep-tissue-60", 0.47f), Near("swedish-60", 0.44f), Near("botox", 0.2f)]);
        Assert.Equal(ServiceMatchKind.Candidates, close.Kind);
        Assert.Equal(["deep-tissue-60", "swedish-60"], close.Services.Select(s => s.Id));
        Assert.Equal("massage", close.Category);

        // A near miss below the "meant" line is asked about with the next nearest, not guessed.
        var nearMiss = ServiceMatcher.FromMeaning(TestVocabularies.MedSpa, [Near("ipl", 0.45f), Near("botox", 0.3f)]);
        Assert.Equal(ServiceMatchKind.Candidates, nearMiss.Kind);
        Assert.Equal(["ipl", "botox"], nearMiss.Services.Select(s => s.Id));
    }

    [Fact]
    public void FromMeaning_nothing_close_and_unknown_ids_are_no_service()
    {
        Assert.Equal(ServiceMatchKind.None, ServiceMatcher.FromMeaning(TestVocabularies.MedSpa, [Near("botox", 0.31f), Near("ipl", 0.3f)]).Kind);
        Assert.Equal(ServiceMatchKind.None, ServiceMatcher.FromMeaning(TestVocabularies.MedSpa, [Near("oil-change", 0.9f)]).Kind);
    }

    [Fact]
    public void A_request_with_no_service_named_takes_the_service_meant()
    {
        var understander = new Understander(null, null, _ => [Near("deep-tissue-60", 0.47f), Near("swedish-60", 0.45f)]);
        var u = understander.Understand("hey need something to loosen up my shoulders on friday afternoon", Spa());
        Assert.Equal(ServiceMatchKind.Candidates, u.Services.Kind);
        Assert.Contains(u.Services.Services, s => s.Id == "deep-tissue-60");
        Assert.NotNull(u.Date);
        Assert.Contains(u.Intent, new[] { Intent.Book, Intent.Availability });
    }

    [Fact]
    public void A_service_named_in_words_and_short_answers_are_not_read_by_meaning()
    {
        var understander = new Understander(null, null, _ => [Near("botox", 0.9f)]);
        Assert.Equal("hydrafacial", understander.Understand("i'd like a hydrafacial on friday", Spa()).Services.Service!.Id);
        Assert.Equal(ServiceMatchKind.None, understander.Understand("yes please", Spa(AgentQuestion.Confirmation)).Services.Kind);
        Assert.Equal(ServiceMatchKind.None, understander.Understand("the first one", Spa(AgentQuestion.SlotChoice)).Services.Kind);
    }

    [Fact]
    public void One_word_of_a_longer_name_gives_way_to_a_service_clearly_nearer_in_meaning()
    {
        // "signature" is one word of Signature Facial's name; the message as a whole is about sun spots.
        var understander = new Understander(null, null, _ => [Near("ipl", 0.56f), Near("signature-facial", 0.39f)]);
        var u = understander.Understand("the sun spots are ruining my signature look, want them faded friday", Spa());
        Assert.Equal("ipl", u.Services.Service!.Id);

        // The whole name or an alias is never overruled, and a near tie leaves the words' reading alone.
        Assert.Equal("signature-facial", understander.Understand("a signature facial on friday please", Spa()).Services.Service!.Id);
        Assert.Equal("hydrafacial", understander.Understand("i'd like a hydrafacial on friday", Spa()).Services.Service!.Id);
        var close = new Understander(null, null, _ => [Near("ipl", 0.52f), Near("signature-facial", 0.49f)]);
        Assert.Equal("signature-facial", close.Understand("the sun spots are ruining my signature look, want them faded friday", Spa()).Services.Service!.Id);
    }

    [Theory]
    [InlineData("where do i put my car when i come in for my facial on wed?", "where do i put my car?")]
    [InlineData("can i grab a shower there after my hydrafacial", "can i grab a shower there")]
    public void A_question_about_ones_own_visit_asks_the_faq_without_the_visit(string text, string asked)
    {
        var understander = new Understander(null, q => q.Contains("car", StringComparison.Ordinal) || q.Contains("shower", StringComparison.Ordinal));
        var u = understander.Understand(text, Spa());
        Assert.Equal(Intent.Faq, u.Intent);
        Assert.Equal(asked, u.FaqQuestion);
    }

    [Theory]
    [InlineData("I want to book a pub now.")]
    [InlineData("what's on tv tonight")]
    // A day or a time makes any request look like a spa booking; the thing asked for is what decides.
    [InlineData("can you book a tee time for sunday morning")]
    [InlineData("when is the next opening for a driving test")]
    [InlineData("any openings for a piano lesson on saturday")]
    [InlineData("can u reserve a tennis court thurs at 6")]
    public void A_request_in_booking_words_for_something_the_spa_does_not_do_is_out_of_scope(string text)
    {
        var understander = new Understander(IntentClassifier.DefaultWithSemantic, null, _ => [Near("swedish-60", 0.15f)]);
        Assert.Equal(Intent.OutOfScope, understander.Understand(text, Spa()).Intent);
    }

    [Theory]
    [InlineData("can i book something for friday")]
    [InlineData("any openings next tuesday")]
    [InlineData("can you fit me in this week")]
    [InlineData("could i get something on sunday morning")]
    [InlineData("when's your next opening")]
    [InlineData("do you have anything saturday at 10")]
    [InlineData("i'd like to come in tomorrow afternoon")]
    [InlineData("book me for friday at 3 please")]
    [InlineData("my wife wants to come in next week")]
    public void A_request_for_the_spa_with_no_service_named_stays_a_request(string text)
    {
        var understander = new Understander(IntentClassifier.DefaultWithSemantic, null, _ => [Near("swedish-60", 0.15f)]);
        Assert.Contains(understander.Understand(text, Spa()).Intent, new[] { Intent.Book, Intent.Availability });
    }

    [Theory]
    [InlineData("where do i put my car when i come in for my facial on wed?")]
    [InlineData("is there somewhere I can rinse off after my massage")]
    public void A_question_about_something_else_than_the_persons_own_service_goes_to_the_faq_without_it(string text)
    {
        var understander = new Understander(null, q => q.Contains("car", StringComparison.Ordinal) || q.Contains("rinse", StringComparison.Ordinal));
        var u = understander.Understand(text, Spa());
        Assert.Equal(Intent.Faq, u.Intent);
        Assert.Equal(ServiceMatchKind.None, u.Services.Kind);
        Assert.Null(u.Date);
    }

    [Fact]
    public void What_happens_if_I_cancel_late_is_a_question_not_a_cancellation()
    {
        var understander = new Understander(null, q => q.Contains("bail", StringComparison.Ordinal));
        Assert.Equal(Intent.Faq, understander.Understand("what happens if I have to bail on an appointment last minute?", Spa()).Intent);
        Assert.Equal(Intent.Cancel, understander.Understand("I have to cancel my appointment", Spa()).Intent);
    }

    [Fact]
    public void A_question_far_from_every_spa_task_and_the_spa_information_is_out_of_scope()
    {
        // The real intent examples by meaning (MiniLM); the spa's information is far from both questions here.
        var understander = new Understander(IntentClassifier.DefaultWithSemantic, _ => false, _ => [Near("botox", 0.2f)], _ => 0.2f);
        Assert.Equal(Intent.OutOfScope, understander.Understand("how do you spell necessary", Spa()).Intent);
        // A spa task in other words stays one, and a request for a person is never declined.
        Assert.Equal(Intent.Faq, understander.Understand("do you take insurance", Spa()).Intent);
        Assert.Equal(Intent.Human, understander.Understand("can i talk to someone", Spa()).Intent);
    }

    [Fact]
    public void A_service_meant_in_everyday_words_with_a_day_is_a_search_not_the_services_facts()
    {
        // The FAQ would answer with the pedicure's facts (it answers everything here); the day makes it a search.
        var nails = new UnderstandingContext(TestVocabularies.Wednesday, TestVocabularies.NailSalon);
        var understander = new Understander(IntentClassifier.DefaultWithSemantic, _ => true,
            t => t.Contains("feet", StringComparison.Ordinal) ? [Near("classic-pedi", 0.85f), Near("gel-mani", 0.33f)] : [Near("classic-pedi", 0.2f)]);
        var u = understander.Understand("my feet are a total mess from hiking all summer, got anything thursday?", nails);
        Assert.NotEqual(Intent.Faq, u.Intent);
        Assert.Equal("classic-pedi", u.Services.Service!.Id);
        Assert.NotNull(u.Date);

        // With no day it stays a question the FAQ may answer.
        Assert.Equal(Intent.Faq, understander.Understand("r u guys open on sundays?", nails).Intent);
    }

    [Fact]
    public void Asked_what_the_spa_can_do_about_a_concern_offers_the_service_meant_when_the_faq_has_no_answer()
    {
        // "deep" is one word of Deep Tissue Massage's name (the demo profile's only deep massage); the frown lines mean
        // Botox, and the FAQ has nothing on them.
        var demo = SpaProfileLoader.Load(TestFiles.DemoProfile);
        var vocabulary = new SpaVocabulary(demo.Services.Select(s => new ServiceTerm(s.Id, s.Name, s.Aliases, s.Category, s.DurationMin)),
            demo.Staff.Select(p => new PersonTerm(p.Id, p.Name)), demo.Locations.Select(l => new PlaceTerm(l.Id, l.Name)));
        var understander = new Understander(IntentClassifier.DefaultWithSemantic, _ => false, new SemanticServices(demo, SentenceEmbedder.Shared).Search);
        var u = understander.Understand("uh yeah i've got these deep frown lines between my brows, what can you guys do", new UnderstandingContext(TestVocabularies.Wednesday, vocabulary));
        Assert.Equal("botox", u.Services.Service!.Id);
        Assert.Equal(Intent.Book, u.Intent);
    }

    [Theory]
    [InlineData("do i need an appt or can i just drop by sometime")]
    [InlineData("is it alright if i just swing by without booking anything")]
    public void Walk_in_questions_in_everyday_words_go_to_the_faq(string text)
    {
        var understander = new Understander(IntentClassifier.DefaultWithSemantic, q => q.Contains("by", StringComparison.Ordinal));
        Assert.Equal(Intent.Faq, understander.Understand(text, Spa()).Intent);
    }

    [Theory]
    [InlineData("can i move my appointment, i cant make it on friday")]
    [InlineData("when is my appt? i might drop by early")]
    public void A_message_about_ones_own_booking_is_not_sent_to_the_faq_for_its_everyday_words(string text)
    {
        var understander = new Understander(IntentClassifier.DefaultWithSemantic, _ => true);
        Assert.NotEqual(Intent.Faq, understander.Understand(text, Spa()).Intent);
    }
}
