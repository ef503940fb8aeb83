using System.Diagnostics;
using FrontDesk.Agent.Screening;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Profile;

namespace FrontDesk.Bench;

/// <summary>
/// The safety screen alone, in process, on the demo profile and the shipped rules: loading the rules (twice, to show
/// what a second harness in the same process pays; the first load compiles and warms the patterns since they are
/// compiled), the first pass over the messages, and then the steady cost of screening a message in (<see cref="SafetyScreen.ScreenInbound"/>) and the same text as
/// a draft reply (<see cref="SafetyScreen.ScreenReply"/>), in µs per message. The messages are the engine bench's
/// conversations (<c>BENCH_SPANISH=1</c> for every other one in Spanish).
/// </summary>
internal static class ScreenBench
{
    public static void Run(string[] args)
    {
        var rounds = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 200;
        var messages = Enumerable.Range(0, 400).SelectMany(i => EngineBench.Conversation(i).Turns).Distinct(StringComparer.Ordinal).ToList();
        var rulesPath = Path.Combine(TestFiles.Prompts, "escalation.yaml");
        Console.WriteLine($"FrontDesk.Bench screen  {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z  load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}  {messages.Count} distinct messages, {rounds} rounds");

        var watch = Stopwatch.StartNew();
        var rules = EscalationRules.Load(rulesPath);
        var firstLoad = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        _ = EscalationRules.Load(rulesPath);
        var secondLoad = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var screen = new SafetyScreen(SpaProfileLoader.Load(TestFiles.DemoProfile), rules);
        var build = watch.Elapsed.TotalMilliseconds;
        Console.WriteLine($"rules loaded: first {firstLoad:F1} ms, second {secondLoad:F1} ms; screen built {build:F1} ms");

        var slowest = 0.0;
        watch.Restart();
        foreach (var text in messages)
        {
            var one = Stopwatch.GetTimestamp();
            Screen(screen, text);
            slowest = Math.Max(slowest, Stopwatch.GetElapsedTime(one).TotalMilliseconds);
        }
        Console.WriteLine($"first pass: {watch.Elapsed.TotalMilliseconds:F1} ms, slowest message {slowest:F1} ms");

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        watch.Restart();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var text in messages)
            {
                Screen(screen, text);
            }
        }
        var n = (double)rounds * messages.Count;
        var cpuUs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / n;
        Console.WriteLine($"steady: {watch.Elapsed.TotalMicroseconds / n:F1} µs wall, {cpuUs:F1} µs CPU per message (in and as a reply), {n:N0} messages; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    }

    private static void Screen(SafetyScreen screen, string text)
    {
        _ = screen.ScreenInbound(text);
        _ = screen.ScreenReply(text, key => key);
    }
}
