using System.Net.Http.Json;
using Dapper;
using FrontDesk.Agent;
using FrontDesk.Agent.Conversations;
using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Store;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Channels.Tests.WebChat;

/// <summary>
/// The web session rules on both stores (issue 16, round 33: checked by the turn's begin, in the round trip that takes the
/// lease, where they were a read of their own before every web turn): a session id is continued only while it names a web
/// conversation of the store that is not closed and was active within the idle time; otherwise the message starts a new
/// conversation under a new id, on both chat endpoints, and the conversation the id named is left as it was.
/// </summary>
public abstract class WebSessionRulesTests
{
    protected abstract TestStore Store { get; }

    [StoreFact]
    public async Task A_live_session_goes_on_and_a_retried_message_gets_its_first_answer()
    {
        await using var host = FrontDeskHost.Create(Store);
        using var client = host.CreateClient();
        var first = await host.ChatAsync(client, "hi!! is there parking near u? coming from the east bay");
        var second = await PostAsync(client, new { sessionId = first.SessionId, text = "ok and r u open sunday", requestId = "msg-2" });
        Assert.Equal(first.SessionId, second.SessionId);
        // The widget lost the answer and sends the same message again with the same id: the stored answer, no second turn.
        var again = await PostAsync(client, new { sessionId = first.SessionId, text = "ok and r u open sunday", requestId = "msg-2" });
        Assert.Equal(first.SessionId, again.SessionId);
        Assert.Equal(second.Reply, again.Reply);
        Assert.Equal(4, (await host.Get<ConversationStore>().TranscriptAsync(first.SessionId, CancellationToken.None)).Count);

        var (response, events) = await ServerSentEvents.PostAsync(client, new { sessionId = first.SessionId, text = "gracias! y tienen estacionamiento?" });
        response.Dispose();
        Assert.Equal("session", events[0].Name);
        Assert.Equal(first.SessionId, events[0].Data.GetProperty("sessionId").GetString());
        Assert.Equal(first.SessionId, events[^1].Data.GetProperty("sessionId").GetString());
        Assert.Equal(6, (await host.Get<ConversationStore>().TranscriptAsync(first.SessionId, CancellationToken.None)).Count);
    }

    [StoreFact]
    public async Task A_well_formed_id_the_store_does_not_know_starts_a_new_conversation_and_creates_nothing_under_it()
    {
        await using var host = FrontDeskHost.Create(Store);
        using var client = host.CreateClient();
        const string guessed = "web_00112233445566778899aabbccddeeff";
        var answer = await host.ChatAsync(client, "do u do deep tissue? my back is killing me after the move lol", guessed);
        Assert.NotEqual(guessed, answer.SessionId);
        Assert.True(FrontDesk.Channels.WebChat.WebSessions.IsWellFormed(answer.SessionId));

        const string other = "web_ffeeddccbbaa99887766554433221100";
        var (response, events) = await ServerSentEvents.PostAsync(client, new { sessionId = other, text = "hola, cuanto cuesta un facial?" });
        response.Dispose();
        Assert.Equal("session", events[0].Name);
        var streamed = events[0].Data.GetProperty("sessionId").GetString();
        Assert.NotEqual(other, streamed);
        Assert.Equal("done", events[^1].Name);
        Assert.Equal(streamed, events[^1].Data.GetProperty("sessionId").GetString());

        var store = host.Get<ConversationStore>();
        Assert.Null(await store.GetAsync(guessed, CancellationToken.None));
        Assert.Null(await store.GetAsync(other, CancellationToken.None));
        Assert.Null(await store.LeaseOwnerAsync(guessed, CancellationToken.None));
        Assert.Equal(2, (await store.TranscriptAsync(answer.SessionId, CancellationToken.None)).Count);
        Assert.Equal(2, (await store.TranscriptAsync(streamed!, CancellationToken.None)).Count);
    }

    [StoreFact]
    public async Task A_conversation_of_another_channel_is_never_continued_on_the_web_and_stays_free_for_its_own_channel()
    {
        await using var host = FrontDeskHost.Create(Store);
        using var client = host.CreateClient();
        // A text conversation that carries a web-shaped id: someone who learnt it must not read or add to it from the web.
        const string id = "web_0a1b2c3d4e5f60718293a4b5c6d7e8f9";
        var agent = host.Get<FrontDeskAgent>();
        await agent.HandleAsync(new TurnRequest(id, "sms", "hi do you have anything thurs afternoon", "+14155550137"), CancellationToken.None);

        var answer = await host.ChatAsync(client, "when is my appointment? pls remind me", id);
        Assert.NotEqual(id, answer.SessionId);
        var (response, events) = await ServerSentEvents.PostAsync(client, new { sessionId = id, text = "cancel my appt" });
        response.Dispose();
        Assert.NotEqual(id, events[0].Data.GetProperty("sessionId").GetString());

        var store = host.Get<ConversationStore>();
        Assert.Equal(2, (await store.TranscriptAsync(id, CancellationToken.None)).Count);
        // The web's attempts took no lease on it: its own channel's next message is answered at once.
        Assert.Null(await store.LeaseOwnerAsync(id, CancellationToken.None));
        var next = await agent.HandleAsync(new TurnRequest(id, "sms", "actually friday works better", "+14155550137"), CancellationToken.None);
        Assert.NotNull(next.Text);
        Assert.Equal(4, (await store.TranscriptAsync(id, CancellationToken.None)).Count);
        Assert.All(await store.TranscriptAsync(id, CancellationToken.None), t => Assert.Equal("sms", t.Channel));
    }

    [StoreFact]
    public async Task A_closed_session_starts_a_new_conversation()
    {
        await using var host = FrontDeskHost.Create(Store);
        using var client = host.CreateClient();
        var first = await host.ChatAsync(client, "What are your hours on Saturday?");
        await using (var c = await host.Get<SpaDatabase>().OpenAsync(CancellationToken.None))
        {
            await c.ExecuteAsync("UPDATE conversations SET status = 'closed' WHERE id = @id", new { id = first.SessionId });
        }
        var second = await host.ChatAsync(client, "and sunday?", first.SessionId);
        Assert.NotEqual(first.SessionId, second.SessionId);
        Assert.Equal(2, (await host.Get<ConversationStore>().TranscriptAsync(first.SessionId, CancellationToken.None)).Count);
        Assert.Null(await host.Get<ConversationStore>().LeaseOwnerAsync(first.SessionId, CancellationToken.None));
    }

    [StoreFact]
    public async Task A_session_goes_on_up_to_the_idle_time_and_not_after()
    {
        var clock = new ManualTimeProvider(SpaBookHarness.DefaultNow);
        await using var host = FrontDeskHost.Create(Store,
            settings: new Dictionary<string, string?> { ["FrontDesk:Web:SessionIdleMinutes"] = "30" },
            services: s => s.AddSingleton<TimeProvider>(clock));
        using var client = host.CreateClient();
        var first = await host.ChatAsync(client, "hola! tienen masaje de piedras calientes?");
        clock.Advance(TimeSpan.FromMinutes(30));
        var second = await host.ChatAsync(client, "y cuanto dura?", first.SessionId);
        Assert.Equal(first.SessionId, second.SessionId);

        clock.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
        var third = await host.ChatAsync(client, "perdon, sigo aqui. cuanto cuesta?", first.SessionId);
        Assert.NotEqual(first.SessionId, third.SessionId);
        Assert.Equal(4, (await host.Get<ConversationStore>().TranscriptAsync(first.SessionId, CancellationToken.None)).Count);
        Assert.Equal(2, (await host.Get<ConversationStore>().TranscriptAsync(third.SessionId, CancellationToken.None)).Count);
    }

    private static async Task<WebChatAnswer> PostAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/chat", body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<WebChatAnswer>())!;
    }
}

public sealed class SqliteWebSessionRulesTests : WebSessionRulesTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class PostgresWebSessionRulesTests : WebSessionRulesTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;
}
