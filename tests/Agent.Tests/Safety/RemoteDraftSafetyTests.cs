using FrontDesk.Agent.Brains;
using FrontDesk.Agent.Tests.Conversations;
using FrontDesk.TestSupport;

namespace FrontDesk.Agent.Tests.Safety;

/// <summary>
/// A remote model (a real OpenAI-compatible server on loopback) whose draft gives advice, a wrong price or a discount:
/// the reply screen replaces the draft before the person, the transcript or the history sees it.
/// </summary>
public abstract class RemoteDraftSafetyTests
{
    protected abstract TestStore Store { get; }

    [StoreTheory]
    [InlineData("what about the peel?", "Avoid alcohol for 24 hours and you should be fine.", "medical_advice", "medical_no_advice", null)]
    [InlineData("what about the peel?", "It's perfectly safe, just take ibuprofen if it stings.", "medical_advice", "medical_no_advice", null)]
    [InlineData("what about botox?", "Botox is $199 today.", "unlisted_price", "price_not_listed", "pricing")]
    [InlineData("what about lip filler?", "Lip filler is a hundred and fifty bucks for you.", "unlisted_price", "price_not_listed", "pricing")]
    [InlineData("what about dermaplaning?", "I can give you 20% off your dermaplaning.", "discount_offer", "price_not_listed", "pricing")]
    public async Task A_remote_models_bad_draft_is_replaced_and_never_stored(string text, string draft, string finding, string replyKey, string? escalation)
    {
        await using var server = await FakeChatCompletionsServer.StartAsync();
        await using var h = await AgentHarness.StartAsync(Store, extra: new()
        {
            ["FrontDesk:Llm:Provider"] = "Compatible", ["FrontDesk:Llm:Endpoint"] = server.V1Endpoint, ["FrontDesk:Llm:Model"] = "test-model",
        });
        server.ReplyCompletion(ChatWire.AssistantText(draft));
        var reply = (await h.TalkAsync("remote_draft", "web", null, text))[0];
        Assert.Equal("compatible", reply.Brain);
        Assert.Equal(h.Book.Get<AgentPrompts>().Reply(replyKey), reply.Text);
        Assert.Equal(escalation, reply.Escalation?.Category);
        var transcript = await h.TranscriptAsync("remote_draft");
        Assert.Contains(finding, transcript[^1].TagsJson, StringComparison.Ordinal);
        Assert.DoesNotContain(transcript, t => t.Text.Contains(draft, StringComparison.Ordinal));
        var state = (await h.Conversations.GetAsync("remote_draft", CancellationToken.None))!.StateJson;
        Assert.DoesNotContain(draft, state, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_remote_models_list_price_for_the_right_service_is_sent_as_it_is()
    {
        await using var server = await FakeChatCompletionsServer.StartAsync();
        await using var h = await AgentHarness.StartAsync(Store, extra: new()
        {
            ["FrontDesk:Llm:Provider"] = "Compatible", ["FrontDesk:Llm:Endpoint"] = server.V1Endpoint, ["FrontDesk:Llm:Model"] = "test-model",
        });
        server.ReplyCompletion(ChatWire.AssistantText("A HydraFacial is $199 and takes 45 minutes."));
        var reply = (await h.TalkAsync("remote_price", "web", null, "how much is a hydrafacial?"))[0];
        Assert.Equal("A HydraFacial is $199 and takes 45 minutes.", reply.Text);
        Assert.Null(reply.Escalation);
    }
}

public sealed class SqliteRemoteDraftSafetyTests : RemoteDraftSafetyTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class PostgresRemoteDraftSafetyTests : RemoteDraftSafetyTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;
}
