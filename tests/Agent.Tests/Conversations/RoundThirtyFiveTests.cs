using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Issue 12, round 35 (tests/scenarios/people-round35.yaml): a cancellation taken back later than the next message, after other
/// talk ("actually wait, can i keep my appointment after all?", "al final sí quiero mi cita del viernes"); round 34's known issue
/// (two people, "swedish 90 and the signature one"); a move to someone else at the same time; fillers before a yes on a call;
/// contact details corrected in Spanish and by the number's end; three people named one by one. Whole conversations through
/// the real engine and SQLite store, and the understanding's own readings. Written before the code.
/// Demo profile, Monday 2026-11-23 08:00 Los Angeles: on Fridays Maya at Mission 9–5, Priya at Mission 9–3, Sofia at the
/// Marina 10–6.
/// </summary>
public sealed class RoundThirtyFiveTests
{
    private const string AvaPhone = "+14155551111";
    private const string BenPhone = "+14155552222";

    private static string Text(AgentReply reply) => reply.Text ?? "";

    // 1. A cancellation taken back later, after a question answered.

    [Theory]
    [InlineData("cancel my hydrafacial friday", "yes", "ok thanks. what time do you close on saturday?", "actually wait, can i keep my appointment after all?", "yes")]
    [InlineData("cancel my hydrafacial friday", "yes", "ok thank you. is there parking near you?", "um actually no, i'd like to keep friday's facial", "yes")]
    [InlineData("cancela mi hydrafacial del viernes", "sí", "gracias. ¿a qué hora cierran el sábado?", "oye, al final sí quiero mi cita del viernes", "sí")]
    [InlineData("cancela mi hydrafacial del viernes", "sí", "vale. ¿tienen estacionamiento?", "mmm sabe qué, mejor sí me quedo con mi cita", "sí")]
    public async Task A_cancel_taken_back_after_other_talk_is_read_back_and_booked_again_on_the_yes(string cancel, string yes, string talk, string takeBack, string yesAgain)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_a0", "sms", BenPhone, "hydrafacial with sofia friday at 11", "11", "yes");
        await h.TalkAsync("sms_a1", "sms", BenPhone, cancel, yes, talk);
        Assert.Empty(await h.BookedLinesAsync());

        var readBack = await h.TalkAsync("sms_a1", "sms", BenPhone, takeBack);

        Assert.True(AgentHarness.ReadBack(readBack), h.Said);
        Assert.Matches("11", Text(readBack[^1]));
        Assert.Empty(await h.BookedLinesAsync());
        await h.TalkAsync("sms_a1", "sms", BenPhone, yesAgain);
        Assert.Equal(["hydrafacial sofia 2026-11-27 11:00"], await h.BookedLinesAsync());
    }

    [Fact]
    public async Task A_cancel_taken_back_after_something_else_was_booked_is_not_read_as_the_cancel()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_b0", "sms", BenPhone, "hydrafacial with sofia friday at 11", "11", "yes");
        await h.TalkAsync("sms_b1", "sms", BenPhone, "cancel my hydrafacial friday", "yes", "book me a swedish 60 saturday at 10", "10", "yes");
        Assert.Equal(["swedish-60 2026-11-28 10:00"], await h.BookedLinesAsync(withStaff: false), StringComparer.Ordinal);

        var replies = await h.TalkAsync("sms_b1", "sms", BenPhone, "great, can i keep my appointment after all?");

        Assert.DoesNotContain(replies, r => AgentHarness.ReadBack([r]) && Text(r).Contains("HydraFacial", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["swedish-60 2026-11-28 10:00"], await h.BookedLinesAsync(withStaff: false), StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("can i keep my appointment after all?", true)]
    [InlineData("oh. hmm. can i just keep the saturday one then?", true)]
    [InlineData("ugh changed my mind, can i have my appointment back?", true)]
    [InlineData("oye, al final sí quiero mi cita del jueves", true)]
    [InlineData("mejor sí me quedo con mi cita del martes", true)]
    [InlineData("ok keep it", false)]
    [InlineData("actually leave it cancelled", false)]
    [InlineData("what time do you close on saturday?", false)]
    public void A_cancel_taken_back_later_is_read_only_in_words_that_name_the_appointment(string text, bool takesBack) =>
        Assert.Equal(takesBack, Embedded.DialogueTracker.TakesCancelBackLater(text));

    // 2. Round 34's known issue: both people's services in one answer, the other person's by the first word of its name.

    [Fact]
    public async Task Me_a_massage_and_my_sister_a_facial_then_swedish_90_and_the_signature_one_books_both()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("sms_c0", "sms", BenPhone, "me a massage and my sister a facial friday at 11 same time",
            "swedish 90 and the signature one", "11", "shes called Rita", "yes");

        var booked = await h.BookedLinesAsync(withStaff: false);
        Assert.Equal(["signature-facial 2026-11-27 11:00", "swedish-90 2026-11-27 11:00"], booked, StringComparer.Ordinal);
        Assert.Contains(replies, r => Text(r).Contains("Rita", StringComparison.Ordinal));
    }

    // 3. A move to someone else at the same time: the appointment's own provider left out.

    [Theory]
    [InlineData("hey can i do my friday facial with someone else? same time is fine", "yes")]
    [InlineData("¿puedo pasar mi facial del viernes con otra persona? a la misma hora", "sí")]
    public async Task A_move_to_someone_else_at_the_same_time_leaves_the_own_provider_out(string move, string yes)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_d0", "sms", BenPhone, "hydrafacial with sofia friday at 11", "11", "yes");

        await h.TalkAsync("sms_d1", "sms", BenPhone, move, yes);

        Assert.Equal(["hydrafacial priya 2026-11-27 11:00"], await h.BookedLinesAsync());
    }

    // 4. Fillers before the answer on a call; a bare sound is no answer. The classifier reads the message as read into English
    // ("mmm sí, esa está bien" reaches it as "mmm yes, that one is fine"); the Spanish is checked whole in the scenarios.

    [Theory]
    [InlineData("uh, one sec... yeah ok", YesNo.Yes)]
    [InlineData("mmm yes, that one is fine", YesNo.Yes)]
    [InlineData("eh... yes", YesNo.Yes)]
    [InlineData("let me see... yeah that works", YesNo.Yes)]
    [InlineData("mm", YesNo.Unknown)]
    [InlineData("one sec", YesNo.Unknown)]
    [InlineData("hold on... no", YesNo.No)]
    public void A_filler_or_a_moment_asked_before_the_answer_is_no_answer_itself(string text, YesNo expected) =>
        Assert.Equal(expected, YesNoClassifier.Classify(text).Answer);

    // 5. A number corrected in Spanish and by its end.

    [Theory]
    [InlineData("perdón, es 0184 no 0148", "0184", "0148")]
    [InlineData("no 0148, es 0184", "0184", "0148")]
    [InlineData("oh sorry, the last part is zero one one three", "0113", "")]
    [InlineData("los últimos cuatro son 0113", "0113", "")]
    public void A_number_corrected_in_spanish_or_by_its_end_is_read(string text, string right, string wrong) =>
        Assert.Equal((right, wrong), ReplyCues.DigitsCorrected(text));

    // 6. Three people named one by one.

    [Theory]
    [InlineData("hydrafacials saturday for me, my mom and my sister")]
    [InlineData("hydrafacial el sábado para mí, mi mamá y mi hermana")]
    public async Task Three_people_named_one_by_one_are_booked_one_after_another(string first)
    {
        await using var h = await AgentHarness.StartAsync();

        await h.TalkAsync("sms_f0", "sms", AvaPhone, first, "1", "yes", "1", "yes", "1", "yes");

        var booked = await h.BookedLinesAsync(withStaff: false);
        Assert.Equal(3, booked.Count);
        Assert.All(booked, line => Assert.StartsWith("hydrafacial 2026-11-28", line, StringComparison.Ordinal));
    }
}
