using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace FrontDesk.Agent.Screening;

/// <summary>Patterns of a category that share one reply, joined into one expression.</summary>
/// <param name="Reply">The reply key (prompts/replies.yaml) to answer with when one of them matches.</param>
/// <param name="Expression">The patterns as one alternation.</param>
/// <param name="Urgency">The urgency these patterns raise, when not the category's (<c>urgent:</c>).</param>
/// <param name="WithTreatment">These patterns count only in a message that also names a treatment (<c>with_treatment:</c>).</param>
/// <param name="Language">
/// The language of the wording (a category's <c>es:</c> block), or null for the base rules (English). Such groups are
/// matched with typos corrected toward their own words; they run on every message, whatever its language.
/// </param>
public sealed record EscalationPatternGroup(string Reply, Regex Expression, string? Urgency = null, bool WithTreatment = false, string? Language = null);

/// <summary>One escalation category: how urgent, who hears, what text triggers it and what the person is told.</summary>
/// <param name="Name">emergency, medical, pricing, sensitive, human_request (or a spa's own).</param>
/// <param name="Urgency">urgent, high, normal, low.</param>
/// <param name="Route">Who is told.</param>
/// <param name="Reply">The category's reply key (<c>reply:</c>, default <c>escalation_{name}</c>).</param>
/// <param name="Groups">Pattern groups, the ones with their own reply (<c>replies:</c>) first.</param>
/// <param name="UnlessElsewhere">
/// <c>unless_elsewhere: true</c>: the patterns do not count in a message about another business or thing and nothing of
/// the spa's (<see cref="EscalationRules.AboutElsewhere"/>). Never on emergency or medical.
/// </param>
public sealed record EscalationCategory(string Name, string Urgency, string Route, string Reply, IReadOnlyList<EscalationPatternGroup> Groups, bool UnlessElsewhere = false);

/// <summary>A category that matched, the reply its matching pattern asks for and how urgent it is.</summary>
/// <param name="Category">The category.</param>
/// <param name="Reply">Reply key.</param>
/// <param name="Urgency">The category's urgency, or the higher one its matching pattern raises.</param>
/// <param name="Language">The language of the wording that matched ("es"), or null for the base rules (English).</param>
public sealed record EscalationMatch(EscalationCategory Category, string Reply, string Urgency, string? Language = null);

/// <summary>What the reply screen looks for in a draft, beyond what it always checks (<c>reply_screen:</c>).</summary>
/// <param name="MedicalAdvice">Wording that gives treatment, aftercare or medication advice.</param>
/// <param name="DiscountOffer">Wording that offers a discount, deal or custom price.</param>
public sealed record ReplyScreenRules(Regex MedicalAdvice, Regex DiscountOffer);

/// <summary>The escalation rules from prompts/escalation.yaml, in order of precedence.</summary>
public sealed partial class EscalationRules
{
    /// <summary>The categories every rules file must define.</summary>
    public static readonly string[] RequiredCategories = ["emergency", "medical", "pricing", "sensitive", "human_request"];

    /// <summary>The language blocks a category may hold besides its base (English) patterns.</summary>
    public static readonly string[] Languages = ["es"];

    private readonly Vocabulary _vocabulary;

    private EscalationRules(IReadOnlyList<EscalationCategory> categories, IReadOnlyList<string> treatmentWords, ReplyScreenRules replyScreen,
        Regex asksIfHuman, Regex insistsAfterRefusal, Vocabulary vocabulary, Regex elsewhere, Regex healthFollowUps, Regex everydayAches,
        Regex pastEpisode, Regex stillHappening, Regex otherSenses)
    {
        OtherSenses = otherSenses;
        PastEpisode = pastEpisode;
        StillHappening = stillHappening;
        HealthFollowUps = healthFollowUps;
        EverydayAches = everydayAches;
        Elsewhere = elsewhere;
        _vocabulary = vocabulary;
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

    /// <summary>
    /// <c>health_follow_ups:</c> an opening that asks whether a treatment is still safe only after health was raised in the
    /// conversation ("can I still get …"): a message medical because of it alone is a follow-up, not a question of its own.
    /// </summary>
    public Regex HealthFollowUps { get; }

    /// <summary>
    /// <c>everyday_aches:</c> an ache with an everyday cause ("my back hurts from sitting at a desk all day", "me duele la
    /// espalda de tanto trabajar"): why people book a massage, not a reaction for a clinician. Only these words are set
    /// aside; anything else medical in the message still counts.
    /// </summary>
    public Regex EverydayAches { get; }

    /// <summary>
    /// <c>other_senses:</c> the body's words said of a thing, a plant or a pet ("a lump sum", "speed bumps", "my laptop got
    /// infected", "my dog is pregnant"): set aside before a medical match counts; anything else medical still counts.
    /// </summary>
    public Regex OtherSenses { get; }

    /// <summary>
    /// <c>past_episode:</c> an episode said to be over, long ago ("i fainted once after a facial last year", "una vez me
    /// desmayé"): asked about, it is a medical question for a person, not an emergency — unless <see cref="StillHappening"/>
    /// says it is going on now ("i passed out last year and i feel faint again right now").
    /// </summary>
    public Regex PastEpisode { get; }

    /// <summary><c>still_happening:</c> what keeps an emergency an emergency whatever past is said (now, still, today, harm to self).</summary>
    public Regex StillHappening { get; }

    /// <summary><c>elsewhere:</c> other businesses and things ("the cable company", "flights", "a used car").</summary>
    public Regex Elsewhere { get; }

    /// <summary>
    /// True when the text names another business or thing (<see cref="Elsewhere"/>) and nothing of the spa's: no treatment
    /// (<paramref name="namesTreatment"/>), no appointment, visit or booking, no staff, no charge or price of ours.
    /// </summary>
    public bool AboutElsewhere(string text, Func<string, bool>? namesTreatment = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return RulePatterns.IsMatch(Elsewhere, text) && !OursCue().IsMatch(text) && !(namesTreatment?.Invoke(text) ?? false);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    // What makes a message the spa's whatever else it names: its bookings, its people, its charges and prices, and the spa as
    // someone's recommendation ("my neighbor recommended you, can i talk to a real person").
    [GeneratedRegex(@"\b(?:appointments?|appt|visit|booking|booked|staff|front\s+desk|receptionist|therapist|provider|spa|salon|you\s+(?:guys\s+)?(?:charged|billed|overcharged|took)|your\s+(?:staff|place|team|prices?|spa|salon|policy)|(?:recommended|referred|suggested|told\s+me\s+about)\s+(?:you|your|this\s+place))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OursCue();

    /// <summary>Categories in precedence order.</summary>
    public IReadOnlyList<EscalationCategory> Categories { get; }

    /// <summary>
    /// Words that name a treatment in general (<c>treatment_words:</c>); with the profile's service names, aliases and
    /// categories they decide whether <c>with_treatment:</c> patterns count.
    /// </summary>
    public IReadOnlyList<string> TreatmentWords { get; }

    /// <summary>The spa's extra reply-screen patterns.</summary>
    public ReplyScreenRules ReplyScreen { get; }

    /// <summary>Every expression of the rules: the categories' groups, the reply screen's, asks-if-human, insists and elsewhere.</summary>
    public IEnumerable<Regex> Patterns =>
        Categories.SelectMany(c => c.Groups).Select(g => g.Expression)
            .Concat([ReplyScreen.MedicalAdvice, ReplyScreen.DiscountOffer, AsksIfHuman, InsistsAfterRefusal, Elsewhere, HealthFollowUps, EverydayAches,
                PastEpisode, StillHappening, OtherSenses]);

    /// <summary>A category by name.</summary>
    public EscalationCategory? Find(string name) => Categories.FirstOrDefault(c => c.Name == name);

    /// <summary>The text as the language blocks read it, misspellings corrected toward their own words (for tools and tests).</summary>
    public string AsLanguageBlocksRead(string text) => _vocabulary.Correct(text);

    /// <summary>
    /// The first category whose patterns match the text (and the reply to give), or null. <paramref name="namesTreatment"/>
    /// says whether the text names a treatment; without it, <c>with_treatment:</c> patterns are not checked.
    /// </summary>
    public EscalationMatch? Match(string text, Func<string, bool>? namesTreatment = null)
    {
        bool? treatment = null, correctedTreatment = null, elsewhere = null;
        string? corrected = null;
        foreach (var category in Categories)
        {
            foreach (var group in category.Groups)
            {
                try
                {
                    // A language block reads the text with its typos corrected toward its own words ("resprar" → "respirar").
                    var input = group.Language is null ? text : corrected ??= _vocabulary.Correct(text);
                    if (group.WithTreatment && !(group.Language is null
                        ? treatment ??= namesTreatment?.Invoke(text) ?? false
                        : correctedTreatment ??= namesTreatment?.Invoke(input) ?? false))
                    {
                        continue;
                    }
                    if (RulePatterns.IsMatch(group.Expression, input))
                    {
                        if (group.Reply == TextsUnwantedReply && OnlyNegated(group.Expression, input))
                        {
                            // "please don't stop texting me, i like the reminders": the opposite of a stop; the category's other
                            // patterns still count.
                            continue;
                        }
                        if (category.UnlessElsewhere && (elsewhere ??= AboutElsewhere(text, namesTreatment)))
                        {
                            // "connect me to the cable company": a request for another business's people, prices or complaints
                            // desk; none of this category counts. Looked for only once a pattern matched: nearly every message
                            // matches none, and the look was 1.3 % of a loaded host (docs/performance.md, round twenty-four).
                            break;
                        }
                        return category.Name == "emergency" && PastEpisodeOnly(text) && Find("medical") is { } medical
                            ? new EscalationMatch(medical, medical.Reply, medical.Urgency, group.Language)
                            : new EscalationMatch(category, group.Reply, group.Urgency ?? category.Urgency, group.Language);
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

    /// <summary>The reply key of the wordings that ask for no more texts (prompts/escalation.yaml, <c>replies:</c>).</summary>
    public const string TextsUnwantedReply = "texts_unwanted";

    /// <summary>
    /// Whether the text asks for no more texts: a <see cref="TextsUnwantedReply"/> wording of any category and language matches,
    /// whichever category <see cref="Match"/> would give the whole text (a complaint about deals beside it is the pricing
    /// category's first). Not said of another business (<see cref="AboutElsewhere"/>).
    /// </summary>
    /// <param name="text">The normalized text.</param>
    public bool AsksToStopTexts(string text)
    {
        string? corrected = null;
        foreach (var group in Categories.SelectMany(c => c.Groups).Where(g => g.Reply == TextsUnwantedReply))
        {
            try
            {
                var input = group.Language is null ? text : corrected ??= _vocabulary.Correct(text);
                if (RulePatterns.IsMatch(group.Expression, input) && !OnlyNegated(group.Expression, input))
                {
                    return !AboutElsewhere(text);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // As in Match: a pattern that backtracks badly must not lose the turn.
            }
        }
        return false;
    }

    /// <summary>
    /// Whether every place the stop wording matches in the (normalized) text is negated just before it: "dont stop texting me",
    /// "i didnt say to stop texting", "i dont want you to stop sending texts", "no dejen de escribirme", "nunca dije que dejen
    /// de escribirme". Only the negation and a few words of saying or wanting between it and the wording ("i dont care, just
    /// stop texting me" is a stop).
    /// </summary>
    internal static bool OnlyNegated(Regex stopWording, string text)
    {
        var any = false;
        foreach (Match m in stopWording.Matches(text))
        {
            if (!NegatedJustBefore(text.AsSpan(0, m.Index)))
            {
                return false;
            }
            any = true;
        }
        return any;
    }

    /// <summary>
    /// Whether the (normalized: lower case, no apostrophes or accents) text before a stop wording ends in its negation (see
    /// <see cref="OnlyNegated"/>). The SMS channel's own opt-out words use it too.
    /// </summary>
    /// <param name="before">What comes before the wording.</param>
    public static bool NegatedJustBefore(ReadOnlySpan<char> before) => NegatedBefore().IsMatch(before);

    // The negation, then only words of saying, asking or wanting ("dont", "didnt say to", "dont want you to", "nunca dije que",
    // "no quiero que"), at the end of what comes before the stop wording. "no" alone only right before it ("no dejen de
    // escribirme"): "no, stop texting me" has its comma.
    [GeneratedRegex(@"(?:\b(?:dont|do\s+not|didnt|did\s+not|never|wont|will\s+not|nunca)(?:\s+(?:ever|even|say|said|ask|asked|want|wanted|mean|meant|tell|told|need|you|u|ya|yall|guys|to|me|for|que|dije|pedi|quiero|queria))*|\b(?:no|not)(?:\s+(?:quiero|queria|dije|pedi|que))*)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex NegatedBefore();

    // An emergency's words said of an episode long over, and nothing saying it is happening now.
    private bool PastEpisodeOnly(string text) => RulePatterns.IsMatch(PastEpisode, text) && !RulePatterns.IsMatch(StillHappening, text);

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
            // The base (English) patterns, then each language block (es:) with the same keys; within a kind, base first.
            var blocks = new List<(YamlMappingNode Map, string? Language, string Where)> { (map, null, $"categories.{name}") };
            foreach (var language in Languages)
            {
                if (map.Children.TryGetValue(new YamlScalarNode(language), out var b))
                {
                    blocks.Add(b is YamlMappingNode block ? (block, language, $"categories.{name}.{language}")
                        : throw new InvalidDataException($"{path}:{b.Start.Line}: categories.{name}.{language}: expected replies, urgent, patterns or with_treatment."));
                }
            }
            var groups = new List<EscalationPatternGroup>();
            // replies: { reply_key: [patterns] } — more specific wording for some patterns, checked first.
            foreach (var (block, language, where) in blocks)
            {
                if (block.Children.TryGetValue(new YamlScalarNode("replies"), out var r) && r is YamlMappingNode replies)
                {
                    foreach (var (replyKey, patterns) in replies.Children)
                    {
                        groups.Add(Group(path, where, ((YamlScalarNode)replyKey).Value ?? reply, patterns) with { Language = language });
                    }
                }
            }
            // urgent: [patterns] — this category, but urgent (symptoms that cannot wait for a call back).
            foreach (var (block, language, where) in blocks)
            {
                if (block.Children.TryGetValue(new YamlScalarNode("urgent"), out var u))
                {
                    groups.Add(Group(path, where, reply, u) with { Urgency = "urgent", Language = language });
                }
            }
            foreach (var (block, language, where) in blocks)
            {
                if (block.Children.TryGetValue(new YamlScalarNode("patterns"), out var p))
                {
                    groups.Add(Group(path, where, reply, p) with { Language = language });
                }
            }
            // with_treatment: [patterns] — count only next to a treatment ("alcohol" alone is not a medical question).
            foreach (var (block, language, where) in blocks)
            {
                if (block.Children.TryGetValue(new YamlScalarNode("with_treatment"), out var w))
                {
                    groups.Add(Group(path, where, reply, w) with { WithTreatment = true, Language = language });
                }
            }
            var unlessElsewhere = Scalar("unless_elsewhere", "false") == "true";
            if (unlessElsewhere && name is "emergency" or "medical")
            {
                throw new InvalidDataException($"{path}:{map.Start.Line}: categories.{name}.unless_elsewhere: never on emergency or medical (a message about the person's body escalates whatever else it names).");
            }
            list.Add(new EscalationCategory(name, urgency, Scalar("route", "front_desk"), reply, groups, unlessElsewhere));
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
            : NeverMatches;
        Regex TopGroup(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out var n) ? Group(path, key, key, n).Expression : NeverMatches;
        // not_typos: real words one slip from a rule's word ("quimico" is not "quimio"): the typo reading leaves them alone.
        // The treatment words too: "laser" in "tomo litio, eso afecta para el laser?" is not "hacer".
        var notTypos = (root.Children.TryGetValue(new YamlScalarNode("not_typos"), out var nt) && nt is YamlSequenceNode keep
            ? keep.Children.OfType<YamlScalarNode>().Select(x => SafetyScreen.Normalize(x.Value ?? "").Trim())
            : []).Concat(treatmentWords.Select(w => SafetyScreen.Normalize(w.TrimEnd('*')).Trim())).Where(x => x.Length > 0);
        var vocabulary = new Vocabulary(list.SelectMany(c => c.Groups).Where(g => g.Language is not null).Select(g => g.Expression.ToString()), notTypos);
        return new EscalationRules(list, treatmentWords, new ReplyScreenRules(ScreenGroup("medical_advice"), ScreenGroup("discount_offer")),
            TopGroup("asks_if_human"), TopGroup("insists_after_refusal"), vocabulary, TopGroup("elsewhere"),
            TopGroup("health_follow_ups"), TopGroup("everyday_aches"), TopGroup("past_episode"), TopGroup("still_happening"),
            TopGroup("other_senses"));
    }

    // Compiled once per process (RulePatterns), whatever number of hosts or harnesses load the rules, and warmed at start.
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private static Regex NeverMatches => RulePatterns.Get("(?!)", Options);

    private static EscalationPatternGroup Group(string path, string where, string reply, YamlNode node)
    {
        if (node is not YamlSequenceNode seq)
        {
            throw new InvalidDataException($"{path}:{node.Start.Line}: {where}: expected a list of patterns.");
        }
        var items = seq.Children.OfType<YamlScalarNode>().Select(item => (item, Source: Source(item.Value ?? ""))).ToList();
        var joined = items.Count == 0 ? "(?!)" : string.Join('|', items.Select(i => "(?:" + i.Source + ")"));
        if (!RulePatterns.Contains(joined, Options))
        {
            // Each pattern alone, so a bad one is reported with its own line (a group already compiled was checked then).
            foreach (var (item, source) in items)
            {
                try
                {
                    _ = new Regex(source, Options);
                }
                catch (ArgumentException ex)
                {
                    throw new InvalidDataException($"{path}:{item.Start.Line}: {where}: {ex.Message}");
                }
            }
        }
        return new EscalationPatternGroup(reply, RulePatterns.Get(joined, Options));
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

    /// <summary>
    /// The words the language blocks are written with, for typo correction: a word of the message of five letters or more
    /// that sounds like exactly one of them or is one slip from it (a letter left out or added, two swapped) — or whose
    /// start is, for a stem (<c>respir*</c>) — is read as that word. Short words are left alone: a slip turns them into
    /// other words.
    /// </summary>
    private sealed partial class Vocabulary
    {
        private const int MinLength = 5;
        // Most distinct words remembered with their fix (or none); the table is emptied when full.
        private const int MaxRemembered = 8192;
        private readonly HashSet<string> _words = new(StringComparer.Ordinal);
        private readonly HashSet<string> _stems = new(StringComparer.Ordinal);
        private readonly HashSet<string> _notTypos;
        // The three sets looked up by a span of the message, and the stems' lengths, shortest first: a word starts with a
        // stem when its start of one of those lengths is a stem (perf round 36: each word of a message was compared with
        // every stem, the word's text made again for each).
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _wordsBySpan;
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _stemsBySpan;
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _notTyposBySpan;
        private readonly int[] _stemLengths;
        // Each word's and stem's sound, worked out once: Closest compares a message's word with all of them.
        private readonly (string Word, string Sound)[] _wordSounds;
        private readonly (string Stem, string Sound)[] _stemSounds;
        // A word's fix depends on the word alone, and a message's words repeat across turns ("appointment", "tomorrow").
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _fixes = new(StringComparer.Ordinal);

        public Vocabulary(IEnumerable<string> sources, IEnumerable<string> notTypos)
        {
            _notTypos = new HashSet<string>(notTypos, StringComparer.Ordinal);
            foreach (var source in sources)
            {
                foreach (Match m in Letters().Matches(source))
                {
                    // An escape (\b, \s, \w) is not a letter of the word that follows it.
                    var start = m.Index > 0 && source[m.Index - 1] == '\\' ? m.Index + 1 : m.Index;
                    var end = m.Index + m.Length;
                    var rest = source.AsSpan(end);
                    // A word is whole when what follows ends it; anything else (\w*, (?:a|o), s?) makes it a stem.
                    var whole = rest.IsEmpty || rest[0] is ')' or '|' || rest.StartsWith(@"\b", StringComparison.Ordinal)
                        || rest.StartsWith(@"\s", StringComparison.Ordinal) || rest.StartsWith("(?!", StringComparison.Ordinal);
                    var word = source[start..end];
                    if (rest.StartsWith("?", StringComparison.Ordinal) && word.Length > 1)
                    {
                        // "piedras?": the last letter is optional, the rest a stem.
                        word = word[..^1];
                        whole = false;
                    }
                    if (word.Length >= MinLength)
                    {
                        (whole ? _words : _stems).Add(word);
                    }
                }
            }
            _wordSounds = [.. _words.Select(w => (w, Sound(w)))];
            _stemSounds = [.. _stems.Select(st => (st, Sound(st)))];
            _wordsBySpan = _words.GetAlternateLookup<ReadOnlySpan<char>>();
            _stemsBySpan = _stems.GetAlternateLookup<ReadOnlySpan<char>>();
            _notTyposBySpan = _notTypos.GetAlternateLookup<ReadOnlySpan<char>>();
            _stemLengths = [.. _stems.Select(st => st.Length).Distinct().Order()];
        }

        /// <summary>The text with each misspelt word replaced by the one word or stem it is close to; unchanged when none is.</summary>
        public string Correct(string text)
        {
            StringBuilder? sb = null;
            var last = 0;
            // In a message with no Spanish in it, a whole English word of the model's vocabulary is meant as written:
            // "inches" is not "hinch…", "costa mesa" not "costra", "inflated" not "inflam…" (CLINC's train rows). With
            // Spanish words around it every word is read as before: "se me sierra la garganta" is "cierra".
            var english = !SpanishWords().IsMatch(text);
            foreach (var m in Letters().EnumerateMatches(text))
            {
                var letters = text.AsSpan(m.Index, m.Length);
                if (m.Length < MinLength || _wordsBySpan.Contains(letters) || _notTyposBySpan.Contains(letters) || StartsWithStem(letters))
                {
                    continue;
                }
                var value = letters.ToString();
                if ((english && FrontDesk.Tools.Semantic.ModelVocabulary.IsWord(value)) || Fix(value) is not { } fixedWord || fixedWord == value)
                {
                    continue;
                }
                sb ??= new StringBuilder(text.Length + 8);
                sb.Append(text, last, m.Index - last).Append(fixedWord);
                last = m.Index + m.Length;
            }
            return sb is null ? text : sb.Append(text, last, text.Length - last).ToString();
        }

        /// <summary>Whether the word starts with one of the stems (or is one).</summary>
        private bool StartsWithStem(ReadOnlySpan<char> word)
        {
            foreach (var length in _stemLengths)
            {
                if (length > word.Length)
                {
                    return false;
                }
                if (_stemsBySpan.Contains(word[..length]))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>The word or stem a message's word (five letters or more, not one of ours) is a misspelling of, or null.</summary>
        private string? Fix(string value)
        {
            if (_fixes.TryGetValue(value, out var known))
            {
                return known;
            }
            var word = Squeeze(value);
            var fix = word.Length < MinLength ? null : Closest(word);
            if (_fixes.Count >= MaxRemembered)
            {
                _fixes.Clear();
            }
            _fixes[value] = fix;
            return fix;
        }

        private string? Closest(string word)
        {
            if (_words.Contains(word))
            {
                return word;
            }
            // Spellings that sound the same win over slips; two different fixes at the same level are a guess, not made.
            HashSet<string>? sameSound = null, slips = null;
            var sound = Sound(word);
            foreach (var (candidate, candidateSound) in _wordSounds)
            {
                if (Math.Abs(candidate.Length - word.Length) <= 2 && Slip(sound, candidateSound))
                {
                    (sound == candidateSound ? sameSound ??= new(StringComparer.Ordinal) : slips ??= new(StringComparer.Ordinal)).Add(candidate);
                }
            }
            // The sound of each start of the word, worked out once for all the stems.
            var starts = new string?[word.Length + 1];
            foreach (var (stem, stemSound) in _stemSounds)
            {
                if (StemFix(word, stem, stemSound, starts) is { } fix)
                {
                    (fix.SameSound ? sameSound ??= new(StringComparer.Ordinal) : slips ??= new(StringComparer.Ordinal)).Add(fix.Word);
                }
            }
            return sameSound?.Count == 1 ? sameSound.First() : sameSound is null && slips?.Count == 1 ? slips.First() : null;
        }

        /// <summary>The word with its start spelt as the stem, when that start sounds like it (or is one slip from it); else null.</summary>
        private static (string Word, bool SameSound)? StemFix(string word, string stem, string stemSound, string?[] starts)
        {
            // The start that sounds the same first ("sierra" is "cierr" + "a"), then one slip longer or shorter.
            foreach (var slip in (ReadOnlySpan<bool>)[false, true])
            {
                for (var length = Math.Max(1, stem.Length - 1); length <= Math.Min(word.Length, stem.Length + 2); length++)
                {
                    var start = starts[length] ??= Sound(word[..length]);
                    if (slip ? Slip(start, stemSound) : start == stemSound)
                    {
                        return (stem + word[length..], !slip);
                    }
                }
            }
            return null;
        }

        /// <summary>
        /// Whether two spellings sound alike or are one slip apart: a letter left out or added, or two neighbours swapped.
        /// Not one letter for another: that turns words into other words ("dolares", "dolores").
        /// </summary>
        private static bool Slip(string a, string b)
        {
            if (a == b)
            {
                return true;
            }
            if (a.Length == b.Length)
            {
                var i = 0;
                while (a[i] == b[i])
                {
                    i++;
                }
                return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
            }
            var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
            if (longer.Length != shorter.Length + 1)
            {
                return false;
            }
            var at = 0;
            while (at < shorter.Length && longer[at] == shorter[at])
            {
                at++;
            }
            return longer.AsSpan(at + 1).SequenceEqual(shorter.AsSpan(at));
        }

        /// <summary>How a Spanish spelling sounds: z, soft c and s alike, b and v, ll and y, a silent h ("embarasada" = "embarazada").</summary>
        private static string Sound(string word)
        {
            var sb = new StringBuilder(word.Length);
            for (var i = 0; i < word.Length; i++)
            {
                var c = word[i];
                var next = i + 1 < word.Length ? word[i + 1] : ' ';
                switch (c)
                {
                    case 'z':
                        sb.Append('s');
                        break;
                    case 'c' when next is 'e' or 'i':
                        sb.Append('s');
                        break;
                    case 'v':
                        sb.Append('b');
                        break;
                    case 'k':
                        sb.Append('c');
                        break;
                    case 'l' when next == 'l':
                        sb.Append('y');
                        i++;
                        break;
                    case 'h' when i == 0 || word[i - 1] != 'c':
                        break;
                    default:
                        sb.Append(c);
                        break;
                }
            }
            return sb.ToString();
        }

        // "respiraaar" → "respirar": a letter held down is one letter.
        private static string Squeeze(string word)
        {
            var sb = new StringBuilder(word.Length);
            foreach (var c in word)
            {
                if (sb.Length >= 1 && sb[^1] == c && (sb.Length < 2 || sb[^2] == c || !"lrcne".Contains(c, StringComparison.Ordinal)))
                {
                    continue;
                }
                sb.Append(c);
            }
            return sb.ToString();
        }

        // Everyday Spanish words that English does not use (accents dropped): a message with one of them is read as Spanish.
        // Not LanguageDetector's word lists: those weigh a message's language and hold words English texts also carry
        // ("internet", "mama", "y" for "why"), which here would bring back the typo readings of plain English words.
        [GeneratedRegex(@"\b(?:mi|la|el|los|las|se|de|del|que|tengo|estoy|una|un|con|por|para|muy|lo|le|les|su|sus|al|pero|porque|cuando|como|esta|tiene|hay|yo|tu|te|ya|mas|despues|antes)\b", RegexOptions.CultureInvariant)]
        private static partial Regex SpanishWords();

        [GeneratedRegex("[a-z]+")]
        private static partial Regex Letters();
    }
}
