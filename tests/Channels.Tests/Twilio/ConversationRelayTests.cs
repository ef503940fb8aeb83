using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Runtime.CompilerServices;
using FrontDesk.Agent;
using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Embedded;
using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.Channels.Tests.Twilio.Simulator;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Clients;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FrontDesk.Channels.Tests.Twilio;

/// <summary>Streaming voice: ConversationRelay TwiML and the relay WebSocket on a real Kestrel port.</summary>
public sealed class ConversationRelayTests
{
    private const string Ava = "+14155551111";
    private const string Marina = "+14155550200";
    private const string Mission = "+14155550100";
    private static readonly DateTimeOffset OpeningHours = new(2026, 11, 24, 19, 0, 0, TimeSpan.Zero); // Tuesday 11:00, Marina open

    private static Dictionary<string, string?> RelayAtMarina()
    {
        var settings = TwilioSimulator.Settings();
        settings["FrontDesk:Voice:Locations:marina:Mode"] = "ConversationRelay";
        return settings;
    }

    [Fact]
    public async Task The_mode_is_chosen_per_location_in_configuration()
    {
        await using var host = FrontDeskHost.Create(settings: RelayAtMarina());
        var twilio = new TwilioSimulator(host.CreateClient());

        var marina = await twilio.Call(Ava, Marina).AnswerAsync();
        var mission = await twilio.Call(Ava, Mission).AnswerAsync();

        var connect = marina.Root!.Element("Connect")!;
        Assert.Equal(TwilioSimulator.PublicBaseUrl + "/twilio/voice/relay-end", (string?)connect.Attribute("action"));
        var relay = connect.Element("ConversationRelay")!;
        Assert.Equal("wss://frontdesk.example.com/twilio/relay", (string?)relay.Attribute("url"));
        Assert.Contains("I'm an AI", (string?)relay.Attribute("welcomeGreeting"), StringComparison.Ordinal);
        Assert.Equal("any", (string?)relay.Attribute("interruptible"));
        Assert.Equal("true", (string?)relay.Attribute("dtmfDetection"));
        Assert.Equal("marina", (string?)relay.Element("Parameter")!.Attribute("value"));
        Assert.NotNull(mission.Gather);
    }

    [Fact]
    public async Task A_relay_session_streams_the_reply_as_text_tokens_ending_with_last()
    {
        await using var host = FrontDeskHost.Create(settings: RelayAtMarina());
        var baseAddress = host.StartKestrel();
        using var socket = await ConnectAsync(baseAddress);
        await SetupAsync(socket, "CArelay0000000000000000000000000001");

        await SendAsync(socket, new JsonObject { ["type"] = "prompt", ["voicePrompt"] = "Is there parking?", ["lang"] = "en-US", ["last"] = true });
        var tokens = await ReadAnswerAsync(socket);

        // Sentence by sentence as the agent produces them, then an empty token marked last.
        Assert.True(tokens.Count >= 2, string.Join(" | ", tokens));
        Assert.Equal("", tokens[^1]);
        Assert.Contains("parking", string.Concat(tokens), StringComparison.OrdinalIgnoreCase);
        var transcript = await host.Get<ConversationStore>().TranscriptAsync("CArelay0000000000000000000000000001", CancellationToken.None);
        Assert.Equal(2, transcript.Count);
        Assert.Equal("marina", transcript[0].LocationId);
    }

    [Fact]
    public async Task A_conversation_that_turns_spanish_switches_the_relay_recognition_and_speech_to_spanish()
    {
        await using var host = FrontDeskHost.Create(settings: RelayAtMarina());
        var baseAddress = host.StartKestrel();
        using var socket = await ConnectAsync(baseAddress);
        await SetupAsync(socket, "CArelay00000000000000000000000000e5");

        await SendAsync(socket, new JsonObject { ["type"] = "prompt", ["voicePrompt"] = "me ahogo, no puedo respirar", ["lang"] = "en-US", ["last"] = true });
        var messages = new List<JsonObject>();
        while (messages.Count == 0 || messages[^1]["last"] is not { } last || !(bool)last)
        {
            messages.Add((await ReceiveAsync(socket))!);
        }
        Assert.Contains("911", string.Concat(messages.Select(m => (string?)m["token"])), StringComparison.Ordinal);
        // Known limit: the sentences of the turn that switched were already streamed; the switch holds from there on.
        var switched = Assert.Single(messages, m => (string?)m["type"] == "language");
        Assert.Equal("es-US", (string?)switched["ttsLanguage"]);
        Assert.Equal("es-US", (string?)switched["transcriptionLanguage"]);
    }

    [Fact]
    public async Task A_known_Spanish_speaking_client_gets_a_relay_that_greets_listens_and_speaks_in_Spanish()
    {
        await using var host = FrontDeskHost.Create(settings: RelayAtMarina());
        await host.Get<ClientDirectory>().SetLanguageAsync("c-ava", "es", Actor.System("test"), null, CancellationToken.None);

        var page = await new TwilioSimulator(host.CreateClient()).Call(Ava, Marina).AnswerAsync();

        var relay = page.Root!.Element("Connect")!.Element("ConversationRelay")!;
        Assert.Equal("es-US", (string?)relay.Attribute("language"));
        Assert.Contains("Hola, Ava", (string?)relay.Attribute("welcomeGreeting"), StringComparison.Ordinal);
        Assert.Contains(relay.Elements("Parameter"), p => (string?)p.Attribute("name") == "language" && (string?)p.Attribute("value") == "es");
    }

    [Fact]
    public async Task The_relay_declares_each_served_language_with_its_own_voice_so_a_switch_to_Spanish_speaks_with_the_Spanish_voice()
    {
        var settings = RelayAtMarina();
        settings["FrontDesk:Voice:Languages:es:Voice"] = "Polly.Mia-Neural";
        settings["FrontDesk:Voice:Languages:es:Language"] = "es-MX";
        await using var host = FrontDeskHost.Create(settings: settings);
        var baseAddress = host.StartKestrel();
        using var http = new HttpClient { BaseAddress = baseAddress };

        var page = await new TwilioSimulator(http).Call(Ava, Marina).AnswerAsync();

        var relay = page.Root!.Element("Connect")!.Element("ConversationRelay")!;
        // The greeting's language speaks with the configured English voice (a <Say> name "Polly.X" is provider Amazon, voice X).
        Assert.Equal("en-US", (string?)relay.Attribute("language"));
        Assert.Equal("Amazon", (string?)relay.Attribute("ttsProvider"));
        Assert.Equal("Joanna-Neural", (string?)relay.Attribute("voice"));
        var languages = relay.Elements("Language").ToDictionary(l => (string)l.Attribute("code")!);
        Assert.Equal(["en-US", "es-MX"], languages.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Mia-Neural", (string?)languages["es-MX"].Attribute("voice"));
        Assert.Equal("Amazon", (string?)languages["es-MX"].Attribute("ttsProvider"));
        Assert.Equal("Joanna-Neural", (string?)languages["en-US"].Attribute("voice"));

        // The language message the session sends on a switch names the declared Spanish locale.
        using var socket = await ConnectAsync(baseAddress);
        await SetupAsync(socket, "CArelay00000000000000000000000000e7");
        await SendAsync(socket, new JsonObject { ["type"] = "prompt", ["voicePrompt"] = "hola quiero una cita para un hydrafacial el viernes", ["lang"] = "en-US", ["last"] = true });
        var messages = new List<JsonObject>();
        while (messages.Count == 0 || messages[^1]["last"] is not { } last || !(bool)last)
        {
            messages.Add((await ReceiveAsync(socket))!);
        }
        var switched = Assert.Single(messages, m => (string?)m["type"] == "language");
        Assert.Equal("es-MX", (string?)switched["ttsLanguage"]);
        Assert.Equal("es-MX", (string?)switched["transcriptionLanguage"]);
        Assert.Contains("HydraFacial", string.Concat(messages.Select(m => (string?)m["token"])), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relay_that_started_in_Spanish_answers_a_short_first_prompt_in_Spanish_without_switching_again()
    {
        await using var host = FrontDeskHost.Create(settings: RelayAtMarina());
        var baseAddress = host.StartKestrel();
        using var socket = await ConnectAsync(baseAddress);
        const string callSid = "CArelay00000000000000000000000000e6";
        await SendAsync(socket, new JsonObject
        {
            ["type"] = "setup", ["sessionId"] = "VX" + callSid[2..], ["callSid"] = callSid, ["accountSid"] = TwilioSimulator.AccountSid,
            ["from"] = Ava, ["to"] = Marina, ["direction"] = "inbound",
            ["customParameters"] = new JsonObject { ["locationId"] = "marina", ["language"] = "es" },
        });

        await SendAsync(socket, new JsonObject { ["type"] = "prompt", ["voicePrompt"] = "ok", ["lang"] = "es-US", ["last"] = true });
        var messages = new List<JsonObject>();
        while (messages.Count == 0 || messages[^1]["last"] is not { } last || !(bool)last)
        {
            messages.Add((await ReceiveAsync(socket))!);
        }

        Assert.DoesNotContain(messages, m => (string?)m["type"] == "language");
        var conversation = await host.Get<ConversationStore>().GetAsync(callSid, CancellationToken.None);
        Assert.Equal("es", conversation!.ReadState().Language);
    }

    [Fact]
    public async Task After_a_Spanish_relay_session_the_transfer_and_the_fallback_speak_Spanish()
    {
        await using var host = FrontDeskHost.Create(now: OpeningHours, settings: RelayAtMarina());
        var baseAddress = host.StartKestrel();
        using var client = new HttpClient { BaseAddress = baseAddress };
        var twilio = new TwilioSimulator(client);
        var call = twilio.Call(Ava, Marina);
        await call.AnswerAsync();
        using var socket = await ConnectAsync(baseAddress);
        await SetupAsync(socket, call.CallSid);
        await AskAsync(socket, "hola, tienen estacionamiento cerca?");
        await AskAsync(socket, "quiero hablar con una persona");
        var end = (await ReceiveAsync(socket))!;
        Assert.Equal("end", (string?)end["type"]);

        var transfer = await call.RelayEndsAsync((string)end["handoffData"]!);
        Assert.Equal("+14155550101", transfer.DialNumber);
        Assert.Contains("le comunico con nuestro equipo", transfer.Spoken, StringComparison.Ordinal);
        Assert.Equal("Polly.Lupe-Neural", (string?)transfer.Root!.Element("Say")!.Attribute("voice"));

        // Another Spanish call whose socket drops: the turn-by-turn fallback goes on in Spanish.
        var dropped = twilio.Call(Ava, Marina);
        await dropped.AnswerAsync();
        using var second = await ConnectAsync(baseAddress);
        await SetupAsync(second, dropped.CallSid);
        await AskAsync(second, "hola, tienen estacionamiento cerca?");
        var fallback = await dropped.RelayEndsAsync(null, errorCode: "64105");
        Assert.Equal("es-US", (string?)fallback.Gather!.Attribute("language"));
        Assert.Contains("tuve un problema en la línea", fallback.Spoken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interrupt_is_recorded_with_what_the_caller_heard()
    {
        await using var host = FrontDeskHost.Create(settings: RelayAtMarina());
        var baseAddress = host.StartKestrel();
        using var socket = await ConnectAsync(baseAddress);
        const string callSid = "CArelay0000000000000000000000000002";
        await SetupAsync(socket, callSid);
        await SendAsync(socket, new JsonObject { ["type"] = "prompt", ["voicePrompt"] = "Is there parking?", ["last"] = true });
        await ReadAnswerAsync(socket);

        await SendAsync(socket, new JsonObject { ["type"] = "interrupt", ["utteranceUntilInterrupt"] = "Yes, there is", ["durationUntilInterruptMs"] = 900 });
        await SendAsync(socket, new JsonObject { ["type"] = "prompt", ["voicePrompt"] = "What are your hours?", ["last"] = true });
        await ReadAnswerAsync(socket);

        var transcript = await host.Get<ConversationStore>().TranscriptAsync(callSid, CancellationToken.None);
        var note = Assert.Single(transcript, t => t.Role == "system");
        Assert.Contains("heard: \"Yes, there is\"", note.Text, StringComparison.Ordinal);
        Assert.Equal(3, note.Seq);
    }

    [Fact]
    public async Task An_interrupt_during_an_answer_stops_its_tokens_and_a_booking_made_in_that_turn_is_said_in_the_next_answer()
    {
        const string callSid = "CArelay0000000000000000000000000005";
        var logs = new CollectingLoggerProvider();
        PausingChatClient? pausing = null;
        var settings = TwilioSimulator.Settings();
        settings["FrontDesk:Voice:Mode"] = "ConversationRelay";
        await using var host = FrontDeskHost.Create(settings: settings, services: s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            // The real engine and tools, streamed like a slow model: the answer pauses after its first sentence.
            s.AddSingleton(sp => new BrainSet(sp.GetRequiredService<EmbeddedChatClient>(),
                pausing = new PausingChatClient(sp.GetRequiredService<EmbeddedChatClient>()), EmbeddedChatClient.BrainName, embeddedFallback: false));
        });
        var baseAddress = host.StartKestrel();
        using var socket = await ConnectAsync(baseAddress);
        await SetupAsync(socket, callSid, Mission, "mission");
        await AskAsync(socket, "I need a hydrafacial next Tuesday");
        await AskAsync(socket, "the first one");

        pausing!.PauseAfterFirstSentence();
        await SendAsync(socket, new JsonObject { ["type"] = "prompt", ["voicePrompt"] = "yes", ["last"] = true });
        var first = (await ReceiveAsync(socket))!;
        Assert.False((bool)first["last"]!);
        var heard = ((string)first["token"]!).Trim();
        await SendAsync(socket, new JsonObject { ["type"] = "interrupt", ["utteranceUntilInterrupt"] = heard, ["durationUntilInterruptMs"] = 700 });
        await WaitForLogAsync(logs, "interrupted the answer");
        pausing.Resume();

        // The booking was made before the caller cut in, and stays made.
        var booked = Assert.Single(await host.Get<AppointmentBook>().ListForClientAsync("c-ava", DateTime.MinValue, CancellationToken.None));
        Assert.Equal(AppointmentStatus.Booked, booked.Status);

        // Nothing more of the interrupted answer arrives: the next tokens are the next answer, which starts with what was missed.
        var next = await AskAsync(socket, "What are your hours?");
        Assert.StartsWith("Before that, so you don't miss it:", next[0], StringComparison.Ordinal);
        var said = string.Concat(next);
        Assert.Contains("HydraFacial", said, StringComparison.Ordinal);
        Assert.Contains("Tuesday", said, StringComparison.Ordinal);
        Assert.DoesNotContain(heard, said, StringComparison.Ordinal);

        var transcript = await host.Get<ConversationStore>().TranscriptAsync(callSid, CancellationToken.None);
        var interrupted = Assert.Single(transcript, t => t.Role == "system" && t.Text.StartsWith("Caller interrupted", StringComparison.Ordinal));
        Assert.Contains($"heard: \"{heard}\"", interrupted.Text, StringComparison.Ordinal);
        Assert.Equal("yes", transcript.Single(t => t.Seq == interrupted.Seq - 2).Text);
        var recap = Assert.Single(transcript, t => t.Role == "system" && t.Text.StartsWith("Repeated what the caller missed", StringComparison.Ordinal));
        Assert.True(recap.Seq > interrupted.Seq);
        Assert.Contains("HydraFacial", recap.Text, StringComparison.Ordinal);

        // Said once: the answer after that has no recap.
        var later = await AskAsync(socket, "Is there parking?");
        Assert.DoesNotContain("Before that", string.Concat(later), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interrupt_after_an_answer_without_a_booking_repeats_nothing()
    {
        await using var host = FrontDeskHost.Create(settings: RelayAtMarina());
        var baseAddress = host.StartKestrel();
        using var socket = await ConnectAsync(baseAddress);
        await SetupAsync(socket, "CArelay0000000000000000000000000006");
        await AskAsync(socket, "Is there parking?");
        await SendAsync(socket, new JsonObject { ["type"] = "interrupt", ["utteranceUntilInterrupt"] = "Yes", ["durationUntilInterruptMs"] = 300 });
        var next = await AskAsync(socket, "What are your hours?");
        Assert.DoesNotContain("Before that", string.Concat(next), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_a_person_ends_the_session_with_handoff_data_and_the_connect_action_transfers_the_live_call()
    {
        await using var host = FrontDeskHost.Create(now: OpeningHours, settings: RelayAtMarina());
        var baseAddress = host.StartKestrel();
        using var client = new HttpClient { BaseAddress = baseAddress };
        var call = new TwilioSimulator(client).Call(Ava, Marina);
        await call.AnswerAsync();
        using var socket = await ConnectAsync(baseAddress);
        await SetupAsync(socket, call.CallSid);

        await SendAsync(socket, new JsonObject { ["type"] = "prompt", ["voicePrompt"] = "Can I speak to a real person?", ["last"] = true });
        var tokens = await ReadAnswerAsync(socket);
        var end = await ReceiveAsync(socket);

        Assert.NotEmpty(tokens);
        Assert.Equal("end", (string?)end!["type"]);
        var handoffData = (string)end["handoffData"]!; // a JSON string, as Twilio requires
        Assert.Contains("\"reason\":\"transfer\"", handoffData, StringComparison.Ordinal);

        var transfer = await call.RelayEndsAsync(handoffData);
        Assert.Equal("+14155550101", transfer.DialNumber);
    }

    [Fact]
    public async Task Pressing_0_in_a_relay_session_hands_the_call_off()
    {
        await using var host = FrontDeskHost.Create(settings: RelayAtMarina());
        var baseAddress = host.StartKestrel();
        using var socket = await ConnectAsync(baseAddress);
        await SetupAsync(socket, "CArelay0000000000000000000000000004");
        await SendAsync(socket, new JsonObject { ["type"] = "dtmf", ["digit"] = "0" });
        var end = await ReceiveAsync(socket);
        Assert.Equal("end", (string?)end!["type"]);
    }

    [Fact]
    public async Task A_dropped_socket_on_a_live_call_falls_back_to_turn_by_turn()
    {
        await using var host = FrontDeskHost.Create(settings: RelayAtMarina());
        var call = new TwilioSimulator(host.CreateClient()).Call(Ava, Marina);
        await call.AnswerAsync();
        var page = await call.RelayEndsAsync(null, errorCode: "64105");
        Assert.NotNull(page.Gather);
    }

    [Fact]
    public async Task The_relay_handshake_needs_a_valid_signature()
    {
        await using var host = FrontDeskHost.Create(settings: RelayAtMarina());
        var baseAddress = host.StartKestrel();
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Twilio-Signature", "NOTRSOYDt4T1cUTdK1PDd93/VVr8B8=");
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(SocketUri(baseAddress), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    [Fact]
    public async Task An_error_frame_is_logged_and_the_session_goes_on()
    {
        var logs = new CollectingLoggerProvider();
        await using var host = FrontDeskHost.Create(settings: RelayAtMarina(), services: s => s.AddSingleton<ILoggerProvider>(logs));
        var baseAddress = host.StartKestrel();
        using var socket = await ConnectAsync(baseAddress);
        await SetupAsync(socket, "CArelay0000000000000000000000000007");

        await SendAsync(socket, new JsonObject { ["type"] = "error", ["description"] = "Invalid message received: tts failed" });
        var answer = await AskAsync(socket, "Is there parking?");

        Assert.Contains("parking", string.Concat(answer), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(logs.Lines, l => l.Contains("tts failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Partial_prompts_are_not_answered_only_the_final_one_is()
    {
        await using var host = FrontDeskHost.Create(settings: RelayAtMarina());
        var baseAddress = host.StartKestrel();
        using var socket = await ConnectAsync(baseAddress);
        const string callSid = "CArelay0000000000000000000000000008";
        await SetupAsync(socket, callSid);

        await SendAsync(socket, new JsonObject { ["type"] = "prompt", ["voicePrompt"] = "Is there", ["lang"] = "en-US", ["last"] = false });
        await SendAsync(socket, new JsonObject { ["type"] = "prompt", ["voicePrompt"] = "Is there park", ["lang"] = "en-US", ["last"] = false });
        var answer = await AskAsync(socket, "Is there parking?");
        // The next frame is the answer to the next question, not a late answer to a partial one.
        var next = await AskAsync(socket, "What are your hours?");

        Assert.Contains("parking", string.Concat(answer), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("parking", string.Concat(next), StringComparison.OrdinalIgnoreCase);
        var clientTurns = (await host.Get<ConversationStore>().TranscriptAsync(callSid, CancellationToken.None)).Where(t => t.Role == "client").Select(t => t.Text);
        Assert.Equal(["Is there parking?", "What are your hours?"], clientTurns);
    }

    [Fact]
    public async Task After_hours_a_relay_hand_off_takes_a_voicemail()
    {
        // Monday 08:00 in San Francisco: the Marina location is not open yet.
        await using var host = FrontDeskHost.Create(now: new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero), settings: RelayAtMarina());
        var baseAddress = host.StartKestrel();
        using var client = new HttpClient { BaseAddress = baseAddress };
        var call = new TwilioSimulator(client).Call(Ava, Marina);
        await call.AnswerAsync();
        using var socket = await ConnectAsync(baseAddress);
        await SetupAsync(socket, call.CallSid);

        await AskAsync(socket, "Can I speak to a real person?");
        var end = (await ReceiveAsync(socket))!;
        Assert.Equal("end", (string?)end["type"]);

        var page = await call.RelayEndsAsync((string)end["handoffData"]!);
        Assert.Null(page.DialNumber);
        Assert.NotNull(page.Record);
        Assert.Equal(TwilioSimulator.PublicBaseUrl + "/twilio/voice/voicemail", (string?)page.Record!.Attribute("action"));
        var thanks = await call.LeaveVoicemailAsync("https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE77", 12);
        Assert.True(thanks.HangsUp);
        Assert.Contains(await host.Get<ConversationStore>().EscalationsAsync("open", CancellationToken.None), e => e.Summary.Contains("RE77", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ws://127.0.0.1/twilio/relay")]
    [InlineData("wss://frontdesk.example.com/twilio/relay?extra=1")]
    [InlineData("wss://frontdesk.example.com/twilio/other")]
    public async Task The_relay_handshake_without_a_signature_or_signed_for_another_URL_gets_403(string? signedUrl)
    {
        await using var host = FrontDeskHost.Create(settings: RelayAtMarina());
        var baseAddress = host.StartKestrel();
        using var socket = new ClientWebSocket();
        if (signedUrl is not null)
        {
            socket.Options.SetRequestHeader("X-Twilio-Signature", TwilioSignatureOracle.Sign(signedUrl, [], TwilioSimulator.AuthToken));
        }
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(SocketUri(baseAddress), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    private static Uri SocketUri(Uri baseAddress) => new($"ws://{baseAddress.Authority}/twilio/relay");

    private static async Task<ClientWebSocket> ConnectAsync(Uri baseAddress)
    {
        var socket = new ClientWebSocket();
        // Twilio signs the wss:// URL it was given (FrontDesk:PublicBaseUrl), with no parameters.
        socket.Options.SetRequestHeader("X-Twilio-Signature", TwilioSignatureOracle.Sign("wss://frontdesk.example.com/twilio/relay", [], TwilioSimulator.AuthToken));
        await socket.ConnectAsync(SocketUri(baseAddress), CancellationToken.None);
        return socket;
    }

    private static Task SetupAsync(ClientWebSocket socket, string callSid, string to = Marina, string locationId = "marina") => SendAsync(socket, new JsonObject
    {
        ["type"] = "setup", ["sessionId"] = "VX" + callSid[2..], ["callSid"] = callSid, ["accountSid"] = TwilioSimulator.AccountSid,
        ["from"] = Ava, ["to"] = to, ["direction"] = "inbound", ["customParameters"] = new JsonObject { ["locationId"] = locationId },
    });

    private static async Task<List<string>> AskAsync(ClientWebSocket socket, string speech)
    {
        await SendAsync(socket, new JsonObject { ["type"] = "prompt", ["voicePrompt"] = speech, ["lang"] = "en-US", ["last"] = true });
        return await ReadAnswerAsync(socket);
    }

    private static async Task WaitForLogAsync(CollectingLoggerProvider logs, string text)
    {
        for (var i = 0; i < 400 && !logs.Lines.Any(l => l.Contains(text, StringComparison.Ordinal)); i++)
        {
            await Task.Delay(25);
        }
        Assert.Contains(logs.Lines, l => l.Contains(text, StringComparison.Ordinal));
    }

    private static Task SendAsync(ClientWebSocket socket, JsonObject message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Reads text tokens until the one marked last (a language switch among them is passed over).</summary>
    private static async Task<List<string>> ReadAnswerAsync(ClientWebSocket socket)
    {
        var tokens = new List<string>();
        while (true)
        {
            var message = await ReceiveAsync(socket) ?? throw new InvalidOperationException("The socket closed mid-answer.");
            if ((string?)message["type"] == "language")
            {
                continue; // a language switch before the answer's last token (tested on its own)
            }
            Assert.Equal("text", (string?)message["type"]);
            tokens.Add((string)message["token"]!);
            if ((bool)message["last"]!)
            {
                return tokens;
            }
        }
    }

    private static async Task<JsonObject?> ReceiveAsync(ClientWebSocket socket, CancellationToken ct = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var buffer = new byte[16384];
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        return result.MessageType == WebSocketMessageType.Close ? null : JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count)) as JsonObject;
    }
}

/// <summary>
/// Streams the inner client's answer like a slow model: once armed, it stops after the first sentence of the next
/// answer until resumed.
/// </summary>
internal sealed class PausingChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    private TaskCompletionSource? _gate;

    public void PauseAfterFirstSentence() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Resume() => _gate?.TrySetResult();

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sentences = 0;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            if (update.Text is { Length: > 0 } && sentences++ == 1 && _gate is { } gate)
            {
                await gate.Task.WaitAsync(cancellationToken);
                _gate = null;
            }
            yield return update;
        }
    }
}
