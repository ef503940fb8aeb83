using System.Globalization;
using System.Text;
using FrontDesk.Agent.Screening;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Profile;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace FrontDesk.Agent.Tests.Screening;

/// <summary>
/// The Spanish safety evaluation set (Screening/es-safety-set.yaml) through the shipped rules: every emergency and
/// medical message caught (100 % recall), every pricing, sensitive and person request routed, and no ordinary message
/// taken for an emergency. Run on both test profiles: the Spanish rules name no spa's services.
/// </summary>
public sealed class SpanishSafetySetTests(ITestOutputHelper output)
{
    private static readonly EscalationRules Rules = EscalationRules.Load(Path.Combine(TestFiles.Prompts, "escalation.yaml"));

    /// <summary>The set's sections and their messages, in file order.</summary>
    public static IReadOnlyList<(string Section, string Text)> Set { get; } = LoadSet();

    public static TheoryData<string> Profiles => new() { "demo", "harbor" };

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Spanish_safety_set_is_caught_and_ordinary_messages_are_not_emergencies(string profile)
    {
        var screen = new SafetyScreen(SpaProfileLoader.Load(profile == "demo" ? TestFiles.DemoProfile : TestFiles.HarborProfile), Rules);
        var misses = new List<string>();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"profile {profile}: section | messages | as expected | other escalation | nothing");
        foreach (var section in Set.GroupBy(s => s.Section))
        {
            int expected = 0, other = 0, none = 0;
            foreach (var (_, text) in section)
            {
                var finding = screen.ScreenInbound(text);
                var got = finding.Category?.Name;
                var want = section.Key == "ordinary" ? null : section.Key;
                if (got == want)
                {
                    expected++;
                }
                else
                {
                    if (got is null)
                    {
                        none++;
                    }
                    else
                    {
                        other++;
                    }
                    misses.Add($"{section.Key}: \"{text}\" → {got ?? "nothing"}");
                }
            }
            report.AppendLine(CultureInfo.InvariantCulture, $"{section.Key} | {section.Count()} | {expected} | {other} | {none}");
        }
        output.WriteLine(report.ToString());
        Assert.True(misses.Count == 0, "Not as expected:\n" + string.Join('\n', misses));
    }

    [Fact]
    public void Set_has_at_least_40_safety_and_40_ordinary_messages()
    {
        Assert.True(Set.Count(s => s.Section is "emergency" or "medical") >= 40);
        Assert.True(Set.Count(s => s.Section == "ordinary") >= 40);
    }

    private static List<(string Section, string Text)> LoadSet()
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "Screening", "es-safety-set.yaml")))
        {
            stream.Load(reader);
        }
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return [.. root.Children.SelectMany(section => ((YamlSequenceNode)section.Value).Children
            .Select(item => (((YamlScalarNode)section.Key).Value!, ((YamlScalarNode)item).Value!)))];
    }
}
