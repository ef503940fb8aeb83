using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace FrontDesk.Agent.Screening;

/// <summary>One escalation category: how urgent, who hears, and what text triggers it.</summary>
/// <param name="Name">emergency, medical, pricing, sensitive, human_request (or a spa's own).</param>
/// <param name="Urgency">urgent, high, normal, low.</param>
/// <param name="Route">Who is told.</param>
/// <param name="Patterns">Compiled patterns.</param>
public sealed record EscalationCategory(string Name, string Urgency, string Route, IReadOnlyList<Regex> Patterns);

/// <summary>The escalation rules from prompts/escalation.yaml, in order of precedence.</summary>
public sealed class EscalationRules
{
    /// <summary>The categories every rules file must define.</summary>
    public static readonly string[] RequiredCategories = ["emergency", "medical", "pricing", "sensitive", "human_request"];

    private EscalationRules(IReadOnlyList<EscalationCategory> categories) => Categories = categories;

    /// <summary>Categories in precedence order.</summary>
    public IReadOnlyList<EscalationCategory> Categories { get; }

    /// <summary>A category by name.</summary>
    public EscalationCategory? Find(string name) => Categories.FirstOrDefault(c => c.Name == name);

    /// <summary>The first category whose patterns match the text, or null.</summary>
    public EscalationCategory? Match(string text, IEnumerable<string>? skip = null)
    {
        var skipped = skip?.ToHashSet();
        foreach (var category in Categories)
        {
            if (skipped?.Contains(category.Name) == true)
            {
                continue;
            }
            foreach (var pattern in category.Patterns)
            {
                if (pattern.IsMatch(text))
                {
                    return category;
                }
            }
        }
        return null;
    }

    /// <summary>Reads and validates a rules file.</summary>
    /// <exception cref="InvalidDataException">The file is missing a category, has a bad urgency or an invalid pattern.</exception>
    public static EscalationRules Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("categories"), out var node) || node is not YamlMappingNode categories)
        {
            throw new InvalidDataException($"{path}: expected 'categories:' with emergency, medical, pricing, sensitive and human_request.");
        }
        var list = new List<EscalationCategory>();
        foreach (var (key, value) in categories.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (value is not YamlMappingNode map)
            {
                throw new InvalidDataException($"{path}:{key.Start.Line}: categories.{name}: expected urgency, route and patterns.");
            }
            string Scalar(string k, string fallback) =>
                map.Children.TryGetValue(new YamlScalarNode(k), out var v) && v is YamlScalarNode { Value: { } s } ? s : fallback;
            var urgency = Scalar("urgency", "normal");
            if (urgency is not ("urgent" or "high" or "normal" or "low"))
            {
                throw new InvalidDataException($"{path}:{map.Start.Line}: categories.{name}.urgency: '{urgency}' is not urgent, high, normal or low.");
            }
            var patterns = new List<Regex>();
            if (map.Children.TryGetValue(new YamlScalarNode("patterns"), out var p) && p is YamlSequenceNode seq)
            {
                foreach (var item in seq.Children.OfType<YamlScalarNode>())
                {
                    try
                    {
                        patterns.Add(Compile(item.Value ?? ""));
                    }
                    catch (ArgumentException ex)
                    {
                        throw new InvalidDataException($"{path}:{item.Start.Line}: categories.{name}.patterns: {ex.Message}");
                    }
                }
            }
            list.Add(new EscalationCategory(name, urgency, Scalar("route", "front_desk"), patterns));
        }
        var missing = RequiredCategories.Where(r => list.All(c => c.Name != r)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{path}: categories missing: {string.Join(", ", missing)}.");
        }
        return new EscalationRules(list);
    }

    // Guards against a runaway spa-edited pattern. Generous on purpose: the first match of a compiled regex includes
    // its JIT compilation, which on a busy machine took longer than 50 ms and failed whole turns.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private static Regex Compile(string pattern)
    {
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;
        if (pattern.StartsWith("re:", StringComparison.Ordinal))
        {
            return new Regex(pattern[3..], options, MatchTimeout);
        }
        // A phrase: words on boundaries, flexible whitespace, apostrophes optional, '*' = any word ending.
        var words = pattern.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w =>
            Regex.Escape(w.Replace("'", "", StringComparison.Ordinal)).Replace(@"\*", @"\w*", StringComparison.Ordinal));
        return new Regex(@"\b" + string.Join(@"\s+", words) + @"(?!\w)", options, MatchTimeout);
    }
}
