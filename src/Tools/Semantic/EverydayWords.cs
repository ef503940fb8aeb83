using System.Text.RegularExpressions;

namespace FrontDesk.Tools.Semantic;

/// <summary>
/// Everyday ways of saying what a spa's FAQ and treatments are about ("leave my car", "bail last minute", "my little
/// one", "the lines by my eyes", "my toes"), read into the plain words spa profiles use ("parking", "cancellation
/// policy", "children", "expression lines", "pedicure"). The all-MiniLM model puts such phrases 0.2–0.4 from the
/// profile's own words, below what can be trusted; with the spa words added, the message is matched as meant. The
/// table (everyday-words.txt) is built in and names no spa's own service: the added words are matched against the
/// profile like any message. Pure and thread-safe.
/// </summary>
public static partial class EverydayWords
{
    private sealed record Entry(string[] Words, string Gloss);

    private static readonly Lazy<Entry[]> Table = new(Load);

    /// <summary>How many phrases the table holds.</summary>
    public static int PhraseCount => Table.Value.Length;

    /// <summary>
    /// The spa words for the everyday phrases in <paramref name="text"/>, in the order found, each once; empty when
    /// none. Longest phrase first at each word; * in the table stands for any one word.
    /// </summary>
    public static IReadOnlyList<string> SpaWordsIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words(text);
        var found = new List<string>();
        var i = 0;
        while (i < words.Length)
        {
            var best = Table.Value.Where(e => Matches(words, i, e.Words)).MaxBy(e => e.Words.Length);
            if (best is null)
            {
                i++;
                continue;
            }
            foreach (var w in best.Gloss.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!found.Contains(w, StringComparer.Ordinal))
                {
                    found.Add(w);
                }
            }
            i += best.Words.Length;
        }
        return found;
    }

    /// <summary>
    /// <paramref name="text"/> with the spa words of its everyday phrases added in brackets ("can i just drop by
    /// (walk-in)"), or the text itself when it has none.
    /// </summary>
    public static string WithSpaWords(string text)
    {
        var spa = SpaWordsIn(text);
        return spa.Count == 0 ? text : $"{text} ({string.Join(' ', spa)})";
    }

    private static bool Matches(string[] words, int at, string[] phrase)
    {
        if (at + phrase.Length > words.Length)
        {
            return false;
        }
        for (var k = 0; k < phrase.Length; k++)
        {
            if (phrase[k] != "*" && !string.Equals(phrase[k], words[at + k], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    private static string[] Words(string text) =>
        [.. WordPattern().Matches(text.ToLowerInvariant().Replace('’', '\'')).Select(m => m.Value)];

    private static Entry[] Load()
    {
        using var stream = typeof(EverydayWords).Assembly.GetManifestResourceStream("FrontDesk.Tools.Semantic.everyday-words.txt")
            ?? throw new InvalidOperationException("Embedded resource everyday-words.txt is missing.");
        using var reader = new StreamReader(stream);
        var entries = new List<Entry>();
        while (reader.ReadLine() is { } raw)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"everyday-words.txt: no '=' in '{line}'.");
            }
            entries.Add(new Entry(Words(line[..eq]), line[(eq + 1)..].Trim()));
        }
        return [.. entries];
    }

    [GeneratedRegex(@"[a-z0-9*]+(?:'[a-z]+)?")]
    private static partial Regex WordPattern();
}
