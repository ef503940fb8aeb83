using FrontDesk.TestSupport;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>Understanding and safety held in the conversation (issue 12): meaning, disclosure, conditions and insisting.</summary>
public abstract partial class WholeConversationTests
{
    [StoreFact]
    public async Task A_paraphrased_FAQ_question_is_answered_by_meaning_and_not_sent_to_staff()
    {
        await using var h = await StartAsync();
        // Sharing no word with "Is there parking?": "leave my car" is read as parking (everyday words), so it is answered
        // outright (before the everyday words it was only close enough for "Did you mean …?").
        var replies = await h.TalkAsync("web_sem1", "web", null, "is there somewhere to leave my car");
        Assert.Contains("garage", replies[0].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Null(replies[0].Escalation);
    }

    [StoreFact]
    public async Task With_semantic_matching_off_the_same_question_goes_to_staff()
    {
        await using var h = await AgentHarness.StartAsync(Store, extra: new() { ["FrontDesk:Semantic:Enabled"] = "false" });
        var reply = (await h.TalkAsync("web_sem2", "web", null, "is there somewhere to leave my car"))[0];
        Assert.DoesNotContain("garage", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("human_request", reply.Escalation?.Category);
    }

    [StoreFact]
    public async Task A_near_miss_asks_did_you_mean_and_a_yes_gets_the_answer()
    {
        await using var h = await StartAsync();
        // Sounds like the gift-card question without being it ("where can i change my clothes" is now answered outright:
        // the changing-rooms answer speaks to it too).
        var replies = await h.TalkAsync("web_sem3", "web", null, "do you sell gift baskets for horses?", "yes");
        Assert.Contains("did you mean", replies[0].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Do you sell gift cards?", replies[0].Text, StringComparison.Ordinal);
        Assert.Null(replies[0].Escalation);
        Assert.Contains("never expire", replies[1].Text, StringComparison.OrdinalIgnoreCase);
    }

    [StoreFact]
    public async Task Are_you_a_human_gets_the_AI_disclosure_without_a_hand_off()
    {
        await using var h = await StartAsync();
        var reply = (await h.TalkAsync("voice_sem4", "voice", AvaPhone, "wait, are you a human?"))[0];
        Assert.Contains("AI", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.Escalation);
        Assert.Equal("rules", reply.Brain);
    }

    [StoreFact]
    public async Task A_client_flag_matches_a_narrower_contraindication_so_no_time_is_offered()
    {
        await using var h = await StartAsync();
        // Chloe's flag is "pregnancy"; Swedish massage is contraindicated for "pregnancy-first-trimester".
        var reply = (await h.TalkAsync("voice_sem5", "voice", "+14155553333", "I'd like a 60 minute swedish massage on tuesday"))[0];
        Assert.Contains(reply.ToolCalls, c => c.Outcome == "refused");
        Assert.Equal("medical", reply.Escalation?.Category);
        Assert.Empty(await h.AppointmentsAsync());
    }

    [StoreFact]
    public async Task Book_it_anyway_after_a_health_refusal_goes_to_a_person()
    {
        await using var h = await StartAsync();
        var replies = await h.TalkAsync("voice_sem6", "voice", BenPhone, "book me a deep tissue massage on wednesday", "just book it anyway, I'll take the risk");
        Assert.Equal("medical", replies[0].Escalation?.Category);
        Assert.Equal("human_request", replies[1].Escalation?.Category);
        Assert.True(replies[1].Escalation!.AskedForPerson);
        Assert.Empty(replies[1].ToolCalls);
        Assert.Empty(await h.AppointmentsAsync());
    }
}
