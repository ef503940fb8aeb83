using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

/// <summary>
/// The demo profile read as the agent reads it: its vocabulary (with the services' local names), and its services and FAQ
/// by meaning. Built once for the test run (the embedding of the profile is the slow part).
/// </summary>
internal static class DemoUnderstanding
{
    private static readonly Lazy<FrontDesk.Tools.Profile.SpaProfile> Profile = new(() => FrontDesk.Tools.Profile.SpaProfileLoader.Load(FrontDesk.TestSupport.TestFiles.DemoProfile));

    private static readonly Lazy<Understander> Understander = new(() =>
    {
        var faq = new FrontDesk.Tools.Faq.SemanticFaq(Profile.Value, FrontDesk.Tools.Semantic.SentenceEmbedder.Shared);
        var services = new FrontDesk.Tools.Semantic.SemanticServices(Profile.Value, FrontDesk.Tools.Semantic.SentenceEmbedder.Shared);
        return new Understander(IntentClassifier.DefaultWithSemantic, faq.AnswersQuestion, services.Search, faq.Closeness);
    });

    private static readonly Lazy<SpaVocabulary> Vocabulary = new(() => FrontDesk.Agent.Embedded.EmbeddedChatClient.VocabularyFor(Profile.Value));

    /// <summary>The message read on a Wednesday with nothing asked, in the given language (none given: English).</summary>
    public static Utterance Read(string text, string? language = null) =>
        Understander.Value.Understand(text, new UnderstandingContext(TestVocabularies.Wednesday, Vocabulary.Value) { Language = language });
}
