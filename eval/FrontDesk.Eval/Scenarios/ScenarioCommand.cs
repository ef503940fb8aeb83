using System.Globalization;
using System.Text;
using FrontDesk.TestSupport;

namespace FrontDesk.Eval.Scenarios;

/// <summary>
/// <c>scenarios [--k N] [--store sqlite|postgres] [--only text] [--verbose]</c>: runs the suite and prints a pass/fail table.
/// With an LLM brain configured (FrontDesk__Llm__Provider etc. in the environment) it runs every scenario k times
/// (default 4) and reports pass^k, the chance that all k runs of a scenario pass, as τ-bench does. The figure is the
/// LLM's own: the embedded fallback is off unless FrontDesk__Llm__FallbackToEmbedded says otherwise, and a run in
/// which any turn was not answered by the LLM (it failed or timed out) is reported as fallen back and counts as a
/// failed run.
/// </summary>
public static class ScenarioCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var scenarios = ScenarioFiles.Load(RepoPaths.Scenarios)
            .Where(s => options.Only is null || options.Only.Split(',').Any(o => s.Id.Contains(o, StringComparison.OrdinalIgnoreCase))).ToList();
        var llm = LlmSettings();
        var k = options.K ?? (llm.Count > 0 ? 4 : 1);
        var suite = await RunSuiteAsync(scenarios, k, options.Store, llm, Console.Out, options.Verbose);
        var summary = Summarize(suite);
        Console.WriteLine();
        Console.Write(summary);
        if (options.WriteReport)
        {
            Report.Write(options.Label == "current" ? "scenarios" : "scenarios-" + options.Label, summary);
        }
        return suite.Results.All(r => r.Runs.All(x => x.Passed)) ? 0 : 1;
    }

    /// <summary>Runs every scenario <paramref name="k"/> times with the <paramref name="llm"/> settings, printing a line per scenario to <paramref name="log"/>.</summary>
    public static async Task<SuiteResult> RunSuiteAsync(IReadOnlyList<Scenario> scenarios, int k, TestStore store, IReadOnlyDictionary<string, string?> llm,
        TextWriter log, bool verbose = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(llm);
        ArgumentNullException.ThrowIfNull(log);
        var fallback = !llm.TryGetValue("FrontDesk:Llm:FallbackToEmbedded", out var f) || !bool.TryParse(f, out var on) || on;
        var brain = llm.Count > 0
            ? $"llm ({llm.GetValueOrDefault("FrontDesk:Llm:Provider")} {llm.GetValueOrDefault("FrontDesk:Llm:Model")}) {(fallback ? "with" : "without")} the embedded fallback"
            : "embedded engine";
        await log.WriteLineAsync($"{scenarios.Count} scenarios, {k} run(s) each, brain: {brain}, store: {store}");
        var results = new List<ScenarioResult>();
        foreach (var scenario in scenarios)
        {
            var runs = new List<ScenarioOutcome>();
            for (var i = 0; i < k; i++)
            {
                runs.Add(await ScenarioRunner.RunAsync(scenario, store, llm, ct));
            }
            results.Add(new ScenarioResult(scenario, runs));
            var passes = runs.Count(r => r.Passed);
            var mark = passes == runs.Count ? "pass" : passes == 0 ? "FAIL" : $"{passes}/{runs.Count}";
            var fellBack = runs.Count(r => r.FellBack);
            await log.WriteLineAsync($"  {mark,-8} {scenario.Id,-46} {string.Join(',', scenario.Tags),-26} {runs.Average(r => r.Elapsed.TotalMilliseconds),7:F0} ms"
                + (fellBack > 0 ? $"  {fellBack}/{runs.Count} run(s) fell back" : ""));
            if (verbose || passes < runs.Count)
            {
                foreach (var line in (runs.FirstOrDefault(r => !r.Passed) ?? runs[0]).Explain().Split('\n').Skip(1).Where(l => l.Length > 0))
                {
                    await log.WriteLineAsync("           " + line);
                }
            }
        }
        return new SuiteResult(brain, store, k, results);
    }

    /// <summary>The report: passes by area, pass^1..pass^k, the runs that fell back, the failing scenarios.</summary>
    public static string Summarize(SuiteResult suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var ran = suite.Results;
        var k = suite.K;
        var summary = new StringBuilder();
        summary.AppendLine(CultureInfo.InvariantCulture, $"Brain: {suite.Brain}. Store: {suite.Store}. {ran.Count} scenarios run (SMS keyword turns through the SMS channel's own handling).");
        summary.AppendLine();
        summary.AppendLine("| area | scenarios | passed (all runs) |");
        summary.AppendLine("|---|---:|---:|");
        foreach (var area in ran.GroupBy(r => r.Scenario.Tags.FirstOrDefault() ?? "other").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            summary.AppendLine(CultureInfo.InvariantCulture, $"| {area.Key} | {area.Count()} | {area.Count(r => r.Runs.All(x => x.Passed))} |");
        }
        summary.AppendLine(CultureInfo.InvariantCulture, $"| **all** | **{ran.Count}** | **{ran.Count(r => r.Runs.All(x => x.Passed))}** |");
        summary.AppendLine();
        for (var j = 1; j <= k; j++)
        {
            summary.Append(CultureInfo.InvariantCulture, $"pass^{j} = {PassHatK(ran.Select(r => (r.Runs.Count, r.Runs.Count(x => x.Passed))), j):P1}");
            summary.Append(j < k ? ", " : "\n");
        }
        var runs = ran.SelectMany(r => r.Runs).ToList();
        var fellBack = runs.Where(r => r.FellBack).ToList();
        if (fellBack.Count > 0)
        {
            summary.AppendLine();
            summary.AppendLine(CultureInfo.InvariantCulture,
                $"Fell back: {fellBack.Count} of {runs.Count} runs had a turn that {fellBack[0].Brain} did not answer ({fellBack.Sum(r => r.FallbackTurns)} turns); they count as failed runs above.");
        }
        var failed = ran.Where(r => !r.Runs.All(x => x.Passed)).ToList();
        if (failed.Count > 0)
        {
            summary.AppendLine();
            summary.AppendLine("Failing scenarios (first failing run):");
            summary.AppendLine();
            foreach (var (scenario, scenarioRuns) in failed)
            {
                var line = $"- `{scenario.Id}`: {string.Join("; ", scenarioRuns.First(r => !r.Passed).Failures.Select(f => f.Split('\n')[0]))}"
                    + (scenario.KnownIssue is { } issue ? $" Known issue: {issue}" : "");
                summary.AppendLine(line);
            }
        }
        return summary.ToString();
    }

    /// <summary>τ-bench's pass^k: per task C(c, k) / C(n, k) for c passes in n runs, averaged over tasks.</summary>
    public static double PassHatK(IEnumerable<(int Runs, int Passes)> tasks, int k)
    {
        var list = tasks.ToList();
        return list.Count == 0 ? 0 : list.Average(t => t.Runs < k ? 0 : Choose(t.Passes, k) / Choose(t.Runs, k));
    }

    private static double Choose(int n, int k)
    {
        if (k > n)
        {
            return 0;
        }
        double r = 1;
        for (var i = 1; i <= k; i++)
        {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    /// <summary>
    /// FrontDesk:Llm:* from the environment (FrontDesk__Llm__Provider…), when a provider other than Embedded is set.
    /// The embedded fallback is off unless the environment turns it on, so a failing model is not measured as the engine.
    /// </summary>
    public static Dictionary<string, string?> LlmSettings() =>
        LlmSettings(Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>().Select(e => KeyValuePair.Create((string)e.Key, (string?)e.Value)));

    /// <summary>As <see cref="LlmSettings()"/>, from the given environment variables.</summary>
    public static Dictionary<string, string?> LlmSettings(IEnumerable<KeyValuePair<string, string?>> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        // Configuration keys are case-insensitive: FallbackToEmbedded set in any case is the one kept.
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in environment)
        {
            if (key.StartsWith("FrontDesk__Llm__", StringComparison.OrdinalIgnoreCase))
            {
                settings["FrontDesk:Llm:" + key["FrontDesk__Llm__".Length..].Replace("__", ":", StringComparison.Ordinal)] = value;
            }
        }
        if (!settings.TryGetValue("FrontDesk:Llm:Provider", out var p) || p is null || p.Equals("Embedded", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }
        settings.TryAdd("FrontDesk:Llm:FallbackToEmbedded", "false");
        return settings;
    }
}

/// <summary>The k runs of one scenario.</summary>
public sealed record ScenarioResult(Scenario Scenario, IReadOnlyList<ScenarioOutcome> Runs);

/// <summary>A suite run: which brain on which store, k runs of every scenario.</summary>
public sealed record SuiteResult(string Brain, TestStore Store, int K, IReadOnlyList<ScenarioResult> Results)
{
    /// <summary>pass^<paramref name="k"/> over the scenarios.</summary>
    public double PassHatK(int k) => ScenarioCommand.PassHatK(Results.Select(r => (r.Runs.Count, r.Runs.Count(x => x.Passed))), k);
}

/// <summary>Command-line options shared by the commands.</summary>
public sealed class Options
{
    public int? K { get; set; }
    public TestStore Store { get; set; } = TestStore.Sqlite;
    public string? Only { get; set; }
    public bool Verbose { get; set; }
    public bool WriteReport { get; set; } = true;
    public string? Datasets { get; set; }
    public int? Limit { get; set; }
    public string Label { get; set; } = "current";
    /// <summary>nlu: "test" (the reported figures), "dev" (for looking at failures; never written to the report), or "salon"
    /// (dev's sets with SGD's salon dialogues from its train split in place of the therapist ones: the test's other domain).</summary>
    public string Split { get; set; } = "test";
    /// <summary>nlu: leave the nlp.js baseline out on purpose (otherwise a missing baseline is an error).</summary>
    public bool NoBaseline { get; set; }
    /// <summary>nlu: semantic matching "all" (as configured by default: FAQ entries and intents by meaning), "faq" (FAQ only) or "off".</summary>
    public string Semantic { get; set; } = "all";
    /// <summary>nlu --split dev: write every reading to this file (JSON lines), to look at the errors.</summary>
    public string? Dump { get; set; }
    /// <summary>nlu: the SGD repository's dialogue files (eval/sgd/system-turns.sh), for the in-context reading; FRONTDESK_SGD_SOURCE when not given.</summary>
    public string? SgdSource { get; set; }
    /// <summary>
    /// nlu --split dev: CLINC150's <c>data_full.json</c> (from a clone of github.com/clinc/oos-eval, outside the repository):
    /// its oos_train + oos_val rows and its val rows of intents unrelated to booking are added as dev sets. Never its test rows.
    /// </summary>
    public string? ClincSource { get; set; }
    /// <summary>nlu: read SGD only (no agent runs on CLINC/Snips), for looking at the SGD errors quickly.</summary>
    public bool SgdOnly { get; set; }

    public static Options Parse(IEnumerable<string> args)
    {
        var o = new Options();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var a = e.Current;
            string Next() => e.MoveNext() ? e.Current : throw new ArgumentException($"{a} needs a value");
            switch (a)
            {
                case "--k": o.K = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--store": o.Store = Next().Equals("postgres", StringComparison.OrdinalIgnoreCase) ? TestStore.Postgres : TestStore.Sqlite; break;
                case "--only": o.Only = Next(); break;
                case "--verbose" or "-v": o.Verbose = true; break;
                case "--no-report": o.WriteReport = false; break;
                case "--datasets": o.Datasets = Next(); break;
                case "--limit": o.Limit = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--label": o.Label = Next(); break;
                case "--split":
                    o.Split = Next() is "dev" or "test" or "salon" ? e.Current : throw new ArgumentException("--split is dev, salon or test");
                    break;
                case "--no-baseline": o.NoBaseline = true; break;
                case "--dump": o.Dump = Next(); break;
                case "--sgd-source": o.SgdSource = Next(); break;
                case "--sgd-only": o.SgdOnly = true; break;
                case "--clinc-source": o.ClincSource = Next(); break;
                case "--semantic":
                    o.Semantic = Next() is "off" or "faq" or "all" ? e.Current : throw new ArgumentException("--semantic is off, faq or all");
                    break;
                default: throw new ArgumentException($"unknown option {a}");
            }
        }
        return o;
    }
}
