using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

/// <summary>
/// Perf round twenty-eight: more of the understanding's expressions are skipped on a message that lacks what they cannot
/// match without, derived from each expression's own text (<see cref="FrontDesk.Agent.Screening.RequiredWords"/>): a digit
/// for the ISO and slash dates and for "the 14th"'s digit branch, and the words of a task elsewhere. These wordings, as
/// people write them, read as they did before: each expression's own, and the ones none of them may take.
/// </summary>
public sealed class RoundTwentyEightPrefilterTests
{
    private static readonly DateOnly Wednesday = TestVocabularies.Wednesday; // 2026-11-25

    [Theory]
    // ISO and slash dates, as typed (a date in a second line, a year of two digits, no spaces, a correction)
    [InlineData("can i book 2026-12-14 at 3", "2026-12-14")]
    [InlineData("hi\n2026-12-14 pls", "2026-12-14")]
    [InlineData("12/14?", "2026-12-14")]
    [InlineData("on 12/14/26 if u can", "2026-12-14")]
    [InlineData("no wait, 12/15 not 12/14", "2026-12-15")]
    [InlineData("FACIAL 12/14", "2026-12-14")]
    // "the 14th" with and without "the"
    [InlineData("the 14th works", "2026-12-14")]
    [InlineData("14th pls", "2026-12-14")]
    [InlineData("how about THE 3RD", "2026-12-03")]
    [InlineData("maybe the 1st?", "2026-12-01")]
    [InlineData("any massage on the twentieth", "2026-12-20")]
    public void Digit_dates_read_as_that_day(string text, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateExpressionParser.Parse(text, Wednesday)?.Range.Start);

    [Theory]
    [InlineData("half an hour is fine")]
    [InlineData("1/2 hour")]
    [InlineData("the first one")]
    [InlineData("the second option pls")]
    [InlineData("yes thats right")]
    [InlineData("my number is 415 555 0142")]
    [InlineData("deep tissue for 60 min")]
    [InlineData("we're 2 people")]
    public void Wordings_that_are_no_day_read_none(string text) =>
        Assert.Null(DateExpressionParser.Parse(text, Wednesday));

    [Theory]
    [InlineData("el 14 de diciembre", "2026-12-14")]
    [InlineData("el 14 de diciembre a las 3 porfa", "2026-12-14")]
    public void Spanish_digit_dates_read_as_that_day(string text, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DemoUnderstanding.Read(text, "es").Date?.Range.Start);

    [Theory]
    [InlineData("set a reminder for my dentist appt tmrw")]
    [InlineData("can u book me a table at olive garden for 7")]
    [InlineData("I need to reschedule my vet appointment")]
    [InlineData("whens the next ferry leave")]
    [InlineData("any plumbers near you??")]
    [InlineData("can i have friday off")]
    [InlineData("i need to put in a time off request for next week")]
    [InlineData("i need an uber to the doctor at 3")]
    public void A_task_elsewhere_is_still_out_of_scope(string text) =>
        Assert.Equal(Intent.OutOfScope, DemoUnderstanding.Read(text).Intent);

    [Theory]
    [InlineData("i have a dentist appt at 2, can i come in at 4 for a facial")]
    [InlineData("my doctors appointment got moved so can i book a massage tmrw")]
    [InlineData("do you have anything friday")]
    [InlineData("can i book a table massage")]
    [InlineData("book me a facial pls")]
    [InlineData("hi i'd like a deep tissue massage tomorrow afternoon")]
    public void A_request_to_the_spa_is_not_a_task_elsewhere(string text) =>
        Assert.NotEqual(Intent.OutOfScope, DemoUnderstanding.Read(text).Intent);

    [Theory]
    [InlineData("necesito cancelar mi cita con el dentista")]
    [InlineData("necesito cancelar mi cita con el dentista el 14")]
    public void A_task_elsewhere_in_spanish_is_still_out_of_scope(string text) =>
        Assert.Equal(Intent.OutOfScope, DemoUnderstanding.Read(text, FrontDesk.Agent.Languages.ConversationLanguage.Spanish).Intent);
}
