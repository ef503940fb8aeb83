using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

/// <summary>
/// Perf round twenty-five: <see cref="ReplyCues.Read"/> reads each of its shared cues (a party, another person, "the same",
/// one more, a booking verb, a move) once per message instead of at every cue that uses it. These messages, as people write them (a cue only in the second
/// line, capitals, typos, several cues at once, Spanish), give the same cues as before.
/// </summary>
public sealed class RoundTwentyFiveCueTests
{
    [Fact]
    public void A_party_said_only_in_the_second_line_is_read()
    {
        var cues = ReplyCues.Read("ok so\nme and my sister both want facials");
        Assert.True(cues.WithOthers);
        Assert.Equal(2, cues.PartySize);
        Assert.False(cues.AllOfThem);
    }

    [Fact]
    public void The_same_for_someone_else_is_not_the_same_again()
    {
        var cues = ReplyCues.Read("Same thing for my Mom pls");
        Assert.True(cues.SameForAnother);
        Assert.True(cues.ForAnother);
        Assert.False(cues.SameAgain);
        Assert.False(cues.SameTimeUnclear);
    }

    [Fact]
    public void The_same_again_booked_in_a_second_line()
    {
        var cues = ReplyCues.Read("loved it!!\nbook me the same one again");
        Assert.True(cues.SameAgain);
        Assert.False(cues.SameTimeUnclear);
        Assert.False(cues.ForAnother);
        Assert.True(cues.SaysAnother);
        Assert.False(cues.SaysMove);
    }

    [Fact]
    public void The_same_time_alone_is_unclear_and_a_move_is_a_move()
    {
        Assert.True(ReplyCues.Read("the same time works").SameTimeUnclear);
        var moved = ReplyCues.Read("actually can we move it, same time but thursday instead");
        Assert.False(moved.SameTimeUnclear);
        Assert.False(moved.SameAgain);
        Assert.True(moved.SaysMove);
        Assert.False(moved.SaysAnother);
    }

    [Fact]
    public void Both_appointments_are_all_of_them_but_both_of_us_is_a_party()
    {
        Assert.True(ReplyCues.Read("cancel both of them pls").AllOfThem);
        var us = ReplyCues.Read("BOTH of us\nfor the couples massage");
        Assert.False(us.AllOfThem);
        Assert.True(us.WithOthers);
        Assert.Equal(2, us.PartySize);
        Assert.Equal(3, ReplyCues.Read("can the 3 of us come saturday").PartySize);
    }

    [Fact]
    public void Questions_about_the_assistant_are_read_in_any_line()
    {
        // A precheck for "you" or "where" was tried and dropped: "who is this", "quien habla" and "who am i texting with" ask too.
        Assert.True(ReplyCues.Read("who dis").AsksAboutAssistant);
        Assert.True(ReplyCues.Read("quien habla?").AsksAboutAssistant);
        Assert.True(ReplyCues.Read("WHAT'S YOUR NAME").AsksAboutAssistant);
        Assert.True(ReplyCues.Read("thanks\nwhere do u live lol").AsksAboutAssistant);
        Assert.True(ReplyCues.Read("hi!\nhow old are you").AsksAboutAssistant);
        Assert.True(ReplyCues.Read("what can u help me with").AsksAboutAssistant);
        Assert.True(ReplyCues.Read("ok\nwho do u work for").AsksAboutAssistant);
        Assert.False(ReplyCues.Read("where do i park").AsksAboutAssistant);
        Assert.False(ReplyCues.Read("whats the name of the place on 5th").AsksAboutAssistant);
    }

    [Fact]
    public void Spanish_and_short_replies_keep_their_cues()
    {
        var spanish = ReplyCues.Read("quiero lo mismo\npara mi hermana y yo, las dos");
        Assert.False(spanish.SameAgain);
        Assert.True(ReplyCues.Read("ambas").AllOfThem);
        var shortReply = ReplyCues.Read("same");
        Assert.True(shortReply.SameTimeUnclear);
        Assert.True(shortReply.FollowUp);
        Assert.False(ReplyCues.Read("one more for my friend too").SameAgain);
        Assert.True(ReplyCues.Read("one more for my friend too").ForAnother);
    }
}
