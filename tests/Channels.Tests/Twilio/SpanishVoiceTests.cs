using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.Channels.Tests.Twilio.Simulator;

namespace FrontDesk.Channels.Tests.Twilio;

/// <summary>A Spanish conversation on a Gather call listens and speaks in Spanish (FrontDesk:Voice:Languages).</summary>
public sealed class SpanishVoiceTests
{
    private const string Ava = "+14155551111";
    private const string Mission = "+14155550100";

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
}
