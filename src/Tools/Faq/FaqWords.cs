using FrontDesk.Tools.Profile;

namespace FrontDesk.Tools.Faq;

/// <summary>
/// The FAQ's own test by words, without the database: whether the spa's FAQ entries (not the profile's facts) answer a
/// question as <see cref="FaqIndex"/> would, by the share of its key words an entry covers. The understanding asks it of a
/// question the classifier reads as off-topic ("do u have packages or like a monthly thing", "do u guys expect tips?"):
/// when the spa's own entries cover it, it is the spa's question, for the FAQ tool.
/// </summary>
public sealed class FaqWords(SpaProfile profile)
{
    // Each entry's key words, read once (issue 16, round 33: they were read again from the entry's text for every entry at every
    // question, up to twice per entry and word: 6-7 % of the understanding's time over the probe lines): those of its
    // question and tags, and those of its answer.
    private readonly List<(IReadOnlyList<string> Strong, IReadOnlyList<string> Weak)> _entries =
        [.. profile.Faq.Select(f => (FaqIndex.KeyTerms(f.Question + " " + string.Join(' ', f.Tags)), FaqIndex.KeyTerms(f.Answer)))];

    private static readonly IReadOnlyList<string> NoAnswer = FaqIndex.KeyTerms("");

    /// <summary>
    /// True when one FAQ entry covers at least <see cref="FaqIndex.ConfidentAt"/> of the question's key words (two at
    /// least), one of them in the entry's question or tags.
    /// </summary>
    public bool Answers(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        // Asked as the tool asks it: a deposit for a service is the deposit question, a wheelchair the accessibility one.
        question = FaqIndex.WithoutForWhom(PaymentQuestion.DepositHead(question) ?? AccessQuestion.Head(question) ?? question);
        var terms = FaqIndex.KeyTerms(question);
        if (terms.Count < 2)
        {
            return false;
        }
        return _entries.Any(e => FaqIndex.Coverage(terms, e.Strong, e.Weak) >= FaqIndex.ConfidentAt
            && FaqIndex.Coverage(terms, e.Strong, NoAnswer) > 0);
    }

    /// <summary>
    /// True when <paramref name="text"/> names a topic of one FAQ entry with little else (round 26: "memberships", "info about
    /// membership", "wifi password", "propinas?" as "tip?"): five words at most, one to three key words, each of them in
    /// the entry, and one in its question or tags that names a topic ("before" and "last" are tags, not topics).
    /// </summary>
    public bool NamesTopic(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length > 5)
        {
            return false;
        }
        var terms = FaqIndex.KeyTerms(text);
        if (terms.Count is 0 or > 3)
        {
            return false;
        }
        return _entries.Any(e => terms.All(t => FaqIndex.Coverage([t], e.Strong, e.Weak) > 0)
            && terms.Any(t => !NoTopic.Contains(t) && FaqIndex.Coverage([t], e.Strong, NoAnswer) >= 1));
    }

    // Words of entries' questions and tags that do not say what is asked when named alone.
    private static readonly HashSet<string> NoTopic = new(StringComparer.Ordinal)
    {
        "before", "after", "last", "first", "long", "result", "two", "people", "free", "available",
    };
}
