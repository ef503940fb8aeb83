using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using FrontDesk.Agent.Conversations;
using FrontDesk.TestSupport;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Issue 16, perf round 32: the JSON texts a history message carries (the embedded engine's state, a tool call's arguments, a
/// tool's result) are written into the state's JSON as JSON, not as strings. As strings every quote of theirs was escaped
/// (<c>\u0022</c>, six bytes for one) and unescaped again: more to serialize, deflate and parse at every save. States stored by
/// the previous code (those values as strings) load as they are, and each value reads back as the same text either way.
/// </summary>
public abstract class RoundThirtyTwoStateJsonTests
{
    protected abstract TestStore Store { get; }

    /// <summary>The same settings as <see cref="ConversationState.Json"/>, for the previous code's form written here without it.</summary>
    private static readonly JsonSerializerOptions PreviousSettings = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private sealed record PreviousCall(string CallId, string Name, string ArgumentsJson);

    private sealed record PreviousResult(string CallId, string ResultJson);

    private sealed record PreviousMessage(string Role, string? Text, List<PreviousCall>? Calls, PreviousResult? Result, string? EngineState);

    private sealed record PreviousState(FrontDesk.Tools.ConversationScope Scope, List<PreviousMessage> History, int TranscriptSeen, string? Language, bool LanguageHeard);

    /// <summary>The state's JSON as the code before this round wrote it: the nested JSON texts as strings.</summary>
    private static string AsThePreviousCodeWroteIt(ConversationState state) => JsonSerializer.Serialize(
        new PreviousState(state.Scope,
            [.. state.History.Select(m => new PreviousMessage(m.Role, m.Text,
                m.Calls?.Select(c => new PreviousCall(c.CallId, c.Name, c.ArgumentsJson)).ToList(),
                m.Result is { } r ? new PreviousResult(r.CallId, r.ResultJson) : null, m.EngineState))],
            state.TranscriptSeen, state.Language, state.LanguageHeard),
        PreviousSettings);

    private static IEnumerable<string?> NestedTexts(ConversationState state) => state.History.SelectMany(m =>
        new[] { m.EngineState, m.Result?.ResultJson }.Concat(m.Calls?.Select(c => (string?)c.ArgumentsJson) ?? []));

    [StoreFact]
    public async Task The_engine_state_and_tool_results_are_stored_as_json_and_read_back_as_the_same_text()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        await h.TalkAsync("nested_1", "web", null, "hiya do u have a deep tissue 60 on friday?? afternoon ideally", "hmm the 2nd one");
        var conversation = (await h.Conversations.GetAsync("nested_1", CancellationToken.None))!;
        var state = conversation.ReadState();

        using var stored = JsonDocument.Parse(conversation.StateJson);
        var history = stored.RootElement.GetProperty("history").EnumerateArray().ToList();
        Assert.Contains(history, m => m.TryGetProperty("engineState", out var e) && e.ValueKind == JsonValueKind.Object);
        Assert.Contains(history, m => m.TryGetProperty("result", out var r) && r.GetProperty("resultJson").ValueKind is JsonValueKind.Object or JsonValueKind.Array);
        Assert.Contains(history, m => m.TryGetProperty("calls", out var c) && c[0].GetProperty("argumentsJson").ValueKind == JsonValueKind.Object);
        Assert.DoesNotContain(history, m => m.TryGetProperty("engineState", out var e) && e.ValueKind == JsonValueKind.String);

        // Each nested text reads back exactly as it was made (the engine compares its own state's text: round 21).
        var again = JsonSerializer.Deserialize(JsonSerializer.Serialize(state, StateJsonContext.Default.ConversationState), StateJsonContext.Default.ConversationState)!;
        Assert.Equal(NestedTexts(state), NestedTexts(again));
        Assert.Equal(conversation.StateJson, JsonSerializer.Serialize(again, StateJsonContext.Default.ConversationState));
        var previous = AsThePreviousCodeWroteIt(state);
        Assert.True(conversation.StateJson.Length < previous.Length * 3 / 4, $"{conversation.StateJson.Length} characters against {previous.Length} before");
    }

    [StoreFact]
    public async Task A_state_the_previous_code_stored_loads_and_the_booking_goes_on_from_it()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        await h.TalkAsync("previous_1", "web", null, "hi!! need a deep tissue 60 friday, afternoon if u can", "the second one pls");
        var state = (await h.Conversations.GetAsync("previous_1", CancellationToken.None))!.ReadState();
        var previous = AsThePreviousCodeWroteIt(state);
        Assert.Contains("\"engineState\":\"{", previous, StringComparison.Ordinal);
        var db = h.Book.Get<FrontDesk.Tools.Store.SpaDatabase>();
        await using (var c = await db.OpenAsync(CancellationToken.None))
        {
            // What the row held before this round: the JSON text on PostgreSQL, its deflated form on SQLite.
            await c.ExecuteAsync("UPDATE conversations SET state_json = @state WHERE id = @id",
                new { id = "previous_1", state = db.IsPostgres ? (object)previous : StateColumn.Deflate(previous) });
        }

        var read = (await h.Conversations.GetAsync("previous_1", CancellationToken.None))!;
        Assert.Equal(previous, read.StateJson);
        Assert.Equal(NestedTexts(state), NestedTexts(read.ReadState()));

        // Another instance's turn (the row is not what this one stored): the offer the old row holds is booked, once.
        var replies = await h.TalkAsync("previous_1", "web", null, "Dana Whitfield", "415 555 0143", "yep thats right");
        Assert.Single(await h.BookedAsync());
        Assert.DoesNotContain(replies, r => string.IsNullOrEmpty(r.Text));
        var after = (await h.Conversations.GetAsync("previous_1", CancellationToken.None))!;
        Assert.Contains(after.ReadState().History, m => m.Text == "yep thats right");
        using var stored = JsonDocument.Parse(after.StateJson);
        Assert.DoesNotContain(stored.RootElement.GetProperty("history").EnumerateArray(),
            m => m.TryGetProperty("engineState", out var e) && e.ValueKind == JsonValueKind.String);
    }

    [Fact]
    public void A_nested_text_that_is_not_an_object_or_array_is_kept_as_a_string_and_reads_back_the_same()
    {
        var state = new ConversationState();
        state.History.Add(new StoredMessage("assistant", null, [new StoredCall("call_1", "check_availability", """{"service":"deep tissue \"60\"","day":"viernes"}""")]));
        state.History.Add(new StoredMessage("tool", null, Result: new StoredResult("call_1", "null")));
        state.History.Add(new StoredMessage("tool", null, Result: new StoredResult("call_2", "not json {")));
        state.History.Add(new StoredMessage("tool", null, Result: new StoredResult("call_3", "\"just a string\"")));
        state.History.Add(new StoredMessage("assistant", "¿Le va bien el viernes a las 2:15?", EngineState: """{"phase":"Offered","note":"ñ 💆"}"""));

        var json = JsonSerializer.Serialize(state, StateJsonContext.Default.ConversationState);
        var read = JsonSerializer.Deserialize(json, StateJsonContext.Default.ConversationState)!;

        Assert.Equal(NestedTexts(state), NestedTexts(read));
        Assert.Equal(json, JsonSerializer.Serialize(state, ConversationState.Json));
        Assert.Equal(json, StateColumn.Inflate(StateColumn.Deflate(state)));
        using var document = JsonDocument.Parse(json);
        var history = document.RootElement.GetProperty("history");
        Assert.Equal(JsonValueKind.Object, history[0].GetProperty("calls")[0].GetProperty("argumentsJson").ValueKind);
        Assert.Equal(JsonValueKind.String, history[1].GetProperty("result").GetProperty("resultJson").ValueKind);
        Assert.Equal(JsonValueKind.String, history[2].GetProperty("result").GetProperty("resultJson").ValueKind);
        Assert.Equal(JsonValueKind.String, history[3].GetProperty("result").GetProperty("resultJson").ValueKind);
        Assert.Equal(JsonValueKind.Object, history[4].GetProperty("engineState").ValueKind);
    }
}

public sealed class SqliteRoundThirtyTwoStateJsonTests : RoundThirtyTwoStateJsonTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class PostgresRoundThirtyTwoStateJsonTests : RoundThirtyTwoStateJsonTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;
}
