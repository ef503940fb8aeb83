using System.Text.RegularExpressions;
using FrontDesk.Eval.Scenarios;
using FrontDesk.TestSupport;
using FrontDesk.Tools;
using Microsoft.Extensions.AI;

namespace FrontDesk.Eval.Tests;

/// <summary>
/// The Semantic Kernel plugins' functions, as the model sees them, are exactly the tools the embedded engine calls:
/// the whole scenario suite runs through the embedded engine and every tool it calls is read off the transcripts.
/// The names are decided once, in <see cref="ToolNames"/>.
/// </summary>
public sealed partial class ToolNameTests
{
    [Fact]
    public async Task The_plugins_functions_are_exactly_the_tools_the_embedded_engine_calls()
    {
        await using var h = await SpaBookHarness.StartAsync(TestStore.Sqlite);
        var factory = h.Get<SpaToolsFactory>();
        var offered = factory.Create(SpaBookHarness.Scope()).AsAIFunctions().OfType<AIFunction>().Select(f => f.Name).ToList();
        // One plugin per concern, and no plugin prefix in the names the model sees.
        Assert.Equal(["availability", "clients", "booking", "waitlist", "faq", "verification"], factory.Plugins.Select(p => p.Name));
        Assert.Equal(offered.Count, offered.Distinct().Count());
        Assert.Equal(factory.Plugins.SelectMany(p => p).Select(f => f.Name).Order(), offered.Order());
        Assert.Equal(typeof(ToolNames).GetFields().Select(f => (string)f.GetValue(null)!).Order(), offered.Order());

        var called = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scenario in ScenarioFiles.Load(RepoPaths.Scenarios))
        {
            var outcome = await ScenarioRunner.RunAsync(scenario);
            foreach (var line in outcome.Transcript)
            {
                foreach (Match m in ToolCall().Matches(line))
                {
                    called.Add(m.Groups["name"].Value);
                }
            }
        }
        // Every tool the engine calls is a plugin function under the same name.
        Assert.Empty(called.Except(offered));
        // And every plugin function is called by the engine (find_client for "my usual", people-round7.yaml;
        // accept_waitlist_offer since round 19's replies to an opening texted to a waitlisted client, people-round19.yaml).
        Assert.Empty(offered.Except(called));
    }

    // A transcript line ends with "[check_availability:ok, book_appointment:needs_confirmation]".
    [GeneratedRegex(@"(?<=[\[ ])(?<name>[a-z_]+):[a-z_]+(?=[,\]])")]
    private static partial Regex ToolCall();
}
