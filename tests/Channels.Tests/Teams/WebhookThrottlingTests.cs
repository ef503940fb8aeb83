using System.Collections.Concurrent;
using System.Diagnostics;
using Dapper;
using FrontDesk.Channels.Teams;
using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.Tools.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FrontDesk.Channels.Tests.Teams;

/// <summary>
/// A burst of escalations against a fake Teams webhook on loopback, from the real host's notifier: the webhook's
/// throttling holds every card for it, and posts are paced at 4 per second and 60 per 30 seconds, counted at the server.
/// </summary>
public sealed class WebhookThrottlingTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<long> _arrivals = new();
    private int _calls;
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(app =>
    {
        // The first post is refused with 429 and Retry-After: 2; every later one is accepted.
        app.MapPost("/throttles-once", (HttpResponse response) =>
        {
            _arrivals.Enqueue(Stopwatch.GetTimestamp());
            if (Interlocked.Increment(ref _calls) == 1)
            {
                response.Headers.RetryAfter = "2";
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            }
            return Results.Text("1");
        });
        app.MapPost("/accepts", () =>
        {
            _arrivals.Enqueue(Stopwatch.GetTimestamp());
            return Results.Text("1");
        });
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_429_holds_every_other_card_of_the_burst_for_that_webhook_until_retry_after()
    {
        await using var host = Host("/throttles-once");
        await RaiseAsync(host, 5);
        await DeliveredAsync(host, 5, TimeSpan.FromSeconds(60));

        var seconds = Seconds();
        Assert.Equal(6, seconds.Count); // the refused post, then the five cards
        // Nothing else went to the webhook while it had asked to wait two seconds (counted with slack for a slow machine).
        Assert.Equal(1, seconds.Count(t => t < seconds[0] + 1.5));
    }

    [Fact]
    public async Task A_burst_of_64_cards_is_paced_at_4_per_second_and_60_per_30_seconds()
    {
        await using var host = Host("/accepts");
        await RaiseAsync(host, 64);
        await DeliveredAsync(host, 64, TimeSpan.FromSeconds(120));

        var seconds = Seconds();
        Assert.Equal(64, seconds.Count);
        // Arrivals are counted at the server, where a busy machine can delay one post and not the next, bunching
        // them. So the check is one no delay can fake: the k-th arrival is never earlier than the k-th send, and the
        // pacing puts the k-th send at least k/4 seconds (and, past 60, 30 seconds) after the first, which itself left
        // at most a moment before its own arrival (half a second of slack for that).
        for (var k = 0; k < seconds.Count; k++)
        {
            var earliest = (k >= WebhookRateLimiter.PerThirtySecondsLimit ? 30.0 : k / WebhookRateLimiter.PerSecondLimit) - 0.5;
            Assert.True(seconds[k] >= earliest, $"post {k} arrived {seconds[k]:F2} s after the first; pacing allows it no earlier than {earliest + 0.5:F0} s");
        }
    }

    private FrontDeskHost Host(string path) => FrontDeskHost.Create(settings: new Dictionary<string, string?>
    {
        ["FrontDesk:Teams:WebhookUrl"] = _server.Url(path),
        ["FrontDesk:Teams:PollSeconds"] = "0.05",
        ["FrontDesk:Teams:RetryBaseSeconds"] = "0.05",
        ["FrontDesk:Teams:RetryMaxSeconds"] = "0.2",
        ["FrontDesk:PublicBaseUrl"] = "https://frontdesk.example.test",
    });

    // Escalations as the agent stores them, all in one transaction so one notifier pass finds the whole burst.
    private static async Task RaiseAsync(FrontDeskHost host, int count)
    {
        var db = host.Get<SpaDatabase>();
        await using var c = await db.OpenAsync(CancellationToken.None);
        await using var tx = await db.BeginWriteAsync(c, CancellationToken.None);
        var now = DateTime.UtcNow;
        for (var i = 0; i < count; i++)
        {
            await c.ExecuteAsync(new CommandDefinition("""
                INSERT INTO escalations (id, category, urgency, route, status, summary, channel, created_at_utc, updated_at_utc)
                VALUES (@id, 'human_request', 'normal', 'staff', 'open', 'Asked for a person.', 'web', @now, @now)
                """, new { id = $"esc_burst_{i:D3}", now }, tx));
        }
        await tx.CommitAsync(CancellationToken.None);
    }

    private static async Task DeliveredAsync(FrontDeskHost host, int count, TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (true)
        {
            await using (var c = await host.Get<SpaDatabase>().OpenAsync(CancellationToken.None))
            {
                if (await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM escalation_notifications WHERE target = 'teams' AND status = 'delivered'") == count)
                {
                    return;
                }
            }
            Assert.True(DateTime.UtcNow < deadline, "the burst was not delivered");
            await Task.Delay(100);
        }
    }

    private List<double> Seconds()
    {
        var ticks = _arrivals.ToArray().Order().ToList();
        return [.. ticks.Select(t => (double)(t - ticks[0]) / Stopwatch.Frequency)];
    }
}
