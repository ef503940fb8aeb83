using System.Text.RegularExpressions;
using FrontDesk.Agent;
using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.Channels.Tests.Twilio.Simulator;
using FrontDesk.Channels.Twilio.Outbound;
using FrontDesk.Channels.WebChat;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FrontDesk.Channels.Tests.WebChat;

/// <summary>
/// Web visitors are anonymous: to see or change an existing appointment they prove their phone with a one-time code
/// that goes through the outbox (with no SMS provider it is also logged, the phone masked). Over HTTP, end to end.
/// </summary>
public sealed partial class WebVerificationTests
{
    private const string AvaPhone = "+14155551111";

    [Fact]
    public async Task A_web_visitor_verifies_their_phone_with_the_code_then_cancels_their_own_appointment()
    {
        var logs = new CollectingLoggerProvider();
        await using var host = FrontDeskHost.Create(services: s => s.AddSingleton<ILoggerProvider>(logs));
        using var client = host.CreateClient();
        var appointment = await BookByPhoneAsync(host);

        var ask = await host.ChatAsync(client, "I need to cancel my appointment");
        Assert.Contains("verify your mobile number", ask.Reply, StringComparison.Ordinal);
        Assert.DoesNotContain("HydraFacial", ask.Reply, StringComparison.Ordinal);
        var sent = await host.ChatAsync(client, "415-555-1111", ask.SessionId);
        Assert.Contains("6-digit code", sent.Reply, StringComparison.Ordinal);

        // The code sits in the outbox for that phone, tied to this conversation.
        var message = Assert.Single(await host.Get<OutboxWriter>().ListAsync(null, 50, CancellationToken.None), m => m.Kind == MessageKind.VerificationCode);
        Assert.Equal(AvaPhone, message.ToAddress);
        Assert.Equal(ask.SessionId, message.RelatedId);
        var code = SixDigits().Match(message.Body).Value;

        // ... and in the log, with the phone masked.
        var line = Assert.Single(logs.Lines, l => l.Contains("verification code", StringComparison.Ordinal));
        Assert.Contains(code, line, StringComparison.Ordinal);
        Assert.Contains("•11", line, StringComparison.Ordinal);
        Assert.DoesNotContain("5551111", line, StringComparison.Ordinal);
        Assert.DoesNotContain("555-1111", logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("4155551111", logs.Text, StringComparison.Ordinal);

        var wrong = await host.ChatAsync(client, WrongCode(code), ask.SessionId);
        Assert.Contains("2 tries left", wrong.Reply, StringComparison.Ordinal);
        Assert.DoesNotContain("HydraFacial", wrong.Reply, StringComparison.Ordinal);

        var verified = await host.ChatAsync(client, code, ask.SessionId);
        Assert.Contains("cancel HydraFacial", verified.Reply, StringComparison.Ordinal);
        var done = await host.ChatAsync(client, "yes", ask.SessionId);
        Assert.Contains("cancelled", done.Reply, StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Cancelled, (await host.Get<AppointmentBook>().GetAsync(appointment.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task With_Twilio_configured_the_code_is_texted_and_never_written_to_the_log()
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        var logs = new CollectingLoggerProvider();
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings(rest.BaseAddress), services: s => s.AddSingleton<ILoggerProvider>(logs));
        using var client = host.CreateClient();
        await BookByPhoneAsync(host);

        var ask = await host.ChatAsync(client, "I need to cancel my appointment");
        var sent = await host.ChatAsync(client, "415-555-1111", ask.SessionId);
        Assert.Contains("6-digit code", sent.Reply, StringComparison.Ordinal);
        var message = Assert.Single(await host.Get<OutboxWriter>().ListAsync(null, 50, CancellationToken.None), m => m.Kind == MessageKind.VerificationCode);
        var code = SixDigits().Match(message.Body).Value;

        Assert.True(host.Get<OutboxSender>().IsConfigured);
        Assert.False(host.Get<VerificationCodeLog>().Enabled);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("verification code", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(code, logs.Text, StringComparison.Ordinal);

        // It goes to the phone instead, and the code works.
        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);
        Assert.Contains(rest.Accepted, r => r.To == AvaPhone && r.Body.Contains(code, StringComparison.Ordinal));
        Assert.DoesNotContain(code, logs.Text, StringComparison.Ordinal);
        var verified = await host.ChatAsync(client, code, ask.SessionId);
        Assert.Contains("cancel HydraFacial", verified.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Three_wrong_codes_use_up_the_attempts_and_the_right_code_no_longer_works()
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();
        var appointment = await BookByPhoneAsync(host);
        var ask = await host.ChatAsync(client, "When is my appointment?");
        await host.ChatAsync(client, "415-555-1111", ask.SessionId);
        var message = Assert.Single(await host.Get<OutboxWriter>().ListAsync(null, 50, CancellationToken.None), m => m.Kind == MessageKind.VerificationCode);
        var code = SixDigits().Match(message.Body).Value;

        var replies = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            replies.Add((await host.ChatAsync(client, WrongCode(code), ask.SessionId)).Reply);
        }
        Assert.Contains("Too many wrong codes", replies[^1], StringComparison.Ordinal);
        var late = await host.ChatAsync(client, code, ask.SessionId);
        foreach (var reply in replies.Append(late.Reply))
        {
            Assert.DoesNotContain("HydraFacial", reply, StringComparison.Ordinal);
            Assert.DoesNotContain("December", reply, StringComparison.Ordinal);
        }
        Assert.Equal(AppointmentStatus.Booked, (await host.Get<AppointmentBook>().GetAsync(appointment.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_code_sent_in_one_session_does_not_verify_another_session()
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();
        await BookByPhoneAsync(host);
        var first = await host.ChatAsync(client, "When is my appointment?");
        await host.ChatAsync(client, "415-555-1111", first.SessionId);
        var code = SixDigits().Match(Assert.Single(await host.Get<OutboxWriter>().ListAsync(null, 50, CancellationToken.None), m => m.Kind == MessageKind.VerificationCode).Body).Value;

        var other = await host.ChatAsync(client, "When is my appointment?");
        var attempt = await host.ChatAsync(client, code, other.SessionId);
        Assert.DoesNotContain("HydraFacial", attempt.Reply, StringComparison.Ordinal);
    }

    private static async Task<Appointment> BookByPhoneAsync(FrontDeskHost host)
    {
        // A known client books by phone (caller ID vouches for the number).
        var agent = host.Get<FrontDeskAgent>();
        foreach (var text in new[] { "I need a hydrafacial next Tuesday", "the first one", "yes" })
        {
            await agent.HandleAsync(new TurnRequest("voice_booking", "voice", text, AvaPhone), CancellationToken.None);
        }
        return Assert.Single(await host.Get<AppointmentBook>().ListStartingAsync(DateTime.UtcNow.AddYears(-1), DateTime.UtcNow.AddYears(2), null, CancellationToken.None));
    }

    private static string WrongCode(string code) => code == "000000" ? "111111" : "000000";

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();
}
