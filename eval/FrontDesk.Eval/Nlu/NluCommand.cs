using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FrontDesk.Agent;
using FrontDesk.Agent.Understanding;
using FrontDesk.Eval.Scenarios;
using FrontDesk.TestSupport;
using FrontDesk.Tools;
using FrontDesk.Tools.Faq;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Semantic;

namespace FrontDesk.Eval.Nlu;

/// <summary>What a reader (the engine or the baseline) made of one utterance: class, slot mentions (offsets in the utterance as given), milliseconds.</summary>
public sealed record Reading(string Class, IReadOnlyList<Mention> Mentions, double Ms);

/// <summary>What the agent did with one utterance on a fresh conversation.</summary>
public sealed record AgentTurn(string Text, bool WroteData, bool StartedBooking, string? Escalation, string Reply, string Tools, double Ms)
{
    /// <summary>The issue's false action: the turn wrote data or started a booking flow.</summary>
    public bool FalseAction => WroteData || StartedBooking;
}

/// <summary>
/// <c>nlu [--split test|dev] [--datasets path] [--limit N] [--label before] [--no-baseline] [--no-report]</c>:
/// language understanding against third-party data, the embedded engine and the nlp.js baseline side by side, speed
/// of both in the same run (docs/evaluation.md §2–3). <c>--split test</c> (the default) reads only held-out test
/// splits and writes the figures, without failure samples; <c>--split dev</c> reads the dev splits, prints failure
/// samples to look at, and never writes the report; <c>--split salon</c> is dev with SGD's salon dialogues in place of
/// its therapist ones (<see cref="SalonDialogues"/>). Nothing is tuned on what the test run shows.
/// </summary>
public static partial class NluCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// The train split's dialogue files (at the SGD repository's HEAD) that hold its salon (Services_1) dialogues: the
    /// dev set for the salon half of the test split, which the dev split lacks (eval/sgd/system-turns.sh copies them).
    /// </summary>
    private static readonly HashSet<string> SalonDialogues = ["29", "30", "33", "36", "61", "62", "109", "110", "112"];

    private static string BaselineDir => Path.Combine(RepoPaths.Root, "eval", "baseline");

    public static async Task<int> RunAsync(Options options)
    {
        var data = RepoPaths.Datasets(options.Datasets);
        if (!Directory.Exists(Path.Combine(data, "sgd-appointments")))
        {
            Console.Error.WriteLine($"datasets not found at {data} (set --datasets or FRONTDESK_DATASETS)");
            return 2;
        }
        if (!options.NoBaseline && !Directory.Exists(Path.Combine(BaselineDir, "node_modules", "node-nlp")))
        {
            Console.Error.WriteLine($"nlp.js baseline not installed: {Path.Combine(BaselineDir, "node_modules")} is missing. Run `(cd eval/baseline && npm ci)`, or pass --no-baseline to measure the engine alone.");
            return 3;
        }
        var dev = options.Split is "dev" or "salon";
        string File(string dataset, string name) => Path.Combine(data, dataset, name);
        var sgd = Take(options.Split == "salon"
            ? [.. Jsonl.Read<SgdTurn>(File("sgd-appointments", "train.jsonl")).Where(t => SalonDialogues.Contains(t.DialogueId.Split('_')[0]) && t.Services.Contains("Services_1"))]
            : Jsonl.Read<SgdTurn>(File("sgd-appointments", dev ? "dev.jsonl" : "test.jsonl")), options.Limit);
        (string Name, string Note, List<PlainUtterance> Rows)[] sets = dev
            ?
            [
                ("snips BookRestaurant train (dev)", "booking language, another business", Take(Jsonl.Read<PlainUtterance>(File("snips-bookrestaurant", "train.jsonl")), options.Limit)),
                ("SGD dev, requests to other services (dev)", "restaurants, rides, banks, weather: turns opening an intent of another service",
                    Take([.. Jsonl.Read<SgdTurn>(File("sgd-appointments", "dev.jsonl")).Where(t => t.Domain is null && t.NewIntent).Select(t => new PlainUtterance { Id = t.DialogueId + ":" + t.Turn, Text = t.Utterance })], options.Limit)),
                .. ClincDev.Sets(options.ClincSource, options.Limit),
            ]
            :
            [
                ("clinc oos_test", "clean out-of-scope", Take(Jsonl.Read<PlainUtterance>(File("clinc-oos", "oos_test.jsonl")), options.Limit)),
                ("clinc in-scope test sample, unrelated domains", "clean out-of-scope for a spa", Take(Jsonl.Read<PlainUtterance>(File("clinc-oos", "inscope_unrelated_sample.jsonl")), options.Limit)),
                ("snips BookRestaurant validate (test)", "booking language, another business", Take(Jsonl.Read<PlainUtterance>(File("snips-bookrestaurant", "validate.jsonl")), options.Limit)),
                ("clinc near-miss test sample (not clean)", "booking/insurance language; some rows are fair spa requests", Take(Jsonl.Read<PlainUtterance>(File("clinc-oos", "inscope_near_miss_sample.jsonl")), options.Limit)),
            ];

        // The spa's staff list, as a profile would give it: the provider names of the SGD dev dialogues (only the names;
        // never the test split's, which would hand both readers the answers). Dev's ~90 names are about a large spa's
        // staff; train's 700 would slow nlp.js's name matching by an order of magnitude for no measurable gain.
        var providers = Jsonl.Read<SgdTurn>(File("sgd-appointments", "dev.jsonl"))
            .SelectMany(t => t.SlotValues ?? []).Where(kv => SgdTurn.SlotKind(kv.Key) == "provider")
            .Select(kv => kv.Value[0]).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var demo = SpaProfileLoader.Load(RepoPaths.Profile("demo"));
        var vocabulary = new SpaVocabulary(
            demo.Services.Select(s => new ServiceTerm(s.Id, s.Name, s.Aliases, s.Category, s.DurationMin)),
            providers.Select((n, i) => new PersonTerm("p" + i.ToString(Inv), n)),
            demo.Locations.Select(l => new PlaceTerm(l.Id, l.Name)));
        Console.WriteLine($"split {options.Split}: SGD {sgd.Count} user turns; staff list of {providers.Count} provider names from SGD dev; datasets at {data}");

        Console.WriteLine($"semantic matching: {options.Semantic}");
        // As the product builds it (AddFrontDeskAgent): with semantic matching, questions the FAQ answers by meaning and
        // services meant but not named are read by meaning too.
        var demoFaq = new SemanticFaq(demo, SentenceEmbedder.Shared);
        var understander = options.Semantic == "all"
            ? new Understander(IntentClassifier.DefaultWithSemantic, demoFaq.AnswersQuestion, new SemanticServices(demo, SentenceEmbedder.Shared).Search, demoFaq.Closeness)
            : new Understander();
        var context = new UnderstandingContext(new DateOnly(2026, 11, 23), vocabulary);
        understander.Understand("warm up", context);
        var engine = sgd.Select(t => ReadWithEngine(understander, context, t.Utterance)).ToList();

        // In context: the same understanding, told the question the engine would have pending after the SGD system turn
        // before each user turn (SgdContext: the protocol, docs/evaluation.md §2–3).
        var source = SgdContext.Load(options.SgdSource ?? Environment.GetEnvironmentVariable("FRONTDESK_SGD_SOURCE"), options.Split);
        List<(SgdSystemContext Context, string Act, Intent Intent)>? inContext = null;
        if (source is null)
        {
            Console.WriteLine("SGD system turns: not given (--sgd-source DIR, see eval/sgd/system-turns.sh); the in-context reading is left out.");
        }
        else
        {
            var unmatched = sgd.Count(t => !source.Holds(t));
            if (unmatched > 0)
            {
                Console.Error.WriteLine($"SGD system turns: {unmatched} of {sgd.Count} user turns are not in the source with the same words; wrong source?");
                return 2;
            }
            inContext = [.. sgd.Select(t =>
            {
                var system = source.Before(t, context.Today);
                var u = understander.Understand(t.Utterance, context with { LastAsked = system.Asked, OfferedSlots = system.Offered });
                return (system, SgdContext.ActOf(u, system), u.Intent);
            })];
        }

        var agentRuns = new List<(string Name, string Note, List<AgentTurn> Turns)>();
        foreach (var (name, note, rows) in options.SgdOnly ? [] : sets)
        {
            Console.WriteLine($"agent: {name} ({rows.Count})");
            agentRuns.Add((name, note, await RunAgentAsync(rows, options.Semantic)));
        }

        var baseline = options.NoBaseline || options.SgdOnly ? null : RunBaseline(data, providers, sgd, sets.Select(s => s.Rows).ToList());
        if (!options.NoBaseline && !options.SgdOnly && baseline is null)
        {
            return 3;
        }

        var report = new StringBuilder();
        WriteSgd(report, options.Split, sgd, engine, baseline?.Sgd);
        if (inContext is not null)
        {
            WriteInContext(report, sgd, engine, inContext);
        }
        if (options.SgdOnly)
        {
            Console.WriteLine();
            Console.WriteLine(report);
            if (dev && options.Dump is { } sgdDump && inContext is not null)
            {
                await System.IO.File.WriteAllLinesAsync(sgdDump, sgd.Zip(engine, inContext).Select(p => JsonSerializer.Serialize(new
                {
                    id = p.First.DialogueId + ":" + p.First.Turn.ToString(Inv), text = p.First.Utterance, gold = p.First.GoldClass, single = p.Second.Class,
                    inContext = p.Third.Act, intent = p.Third.Intent.ToString(), asked = p.Third.Context.Asked.ToString(), task = p.Third.Context.Task, proposed = p.Third.Context.Proposed,
                })));
            }
            return 0;
        }
        WriteFalseActions(report, sets, agentRuns, baseline?.Sets);
        WriteSpeed(report, dev ? "dev" : "test", engine, agentRuns, baseline);
        if (dev)
        {
            WriteExamples(report, sgd, engine, agentRuns);
            if (options.Dump is { } dump)
            {
                // One line per dev reading, for looking at errors by hand (never for the test split).
                await System.IO.File.WriteAllLinesAsync(dump, sgd.Zip(engine).Select(p => JsonSerializer.Serialize(new
                {
                    text = p.First.Utterance, gold = p.First.GoldClass, predicted = p.Second.Class,
                    goldMentions = p.First.GoldMentions().Select(g => new { g.Kind, g.Start, g.End, g.Values }),
                    mentions = p.Second.Mentions,
                })).Concat(agentRuns.SelectMany(r => r.Turns.Select(t => JsonSerializer.Serialize(new { set = r.Name, t.Text, t.FalseAction, t.Escalation, t.Reply, t.Tools })))));
            }
        }
        Console.WriteLine();
        Console.WriteLine(report);
        if (options.WriteReport && !dev)
        {
            Report.Write(options.Label == "before" ? "nlu-before" : "nlu", report.ToString());
        }
        return 0;
    }

    private static List<T> Take<T>(List<T> rows, int? limit) => limit is { } n ? [.. rows.Take(n)] : rows;

    public static Reading ReadWithEngine(Understander understander, UnderstandingContext context, string text)
    {
        ArgumentNullException.ThrowIfNull(understander);
        ArgumentNullException.ThrowIfNull(text);
        var started = Stopwatch.GetTimestamp();
        var u = understander.Understand(text, context);
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var mentions = new List<Mention>();
        if (u.Date is { } d)
        {
            var (start, end) = Locate(text, u.Text, d.Span);
            mentions.Add(new Mention("date", start, end, SlotValues.Date(d.Span.Of(u.Text))));
        }
        if (u.Time is { Spans.Count: > 0 } time)
        {
            var (start, end) = Locate(text, u.Text, time.Spans.Aggregate((x, y) => x.Union(y)));
            mentions.Add(new Mention("time", start, end, time.Kind == TimePreferenceKind.Exact ? time.Exact?.ToString("HH:mm", Inv) : null));
        }
        if (u.Staff.Kind is StaffMatchKind.Confident or StaffMatchKind.Candidates)
        {
            var (start, end) = Locate(text, u.Text, u.Staff.Span);
            mentions.Add(new Mention("provider", start, end, (u.Staff.Staff.Count > 0 ? u.Staff.Staff[0].Name : null)));
        }
        var cls = u.Intent switch
        {
            Intent.Availability => "find",
            Intent.Book => "book",
            _ => "other",
        };
        return new Reading(cls, mentions, ms);
    }

    /// <summary>
    /// A span of the engine's cleaned text (TextNormalizer) as offsets in the utterance as given: the same offsets when
    /// cleaning kept the length (ASCII text, as in SGD), else where the span's text first occurs.
    /// </summary>
    private static (int Start, int End) Locate(string original, string normalized, TextSpan span)
    {
        if (original.Length == normalized.Length)
        {
            return (span.Start, span.End);
        }
        var at = original.IndexOf(span.Of(normalized), StringComparison.OrdinalIgnoreCase);
        return at < 0 ? (-1, -1) : (at, at + span.Length);
    }

    /// <summary>Each row as the first message of a fresh anonymous web conversation on the demo profile.</summary>
    public static async Task<List<AgentTurn>> RunAgentAsync(List<PlainUtterance> rows, string semantic)
    {
        var settings = new Dictionary<string, string?>
        {
            ["FrontDesk:Semantic:Enabled"] = semantic == "off" ? "false" : "true",
            ["FrontDesk:Semantic:Intents"] = semantic == "all" ? "true" : "false",
        };
        await using var h = await SpaBookHarness.StartAsync(TestStore.Sqlite, RepoPaths.Profile("demo"), extra: settings,
            register: (s, c) => s.AddFrontDeskAgent(c, AppContext.BaseDirectory));
        var agent = h.Get<FrontDeskAgent>();
        await agent.HandleAsync(new TurnRequest("warmup", "web", "hello"), CancellationToken.None);
        // The examples by meaning are embedded at their first use; not in the first line's time.
        IntentClassifier.DefaultWithSemantic.Warm();
        var turns = new List<AgentTurn>(rows.Count);
        foreach (var row in rows)
        {
            var started = Stopwatch.GetTimestamp();
            var reply = await agent.HandleAsync(new TurnRequest("fa_" + Guid.NewGuid().ToString("N")[..12], "web", row.Text), CancellationToken.None);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var wrote = reply.ToolCalls.Any(c => SpaTools.WritingTools.Contains(c.Name));
            var booking = reply.ToolCalls.Any(c => c.Name is "check_availability" or "join_waitlist" or "book_appointment") || BookingQuestion().IsMatch(reply.Text ?? "");
            turns.Add(new AgentTurn(row.Text, wrote, booking, reply.Escalation?.Category, reply.Text ?? "", string.Join(",", reply.ToolCalls.Select(c => Environment.GetEnvironmentVariable("FRONTDESK_PROBE_TOOL_ARGS") == "1" ? $"{c.Name}({c.Arguments}):{c.Outcome}" : c.Name)), ms));
        }
        return turns;
    }

    /// <summary>The engine's own booking questions (prompts/replies.yaml: ask_service, ask_service_options, unknown_service, ask_day): it took the text as a booking request.</summary>
    [GeneratedRegex(@"Which service would you like to book|Which one would you like\?|couldn't find that on our menu|What day works best", RegexOptions.IgnoreCase)]
    private static partial Regex BookingQuestion();

    // ---- scoring ----

    private sealed record Prf(int Tp, int Fp, int Fn)
    {
        public double P => Tp + Fp == 0 ? 0 : (double)Tp / (Tp + Fp);
        public double R => Tp + Fn == 0 ? 0 : (double)Tp / (Tp + Fn);
        public double F1 => P + R == 0 ? 0 : 2 * P * R / (P + R);
    }

    /// <summary>
    /// Mention F1 per kind, on appointment-service turns. A predicted mention is right when its span overlaps an
    /// unmatched gold mention of the same kind AND its value is that slot's value: a time the same HH:mm (either
    /// reading when the gold text gives no am/pm), a date the same words without fillers (SGD gives no reference
    /// date), a provider the same name. A mention on a date or time another service's frame labels in the same turn
    /// ("the weather there on the 12th") is right for that frame and is not scored.
    /// </summary>
    private static Dictionary<string, Prf> SlotScores(List<SgdTurn> turns, List<Reading> readings)
    {
        var result = new Dictionary<string, Prf>(StringComparer.Ordinal);
        foreach (var kind in new[] { "date", "time", "provider" })
        {
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < turns.Count; i++)
            {
                if (turns[i].Domain is null)
                {
                    // Turns about other services (alarms, weather, rides) have their own date and time slots, not scored here.
                    continue;
                }
                var gold = turns[i].GoldMentions().Where(g => g.Kind == kind).ToList();
                var elsewhere = turns[i].OtherFrameMentions().Where(g => g.Kind == kind).ToList();
                var used = new bool[gold.Count];
                foreach (var m in readings[i].Mentions.Where(m => m.Kind == kind))
                {
                    if (!gold.Any(g => m.Overlaps(g.Start, g.End)) && elsewhere.Any(g => m.Overlaps(g.Start, g.End)))
                    {
                        continue; // a date another service's frame labels ("the weather there on the 12th"): not scored
                    }
                    var j = Enumerable.Range(0, gold.Count).FirstOrDefault(j => !used[j] && m.Overlaps(gold[j].Start, gold[j].End) && SameValue(kind, m.Value, gold[j].Values), -1);
                    if (j >= 0)
                    {
                        used[j] = true;
                        tp++;
                    }
                    else
                    {
                        fp++;
                    }
                }
                fn += used.Count(u => !u);
            }
            result[kind] = new Prf(tp, fp, fn);
        }
        return result;
    }

    private static bool SameValue(string kind, string? predicted, IReadOnlyList<string> gold) => predicted is not null && kind switch
    {
        "time" => gold.Any(g => SlotValues.Matches(predicted, g)),
        "date" => gold.Any(g => SlotValues.Date(g) == predicted),
        _ => gold.Any(g => g.Equals(predicted, StringComparison.OrdinalIgnoreCase)),
    };

    private static void WriteSgd(StringBuilder r, string split, List<SgdTurn> turns, List<Reading> engine, List<Reading>? baseline)
    {
        r.AppendLine(Inv, $"### SGD appointments, {split} split ({turns.Count} user turns; {split switch { "dev" => "therapist", "salon" => "salon, from SGD's train split", _ => "salon and therapist" }} dialogues)");
        r.AppendLine();
        r.AppendLine("| measure | embedded engine | nlp.js baseline |");
        r.AppendLine("|---|---:|---:|");
        string Acc(List<Reading>? rs, Func<string, string> map) => rs is null ? "n/a" : (turns.Zip(rs).Count(p => map(p.First.GoldClass) == map(p.Second.Class)) / (double)turns.Count).ToString("P1", Inv);
        r.AppendLine(Inv, $"| intent accuracy, 3 classes (find / book / other) | {Acc(engine, c => c)} | {Acc(baseline, c => c)} |");
        r.AppendLine(Inv, $"| intent accuracy, 2 classes (wants an appointment: find or book / other) | {Acc(engine, Coarse)} | {Acc(baseline, Coarse)} |");
        foreach (var cls in new[] { "find", "book", "other" })
        {
            string Cell(List<Reading>? rs)
            {
                if (rs is null)
                {
                    return "n/a";
                }
                var tp = turns.Zip(rs).Count(p => p.First.GoldClass == cls && p.Second.Class == cls);
                var prf = new Prf(tp, rs.Count(x => x.Class == cls) - tp, turns.Count(t => t.GoldClass == cls) - tp);
                return $"P {prf.P:P0} R {prf.R:P0} F1 {prf.F1:P1}";
            }
            r.AppendLine(Inv, $"| '{cls}' ({turns.Count(t => t.GoldClass == cls)} turns) | {Cell(engine)} | {Cell(baseline)} |");
        }
        var se = SlotScores(turns, engine);
        var sb = baseline is null ? null : SlotScores(turns, baseline);
        foreach (var kind in new[] { "date", "time", "provider" })
        {
            var e = se[kind];
            var b = sb?[kind];
            if (e.Tp + e.Fn == 0)
            {
                r.AppendLine(Inv, $"| slot F1 {kind} | not measured: no gold mentions (see below) | not measured |");
                continue;
            }
            r.AppendLine(Inv, $"| slot F1 {kind} ({e.Tp + e.Fn} gold mentions, appointment-service turns; span overlap and same value) | {e.F1:P1} (P {e.P:P0} R {e.R:P0}) | {(b is null ? "n/a" : $"{b.F1:P1} (P {b.P:P0} R {b.R:P0})")} |");
        }
        // Provider names: SGD labels no provider spans in user turns, and this copy of the data has no system turns, so
        // the only gold there can be is a name from the turn's own slot values that the user spells out. Count what the
        // data holds, so the report says why the row is (or is not) measured.
        var names = turns.SelectMany(t => t.SlotValues ?? []).Where(kv => SgdTurn.SlotKind(kv.Key) == "provider").SelectMany(kv => kv.Value)
            .Where(n => n.Length > 2).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var appointmentTurns = turns.Where(t => t.Domain is not null).ToList();
        var spelled = appointmentTurns.Count(t => names.Any(n => t.Utterance.Contains(n, StringComparison.OrdinalIgnoreCase)));
        r.AppendLine();
        r.AppendLine(Inv, $"Provider names: {spelled} of {appointmentTurns.Count} appointment-service user turns spell out any of the {names.Count} provider names this split's dialogues use; SGD labels no provider spans in user turns (people pick from the system's offers) and the data here has no system turns, so provider recognition {(se["provider"].Tp + se["provider"].Fn == 0 ? "cannot be measured on it" : "is measured only on those turns")}. Both readers get a staff list built from the dev split's provider names.");
        r.AppendLine();
        WriteConfusion(r, "Confusion, embedded engine (rows gold, columns predicted):", (g, p) => turns.Zip(engine).Count(x => x.First.GoldClass == g && x.Second.Class == p));
    }

    private static void WriteInContext(StringBuilder r, List<SgdTurn> turns, List<Reading> single, List<(SgdSystemContext Context, string Act, Intent Intent)> inContext)
    {
        r.AppendLine("In context (the question the engine would have pending after the SGD system turn before each user turn; protocol above):");
        r.AppendLine();
        r.AppendLine("| measure | single turn | in context |");
        r.AppendLine("|---|---:|---:|");
        string Acc(Func<int, string> predicted, Func<string, string> map) => (Enumerable.Range(0, turns.Count).Count(i => map(turns[i].GoldClass) == map(predicted(i))) / (double)turns.Count).ToString("P1", Inv);
        r.AppendLine(Inv, $"| intent accuracy, 3 classes | {Acc(i => single[i].Class, c => c)} | **{Acc(i => inContext[i].Act, c => c)}** |");
        r.AppendLine(Inv, $"| intent accuracy, 2 classes | {Acc(i => single[i].Class, Coarse)} | {Acc(i => inContext[i].Act, Coarse)} |");
        foreach (var cls in new[] { "find", "book", "other" })
        {
            string Cell(Func<int, string> predicted)
            {
                var tp = Enumerable.Range(0, turns.Count).Count(i => turns[i].GoldClass == cls && predicted(i) == cls);
                var prf = new Prf(tp, Enumerable.Range(0, turns.Count).Count(i => predicted(i) == cls) - tp, turns.Count(t => t.GoldClass == cls) - tp);
                return $"P {prf.P:P0} R {prf.R:P0} F1 {prf.F1:P1}";
            }
            r.AppendLine(Inv, $"| '{cls}' ({turns.Count(t => t.GoldClass == cls)} turns) | {Cell(i => single[i].Class)} | {Cell(i => inContext[i].Act)} |");
        }
        r.AppendLine();
        r.AppendLine("Pending question given (turns): " + string.Join(", ", inContext.GroupBy(c => c.Context.Proposed is null ? c.Context.Asked.ToString() : "Confirmation (an offer to book)")
            .OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")) + ".");
        r.AppendLine();
        // The act and the spa's scope are two decisions: "find me a psychologist" is a search for something the spa does
        // not do, declined as out of scope (or passed to a person), which counts as "other" above.
        var declined = Enumerable.Range(0, turns.Count).Count(i => turns[i].GoldClass != "other" && inContext[i].Act == "other" && inContext[i].Intent is Intent.OutOfScope or Intent.Human);
        r.AppendLine(Inv, $"Of the {turns.Count(t => t.GoldClass != "other")} gold find/book turns, {declined} are read in context as out of scope or as a request for a person (a provider the spa does not have: \"find me a psychologist\", \"I need to see a therapist\"); they count as errors above.");
        r.AppendLine();
        WriteConfusion(r, "Confusion in context (rows gold, columns predicted):", (g, p) => Enumerable.Range(0, turns.Count).Count(i => turns[i].GoldClass == g && inContext[i].Act == p));
    }

    /// <summary>A 3-class confusion table: <paramref name="count"/> of (gold, predicted).</summary>
    private static void WriteConfusion(StringBuilder r, string title, Func<string, string, int> count)
    {
        string[] classes = ["find", "book", "other"];
        r.AppendLine(title);
        r.AppendLine();
        r.AppendLine("| gold \\ predicted | find | book | other |");
        r.AppendLine("|---|---:|---:|---:|");
        foreach (var g in classes)
        {
            r.AppendLine(Inv, $"| {g} | {string.Join(" | ", classes.Select(p => count(g, p)))} |");
        }
        r.AppendLine();
    }

    private static string Coarse(string c) => c == "other" ? "other" : "appointment";

    private static void WriteFalseActions(StringBuilder r, (string Name, string Note, List<PlainUtterance> Rows)[] sets, List<(string Name, string Note, List<AgentTurn> Turns)> runs, List<List<Reading>>? baseline)
    {
        r.AppendLine("### False actions on requests that are not spa bookings (one turn, fresh web conversation)");
        r.AppendLine();
        r.AppendLine("| data | n | agent: false action (wrote data or started a booking flow) | wrote data | started a booking flow | escalated | nlp.js: predicts find/book |");
        r.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < runs.Count; i++)
        {
            var (name, note, turns) = runs[i];
            var n = turns.Count;
            var b = baseline?[i];
            r.AppendLine(Inv, $"| {name} — {note} | {n} | **{turns.Count(t => t.FalseAction) / (double)n:P1}** | {turns.Count(t => t.WroteData) / (double)n:P1} | {turns.Count(t => t.StartedBooking) / (double)n:P1} | {turns.Count(t => t.Escalation is not null) / (double)n:P1} | {(b is null ? "n/a" : (b.Count(x => x.Class != "other") / (double)b.Count).ToString("P1", Inv))} |");
        }
        r.AppendLine();
        // What fired, in counts only (no rows): which tool or booking question made a false action, which escalation category.
        r.AppendLine("What fired (counts; a turn can call several tools):");
        r.AppendLine();
        foreach (var (name, _, turns) in runs)
        {
            var fired = turns.Where(t => t.FalseAction)
                .SelectMany(t => t.Tools.Length == 0 ? ["booking question only"] : t.Tools.Split(',').Where(x => x is not ("answer_faq" or "find_waitlist_offer")).DefaultIfEmpty("booking question only"))
                .GroupBy(x => x).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}");
            // The category, and what raised it: the FAQ's no-match hand-off (answer_faq was called), another tool, or the
            // safety screen or the reading of the message alone (no tool).
            var escalated = turns.Where(t => t.Escalation is not null)
                .GroupBy(t => $"{t.Escalation} ({(t.Tools.Contains("answer_faq", StringComparison.Ordinal) ? "after a FAQ miss" : t.Tools.Length > 0 ? "after " + t.Tools : "no tool")})")
                .OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}");
            r.AppendLine(Inv, $"- {name}: false actions by what fired: {OrNone(fired)}; escalations by category: {OrNone(escalated)}");
        }
        r.AppendLine();
    }

    private static string OrNone(IEnumerable<string> items) => items.Any() ? string.Join(", ", items) : "none";

    private static string Pct(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? "n/a" : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)].ToString("F3", Inv);
    }

    private static void WriteSpeed(StringBuilder r, string split, List<Reading> engine, List<(string Name, string Note, List<AgentTurn> Turns)> runs, BaselineOutput? baseline)
    {
        r.AppendLine("### Speed (same run, same machine; single thread)");
        r.AppendLine();
        r.AppendLine("| reader | utterances | utterances/s | p50 ms | p99 ms |");
        r.AppendLine("|---|---:|---:|---:|---:|");
        void Row(string name, List<double> ms) => r.AppendLine(Inv, $"| {name} | {ms.Count} | {ms.Count / (ms.Sum() / 1000):F0} | {Pct(ms, 0.5)} | {Pct(ms, 0.99)} |");
        Row($"embedded engine: Understander only (SGD {split})", [.. engine.Select(e => e.Ms)]);
        Row($"embedded engine: whole agent turn on SQLite ({(split == "dev" ? "Snips train + SGD dev other services" : "CLINC + Snips validate")})", [.. runs.SelectMany(x => x.Turns).Select(t => t.Ms)]);
        if (baseline is not null)
        {
            Row($"nlp.js: process() (SGD {split})", [.. baseline.Sgd.Select(e => e.Ms)]);
            Row($"nlp.js: process() ({(split == "dev" ? "Snips train + SGD dev other services" : "CLINC + Snips validate")})", [.. baseline.Sets.SelectMany(s => s).Select(e => e.Ms)]);
            r.AppendLine();
            r.AppendLine(Inv, $"nlp.js {baseline.Version}: trained on {baseline.TrainCount} SGD train turns in {baseline.TrainSeconds:F1} s.");
        }
        else
        {
            r.AppendLine();
            r.AppendLine("nlp.js baseline: left out (--no-baseline).");
        }
        r.AppendLine();
    }

    private static void WriteExamples(StringBuilder r, List<SgdTurn> turns, List<Reading> engine, List<(string Name, string Note, List<AgentTurn> Turns)> runs)
    {
        r.AppendLine("### Failure samples (embedded engine, dev splits)");
        r.AppendLine();
        foreach (var (name, _, list) in runs)
        {
            var bad = list.Where(t => t.FalseAction).Take(12).ToList();
            if (bad.Count > 0)
            {
                r.AppendLine($"- {name}: " + string.Join("; ", bad.Select(t => $"\"{t.Text}\" → [{t.Tools}] \"{Short(t.Reply)}\"")));
            }
        }
        var missed = turns.Zip(engine).Where(p => p.First.GoldClass != "other" && p.Second.Class == "other").Take(6).ToList();
        r.AppendLine("- SGD opening requests read as 'other': " + string.Join("; ", missed.Select(p => $"\"{p.First.Utterance}\" (gold {p.First.GoldClass})")));
        foreach (var kind in new[] { "date", "time" })
        {
            var missed2 = turns.Zip(engine).Where(p => p.First.GoldMentions().Any(g => g.Kind == kind) && !p.Second.Mentions.Any(m => m.Kind == kind)).Take(6).ToList();
            r.AppendLine($"- SGD {kind}s missed: " + string.Join("; ", missed2.Select(p => $"\"{p.First.Utterance}\"")));
        }
    }

    private static string Short(string s) => s.Length > 90 ? s[..90] + "…" : s;

    // ---- baseline ----

    public sealed record BaselineOutput(string Version, int TrainCount, double TrainSeconds, List<Reading> Sgd, List<List<Reading>> Sets);

    private sealed class NodeReading
    {
        public string Cls { get; set; } = "other";
        public List<NodeMention> Mentions { get; set; } = [];
        public double Ms { get; set; }
    }

    private sealed class NodeMention
    {
        public string Kind { get; set; } = "";
        public int Start { get; set; }
        public int End { get; set; }
        public string Text { get; set; } = "";
        public string? Value { get; set; }
    }

    private sealed class NodeOutput
    {
        public string Version { get; set; } = "";
        public int TrainCount { get; set; }
        public double TrainSeconds { get; set; }
        public List<NodeReading> Sgd { get; set; } = [];
        public List<List<NodeReading>> Sets { get; set; } = [];
    }

    private static readonly JsonSerializerOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Runs eval/baseline/run.js; null (with the reason on stderr) when node fails.</summary>
    private static BaselineOutput? RunBaseline(string data, List<string> providers, List<SgdTurn> sgd, List<List<PlainUtterance>> sets)
    {
        var input = Path.Combine(Path.GetTempPath(), "frontdesk-baseline-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        System.IO.File.WriteAllText(input, JsonSerializer.Serialize(new
        {
            train = Path.Combine(data, "sgd-appointments", "train.jsonl"),
            providers,
            sgd = sgd.Select(t => t.Utterance),
            sets = sets.Select(s => s.Select(u => u.Text)),
        }));
        Console.WriteLine("nlp.js: training on the SGD train split and reading the same utterances…");
        try
        {
            var psi = new ProcessStartInfo("node", ["run.js", input]) { WorkingDirectory = BaselineDir, RedirectStandardOutput = true };
            using var p = Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
            var json = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0)
            {
                Console.Error.WriteLine($"nlp.js baseline failed (node exit {p.ExitCode}); its error is above.");
                return null;
            }
            var o = JsonSerializer.Deserialize<NodeOutput>(json, CaseInsensitive)!;
            return new BaselineOutput(o.Version, o.TrainCount, o.TrainSeconds, [.. o.Sgd.Select(Map)], [.. o.Sets.Select(s => s.Select(Map).ToList())]);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Console.Error.WriteLine($"nlp.js baseline: node could not be started ({ex.Message}). Install Node.js, or pass --no-baseline.");
            return null;
        }
        finally
        {
            System.IO.File.Delete(input);
        }
    }

    /// <summary>
    /// nlp.js's builtin (Microsoft recognizer) entities as mentions, normalised the same way as the engine's: a date is
    /// its surface words, a time the HH:mm of its first resolution. A combined date-and-time entity ("tomorrow at 3pm")
    /// counts as a date (its words without the time words) and a time, over the same span.
    /// </summary>
    private static Reading Map(NodeReading n)
    {
        var mentions = new List<Mention>();
        foreach (var m in n.Mentions)
        {
            var hhmm = m.Value is null ? null : ClockOf().Match(m.Value) is { Success: true } c ? c.Groups[1].Value : null;
            switch (m.Kind)
            {
                case "date": mentions.Add(new Mention("date", m.Start, m.End, SlotValues.Date(m.Text))); break;
                case "time": mentions.Add(new Mention("time", m.Start, m.End, hhmm)); break;
                case "datetime":
                    if (SlotValues.DateWithoutTime(m.Text) is { Length: > 0 } date)
                    {
                        mentions.Add(new Mention("date", m.Start, m.End, date));
                    }
                    mentions.Add(new Mention("time", m.Start, m.End, hhmm));
                    break;
                case "provider": mentions.Add(new Mention("provider", m.Start, m.End, m.Value)); break;
            }
        }
        return new Reading(n.Cls, mentions, n.Ms);
    }

    [GeneratedRegex(@"(\d\d:\d\d):\d\d$")]
    private static partial Regex ClockOf();
}
