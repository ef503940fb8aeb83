using FrontDesk.Tools.Semantic;

namespace FrontDesk.Agent.Understanding;

/// <summary>What a message means against the intent examples.</summary>
/// <param name="Scores">A score per intent from the nearest examples (summing to 1).</param>
/// <param name="Nearest">Similarity of the nearest example of any intent.</param>
/// <param name="NearestSpaTask">Similarity of the nearest example of a spa task (book, openings, cancel, move, my appointments, waitlist, a question, a person).</param>
/// <param name="NearestElsewhere">Similarity of the nearest out-of-scope example (a request to another business).</param>
/// <param name="NearestAboutAssistant">Similarity of the nearest question asked of the assistant about itself (assistant.examples.txt).</param>
public sealed record IntentMeaning(Dictionary<Intent, double> Scores, double Nearest, double NearestSpaTask, double NearestElsewhere, double NearestAboutAssistant = 0);

/// <summary>
/// Intents by meaning: the training examples (intents.train.txt) embedded once with all-MiniLM-L6-v2, a message scored
/// by its nearest examples. A second signal beside <see cref="IntentClassifier"/>'s word features: "r u guys open on
/// sundays" is near "what are your hours" though it shares no word with it.
/// </summary>
public sealed class SemanticIntents
{
    private const int Neighbours = 7;

    /// <summary>
    /// The label of the questions asked of the assistant about itself: kept apart from the intents' examples (they are no
    /// intent and take no part in the scores), only the nearest one's similarity is read.
    /// </summary>
    public const string AboutAssistantLabel = "about_assistant";

    private readonly SentenceEmbedder _embedder;
    private readonly Lazy<(Intent Intent, float[] Vector)[]> _examples;
    private readonly Lazy<float[][]> _aboutAssistant;

    /// <summary>Scores against the "intent&lt;TAB&gt;utterance" lines; nothing is embedded until first use.</summary>
    public SemanticIntents(IEnumerable<string> trainingLines, SentenceEmbedder embedder)
    {
        var lines = trainingLines.Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#' && l.Contains('\t', StringComparison.Ordinal)).ToList();
        var aboutAssistant = lines.Where(IsAboutAssistant).Select(l => Readable(l[(l.IndexOf('\t', StringComparison.Ordinal) + 1)..])).ToList();
        var examples = lines.Where(l => !IsAboutAssistant(l))
            .Select(l => (Intent: IntentClassifier.ParseLabel(l[..l.IndexOf('\t', StringComparison.Ordinal)]), Text: Readable(Placeholders.FromTemplate(l[(l.IndexOf('\t', StringComparison.Ordinal) + 1)..]))))
            .ToList();
        _embedder = embedder;
        _examples = new(() =>
        {
            var vectors = embedder.EmbedMany([.. examples.Select(e => e.Text)]);
            return [.. examples.Select((e, i) => (e.Intent, vectors[i]))];
        }, LazyThreadSafetyMode.ExecutionAndPublication);
        _aboutAssistant = new(() => aboutAssistant.Count == 0 ? [] : embedder.EmbedMany([.. aboutAssistant]), LazyThreadSafetyMode.ExecutionAndPublication);

        static bool IsAboutAssistant(string line) => line.StartsWith(AboutAssistantLabel + "\t", StringComparison.Ordinal);
    }

    /// <summary>Embeds the examples now.</summary>
    public void Warm()
    {
        _ = _examples.Value;
        _ = _aboutAssistant.Value;
    }

    /// <summary>
    /// A score per intent (summing to 1) from the nearest examples to <paramref name="prepared"/> (text with placeholder
    /// words), and the similarity of the nearest one.
    /// </summary>
    public (Dictionary<Intent, double> Scores, double Nearest) Score(string prepared)
    {
        var m = Read(prepared);
        return (m.Scores, m.Nearest);
    }

    /// <summary>
    /// The meaning of <paramref name="prepared"/> against the examples: a score per intent from the nearest ones, and
    /// how close the nearest example of a spa task (book, look for openings, cancel, move, a question about the spa, a
    /// person) and the nearest request to another business are.
    /// </summary>
    public IntentMeaning Read(string prepared)
    {
        var q = _embedder.Embed(ForModel(prepared));
        var all = _examples.Value;
        // The nearest examples, nearest first, in training order among equals (as a stable sort would give them); kept
        // while scanning instead of sorting every example for each message.
        var nearest = new List<(Intent Intent, float Sim)>(Neighbours + 1);
        double spaTask = 0, elsewhere = 0;
        for (var i = 0; i < all.Length; i++)
        {
            var sim = SentenceEmbedder.Similarity(q, all[i].Vector);
            if (nearest.Count < Neighbours || sim > nearest[^1].Sim)
            {
                var at = nearest.Count;
                while (at > 0 && nearest[at - 1].Sim < sim)
                {
                    at--;
                }
                nearest.Insert(at, (all[i].Intent, sim));
                if (nearest.Count > Neighbours)
                {
                    nearest.RemoveAt(Neighbours);
                }
            }
            if (all[i].Intent == Intent.OutOfScope)
            {
                elsewhere = Math.Max(elsewhere, sim);
            }
            else if (SpaTasks.Contains(all[i].Intent))
            {
                spaTask = Math.Max(spaTask, sim);
            }
        }
        var scores = new Dictionary<Intent, double>();
        var total = 0.0;
        foreach (var (intent, sim) in nearest)
        {
            // Nearer examples count much more: a close paraphrase outweighs several loose ones.
            var w = Math.Exp(sim * 10);
            scores[intent] = scores.GetValueOrDefault(intent) + w;
            total += w;
        }
        foreach (var k in scores.Keys.ToList())
        {
            scores[k] /= total;
        }
        var aboutAssistant = 0.0;
        foreach (var v in _aboutAssistant.Value)
        {
            aboutAssistant = Math.Max(aboutAssistant, SentenceEmbedder.Similarity(q, v));
        }
        return new IntentMeaning(scores, nearest.Count > 0 ? nearest[0].Sim : 0, spaTask, elsewhere, aboutAssistant);
    }

    private static readonly HashSet<Intent> SpaTasks =
    [
        Intent.Book, Intent.Availability, Intent.Cancel, Intent.Reschedule, Intent.MyAppointments, Intent.Waitlist, Intent.Faq, Intent.Human,
    ];

    /// <summary>
    /// The text the model reads for a message: placeholders as ordinary words, chat shorthand written out. The services
    /// and the FAQ are asked with the same text, so one message is embedded once.
    /// </summary>
    internal static string ForModel(string prepared) => Tools.Faq.SemanticFaq.Spelled(Readable(prepared));

    /// <summary>Placeholder words as ordinary words the model knows.</summary>
    private static string Readable(string text) => text
        .Replace("zzservice", "a treatment", StringComparison.Ordinal).Replace("zzperson", "jordan", StringComparison.Ordinal)
        .Replace("zzplace", "downtown", StringComparison.Ordinal).Replace("zzdate", "friday", StringComparison.Ordinal)
        .Replace("zztime", "3 pm", StringComparison.Ordinal).Replace("zzphone", "my number", StringComparison.Ordinal)
        .Replace("zzemail", "my email", StringComparison.Ordinal).Replace("zzname", "alex", StringComparison.Ordinal).Trim();
}
