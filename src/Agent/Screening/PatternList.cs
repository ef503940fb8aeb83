using System.Text.RegularExpressions;

namespace FrontDesk.Agent.Screening;

/// <summary>
/// The patterns of one rule group (a category's patterns with one reply, <c>reply_screen.medical_advice</c>,
/// <c>elsewhere</c>…), matched as one: the text matches when any of them does.
/// </summary>
/// <remarks>
/// Compiled as a few expressions of a few patterns each (<see cref="Parts"/>), not as one alternation of all of them.
/// A group of dozens of patterns joined into one compiled expression was slower than the interpreter: its matching
/// method is so large that the JIT compiles it without optimizing, and the regex engine finds no cheap way to skip to a
/// place where one of so many patterns could start, so it tries them all at every letter. In small parts each finds its
/// few possible first letters with a vectorized search. Measured on the shipped rules: 360–570 µs per text for all the
/// groups joined, 100–110 µs in parts (docs/performance.md, ninth round). "Any part matches" is what the alternation
/// answered; where a match is (or which pattern) is not asked of a group.
/// </remarks>
public sealed class PatternList
{
    // A part holds consecutive patterns up to this many, and up to this length of pattern text (one long pattern alone).
    private const int MaxPatternsPerPart = 4;
    private const int MaxPartLength = 240;

    private PatternList(IReadOnlyList<Regex> parts) => Parts = parts;

    /// <summary>A list that never matches (a group the rules file leaves out).</summary>
    public static PatternList None(RegexOptions options) => new([RulePatterns.Get("(?!)", options)]);

    /// <summary>The compiled parts, from the process's cache (<see cref="RulePatterns"/>), in the order of the patterns.</summary>
    public IReadOnlyList<Regex> Parts { get; }

    /// <summary>
    /// The patterns (each a regular expression's source) grouped into parts and compiled. An empty list never matches.
    /// </summary>
    public static PatternList Of(IReadOnlyList<string> sources, RegexOptions options) =>
        new([.. PartSources(sources).Select(source => RulePatterns.Get(source, options))]);

    /// <summary>
    /// Whether every part of these patterns is already compiled in this process (and so was checked, pattern by pattern,
    /// by whoever compiled it first).
    /// </summary>
    public static bool IsCompiled(IReadOnlyList<string> sources, RegexOptions options) =>
        PartSources(sources).All(source => RulePatterns.Contains(source, options));

    /// <summary>Whether any of the patterns matches somewhere in the text.</summary>
    /// <exception cref="RegexMatchTimeoutException">A part took longer than its timeout (<see cref="RulePatterns.MatchTimeout"/>).</exception>
    public bool IsMatch(string text)
    {
        foreach (var part in Parts)
        {
            if (part.IsMatch(text))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The patterns as one alternation's source (what the group's expression was before it was split).</summary>
    public override string ToString() => string.Join('|', Parts.Select(p => p.ToString()));

    private static List<string> PartSources(IReadOnlyList<string> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0)
        {
            return ["(?!)"];
        }
        var parts = new List<string>();
        var part = new List<string>();
        var length = 0;
        foreach (var source in sources)
        {
            if (part.Count > 0 && (part.Count == MaxPatternsPerPart || length + source.Length > MaxPartLength))
            {
                parts.Add(Join(part));
                part.Clear();
                length = 0;
            }
            part.Add(source);
            length += source.Length;
        }
        parts.Add(Join(part));
        return parts;
    }

    private static string Join(List<string> sources) => string.Join('|', sources.Select(s => "(?:" + s + ")"));
}
