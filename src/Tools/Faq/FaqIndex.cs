using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Store;
using FrontDesk.Tools.Text;
using Microsoft.Data.Sqlite;

namespace FrontDesk.Tools.Faq;

/// <summary>A ranked answer with its source.</summary>
/// <param name="Id">Entry id.</param>
/// <param name="Question">The question it answers.</param>
/// <param name="Answer">The answer to quote.</param>
/// <param name="Source"><c>faq</c>, or <c>profile:…</c> for facts drawn from the profile.</param>
/// <param name="Confidence">Share of the question's key words this entry covers (0–1), or its similarity by meaning.</param>
/// <param name="NearMiss">Close in meaning but not close enough to answer: ask "Did you mean …?".</param>
public sealed record FaqMatch(string Id, string Question, string Answer, string Source, double Confidence, bool NearMiss = false);

/// <summary>
/// Full-text search over the spa's FAQ and facts from its profile (hours, addresses, services, list prices):
/// SQLite FTS5 ranked by bm25, PostgreSQL tsvector ranked by ts_rank. The database finds candidates; a
/// keyword-coverage score decides whether any is a confident answer, so nothing is ever invented.
/// </summary>
public sealed partial class FaqIndex(SpaDatabase db, SemanticFaq? semantic = null)
{
    /// <summary>
    /// Below this coverage no match is confident. More than half of the key words must be covered: at exactly half,
    /// "do you do tattoo removal?" matched Laser Hair Removal on "removal" alone and was answered as if covered.
    /// </summary>
    public const double ConfidentAt = 0.6;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "is", "are", "was", "were", "be", "been", "do", "does", "did", "you", "your", "yours", "i", "me", "my", "we", "us", "our",
        "can", "could", "would", "should", "will", "shall", "may", "might", "must", "to", "of", "in", "on", "at", "for", "with", "by", "from", "about",
        "what", "whats", "which", "who", "whom", "how", "when", "where", "why", "there", "here", "it", "its", "this", "that", "these", "those", "and",
        "or", "but", "if", "so", "any", "some", "have", "has", "had", "get", "got", "tell", "know", "please", "thanks", "thank", "hi", "hello",
        "hey", "want", "wanted", "wondering", "like", "just", "im", "id", "ive", "much", "many", "also", "too", "not", "no", "yes", "ok", "okay", "need",
        "they", "them", "their", "he", "she", "his", "her", "again", "more", "up", "out", "as", "than", "then", "into", "over", "one",
        // Chat's way of saying "you" and vague fillers ("do u guys expect tips?", "packages or like a monthly thing"): no topic.
        "guys", "yall", "ya", "ur", "thing", "things", "stuff",
        // Emphasis and chat asides ("where r u guys located exactly", round 24): no topic either.
        "exactly", "precisely", "actually", "really", "lol", "haha", "btw",
        // Asking for information about a topic names no topic ("membership info pls", "info about parking", round 26).
        "info", "infos", "information", "details", "pls", "plz", "being",
        // Whose the thing is names no topic ("should i bring my own robe", round 29: the robe is the changing rooms').
        "own",
    };

    /// <summary>
    /// A question's blank ("if i refer a friend do you give me something?", round 25): not a topic when two other key words
    /// say what is asked, but kept when it is the only other word ("do i need to sign anything" is not the Signature Facial).
    /// </summary>
    private static readonly HashSet<string> Blanks = new(StringComparer.Ordinal) { "something", "anything" };

    /// <summary>Replaces the index with the profile's FAQ and facts.</summary>
    public async Task SyncAsync(DbConnection c, DbTransaction tx, SpaProfile profile, CancellationToken ct)
    {
        var entries = profile.Faq.Select(f => (f.Id, f.Question, f.Answer, Tags: string.Join(' ', f.Tags), Source: "faq")).Concat(ProfileFacts(profile)).ToList();
        await c.ExecuteAsync(new CommandDefinition("DELETE FROM faq", transaction: tx, cancellationToken: ct));
        if (!db.IsPostgres)
        {
            await c.ExecuteAsync(new CommandDefinition("DELETE FROM faq_fts", transaction: tx, cancellationToken: ct));
        }
        foreach (var e in entries)
        {
            var row = new { e.Id, e.Question, e.Answer, e.Tags, e.Source };
            await c.ExecuteAsync(new CommandDefinition(
                "INSERT INTO faq (id, question, answer, tags, source) VALUES (@Id, @Question, @Answer, @Tags, @Source)", row, tx, cancellationToken: ct));
            if (!db.IsPostgres)
            {
                await c.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO faq_fts (id, question, tags, answer) VALUES (@Id, @Question, @Tags, @Answer)", row, tx, cancellationToken: ct));
            }
        }
    }

    private const string SearchSqlite = """
        SELECT f.id, f.question, f.answer, f.tags, f.source
        FROM faq_fts JOIN faq f ON f.id = faq_fts.id
        WHERE faq_fts MATCH @query
        ORDER BY bm25(faq_fts, 0.0, 10.0, 8.0, 2.0)
        LIMIT 12
        """;

    private const string SearchPostgres = """
        SELECT id, question, answer, tags, source
        FROM faq
        WHERE search @@ to_tsquery('english', @query)
        ORDER BY ts_rank(search, to_tsquery('english', @query)) DESC
        LIMIT 12
        """;

    /// <summary>
    /// Ranked matches for a question, best first; empty when nothing matches at all. Among equally good matches a
    /// fact about <paramref name="locationId"/> (the conversation's location) comes before the same fact about another.
    /// </summary>
    public async Task<IReadOnlyList<FaqMatch>> SearchAsync(string question, int limit, CancellationToken ct, string? locationId = null)
    {
        var (lexical, halfByTags) = await LexicalSearchAsync(question, limit, locationId, ct);
        if (semantic is null || lexical.Any(m => m.Confidence >= ConfidentAt))
        {
            return lexical;
        }
        // No confident word match: the closest entry by meaning answers when it is close enough, or is offered as a
        // near miss; further away it adds nothing (an off-topic question stays one).
        var found = semantic.Search(question, 6);
        var near = found.Count > 0 ? found[0] : null;
        var otherTopic = found.FirstOrDefault(m => near is not null && SemanticFaq.Topic(m.Entry) != SemanticFaq.Topic(near.Entry));
        // Half of the question in the entry's own tags and the entry nearest by meaning, clear of other topics: the two
        // signals agree ("do you have a place to change": "changing", and nearest to the changing rooms; round 23).
        var answers = near is not null && (SemanticFaq.Answers(near, otherTopic) || SemanticFaq.Agrees(near, otherTopic, halfByTags.Contains(near.Entry.Id)));
        if (near is null || (!answers && near.Similarity < SemanticFaq.SuggestAt))
        {
            return lexical;
        }
        if (answers && FaqIndex.LocationOf(near.Entry.Source) is not null && locationId is not null
            && found.FirstOrDefault(m => SemanticFaq.Topic(m.Entry) == SemanticFaq.Topic(near.Entry) && FaqIndex.LocationOf(m.Entry.Source) == locationId) is { } here)
        {
            // The same fact about the conversation's own location comes first.
            near = here;
        }
        var entry = answers
            ? near.Entry with { Confidence = Math.Max(ConfidentAt, near.Entry.Confidence) }
            : near.Entry with { Confidence = Math.Min(near.Entry.Confidence, ConfidentAt - 0.01), NearMiss = true };
        return [entry, .. lexical.Where(m => m.Id != entry.Id).Take(Math.Clamp(limit, 1, 10) - 1)];
    }

    /// <summary>
    /// True when, by meaning, the question is far from every FAQ entry and profile fact (<see cref="SemanticFaq.OffTopicBelow"/>):
    /// "what's the weather there tomorrow", "who won the game". False without semantic matching.
    /// </summary>
    public bool FarFromEverything(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return semantic is not null && semantic.Search(question, 1) is [var best] && best.Similarity < SemanticFaq.OffTopicBelow;
    }

    /// <summary>
    /// True when, by meaning, the question is below <paramref name="similarity"/> from every FAQ entry and profile fact.
    /// False without semantic matching.
    /// </summary>
    public bool FartherThan(string question, float similarity)
    {
        ArgumentNullException.ThrowIfNull(question);
        return semantic is not null && semantic.Search(question, 1) is [var best] && best.Similarity < similarity;
    }

    /// <summary>
    /// The entry nearest by meaning when it is close (<see cref="SemanticFaq.NearestAt"/>) and clear of every other topic,
    /// for a question whose subject is known otherwise (a part of the visit); null without semantic matching.
    /// </summary>
    public FaqMatch? NearestClearly(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (semantic?.Search(question, 6) is not [var best, ..] found)
        {
            return null;
        }
        var other = found.FirstOrDefault(m => SemanticFaq.Topic(m.Entry) != SemanticFaq.Topic(best.Entry));
        return SemanticFaq.Nearest(best, other) ? best.Entry with { Confidence = ConfidentAt } : null;
    }

    // The ranked matches, and the entries whose own tags cover half of the question's key words or more.
    private async Task<(IReadOnlyList<FaqMatch> Ranked, IReadOnlySet<string> HalfByTags)> LexicalSearchAsync(string question, int limit, string? locationId, CancellationToken ct)
    {
        var terms = KeyTerms(question);
        if (terms.Count == 0)
        {
            return ([], EmptyIds);
        }
        // Either form: any key word may match; coverage below decides confidence.
        var query = db.IsPostgres
            ? string.Join(" | ", terms.Select(t => t + ":*"))
            : string.Join(" OR ", terms.Select(t => $"\"{t}\"*"));
        await using var c = await db.OpenAsync(ct);
        IEnumerable<(string Id, string Question, string Answer, string Tags, string Source)> rows;
        if (c is SqliteConnection sqlite)
        {
            // Every FAQ question: prepared once on the connection (SqliteStatement), the rows read without Dapper's mapping.
            var found = new List<(string Id, string Question, string Answer, string Tags, string Source)>();
            using var s = SqliteStatement.Get(sqlite, SearchSqlite).Bind("@query", query);
            while (s.Step())
            {
                // The columns of SearchSqlite, in order; all NOT NULL.
                found.Add((s.Text(0)!, s.Text(1)!, s.Text(2)!, s.Text(3)!, s.Text(4)!));
            }
            rows = found;
        }
        else
        {
            rows = await c.QueryAsync<(string Id, string Question, string Answer, string Tags, string Source)>(
                new CommandDefinition(SearchPostgres, new { query }, cancellationToken: ct));
        }
        var list = rows as IReadOnlyCollection<(string Id, string Question, string Answer, string Tags, string Source)> ?? [.. rows];
        var ranked = list
            .Select((r, rank) => (Match: new FaqMatch(r.Id, r.Question, r.Answer, r.Source, Coverage(terms, RowWords.Of(r.Question, r.Tags, r.Answer))), Rank: rank))
            .OrderByDescending(x => x.Match.Confidence).ThenBy(x => LocationOf(x.Match.Source) is { } at && at != locationId ? 1 : 0).ThenBy(x => x.Rank)
            .Select(x => x.Match)
            .Take(Math.Clamp(limit, 1, 10))
            .ToList();
        return (ranked, list.Where(r => Coverage(terms, RowWords.Of(r.Question, r.Tags, r.Answer).TagsAlone, RowWords.None) >= 0.5).Select(r => r.Id).ToHashSet(StringComparer.Ordinal));
    }

    private static double Coverage(IReadOnlyList<string> terms, RowWords row) => Coverage(terms, row.Strong, row.Weak);

    /// <summary>
    /// A stored FAQ row's key words (issue 16, round 34): those of its question and tags, of its answer, and of its tags alone,
    /// kept by the row's text. Every search read them again from each row it ranked (Unicode normalisation, lower-casing,
    /// stems); <see cref="KeyTerms"/> is pure, so the same text always has the same key words. The FAQ's rows are few and
    /// seldom edited; an edited row is a new key, and the table is emptied if it ever holds more than <see cref="Kept"/>.
    /// </summary>
    private sealed record RowWords(IReadOnlyList<string> Strong, IReadOnlyList<string> Weak, IReadOnlyList<string> TagsAlone)
    {
        private const int Kept = 4_096;

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Question, string Tags, string Answer), RowWords> Read = new();

        /// <summary>No key words (an empty answer's).</summary>
        public static readonly IReadOnlyList<string> None = KeyTerms("");

        public static RowWords Of(string question, string tags, string answer)
        {
            if (Read.TryGetValue((question, tags, answer), out var words))
            {
                return words;
            }
            if (Read.Count >= Kept)
            {
                Read.Clear();
            }
            // The same strings as the text overload of Coverage reads: question and tags, the answer; tags alone as "" + " " + tags.
            words = new RowWords(KeyTerms(question + " " + tags), KeyTerms(answer), KeyTerms(" " + tags));
            Read.TryAdd((question, tags, answer), words);
            return words;
        }
    }

    private static readonly IReadOnlySet<string> EmptyIds = new HashSet<string>();

    /// <summary>The location a profile fact is about (<c>profile:hours:mission</c> → <c>mission</c>); null for anything else.</summary>
    public static string? LocationOf(string source) =>
        source.Split(':') is ["profile", "hours" or "address" or "phone", var id] ? id : null;

    /// <summary>A location's hours on the given days, closures included: "Mission District is open Saturday 10 AM to 5 PM."</summary>
    public static string HoursOn(Location location, IReadOnlyList<DateOnly> days, TextTemplates wording)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(wording);
        var en = CultureInfo.GetCultureInfo("en-US").DateTimeFormat;
        var parts = days.Select(d => location.Closures.Contains(d) ? wording.Render("faq_hours_closed_date", new Dictionary<string, string> { ["day"] = SpokenTime.Day(d) })
            : location.Hours.On(d.DayOfWeek) is { Count: > 0 } spans
                ? wording.Render("faq_hours_open", new Dictionary<string, string> { ["weekday"] = en.GetDayName(d.DayOfWeek), ["spans"] = Spans(spans, wording) })
                : wording.Render("faq_hours_closed_weekday", new Dictionary<string, string> { ["weekday"] = en.GetDayName(d.DayOfWeek) }));
        return wording.Render("faq_hours_on", new Dictionary<string, string> { ["location"] = location.Name, ["days"] = string.Join("; ", parts) });
    }

    private static string Spans(IReadOnlyList<TimeSpanOfDay> spans, TextTemplates wording)
    {
        var said = spans.Select(s => wording.Render("faq_hours_span", new Dictionary<string, string> { ["start"] = SpokenTime.Time(s.Start), ["end"] = SpokenTime.Time(s.End) })).ToList();
        return said.Count == 1 ? said[0]
            : wording.Render("faq_hours_two_spans", new Dictionary<string, string> { ["first"] = string.Join(", ", said[..^1]), ["second"] = said[^1] });
    }

    /// <summary>The words of a question that carry its meaning: lower case, no stop words, crude stems.</summary>
    public static IReadOnlyList<string> KeyTerms(string text)
    {
        var terms = new List<string>();
        var blanks = new List<string>();
        var sb = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormKC) + " ")
        {
            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
                continue;
            }
            if (ch == '\'' || ch == '\u2019')
            {
                continue;
            }
            if (sb.Length > 0)
            {
                var word = sb.ToString();
                sb.Clear();
                if (Blanks.Contains(word))
                {
                    blanks.Add(word);
                }
                else if (word.Length > 1 && !StopWords.Contains(word) && terms.Count < 16)
                {
                    var stem = SameThing.TryGetValue(word, out var same) ? same : Stem(word);
                    if (!terms.Contains(stem))
                    {
                        terms.Add(stem);
                    }
                }
            }
        }
        if (terms.Count < 2)
        {
            terms.AddRange(blanks.Select(b => SameThing.TryGetValue(b, out var same) ? same : Stem(b)).Distinct(StringComparer.Ordinal).Where(b => !terms.Contains(b)));
        }
        return terms;
    }

    // Buying from the spa is the spa selling: "can i buy a voucher" is "Do you sell gift cards?" (round 23); points, rewards
    // and perks are a loyalty programme's (round 26).
    private static readonly Dictionary<string, string> SameThing = new(StringComparer.Ordinal)
    {
        ["buy"] = "sell", ["buying"] = "sell", ["bought"] = "sell", ["purchase"] = "sell", ["purchasing"] = "sell", ["sold"] = "sell", ["sells"] = "sell", ["selling"] = "sell",
        // Points and rewards are what a loyalty programme gives ("points program?", "any rewards for regulars", round 26).
        ["points"] = "loyalty", ["reward"] = "loyalty", ["rewards"] = "loyalty", ["perks"] = "loyalty",
    };

    /// <summary>
    /// The question without whom it is for ("can i buy a voucher for my sister", "para mi mamá"): a person, not a thing
    /// asked about (round 23).
    /// </summary>
    public static string WithoutForWhom(string question) => ForWhom().Replace(question, " ");

    [GeneratedRegex(@"\b(?:for|para)\s+(?:my|mi)\s+(?:wife|husband|partner|sister|brother|mom|mum|mother|dad|father|son|daughter|friend|bestie|boyfriend|girlfriend|fiance|fiancee|aunt|uncle|cousin|grandma|grandmother|coworker|boss|teacher|mam[aá]|pap[aá]|madre|padre|hermana|hermano|hija|hijo|amiga|amigo|esposa|esposo|novia|novio|t[ií]a|abuela|suegra)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ForWhom();

    private static string Stem(string word)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["ing", "ies", "es", "ed", "s"])
        {
            if (word.Length > suffix.Length + 3 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return suffix == "ies" ? word[..^3] + "y" : word[..^suffix.Length];
            }
        }
        // A short plural too ("tips", "legs", "lips"), not a double s ("less").
        return word.Length == 4 && word.EndsWith('s') && word[2] != 's' ? word[..^1] : word;
    }

    internal static double Coverage(IReadOnlyList<string> terms, string question, string tags, string answer) =>
        Coverage(terms, KeyTerms(question + " " + tags), KeyTerms(answer));

    /// <summary>
    /// <see cref="Coverage(IReadOnlyList{string}, string, string, string)"/> with an entry's key words already read: those of
    /// its question and tags (<paramref name="strong"/>) and of its answer (<paramref name="weak"/>).
    /// </summary>
    internal static double Coverage(IReadOnlyList<string> terms, IReadOnlyList<string> strong, IReadOnlyList<string> weak)
    {
        double score = 0;
        foreach (var t in terms)
        {
            if (strong.Any(s => Similar(s, t)))
            {
                score += 1;
            }
            else if (weak.Any(s => Similar(s, t)))
            {
                score += 0.5;
            }
        }
        return Math.Round(score / terms.Count, 3);
    }

    internal static bool Similar(string a, string b) =>
        a == b || (a.Length >= 4 && b.Length >= 4 && (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal)));

    internal static IEnumerable<(string Id, string Question, string Answer, string Tags, string Source)> ProfileFacts(SpaProfile profile)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var l in profile.Locations)
        {
            var hours = string.Join("; ", Enum.GetValues<DayOfWeek>().Select(d => (Day: d, Spans: l.Hours.On(d)))
                .OrderBy(x => ((int)x.Day + 6) % 7)
                .Select(x => $"{CultureInfo.GetCultureInfo("en-US").DateTimeFormat.GetDayName(x.Day)} " +
                             (x.Spans.Count == 0 ? "closed" : string.Join(" and ", x.Spans.Select(s => $"{SpokenTime.Time(s.Start)} to {SpokenTime.Time(s.End)}")))));
            yield return ($"profile-hours-{l.Id}", $"What are the opening hours at {l.Name}? When are you open?", $"{l.Name} is open {hours}.",
                "hours open opening close closing times schedule today weekend", $"profile:hours:{l.Id}");
            if (l.Address is not null)
            {
                yield return ($"profile-address-{l.Id}", $"Where is {l.Name}? What is the address?", $"{l.Name} is at {l.Address}.",
                    "address location where directions find", $"profile:address:{l.Id}");
            }
            if (l.Phone is not null)
            {
                yield return ($"profile-phone-{l.Id}", $"What is the phone number for {l.Name}?", $"You can reach {l.Name} at {PhoneNumbers.ToNational(l.Phone, PhoneNumbers.RegionOf(profile.DefaultLocation.Phone)) ?? l.Phone}.",
                    "phone number call contact", $"profile:phone:{l.Id}");
            }
        }
        foreach (var group in profile.Services.GroupBy(s => s.Category))
        {
            yield return ($"profile-category-{group.Key}", $"What {group.Key} services do you offer?",
                $"Our {group.Key} services: {string.Join(", ", group.Select(s => s.Name))}.", $"{group.Key} services menu offer types options", $"profile:category:{group.Key}");
        }
        foreach (var s in profile.Services)
        {
            var price = s.Price is { } p && p > 0
                ? $" {(s.PriceFrom ? "Prices start at" : "The price is")} {FormatMoney(p, profile.Spa.Currency)}."
                : s.Price == 0 ? " It is complimentary." : "";
            yield return ($"profile-service-{s.Id}", $"What is {s.Name}? How long is it and how much does it cost?",
                $"{s.Name}: {s.Description ?? s.Category} It takes {s.DurationMin} minutes.{price}",
                string.Join(' ', s.Aliases.Append(s.Category)) + " price cost charge rate how much long duration", $"profile:service:{s.Id}");
        }
        if (profile.Staff.Where(m => !string.IsNullOrWhiteSpace(m.Title)).ToList() is { Count: > 0 } titled)
        {
            // "are your therapists licensed?": the providers' titles as the profile gives them, not the nearest other fact.
            yield return ("profile-staff", "Are your staff licensed or certified? What are your providers' credentials and qualifications?",
                $"Our team: {StaffWithTitles(titled)}.", "staff team providers licensed license certified certification credentials qualified qualifications titles",
                "profile:staff:titles");
        }
        if (profile.Policies.Cancellation is { } cancel)
        {
            yield return ("profile-policy-cancellation", "What is the cancellation policy?", cancel, "cancel cancellation policy late fee reschedule notice", "profile:policy:cancellation");
        }
        if (profile.Policies.Deposit is { } deposit)
        {
            yield return ("profile-policy-deposit", "Do you require a deposit or card on file?", deposit, "deposit card file hold", "profile:policy:deposit");
        }
    }

    /// <summary>The providers with a title, as "Maya Chen (Licensed Massage Therapist), Priya Patel (Licensed Esthetician)".</summary>
    public static string StaffWithTitles(IEnumerable<StaffMember> staff) =>
        string.Join(", ", staff.Where(m => !string.IsNullOrWhiteSpace(m.Title)).Select(m => $"{m.Name} ({m.Title})"));

    /// <summary>Money as the agent says it: "$125" or "$14.50".</summary>
    public static string FormatMoney(decimal amount, string currency)
    {
        var symbol = currency switch { "USD" or "CAD" or "AUD" => "$", "EUR" => "€", "GBP" => "£", _ => currency + " " };
        return amount == decimal.Truncate(amount)
            ? symbol + amount.ToString("0", CultureInfo.InvariantCulture)
            : symbol + amount.ToString("0.00", CultureInfo.InvariantCulture);
    }
}
