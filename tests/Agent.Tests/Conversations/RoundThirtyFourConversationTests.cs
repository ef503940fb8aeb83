using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Round 34 of issue 12's understanding (the lead), written before the code from hand-written first messages as they are
/// said on a call or typed in a hurry (eval/probes/spa-voice-round34.dev.txt and other wordings here): the hours one works
/// said to show when one is free, "am i still on", a caller who does not speak English, a wish about scents, prices of what
/// the spa does not offer, standing appointments, a confirmation that never came, an earlier talk the assistant cannot see,
/// a booking for someone else as a surprise, the pace asked in Spanish. English and Spanish side by side.
/// Demo profile, Monday 2026-11-23 08:00 Los Angeles, SQLite.
/// </summary>
public sealed class RoundThirtyFourConversationTests
{
    private static TimeOnly T(int hour, int minute = 0) => new(hour, minute);

    // The hours one works, said to show when one is free: the end of work is the earliest start ("till 5" is not "before 5").
    [Theory]
    [InlineData("i work 9 to 5 so anything after that", 17, 0)]
    [InlineData("i work from 9-6", 18, 0)]
    [InlineData("i work till 5", 17, 0)]
    [InlineData("im at work until 5:30", 17, 30)]
    [InlineData("i get off work at 6", 18, 0)]
    [InlineData("i work from 9 a 5", 17, 0)]
    public void The_hours_one_works_set_the_earliest_start(string text, int hour, int minute)
    {
        var time = TimeExpressionParser.Parse(text)!;

        Assert.Equal(TimePreferenceKind.Window, time.Kind);
        Assert.Equal(T(hour, minute), time.From);
        Assert.Null(time.To);
    }

    // The same said in Spanish, read through the gloss: a search after the end of work, never the first hour of the day.
    [Theory]
    [InlineData("un hydrafacial el martes, trabajo de 9 a 5")]
    [InlineData("un hydrafacial el martes, salgo del trabajo a las 5")]
    [InlineData("hydrafacial tuesday, i work 9 to 5 so anything after that")]
    [InlineData("hydrafacial tuesday i get off work at 5")]
    public async Task A_search_after_work_offers_no_time_before_it_ends(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text, "sms");
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.Contains(reply.ToolCalls, c => c.Name == "check_availability");
        Assert.DoesNotContain("9 AM", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("10 AM", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("9:00", reply.Text, StringComparison.Ordinal);
    }

    // "am i still on": one's own appointment is looked up (the number verified first on the web), never declined.
    [Theory]
    [InlineData("am i still on for friday")]
    [InlineData("are we still good for saturday?")]
    [InlineData("is my facial still on for tomorrow")]
    [InlineData("sigue en pie mi cita del viernes?")]
    public async Task Still_on_looks_up_the_persons_appointment(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.Contains(reply.ToolCalls, c => c.Name is "list_appointments" or "find_client");
        Assert.DoesNotContain(reply.ToolCalls, c => Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // A person who does not speak the conversation's language is answered in the other one the spa serves.
    [Theory]
    [InlineData("no hablo ingles", "español")]
    [InlineData("no hablo mucho inglés", "español")]
    [InlineData("solo hablo español", "español")]
    [InlineData("sorry my english is not very good", "español")]
    [InlineData("i dont speak spanish", "English")]
    public Task A_language_not_spoken_switches_to_the_other(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // Someone else's language is no request to switch ("my mom doesnt speak english" is news, not a switch).
    [Fact]
    public async Task Another_persons_language_is_not_a_switch()
    {
        var reply = await FirstMessages.ReplyAsync("my mom doesnt speak english, can she still get a massage?");
        Assert.DoesNotContain("español", reply.Text, StringComparison.Ordinal);
    }

    // A wish about scents (and talking during a treatment) is for the front desk to pass on, in either language; "olores" is
    // smells, not "dolores" (pains), so never a clinician's.
    [Theory]
    [InlineData("im sensitive to scents")]
    [InlineData("i dont like strong smells")]
    [InlineData("no me gustan los olores fuertes")]
    [InlineData("soy muy sensible a los olores")]
    [InlineData("no quiero hablar durante el masaje")]
    public Task A_wish_about_scents_goes_to_the_front_desk(string text) => FirstMessages.EscalatedAsAsync(text, "human_request");

    // The price of a treatment the spa does not offer: "not something we offer", never "I can only help" nor the FAQ's guess.
    [Theory]
    [InlineData("how much are gel nails", "isn't something we offer")]
    [InlineData("how much are acrylics", "isn't something we offer")]
    [InlineData("cuanto cuestan las unas de gel", "no lo ofrecemos")]
    [InlineData("cuánto cuesta un pedicure", "no lo ofrecemos")]
    public Task The_price_of_a_treatment_not_offered_says_it_is_not_offered(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // A standing appointment, a confirmation that never came, an earlier talk the assistant cannot see: the front desk's, in
    // either language, never declined.
    [Theory]
    [InlineData("i want to set up a standing appointment every other week")]
    [InlineData("can i book the same time every month")]
    [InlineData("quiero dejar una cita fija cada mes a la misma hora")]
    [InlineData("i never got a confirmation text")]
    [InlineData("no me llegó el mensaje de confirmación")]
    [InlineData("hi its me again about the thing we talked about earlier")]
    [InlineData("hola soy yo otra vez, por lo que hablamos hace rato")]
    public Task The_front_desks_matters_go_to_the_front_desk(string text) => FirstMessages.EscalatedAsAsync(text, "human_request");

    // A code that did not come is not a confirmation: the screen leaves it to the code's own reply.
    [Theory]
    [InlineData("i never got the code")]
    [InlineData("no me llegó el código")]
    public async Task A_code_that_did_not_come_is_not_passed_to_the_team(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.NotEqual("human_request", reply.Escalation?.Category);
    }

    // A service booked for someone else, or the one an earlier call was about: its kinds are offered, nobody called in.
    [Theory]
    [InlineData("can i book my wife a facial as a surprise", "HydraFacial")]
    [InlineData("i want to book my wife a facial as a surprise", "HydraFacial")]
    [InlineData("yes i called earlier about the massage", "Swedish")]
    [InlineData("sí, le llamé hace rato por lo del masaje", "sueco")]
    [InlineData("le quiero hacer una sorpresa a mi esposa con un facial", "HydraFacial")]
    public Task A_service_for_someone_or_from_an_earlier_call_is_offered(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // The pace asked in Spanish, as in English: a short, plain answer, not "no le entendí".
    [Theory]
    [InlineData("más despacio por favor")]
    [InlineData("hable más despacio")]
    [InlineData("speak slower please")]
    public async Task The_pace_asked_is_answered_in_either_language(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.DoesNotContain("no le entendí", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("solo puedo ayudarle", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("I can only help", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name is "find_waitlist_offer" or "check_availability");
    }
}
