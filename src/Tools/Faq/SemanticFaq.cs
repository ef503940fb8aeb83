using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Semantic;

namespace FrontDesk.Tools.Faq;

/// <summary>How close a question is to one of the spa's FAQ entries or profile facts, by meaning.</summary>
/// <param name="Entry">The entry (its confidence is the similarity).</param>
/// <param name="Similarity">Cosine similarity of the question and the entry, 0..1.</param>
public sealed record SemanticFaqMatch(FaqMatch Entry, float Similarity);

/// <summary>
/// The profile's FAQ entries and facts (hours, addresses, services and list prices, policies) embedded once, on first
/// use or <see cref="Warm"/>, and matched by meaning: "is there somewhere to leave my car" is the parking question though
/// it shares no word with it. A signal beside <see cref="FaqIndex"/>'s word match, not instead of it.
/// </summary>
public sealed class SemanticFaq
{
    // Thresholds set by hand on a probe list of paraphrased and off-topic questions (eval faq-probe, docs/evaluation.md):
    // paraphrases of an entry score about 0.45 to 0.8, off-topic questions below 0.35, a question the FAQ does not
    // answer but resembles ("do you have a sauna" → showers) about 0.5 with a small margin.

    /// <summary>At or above this similarity the entry answers the question.</summary>
    public const float AnswerAt = 0.66f;

    /// <summary>At or above this similarity the entry answers when it stands out from every other topic by <see cref="ClearMargin"/>.</summary>
    /// <remarks>
    /// Not lower: "can I bring my dog?" scores 0.61 against "Can I bring my children?" and "do you sell gift baskets for
    /// horses?" 0.61 against "Do you sell gift cards?", each far ahead of any other entry; below this they are offered
    /// as "Did you mean …?" instead of being answered with another question's answer.
    /// </remarks>
    public const float AnswerClearlyAt = 0.62f;

    /// <summary>How far the best entry must be ahead of the best entry on another topic to answer below <see cref="AnswerAt"/>.</summary>
    public const float ClearMargin = 0.17f;

    /// <summary>From this similarity up to answering, the entry is offered as "Did you mean …?".</summary>
    public const float SuggestAt = 0.54f;

    /// <summary>Whether <paramref name="best"/> answers the question, given the best match on another topic.</summary>
    public static bool Answers(SemanticFaqMatch best, SemanticFaqMatch? otherTopic) =>
        best.Similarity >= AnswerAt || (best.Similarity >= AnswerClearlyAt && best.Similarity - (otherTopic?.Similarity ?? 0) >= ClearMargin);

    /// <summary>
    /// The entry's topic: its id, except that the same fact about different locations ("profile:hours:mission",
    /// "profile:hours:marina") is one topic.
    /// </summary>
    public static string Topic(FaqMatch entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return FaqIndex.LocationOf(entry.Source) is { } at ? entry.Source[..^(at.Length + 1)] : entry.Id;
    }

    private readonly SentenceEmbedder _embedder;
    private readonly Lazy<(FaqMatch Entry, float[] Vector)[]> _entries;

    /// <summary>Creates the index for a profile; nothing is embedded until first use.</summary>
    public SemanticFaq(SpaProfile profile, SentenceEmbedder embedder)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _embedder = embedder;
        _entries = new(() => Embed(profile), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Embeds the profile's entries now (at start-up, before the host reports ready).</summary>
    public void Warm() => _ = _entries.Value;

    /// <summary>The closest entries to <paramref name="question"/>, best first, with their similarity.</summary>
    public IReadOnlyList<SemanticFaqMatch> Search(string question, int limit = 3)
    {
        ArgumentNullException.ThrowIfNull(question);
        var q = _embedder.Embed(question);
        return [.. _entries.Value
            .Select(e => (e.Entry, Score: SentenceEmbedder.Similarity(q, e.Vector)))
            .GroupBy(x => x.Entry.Id)
            .Select(g => g.MaxBy(x => x.Score))
            .OrderByDescending(x => x.Score)
            .Take(limit)
            .Select(x => new SemanticFaqMatch(x.Entry with { Confidence = Math.Round(x.Score, 3) }, x.Score))];
    }

    private (FaqMatch Entry, float[] Vector)[] Embed(SpaProfile profile)
    {
        // Each entry by its question and by its question with its tags; the better of the two counts.
        var texts = new List<(FaqMatch Entry, string Text)>();
        foreach (var (id, question, answer, tags, source) in profile.Faq.Select(f => (f.Id, f.Question, f.Answer, Tags: string.Join(", ", f.Tags), Source: "faq"))
                     .Concat(FaqIndex.ProfileFacts(profile)))
        {
            var entry = new FaqMatch(id, question, answer, source, 0);
            texts.Add((entry, question));
            if (tags.Length > 0)
            {
                texts.Add((entry, question + " (" + tags + ")"));
            }
        }
        var vectors = _embedder.EmbedMany([.. texts.Select(t => t.Text)]);
        return [.. texts.Select((t, i) => (t.Entry, vectors[i]))];
    }
}
