using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Understanding;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Issue 12, round 21: round 20's known issues (tests/scenarios/people-round20.yaml) and round 21's people
/// (tests/scenarios/people-round21.yaml). Written before the code. Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundTwentyOneTests
{
    private static DialogueState ReadingBack(string language = "en") => new()
    {
        Language = language, Task = DialogueTask.Book, ServiceId = "hydrafacial", Asked = AgentQuestion.Confirmation, PendingTool = "book_appointment",
        PendingArgs = "{}", ChosenSlotId = "s9", Name = "Kim Tran", Phone = "+14155552003",
        Offered = [new Offer("s9", "2026-11-25", "09:00", "Priya Patel", "Wednesday at 9 AM with Priya")],
    };

    // 6. A no taken back by a repeated, clear yes: the yes is the answer. A yes taken back by a no stays a no; a single
    // yes after "no wait", or a mix, is no yes.

    [Theory]
    [InlineData("uh no wait... yes, yes book it")]
    [InlineData("no no wait, yes yes please book it")]
    [InlineData("no wait, yes, go ahead and book it")]
    [InlineData("nah wait actually yes yes")]
    [InlineData("no espera... si, si, agendala")]
    public void A_no_taken_back_by_a_repeated_clear_yes_is_a_yes(string text)
    {
        Assert.Equal(YesNo.Yes, YesNoClassifier.Classify(text).Answer);
    }

    [Theory]
    [InlineData("yes... no wait")]
    [InlineData("yes yes... no wait, no")]
    [InlineData("no wait")]
    [InlineData("no wait yes")]
    [InlineData("no wait, yes no")]
    [InlineData("no wait yes maybe")]
    [InlineData("no wait yes but what time was it")]
    public void A_yes_taken_back_or_an_unclear_mix_is_no_yes(string text)
    {
        Assert.NotEqual(YesNo.Yes, YesNoClassifier.Classify(text).Answer);
    }

    [Fact]
    public void At_a_read_back_no_wait_yes_yes_book_it_confirms()
    {
        var (reading, _) = Step(ReadingBack(), "uh no wait... yes, yes book it");

        Assert.Equal(ReadBackAnswer.Yes, reading.ReadBack);
    }

    [Theory]
    [InlineData("yes... no wait")]
    [InlineData("no wait yes")]
    public void At_a_read_back_a_yes_taken_back_or_a_single_yes_after_no_wait_books_nothing(string text)
    {
        var (reading, _) = Step(ReadingBack(), text);

        Assert.NotEqual(ReadBackAnswer.Yes, reading.ReadBack);
    }

    // 9. A charge of ours disputed is the same category in both languages: sensitive, for a manager.

    [Theory]
    [InlineData("you guys charged my card twice for saturday's massage!! i want one of them refunded")]
    [InlineData("i got double charged for my facial")]
    [InlineData("you charged me two times for the same hydrafacial")]
    [InlineData("me cobraron dos veces el masaje del sabado, quiero que me regresen uno")]
    [InlineData("oigan me hicieron un cobro doble por el facial")]
    public Task A_charge_of_ours_disputed_is_sensitive_in_both_languages(string text)
        => FirstMessages.EscalatedAsAsync(text, "sensitive");

    [Theory]
    [InlineData("can i get a refund for my facial")]
    [InlineData("quiero un reembolso")]
    public Task A_refund_asked_alone_is_still_pricing(string text)
        => FirstMessages.EscalatedAsAsync(text, "pricing");

    // 5. Outside, arrived: told where to go and the team told; never declined as off-topic nor a booking started.

    [Theory]
    [InlineData("hi im outside, do i just come in?")]
    [InlineData("im here for my 10 oclock, do i come up?")]
    [InlineData("just pulled up, im in the parking lot. where do i go")]
    [InlineData("hey i'm downstairs")]
    public async Task Arrived_is_told_to_check_in_and_the_team_is_told(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text, "sms");

        Assert.True(reply.Escalation?.Category == "human_request", FirstMessages.Show(reply));
        Assert.Contains("front desk", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name is "check_availability" || Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    [Theory]
    [InlineData("im outside the office so i cant talk, whats the weather like")]
    [InlineData("how do i come in to work on time every day")]
    public async Task Outside_or_coming_in_somewhere_else_is_not_an_arrival(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);

        Assert.DoesNotContain("front desk", reply.Text, StringComparison.OrdinalIgnoreCase);
    }

    // 7. The gift card entry said to a question that did not name it: the answer says what it is about, in Spanish too.

    [Theory]
    [InlineData("quiero regalarle un masaje a mi mamá por su cumpleaños, como le hago?", "tarjeta")]
    [InlineData("how do i gift my mom a massage for her birthday?", "gift card")]
    public async Task A_gift_asked_in_other_words_gets_an_answer_that_names_gift_cards(string text, string named)
    {
        var reply = await FirstMessages.ReplyAsync(text);

        Assert.Contains(named, reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability");
    }

    [Fact]
    public async Task A_yes_no_gift_card_question_is_answered_plainly()
    {
        var reply = await FirstMessages.ReplyAsync("do you sell gift cards?");

        Assert.StartsWith("Yes", reply.Text, StringComparison.Ordinal);
    }

    // 8. A treatment wondered about in passing ("i was wondering about lips"): the service described as listed, with the
    // consultation it needs; no note for the team, nothing booked, no medical advice.

    [Theory]
    [InlineData("hi i'm 19 and i was wondering about lips", "voice")]
    [InlineData("i was wondering about lips", "web")]
    [InlineData("curious about lip injections", "sms")]
    public async Task A_treatment_wondered_about_is_described_with_its_consultation(string text, string channel)
    {
        var reply = await FirstMessages.ReplyAsync(text, channel);

        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.Contains("Lip Filler", reply.Text, StringComparison.Ordinal);
        Assert.Contains("consultation", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability" || Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    [Fact]
    public async Task A_treatment_wondered_about_by_someone_under_its_age_says_the_age()
    {
        var reply = await FirstMessages.ReplyAsync("hi i'm 19 and i was wondering about lips", "voice");

        Assert.Contains("21", reply.Text, StringComparison.Ordinal);
    }

    // 2. "cancel tuesday's and put me on friday": a move of Tuesday's appointment to Friday (read back; done only on a yes).

    [Theory]
    [InlineData("cancela la del martes y ponme el viernes porfa")]
    [InlineData("cancel tuesday's and put me on friday instead")]
    [InlineData("cancel my tuesday one and put me in friday")]
    public async Task Cancel_one_day_and_put_me_on_another_is_a_move(string text)
    {
        var language = text.StartsWith("cancela", StringComparison.Ordinal) ? "es" : "en";
        var u = Engine.Understand(text, History(new DialogueState { Language = language }), language);
        var (_, state) = await AnswerAsync(new DialogueState { Language = language }, text);

        Assert.True(state.Task == DialogueTask.Reschedule, u.Intent + " " + u.Text + " " + u.Date?.Range + " " + u.MoveFrom);
        Assert.Equal("2026-11-24", state.MoveFromStart);
        Assert.Equal("2026-11-27", state.DateStart);
    }

    // 1. A booking asked beside a cancel ("and book me a massage saturday instead"): kept, taken up once the cancel is done.

    [Theory]
    [InlineData("hey can you cancel my friday and book me a massage saturday instead", "2026-11-28")]
    [InlineData("cancela mi cita del viernes y agéndame un masaje el sábado", "2026-11-28")]
    public async Task A_booking_asked_beside_a_cancel_is_kept_for_after_it(string text, string day)
    {
        var language = text.StartsWith("cancela", StringComparison.Ordinal) ? "es" : "en";
        var u = Engine.Understand(text, History(new DialogueState { Language = language }), language);
        var (_, state) = await AnswerAsync(new DialogueState { Language = language }, text);

        Assert.True(state.Task == DialogueTask.Cancel && state.ThenBook is not null, u.Intent + " " + u.Text + " " + u.Date?.Range);
        var later = Engine.Understand(state.ThenBook!, History(new DialogueState()));
        Assert.Equal(day, later.Date?.Range.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEqual(ServiceMatchKind.None, later.Services.Kind);
    }

    // Round 21's people: texting shorthand the parsers did not spell, and arriving said in Spanish.

    [Theory]
    [InlineData("can i get a deep tissue tmrw aftr 5", "2026-11-24", "17:00")]
    [InlineData("swedish 60 nxt wk tues", "2026-12-01", null)]
    public void Texting_shorthand_is_read(string text, string day, string? after)
    {
        var u = Engine.Understand(text);

        Assert.Equal(day, u.Date?.Range.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (after is not null)
        {
            Assert.Equal(after, u.Time?.From?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Manana_misspelled_is_tomorrow()
    {
        var u = Engine.Understand("kiero un masaje sueco de 60 mañna en la tarde", History(new DialogueState { Language = "es" }), "es");

        Assert.Equal("2026-11-24", u.Date?.Range.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Arrived_said_in_spanish_is_told_to_check_in()
    {
        var reply = await FirstMessages.ReplyAsync("ya llegue, estoy afuera, entro?", "sms");

        Assert.True(reply.Escalation?.Category == "human_request", FirstMessages.Show(reply));
        Assert.DoesNotContain("solo puedo ayudar", reply.Text, StringComparison.Ordinal);
    }
}
