using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.Channels.Tests.Twilio.Simulator;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Outbox;

namespace FrontDesk.Channels.Tests.Twilio;

/// <summary>
/// The text a missed or silent call gets afterwards is in the caller's language (prompts/es/messages.yaml): a client
/// whose record says Spanish, a number whose last conversation was Spanish, a call that was Spanish when it went silent.
/// </summary>
public sealed class SpanishTextBackTests
{
    private const string Ava = "+14155551111";
    private const string Mission = "+14155550100";

    [Fact]
    public async Task A_missed_call_from_a_client_who_speaks_Spanish_gets_the_Spanish_text_back_with_the_Spanish_opt_out()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        await host.Get<ClientDirectory>().SetLanguageAsync("c-ava", "es", Actor.System("test"), null, CancellationToken.None);
        var call = new TwilioSimulator(host.CreateClient()).Call(Ava, Mission);

        await call.EndsAsync("no-answer"); // never reached the answering webhook

        var text = await TextBackAsync(host, call);
        Assert.Contains("no pudimos atender su llamada", text.Body, StringComparison.Ordinal);
        Assert.Contains("Responda ALTO", text.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("STOP", text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_whose_last_conversation_was_Spanish_gets_the_Spanish_text_back_after_an_unanswered_call()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var twilio = new TwilioSimulator(host.CreateClient());
        const string stranger = "+14155557020";
        await twilio.TextAsync(stranger, Mission, "hola, tienen estacionamiento cerca?");
        var call = twilio.Call(stranger, Mission);

        await call.AnswerAsync();
        await call.EndsAsync("completed"); // hung up before saying anything

        var text = await TextBackAsync(host, call);
        Assert.Contains("Responda ALTO", text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Spanish_call_that_falls_silent_gets_the_Spanish_text_the_goodbye_promised()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var call = new TwilioSimulator(host.CreateClient()).Call("+14155557021", Mission);
        await call.AnswerAsync();
        await call.SayAsync("hola buenas, tienen estacionamiento por ahi?");
        await call.StaySilentAsync();
        await call.StaySilentAsync();
        var goodbye = await call.StaySilentAsync();
        await call.EndsAsync("completed");

        Assert.Contains("Le enviaré un mensaje", goodbye.Spoken, StringComparison.Ordinal);
        var text = await TextBackAsync(host, call);
        Assert.Contains("no pudimos escucharle", text.Body, StringComparison.Ordinal);
        Assert.Contains("Responda ALTO", text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_who_speaks_English_still_gets_the_English_text_back()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        await host.Get<ClientDirectory>().SetLanguageAsync("c-ava", "en", Actor.System("test"), null, CancellationToken.None);
        var call = new TwilioSimulator(host.CreateClient()).Call(Ava, Mission);

        await call.EndsAsync("busy");

        var text = await TextBackAsync(host, call);
        Assert.Contains("sorry we missed your call", text.Body, StringComparison.Ordinal);
        Assert.Contains("Reply STOP", text.Body, StringComparison.Ordinal);
    }

    private static async Task<OutboxMessage> TextBackAsync(FrontDeskHost host, SimulatedCall call) =>
        Assert.Single(await host.Get<OutboxWriter>().ListAsync(null, 50, CancellationToken.None), m => m.Kind == MessageKind.MissedCall && m.RelatedId == call.CallSid);
}
