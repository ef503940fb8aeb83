using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.Channels.Tests.Twilio.Simulator;
using FrontDesk.Channels.Twilio.Outbound;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Profile;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Channels.Tests.Twilio;

public sealed class QuietHoursTests
{
    private static readonly SpaProfile Demo = SpaProfileLoader.Load(TestFiles.DemoProfile);
    private static readonly TimeOnly Nine = new(21, 0);
    private static readonly TimeOnly Eight = new(8, 0);

    [Theory]
    [InlineData("2026-11-23T20:00:00Z", null)]                    // 12:00 PST: not quiet
    [InlineData("2026-11-24T04:59:00Z", null)]                    // 20:59 PST
    [InlineData("2026-11-24T05:00:00Z", "2026-11-24T16:00:00Z")]  // 21:00 PST -> 08:00 PST next day
    [InlineData("2026-11-24T10:00:00Z", "2026-11-24T16:00:00Z")]  // 02:00 PST -> 08:00 the same day
    [InlineData("2026-11-24T16:00:00Z", null)]                    // 08:00 PST: texts resume
    public void Quiet_hours_run_from_nine_at_night_to_eight_in_the_morning_local(string nowUtc, string? resumeUtc)
    {
        var resume = QuietHours.EndIfQuiet(Demo, DateTime.Parse(nowUtc, null, System.Globalization.DateTimeStyles.AdjustToUniversal), Nine, Eight);
        Assert.Equal(resumeUtc is null ? null : DateTime.Parse(resumeUtc, null, System.Globalization.DateTimeStyles.AdjustToUniversal), resume);
    }

    [Fact]
    public void On_the_night_clocks_fall_back_texts_resume_at_eight_standard_time()
    {
        // Sunday 1 November 2026, 00:30 PDT (07:30Z); 08:00 that morning is PST (16:00Z), not 15:00Z.
        var resume = QuietHours.EndIfQuiet(Demo, new DateTime(2026, 11, 1, 7, 30, 0, DateTimeKind.Utc), Nine, Eight);
        Assert.Equal(new DateTime(2026, 11, 1, 16, 0, 0, DateTimeKind.Utc), resume);
    }

    [Fact]
    public void An_end_inside_the_spring_forward_gap_resumes_at_the_first_real_minute()
    {
        // Sunday 14 March 2027: 02:00-03:00 does not exist in Los Angeles. Quiet 01:00-02:30 ends at 03:00 PDT (10:00Z).
        var resume = QuietHours.EndIfQuiet(Demo, new DateTime(2027, 3, 14, 9, 30, 0, DateTimeKind.Utc), new TimeOnly(1, 0), new TimeOnly(2, 30));
        Assert.Equal(new DateTime(2027, 3, 14, 10, 0, 0, DateTimeKind.Utc), resume);
    }

    [Fact]
    public async Task Quiet_hours_come_from_configuration()
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        // 22:00 in San Francisco, with quiet hours configured to start at 22:30.
        var clock = new TestClock(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero));
        var settings = TwilioSimulator.Settings(rest.BaseAddress);
        settings["FrontDesk:Sms:QuietHoursStart"] = "22:30";
        await using var host = FrontDeskHost.Create(now: clock.GetUtcNow(), settings: settings,
            services: s => s.AddSingleton<TimeProvider>(clock));
        await host.Get<OutboxWriter>().EnqueueAsync(MessageKind.Reminder, TwilioSmsTests.Ava, "Reminder.", "c-ava", "mission", null, null, Actor.System("test"), CancellationToken.None);
        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);
        Assert.Single(rest.Accepted);
    }
}
