using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FrontDesk.Channels.Tests.Hosting;

namespace FrontDesk.Channels.Tests.WebChat;

public sealed class RateLimitAndCorsTests
{
    [Fact]
    public async Task A_session_over_its_limit_gets_429_with_problem_details_and_Retry_After()
    {
        await using var host = FrontDeskHost.Create(settings: new Dictionary<string, string?> { ["FrontDesk:Web:PerSessionPerMinute"] = "2" });
        using var client = host.CreateClient();
        var first = await host.ChatAsync(client, "Is there parking?");
        await host.ChatAsync(client, "What are your hours?", first.SessionId);
        using var limited = await client.PostAsJsonAsync("/api/chat", new { sessionId = first.SessionId, text = "hello again" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var problem = await limited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());

        // The refused message was not handed to the agent; another session is unaffected.
        Assert.Equal(4, (await host.Get<FrontDesk.Agent.Conversations.ConversationStore>().TranscriptAsync(first.SessionId, CancellationToken.None)).Count);
        var other = await host.ChatAsync(client, "Is there parking?");
        Assert.NotEqual(first.SessionId, other.SessionId);
    }

    [Fact]
    public void A_sessions_window_allows_its_limit_then_refuses_until_the_minute_is_over_and_ended_windows_are_forgotten()
    {
        var time = new SteppedTime();
        var limiter = new FrontDesk.Channels.WebChat.WebSessionRateLimiter(3, time);
        Assert.True(limiter.TryAcquire("web_a", out _));
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(limiter.TryAcquire("web_a", out _));
        Assert.True(limiter.TryAcquire("web_a", out _));
        Assert.False(limiter.TryAcquire("web_a", out var retry));
        // The window started at the first message: 40 seconds of it are left.
        Assert.Equal(TimeSpan.FromSeconds(40), retry);
        // Another session has a window of its own.
        Assert.True(limiter.TryAcquire("web_b", out _));

        time.Advance(TimeSpan.FromSeconds(39));
        Assert.False(limiter.TryAcquire("web_a", out retry));
        Assert.Equal(TimeSpan.FromSeconds(1), retry);
        time.Advance(TimeSpan.FromSeconds(1));
        // A new window from this message on: three more, then refused again.
        Assert.True(limiter.TryAcquire("web_a", out _));
        Assert.True(limiter.TryAcquire("web_a", out _));
        Assert.True(limiter.TryAcquire("web_a", out _));
        Assert.False(limiter.TryAcquire("web_a", out _));
        Assert.Equal(2, limiter.Tracked);

        // A minute later both windows have ended: the first message after it sweeps them away and opens its own.
        time.Advance(TimeSpan.FromSeconds(61));
        Assert.True(limiter.TryAcquire("web_c", out _));
        Assert.Equal(1, limiter.Tracked);
        Assert.True(limiter.TryAcquire("web_a", out _));
        Assert.Equal(2, limiter.Tracked);
    }

    [Fact]
    public async Task A_sessions_limit_holds_under_concurrent_messages()
    {
        var limiter = new FrontDesk.Channels.WebChat.WebSessionRateLimiter(20, new SteppedTime());
        var taken = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                if (limiter.TryAcquire("web_busy", out _))
                {
                    Interlocked.Increment(ref taken);
                }
            }
        })));
        Assert.Equal(20, taken);
    }

    /// <summary>Timestamps that move only when the test moves them (the limiter runs on timestamps, not the spa's clock).</summary>
    private sealed class SteppedTime : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }

    [Fact]
    public async Task A_client_address_over_its_limit_gets_429_even_with_new_sessions()
    {
        await using var host = FrontDeskHost.Create(settings: new Dictionary<string, string?> { ["FrontDesk:Web:PerAddressPerMinute"] = "2" });
        using var client = host.CreateClient();
        await host.ChatAsync(client, "Is there parking?");
        await host.ChatAsync(client, "Is there parking?");
        using var limited = await client.PostAsJsonAsync("/api/chat/stream", new { text = "Is there parking?" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_per_address_limit_of_zero_is_off_and_the_session_limit_still_holds()
    {
        await using var host = FrontDeskHost.Create(settings: new Dictionary<string, string?>
        {
            ["FrontDesk:Web:PerAddressPerMinute"] = "0", ["FrontDesk:Web:PerSessionPerMinute"] = "3",
        });
        using var client = host.CreateClient();
        // More new conversations from one address than the default limit of 60 allows.
        for (var i = 0; i < 65; i++)
        {
            await host.ChatAsync(client, "Is there parking?");
        }
        var session = (await host.ChatAsync(client, "hi")).SessionId;
        await host.ChatAsync(client, "Is there parking?", session);
        await host.ChatAsync(client, "Where are you?", session);
        using var limited = await client.PostAsJsonAsync("/api/chat", new { sessionId = session, text = "And on Sunday?" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    [Fact]
    public async Task CORS_allows_the_configured_site_and_no_other()
    {
        await using var host = FrontDeskHost.Create(settings: new Dictionary<string, string?> { ["FrontDesk:Web:AllowedOrigins:0"] = "https://www.spa.example" });
        using var client = host.CreateClient();

        using var allowed = Preflight("https://www.spa.example");
        using var allowedResponse = await client.SendAsync(allowed);
        Assert.Equal("https://www.spa.example", allowedResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var foreign = Preflight("https://evil.example");
        using var foreignResponse = await client.SendAsync(foreign);
        Assert.False(foreignResponse.Headers.Contains("Access-Control-Allow-Origin"));

        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = JsonContent.Create(new { text = "Is there parking?" }) };
        post.Headers.Add("Origin", "https://www.spa.example");
        using var postResponse = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.OK, postResponse.StatusCode);
        Assert.Equal("https://www.spa.example", postResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/chat/stream");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }
}
