namespace FrontDesk.Agent.Understanding;

/// <summary>What the caller wants to do with this turn.</summary>
public enum Intent
{
    /// <summary>Nothing recognisable (empty or unknown words only).</summary>
    Unknown,

    /// <summary>Book an appointment.</summary>
    Book,

    /// <summary>Ask what is open, without asking to book yet.</summary>
    Availability,

    /// <summary>Cancel an existing appointment.</summary>
    Cancel,

    /// <summary>Move an existing appointment.</summary>
    Reschedule,

    /// <summary>Ask about their own upcoming appointments.</summary>
    MyAppointments,

    /// <summary>Join a waiting list for a full day or time.</summary>
    Waitlist,

    /// <summary>A question about the business: hours, parking, prices, policies, services offered.</summary>
    Faq,

    /// <summary>Asks for a person: staff, manager, receptionist.</summary>
    Human,

    /// <summary>Hello.</summary>
    Greeting,

    /// <summary>Thank you.</summary>
    Thanks,

    /// <summary>Goodbye.</summary>
    Goodbye,

    /// <summary>Yes / agreement.</summary>
    Affirm,

    /// <summary>No / refusal.</summary>
    Deny,

    /// <summary>Changes something just said ("actually make it 4", "no wait, Tuesday").</summary>
    Correction,

    /// <summary>Start the conversation over.</summary>
    Restart,

    /// <summary>Drop the current request ("never mind", "forget it", "cancel that").</summary>
    Nevermind,

    /// <summary>Chit-chat ("how are you", "are you a robot").</summary>
    Smalltalk,

    /// <summary>A request for another business or an unrelated task (restaurant tables, flights, banking, weather).</summary>
    OutOfScope,

    /// <summary>Not predicted by the classifier: set by <see cref="Understander"/> when a reply only answers the agent's question.</summary>
    Inform,
}

/// <summary>One intent and its probability.</summary>
/// <param name="Intent">The intent.</param>
/// <param name="Confidence">Probability in [0, 1]; the alternatives of one classification sum to at most 1.</param>
public readonly record struct IntentScore(Intent Intent, double Confidence);

/// <summary>The classifier's answer.</summary>
/// <param name="Intent">The most likely intent.</param>
/// <param name="Confidence">Its probability.</param>
/// <param name="Alternatives">The top intents, best first (the first is <paramref name="Intent"/>).</param>
public sealed record IntentPrediction(Intent Intent, double Confidence, IReadOnlyList<IntentScore> Alternatives);

/// <summary>
/// A multinomial logistic-regression classifier over word unigrams, word bigrams and character
/// trigrams, trained deterministically at start-up (tens of milliseconds) from a hand-written file of
/// "intent&lt;TAB&gt;utterance" lines. In the training text, <c>{service}</c>, <c>{person}</c>,
/// <c>{place}</c>, <c>{date}</c>, <c>{time}</c>, <c>{phone}</c>, <c>{email}</c> and <c>{name}</c> stand
/// for what the extractors find, so no business's own words are learned; <see cref="Understander"/> puts
/// the same placeholders into the text before classifying.
/// <para>"cancel that" / "cancel it" mid-conversation is trained as <see cref="Intent.Nevermind"/>, while
/// "cancel my appointment" is <see cref="Intent.Cancel"/>; for short ambiguous phrasings both appear among
/// the alternatives and the caller of the classifier (the dialogue) should decide with its state.</para>
/// </summary>
public sealed class IntentClassifier
{
    /// <summary>Name of the embedded training file.</summary>
    public const string TrainingResource = "FrontDesk.Agent.Understanding.intents.train.txt";

    /// <summary>
    /// Name of the embedded file of out-of-scope examples read by meaning only (<see cref="SemanticIntents"/>): more
    /// out-of-scope lines in the word classifier's training would tilt its prior towards off-topic.
    /// </summary>
    public const string ElsewhereResource = "FrontDesk.Agent.Understanding.elsewhere.examples.txt";

    /// <summary>Name of the embedded file of questions asked of the assistant about itself, read by meaning only.</summary>
    public const string AssistantResource = "FrontDesk.Agent.Understanding.assistant.examples.txt";

    private const int Epochs = 12;
    private const int TopAlternatives = 3;
    private static readonly Lazy<IntentClassifier> Shared = new(() => new IntentClassifier(LoadEmbeddedTraining()));
    private static readonly Intent[] Classes = [.. Enum.GetValues<Intent>().Where(i => i is not Intent.Unknown and not Intent.Inform)];

    /// <summary>
    /// Share of the nearest examples' weight that must be out-of-scope for the meaning to turn a request into
    /// <see cref="Intent.OutOfScope"/> (tuned on the SGD dev split and Snips train, docs/evaluation.md).
    /// </summary>
    public const double OutOfScopeAt = 0.6;

    /// <summary>The nearest example must be at least this similar for the meaning to count at all.</summary>
    public const double NearEnough = 0.4;

    /// <summary>
    /// Intents the meaning may overrule: requests and questions that, with no service of the spa named, may be for another
    /// business ("I want to book a pub for five", "can you help me get a cab", "what's the weather on the 14th"). Short
    /// answers ("the first one", "yes", "2") are never overruled.
    /// </summary>
    private static readonly HashSet<Intent> MeaningMayOverrule = [Intent.Book, Intent.Availability, Intent.Faq, Intent.Human, Intent.Unknown, Intent.Smalltalk];

    private static readonly Lazy<IntentClassifier> SharedSemantic = new(() =>
    {
        var lines = LoadEmbeddedTraining();
        return new IntentClassifier(lines, new SemanticIntents([.. lines, .. LoadEmbedded(ElsewhereResource), .. LoadEmbedded(AssistantResource)], Tools.Semantic.SentenceEmbedder.Shared));
    });

    private readonly SemanticIntents? _semantic;
    private readonly Dictionary<ulong, int> _features = [];
    private readonly float[] _weights;
    private readonly float[] _bias;

    /// <summary>Trains on the given "intent&lt;TAB&gt;utterance" lines (blank lines and lines starting with # are skipped).</summary>
    /// <exception cref="FormatException">A line has no tab or an unknown intent label.</exception>
    public IntentClassifier(IEnumerable<string> trainingLines) : this(trainingLines, null)
    {
    }

    /// <summary>
    /// Trains on the given lines and, with <paramref name="semantic"/>, also reads messages by meaning against the same
    /// examples: a request whose nearest examples are mostly out-of-scope ones is out of scope (<see cref="OutOfScopeAt"/>).
    /// </summary>
    public IntentClassifier(IEnumerable<string> trainingLines, SemanticIntents? semantic)
    {
        ArgumentNullException.ThrowIfNull(trainingLines);
        _semantic = semantic;
        var examples = new List<(int Label, int[] Features)>();
        var scratch = new List<ulong>(128);
        foreach (var raw in trainingLines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                throw new FormatException($"Training line has no tab: '{line}'.");
            }

            var label = Array.IndexOf(Classes, ParseLabel(line[..tab]));
            scratch.Clear();
            Features(Placeholders.Mark(Placeholders.FromTemplate(line[(tab + 1)..]), []), scratch);
            var ids = new int[scratch.Count];
            for (var i = 0; i < scratch.Count; i++)
            {
                if (!_features.TryGetValue(scratch[i], out var id))
                {
                    id = _features.Count;
                    _features[scratch[i]] = id;
                }

                ids[i] = id;
            }

            examples.Add((label, ids));
        }

        ExampleCount = examples.Count;
        _weights = new float[_features.Count * Classes.Length];
        _bias = new float[Classes.Length];
        Train(examples);
    }

    /// <summary>The classifier trained on the embedded training file (trained once, on first use; thread-safe).</summary>
    public static IntentClassifier Default => Shared.Value;

    /// <summary>The embedded-trained classifier with semantic matching (one per process; thread-safe).</summary>
    public static IntentClassifier DefaultWithSemantic => SharedSemantic.Value;

    /// <summary>Loads the model and embeds the examples now, when this classifier matches by meaning.</summary>
    public void Warm() => _semantic?.Warm();

    /// <summary>Number of training examples read.</summary>
    public int ExampleCount { get; }

    /// <summary>
    /// Classifies raw text. Dates, times, phone numbers and e-mails are found and replaced by their
    /// placeholders first; business words are not (use <see cref="Understander"/> for that).
    /// </summary>
    public IntentPrediction Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ClassifyPrepared(Placeholders.Mark(TextNormalizer.Normalize(text), []));
    }

    /// <summary>What <paramref name="text"/> means against the training examples (prepared as in <see cref="Classify"/>); null without semantic matching.</summary>
    public IntentMeaning? Meaning(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _semantic?.Read(Placeholders.Mark(TextNormalizer.Normalize(text), []));
    }

    /// <summary>What text with placeholders means against the training examples; null without semantic matching.</summary>
    internal IntentMeaning? MeaningOfPrepared(string prepared) => _semantic?.Read(prepared);

    /// <summary>Classifies text in which extracted values have already been replaced by placeholders.</summary>
    internal IntentPrediction ClassifyPrepared(string prepared)
    {
        var scratch = new List<ulong>(128);
        Features(prepared, scratch);
        Span<float> scores = stackalloc float[Classes.Length];
        _bias.CopyTo(scores);
        var known = 0;
        foreach (var f in scratch)
        {
            if (_features.TryGetValue(f, out var id))
            {
                known++;
                var row = _weights.AsSpan(id * Classes.Length, Classes.Length);
                for (var c = 0; c < row.Length; c++)
                {
                    scores[c] += row[c] * Scale(scratch.Count);
                }
            }
        }

        if (known == 0 && _semantic is null)
        {
            return new IntentPrediction(Intent.Unknown, 0, []);
        }

        Softmax(scores);
        if (_semantic is not null && OutOfScopeByMeaning(prepared, known == 0 ? Intent.Unknown : Classes[ArgMax(scores)]) is { } share)
        {
            // The words say "a request"; the meaning says "for another business": out of scope, with the meaning's share.
            var oos = Array.IndexOf(Classes, Intent.OutOfScope);
            for (var c = 0; c < Classes.Length; c++)
            {
                scores[c] = c == oos ? (float)share : (float)(scores[c] * (1 - share));
            }
        }
        else if (known == 0)
        {
            return new IntentPrediction(Intent.Unknown, 0, []);
        }
        var ranked = new List<IntentScore>(Classes.Length);
        for (var c = 0; c < Classes.Length; c++)
        {
            ranked.Add(new IntentScore(Classes[c], Math.Round(scores[c], 4)));
        }

        ranked.Sort((a, b) => b.Confidence.CompareTo(a.Confidence));
        var top = ranked.GetRange(0, TopAlternatives);
        return new IntentPrediction(top[0].Intent, top[0].Confidence, top);
    }

    private static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }
        return best;
    }

    /// <summary>The out-of-scope share of the nearest examples, when the meaning overrules <paramref name="byWords"/>; else null.</summary>
    private double? OutOfScopeByMeaning(string prepared, Intent byWords)
    {
        if (!MeaningMayOverrule.Contains(byWords) || prepared.Contains("zzservice", StringComparison.Ordinal)
            || prepared.Count(c => c == ' ') < 2)
        {
            return null;
        }
        var (meaning, nearest) = _semantic!.Score(prepared);
        var share = meaning.GetValueOrDefault(Intent.OutOfScope);
        return nearest >= NearEnough && share >= OutOfScopeAt ? share : null;
    }

    /// <summary>The lines of the embedded training file.</summary>
    public static IReadOnlyList<string> LoadEmbeddedTraining() => LoadEmbedded(TrainingResource);

    private static List<string> LoadEmbedded(string resource)
    {
        using var stream = typeof(IntentClassifier).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>(1024);
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Maps a training label ("my_appointments", "out_of_scope") to its intent.</summary>
    public static Intent ParseLabel(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var key = label.Replace("_", string.Empty, StringComparison.Ordinal).Trim();
        return Enum.TryParse<Intent>(key, ignoreCase: true, out var intent) && Array.IndexOf(Classes, intent) >= 0
            ? intent
            : throw new FormatException($"Unknown intent label '{label}'.");
    }

    private static float Scale(int featureCount) => 1f / MathF.Sqrt(featureCount);

    private void Train(List<(int Label, int[] Features)> examples)
    {
        var classes = Classes.Length;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var probabilities = new float[classes];
        uint seed = 2166136261;
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            // Deterministic Fisher–Yates shuffle with a fixed linear congruential generator.
            for (var i = order.Length - 1; i > 0; i--)
            {
                seed = seed * 1664525 + 1013904223;
                var j = (int)(seed % (uint)(i + 1));
                (order[i], order[j]) = (order[j], order[i]);
            }

            var rate = 0.8f / (1 + epoch * 0.35f);
            foreach (var index in order)
            {
                var (label, features) = examples[index];
                var x = Scale(features.Length);
                _bias.CopyTo(probabilities, 0);
                foreach (var f in features)
                {
                    var row = _weights.AsSpan(f * classes, classes);
                    for (var c = 0; c < classes; c++)
                    {
                        probabilities[c] += row[c] * x;
                    }
                }

                Softmax(probabilities);
                for (var c = 0; c < classes; c++)
                {
                    var gradient = probabilities[c] - (c == label ? 1f : 0f);
                    if (MathF.Abs(gradient) < 1e-4f)
                    {
                        continue;
                    }

                    var step = rate * gradient;
                    _bias[c] -= step * 0.1f;
                    foreach (var f in features)
                    {
                        _weights[f * classes + c] -= step * x;
                    }
                }
            }
        }
    }

    private static void Softmax(Span<float> scores)
    {
        var max = float.MinValue;
        foreach (var s in scores)
        {
            max = Math.Max(max, s);
        }

        var sum = 0f;
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = MathF.Exp(scores[i] - max);
            sum += scores[i];
        }

        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] /= sum;
        }
    }

    /// <summary>Hashes of the features of one text: words, adjacent word pairs (with sentence edges) and letter trigrams.</summary>
    private static void Features(string text, List<ulong> into)
    {
        var tokens = Tokenizer.Tokenize(text);
        ulong previous = Hash('b', "^");
        Span<char> padded = stackalloc char[34];
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = Canonical(tokens[i].Lower);
            var wordHash = Hash('w', word);
            into.Add(wordHash);
            into.Add(Combine(previous, wordHash));
            previous = wordHash;
            if (word.Length is >= 3 and <= 32 && !word.StartsWith("zz", StringComparison.Ordinal) && word != "num")
            {
                padded[0] = '^';
                word.CopyTo(padded[1..]);
                padded[word.Length + 1] = '$';
                for (var k = 0; k + 3 <= word.Length + 2; k++)
                {
                    into.Add(Hash('c', padded.Slice(k, 3)));
                }
            }
        }

        if (tokens.Count > 0)
        {
            into.Add(Combine(previous, Hash('b', "$")));
        }
    }

    private static string Canonical(string word)
    {
        if (word.Any(char.IsDigit))
        {
            return "num";
        }

        return word.Contains('\'', StringComparison.Ordinal) ? word.Replace("'", string.Empty, StringComparison.Ordinal) : word;
    }

    private static ulong Hash(char kind, ReadOnlySpan<char> text)
    {
        var h = 14695981039346656037UL;
        h = (h ^ kind) * 1099511628211UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }

    private static ulong Combine(ulong a, ulong b) => (a * 31 + b) ^ 0x9E3779B97F4A7C15UL;
}
