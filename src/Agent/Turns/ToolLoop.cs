using System.Diagnostics;
using System.Text;
using System.Text.Json;
using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Transcripts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace FrontDesk.Agent.Turns;

/// <summary>The outcome of one run of the loop.</summary>
/// <param name="Text">The model's final text (empty when it produced none).</param>
/// <param name="NewMessages">Assistant and tool messages produced, to append to history.</param>
/// <param name="ToolCalls">Every call and its result, in order.</param>
/// <param name="ModelId">Model that answered, when reported.</param>
/// <param name="HitLimit">True when the iteration limit stopped the loop.</param>
public sealed record LoopResult(string Text, IReadOnlyList<ChatMessage> NewMessages, IReadOnlyList<ToolCallRecord> ToolCalls, string? ModelId, bool HitLimit);

/// <summary>
/// The function-invocation loop (Microsoft.Extensions.AI's own is not available here): ask the model,
/// run the functions it calls, feed the results back, until it answers in text or the limit is hit.
/// A failing tool never breaks the loop: its error goes back to the model as text (a bad argument with its reason,
/// any other failure without internals), is logged, and is recorded with the outcome <c>failed</c>.
/// </summary>
public static class ToolLoop
{
    /// <summary>Activity source for traces of turns and tool calls.</summary>
    public static readonly ActivitySource Activity = new("FrontDesk.Agent");

    /// <summary>Runs the loop without streaming.</summary>
    public static async Task<LoopResult> RunAsync(IChatClient client, List<ChatMessage> messages, IList<AITool> tools, ChatOptions? options, int maxIterations,
        ILogger logger, CancellationToken ct)
    {
        var produced = new List<ChatMessage>();
        var records = new List<ToolCallRecord>();
        string? model = null;
        var chatOptions = WithTools(options, tools);
        for (var i = 0; i < maxIterations; i++)
        {
            var response = await client.GetResponseAsync(messages, chatOptions, ct);
            model ??= response.ModelId;
            var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
            messages.AddRange(response.Messages);
            produced.AddRange(response.Messages);
            if (calls.Count == 0)
            {
                return new LoopResult(response.Text, produced, records, model, HitLimit: false);
            }
            var results = await InvokeAllAsync(calls, tools, records, logger, ct);
            messages.Add(results);
            produced.Add(results);
        }
        return new LoopResult("", produced, records, model, HitLimit: true);
    }

    /// <summary>Runs the loop streaming the model's text through <paramref name="onText"/> as it arrives.</summary>
    public static async Task<LoopResult> RunStreamingAsync(IChatClient client, List<ChatMessage> messages, IList<AITool> tools, ChatOptions? options, int maxIterations,
        Func<string, CancellationToken, ValueTask> onText, ILogger logger, CancellationToken ct)
    {
        var produced = new List<ChatMessage>();
        var records = new List<ToolCallRecord>();
        string? model = null;
        var chatOptions = WithTools(options, tools);
        for (var i = 0; i < maxIterations; i++)
        {
            var updates = new List<ChatResponseUpdate>();
            var text = new StringBuilder();
            await foreach (var update in client.GetStreamingResponseAsync(messages, chatOptions, ct))
            {
                updates.Add(update);
                model ??= update.ModelId;
                if (update.Text is { Length: > 0 } delta)
                {
                    text.Append(delta);
                    await onText(delta, ct);
                }
            }
            var response = updates.ToChatResponse();
            var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
            messages.AddRange(response.Messages);
            produced.AddRange(response.Messages);
            if (calls.Count == 0)
            {
                return new LoopResult(text.ToString(), produced, records, model, HitLimit: false);
            }
            var results = await InvokeAllAsync(calls, tools, records, logger, ct);
            messages.Add(results);
            produced.Add(results);
        }
        return new LoopResult("", produced, records, model, HitLimit: true);
    }

    private static ChatOptions WithTools(ChatOptions? options, IList<AITool> tools)
    {
        var o = options?.Clone() ?? new ChatOptions();
        o.Tools = tools;
        o.ToolMode ??= ChatToolMode.Auto;
        return o;
    }

    /// <summary>Outcome recorded for a tool that threw something other than a bad-argument error.</summary>
    public const string FailedOutcome = "failed";

    private static async Task<ChatMessage> InvokeAllAsync(List<FunctionCallContent> calls, IList<AITool> tools, List<ToolCallRecord> records, ILogger logger, CancellationToken ct)
    {
        var contents = new List<AIContent>();
        foreach (var call in calls)
        {
            using var span = Activity.StartActivity($"tool {call.Name}");
            var function = tools.OfType<AIFunction>().FirstOrDefault(f => f.Name == call.Name);
            object? result;
            string outcome;
            if (function is null)
            {
                result = $"error: there is no tool named '{call.Name}'. Available: {string.Join(", ", tools.OfType<AIFunction>().Select(f => f.Name))}.";
                outcome = "unknown_tool";
            }
            else
            {
                try
                {
                    result = await function.InvokeAsync(new AIFunctionArguments(call.Arguments ?? new Dictionary<string, object?>()), ct);
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
                    logger.LogError(ex, "Tool {Tool} failed", call.Name);
                    span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
                    result = $"error: the {call.Name} tool failed unexpectedly. Do not retry it now; apologise and say a team member will follow up.";
                    outcome = FailedOutcome;
                }
            }
            span?.SetTag("frontdesk.tool.outcome", outcome);
            var resultJson = StoredMessage.SerializeResult(result);
            records.Add(new ToolCallRecord(call.Name, outcome, JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>(), ConversationState.Json), resultJson));
            contents.Add(new FunctionResultContent(call.CallId, result));
        }
        return new ChatMessage(ChatRole.Tool, contents);
    }

    private static string Outcome(object? result)
    {
        if (result is JsonElement { ValueKind: JsonValueKind.Object } e && e.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String)
        {
            return s.GetString() ?? "ok";
        }
        return result is string text && text.StartsWith("error", StringComparison.Ordinal) ? "error" : "ok";
    }
}
