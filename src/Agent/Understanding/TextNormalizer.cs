using System.Globalization;
using System.Text;

namespace FrontDesk.Agent.Understanding;

/// <summary>
/// Cleans what people type or what speech recognition produces before anything reads it:
/// curly quotes, dashes, control and zero-width characters, emoji, stretched letters
/// ("yesss"), shouting, runs of spaces, and very long input.
/// </summary>
public static partial class TextNormalizer
{
    /// <summary>Longest input kept; the rest is dropped before any parsing.</summary>
    public const int MaxLength = 2000;

    /// <summary>
    /// Returns the cleaned text. Spans reported by the extractors refer to this text, not the raw input.
    /// Letters repeated three or more times are cut to two; all-capitals input is lower-cased;
    /// a few emoji that carry an answer become words (👍 → "yes", 👎 → "no", 🙏 → "thanks").
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var source = text.Length > MaxLength ? text[..MaxLength] : text;
        var sb = new StringBuilder(source.Length);
        var lastWasSpace = true;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            string? replacement = null;
            if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
            {
                replacement = EmojiWord(char.ConvertToUtf32(c, source[i + 1])) ?? " ";
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                replacement = " ";
            }
            else
            {
                switch (c)
                {
                    case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' or '\u00B4':
                        c = '\'';
                        break;
                    case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033':
                        c = '"';
                        break;
                    case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212':
                        c = '-';
                        break;
                    case '\u2026':
                        replacement = "...";
                        break;
                    case '\u2714' or '\u2705' or '\u2611':
                        replacement = " yes ";
                        break;
                    case '\u274C' or '\u2716':
                        replacement = " no ";
                        break;
                    default:
                        var category = char.GetUnicodeCategory(c);
                        if (char.IsWhiteSpace(c) || category is UnicodeCategory.Control)
                        {
                            c = ' ';
                        }
                        else if (category is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark
                                 or UnicodeCategory.EnclosingMark or UnicodeCategory.OtherSymbol)
                        {
                            // Zero-width joiners, variation selectors, dingbats: invisible or decorative.
                            replacement = category == UnicodeCategory.OtherSymbol ? " " : string.Empty;
                        }

                        break;
                }
            }

            if (replacement is not null)
            {
                foreach (var r in replacement)
                {
                    Append(sb, r, ref lastWasSpace);
                }
            }
            else
            {
                Append(sb, c, ref lastWasSpace);
            }
        }

        while (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }

        var result = sb.ToString();
        result = IsShouting(result) ? result.ToLowerInvariant() : result;
        // Texting shorthand the parsers do not spell (round 21): "tmrw aftr 5", "nxt wk tues", "mañna en la tarde".
        result = Shorthand().Replace(result, m => m.Value.ToLowerInvariant() switch
        {
            "aftr" or "afta" => "after",
            "nxt" => "next",
            "wk" => "week",
            "wks" => "weeks",
            _ => "mañana",
        });
        if (result.Contains("'s", StringComparison.OrdinalIgnoreCase) || result.Contains("uh", StringComparison.OrdinalIgnoreCase)
            || result.Contains("um", StringComparison.OrdinalIgnoreCase) || result.Contains("er", StringComparison.OrdinalIgnoreCase))
        {
            result = Spoken(result);
        }
        return result.Contains("morrow", StringComparison.OrdinalIgnoreCase) || result.Contains(" for", StringComparison.OrdinalIgnoreCase)
            || result.Contains(" to", StringComparison.OrdinalIgnoreCase) || result.Contains(" day", StringComparison.OrdinalIgnoreCase)
            || result.Contains("ish", StringComparison.OrdinalIgnoreCase) || result.Contains("bo", StringComparison.OrdinalIgnoreCase) ? Misheard(result) : result;
    }

    /// <summary>
    /// What a call's transcript puts between a preposition of time and the time ("at, uh, two thirty": at two thirty), and a
    /// time said with "'s" ("two thirty's good": two thirty is good), read as meant.
    /// </summary>
    private static string Spoken(string text)
    {
        text = FillerAfterPreposition().Replace(text, "${at} ");
        return TimeIs().Replace(text, "${t} is");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?<at>at|around|about|by|on|for|like)[\s,]+(?:(?:uh+|um+|uhm+|erm?)[\s,.]+)+", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex FillerAfterPreposition();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?<t>(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s+(?:fifteen|thirty|forty[- ]?five|o'?clock))?|noon|\d{1,2}(?::\d\d)?(?:\s*[ap]m)?)'s\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex TimeIs();

    /// <summary>
    /// Words speech recognition splits or swaps for a sound-alike, where only one reading makes sense: "to morrow" is
    /// tomorrow; "chews day" / "fry day" / "satur day" a weekday; "at for thirty" / "at to pm" is a time, four or two;
    /// "sweetish" is Swedish and "bo talks" Botox.
    /// </summary>
    private static string Misheard(string text)
    {
        text = SplitTomorrow().Replace(text, "tomorrow");
        text = ServiceSoundAlike().Replace(text, m => m.Groups["sweet"].Success ? "swedish" : "botox");
        text = SplitWeekday().Replace(text, m => SpokenWeekday(m.Groups["w"].Value));
        return HourSoundAlike().Replace(text, m => m.Groups["at"].Value + " " + (m.Groups["w"].Value.StartsWith("f", StringComparison.OrdinalIgnoreCase) ? "four" : "two"));
    }

    // A weekday a transcript splits in two or hears as a sound-alike: "chews day", "fry day", "wens day", "satur day".
    private static string SpokenWeekday(string said) => said.ToLowerInvariant() switch
    {
        "mon" or "mun" => "monday",
        "tues" or "chews" or "choose" or "twos" => "tuesday",
        "wednes" or "wens" or "whens" => "wednesday",
        "thurs" or "thirs" => "thursday",
        "fri" or "fry" => "friday",
        "satur" or "sadder" or "sater" => "saturday",
        _ => "sunday",
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?<w>mon|mun|tues|chews|choose|twos|wednes|wens|whens|thurs|thirs|fri|fry|satur|sadder|sater|sun)\s+day\b(?!\s+(?:off|pass|trip|spa|care|job|shift))", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SplitWeekday();

    // A service name a recogniser hears as other words: "sweetish massage", "bo talks", "bow tox".
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:(?<sweet>sweetish|sweedish)|bo\s+talks|bo\s+tox|bow\s+tox|boat\s+ox)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ServiceSoundAlike();

    [System.Text.RegularExpressions.GeneratedRegex(@"\bto\s+morrow\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SplitTomorrow();

    // "at for thirty", "at to pm", "around for o'clock", "tomorrow at for": a preposition of time, the sound-alike, then
    // minutes, a meridiem, or the end of the sentence (never "at for least", "go to work").
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?<at>at|around|about|by)\s+(?<w>for|to|too)(?=\s+(?:thirty|fifteen|forty[- ]?five|forty|oh\s+\w+|o'?clock|[ap]\.?m\b\.?|in\s+the\s+(?:afternoon|morning|evening))|\s*[.,!?]*\s*$)", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex HourSoundAlike();

    private static void Append(StringBuilder sb, char c, ref bool lastWasSpace)
    {
        if (c == ' ')
        {
            if (!lastWasSpace)
            {
                sb.Append(' ');
            }

            lastWasSpace = true;
            return;
        }

        // "yesssss" → "yess", "sooooo" → "soo": two of a letter is still a real spelling ("good").
        var n = sb.Length;
        if (char.IsLetter(c) && n >= 2 && char.ToLowerInvariant(sb[n - 1]) == char.ToLowerInvariant(c)
            && char.ToLowerInvariant(sb[n - 2]) == char.ToLowerInvariant(c))
        {
            return;
        }

        sb.Append(c);
        lastWasSpace = false;
    }

    private static bool IsShouting(string text)
    {
        var upper = 0;
        foreach (var c in text)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            if (char.IsUpper(c))
            {
                upper++;
            }
        }

        return upper >= 4;
    }

    private static string? EmojiWord(int codePoint) => codePoint switch
    {
        0x1F44D or 0x1F44C or 0x1F64C or 0x1F197 or 0x1F4AF => " yes ",
        0x1F44E or 0x1F645 or 0x1F6AB => " no ",
        0x1F64F => " thanks ",
        0x1F44B => " hi ",
        _ => null,
    };

    /// <summary>
    /// Lower-cases per character and straightens quotes without changing the length,
    /// so indices found in the result are indices into <paramref name="text"/>.
    /// </summary>
    internal static string LowerSameLength(string text) =>
        string.Create(text.Length, text, static (dest, src) =>
        {
            for (var i = 0; i < src.Length; i++)
            {
                var c = src[i];
                dest[i] = c switch
                {
                    '\u2018' or '\u2019' or '`' => '\'',
                    '\u201C' or '\u201D' => '"',
                    '\u2013' or '\u2014' => '-',
                    _ => char.ToLowerInvariant(c),
                };
            }
        });

    /// <summary>A copy of <paramref name="text"/> with the given spans blanked out (same length).</summary>
    internal static string Mask(string text, ReadOnlySpan<TextSpan> spans)
    {
        if (spans.IsEmpty)
        {
            return text;
        }

        var chars = text.ToCharArray();
        foreach (var span in spans)
        {
            var end = Math.Min(span.End, chars.Length);
            for (var i = Math.Max(0, span.Start); i < end; i++)
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:aftr|afta|nxt|wk|wks|mañna|mñana|manna)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Shorthand();
}
