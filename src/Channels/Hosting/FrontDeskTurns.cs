using System.Diagnostics;
using FrontDesk.Agent;

namespace FrontDesk.Channels.Hosting;

/// <summary>
/// How a channel hands a turn to the agent: runs <see cref="FrontDeskAgent.HandleAsync(TurnRequest, Func{string, CancellationToken, ValueTask}?, CancellationToken)"/>,
/// records the turn's metrics (latency, brain, tool calls, escalation) and logs it without personal data. Turns answered
/// before the start-up warm-up is done (its own web chat turn over HTTP) are not counted in the metrics.
/// </summary>
public sealed class FrontDeskTurns(FrontDeskAgent agent, FrontDeskTelemetry telemetry, WarmUpStatus warmUp, ILogger<FrontDeskTurns> logger)
{
    /// <summary>
    /// True when the agent refused the turn because the previous turn of the conversation is still running (answer
    /// "busy, try again"); a regex timeout, also a <see cref="TimeoutException"/>, is a failure, not a busy signal.
    /// </summary>
    public static bool IsBusy(Exception exception) =>
        exception is TimeoutException and not System.Text.RegularExpressions.RegexMatchTimeoutException;

    /// <summary>Handles one turn, streaming sentences through <paramref name="onSentence"/> when given.</summary>
    public async Task<AgentReply> HandleAsync(TurnRequest request, Func<string, CancellationToken, ValueTask>? onSentence, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var reply = await agent.HandleAsync(request, onSentence, ct);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (warmUp.Done)
        {
            Record(request, reply, elapsed);
        }
        logger.LogInformation("Turn on {Channel} in {ConversationId}: brain {Brain}, {ToolCount} tool calls ({Tools}), {ElapsedMs} ms{Escalated}",
            request.Channel, reply.ConversationId, reply.Brain, reply.ToolCalls.Count, string.Join(",", reply.ToolCalls.Select(c => c.Name + ":" + c.Outcome)),
            (int)elapsed, reply.Escalation is null ? "" : ", escalation " + reply.Escalation.Category);
        return reply;
    }

    private void Record(TurnRequest request, AgentReply reply, double elapsed)
    {
        var channel = new KeyValuePair<string, object?>("frontdesk.channel", request.Channel);
        var brain = new KeyValuePair<string, object?>("frontdesk.brain", reply.Brain);
        telemetry.TurnDuration.Record(elapsed, channel, brain);
        telemetry.Turns.Add(1, channel, brain);
        foreach (var call in reply.ToolCalls)
        {
            telemetry.ToolCalls.Add(1, new KeyValuePair<string, object?>("frontdesk.tool", call.Name), new KeyValuePair<string, object?>("frontdesk.tool.outcome", call.Outcome));
        }
        if (reply.Escalation is { } escalation)
        {
            telemetry.Escalations.Add(1, new KeyValuePair<string, object?>("frontdesk.escalation.category", escalation.Category), channel);
        }
    }
}
