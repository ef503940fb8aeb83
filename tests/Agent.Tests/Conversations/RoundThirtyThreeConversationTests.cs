namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Round 33 of issue 12's understanding (the lead), written before the code from hand-written first messages of a front desk's
/// day (eval/probes/spa-day-round33.dev.txt and other wordings here): a change of vision after an injectable, a visit
/// complained about in other words than "complaint", a condition named beside a treatment (in English as in Spanish),
/// Spanglish verbs for a move or a look at the book, the spa's hours asked as "the latest appointment" or "before work",
/// questions about paying, gift cards, access and comfort the FAQ does not hold, and sellers.
/// Demo profile, Monday 2026-11-23 08:00 Los Angeles, SQLite.
/// </summary>
public sealed class RoundThirtyThreeConversationTests
{
    // A change of vision after an injectable (a blocked vessel or worse): emergency guidance at once, in either language.
    [Theory]
    [InlineData("my eye is blurry since the botox yesterday")]
    [InlineData("everything looks blurry out of my left eye after the filler")]
    [InlineData("my vision got fuzzy after my lip filler")]
    [InlineData("tengo la vista borrosa desde el botox de ayer")]
    [InlineData("se me nubló el ojo despues del relleno")]
    public Task A_change_of_vision_after_an_injectable_is_an_emergency(string text) => FirstMessages.EscalatedAsAsync(text, "emergency");

    // A visit of ours that went wrong, said without the word "complaint" (cut short, a cold room, nobody came): the manager, in
    // either language; never "I can only help", never the menu.
    [Theory]
    [InlineData("my massage was cut 15 min short and i paid for the full hour")]
    [InlineData("the room was freezing and nobody gave me a blanket")]
    [InlineData("my facial got cut short by like 20 minutes")]
    [InlineData("i waited 30 minutes past my appointment time and nobody came to get me")]
    [InlineData("mi masaje duró 15 minutos menos y pagué la hora completa")]
    [InlineData("el cuarto estaba helado y nadie me dio una cobija")]
    public Task A_visit_that_went_wrong_goes_to_the_manager(string text) => FirstMessages.EscalatedAsAsync(text, "sensitive");

    // A condition named beside a treatment (diabetes and a pedicure): a clinician, in English as it already is in Spanish — the
    // language never decides where a health question goes.
    [Theory]
    [InlineData("diabetic here, any problem with a pedicure")]
    [InlineData("im diabetic is a massage ok for me")]
    [InlineData("soy diabetica hay problema con el pedicure")]
    public Task A_condition_beside_a_treatment_is_the_clinicians(string text) => FirstMessages.EscalatedAsAsync(text, "medical");

    // A move said with a Spanglish verb ("reschedulear", "reagendar", "cambiarme la cita"): the person's appointments are looked
    // up (the number verified first), never a new booking's menu.
    [Theory]
    [InlineData("me puedes reschedulear el masaje para el lunes")]
    [InlineData("necesito reschedulear mi cita del viernes")]
    [InlineData("quiero reagendar mi facial")]
    public async Task A_move_said_in_spanglish_looks_up_the_appointment(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.Contains(reply.ToolCalls, c => c.Name is "list_appointments" or "find_client");
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability" || Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // A look at the book in Spanglish ("checar si tienen espacio el weekend"): which service, never declined.
    [Theory]
    [InlineData("quiero checar si tienen espacio el weekend")]
    [InlineData("tienen espacio este weekend?")]
    public async Task A_look_at_the_book_asks_the_service(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.DoesNotContain("I can only help", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("solo puedo ayudarle", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name is "list_appointments" || Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // The spa's hours asked as its latest appointment or an early start: the hours or the openings, never a look at the
    // person's own appointments (which asks for their number) nor the arrival advice.
    [Theory]
    [InlineData("whats your latest appointment on fridays")]
    [InlineData("what's the last appointment you have on saturdays")]
    [InlineData("can i come in before work like 7am")]
    public async Task The_spas_hours_asked_another_way_are_not_the_persons_appointments(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name is "list_appointments" or "find_client" || Tools.SpaTools.WritingTools.Contains(c.Name));
        Assert.DoesNotContain("arrive 10 minutes early", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("I can only help", reply.Text, StringComparison.Ordinal);
    }

    // Paying, gift cards, access and comfort the FAQ does not hold, a company's wellness day, a seller asking for the buyer:
    // answered from the FAQ or noted for the team; never declined, never a booking started.
    [Theory]
    [InlineData("can we split the payment between 2 cards")]
    [InlineData("my gift card says it expired last month")]
    [InlineData("im deaf, can we just text instead of calling")]
    [InlineData("i dont like strong scents, can you skip the oils")]
    [InlineData("i dont want to talk during my massage, can i tell the therapist")]
    [InlineData("do you do corporate wellness days for like 20 people")]
    [InlineData("hi, im from glow skincare supplies, who handles your product ordering")]
    [InlineData("we sell towels and robes wholesale, who can i talk to")]
    [InlineData("mi tarjeta de regalo dice que ya venció")]
    [InlineData("no me gustan los olores fuertes, pueden no usar aceites")]
    public async Task A_visit_or_business_question_the_faq_lacks_is_not_declined(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.DoesNotContain("I can only help", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("solo puedo ayudarle", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Which one would you like", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability" || Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // An age said by the person beside a treatment ("if im 16", "im 17 can i book a facial", "tengo 16 años puedo hacerme un
    // facial"): the age policy (under 18 with a parent or guardian), as "my daughter is 14" already gets; never the menu alone.
    [Theory]
    [InlineData("can i get a massage if im 16")]
    [InlineData("im 17 can i book a facial")]
    [InlineData("tengo 16 años puedo hacerme un facial")]
    public Task An_age_beside_a_treatment_gets_the_age_policy(string text) => FirstMessages.AnsweredWithAsync(text, "18");
}
