namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Round 29 of issue 12's understanding (the lead), written before the code from hand-written first messages about the
/// life around a visit (eval/probes/spa-life-round29.dev.txt and other wordings here): someone else's appointment or
/// errand, a skin or mood told with no request, a recommendation from a doctor or therapist, a job or a room asked of the
/// spa, billing matters, holidays, someone else's age, occasions for two, and the same things asked in Spanish. Demo
/// profile, Monday 2026-11-23 08:00 Los Angeles, SQLite.
/// </summary>
public sealed class RoundTwentyNineConversationTests
{
    // An errand elsewhere that mentions a doctor is not the spa's injectables: declined, nothing offered.
    [Theory]
    [InlineData("i need an uber to my doctors appointment")]
    [InlineData("can you get me a lyft to my doctor appointment")]
    [InlineData("i need a ride to the doctor tomorrow")]
    public async Task An_errand_to_a_doctor_is_not_a_booking(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.DoesNotContain("Botox", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Consultation", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability" || Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // A skin or body told with no request ("my skin is a mess") is not a search for the service nearest in meaning: the kind
    // is offered to choose from, or asked; never openings of a service the person did not name.
    [Theory]
    [InlineData("just got back from vacation and my skin is a mess")]
    [InlineData("my skin has been so dull lately")]
    public Task A_skin_told_with_no_request_searches_nothing(string text) => FirstMessages.NeitherPassedOnNorActedOnAsync(text);

    // Stress: what the menu has for it (the massages), as round 28's "something to help me relax"; nothing booked.
    [Theory]
    [InlineData("anything that helps with stress")]
    [InlineData("do you have something that helps with stress?")]
    public async Task Stress_names_the_massages_without_a_booking(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null && reply.Text!.Contains("Swedish", StringComparison.Ordinal), FirstMessages.Show(reply));
        Assert.DoesNotContain("Which one would you like", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability" || Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // A birth told ("i just had a baby 3 weeks ago") is no request for injectables: nothing offered, searched or written.
    [Theory]
    [InlineData("i just had a baby 3 weeks ago")]
    [InlineData("acabo de tener un bebé")]
    public async Task A_new_baby_told_offers_no_injectables(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.DoesNotContain("Injectables", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("inyectables", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability" || Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // A job, a room to rent or a business partnership asked of the spa: for the team, never a service or another entry.
    [Theory]
    [InlineData("busco trabajo de masajista")]
    [InlineData("are you guys hiring massage therapists")]
    [InlineData("can i rent a room at your spa")]
    [InlineData("i sell skincare products want to partner with you")]
    [InlineData("¿están contratando?")]
    public Task A_job_a_room_or_a_partnership_goes_to_the_team(string text) => FirstMessages.EscalatedAsAsync(text, "human_request");

    // "did sofia leave" is about a provider of the spa, as "is maya still working there": her days, no number asked.
    [Theory]
    [InlineData("did sofia leave", "Sofia")]
    [InlineData("is priya still there", "Priya")]
    public async Task A_provider_still_there_is_her_days(string text, string expected)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null && reply.Text!.Contains(expected, StringComparison.Ordinal), FirstMessages.Show(reply));
        Assert.DoesNotContain("verify", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "list_appointments");
    }

    // The provider's week is one sentence with its places joined as words are ("…, and at Marina …").
    [Fact]
    public async Task A_providers_week_reads_as_a_sentence()
    {
        var reply = await FirstMessages.ReplyAsync("is maya still working there");
        Assert.DoesNotContain("andat", reply.Text, StringComparison.Ordinal);
        Assert.Contains("and at Marina", reply.Text, StringComparison.Ordinal);
    }

    // A membership or package cancelled, frozen or handed on: the team's (never the appointments' verification).
    [Theory]
    [InlineData("i'm moving away can i cancel my membership")]
    [InlineData("how do i freeze my membership")]
    [InlineData("i'm moving can i transfer my package to my friend")]
    [InlineData("quiero cancelar mi membresía")]
    public Task A_membership_matter_goes_to_the_team(string text) => FirstMessages.EscalatedAsAsync(text, "human_request");

    // Billing: a receipt or an invoice for the team; a card used by someone else is sensitive.
    [Theory]
    [InlineData("i need a receipt for my last visit", "human_request")]
    [InlineData("can i get an itemized receipt for my hsa", "human_request")]
    [InlineData("necesito un recibo de mi última visita", "human_request")]
    [InlineData("i think someone used my card at your spa", "sensitive")]
    public Task A_billing_matter_goes_to_the_team(string text, string category) => FirstMessages.EscalatedAsAsync(text, category);

    // Payment and age asked in few words or about someone else: the spa's entries.
    [Theory]
    [InlineData("do you take fsa", "FSA")]
    [InlineData("fsa?", "FSA")]
    [InlineData("my daughter is 15 can she get a facial", "under 18")]
    [InlineData("can my 16 year old get a massage", "under 18")]
    [InlineData("my wife wants a gift card for our anniversary", "any amount")]
    public Task Asked_in_few_words_or_for_someone_else_is_the_entry(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // Something for two, for an anniversary or romantic: the couples entry (neighbouring rooms), in both languages.
    [Theory]
    [InlineData("what's good for a couples anniversary", "neighbouring rooms")]
    [InlineData("something romantic for me and my husband", "neighbouring rooms")]
    [InlineData("quiero algo romántico para mi pareja", "salas contiguas")]
    public Task Something_for_two_is_the_couples_entry(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // A holiday by name is its date: the hours that day.
    [Theory]
    [InlineData("is the spa open on thanksgiving", "Thursday")]
    [InlineData("are you open thanksgiving day?", "Thursday")]
    [InlineData("abren el dia de accion de gracias", "jueves")]
    public Task A_holiday_by_name_is_its_hours(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // A booking for someone else, said with who it is for: the booking's question, never a refusal.
    [Theory]
    [InlineData("i'm booking for my grandma she's 85")]
    [InlineData("i want to book for my mom")]
    [InlineData("quiero reservar para mi abuela")]
    public async Task A_booking_for_someone_else_asks_the_service(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.True(reply.Text!.Contains("Which service", StringComparison.Ordinal) || reply.Text.Contains("Qué servicio", StringComparison.Ordinal), FirstMessages.Show(reply));
    }

    // A massage recommended by a doctor or a therapist: the massages, not a refusal (the health screen still runs).
    [Theory]
    [InlineData("my therapist recommended massage for anxiety")]
    [InlineData("my chiropractor suggested i get a deep tissue massage")]
    public async Task A_recommended_massage_is_the_massages(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Text!.Contains("Massage", StringComparison.Ordinal), FirstMessages.Show(reply));
        Assert.DoesNotContain("I can only help", reply.Text, StringComparison.Ordinal);
    }

    // Men at the spa, asked for someone else: the business's answer or the team, never a refusal.
    [Theory]
    [InlineData("my husband has never had a massage, is it ok for guys")]
    [InlineData("do guys come here too")]
    public Task Men_welcome_asked_is_not_refused(string text) => FirstMessages.NotRefusedAsync(text);

    // A group for a bachelorette in Spanish gets the group's reply, as in English.
    [Theory]
    [InlineData("organizamos una despedida de soltera para 6")]
    [InlineData("somos 5 amigas para una despedida de soltera")]
    public Task A_bachelorette_group_in_spanish_is_the_group_reply(string text) => FirstMessages.EscalatedWithAsync(text, "grupo");

    // Pregnant and asking whether a massage can be had: a clinician's question in English as in Spanish, with or without a
    // question mark (round 29: the English without "?" searched the prenatal massage; es-round6 has the "?" forms medical).
    // Asked to book, the prenatal massage is offered (the tools refuse what the condition rules out).
    [Theory]
    [InlineData("im 6 months pregnant can i get a massage")]
    [InlineData("im 6 months pregnant can i get a massage?")]
    [InlineData("estoy embarazada de 5 meses puedo hacerme un masaje")]
    [InlineData("i take blood thinners, can i get filler")]
    public Task Pregnant_asking_whether_a_massage_can_be_had_is_medical_in_both_languages(string text) => FirstMessages.EscalatedAsAsync(text, "medical");

    // Told "book it anyway" after that: a person, never declined (round 29: the first version declined it).
    [Fact]
    public async Task Book_it_anyway_after_a_clinicians_question_goes_to_a_person()
    {
        await using var h = await AgentHarness.StartAsync();
        var first = Assert.Single(await h.TalkAsync("r29_anyway", "sms", "+14155550177", "im 6 months pregnant can i get a massage"));
        Assert.Equal("medical", first.Escalation?.Category);
        var second = Assert.Single(await h.TalkAsync("r29_anyway", "sms", "+14155550177", "ugh just book it anyway"));
        Assert.Equal("human_request", second.Escalation?.Category);
        Assert.DoesNotContain(second.ToolCalls, c => Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // With a day it is a request (as r11-pregnant-back-pain-deep-tissue-voice has it): the tools refuse what the condition rules out, nothing is written.
    [Theory]
    [InlineData("i'm twenty weeks pregnant, can i get a deep tissue tomorrow")]
    public async Task Pregnant_asking_for_a_massage_on_a_day_is_a_request_the_tools_screen(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.NotEqual("medical", reply.Escalation?.Category);
        Assert.DoesNotContain(reply.ToolCalls, c => Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    [Theory]
    [InlineData("im 6 months pregnant, can i book a massage")]
    [InlineData("estoy embarazada de 5 meses, quiero reservar un masaje prenatal")]
    public async Task Pregnant_asking_to_book_a_massage_is_offered_the_prenatal_one(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null && (reply.Text!.Contains("Prenatal", StringComparison.Ordinal) || reply.Text.Contains("prenatal", StringComparison.Ordinal)), FirstMessages.Show(reply));
        Assert.DoesNotContain(reply.ToolCalls, c => Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // A lunch break is a time of day in Spanish as in English: the booking's question, not a refusal.
    [Theory]
    [InlineData("i'm only free on my lunch break")]
    [InlineData("tengo solo la hora del almuerzo")]
    public Task A_lunch_break_is_not_refused(string text) => FirstMessages.NotRefusedAsync(text);
}
