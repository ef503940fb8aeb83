using FrontDesk.Channels.Teams;

namespace FrontDesk.Channels.Tests.Teams;

public sealed class WebhookRateLimiterTests
{
    private const string Webhook = "https://prod-00.westus.logic.azure.com/workflows/a";
    private const string OtherWebhook = "https://prod-00.westus.logic.azure.com/workflows/b";

    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Four_sends_in_a_second_go_at_once_and_the_fifth_waits_for_the_window()
    {
        var limiter = new WebhookRateLimiter(_clock);

        var delays = Enumerable.Range(0, 4).Select(_ => limiter.ReserveSend(Webhook)).ToList();
        _clock.Advance(TimeSpan.FromMilliseconds(300));
        var fifth = limiter.ReserveSend(Webhook);

        Assert.All(delays, d => Assert.Equal(TimeSpan.Zero, d));
        Assert.Equal(TimeSpan.FromMilliseconds(700), fifth);
    }

    [Fact]
    public void The_sixty_first_send_within_thirty_seconds_waits()
    {
        var limiter = new WebhookRateLimiter(_clock);

        // Four per second never trips the one-second window...
        for (var i = 0; i < 60; i++)
        {
            Assert.Equal(TimeSpan.Zero, limiter.ReserveSend(Webhook));
            _clock.Advance(TimeSpan.FromMilliseconds(250));
        }

        // ...but at 15 s, sixty sends since 0 s fill the thirty-second window until 30 s.
        Assert.Equal(TimeSpan.FromSeconds(15), limiter.ReserveSend(Webhook));
    }

    [Fact]
    public void Reserved_slots_queue_up_behind_each_other()
    {
        var limiter = new WebhookRateLimiter(_clock);

        var delays = Enumerable.Range(0, 9).Select(_ => limiter.ReserveSend(Webhook)).ToList();

        Assert.Equal(
            [0, 0, 0, 0, 1, 1, 1, 1, 2],
            delays.Select(d => d.TotalSeconds));
    }

    [Fact]
    public void Each_webhook_has_its_own_budget()
    {
        var limiter = new WebhookRateLimiter(_clock);
        for (var i = 0; i < 4; i++)
        {
            limiter.ReserveSend(Webhook);
        }

        Assert.Equal(TimeSpan.Zero, limiter.ReserveSend(OtherWebhook));
        Assert.True(limiter.ReserveSend(Webhook) > TimeSpan.Zero);
    }

    [Fact]
    public void Once_the_window_has_passed_sends_go_at_once_again()
    {
        var limiter = new WebhookRateLimiter(_clock);
        for (var i = 0; i < 4; i++)
        {
            limiter.ReserveSend(Webhook);
        }

        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.Zero, limiter.ReserveSend(Webhook));
    }
}
