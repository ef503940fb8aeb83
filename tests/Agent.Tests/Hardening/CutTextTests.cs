using FrontDesk.Agent.Tests.Conversations;
using FrontDesk.TestSupport;

namespace FrontDesk.Agent.Tests.Hardening;

/// <summary>Issue 15, item 5: a summary cut in the middle of an emoji lost the turn (half a surrogate pair cannot be stored).</summary>
public abstract class CutTextTests
{
    protected abstract TestStore Store { get; }

    [StoreFact]
    public async Task An_escalation_summary_cut_at_an_emoji_keeps_the_emoji_whole_and_the_turn_is_stored()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        var start = "can i talk to a real person pls, it's about my booking last week ";
        // The emoji's two UTF-16 halves sit at 159 and 160: a cut at 160 characters used to keep only the first.
        var text = start + new string('x', 159 - start.Length) + "😡😡 thanks";
        var reply = (await h.TalkAsync("emoji_cut_1", "web", null, text))[0];
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
        var escalation = h.One(await h.EscalationsAsync());
        Assert.False(FrontDesk.Tools.Text.InputText.HasForbiddenChars(escalation.Summary), escalation.Summary);
        Assert.Contains("xxxx", escalation.Summary, StringComparison.Ordinal);
        Assert.Equal(2, (await h.TranscriptAsync("emoji_cut_1")).Count);
    }

    [StoreFact]
    public async Task A_message_cut_to_the_longest_allowed_never_ends_in_half_an_emoji()
    {
        await using var h = await AgentHarness.StartAsync(Store, extra: new() { ["FrontDesk:Agent:MaxMessageLength"] = "41" });
        var text = "do you have parking near the spa at all " + "🚗 ok";
        Assert.Equal(40, text.IndexOf('\uD83D', StringComparison.Ordinal));
        await h.TalkAsync("emoji_cut_2", "web", null, text);
        var said = (await h.TranscriptAsync("emoji_cut_2"))[0].Text;
        Assert.False(FrontDesk.Tools.Text.InputText.HasForbiddenChars(said), said);
    }
}

public sealed class SqliteCutTextTests : CutTextTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class PostgresCutTextTests : CutTextTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;
}
