using System.Diagnostics;
using System.Globalization;
using FrontDesk.Agent;
using FrontDesk.Agent.Embedded;
using FrontDesk.TestSupport;

namespace FrontDesk.Bench;

/// <summary>
/// The embedded engine's reading of a message alone (<see cref="EmbeddedChatClient.Understand(string, IReadOnlyList{Microsoft.Extensions.AI.ChatMessage}?)"/>:
/// the language, the Spanish gloss, <c>Understander.Understand</c> and what it calls), in process, as the host builds it
/// (semantic matching on unless <c>--semantic off</c>), with no history: the load mix's messages and the engine bench's, and
/// the lines of any files given (the probe files of eval/probes, comments and blank lines skipped). A first pass, then the
/// steady CPU per message over <c>rounds</c> passes; run it under <c>perf record</c> to see where the reading's time goes
/// (<c>oncpu.py --under Understand</c>, docs/performance.md).
///   dotnet run -c Release --project bench/FrontDesk.Bench -- understand [rounds] [--semantic off] [files…]
/// </summary>
internal static class UnderstandBench
{
    public static async Task RunAsync(string[] args)
    {
        var rounds = args.Length > 0 && int.TryParse(args[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : 20;
        var si = Array.IndexOf(args, "--semantic");
        var semantic = !(si >= 0 && si + 1 < args.Length && args[si + 1].Equals("off", StringComparison.OrdinalIgnoreCase));
        var files = args.Where((a, i) => File.Exists(a) && (si < 0 || i != si + 1)).ToList();
        var messages = Enumerable.Range(0, 400).SelectMany(LoadBench.Script)
            .Concat(Enumerable.Range(0, 400).SelectMany(i => EngineBench.Conversation(i).Turns))
            .Concat(files.SelectMany(File.ReadLines).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
            .Distinct(StringComparer.Ordinal).ToList();
        Console.WriteLine($"FrontDesk.Bench understand  {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z  load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}  {messages.Count} distinct messages ({files.Count} files), {rounds} rounds, semantic matching {(semantic ? "on" : "off")}");
        await using var h = await SpaBookHarness.StartAsync(TestStore.Sqlite, extra: new() { ["FrontDesk:Semantic:Enabled"] = semantic ? "true" : "false" },
            register: (s, c) => s.AddFrontDeskAgent(c, AppContext.BaseDirectory));
        var engine = h.Get<EmbeddedChatClient>();

        var watch = Stopwatch.StartNew();
        foreach (var text in messages)
        {
            _ = engine.Understand(text);
        }
        Console.WriteLine($"first pass: {watch.Elapsed.TotalMilliseconds:F0} ms");

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        watch.Restart();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var text in messages)
            {
                _ = engine.Understand(text);
            }
        }
        var n = (double)rounds * messages.Count;
        var cpuUs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / n;
        var kb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / n;
        Console.WriteLine($"steady: {watch.Elapsed.TotalMicroseconds / n:F1} µs wall, {cpuUs:F1} µs CPU, {kb:F1} KB allocated per message; {n:N0} messages; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    }
}
