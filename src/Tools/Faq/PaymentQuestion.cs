using System.Text.RegularExpressions;

namespace FrontDesk.Tools.Faq;

/// <summary>
/// A question about paying for a service with a means of payment: "I have a gift card, can I use it for a massage?",
/// "does my gift certificate work for botox", "do you take gift cards for massages". Its head is the means of payment
/// and its use; the service named is only what it would pay for, and must not pull the question to the entry about that
/// service (the couples-massage entry on the word "massage"). Such a question is asked of the business's information as
/// "can I pay with a gift card?". No business's own words here: the means of payment are the same for any business.
/// </summary>
public static partial class PaymentQuestion
{
    /// <summary>
    /// The question as its head ("can I pay with a gift card?") when <paramref name="question"/> asks whether a means of
    /// payment can be used for something; null otherwise ("do you sell gift cards for massages" is about buying one).
    /// </summary>
    public static string? Head(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var lowered = question.ToLowerInvariant();
        if (Means().Match(lowered) is not { Success: true } means || !UsedFor().IsMatch(lowered) || Buying().IsMatch(lowered) || Lasts().IsMatch(lowered))
        {
            return null;
        }
        var said = means.Value;
        var canonical = said.StartsWith("gift", StringComparison.Ordinal) || said.StartsWith("voucher", StringComparison.Ordinal) ? "a gift card"
            : said.StartsWith("cash", StringComparison.Ordinal) ? "cash"
            : said;
        return $"can I pay with {canonical}?";
    }

    /// <summary>
    /// "do i have to put down a deposit for lip filler?", "is there a deposit for botox", "do i pay in advance": a deposit, a
    /// card held or paying before the visit, asked for
    /// a service, is the deposit question ("do you require a deposit or card on file?"); the service is only what it is for.
    /// Null when no deposit is asked about.
    /// </summary>
    public static string? DepositHead(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return Deposit().IsMatch(question.ToLowerInvariant()) ? "do you require a deposit or card on file?" : null;
    }

    // A card held for the booking in other words (round 28: "do i have to put a card down", "do you need my card to book").
    // Paying before the visit is asked the same way ("do i have to pay in advance?", "se cobra por adelantado?" read as "do
    // you charge in advance?", round 26).
    [GeneratedRegex(@"\b(?:deposits?|card\s+on\s+file|hold\s+(?:a|my)\s+card|(?:put|leave)\s+(?:a|my)\s+card\s+down|(?:need|want|take)\s+(?:my|a)\s+(?:credit\s+)?card\s+(?:to\s+(?:book|hold|reserve)|for\s+(?:the\s+)?booking)|pre-?pay(?:ment|ed|id)?|(?:pay|paid|charge|charged)\s+(?:\w+\s+)?(?:in\s+advance|up\s*front|ahead(?:\s+of\s+time)?))\b", RegexOptions.CultureInvariant)]
    private static partial Regex Deposit();

    // The ways of paying a business takes, as a person would name them.
    [GeneratedRegex(@"\b(?:gift\s*cards?|gift\s+certificates?|gift\s+vouchers?|vouchers?|hsa|fsa|hsa/fsa|credit\s+cards?|debit\s+cards?|cash|apple\s+pay|google\s+pay|venmo|zelle|paypal)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Means();

    // Used for something: "use it for a massage", "does it work for botox", "take gift cards for massages", "put it towards a facial".
    [GeneratedRegex(@"\b(?:use|using|used|redeem|redeemed|spend|apply|put|work|works|take|accept|pay|cover|covers|good)\b[^.?!]{0,40}?\b(?:for|on|towards?|toward)\b", RegexOptions.CultureInvariant)]
    private static partial Regex UsedFor();

    // How long one lasts ("how long are gift cards good for", "is a gift card still valid after a year") is the gift-card
    // entry's matter too: "good for" here is a time, not a use (round 23).
    [GeneratedRegex(@"\bhow\s+long\b|\bexpir\w*|\bvalid\b|\bgood\s+for\s*(?:[?.!]|$)|\b(?:vencen|caducan|vigencia)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Lasts();

    // Buying or giving one is the gift-card entry's matter, not paying with one.
    [GeneratedRegex(@"\b(?:sell|sells|buy|buying|purchase|purchasing|get\s+(?:a|an|one)|order|gift\s+(?:someone|my|her|him))\b", RegexOptions.CultureInvariant)]
    private static partial Regex Buying();
}
