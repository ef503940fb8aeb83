using FrontDesk.Agent.Conversations;
using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.Channels.Tests.Twilio.Simulator;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Clients;

namespace FrontDesk.Channels.Tests.Twilio;

/// <summary>
/// A Spanish conversation on a Gather call listens and speaks in Spanish (FrontDesk:Voice:Languages), and every line
/// the call says comes from prompts/es/twilio.yaml: reprompts, goodbyes, transfer, voicemail.
/// </summary>
public sealed class SpanishVoiceTests
{
    private const string Ava = "+14155551111";
    private const string Mission = "+14155550100";
    private const string TransferPhone = "+14155550101";
    // Monday 10:00 in San Francisco: the Mission location is open.
    private static readonly DateTimeOffset OpeningHours = new(2026, 11, 23, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Once_the_caller_speaks_spanish_the_call_listens_for_spanish_and_answers_with_a_spanish_voice()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var call = new TwilioSimulator(host.CreateClient()).Call(Ava, Mission);
        var greeting = await call.AnswerAsync();
        Assert.Equal("en-US", (string?)greeting.Gather!.Attribute("language"));

        var page = await call.SayAsync("hola, quisiera saber si tienen estacionamiento cerca de la clínica");

        Assert.Equal("es-US", (string?)page.Gather!.Attribute("language"));
        var say = page.Gather.Element("Say")!;
        Assert.Equal("Polly.Lupe-Neural", (string?)say.Attribute("voice"));
        Assert.Equal("es-US", (string?)say.Attribute("language"));
    }

    [Fact]
    public async Task The_spanish_voice_and_recognition_language_are_settings()
    {
        await using var host = FrontDeskHost.Create(settings: new Dictionary<string, string?>(TwilioSimulator.Settings())
        {
            ["FrontDesk:Voice:Languages:es:Voice"] = "Polly.Mia-Neural",
            ["FrontDesk:Voice:Languages:es:Language"] = "es-MX",
        });
        var call = new TwilioSimulator(host.CreateClient()).Call(Ava, Mission);
        await call.AnswerAsync();
        var page = await call.SayAsync("me ahogo, no puedo respirar");

        Assert.Contains("911", page.Spoken, StringComparison.Ordinal);
        Assert.Equal("es-MX", (string?)page.Gather!.Attribute("language"));
        Assert.Equal("Polly.Mia-Neural", (string?)page.Gather.Element("Say")!.Attribute("voice"));
    }

    [Fact]
    public async Task A_known_Spanish_speaking_client_is_greeted_in_Spanish_and_a_short_first_answer_stays_Spanish()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        await host.Get<ClientDirectory>().SetLanguageAsync("c-ava", "es", Actor.System("test"), null, CancellationToken.None);
        var call = new TwilioSimulator(host.CreateClient()).Call(Ava, Mission);

        var greeting = await call.AnswerAsync();
        AssertSpanish(greeting);
        Assert.Contains("Hola, Ava", greeting.Spoken, StringComparison.Ordinal);
        Assert.Contains("inteligencia artificial", greeting.Spoken, StringComparison.Ordinal);

        // "ok" tells no language: the call goes on in the language it was greeted in.
        var page = await call.SayAsync("ok");
        AssertSpanish(page);
        var conversation = await host.Get<ConversationStore>().GetAsync(call.CallSid, CancellationToken.None);
        Assert.Equal("es", conversation!.ReadState().Language);
    }

    [Fact]
    public async Task A_caller_not_known_to_speak_Spanish_is_greeted_in_the_spa_default_language()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        await host.Get<ClientDirectory>().SetLanguageAsync("c-ava", "en", Actor.System("test"), null, CancellationToken.None);
        var known = await new TwilioSimulator(host.CreateClient()).Call(Ava, Mission).AnswerAsync();
        var stranger = await new TwilioSimulator(host.CreateClient()).Call("+14155557000", Mission).AnswerAsync();

        foreach (var page in new[] { known, stranger })
        {
            Assert.Equal("en-US", (string?)page.Gather!.Attribute("language"));
            Assert.Contains("I'm an AI", page.Spoken, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task In_a_Spanish_call_silence_is_reprompted_and_the_call_ended_in_Spanish()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var call = new TwilioSimulator(host.CreateClient()).Call(Ava, Mission);
        await call.AnswerAsync();
        await call.SayAsync("hola, tienen estacionamiento por ahí?");

        var first = await call.StaySilentAsync();
        var second = await call.StaySilentAsync();
        var third = await call.StaySilentAsync();

        AssertSpanish(first);
        Assert.Contains("no escuché nada", first.Spoken, StringComparison.Ordinal);
        AssertSpanish(second);
        Assert.Contains("¿Sigue ahí?", second.Spoken, StringComparison.Ordinal);
        Assert.True(third.HangsUp);
        Assert.Contains("sigo sin escucharle", third.Spoken, StringComparison.Ordinal);
        Assert.Equal("Polly.Lupe-Neural", (string?)third.Root!.Element("Say")!.Attribute("voice"));
    }

    [Fact]
    public async Task In_a_Spanish_call_pressing_0_transfers_and_the_voicemail_that_follows_speaks_Spanish()
    {
        await using var host = FrontDeskHost.Create(now: OpeningHours, settings: TwilioSimulator.Settings());
        var call = new TwilioSimulator(host.CreateClient()).Call(Ava, Mission);
        await call.AnswerAsync();
        await call.SayAsync("buenos días, cuánto cuesta el hydrafacial?");

        var transfer = await call.PressAsync("0");
        Assert.Equal(TransferPhone, transfer.DialNumber);
        Assert.Contains("le comunico con nuestro equipo", transfer.Spoken, StringComparison.Ordinal);
        AssertSpanishSay(transfer);

        var unanswered = await call.DialEndsAsync("no-answer");
        Assert.NotNull(unanswered.Record);
        Assert.Contains("nadie pudo contestar", unanswered.Spoken, StringComparison.Ordinal);
        AssertSpanishSay(unanswered);

        var thanks = await call.LeaveVoicemailAsync("https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE12", 9);
        Assert.True(thanks.HangsUp);
        Assert.Contains("recibimos su mensaje", thanks.Spoken, StringComparison.Ordinal);
        AssertSpanishSay(thanks);
    }

    [Fact]
    public async Task A_Spanish_caller_asking_for_a_person_hears_the_transfer_in_Spanish()
    {
        await using var host = FrontDeskHost.Create(now: OpeningHours, settings: TwilioSimulator.Settings());
        var call = new TwilioSimulator(host.CreateClient()).Call(Ava, Mission);
        await call.AnswerAsync();

        var page = await call.SayAsync("quiero hablar con una persona por favor");

        Assert.Equal(TransferPhone, page.DialNumber);
        Assert.Contains("le comunico con nuestro equipo", page.Spoken, StringComparison.Ordinal);
        AssertSpanishSay(page);
    }

    [Fact]
    public async Task A_Spanish_caller_who_says_goodbye_hears_the_Spanish_goodbye_and_the_call_ends()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var call = new TwilioSimulator(host.CreateClient()).Call(Ava, Mission);
        await call.AnswerAsync();
        await call.SayAsync("hola, tienen estacionamiento?");

        var page = await call.SayAsync("no, eso es todo, gracias. adiós");

        Assert.True(page.HangsUp, page.Body);
        Assert.Contains("Gracias por comunicarse", page.Spoken, StringComparison.Ordinal);
        AssertSpanishSay(page);
    }

    private static void AssertSpanish(TwimlPage page)
    {
        Assert.True(page.Gather is not null, page.Body);
        Assert.Equal("es-US", (string?)page.Gather!.Attribute("language"));
        var say = page.Gather.Element("Say")!;
        Assert.Equal("Polly.Lupe-Neural", (string?)say.Attribute("voice"));
        Assert.Equal("es-US", (string?)say.Attribute("language"));
    }

    private static void AssertSpanishSay(TwimlPage page)
    {
        var say = page.Root!.Element("Say")!;
        Assert.Equal("Polly.Lupe-Neural", (string?)say.Attribute("voice"));
        Assert.Equal("es-US", (string?)say.Attribute("language"));
    }
}
