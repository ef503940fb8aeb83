using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Semantic;

namespace FrontDesk.Tools.Faq;

/// <summary>
/// What the spa has for a concern of the skin or body: "what do you have for sun spots", "anything for dark spots?", "what
/// helps with wrinkles", "what treatment is good for crows feet" (Spanish glossed: "something for the wrinkles", "what do
/// you recommend for the scars"). Answered from the menu: the services whose own name, aliases and description speak of
/// the concern (with its everyday words: "crows feet" is "soften wrinkles and expression lines"), and nothing else: the
/// menu's words, never a judgement of what suits the person, which is the provider's (round 27). No spa's own words here.
/// </summary>
public static partial class ConcernQuestion
{
    /// <summary>The concern asked about ("sun spots"), or null when <paramref name="question"/> is not asked that way.</summary>
    public static string? Concern(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var m = Asked().Match(question.ToLowerInvariant());
        // "anything for tomorrow", "what do you have for saturday morning", "something for 2 people": openings asked for.
        // "what services do you have for the face" names no concern: the kind of service asked about.
        // "what's good for a first timer", "what would you recommend for a first visit": the person's own first time, not a
        // concern the menu can speak of; a recommendation, for the team (round 28: the consultation was named).
        return m.Success && !WhenOrHowMany().IsMatch(m.Groups["c"].Value) && !FirstVisit().IsMatch(m.Groups["c"].Value)
            && Terms(m.Groups["c"].Value).Count > 0 ? m.Groups["c"].Value.Trim() : null;
    }

    /// <summary>
    /// The services of <paramref name="profile"/> whose own words speak most of <paramref name="concern"/>: those with the
    /// most of its key words (its everyday words added), at least one; empty when none speaks of it or when more than three
    /// share the best score (too loose to name).
    /// </summary>
    public static IReadOnlyList<Service> ServicesFor(SpaProfile profile, string concern)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(concern);
        var terms = Terms(concern);
        if (terms.Count == 0)
        {
            return [];
        }
        var scored = ServiceWords.GetValue(profile, static p => [.. p.Services.Select(s => (s, FaqIndex.KeyTerms(string.Join(' ', [s.Name, .. s.Aliases, s.Description ?? ""]))))])
            .Select(x => (Service: x.Service, Score: Score(terms, x.Words)))
            .Where(x => x.Score > 0)
            .ToList();
        if (scored.Count == 0)
        {
            return [];
        }
        var best = scored.Max(x => x.Score);
        var named = scored.Where(x => x.Score == best).Select(x => x.Service).ToList();
        return named.Count > 3 ? [] : named;
    }

    // Each service's key words (name, aliases, description), read once per profile (issue 16, round 35: every call read every
    // service's text into key words again). KeyTerms is pure, so the words are the same.
    private static readonly ConditionalWeakTable<SpaProfile, List<(Service Service, IReadOnlyList<string> Words)>> ServiceWords = new();

    /// <summary>Whether an FAQ entry's words speak of <paramref name="concern"/> ("what do you have for kids": the children entry).</summary>
    public static bool Speaks(string concern, string entryWords)
    {
        ArgumentNullException.ThrowIfNull(concern);
        ArgumentNullException.ThrowIfNull(entryWords);
        var terms = Terms(concern);
        return terms.Count > 0 && Score(terms, FaqIndex.KeyTerms(entryWords)) > 0;
    }

    // The concern's key words and its everyday words' ("crows feet" → soften, wrinkle, expression, line), without words
    // every service's text has ("skin", "face").
    private static List<string> Terms(string concern) =>
        [.. FaqIndex.KeyTerms(concern + " " + string.Join(' ', EverydayWords.SpaWordsIn(concern))).Where(t => !Everywhere.Contains(t))];

    private static int Score(List<string> terms, IReadOnlyList<string> words) => terms.Count(t => words.Any(w => FaqIndex.Similar(w, t)));

    // Words that say where or what kind, not which concern: "dry skin" is about dryness, "my face" about nothing yet.
    private static readonly HashSet<string> Everywhere = new(StringComparer.Ordinal)
    {
        "skin", "face", "facial", "body", "problem", "issue", "treatment", "thing", "stuff", "area", "help", "bad", "really",
        "treat", "fix", "get", "rid", "look", "make", "better", "little", "bit",
    };

    // "what do you have for", "do you (guys) have anything for", "anything/something for", "what helps with", "what's good
    // for", "what treatment(s) would you recommend for", "which facial is best for", "can you recommend something for"; then
    // the concern, two to forty letters, to the end of the message. Round 28: also "something to help me relax", "do you have
    // anything that helps with stress", "i need something to help me unwind after a crazy week" (the occasion after the
    // concern is left out of it).
    [GeneratedRegex(@"^(?:\W*(?:hi|hey|hello|so|um+|uh+|ok|okay|quick\s+question|just\s+wondering)\W+)*(?:(?:(?:do|does)\s+(?:you|u|y'?all)\s+(?:guys\s+)?(?:have|offer|do)\s+(?:anything|something|any\s+(?:treatments?|services?|facials?))|(?:is\s+there\s+)?(?:anything|something)|what\s+(?:do|would|can|could)\s+(?:you|u)\s+(?:guys\s+)?(?:have|offer|do|recommend|suggest)|what\s+(?:treatments?|services?|facials?|options?)\s+(?:do\s+(?:you|u)\s+(?:guys\s+)?(?:have|offer|recommend|suggest)|(?:is|are|would\s+be|could\s+be)\s+(?:good|best|right)|work|works)|which\s+(?:treatments?|services?|facials?)\s+(?:(?:is|are|would\s+be)\s+)?(?:good|best|right)|what(?:'?s|\s+is)?\s+(?:good|best)|what\s+(?:helps?|works?)|(?:can|could)\s+(?:you|u)\s+(?:recommend|suggest)\s+(?:anything|something))\s+(?:for|with|on)|(?:(?:do|does)\s+(?:you|u|y'?all)\s+(?:guys\s+)?(?:have|offer)\s+|(?:i|we)\s+(?:need|want|could\s+use|would\s+like|'d\s+like)\s+|is\s+there\s+)?(?:anything|something)\s+(?:to|that(?:'ll|\s+(?:will|would|can|could|might))?|which\s+(?:will|would|can|could))\s+helps?(?:\s+(?:me|us))?(?:\s+to)?(?:\s+with)?)\s+(?:my\s+|the\s+|some\s+|those\s+|these\s+|a\s+|an\s+)?(?<c>[a-z' -]{2,40}?)(?:\s+(?:after|from)\s+(?:a|my|this|the)\s+(?:[a-z]+\s+)?(?:week|day|month|shift|workout|flight|trip))?[\s?.!]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Asked();

    // A day, a time of day, a number or a party: what openings are asked for, not a concern.
    [GeneratedRegex(@"\d|\b(?:today|tonight|tomorrow|tmrw|tmr|morning|afternoon|evening|night|noon|weekend|week|month|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next|this|later|sooner|earlier|now|asap|am|pm|people|persons?|two|three|four|us|me|him|her|them|gift|birthday|anniversary|wedding)\b", RegexOptions.CultureInvariant)]
    private static partial Regex WhenOrHowMany();

    [GeneratedRegex(@"\bfirst[\s-]?(?:time|timer|timers|visit|visits|appointment|appt)\b|\b(?:beginners?|newbies?|newcomers?)\b|\bnew\s+(?:client|customer|patient)s?\b", RegexOptions.CultureInvariant)]
    private static partial Regex FirstVisit();
}
