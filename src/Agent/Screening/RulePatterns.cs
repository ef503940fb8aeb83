using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace FrontDesk.Agent.Screening;

/// <summary>
/// The compiled expressions of the screens' rules (the pattern groups of prompts/escalation.yaml, the profile's service
/// and treatment names), one per pattern text and options for the whole process: every host or test harness in a
/// process that loads the same rules shares them, so each is compiled once, not once per load.
/// </summary>
/// <remarks>
/// A compiled expression's matching code is JIT-compiled at its first match, inside that match's timeout, and the
/// screens read a timeout as no match (a spa-edited pattern that backtracks badly must not lose the turn): on a busy
/// machine a person's first message could have read as nothing. So each expression is matched once as it is compiled,
/// before anyone can use it, and the host builds its screen before it says ready (<see cref="ScreenWarmUp"/>).
/// </remarks>
public static partial class RulePatterns
{
    /// <summary>How long one match may take before the screens read it as no match.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private static readonly ConcurrentDictionary<(string Pattern, RegexOptions Options), Lazy<Regex>> Compiled = new();

    /// <summary>Whether the pattern is already compiled in this process (its parts were validated when it was).</summary>
    public static bool Contains(string pattern, RegexOptions options) => Compiled.ContainsKey((pattern, options));

    /// <summary>The process's compiled and warmed expression for the pattern and options, compiled on first request.</summary>
    public static Regex Get(string pattern, RegexOptions options) =>
        Compiled.GetOrAdd((pattern, options), static key => new Lazy<Regex>(() =>
        {
            var compiled = Warm(new Regex(key.Pattern, key.Options | RegexOptions.Compiled, MatchTimeout));
            // Its prefilter and its parts too, before anyone screens a message with it.
            _ = NeededBy(compiled);
            _ = PartsOf(compiled);
            return compiled;
        })).Value;

    // The words each expression needs (RequiredWords), worked out once per expression; null when none can be said.
    private static readonly ConcurrentDictionary<Regex, RequiredWords?> Needed = new();

    /// <summary>The words the expression cannot match without, or null when they cannot be said (it always runs).</summary>
    public static RequiredWords? NeededBy(Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return Needed.GetOrAdd(pattern, static r => RequiredWords.Of(r.ToString(), r.Options));
    }

    /// <summary>
    /// <see cref="Regex.IsMatch(string)"/>, without running the expression on a text that contains none of the words it
    /// needs (<see cref="RequiredWords"/>): the same answer, and a timeout still throws as before.
    /// </summary>
    public static bool IsMatch(Regex pattern, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (NeededBy(pattern)?.MayMatch(text) == false)
        {
            return false;
        }
        if (PartsOf(pattern) is not { } parts)
        {
            return Matches(pattern, text);
        }
        foreach (var (part, needed) in parts)
        {
            if (needed?.MayMatch(text) != false && Matches(part, text))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The match, given a second, patient try when the first runs out of its <see cref="MatchTimeout"/>: on a starved
    /// machine (load average 30 on two cores) an ordinary linear pattern can exceed 250 ms of wall-clock time, and a
    /// safety rule read as no match there would let a medical question through unescalated. Only a pattern that still
    /// takes longer than <see cref="PatientTimeout"/> (one that truly backtracks) throws, as before.
    /// </summary>
    private static bool Matches(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return Patient.GetValue(pattern, static r => new Regex(r.ToString(), r.Options & ~RegexOptions.Compiled, PatientTimeout)).IsMatch(text);
        }
    }

    /// <summary>The second try's limit (<see cref="Matches"/>).</summary>
    public static readonly TimeSpan PatientTimeout = TimeSpan.FromSeconds(2);

    private static readonly ConditionalWeakTable<Regex, Regex> Patient = new();

    /// <summary>
    /// A rule group of <see cref="SplitFrom"/> characters or more, "(?:p1)|(?:p2)|…" as the rules file's groups are joined,
    /// is matched by <see cref="IsMatch(Regex, string)"/> one pattern at a time, each with its own prefilter: the group
    /// matches a text exactly when one of its patterns does. Joined, such a group's matching code is too large for the JIT
    /// to optimise (<c>[MinOptJitted]</c>), it runs at every position of the text, and the group's prefilter (one word of
    /// 100-odd) lets nearly every text through: the reply screen's medical-advice group and the group of other businesses
    /// took 24-146 µs a text; part by part 2-5 µs (docs/performance.md, eighteenth round, where the same answers were
    /// checked on every line of the probes, the scenarios, the CLINC sets and a loaded store's transcripts). The parts run
    /// in the interpreter: built in milliseconds at start for all the groups, with nothing left to compile at a first match.
    /// Null for a pattern that is not such a list, is shorter, or refers back to a group (<c>\1</c>, <c>\k</c>), whose
    /// numbering would change apart.
    /// </summary>
    internal static IReadOnlyList<(Regex Part, RequiredWords? Needed)>? PartsOf(Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return Split.GetOrAdd(pattern, static r =>
        {
            var source = r.ToString();
            if (source.Length < SplitFrom || BackReference().IsMatch(source) || Alternatives(source) is not { Count: >= 2 } sources)
            {
                return null;
            }
            var options = r.Options & ~RegexOptions.Compiled;
            var parts = new List<(Regex Part, RequiredWords? Needed)>(sources.Count);
            foreach (var p in sources)
            {
                if (Parse(p, options, r.MatchTimeout) is not { } part)
                {
                    return null;
                }
                // The interpreter's own code is compiled at its first match: here, not in a person's first message.
                try
                {
                    _ = part.IsMatch(string.Join(' ', Words().Matches(p).Select(m => m.Value)));
                }
                catch (RegexMatchTimeoutException)
                {
                }
                parts.Add((part, RequiredWords.Of(p, options)));
            }
            return parts;
        });
    }

    // A part cut where the splitter misread the syntax would not parse alone: the group is then matched whole.
    private static Regex? Parse(string part, RegexOptions options, TimeSpan timeout)
    {
        try
        {
            return new Regex(part, options, timeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The length from which a rule group is matched part by part (<see cref="PartsOf"/>).</summary>
    public const int SplitFrom = 1000;

    private static readonly ConcurrentDictionary<Regex, IReadOnlyList<(Regex Part, RequiredWords? Needed)>?> Split = new();

    // The top-level alternatives of "(?:a)|(?:b)|…", each one whole group; null for anything else. Escapes and character
    // classes are skipped over, so a '|' or a parenthesis inside them is not read as syntax.
    private static List<string>? Alternatives(string pattern)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    i++;
                    if (i < pattern.Length && pattern[i] == '^')
                    {
                        i++;
                    }
                    // A ']' first in a class is one of its characters.
                    if (i < pattern.Length && pattern[i] == ']')
                    {
                        i++;
                    }
                    while (i < pattern.Length && pattern[i] != ']')
                    {
                        i += pattern[i] == '\\' ? 2 : 1;
                    }
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    // A part is one group: it may not close before its end ("(?:a)(?:b)" is not one).
                    if (depth == 0 && i + 1 < pattern.Length && pattern[i + 1] != '|')
                    {
                        return null;
                    }
                    break;
                case '|' when depth == 0:
                    parts.Add(pattern[start..i]);
                    start = i + 1;
                    break;
            }
        }
        parts.Add(pattern[start..]);
        return depth == 0 && parts.All(p => p.StartsWith("(?:", StringComparison.Ordinal) && p.EndsWith(')')) ? parts : null;
    }

    [GeneratedRegex(@"\\(?:[1-9]|k)")]
    private static partial Regex BackReference();

    /// <summary>
    /// Matches the expression once on a text made of the words of its own pattern, so that both its search for a
    /// starting place and its matching code run, and are JIT-compiled, now rather than in a person's first message.
    /// </summary>
    private static Regex Warm(Regex pattern)
    {
        var text = string.Join(' ', Words().Matches(pattern.ToString()).Select(m => m.Value));
        // Twice at most: a first match cut by the timeout on a starved machine has still compiled the code.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                _ = pattern.Match(text);
                break;
            }
            catch (RegexMatchTimeoutException)
            {
            }
        }
        return pattern;
    }

    [GeneratedRegex("[a-z]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
