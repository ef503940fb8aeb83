namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Round 32 of issue 12's understanding (the lead), written before the code from hand-written first messages of a front desk's
/// day (eval/probes/spa-life-round32.dev.txt and other wordings here): a fresh tattoo or a recent surgery before a treatment,
/// after-care worries, a charge of ours questioned, a caller checking the line, questions about the visit the FAQ does not
/// hold, the wrong business, texts no longer wanted, a provider's gender beside a service, and the same in Spanish.
/// Demo profile, Monday 2026-11-23 08:00 Los Angeles, SQLite.
/// </summary>
public sealed class RoundThirtyTwoConversationTests
{
    // A fresh tattoo, a recent operation or an organ taken out, said before a treatment, and a reaction after one: a clinician
    // answers whether it is safe, in Spanish as in English; never the menu, never "thanks for letting us know".
    [Theory]
    [InlineData("had my gallbladder out 3 weeks ago is a massage ok")]
    [InlineData("i had surgery 2 weeks ago")]
    [InlineData("im recovering from knee surgery, can i still do a deep tissue")]
    [InlineData("i have a new tattoo can i get a massage")]
    [InlineData("got a fresh tattoo on my back, is a massage ok")]
    [InlineData("my lashes are falling out after the lift")]
    [InlineData("tengo un tatuaje nuevo puedo recibir masaje")]
    [InlineData("me operaron hace 2 semanas")]
    [InlineData("me sacaron la vesicula hace un mes, puedo ir a un masaje")]
    [InlineData("me salieron granitos despues de la depilacion")]
    public Task A_recent_operation_or_a_fresh_tattoo_is_the_clinicians(string text) => FirstMessages.EscalatedAsAsync(text, "medical");

    // A charge of ours questioned (why, a no-show fee disputed): the team looks at the account, in either language; never the
    // policy recited back at a person who says they called.
    [Theory]
    [InlineData("why did you charge my card 50 dollars")]
    [InlineData("why was i charged $25??")]
    [InlineData("i was charged a no show fee but i called to cancel")]
    [InlineData("got charged a late cancel fee, i cancelled 2 days before")]
    [InlineData("me cobraron 50 dolares por que")]
    [InlineData("por que me cobraron si cancele a tiempo")]
    public Task A_charge_of_ours_questioned_goes_to_the_team(string text) => FirstMessages.EscalatedAsAsync(text, "sensitive");

    // Asked before anything happened, a charge is the policy's to answer (nothing passed on).
    [Theory]
    [InlineData("will i be charged if i cancel tomorrow")]
    [InlineData("me cobran si cancelo tarde?")]
    public Task A_charge_asked_about_beforehand_is_the_policy(string text) => FirstMessages.AnsweredWithAsync(text, "24");

    // A caller checking the line (voice slips "u"): the assistant says it is there; nothing passed on, looked up or refused.
    [Theory]
    [InlineData("can u hear me")]
    [InlineData("u there?")]
    [InlineData("hello?? can u hear me")]
    [InlineData("r u still there")]
    public async Task A_caller_checking_the_line_hears_the_assistant(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text, "voice");
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name is "check_availability" or "list_appointments" || Tools.SpaTools.WritingTools.Contains(c.Name));
        Assert.DoesNotContain("I can only help", reply.Text, StringComparison.Ordinal);
    }

    // A question about the visit that the spa's FAQ does not hold (a partner in the room, someone waiting, a review, a missing
    // confirmation, wine for a party, points, insurance, undressing): answered from the FAQ or noted for the team, never
    // declined as off topic and never "I didn't catch that".
    [Theory]
    [InlineData("can my boyfriend come in the room with me")]
    [InlineData("is it ok if my mom waits in the lobby")]
    [InlineData("where can i leave you guys a review")]
    [InlineData("i never got a confirmation text")]
    [InlineData("can you turn the music off during my massage")]
    [InlineData("can i bring wine for my bridal party")]
    [InlineData("how do i use my points")]
    [InlineData("do i have to undress completely")]
    [InlineData("aceptan seguro")]
    [InlineData("tengo que quitarme toda la ropa")]
    [InlineData("puede entrar mi esposo conmigo al cuarto")]
    public async Task A_visit_question_the_faq_lacks_is_not_declined(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.DoesNotContain("I can only help", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("solo puedo ayudarle", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("catch that", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name is "check_availability" || Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // Texts no longer wanted, said on the web chat or a call (by SMS the channel's opt-out words act first), or wanted on
    // another number: the team is told (they change it on the client's record); never declined, never "no worries".
    [Theory]
    [InlineData("stop texting me")]
    [InlineData("please dont text me anymore")]
    [InlineData("can you text my wife instead of me")]
    [InlineData("ya no me manden mensajes")]
    [InlineData("no me manden mas mensajes por favor")]
    public async Task Texts_no_longer_wanted_are_passed_to_the_team(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is not null, FirstMessages.Show(reply));
        Assert.DoesNotContain("I can only help", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("No se preocupe", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.ToolCalls, c => Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // The wrong business or "who is this": the spa's name, never "I can only help" to someone who is lost.
    [Theory]
    [InlineData("is this the nail place on main st")]
    [InlineData("is this the dentist")]
    [InlineData("quien es este")]
    [InlineData("quien habla?")]
    public async Task The_wrong_business_hears_whom_they_reached(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null && reply.Text!.Contains("Willow & Sage", StringComparison.Ordinal), FirstMessages.Show(reply));
        Assert.DoesNotContain("I can only help", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("solo puedo ayudarle", reply.Text, StringComparison.Ordinal);
    }

    // A booking said in shorthand (two people, a day and an hour; the earliest opening): which service is asked, never declined.
    [Theory]
    [InlineData("2 ppl sat 3pm")]
    [InlineData("whats the earliest u have")]
    [InlineData("earliest you got?")]
    public async Task A_booking_in_shorthand_asks_the_service(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.DoesNotContain("I can only help", reply.Text, StringComparison.Ordinal);
        Assert.Contains("service", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(reply.ToolCalls, c => Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // Booking for someone else and paying for it is an ordinary booking (round 31 keeps a guest's name), not a privacy matter.
    [Theory]
    [InlineData("can i book for someone else and pay for it")]
    [InlineData("can i book an appointment for my friend")]
    public async Task Booking_for_someone_else_is_not_a_privacy_matter(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.NotEqual("sensitive", reply.Escalation?.Category);
        Assert.DoesNotContain("only discuss your own", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.ToolCalls, c => Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // Nails said in Spanish with a day, written with the tilde: not on this spa's menu, said as English "nails" is. (Without the
    // tilde "unas para el sabado" is also "some for Saturday": left as it is.)
    [Theory]
    [InlineData("uñas para el sabado")]
    [InlineData("quiero hacerme las uñas el viernes")]
    [InlineData("nails for saturday")]
    public async Task Nails_with_a_day_are_not_on_the_menu(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.True(reply.Text!.Contains("isn't something we offer", StringComparison.Ordinal)
            || reply.Text.Contains("no lo ofrecemos", StringComparison.OrdinalIgnoreCase), FirstMessages.Show(reply));
    }

    // A provider's gender beside a service (rounds 15 and 18 book such openings): the openings with each provider's name, the
    // preference heard (said back), in Spanish as in English; never declined.
    [Theory]
    [InlineData("i'd prefer a male therapist for deep tissue")]
    [InlineData("i prefer a male therapist for the deep massage")]
    [InlineData("prefiero un terapeuta hombre para el masaje profundo")]
    public async Task A_providers_gender_beside_a_service_is_heard(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.Contains(reply.ToolCalls, c => c.Name == "check_availability");
        Assert.True(reply.Text!.Contains("name", StringComparison.Ordinal) || reply.Text.Contains("nombre", StringComparison.Ordinal), FirstMessages.Show(reply));
    }
}
