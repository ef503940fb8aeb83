using System.Globalization;
using System.Text.RegularExpressions;
using FrontDesk.Tools.Profile;

namespace FrontDesk.Agent.Screening;

/// <summary>What the inbound screen found.</summary>
/// <param name="Category">The escalation category the text triggers, or null.</param>
/// <param name="Reply">The reply key the matching pattern asks for (prompts/escalation.yaml), or null.</param>
/// <param name="StatedConditions">Contraindication tags of the profile the person mentioned.</param>
public sealed record InboundFinding(EscalationCategory? Category, string? Reply, IReadOnlyList<string> StatedConditions);

/// <summary>What the reply screen did to a draft.</summary>
/// <param name="Text">The reply to send (the draft, redacted, or replaced).</param>
/// <param name="Findings">What was found: card_number, unlisted_price, medical_advice.</param>
public sealed record ReplyFinding(string Text, IReadOnlyList<string> Findings);

/// <summary>
/// The deterministic screen that runs before either brain on every inbound turn, and on every draft reply:
/// escalation categories in, and no medical advice, no price the profile does not list, never a card number out.
/// </summary>
public sealed partial class SafetyScreen
{
    private static readonly HashSet<string> Qualifiers = new(StringComparer.Ordinal) { "active", "recent", "first", "second", "third", "trimester", "history", "current", "known" };
    private readonly EscalationRules _rules;
    private readonly HashSet<decimal> _listedAmounts;
    private readonly List<(string Tag, string Stem)> _conditionStems;

    /// <summary>Creates the screen for a profile and rules.</summary>
    public SafetyScreen(SpaProfile profile, EscalationRules rules)
    {
        _rules = rules;
        _listedAmounts = [.. profile.Services.Where(s => s.Price is not null).Select(s => s.Price!.Value)];
        foreach (var faq in profile.Faq)
        {
            foreach (Match m in MoneyPattern().Matches(faq.Answer))
            {
                _listedAmounts.Add(decimal.Parse(m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));
            }
        }
        _conditionStems = [.. profile.Services.SelectMany(s => s.Contraindications).Distinct().Select(tag =>
        {
            var words = tag.Split('-', StringSplitOptions.RemoveEmptyEntries).Where(w => !Qualifiers.Contains(w)).DefaultIfEmpty(tag);
            var main = words.OrderByDescending(w => w.Length).First();
            var stem = main.Length <= 5 ? main : main[..Math.Max(5, (int)(main.Length * 0.6))];
            return (tag, stem);
        })];
    }

    /// <summary>The rules in force.</summary>
    public EscalationRules Rules => _rules;

    /// <summary>Screens what the person said.</summary>
    public InboundFinding ScreenInbound(string text)
    {
        var normalized = Normalize(text);
        var match = _rules.Match(normalized);
        var words = WordPattern().Matches(normalized).Select(m => m.Value).ToList();
        var conditions = _conditionStems.Where(c => words.Any(w => w.StartsWith(c.Stem, StringComparison.Ordinal))).Select(c => c.Tag).Distinct().ToList();
        return new InboundFinding(match?.Category, match?.Reply, conditions);
    }

    /// <summary>Screens a draft reply; replaces or redacts what must never be said.</summary>
    public ReplyFinding ScreenReply(string draft, Func<string, string> template)
    {
        var findings = new List<string>();
        var text = CardPattern().Replace(draft, m =>
        {
            var digits = new string(m.Value.Where(char.IsAsciiDigit).ToArray());
            if (digits.Length is >= 13 and <= 19 && Luhn(digits))
            {
                findings.Add("card_number");
                return CardRemoved;
            }
            return m.Value;
        });
        if (MedicalAdvicePattern().IsMatch(text))
        {
            findings.Add("medical_advice");
            return new ReplyFinding(template("medical_no_advice"), findings);
        }
        foreach (Match m in MoneyPattern().Matches(text))
        {
            if (decimal.TryParse(m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
                && !_listedAmounts.Contains(amount))
            {
                findings.Add("unlisted_price");
                return new ReplyFinding(template("price_not_listed"), findings);
            }
        }
        return new ReplyFinding(text, findings);
    }

    /// <summary>
    /// What the person said with anything that looks like a card number (13 to 19 digits, spaces or dashes allowed)
    /// replaced, so it is never stored, escalated or shown to a model in clear. Inbound is stricter than replies:
    /// a mistyped card number is still a card number.
    /// </summary>
    public static string RedactCardNumbers(string text) =>
        CardPattern().Replace(text, m => m.Value.Count(char.IsAsciiDigit) is >= 13 and <= 19 ? CardRemoved : m.Value);

    /// <summary>What a card number is replaced with.</summary>
    public const string CardRemoved = "[card number removed]";

    /// <summary>Lower case, straight quotes, apostrophes removed: the form patterns are matched against.</summary>
    public static string Normalize(string text) =>
        text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace("'", "", StringComparison.Ordinal).ToLowerInvariant();

    private static bool Luhn(string digits)
    {
        var sum = 0;
        var alt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (alt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
            alt = !alt;
        }
        return sum % 10 == 0;
    }

    [GeneratedRegex(@"\b(?:\d[ -]?){12,18}\d\b")]
    private static partial Regex CardPattern();

    [GeneratedRegex(@"[$€£]\s?(\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)")]
    private static partial Regex MoneyPattern();

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex WordPattern();

    // Phrases that give treatment or medication advice. The agent must never produce these; a spa's
    // clinician does. Deliberately broad: a false positive costs a safe "let me get a clinician" reply.
    [GeneratedRegex(@"\b(you should (take|apply|use|stop|avoid|ice|stay off)|(it'?s|it is) (safe|fine|okay|ok) (to|for you)|\d+\s?mg\b|dosage|ibuprofen|acetaminophen|tylenol|advil|aspirin|benadryl|antihistamine|hydrocortisone|(apply|put) (ice|a cold compress|cream)|that'?s (normal|nothing to worry))", RegexOptions.IgnoreCase)]
    private static partial Regex MedicalAdvicePattern();
}
