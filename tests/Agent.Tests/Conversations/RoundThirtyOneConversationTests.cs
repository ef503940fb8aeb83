namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Round 31 of issue 12's understanding (the lead), written before the code from hand-written first messages of a front desk's
/// day (eval/probes/spa-life-round31.dev.txt and other wordings here): which day one's own appointment is on, aftercare asked
/// about another treatment, waxing, stress and sleep, a sore back, group events, changes to one's account, praise for a
/// provider, job seekers, lost things, a power cut, a superbill, an allergy, bare punctuation, and the same in Spanish.
/// Demo profile, Monday 2026-11-23 08:00 Los Angeles, SQLite.
/// </summary>
public sealed class RoundThirtyOneConversationTests
{
    // Which of two days one's own appointment is on is a look-up of their appointments (the number asked), not a new booking.
    [Theory]
    [InlineData("did i book for tuesday or wednesday")]
    [InlineData("was my facial tuesday or wednesday")]
    [InlineData("is my massage on friday or saturday?")]
    [InlineData("mi cita es el martes o el miercoles?")]
    public async Task Which_day_ones_appointment_is_on_is_looked_up(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.Contains(reply.ToolCalls, c => c.Name == "list_appointments");
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability" || Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // A treatment after an injectable (or the reverse) is aftercare: a clinician answers, however it is worded; never a menu.
    [Theory]
    [InlineData("can i get a massage after botox")]
    [InlineData("can i get a facial after filler")]
    [InlineData("can i get a massage the day after my botox")]
    [InlineData("puedo hacerme un masaje despues del botox")]
    public Task A_treatment_after_an_injectable_is_the_clinicians(string text) => FirstMessages.EscalatedAsAsync(text, "medical");

    // Waxing is not on this spa's menu, however it is asked (for men, brows, how long it lasts): said plainly, never the
    // answer about injectables' results and never "a great question" passed on.
    [Theory]
    [InlineData("how long does a wax last")]
    [InlineData("do you wax men")]
    [InlineData("do you wax eyebrows")]
    [InlineData("hacen depilacion con cera para hombres")]
    public async Task Waxing_is_said_to_be_not_offered(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.True(reply.Text!.Contains("isn't something we offer", StringComparison.Ordinal)
            || reply.Text.Contains("no es algo que ofrecemos", StringComparison.OrdinalIgnoreCase)
            || reply.Text.Contains("no lo ofrecemos", StringComparison.OrdinalIgnoreCase), FirstMessages.Show(reply));
        Assert.DoesNotContain("injector", reply.Text, StringComparison.OrdinalIgnoreCase);
    }

    // Stress or no sleep and a wish to relax is what a massage is for: the relaxing services, never the appointments'
    // look-up and never declined, in Spanish as in English.
    [Theory]
    [InlineData("i cant sleep and i need to relax")]
    [InlineData("havent slept in days i need to unwind")]
    [InlineData("estoy muy estresada")]
    [InlineData("ando super estresado necesito relajarme")]
    public async Task Stress_hears_the_relaxing_services(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null && (reply.Text!.Contains("Swedish", StringComparison.Ordinal) || reply.Text.Contains("sueco", StringComparison.Ordinal)), FirstMessages.Show(reply));
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "list_appointments" || Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // A back "killing" the person is an everyday ache (round 16 books a deep tissue for it): the massages to choose from,
    // never declined as off topic and nothing searched or written.
    [Theory]
    [InlineData("i need something for my back its killing me")]
    [InlineData("my back is killing me")]
    [InlineData("my neck is killing me")]
    public async Task A_back_killing_the_person_hears_the_massages(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null && reply.Text!.Contains("Massage", StringComparison.Ordinal), FirstMessages.Show(reply));
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability" || Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // A group event (a company's, a birthday party, the whole spa booked, a bachelorette of eight in Spanish, six friends): the
    // team arranges it; never declined.
    [Theory]
    [InlineData("corporate event for 20 people")]
    [InlineData("birthday party for 5 girls")]
    [InlineData("can i book the whole spa for a private event")]
    [InlineData("quiero reservar para una despedida de soltera de 8 personas")]
    [InlineData("somos 6 amigas queremos ir el sabado")]
    public Task A_group_event_is_the_teams(string text) => FirstMessages.EscalatedAsAsync(text, "human_request");

    // Changes to one's account (a card on file, a new number, a membership shared): the team's, never declined and never
    // the card policy read back as if it were the change.
    [Theory]
    [InlineData("take my card off file")]
    [InlineData("remove my credit card")]
    [InlineData("i changed my phone number")]
    [InlineData("i have a new number")]
    [InlineData("can i share my membership with my daughter")]
    [InlineData("cambie de numero de telefono")]
    public Task A_change_to_ones_account_is_the_teams(string text) => FirstMessages.EscalatedAsAsync(text, "human_request");

    // Praise for a provider is thanked and passed on, never declined as off-topic and never "you're welcome".
    [Theory]
    [InlineData("just wanted to say sarah is the best")]
    [InlineData("maya is amazing")]
    [InlineData("jordan did an amazing job yesterday")]
    [InlineData("priya es la mejor")]
    public async Task Praise_for_a_provider_is_thanked(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.DoesNotContain("I can only help", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("solo puedo ayudarle", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("You're very welcome", reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Escalation is null && (reply.Text!.Contains("kind words", StringComparison.Ordinal)
            || reply.Text.Contains("amables palabras", StringComparison.Ordinal)), FirstMessages.Show(reply));
        Assert.DoesNotContain(reply.ToolCalls, c => Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // Looking for work there is the team's: never the list of the spa's providers, never declined.
    [Theory]
    [InlineData("do you need any massage therapists")]
    [InlineData("looking for a job as an esthetician")]
    [InlineData("are you hiring")]
    [InlineData("estan contratando")]
    public Task Looking_for_work_is_the_teams(string text) => FirstMessages.EscalatedAsAsync(text, "human_request");

    // Something left behind is told to the team plainly: not "a great question".
    [Theory]
    [InlineData("i think i left my earrings in the locker room")]
    [InlineData("left my sunglasses there yesterday")]
    [InlineData("olvide mis lentes ahi")]
    public async Task Something_left_behind_is_told_to_the_team(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation?.Category == "human_request", FirstMessages.Show(reply));
        Assert.DoesNotContain("great question", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("buena pregunta", reply.Text, StringComparison.OrdinalIgnoreCase);
    }

    // Whether the spa is open through a power cut or a storm is for the team to say, not its usual hours and never declined.
    [Theory]
    [InlineData("the power is out are you still open")]
    [InlineData("is the spa open today with the storm")]
    [InlineData("are you open in the snow")]
    [InlineData("estan abiertos con la tormenta")]
    public Task Open_through_a_storm_is_the_teams(string text) => FirstMessages.EscalatedAsAsync(text, "human_request");

    // A superbill or a receipt for insurance: the team's.
    [Theory]
    [InlineData("can i get a superbill")]
    [InlineData("i need a receipt for my insurance")]
    public Task A_superbill_is_the_teams(string text) => FirstMessages.EscalatedAsAsync(text, "human_request");

    // An allergy asked about is the clinicians' however worded: never the doctor-or-pharmacist refusal for one wording and a
    // hand-over for another.
    [Theory]
    [InlineData("allergic to latex is that a problem")]
    [InlineData("i have a latex allergy")]
    [InlineData("im allergic to nuts do you use almond oil")]
    [InlineData("soy alergica a las nueces")]
    public Task An_allergy_is_the_clinicians(string text) => FirstMessages.EscalatedAsAsync(text, "medical");

    // Bare punctuation is not a request for something elsewhere: asked what they need, never declined or passed on.
    [Theory]
    [InlineData("?")]
    [InlineData("???")]
    [InlineData("?!")]
    public async Task Bare_punctuation_is_asked_what_is_needed(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.DoesNotContain("I can only help", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "answer_faq" || Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // Their neighbours elsewhere stay declined: a car waxed, a park's trails after a storm, a phone lost at home.
    [Theory]
    [InlineData("how do you wax a car")]
    [InlineData("are the trails at the state park open after the storm")]
    [InlineData("i left my phone somewhere in the house, ring it so i can find it")]
    public async Task Their_neighbours_elsewhere_stay_declined(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null && reply.Text!.Contains("I can only help", StringComparison.Ordinal), FirstMessages.Show(reply));
    }

    // A provider of a gender asked for, with no service or day: the profile does not say who is who, so the team takes it.
    [Theory]
    [InlineData("can i request a female therapist")]
    [InlineData("can i get a male therapist")]
    [InlineData("do u have a female therapist for deep tissue")]
    [InlineData("can i have a woman therapist please")]
    public async Task A_providers_gender_asked_for_is_the_teams(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation?.Category == "human_request", FirstMessages.Show(reply));
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability" || Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // Whether a treatment suits dark skin is a clinician's call, in Spanish as in English; never the description read out.
    [Theory]
    [InlineData("do you do laser on dark skin")]
    [InlineData("is ipl safe for darker skin tones")]
    [InlineData("hacen laser en piel morena")]
    public Task A_treatment_on_dark_skin_is_the_clinicians(string text) => FirstMessages.EscalatedAsAsync(text, "medical");
}
