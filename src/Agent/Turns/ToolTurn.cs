using System.Diagnostics;
using System.Text.Json;
using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Transcripts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace FrontDesk.Agent.Turns;

/// <summary>The outcome of one brain's turn with the tools.</summary>
/// <param name="Text">The model's final text (empty when it produced none).</param>
/// <param name="NewMessages">Assistant and tool messages produced, to append to history.</param>
/// <param name="ToolCalls">Every call and its result, in order.</param>
/// <param name="ModelId">Model that answered, when reported.</param>
/// <param name="HitLimit">True when the per-turn limit of model round trips stopped the tool calls.</param>
public sealed record LoopResult(string Text, IReadOnlyList<ChatMessage> NewMessages, IReadOnlyList<ToolCallRecord> ToolCalls, string? ModelId, bool HitLimit);

/// <summary>
/// One turn of a brain with the spa's tools, through Microsoft.Extensions.AI's <see cref="FunctionInvokingChatClient"/>:
/// it asks the model, runs the functions it calls one at a time, feeds the results back, until the model answers in
/// text or the per-turn limit is reached (then the last request goes without tools). What is ours is the invoker: every
/// call is audited (<see cref="ToolCallRecord"/>, a trace span), and a failing tool never breaks the turn: its error
/// goes back to the model as text (a bad argument with its reason, any other failure without internals), is logged,
/// and is recorded with the outcome <see cref="FailedOutcome"/>.
/// </summary>
public sealed class ToolTurn
{
    /// <summary>Activity source for traces of turns and tool calls.</summary>
    public static readonly ActivitySource Activity = new("FrontDesk.Agent");

    /// <summary>Outcome recorded for a tool that threw something other than a bad-argument error.</summary>
    public const string FailedOutcome = "failed";

    /// <summary>Outcome recorded for a call to a tool that does not exist.</summary>
    public const string UnknownToolOutcome = "unknown_tool";

    private readonly IChatClient _client;
    private readonly IList<AITool> _tools;
    private readonly ILogger _logger;
    private readonly Dictionary<string, ToolCallRecord> _records = new(StringComparer.Ordinal);

    /// <summary>A turn of <paramref name="brain"/> with <paramref name="tools"/>, at most <paramref name="maxRoundTrips"/> model requests.</summary>
    public ToolTurn(IChatClient brain, IList<AITool> tools, int maxRoundTrips, ILogger logger)
    {
        _tools = tools;
        _logger = logger;
        _client = brain.AsBuilder()
            .UseFunctionInvocation(configure: f =>
            {
                // The library makes one more request, without tools, after its last round of calls: so many round trips in all.
                f.MaximumIterationsPerRequest = Math.Max(1, maxRoundTrips - 1);
                // The tools share the conversation's scope: one call at a time, in the order the model asked.
                f.AllowConcurrentInvocation = false;
                f.FunctionInvoker = InvokeAsync;
            })
            .Build();
    }

    /// <summary>Runs the turn; with <paramref name="onText"/>, streams the model's text through it as it arrives.</summary>
    public async Task<LoopResult> RunAsync(List<ChatMessage> messages, Func<string, CancellationToken, ValueTask>? onText, CancellationToken ct)
    {
        var options = new ChatOptions { Tools = _tools, ToolMode = ChatToolMode.Auto };
        ChatResponse response;
        if (onText is null)
        {
            response = await _client.GetResponseAsync(messages, options, ct);
        }
        else
        {
            var updates = new List<ChatResponseUpdate>();
            await foreach (var update in _client.GetStreamingResponseAsync(messages, options, ct))
            {
                updates.Add(update);
                if (update.Role != ChatRole.Tool && update.Text is { Length: > 0 } delta)
                {
                    await onText(delta, ct);
                }
            }
            response = updates.ToChatResponse();
        }
        var produced = response.Messages.ToList();
        // Calls the model still made when the limit was reached are not answered: they are dropped from the history
        // (a history with an unanswered call is refused by OpenAI-compatible servers on the next turn).
        var answered = produced.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Select(r => r.CallId).ToHashSet(StringComparer.Ordinal);
        var hitLimit = produced.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Any(c => !answered.Contains(c.CallId));
        if (hitLimit)
        {
            produced = [.. produced
                .Select(m => m.Contents.OfType<FunctionCallContent>().Any(c => !answered.Contains(c.CallId))
                    ? new ChatMessage(m.Role, [.. m.Contents.Where(c => c is not FunctionCallContent call || answered.Contains(call.CallId))]) { AdditionalProperties = m.AdditionalProperties }
                    : m)
                .Where(m => m.Contents.Count > 0)];
        }
        messages.AddRange(produced);
        var final = produced.LastOrDefault(m => m.Role == ChatRole.Assistant && !m.Contents.OfType<FunctionCallContent>().Any());
        return new LoopResult(hitLimit ? "" : final?.Text ?? "", produced, Records(produced), response.ModelId, hitLimit);
    }

    /// <summary>The audit of the turn's calls in the order the model made them; calls the library answered itself (unknown tools) included.</summary>
    private List<ToolCallRecord> Records(List<ChatMessage> produced)
    {
        var results = produced.SelectMany(m => m.Contents).OfType<FunctionResultContent>().ToDictionary(r => r.CallId, StringComparer.Ordinal);
        var records = new List<ToolCallRecord>();
        foreach (var call in produced.SelectMany(m => m.Contents).OfType<FunctionCallContent>())
        {
            if (_records.TryGetValue(call.CallId, out var record))
            {
                records.Add(record);
            }
            else if (results.TryGetValue(call.CallId, out var result))
            {
                records.Add(new ToolCallRecord(call.Name, UnknownToolOutcome, Arguments(call), StoredMessage.SerializeResult(result.Result)));
            }
        }
        return records;
    }

    private async ValueTask<object?> InvokeAsync(FunctionInvocationContext context, CancellationToken ct)
    {
        var call = context.CallContent;
        using var span = Activity.StartActivity($"tool {call.Name}");
        object? result;
        string outcome;
        try
        {
            result = await context.Function.InvokeAsync(context.Arguments, ct);
            outcome = Outcome(result);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is ArgumentException or JsonException or InvalidOperationException or FormatException)
        {
            // Bad arguments from the model: tell it what went wrong so it can correct itself.
            result = $"error: {ex.Message}";
            outcome = "error";
        }
        catch (Exception ex)
        {
            // Anything else is our fault, not the model's: log it, and tell the model no more than that it failed.
            _logger.LogError(ex, "Tool {Tool} failed", call.Name);
            span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            result = $"error: the {call.Name} tool failed unexpectedly. Do not retry it now; apologise and say a team member will follow up.";
            outcome = FailedOutcome;
        }
        span?.SetTag("frontdesk.tool.outcome", outcome);
        _records[call.CallId] = new ToolCallRecord(call.Name, outcome, Arguments(call), StoredMessage.SerializeResult(result));
        return result;
    }

    private static string Arguments(FunctionCallContent call) => JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>(), ConversationState.Json);

    private static string Outcome(object? result)
    {
        if (result is JsonElement { ValueKind: JsonValueKind.Object } e && e.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String)
        {
            return s.GetString() ?? "ok";
        }
        return result is string text && text.StartsWith("error", StringComparison.Ordinal) ? "error" : "ok";
    }
}
