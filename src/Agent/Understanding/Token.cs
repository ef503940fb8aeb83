namespace FrontDesk.Agent.Understanding;

/// <summary>A word of the input: where it is, its lower-case form, and its singular stem.</summary>
internal readonly record struct Token(int Start, int Length, string Lower, string Stem)
{
    public int End => Start + Length;

    public TextSpan Span => new(Start, Length);
}

/// <summary>Splits text into words and reduces them to comparable forms.</summary>
internal static class Tokenizer
{
    /// <summary>
    /// Words are runs of letters and digits; an apostrophe inside a word stays ("don't", "maya's").
    /// Everything else separates words.
    /// </summary>
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(Math.Min(64, text.Length / 4 + 1));
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i])
                   || (IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > start)))
            {
                i++;
            }

            var lower = Lower(text.AsSpan(start, i - start));
            tokens.Add(new Token(start, i - start, lower, Stem(lower)));
        }

        return tokens;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static string Lower(ReadOnlySpan<char> word) =>
        string.Create(word.Length, word.ToString(), static (dest, src) =>
        {
            for (var i = 0; i < src.Length; i++)
            {
                dest[i] = src[i] == '\u2019' ? '\'' : char.ToLowerInvariant(src[i]);
            }
        });

    /// <summary>
    /// A light English singular: "facials" → "facial", "peels" → "peel", "lashes" → "lash",
    /// "therapies" → "therapy", "maya's" → "maya". Not a linguistic stemmer; it only has to
    /// map the vocabulary and the input to the same form.
    /// </summary>
    public static string Stem(string lower)
    {
        var w = lower;
        if (w.EndsWith("'s", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('\''))
        {
            w = w[..^1];
        }

        w = w.Replace("'", string.Empty, StringComparison.Ordinal);
        if (w.Length <= 3 || !char.IsLetter(w[^1]))
        {
            return w;
        }

        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            return string.Concat(w.AsSpan(0, w.Length - 3), "y");
        }

        if (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal)
            || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal)
            || w.EndsWith("zes", StringComparison.Ordinal))
        {
            return w[..^2];
        }

        if (w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i'))
        {
            return w[..^1];
        }

        return w;
    }
}
