using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FrontDesk.Agent.Conversations;
using FrontDesk.Channels.Tests.Hosting;

namespace FrontDesk.Channels.Tests.WebChat;

/// <summary>
/// The page's language reaches the agent: <c>language</c> on <c>POST /api/chat</c> starts the conversation in it when the
/// first messages do not tell; a clear message in the other language still wins; a language the spa does not serve is ignored.
/// </summary>
public sealed class WebChatLanguageTests
{
    private static async Task<(string Session, string Reply)> SendAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsync(path, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (path.EndsWith("/stream", StringComparison.Ordinal))
        {
            var events = await response.Content.ReadAsStringAsync();
            var done = events.Split("\n\n").Single(e => e.StartsWith("event: done", StringComparison.Ordinal));
            var json = JsonDocument.Parse(done[(done.IndexOf("data: ", StringComparison.Ordinal) + 6)..]).RootElement;
            return (json.GetProperty("sessionId").GetString()!, json.GetProperty("reply").GetString()!);
        }
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (answer.GetProperty("sessionId").GetString()!, answer.GetProperty("reply").GetString()!);
    }

    private static async Task<string?> LanguageOfAsync(FrontDeskHost host, string session) =>
        (await host.Get<ConversationStore>().GetAsync(session, CancellationToken.None))!.ReadState().Language;

    [Theory]
    [InlineData("/api/chat", "ok")]
    [InlineData("/api/chat/stream", "ok")]
    [InlineData("/api/chat", "hydrafacial")]
    [InlineData("/api/chat", "Ana")]
    public async Task A_message_too_short_to_tell_on_a_Spanish_page_is_answered_in_Spanish(string path, string text)
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();

        var (spanishSession, spanish) = await SendAsync(client, path, new { text, language = "es" });
        var (englishSession, english) = await SendAsync(client, path, new { text });

        Assert.Equal("es", await LanguageOfAsync(host, spanishSession));
        Assert.Equal("en", await LanguageOfAsync(host, englishSession));
        Assert.NotEqual(english, spanish);
        var agentTurn = (await host.Get<ConversationStore>().TranscriptAsync(spanishSession, CancellationToken.None))[^1];
        Assert.Contains("\"language\":\"es\"", agentTurn.TagsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clear_message_in_English_on_a_Spanish_page_is_answered_in_English_and_the_next_short_one_stays_English()
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();

        var (session, reply) = await SendAsync(client, "/api/chat", new { text = "hi! do you have parking near the clinic?", language = "es" });
        Assert.Contains("parking", reply, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("en", await LanguageOfAsync(host, session));

        await SendAsync(client, "/api/chat", new { sessionId = session, text = "ok", language = "es" });
        Assert.Equal("en", await LanguageOfAsync(host, session));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("klingon")]
    [InlineData("")]
    [InlineData("ES; DROP TABLE clients")]
    public async Task A_language_the_spa_does_not_serve_is_ignored(string language)
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();

        var (session, _) = await SendAsync(client, "/api/chat", new { text = "ok", language });

        Assert.Equal("en", await LanguageOfAsync(host, session));
    }

    [Fact]
    public async Task A_regional_page_language_counts_as_its_language()
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();

        var (session, _) = await SendAsync(client, "/api/chat", new { text = "ok", language = "es-MX" });

        Assert.Equal("es", await LanguageOfAsync(host, session));
    }
}
