using System.Collections.Concurrent;
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
            // Its prefilter too, before anyone screens a message with it.
            _ = NeededBy(compiled);
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
    public static bool IsMatch(Regex pattern, string text) =>
        NeededBy(pattern)?.MayMatch(text) != false && pattern.IsMatch(text);

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
