using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

/// <summary>
/// Perf round thirty: the cue expressions of <see cref="ReplyCues.Read"/> that cost most per message run only on a text
/// holding a word each cannot match without, derived from the expression's own text. Over every line people wrote in the
/// scenario suite and the intent training set (as written and in capitals), no line a prefilter skips is matched by its
/// expression; the wordings themselves are <see cref="RoundThirtyCueWordingTests"/>.
/// </summary>
public sealed class RoundThirtyDerivedPrefilterTests
{
    [Fact]
    public void Every_prefiltered_cue_has_words_it_needs()
    {
        var names = ReplyCues.Prefiltered.All.Select(e => e.Name).ToList();
        Assert.All(new[] { "AssistantAsAPerson", "Party", "RequestWord", "WhatTheAssistantDoes", "AcknowledgementOnly" }, n => Assert.Contains(n, names));
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(ReplyCues.Prefiltered.All, e => Assert.NotNull(e.Needs));
        // "what's your name", "both of us", "can i book", "ok": a word each needs.
        Assert.Contains("your", ReplyCues.Prefiltered.AssistantAsAPerson.Needs!.Words);
        Assert.Contains("both", ReplyCues.Prefiltered.Party.Needs!.Words);
        Assert.Contains("book", ReplyCues.Prefiltered.RequestWord.Needs!.Words);
        Assert.Contains("ok", ReplyCues.Prefiltered.AcknowledgementOnly.Needs!.Words);
    }

    [Fact]
    public void No_line_people_wrote_is_skipped_by_a_prefilter_where_its_expression_matches()
    {
        var lines = RoundTwentyEightDerivedPrefilterTests.PeoplesLines();
        var wrong = new List<string>();
        foreach (var e in ReplyCues.Prefiltered.All)
        {
            var (matched, skipped) = (0, 0);
            foreach (var line in lines)
            {
                var matches = e.Expression.IsMatch(line);
                matched += matches ? 1 : 0;
                if (!e.Needs!.MayMatch(line))
                {
                    skipped++;
                    if (matches)
                    {
                        wrong.Add($"{e.Name}: '{line}'");
                    }
                }
                // The gated call answers as the expression does.
                if (e.IsMatch(line) != matches || e.Match(line).Success != matches)
                {
                    wrong.Add($"{e.Name} (gated): '{line}'");
                }
            }
            // The corpus holds matches of each, and most lines are skipped (else the prefilter saves nothing).
            Assert.True(matched > 0, $"{e.Name}: no line matched");
            Assert.True(skipped > lines.Count / 2, $"{e.Name}: {skipped} of {lines.Count} skipped");
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public void A_text_outside_ascii_always_runs_the_expression()
    {
        // "¿con quién…": the expression's own case rules may equate letters outside ASCII with ASCII ones; the prefilter never decides there.
        Assert.All(ReplyCues.Prefiltered.All, e => Assert.True(e.Needs!.MayMatch("¿qué tal?")));
        Assert.False(ReplyCues.Prefiltered.AssistantAsAPerson.Needs!.MayMatch("the first one"));
    }

    [Fact]
    public void The_warm_up_runs_every_prefiltered_cue()
    {
        var names = AgentWarmUp.PrefilteredExpressions.Select(s => s.Name).ToHashSet();
        Assert.All(ReplyCues.Prefiltered.All, e => Assert.Contains("ReplyCues." + e.Name, names));
        Assert.All(ReplyCues.Prefiltered.All, e => Assert.True(e.IsMatch(e.Sample), $"{e.Name}: '{e.Sample}'"));
    }
}
