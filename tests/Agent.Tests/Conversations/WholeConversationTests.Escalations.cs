using FrontDesk.TestSupport;
using FrontDesk.Tools;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>Each escalation category, FAQ, small talk and out-of-scope requests: end state, not wording.</summary>
public abstract partial class WholeConversationTests
{
    [StoreTheory]
    [InlineData("I want a refund for my last facial", "pricing", "normal")]
    [InlineData("can I get a discount if I book three massages?", "pricing", "normal")]
    [InlineData("I want to dispute a charge on my bill", "pricing", "normal")]
    [InlineData("I want to make a complaint about my last visit", "sensitive", "high")]
    [InlineData("I'm going to call my lawyer about this", "sensitive", "high")]
    [InlineData("please delete my data from your system", "sensitive", "high")]
    [InlineData("I was charged twice, there's a billing issue with my account", "sensitive", "high")]
    [InlineData("when is my wife's appointment?", "sensitive", "high")]
    [InlineData("Can I speak to a real person?", "human_request", "normal")]
    [InlineData("my face is swollen and itchy after the peel yesterday", "medical", "high")]
    [InlineData("I think I'm having an allergic reaction and my throat is closing", "emergency", "urgent")]
    [InlineData("can I drink alcohol after botox?", "medical", "high")]
    [InlineData("is botox bad for migraines?", "medical", "high")]
    [InlineData("is it ok to go in the sauna after my hydrafacial?", "medical", "high")]
    [InlineData("dizzy and my heart is racing after the injection", "medical", "urgent")]
    [InlineData("can you give me 20% off?", "pricing", "normal")]
    [InlineData("any deals or specials this month?", "pricing", "normal")]
    [InlineData("got a promo code I can use?", "pricing", "normal")]
    [InlineData("what time is my husband booked", "sensitive", "high")]
    [InlineData("can you tell me if Jane is coming in today", "sensitive", "high")]
    [InlineData("please remove all my information from your system", "sensitive", "high")]
    public async Task Each_escalation_category_is_stored_tagged_and_runs_no_writing_tool(string text, string category, string urgency)
    {
        await using var h = await StartAsync();
        var reply = (await h.TalkAsync("esc_1", "web", null, text))[0];
        Assert.Equal(category, reply.Escalation?.Category);
        var escalation = Assert.Single(await h.EscalationsAsync());
        Assert.Equal(category, escalation.Category);
        Assert.Equal(urgency, escalation.Urgency);
        Assert.Equal("open", escalation.Status);
        Assert.Equal("esc_1", escalation.ConversationId);
        Assert.Equal("web", escalation.Channel);
        Assert.DoesNotContain(reply.ToolCalls, c => SpaTools.WritingTools.Contains(c.Name));
        var turns = await h.TranscriptAsync("esc_1");
        Assert.Contains($"\"escalation\":\"{category}\"", turns[^1].TagsJson, StringComparison.Ordinal);
        Assert.Empty(await h.AppointmentsAsync());
    }

    [StoreTheory]
    [InlineData("I think I'm having a stroke")]
    [InlineData("I think I'm having a heart attack")]
    [InlineData("my lip is bleeding a lot after filler")]
    [InlineData("my chest feels tight and it hurts to breathe")]
    [InlineData("the bleeding from my cheek just won't stop")]
    [InlineData("I'm struggling to breathe after the peel")]
    [InlineData("my tongue and throat are swelling up")]
    [InlineData("allergic reaction, my whole face is swelling")]
    [InlineData("my sister just passed out in your lobby")]
    [InlineData("he's having a seizure on the table")]
    [InlineData("since the filler I can't see properly out of my right eye")]
    [InlineData("I don't want to be alive anymore")]
    public async Task An_emergency_in_any_wording_tells_911_and_raises_an_urgent_on_call_escalation(string text)
    {
        await using var h = await StartAsync();
        var reply = (await h.TalkAsync("esc_911", "sms", AvaPhone, text))[0];
        Assert.Contains("911", reply.Text, StringComparison.Ordinal);
        Assert.Equal("emergency", reply.Escalation?.Category);
        var escalation = Assert.Single(await h.EscalationsAsync());
        Assert.Equal("urgent", escalation.Urgency);
        Assert.Equal("on_call", escalation.Route);
        Assert.DoesNotContain(text, escalation.Summary, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(reply.ToolCalls);
    }

    [StoreTheory]
    [InlineData("can I drink alcohol after botox?")]
    [InlineData("is botox bad for migraines?")]
    [InlineData("I'm on blood pressure pills, is laser hair removal ok for me?")]
    [InlineData("my cheek is still bruised a week after the filler")]
    public async Task A_medical_question_about_a_treatment_gets_no_advice_and_a_clinician_call_back(string text)
    {
        await using var h = await StartAsync();
        var reply = (await h.TalkAsync("esc_md2", "web", null, text))[0];
        Assert.Equal("medical", reply.Escalation?.Category);
        Assert.Equal(h.Book.Get<AgentPrompts>().Reply("escalation_medical"), reply.Text);
        Assert.Equal("clinician", Assert.Single(await h.EscalationsAsync()).Route);
    }

    [StoreFact]
    public async Task An_emergency_mid_booking_tells_911_and_books_nothing()
    {
        await using var h = await StartAsync();
        var replies = await h.TalkAsync("esc_em", "voice", AvaPhone, "book a hydrafacial on wednesday", "the first one", "wait, I'm having chest pain");
        Assert.Contains("911", replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal("urgent", Assert.Single(await h.EscalationsAsync()).Urgency);
        await h.TalkAsync("esc_em", "voice", AvaPhone, "yes");
        Assert.Empty(await h.AppointmentsAsync());
    }

    [StoreFact]
    public async Task A_medical_question_offers_a_consultation_or_callback_and_gives_no_advice()
    {
        await using var h = await StartAsync();
        var reply = (await h.TalkAsync("esc_md", "web", null, "can I take ibuprofen before my filler appointment?"))[0];
        Assert.Equal("medical", reply.Escalation?.Category);
        Assert.DoesNotContain("ibuprofen", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.True(reply.Text!.Contains("consultation", StringComparison.OrdinalIgnoreCase) || reply.Text.Contains("call", StringComparison.OrdinalIgnoreCase), reply.Text);
        Assert.Equal("clinician", Assert.Single(await h.EscalationsAsync()).Route);
    }

    [StoreFact]
    public async Task A_list_price_is_quoted_from_the_profile_without_escalating()
    {
        await using var h = await StartAsync();
        var reply = (await h.TalkAsync("price_1", "web", null, "how much is a hydrafacial?"))[0];
        Assert.Contains("199", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.Escalation);
        Assert.Empty(await h.EscalationsAsync());
    }

    [StoreFact]
    public async Task A_card_number_is_never_stored_in_the_transcript_or_the_escalation()
    {
        await using var h = await StartAsync();
        var reply = (await h.TalkAsync("card_1", "web", null, "here is my card number 4111 1111 1111 1111 exp 12/28 for the deposit"))[0];
        Assert.Equal("sensitive", reply.Escalation?.Category);
        Assert.DoesNotContain("4111", reply.Text, StringComparison.Ordinal);
        foreach (var turn in await h.TranscriptAsync("card_1"))
        {
            Assert.DoesNotContain("4111 1111 1111 1111", turn.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("4111111111111111", turn.Text, StringComparison.Ordinal);
        }
        var conversation = await h.Conversations.GetAsync("card_1", CancellationToken.None);
        Assert.DoesNotContain("1111 1111", conversation!.StateJson, StringComparison.Ordinal);
        Assert.DoesNotContain("4111", Assert.Single(await h.EscalationsAsync()).Summary, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Small_talk_gets_a_friendly_reply_and_no_tool()
    {
        await using var h = await StartAsync();
        var replies = await h.TalkAsync("st_1", "web", null, "hi there, how are you today?", "are you a robot?");
        Assert.All(replies, r => Assert.Empty(r.ToolCalls));
        Assert.All(replies, r => Assert.Null(r.Escalation));
        Assert.All(replies, r => Assert.False(string.IsNullOrWhiteSpace(r.Text)));
        Assert.Empty(await h.EscalationsAsync());
    }

    [StoreFact]
    public async Task Harbor_FAQ_and_out_of_scope_and_emergency()
    {
        await using var h = await StartHarborAsync();
        var faq = (await h.TalkAsync("h_f1", "web", null, "do you take walk-ins?"))[0];
        Assert.Contains(faq.ToolCalls, c => c.Name == "answer_faq" && c.Outcome == "ok");
        Assert.Contains("walk-in", faq.Text, StringComparison.OrdinalIgnoreCase);

        var outOfScope = (await h.TalkAsync("h_f2", "web", null, "can you recommend a good pizza place nearby?"))[0];
        Assert.DoesNotContain(outOfScope.ToolCalls, c => SpaTools.WritingTools.Contains(c.Name));
        Assert.Null(outOfScope.Escalation);

        var emergency = (await h.TalkAsync("h_f3", "voice", NoraPhone, "my friend fainted in the chair and won't wake up"))[0];
        Assert.Contains("911", emergency.Text, StringComparison.Ordinal);
        Assert.Equal("emergency", Assert.Single(await h.EscalationsAsync()).Category);
        Assert.Empty(await h.AppointmentsAsync());
    }

    [StoreFact]
    public async Task Harbor_prices_come_from_its_own_menu()
    {
        await using var h = await StartHarborAsync();
        var reply = (await h.TalkAsync("h_p1", "web", null, "how much is a gel manicure?"))[0];
        Assert.Contains("48", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.Escalation);
    }

    [StoreFact]
    public async Task A_late_cancellation_is_handed_to_staff_and_the_appointment_stays()
    {
        await using var h = await StartAsync();
        await h.TalkAsync("late_1", "voice", AvaPhone, "I'd like a hydrafacial today", "the first one", "yes");
        var booked = h.One(await h.BookedAsync());
        Assert.True(booked.StartsAtUtc - h.Book.Clock.GetUtcNow().UtcDateTime < TimeSpan.FromHours(24), h.Said);
        var reply = (await h.TalkAsync("late_2", "voice", AvaPhone, "I need to cancel my appointment"))[0];
        Assert.Contains(reply.ToolCalls, c => c.Name == "cancel_appointment" && c.Outcome == "refused");
        Assert.Equal("sensitive", reply.Escalation?.Category);
        Assert.Contains("Late cancellation", Assert.Single(await h.EscalationsAsync()).Summary, StringComparison.Ordinal);
        Assert.Single(await h.BookedAsync());
    }

    [StoreFact]
    public async Task A_contraindication_on_file_is_refused_and_handed_to_a_clinician()
    {
        await using var h = await StartAsync();
        // Ben's file has a health flag that rules out deep tissue massage online.
        // The refusal comes when times are looked for, before any is offered.
        var replies = await h.TalkAsync("contra_1", "voice", BenPhone, "I'd like a deep tissue massage on friday");
        Assert.Contains(replies[^1].ToolCalls, c => c.Name == "check_availability" && c.Outcome == "refused");
        Assert.Equal("medical", replies[^1].Escalation?.Category);
        var escalation = Assert.Single(await h.EscalationsAsync());
        Assert.Equal("clinician", escalation.Route);
        Assert.DoesNotContain("blood", escalation.Summary, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("blood", replies[^1].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await h.AppointmentsAsync());
    }
}
