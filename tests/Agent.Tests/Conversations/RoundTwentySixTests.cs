using System.Globalization;
using FrontDesk.Agent.Understanding;
using FrontDesk.Agent.Understanding.Spanish;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Issue 12, round 26: round 25's known limits (two times asked back at an offer; "botox tuesday the 3rd" not asked which day;
/// a name and a number in Spanish words together), then round 26's people (tests/scenarios/people-round26.yaml). Written
/// before the code. Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundTwentySixTests
{
    private const string AvaPhone = "+14155551111";
    private const string BenPhone = "+14155552222";

    private static bool ReadBack(IEnumerable<AgentReply> replies) =>
        replies.SelectMany(r => r.ToolCalls).Any(c => c.Name == "book_appointment" && c.Outcome == "needs_confirmation");

    // 1. Two times asked back at an offer ("¿a las 2 está bien o le queda mejor a las 3?"): asked which, never the last one
    // read back as if chosen; a time said at the read-back ("a las 2 entonces") changes it, read back again.

    [Theory]
    [InlineData("¿a las 2 está bien o le queda mejor a las 3?", "14:00", "15:00")]
    [InlineData("¿a las 11 o a las 12?", "11:00", "12:00")]
    [InlineData("is 3 ok? or is 4 better for the therapist?", "15:00", "16:00")]
    [InlineData("would 10 or 11 be better?", "10:00", "11:00")]
    public void Two_times_asked_as_a_question_are_read_as_a_question(string text, string first, string second)
    {
        // Spanish is read through its English gloss, as the understanding reads it.
        var cues = ReplyCues.Read(text.StartsWith('¿') ? SpanishGloss.ToEnglish(text) : text);

        Assert.Equal([TimeOnly.Parse(first, CultureInfo.InvariantCulture), TimeOnly.Parse(second, CultureInfo.InvariantCulture)], cues.EitherTimes);
        Assert.True(cues.EitherTimesAsked);
    }

    [Theory]
    [InlineData("3 or 4 whichever")]
    [InlineData("2:30 or 3pm works")]
    [InlineData("either 9am or 1")]
    public void Two_times_said_as_either_is_fine_are_no_question(string text) => Assert.False(ReplyCues.Read(text).EitherTimesAsked);

    [Fact]
    public async Task Two_times_asked_back_at_an_offer_are_offered_not_read_back()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("voice_t1", "voice", BenPhone,
            "buenas tardes, ¿me podría agendar un signature facial para el viernes en la tarde?", "¿a las 2 está bien o le queda mejor a las 3?");

        Assert.False(ReadBack(replies.Skip(1)), h.Said);
        Assert.Matches("(?i)2 p\\. m\\.", replies[^1].Text ?? "");

        await h.TalkAsync("voice_t1", "voice", BenPhone, "a las 2 entonces", "sí, por favor");
        Assert.Equal(["signature-facial 2026-11-27 14:00"], await h.BookedLinesAsync(withStaff: false));
    }

    [Fact]
    public async Task A_time_said_with_then_at_a_spanish_read_back_is_read_back_again_and_booked_only_on_the_yes()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_t2", "sms", BenPhone, "un hydrafacial el miércoles a las 3", "la de las 3");

        var changed = await h.TalkAsync("sms_t2", "sms", BenPhone, "a las 2 entonces");

        Assert.True(ReadBack(changed), h.Said);
        Assert.Matches("(?i)2 p\\. m\\.", changed[^1].Text ?? "");
        Assert.Empty(await h.BookedAsync());
        await h.TalkAsync("sms_t2", "sms", BenPhone, "sí");
        Assert.Equal(["hydrafacial 2026-11-25 14:00"], await h.BookedLinesAsync(withStaff: false));
    }

    // 2. "hi um can i do botox tuesday the 3rd" (a Thursday): the message reads as a question about Botox, and the row for a
    // weekday and a date that disagree wanted a booking's intent. A service asked about with a day is a booking here too.

    [Theory]
    [InlineData("hi um can i do botox tuesday the 3rd")]
    [InlineData("can i do a consult tuesday the 3rd?")]
    [InlineData("hey so could i maybe get a deep tissue friday the 5th")]
    public async Task A_service_asked_with_a_weekday_and_date_that_disagree_is_asked_which_day(string text)
    {
        await using var h = await AgentHarness.StartAsync();

        var asked = (await h.TalkAsync("voice_d1", "voice", AvaPhone, text))[^1];

        Assert.DoesNotContain(asked.ToolCalls, c => c.Name == "check_availability");
        Assert.Matches("(?i)(tuesday, december 1.*thursday, december 3|friday, december 4.*saturday, december 5)", asked.Text ?? "");
    }

    [Fact]
    public async Task Botox_tuesday_the_3rd_answered_tuesday_books_the_consultation_on_the_1st()
    {
        await using var h = await AgentHarness.StartAsync();

        await h.TalkAsync("voice_d2", "voice", AvaPhone, "hi um can i do botox tuesday the 3rd", "tuesday", "first one", "yes");

        Assert.StartsWith("injectables-consult 2026-12-01", (await h.BookedLinesAsync(withStaff: false)).Single(), StringComparison.Ordinal);
    }

    // 3. A name and a number in Spanish words together: the surname is not read as a Spanish word ("Díaz", días).

    [Theory]
    [InlineData("Marta Díaz, cuatro uno cinco, cinco cinco cinco, cero nueve cero seis", "Marta Díaz")]
    [InlineData("Rosa Paz cuatro uno cinco cinco cinco cinco cero nueve uno ocho", "Rosa Paz")]
    public void A_name_before_a_number_in_spanish_words_is_kept_as_written(string text, string name)
    {
        Assert.StartsWith(name, SpanishGloss.ToEnglish(text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_and_a_number_in_spanish_words_where_the_number_was_asked_keep_both()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("voice_n1", "voice", null, "quiero un signature facial el martes en la mañana", "la primera",
            "Marta Díaz, cuatro uno cinco, cinco cinco cinco, cero nueve cero seis");

        Assert.True(ReadBack(replies.Skip(2)), h.Said);
        await h.TalkAsync("voice_n1", "voice", null, "sí");
        var booked = h.One(await h.BookedAsync());
        Assert.Equal("signature-facial", booked.ServiceId);
    }

    // 4. Round 26's people: an hours question that is not a booking; a weekday said as any such day ("on a thursday",
    // "thursdays") is that weekday's hours, not only the coming one's (a holiday this week).

    [Theory]
    [InlineData("what's the latest appointment on a thursday", "(?i)8 pm")]
    [InlineData("how late can i come in on sat", "(?i)5 pm")]
    [InlineData("what time do you close on thursdays", "(?i)8 pm")]
    [InlineData("whats the earliest i can come in on a saturday", "(?i)9 am")]
    public async Task An_hours_question_about_a_weekday_is_answered_with_its_hours(string text, string hours)
    {
        await using var h = await AgentHarness.StartAsync();

        var reply = (await h.TalkAsync("web_h1", "web", null, text))[^1];

        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability");
        Assert.Matches(hours, reply.Text ?? "");
    }

    // An arrival question from someone with a booking is the FAQ's, not a new booking.
    [Theory]
    [InlineData("when should we get there for our 2pm massage?")]
    [InlineData("what time should i show up for my 11am facial")]
    [InlineData("how early do i need to be there for the 2 o'clock massage")]
    public async Task When_to_arrive_for_a_booking_is_answered_not_booked(string text)
    {
        await using var h = await AgentHarness.StartAsync();

        var reply = (await h.TalkAsync("sms_a1", "sms", AvaPhone, text))[^1];

        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability");
        Assert.Matches("(?i)10 minutes", reply.Text ?? "");
    }

    // "the same girl as last time": the provider of the last visit.
    [Theory]
    [InlineData("can i get a hydrafacial with the same girl as last time, friday")]
    [InlineData("hydrafacial friday with the same lady i had last time")]
    [InlineData("same person as last time pls, hydrafacial friday")]
    public async Task The_same_girl_as_last_time_is_the_last_visits_provider(string text)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_p0", "sms", BenPhone, "hydrafacial tomorrow with sofia", "first one", "yes");
        h.Book.Clock.Advance(TimeSpan.FromDays(2));

        var offer = (await h.TalkAsync("sms_p1", "sms", BenPhone, text))[^1];

        Assert.Contains("Sofia", offer.Text ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("Priya", offer.Text ?? "", StringComparison.Ordinal);
    }
}
