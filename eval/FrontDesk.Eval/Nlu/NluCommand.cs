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
using FrontDesk.Tools.Profile;

namespace FrontDesk.Eval.Nlu;

/// <summary>What a reader (the engine or the baseline) made of one utterance.</summary>
public sealed record Reading(string Class, IReadOnlyList<(string Kind, string Text)> Mentions, double Ms);

/// <summary>What the agent did with one utterance on a fresh conversation.</summary>
public sealed record AgentTurn(string Text, bool WroteData, bool StartedBooking, string? Escalation, string Reply, string Tools, double Ms);

/// <summary>
/// <c>nlu [--datasets path] [--limit N] [--label before]</c>: language understanding against third-party data, the
/// embedded engine and the nlp.js baseline side by side, speed of both in the same run (docs/evaluation.md §2–3).
/// </summary>
public static partial class NluCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal) { "the", "at", "on", "in", "a", "an", "of", "for", "by", "to", "around", "about", "with", "dr", "dr." };

    public static async Task<int> RunAsync(Options options)
    {
        var data = RepoPaths.Datasets(options.Datasets);
        if (!Directory.Exists(Path.Combine(data, "sgd-appointments")))
        {
            Console.Error.WriteLine($"datasets not found at {data} (set --datasets or FRONTDESK_DATASETS)");
            return 2;
        }
        var sgd = Take(Jsonl.Read<SgdTurn>(Path.Combine(data, "sgd-appointments", "test.jsonl")), options.Limit);
        var sets = new (string Name, string Note, List<PlainUtterance> Rows)[]
        {
            ("clinc oos_test", "clean out-of-scope", Take(Jsonl.Read<PlainUtterance>(Path.Combine(data, "clinc-oos", "oos_test.jsonl")), options.Limit)),
            ("clinc in-scope, unrelated domains", "clean out-of-scope for a spa", Take(Jsonl.Read<PlainUtterance>(Path.Combine(data, "clinc-oos", "inscope_unrelated_sample.jsonl")), options.Limit)),
            ("snips BookRestaurant (train+validate)", "booking language, another business", Take([.. Jsonl.Read<PlainUtterance>(Path.Combine(data, "snips-bookrestaurant", "train.jsonl")), .. Jsonl.Read<PlainUtterance>(Path.Combine(data, "snips-bookrestaurant", "validate.jsonl"))], options.Limit)),
            ("clinc near-miss (not clean)", "booking/insurance language; some rows are fair spa requests", Take(Jsonl.Read<PlainUtterance>(Path.Combine(data, "clinc-oos", "inscope_near_miss_sample.jsonl")), options.Limit)),
        };

        // The spa's staff list, as a profile would give it: every provider name the SGD test dialogues use. Only the
        // names (no utterances, no labels) — the engine matches staff against the profile, so it needs a staff list.
        var providers = sgd.SelectMany(t => t.SlotValues ?? []).Where(kv => SgdTurn.SlotKind(kv.Key) == "provider")
            .Select(kv => kv.Value[0]).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var demo = SpaProfileLoader.Load(RepoPaths.Profile("demo"));
        var vocabulary = new SpaVocabulary(
            demo.Services.Select(s => new ServiceTerm(s.Id, s.Name, s.Aliases, s.Category, s.DurationMin)),
            providers.Select((n, i) => new PersonTerm("p" + i.ToString(Inv), n)),
            demo.Locations.Select(l => new PlaceTerm(l.Id, l.Name)));
        Console.WriteLine($"SGD test: {sgd.Count} user turns, {providers.Count} provider names; datasets at {data}");

        var understander = new Understander();
        var context = new UnderstandingContext(new DateOnly(2026, 11, 23), vocabulary);
        understander.Understand("warm up", context);
        var engine = sgd.Select(t => ReadWithEngine(understander, context, t.Utterance)).ToList();

        var agentRuns = new List<(string Name, string Note, List<AgentTurn> Turns)>();
        foreach (var (name, note, rows) in sets)
        {
            Console.WriteLine($"agent: {name} ({rows.Count})");
            agentRuns.Add((name, note, await RunAgentAsync(rows)));
        }

        var baseline = RunBaseline(data, providers, sgd, sets.Select(s => s.Rows).ToList(), options.Limit);

        var report = new StringBuilder();
        WriteSgd(report, sgd, engine, baseline?.Sgd);
        WriteFalseActions(report, sets, agentRuns, baseline?.Sets);
        WriteSpeed(report, engine, agentRuns, baseline);
        WriteExamples(report, sgd, engine, agentRuns);
        Console.WriteLine();
        Console.WriteLine(report);
        if (options.WriteReport)
        {
            Report.Write(options.Label == "before" ? "nlu-before" : "nlu", report.ToString());
        }
        return 0;
    }

    private static List<T> Take<T>(List<T> rows, int? limit) => limit is { } n ? [.. rows.Take(n)] : rows;

    public static Reading ReadWithEngine(Understander understander, UnderstandingContext context, string text)
    {
        var started = Stopwatch.GetTimestamp();
        var u = understander.Understand(text, context);
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var mentions = new List<(string, string)>();
        if (u.Date is { } d)
        {
            mentions.Add(("date", d.Span.Of(u.Text)));
        }
        foreach (var s in u.Time?.Spans ?? [])
        {
            mentions.Add(("time", s.Of(u.Text)));
        }
        if (u.Staff.Kind is StaffMatchKind.Confident or StaffMatchKind.Candidates)
        {
            mentions.Add(("provider", u.Staff.Span.Of(u.Text)));
        }
        var cls = u.Intent switch
        {
            Intent.Availability => "find",
            Intent.Book => "book",
            _ => "other",
        };
        return new Reading(cls, mentions, ms);
    }

    private static async Task<List<AgentTurn>> RunAgentAsync(List<PlainUtterance> rows)
    {
        await using var h = await SpaBookHarness.StartAsync(TestStore.Sqlite, RepoPaths.Profile("demo"),
            register: (s, c) => s.AddFrontDeskAgent(c, AppContext.BaseDirectory));
        var agent = h.Get<FrontDeskAgent>();
        await agent.HandleAsync(new TurnRequest("warmup", "web", "hello"), CancellationToken.None);
        var turns = new List<AgentTurn>(rows.Count);
        foreach (var row in rows)
        {
            var started = Stopwatch.GetTimestamp();
            var reply = await agent.HandleAsync(new TurnRequest("fa_" + Guid.NewGuid().ToString("N")[..12], "web", row.Text), CancellationToken.None);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var wrote = reply.ToolCalls.Any(c => SpaTools.WritingTools.Contains(c.Name));
            var booking = reply.ToolCalls.Any(c => c.Name is "check_availability" or "join_waitlist" or "book_appointment") || BookingQuestion().IsMatch(reply.Text ?? "");
            turns.Add(new AgentTurn(row.Text, wrote, booking, reply.Escalation?.Category, reply.Text ?? "", string.Join(",", reply.ToolCalls.Select(c => c.Name)), ms));
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

    private static HashSet<string> Words(string s) =>
        [.. Regex.Split(s.ToLowerInvariant(), @"[^a-z0-9:]+").Where(w => w.Length > 0 && !Stop.Contains(w))];

    /// <summary>Mention F1 per kind: a predicted mention is right when it shares a content word with an unmatched gold mention of the same kind.</summary>
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
                var gold = turns[i].GoldMentions().Where(g => g.Kind == kind).Select(g => Words(turns[i].Utterance[g.Start..g.End])).ToList();
                var used = new bool[gold.Count];
                foreach (var (_, text) in readings[i].Mentions.Where(m => m.Kind == kind))
                {
                    var words = Words(text);
                    var j = Enumerable.Range(0, gold.Count).FirstOrDefault(j => !used[j] && gold[j].Overlaps(words), -1);
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

    private static void WriteSgd(StringBuilder r, List<SgdTurn> turns, List<Reading> engine, List<Reading>? baseline)
    {
        r.AppendLine(Inv, $"### SGD appointments, test split ({turns.Count} user turns; salon and therapist dialogues)");
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
                r.AppendLine(Inv, $"| slot F1 {kind} | n/a: no gold mentions (SGD users pick offered {kind}s rather than name them) | n/a |");
                continue;
            }
            r.AppendLine(Inv, $"| slot F1 {kind} ({e.Tp + e.Fn} gold mentions, appointment-service turns) | {e.F1:P1} (P {e.P:P0} R {e.R:P0}) | {(b is null ? "n/a" : $"{b.F1:P1} (P {b.P:P0} R {b.R:P0})")} |");
        }
        r.AppendLine();
        r.AppendLine("Confusion, embedded engine (rows gold, columns predicted):");
        r.AppendLine();
        r.AppendLine("| gold \\ predicted | find | book | other |");
        r.AppendLine("|---|---:|---:|---:|");
        foreach (var g in new[] { "find", "book", "other" })
        {
            r.AppendLine(Inv, $"| {g} | {string.Join(" | ", new[] { "find", "book", "other" }.Select(p => turns.Zip(engine).Count(x => x.First.GoldClass == g && x.Second.Class == p)))} |");
        }
        r.AppendLine();
    }

    private static string Coarse(string c) => c == "other" ? "other" : "appointment";

    private static void WriteFalseActions(StringBuilder r, (string Name, string Note, List<PlainUtterance> Rows)[] sets, List<(string Name, string Note, List<AgentTurn> Turns)> runs, List<List<Reading>>? baseline)
    {
        r.AppendLine("### False actions on requests that are not spa bookings (one turn, fresh web conversation)");
        r.AppendLine();
        r.AppendLine("| data | n | agent: wrote data | agent: started a booking flow | agent: escalated | nlp.js: predicts find/book |");
        r.AppendLine("|---|---:|---:|---:|---:|---:|");
        for (var i = 0; i < runs.Count; i++)
        {
            var (name, note, turns) = runs[i];
            var n = turns.Count;
            var b = baseline?[i];
            r.AppendLine(Inv, $"| {name} — {note} | {n} | {turns.Count(t => t.WroteData) / (double)n:P1} | {turns.Count(t => t.StartedBooking) / (double)n:P1} | {turns.Count(t => t.Escalation is not null) / (double)n:P1} | {(b is null ? "n/a" : (b.Count(x => x.Class != "other") / (double)b.Count).ToString("P1", Inv))} |");
        }
        r.AppendLine();
    }

    private static string Pct(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? "n/a" : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)].ToString("F3", Inv);
    }

    private static void WriteSpeed(StringBuilder r, List<Reading> engine, List<(string Name, string Note, List<AgentTurn> Turns)> runs, BaselineOutput? baseline)
    {
        r.AppendLine("### Speed (same run, same machine; single thread)");
        r.AppendLine();
        r.AppendLine("| reader | utterances | utterances/s | p50 ms | p99 ms |");
        r.AppendLine("|---|---:|---:|---:|---:|");
        void Row(string name, List<double> ms) => r.AppendLine(Inv, $"| {name} | {ms.Count} | {ms.Count / (ms.Sum() / 1000):F0} | {Pct(ms, 0.5)} | {Pct(ms, 0.99)} |");
        Row("embedded engine: Understander only (SGD test)", [.. engine.Select(e => e.Ms)]);
        Row("embedded engine: whole agent turn on SQLite (CLINC + Snips)", [.. runs.SelectMany(x => x.Turns).Select(t => t.Ms)]);
        if (baseline is not null)
        {
            Row("nlp.js: process() (SGD test)", [.. baseline.Sgd.Select(e => e.Ms)]);
            Row("nlp.js: process() (CLINC + Snips)", [.. baseline.Sets.SelectMany(s => s).Select(e => e.Ms)]);
            r.AppendLine();
            r.AppendLine(Inv, $"nlp.js {baseline.Version}: trained on {baseline.TrainCount} SGD train turns in {baseline.TrainSeconds:F1} s.");
        }
        else
        {
            r.AppendLine();
            r.AppendLine("nlp.js baseline: not run (node or eval/baseline/node_modules missing: `cd eval/baseline && npm ci`).");
        }
        r.AppendLine();
    }

    private static void WriteExamples(StringBuilder r, List<SgdTurn> turns, List<Reading> engine, List<(string Name, string Note, List<AgentTurn> Turns)> runs)
    {
        r.AppendLine("### Failure samples (embedded engine)");
        r.AppendLine();
        foreach (var (name, _, list) in runs)
        {
            var bad = list.Where(t => t.WroteData || t.StartedBooking).Take(6).ToList();
            if (bad.Count > 0)
            {
                r.AppendLine($"- {name}: " + string.Join("; ", bad.Select(t => $"\"{t.Text}\" → [{t.Tools}] \"{Short(t.Reply)}\"")));
            }
        }
        var missed = turns.Zip(engine).Where(p => p.First.GoldClass != "other" && p.Second.Class == "other").Take(6).ToList();
        r.AppendLine("- SGD opening requests read as 'other': " + string.Join("; ", missed.Select(p => $"\"{p.First.Utterance}\" (gold {p.First.GoldClass})")));
        var dates = turns.Zip(engine).Where(p => p.First.GoldMentions().Any(g => g.Kind == "date") && !p.Second.Mentions.Any(m => m.Kind == "date")).Take(6).ToList();
        r.AppendLine("- SGD dates missed: " + string.Join("; ", dates.Select(p => $"\"{p.First.Utterance}\"")));
        var times = turns.Zip(engine).Where(p => p.First.GoldMentions().Any(g => g.Kind == "time") && !p.Second.Mentions.Any(m => m.Kind == "time")).Take(6).ToList();
        r.AppendLine("- SGD times missed: " + string.Join("; ", times.Select(p => $"\"{p.First.Utterance}\"")));
    }

    private static string Short(string s) => s.Length > 90 ? s[..90] + "…" : s;

    // ---- baseline ----

    public sealed record BaselineOutput(string Version, int TrainCount, double TrainSeconds, List<Reading> Sgd, List<List<Reading>> Sets);

    private sealed class NodeReading
    {
        public string Cls { get; set; } = "other";
        public List<string[]> Mentions { get; set; } = [];
        public double Ms { get; set; }
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

    private static BaselineOutput? RunBaseline(string data, List<string> providers, List<SgdTurn> sgd, List<List<PlainUtterance>> sets, int? limit)
    {
        var dir = Path.Combine(RepoPaths.Root, "eval", "baseline");
        if (!Directory.Exists(Path.Combine(dir, "node_modules", "node-nlp")))
        {
            return null;
        }
        var input = Path.Combine(Path.GetTempPath(), "frontdesk-baseline-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        File.WriteAllText(input, JsonSerializer.Serialize(new
        {
            train = Path.Combine(data, "sgd-appointments", "train.jsonl"),
            providers,
            sgd = sgd.Select(t => t.Utterance),
            sets = sets.Select(s => s.Select(u => u.Text)),
        }));
        Console.WriteLine("nlp.js: training on the SGD train split and reading the same splits…");
        var psi = new ProcessStartInfo("node", ["run.js", input]) { WorkingDirectory = dir, RedirectStandardOutput = true };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
        var json = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        File.Delete(input);
        if (p.ExitCode != 0)
        {
            Console.Error.WriteLine($"nlp.js baseline failed (exit {p.ExitCode})");
            return null;
        }
        var o = JsonSerializer.Deserialize<NodeOutput>(json, CaseInsensitive)!;
        static Reading Map(NodeReading n) => new(n.Cls, [.. n.Mentions.Select(m => (m[0], m[1]))], n.Ms);
        return new BaselineOutput(o.Version, o.TrainCount, o.TrainSeconds, [.. o.Sgd.Select(Map)], [.. o.Sets.Select(s => s.Select(Map).ToList())]);
    }
}
