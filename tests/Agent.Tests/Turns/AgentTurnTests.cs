using System.Text.Json.Nodes;
using FrontDesk.Agent.Brains;
using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Tests.Conversations;
using FrontDesk.TestSupport;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Agent.Tests.Turns;

/// <summary>Turn mechanics through the agent: streaming, one turn at a time per conversation, a failing remote brain.</summary>
public abstract class AgentTurnTests
{
    protected abstract TestStore Store { get; }

    [StoreFact]
    public async Task Streamed_sentences_together_are_the_reply_and_the_transcript_has_it_whole()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        var conversation = "stream_1";
        foreach (var text in new[] { "I'd like a hydrafacial on wednesday", "the first one", "can I speak to a real person?" })
        {
            var sentences = new List<string>();
            var reply = await h.Agent.HandleAsync(new TurnRequest(conversation, "voice", text, "+14155551111"),
                (s, _) => { sentences.Add(s); return ValueTask.CompletedTask; }, CancellationToken.None);
            Assert.NotEmpty(sentences);
            Assert.Equal(reply.Text, string.Concat(sentences).Trim());
            Assert.Equal(reply.Text, (await h.TranscriptAsync(conversation))[^1].Text);
        }
        // The read-back has two sentences, spoken as two.
        var transcript = await h.TranscriptAsync(conversation);
        Assert.Contains("Shall I book it?", transcript[3].Text, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_brain_that_never_says_anything_still_has_its_fallback_reply_spoken()
    {
        var model = new Safety.ScriptedModel();
        for (var i = 0; i < 12; i++)
        {
            model.Calls("answer_faq", ("question", "parking"));
        }
        await using var h = await AgentHarness.StartAsync(Store, also: s =>
            s.AddSingleton(sp => new BrainSet(sp.GetRequiredService<EmbeddedChatClient>(), model, "scripted")));
        var sentences = new List<string>();
        var reply = await h.Agent.HandleAsync(new TurnRequest("stream_2", "voice", "tell me something", "+14155551111"),
            (s, _) => { sentences.Add(s); return ValueTask.CompletedTask; }, CancellationToken.None);
        Assert.Equal("scripted", reply.Brain);
        Assert.NotEmpty(sentences);
        Assert.Equal(reply.Text, string.Concat(sentences).Trim());
    }

    [StoreFact]
    public async Task Two_turns_of_one_conversation_sent_together_run_one_after_the_other()
    {
        var release = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        var model = new GatedModel(entered, release.Task);
        await using var h = await AgentHarness.StartAsync(Store, also: s =>
            s.AddSingleton(sp => new BrainSet(sp.GetRequiredService<EmbeddedChatClient>(), model, "scripted")));

        var first = h.Agent.HandleAsync(new TurnRequest("conc_1", "web", "first message"), CancellationToken.None);
        await entered.Task;
        var second = h.Agent.HandleAsync(new TurnRequest("conc_1", "web", "second message"), CancellationToken.None);
        await Task.Delay(300);
        Assert.Single(model.Seen);
        Assert.False(second.IsCompleted);
        release.SetResult();
        await Task.WhenAll(first, second);

        AssertSerialized(model.Seen, await h.TranscriptAsync("conc_1"));
    }

    [StoreFact]
    public async Task With_one_slot_turns_of_many_conversations_sent_together_all_finish_each_conversation_in_its_order()
    {
        // One turn works at a time (FrontDesk:Agent:TurnsAtOnce=1): twelve conversations, two of them sent twice at once,
        // all finish, each turn is stored whole, and the two sent together on one conversation run one after the other.
        await using var h = await AgentHarness.StartAsync(Store, extra: new() { ["FrontDesk:Agent:TurnsAtOnce"] = "1" });
        string[] said = ["hi, do u have parking??", "I'd like a deep tissue massage tomorrow afternoon", "how much is the hydrafacial", "ok thanks!"];
        var turns = Enumerable.Range(0, 12).Select(i => h.Agent.HandleAsync(new TurnRequest($"slots_{i}", "web", said[i % said.Length]), CancellationToken.None))
            .Concat(Enumerable.Range(0, 2).Select(i => h.Agent.HandleAsync(new TurnRequest($"slots_{i}", "web", "what time do you close on friday?"), CancellationToken.None)))
            .ToList();
        var replies = await Task.WhenAll(turns).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.All(replies, r => Assert.False(string.IsNullOrWhiteSpace(r.Text)));
        for (var i = 0; i < 12; i++)
        {
            var transcript = await h.TranscriptAsync($"slots_{i}");
            Assert.Equal(i < 2 ? 4 : 2, transcript.Count);
            Assert.Equal(Enumerable.Range(1, transcript.Count), transcript.Select(t => t.Seq));
            // Client, agent, client, agent: a turn's two rows are never split by the other turn's.
            Assert.Equal(Enumerable.Range(0, transcript.Count).Select(n => n % 2 == 0 ? "client" : "agent"),
                transcript.Select(t => t.Role.ToString().ToLowerInvariant()));
        }
    }

    [StoreFact]
    public async Task With_one_slot_a_turn_waiting_on_a_remote_model_does_not_hold_up_another_conversation()
    {
        // A turn that may call a remote model takes no slot: it waits on the network, not the CPU.
        var release = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        var model = new GatedModel(entered, release.Task, onlyFor: "first message");
        await using var h = await AgentHarness.StartAsync(Store, extra: new() { ["FrontDesk:Agent:TurnsAtOnce"] = "1" }, also: s =>
            s.AddSingleton(sp => new BrainSet(sp.GetRequiredService<EmbeddedChatClient>(), model, "scripted")));
        var slow = h.Agent.HandleAsync(new TurnRequest("slots_remote_1", "web", "first message"), CancellationToken.None);
        await entered.Task;
        var other = await h.Agent.HandleAsync(new TurnRequest("slots_remote_2", "web", "second message"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("reply to: second message", other.Text);
        Assert.False(slow.IsCompleted);
        release.SetResult();
        Assert.Equal("reply to: first message", (await slow).Text);
    }

    [StoreFact]
    public async Task Two_instances_sharing_a_store_take_turns_of_one_conversation_one_at_a_time()
    {
        var release = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        var modelA = new GatedModel(entered, release.Task);
        var modelB = new GatedModel(new TaskCompletionSource(), Task.CompletedTask);
        await using var a = await AgentHarness.StartAsync(Store, also: s =>
            s.AddSingleton(sp => new BrainSet(sp.GetRequiredService<EmbeddedChatClient>(), modelA, "scripted")));
        await using var b = await SpaBookHarness.StartOnAsync(a.Book.Settings, SpaBookHarness.DefaultNow, (s, c) =>
        {
            s.AddFrontDeskAgent(c, AppContext.BaseDirectory);
            s.AddSingleton(sp => new BrainSet(sp.GetRequiredService<EmbeddedChatClient>(), modelB, "scripted"));
        });
        Assert.NotSame(a.Agent, b.Get<FrontDeskAgent>());

        var first = a.Agent.HandleAsync(new TurnRequest("conc_2", "sms", "first message", "+14155551111"), CancellationToken.None);
        await entered.Task;
        var second = b.Get<FrontDeskAgent>().HandleAsync(new TurnRequest("conc_2", "sms", "second message", "+14155551111"), CancellationToken.None);
        await Task.Delay(300);
        Assert.Empty(modelB.Seen);
        Assert.False(second.IsCompleted);
        release.SetResult();
        await Task.WhenAll(first, second);

        AssertSerialized([.. modelA.Seen, .. modelB.Seen], await a.TranscriptAsync("conc_2"));
    }

    [StoreFact]
    public async Task A_turn_longer_than_the_lease_keeps_it_renewed_so_another_instance_cannot_take_it()
    {
        var release = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        var model = new GatedModel(entered, release.Task);
        await using var h = await AgentHarness.StartAsync(Store, extra: new() { ["FrontDesk:Agent:LeaseSeconds"] = "1" }, also: s =>
            s.AddSingleton(sp => new BrainSet(sp.GetRequiredService<EmbeddedChatClient>(), model, "scripted")));
        var turn = h.Agent.HandleAsync(new TurnRequest("lease_1", "web", "a slow question"), CancellationToken.None);
        await entered.Task;
        await Task.Delay(2500);
        // Well past the 1 s lease: another instance still finds it held.
        Assert.False(await h.Conversations.TryAcquireLeaseAsync("lease_1", "other-instance", TimeSpan.FromSeconds(1), TimeSpan.Zero, CancellationToken.None));
        release.SetResult();
        var reply = await turn;
        Assert.Equal("reply to: a slow question", reply.Text);
        Assert.Equal(2, (await h.TranscriptAsync("lease_1")).Count);
        Assert.True(await h.Conversations.TryAcquireLeaseAsync("lease_1", "other-instance", TimeSpan.FromSeconds(1), TimeSpan.Zero, CancellationToken.None));
        Assert.Equal(0, h.Agent.GatesHeld);
    }

    [StoreFact]
    public async Task A_turn_whose_lease_another_instance_took_fails_clearly_and_stores_nothing()
    {
        var release = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        var model = new GatedModel(entered, release.Task);
        await using var h = await AgentHarness.StartAsync(Store, extra: new() { ["FrontDesk:Agent:LeaseSeconds"] = "1" }, also: s =>
            s.AddSingleton(sp => new BrainSet(sp.GetRequiredService<EmbeddedChatClient>(), model, "scripted")));
        var turn = h.Agent.HandleAsync(new TurnRequest("lease_2", "web", "a slow question"), CancellationToken.None);
        await entered.Task;
        // Another instance took the lease (as after this one stalled past it).
        await using (var c = await h.Book.Get<FrontDesk.Tools.Store.SpaDatabase>().OpenAsync(CancellationToken.None))
        {
            await using var steal = c.CreateCommand();
            steal.CommandText = "UPDATE conversation_leases SET owner = 'other-instance' WHERE conversation_id = 'lease_2'";
            Assert.Equal(1, await steal.ExecuteNonQueryAsync());
        }
        release.SetResult();
        var error = await Assert.ThrowsAsync<FrontDesk.Agent.Conversations.LeaseLostException>(() => turn);
        Assert.Equal("lease_2", error.ConversationId);
        Assert.Empty(await h.TranscriptAsync("lease_2"));
        Assert.Equal(0, h.Agent.GatesHeld);
    }

    [StoreFact]
    public async Task A_renewal_that_finds_the_lease_its_own_turn_just_gave_back_does_not_fail_the_stored_turn()
    {
        await using var h = await AgentHarness.StartAsync(Store, extra: new() { ["FrontDesk:Agent:LeaseSeconds"] = "1" });
        var committed = false;
        // The renewer runs after the turn's commit gave the lease back and before the turn marks it given back: under load a
        // renewal waits on the row during that commit and then finds the lease free.
        h.Book.Get<FrontDesk.Tools.Store.FaultPoints>().OnPoint = async point =>
        {
            if (point == FrontDesk.Tools.Store.FaultPoints.TurnCommitted)
            {
                committed = true;
                await Task.Delay(1500);
            }
        };
        var afterCommit = new List<string>();

        var reply = await h.Agent.HandleAsync(new TurnRequest("renew_1", "web", "can i talk to a real person pls"), (sentence, c) =>
        {
            // As the web stream writes: a cancelled turn cannot send its sentences.
            c.ThrowIfCancellationRequested();
            if (committed)
            {
                afterCommit.Add(sentence);
            }
            return ValueTask.CompletedTask;
        }, CancellationToken.None);

        Assert.NotEmpty(afterCommit);
        Assert.Equal(reply.Text, string.Concat(afterCommit).Trim());
        Assert.Equal(2, (await h.TranscriptAsync("renew_1")).Count);
        Assert.Null(await h.Conversations.LeaseOwnerAsync("renew_1", CancellationToken.None));
    }

    [StoreFact]
    public async Task Gates_of_finished_conversations_are_not_kept()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        for (var i = 0; i < 5; i++)
        {
            await h.TalkAsync($"gate_{i}", "web", null, "what are your hours?");
        }
        Assert.Equal(0, h.Agent.GatesHeld);
    }

    private static void AssertSerialized(IReadOnlyList<IReadOnlyList<ChatMessage>> seen, IReadOnlyList<Transcripts.TranscriptTurn> transcript)
    {
        // The second turn's brain saw the first turn, question and answer: it ran after the first had finished.
        Assert.Equal(2, seen.Count);
        var history = seen[1].Select(m => m.Text).ToList();
        Assert.Contains("first message", history);
        Assert.Contains("reply to: first message", history);
        Assert.Equal(["client", "agent", "client", "agent"], transcript.Select(t => t.Role));
        Assert.Equal(["first message", "reply to: first message", "second message", "reply to: second message"], transcript.Select(t => t.Text));
        Assert.Equal([1, 2, 3, 4], transcript.Select(t => t.Seq));
    }

    [StoreTheory]
    [InlineData("500")]
    [InlineData("timeout")]
    [InlineData("garbage")]
    [InlineData("refused")]
    public async Task A_failing_remote_brain_falls_back_to_the_embedded_engine_and_the_tags_say_so(string failure)
    {
        await using var server = await FakeChatCompletionsServer.StartAsync();
        var endpoint = failure == "refused" ? "http://127.0.0.1:9/v1" : server.V1Endpoint;
        await using var h = await AgentHarness.StartAsync(Store, extra: new()
        {
            ["FrontDesk:Llm:Provider"] = "Compatible", ["FrontDesk:Llm:Endpoint"] = endpoint, ["FrontDesk:Llm:Model"] = "test-model",
            // Only the "timeout" case needs a short timeout; the others answer at once, and a 1 s budget on a loaded
            // machine could run out before the request reached the fake server.
            ["FrontDesk:Llm:TimeoutSeconds"] = failure == "timeout" ? "1" : "10",
        });
        switch (failure)
        {
            case "500":
                server.ReplyJson("""{"error":{"message":"overloaded"}}""", 500);
                server.ReplyJson("""{"error":{"message":"overloaded"}}""", 500);
                server.ReplyJson("""{"error":{"message":"overloaded"}}""", 500);
                break;
            case "timeout":
                server.ReplyNever();
                server.ReplyNever();
                server.ReplyNever();
                break;
            case "garbage":
                server.ReplyJson("<html>not json at all", 200);
                server.ReplyJson("{\"choices\": 42}", 200);
                server.ReplyJson("<html>not json at all", 200);
                break;
        }
        var reply = (await h.TalkAsync("llm_1", "web", null, "Is there parking?"))[0];
        Assert.Equal("embedded", reply.Brain);
        Assert.Contains("parking", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(failure != "refused", server.Arrivals > 0);
        var agentTurn = (await h.TranscriptAsync("llm_1"))[^1];
        Assert.Contains("\"brain\":\"embedded\"", agentTurn.TagsJson, StringComparison.Ordinal);
        Assert.Equal(reply.Text, agentTurn.Text);
    }

    [StoreFact]
    public async Task A_working_remote_brain_answers_and_the_tags_name_it_and_its_model()
    {
        await using var server = await FakeChatCompletionsServer.StartAsync();
        await using var h = await AgentHarness.StartAsync(Store, extra: new()
        {
            ["FrontDesk:Llm:Provider"] = "Compatible", ["FrontDesk:Llm:Endpoint"] = server.V1Endpoint, ["FrontDesk:Llm:Model"] = "test-model",
        });
        server.ReplyCompletion(ChatWire.AssistantToolCalls(ChatWire.ToolCall("call_1", "answer_faq", """{"question":"parking"}""")), "tool_calls");
        server.ReplyCompletion(ChatWire.AssistantText("There is street parking and a garage."));
        var reply = (await h.TalkAsync("llm_2", "web", null, "Is there parking?"))[0];
        Assert.Equal("compatible", reply.Brain);
        Assert.Equal("There is street parking and a garage.", reply.Text);
        Assert.Contains(reply.ToolCalls, c => c.Name == "answer_faq" && c.Outcome == "ok");
        var tags = (await h.TranscriptAsync("llm_2"))[^1].TagsJson;
        Assert.Contains("\"brain\":\"compatible\"", tags, StringComparison.Ordinal);
        Assert.Contains("test-model", tags, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_streamed_remote_turn_runs_its_tool_through_function_invocation_and_speaks_sentence_by_sentence()
    {
        await using var server = await FakeChatCompletionsServer.StartAsync();
        await using var h = await AgentHarness.StartAsync(Store, extra: new()
        {
            ["FrontDesk:Llm:Provider"] = "Compatible", ["FrontDesk:Llm:Endpoint"] = server.V1Endpoint, ["FrontDesk:Llm:Model"] = "test-model",
        });
        // The model streams a tool call in fragments, gets the tool's result back, then streams its answer.
        server.ReplyStream(
            ChatWire.Chunk(ChatWire.ToolCallDelta(0, "call_p", "answer_faq", """{"quest""")),
            ChatWire.Chunk(ChatWire.ToolCallDelta(0, null, null, """ion":"is there parking??"}""")),
            ChatWire.Chunk(new JsonObject(), "tool_calls"));
        server.ReplyStream(
            ChatWire.Chunk(ChatWire.TextDelta("Yes, there is parking. ")),
            ChatWire.Chunk(ChatWire.TextDelta("Anything else I can help with?")),
            ChatWire.Chunk(new JsonObject(), "stop"));
        var sentences = new List<string>();

        var reply = await h.Agent.HandleAsync(new TurnRequest("llm_stream", "voice", "hey is there parking??", "+14155550199"),
            (s, _) => { sentences.Add(s); return ValueTask.CompletedTask; }, CancellationToken.None);

        Assert.Equal("compatible", reply.Brain);
        Assert.Equal(["Yes, there is parking. ", "Anything else I can help with?"], sentences);
        var call = Assert.Single(reply.ToolCalls);
        Assert.Equal("answer_faq", call.Name);
        Assert.Contains("is there parking??", call.Arguments, StringComparison.Ordinal);
        // The second request carried the call and the tool's real result back to the model.
        var followUp = server.Requests[1].Body["messages"]!.AsArray();
        Assert.Equal("call_p", (string?)followUp[^1]!["tool_call_id"]);
        Assert.Contains("\"status\"", followUp[^1]!["content"]!.ToString(), StringComparison.Ordinal);
        Assert.True((bool?)server.Requests[1].Body["stream"]);
        Assert.Equal(2, (await h.TranscriptAsync("llm_stream")).Count);
    }

    [StoreFact]
    public async Task When_no_brain_can_answer_the_person_gets_an_apology_and_a_callback_escalation()
    {
        await using var h = await AgentHarness.StartAsync(Store, also: s =>
            s.AddSingleton(sp => new BrainSet(sp.GetRequiredService<EmbeddedChatClient>(), new FailingModel(), "scripted", embeddedFallback: false)));
        var reply = (await h.TalkAsync("llm_3", "web", null, "Is there parking?"))[0];
        Assert.Equal("none", reply.Brain);
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
        var escalation = Assert.Single(await h.EscalationsAsync());
        Assert.Equal("human_request", escalation.Category);
        Assert.Equal("llm_3", escalation.ConversationId);
        Assert.Equal(2, (await h.TranscriptAsync("llm_3")).Count);
    }

    /// <summary>A model that waits for a gate on its first call, then answers "reply to: {last user text}".</summary>
    // Each call waits for the gate; with onlyFor, only a call whose last user message is that text waits.
    private sealed class GatedModel(TaskCompletionSource entered, Task gate, string? onlyFor = null) : IChatClient
    {
        public List<IReadOnlyList<ChatMessage>> Seen { get; } = [];

        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = messages.ToList();
            lock (Seen)
            {
                Seen.Add(list);
            }
            var said = list.Last(m => m.Role == ChatRole.User).Text;
            if (onlyFor is null || said == onlyFor)
            {
                entered.TrySetResult();
                await gate.WaitAsync(cancellationToken);
            }
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, "reply to: " + list.Last(m => m.Role == ChatRole.User).Text));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    [StoreFact]
    public async Task The_transcript_keeps_a_tool_calls_outcome_and_ids_not_its_whole_result()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        var replies = await h.TalkAsync("tags_1", "web", null, "hi, any hydrafacial openings on wed afternoon?? maybe thursday");
        var search = Assert.Single(replies[0].ToolCalls, c => c.Name == "check_availability");
        // What the brain got: the offered times with their days and providers.
        var full = JsonNode.Parse(search.Result)!["data"]!;
        var offered = (full["slots"] ?? full["alternatives"])!.AsArray();
        Assert.NotEmpty(offered);
        var tags = JsonNode.Parse((await h.TranscriptAsync("tags_1"))[^1].TagsJson)!;
        var stored = tags["tools"]!.AsArray().Single(t => (string?)t!["name"] == "check_availability")!;
        Assert.Equal(search.Arguments, (string?)stored["arguments"]);
        Assert.Equal(search.Outcome, (string?)stored["outcome"]);
        var kept = JsonNode.Parse((string)stored["result"]!)!;
        Assert.Equal((string?)JsonNode.Parse(search.Result)!["status"], (string?)kept["status"]);
        // The transcript keeps which times were offered (their ids), not each offer's wording again.
        var keptOffers = (kept["data"]!["slots"] ?? kept["data"]!["alternatives"])!.AsArray();
        Assert.Equal(offered.Select(o => (string?)o!["slotId"]), keptOffers.Select(o => (string?)o));
        Assert.DoesNotContain((string)offered[0]!["time"]!, (string)stored["result"]!, StringComparison.Ordinal);
    }

    private sealed class FailingModel : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new LlmUnavailableException("down for the test");

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new LlmUnavailableException("down for the test");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}

public sealed class SqliteAgentTurnTests : AgentTurnTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class PostgresAgentTurnTests : AgentTurnTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;
}
