namespace FrontDesk.Agent.Transcripts;

/// <summary>Who spoke.</summary>
public static class TurnRole
{
    /// <summary>The client (caller, texter, visitor).</summary>
    public const string Client = "client";
    /// <summary>The AI agent.</summary>
    public const string Agent = "agent";
    /// <summary>A staff member.</summary>
    public const string Staff = "staff";
    /// <summary>The system (notices, hand-offs).</summary>
    public const string System = "system";
}

/// <summary>A tool call and how it came out.</summary>
/// <param name="Name">Tool name.</param>
/// <param name="Outcome">The status the tool returned (or error).</param>
/// <param name="Arguments">Arguments, as JSON.</param>
/// <param name="Result">Result, as JSON.</param>
public sealed record ToolCallRecord(string Name, string Outcome, string Arguments, string Result)
{
    /// <summary>
    /// The call as the transcript keeps it: name, outcome and arguments whole; of the result its status, message and the
    /// scalar fields of its data (one level into objects), each list cut to the ids of its items (<c>id</c>, <c>slotId</c>,
    /// <c>ref</c>) or, without ids, to its length. The full result went to the brain and is in the conversation state; storing
    /// it again with every turn (every offered time, every FAQ answer) was most of a turn's transcript bytes.
    /// </summary>
    public ToolCallRecord ForTranscript() => this with { Result = TranscriptResult.Summarize(Result) };
}

/// <summary>The transcript's summary of a tool result (<see cref="ToolCallRecord.ForTranscript"/>).</summary>
internal static class TranscriptResult
{
    private static readonly string[] IdNames = ["id", "slotId", "ref"];

    public static string Summarize(string result)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(result);
            if (doc.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                return result;
            }
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
            using (var w = new System.Text.Json.Utf8JsonWriter(buffer))
            {
                Write(w, doc.RootElement, depth: 0);
            }
            return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        catch (System.Text.Json.JsonException)
        {
            return result;
        }
    }

    private static void Write(System.Text.Json.Utf8JsonWriter w, System.Text.Json.JsonElement o, int depth)
    {
        w.WriteStartObject();
        foreach (var p in o.EnumerateObject())
        {
            switch (p.Value.ValueKind)
            {
                case System.Text.Json.JsonValueKind.Object when depth < 2:
                    w.WritePropertyName(p.Name);
                    Write(w, p.Value, depth + 1);
                    break;
                case System.Text.Json.JsonValueKind.Object:
                    break;
                case System.Text.Json.JsonValueKind.Array:
                    w.WritePropertyName(p.Name);
                    WriteList(w, p.Value);
                    break;
                default:
                    p.WriteTo(w);
                    break;
            }
        }
        w.WriteEndObject();
    }

    private static void WriteList(System.Text.Json.Utf8JsonWriter w, System.Text.Json.JsonElement list)
    {
        var ids = new List<System.Text.Json.JsonElement>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == System.Text.Json.JsonValueKind.Object && Id(item) is { } id)
            {
                ids.Add(id);
            }
            else if (item.ValueKind is System.Text.Json.JsonValueKind.String or System.Text.Json.JsonValueKind.Number)
            {
                ids.Add(item);
            }
            else
            {
                w.WriteNumberValue(list.GetArrayLength());
                return;
            }
        }
        w.WriteStartArray();
        foreach (var id in ids)
        {
            id.WriteTo(w);
        }
        w.WriteEndArray();
    }

    private static System.Text.Json.JsonElement? Id(System.Text.Json.JsonElement item)
    {
        foreach (var name in IdNames)
        {
            if (item.TryGetProperty(name, out var id) && id.ValueKind is System.Text.Json.JsonValueKind.String or System.Text.Json.JsonValueKind.Number)
            {
                return id;
            }
        }
        return null;
    }
}

/// <summary>The tags of one turn.</summary>
public sealed class TurnTags
{
    /// <summary>Intent understood from the client's turn.</summary>
    public string? Intent { get; set; }
    /// <summary>Every tool called, with its outcome.</summary>
    public List<ToolCallRecord> Tools { get; set; } = [];
    /// <summary>Escalation category raised in this turn.</summary>
    public string? Escalation { get; set; }
    /// <summary>Whether the text was written by the AI.</summary>
    public bool AiGenerated { get; set; }
    /// <summary>embedded, openai, azureopenai, compatible; or fallback:… when a brain failed.</summary>
    public string? Brain { get; set; }
    /// <summary>Model id.</summary>
    public string? Model { get; set; }
    /// <summary>Consent flags consulted (sms, marketing).</summary>
    public List<string> Consent { get; set; } = [];
    /// <summary>Screen findings (e.g. reply_redacted:card_number).</summary>
    public List<string> Screen { get; set; } = [];
    /// <summary>A system notice meant for the client too (a person joined or left the conversation); other system turns stay internal.</summary>
    public bool ClientNotice { get; set; }
    /// <summary>The conversation's language for this turn ("en", "es"): the language the client wrote in, or the reply is in.</summary>
    public string? Language { get; set; }

    /// <summary>The flat tags indexed for queries: intent:…, tool:name:outcome, escalation:…, brain:…, ai_generated, consent:…, screen:…, client_notice, language:…</summary>
    public IEnumerable<string> Flatten()
    {
        if (Intent is not null)
        {
            yield return $"intent:{Intent}";
        }
        foreach (var t in Tools.Select(t => t.Name).Distinct())
        {
            yield return $"tool:{t}";
        }
        foreach (var t in Tools.Select(t => $"tool:{t.Name}:{t.Outcome}").Distinct())
        {
            yield return t;
        }
        if (Escalation is not null)
        {
            yield return $"escalation:{Escalation}";
        }
        if (AiGenerated)
        {
            yield return "ai_generated";
        }
        if (Brain is not null)
        {
            yield return $"brain:{Brain}";
        }
        foreach (var c in Consent.Distinct())
        {
            yield return $"consent:{c}";
        }
        foreach (var s in Screen.Distinct())
        {
            yield return $"screen:{s}";
        }
        if (ClientNotice)
        {
            yield return "client_notice";
        }
        if (Language is not null)
        {
            yield return $"language:{Language}";
        }
    }
}

/// <summary>One stored turn of a conversation.</summary>
public sealed class TranscriptTurn
{
    /// <summary>Conversation.</summary>
    public string ConversationId { get; init; } = "";
    /// <summary>Sequence within the conversation, from 1.</summary>
    public int Seq { get; init; }
    /// <summary>When.</summary>
    public DateTime AtUtc { get; init; }
    /// <summary>See <see cref="TurnRole"/>.</summary>
    public string Role { get; init; } = "";
    /// <summary>What was said (or heard).</summary>
    public string Text { get; init; } = "";
    /// <summary>Channel tag.</summary>
    public string Channel { get; init; } = "";
    /// <summary>Location.</summary>
    public string? LocationId { get; init; }
    /// <summary>Client, when known.</summary>
    public string? ClientId { get; init; }
    /// <summary>Tags as JSON (<see cref="TurnTags"/>).</summary>
    public string TagsJson { get; init; } = "{}";
    /// <summary>Milliseconds from receiving the client's turn to this reply (agent turns).</summary>
    public int? LatencyMs { get; init; }
}
