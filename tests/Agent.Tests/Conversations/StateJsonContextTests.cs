using System.Text.Json;
using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Transcripts;
using FrontDesk.TestSupport;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// The generated serializers of a turn's JSON (<see cref="StateJsonContext"/>) write and read exactly what reflection
/// with <see cref="ConversationState.Json"/> does, so a state stored by either reads the same with the other.
/// </summary>
public sealed class StateJsonContextTests
{
    [Fact]
    public async Task A_whole_bookings_state_engine_state_and_tags_are_the_same_json_with_generated_code_as_with_reflection()
    {
        await using var h = await AgentHarness.StartAsync(TestStore.Sqlite);
        await h.TalkAsync("json_1", "web", null,
            "hi can i get a hydrafacial wednesday afternoon", "the 2nd one pls", "Dana Whitfield", "415 555 0142", "yes");
        var row = await h.Conversations.GetAsync("json_1", CancellationToken.None);
        var state = row!.ReadState();
        var engine = state.History.Last(m => m.EngineState is not null).EngineState!;
        var tags = (await h.TranscriptAsync("json_1")).Select(t => t.TagsJson).ToList();

        Assert.NotEmpty(state.Scope.Offered);
        Assert.Contains(state.History, m => m.Calls is not null);
        Assert.Contains(state.History, m => m.Result is not null);
        Same(row.StateJson, StateJsonContext.Default.ConversationState);
        Same(JsonSerializer.Serialize(state.Scope, ConversationState.Json), StateJsonContext.Default.ConversationScope);
        Same(engine, StateJsonContext.Default.DialogueState);
        Assert.Contains(tags, t => t.Contains("book_appointment", StringComparison.Ordinal));
        Assert.All(tags, t => Same(t, StateJsonContext.Default.TurnTags));
    }

    [Fact]
    public void Generated_code_writes_an_empty_state_as_reflection_does()
    {
        Same(JsonSerializer.Serialize(new ConversationState(), ConversationState.Json), StateJsonContext.Default.ConversationState);
        Same(JsonSerializer.Serialize(new DialogueState(), ConversationState.Json), StateJsonContext.Default.DialogueState);
        Same(JsonSerializer.Serialize(new TurnTags(), ConversationState.Json), StateJsonContext.Default.TurnTags);
    }

    // Read with either, written with either: the same text.
    private static void Same<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> generated)
    {
        var byReflection = JsonSerializer.Deserialize<T>(json, ConversationState.Json)!;
        var byGenerated = JsonSerializer.Deserialize(json, generated)!;
        Assert.Equal(json, JsonSerializer.Serialize(byReflection, ConversationState.Json));
        Assert.Equal(json, JsonSerializer.Serialize(byReflection, generated));
        Assert.Equal(json, JsonSerializer.Serialize(byGenerated, ConversationState.Json));
        Assert.Equal(json, JsonSerializer.Serialize(byGenerated, generated));
    }
}
