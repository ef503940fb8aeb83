using System.Text.Json;
using FrontDesk.TestSupport;
using FrontDesk.Tools;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Outbox;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>What the agent says it did is what it did: follow-ups raised, confirmations texted, tools not run on a guess.</summary>
public abstract partial class WholeConversationTests
{
    [StoreFact]
    public async Task A_question_the_faq_cannot_answer_is_raised_for_the_team_with_the_question()
    {
        await using var h = await StartAsync();
        var reply = (await h.TalkAsync("faq_nm", "web", null, "do you do tattoo removal?"))[0];
        Assert.Contains(reply.ToolCalls, c => c.Name == "answer_faq" && c.Outcome == "no_match");
        Assert.Contains("follow up", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("human_request", reply.Escalation?.Category);
        var escalation = Assert.Single(await h.EscalationsAsync());
        Assert.Equal("human_request", escalation.Category);
        Assert.Equal("faq_nm", escalation.ConversationId);
        Assert.StartsWith("Unanswered question:", escalation.Summary, StringComparison.Ordinal);
        Assert.Contains("tattoo removal", escalation.Summary, StringComparison.Ordinal);
        var turns = await h.TranscriptAsync("faq_nm");
        Assert.Contains("\"escalation\":\"human_request\"", turns[^1].TagsJson, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_general_knowledge_question_nothing_in_the_book_is_about_is_declined_without_paging_the_team()
    {
        await using var h = await StartAsync();
        var reply = (await h.TalkAsync("faq_off", "web", null, "how do i make pancakes?"))[0];
        // Declined as off topic, by the understanding (out of scope by meaning) or by the FAQ tool; never a FAQ answer.
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "answer_faq" && c.Outcome != "off_topic");
        Assert.Contains("I can only help with", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("follow up", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Null(reply.Escalation);
        Assert.Empty(await h.EscalationsAsync());
    }

    [StoreTheory]
    [InlineData("Do you have a deep tissue massage tomorrow afternoon?")]
    [InlineData("do you have a hydrafacial on friday?")]
    public async Task A_question_naming_a_service_and_a_day_looks_for_slots_not_in_the_faq(string text)
    {
        await using var h = await StartAsync();
        var reply = (await h.TalkAsync("faq_slots", "web", null, text))[0];
        Assert.Contains(reply.ToolCalls, c => c.Name == "check_availability");
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "answer_faq");
        Assert.Null(reply.Escalation);
    }

    [StoreFact]
    public async Task A_question_the_faq_answers_raises_nothing()
    {
        await using var h = await StartAsync();
        var reply = (await h.TalkAsync("faq_ok", "web", null, "what are your hours?"))[0];
        Assert.Contains(reply.ToolCalls, c => c.Name == "answer_faq" && c.Outcome == "ok");
        Assert.Null(reply.Escalation);
        Assert.Empty(await h.EscalationsAsync());
    }

    [StoreTheory]
    [InlineData("yes")]
    [InlineData("has ko gone up or down")]
    public async Task A_bare_yes_with_no_waitlist_offer_runs_no_writing_tool(string text)
    {
        await using var h = await StartAsync();
        var reply = (await h.TalkAsync("yes_nothing", "sms", AvaPhone, text))[0];
        Assert.DoesNotContain(reply.ToolCalls, c => SpaTools.WritingTools.Contains(c.Name));
        Assert.Empty(await h.AppointmentsAsync());
    }

    [StoreFact]
    public async Task A_client_who_agreed_to_texts_is_told_of_the_confirmation_text_and_gets_it()
    {
        await using var h = await StartAsync();
        var replies = await h.TalkAsync("sms_yes", "voice", AvaPhone, "I need a hydrafacial next Tuesday", "the first one", "yes");
        h.One(await h.BookedAsync());
        Assert.Contains("text you a confirmation", replies[^1].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(await h.OutboxAsync(), m => m.Kind == MessageKind.Confirmation && m.ToAddress == AvaPhone);
        var consent = await ConsentTagsAsync(h, "sms_yes");
        Assert.Contains("sms", consent);
        Assert.Contains("sms_confirmation", consent);
    }

    [StoreFact]
    public async Task A_client_without_sms_consent_is_not_promised_a_text_and_gets_none()
    {
        await using var h = await StartAsync();
        var replies = await h.TalkAsync("sms_no", "voice", "+14155554444", "I need a hydrafacial next Tuesday", "the first one", "yes");
        h.One(await h.BookedAsync());
        Assert.DoesNotContain("text", replies[^1].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("look forward", replies[^1].Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(await h.OutboxAsync(), m => m.Kind == MessageKind.Confirmation);
        var consent = await ConsentTagsAsync(h, "sms_no");
        Assert.Contains("no_sms", consent);
        Assert.DoesNotContain("sms", consent);
        Assert.DoesNotContain("sms_confirmation", consent);
    }

    [StoreFact]
    public async Task A_client_who_opted_out_is_not_promised_a_text_and_is_tagged_opted_out()
    {
        await using var h = await StartAsync();
        await h.Book.Get<ClientDirectory>().SetOptedOutAsync(AvaPhone, true, FrontDesk.Tools.Audit.Actor.System("test"), CancellationToken.None);
        var replies = await h.TalkAsync("sms_out", "voice", AvaPhone, "I need a hydrafacial next Tuesday", "the first one", "yes");
        h.One(await h.BookedAsync());
        Assert.DoesNotContain("text", replies[^1].Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(await h.OutboxAsync(), m => m.Kind == MessageKind.Confirmation);
        var consent = await ConsentTagsAsync(h, "sms_out");
        Assert.Contains("sms_opted_out", consent);
        Assert.DoesNotContain("sms", consent);
    }

    [StoreFact]
    public async Task A_new_web_visitor_is_not_promised_a_text_they_never_agreed_to()
    {
        await using var h = await StartAsync();
        var replies = await h.TalkAsync("sms_web", "web", null, "I'd like a deep tissue massage tomorrow afternoon", "the first one", "my name is Sam Lee", "415-555-7788", "yes please");
        h.One(await h.BookedAsync());
        Assert.DoesNotContain("text you", replies[^1].Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("sms", await ConsentTagsAsync(h, "sms_web"));
    }

    [StoreFact]
    public async Task A_web_visitor_asked_for_a_number_who_types_a_staff_members_first_name_is_taken_by_name()
    {
        await using var h = await StartAsync();
        var replies = await h.TalkAsync("name_sam", "web", null, "I'd like a signature facial on wednesday", "the first one", "Sam Lee");
        Assert.DoesNotContain(replies[^1].ToolCalls, c => c.Name == "check_availability");
        Assert.DoesNotContain("does not perform", replies[^1].Text, StringComparison.OrdinalIgnoreCase);
        replies = await h.TalkAsync("name_sam", "web", null, "415-555-7788");
        Assert.Contains("Shall I book it?", replies[^1].Text, StringComparison.Ordinal);
        await h.TalkAsync("name_sam", "web", null, "yes");
        var booked = h.One(await h.BookedAsync());
        Assert.Equal("signature-facial", booked.ServiceId);
        var client = await h.Book.Get<ClientDirectory>().GetAsync(booked.ClientId, CancellationToken.None);
        Assert.Equal("Sam Lee", client!.Name);
    }

    [StoreFact]
    public async Task A_provider_who_does_not_do_the_service_gets_a_friendly_answer_not_the_tools_message()
    {
        await using var h = await StartAsync();
        var reply = (await h.TalkAsync("prov_no", "voice", AvaPhone, "I'd like a signature facial with Sam on wednesday"))[0];
        Assert.Contains(reply.ToolCalls, c => c.Name == "check_availability" && c.Outcome == "bad_argument");
        Assert.DoesNotContain("does not perform", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Providers who do", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Priya", reply.Text, StringComparison.Ordinal);
        var next = (await h.TalkAsync("prov_no", "voice", AvaPhone, "yes"))[0];
        Assert.Contains(next.ToolCalls, c => c.Name == "check_availability" && c.Outcome == "ok" && !c.Arguments.Contains("provider", StringComparison.Ordinal));
    }

    [StoreFact]
    public async Task A_tool_that_breaks_gets_an_apology_a_follow_up_and_a_tagged_transcript()
    {
        await using var h = await StartAsync();
        await using (var c = await h.Book.Get<FrontDesk.Tools.Store.SpaDatabase>().OpenAsync(CancellationToken.None))
        {
            await using var drop = c.CreateCommand();
            drop.CommandText = "DROP TABLE waitlist_offers";
            await drop.ExecuteNonQueryAsync();
        }
        var reply = (await h.TalkAsync("tool_boom", "sms", AvaPhone, "yes"))[0];
        Assert.Equal(FrontDesk.Agent.Turns.ToolTurn.FailedOutcome, Assert.Single(reply.ToolCalls).Outcome);
        Assert.DoesNotContain("waitlist_offers", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("follow up", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("waitlist_offers", reply.ToolCalls[0].Result, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("human_request", reply.Escalation?.Category);
        var turns = await h.TranscriptAsync("tool_boom");
        Assert.Contains("find_waitlist_offer", turns[^1].TagsJson, StringComparison.Ordinal);
        Assert.Contains("\"failed\"", turns[^1].TagsJson, StringComparison.Ordinal);
        // The next turn works as usual.
        var next = (await h.TalkAsync("tool_boom", "sms", AvaPhone, "I need a hydrafacial next Tuesday"))[0];
        Assert.Contains(next.ToolCalls, c => c.Name == "check_availability" && c.Outcome == "ok");
    }

    private static async Task<List<string>> ConsentTagsAsync(AgentHarness h, string conversationId)
    {
        var last = (await h.TranscriptAsync(conversationId)).Last(t => t.Role == "agent");
        using var tags = JsonDocument.Parse(last.TagsJson);
        return tags.RootElement.TryGetProperty("consent", out var consent) ? [.. consent.EnumerateArray().Select(c => c.GetString()!)] : [];
    }
}
