using System.Text.RegularExpressions;
using FrontDesk.Agent.Embedded;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Text;

namespace FrontDesk.Agent.Tests.Languages;

/// <summary>
/// A tool's message is a note to a model, in English: the embedded engine words every outcome from a template of the
/// conversation's language. These walk the outcomes the tools' sources can return (src/Tools) and check that each has
/// its wording, in English and in Spanish.
/// </summary>
public sealed partial class ToolOutcomeWordingTests
{
    private static readonly TextTemplates English = TextTemplates.Load(Path.Combine(TestFiles.Prompts, "replies.yaml"));
    private static readonly TextTemplates Spanish = TextTemplates.Load(Path.Combine(TestFiles.Prompts, "es", "replies.yaml"));

    [Fact]
    public void Every_reason_a_tool_can_give_has_a_template_in_english_and_spanish()
    {
        var reasons = ToolSources().SelectMany(source => ReasonGiven().Matches(source).Select(m => m.Groups["reason"].Value)).ToHashSet(StringComparer.Ordinal);

        var templates = ToolOutcomes.Templates.Values.Append(ToolOutcomes.Unknown).ToList();
        var unworded = reasons.Where(r => !ToolOutcomes.Templates.ContainsKey(r)).ToList();
        var noEnglish = templates.Where(t => !English.Has(t)).ToList();
        var noSpanish = templates.Where(t => !Spanish.Has(t)).ToList();

        Assert.Contains("not_offered", reasons);
        Assert.Empty(unworded);
        Assert.Empty(noEnglish);
        Assert.Empty(noSpanish);
    }

    [Fact]
    public void Every_refusal_and_miss_of_a_tool_gives_a_reason_as_data()
    {
        // A refusal or a "not found" with only a message could be worded by the engine only by pasting that message.
        var bare = ToolSources()
            .SelectMany(source => RefusalOrMiss().Matches(source).Select(m => source[m.Index..StatementEnd().Match(source, m.Index).Index]))
            .Where(statement => !statement.Contains("reason", StringComparison.Ordinal) && !statement.Contains("late_cancel", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(bare);
    }

    private static IEnumerable<string> ToolSources()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "FrontDeskAgent.sln")))
        {
            root = root.Parent;
        }
        Assert.NotNull(root);
        return Directory.EnumerateFiles(Path.Combine(root.FullName, "src", "Tools"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText);
    }

    /// <summary><c>reason = "x"</c> in a result's data, a code refusal <c>return new("x", …)</c>, or a reason passed on (<c>"unknown_provider"</c>).</summary>
    [GeneratedRegex(@"\breason\s*=\s*""(?<reason>[a-z_]+)""|(?:return\s+new|new\s+CodeRefusal)\(""(?<reason>[a-z_]+)"",\s*""|""(?<reason>unknown_[a-z]+)""\)")]
    private static partial Regex ReasonGiven();

    [GeneratedRegex(@"new(?:\s+ToolResult)?\(""(?:refused|not_found)""")]
    private static partial Regex RefusalOrMiss();

    /// <summary>The end of a statement: a semicolon at the end of a line (one inside a message is followed by more text).</summary>
    [GeneratedRegex(@";\r?$", RegexOptions.Multiline)]
    private static partial Regex StatementEnd();
}
