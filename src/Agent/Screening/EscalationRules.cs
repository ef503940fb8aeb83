using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace FrontDesk.Agent.Screening;

/// <summary>Patterns of a category that share one reply, joined into one expression.</summary>
/// <param name="Reply">The reply key (prompts/replies.yaml) to answer with when one of them matches.</param>
/// <param name="Expression">The patterns as one alternation.</param>
/// <param name="Urgency">The urgency these patterns raise, when not the category's (<c>urgent:</c>).</param>
/// <param name="WithTreatment">These patterns count only in a message that also names a treatment (<c>with_treatment:</c>).</param>
public sealed record EscalationPatternGroup(string Reply, Regex Expression, string? Urgency = null, bool WithTreatment = false);

/// <summary>One escalation category: how urgent, who hears, what text triggers it and what the person is told.</summary>
/// <param name="Name">emergency, medical, pricing, sensitive, human_request (or a spa's own).</param>
/// <param name="Urgency">urgent, high, normal, low.</param>
/// <param name="Route">Who is told.</param>
/// <param name="Reply">The category's reply key (<c>reply:</c>, default <c>escalation_{name}</c>).</param>
/// <param name="Groups">Pattern groups, the ones with their own reply (<c>replies:</c>) first.</param>
public sealed record EscalationCategory(string Name, string Urgency, string Route, string Reply, IReadOnlyList<EscalationPatternGroup> Groups);

/// <summary>A category that matched, the reply its matching pattern asks for and how urgent it is.</summary>
/// <param name="Category">The category.</param>
/// <param name="Reply">Reply key.</param>
/// <param name="Urgency">The category's urgency, or the higher one its matching pattern raises.</param>
public sealed record EscalationMatch(EscalationCategory Category, string Reply, string Urgency);

/// <summary>What the reply screen looks for in a draft, beyond what it always checks (<c>reply_screen:</c>).</summary>
/// <param name="MedicalAdvice">Wording that gives treatment, aftercare or medication advice.</param>
/// <param name="DiscountOffer">Wording that offers a discount, deal or custom price.</param>
public sealed record ReplyScreenRules(Regex MedicalAdvice, Regex DiscountOffer);

/// <summary>The escalation rules from prompts/escalation.yaml, in order of precedence.</summary>
public sealed class EscalationRules
{
    /// <summary>The categories every rules file must define.</summary>
    public static readonly string[] RequiredCategories = ["emergency", "medical", "pricing", "sensitive", "human_request"];

    private EscalationRules(IReadOnlyList<EscalationCategory> categories, IReadOnlyList<string> treatmentWords, ReplyScreenRules replyScreen,
        Regex asksIfHuman, Regex insistsAfterRefusal)
    {
        Categories = categories;
        TreatmentWords = treatmentWords;
        ReplyScreen = replyScreen;
        AsksIfHuman = asksIfHuman;
        InsistsAfterRefusal = insistsAfterRefusal;
    }

    /// <summary>
    /// <c>asks_if_human:</c> "are you a human?", "is this a bot": answered with the AI disclosure, not a hand-off. Checked
    /// before the categories (after emergency); a request to talk to a person is still human_request.
    /// </summary>
    public Regex AsksIfHuman { get; }

    /// <summary><c>insists_after_refusal:</c> "book it anyway" after a treatment was refused for a health reason: goes to a person.</summary>
    public Regex InsistsAfterRefusal { get; }

    /// <summary>Categories in precedence order.</summary>
    public IReadOnlyList<EscalationCategory> Categories { get; }

    /// <summary>
    /// Words that name a treatment in general (<c>treatment_words:</c>); with the profile's service names, aliases and
    /// categories they decide whether <c>with_treatment:</c> patterns count.
    /// </summary>
    public IReadOnlyList<string> TreatmentWords { get; }

    /// <summary>The spa's extra reply-screen patterns.</summary>
    public ReplyScreenRules ReplyScreen { get; }

    /// <summary>A category by name.</summary>
    public EscalationCategory? Find(string name) => Categories.FirstOrDefault(c => c.Name == name);

    /// <summary>
    /// The first category whose patterns match the text (and the reply to give), or null. <paramref name="namesTreatment"/>
    /// says whether the text names a treatment; without it, <c>with_treatment:</c> patterns are not checked.
    /// </summary>
    public EscalationMatch? Match(string text, Func<string, bool>? namesTreatment = null)
    {
        bool? treatment = null;
        foreach (var category in Categories)
        {
            foreach (var group in category.Groups)
            {
                try
                {
                    if (group.WithTreatment && !(treatment ??= namesTreatment?.Invoke(text) ?? false))
                    {
                        continue;
                    }
                    if (group.Expression.IsMatch(text))
                    {
                        return new EscalationMatch(category, group.Reply, group.Urgency ?? category.Urgency);
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    // A spa-edited pattern that backtracks badly must not lose the turn; the other patterns still run.
                }
            }
        }
        return null;
    }

    /// <summary>Reads and validates a rules file.</summary>
    /// <exception cref="InvalidDataException">The file is missing a category, has a bad urgency or an invalid pattern.</exception>
    public static EscalationRules Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("categories"), out var node) || node is not YamlMappingNode categories)
        {
            throw new InvalidDataException($"{path}: expected 'categories:' with emergency, medical, pricing, sensitive and human_request.");
        }
        var list = new List<EscalationCategory>();
        foreach (var (key, value) in categories.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (value is not YamlMappingNode map)
            {
                throw new InvalidDataException($"{path}:{key.Start.Line}: categories.{name}: expected urgency, route and patterns.");
            }
            string Scalar(string k, string fallback) =>
                map.Children.TryGetValue(new YamlScalarNode(k), out var v) && v is YamlScalarNode { Value: { } s } ? s : fallback;
            var urgency = Scalar("urgency", "normal");
            if (urgency is not ("urgent" or "high" or "normal" or "low"))
            {
                throw new InvalidDataException($"{path}:{map.Start.Line}: categories.{name}.urgency: '{urgency}' is not urgent, high, normal or low.");
            }
            var reply = Scalar("reply", $"escalation_{name}");
            var groups = new List<EscalationPatternGroup>();
            // replies: { reply_key: [patterns] } — more specific wording for some patterns, checked first.
            if (map.Children.TryGetValue(new YamlScalarNode("replies"), out var r) && r is YamlMappingNode replies)
            {
                foreach (var (replyKey, patterns) in replies.Children)
                {
                    groups.Add(Group(path, $"categories.{name}", ((YamlScalarNode)replyKey).Value ?? reply, patterns));
                }
            }
            // urgent: [patterns] — this category, but urgent (symptoms that cannot wait for a call back).
            if (map.Children.TryGetValue(new YamlScalarNode("urgent"), out var u))
            {
                groups.Add(Group(path, $"categories.{name}", reply, u) with { Urgency = "urgent" });
            }
            if (map.Children.TryGetValue(new YamlScalarNode("patterns"), out var p))
            {
                groups.Add(Group(path, $"categories.{name}", reply, p));
            }
            // with_treatment: [patterns] — count only next to a treatment ("alcohol" alone is not a medical question).
            if (map.Children.TryGetValue(new YamlScalarNode("with_treatment"), out var w))
            {
                groups.Add(Group(path, $"categories.{name}", reply, w) with { WithTreatment = true });
            }
            list.Add(new EscalationCategory(name, urgency, Scalar("route", "front_desk"), reply, groups));
        }
        var missing = RequiredCategories.Where(r => list.All(c => c.Name != r)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{path}: categories missing: {string.Join(", ", missing)}.");
        }
        var treatmentWords = root.Children.TryGetValue(new YamlScalarNode("treatment_words"), out var t) && t is YamlSequenceNode words
            ? words.Children.OfType<YamlScalarNode>().Select(x => x.Value ?? "").Where(x => x.Length > 0).ToList()
            : [];
        var screen = root.Children.TryGetValue(new YamlScalarNode("reply_screen"), out var rs) && rs is YamlMappingNode replyScreen ? replyScreen : null;
        Regex ScreenGroup(string key) => screen is not null && screen.Children.TryGetValue(new YamlScalarNode(key), out var n)
            ? Group(path, $"reply_screen.{key}", key, n).Expression
            : new Regex("(?!)", Options, Timeout);
        Regex TopGroup(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out var n) ? Group(path, key, key, n).Expression : new Regex("(?!)", Options, Timeout);
        return new EscalationRules(list, treatmentWords, new ReplyScreenRules(ScreenGroup("medical_advice"), ScreenGroup("discount_offer")),
            TopGroup("asks_if_human"), TopGroup("insists_after_refusal"));
    }

    // Interpreted, not compiled: one expression per group is fast on a short message, and compiling ~150
    // patterns per start-up (and JIT-ing each on first use) costs far more than it saves.
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    private static EscalationPatternGroup Group(string path, string where, string reply, YamlNode node)
    {
        if (node is not YamlSequenceNode seq)
        {
            throw new InvalidDataException($"{path}:{node.Start.Line}: {where}: expected a list of patterns.");
        }
        var parts = new List<string>();
        foreach (var item in seq.Children.OfType<YamlScalarNode>())
        {
            var source = Source(item.Value ?? "");
            try
            {
                _ = new Regex(source, Options, Timeout);
            }
            catch (ArgumentException ex)
            {
                throw new InvalidDataException($"{path}:{item.Start.Line}: {where}: {ex.Message}");
            }
            parts.Add("(?:" + source + ")");
        }
        return new EscalationPatternGroup(reply, new Regex(parts.Count == 0 ? "(?!)" : string.Join('|', parts), Options, Timeout));
    }

    private static string Source(string pattern)
    {
        if (pattern.StartsWith("re:", StringComparison.Ordinal))
        {
            return pattern[3..];
        }
        // A phrase: words on boundaries, flexible whitespace, apostrophes optional, '*' = any word ending.
        var words = pattern.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w =>
            Regex.Escape(w.Replace("'", "", StringComparison.Ordinal)).Replace(@"\*", @"\w*", StringComparison.Ordinal));
        return @"\b" + string.Join(@"\s+", words) + @"(?!\w)";
    }
}
