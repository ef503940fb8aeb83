using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using ChatFinishReason = Microsoft.Extensions.AI.ChatFinishReason;
using WireChatMessage = OpenAI.Chat.ChatMessage;
using WireFinishReason = OpenAI.Chat.ChatFinishReason;
using WireResponseFormat = OpenAI.Chat.ChatResponseFormat;

namespace FrontDesk.Agent.Brains;

/// <summary>Translates between Microsoft.Extensions.AI chat types and the OpenAI SDK's Chat Completions types.</summary>
internal static class OpenAIWireMapping
{
    public static List<WireChatMessage> ToWireMessages(IEnumerable<AIChatMessage> messages, ChatOptions? options)
    {
        var wire = new List<WireChatMessage>();
        if (!string.IsNullOrWhiteSpace(options?.Instructions))
        {
            wire.Add(new SystemChatMessage(options.Instructions));
        }

        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                wire.Add(new SystemChatMessage(TextOf(message)));
            }
            else if (message.Role == ChatRole.Assistant)
            {
                AddAssistant(wire, message);
            }
            else if (message.Role == ChatRole.Tool)
            {
                AddToolResults(wire, message);
            }
            else
            {
                // User, and any role the wire format does not know, reach the model as the guest's words.
                AddToolResults(wire, message);
                var text = TextOf(message);
                if (text.Length > 0)
                {
                    wire.Add(new UserChatMessage(text));
                }
            }
        }

        return wire;
    }

    public static ChatCompletionOptions ToWireOptions(ChatOptions? options, float? defaultTemperature)
    {
        var wire = new ChatCompletionOptions
        {
            Temperature = options?.Temperature ?? defaultTemperature,
            MaxOutputTokenCount = options?.MaxOutputTokens,
            TopP = options?.TopP,
            FrequencyPenalty = options?.FrequencyPenalty,
            PresencePenalty = options?.PresencePenalty,
        };
        if (options is null)
        {
            return wire;
        }

        foreach (var stop in options.StopSequences ?? [])
        {
            wire.StopSequences.Add(stop);
        }

        foreach (var function in (options.Tools ?? []).OfType<AIFunctionDeclaration>())
        {
            wire.Tools.Add(ChatTool.CreateFunctionTool(
                function.Name,
                string.IsNullOrWhiteSpace(function.Description) ? null : function.Description,
                BinaryData.FromString(function.JsonSchema.GetRawText())));
        }

        // tool_choice and parallel_tool_calls are rejected by the API when no tools are declared.
        if (wire.Tools.Count > 0)
        {
            wire.ToolChoice = options.ToolMode switch
            {
                NoneChatToolMode => ChatToolChoice.CreateNoneChoice(),
                RequiredChatToolMode { RequiredFunctionName: { } name } => ChatToolChoice.CreateFunctionChoice(name),
                RequiredChatToolMode => ChatToolChoice.CreateRequiredChoice(),
                AutoChatToolMode => ChatToolChoice.CreateAutoChoice(),
                _ => null,
            };
            wire.AllowParallelToolCalls = options.AllowMultipleToolCalls;
        }

        wire.ResponseFormat = options.ResponseFormat switch
        {
            ChatResponseFormatJson { Schema: { } schema } json => WireResponseFormat.CreateJsonSchemaFormat(
                json.SchemaName ?? "reply", BinaryData.FromString(schema.GetRawText()), json.SchemaDescription),
            ChatResponseFormatJson => WireResponseFormat.CreateJsonObjectFormat(),
            _ => null,
        };

        return wire;
    }

    public static ChatResponse FromCompletion(ChatCompletion completion)
    {
        var contents = new List<AIContent>();
        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        if (text.Length > 0)
        {
            contents.Add(new TextContent(text));
        }
        else if (!string.IsNullOrEmpty(completion.Refusal))
        {
            contents.Add(new TextContent(completion.Refusal));
        }

        foreach (var call in completion.ToolCalls)
        {
            contents.Add(ToFunctionCall(call.Id, call.FunctionName, call.FunctionArguments?.ToString()));
        }

        var message = new AIChatMessage(ChatRole.Assistant, contents)
        {
            MessageId = completion.Id,
            CreatedAt = completion.CreatedAt == default ? null : completion.CreatedAt,
            RawRepresentation = completion,
        };
        return new ChatResponse(message)
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = message.CreatedAt,
            FinishReason = ToFinishReason(completion.FinishReason),
            Usage = ToUsage(completion.Usage),
            RawRepresentation = completion,
        };
    }

    public static FunctionCallContent ToFunctionCall(string? callId, string name, string? argumentsJson)
    {
        // Some compatible servers omit call ids; the tool loop still needs one to pair the result.
        var id = string.IsNullOrEmpty(callId) ? "call_" + Guid.NewGuid().ToString("N") : callId;
        var json = string.IsNullOrWhiteSpace(argumentsJson) ? "{}" : argumentsJson;

        // A malformed argument string is kept on the content as Exception, for the tool loop to report back.
        return FunctionCallContent.CreateFromParsedArguments(
            json, id, name, static j => JsonSerializer.Deserialize<Dictionary<string, object?>>(j, AIJsonUtilities.DefaultOptions));
    }

    public static ChatFinishReason? ToFinishReason(WireFinishReason? reason) => reason switch
    {
        WireFinishReason.Stop => ChatFinishReason.Stop,
        WireFinishReason.Length => ChatFinishReason.Length,
        WireFinishReason.ContentFilter => ChatFinishReason.ContentFilter,
        WireFinishReason.ToolCalls or WireFinishReason.FunctionCall => ChatFinishReason.ToolCalls,
        _ => null,
    };

    public static UsageDetails? ToUsage(ChatTokenUsage? usage) => usage is null
        ? null
        : new UsageDetails
        {
            InputTokenCount = usage.InputTokenCount,
            OutputTokenCount = usage.OutputTokenCount,
            TotalTokenCount = usage.TotalTokenCount,
        };

    private static void AddAssistant(List<WireChatMessage> wire, AIChatMessage message)
    {
        var toolCalls = message.Contents.OfType<FunctionCallContent>()
            .Select(call => ChatToolCall.CreateFunctionToolCall(
                call.CallId,
                call.Name,
                BinaryData.FromString(JsonSerializer.Serialize(
                    call.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions))))
            .ToList();
        var text = TextOf(message);

        if (toolCalls.Count == 0)
        {
            wire.Add(new AssistantChatMessage(text));
            return;
        }

        var assistant = new AssistantChatMessage(toolCalls);
        if (text.Length > 0)
        {
            assistant.Content.Add(ChatMessageContentPart.CreateTextPart(text));
        }

        wire.Add(assistant);
    }

    private static void AddToolResults(List<WireChatMessage> wire, AIChatMessage message)
    {
        foreach (var result in message.Contents.OfType<FunctionResultContent>())
        {
            wire.Add(new ToolChatMessage(result.CallId, SerializeResult(result)));
        }
    }

    /// <summary>
    /// Tool results go over the wire as JSON text. A result that is already a string is sent as it is:
    /// quoting it again would show the model escaped quotes.
    /// </summary>
    private static string SerializeResult(FunctionResultContent result) => result.Result switch
    {
        string text => text,
        null when result.Exception is not null => JsonSerializer.Serialize(
            new Dictionary<string, object?> { ["error"] = result.Exception.Message }, AIJsonUtilities.DefaultOptions),
        var value => JsonSerializer.Serialize(value, AIJsonUtilities.DefaultOptions),
    };

    private static string TextOf(AIChatMessage message)
    {
        var text = new StringBuilder();
        foreach (var part in message.Contents.OfType<TextContent>())
        {
            text.Append(part.Text);
        }

        return text.ToString();
    }
}
