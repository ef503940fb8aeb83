using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Tests.Conversations;
using FrontDesk.Agent.Tests.Safety;
using FrontDesk.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Agent.Tests.Turns;

/// <summary>
/// A conversation moves between brains: the OpenAI-compatible brain's tool results update the same dialogue state the
/// embedded engine continues from (a remote model, then an instance on the embedded engine alone, on one store).
/// </summary>
public abstract class BrainSwitchTests
{
    protected abstract TestStore Store { get; }

    [StoreFact]
    public async Task The_embedded_engine_picks_from_the_times_another_brain_offered_and_books_on_a_yes()
    {
        var model = new ScriptedModel()
            .Calls("check_availability", ("service", "hydrafacial"), ("date", "2026-11-25"))
            .Says("On Wednesday I have 9, 10 or 11 AM with Priya. Which would you like?");
        await using var remote = await AgentHarness.StartAsync(Store, also: s =>
            s.AddSingleton(sp => new BrainSet(sp.GetRequiredService<EmbeddedChatClient>(), model, "scripted", embeddedFallback: false)));
        var first = await remote.TalkAsync("switch_1", "voice", "+14155551111", "can i get a hydrafacial wednesday");
        Assert.Equal("scripted", first[0].Brain);

        await using var embedded = await AgentHarness.StartOnSameStoreAsync(remote);
        var pick = await embedded.TalkAsync("switch_1", "voice", "+14155551111", "10 works");
        Assert.Equal(EmbeddedChatClient.BrainName, pick[0].Brain);
        Assert.True(pick[0].Text!.Contains("Shall I book it?", StringComparison.Ordinal), embedded.Said);
        Assert.Empty(await embedded.BookedAsync());

        await embedded.TalkAsync("switch_1", "voice", "+14155551111", "yes please");
        var booked = embedded.One(await embedded.BookedAsync());
        Assert.Equal("hydrafacial", booked.ServiceId);
        Assert.Equal(new DateTime(2026, 11, 25, 10, 0, 0), embedded.Local(booked));
    }

    [StoreFact]
    public async Task A_contact_detail_the_other_brain_passed_to_a_tool_is_kept_by_the_engine()
    {
        var model = new ScriptedModel()
            .Calls("check_availability", ("service", "hydrafacial"), ("date", "2026-11-25"))
            .Says("On Wednesday I have 9, 10 or 11 AM with Priya. Which would you like?");
        await using var remote = await AgentHarness.StartAsync(Store, also: s =>
            s.AddSingleton(sp => new BrainSet(sp.GetRequiredService<EmbeddedChatClient>(), model, "scripted", embeddedFallback: false)));
        await remote.TalkAsync("switch_2", "web", null, "hydrafacial on wednesday please");

        await using var embedded = await AgentHarness.StartOnSameStoreAsync(remote);
        // The service and day came through the other brain's call: a new time on the same day searches that service.
        var replies = await embedded.TalkAsync("switch_2", "web", null, "anything in the afternoon instead?");
        Assert.Contains(replies[0].ToolCalls, c => c.Name == "check_availability");
        Assert.DoesNotContain("which service", replies[0].Text!, StringComparison.OrdinalIgnoreCase);
    }

    [StoreFact]
    public async Task Facts_the_other_brain_heard_without_a_tool_call_are_kept_by_the_engine()
    {
        // The remote model answers two turns with text only: the name, the service and the day are in the person's
        // messages and nowhere in a tool call.
        var model = new ScriptedModel()
            .Says("Hi Dana! Happy to help with a HydraFacial. What day works for you?")
            .Says("Wednesday it is. Do you prefer morning or afternoon?");
        await using var remote = await AgentHarness.StartAsync(Store, also: s =>
            s.AddSingleton(sp => new BrainSet(sp.GetRequiredService<EmbeddedChatClient>(), model, "scripted", embeddedFallback: false)));
        await remote.TalkAsync("switch_3", "voice", "+14155550123", "hi this is Dana Reyes, I'd like to get a hydrafacial", "umm wednesday i think");

        await using var embedded = await AgentHarness.StartOnSameStoreAsync(remote);
        var offer = await embedded.TalkAsync("switch_3", "voice", "+14155550123", "morning please");
        var search = Assert.Single(offer[0].ToolCalls, c => c.Name == "check_availability");
        Assert.Contains("hydrafacial", search.Arguments, StringComparison.Ordinal);
        Assert.Contains("2026-11-25", search.Arguments, StringComparison.Ordinal);

        var readBack = await embedded.TalkAsync("switch_3", "voice", "+14155550123", "the 10 one");
        Assert.True(readBack[0].Text!.Contains("Shall I book it?", StringComparison.Ordinal), embedded.Said);
        await embedded.TalkAsync("switch_3", "voice", "+14155550123", "yes");
        var booked = embedded.One(await embedded.BookedAsync());
        Assert.Equal(new DateTime(2026, 11, 25, 10, 0, 0), embedded.Local(booked));
        var client = await embedded.Book.Get<FrontDesk.Tools.Clients.ClientDirectory>().FindByPhoneAsync("+14155550123", CancellationToken.None);
        Assert.Equal("Dana Reyes", client?.Name);
        Assert.DoesNotContain("first and last name", embedded.Said, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class SqliteBrainSwitchTests : BrainSwitchTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class PostgresBrainSwitchTests : BrainSwitchTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;
}
