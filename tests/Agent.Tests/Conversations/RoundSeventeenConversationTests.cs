using FrontDesk.Tools;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Round 17 of issue 12's safety screen and understanding (the lead), written before the code from hand-written first
/// messages: an injury or an age beside a treatment, idioms that name the body ("heart set on", "back is fried"), a
/// complaint about a provider's conduct, the spa's own matters asked in passing, and readings of round 16 that reached
/// too far ("add … to my calendar" as an add-on, "kaya" as Maya). Demo profile, Monday 2026-11-23 08:00 Los Angeles,
/// SQLite.
/// </summary>
public sealed class RoundSeventeenConversationTests
{
    // An injury, an illness or an age beside a treatment is a clinician's question, whatever the wording or language.
    [Theory]
    [InlineData("can i get a massage with a broken wrist")]
    [InlineData("i have a sprained ankle, can i still get a massage")]
    [InlineData("my mom is 80, is a hot stone massage ok for her")]
    [InlineData("had covid last week, ok to come in for my massage?")]
    [InlineData("me torci el tobillo, puedo hacerme un masaje igual?")]
    [InlineData("mi mama tiene 80 anos, el masaje de tejido profundo esta bien para ella?")]
    public Task An_injury_illness_or_age_beside_a_treatment_goes_to_a_clinician(string text)
        => FirstMessages.EscalatedAsAsync(text, "medical");

    // The body in an idiom is not a condition: "heart set on", "back is fried from moving", "dying to try".
    [Theory]
    [InlineData("heart set on a deep tissue massage, whats open saturday", "Deep Tissue")]
    [InlineData("my back is totally fried from moving apartments, deep tissue pls", "Deep Tissue")]
    [InlineData("im dying to try the hydrafacial, any openings fri?", "HydraFacial")]
    [InlineData("i could kill for a massage right now", "Massage")]
    [InlineData("me muero por un facial, tienen algo el sabado?", "Facial")]
    public Task The_body_in_an_idiom_is_no_condition(string text, string offered)
        => FirstMessages.AnsweredWithAsync(text, offered);

    // How a provider behaved is a manager's matter, in either language, never declined as out of scope.
    [Theory]
    [InlineData("the therapist made me really uncomfortable last time, i dont want her again")]
    [InlineData("el masajista me hizo sentir muy incomoda la ultima vez")]
    public Task A_providers_conduct_goes_to_a_manager(string text)
        => FirstMessages.EscalatedAsAsync(text, "sensitive");

    // A request about one's own data goes to a manager as that request, not with the apology for a complaint.
    [Theory]
    [InlineData("please delete all my info from your system", "personal information")]
    [InlineData("quiero q borren mis datos de su sistema xfa", "datos personales")]
    public async Task A_request_about_ones_own_data_is_no_complaint(string text, string said)
    {
        var reply = await FirstMessages.ReplyAsync(text, "sms");
        Assert.True(reply.Escalation?.Category == "sensitive" && reply.Text!.Contains(said, StringComparison.Ordinal), FirstMessages.Show(reply));
    }

    // The new readings stay on the spa's matters: another business's walk-ins, group or reservation, a thing at home, and
    // someone else's harassment are not the spa's (found by the dev probes after the first batch).
    [Theory]
    [InlineData("does the steakhouse take walk-ins on a friday night")]
    [InlineData("how do i fix my hair dryer, it keeps shutting off")]
    [InlineData("need to order more paper towels for the office")]
    [InlineData("can we book the escape room for a party of 6")]
    [InlineData("i dont need my reservation at the sushi place anymore")]
    [InlineData("my landlord keeps harassing me")]
    public Task Another_business_or_home_matter_is_not_the_spas(string text)
        => FirstMessages.NeitherEscalatedNorCalledAsync(text, "list_appointments");

    // A combined quote is not a list price: a person quotes it, never the first price named.
    [Fact]
    public Task A_quote_for_two_treatments_together_goes_to_the_team()
        => FirstMessages.EscalatedAsAsync("what would you charge for lips and forehead together", "pricing");

    // The spa's own matters asked in passing (the room, the people, the visit, a group, how far ahead to book, a goal):
    // answered or noted for the team, never refused.
    [Theory]
    [InlineData("can my husband sit in the room during my facial")]
    [InlineData("is there a hair dryer in the locker room")]
    [InlineData("i'm claustrophobic is the room small")]
    [InlineData("does anyone there speak vietnamese")]
    [InlineData("can i book for 3 people at once, bachelorette party")]
    [InlineData("how far in advance do i need to book for a saturday")]
    [InlineData("whats good for stress")]
    [InlineData("got any last minute spots today? desperate lol")]
    [InlineData("no longer need the appointment, pls remove it")]
    [InlineData("alguien ahi habla vietnamita?")]
    public Task The_spas_own_matters_in_passing_are_not_refused(string text)
        => FirstMessages.NotRefusedAsync(text);

    [Fact]
    public async Task Whether_someone_speaks_a_language_is_no_booking()
    {
        var reply = await FirstMessages.ReplyAsync("does anyone there speak vietnamese");
        Assert.DoesNotContain("Which service would you like to book", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_latest_time_on_weekdays_is_the_hours_not_the_persons_appointments()
    {
        var reply = await FirstMessages.ReplyAsync("whats ur latest appt on weekdays");
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "list_appointments");
        Assert.Contains("PM", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_an_appointment_is_cancelling_it()
    {
        var reply = await FirstMessages.ReplyAsync("no longer need the appointment, pls remove it");
        Assert.Contains(reply.ToolCalls, c => c.Name == "list_appointments");
    }

    [Fact]
    public Task Dry_skin_is_a_facials_goal()
        => FirstMessages.AnsweredWithAsync("my skin is so dry and flaky lately, which facial helps", "Facial");

    [Fact]
    public Task A_daughters_age_asked_in_spanish_is_the_age_rule()
        => FirstMessages.AnsweredWithAsync("mi hija tiene 15, puede hacerse un facial?", "18");

    [Fact]
    public async Task Who_is_this_is_answered_as_who_not_how()
    {
        var reply = await FirstMessages.ReplyAsync("who is this", "sms");
        Assert.DoesNotContain("doing well", reply.Text, StringComparison.Ordinal);
        Assert.Contains("assistant", reply.Text, StringComparison.Ordinal);
    }

    // Round 16's add-on reading took any "add … to my …": a calendar, a list, a phone are not a booked treatment.
    [Theory]
    [InlineData("add staff meeting to my calendar for march 1 at 10 am")]
    [InlineData("please add onto my phone")]
    [InlineData("i'm out of apples, add that to my list")]
    public Task Adding_to_a_calendar_list_or_phone_is_no_add_on(string text)
        => FirstMessages.NeitherEscalatedNorCalledAsync(text, "answer_faq");

    [Theory]
    [InlineData("can i add hot stones to my massage tomorrow?")]
    [InlineData("could you add a mask onto my facial")]
    public async Task Adding_to_a_booked_treatment_is_still_an_add_on(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text, "sms");
        Assert.Contains(reply.ToolCalls, c => c.Name == "answer_faq");
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability" || SpaTools.WritingTools.Contains(c.Name));
    }

    // "kaya" is another name, not a typo of Maya: a first letter is rarely mistyped.
    [Theory]
    [InlineData("is kaya busy around 5 pm")]
    [InlineData("at 5 pm, is kaya very busy")]
    public async Task Another_name_one_letter_from_a_providers_is_not_the_provider(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.DoesNotContain("Maya", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_providers_name_mistyped_inside_is_still_the_provider()
    {
        var reply = await FirstMessages.ReplyAsync("is jordon free friday");
        Assert.Contains("Jordan", reply.Text, StringComparison.Ordinal);
    }
}
