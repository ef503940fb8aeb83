namespace FrontDesk.Agent.Understanding;

/// <summary>How sure the staff matcher is.</summary>
public enum StaffMatchKind
{
    /// <summary>No provider was mentioned.</summary>
    None,

    /// <summary>Exactly one provider is meant.</summary>
    Confident,

    /// <summary>Several providers fit (two with the same first name); ask which one.</summary>
    Candidates,

    /// <summary>The caller has no preference ("anyone", "whoever is available").</summary>
    Any,
}

/// <summary>The provider asked for.</summary>
/// <param name="Kind">Confident, candidates, any, or none.</param>
/// <param name="Staff">The person (Confident) or the candidates; empty for Any and None.</param>
/// <param name="Span">Where it was said; default when nothing was found.</param>
/// <param name="Confidence">1 for exact names, lower for typos.</param>
public sealed record StaffMatch(StaffMatchKind Kind, IReadOnlyList<PersonTerm> Staff, TextSpan Span, double Confidence)
{
    /// <summary>Nothing found.</summary>
    public static StaffMatch None { get; } = new(StaffMatchKind.None, [], default, 0);

    /// <summary>The one person meant, when <see cref="Kind"/> is Confident.</summary>
    public PersonTerm? Person => Kind == StaffMatchKind.Confident ? Staff[0] : null;
}

/// <summary>
/// Finds a provider by full name, first name or surname, with typos; and "no preference" answers
/// ("anyone", "anybody", "whoever is available", "doesn't matter who", "any provider").
/// A first name that is also an everyday word ("May", "Will", "Joy") counts only when written with
/// a capital or after "with"/"see"/"prefer".
/// </summary>
public sealed partial class StaffMatcher
{
    private static readonly HashSet<string> EverydayWords = new(StringComparer.Ordinal)
    {
        "may", "will", "june", "april", "august", "hope", "joy", "grace", "faith", "summer", "rose", "dawn",
        "art", "bill", "mark", "pat", "sue", "ray", "rich", "jack", "crystal", "amber", "ivy", "holly", "sky",
        "page", "chase", "hunter", "sunny", "honey", "autumn", "winter", "star", "destiny", "harmony", "angel",
        "max", "frank", "guy", "miles", "drew", "gene", "sterling", "lily", "daisy", "iris", "brook", "reed",
    };

    private static readonly HashSet<string> Cues = new(StringComparer.Ordinal)
    {
        "with", "see", "prefer", "by", "and", "or", "is", "want", "book",
    };

    private readonly SpaVocabulary _vocabulary;

    /// <summary>A matcher over the given vocabulary.</summary>
    public StaffMatcher(SpaVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _vocabulary = vocabulary;
    }

    /// <summary>Finds the provider asked for in <paramref name="text"/>; a named person wins over "anyone".</summary>
    public StaffMatch Match(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokenizer.Tokenize(text);
        foreach (var mention in _vocabulary.StaffIndex.Find(tokens))
        {
            if (!Plausible(text, tokens, mention.Span))
            {
                continue;
            }

            var people = mention.Items.Select(i => _vocabulary.Staff[i]).ToList();
            if (mention.Edits > 0 && !people.Any(p => StartsLikeTheName(text, mention.Span, p.Name)))
            {
                // "is kaya busy around 5": another name one letter from Maya's, not a typo of it (a first letter is rarely
                // mistyped; "mya", "jordon" still are).
                continue;
            }
            var confidence = Math.Max(0.5, 1.0 - 0.2 * mention.Edits);
            return new StaffMatch(people.Count == 1 ? StaffMatchKind.Confident : StaffMatchKind.Candidates, people, mention.Span, confidence);
        }

        var any = AnyonePattern().Match(text);
        return any.Success
            ? new StaffMatch(StaffMatchKind.Any, [], new TextSpan(any.Index, any.Length), 0.9)
            : StaffMatch.None;
    }

    private static bool Plausible(string text, List<Token> tokens, TextSpan span)
    {
        var index = tokens.FindIndex(t => t.Start == span.Start);
        if (index < 0 || tokens[index].End != span.End || !EverydayWords.Contains(tokens[index].Stem))
        {
            return true;
        }

        var capitalised = char.IsUpper(text[span.Start]) && !IsSentenceStart(text, span.Start);
        var cued = index > 0 && Cues.Contains(tokens[index - 1].Lower);
        return capitalised || cued;
    }

    private static bool StartsLikeTheName(string text, TextSpan span, string name) =>
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => char.ToLowerInvariant(w[0]) == char.ToLowerInvariant(text[span.Start]));

    private static bool IsSentenceStart(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && text[i] == ' ')
        {
            i--;
        }

        return i < 0 || text[i] is '.' or '!' or '?';
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:any\s?one|any\s?body|whoever(?:'s|\s+is)?(?:\s+(?:available|free|open))?|no\s+(?:particular\s+)?preference|(?:do(?:es)?n'?t|do\s+not)\s+(?:matter|mind|care)\s+who|any\s+(?:provider|staff|person|of\s+them|of\s+(?:the|your)\s+\w+|available\s+\w+)|(?:doesn'?t|don'?t)\s+have\s+a\s+preference|either\s+(?:one|is\s+fine))\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex AnyonePattern();
}
