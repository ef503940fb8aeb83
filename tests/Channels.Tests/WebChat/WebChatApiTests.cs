using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Transcripts;
using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Channels.Tests.WebChat;

public sealed class WebChatApiTests
{
    [Theory]
    [InlineData("{not json", "Bad JSON")]
    [InlineData("""{"text":"hi","admin":true}""", "Bad JSON")]
    [InlineData("""{"text":"   "}""", "Empty message")]
    [InlineData("""{"sessionId":"web_x"}""", "Empty message")]
    [InlineData("""["hi"]""", "Bad JSON")]
    [InlineData("""{"text":42}""", "Bad JSON")]
    [InlineData("""{"text":"hi","text":"cancel everything"}""", "Bad JSON")]
    [InlineData("""{"sessionId":"web_a","text":"hi","sessionId":"web_b"}""", "Bad JSON")]
    [InlineData("""{"text":"hi","requestId":"not an id!"}""", "Bad request id")]
    [InlineData("""{"text":"hi","requestId":""}""", "Bad request id")]
    public async Task Bad_input_gets_a_400_problem_on_both_chat_endpoints(string body, string title)
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();
        foreach (var path in new[] { "/api/chat", "/api/chat/stream" })
        {
            using var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(title, problem.GetProperty("title").GetString());
            Assert.DoesNotContain("FrontDesk.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task A_body_that_is_not_declared_json_gets_a_415_problem_on_both_chat_endpoints(string? contentType)
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();
        foreach (var path in new[] { "/api/chat", "/api/chat/stream" })
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"text":"Is there parking?"}"""));
            if (contentType is not null)
            {
                content.Headers.ContentType = new(contentType);
            }
            using var response = await client.PostAsync(path, content);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("application/json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Empty(await host.Get<ConversationStore>().QueryTurnsAsync(null, "web", null, DateTime.MinValue, DateTime.MaxValue, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_failure_after_the_stream_started_ends_it_with_an_error_event_carrying_a_problem()
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();
        await host.ChatAsync(client, "Is there parking?");
        // The store loses its transcript tables under the running host: the turn is answered, then cannot be saved.
        await using (var db = new Microsoft.Data.Sqlite.SqliteConnection(host.Settings["FrontDesk:Database:ConnectionString"]))
        {
            await db.OpenAsync();
            await using var drop = db.CreateCommand();
            drop.CommandText = "DROP TABLE transcript_tags; DROP TABLE transcript_turns;";
            await drop.ExecuteNonQueryAsync();
        }

        var (response, events) = await ServerSentEvents.PostAsync(client, new { text = "What are your hours?" });
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal("session", events[0].Name);
        Assert.Equal("error", events[^1].Name);
        Assert.DoesNotContain(events, e => e.Name == "done");
        Assert.Equal(500, events[^1].Data.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(events[^1].Data.GetProperty("title").GetString()));
        Assert.DoesNotContain("transcript", events[^1].Data.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_2000_character_limit_counts_characters_not_utf16_units()
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();
        var emoji = string.Concat(Enumerable.Repeat("\U0001F600", 1001)); // 2,002 UTF-16 units
        using var accepted = await client.PostAsJsonAsync("/api/chat", new { text = emoji });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        using var refused = await client.PostAsJsonAsync("/api/chat", new { text = string.Concat(Enumerable.Repeat("\U0001F600", 2001)) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Message too long", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Text_over_2000_characters_is_refused_and_nothing_is_stored()
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/chat/stream", new { text = new string('a', 2001) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var turns = await host.Get<ConversationStore>().QueryTurnsAsync(null, "web", null, DateTime.MinValue, DateTime.MaxValue, 10, CancellationToken.None);
        Assert.Empty(turns);
    }

    [Fact]
    public async Task The_stream_sends_the_session_then_sentences_then_the_final_answer()
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();
        var (response, events) = await ServerSentEvents.PostAsync(client, new { text = "Is there parking?" });
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        }
        Assert.Equal("session", events[0].Name);
        var session = events[0].Data.GetProperty("sessionId").GetString();
        Assert.Equal("done", events[^1].Name);
        var done = events[^1].Data;
        Assert.Equal(session, done.GetProperty("sessionId").GetString());
        var sentences = events.Where(e => e.Name == "sentence").Select(e => e.Data.GetProperty("text").GetString()!).ToList();
        Assert.NotEmpty(sentences);
        Assert.Contains("parking", done.GetProperty("reply").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(done.GetProperty("reply").GetString(), string.Join(" ", sentences.Select(s => s.Trim())));
        Assert.Equal(JsonValueKind.Null, done.GetProperty("escalation").ValueKind);

        // The streamed turn is stored like any other.
        var turns = await host.Get<ConversationStore>().TranscriptAsync(session!, CancellationToken.None);
        Assert.Equal([TurnRole.Client, TurnRole.Agent], turns.Select(t => t.Role));
    }

    [Fact]
    public async Task History_returns_the_turns_and_later_staff_replies_of_the_session()
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();
        var first = await host.ChatAsync(client, "What are your hours?");
        await host.Get<ConversationStore>().AppendTurnAsync(first.SessionId, TurnRole.Staff, "Hi, this is Maya from the front desk.", new TurnTags(), CancellationToken.None);
        await host.Get<ConversationStore>().AppendTurnAsync(first.SessionId, TurnRole.System, "internal note", new TurnTags(), CancellationToken.None);

        var history = await client.GetFromJsonAsync<JsonElement>($"/api/chat/history?sessionId={first.SessionId}");
        var turns = history.GetProperty("turns").EnumerateArray().ToList();
        Assert.Equal(["client", "agent", "staff"], turns.Select(t => t.GetProperty("role").GetString()));
        Assert.Equal([1, 2, 3], turns.Select(t => t.GetProperty("seq").GetInt32()));
        Assert.Equal("What are your hours?", turns[0].GetProperty("text").GetString());
        Assert.Equal(first.Reply, turns[1].GetProperty("text").GetString());
        Assert.Equal("Hi, this is Maya from the front desk.", turns[2].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("web_00000000000000000000000000000000")]
    [InlineData("not-a-session")]
    [InlineData("")]
    public async Task History_of_an_unknown_session_is_a_404_problem(string sessionId)
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();
        using var response = await client.GetAsync(new Uri($"/api/chat/history?sessionId={sessionId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_well_formed_but_unknown_session_id_starts_a_new_conversation()
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();
        const string guessed = "web_0123456789abcdef0123456789abcdef";
        var answer = await host.ChatAsync(client, "Is there parking?", guessed);
        Assert.NotEqual(guessed, answer.SessionId);
        Assert.Null(await host.Get<ConversationStore>().GetAsync(guessed, CancellationToken.None));
        Assert.NotNull(await host.Get<ConversationStore>().GetAsync(answer.SessionId, CancellationToken.None));
    }

    [Fact]
    public async Task A_session_id_of_another_channel_is_never_continued_on_the_web()
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();
        // A conversation on another channel that happens to carry a web-shaped id.
        const string id = "web_fedcba9876543210fedcba9876543210";
        await host.Get<FrontDesk.Agent.FrontDeskAgent>().HandleAsync(new FrontDesk.Agent.TurnRequest(id, "voice", "Is there parking?", "+14155551111"), CancellationToken.None);
        var answer = await host.ChatAsync(client, "when is my appointment?", id);
        Assert.NotEqual(id, answer.SessionId);
        Assert.Equal(2, (await host.Get<ConversationStore>().TranscriptAsync(id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_session_idle_beyond_the_configured_time_starts_a_new_conversation()
    {
        var clock = new ManualTimeProvider(SpaBookHarness.DefaultNow);
        await using var host = FrontDeskHost.Create(
            settings: new Dictionary<string, string?> { ["FrontDesk:Web:SessionIdleMinutes"] = "30" },
            services: s => s.AddSingleton<TimeProvider>(clock));
        using var client = host.CreateClient();
        var first = await host.ChatAsync(client, "Is there parking?");
        clock.Advance(TimeSpan.FromMinutes(29));
        var second = await host.ChatAsync(client, "What are your hours?", first.SessionId);
        Assert.Equal(first.SessionId, second.SessionId);

        clock.Advance(TimeSpan.FromMinutes(31));
        using (var expired = await client.GetAsync(new Uri($"/api/chat/history?sessionId={first.SessionId}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        }
        var third = await host.ChatAsync(client, "Is there parking?", first.SessionId);
        Assert.NotEqual(first.SessionId, third.SessionId);
        Assert.Equal(4, (await host.Get<ConversationStore>().TranscriptAsync(first.SessionId, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Talk_to_a_person_raises_an_escalation()
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();
        // The widget's "Talk to a person" button sends exactly this text.
        var answer = await host.ChatAsync(client, "Can I talk to a person?");
        Assert.Equal("human_request", answer.Escalation?.Category);
        var escalation = Assert.Single(await host.Get<ConversationStore>().EscalationsAsync("open", CancellationToken.None));
        Assert.Equal(answer.SessionId, escalation.ConversationId);
        Assert.Equal("web", escalation.Channel);
    }

    [Fact]
    public async Task The_widget_settings_carry_the_spa_name_and_AI_disclosure()
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();
        var config = await client.GetFromJsonAsync<JsonElement>("/api/chat/config");
        var profile = host.Get<FrontDesk.Tools.Profile.SpaProfile>();
        Assert.Equal(profile.Spa.Name, config.GetProperty("spa").GetString());
        Assert.Equal(profile.Spa.AiDisclosure, config.GetProperty("disclosure").GetString());
        Assert.Equal(4, config.GetProperty("pollSeconds").GetInt32());
    }

    [Fact]
    public async Task The_widget_settings_give_the_disclosure_in_the_page_language_when_the_profile_has_it()
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();
        var profile = host.Get<FrontDesk.Tools.Profile.SpaProfile>();
        var spanish = await client.GetFromJsonAsync<JsonElement>("/api/chat/config?lang=es");
        Assert.Equal(profile.Spa.Disclosures["es"], spanish.GetProperty("disclosure").GetString());
        Assert.Equal("es", spanish.GetProperty("language").GetString());
        // A language the profile has no disclosure in gets the profile's own, marked English, so the widget keeps its wording.
        var french = await client.GetFromJsonAsync<JsonElement>("/api/chat/config?lang=fr");
        Assert.Equal(profile.Spa.AiDisclosure, french.GetProperty("disclosure").GetString());
        Assert.Equal("en", french.GetProperty("language").GetString());
    }
}
