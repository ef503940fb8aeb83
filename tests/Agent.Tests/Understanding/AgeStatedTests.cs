using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

/// <summary>An age said for the services' minimum age; not a time, a length or a count.</summary>
public sealed class AgeStatedTests
{
    [Theory]
    [InlineData("can i book a chemical peel for my daughter, she's 16, sometime friday", 16)]
    [InlineData("my 15 year old wants a facial", 15)]
    [InlineData("im 17 is that ok for botox", 17)]
    [InlineData("i'm 45 and my son is turning 16 next week", 16)]
    [InlineData("mi hija tiene 16 años", 16)]
    [InlineData("es para mi sobrina de 14 años", 14)]
    [InlineData("hola quiero depilacion laser para mi hija de 15 el sabado", 15)]
    [InlineData("es para mi hijo que tiene 13, un facial el viernes", 13)]
    public void An_age_said_is_read(string text, int age) => Assert.Equal(age, AgeStated.Youngest(text));

    [Theory]
    [InlineData("my appointment is 16:00")]
    [InlineData("i'm 5 minutes away")]
    [InlineData("i am 12 weeks pregnant")]
    [InlineData("can i get 20 units of botox")]
    [InlineData("she's 3 blocks away")]
    [InlineData("book me at 4")]
    [InlineData("mi hija tiene 2 citas el viernes")]
    [InlineData("para mi hija de 10 a 12 el sabado")]
    public void Times_lengths_and_counts_are_not_ages(string text) => Assert.Null(AgeStated.Youngest(text));
}
