using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

public class TimeExpressionParserTests
{
    private static TimeOnly T(int h, int m = 0) => new(h, m);

    [Theory]
    [InlineData("3pm", 15, 0, false)]
    [InlineData("3 pm", 15, 0, false)]
    [InlineData("at 3 p.m.", 15, 0, false)]
    [InlineData("10am", 10, 0, false)]
    [InlineData("at 3", 15, 0, true)]
    [InlineData("at 9", 9, 0, true)]
    [InlineData("around 11", 11, 0, true)]
    [InlineData("3:30", 15, 30, true)]
    [InlineData("8:45", 8, 45, true)]
    [InlineData("15:30", 15, 30, false)]
    [InlineData("noon", 12, 0, false)]
    [InlineData("midday works", 12, 0, false)]
    [InlineData("at 12", 12, 0, false)]
    [InlineData("two in the afternoon", 14, 0, false)]
    [InlineData("10 in the morning", 10, 0, false)]
    [InlineData("half past two", 14, 30, true)]
    [InlineData("quarter to 4", 15, 45, true)]
    [InlineData("quarter past ten", 10, 15, true)]
    [InlineData("4 o'clock", 16, 0, true)]
    [InlineData("at two thirty", 14, 30, true)]
    [InlineData("at 8 tonight", 20, 0, false)]
    [InlineData("tomorrow at 11:15 am", 11, 15, false)]
    [InlineData("the appointment needs to be at evening 5", 17, 0, false)]
    [InlineData("please change it to afternoon 12", 12, 0, false)]
    [InlineData("I want it at the afternoon 3.", 15, 0, false)]
    [InlineData("Book an appointment at morning 11.", 11, 0, false)]
    [InlineData("I'm hoping for in the afternoon 3.", 15, 0, false)]
    [InlineData("12 o\"clock in the afternoon.", 12, 0, false)]
    [InlineData("3 in the aftrnoon", 15, 0, false)]
    [InlineData("evning 6", 18, 0, false)]
    public void Exact_times(string text, int hour, int minute, bool assumed)
    {
        var time = TimeExpressionParser.Parse(text)!;

        Assert.Equal(TimePreferenceKind.Exact, time.Kind);
        Assert.Equal(T(hour, minute), time.Exact);
        Assert.Equal(assumed, time.AmPmAssumed);
    }

    [Theory]
    [InlineData("in the morning", null, 12)]
    [InlineData("afternoon", 12, 17)]
    [InlineData("evening", 17, null)]
    [InlineData("after 5", 17, null)]
    [InlineData("after 5pm", 17, null)]
    [InlineData("before 11", null, 11)]
    [InlineData("by noon", null, 12)]
    [InlineData("between 2 and 4", 14, 16)]
    [InlineData("from 11 to 1", 11, 13)]
    [InlineData("2-4pm", 14, 16)]
    [InlineData("late afternoon", 15, 17)]
    [InlineData("early morning", null, 10)]
    // Parts of the day as people type them (issue 12, round 8).
    [InlineData("tmrw aftrnoon", 12, 17)]
    [InlineData("afternon pls", 12, 17)]
    [InlineData("late aftrnoon", 15, 17)]
    [InlineData("friday mornin", null, 12)]
    [InlineData("in the mornign", null, 12)]
    [InlineData("thurs evning", 17, null)]
    [InlineData("evenin if u can", 17, null)]
    public void Windows(string text, int? from, int? to)
    {
        var time = TimeExpressionParser.Parse(text)!;

        Assert.Equal(TimePreferenceKind.Window, time.Kind);
        Assert.Equal(from is null ? null : T(from.Value), time.From);
        Assert.Equal(to is null ? null : T(to.Value), time.To);
    }

    [Theory]
    [InlineData("earliest you have")]
    [InlineData("first available")]
    [InlineData("as soon as possible")]
    [InlineData("asap")]
    public void Earliest(string text)
    {
        Assert.Equal(TimePreferenceKind.Earliest, TimeExpressionParser.Parse(text)!.Kind);
    }

    [Fact]
    public void Earliest_in_a_window_keeps_the_window()
    {
        var time = TimeExpressionParser.Parse("the earliest in the afternoon")!;

        Assert.Equal(TimePreferenceKind.Earliest, time.Kind);
        Assert.Equal(T(12), time.From);
    }

    [Theory]
    [InlineData("latest you have")]
    [InlineData("end of day")]
    [InlineData("the last appointment")]
    public void Latest(string text)
    {
        Assert.Equal(TimePreferenceKind.Latest, TimeExpressionParser.Parse(text)!.Kind);
    }

    [Theory]
    [InlineData("3/14")]
    [InlineData("the 14th")]
    [InlineData("March 3")]
    [InlineData("call me at 555-123-4567")]
    [InlineData("5551234567")]
    [InlineData("(555) 123-4567")]
    [InlineData("+1 555 123 4567")]
    [InlineData("a table for 4")]
    [InlineData("in 3 days")]
    [InlineData("after 5 days")]
    [InlineData("it costs $300")]
    [InlineData("3")]
    [InlineData("I am interested")]
    [InlineData("even better")]
    [InlineData("good morn")]
    [InlineData("")]
    public void Things_that_are_not_times(string text)
    {
        Assert.Null(TimeExpressionParser.Parse(text));
    }

    [Fact]
    public void A_bare_number_is_a_time_when_the_agent_asked_for_one()
    {
        Assert.Equal(T(15), TimeExpressionParser.Parse("3", expectingTime: true)!.Exact);
        Assert.Equal(T(10, 30), TimeExpressionParser.Parse("10:30 please", expectingTime: true)!.Exact);
        Assert.Equal(T(16), TimeExpressionParser.Parse("four", expectingTime: true)!.Exact);
        Assert.Equal(T(14, 30), TimeExpressionParser.Parse("the two thirty", expectingTime: true)!.Exact);
        Assert.Equal(T(14, 30), TimeExpressionParser.Parse("uh the two thirty one", expectingTime: true)!.Exact);
        Assert.Equal(T(11), TimeExpressionParser.Parse("ok the 11 one please", expectingTime: true)!.Exact);
    }

    [Fact]
    public void The_span_covers_the_time_words()
    {
        const string text = "friday at 3pm works";
        var time = TimeExpressionParser.Parse(text)!;

        Assert.Equal("3pm", time.Spans.Single().Of(text));
    }

    [Fact]
    public void Accepts_checks_the_window()
    {
        var time = TimeExpressionParser.Parse("between 2 and 4")!;

        Assert.True(time.Accepts(T(14)));
        Assert.True(time.Accepts(T(15, 30)));
        Assert.False(time.Accepts(T(16)));
    }
}
