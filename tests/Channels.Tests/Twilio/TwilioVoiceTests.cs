using System.Net;
using FrontDesk.Agent.Conversations;
using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.Channels.Tests.Twilio.Simulator;
using FrontDesk.Channels.Twilio;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Outbox;

namespace FrontDesk.Channels.Tests.Twilio;

/// <summary>Whole phone calls through the real host, driven by the Twilio simulator.</summary>
public sealed class TwilioVoiceTests
{
    private const string Ava = "+14155551111";
    private const string Mission = "+14155550100";
    private const string TransferPhone = "+14155550101";

    // Monday 23 November 2026, 10:00 in San Francisco: the Mission location is open.
    private static readonly DateTimeOffset OpeningHours = new(2026, 11, 23, 18, 0, 0, TimeSpan.Zero);
    // Monday 23 November 2026, 08:00 in San Francisco (the default test clock): before opening.
    private static readonly DateTimeOffset BeforeOpening = new(2026, 11, 23, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_known_caller_hears_the_AI_disclosure_then_is_greeted_by_name_and_the_call_listens_for_speech_or_keys()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var call = new TwilioSimulator(host.CreateClient()).Call(Ava, Mission);

        var page = await call.AnswerAsync();

        Assert.Equal("application/xml", page.MediaType);
        Assert.Contains("I'm an AI", page.Spoken, StringComparison.Ordinal);
        Assert.Contains("Ava", page.Spoken, StringComparison.Ordinal);
        var gather = page.Gather!;
        Assert.Equal("speech dtmf", (string?)gather.Attribute("input"));
        Assert.Equal("auto", (string?)gather.Attribute("speechTimeout"));
        Assert.Equal("true", (string?)gather.Attribute("actionOnEmptyResult"));
        // The demo spa serves Spanish: the greeting offers it (SpanishCallerChoiceTests).
        Assert.Matches("^" + TwilioSimulator.PublicBaseUrl + "/twilio/voice/turn\\?prompt=[0-9a-f]{16}&offer=es$", (string?)gather.Attribute("action"));
        Assert.Contains("HydraFacial", (string?)gather.Attribute("hints"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_caller_is_greeted_without_a_name()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var page = await new TwilioSimulator(host.CreateClient()).Call("+14155559999", Mission).AnswerAsync();
        Assert.Contains("I'm an AI", page.Spoken, StringComparison.Ordinal);
        Assert.DoesNotContain("welcome back", page.Spoken, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_caller_books_a_hydrafacial_by_phone_turn_by_turn()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var call = new TwilioSimulator(host.CreateClient()).Call(Ava, Mission);
        await call.AnswerAsync();

        await call.SayAsync("I need a hydrafacial next Tuesday");
        await call.SayAsync("the first one");
        var confirmed = await call.SayAsync("yes");

        var booked = Assert.Single(await host.Get<AppointmentBook>().ListForClientAsync("c-ava", DateTime.MinValue, CancellationToken.None));
        Assert.Equal("hydrafacial", booked.ServiceId);
        Assert.Equal(AppointmentStatus.Booked, booked.Status);
        Assert.Equal("voice", booked.Channel);
        Assert.Equal(call.CallSid, booked.ConversationId);
        Assert.NotNull(confirmed.Gather);
        Assert.Contains("all set", confirmed.Spoken, StringComparison.OrdinalIgnoreCase);
        foreach (var said in call.Heard)
        {
            Assert.DoesNotContain("http", said, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("*", said, StringComparison.Ordinal);
        }
        var transcript = await host.Get<ConversationStore>().TranscriptAsync(call.CallSid, CancellationToken.None);
        Assert.Equal(6, transcript.Count);
        Assert.All(transcript, t => Assert.Equal("voice", t.Channel));
    }

    [Fact]
    public async Task Silence_is_reprompted_twice_then_the_call_ends_politely_and_one_text_back_is_queued()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var call = new TwilioSimulator(host.CreateClient()).Call("+14155557000", Mission);
        await call.AnswerAsync();

        var first = await call.StaySilentAsync();
        var second = await call.StaySilentAsync();
        var third = await call.StaySilentAsync();

        Assert.NotNull(first.Gather);
        Assert.NotNull(second.Gather);
        Assert.NotEqual(first.Spoken, second.Spoken);
        Assert.Null(third.Gather);
        Assert.True(third.HangsUp);
        Assert.Contains("text", third.Spoken, StringComparison.OrdinalIgnoreCase);

        await call.EndsAsync("completed");
        await call.EndsAsync("completed"); // Twilio may repeat a callback
        var textBack = Assert.Single(await host.Get<OutboxWriter>().ListAsync(null, 50, CancellationToken.None), m => m.Kind == MessageKind.MissedCall);
        Assert.Equal("+14155557000", textBack.ToAddress);
        Assert.Equal(call.CallSid, textBack.RelatedId);
    }

    [Fact]
    public async Task Silence_after_a_conversation_still_gets_the_text_the_goodbye_promises_once()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var call = new TwilioSimulator(host.CreateClient()).Call(Ava, Mission);
        var goodbye = await TalkThenFallSilentAsync(call);

        Assert.True(goodbye.HangsUp);
        Assert.Contains("I'll text you", goodbye.Spoken, StringComparison.Ordinal);
        var text = Assert.Single(await host.Get<OutboxWriter>().ListAsync(null, 50, CancellationToken.None), m => m.Kind == MessageKind.MissedCall);
        Assert.Equal(Ava, text.ToAddress);
        Assert.Equal(call.CallSid, text.RelatedId);
        Assert.Contains("couldn't hear you", text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silent_caller_who_opted_out_of_texts_is_not_promised_one()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        await host.Get<SmsOptOuts>().SetAsync(Ava, optedOut: true, "test", Actor.System("test"), CancellationToken.None);
        var call = new TwilioSimulator(host.CreateClient()).Call(Ava, Mission);
        var goodbye = await TalkThenFallSilentAsync(call);

        Assert.True(goodbye.HangsUp);
        Assert.DoesNotContain("text", goodbye.Spoken, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("call us back", goodbye.Spoken, StringComparison.Ordinal);
        Assert.DoesNotContain(await host.Get<OutboxWriter>().ListAsync(null, 50, CancellationToken.None), m => m.Kind == MessageKind.MissedCall);
    }

    [Fact]
    public async Task A_call_that_talked_to_the_agent_gets_no_text_back_but_a_missed_one_does()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var twilio = new TwilioSimulator(host.CreateClient());
        var talked = twilio.Call(Ava, Mission);
        await talked.AnswerAsync();
        await talked.SayAsync("Is there parking?");
        await talked.EndsAsync();
        var missed = twilio.Call("+14155557001", Mission);
        await missed.EndsAsync("no-answer"); // never reached the answering webhook

        var texts = (await host.Get<OutboxWriter>().ListAsync(null, 50, CancellationToken.None)).Where(m => m.Kind == MessageKind.MissedCall).ToList();
        Assert.Equal("+14155557001", Assert.Single(texts).ToAddress);
    }

    [Fact]
    public async Task Pressing_0_in_opening_hours_transfers_to_the_front_desk_and_an_unanswered_transfer_goes_to_voicemail()
    {
        await using var host = FrontDeskHost.Create(now: OpeningHours, settings: TwilioSimulator.Settings());
        var call = new TwilioSimulator(host.CreateClient()).Call(Ava, Mission);
        await call.AnswerAsync();

        var transfer = await call.PressAsync("0");
        Assert.Equal(TransferPhone, transfer.DialNumber);
        Assert.Equal(TwilioSimulator.PublicBaseUrl + "/twilio/voice/dial-status", (string?)transfer.Root!.Element("Dial")!.Attribute("action"));

        var unanswered = await call.DialEndsAsync("no-answer");
        Assert.NotNull(unanswered.Record);
    }

    [Fact]
    public async Task Asking_for_a_person_in_opening_hours_transfers_the_call()
    {
        await using var host = FrontDeskHost.Create(now: OpeningHours, settings: TwilioSimulator.Settings());
        var call = new TwilioSimulator(host.CreateClient()).Call(Ava, Mission);
        await call.AnswerAsync();
        var page = await call.SayAsync("Can I speak to a real person?");
        Assert.Equal(TransferPhone, page.DialNumber);
        var answered = await call.DialEndsAsync("completed");
        Assert.True(answered.HangsUp);
        await call.EndsAsync();
        Assert.DoesNotContain(await host.Get<OutboxWriter>().ListAsync(null, 50, CancellationToken.None), m => m.Kind == MessageKind.MissedCall);
    }

    [Fact]
    public async Task A_question_the_agent_cannot_answer_is_followed_up_without_transferring_the_call()
    {
        await using var host = FrontDeskHost.Create(now: OpeningHours, settings: TwilioSimulator.Settings());
        var call = new TwilioSimulator(host.CreateClient()).Call(Ava, Mission);
        await call.AnswerAsync();
        var page = await call.SayAsync("Is the massage table heated?");

        Assert.Null(page.DialNumber);
        Assert.NotNull(page.Gather); // the call goes on
        var escalation = Assert.Single(await host.Get<ConversationStore>().EscalationsAsync("open", CancellationToken.None));
        Assert.Equal("human_request", escalation.Category);
        Assert.Contains("massage table heated", escalation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_hours_a_person_request_takes_a_voicemail_and_escalates_with_the_recording_link()
    {
        await using var host = FrontDeskHost.Create(now: BeforeOpening, settings: TwilioSimulator.Settings());
        var call = new TwilioSimulator(host.CreateClient()).Call(Ava, Mission);
        await call.AnswerAsync();

        var page = await call.PressAsync("0");
        Assert.Null(page.DialNumber);
        Assert.NotNull(page.Record);
        Assert.Contains("closed", page.Spoken, StringComparison.OrdinalIgnoreCase);

        const string recording = "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE123";
        var thanks = await call.LeaveVoicemailAsync(recording, 17);
        Assert.True(thanks.HangsUp);

        var escalation = Assert.Single(await host.Get<ConversationStore>().EscalationsAsync("open", CancellationToken.None));
        Assert.Contains(recording, escalation.Summary, StringComparison.Ordinal);
        Assert.Equal(call.CallSid, escalation.ConversationId);
        Assert.Equal("c-ava", escalation.ClientId);
        var transcript = await host.Get<ConversationStore>().TranscriptAsync(call.CallSid, CancellationToken.None);
        Assert.Contains(transcript, t => t.Role == "system" && t.Text.Contains(recording, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_dialled_number_picks_the_location()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var call = new TwilioSimulator(host.CreateClient()).Call(Ava, "+14155550200");
        await call.AnswerAsync();
        await call.SayAsync("Is there parking?");
        var conversation = await host.Get<ConversationStore>().GetAsync(call.CallSid, CancellationToken.None);
        Assert.Equal("marina", conversation!.LocationId);
        Assert.Equal(Ava, conversation.CallerPhone);
    }

    /// <summary>Every Twilio webhook; <see cref="The_signature_theory_covers_every_Twilio_route_the_host_maps"/> keeps it complete.</summary>
    public static TheoryData<string> TwilioWebhooks => new(WebhookPaths);

    private static readonly string[] WebhookPaths =
    [
        "/twilio/voice", "/twilio/voice/turn", "/twilio/voice/dial-status", "/twilio/voice/status", "/twilio/voice/voicemail",
        "/twilio/voice/relay-end", "/twilio/sms", "/twilio/sms/status",
    ];

    [Fact]
    public async Task The_signature_theory_covers_every_Twilio_route_the_host_maps()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.Trim('/'))
            .Where(r => r.StartsWith("/twilio", StringComparison.Ordinal) && r != "/twilio/relay") // the WebSocket: ConversationRelayTests
            .Distinct().Order();
        Assert.Equal(WebhookPaths.Order(), routes);
    }

    [Theory]
    [MemberData(nameof(TwilioWebhooks))]
    public async Task Every_Twilio_webhook_refuses_a_bad_or_missing_signature(string path)
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var client = host.CreateClient();
        var form = new List<(string, string)> { ("CallSid", "CA1"), ("MessageSid", "SM1"), ("From", Ava), ("To", Mission), ("Body", "hi") };

        var forged = await new TwilioSimulator(client).PostAsync(path, form, signature: "NOTRSOYDt4T1cUTdK1PDd93/VVr8B8=");
        var wrongToken = await new TwilioSimulator(client, authToken: "another-token").PostAsync(path, form);
        // Signed for the URL the app sees, not the public one Twilio called: a proxy set-up mistake must fail closed.
        var wrongUrl = await new TwilioSimulator(client, publicBaseUrl: "http://localhost").PostAsync(path, form);
        using var unsigned = await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent([new("CallSid", "CA1")]));

        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        Assert.Equal(HttpStatusCode.Forbidden, wrongToken.Status);
        Assert.Equal(HttpStatusCode.Forbidden, wrongUrl.Status);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Empty(await host.Get<ConversationStore>().EscalationsAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task A_signed_request_missing_its_call_fields_gets_a_problem_not_a_crash()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var page = await new TwilioSimulator(host.CreateClient()).PostAsync("/twilio/voice/turn", [("From", Ava)]);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("CallSid", page.Body, StringComparison.Ordinal);
    }

    // One question, then silence until the call says goodbye (the third silence), then Twilio ends it.
    private static async Task<TwimlPage> TalkThenFallSilentAsync(SimulatedCall call)
    {
        await call.AnswerAsync();
        await call.SayAsync("Is there parking?");
        await call.StaySilentAsync();
        await call.StaySilentAsync();
        var goodbye = await call.StaySilentAsync();
        await call.EndsAsync("completed");
        return goodbye;
    }
}
