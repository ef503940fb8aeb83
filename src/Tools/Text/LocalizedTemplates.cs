namespace FrontDesk.Tools.Text;

/// <summary>
/// One set of templates per language: English in <c>prompts/{file}</c>, another language in <c>prompts/{language}/{file}</c>
/// with the same keys. A key a language does not have falls back to English; <see cref="Missing"/> lists those keys so
/// the host reports them at start-up instead of a reply showing up in English at run time unannounced.
/// </summary>
public sealed class LocalizedTemplates
{
    private readonly Dictionary<string, TextTemplates> _byLanguage;

    /// <summary>Creates the set from English and the other languages' own templates.</summary>
    public LocalizedTemplates(TextTemplates english, IReadOnlyDictionary<string, TextTemplates>? others = null)
    {
        ArgumentNullException.ThrowIfNull(english);
        English = english;
        _byLanguage = new(StringComparer.Ordinal) { [EnglishCode] = english };
        var missing = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (language, own) in others ?? new Dictionary<string, TextTemplates>())
        {
            var merged = english.Names.Select(n => new KeyValuePair<string, string>(n, english.Template(n)!))
                .Concat(own.Names.Select(n => new KeyValuePair<string, string>(n, own.Template(n)!)));
            _byLanguage[language] = new TextTemplates(merged);
            missing[language] = [.. english.Names.Where(n => !own.Has(n)).Order(StringComparer.Ordinal)];
        }
        Missing = missing;
    }

    private const string EnglishCode = "en";

    /// <summary>The English templates (every key).</summary>
    public TextTemplates English { get; }

    /// <summary>The languages with templates of their own.</summary>
    public IEnumerable<string> Languages => _byLanguage.Keys;

    /// <summary>English keys a language has no template for (they are said in English), by language.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Missing { get; }

    /// <summary>The templates of a language, English for a key it lacks; English for an unknown or null language.</summary>
    public TextTemplates For(string? language) => language is not null && _byLanguage.TryGetValue(language, out var t) ? t : English;

    /// <summary>
    /// Reads <c>{directory}/{file}</c> (English) and <c>{directory}/{language}/{file}</c> for each other language that has
    /// the file.
    /// </summary>
    public static LocalizedTemplates Load(string directory, string file, IEnumerable<string> languages)
    {
        ArgumentNullException.ThrowIfNull(languages);
        var english = TextTemplates.Load(Path.Combine(directory, file));
        var others = new Dictionary<string, TextTemplates>(StringComparer.Ordinal);
        foreach (var language in languages.Where(l => l != EnglishCode))
        {
            var path = Path.Combine(directory, language, file);
            if (File.Exists(path))
            {
                others[language] = TextTemplates.Load(path);
            }
        }
        return new LocalizedTemplates(english, others);
    }
}
