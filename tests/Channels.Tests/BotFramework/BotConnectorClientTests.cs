using System.Collections.Concurrent;
using System.Text.Json;
using FrontDesk.Channels.BotFramework;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.Tests.BotFramework;

public sealed class BotConnectorClientTests : IAsyncLifetime, IDisposable
{
    private const string ConversationId = "19:abc@thread.skype;messageid=42";
    private const string ActivityId = "1700000000000/x y";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ManualTimeProvider _clock = new(Now);
    private readonly HttpClient _httpClient = new();
    private readonly ConcurrentQueue<Dictionary<string, string>> _tokenRequests = new();
    private readonly ConcurrentQueue<ReceivedReply> _replies = new();
    private LoopbackServer _server = null!;
    private BotConnectorClient _client = null!;
    private int _connectorStatus = StatusCodes.Status200OK;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/oauth2/v2.0/token", async (HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                _tokenRequests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
                return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = "app-token-" + _tokenRequests.Count });
            });
            app.MapPost("/rejecting/token", () => Results.BadRequest(new { error = "invalid_client" }));
            app.MapFallback(async context =>
            {
                using var body = await JsonDocument.ParseAsync(context.Request.Body);
                _replies.Enqueue(new ReceivedReply(
                    context.Features.Get<IHttpRequestFeature>()!.RawTarget,
                    context.Request.Headers.Authorization.ToString(),
                    body.RootElement.Clone()));
                context.Response.StatusCode = _connectorStatus;
                await context.Response.WriteAsJsonAsync(new { id = "reply-1" });
            });
        });

        _client = CreateClient(_server.Url("/oauth2/v2.0/token"));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _client.Dispose();
        _httpClient.Dispose();
    }

    [Fact]
    public async Task A_reply_is_posted_with_the_app_token_to_the_escaped_conversation_path()
    {
        var result = await _client.ReplyAsync(Incoming(), "We have a 3 pm opening.", CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var reply = Assert.Single(_replies);
        Assert.Equal(
            "/amer/v3/conversations/19%3Aabc%40thread.skype%3Bmessageid%3D42/activities/1700000000000%2Fx%20y",
            reply.RawTarget);
        Assert.Equal("Bearer app-token-1", reply.Authorization);
    }

    [Fact]
    public async Task The_token_request_is_a_client_credentials_form()
    {
        await _client.ReplyAsync(Incoming(), "Hello", CancellationToken.None);

        var form = Assert.Single(_tokenRequests);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal("bot-app-id", form["client_id"]);
        Assert.Equal("bot-secret", form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
        Assert.Equal(4, form.Count);
    }

    [Fact]
    public async Task The_reply_swaps_from_and_recipient_and_answers_the_incoming_id()
    {
        await _client.ReplyAsync(Incoming(), "We have a 3 pm opening.", CancellationToken.None);

        var body = Assert.Single(_replies).Body;
        Assert.Equal("message", body.GetProperty("type").GetString());
        Assert.Equal("We have a 3 pm opening.", body.GetProperty("text").GetString());
        Assert.Equal("28:bot-app-id", body.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("Front Desk", body.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal("29:client", body.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("Dana", body.GetProperty("recipient").GetProperty("name").GetString());
        Assert.Equal(ConversationId, body.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal(ActivityId, body.GetProperty("replyToId").GetString());
    }

    [Fact]
    public async Task The_token_is_cached_across_replies_and_renewed_before_it_expires()
    {
        await _client.ReplyAsync(Incoming(), "one", CancellationToken.None);
        await _client.ReplyAsync(Incoming(), "two", CancellationToken.None);
        Assert.Single(_tokenRequests);

        _clock.Advance(TimeSpan.FromMinutes(56));
        await _client.ReplyAsync(Incoming(), "three", CancellationToken.None);

        Assert.Equal(2, _tokenRequests.Count);
        Assert.Equal(
            ["Bearer app-token-1", "Bearer app-token-1", "Bearer app-token-2"],
            _replies.Select(r => r.Authorization));
    }

    [Fact]
    public async Task A_connector_error_is_a_failure_not_an_exception()
    {
        _connectorStatus = StatusCodes.Status500InternalServerError;

        var result = await _client.ReplyAsync(Incoming(), "Hello", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, result.StatusCode);
    }

    [Fact]
    public async Task A_failing_token_endpoint_is_a_failure_and_nothing_is_posted()
    {
        using var client = CreateClient(_server.Url("/rejecting/token"));

        var result = await client.ReplyAsync(Incoming(), "Hello", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Empty(_replies);
    }

    [Fact]
    public async Task A_plain_http_serviceUrl_off_loopback_is_refused_without_sending_the_token()
    {
        var incoming = Incoming() with { ServiceUrl = "http://connector.example.com/" };

        var result = await _client.ReplyAsync(incoming, "Hello", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Empty(_tokenRequests);
    }

    [Fact]
    public void Activities_read_camel_case_and_ignore_unknown_fields()
    {
        const string json = """
            {"type":"message","id":"a1","timestamp":"2026-03-01T12:00:00.123Z","channelId":"msteams",
             "serviceUrl":"https://smba.trafficmanager.net/amer/","from":{"id":"29:x","name":"Dana","aadObjectId":"g"},
             "recipient":{"id":"28:bot"},"conversation":{"id":"c1","tenantId":"t","isGroup":false},
             "text":"hi","locale":"en-US","channelData":{"tenant":{"id":"t"}},"entities":[]}
            """;

        var activity = JsonSerializer.Deserialize<Activity>(json, BotFrameworkJson.Options)!;

        Assert.Equal("message", activity.Type);
        Assert.Equal("Dana", activity.From!.Name);
        Assert.Equal("c1", activity.Conversation!.Id);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 0, 0, 123, TimeSpan.Zero), activity.TimestampUtc);
    }

    [Fact]
    public void The_reply_url_has_no_double_slash_whether_or_not_the_serviceUrl_ends_in_one()
    {
        var withSlash = BotConnectorClient.BuildReplyUri(Incoming() with { ServiceUrl = "https://smba.trafficmanager.net/amer/" }, out _);
        var without = BotConnectorClient.BuildReplyUri(Incoming() with { ServiceUrl = "https://smba.trafficmanager.net/amer" }, out _);

        Assert.Equal(withSlash, without);
        Assert.StartsWith("https://smba.trafficmanager.net/amer/v3/conversations/", withSlash!.AbsoluteUri, StringComparison.Ordinal);
    }

    private BotConnectorClient CreateClient(string tokenEndpoint) => new(
        _httpClient,
        Options.Create(new BotFrameworkOptions
        {
            AppId = "bot-app-id",
            AppPassword = "bot-secret",
            TokenEndpoint = tokenEndpoint,
        }),
        _clock,
        NullLogger<BotConnectorClient>.Instance);

    private Activity Incoming() => new()
    {
        Type = ActivityTypes.Message,
        Id = ActivityId,
        ChannelId = "msteams",
        ServiceUrl = _server.Url("/amer/"),
        From = new ChannelAccount { Id = "29:client", Name = "Dana" },
        Recipient = new ChannelAccount { Id = "28:bot-app-id", Name = "Front Desk" },
        Conversation = new ConversationAccount { Id = ConversationId },
        Text = "Any openings tomorrow?",
        Locale = "en-US",
    };

    private sealed record ReceivedReply(string RawTarget, string Authorization, JsonElement Body);
}
