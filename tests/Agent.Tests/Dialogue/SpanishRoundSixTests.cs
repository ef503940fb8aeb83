using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Understanding;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Dialogue;

/// <summary>
/// Issue 13, round 6: the round-5 Spanish known issues, fixed where English gains too. Demo profile, Monday 2026-11-23
/// 08:00 Los Angeles.
/// </summary>
public sealed class SpanishRoundSixTests
{
    private static DialogueState ChoosingAFacial(string language) => new()
    {
        Task = DialogueTask.Book,
        Language = language,
        ServiceOptions = ["Signature Facial", "HydraFacial", "Chemical Peel", "Dermaplaning", "IPL Photofacial"],
        Asked = AgentQuestion.Service,
        DateStart = "2026-11-27",
        DateEnd = "2026-11-27",
    };

    [Theory]
    [InlineData("en", "hmm no actually saturday")]
    [InlineData("en", "no wait, saturday")]
    [InlineData("es", "mmm no, mejor el sabado")]
    [InlineData("es", "no mejor el sábado")]
    public void A_no_with_another_day_at_the_service_question_corrects_the_day_and_is_no_miss(string language, string text)
    {
        var state = ChoosingAFacial(language);
        var (reading, rule) = Step(state, text);
        Assert.False(rule.IsMiss, rule.When);
        Assert.Equal(PolicyAction.Search, rule.Then);
        Assert.Equal(new DateOnly(2026, 11, 28), reading.U.Date?.Range.Start);
    }

    [Fact]
    public void A_bare_no_at_a_choice_of_services_is_still_a_miss()
    {
        var (_, rule) = Step(ChoosingAFacial("en"), "no");
        Assert.True(rule.IsMiss, rule.When);
    }

    [Theory]
    [InlineData("es", "si", true)]
    [InlineData("es", "si porfa, un masaje el viernes", true)]
    [InlineData("es", "no gracias", false)]
    [InlineData("en", "yes", true)]
    [InlineData("en", "nope", false)]
    public void A_yes_or_no_after_no_appointments_answers_the_offer_to_book(string language, string text, bool books)
    {
        var (_, rule) = Step(new DialogueState { Language = language, BookingOffered = true }, text);
        Assert.Equal(books ? PolicyAction.BookInstead : PolicyAction.SayBookingNotWanted, rule.Then);
    }

    [Fact]
    public async Task A_yes_after_no_appointments_asks_what_to_book_and_a_day_given_with_it_is_kept()
    {
        // The fixture's engine has the English replies only.
        var (bare, _) = await AnswerAsync(new DialogueState { Language = "en", BookingOffered = true }, "yes");
        Assert.Equal("Which service would you like to book?", bare.Text);

        var (reading, rule) = Step(new DialogueState { Language = "es", BookingOffered = true }, "si, para el viernes");
        Assert.True(rule.Then == PolicyAction.BookInstead, $"{rule.When} {reading.U.YesNo} {reading.U.Intent} {reading.U.Text}");
        var (withDay, state) = await AnswerAsync(new DialogueState { Language = "es", BookingOffered = true }, "si, para el viernes");
        Assert.Equal(DialogueTask.Book, state.Task);
        Assert.Equal("2026-11-27", state.DateStart);
        Assert.False(state.BookingOffered);
        Assert.Equal(AgentQuestion.Service, state.Asked);
        Assert.NotNull(withDay.Text);
    }
}
