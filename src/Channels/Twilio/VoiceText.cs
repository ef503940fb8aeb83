using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FrontDesk.Tools.Text;

namespace FrontDesk.Channels.Twilio;

/// <summary>
/// Rewrites a reply written for the screen into one written for the ear: no lists, links, markup or
/// symbols; times, dates, money and phone numbers as people say them; short.
/// </summary>
public static partial class VoiceText
{
    /// <summary>Longest spoken reply, in characters; longer replies keep their first sentences.</summary>
    public const int MaxLength = 600;

    /// <summary>The reply as it should be spoken.</summary>
    /// <param name="text">The agent's reply.</param>
    /// <param name="language">The conversation's language ("es": money, symbols and links said in Spanish); English otherwise.</param>
    /// <returns>Speakable text.</returns>
    public static string ForSpeech(string? text, string? language = null)
    {
        var es = language == "es";
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var s = text.Replace("\r", "", StringComparison.Ordinal);
        s = Url().Replace(s, es ? "nuestra página web" : "our website");
        s = Email().Replace(s, es ? "correo" : "email");
        // List items become a spoken series.
        s = ListItem().Replace(s, ", ");
        s = Markup().Replace(s, "");
        s = IsoDate().Replace(s, m => DateOnly.TryParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? SpokenTime.Day(d) : m.Value);
        s = ClockRange().Replace(s, m => $"{Spoken(m.Groups[1].Value)} to {Spoken(m.Groups[2].Value)}");
        s = Clock24().Replace(s, m => Spoken(m.Value));
        s = OClock().Replace(s, "$1 $2");
        s = Money().Replace(s, m => MoneyWords(m.Groups[1].Value, m.Groups[2].Value, es));
        s = Phone().Replace(s, m => PhoneWords(m.Value));
        s = s.Replace("&", es ? " y " : " and ", StringComparison.Ordinal).Replace("%", es ? " por ciento" : " percent", StringComparison.Ordinal)
             .Replace("+", es ? " más " : " plus ", StringComparison.Ordinal).Replace("@", es ? " arroba " : " at ", StringComparison.Ordinal)
             .Replace("/", es ? " o " : " or ", StringComparison.Ordinal).Replace(" - ", ", ", StringComparison.Ordinal)
             .Replace("–", es ? " a " : " to ", StringComparison.Ordinal).Replace("—", ", ", StringComparison.Ordinal);
        s = s.Replace("(", ", ", StringComparison.Ordinal).Replace(")", ",", StringComparison.Ordinal)
             .Replace(";", ",", StringComparison.Ordinal).Replace("\n", ". ", StringComparison.Ordinal);
        s = Symbols().Replace(s, " ");
        s = Spaces().Replace(s, " ");
        s = CommaRuns().Replace(s, ", ");
        s = SpaceBeforePunctuation().Replace(s, "$1");
        s = s.Replace(":,", ",", StringComparison.Ordinal).Replace(",.", ".", StringComparison.Ordinal).Replace(". .", ".", StringComparison.Ordinal).Replace("..", ".", StringComparison.Ordinal);
        s = s.Trim().TrimStart(',', '.', ' ').TrimEnd(',', ' ').Trim();
        return Shorten(s);
    }

    private static string Shorten(string s)
    {
        if (s.Length <= MaxLength)
        {
            return s;
        }
        var sb = new StringBuilder();
        foreach (var sentence in SentenceEnd().Split(s))
        {
            if (sb.Length + sentence.Length + 1 > MaxLength)
            {
                break;
            }
            sb.Append(sentence).Append(' ');
        }
        return sb.Length == 0 ? InputText.Cut(s, MaxLength) : sb.ToString().Trim();
    }

    private static string Spoken(string hhmm)
    {
        var parts = hhmm.Split(':');
        var t = new TimeOnly(int.Parse(parts[0], CultureInfo.InvariantCulture) % 24, int.Parse(parts[1], CultureInfo.InvariantCulture));
        return SpokenTime.Time(t);
    }

    private static string MoneyWords(string whole, string? cents, bool spanish)
    {
        var dollars = whole.Replace(",", "", StringComparison.Ordinal);
        var (unit, and, cent) = spanish ? ("dólares", "y", "centavos") : ("dollars", "and", "cents");
        return string.IsNullOrEmpty(cents) || cents == "00" ? $"{dollars} {unit}" : $"{dollars} {unit} {and} {int.Parse(cents, CultureInfo.InvariantCulture)} {cent}";
    }

    // Digits in groups, read one by one: "+14155550100" -> "4 1 5, 5 5 5, 0 1 0 0".
    private static string PhoneWords(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 11 && digits[0] == '1')
        {
            digits = digits[1..];
        }
        if (digits.Length != 10)
        {
            return string.Join(' ', digits.ToCharArray());
        }
        return $"{string.Join(' ', digits[..3].ToCharArray())}, {string.Join(' ', digits[3..6].ToCharArray())}, {string.Join(' ', digits[6..].ToCharArray())}";
    }

    [GeneratedRegex(@"https?://\S+|www\.\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();
    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.]+")]
    private static partial Regex Email();
    [GeneratedRegex(@"(^|\n)\s*(?:[-*•]|\d+[.)])\s+")]
    private static partial Regex ListItem();
    [GeneratedRegex(@"[*_#`>\[\]{}|~^]")]
    private static partial Regex Markup();
    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();
    [GeneratedRegex(@"\b((?:[01]?\d|2[0-3]):[0-5]\d)\s*[-–]\s*((?:[01]?\d|2[0-3]):[0-5]\d)\b(?!\s*[AaPp]\.?[Mm])")]
    private static partial Regex ClockRange();
    [GeneratedRegex(@"\b(?:1[3-9]|2[0-3]|0\d):[0-5]\d\b(?!\s*[AaPp]\.?[Mm])")]
    private static partial Regex Clock24();
    [GeneratedRegex(@"\b(\d{1,2}):00\s*([AaPp]\.?[Mm]\.?)")]
    private static partial Regex OClock();
    [GeneratedRegex(@"\$\s?(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{2}))?")]
    private static partial Regex Money();
    [GeneratedRegex(@"\+?1?[\s.-]?\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b|\+\d{11}\b")]
    private static partial Regex Phone();
    [GeneratedRegex(@"[\\=<$]")]
    private static partial Regex Symbols();
    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();
    [GeneratedRegex(@"(?:\s*,\s*){2,}")]
    private static partial Regex CommaRuns();
    [GeneratedRegex(@"\s+([,.?!])")]
    private static partial Regex SpaceBeforePunctuation();
    [GeneratedRegex(@"(?<=[.?!])\s+")]
    private static partial Regex SentenceEnd();
}
