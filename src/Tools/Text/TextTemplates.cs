using System.Text;
using YamlDotNet.RepresentationModel;

namespace FrontDesk.Tools.Text;

/// <summary>
/// Wording a spa can edit: named templates with <c>{placeholder}</c> fields, read from YAML files in prompts/.
/// A template may list several variants separated by lines of <c>|</c>; <see cref="Render"/> picks the first.
/// </summary>
public sealed class TextTemplates
{
    private readonly Dictionary<string, string> _templates = new(StringComparer.Ordinal);

    /// <summary>Creates templates from name/text pairs.</summary>
    public TextTemplates(IEnumerable<KeyValuePair<string, string>> templates)
    {
        foreach (var (name, text) in templates)
        {
            _templates[name] = text;
        }
    }

    /// <summary>Reads every top-level <c>name: text</c> pair of the YAML files given (later files win).</summary>
    public static TextTemplates Load(params string[] files)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var file in files.Where(File.Exists))
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(file, Encoding.UTF8);
            stream.Load(reader);
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map)
            {
                foreach (var (k, v) in map.Children)
                {
                    if (k is YamlScalarNode { Value: { } key } && v is YamlScalarNode { Value: { } text })
                    {
                        pairs.Add(new(key, text.TrimEnd()));
                    }
                }
            }
        }
        return new TextTemplates(pairs);
    }

    /// <summary>Whether a template exists.</summary>
    public bool Has(string name) => _templates.ContainsKey(name);

    /// <summary>A template's text as written, or null.</summary>
    public string? Template(string name) => _templates.TryGetValue(name, out var text) ? text : null;

    /// <summary>The template names.</summary>
    public IEnumerable<string> Names => _templates.Keys;

    /// <summary>Fills a template; unknown placeholders are left as they are, a missing template renders as its name in brackets.</summary>
    public string Render(string name, IReadOnlyDictionary<string, string>? values = null)
    {
        if (!_templates.TryGetValue(name, out var template))
        {
            return $"[{name}]";
        }
        return Fill(template, values);
    }

    /// <summary>Substitutes <c>{name}</c> fields in any text.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string>? values)
    {
        if (values is null || values.Count == 0 || !template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }
        var sb = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{')
            {
                var close = template.IndexOf('}', i + 1);
                if (close > i && values.TryGetValue(template[(i + 1)..close], out var value))
                {
                    sb.Append(value);
                    i = close;
                    continue;
                }
            }
            sb.Append(template[i]);
        }
        return sb.ToString();
    }
}
