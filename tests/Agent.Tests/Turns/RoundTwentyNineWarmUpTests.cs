using FrontDesk.Agent.Languages;
using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Turns;

/// <summary>
/// Round 29, item 2: an expression that a derived prefilter skips on most messages may never run in the warm-up's two
/// conversations, and its matcher is then compiled in a visitor's turn after <c>/readyz</c> (the first reply on PostgreSQL
/// and SQLite: <c>TaskElsewhere</c>'s, 36 KB of IL, in "Hi, do you have parking?"). The agent's warm-up runs each of them once
/// on a text of its own; these tests hold that every such text gets past the prefilter and is matched, so the matcher runs.
/// </summary>
public sealed class RoundTwentyNineWarmUpTests
{
    [Fact]
    public void Every_text_the_warm_up_runs_an_expression_on_passes_its_prefilter_and_is_matched()
    {
        var samples = AgentWarmUp.PrefilteredExpressions;
        Assert.NotEmpty(samples);
        Assert.All(samples, s =>
        {
            Assert.True(s.Needs?.MayMatch(s.Text) != false, $"{s.Name}: the prefilter skips \"{s.Text}\"");
            Assert.True(s.Expression.IsMatch(s.Text), $"{s.Name}: \"{s.Text}\" is not matched");
        });
    }

    [Fact]
    public void The_warm_up_covers_every_expression_with_a_derived_prefilter()
    {
        var names = AgentWarmUp.PrefilteredExpressions.Select(s => s.Name).ToHashSet();
        Assert.Contains("TaskElsewhere", names);
        Assert.Contains("LanguageRequest.Asked", names);
        Assert.All(DateExpressionParser.Expressions.All, e => Assert.Contains("DateExpressionParser." + e.Name, names));
    }

    [Fact]
    public void Running_the_warm_up_texts_changes_nothing_the_understanding_reads()
    {
        // The warm-up only matches: the expressions and their answers are the same before and after it ran.
        var today = new DateOnly(2026, 12, 7);
        string[] said = ["can u set a reminder for my dentist appt tmrw", "do you speak spanish?", "the 14th pls", "hi do u have parking"];
        var before = said.Select(t => (LanguageRequest.Read(t), DateExpressionParser.Parse(t, today)?.Range)).ToList();
        AgentWarmUp.WarmPrefilteredExpressions();
        Assert.Equal(before, said.Select(t => (LanguageRequest.Read(t), DateExpressionParser.Parse(t, today)?.Range)).ToList());
    }
}
