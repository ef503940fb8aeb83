using FrontDesk.Agent.Conversations;
using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.Channels.Tests.Twilio.Simulator;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Booking;

namespace FrontDesk.Channels.Tests.Hardening;

/// <summary>
/// Issue 15: Twilio posts a Gather action again when its answer did not arrive; the speech it carries is the same
/// utterance, so it must be answered from the committed turn, not become a second turn.
/// </summary>
public abstract class VoiceRedeliveryTests
{
    private const string Ava = "+14155551111";
    private const string Mission = "+14155550100";

    protected abstract TestStore Store { get; }

    [StoreFact]
    public async Task A_redelivered_yes_is_answered_from_its_turn_and_books_once()
    {
        await using var host = FrontDeskHost.Create(Store, settings: TwilioSimulator.Settings());
        var call = new TwilioSimulator(host.CreateClient()).Call(Ava, Mission);
        await call.AnswerAsync();
        await call.SayAsync("hi um I need a hydrafacial next tuesday");
        await call.SayAsync("the first one");
        var first = await call.SayAsync("yes");

        var again = await call.RedeliverAsync();

        Assert.Contains("all set", again.Spoken, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(first.Spoken, again.Spoken);
        var transcript = await host.Get<ConversationStore>().TranscriptAsync(call.CallSid, CancellationToken.None);
        Assert.Equal(6, transcript.Count);
        Assert.Single(transcript, t => t.Role == "client" && t.Text == "yes");
        Assert.Single(await host.Get<AppointmentBook>().ListForClientAsync("c-ava", DateTime.MinValue, CancellationToken.None));
    }

    [StoreFact]
    public async Task The_same_words_said_again_at_the_next_prompt_are_a_new_turn()
    {
        await using var host = FrontDeskHost.Create(Store, settings: TwilioSimulator.Settings());
        var call = new TwilioSimulator(host.CreateClient()).Call(Ava, Mission);
        await call.AnswerAsync();
        await call.SayAsync("is there parking");
        await call.RedeliverAsync();
        // Silence between them: the reprompt is a new prompt too.
        await call.StaySilentAsync();
        await call.SayAsync("is there parking");

        var transcript = await host.Get<ConversationStore>().TranscriptAsync(call.CallSid, CancellationToken.None);
        Assert.Equal(2, transcript.Count(t => t.Role == "client" && t.Text == "is there parking"));
        Assert.Equal(4, transcript.Count);
    }
}

public sealed class SqliteVoiceRedeliveryTests : VoiceRedeliveryTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class PostgresVoiceRedeliveryTests : VoiceRedeliveryTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;
}
