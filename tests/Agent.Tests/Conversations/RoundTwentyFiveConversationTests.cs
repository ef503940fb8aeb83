namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Round 25 of issue 12's understanding (the lead), written before the code from hand-written first messages in Spanish
/// (eval/probes/spa-spanish-round25.dev.txt and other wordings here), typed as people text: no accents, no question mark,
/// "q" for "que". The spa's FAQ entries asked in other Spanish words get their entry's Spanish answer, not a refusal, a
/// note for the team or a list of services; a general health question gets the pointer to a doctor, a translation is
/// declined, and a question about paying by cheque is not a health question. Demo profile, Monday 2026-11-23 08:00 Los
/// Angeles, SQLite.
/// </summary>
public sealed class RoundTwentyFiveConversationTests
{
    [Theory]
    [InlineData("hay donde dejar el carro?", "estacionamiento")]
    [InlineData("donde estaciono el coche", "estacionamiento")]
    [InlineData("cuanto antes tengo q llegar a mi cita", "minutos antes")]
    [InlineData("con cuanto tiempo de anticipacion llego", "minutos antes")]
    [InlineData("a q hora debo llegar si mi cita es a las 3", "minutos antes")]
    [InlineData("si cancelo un dia antes me cobran?", "24 horas")]
    [InlineData("reciben cheques", "cheques")]
    [InlineData("se puede pagar en efectivo?", "Aceptamos")]
    [InlineData("tienen alguna membresia mensual", "Glow")]
    [InlineData("la persona q inyecta es doctora?", "Helen Kim")]
    [InlineData("como me preparo para la depilacion laser", "Rasure")]
    [InlineData("que tengo que hacer antes de mi cita de laser", "Rasure")]
    [InlineData("hacen masajes para parejas", "contiguas")]
    [InlineData("mi novio y yo queremos masaje juntos, se puede?", "contiguas")]
    [InlineData("hay vestidores?", "vestidores")]
    [InlineData("me dan bata?", "batas")]
    [InlineData("tienen lockers para dejar mis cosas", "casilleros")]
    [InlineData("que ropa me pongo para el masaje", "cómodo")]
    [InlineData("tengo q quitarme toda la ropa para el masaje?", "cómodo")]
    [InlineData("hay edad minima", "menores de 18")]
    [InlineData("cuanto se acostumbra dejar de propina", "propina")]
    [InlineData("que productos usan en los faciales", "SkinCeuticals")]
    [InlineData("que marca de cremas usan", "SkinCeuticals")]
    [InlineData("tienen programa de referidos", "$25")]
    [InlineData("si les recomiendo a una amiga me dan algo?", "$25")]
    [InlineData("hay que llenar formularios?", "formulario")]
    public Task A_spanish_paraphrase_gets_its_entrys_answer(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // A general health question in Spanish is declined with the pointer to a doctor, as in English; nothing is escalated
    // and nothing is offered.
    [Theory]
    [InlineData("que es bueno para la gripa")]
    [InlineData("que sirve para la tos")]
    public async Task A_general_health_question_in_spanish_gets_the_pointer_to_a_doctor(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null && reply.Text!.Contains("médico", StringComparison.Ordinal) && reply.ToolCalls.Count == 0, FirstMessages.Show(reply));
    }

    // Paying by cheque is about money, never about health.
    [Theory]
    [InlineData("reciben cheques")]
    [InlineData("aceptan cheque")]
    public async Task A_cheque_is_not_a_health_question(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null && !reply.Text!.Contains("médico", StringComparison.Ordinal), FirstMessages.Show(reply));
    }

    // "how do you say thanks in French" is not thanks, in Spanish either.
    [Theory]
    [InlineData("como se dice gracias en frances")]
    [InlineData("como se dice buenos dias en ingles")]
    public async Task A_translation_asked_in_spanish_is_not_small_talk(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null && !reply.Text!.Contains("Con mucho gusto", StringComparison.Ordinal)
            && !reply.Text.Contains("Hola", StringComparison.Ordinal), FirstMessages.Show(reply));
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name is "check_availability" or "list_appointments" || Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // The words added for the entries above must not turn a booking or another business into a FAQ answer.
    [Theory]
    [InlineData("quiero una cita para masaje el viernes antes de las 3", "Masaje")]
    [InlineData("puedo llegar antes de mi cita de las 3?", "minutos antes")]
    public Task The_new_words_keep_a_booking_a_booking(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // English found beside them: when to arrive for one's appointment is the arrival entry's; a referral's reward asked with
    // "something".
    [Theory]
    [InlineData("what time should I arrive if my appointment is at 3", "10 minutes early")]
    [InlineData("when should we get there if our appointment is at 2pm?", "10 minutes early")]
    [InlineData("if I refer a friend do you give me something?", "$25")]
    public Task English_found_beside_them_is_answered(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // "what time is my appointment" is still the person's own appointment, looked up after the number is verified.
    [Fact]
    public async Task The_time_of_ones_own_appointment_is_still_looked_up()
    {
        var reply = await FirstMessages.ReplyAsync("what time is my appointment on friday");
        Assert.True(reply.Escalation is null && !reply.Text!.Contains("10 minutes early", StringComparison.Ordinal), FirstMessages.Show(reply));
        Assert.Contains(reply.ToolCalls, c => c.Name == "list_appointments");
    }

    [Theory]
    [InlineData("donde puedo estacionar en el aeropuerto")]
    [InlineData("que ropa me pongo para una boda")]
    public Task Another_places_parking_and_a_wedding_outfit_are_not_the_spas(string text) => FirstMessages.NeitherPassedOnNorActedOnAsync(text);
}
