using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FrontDesk.Tools.Text;

/// <summary>
/// The input rules in one place (issue 15). What comes from people (chat, SMS, voice, tool arguments) is cleaned:
/// control characters become spaces, a lone surrogate becomes U+FFFD. What comes from staff through the API and console
/// is refused with a 400 when it holds a NUL or a lone surrogate (<see cref="HasForbiddenChars"/>), and stored text has
/// its control characters stripped (<see cref="StripControl"/>). Text is only ever cut on text-element boundaries, so
/// an emoji is never split in half (<see cref="Cut"/>). Names and emails are checked by <see cref="IsValidName"/> and
/// <see cref="IsValidEmail"/>.
/// </summary>
public static partial class InputText
{
    /// <summary>The longest name a person or staff account may have.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Whether <paramref name="text"/> holds U+0000 or a UTF-16 surrogate that is not part of a pair.</summary>
    public static bool HasForbiddenChars(string? text)
    {
        if (text is null)
        {
            return false;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '\0')
            {
                return true;
            }
            if (char.IsHighSurrogate(ch))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return true;
                }
                i++;
            }
            else if (char.IsLowSurrogate(ch))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The text as it may be stored: control characters other than line breaks and tabs removed, lone surrogates replaced
    /// by U+FFFD. Returns the same instance when nothing changes.
    /// </summary>
    public static string StripControl(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsCleaning(text, keepLineBreaks: true))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(ch).Append(text[++i]);
            }
            else if (char.IsSurrogate(ch))
            {
                sb.Append('\uFFFD');
            }
            else if (!char.IsControl(ch) || ch is '\n' or '\t' or '\r')
            {
                sb.Append(ch);
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// A message from a person, ready for the agent: control characters (NUL included) become spaces, lone surrogates U+FFFD,
    /// cut to <paramref name="maxChars"/> on a text-element boundary and trimmed.
    /// </summary>
    public static string CleanMessage(string? text, int maxChars)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var sb = new StringBuilder(Math.Min(text.Length, maxChars + 1));
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(ch).Append(text[++i]);
            }
            else
            {
                sb.Append(char.IsSurrogate(ch) ? '\uFFFD' : char.IsControl(ch) ? ' ' : ch);
            }
            if (sb.Length > maxChars)
            {
                break;
            }
        }
        return Cut(sb.ToString(), maxChars).Trim();
    }

    /// <summary>The longest prefix of at most <paramref name="maxChars"/> UTF-16 units that ends on a text-element boundary.</summary>
    public static string Cut(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxChars)
        {
            return text;
        }
        var end = 0;
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            var next = e.ElementIndex + e.GetTextElement().Length;
            if (next > maxChars)
            {
                break;
            }
            end = next;
        }
        return text[..end];
    }

    /// <summary>Cuts to at most <paramref name="maxChars"/> text and appends "…" when anything was cut.</summary>
    public static string Shorten(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= maxChars ? text : Cut(text, maxChars) + "…";
    }

    /// <summary>A person's name: 1–100 characters, at least one letter, no control characters, no markup characters.</summary>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= MaxNameLength } && !HasForbiddenChars(name) && !name.Any(char.IsControl)
        && name.Any(char.IsLetter) && name.IndexOfAny(['<', '>', '{', '}', '\\', '"', ';']) < 0;

    /// <summary>A plausible email address: one @, a dotted domain, no spaces, quotes, angle brackets or control characters.</summary>
    public static bool IsValidEmail(string? email) =>
        email is { Length: >= 3 and <= 200 } && !HasForbiddenChars(email) && EmailShape().IsMatch(email);

    private static bool NeedsCleaning(string text, bool keepLineBreaks)
    {
        foreach (var ch in text)
        {
            if (char.IsSurrogate(ch) || (char.IsControl(ch) && !(keepLineBreaks && ch is '\n' or '\t' or '\r')))
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"^[^\s@<>()\[\]\\,;:""\p{Cc}]+@[^\s@<>()\[\]\\,;:""\p{Cc}]+\.[^\s@<>()\[\]\\,;:""\p{Cc}.]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();
}
