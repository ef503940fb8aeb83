using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Semantic;

namespace FrontDesk.Tools.Faq;

/// <summary>How close a question is to one of the spa's FAQ entries or profile facts, by meaning.</summary>
/// <param name="Entry">The entry (its confidence is the similarity).</param>
/// <param name="Similarity">Cosine similarity of the question and the entry, 0..1.</param>
/// <param name="AnswerSimilarity">Cosine similarity of the question and the entry's answer alone.</param>
public sealed record SemanticFaqMatch(FaqMatch Entry, float Similarity, float AnswerSimilarity = 0);

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

    /// <summary>
    /// Below this similarity to every entry a question is not about the spa at all: declined politely, not passed to the
    /// team. Spa questions in other words score 0.3 and up ("what happens if I bail last minute" 0.31 to the cancellation
    /// policy); "what's the square root of 49" 0.17, "who won the game last night" 0.13.
    /// </summary>
    public const float OffTopicBelow = 0.25f;

    /// <summary>
    /// Below this similarity to every entry, a question the FAQ cannot answer that is not asked of the spa ("what time is
    /// sunset", "what are the dmv hours": no "you", "here", "can I", no service, staff or place of the spa) is not one
    /// for the team: declined politely. Spa questions put that way score higher ("is there parking nearby" 0.6 and up).
    /// </summary>
    public const float NotAskedOfTheSpaBelow = 0.5f;

    /// <summary>From this similarity up to answering, the entry is offered as "Did you mean …?".</summary>
    public const float SuggestAt = 0.54f;

    /// <summary>At or above this similarity the entry answers when its answer, too, is about the question (<see cref="AnswerSaysItAt"/>).</summary>
    public const float AnswerWithItsAnswerAt = 0.46f;

    /// <summary>
    /// How close the entry's answer alone must be to the question for <see cref="AnswerWithItsAnswerAt"/>. A paraphrase is
    /// close to the answer too ("do u take apple pay" 0.54 to "We accept … Apple Pay …", "are there steps to get inside"
    /// 0.45 to the step-free entrance); a question that only sounds like the entry is not ("can I bring my dog?" 0.23 to
    /// the children answer, "gift baskets for horses" 0.25 to the gift-card one, "do you have a sauna" 0.23).
    /// </summary>
    public const float AnswerSaysItAt = 0.38f;

    /// <summary>
    /// At or above this similarity the nearest entry answers when half of the question's key words are in its own tags
    /// (<see cref="Agrees"/>): "do you give robes" 0.44 to the changing-room entry, tagged "robe".
    /// </summary>
    public const float AgreesAt = 0.43f;

    /// <summary>How far ahead of the best entry on another topic an entry must be to answer by <see cref="Agrees"/>.</summary>
    public const float AgreesClearBy = 0.05f;

    /// <summary>
    /// At or above this similarity, <see cref="ClearMargin"/> ahead of every other topic, the nearest entry answers a question
    /// whose subject is known otherwise (a part of the visit it covers): "should i come a bit before my time" 0.52 to the
    /// arrival entry, 0.22 to the next.
    /// </summary>
    public const float NearestAt = 0.45f;

    /// <summary>
    /// Whether <paramref name="best"/> answers because the word match agrees with it: half of the question's key words or
    /// more are in the entry's own tags, and by meaning it is near and clear of every other topic. Tags, not the entry's
    /// question: "can I bring my dog?" shares "bring" with "Can I bring my children?" (tagged children, kids) and is not it.
    /// </summary>
    public static bool Agrees(SemanticFaqMatch best, SemanticFaqMatch? otherTopic, bool halfInItsTags)
    {
        ArgumentNullException.ThrowIfNull(best);
        return halfInItsTags && best.Similarity >= AgreesAt && best.Similarity - (otherTopic?.Similarity ?? 0) >= AgreesClearBy;
    }

    /// <summary>Whether <paramref name="best"/> is near (<see cref="NearestAt"/>) and clear of the best on another topic.</summary>
    public static bool Nearest(SemanticFaqMatch best, SemanticFaqMatch? otherTopic)
    {
        ArgumentNullException.ThrowIfNull(best);
        return best.Similarity >= NearestAt && best.Similarity - (otherTopic?.Similarity ?? 0) >= ClearMargin;
    }

    /// <summary>Whether <paramref name="best"/> answers the question, given the best match on another topic.</summary>
    public static bool Answers(SemanticFaqMatch best, SemanticFaqMatch? otherTopic)
    {
        ArgumentNullException.ThrowIfNull(best);
        return best.Similarity >= AnswerAt
            || (best.Similarity >= AnswerClearlyAt && best.Similarity - (otherTopic?.Similarity ?? 0) >= ClearMargin)
            || (best.Similarity >= AnswerWithItsAnswerAt && best.AnswerSimilarity >= AnswerSaysItAt);
    }

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
    private readonly Lazy<(FaqMatch Entry, bool IsAnswer, float[] Vector)[]> _entries;

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
        var spelled = Spelled(question);
        var q = _embedder.Embed(spelled);
        // Everyday words ("where do I leave my car") also count by the spa's own words for them ("parking"), alone.
        var spa = EverydayWords.SpaWordsIn(spelled);
        var g = spa.Count == 0 ? null : _embedder.Embed(string.Join(' ', spa));
        return [.. _entries.Value
            .Select(e => (e.Entry, e.IsAnswer, Score: g is null ? SentenceEmbedder.Similarity(q, e.Vector) : Math.Max(SentenceEmbedder.Similarity(q, e.Vector), SentenceEmbedder.Similarity(g, e.Vector))))
            .GroupBy(x => x.Entry.Id)
            .Select(g => (g.First().Entry, Score: g.Where(x => !x.IsAnswer).Max(x => x.Score), Answer: g.Where(x => x.IsAnswer).Select(x => x.Score).DefaultIfEmpty(0).Max()))
            .OrderByDescending(x => x.Score)
            .Take(limit)
            .Select(x => new SemanticFaqMatch(x.Entry with { Confidence = Math.Round(x.Score, 3) }, x.Score, x.Answer))];
    }

    /// <summary>Whether an entry answers <paramref name="question"/> by meaning (<see cref="Answers"/>).</summary>
    public bool AnswersQuestion(string question)
    {
        var found = Search(question, 6);
        return found.Count > 0 && Answers(found[0], found.FirstOrDefault(m => Topic(m.Entry) != Topic(found[0].Entry)));
    }

    /// <summary>How close <paramref name="question"/> is to the nearest entry or fact, by meaning (0..1).</summary>
    public float Closeness(string question)
    {
        var found = Search(question, 1);
        return found.Count > 0 ? found[0].Similarity : 0;
    }

    /// <summary>Chat shorthand written out, so the model reads "r u open sat" as "are you open saturday".</summary>
    /// <param name="question">The question as written.</param>
    public static string Spelled(string question)
    {
        var words = question.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            var core = w.TrimEnd('?', '!', '.', ',');
            var tail = w[core.Length..];
            var spelled = core.ToLowerInvariant() switch
            {
                "r" => "are",
                "u" => "you",
                "ur" => "your",
                "yall" or "y'all" => "you all",
                "appt" or "appts" => "appointment",
                "pls" or "plz" => "please",
                "thx" => "thanks",
                "wanna" => "want to",
                "gonna" => "going to",
                "tmrw" or "tmr" or "tmw" or "tomm" or "tmro" => "tomorrow",
                // Days typed short ("r u open sat?"); not "sun" (sun spots, sun damage), and not after a person ("i sat").
                "tue" or "tues" => "tuesday",
                "wed" or "weds" when !AfterAPerson(words, i) => "wednesday",
                "thu" or "thur" or "thurs" => "thursday",
                "fri" => "friday",
                "sat" when !AfterAPerson(words, i) => "saturday",
                "mon" when !AfterAPerson(words, i) => "monday",
                _ => null,
            };
            if (spelled is not null)
            {
                words[i] = spelled + tail;
            }
        }
        return string.Join(' ', words);
    }

    private static bool AfterAPerson(string[] words, int i) => i > 0 && WordsBeforeAVerb.Contains(words[i - 1].ToLowerInvariant());

    /// <summary>
    /// The words after which a short day is a verb ("i sat", "we wed", "they had sat"), as a regular expression's
    /// alternatives: the FAQ's spelling here and the date parser (FrontDesk.Agent) read the same list.
    /// </summary>
    public const string WordsBeforeAVerbPattern = "i|we|you|u|he|she|they|just|had|have|was|were";

    private static readonly HashSet<string> WordsBeforeAVerb = [.. WordsBeforeAVerbPattern.Split('|')];

    private (FaqMatch Entry, bool IsAnswer, float[] Vector)[] Embed(SpaProfile profile)
    {
        // Each entry by its question, its question with its tags and its question with its answer (the best counts), and
        // by its answer alone (AnswerSimilarity).
        var texts = new List<(FaqMatch Entry, bool IsAnswer, string Text)>();
        foreach (var (id, question, answer, tags, source) in profile.Faq.Select(f => (f.Id, f.Question, f.Answer, Tags: string.Join(", ", f.Tags), Source: "faq"))
                     .Concat(FaqIndex.ProfileFacts(profile)))
        {
            var entry = new FaqMatch(id, question, answer, source, 0);
            texts.Add((entry, false, question));
            if (tags.Length > 0)
            {
                texts.Add((entry, false, question + " (" + tags + ")"));
            }
            // The answer says it in other words ("open Sunday 10–3", "Apple Pay", "step-free entrance").
            texts.Add((entry, false, question + " " + answer));
            texts.Add((entry, true, answer));
        }
        var vectors = _embedder.EmbedMany([.. texts.Select(t => t.Text)]);
        return [.. texts.Select((t, i) => (t.Entry, t.IsAnswer, vectors[i]))];
    }
}
