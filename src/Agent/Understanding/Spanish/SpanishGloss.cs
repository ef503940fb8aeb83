using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace FrontDesk.Agent.Understanding.Spanish;

/// <summary>
/// Reads a Spanish message into the plain English the understanding's parsers read ("quiero un masaje sueco mañana a
/// las 3 de la tarde" → "I want a swedish massage tomorrow at 3 pm"), so Spanish yields the same typed facts as English
/// without a second copy of the dialogue logic. Phrases come from two tables shipped with the engine: the bilingual spa
/// vocabulary (spa-vocabulary-spanish.txt) and everyday phrases (spanish-phrases.txt). Matching ignores accents and case, takes
/// the longest phrase, and tolerates misspellings that sound the same ("kiero una sita", "sueko"). The profile's own
/// words (service names and aliases, providers, locations) and unknown words (names) pass through unchanged.
/// Pure and thread-safe.
/// </summary>
public static partial class SpanishGloss
{
    private static readonly Lazy<Table> Phrases = new(() => Table.Load("spanish-phrases.txt", "spa-vocabulary-spanish.txt"));
    private static readonly ConditionalWeakTable<SpaVocabulary, Dictionary<string, string?>> Protected = [];

    /// <summary>The Spanish phrases the vocabulary and phrase tables know (folded), for tests and tools.</summary>
    public static int PhraseCount => Phrases.Value.Entries.Count;

    /// <summary>
    /// Whether the phrase tables read the single folded word <paramref name="folded"/> as another word ("membresia" →
    /// "membership", "bicicletas" → "bikes"): a Spanish word of the spa's matters, for the language detector (round 26).
    /// </summary>
    public static bool Translates(string folded) =>
        Phrases.Value.Entries.TryGetValue(folded, out var english) && english.Length > 0 && !string.Equals(english, folded, StringComparison.Ordinal);

    /// <summary>The English reading of a Spanish message; the profile's own words in <paramref name="vocabulary"/> are kept.</summary>
    public static string ToEnglish(string text, SpaVocabulary? vocabulary = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var table = Phrases.Value;
        var keep = vocabulary is null ? null : Protected.GetValue(vocabulary, ProtectedPhrases);
        var folded = Fold(text);
        var tokens = WordToken().Matches(folded);
        var sb = new StringBuilder(text.Length + 16);
        var last = 0;
        var i = 0;
        // Words right after "soy" / "me llamo" are a name unless the table knows them as they are: never read as the
        // nearest word by sound ("soy marina diaz" is not "marina días", "Marina Days").
        var nameWordsLeft = 0;
        // "Vale Ortiz 415 555 2131", "Sara Diaz, 415…": a first name and a surname written as one, right before a phone
        // number, are the person's name, even when a word of it is also Spanish ("vale", okay; "diaz", días).
        var writtenName = NameBeforeNumber().Match(text);
        while (i < tokens.Count)
        {
            var start = tokens[i].Index;
            AppendSeparator(sb, text, last, start);
            while (writtenName.Success && writtenName.Groups["name"].Index + writtenName.Groups["name"].Length <= start)
            {
                writtenName = writtenName.NextMatch();
            }
            if (writtenName.Success && start >= writtenName.Groups["name"].Index)
            {
                sb.Append(text, start, tokens[i].Length);
                last = start + tokens[i].Length;
                nameWordsLeft = 0;
                i++;
                continue;
            }
            if (tokens[i].Value is "unas" or "una" && text.AsSpan(start, tokens[i].Length).IndexOfAny('ñ', 'Ñ') >= 0)
            {
                // "uñas para el sabado" (round 32): written with its tilde the word is nails, never "unas" (some), which the
                // folded table cannot tell apart.
                sb.Append(tokens[i].Value == "unas" ? "nails" : "nail");
                last = start + tokens[i].Length;
                nameWordsLeft = 0;
                i++;
                continue;
            }
            var (length, replacement) = Longest(tokens, i, folded, keep, table);
            if (length > 0)
            {
                var end = tokens[i + length - 1].Index + tokens[i + length - 1].Length;
                sb.Append(replacement ?? text[start..end]);
                last = end;
                i += length;
                nameWordsLeft = replacement is "i'm" or "my name is" ? 3 : replacement is null ? nameWordsLeft - length : 0;
                continue;
            }
            var word = tokens[i].Value;
            sb.Append((nameWordsLeft > 0 ? null : table.Fuzzy(word)) ?? text.Substring(start, tokens[i].Length));
            last = start + tokens[i].Length;
            nameWordsLeft--;
            i++;
        }
        AppendSeparator(sb, text, last, text.Length);
        return Tidy(sb.ToString());
    }

    /// <summary>
    /// The longest phrase starting at token <paramref name="i"/>: a profile phrase (kept as written, replacement null)
    /// or a table phrase (its English). Length 0 when none.
    /// </summary>
    private static (int Length, string? Replacement) Longest(MatchCollection tokens, int i, string folded, Dictionary<string, string?>? keep, Table table)
    {
        var key = new StringBuilder();
        var best = (0, (string?)null);
        for (var n = 1; n <= Table.MaxWords && i + n - 1 < tokens.Count; n++)
        {
            var t = tokens[i + n - 1];
            if (n > 1)
            {
                var gap = folded[(tokens[i + n - 2].Index + tokens[i + n - 2].Length)..t.Index];
                if (gap.Any(c => !char.IsWhiteSpace(c) && c != '-'))
                {
                    break;
                }
                key.Append(' ');
            }
            // "q" is how "que" is texted ("a q hora cierran", "hay q dejar deposito").
            key.Append(t.Value == "q" ? "que" : t.Value);
            var phrase = key.ToString();
            if (keep is not null && keep.TryGetValue(phrase, out var own))
            {
                best = (n, own);
            }
            else if (table.Entries.TryGetValue(phrase, out var english))
            {
                best = (n, english);
            }
        }
        return best;
    }

    private static void AppendSeparator(StringBuilder sb, string text, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            // Spanish opening marks say nothing the parsers read.
            if (text[k] is not ('¿' or '¡'))
            {
                sb.Append(text[k]);
            }
        }
    }

    // Two capitalised words, then (a comma at most) a phone number of ten digits in groups, or said in Spanish words digit by
    // digit, as a caller reads it out ("Marta Díaz, cuatro uno cinco, cinco cinco cinco, …": seven digit words at least).
    // Linear: each part is bounded and set apart from the next by a character it cannot hold.
    // Round 34: typed in lower case as the whole message ("nora diaz 415 555 0164" was booked for "Nora Days"), unless its
    // first word is one of the words a number is introduced with ("mi numero 415…", "es el 415…").
    [GeneratedRegex(@"(?<name>\p{Lu}[\p{Ll}'’]+\s+\p{Lu}[\p{Ll}'’]+)\s*,?\s*(?:(?:\+?1[\s.-]*)?\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{2}|(?i:(?:cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)(?:[\s,.-]+(?:cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)){6}))"
        + @"|^\W*(?!(?:hola|buenas|hi|hello|hey|ok|okay|si|sí|yes|no|mi|my|el|la|es|soy|me|numero|número|num|tel|telefono|teléfono|cel|celular|cell|phone|number|call|text|is|its|it's|this|aqui|aquí|mande|manden|llame|llamen|marque)\b)(?<name>\p{Ll}[\p{Ll}'’]+\s+\p{Ll}[\p{Ll}'’]+)\s*,?\s*(?:\+?1[\s.-]*)?\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}\W*$", RegexOptions.CultureInvariant)]
    private static partial Regex NameBeforeNumber();

    /// <summary>Joins what word-by-word reading leaves apart: "3 :30" → "3:30", "the 14" → "the 14th", "  " → " ".</summary>
    private static string Tidy(string english)
    {
        var s = SplitClock().Replace(english, "$1:$2");
        s = SlashDate().Replace(s, WrittenOut);
        s = OfAge().Replace(s, "${n} year old");
        s = OfLength().Replace(s, "${n} minute");
        s = BareDayOfMonth().Replace(s, m => $"the {m.Groups["d"].Value}th");
        s = Spaces().Replace(s, " ");
        return s.Trim();
    }

    /// <summary>Lower case without accents, the same length as the text ("Mañana" → "manana").</summary>
    internal static string Fold(string text)
    {
        var chars = new char[text.Length];
        for (var k = 0; k < text.Length; k++)
        {
            var c = char.ToLowerInvariant(text[k]);
            chars[k] = c switch
            {
                'á' or 'à' or 'ä' or 'â' => 'a',
                'é' or 'è' or 'ë' or 'ê' => 'e',
                'í' or 'ì' or 'ï' or 'î' => 'i',
                'ó' or 'ò' or 'ö' or 'ô' => 'o',
                'ú' or 'ù' or 'ü' or 'û' => 'u',
                'ñ' => 'n',
                '’' => '\'',
                _ => c,
            };
        }
        return new string(chars);
    }

    /// <summary>
    /// The profile's own words, folded: kept as written (null), except a service's Spanish name or alias, which reads as
    /// the service's own name ("relleno de labios" → "Lip Filler") so the FAQ and the gates read the same words as in
    /// English. A Spanish word two services share is kept as written, for the matcher to offer both.
    /// </summary>
    private static Dictionary<string, string?> ProtectedPhrases(SpaVocabulary vocabulary)
    {
        var phrases = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? Key(string phrase)
        {
            var words = WordToken().Matches(Fold(phrase)).Select(m => m.Value).ToList();
            return words.Count > 0 && words.Any(w => w.Length >= 3) ? string.Join(' ', words) : null;
        }
        void Add(string phrase)
        {
            if (Key(phrase) is { } key)
            {
                phrases[key] = null;
            }
        }
        var local = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var s in vocabulary.Services)
        {
            Add(s.Name);
            foreach (var alias in s.Aliases)
            {
                Add(alias);
            }
            foreach (var name in s.LocalNames.Select(Key).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                local[name] = local.TryGetValue(name, out var other) && other != s.Name ? null : s.Name;
            }
        }
        foreach (var (key, name) in local)
        {
            phrases[key] = name;
        }
        foreach (var p in vocabulary.Staff)
        {
            Add(p.Name);
            foreach (var part in p.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Add(part);
            }
        }
        foreach (var l in vocabulary.Locations)
        {
            Add(l.Name);
        }
        return phrases;
    }

    /// <summary>The phrase tables, folded, with a sound-alike index of single words for misspellings.</summary>
    private sealed class Table
    {
        public const int MaxWords = 6;

        public Dictionary<string, string> Entries { get; } = new(StringComparer.Ordinal);

        private readonly Dictionary<string, string> _bySound = new(StringComparer.Ordinal);

        public static Table Load(params string[] resources)
        {
            var table = new Table();
            foreach (var resource in resources)
            {
                using var stream = typeof(SpanishGloss).Assembly.GetManifestResourceStream($"FrontDesk.Agent.Understanding.Spanish.{resource}")
                    ?? throw new InvalidOperationException($"Missing embedded resource {resource}");
                using var reader = new StreamReader(stream, Encoding.UTF8);
                while (reader.ReadLine() is { } line)
                {
                    var eq = line.IndexOf('=', StringComparison.Ordinal);
                    if (line.TrimStart().StartsWith('#') || eq <= 0)
                    {
                        continue;
                    }
                    var key = string.Join(' ', WordToken().Matches(Fold(line[..eq])).Select(m => m.Value));
                    var english = line[(eq + 1)..].Trim();
                    // The first entry of a phrase wins; later files do not override earlier ones.
                    if (key.Length > 0 && table.Entries.TryAdd(key, english == "-" ? "" : english) && !key.Contains(' ', StringComparison.Ordinal))
                    {
                        table._bySound.TryAdd(Sound(key), key);
                    }
                }
            }
            return table;
        }

        /// <summary>The English of a misspelled single word that sounds like a known one ("kiero" → "quiero"), or null.</summary>
        public string? Fuzzy(string word)
        {
            if (word.Length < 3 || word.Any(char.IsDigit))
            {
                return null;
            }
            var sound = Sound(word);
            if (_bySound.TryGetValue(sound, out var key))
            {
                return Entries[key];
            }
            if (word.Length < 6)
            {
                return null;
            }
            // One letter off, on long words only ("cancelr", "miercole").
            foreach (var (other, k) in _bySound)
            {
                if (Math.Abs(other.Length - sound.Length) <= 1 && other.Length >= 5 && Fuzzy1(other, sound))
                {
                    return Entries[k];
                }
            }
            return null;
        }

        /// <summary>How a Spanish word sounds, roughly: qu/c/k, z/s/c, v/b, ll/y and a silent h are the usual misspellings.</summary>
        private static string Sound(string word)
        {
            var w = word.Replace("qu", "k", StringComparison.Ordinal).Replace("ll", "y", StringComparison.Ordinal)
                .Replace("ce", "se", StringComparison.Ordinal).Replace("ci", "si", StringComparison.Ordinal)
                .Replace('z', 's').Replace('v', 'b').Replace('c', 'k').Replace("h", "", StringComparison.Ordinal);
            return w;
        }

        private static bool Fuzzy1(string a, string b)
        {
            if (a.Length == b.Length)
            {
                return a.Zip(b).Count(p => p.First != p.Second) == 1;
            }
            var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
            for (var k = 0; k < longer.Length; k++)
            {
                if (string.Equals(longer.Remove(k, 1), shorter, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            return false;
        }
    }

    [GeneratedRegex(@"[a-z0-9]+(?:'[a-z]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex WordToken();

    [GeneratedRegex(@"(\d{1,2})\s+:(\d\d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SplitClock();

    /// <summary>
    /// A date written with slashes, as Spanish writes it: day first ("el 5/12" is the 5th of December), the month first only
    /// when the other way is no date ("el 12/14"); written out ("december 5", "2026-12-05" with its year) so the English
    /// parser, which reads the month first, does not take it the other way. Left as written when neither way is a date.
    /// </summary>
    private static string WrittenOut(Match m)
    {
        var a = int.Parse(m.Groups["a"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var b = int.Parse(m.Groups["b"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var (day, month) = b is >= 1 and <= 12 && a is >= 1 and <= 31 ? (a, b) : a is >= 1 and <= 12 && b is >= 1 and <= 31 ? (b, a) : (0, 0);
        if (day == 0)
        {
            return m.Value;
        }
        if (m.Groups["y"].Success)
        {
            var year = int.Parse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
            year = year < 100 ? 2000 + year : year;
            return DateOnly.TryParseExact($"{year:D4}-{month:D2}-{day:D2}", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)
                ? $"{year:D4}-{month:D2}-{day:D2}" : m.Value;
        }
        return $"{System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month).ToLowerInvariant()} {day}";
    }

    [GeneratedRegex(@"(?<![\d/.-])(?<a>\d{1,2})\s*/\s*(?<b>\d{1,2})(?:\s*/\s*(?<y>\d{4}|\d{2}))?(?![\d/])", RegexOptions.CultureInvariant)]
    private static partial Regex SlashDate();

    [GeneratedRegex(@"\bthe (?<d>[1-9]|[12]\d|3[01])\b(?!\s*(?:st|nd|rd|th|am|pm|:|minutes?|min|hours?|of|one|o'clock)\b)(?![:\d])(?!\s*[/.-]\s*\d)", RegexOptions.CultureInvariant)]
    private static partial Regex BareDayOfMonth();

    // "masaje sueco de 60" → "swedish massage of 60": the length of the service.
    // "mi hija de 15 años": an age, read before the lengths ("de 15" is otherwise fifteen minutes).
    [GeneratedRegex(@"\bof (?<n>\d{1,2}) (?:años|anos|years?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OfAge();

    [GeneratedRegex(@"\bof (?<n>15|20|25|30|45|50|60|75|80|90|100|120)(?: minutes?)?\b(?!:)", RegexOptions.CultureInvariant)]
    private static partial Regex OfLength();

    [GeneratedRegex(@"[ \t]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
