using FrontDesk.Eval.Scenarios;
using Xunit.Abstractions;

namespace FrontDesk.Eval.Tests;

/// <summary>
/// tests/scenarios/*.yaml, one case per scenario, through the agent over the real tools on a fresh SQLite store with
/// the profile's clock pinned; graded on the end state. SMS keyword turns (STOP/START) go through the SMS channel's
/// own handling and opt-out store.
/// </summary>
public sealed class ScenarioSuiteTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var s in ScenarioFiles.Load(RepoPaths.Scenarios))
        {
            data.Add(s.Id);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Scenario_reaches_the_expected_end_state(string id)
    {
        var scenario = ScenarioFiles.Load(RepoPaths.Scenarios).Single(s => s.Id == id);
        var outcome = await ScenarioRunner.RunAsync(scenario);
        output.WriteLine(outcome.Explain());
        if (scenario.KnownIssue is { } issue)
        {
            // A recorded failure must still fail: once it passes, its known_issue comes out of the file.
            Assert.False(outcome.Passed, $"{id} passes now; remove its known_issue ({issue}).");
            return;
        }
        Assert.True(outcome.Passed, outcome.Explain());
    }

    [Fact]
    public void The_suite_covers_every_area_on_two_profiles_in_different_time_zones()
    {
        var all = ScenarioFiles.Load(RepoPaths.Scenarios);
        Assert.True(all.Count >= 60, $"{all.Count} scenarios");
        foreach (var area in new[] { "booking", "reschedule", "cancel", "waitlist", "faq", "escalation", "privacy", "injection", "out-of-scope", "corrections", "opt-out" })
        {
            Assert.Contains(all, s => s.Tags.Contains(area));
        }
        foreach (var category in new[] { "emergency", "medical", "pricing", "sensitive", "human_request" })
        {
            Assert.Contains(all, s => s.Expect.Escalations.Contains(category));
        }
        Assert.Equal(2, all.Select(s => s.Profile).Distinct().Count());
    }

    [Fact]
    public void Pass_hat_k_is_the_chance_that_all_k_runs_pass()
    {
        // Two tasks: one passes 4 of 4 runs, one passes 2 of 4. pass^1 = (1 + 0.5) / 2; pass^2 = (1 + C(2,2)/C(4,2)) / 2.
        var tasks = new[] { (4, 4), (4, 2) };
        Assert.Equal(0.75, ScenarioCommand.PassHatK(tasks, 1), 6);
        Assert.Equal((1 + 1.0 / 6) / 2, ScenarioCommand.PassHatK(tasks, 2), 6);
        Assert.Equal(0.5, ScenarioCommand.PassHatK(tasks, 4), 6);
    }
}
