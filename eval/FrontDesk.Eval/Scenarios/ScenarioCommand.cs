using System.Globalization;
using System.Text;
using FrontDesk.TestSupport;

namespace FrontDesk.Eval.Scenarios;

/// <summary>
/// <c>scenarios [--k N] [--store sqlite|postgres] [--only text] [--verbose]</c>: runs the suite and prints a pass/fail table.
/// With an LLM brain configured (FrontDesk__Llm__Provider etc. in the environment) it runs every scenario k times
/// (default 4) and reports pass^k, the chance that all k runs of a scenario pass, as τ-bench does.
/// </summary>
public static class ScenarioCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var scenarios = ScenarioFiles.Load(RepoPaths.Scenarios).Where(s => options.Only is null || s.Id.Contains(options.Only, StringComparison.OrdinalIgnoreCase)).ToList();
        var llm = LlmSettings();
        var k = options.K ?? (llm.Count > 0 ? 4 : 1);
        var brain = llm.Count > 0 ? $"llm ({llm.GetValueOrDefault("FrontDesk:Llm:Provider")} {llm.GetValueOrDefault("FrontDesk:Llm:Model")}) with the embedded fallback" : "embedded engine";
        Console.WriteLine($"{scenarios.Count} scenarios, {k} run(s) each, brain: {brain}, store: {options.Store}");
        var results = new List<(Scenario Scenario, List<ScenarioOutcome> Runs)>();
        foreach (var scenario in scenarios)
        {
            var runs = new List<ScenarioOutcome>();
            for (var i = 0; i < k; i++)
            {
                var outcome = await ScenarioRunner.RunAsync(scenario, options.Store, llm);
                runs.Add(outcome);
            }
            results.Add((scenario, runs));
            var passes = runs.Count(r => r.Passed);
            var mark = passes == runs.Count ? "pass" : passes == 0 ? "FAIL" : $"{passes}/{runs.Count}";
            Console.WriteLine($"  {mark,-8} {scenario.Id,-46} {string.Join(',', scenario.Tags),-26} {runs.Average(r => r.Elapsed.TotalMilliseconds),7:F0} ms");
            if (options.Verbose || passes < runs.Count)
            {
                foreach (var line in (runs.FirstOrDefault(r => !r.Passed) ?? runs[0]).Explain().Split('\n').Skip(1).Where(l => l.Length > 0))
                {
                    Console.WriteLine("           " + line);
                }
            }
        }

        var ran = results;
        var summary = new StringBuilder();
        summary.AppendLine(CultureInfo.InvariantCulture, $"Brain: {brain}. Store: {options.Store}. {ran.Count} scenarios run (SMS keyword turns through the SMS channel's own handling).");
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
        var failed = ran.Where(r => !r.Runs.All(x => x.Passed)).ToList();
        if (failed.Count > 0)
        {
            summary.AppendLine();
            summary.AppendLine("Failing scenarios (first failing run):");
            summary.AppendLine();
            foreach (var (scenario, runs) in failed)
            {
                var line = $"- `{scenario.Id}`: {string.Join("; ", runs.First(r => !r.Passed).Failures.Select(f => f.Split('\n')[0]))}"
                    + (scenario.KnownIssue is { } issue ? $" Known issue: {issue}" : "");
                summary.AppendLine(line);
            }
        }
        Console.WriteLine();
        Console.Write(summary);
        if (options.WriteReport)
        {
            Report.Write(options.Label == "before" ? "scenarios-before" : "scenarios", summary.ToString());
        }
        return failed.Count == 0 ? 0 : 1;
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

    /// <summary>FrontDesk:Llm:* from the environment (FrontDesk__Llm__Provider…), when a provider other than Embedded is set.</summary>
    public static Dictionary<string, string?> LlmSettings()
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            var key = (string)e.Key;
            if (key.StartsWith("FrontDesk__Llm__", StringComparison.OrdinalIgnoreCase))
            {
                settings["FrontDesk:Llm:" + key["FrontDesk__Llm__".Length..].Replace("__", ":", StringComparison.Ordinal)] = (string?)e.Value;
            }
        }
        return settings.TryGetValue("FrontDesk:Llm:Provider", out var p) && p is not null && !p.Equals("Embedded", StringComparison.OrdinalIgnoreCase) ? settings : [];
    }
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
    /// <summary>nlu: "test" (the reported figures) or "dev" (for looking at failures; never written to the report).</summary>
    public string Split { get; set; } = "test";
    /// <summary>nlu: leave the nlp.js baseline out on purpose (otherwise a missing baseline is an error).</summary>
    public bool NoBaseline { get; set; }

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
                    o.Split = Next() is "dev" or "test" ? e.Current : throw new ArgumentException("--split is dev or test");
                    break;
                case "--no-baseline": o.NoBaseline = true; break;
                default: throw new ArgumentException($"unknown option {a}");
            }
        }
        return o;
    }
}
