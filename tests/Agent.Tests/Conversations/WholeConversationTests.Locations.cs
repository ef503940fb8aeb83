using FrontDesk.TestSupport;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>Hours and addresses answered for the conversation's location, and for the day asked about.</summary>
public abstract partial class WholeConversationTests
{
    [StoreFact]
    public async Task Where_are_you_located_answers_the_conversations_location_and_mentions_the_other()
    {
        await using var h = await StartAsync();
        var reply = (await h.TalkAsync("loc_addr", "web", null, "where are you located?"))[0];
        Assert.StartsWith("Mission District is at 2140 Valencia St", reply.Text, StringComparison.Ordinal);
        Assert.Contains("location in Marina", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("3301 Chestnut", reply.Text, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_conversation_on_the_second_locations_number_gets_that_locations_address()
    {
        await using var h = await StartAsync();
        var reply = await h.Agent.HandleAsync(new TurnRequest("loc_marina", "sms", "where are you located?", AvaPhone, "marina"), CancellationToken.None);
        Assert.StartsWith("Marina is at 3301 Chestnut St", reply.Text, StringComparison.Ordinal);
        Assert.Contains("location in Mission District", reply.Text, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Hours_on_saturday_are_saturdays_hours_here_first_not_the_whole_week()
    {
        await using var h = await StartAsync();
        var reply = (await h.TalkAsync("loc_sat", "web", null, "what are your hours on saturday?"))[0];
        Assert.Equal("Mission District is open Saturday 10 AM to 5 PM. Marina is open Saturday 9 AM to 4 PM.", reply.Text);
    }

    [StoreFact]
    public async Task Hours_on_sunday_say_this_location_is_closed_and_the_other_is_open()
    {
        await using var h = await StartAsync();
        var reply = (await h.TalkAsync("loc_sun", "web", null, "what are your hours on sunday?"))[0];
        Assert.Equal("Mission District is closed on Sundays. Marina is open Sunday 10 AM to 3 PM.", reply.Text);
    }

    [StoreFact]
    public async Task Hours_at_a_named_location_answer_that_location_first()
    {
        await using var h = await StartAsync();
        var week = (await h.TalkAsync("loc_named", "web", null, "what are your hours at marina?"))[0];
        Assert.StartsWith("Marina is open Monday closed; Tuesday 10 AM to 6 PM", week.Text, StringComparison.Ordinal);
        var saturday = (await h.TalkAsync("loc_named2", "web", null, "what are your hours at marina on saturday?"))[0];
        Assert.StartsWith("Marina is open Saturday 9 AM to 4 PM.", saturday.Text, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_spa_with_one_location_mentions_no_other()
    {
        await using var h = await StartHarborAsync();
        var address = (await h.TalkAsync("loc_h1", "web", null, "where are you located?"))[0];
        Assert.Equal("Harbor Street is at 18 Harbor St, Portland, ME 04101.", address.Text);
        var saturday = (await h.TalkAsync("loc_h2", "web", null, "what are your hours on saturday?"))[0];
        Assert.Equal("Harbor Street is open Saturday 9 AM to 3 PM.", saturday.Text);
    }
}
