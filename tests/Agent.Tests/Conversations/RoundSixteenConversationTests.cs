namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Round 16 of issue 12's safety screen and understanding (the lead), written before the code from hand-written first
/// messages (/tmp probes of the session, kept here): health said the way people say it, someone else's condition beside a
/// gift, an everyday ache beside a massage, the spa's visit questions asked in Spanish in other words, and openers that
/// carry a story. Demo profile, Monday 2026-11-23 08:00 Los Angeles, SQLite.
/// </summary>
public sealed class RoundSixteenConversationTests
{
    // A medicine, a device, a condition or a recent treatment elsewhere, asked about beside a treatment: a clinician's
    // question in either language, never a list of times (the demo does not offer every treatment named: still a clinician's).
    [Theory]
    [InlineData("im on eliquis, can i still do microneedling")]
    [InlineData("8 weeks along!! can i get a massage still")]
    [InlineData("i have a pacemaker, is the body contouring thing ok")]
    [InlineData("is microneedling ok if i have rosacea flares")]
    [InlineData("i take lithium, does that matter for laser")]
    [InlineData("had a cortisone shot in my shoulder last week, deep tissue ok?")]
    [InlineData("my blood pressure runs really high, is hot stone fine")]
    [InlineData("i just got my lips done somewhere else 2 weeks ago, can i get more filler")]
    [InlineData("tengo la presion muy alta, puedo hacerme un masaje con piedras calientes?")]
    [InlineData("me pusieron una inyeccion de cortisona la semana pasada, puedo hacerme un masaje profundo?")]
    [InlineData("tomo litio, eso afecta para el laser?")]
    [InlineData("tengo rosacea, el microneedling esta bien para mi?")]
    public Task A_health_question_in_real_words_goes_to_a_clinician_and_offers_nothing(string text)
        => FirstMessages.EscalatedAsAsync(text, "medical");

    // A topical retinoid before a chemical peel is something the profile rules out (its contraindication `topical-retinoid`):
    // said beside the request, the request is refused online and a clinician reviews it, in either language.
    [Theory]
    [InlineData("my derm put me on tretinoin, want to book a chemical peel")]
    [InlineData("uso tretinoina en la cara, quiero agendar un peeling quimico")]
    public async Task A_retinoid_said_beside_a_peel_request_is_not_offered_a_time(string text)
    {
        await using var h = await AgentHarness.StartAsync();
        var replies = await h.TalkAsync("r16_retinoid", "web", null, text, "the first one");
        Assert.Empty(await h.AppointmentsAsync());
        Assert.DoesNotContain(replies, r => r.Text!.Contains("I have Monday", StringComparison.Ordinal) || r.Text!.Contains("Tengo el lunes", StringComparison.Ordinal));
        Assert.Contains(await h.EscalationsAsync(), e => e.Category == "medical");
    }

    // Someone else's pregnancy or illness beside a gift for them, or a service made for it, is not the speaker's health.
    [Theory]
    [InlineData("my wife is pregnant and wants a prenatal massage, can i book it as a gift", "Prenatal")]
    public Task A_service_made_for_someone_elses_pregnancy_is_offered(string text, string service)
        => FirstMessages.AnsweredWithAsync(text, service);

    [Theory]
    [InlineData("my mom just finished chemo so i want to get her a gift card", "any amount")]
    [InlineData("mi mama acaba de terminar la quimio y le quiero regalar una tarjeta de regalo", "cualquier monto")]
    // A service given as a present, with no booking asked for, is a gift card's question (as "gift her a facial" was).
    [InlineData("mi esposa esta embarazada, quiero regalarle un masaje prenatal", "cualquier monto")]
    [InlineData("my wife is pregnant, i want to gift her a prenatal massage", "any amount")]
    public Task A_gift_for_someone_elses_illness_or_pregnancy_is_the_gift_card_answer(string text, string answer)
        => FirstMessages.AnsweredWithAsync(text, answer);

    // An ache from work, a desk, sleep or the gym, beside a massage request, is why people book one: in either language
    // (English "sore from work" was a booking and Spanish "me duele … de tanto trabajar" a clinician's, round 15).
    [Theory]
    [InlineData("me duele la espalda de tanto trabajar, tienen masaje el viernes")]
    [InlineData("my back hurts from sitting at a desk all day, massage friday?")]
    [InlineData("my necks been hurting from sleeping funny, can i get a deep tissue tmrw")]
    [InlineData("me duele todo el cuerpo del gimnasio, quiero un masaje profundo")]
    public async Task An_everyday_ache_beside_a_massage_request_is_a_booking(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.Contains("asaje", reply.Text!.Replace("Massage", "masaje", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my back hurts since the massage on friday")]
    [InlineData("me duele la espalda desde el masaje del viernes")]
    [InlineData("my neck hurts from the deep tissue yesterday")]
    public async Task An_ache_after_a_treatment_is_still_a_clinicians(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation?.Category is "medical", FirstMessages.Show(reply));
    }

    // The spa's visit questions asked in Spanish in other words get the profile's answer, as they do in English.
    [Theory]
    [InlineData("donde estan ubicados", "Valencia")]
    [InlineData("donde quedan?", "Valencia")]
    [InlineData("cual es la direccion", "Valencia")]
    [InlineData("en que calle estan", "Valencia")]
    [InlineData("where r u", "Valencia")]
    [InlineData("hola, quisiera saber si atienden los domingos", "domingo")]
    [InlineData("hay donde estacionarse?", "estacionamiento")]
    [InlineData("con cuanto tiempo de anticipacion llego", "10 minutos")]
    [InlineData("cobran si cancelo tarde?", "24 horas")]
    public Task A_visit_question_in_other_words_is_answered_from_the_profile(string text, string answer)
        => FirstMessages.AnsweredWithAsync(text, answer);

    // "what do I bring" is not "can I bring my children" (the demo has no entry for it: the team answers), nor a look at
    // the person's appointments.
    [Theory]
    [InlineData("what do i need to bring")]
    [InlineData("what should i bring to my appointment")]
    [InlineData("que tengo que llevar")]
    public async Task What_to_bring_is_not_the_childrens_answer_nor_a_look_at_appointments(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.DoesNotContain("children", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("niños", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "list_appointments");
    }

    // A story, then the request: the request is what the spa answers.
    [Theory]
    [InlineData("tuve un dia horrible en el trabajo, necesito un masaje", "asaje")]
    [InlineData("tuve un dia pesimo, me urge un masaje", "asaje")]
    [InlineData("my husband snores so bad i need a massage lol", "Massage")]
    [InlineData("i'm recovering from a breakup, spa day needed", "Massage")]
    [InlineData("my daughter wants a facial for her bday, shes 15", "Facial")]
    [InlineData("im breaking out before my period lol any facial for that", "Facial")]
    [InlineData("ugh so stressed lol any massage tmrw?", "Massage")]
    public Task A_request_after_a_story_is_the_request(string text, string offered)
        => FirstMessages.AnsweredWithAsync(text, offered);

    [Fact]
    public async Task A_lip_wax_is_not_lip_filler()
    {
        var reply = await FirstMessages.ReplyAsync("need my upper lip waxed before friday lol");
        Assert.DoesNotContain("Filler", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Consultation", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability");
    }

    [Fact]
    public async Task Cant_make_it_on_a_day_is_about_the_persons_appointment()
    {
        var reply = await FirstMessages.ReplyAsync("cant make it thursday, sorry!! can we do next week", "sms");
        Assert.DoesNotContain("Which service would you like to book", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.ToolCalls, c => c.Name == "list_appointments");
    }

    [Fact]
    public async Task When_the_person_can_come_is_not_out_of_scope()
    {
        var reply = await FirstMessages.ReplyAsync("i work in a hospital so i can only come after 6");
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.DoesNotContain("I can only help", reply.Text, StringComparison.Ordinal);
    }
    // Second batch (openers about a past visit, the spa itself and lost things), written before the code.

    [Theory]
    [InlineData("my massage last week was awful honestly, the therapist was on her phone")]
    [InlineData("mi masaje de la semana pasada estuvo horrible, la terapeuta estaba en el celular")]
    public async Task A_complaint_about_a_visit_goes_to_a_manager(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation?.Category is "sensitive", FirstMessages.Show(reply));
    }

    [Fact]
    public async Task A_provider_remembered_from_last_time_is_asked_for()
    {
        var reply = await FirstMessages.ReplyAsync("hey! last time i saw maya and loved her, is she around next tues?");
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.Contains("Maya", reply.Text, StringComparison.Ordinal);
    }

    // Things the team handles (a lost item, a coupon, who owns the place, a late arrival) are noted for it, not refused.
    [Theory]
    [InlineData("i was supposed to come in at 3 but im stuck at work")]
    [InlineData("i left my sunglasses there yesterday")]
    [InlineData("deje mis lentes ahi ayer")]
    [InlineData("bought a groupon for a facial, do you honor those")]
    [InlineData("who owns the spa")]
    [InlineData("do you do anything for cellulite")]
    public Task The_spas_own_matters_are_not_refused_as_out_of_scope(string text)
        => FirstMessages.NotRefusedAsync(text);

    [Fact]
    public async Task How_long_botox_lasts_in_spanish_is_answered_not_booked()
    {
        var reply = await FirstMessages.ReplyAsync("cuanto dura el botox");
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability");
        Assert.Contains("meses", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_youngest_age_is_the_age_entry()
    {
        var reply = await FirstMessages.ReplyAsync("whats the youngest age for a facial");
        Assert.Contains("18", reply.Text, StringComparison.Ordinal);
    }
    // "add" then a few words and no "to my …": the add-on reading's pattern had backtracked for seconds on these (the
    // round-13 probes hung on the first); a turn must come back, and nothing is added to anything.
    [Theory]
    [InlineData("add a new contact named luis with the number 555 0142")]
    [InlineData("add a new friend named luis")]
    public async Task An_add_with_no_appointment_comes_back_and_is_no_add_on(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "answer_faq");
        Assert.NotNull(reply.Text);
    }
}
