using System.Globalization;
using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Understanding;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Issue 12, round 22: the known issues of rounds 20 and 21 (tests/scenarios/people-round20.yaml, people-round21.yaml) and
/// round 22's people (tests/scenarios/people-round22.yaml). Written before the code. Demo profile, Monday 2026-11-23 08:00
/// Los Angeles.
/// </summary>
public sealed class RoundTwentyTwoTests
{
    private const string AvaPhone = "+14155551111";

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "(none)";

    private static Utterance Spanish(string text, DialogueState? state = null) =>
        Engine.Understand(text, History(state ?? new DialogueState { Language = "es" }), "es");

    private static DialogueState AskingForTheNumber() => new()
    {
        Language = "es", Task = DialogueTask.Book, ServiceId = "hydrafacial", Asked = AgentQuestion.Phone, ChosenSlotId = "s9",
        Offered = [new Offer("s9", "2026-11-28", "09:00", "Sofia Alvarez", "sábado 28 de noviembre a las 9 a. m. con Sofia")],
    };

    // 1. A first name and a surname written as one, right before the number, are a name, even when a word of it is also
    // Spanish ("vale", okay; "diaz", días). "vale" alone, or opening a sentence with no name after, is still okay.

    [Theory]
    [InlineData("Vale Ortiz 415 555 2131", "Vale Ortiz", "+14155552131")]
    [InlineData("Sara Diaz 415 555 2128", "Sara Diaz", "+14155552128")]
    [InlineData("Sara Diaz, 415-555-2128", "Sara Diaz", "+14155552128")]
    [InlineData("claro, Vale Ortiz 4155552131", "Vale Ortiz", "+14155552131")]
    public void A_name_written_before_the_number_is_a_name_even_when_it_is_a_spanish_word(string text, string name, string phone)
    {
        var u = Spanish(text, AskingForTheNumber());

        Assert.Equal(name, u.Name);
        Assert.Equal(phone, u.Phone);
    }

    [Theory]
    [InlineData("vale")]
    [InlineData("Vale, gracias")]
    [InlineData("vale si")]
    public void Vale_alone_or_opening_a_sentence_is_still_okay(string text)
    {
        Assert.Equal(YesNo.Yes, Spanish(text).YesNo);
    }

    // 2. "push tmrw's facial to fri same time": the appointment named by its day's possessive, the target after "to".

    [Theory]
    [InlineData("can u push tmrw's facial to fri same time")]
    [InlineData("move tomorrow's facial to friday pls")]
    [InlineData("could we push tuesday's facial to fri")]
    public void A_move_of_the_appointment_named_by_its_day_reads_where_it_goes(string text)
    {
        var u = Engine.Understand(text);

        Assert.Equal("2026-11-24", Day(u.MoveFrom?.Start));
        Assert.Equal("2026-11-27", Day(u.Date?.Range.Start));
    }

    // 3. A week said about something else ("la otra semana es la boda de mi hermana … el viernes") does not move the day.

    [Fact]
    public void A_week_said_about_something_else_does_not_move_the_day_asked_for()
    {
        var u = Spanish("hola buenas tardes, mire le escribo porque la otra semana es la boda de mi hermana y mi mama me dijo que aqui hacen "
            + "muy buenos faciales y la verdad he tenido una semana larguisima con el trabajo, entonces queria ver si tienen un hydrafacial el viernes en la mañana");

        Assert.Equal("2026-11-27", Day(u.Date?.Range.Start));
    }

    [Theory]
    [InlineData("sometime next week, preferably tuesday")]
    [InlineData("a facial next week, tuesday if you can")]
    public void Next_week_said_beside_the_day_still_moves_it(string text)
    {
        Assert.Equal("2026-12-01", Day(Engine.Understand(text).Date?.Range.Start));
    }

    // 4. "swedish, just the hour" answers both the kind and the length.

    [Theory]
    [InlineData("swedish, just the hour")]
    [InlineData("swedish, the hour")]
    [InlineData("the swedish, only the hour")]
    public async Task The_kind_and_the_hour_said_together_pick_the_60_minute_one(string text)
    {
        var asking = new DialogueState
        {
            Task = DialogueTask.Book, Asked = AgentQuestion.Service, DateStart = "2026-11-28", DateEnd = "2026-11-28",
            ServiceOptions = ["Swedish Massage (60 min)", "Swedish Massage (90 min)", "Deep Tissue Massage (60 min)", "Prenatal Massage (60 min)"],
        };

        var (_, state) = await AnswerAsync(asking, text);

        Assert.Equal("swedish-60", state.ServiceId);
    }

    [Fact]
    public void Within_the_hour_is_no_length()
    {
        Assert.DoesNotContain(60, Engine.Understand("can someone call me back within the hour").Cues.Minutes);
    }

    // 5. "the same time next friday too" after a booking: a second booking at that time, read back; "instead" is a move.

    [Theory]
    [InlineData("can u book me the same time next friday too?", true)]
    [InlineData("and the same time next friday as well", true)]
    [InlineData("can i also get another one same time next friday", true)]
    [InlineData("can u move it to the same time next friday instead?", false)]
    [InlineData("actually make it the same time next friday", false)]
    public void Too_also_another_one_mark_a_second_booking_not_a_move(string text, bool again)
    {
        Assert.Equal(again, Engine.Understand(text).Cues.SameAgain);
    }

    [Fact]
    public void Tambien_marks_a_second_booking_and_en_vez_a_move()
    {
        Assert.True(Spanish("me agendas tambien el otro viernes a la misma hora?").Cues.SameAgain);
        Assert.False(Spanish("mejor en vez de eso cambiala al otro viernes a la misma hora").Cues.SameAgain);
    }

    [Fact]
    public async Task The_same_time_next_friday_too_after_a_booking_is_a_second_booking_read_back_first()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_again", "sms", AvaPhone, "60 min swedish massage friday at 10", "the 10", "yes");
        var first = h.One(await h.BookedAsync());

        var readBack = (await h.TalkAsync("sms_again", "sms", AvaPhone, "can u book me the same time next friday too?"))[^1];
        Assert.Contains(readBack.ToolCalls, c => c.Name == "book_appointment" && c.Outcome == "needs_confirmation");
        Assert.Equal(first.Id, h.One(await h.BookedAsync()).Id);

        await h.TalkAsync("sms_again", "sms", AvaPhone, "yes");
        var booked = (await h.BookedAsync()).Select(a => h.Local(a).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(["2026-11-27 10:00", "2026-12-04 10:00"], booked);
    }

    // 6. "cancel both my appointments", "cancela las dos", "cancel all of them": both read back, both cancelled on one clear
    // yes; a no keeps both.

    [Theory]
    [InlineData("cancel both my appointments pls, im moving away", "en", true)]
    [InlineData("can you cancel all of them", "en", true)]
    [InlineData("cancela las dos porfa", "es", true)]
    [InlineData("cancel the two o'clock", "en", false)]
    [InlineData("both of us want massages", "en", false)]
    public void All_of_them_is_read_only_of_appointments(string text, string language, bool all)
    {
        var u = language == "es" ? Spanish(text) : Engine.Understand(text);

        Assert.Equal(all, u.Cues.AllOfThem);
    }

    [Fact]
    public async Task Cancel_both_reads_both_back_and_cancels_both_on_one_yes()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_both1", "sms", AvaPhone, "book me a hydrafacial on wednesday", "the first one", "yes");
        await h.TalkAsync("sms_both2", "sms", AvaPhone, "signature facial friday", "the first one", "yes");
        Assert.Equal(2, (await h.BookedAsync()).Count);

        var readBack = (await h.TalkAsync("sms_both3", "sms", AvaPhone, "cancel both my appointments pls"))[^1];
        Assert.Contains(readBack.ToolCalls, c => c.Name == "cancel_appointment" && c.Outcome == "needs_confirmation");
        Assert.Contains("HydraFacial", readBack.Text, StringComparison.Ordinal);
        Assert.Contains("Signature Facial", readBack.Text, StringComparison.Ordinal);
        Assert.Equal(2, (await h.BookedAsync()).Count);

        await h.TalkAsync("sms_both3", "sms", AvaPhone, "yes");
        Assert.Empty(await h.BookedAsync());
    }

    [Fact]
    public async Task Cancel_both_and_a_no_keeps_both()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_keep1", "sms", AvaPhone, "book me a hydrafacial on wednesday", "the first one", "yes");
        await h.TalkAsync("sms_keep2", "sms", AvaPhone, "signature facial friday", "the first one", "yes");

        await h.TalkAsync("sms_keep3", "sms", AvaPhone, "cancel both my appointments", "no wait keep them");

        Assert.Equal(2, (await h.BookedAsync()).Count);
    }

    // Round 22's people.

    // "perdon no el martes, el miercoles", "not tuesday, wednesday": the day after "no"/"not" is the one not meant.
    [Fact]
    public void The_day_after_no_is_the_one_not_meant_in_spanish()
    {
        Assert.Equal("2026-11-25", Day(Spanish("perdon no el martes, el miercoles").Date?.Range.Start));
    }

    [Theory]
    [InlineData("sorry not tuesday, wednesday")]
    [InlineData("no not on friday, saturday i meant")]
    public void The_day_after_not_is_the_one_not_meant(string text)
    {
        var u = Engine.Understand(text);

        Assert.NotNull(u.Date);
        Assert.NotEqual("2026-11-24", Day(u.Date.Range.Start));
        Assert.NotEqual("2026-11-27", Day(u.Date.Range.Start));
    }

    [Fact]
    public void A_day_after_no_with_no_other_day_is_kept()
    {
        Assert.Equal("2026-11-24", Day(Engine.Understand("do you have no tuesday openings?").Date?.Range.Start));
    }

    // "me pueden llamar porfa?": a call back asked, for the team, as in English.
    [Theory]
    [InlineData("me pueden llamar porfa? es mas facil hablar")]
    [InlineData("me podrian llamar por favor")]
    public Task A_call_back_asked_in_spanish_goes_to_the_team(string text)
        => FirstMessages.EscalatedAsAsync(text, "human_request");

    // "sí, esa" to an offer led by the exact time asked for: that time, read back (a bare "sí" still asks which).
    [Theory]
    [InlineData("sí, esa", "es")]
    [InlineData("yes that one", "en")]
    [InlineData("yeah that", "en")]
    public void A_yes_that_points_at_one_takes_the_time_asked_for(string text, string language)
    {
        var offering = Offering(near: "10:00");
        offering.Language = language;

        var (_, rule) = Step(offering, text);

        Assert.Equal(PolicyAction.ChooseAskedTime, rule.Then);
    }

    [Theory]
    [InlineData("sí")]
    [InlineData("yes")]
    public void A_bare_yes_to_several_times_takes_none(string text)
    {
        var (_, rule) = Step(Offering(near: "10:00"), text);

        Assert.NotEqual(PolicyAction.ChooseAskedTime, rule.Then);
    }

    [Fact]
    public void A_yes_that_one_with_no_time_asked_takes_none()
    {
        var (_, rule) = Step(Offering(), "yes that one");

        Assert.NotEqual(PolicyAction.ChooseAskedTime, rule.Then);
    }

    // "mi masaje del viernes me lo puedes pasar al sabado a la misma hora?": a move, not the couples question.
    [Fact]
    public void Me_lo_puedes_pasar_al_sabado_is_a_move_of_fridays_appointment()
    {
        var u = Spanish("hola, mi masaje del viernes me lo puedes pasar al sabado a la misma hora?");

        Assert.Equal(Intent.Reschedule, u.Intent);
        Assert.Equal("2026-11-27", Day(u.MoveFrom?.Start));
        Assert.Equal("2026-11-28", Day(u.Date?.Range.Start));
        Assert.True(u.SameTime);
    }
}
