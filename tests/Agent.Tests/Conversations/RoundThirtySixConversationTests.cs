namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Round 36 of issue 12's understanding (the lead), written before the code from hand-written first messages
/// (eval/probes/spa-choices-round36.dev.txt and other wordings here): two lengths or two services weighed before booking, a
/// treatment added to one's own appointment, days said by what is excluded, parts of a month, a half-remembered appointment,
/// a returned missed call, who works when asked in Spanish, calls that start with fillers. English and Spanish side by side.
/// Demo profile, Monday 2026-11-23 08:00 Los Angeles, SQLite. The conversations themselves are in
/// tests/scenarios/lead-round36.yaml.
/// </summary>
public sealed class RoundThirtySixConversationTests
{
    private static System.Text.Json.JsonElement Argument(Transcripts.ToolCallRecord call) =>
        System.Text.Json.JsonDocument.Parse(call.Arguments).RootElement;

    // Two lengths of one treatment weighed: both described with their prices, never declined, never another service.
    [Theory]
    [InlineData("is the 90 min worth it over the 60")]
    [InlineData("is the 90 minute massage worth it or is 60 enough")]
    [InlineData("60 or 90 for a first swedish?")]
    [InlineData("vale la pena el de 90 o con el de 60 basta?")]
    [InlineData("es mejor el de 90 o con 60 es suficiente")]
    public async Task Two_lengths_weighed_describes_both(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.Contains("(60 min)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("(90 min)", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Deep Tissue", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.ToolCalls, c => Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // Two services weighed in Spanish as in English: each described (knots are the deep tissue's).
    [Theory]
    [InlineData("which is better for knots, swedish or deep tissue", "knots")]
    [InlineData("qué es mejor para nudos, sueco o tejido profundo?", "nudos")]
    [InlineData("cuál es mejor, el hydrafacial o el facial signature?", "vórtice")]
    public Task Two_services_weighed_describes_each(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // A treatment of the menu added to one's appointment: booked as a visit of its own (one's appointments looked up first
    // to follow it), never a question for the team; an extra the menu does not list stays the team's.
    [Theory]
    [InlineData("can i add dermaplaning to my facial tomorrow")]
    [InlineData("can i add a facial to my massage appointment")]
    [InlineData("i have a massage friday, can i do a facial right after")]
    [InlineData("tengo masaje el viernes, me puedo hacer un facial justo después?")]
    [InlineData("puedo agregar dermaplaning a mi facial de mañana")]
    public async Task A_treatment_added_to_ones_visit_is_booked_after_it(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text, "sms");
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.DoesNotContain(reply.ToolCalls, c => Tools.SpaTools.WritingTools.Contains(c.Name));
        Assert.DoesNotContain("Swedish Massage (90 min)", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public Task An_extra_the_menu_does_not_list_stays_with_the_team() =>
        FirstMessages.EscalatedAsAsync("can u add a scalp massage onto my facial tmrw?", "human_request");

    // What does not suit, said with a day or a service: the visit is asked for (never declined), in either language.
    [Theory]
    [InlineData("anything friday except 12 to 2?")]
    [InlineData("un facial cualquier día menos el fin de semana")]
    [InlineData("facial any day except weekends")]
    public Task What_does_not_suit_is_not_declined(string text) => FirstMessages.NotRefusedAsync(text);

    // "no antes de las 10" is from 10 on, as "not before 10" (it was read as before 10).
    [Theory]
    [InlineData("any time but not before 10, swedish 60 this week")]
    [InlineData("a cualquier hora pero no antes de las 10, sueco de 60 esta semana")]
    public async Task Not_before_ten_searches_from_ten(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text, "sms");
        var search = Argument(Assert.Single(reply.ToolCalls, c => c.Name == "check_availability"));
        Assert.Equal("10:00", search.GetProperty("after").GetString());
        Assert.False(search.TryGetProperty("before", out _), FirstMessages.Show(reply));
    }

    // Parts of a month: searched there, not passed to the team, in either language.
    [Theory]
    [InlineData("first week of december, swedish 90", "2026-12-01", "2026-12-07")]
    [InlineData("la primera semana de diciembre, sueco de 90", "2026-12-01", "2026-12-07")]
    [InlineData("la semana que sigue a la próxima, cualquier día, hydrafacial", "2026-12-07", "2026-12-13")]
    public async Task Parts_of_a_month_are_searched(string text, string from, string to)
    {
        var reply = await FirstMessages.ReplyAsync(text, "sms");
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        var search = Argument(Assert.Single(reply.ToolCalls, c => c.Name == "check_availability"));
        Assert.Equal(from, search.GetProperty("date").GetString());
        Assert.Equal(to, search.GetProperty("end_date").GetString());
    }

    // One's own appointment half remembered: one's appointments are looked up, no booking started.
    [Theory]
    [InlineData("this is ava i have something tomorrow i think")]
    [InlineData("soy ava creo que tengo algo mañana")]
    [InlineData("i think i have an appointment friday?")]
    public async Task A_half_remembered_appointment_is_looked_up(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.Contains(reply.ToolCalls, c => c.Name is "list_appointments" or "find_client");
    }

    // A missed call from the spa returned: the front desk is told, in either language.
    [Theory]
    [InlineData("hi sorry i missed a call from this number")]
    [InlineData("someone called me from this number earlier")]
    [InlineData("perdón, tengo una llamada perdida de este número")]
    [InlineData("me llamaron de este número hace rato")]
    public Task A_missed_call_returned_goes_to_the_front_desk(string text) => FirstMessages.EscalatedAsAsync(text, "human_request");

    // Who works when, asked in Spanish as in English: said from the schedule.
    [Theory]
    [InlineData("does maya work weekends", "Maya")]
    [InlineData("maya trabaja los fines de semana?", "Maya")]
    [InlineData("la dra kim está el viernes?", "viernes")]
    public Task A_providers_days_are_said(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // Fillers at the start of a Spanish call do not turn the request away.
    [Theory]
    [InlineData("sí hola eh quería ver lo de un facial")]
    [InlineData("yeah hi um i wanted to see about maybe getting a facial")]
    public Task Fillers_before_the_request_are_not_declined(string text) => FirstMessages.NotRefusedAsync(text);

    // One person's massage and facial on one day: a booking, not the couples answer.
    [Theory]
    [InlineData("can i do a massage and a facial the same day?")]
    [InlineData("puedo hacerme un masaje y un facial el mismo día?")]
    public async Task A_massage_and_a_facial_the_same_day_is_a_booking(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.DoesNotContain("couples", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("parejas", reply.Text, StringComparison.OrdinalIgnoreCase);
    }

    // The waitlist asked in Spanish as in English: which service for the list, never which service to book.
    [Theory]
    [InlineData("do you have a waitlist for saturdays", "waitlist")]
    [InlineData("tienen lista de espera para los sábados", "lista de espera")]
    [InlineData("me pueden avisar si se abre algo el viernes", "lista de espera")]
    public Task A_waitlist_asked_for_asks_which_service_for_it(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // A wish to keep the texts is nothing for the team (and, in the screen and the SMS channel, no opt-out).
    [Theory]
    [InlineData("please don't unsubscribe me")]
    [InlineData("do not opt me out i need the reminders")]
    public async Task A_wish_to_keep_the_texts_is_not_passed_on(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text, "sms");
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
    }
}
