using System.Text.Json;
using System.Text.Json.Serialization;
using FrontDesk.Tools;
using Microsoft.Extensions.AI;

namespace FrontDesk.Agent.Conversations;

/// <summary>Everything the agent remembers about a conversation between turns; persisted as JSON.</summary>
public sealed class ConversationState
{
    /// <summary>Keep at most this many messages of history (older ones are summarized away).</summary>
    public const int MaxHistory = 40;

    /// <summary>Identity, offers and pending confirmations the tools enforce.</summary>
    public ConversationScope Scope { get; set; } = new();

    /// <summary>The model-facing history (user, assistant, tool messages).</summary>
    public List<StoredMessage> History { get; set; } = [];

    /// <summary>The last transcript turn the agent has read or written: staff turns after it go into the history.</summary>
    public int TranscriptSeen { get; set; }

    /// <summary>
    /// The conversation's language ("en", "es"), set from each message the person writes (a message too short to tell
    /// keeps it); null until the first message. Replies are worded in it.
    /// </summary>
    public string? Language { get; set; }

    /// <summary>
    /// Whether <see cref="Language"/> was heard in a message of the person's (or asked for), not only assumed: once it is, a
    /// short reply in the other language keeps it (<see cref="Languages.LanguageDetector.Read"/>).
    /// </summary>
    public bool LanguageHeard { get; set; }

    /// <summary>Serializer settings for the state column.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Appends messages and trims the oldest so a tool result never loses its call.</summary>
    public void Append(IEnumerable<StoredMessage> messages)
    {
        History.AddRange(messages);
        ForgetOlderEngineStates();
        if (History.Count <= MaxHistory)
        {
            return;
        }
        var cut = History.Count - MaxHistory;
        while (cut < History.Count && History[cut].Role != "user")
        {
            cut++;
        }
        History.RemoveRange(0, cut);
    }

    /// <summary>
    /// Keeps the embedded engine's dialogue state on the newest message that carries one and drops it from older
    /// messages: the engine resumes from the newest only, and every earlier copy was stored (as JSON inside the state's
    /// JSON) and parsed again on every turn for nothing.
    /// </summary>
    private void ForgetOlderEngineStates()
    {
        var newest = History.FindLastIndex(m => m.EngineState is not null);
        for (var i = 0; i < newest; i++)
        {
            if (History[i].EngineState is not null)
            {
                History[i] = History[i] with { EngineState = null };
            }
        }
    }
}

/// <summary>A compact, serializable chat message.</summary>
/// <param name="Role">system, user, assistant or tool.</param>
/// <param name="Text">Text content.</param>
/// <param name="Calls">Function calls an assistant message made.</param>
/// <param name="Result">A tool message's result.</param>
/// <param name="EngineState">The embedded engine's dialogue state carried on its messages.</param>
public sealed record StoredMessage(string Role, string? Text, List<StoredCall>? Calls = null, StoredResult? Result = null, string? EngineState = null)
{
    /// <summary>Key of the embedded engine's state in <see cref="ChatMessage.AdditionalProperties"/>.</summary>
    public const string EngineStateKey = "frontdesk.engine_state";

    /// <summary>Converts to a Microsoft.Extensions.AI message.</summary>
    public ChatMessage ToChatMessage()
    {
        var role = Role switch
        {
            "system" => ChatRole.System,
            "assistant" => ChatRole.Assistant,
            "tool" => ChatRole.Tool,
            _ => ChatRole.User,
        };
        var contents = new List<AIContent>();
        if (!string.IsNullOrEmpty(Text))
        {
            contents.Add(new TextContent(Text));
        }
        foreach (var call in Calls ?? [])
        {
            contents.Add(new FunctionCallContent(call.CallId, call.Name, ParseArguments(call.ArgumentsJson)));
        }
        if (Result is not null)
        {
            // Parsed as a document of its own, not through the serializer's JsonElement converter (the same element; round 34).
            contents.Add(new FunctionResultContent(Result.CallId, JsonElement.Parse(Result.ResultJson)));
        }
        var message = new ChatMessage(role, contents);
        if (EngineState is not null)
        {
            message.AdditionalProperties = new() { [EngineStateKey] = EngineState };
        }
        return message;
    }

    /// <summary>Converts from a Microsoft.Extensions.AI message.</summary>
    public static StoredMessage From(ChatMessage message)
    {
        var text = string.Concat(message.Contents.OfType<TextContent>().Select(t => t.Text));
        var calls = message.Contents.OfType<FunctionCallContent>()
            .Select(c => new StoredCall(c.CallId, c.Name, JsonSerializer.Serialize(c.Arguments ?? new Dictionary<string, object?>(), ConversationState.Json)))
            .ToList();
        var result = message.Contents.OfType<FunctionResultContent>().Select(r => new StoredResult(r.CallId, SerializeResult(r.Result))).FirstOrDefault();
        var state = message.AdditionalProperties?.TryGetValue(EngineStateKey, out var s) == true ? s as string : null;
        return new StoredMessage(message.Role.Value, text.Length == 0 ? null : text, calls.Count == 0 ? null : calls, result, state);
    }

    /// <summary>A tool result as JSON text.</summary>
    public static string SerializeResult(object? result) => result switch
    {
        null => "null",
        JsonElement e => e.GetRawText(),
        string s => JsonSerializer.Serialize(s),
        _ => JsonSerializer.Serialize(result, result.GetType(), ConversationState.Json),
    };

    private static Dictionary<string, object?> ParseArguments(string json)
    {
        // The arguments' values are taken out of a document given back at the end (a string as a string, anything else
        // cloned), not out of a clone of the whole object (round 34).
        using var document = JsonDocument.Parse(json);
        var element = document.RootElement;
        var args = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in element.EnumerateObject())
            {
                args[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.Clone();
            }
        }
        return args;
    }
}

/// <summary>A function call in history.</summary>
/// <param name="CallId">Call id.</param>
/// <param name="Name">Function name.</param>
/// <param name="ArgumentsJson">Arguments as a JSON object.</param>
public sealed record StoredCall(string CallId, string Name, string ArgumentsJson);

/// <summary>A function result in history.</summary>
/// <param name="CallId">Call id.</param>
/// <param name="ResultJson">Result as JSON.</param>
public sealed record StoredResult(string CallId, string ResultJson);
