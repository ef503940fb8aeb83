using FrontDesk.TestSupport;
using FrontDesk.Tools.Text;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>The pieces replies are built from (read-backs, slot labels, lists) come from prompts/replies.yaml.</summary>
public abstract partial class WholeConversationTests
{
    private static readonly string[] BookingTurns = ["swedish 60 on the 14th at 3", "the first one", "yes"];

    [StoreFact]
    public async Task The_default_wording_reads_slots_and_the_booking_back_as_before()
    {
        await using var h = await StartAsync();
        var replies = await h.TalkAsync("words_default", "voice", AvaPhone, BookingTurns);
        Assert.Matches(@"^For Swedish Massage \(60 min\) I have Monday, December 14 at 3 PM with \w+ at [\w ]+, Monday, December 14 at [0-9: APM]+ with \w+ at [\w ]+, or Monday", replies[0].Text);
        Assert.Matches(@"^You're all set! Swedish Massage \(60 min\) with [\w ]+ on Monday, December 14 at 3 PM, [\w ]+\. ", replies[^1].Text);
    }

    [StoreFact]
    public async Task A_spa_that_changes_the_read_back_and_list_templates_gets_its_wording()
    {
        await using var h = await AgentHarness.StartAsync(Store, also: s => s.AddSingleton(new ReplyTemplates(Changed(new()
        {
            ["booked_read_back"] = "{day} at {time}: {service} with {provider} ({location})",
            ["slot_label_at_location"] = "{time} on {day} ({provider}, {location})",
            ["list_or"] = "{first} or else {last}",
            ["list_separator"] = "{first}; {next}",
        }))));
        var replies = await h.TalkAsync("words_changed", "voice", AvaPhone, BookingTurns);
        Assert.Matches(@"^For Swedish Massage \(60 min\) I have 3 PM on Monday, December 14 \(\w+, [\w ]+\); [0-9: APM]+ on Monday, December 14 \(\w+, [\w ]+\) or else ", replies[0].Text);
        Assert.Matches(@"^You're all set! Monday, December 14 at 3 PM: Swedish Massage \(60 min\) with [\w ]+ \([\w ]+\)\. ", replies[^1].Text);
        Assert.Single(await h.BookedAsync());
    }

    /// <summary>The shipped replies with some templates replaced, as a spa would edit its prompts/replies.yaml.</summary>
    private static TextTemplates Changed(Dictionary<string, string> changes)
    {
        var shipped = TextTemplates.Load(Path.Combine(AppContext.BaseDirectory, "prompts", "replies.yaml"));
        Assert.True(shipped.Has("booked_read_back"), "the shipped replies were not found");
        return new TextTemplates(shipped.Names.Select(n => new KeyValuePair<string, string>(n, changes.GetValueOrDefault(n) ?? shipped.Render(n))));
    }
}
