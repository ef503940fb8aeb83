using System.Globalization;
using FrontDesk.Eval.Nlu;

namespace FrontDesk.Eval;

/// <summary>
/// <c>agent-probe &lt; lines.txt</c>: each line (# comments skipped) as the first message of a fresh web conversation on
/// the demo profile, semantic matching on: what the agent did (false action, escalation, tools) and said. For tuning the
/// out-of-scope gate on hand-written sets (eval/probes/*.dev.txt), never on a test split.
/// </summary>
public static class AgentProbe
{
    public static async Task<int> RunAsync()
    {
        var rows = new List<PlainUtterance>();
        while (await Console.In.ReadLineAsync() is { } line)
        {
            if (line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'))
            {
                rows.Add(new PlainUtterance { Id = rows.Count.ToString(CultureInfo.InvariantCulture), Text = line.Trim() });
            }
        }
        var turns = await NluCommand.RunAgentAsync(rows, "all");
        foreach (var t in turns)
        {
            var mark = t.FalseAction ? "ACTION" : t.Escalation is { } e ? "ESC:" + e : "-";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{mark,-22} [{t.Tools}] {t.Text}\n{"",23}→ {(t.Reply.Length > 110 ? t.Reply[..110] + "…" : t.Reply)}"));
        }
        var n = (double)turns.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\n{turns.Count} lines: false action {turns.Count(t => t.FalseAction) / n:P1}, escalated {turns.Count(t => t.Escalation is not null) / n:P1} ({string.Join(", ", turns.Where(t => t.Escalation is not null).GroupBy(t => t.Escalation).Select(g => $"{g.Key} {g.Count()}"))})"));
        // The slowest turns, to catch a pattern that backtracks on some wording (a turn of seconds is a hang on a call).
        foreach (var t in turns.OrderByDescending(t => t.Ms).Take(3))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slow: {t.Ms,8:F0} ms  {(t.Text.Length > 80 ? t.Text[..80] + "…" : t.Text)}"));
        }
        return 0;
    }
}
