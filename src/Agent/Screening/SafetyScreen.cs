using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Safety;

namespace FrontDesk.Agent.Screening;

/// <summary>What the inbound screen found.</summary>
/// <param name="Category">The escalation category the text triggers, or null.</param>
/// <param name="Reply">The reply key the matching pattern asks for (prompts/escalation.yaml), or null.</param>
/// <param name="StatedConditions">Contraindication tags of the profile the person mentioned.</param>
/// <param name="Urgency">How urgent the escalation is (the category's, or higher for some patterns), or null.</param>
/// <param name="ConditionOnly">
/// The category is medical only because the message states a condition or names a medicine ("I'm 24 weeks pregnant",
/// "I take Eliquis"): with a booking request the tools decide, refusing what the condition rules out.
/// </param>
/// <param name="OthersOnly">Every condition mentioned is someone else's ("my friend is pregnant").</param>
/// <param name="AsksIfHuman">The person asks whether they are talking to a person ("are you a bot?"): the AI disclosure answers.</param>
/// <param name="Insists">The person insists on a treatment ("book it anyway"): after a health refusal, that goes to a person.</param>
/// <param name="Language">The language of the rule wording that matched ("es" for a category's <c>es:</c> block), or null.</param>
/// <param name="FollowUpOnly">
/// The category is medical only because the message opens with a health follow-up ("can I still get …"): medical when the
/// conversation raised health before, a question of room when it did not (the agent decides, it has the conversation).
/// </param>
/// <param name="GeneralHealth">
/// The category is medical, but the message is a general health question about nothing of the spa's and nobody's own body
/// ("what are the side effects of melatonin", "do antibiotics work on a cold"): no treatment, service, visit or provider,
/// no first person nor a person spoken of, no condition the profile knows, no word of the skin, the face or a pregnancy.
/// The agent decides whether the conversation made it the spa's (a treatment or health said before).
/// </param>
/// <param name="StopsTexts">
/// The message asks that texts stop (a <c>texts_unwanted</c> wording of any category), whichever category matched first:
/// "quit texting me every day about your deals and promos" matches the manager's pricing words before it (round 35); beside
/// an emergency's or a clinician's words too ("my lips are swelling badly after filler and stop texting me", round 36).
/// </param>
public sealed record InboundFinding(EscalationCategory? Category, string? Reply, IReadOnlyList<string> StatedConditions, string? Urgency = null,
    bool ConditionOnly = false, bool OthersOnly = false, bool AsksIfHuman = false, bool Insists = false, string? Language = null,
    bool FollowUpOnly = false, bool GeneralHealth = false, bool StopsTexts = false);

/// <summary>What the reply screen did to a draft.</summary>
/// <param name="Text">The reply to send (the draft, redacted, or replaced).</param>
/// <param name="Findings">What was found: card_number, medical_advice, unlisted_price, discount_offer.</param>
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
    private readonly HashSet<decimal> _listedPercents;
    private readonly List<(string Tag, string Stem, bool Whole)> _conditionStems;
    private readonly List<string> _contraindications;
    // The spa's own wording (FAQ answers, policies, service descriptions) is approved text: the reply screen does
    // not judge it, so a quoted aftercare FAQ or cancellation fee is not taken for advice or a discount.
    private readonly List<string> _approvedTexts;
    private readonly Regex _treatment;
    // Each service name and alias, longest first, and the services it may mean ("swedish massage" means two).
    private readonly Regex _serviceMention;
    private readonly Dictionary<string, List<Service>> _servicesByTerm;
    // The conditions each service is made for, by its words ("Prenatal Massage", alias "pregnancy massage" → pregnancy).
    private readonly Dictionary<string, string[]> _madeFor;

    /// <summary>Creates the screen for a profile and rules.</summary>
    public SafetyScreen(SpaProfile profile, EscalationRules rules)
    {
        _rules = rules;
        _approvedTexts = [.. profile.Faq.Select(f => f.Answer)
            .Concat(profile.Faq.SelectMany(f => f.Answers.Values))
            .Concat(profile.Services.Select(s => s.Description ?? ""))
            .Concat(profile.Services.SelectMany(s => s.Descriptions.Values))
            .Concat([profile.Policies.Cancellation ?? "", profile.Policies.Deposit ?? ""])
            .Concat(profile.Policies.Translations.Values.SelectMany(t => t.Values))
            .Where(t => t.Length > 0).OrderByDescending(t => t.Length)];
        _listedAmounts = [.. profile.Services.Where(s => s.Price is not null).Select(s => s.Price!.Value)];
        _listedPercents = [];
        foreach (var approved in _approvedTexts)
        {
            foreach (var (amount, _, _) in Amounts(approved))
            {
                _listedAmounts.Add(amount);
            }
            foreach (var (percent, _) in Percents(approved))
            {
                _listedPercents.Add(percent);
            }
        }
        _servicesByTerm = new(StringComparer.Ordinal);
        foreach (var service in profile.Services)
        {
            // The names in other languages too: a Spanish reply binds "Facial Signature: … $140" to that service.
            var names = service.Names.Values.Prepend(service.Name).ToList();
            foreach (var term in names.Concat(names.Select(n => Parenthetical().Replace(n, ""))).Append(service.Id.Replace('-', ' ')).Concat(service.Aliases))
            {
                var key = Term(term);
                if (key.Length > 0)
                {
                    (_servicesByTerm.TryGetValue(key, out var list) ? list : _servicesByTerm[key] = []).Add(service);
                }
            }
        }
        _serviceMention = TermsPattern(_servicesByTerm.Keys);
        _madeFor = profile.Services.Select(s => (s.Id, Concepts: s.Names.Values.Prepend(s.Name).Concat(s.Aliases)
                .SelectMany(n => WordPattern().Matches(Normalize(n)).Select(w => w.Value)).Select(HealthConcepts.Canon)
                .Where(HealthConcepts.IsLifeStage).Distinct().ToArray()))
            .Where(x => x.Concepts.Length > 0).ToDictionary(x => x.Id, x => x.Concepts, StringComparer.Ordinal);
        _treatment = TermsPattern(_servicesByTerm.Keys
            .Concat(profile.Services.Select(s => Term(s.Category)))
            .Concat(rules.TreatmentWords.Select(Term)).Where(t => t.Length > 0).Distinct());
        _contraindications = [.. profile.Services.SelectMany(s => s.Contraindications).Distinct()];
        _conditionStems = [.. _contraindications.Select(tag =>
        {
            var words = tag.Split('-', StringSplitOptions.RemoveEmptyEntries).Where(w => !Qualifiers.Contains(w)).DefaultIfEmpty(tag);
            var main = words.OrderByDescending(w => w.Length).First();
            var stem = main.Length <= 5 ? main : main[..Math.Max(5, (int)(main.Length * 0.6))];
            return (tag, stem, main.Length <= 5);
        })];
    }

    /// <summary>The rules in force.</summary>
    public EscalationRules Rules => _rules;

    /// <summary>Screens what the person said.</summary>
    public InboundFinding ScreenInbound(string text)
    {
        // Composed first: "e" + a combining accent is "é", which folds to "e".
        var normalized = Normalize(text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC));
        // A service made for a condition ("masaje para embarazadas") is not the person saying they have it.
        normalized = HealthConcepts.WithoutServicesMadeFor(normalized);
        var match = _rules.Match(normalized, NamesTreatment);
        var mentions = ConditionMentions(normalized);
        var own = mentions.Where(m => !SomeoneElses(normalized, m.Start)).ToList();
        if (match is { Category.Name: "medical" } && match.Urgency != "urgent" && !SameForMe().IsMatch(normalized)
            && SafeMatches(_rules.OtherSenses, normalized).ToList() is { Count: > 0 } senses)
        {
            // "should i take the lump sum", "my laptop got infected", "my dog is pregnant, what should i feed her": the body's
            // words said of a thing, a plant or a pet. Only those words are set aside: anything else medical still counts, and
            // a condition named elsewhere in the message is still the person's. Not when the person says it of themselves
            // too ("my dog is pregnant and so am i", "my laptop got infected and so did my filler spot").
            var rest = Blank(normalized, senses);
            match = _rules.Match(rest, NamesTreatment);
            mentions = ConditionMentions(rest);
            own = [.. mentions.Where(m => !SomeoneElses(rest, m.Start))];
        }
        if (match is { Category.Name: "medical" } && match.Urgency != "urgent" && mentions.Count > 0
            && MadeForSaid(normalized) is { Count: > 0 } madeFor
            && mentions.Where(m => madeFor.Any(c => HealthConcepts.Matches(m.Tag, c))).Select(m => (m.Start, m.End)).ToList() is { Count: > 0 } served)
        {
            // "my wife is pregnant, i want to gift her a prenatal massage": a service made for the condition named beside it is
            // what the condition calls for, not a question about it. Whatever else is said still counts ("is it safe for me?").
            match = _rules.Match(Blank(normalized, served), NamesTreatment);
        }
        if (match is { Category.Name: "medical" } && match.Urgency != "urgent" && SafeMatches(_rules.EverydayAches, normalized).ToList() is { Count: > 0 } aches
            && _rules.Match(Blank(normalized, aches), NamesTreatment) is null)
        {
            // "my back hurts from sitting at a desk all day, massage friday?": an ache with an everyday cause is why people book
            // a massage. Only the ache's own words are set aside: anything else medical in the message still counts.
            match = null;
        }
        var othersSaid = false;
        if (match is { Category.Name: "medical" } && match.Urgency != "urgent" && own.Count == 0 && OthersClauses(normalized) is { Count: > 0 } others)
        {
            // "my sister has a clotting disorder lol but the lip filler is for me", "my friend is pregnant, can i get a facial":
            // someone else's condition, in clauses of their own, beside the speaker's own request. Read without those clauses,
            // the speaker's part stands alone when it speaks of the speaker and not of a treatment for anyone else ("can she
            // get lip filler?", "book her a massage" are about the other person's treatment; "i want to get her a gift card"
            // is not a treatment).
            var speakers = Blank(normalized, others);
            if (FirstPerson().IsMatch(speakers) && (!ThirdPerson().IsMatch(speakers) || !NamesTreatment(speakers) && !BookingWord().IsMatch(speakers))
                && _rules.Match(speakers, NamesTreatment) is null)
            {
                match = null;
                othersSaid = true;
            }
        }
        var conditions = own.Select(m => m.Tag).Distinct().ToList();
        var conditionOnly = false;
        if (match?.Category.Name == "medical" && mentions.Count > 0)
        {
            // Medical only because of the condition words themselves: a statement, not a question for a clinician.
            // "tomo anticoagulantes, ¿me puedo poner relleno?" asks whether the condition allows it: that is for a clinician.
            conditionOnly = _rules.Match(Blank(normalized, mentions.Select(m => (m.Start, m.End))), NamesTreatment) is null
                && !AsksIfAllowed().IsMatch(normalized)
                // "can i get a massage" / "¿puedo hacerme un masaje?" asks whether it may be had; with a day or a time ("can i get
                // a deep tissue tomorrow", "¿me puedo poner relleno el viernes?") it is a request, in both languages (round 29).
                && !(CanIHaveIt().IsMatch(normalized) && !DayOrTimeSaid().IsMatch(normalized));
        }
        // "ok can i still get a dermaplaning wednesday": medical only as a follow-up to something said about health before.
        var followUpOnly = match is { Category.Name: "medical" } && mentions.Count == 0 && Matches(_rules.HealthFollowUps, normalized)
            && _rules.Match(Blank(normalized, SafeMatches(_rules.HealthFollowUps, normalized)), NamesTreatment) is null;
        var asksIfHuman = false;
        if (match?.Category.Name is null or "human_request" && Matches(_rules.AsksIfHuman, normalized))
        {
            // "are you a human?" is not "let me talk to a human": only what is left after the question can hand off.
            var rest = Blank(normalized, SafeMatches(_rules.AsksIfHuman, normalized));
            match = _rules.Match(rest, NamesTreatment);
            asksIfHuman = match is null;
        }
        var generalHealth = match is { Category.Name: "medical" } && match.Urgency != "urgent" && mentions.Count == 0 && !followUpOnly
            && !NamesTreatment(normalized) && !Personal().IsMatch(normalized) && !OfTheSpaOrTheSkin().IsMatch(normalized);
        return new InboundFinding(match?.Category, match?.Reply, conditions, match?.Urgency, conditionOnly,
            othersSaid || mentions.Count > 0 && own.Count == 0, asksIfHuman, Matches(_rules.InsistsAfterRefusal, normalized), match?.Language,
            followUpOnly, generalHealth,
            // Read only where it can change the reply: another category matched first (the texts_unwanted wording itself already
            // answers as such); beside an emergency's or a clinician's words too (round 36: the safety reply, then the stop). On
            // every message it ran the Spanish typo fixer again (+8 KB a turn).
            match is { } first && first.Reply != EscalationRules.TextsUnwantedReply && _rules.AsksToStopTexts(normalized));
    }

    /// <summary>
    /// Conditions the (normalized) text names, with where: the profile's contraindications by their main word
    /// ("pregnant" → pregnancy, pregnancy-first-trimester) and medicines by class (Tools' HealthConcepts: "doxycycline"
    /// → photosensitizing-medication), each as the profile's tag when it has one, else the class.
    /// </summary>
    private List<(string Tag, int Start, int End)> ConditionMentions(string normalized)
    {
        var found = new List<(string Tag, int Start, int End)>();
        foreach (Match w in WordPattern().Matches(normalized))
        {
            // The word's text made once, not once per condition (perf round 36).
            var word = w.Value;
            foreach (var condition in _conditionStems)
            {
                if (Names(word, condition))
                {
                    found.Add((condition.Tag, w.Index, w.Index + w.Length));
                }
            }
        }
        foreach (var (medicine, start, end) in HealthConcepts.MedicinesIn(normalized))
        {
            var tags = _contraindications.Where(ci => HealthConcepts.Matches(medicine.Name, ci)).DefaultIfEmpty(medicine.Name);
            found.AddRange(tags.Select(t => (t, start, end)));
        }
        // Said in other words ("8 weeks along", "estoy embarazada", "tengo 20 semanas"): the profile's contraindications of that concept.
        foreach (var (concept, start, end) in HealthConcepts.ConditionsSaidIn(normalized))
        {
            found.AddRange(_contraindications.Where(ci => HealthConcepts.Matches(concept, ci)).Select(t => (t, start, end)));
        }
        return found;
    }

    /// <summary>
    /// The conditions the services the (normalized) text names are made for ("prenatal massage" → pregnancy): a service
    /// whose name or alias says a condition the health concepts know.
    /// </summary>
    private List<string> MadeForSaid(string normalized)
    {
        var found = new List<string>();
        try
        {
            foreach (Match m in _serviceMention.Matches(normalized))
            {
                if (_servicesByTerm.TryGetValue(m.Groups["t"].Value, out var services))
                {
                    found.AddRange(services.SelectMany(s => _madeFor.GetValueOrDefault(s.Id, [])));
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return [];
        }
        return found;
    }

    /// <summary>
    /// Whether a word names a condition by its stem: a long word by its first letters ("pregnant", "pregnancy"), a short one
    /// (five letters or fewer) only as itself or inflected ("tan", "tanned", "tanning": not "tanto" nor "tank").
    /// </summary>
    private static bool Names(string word, (string Tag, string Stem, bool Whole) condition) =>
        condition.Whole
            ? word == condition.Stem || word.StartsWith(condition.Stem, StringComparison.Ordinal) && word.AsSpan(condition.Stem.Length) is "s" or "es" or "ed" or "ing" or "ned" or "ning" or "d"
            : word.StartsWith(condition.Stem, StringComparison.Ordinal);

    /// <summary>
    /// Whether the condition said at <paramref name="at"/> is someone else's: in its clause, a third person ("she's",
    /// "my friend") comes after the last first person ("I'm", "me").
    /// </summary>
    private static bool SomeoneElses(string normalized, int at)
    {
        var clauseStart = ClauseBreak().Matches(normalized[..at]).LastOrDefault() is { } b ? b.Index + b.Length : 0;
        var clause = normalized[clauseStart..at];
        var third = ThirdPerson().Matches(clause).LastOrDefault()?.Index ?? -1;
        var first = FirstPerson().Matches(clause).LastOrDefault()?.Index ?? -1;
        return third > first;
    }

    /// <summary>
    /// The clauses of the (normalized) text that speak of a third person and not of the speaker ("my sister has a clotting
    /// disorder"), as spans; a clause with "I" or "me" in it is the speaker's ("I have one like my sister").
    /// </summary>
    private static List<(int Start, int End)> OthersClauses(string normalized)
    {
        var spans = new List<(int Start, int End)>();
        var start = 0;
        foreach (var end in ClauseBreak().Matches(normalized).Select(b => b.Index).Append(normalized.Length))
        {
            if (end > start)
            {
                var clause = normalized[start..end];
                // "mi" before a word is "my" ("mi hermana tiene …"), not the speaker ("es para mi").
                if (ThirdPerson().IsMatch(clause) && !FirstPerson().IsMatch(Possessive().Replace(clause, " ")))
                {
                    spans.Add((start, end));
                }
            }
            start = end;
        }
        return spans;
    }

    // The person saying what was said of something else holds for them too: "so am i", "me too", "so did my lip"; not "so did
    // my card" (a thing of theirs: "when my house burned down, so did my card").
    [GeneratedRegex(@"\b(?:so\s+(?:am|do|did|have|has|was|is)\s+(?:i|mine|my(?!\s+(?:\w+\s+)?(?:cards?|passports?|house|home|apartment|phone|car|laptop|computer|wallet|purse|bags?|clothes|shirts?|papers?|documents?|keys|stuff|things|furniture|couch)\b))|me\s+too|(?:i\s+am|im|i\s+do|i\s+have|ive|mine\s+(?:is|did|does))\s+(?:\w+\s+)?too|as\s+(?:am|do|did)\s+i|same\s+(?:here|with\s+me|for\s+me)|both\s+of\s+us)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SameForMe();

    private static string Blank(string text, IEnumerable<(int Start, int End)> spans)
    {
        var chars = text.ToCharArray();
        foreach (var (start, end) in spans)
        {
            Array.Fill(chars, ' ', start, end - start);
        }
        return new string(chars);
    }

    private static IEnumerable<(int Start, int End)> SafeMatches(Regex pattern, string text)
    {
        try
        {
            return [.. pattern.Matches(text).Select(m => (m.Index, m.Index + m.Length))];
        }
        catch (RegexMatchTimeoutException)
        {
            return [];
        }
    }

    /// <summary>Every expression the screen matches that is not built into the code: the rules' and the profile's names.</summary>
    public IEnumerable<Regex> Patterns => _rules.Patterns.Append(_treatment).Append(_serviceMention).Distinct();

    /// <summary>Whether the (normalized) text names one of the spa's services or categories, or a treatment word of the rules.</summary>
    public bool NamesTreatment(string normalized)
    {
        try
        {
            return RulePatterns.IsMatch(_treatment, normalized);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
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
        var own = OwnWords(text);
        var ownNormalized = Normalize(own);
        if (MedicalAdvicePattern().IsMatch(own) || Matches(_rules.ReplyScreen.MedicalAdvice, ownNormalized))
        {
            findings.Add("medical_advice");
            return new ReplyFinding(template("medical_no_advice"), findings);
        }
        if (UnlistedPrice(text))
        {
            findings.Add("unlisted_price");
            return new ReplyFinding(template("price_not_listed"), findings);
        }
        if (Percents(own).Any(p => !_listedPercents.Contains(p.Value)) || Matches(_rules.ReplyScreen.DiscountOffer, ownNormalized))
        {
            findings.Add("discount_offer");
            return new ReplyFinding(template("price_not_listed"), findings);
        }
        return new ReplyFinding(text, findings);
    }

    /// <summary>The draft without the spa's own approved wording in it.</summary>
    private string OwnWords(string text)
    {
        foreach (var approved in _approvedTexts)
        {
            text = text.Replace(approved, " ", StringComparison.OrdinalIgnoreCase);
        }
        return text;
    }

    /// <summary>The draft with the spa's own approved wording blanked out, every position kept (a literal search: no regex per text).</summary>
    private string BlankApproved(string text)
    {
        var chars = text.ToCharArray();
        foreach (var approved in _approvedTexts.Where(a => a.Length > 0))
        {
            for (var at = text.IndexOf(approved, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(approved, at + approved.Length, StringComparison.OrdinalIgnoreCase))
            {
                Array.Fill(chars, ' ', at, approved.Length);
            }
        }
        return new string(chars);
    }

    /// <summary>
    /// An amount the profile does not list, or one said next to a service whose list price it is not ("Botox is $199"):
    /// an amount must be the price of the service named closest before it, or of the one named right after it in the same
    /// sentence; with no service named, any listed amount will do.
    /// </summary>
    private bool UnlistedPrice(string text)
    {
        var amounts = Amounts(text).ToList();
        if (amounts.Count == 0)
        {
            return false;
        }
        // Service descriptions may name other services ("the relaxation massage"): they are not where a price is bound.
        var bare = BlankApproved(text);
        List<(int Start, int End, List<Service> Services)> mentions;
        try
        {
            mentions = [.. _serviceMention.Matches(Normalize(bare.Replace('\'', ' ').Replace('\u2019', ' ').Replace('\u2018', ' '))).Select(m => (m.Index, m.Index + m.Length, _servicesByTerm[Term(m.Groups["t"].Value)]))];
        }
        catch (RegexMatchTimeoutException)
        {
            mentions = [];
        }
        foreach (var (amount, start, end) in amounts)
        {
            if (!_listedAmounts.Contains(amount))
            {
                return true;
            }
            var before = mentions.LastOrDefault(m => m.End <= start);
            var after = mentions.FirstOrDefault(m => m.Start >= end && !SentenceEnd().IsMatch(text[end..m.Start]));
            if (before.Services is null && after.Services is null)
            {
                continue;
            }
            if (!new[] { before.Services, after.Services }.Any(list => list?.Any(s => s.Price == amount) == true))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Matches(Regex pattern, string text)
    {
        try
        {
            return RulePatterns.IsMatch(pattern, text);
        }
        catch (RegexMatchTimeoutException)
        {
            // A spa-edited pattern that backtracks badly does not hold up the reply; the built-in checks still ran.
            return false;
        }
    }

    /// <summary>Amounts of money in the text, with where they are: "$150", "150 dollars", "a hundred and fifty bucks".</summary>
    private static IEnumerable<(decimal Value, int Start, int End)> Amounts(string text)
    {
        foreach (Match m in MoneyPattern().Matches(text))
        {
            var digits = (m.Groups[1].Success ? m.Groups[1] : m.Groups[2]).Value.Replace(",", "", StringComparison.Ordinal);
            if (decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
            {
                yield return (amount, m.Index, m.Index + m.Length);
            }
        }
        foreach (Match m in WordedMoneyPattern().Matches(text))
        {
            if (NumberWords(m.Groups[1].Value) is { } amount)
            {
                yield return (amount, m.Index, m.Index + m.Length);
            }
        }
    }

    /// <summary>Percentages in the text: "20%", "20 percent", "twenty percent", "half off".</summary>
    private static IEnumerable<(decimal Value, int Start)> Percents(string text)
    {
        foreach (Match m in PercentPattern().Matches(text))
        {
            if (NotAPrice().IsMatch(text, m.Index + m.Length))
            {
                continue;
            }
            var value = m.Groups[1].Success
                ? decimal.Parse(m.Groups[1].Value, NumberStyles.Number, CultureInfo.InvariantCulture)
                : m.Groups[2].Success ? NumberWords(m.Groups[2].Value) ?? -1 : 50;
            yield return (value, m.Index);
        }
    }

    private static readonly Dictionary<string, int> Numbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["a"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    /// <summary>"a hundred and fifty" → 150; null when the words are not a number.</summary>
    private static decimal? NumberWords(string words)
    {
        decimal total = 0, current = 0;
        var any = false;
        foreach (var word in words.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Numbers.TryGetValue(word, out var n))
            {
                current += n;
                any = true;
            }
            else if (word.Equals("hundred", StringComparison.OrdinalIgnoreCase))
            {
                current = (current == 0 ? 1 : current) * 100;
                any = true;
            }
            else if (word.Equals("thousand", StringComparison.OrdinalIgnoreCase))
            {
                total += (current == 0 ? 1 : current) * 1000;
                current = 0;
                any = true;
            }
            else if (!word.Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }
        return any ? total + current : null;
    }

    /// <summary>A name as matched: normalized, without punctuation, single-spaced.</summary>
    private static string Term(string name) =>
        string.Join(' ', WordPattern().Matches(Normalize(name)).Select(m => m.Value));

    private static Regex TermsPattern(IEnumerable<string> terms)
    {
        var parts = terms.Where(t => t.Length > 0).Distinct().OrderByDescending(t => t.Length)
            .Select(t => string.Join(@"[^a-z0-9]+", t.Split(' ').Select(Regex.Escape)));
        return RulePatterns.Get(@"\b(?<t>" + string.Join('|', parts.DefaultIfEmpty("(?!)")) + @")(?:e?s)?\b", RegexOptions.CultureInvariant);
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

    /// <summary>
    /// Lower case, straight quotes, apostrophes removed, accents dropped ("respiración" reads "respiracion", "dueña" reads
    /// "duena"): the form patterns are matched against. Apart from the apostrophes, every character keeps its place.
    /// </summary>
    public static string Normalize(string text) =>
        FoldAccents(text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace("'", "", StringComparison.Ordinal).ToLowerInvariant());

    private static string FoldAccents(string text)
    {
        if (text.All(char.IsAscii))
        {
            return text;
        }
        return string.Create(text.Length, text, static (dest, src) =>
        {
            for (var i = 0; i < src.Length; i++)
            {
                var c = src[i];
                // A letter with a mark (á, ñ, ü) is its base letter; one character for one, so positions hold.
                var decomposed = char.IsLetter(c) && !char.IsAscii(c) ? c.ToString().Normalize(NormalizationForm.FormD) : "";
                dest[i] = decomposed.Length > 1 && char.IsAscii(decomposed[0])
                    && decomposed.Skip(1).All(m => CharUnicodeInfo.GetUnicodeCategory(m) == UnicodeCategory.NonSpacingMark) ? decomposed[0] : c;
            }
        });
    }

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

    [GeneratedRegex(@"\b(?:\d[ .-]?){12,18}\d\b")]
    private static partial Regex CardPattern();

    [GeneratedRegex(@"[$€£]\s?(\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)|\b(\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)\s?(?:dollars?|bucks|usd|euros?|pounds|gbp|eur)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyPattern();

    [GeneratedRegex(@"\b((?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|and)[\s-]+)*(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand))\s+(?:dollars?|bucks|euros?|pounds)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    // Without backtracking: the repeated number words before the currency were retried from every word of a long run of
    // them ("a a a …", 2,000 characters: 0.65 s a message).
    private static partial Regex WordedMoneyPattern();

    [GeneratedRegex(@"\b(\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b|per\s?cent\b)|\b((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:a|one)\s+hundred)\s+(?:percent|per\s?cent)\b|\bhalf[\s-](?:off|price)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PercentPattern();

    // "100 percent sure" is not a price.
    [GeneratedRegex(@"\G\s+(?:sure|certain|confident|positive|guaranteed|of\s+the\s+time)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotAPrice();

    [GeneratedRegex(@"\s*\([^)]*\)")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"[.!?](?:\s|$)|\n")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex WordPattern();

    // Whether the condition allows it, whatever day is said: "8 weeks along, can i get a massage still", "is that ok?", "still
    // safe?". "Can I have it done" is CanIHaveIt below (round 29: the Spanish was here and the English nowhere, so "im 6 months
    // pregnant can i get a massage" was a booking without its question mark and a clinician's with it).
    [GeneratedRegex(@"\bcan\s+i\s+(?:get|have|do|book)\b[^.?!]{0,40}\bstill\b|\bcan\s+i\s+still\b|\b(?:is|would)\s+(?:it|that|this)\s+(?:still\s+)?(?:be\s+)?(?:ok|okay|safe|fine|alright)\b|\bstill\s+(?:ok|okay|safe|fine|allowed)\b")]
    private static partial Regex AsksIfAllowed();

    // "Can I have it done" after a condition, in either language: "can i get a massage", "could i do a peel", "¿me puedo poner
    // relleno?", "¿puedo hacerme el peeling?", "¿se puede aplicar…?"; not an appointment asked for ("puedo hacer una cita").
    [GeneratedRegex(@"\b(?:me\s+)?(?:puedo|podria)\s+(?:poner(?:me)?|hacer(?:me)?|aplicar(?:me)?|inyectar(?:me)?)\b(?!\s+(?:una\s+|la\s+|mi\s+)?(?:cita|reserva\w*))|\bse\s+(?:puede|podria)\s+(?:poner|hacer|aplicar|inyectar)\b"
        + @"|\b(?:can|could|may)\s+i\s+(?:get|have|do)\b(?!\s+(?:an?\s+|my\s+)?(?:appointment|appt|booking|reservation|consult\w*)\b)")]
    private static partial Regex CanIHaveIt();

    // A day or a time said: a request on it ("tomorrow", "friday", "at 3", "el viernes", "mañana", "next week").
    [GeneratedRegex(@"\b(?:today|tonight|tomorrow|tmrw|tmr|mon|tues?|wed|weds|thu|thurs?|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|weekend|next\s+week|this\s+week|morning|afternoon|evening|noon|hoy|manana|lunes|martes|miercoles|jueves|viernes|sabado|domingo|semana|tarde|\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.?\s?m\.?|p\.?\s?m\.?)|at\s+\d{1,2}|a\s+las\s+\d{1,2})\b")]
    private static partial Regex DayOrTimeSaid();

    // A clause ends at punctuation or a joining word; Spanish "y" before the speaker's own wish ("… y le quiero regalar …").
    [GeneratedRegex(@"[.!?;,]|\b(?:but|so|and\s+i|because|cause|cuz|pero|porque|asi\s+que|y\s+yo)\b|\by(?=\s+(?:(?:le|les|la|lo|me)\s+)?(?:quiero|quisiera|queria|necesito|busco|voy)\b)")]
    private static partial Regex ClauseBreak();

    // The men of the family too, and the possessive as normalized ("my husband's on blood thinners so hes sitting this one
    // out, just me for a deep tissue": "husbands").
    [GeneratedRegex(@"\b(?:she|shes|he|hes|her|him|his|they|theyre|them|their|friend|friends|sister|sisters|wife|girlfriend|mom|mum|mother|daughter|cousin|coworker|colleague|roommate|someone|somebody|husband|husbands|hubby|hubbys|boyfriend|boyfriends|bf|gf|partner|partners|fiance|fiancee|dad|dads|father|fathers|brother|brothers|son|sons|aunt|uncle|niece|nephew|grandma|grandmother|grandpa|grandfather|kid|kids|child|boss|neighbou?r|ella|ellas|amiga|amigas|amigo|hermana|hermano|esposa|esposo|marido|novia|novio|mama|papa|hija|hijo|prima|primo|cunada|cunado|suegra|suegro|tia|tio|abuela|abuelo|companera|companero|vecina|vecino|alguien)\b")]
    private static partial Regex ThirdPerson();

    [GeneratedRegex(@"\b(?:i|im|ive|id|ill|me|myself|yo|estoy|tengo|llevo|soy|mi|quiero|quisiera|queria|necesito|busco|voy)\b")]
    private static partial Regex FirstPerson();

    // Round 24, for a general health question: the speaker or someone they speak of, in English or Spanish (their own body,
    // a family member's, a friend's; "they" and "kids" in general are not someone in particular). Spanish verbs in the first
    // person that say it of oneself ("tengo", "tomo", "me duele").
    [GeneratedRegex(@"\b(?:i|im|ive|id|ill|me|my|mine|myself|we|our|ours|us|she|shes|he|hes|her|hers|him|his|friend|sister|wife|girlfriend|mom|mum|mother|daughter|cousin|husband|hubby|boyfriend|bf|gf|partner|fiance|fiancee|dad|father|brother|aunt|uncle|niece|nephew|grandma|grandmother|grandpa|grandfather|baby|yo|me|mi|mis|conmigo|nosotros|nosotras|nuestro|nuestra|nuestros|nuestras|tengo|estoy|tomo|soy|siento|puedo|quiero|necesito|tuve|hice|fui|ella|esposa|esposo|marido|novia|novio|mama|papa|hija|hijo|hermana|hermano|amiga|amigo|bebe)\b"
        // An allergy said with its subject left out ("allergic to latex is that a problem", round 31: told to ask a doctor,
        // where "i have a latex allergy" goes to a clinician) is the speaker's own.
        + @"|^\W*(?:(?:very|really|super|so|severely|deathly|kinda|a\s+bit)\s+)?(?:allergic|alergic[oa])\b")]
    private static partial Regex Personal();

    // Round 24, for a general health question: anything of the spa's (a visit, its people, "you guys", "your") or of what it
    // treats (the skin and the face, their marks and reactions, an injection, a pregnancy), in English or Spanish. With one
    // of these, a health question may be about a treatment here and goes to the clinical team.
    [GeneratedRegex(@"\b(?:you\s+guys|u\s+guys|yall|your|yours|ur|spa|clinic|salon|appointments?|appts?|visit|booking|session|provider|injector|esthetician|therapist|nurse|skin|face|faces|lips?|eyes?|eyelids?|brows?|eyebrows?|forehead|cheeks?|chin|jaw\w*|neck|bruis\w*|swell\w*|swollen|redness|red|rash\w*|burn\w*|sunburn\w*|blister\w*|scar\w*|acne|pimples?|breakouts?|wrinkles?|hair|lumps?|bumps?|numb\w*|itch\w*|hives|peel\w*|tan|tanning|moles?|eczema|rosacea|psoriasis|dermatitis|pigment\w*|spots?|veins?|cellulite|sunscreens?|sun\s*screens?|sunblock|spf|protector\s+solar|bloqueador|pregnan\w*|breastfeed\w*|nursing|scabs?|infect\w*|pus|oozing|inject\w*|needles?|su|sus|ustedes|cita|citas|clinica|piel|cara|labios?|ojos?|cejas?|frente|mejillas?|moreton\w*|hinchaz\w*|hinchad\w*|roj\w*|sarpullido|quemad\w*|ampollas?|cicatri\w*|granos?|arrugas?|pelo|vello|bultos?|entumid\w*|comezon|picazon|manchas?|embaraz\w*|lactan\w*|infecc\w*)\b")]
    private static partial Regex OfTheSpaOrTheSkin();

    // A booking of a treatment for whoever the clause names ("book her a massage", "una cita para ella").
    [GeneratedRegex(@"\b(?:book\w*|appointments?|appts?|schedul\w*|reserv\w*|cita|citas|agend\w*|apart\w*|turno)\b")]
    private static partial Regex BookingWord();

    [GeneratedRegex(@"\bmi\s+(?=[a-z])")]
    private static partial Regex Possessive();

    // Phrases that give treatment or medication advice. The agent must never produce these; a spa's
    // clinician does. Deliberately broad: a false positive costs a safe "let me get a clinician" reply.
    [GeneratedRegex(@"\b(you should (take|apply|use|stop|avoid|ice|stay off)|(it'?s|it is) (safe|fine|okay|ok) (to|for you)|\d+\s?mg\b|dosage|ibuprofen|acetaminophen|tylenol|advil|aspirin|benadryl|antihistamine|hydrocortisone|(apply|put) (ice|a cold compress|cream)|that'?s (normal|nothing to worry))", RegexOptions.IgnoreCase)]
    private static partial Regex MedicalAdvicePattern();
}
