using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FrontDesk.Agent.Conversations;
using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FrontDesk.Channels.Tests.BotFramework;

/// <summary>
/// <c>POST /api/messages</c> on the real host: tokens minted here by hand against a key set served by a fake Bot
/// Connector on loopback, which also issues app tokens and receives the replies.
/// </summary>
public sealed class MessagesEndpointTests : IAsyncLifetime, IDisposable
{
    private const string AppId = "99999999-8888-7777-6666-555555555555";
    private const string Issuer = "https://api.botframework.com";
    private const string StaffKey = "bootstrap-key-for-bot-tests-0123456789";
    private static readonly DateTimeOffset Now = SpaBookHarness.DefaultNow;

    private readonly RSA _trustedKey = RSA.Create(2048);
    private readonly RSA _rogueKey = RSA.Create(2048);
    private readonly ConcurrentQueue<(string Path, string? Authorization, JsonElement Body)> _replies = new();
    private readonly ConcurrentQueue<Dictionary<string, string>> _tokenRequests = new();
    private LoopbackServer _connector = null!;
    private FrontDeskHost _host = null!;
    private HttpClient _client = null!;

    private string ServiceUrl => _connector.BaseUri.AbsoluteUri;

    public async Task InitializeAsync()
    {
        _connector = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new { issuer = Issuer, jwks_uri = _connector.Url("/v1/.well-known/keys") }));
            app.MapGet("/v1/.well-known/keys", () => Results.Json(new { keys = new[] { Jwk(_trustedKey, "key-1") } }));
            app.MapPost("/oauth2/v2.0/token", async (HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                _tokenRequests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
                return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = "app-token-" + _tokenRequests.Count });
            });
            app.MapPost("/v3/conversations/{conversation}/activities/{activity}", async (HttpRequest request) =>
            {
                var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
                _replies.Enqueue((request.Path.ToString(), request.Headers.Authorization.ToString(), body));
                return Results.Json(new { id = "reply-1" });
            });
        });
        _host = FrontDeskHost.Create(settings: new Dictionary<string, string?>
        {
            ["FrontDesk:BotFramework:AppId"] = AppId,
            ["FrontDesk:BotFramework:AppPassword"] = "app-secret",
            ["FrontDesk:BotFramework:OpenIdMetadataUrl"] = _connector.Url("/v1/.well-known/openidconfiguration"),
            ["FrontDesk:BotFramework:TokenEndpoint"] = _connector.Url("/oauth2/v2.0/token"),
            ["FrontDesk:Staff:BootstrapApiKey"] = StaffKey,
        });
        _client = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    public void Dispose()
    {
        _trustedKey.Dispose();
        _rogueKey.Dispose();
    }

    [Fact]
    public async Task A_genuine_activity_is_answered_on_the_connector_with_an_app_token()
    {
        using var response = await PostAsync(Mint(_trustedKey, Claims()), Message("Is there parking?"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var reply = Assert.Single(_replies);
        Assert.Equal("/v3/conversations/a:conv-1/activities/act-1", reply.Path); // the server shows the escaped path decoded
        Assert.Equal("Bearer app-token-1", reply.Authorization);
        Assert.Equal("message", reply.Body.GetProperty("type").GetString());
        Assert.Equal("act-1", reply.Body.GetProperty("replyToId").GetString());
        Assert.Equal("29:visitor", reply.Body.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Contains("parking", reply.Body.GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
        var form = Assert.Single(_tokenRequests);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(AppId, form["client_id"]);

        var turns = await _host.Get<ConversationStore>().QueryTurnsAsync(null, "teams", null, DateTime.MinValue, DateTime.MaxValue, 10, CancellationToken.None);
        Assert.Equal(2, turns.Count);
    }

    [Fact]
    public async Task A_message_over_2000_characters_gets_a_short_reply_and_never_reaches_the_agent()
    {
        using var response = await PostAsync(Mint(_trustedKey, Claims()), Message(new string('a', 2001)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var reply = Assert.Single(_replies);
        Assert.Contains("2,000 characters", reply.Body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(await _host.Get<ConversationStore>().QueryTurnsAsync(null, null, null, DateTime.MinValue, DateTime.MaxValue, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Teams_mentions_are_stripped_and_the_same_conversation_continues()
    {
        using (await PostAsync(Mint(_trustedKey, Claims()), Message("<at>Front Desk</at> Is there parking?"))) { }
        using (await PostAsync(Mint(_trustedKey, Claims()), Message("What are your hours?", id: "act-2"))) { }
        var turns = await _host.Get<ConversationStore>().QueryTurnsAsync(null, "teams", null, DateTime.MinValue, DateTime.MaxValue, 10, CancellationToken.None);
        Assert.Equal(4, turns.Count);
        Assert.Single(turns.Select(t => t.ConversationId).Distinct());
        Assert.Contains(turns, t => t.Text == "Is there parking?");
        Assert.Equal(2, _replies.Count);
    }

    [Fact]
    public async Task Staff_take_over_reply_and_release_reach_the_conversation_through_the_connector()
    {
        using (await PostAsync(Mint(_trustedKey, Claims()), Message("Is there parking?"))) { }
        var conversationId = FrontDesk.Channels.BotFramework.BotFrameworkEndpoints.ConversationIdFor(new FrontDesk.Channels.BotFramework.Activity
        {
            ChannelId = "msteams", ServiceUrl = ServiceUrl, Conversation = new FrontDesk.Channels.BotFramework.ConversationAccount { Id = "a:conv-1" },
        });
        using var staff = _host.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffKey);

        using (var taken = await staff.PostAsync(new Uri($"/api/staff/conversations/{conversationId}/takeover", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
            Assert.Equal("delivered", (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("botframework").GetString());
        }
        var notice = _replies.Last();
        Assert.Equal("/v3/conversations/a:conv-1/activities/act-1", notice.Path);
        Assert.Equal("29:visitor", notice.Body.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Contains("has joined the conversation", notice.Body.GetProperty("text").GetString(), StringComparison.Ordinal);

        // The assistant is silent while a person has the conversation; the staff reply answers the latest activity.
        using (await PostAsync(Mint(_trustedKey, Claims()), Message("Thanks, I'll wait", id: "act-2"))) { }
        Assert.Equal(2, _replies.Count);
        using (var reply = await staff.PostAsJsonAsync(new Uri($"/api/staff/conversations/{conversationId}/reply", UriKind.Relative), new { text = "Hi Sam, yes: free parking behind the building." }))
        {
            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
            Assert.Equal("delivered", (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("botframework").GetString());
        }
        var staffReply = _replies.Last();
        Assert.Equal("/v3/conversations/a:conv-1/activities/act-2", staffReply.Path);
        Assert.Equal("act-2", staffReply.Body.GetProperty("replyToId").GetString());
        Assert.Equal("Hi Sam, yes: free parking behind the building.", staffReply.Body.GetProperty("text").GetString());

        using (var released = await staff.PostAsync(new Uri($"/api/staff/conversations/{conversationId}/release", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        }
        Assert.Equal(4, _replies.Count);
        Assert.Contains("handed you back", _replies.Last().Body.GetProperty("text").GetString(), StringComparison.Ordinal);
        var roles = (await _host.Get<ConversationStore>().TranscriptAsync(conversationId, CancellationToken.None)).Select(t => t.Role);
        Assert.Equal(["client", "agent", "system", "client", "staff", "system"], roles);
    }

    public static TheoryData<string, HttpStatusCode> Rejections => new()
    {
        { "expired", HttpStatusCode.Unauthorized },
        { "wrong audience", HttpStatusCode.Unauthorized },
        { "wrong issuer", HttpStatusCode.Unauthorized },
        { "rogue key", HttpStatusCode.Unauthorized },
        { "no token", HttpStatusCode.Unauthorized },
        { "serviceUrl mismatch", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task A_bad_token_is_refused_and_nothing_reaches_the_agent_or_the_connector(string kind, HttpStatusCode expected)
    {
        var token = kind switch
        {
            "expired" => Mint(_trustedKey, Claims(expires: Now - TimeSpan.FromHours(1), notBefore: Now - TimeSpan.FromHours(2))),
            "wrong audience" => Mint(_trustedKey, Claims(audience: "someone-elses-bot")),
            "wrong issuer" => Mint(_trustedKey, Claims(issuer: "https://evil.example")),
            "rogue key" => Mint(_rogueKey, Claims()),
            "serviceUrl mismatch" => Mint(_trustedKey, Claims(serviceUrl: "https://smba.trafficmanager.net/amer/")),
            _ => null,
        };
        using var response = await PostAsync(token, Message("Is there parking?"));
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(_replies);
        Assert.Empty(_tokenRequests);
        var turns = await _host.Get<ConversationStore>().QueryTurnsAsync(null, null, null, DateTime.MinValue, DateTime.MaxValue, 10, CancellationToken.None);
        Assert.Empty(turns);
    }

    [Fact]
    public async Task A_conversation_update_is_acknowledged_without_a_reply()
    {
        var update = new { type = "conversationUpdate", id = "act-9", channelId = "msteams", serviceUrl = ServiceUrl, conversation = new { id = "a:conv-1" } };
        using var response = await PostAsync(Mint(_trustedKey, Claims()), update);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_replies);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent("{oops", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Mint(_trustedKey, Claims()));
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_replies);
    }

    private object Message(string text, string id = "act-1") => new
    {
        type = "message", id, channelId = "msteams", serviceUrl = ServiceUrl, text,
        from = new { id = "29:visitor", name = "Sam Lee" }, recipient = new { id = "28:" + AppId, name = "Front Desk" },
        conversation = new { id = "a:conv-1" }, timestamp = Now,
    };

    private async Task<HttpResponseMessage> PostAsync(string? token, object activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await _client.SendAsync(request);
    }

    private Dictionary<string, object> Claims(string issuer = Issuer, string audience = AppId, string? serviceUrl = null, DateTimeOffset? expires = null, DateTimeOffset? notBefore = null) => new()
    {
        ["iss"] = issuer,
        ["aud"] = audience,
        ["serviceurl"] = serviceUrl ?? ServiceUrl,
        ["nbf"] = (notBefore ?? Now - TimeSpan.FromMinutes(1)).ToUnixTimeSeconds(),
        ["exp"] = (expires ?? Now + TimeSpan.FromHours(1)).ToUnixTimeSeconds(),
    };

    // RS256 by hand (PKCS#1 v1.5 over base64url header.payload), independent of the validator's library.
    private static string Mint(RSA key, Dictionary<string, object> claims)
    {
        var header = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT", kid = "key-1" }));
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signingInput = header + "." + payload;
        return signingInput + "." + Base64Url.EncodeToString(key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    private static Dictionary<string, object> Jwk(RSA key, string kid)
    {
        var p = key.ExportParameters(includePrivateParameters: false);
        return new() { ["kty"] = "RSA", ["use"] = "sig", ["kid"] = kid, ["n"] = Base64Url.EncodeToString(p.Modulus), ["e"] = Base64Url.EncodeToString(p.Exponent) };
    }
}

public sealed class MessagesEndpointNotConfiguredTests
{
    [Fact]
    public async Task Without_an_app_id_the_endpoint_is_a_404_problem_naming_the_settings()
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/messages", new { type = "message", text = "hi" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("FrontDesk:BotFramework:AppId", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_app_id_staff_cannot_take_over_or_reply_to_a_bot_conversation_and_get_a_409_saying_why()
    {
        const string key = "bootstrap-key-for-bot-tests-0123456789";
        await using var host = FrontDeskHost.Create(settings: new Dictionary<string, string?> { ["FrontDesk:Staff:BootstrapApiKey"] = key });
        await host.Get<FrontDesk.Agent.FrontDeskAgent>().HandleAsync(new FrontDesk.Agent.TurnRequest("bf_0123456789abcdef0123456789abcdef", "teams", "Is there parking?"), CancellationToken.None);
        using var staff = host.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        foreach (var (url, body) in new[] { ("takeover", (object?)null), ("reply", new { text = "Hello" }) })
        {
            using var response = body is null
                ? await staff.PostAsync(new Uri($"/api/staff/conversations/bf_0123456789abcdef0123456789abcdef/{url}", UriKind.Relative), null)
                : await staff.PostAsJsonAsync(new Uri($"/api/staff/conversations/bf_0123456789abcdef0123456789abcdef/{url}", UriKind.Relative), body);
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("FrontDesk:BotFramework:AppId", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var conversation = await host.Get<ConversationStore>().GetAsync("bf_0123456789abcdef0123456789abcdef", CancellationToken.None);
        Assert.Equal("active", conversation!.Status);
        Assert.Equal(2, (await host.Get<ConversationStore>().TranscriptAsync(conversation.Id, CancellationToken.None)).Count);
    }
}
