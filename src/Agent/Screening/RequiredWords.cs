using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace FrontDesk.Agent.Screening;

/// <summary>
/// What a rule pattern cannot match without: a set of letter runs, one of which every match contains
/// (<c>\bshort(?:ness)?\s+of\s+breath\b</c> needs "breath"; <c>(?:throat|tongue)\b.{0,30}\bclos\w*</c> needs "throat" or
/// "tongue", or "clos"). A group of patterns joined with <c>|</c> needs one of its patterns' words. A text that contains
/// none of them cannot match, so the screens skip the expression (issue 16: the screens ran hundreds of patterns on
/// every message and every reply, and most messages contain none of their words).
/// </summary>
/// <remarks>
/// Only what the pattern's own syntax makes certain is used: letters and digits written plainly, not under a quantifier
/// that allows none, in groups that are not optional, at every level of alternation. A pattern whose every reading is not
/// pinned down this way (a branch with no such word, <c>(?x)</c>) gets no prefilter and is always run. The words are
/// ASCII and compared without case; a text with any character outside ASCII is always run through the expression, so the
/// expression's own case rules (which equate some non-ASCII letters with ASCII ones) never meet the prefilter.
/// </remarks>
public sealed class RequiredWords
{
    private readonly SearchValues<string> _words;

    private RequiredWords(IReadOnlyCollection<string> words)
    {
        Words = words;
        _words = SearchValues.Create([.. words], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The words, one of which every match contains (lower case).</summary>
    public IReadOnlyCollection<string> Words { get; }

    /// <summary>The words a pattern needs, or null when it cannot be said (the pattern always runs).</summary>
    public static RequiredWords? Of(string pattern, RegexOptions options) => Of(pattern, options, digits: false);

    /// <summary>
    /// The words a pattern needs, or null when it cannot be said. With <paramref name="digits"/>, a <c>\d</c> the pattern
    /// cannot match without counts too, as the ten digits (one of which the text must hold), and is preferred to a run of
    /// one or two letters (a digit is rarer in a message than "th" or "st"): the date parser's ISO and slash dates and
    /// "the 14th" are skipped on a message without a digit. The screens do not ask for it, so their words are as before.
    /// </summary>
    public static RequiredWords? Of(string pattern, RegexOptions options, bool digits)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if ((options & RegexOptions.IgnorePatternWhitespace) != 0)
        {
            return null;
        }
        try
        {
            var at = 0;
            var needed = Alternation(pattern, ref at, digits);
            return at == pattern.Length && needed is { Count: > 0 } ? new RequiredWords(needed) : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// False when the text certainly does not match: it is ASCII and contains none of the words. True otherwise (the
    /// expression must be run).
    /// </summary>
    public bool MayMatch(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return !Ascii.IsValid(text) || text.AsSpan().IndexOfAny(_words) >= 0;
    }

    // branch ('|' branch)*, up to a ')' at this level or the end: one of the branches' sets (their union), or null.
    private static HashSet<string>? Alternation(string p, ref int at, bool digits)
    {
        var union = new HashSet<string>(StringComparer.Ordinal);
        var pinned = true;
        while (true)
        {
            var branch = Sequence(p, ref at, digits);
            if (branch is null)
            {
                pinned = false;
            }
            else
            {
                union.UnionWith(branch);
            }
            if (at < p.Length && p[at] == '|')
            {
                at++;
                continue;
            }
            return pinned ? union : null;
        }
    }

    // The items of one branch in order; every mandatory item's set is a requirement; the best of them is kept.
    private static HashSet<string>? Sequence(string p, ref int at, bool digits)
    {
        HashSet<string>? best = null;
        var run = new StringBuilder();
        void EndRun()
        {
            if (run.Length > 0)
            {
                best = Better(best, [run.ToString().ToLowerInvariant()]);
                run.Clear();
            }
        }
        while (at < p.Length && p[at] != '|' && p[at] != ')')
        {
            var c = p[at];
            if (char.IsAsciiLetterOrDigit(c))
            {
                at++;
                var q = Quantifier(p, ref at);
                if (q == Times.None)
                {
                    run.Append(c);
                }
                else if (q == Times.AtLeastOnce)
                {
                    run.Append(c);
                    EndRun();
                }
                else
                {
                    EndRun();
                }
                continue;
            }
            EndRun();
            switch (c)
            {
                case '\\':
                    {
                        var digit = digits && at + 1 < p.Length && p[at + 1] == 'd';
                        SkipEscape(p, ref at);
                        if (Quantifier(p, ref at) != Times.MaybeNone && digit)
                        {
                            best = Better(best, [.. Digits]);
                        }
                        break;
                    }
                case '[':
                    SkipClass(p, ref at);
                    Quantifier(p, ref at);
                    break;
                case '(':
                    {
                        var (inner, mandatory) = Group(p, ref at, digits);
                        var q = Quantifier(p, ref at);
                        if (mandatory && inner is not null && q != Times.MaybeNone)
                        {
                            best = Better(best, inner);
                        }
                        break;
                    }
                default:
                    // '.', '^', '$', a space or any other literal character: nothing required from it.
                    at++;
                    Quantifier(p, ref at);
                    break;
            }
        }
        EndRun();
        return best;
    }

    // '(' … ')': the group's requirement and whether its content must match where it stands (lookarounds, comments,
    // conditionals and inline options do not consume what they name).
    private static (HashSet<string>? Needed, bool Mandatory) Group(string p, ref int at, bool digits)
    {
        at++; // '('
        var mandatory = true;
        if (at < p.Length && p[at] == '?')
        {
            at++;
            if (at >= p.Length)
            {
                throw new NotSupportedException();
            }
            switch (p[at])
            {
                case ':' or '>':
                    at++;
                    break;
                case '=' or '!':
                    at++;
                    mandatory = false;
                    break;
                case '<' when at + 1 < p.Length && p[at + 1] is '=' or '!':
                    at += 2;
                    mandatory = false;
                    break;
                case '<' or '\'':
                    {
                        // A named group: (?<name>…) or (?'name'…).
                        var close = p[at] == '<' ? '>' : '\'';
                        var end = p.IndexOf(close, at + 1);
                        if (end < 0)
                        {
                            throw new NotSupportedException();
                        }
                        at = end + 1;
                        break;
                    }
                case '#':
                    {
                        var end = p.IndexOf(')', at);
                        at = end < 0 ? throw new NotSupportedException() : end + 1;
                        return (null, false);
                    }
                case '(':
                    // A conditional: not worked out.
                    throw new NotSupportedException();
                default:
                    {
                        // Inline options: (?imnsx-imnsx) or (?imnsx-imnsx:…). 'x' changes what a space and '#' mean.
                        var start = at;
                        while (at < p.Length && p[at] is 'i' or 'm' or 'n' or 's' or 'x' or '-')
                        {
                            at++;
                        }
                        if (at >= p.Length || p.AsSpan(start, at - start).Contains('x'))
                        {
                            throw new NotSupportedException();
                        }
                        if (p[at] == ')')
                        {
                            at++;
                            return (null, false);
                        }
                        if (p[at] != ':')
                        {
                            throw new NotSupportedException();
                        }
                        at++;
                        break;
                    }
            }
        }
        var inner = Alternation(p, ref at, digits);
        if (at >= p.Length || p[at] != ')')
        {
            throw new NotSupportedException();
        }
        at++;
        return (inner, mandatory);
    }

    private enum Times
    {
        None,
        AtLeastOnce,
        MaybeNone,
    }

    // A quantifier after an item, if any: ?, *, +, {n}, {n,}, {n,m}, each maybe lazy ('?').
    private static Times Quantifier(string p, ref int at)
    {
        if (at >= p.Length)
        {
            return Times.None;
        }
        Times times;
        switch (p[at])
        {
            case '?' or '*':
                at++;
                times = Times.MaybeNone;
                break;
            case '+':
                at++;
                times = Times.AtLeastOnce;
                break;
            case '{':
                {
                    var end = p.IndexOf('}', at);
                    var body = end < 0 ? "" : p[(at + 1)..end];
                    var parts = body.Split(',');
                    if (parts.Length is < 1 or > 2 || !parts[0].All(char.IsAsciiDigit) || parts[0].Length == 0 || (parts.Length == 2 && !parts[1].All(char.IsAsciiDigit)))
                    {
                        // Not a quantifier: '{' is a literal character there.
                        return Times.None;
                    }
                    at = end + 1;
                    times = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) == 0 ? Times.MaybeNone : Times.AtLeastOnce;
                    break;
                }
            default:
                return Times.None;
        }
        if (at < p.Length && p[at] == '?')
        {
            at++;
        }
        return times;
    }

    private static void SkipEscape(string p, ref int at)
    {
        at++; // '\'
        if (at >= p.Length)
        {
            throw new NotSupportedException();
        }
        var c = p[at++];
        switch (c)
        {
            case 'p' or 'P':
                {
                    var end = p.IndexOf('}', at);
                    at = end < 0 ? throw new NotSupportedException() : end + 1;
                    break;
                }
            case 'k':
                {
                    var close = at < p.Length && p[at] == '<' ? '>' : '\'';
                    var end = p.IndexOf(close, at + 1);
                    at = end < 0 ? throw new NotSupportedException() : end + 1;
                    break;
                }
            case 'x':
                at += 2;
                break;
            case 'u':
                at += 4;
                break;
            case 'c':
                at += 1;
                break;
            default:
                while (char.IsAsciiDigit(c) && at < p.Length && char.IsAsciiDigit(p[at]))
                {
                    at++;
                }
                break;
        }
        if (at > p.Length)
        {
            throw new NotSupportedException();
        }
    }

    // '[' … ']', with escapes and nested classes (subtraction: [a-z-[aeiou]]); a ']' first in the class is a literal.
    private static void SkipClass(string p, ref int at)
    {
        at++; // '['
        if (at < p.Length && p[at] == '^')
        {
            at++;
        }
        if (at < p.Length && p[at] == ']')
        {
            at++;
        }
        var depth = 1;
        while (at < p.Length)
        {
            switch (p[at])
            {
                case '\\':
                    at += 2;
                    continue;
                case '[':
                    depth++;
                    break;
                case ']':
                    depth--;
                    if (depth == 0)
                    {
                        at++;
                        return;
                    }
                    break;
            }
            at++;
        }
        throw new NotSupportedException();
    }

    // The ten digits, what a '\d' needs in an ASCII text.
    private static readonly string[] Digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    // The more selective of two requirements: the one whose shortest word is longer, then the one with fewer words. The
    // digits (asked for) weigh as a run of three letters: rarer in a message than "th", commoner than "week".
    private static HashSet<string> Better(HashSet<string>? a, HashSet<string> b)
    {
        if (a is null)
        {
            return b;
        }
        var (minA, minB) = (Weight(a), Weight(b));
        return minB > minA || (minB == minA && b.Count < a.Count) ? b : a;
    }

    private static int Weight(HashSet<string> words) => words.SetEquals(Digits) ? 3 : words.Min(w => w.Length);
}
