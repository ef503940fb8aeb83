using FrontDesk.TestSupport;

namespace FrontDesk.Agent.Tests.Conversations;

public abstract partial class WholeConversationTests
{
    [StoreFact]
    public async Task A_short_spanish_emergency_gets_spanish_guidance_and_staff_are_told_the_client_writes_spanish()
    {
        await using var h = await StartAsync();
        var reply = Assert.Single(await h.TalkAsync("es_safety_a", "web", null, "me ahogo"));
        Assert.Equal("emergency", reply.Escalation?.Category);
        Assert.Equal("es", reply.Language);
        Assert.Contains("911", reply.Text, StringComparison.Ordinal);
        Assert.Contains("emergencia", reply.Text, StringComparison.OrdinalIgnoreCase);
        var escalation = Assert.Single(await h.EscalationsAsync());
        Assert.Equal("urgent", escalation.Urgency);
        Assert.Contains("Spanish", escalation.Summary, StringComparison.Ordinal);
        // Health details stay out of the summary in any language; staff read the words in the transcript.
        Assert.DoesNotContain("ahogo", escalation.Summary, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task An_english_conversation_that_turns_into_a_spanish_emergency_gets_spanish_guidance()
    {
        await using var h = await StartAsync();
        var replies = await h.TalkAsync("es_safety_b", "sms", AvaPhone, "hi, do you have anything friday for lip filler?",
            "se me está poniendo morada la piel después del relleno y me duele mucho");
        Assert.Equal("emergency", replies[1].Escalation?.Category);
        Assert.Equal("es", replies[1].Language);
        Assert.Contains("911", replies[1].Text, StringComparison.Ordinal);
        Assert.Empty(await h.BookedAsync());
    }

    [StoreFact]
    public async Task A_spanish_request_for_a_person_reaches_staff_with_the_original_words()
    {
        await using var h = await StartAsync();
        var reply = Assert.Single(await h.TalkAsync("es_safety_c", "web", null, "quiero hablar con una persona por favor, es sobre mi cita"));
        Assert.Equal("human_request", reply.Escalation?.Category);
        Assert.Equal("es", reply.Language);
        var escalation = Assert.Single(await h.EscalationsAsync());
        Assert.Contains("The client writes in Spanish", escalation.Summary, StringComparison.Ordinal);
        Assert.Contains("quiero hablar con una persona por favor, es sobre mi cita", escalation.Summary, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_spanish_medical_disclosure_goes_to_a_clinician_and_english_ones_say_nothing_of_spanish()
    {
        await using var h = await StartAsync();
        var es = Assert.Single(await h.TalkAsync("es_safety_d", "web", null, "tomo anticoagulantes, me puedo poner relleno en los labios?"));
        var en = Assert.Single(await h.TalkAsync("es_safety_e", "web", null, "I take blood thinners, can I get lip filler?"));
        Assert.Equal("medical", es.Escalation?.Category);
        Assert.Equal("medical", en.Escalation?.Category);
        Assert.Equal("es", es.Language);
        var escalations = await h.EscalationsAsync();
        Assert.Contains("Spanish", escalations.Single(e => e.ConversationId == "es_safety_d").Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Spanish", escalations.Single(e => e.ConversationId == "es_safety_e").Summary, StringComparison.Ordinal);
    }
}
