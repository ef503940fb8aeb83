using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Text;
using Microsoft.SemanticKernel;

namespace FrontDesk.Tools.Faq;

/// <summary>The FAQ tool: answers from the spa's FAQ and profile facts only, and hands the rest to the team.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "Parameter names are the tool's argument names on the wire, snake_case as the model and the embedded engine send them.")]
public sealed partial class FaqPlugin(SpaProfile profile, FaqIndex faq, TextTemplates wording)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // Asked of the business ("do you…", "can I…", "is there…", "… to my appointment"), as opposed to general knowledge ("how do I…").
    private static readonly Regex SpaAddressed = new(
        @"\b(you|your|yours|u|ur|y'all|here|there)\b|\b(can|may|could|should|must)\s+i\b|\bdo\s+i\s+need\b|\b(my|the|our)\s+(appointment|appt|booking|visit)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private HashSet<string>? _ownWords;

    /// <summary>Whether the question names one of the spa's services (name, alias, category), staff, places or the spa itself.</summary>
    private bool NamesTheSpasOwn(string question)
    {
        // A service's word only inside a longer name is the spa's alone when it is not an everyday word of the body or of
        // the name's make-up: "hair" of "Laser Hair Removal" does not make "how long does boxed hair dye last" the spa's
        // (round 21); "laser", "lips", "botox" and the whole name "hair removal" still do.
        _ownWords ??= [.. profile.Services.SelectMany(s => s.Aliases.Append(s.Name).Append(s.Category))
            .SelectMany(p => Words(p) is var words && words.Count() > 1 ? words.Where(w => !EverydayPartOfAName.Contains(w)) : words)
            .Concat(profile.Staff.Select(p => p.Name).Concat(profile.Locations.Select(l => l.Name)).Append(profile.Spa.Name).SelectMany(Words))
            .Where(w => w.Length >= 3 && w is not ("the" or "and" or "min" or "with" or "for"))];
        // Not the spa's word in another sense: the "laser" of "is a laser printer better than inkjet".
        var lowered = OtherSenses.Without(question.ToLowerInvariant());
        return TreatmentsNamed(lowered).Count > 0 || Words(lowered).Any(w => _ownWords.Contains(w) || (w.EndsWith('s') && _ownWords.Contains(w[..^1])));
    }

    // Words a service's longer name shares with everyday talk of the body ("hair", "skin", "deep", "long"). Not "minute": a
    // message in minutes is about a visit's time ("llego como 10 min tarde", scenario r14-es-sms-llego-tarde).
    private static readonly HashSet<string> EverydayPartOfAName = new(StringComparer.Ordinal)
    {
        "hair", "skin", "face", "body", "lip", "cheek", "eye", "eyes", "deep", "tissue", "removal", "free", "long", "classic", "basic", "photo", "sports", "relaxing", "relaxation", "signature", "chemical", "injections",
        "injection", "wrinkle", "dermal", "pregnancy", "maternity", "hydro", "hydra",
    };

    private bool IsOwnWord(string word) => NamesTheSpasOwn(word);

    /// <summary>
    /// Whether a question asks about another matter than which services of a kind there are (paying, what comes with it), so
    /// the kind's list does not answer it: "do you do payment plans for laser", "is the steam room included with a massage"
    /// (round 22). "what kinds of facials do you have", "tienen masajes para embarazadas?" are answered by the list.
    /// </summary>
    private static bool AsksMoreThanWhichKinds(string question) => AnotherMatter.IsMatch(question);

    // Matched without backtracking: linear in the question, so no wall-clock limit.
    private static readonly Regex AnotherMatter = new(
        @"\b(payment\s+plans?|plans?|financing|finance|financed|installments?|afterpay|klarna|affirm|carecredit|care\s+credit|insurance|hsa|fsa|deposits?|refunds?|included|include|includes|come\s+with|comes\s+with|steam(\s+room)?|sauna|jacuzzi|hot\s+tub|pool|plan\s+de\s+pagos|pagos|financiamiento|seguro|incluye|incluido|incluida)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private (string Phrase, string[] Ids)[]? _treatmentPhrases;

    /// <summary>
    /// The spa's treatments a text names by a whole name, alias or category ("massage" names every massage; "Botox" the one).
    /// </summary>
    private HashSet<string> TreatmentsNamed(string text)
    {
        // Each phrase as its words joined by one space ("Swedish Massage (60 min)" also without its bracket), worked out once.
        _treatmentPhrases ??= [.. profile.Services
            .SelectMany(s => s.Aliases.Append(s.Name).Append(Regex.Replace(s.Name, @"\s*\(.*?\)", "")).Append(s.Category).Select(p => (Phrase: string.Join(' ', Words(p)), Id: s.Id)))
            .Where(p => p.Phrase.Length >= 3)
            .GroupBy(p => p.Phrase, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(p => p.Id).Distinct(StringComparer.Ordinal).ToArray()))];
        var lowered = " " + string.Join(' ', Words(text)) + " ";
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (words, ids) in _treatmentPhrases)
        {
            if (lowered.Contains(" " + words + " ", StringComparison.Ordinal) || lowered.Contains(" " + words + "s ", StringComparison.Ordinal))
            {
                found.UnionWith(ids);
            }
        }
        return found;
    }

    /// <summary>
    /// Whether an FAQ entry is about other treatments than the ones the question names: "how long does a massage last" is not
    /// answered by "How long do Botox results last?". False when either names none.
    /// </summary>
    private bool AboutOtherTreatments(HashSet<string> asked, FaqMatch entry) =>
        asked.Count > 0 && TreatmentsNamed(entry.Question) is { Count: > 0 } about && !about.Overlaps(asked);

    private HashSet<string>? _roleWords;

    /// <summary>
    /// The question with the spa's provider roles ("the therapist", "my esthetician", "injectors": the staff's titles less
    /// their treatment and qualifier words) said as the FAQ says them, "provider": "how much should i tip the therapist"
    /// is the tipping entry's "leave cash for your provider".
    /// </summary>
    private string ProvidersAsOne(string question)
    {
        _roleWords ??= RoleWords();
        return _roleWords.Count == 0 ? question
            : RoleWord().Replace(question, m => m.Value.ToLowerInvariant() is var w && _roleWords.Contains(w) ? "provider"
                : w.EndsWith('s') && _roleWords.Contains(w[..^1]) ? "providers" : m.Value);
    }

    /// <summary>
    /// The services of the providers whose title has a role word of the question ("are your injectors nurses": the nurse
    /// injector's Botox and fillers, round 24), for a who-question that names no treatment.
    /// </summary>
    private HashSet<string> ServicesOfRolesNamed(string question)
    {
        _roleWords ??= RoleWords();
        var roles = Words(question).Select(w => _roleWords.Contains(w) ? w : w.EndsWith('s') && _roleWords.Contains(w[..^1]) ? w[..^1] : null)
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        return [.. profile.Staff.Where(m => roles.Overlaps(Words(m.Title ?? ""))).SelectMany(m => m.ServiceIds)];
    }

    private HashSet<string> RoleWords()
    {
        var treatments = profile.Services.SelectMany(s => s.Aliases.Append(s.Name).Append(s.Category)).SelectMany(Words).ToHashSet(StringComparer.Ordinal);
        return [.. profile.Staff.Select(p => p.Title ?? "").SelectMany(Words)
            .Where(w => w.Length >= 4 && w is not ("licensed" or "certified" or "senior" or "lead" or "medical") && !treatments.Contains(w))];
    }

    [GeneratedRegex(@"\b(?:experience|experienced|years|a[nñ]os)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Experienced();

    // How long the business has been open ("how long have you been open", "how long have y'all been around").
    [GeneratedRegex(@"\bhow\s+long\s+(?:have|has)\s+(?:you|u|y'?all|the\s+spa|this\s+(?:place|spa))\s+(?:guys\s+)?been\s+(?:open|around|in\s+business|operating)\b|\bsince\s+when\s+(?:have|are)\s+(?:you|u)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SinceWhenOpen();

    // Linear, so no wall-clock limit: a 250 ms limit threw on a starved machine (load average 30) and failed the whole
    // FAQ answer ("answer_faq:failed" in CI, round 19).
    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex RoleWord();

    private static IEnumerable<string> Words(string text) =>
        text.ToLowerInvariant().Split((char[])[' ', ',', '.', '?', '!', '(', ')', '&', '-', '/', ':', ';', '\'', '"'], StringSplitOptions.RemoveEmptyEntries);

    // Matched without backtracking: linear in the question, so no wall-clock limit to trip on a starved machine.
    private static bool AddressesTheSpa(string question) => SpaAddressed.IsMatch(GenericYou.Without(question));

    /// <summary>answer_faq.</summary>
    [KernelFunction(ToolNames.AnswerFaq)]
    [Description("Search the spa's FAQ and profile facts (hours, addresses, services, list prices). Quote only what it returns; 'no_match' means the question goes to the team: say someone will follow up; 'off_topic' means it is not about the spa: decline politely.")]
    public async Task<ToolResult> AnswerFaqAsync(
        Kernel kernel,
        [Description("The client's question in their words.")] string question,
        [Description("The location the client asked about or chose, if any. Omit for this conversation's location.")] string? location = null,
        [Description("The day the question is about (YYYY-MM-DD), e.g. 'hours on Saturday'. Omit when it names no day.")] string? date = null,
        [Description("Last day (inclusive, YYYY-MM-DD) when the question is about several days, e.g. 'this weekend'.")] string? end_date = null,
        CancellationToken cancellationToken = default)
    {
        var scope = kernel.ConversationScope();
        if (string.IsNullOrWhiteSpace(question))
        {
            return new ToolResult("bad_argument", "Pass the client's question.");
        }
        // "I have a gift card, can I use it for a massage?": asked as paying with a gift card, not about the massage.
        question = PaymentQuestion.Head(question) ?? question;
        // "can my 16 yr old get laser hair removal": asked as the age rule, not about the service's preparation.
        question = AgeQuestion.Head(question) ?? question;
        // "do i have to put down a deposit for lip filler?": the deposit question; "my mom uses a wheelchair, is the marina
        // location ok": the accessibility question (the person and the place are only whom and where it is for).
        question = PaymentQuestion.DepositHead(question) ?? AccessQuestion.Head(question) ?? question;
        // "should i bring my own robe": whether the spa provides one (round 30).
        question = VisitQuestion.AmenityHead(question) ?? question;
        if (ProviderQuestion.AsksWho(question) && !ProviderQuestion.AsksExperience(question)
            && (TreatmentsNamed(OtherSenses.Without(question.ToLowerInvariant())) is { Count: > 0 } named ? named : ServicesOfRolesNamed(question)) is { Count: > 0 } given
            && ProviderQuestion.Givers(profile, given, null) is { Count: > 0 } givers)
        {
            // "who does the fillers there", "is the person doing botox a real doctor": the providers the profile lists for
            // the treatment, with their titles (round 23), not the treatment's description. Worded again in the
            // conversation's language from the source (ReplyWording); this English is for a remote model.
            var said = string.Join("; ", givers.Select(g => $"{string.Join(" and ", g.Services)}: {FaqIndex.StaffWithTitles(g.Staff)}"));
            return new ToolResult("ok", "Answer from the best match, quoting it.", new
            {
                matches = new[] { new { Id = "profile-staff-for", Question = "Who gives this treatment?", Answer = $"Who does it: {said}.", Source = "profile:staff-for:" + string.Join(',', given.Order(StringComparer.Ordinal)), Confidence = 1.0 } },
                other_locations = Array.Empty<string>(),
                hours = (object?)null,
            });
        }
        // Not how early one should book ("how far in advance do i need to book for a saturday"): the team's advice, not the horizon.
        if (BookingAheadAsked().IsMatch(question.ToLowerInvariant()) && BookingWord().IsMatch(question.ToLowerInvariant())
            && !AdviceAsked().IsMatch(question.ToLowerInvariant()))
        {
            // "how far out do you book", "how far in advance can i book?" (round 35: passed to the team though the profile
            // says it): the profile's booking horizon. Asked by these words only, so no other question finds it by nearness.
            var horizon = profile.Policies.BookingHorizonDays.ToString(CultureInfo.InvariantCulture);
            return new ToolResult("ok", "Answer from the best match, quoting it.", new
            {
                matches = new[] { new { Id = "profile-horizon", Question = "How far ahead can I book?", Answer = $"We take bookings up to {horizon} days ahead.", Source = "profile:horizon:" + horizon, Confidence = 1.0 } },
                other_locations = Array.Empty<string>(),
                hours = (object?)null,
            });
        }
        // "what do you have for sun spots", "something for wrinkles?": the services whose own words speak of the concern, as
        // the menu says them; a concern none speaks of is the team's (round 27: "anything for acne" got the brands entry).
        var concern = date is null && end_date is null && ConcernQuestion.Concern(question) is { } c && TreatmentsNamed(c).Count == 0 && !NamesTheSpasOwn(c) ? c : null;
        if (concern is not null && ConcernQuestion.ServicesFor(profile, concern) is { Count: > 0 } forIt)
        {
            var menu = string.Join("; ", forIt.Select(x => x.Description is { } d ? $"{x.Name} ({d.TrimEnd('.')})" : x.Name));
            return new ToolResult("ok", "Answer from the best match, quoting it. Never say which one suits the client: a provider does.", new
            {
                matches = new[] { new { Id = "profile-for", Question = $"What do you have for {concern}?", Answer = $"For that, our menu has {menu}. A provider will confirm what suits you at your visit.", Source = "profile:for:" + string.Join(',', forIt.Select(x => x.Id)), Confidence = 1.0 } },
                other_locations = Array.Empty<string>(),
                hours = (object?)null,
            });
        }
        var here = (location is null ? null : CatalogLookup.Location(profile, location)) ?? (scope.LocationId is { } id ? profile.FindLocation(id) : null) ?? profile.DefaultLocation;
        // Searched and weighed without the spa's words used in another sense: "the best massage chair" is not about the massages.
        var lowered = question.ToLowerInvariant();
        var masked = OtherSenses.Without(lowered);
        var searched = ProvidersAsOne(masked == lowered ? question : masked);
        // "can i buy a voucher for my sister": whom it is for is not what is asked about (round 23).
        searched = FaqIndex.WithoutForWhom(searched);
        var matches = await faq.SearchAsync(Text.InputText.Cut(searched, 500), 3, cancellationToken, here.Id);
        var visit = VisitQuestion.Topics(question, IsOwnWord);
        var treatmentsAsked = TreatmentsNamed(question);
        if (treatmentsAsked.Count > 0)
        {
            matches = [.. matches.Where(m => !AboutOtherTreatments(treatmentsAsked, m))];
        }
        if (visit.Count > 0)
        {
            // "what if I'm running late", "where do I park": answered only by an entry about that part of the visit (the
            // walk-in entry's "a spot" is not parking), and never off-topic: a miss goes to the team.
            matches = [.. matches.Where(m => VisitQuestion.Covers(visit, m.Question + " " + m.Answer))];
        }
        var confident = matches.Where(m => m.Confidence >= FaqIndex.ConfidentAt && !(m.Source.StartsWith("profile:category:", StringComparison.Ordinal) && AsksMoreThanWhichKinds(masked))).ToList();
        bool SpeaksOfTheConcern(FaqMatch m) =>
            ConcernQuestion.Speaks(concern!, m.Question + " " + string.Join(' ', profile.Faq.FirstOrDefault(f => f.Id == m.Id)?.Tags ?? []));
        if (concern is not null)
        {
            // "what do you have for kids": the children entry speaks of kids; "anything for acne" is not the brands entry (the
            // team's, below, unless asked of nothing of the spa's: "what's good for a hangover").
            confident = [.. confident.Where(SpeaksOfTheConcern)];
        }
        if (ProviderQuestion.AsksExperience(question))
        {
            // "how long has your injector been doing this": only an entry that speaks of experience answers it; the
            // consultation's "how long" or the staff list do not, so the team does (round 23).
            confident = [.. confident.Where(m => Experienced().IsMatch(m.Question + " " + m.Answer))];
        }
        // "how long have you been open", "how long have you guys been in business" (round 28): since when the business exists,
        // which no opening hours answer (the week's hours were quoted), and asked of it however far in meaning from its
        // entries (it was declined): an entry that says so, or the team.
        var sinceWhenOpen = SinceWhenOpen().IsMatch(question.ToLowerInvariant());
        if (sinceWhenOpen)
        {
            confident = [.. confident.Where(m => !m.Source.StartsWith("profile:hours:", StringComparison.Ordinal))];
        }
        if (confident.Count == 0 && visit.Count == 1 && !visit.Contains("late") && !visit.Contains("here") && faq.NearestClearly(searched) is { } nearest
            && VisitQuestion.Covers(visit, nearest.Question + " " + nearest.Answer))
        {
            // "should i come a bit before my time": the part of the visit is known, and the entry nearest by meaning, clear
            // of every other, is about it (round 23). One part only, and a question: "running 15 behind, parking is a
            // nightmare" is news for the team, not the parking entry.
            confident = [nearest];
        }
        if (confident.Count == 0 && VisitQuestion.NamesItsSubject(visit)
            && profile.Faq.Where(f => VisitQuestion.Covers(visit, f.Question + " " + f.Answer)).Take(2).ToList() is [var sole])
        {
            // "do i need to fill out forms beforehand": the one entry that speaks of the thing asked about answers it, in
            // whatever words (the arrival entry's "intake form"); two such entries, or none, are the team's to choose.
            confident = [new FaqMatch(sole.Id, sole.Question, sole.Answer, "faq", FaqIndex.ConfidentAt)];
        }
        if (VisitQuestion.IsElsewhere(question) || (visit.Count == 0 && !sinceWhenOpen && ((matches.Count == 0 && !AddressesTheSpa(question))
            || (!matches.Any(m => m.Confidence >= FaqIndex.ConfidentAt || m.NearMiss) && faq.FarFromEverything(searched)))))
        {
            // A visit somewhere else ("what should I wear to a job interview", close in meaning to the massage entry).
            // Not one key word in common with anything the spa knows, and not asked of the spa ("how do I make
            // pancakes"), or far in meaning from everything the spa knows ("what's the weather there tomorrow"): an
            // off-topic question, not one for the team to follow up.
            return new ToolResult("off_topic", "Nothing in the spa's information is about this and it is not a question about the spa: say politely that you can only help with the spa's appointments and services. Nothing is passed to the team.");
        }
        if (visit.Count == 0 && confident.Count == 0 && !matches.Any(m => m.NearMiss) && !AddressesTheSpa(question) && !NamesTheSpasOwn(question)
            && faq.FartherThan(searched, SemanticFaq.NotAskedOfTheSpaBelow))
        {
            // No answer, not asked of the spa, naming nothing of the spa's, and not close to anything it knows ("what
            // are the dmv hours"): general knowledge, declined politely rather than passed to the team.
            return new ToolResult("off_topic", "Nothing in the spa's information is about this and it is not a question about the spa: say politely that you can only help with the spa's appointments and services. Nothing is passed to the team.");
        }
        if (confident.Count == 0 && matches.Count > 0 && matches[0] is { NearMiss: true } nearMiss && (concern is null || SpeaksOfTheConcern(nearMiss)))
        {
            // Close in meaning, not close enough to quote: ask rather than guess or hand it to the team.
            scope.SuggestedFaq = new FaqSuggestion(nearMiss.Question, nearMiss.Answer);
            return new ToolResult("did_you_mean", $"Not sure which question this is. Ask the client: did you mean \"{nearMiss.Question}\"? Answer only after they say yes.",
                new { question = nearMiss.Question, answer = nearMiss.Answer });
        }
        if (confident.Count == 0)
        {
            // The parts of the visit asked about go with it: "running 10 min late for my facial" is news for the team,
            // acknowledged as such, not a question someone will answer.
            return new ToolResult("no_match", "No confident match in the spa's information. Don't guess: the question has been passed to the team, so tell the client someone will follow up.",
                new { matches = matches.Select(m => new { m.Question, m.Source, m.Confidence }), escalate = "human_request", visit = visit.Order(StringComparer.Ordinal).ToArray() });
        }
        var best = confident[0];
        var others = FaqIndex.LocationOf(best.Source) is { } about ? profile.Locations.Where(l => l.Id != about).ToList() : [];
        object? hours = null;
        if (best.Source.StartsWith("profile:hours:", StringComparison.Ordinal) && Days(date, end_date) is { Count: > 0 } days)
        {
            // "Hours on Saturday": that day at the asked-about location, then the same day at the others (short enough to say).
            var said = profile.Locations.Where(l => l.Id == FaqIndex.LocationOf(best.Source)).Concat(others).ToList();
            var answer = string.Join(' ', said.Select(l => FaqIndex.HoursOn(l, days, wording)));
            confident[0] = best = best with { Answer = answer };
            // The same hours as values, for a reply worded in the conversation's language (the answer above is English).
            hours = said.Select(l => new
            {
                location = l.Name,
                location_id = l.Id,
                days = days.Select(d => l.Hours.On(d.DayOfWeek) is var spans && l.Closures.Contains(d)
                    ? new { date = d.ToString("yyyy-MM-dd", Inv), status = "closed_date", spans = Array.Empty<object>() }
                    : new
                    {
                        date = d.ToString("yyyy-MM-dd", Inv),
                        status = spans.Count > 0 ? "open" : "closed_weekday",
                        spans = spans.Select(x => (object)new { start = x.Start.ToString("HH:mm", Inv), end = x.End.ToString("HH:mm", Inv) }).ToArray(),
                    }),
            }).ToList();
            others = [];
        }
        return new ToolResult("ok", others.Count == 0 ? "Answer from the best match, quoting it." : "Answer from the best match, quoting it, and mention the other locations by name.",
            new { matches = confident.Select(m => new { m.Id, m.Question, m.Answer, m.Source, m.Confidence }), other_locations = others.Select(l => l.Name), hours });
    }

    /// <summary>The days of a question (at most a week), or empty when none was given or it doesn't parse.</summary>
    private static List<DateOnly> Days(string? date, string? endDate)
    {
        if (date is null || !DateOnly.TryParseExact(date, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var from))
        {
            return [];
        }
        var to = endDate is not null && DateOnly.TryParseExact(endDate, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var t) && t >= from ? t : from;
        return [.. Enumerable.Range(0, Math.Min(7, to.DayNumber - from.DayNumber + 1)).Select(from.AddDays)];
    }

    // How far ahead one can book (round 35): "how far out do you book", "how far in advance can i book", "how many weeks
    // ahead can i schedule". Not how early to arrive.
    [GeneratedRegex(@"\bhow\s+far\s+(?:out|ahead|in\s+advance|into\s+the\s+future)\b|\bhow\s+many\s+(?:days|weeks|months)\s+(?:out|ahead|in\s+advance)\b|\b(?:in\s+advance|ahead)\s+(?:can|do|should|could)\s+(?:i|you|we)\s+(?:book|schedule)\b|\b(?:furthest|farthest)\s+(?:out\s+)?(?:i|you|we)\s+can\s+book\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex BookingAheadAsked();

    [GeneratedRegex(@"\b(?:book|books|booking|bookings|schedule|scheduling|reserve|reservations?|appointments?|appts?|calendar)\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex BookingWord();

    [GeneratedRegex(@"\b(?:should|need|needs|have\s+to|has\s+to|must|recommend|recommended|best\s+to)\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AdviceAsked();
}
