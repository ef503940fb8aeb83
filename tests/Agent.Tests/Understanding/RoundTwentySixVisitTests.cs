using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

/// <summary>
/// Perf round twenty-six: the understanding asks for a message's visit topics (<see cref="FrontDesk.Tools.Faq.VisitQuestion.Topics"/>
/// with the message's own service and staff words) once for as long as those words stay the same, not at every rule that
/// looks at them (up to seven times a message). These messages, as people write them, read as before: a visit of their own
/// (late, what to bring or wear, what booking needs, the spa's rooms) for the FAQ, a visit elsewhere not.
/// </summary>
public sealed class RoundTwentySixVisitTests
{
    [Theory]
    [InlineData("running 10 min late for my facial, is that ok??")]
    [InlineData("hi im gonna be like 15 mins behind sry")]
    [InlineData("what should i bring to my appointment")]
    [InlineData("can i come in with wet hair")]
    [InlineData("do i have to be a member to book")]
    [InlineData("is there a hair dryer in the locker room")]
    [InlineData("ok and\nwhat do i wear for a massage?")]
    public void A_question_about_ones_own_visit_is_for_the_faq(string text)
    {
        Assert.Equal(Intent.Faq, DemoUnderstanding.Read(text).Intent);
    }

    [Theory]
    [InlineData("voy a llegar 10 minutos tarde a mi facial")]
    [InlineData("que debo llevar a mi cita?")]
    public void A_spanish_question_about_ones_own_visit_is_for_the_faq(string text)
    {
        Assert.Equal(Intent.Faq, DemoUnderstanding.Read(text, "es").Intent);
    }

    [Fact]
    public void A_visit_somewhere_else_is_not_for_the_faq()
    {
        Assert.NotEqual(Intent.Faq, DemoUnderstanding.Read("im running late to my dentist appt, can u text them").Intent);
    }

    [Fact]
    public void A_worry_about_ones_own_visit_is_not_a_question_about_the_assistant()
    {
        Assert.NotEqual(Intent.OutOfScope, DemoUnderstanding.Read("is it awkward if i fall asleep").Intent);
    }

    [Fact]
    public void A_booking_with_a_visit_word_stays_a_booking()
    {
        var u = DemoUnderstanding.Read("book me a deep tissue massage friday at 2, i might be a bit late tho");
        Assert.Equal(Intent.Book, u.Intent);
        Assert.NotEqual(ServiceMatchKind.None, u.Services.Kind);
    }
}
