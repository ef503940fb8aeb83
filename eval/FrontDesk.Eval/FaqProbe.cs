using System.Globalization;
using FrontDesk.Tools.Faq;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Semantic;

namespace FrontDesk.Eval;

/// <summary>
/// <c>faq-probe [profile]</c>: for each question on standard input, the profile's closest FAQ entries by meaning and
/// their similarity, against <see cref="SemanticFaq.AnswerAt"/> and <see cref="SemanticFaq.SuggestAt"/>. For tuning
/// and for a spa checking how its FAQ reads.
/// </summary>
public static class FaqProbe
{
    public static async Task<int> RunAsync(string? profileName)
    {
        var profile = SpaProfileLoader.Load(RepoPaths.Profile(profileName ?? "demo"));
        var faq = new SemanticFaq(profile, SentenceEmbedder.Shared);
        while (await Console.In.ReadLineAsync() is { } line)
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var top = faq.Search(line, 6);
            var other = top.FirstOrDefault(m => SemanticFaq.Topic(m.Entry) != SemanticFaq.Topic(top[0].Entry));
            var verdict = SemanticFaq.Answers(top[0], other) ? "answer" : top[0].Similarity >= SemanticFaq.SuggestAt ? "did-you-mean" : "none";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{top[0].Similarity:F3} {verdict,-12} {line}\n      1: {top[0].Entry.Question}\n      2: {other?.Similarity:F3} {other?.Entry.Question}"));
        }
        return 0;
    }
    /// <summary>Per FAQ entry text variant (question, answer), the similarity to each line: for looking at how to score.</summary>
    public static int Variants()
    {
        var profile = SpaProfileLoader.Load(RepoPaths.Profile("demo"));
        var e = SentenceEmbedder.Shared;
        var entries = profile.Faq.Select(f => (f.Question, Q: e.Embed(f.Question), A: e.Embed(f.Answer))).ToList();
        while (Console.ReadLine() is { } line)
        {
            var q = e.Embed(SemanticFaq.Spelled(line));
            var top = entries.Select(x => (x.Question, Sq: SentenceEmbedder.Similarity(q, x.Q), Sa: SentenceEmbedder.Similarity(q, x.A)))
                .OrderByDescending(x => Math.Max(x.Sq, x.Sa)).Take(2).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{line}\n   {string.Join("\n   ", top.Select(t => $"q {t.Sq:F2} a {t.Sa:F2} {t.Question}"))}"));
        }
        return 0;
    }

    /// <summary>Prints what the understanding makes of each line (the demo profile or another, semantic matching on) and the meaning scores behind it, for tuning on hand-written probes.</summary>
    public static int Intents(string? profileName)
    {
        var profile = SpaProfileLoader.Load(RepoPaths.Profile(profileName ?? "demo"));
        var vocabulary = new FrontDesk.Agent.Understanding.SpaVocabulary(
            profile.Services.Select(s => new FrontDesk.Agent.Understanding.ServiceTerm(s.Id, s.Name, s.Aliases, s.Category, s.DurationMin)),
            profile.Staff.Select(p => new FrontDesk.Agent.Understanding.PersonTerm(p.Id, p.Name)),
            profile.Locations.Select(l => new FrontDesk.Agent.Understanding.PlaceTerm(l.Id, l.Name)));
        var faq = new SemanticFaq(profile, SentenceEmbedder.Shared);
        var services = new SemanticServices(profile, SentenceEmbedder.Shared);
        var classifier = FrontDesk.Agent.Understanding.IntentClassifier.DefaultWithSemantic;
        var understander = new FrontDesk.Agent.Understanding.Understander(classifier, faq.AnswersQuestion, services.Search, faq.Closeness);
        var context = new FrontDesk.Agent.Understanding.UnderstandingContext(new DateOnly(2026, 11, 23), vocabulary);
        while (Console.ReadLine() is { } line)
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var es = line.StartsWith("es:", StringComparison.Ordinal);
            line = es ? line[3..].Trim() : line;
            if (es)
            {
                Console.WriteLine("gloss: " + FrontDesk.Agent.Understanding.Spanish.SpanishGloss.ToEnglish(line, vocabulary));
            }
            var u = understander.Understand(line, es ? context with { Language = FrontDesk.Agent.Languages.ConversationLanguage.Spanish } : context);
            var m = classifier.Meaning(line)!;
            var f = faq.Search(line, 1);
            var sv = services.Search(line, 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{u.Intent,-12} {string.Join(" ", u.Alternatives.Select(a => $"{a.Intent}:{a.Confidence:F2}"))} {u.Services.Kind}:{string.Join("/", u.Services.Services.Select(x => x.Id))} date {u.Date?.Range} from {u.MoveFrom} time {u.Time?.Kind} {u.Time?.Exact} {u.Time?.From}-{u.Time?.To} sameday {u.SameDay} staff {string.Join("/", u.Staff.Staff.Select(x => x.Id))} chg {u.ChangesAppointment} | spa {m.NearestSpaTask:F2} else {m.NearestElsewhere:F2} ast {m.NearestAboutAssistant:F2} oos {m.Scores.GetValueOrDefault(FrontDesk.Agent.Understanding.Intent.OutOfScope):F2} faq {(f.Count > 0 ? f[0].Similarity : 0):F2} svc {(sv.Count > 0 ? sv[0].Similarity : 0):F2}/{(sv.Count > 1 ? sv[1].Similarity : 0):F2} {(sv.Count > 0 ? sv[0].ServiceId : "")} | {line}"));
        }
        return 0;
    }

    /// <summary>
    /// Reads lines and prints what the safety screen finds in each (category, urgency, general health) and the text as the
    /// rules' language blocks read it after their typo correction (for finding which word a Spanish pattern caught).
    /// </summary>
    public static int Screen(string? profileName)
    {
        var profile = SpaProfileLoader.Load(RepoPaths.Profile(profileName ?? "demo"));
        var rules = FrontDesk.Agent.Screening.EscalationRules.Load(Path.Combine(RepoPaths.Root, "prompts", "escalation.yaml"));
        var screen = new FrontDesk.Agent.Screening.SafetyScreen(profile, rules);
        while (Console.ReadLine() is { } line)
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var f = screen.ScreenInbound(line);
            Console.WriteLine($"{f.Category?.Name ?? "-",-14} {f.Urgency ?? "",-7} general {f.GeneralHealth,-5} | {line} | read as: {rules.AsLanguageBlocksRead(line.ToLowerInvariant())}");
        }
        return 0;
    }

    /// <summary>Reads "text | text" lines and prints the model's cosine similarity of the two (for choosing wordings by hand).</summary>
    public static int Similarity()
    {
        while (Console.ReadLine() is { } line)
        {
            var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2)
            {
                var sim = SentenceEmbedder.Similarity(SentenceEmbedder.Shared.Embed(parts[0]), SentenceEmbedder.Shared.Embed(parts[1]));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sim:F2}  {line}"));
            }
        }
        return 0;
    }
}
