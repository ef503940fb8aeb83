namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Round 27 of issue 12's understanding (the lead), written before the code from hand-written first messages
/// (eval/probes/spa-concerns-round27.dev.txt and other wordings here): what the spa has for a skin concern ("what do you
/// have for sun spots", "algo para las arrugas"), "what if" questions about being late or cancelling (a question, not news
/// nor a cancellation), a holiday's hours asked in Spanish, and a few of the spa's matters in other words. Demo profile,
/// Monday 2026-11-23 08:00 Los Angeles, SQLite.
/// </summary>
public sealed class RoundTwentySevenConversationTests
{
    // What the spa has for a concern: the services whose own description speaks of it, by name, never a booking started.
    [Theory]
    [InlineData("what do you have for sun spots", "IPL Photofacial")]
    [InlineData("anything for dark spots?", "IPL Photofacial")]
    [InlineData("what helps with wrinkles", "Botox")]
    [InlineData("what treatment is good for crows feet", "Botox")]
    [InlineData("do u guys have anything for scars", "Laser Skin Resurfacing")]
    [InlineData("algo para las arrugas?", "Botox")]
    [InlineData("tienen algo para las manchas del sol", "IPL")]
    [InlineData("que me recomiendan para las cicatrices", "Rejuvenecimiento con láser")]
    public async Task What_the_spa_has_for_a_concern_names_the_services_made_for_it(string text, string service)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null && reply.Text!.Contains(service, StringComparison.Ordinal), FirstMessages.Show(reply));
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability" || Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // The answer lists what the menu says and leaves the choice to a provider: no service is called the right one.
    [Fact]
    public async Task The_answer_to_a_concern_leaves_the_choice_to_a_provider()
    {
        var reply = await FirstMessages.ReplyAsync("what do you have for sun spots");
        Assert.Contains("provider", reply.Text, StringComparison.Ordinal);
        reply = await FirstMessages.ReplyAsync("algo para las arrugas?");
        Assert.True(reply.Text!.Contains("profesional", StringComparison.Ordinal) || reply.Text.Contains("proveedor", StringComparison.Ordinal), FirstMessages.Show(reply));
    }

    // A concern no service of the menu speaks of goes to the team, or is said not to be offered when the spa knows the
    // treatment for it is not on its menu (cellulite): not another entry's answer (the brands for acne), never a guess, never
    // a booking.
    [Theory]
    [InlineData("do you have anything for acne")]
    [InlineData("tienen algo para el acne")]
    [InlineData("what do you have for cellulite")]
    public async Task A_concern_the_menu_does_not_speak_of_is_not_guessed(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation?.Category is "human_request" or "medical" || reply.Text!.Contains("isn't something we offer", StringComparison.Ordinal), FirstMessages.Show(reply));
        Assert.DoesNotContain("SkinCeuticals", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability" || Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // An FAQ topic asked the same way is still its entry's answer, not a concern.
    [Theory]
    [InlineData("what do you have for couples", "neighbouring rooms")]
    [InlineData("do you have anything for kids", "under 18")]
    public Task A_topic_asked_as_what_do_you_have_for_is_still_its_entry(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // "what if" about being late: a question, so never "thanks for letting us know" (the team would be told someone is on
    // the way who is not), and never a look-up of the person's appointments.
    [Theory]
    [InlineData("if im late do i lose my appointment")]
    [InlineData("if i'm running late will you still take me")]
    [InlineData("si llego tarde que pasa")]
    [InlineData("si llego tarde me atienden?")]
    [InlineData("what if i'm like 15 min late")]
    public async Task What_if_im_late_is_a_question_not_news(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.DoesNotContain("on your way", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("en camino", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name is "list_appointments" || Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // Being late said as news stays news.
    [Theory]
    [InlineData("running 10 min late sorry", "on your way")]
    [InlineData("voy como 10 minutos tarde", "en camino")]
    public Task Being_late_said_as_news_is_still_noted(string text, string expected) => FirstMessages.EscalatedWithAsync(text, expected);

    // What cancelling would cost: the cancellation policy, not a look-up of the person's appointments.
    [Theory]
    [InlineData("how much is it if i cancel", "24 hours")]
    [InlineData("cuanto cobran si cancelo", "24 horas")]
    [InlineData("cuánto me cobran si cancelo?", "24 horas")]
    public Task What_cancelling_would_cost_is_the_cancellation_policy(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // A holiday's hours asked in Spanish: the hours that day, not a booking nor a refusal.
    [Theory]
    [InlineData("abren el 4 de julio", "Mission District")]
    [InlineData("abren en navidad?", "25 de diciembre")]
    [InlineData("estan abiertos el dia de accion de gracias", "26 de noviembre")]
    public async Task A_holidays_hours_asked_in_spanish_are_that_days_hours(string text, string expected)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null && reply.Text!.Contains(expected, StringComparison.Ordinal), FirstMessages.Show(reply));
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability");
    }

    // The spa's matters in other words.
    [Theory]
    [InlineData("dress code?", "comfortable")]
    [InlineData("is there a dress code", "comfortable")]
    [InlineData("la consulta cuesta?", "sin costo")]
    [InlineData("hay baño?", "casilleros")]
    public Task The_spas_matters_in_other_words_get_their_entry(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // The way there is the address (round 27's leftover: it reached the team). Showering after a treatment stays the team's
    // (round 23: aftercare), so it is not here.
    [Theory]
    [InlineData("how do i get there", "Valencia")]
    [InlineData("how can we get to you?", "Valencia")]
    public Task The_way_there_is_the_address(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // A deal for the spa's regulars is the spa's matter (a price question, for the team), never refused as a deal elsewhere.
    [Theory]
    [InlineData("any deals for regulars")]
    [InlineData("discounts for repeat clients?")]
    public Task A_deal_for_regulars_is_not_refused(string text) => FirstMessages.NotRefusedAsync(text);

    // A near miss in Spanish asks "¿quiso decir …?" with the entry's Spanish question, and a yes gets its Spanish answer
    // (the English near miss of WholeConversationTests, asked in Spanish).
    [Fact]
    public async Task A_near_miss_in_spanish_asks_did_you_mean_and_a_yes_gets_the_answer()
    {
        await using var h = await AgentHarness.StartAsync();
        var replies = await h.TalkAsync("web_quiso_decir", "web", null, "venden canastas de regalo para caballos?", "sí");
        Assert.True(replies[0].Escalation is null && replies[0].Text!.Contains("quiso decir", StringComparison.Ordinal)
            && replies[0].Text!.Contains("tarjetas de regalo", StringComparison.Ordinal), FirstMessages.Show(replies[0]));
        Assert.True(replies[1].Escalation is null && replies[1].Text!.Contains("Nunca vencen", StringComparison.Ordinal), FirstMessages.Show(replies[1]));
    }

    // Nails asked about in Spanish ("uñas", which reads as "unas", some, without its tilde) are nails: not offered here.
    [Theory]
    [InlineData("hacen uñas?")]
    [InlineData("hacen manicure y uñas de gel")]
    public async Task Nails_in_spanish_are_not_offered_here(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null && reply.Text!.Contains("no lo ofrecemos", StringComparison.Ordinal), FirstMessages.Show(reply));
    }
}
