using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using FrontDesk.Agent.Conversations;
using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.Channels.Tests.Twilio.Simulator;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Clients;

namespace FrontDesk.Channels.Tests.Twilio;

/// <summary>
/// A caller nobody knows to speak Spanish is greeted in the spa's default language, hears a short Spanish line
/// (prompts/es/twilio.yaml, <c>voice_language_offer</c>) in a Spanish voice, and switches the call with 2 or by saying
/// "español"; a spa that does not serve Spanish says no such line.
/// </summary>
public sealed class SpanishCallerChoiceTests
{
    private const string Stranger = "+14155557030";
    private const string Ava = "+14155551111";
    private const string Mission = "+14155550100";
    private const string Marina = "+14155550200";

    [Fact]
    public async Task An_unknown_caller_hears_the_Spanish_line_in_a_Spanish_voice_inside_a_Gather_that_takes_keys_and_speech()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var greeting = await new TwilioSimulator(host.CreateClient()).Call(Stranger, Mission).AnswerAsync();

        var gather = greeting.Gather!;
        Assert.Equal(["dtmf", "speech"], ((string?)gather.Attribute("input"))!.Split(' ').Order(StringComparer.Ordinal));
        Assert.Equal("en-US", (string?)gather.Attribute("language"));
        var says = gather.Elements("Say").ToList();
        Assert.Equal(2, says.Count);
        Assert.Contains("I'm an AI", says[0].Value, StringComparison.Ordinal);
        Assert.Equal("Polly.Joanna-Neural", (string?)says[0].Attribute("voice"));
        Assert.Contains("Para español, oprima dos", says[1].Value, StringComparison.Ordinal);
        Assert.Equal("Polly.Lupe-Neural", (string?)says[1].Attribute("voice"));
        Assert.Equal("es-US", (string?)says[1].Attribute("language"));
    }

    [Fact]
    public async Task Pressing_2_after_the_greeting_switches_the_call_to_Spanish_and_the_next_words_are_heard_in_Spanish()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var call = new TwilioSimulator(host.CreateClient()).Call(Stranger, Mission);
        await call.AnswerAsync();

        var switched = await call.PressAsync("2");

        AssertSpanishGather(switched);
        Assert.Contains("¿En qué le puedo ayudar hoy?", switched.Spoken, StringComparison.Ordinal);
        Assert.Contains("inteligencia artificial", switched.Spoken, StringComparison.Ordinal);
        Assert.Contains("lang=es", (string?)switched.Gather!.Attribute("action"), StringComparison.Ordinal);
        var conversation = await host.Get<ConversationStore>().GetAsync(call.CallSid, CancellationToken.None);
        Assert.Equal("es", conversation!.ReadState().Language);

        var page = await call.SayAsync("si quiero una cita para masaje");
        AssertSpanishGather(page);
    }

    [Theory]
    [InlineData("Espanol.")]
    [InlineData("Spanish please")]
    [InlineData("español por favor")]
    public async Task Saying_espanol_to_the_English_recogniser_switches_the_call_to_Spanish(string transcript)
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var call = new TwilioSimulator(host.CreateClient()).Call(Stranger, Mission);
        await call.AnswerAsync();

        var switched = await call.SayAsync(transcript);

        AssertSpanishGather(switched);
        Assert.Contains("¿En qué le puedo ayudar hoy?", switched.Spoken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Spanish_first_sentence_heard_by_the_English_recogniser_switches_the_call()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var call = new TwilioSimulator(host.CreateClient()).Call(Stranger, Mission);
        await call.AnswerAsync();

        var page = await call.SayAsync("hola quiero una cita");

        AssertSpanishGather(page);
    }

    [Fact]
    public async Task A_known_Spanish_speaking_client_is_greeted_in_Spanish_without_the_offer()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        await host.Get<ClientDirectory>().SetLanguageAsync("c-ava", "es", Actor.System("test"), null, CancellationToken.None);

        var greeting = await new TwilioSimulator(host.CreateClient()).Call(Ava, Mission).AnswerAsync();

        Assert.Single(greeting.Gather!.Elements("Say"));
        Assert.DoesNotContain("oprima dos", greeting.Spoken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spa_that_does_not_serve_Spanish_says_no_Spanish_line_and_2_is_an_answer_like_any_other()
    {
        var profile = Path.Combine(Path.GetTempPath(), $"english-only-{Guid.NewGuid():N}.yaml");
        var demo = await File.ReadAllTextAsync(FrontDesk.TestSupport.TestFiles.DemoProfile);
        await File.WriteAllTextAsync(profile, demo.Replace("spa:\n  name:", "spa:\n  languages: [en]\n  name:", StringComparison.Ordinal));
        try
        {
            var settings = TwilioSimulator.Settings();
            settings["FrontDesk:Profile"] = profile;
            await using var host = FrontDeskHost.Create(settings: settings);
            var call = new TwilioSimulator(host.CreateClient()).Call(Stranger, Mission);

            var greeting = await call.AnswerAsync();
            Assert.Single(greeting.Gather!.Elements("Say"));
            Assert.DoesNotContain("español", greeting.Spoken, StringComparison.Ordinal);

            var page = await call.PressAsync("2");
            Assert.Equal("en-US", (string?)page.Gather!.Attribute("language"));
            Assert.DoesNotContain("¿En qué", page.Spoken, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(profile);
        }
    }

    [Fact]
    public async Task On_the_relay_the_offer_is_said_in_Spanish_and_a_2_switches_recognition_speech_and_the_conversation()
    {
        var settings = TwilioSimulator.Settings();
        settings["FrontDesk:Voice:Locations:marina:Mode"] = "ConversationRelay";
        await using var host = FrontDeskHost.Create(settings: settings);
        var baseAddress = host.StartKestrel();
        using var http = new HttpClient { BaseAddress = baseAddress };
        var page = await new TwilioSimulator(http).Call(Stranger, Marina).AnswerAsync();
        var relay = page.Root!.Element("Connect")!.Element("ConversationRelay")!;
        Assert.Equal("en-US", (string?)relay.Attribute("language"));
        var offer = Assert.Single(relay.Elements("Parameter"), p => (string?)p.Attribute("name") == "languageOffer");
        Assert.Equal("es", (string?)offer.Attribute("value"));

        using var socket = await ConnectAsync(baseAddress);
        const string callSid = "CArelay00000000000000000000000000f1";
        await SetupAsync(socket, callSid, offer: "es");
        var line = (await ReceiveAsync(socket))!;
        Assert.Equal("text", (string?)line["type"]);
        Assert.Contains("Para español, oprima dos", (string?)line["token"], StringComparison.Ordinal);
        Assert.Equal("es-US", (string?)line["lang"]);

        await SendAsync(socket, new JsonObject { ["type"] = "dtmf", ["digit"] = "2" });
        var switched = (await ReceiveAsync(socket))!;
        Assert.Equal("language", (string?)switched["type"]);
        Assert.Equal("es-US", (string?)switched["ttsLanguage"]);
        Assert.Equal("es-US", (string?)switched["transcriptionLanguage"]);
        var greeting = (await ReceiveAsync(socket))!;
        Assert.Contains("¿En qué le puedo ayudar hoy?", (string?)greeting["token"], StringComparison.Ordinal);
        var conversation = await host.Get<ConversationStore>().GetAsync(callSid, CancellationToken.None);
        Assert.Equal("es", conversation!.ReadState().Language);
    }

    [Fact]
    public async Task On_the_relay_saying_espanol_switches_the_session_to_Spanish()
    {
        var settings = TwilioSimulator.Settings();
        settings["FrontDesk:Voice:Locations:marina:Mode"] = "ConversationRelay";
        await using var host = FrontDeskHost.Create(settings: settings);
        using var socket = await ConnectAsync(host.StartKestrel());
        await SetupAsync(socket, "CArelay00000000000000000000000000f2", offer: "es");
        await ReceiveAsync(socket); // the offer

        await SendAsync(socket, new JsonObject { ["type"] = "prompt", ["voicePrompt"] = "Espanol", ["lang"] = "en-US", ["last"] = true });

        var switched = (await ReceiveAsync(socket))!;
        Assert.Equal("language", (string?)switched["type"]);
        Assert.Equal("es-US", (string?)switched["ttsLanguage"]);
        Assert.Contains("¿En qué le puedo ayudar hoy?", (string?)(await ReceiveAsync(socket))!["token"], StringComparison.Ordinal);
    }

    private static void AssertSpanishGather(TwimlPage page)
    {
        Assert.True(page.Gather is not null, page.Body);
        Assert.Equal("es-US", (string?)page.Gather!.Attribute("language"));
        var say = page.Gather.Element("Say")!;
        Assert.Equal("Polly.Lupe-Neural", (string?)say.Attribute("voice"));
        Assert.Equal("es-US", (string?)say.Attribute("language"));
    }

    private static async Task<ClientWebSocket> ConnectAsync(Uri baseAddress)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Twilio-Signature", TwilioSignatureOracle.Sign("wss://frontdesk.example.com/twilio/relay", [], TwilioSimulator.AuthToken));
        await socket.ConnectAsync(new Uri(baseAddress.ToString().Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/') + "/twilio/relay"), CancellationToken.None);
        return socket;
    }

    private static Task SetupAsync(ClientWebSocket socket, string callSid, string offer) => SendAsync(socket, new JsonObject
    {
        ["type"] = "setup", ["sessionId"] = "VX" + callSid[2..], ["callSid"] = callSid, ["accountSid"] = TwilioSimulator.AccountSid,
        ["from"] = Stranger, ["to"] = Marina, ["direction"] = "inbound",
        ["customParameters"] = new JsonObject { ["locationId"] = "marina", ["language"] = "en", ["languageOffer"] = offer },
    });

    private static Task SendAsync(ClientWebSocket socket, JsonObject message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonObject?> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[16384];
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        return result.MessageType == WebSocketMessageType.Close ? null : JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count)) as JsonObject;
    }
}
