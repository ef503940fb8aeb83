using System.Globalization;
using System.Text;
using Lingua;
using LinguaLanguage = Lingua.Language;

namespace FrontDesk.Agent.Languages;

/// <summary>
/// Tells which language a message is written in, for the conversation's language. Short texts are the hard case
/// ("sí", "ok", "Ana López", "3 pm"): a small lexicon of words that belong to one language decides first, Lingua's
/// n-gram models (SearchPioneer.Lingua) decide the rest, and a message that gives too little to tell keeps the
/// conversation's language. Languages the business does not serve are recognised (so the reply can offer a person)
/// only on clear evidence. Thread-safe; a reading takes well under a millisecond once the models are loaded.
/// </summary>
public sealed partial class LanguageDetector
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\S+@\S+|https?://\S+|www\.\S+|\S+\.(?:com|net|org|io)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Address();

    // Two or three capitalised words after a word or a comma in the same sentence (not opening the message or a sentence,
    // where a capital says nothing). Linear: the words are separated by spaces, which are not letters.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[\p{L}\d,;:][ \t]*)\b\p{Lu}\p{Ll}[\p{L}'’]*(?:[ \t]+\p{Lu}\p{Ll}[\p{L}'’]*){1,2}\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex WrittenName();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*\p{Lu}\p{Ll}[\p{L}'’]*(?:[ \t]+\p{Lu}\p{Ll}[\p{L}'’]*){1,2}(?=[ \t,:-]*[+(]?\d)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NameBeforeNumber();

    // Three or more single letters apart by spaces or hyphens: "N G U Y E N", "d-a-n-a".
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\p{L}'’])\p{L}(?:[\s-]+\p{L}){2,}(?![\p{L}'’])", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SpelledOut();

    // The languages clients most often write besides English and Spanish. Low-accuracy mode (trigram models only): it
    // loads in under a second and takes about 10 MB, where the full models take ~9 s and ~170 MB; the lexicon below
    // does the work on the short messages where the full models would matter. Loaded once per process.
    private static readonly Lazy<Lingua.LanguageDetector> Model = new(() => LanguageDetectorBuilder.FromLanguages(
        LinguaLanguage.English, LinguaLanguage.Spanish, LinguaLanguage.Portuguese, LinguaLanguage.French, LinguaLanguage.Italian,
        LinguaLanguage.German, LinguaLanguage.Vietnamese, LinguaLanguage.Tagalog, LinguaLanguage.Chinese, LinguaLanguage.Japanese,
        LinguaLanguage.Korean, LinguaLanguage.Russian, LinguaLanguage.Arabic, LinguaLanguage.Hindi).WithLowAccuracyMode().Build());

    // The 10,000 most common words of English and of Spanish, kept where one language uses a word and the other hardly
    // does (common-words.tsv, made by eval/languages/make-common-words.py). Read after the lexicon below, which wins.
    private static readonly Lazy<Dictionary<string, string>> CommonWords = new(LoadCommonWords);

    private static readonly System.Buffers.SearchValues<char> SpanishLetters = System.Buffers.SearchValues.Create("ñáéíóú");
    private readonly List<string> _enabled;

    /// <summary>A detector for a business that serves <paramref name="enabled"/> (codes, the default first).</summary>
    public LanguageDetector(IReadOnlyList<string> enabled)
    {
        ArgumentNullException.ThrowIfNull(enabled);
        _enabled = enabled.Where(ConversationLanguage.IsSupported).ToList() is { Count: > 0 } served ? served : [ConversationLanguage.English];
    }

    /// <summary>The languages this business serves, its default first.</summary>
    public IReadOnlyList<string> Enabled => _enabled;

    /// <summary>Loads the language models (start-up warm-up), so the first conversation does not pay for it.</summary>
    public static void WarmUp()
    {
        Model.Value.DetectLanguageOf("hello, I would like to book an appointment");
        _ = CommonWords.Value.Count;
    }

    /// <summary>
    /// The conversation's language after <paramref name="text"/>: the message's language when it is clear and served;
    /// otherwise <paramref name="current"/> (or the business's default for a first message).
    /// </summary>
    /// <remarks>
    /// With <paramref name="settled"/> (the conversation's language was heard in an earlier message, not only assumed), a
    /// short reply in the other served language ("the first one", "ok sí", "la primera") keeps it: people mix languages in
    /// short answers without meaning to switch (round 30). A whole sentence, a question or a request in the other language
    /// still switches.
    /// </remarks>
    public LanguageReading Read(string? text, string? current, bool settled = false)
    {
        var keep = current is not null && _enabled.Contains(current) ? current : _enabled[0];
        var detected = Identify(text);
        if (detected is null)
        {
            return new LanguageReading(keep, null, false);
        }
        if (settled && detected != keep && _enabled.Contains(detected) && IsShortReply(text!))
        {
            return new LanguageReading(keep, null, false) { WrittenIn = detected };
        }
        return _enabled.Contains(detected) ? new LanguageReading(detected, detected, false) : new LanguageReading(keep, detected, true);
    }

    /// <summary>
    /// A short answer, not a sentence: three words at most, no question, and none of the words that make a request or a
    /// sentence of it in either language ("quiero", "can", "prefiero"…).
    /// </summary>
    private static bool IsShortReply(string text)
    {
        if (text.Contains('?', StringComparison.Ordinal) || text.Contains('¿', StringComparison.Ordinal))
        {
            return false;
        }
        var words = Words(SpelledOut().Replace(Address().Replace(text, " "), " "));
        return words.Count <= 3 && !words.Any(w => SentenceVerbs.Contains(w.Folded));
    }

    // The verbs that make a short message a request or a statement of its own ("quiero la primera", "can u do 3").
    private static readonly HashSet<string> SentenceVerbs = new(StringComparer.Ordinal)
    {
        "quiero", "quisiera", "necesito", "prefiero", "puedo", "puede", "pueden", "tienen", "tiene", "hay", "hablo", "habla",
        "want", "need", "prefer", "can", "could", "would", "have", "speak", "do", "does",
    };

    /// <summary>The language <paramref name="text"/> is clearly written in (ISO 639-1), or null when it is too short or mixed to tell.</summary>
    public static string? Identify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        // An email or web address says nothing about the language ("sam.ortiz@mail.com"), nor does a name written as one
        // after other words ("… tmrw at 2pm, Iris Vale": "Vale" is a surname there, not Spanish "vale").
        var plain = Address().Replace(text, " ");
        // A name spelled letter by letter on a call ("It's Linh Nguyen, N G U Y E N.", round 28: read as another language)
        // says nothing about the language either.
        plain = SpelledOut().Replace(plain, " ");
        // A name opening the message before a number ("Dana Reyes 415-555-0199, hydrafacial, friday 11am", round 36: read
        // as a third language) says nothing about it either.
        plain = NameBeforeNumber().Replace(plain, " ");
        var words = Words(plain);
        if (words.Any(w => !char.IsUpper(w.Word[0])))
        {
            // Every word capitalised ("Quiero Un Masaje") is read below as it is.
            words = Words(WrittenName().Replace(plain, " "));
        }
        // Letters of another script, and Vietnamese letters (ơ, ư, đ, ạ, ả…), which no English or Spanish word has.
        var otherScript = text.Count(c => char.IsLetter(c) && ((c > '\u024F' && c is not (>= '\u1E00' and <= '\u1EFF'))
            || c is (>= '\u1EA0' and <= '\u1EF9') or 'ơ' or 'ư' or 'đ' or 'Ơ' or 'Ư' or 'Đ'));
        if (otherScript >= 2)
        {
            // Chinese, Cyrillic, Arabic…: the script alone tells, whatever the length.
            return Code(Model.Value.DetectLanguageOf(text));
        }
        if (words.Count == 0 || text.Count(char.IsLetter) <= 1)
        {
            // One letter ("y", "k") says nothing about the language ("y" is also Spanish for "and").
            return null;
        }
        var spanish = 0;
        var english = 0;
        var third = 0;
        var spanishFrame = 0;
        var englishFrame = 0;
        var commonSpanish = 0;
        var commonEnglish = 0;
        // Letters Spanish never writes (ã, ç, è…) point to Portuguese, French or Italian: Spanish-looking words then prove little.
        var foreignLetters = text.Any(c => "ãõçêâàèùœëïîôû".Contains(char.ToLowerInvariant(c), StringComparison.Ordinal));
        // Names ("Rocío Méndez", "Jordan Lee") are capitalised: the common-word list, which has some names, is not read for
        // them; the first word of a message is read unless every word is capitalised.
        var allCapitalised = words.Count > 1 && words.All(w => char.IsUpper(w.Word[0]));
        for (var i = 0; i < words.Count; i++)
        {
            var (word, folded) = words[i];
            if (NeutralWords.Contains(folded) || IsCalledBy(words, i))
            {
                continue;
            }
            if (allCapitalised && folded.Length <= 3 && string.Equals(folded, word, StringComparison.OrdinalIgnoreCase))
            {
                // Every word capitalised is a name ("Gwen Lo", "Al Grant 415…", "Ana De La Cruz"): its short words are
                // parts of the name, not Spanish "lo" / "al" / "de" (longer words still count: "Buenos Dias").
                continue;
            }
            spanishFrame += SpanishFunctionWords.Contains(folded) ? 1 : 0;
            englishFrame += EnglishFunctionWords.Contains(folded) ? 1 : 0;
            if (OtherWords.Contains(folded))
            {
                third++;
            }
            else if (SpanishWords.Contains(folded) || (!foreignLetters && SpanishSpelling(word, folded)))
            {
                spanish++;
            }
            else if (EnglishWords.Contains(folded))
            {
                english++;
            }
            else if ((!char.IsUpper(word[0]) || (i == 0 && !allCapitalised)) && CommonLanguageOf(folded) is { } common)
            {
                // The most common words of each language that the other hardly uses ("momentito", "igualmente", "sooner"),
                // and the Spanish words the understanding's phrase tables translate ("membresia?", "bicicletas").
                if (common == ConversationLanguage.Spanish)
                {
                    commonSpanish++;
                }
                else
                {
                    commonEnglish++;
                }
            }
        }
        if (!foreignLetters && third == 0)
        {
            // The list is long and has words other languages share ("per", "au"): with a sign of a third language it counts for nothing.
            spanish += commonSpanish;
            english += commonEnglish;
        }
        if (foreignLetters || third > 0)
        {
            spanish = Math.Max(0, spanish - 2 * Math.Max(third, 1));
        }
        if (text.Contains('¿', StringComparison.Ordinal) || text.Contains('¡', StringComparison.Ordinal))
        {
            spanish += 2;
        }
        if (spanish > 0 && english > 0 && third == 0 && !foreignLetters && spanishFrame != englishFrame)
        {
            // Spanglish: the words that hold the sentence together (articles, prepositions, pronouns, "quiero"/"can") say
            // which language the person speaks; the nouns are often borrowed ("quiero book un facial para el friday" is
            // Spanish, "can I book a masaje de tejido profundo" English).
            return spanishFrame > englishFrame ? ConversationLanguage.Spanish : ConversationLanguage.English;
        }
        var lexicon = spanish > english ? ConversationLanguage.Spanish : english > spanish ? ConversationLanguage.English : null;
        var margin = Math.Abs(spanish - english);
        // A name, a number and a word or two of neither lexicon ("Ana López", "Rae") say nothing about the language.
        if (lexicon is null && (words.Count <= 2 || words.All(w => char.IsUpper(w.Word[0]))))
        {
            return null;
        }
        var mostlyUnknown = (spanish + english) * 3 < words.Count;
        if (lexicon is not null && !mostlyUnknown && (margin >= 2 || words.Count <= 3))
        {
            // The lexicon is clear and leaves no room for a third language: no need for the model.
            return lexicon;
        }
        var confidences = Model.Value.ComputeLanguageConfidenceValues(string.Join(' ', words.Select(w => w.Word)));
        var (top, confidence) = confidences.Count == 0 ? (LinguaLanguage.Unknown, 0.0) : (confidences.First().Key, confidences.First().Value);
        var model = Code(top);
        // A third language only on clear evidence: four words or more, most of them in neither lexicon (Portuguese and
        // Italian share "para", "de", "que" with Spanish), and a confident model.
        var thirdModel = model is not null && model != ConversationLanguage.English && model != ConversationLanguage.Spanish;
        if (thirdModel && words.Count >= 2 && spanish + english == 0 && (third >= 2 || (third > 0 && foreignLetters && confidence >= 0.5)))
        {
            // Short, but with everyday words (and letters) of that language and none of ours ("Vocês fazem depilação?",
            // "Je suis en retard"): the model names which.
            return model;
        }
        if (thirdModel)
        {
            return words.Count >= 4 && (spanish + english) * 4 < words.Count && confidence >= 0.7 ? model : lexicon;
        }
        if (lexicon is not null)
        {
            return margin >= 2 || words.Count <= 3 || model == lexicon || confidence < 0.75 ? lexicon : model;
        }
        // Three or more words, none from either lexicon: only a confident model decides.
        return confidence >= 0.6 ? model : null;
    }

    /// <summary>
    /// The word after "call me" or "my name is" is a name, whatever it spells: "just call me Al" is English, not the
    /// Spanish "al" ("me llamo" needs no such care: it is Spanish itself).
    /// </summary>
    private static bool IsCalledBy(List<(string Word, string Folded)> words, int i) =>
        (i >= 2 && words[i - 1].Folded == "me" && words[i - 2].Folded == "call")
        || (i >= 2 && words[i - 1].Folded == "is" && words[i - 2].Folded == "name");

    /// <summary>
    /// The language of a common word, also in the plural ("propinas" as "propina"); else Spanish for a word of four letters
    /// or more that the Spanish phrase tables translate and that is neither English nor a name (round 26: "membresia?",
    /// "info de membresia" and "propinas?" were read as English and refused). Words English also writes ("once", "cheque")
    /// are left out.
    /// </summary>
    private static string? CommonLanguageOf(string folded)
    {
        if (CommonWords.Value.TryGetValue(folded, out var common))
        {
            return common;
        }
        if (folded.Length > 4 && folded[^1] == 's' && CommonWords.Value.TryGetValue(folded[..^1], out var singular))
        {
            return singular;
        }
        return folded.Length >= 4 && !AlsoEnglish.Contains(folded) && Understanding.Spanish.SpanishGloss.Translates(folded)
            ? ConversationLanguage.Spanish
            : null;
    }

    // Words the Spanish phrase tables translate that English (or Italian) writes too, or names: not Spanish by themselves.
    private static readonly HashSet<string> AlsoEnglish = new(StringComparer.Ordinal)
    {
        "once", "cheque", "simon", "manna", "italiano",
    };

    private static Dictionary<string, string> LoadCommonWords()
    {
        using var stream = typeof(LanguageDetector).Assembly.GetManifestResourceStream("FrontDesk.Agent.Languages.common-words.tsv")
            ?? throw new InvalidOperationException("common-words.tsv is not embedded in FrontDesk.Agent.");
        using var reader = new StreamReader(stream);
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (line.StartsWith('#') || tab <= 0)
            {
                continue;
            }
            words[line[..tab]] = line[(tab + 1)..].Trim();
        }
        return words;
    }

    private static string? Code(LinguaLanguage language) => language == LinguaLanguage.Unknown
        ? null
        : LanguageInfo.IsoCode6391(language).ToString().ToLowerInvariant();

    private static List<(string Word, string Folded)> Words(string text)
    {
        var words = new List<(string, string)>();
        var sb = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetter(c) || c == '\'' || c == '’')
            {
                sb.Append(c == '’' ? '\'' : c);
                continue;
            }
            if (sb.Length > 0)
            {
                var word = sb.ToString().Trim('\'');
                if (word.Length > 0)
                {
                    words.Add((word, Squeeze(Fold(word))));
                }
                sb.Clear();
            }
        }
        return words;
    }

    /// <summary>
    /// Spelling only Spanish uses, in a word that is not capitalised (a name such as "López" says nothing): ñ, an
    /// accented vowel (á é í ó ú), a verb with pronouns attached ("resérvemelo"), "-ción".
    /// </summary>
    private static bool SpanishSpelling(string word, string folded) => !char.IsUpper(word[0]) && (
        word.AsSpan().IndexOfAny(SpanishLetters) >= 0 || (folded.Length > 6 && (folded.EndsWith("melo", StringComparison.Ordinal) || folded.EndsWith("selo", StringComparison.Ordinal)
            || folded.EndsWith("cion", StringComparison.Ordinal) || folded.EndsWith("ciones", StringComparison.Ordinal))));

    /// <summary>A letter said three times or more once: "hiii" → "hi", "holaaa" → "hola", "graciasss" → "gracias".</summary>
    private static string Squeeze(string folded)
    {
        var sb = new StringBuilder(folded.Length);
        for (var i = 0; i < folded.Length; i++)
        {
            var run = 1;
            while (i + run < folded.Length && folded[i + run] == folded[i])
            {
                run++;
            }
            sb.Append(folded[i], run >= 3 ? 1 : run);
            i += run - 1;
        }
        return sb.ToString();
    }

    /// <summary>Lower case without accents ("Mañana" → "manana").</summary>
    internal static string Fold(string word)
    {
        var d = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        foreach (var c in d)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    // Words that belong to one of the two languages and not to the other (accents folded). Words both use ("no",
    // "me", "a", "ok", "okay", "okey", "ya", "fin", "once") are in neither list: alone they keep the conversation's language.
    private static readonly HashSet<string> SpanishWords = new(StringComparer.Ordinal)
    {
        "si", "hola", "gracias", "buenos", "buenas", "dias", "tardes", "noches", "quiero", "quisiera", "queria", "necesito", "necesita",
        "puedo", "puede", "puedes", "podria", "podrian", "tienen", "tiene", "tienes", "hay", "cita", "citas", "turno", "para", "por", "favor",
        "porfa", "porfavor", "manana", "pasado", "hoy", "semana", "proxima", "proximo", "lunes", "martes", "miercoles", "jueves",
        "viernes", "sabado", "domingo", "tarde", "temprano", "despues", "antes", "las", "los", "el", "la", "del", "al", "una", "uno", "dos",
        "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "doce", "que", "cuanto", "cuanta", "cuesta", "cuestan",
        "precio", "precios", "como", "donde", "cuando", "esta", "estan", "estoy", "soy", "llamo", "mi", "mis", "con", "sin", "tambien",
        "pero", "mejor", "claro", "dale", "vale", "bueno", "buena", "perfecto", "listo", "cancelar", "cancela", "cambiar", "cambio",
        "reservar", "reserva", "agendar", "agenda", "hacer", "mover", "masaje", "masajes", "limpieza", "unas", "depilacion", "cejas",
        "pestanas", "relleno", "numero", "telefono", "nombre", "correo", "primera", "primero", "segunda", "segundo", "ultima",
        "ultimo", "ahora", "nada", "todo", "adios", "hasta", "luego", "lista", "espera", "abren", "abierto", "abiertos", "cierran",
        "horario", "horarios", "estacionamiento", "aceptan", "pagar", "tarjeta", "ustedes", "usted", "yo", "es", "y", "en", "de", "lo",
        "le", "su", "muy", "bien", "senora", "senor", "tengo", "hora", "horas", "mas", "menos", "otro", "otra", "dia", "mejor", "disculpe",
        "perdon", "oiga", "oye", "entonces", "eso", "ese", "esa", "este", "quien", "cual", "puedan", "ningun", "ninguna", "alguien",
        "persona", "hablar", "habla", "espanol", "ingles", "vez", "veces", "cuidado", "faciales", "tratamiento", "consulta", "pedicura",
        "manicura", "hacerme", "quisieramos", "somos", "novia", "regalo", "tarjetas", "estaria", "seria", "funciona", "sirve",
        "mediodia", "noche", "madrugada", "nos", "vemos", "andale", "orale", "claro", "exacto", "correcto",
        "mande", "digame", "bueno", "quiza", "quizas", "tal", "vez", "mismo", "misma", "mande", "ella", "el", "ellos", "hija",
        "hijo", "mama", "esposo", "esposa", "amiga", "amigo", "pago", "cuantos", "cuantas", "minutos", "sesion", "sesiones",
        // Common Spanish words and verb forms, whatever the topic.
        "se", "ser", "estar", "haber", "tener", "hacer", "poder", "decir", "ir", "ver", "dar", "saber", "querer", "llegar", "pasar", "deber", "poner", "parecer", "quedar", "creer", "hablar", "llevar", "dejar", "seguir", "encontrar", "llamar", "venir", "pensar", "salir", "volver", "tomar", "conocer", "vivir", "sentir", "tratar", "mirar", "contar", "empezar", "esperar", "buscar", "existir", "entrar", "trabajar", "escribir", "perder", "producir", "ocurrir", "entender", "pedir", "recibir", "recordar", "terminar", "permitir", "aparecer", "conseguir", "comenzar", "servir", "sacar", "necesitar", "mantener", "resultar", "leer", "caer", "cambiar", "presentar", "crear", "abrir", "considerar", "oir", "acabar", "convertir", "ganar", "formar", "traer", "partir", "morir", "aceptar", "realizar", "suponer", "comprender", "lograr", "explicar", "preguntar", "tocar", "reconocer", "estudiar", "alcanzar", "nacer", "dirigir", "correr", "utilizar", "pagar", "ayudar", "gustar", "jugar", "escuchar", "cumplir", "ofrecer", "descubrir", "levantar", "intentar", "usar", "decidir", "repetir", "olvidar", "valer", "comer", "mostrar", "ocupar", "mover", "continuar", "suceder", "fijar", "referir", "acercar", "dedicar", "aprender", "comprar", "subir", "negar", "observar", "responder", "mientras", "donde", "cuando", "como", "porque", "aunque", "tambien", "todavia", "siempre", "nunca", "muy", "mucho", "mucha", "muchos", "muchas", "poco", "poca", "algun", "alguna", "algunos", "algunas", "nuestro", "nuestra", "nosotros", "ellas", "ustedes", "esto", "esta", "estos", "estas", "aquel", "aquella", "hay", "fue", "era", "eran", "tengo", "tiene", "tenemos", "tienen", "quiero", "quieres", "quiere", "podemos", "puedes", "necesitamos", "estamos", "estan", "somos", "son", "sea", "seria", "habia", "hace", "hizo", "voy", "vamos", "van", "dijo", "digo", "sabe", "sabes",
        "aceptan", "apunteme", "anoteme", "pongame", "grasias", "resérvelo", "reservelo", "confirmelo", "olvidelo", "cuenteme", "llegue",
        "clienta", "cliente", "clave", "ofertas", "descuento", "efectivo", "deposito", "terapeuta", "doctora", "regaderas", "ubicados",
        "direccion", "recomienda", "urgente", "mande", "mensaje", "mensajes", "caro", "disponibilidad", "ayer", "internet", "navidad",
        "conmigo", "contigo", "cuente", "cuenta", "jaja", "jajaja", "porfis", "saludos", "chao", "chau",
        // A yes typed that way (round 6): "sip" is an English word too, but not an answer an English speaker types.
        "sip", "sipi", "sii", "siii", "simon", "aja",
    };

    // Words both languages' speakers write alike ("ok", "ya", times, payment apps): alone they keep the conversation's
    // language, and in a message they count for neither side.
    private static readonly HashSet<string> NeutralWords = new(StringComparer.Ordinal)
    {
        "ok", "okay", "okey", "oki", "okis", "k", "kk", "ya", "am", "pm", "apple", "pay", "google", "venmo", "zelle", "paypal", "wifi", "app",
    };

    // Everyday words of the languages nearest Spanish (Portuguese, Italian, French) that Spanish does not use: with one of
    // them the models decide.
    private static readonly HashSet<string> OtherWords = new(StringComparer.Ordinal)
    {
        "voce", "voces", "minha", "meu", "meus", "quero", "obrigado", "obrigada", "nao", "sim", "tem", "uma", "bom", "boa", "hoje",
        "amanha", "muito", "gostaria", "desmarcar", "fala", "falo", "vorrei", "grazie", "buongiorno", "ciao",
        "sono", "prenotare", "domani", "oggi", "quanto", "costa", "je", "vous", "nous", "est", "merci", "bonjour", "voudrais", "demain",
        "aujourd'hui", "rendez", "combien", "oui", "non", "ich", "und", "nicht", "danke", "bitte", "morgen", "heute",
        "suis", "fazem", "fazer", "posso", "tudo", "avez", "pouvez", "bem", "salamat", "po", "opo", "kumusta",
    };

    // The words that frame a sentence, for a message mixing both languages. Left out: words both write ("a", "me", "no"),
    // and "y" (Spanish "and", also texted for "why").
    private static readonly HashSet<string> SpanishFunctionWords = new(StringComparer.Ordinal)
    {
        "el", "la", "los", "las", "un", "una", "unos", "unas", "para", "pa", "pal", "de", "del", "al", "con", "en", "por", "que", "q",
        "o", "mi", "mis", "su", "sus", "tu", "te", "se", "le", "lo", "es", "esta", "estoy", "quiero", "quisiera", "puedo", "tienen",
        "hay", "como", "cuando", "donde", "pero", "muy", "yo", "nos", "mas", "cual", "cuanto",
    };

    private static readonly HashSet<string> EnglishFunctionWords = new(StringComparer.Ordinal)
    {
        "i", "i'm", "im", "an", "the", "for", "to", "with", "in", "on", "at", "of", "my", "your", "is", "are", "am", "can", "could",
        "do", "does", "want", "would", "and", "or", "you", "it", "this", "that", "there", "have", "has", "what", "when", "how", "get",
    };

    private static readonly HashSet<string> EnglishWords = new(StringComparer.Ordinal)
    {
        "yes", "yeah", "yep", "yup", "hi", "hello", "hey", "thanks", "thank", "you", "please", "pls", "plz", "the", "and", "is", "are", "am",
        "i", "i'm", "im", "my", "can", "could", "would", "want", "need", "like", "book", "appointment", "appt", "tomorrow", "today", "next",
        "week", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning", "afternoon", "evening", "at",
        "on", "in", "to", "for", "of", "it", "that", "this", "what", "when", "where", "how", "much", "do", "does", "have", "has", "any",
        "with", "cancel", "change", "move", "reschedule", "time", "sure", "great", "good", "fine", "works", "first", "second", "last",
        "one", "two", "three", "four", "five", "six", "later", "earlier", "after", "before", "not", "don't", "dont", "name", "number",
        "phone", "email", "open", "hours", "price", "cost", "be", "will", "just", "actually", "instead", "nope", "nah", "thx", "ty",
        "there", "your", "we", "our", "get", "got", "see", "if", "or", "an", "so", "maybe", "also", "about", "who", "which", "why", "day",
        "days", "tonight", "noon", "o'clock", "alright", "cool", "awesome", "perfect", "bye", "goodbye", "sorry",
        "wait", "never", "mind", "back", "call", "someone", "person", "human", "talk", "speak", "english", "spanish", "nails", "brows",
        "lashes", "waxing", "filler", "wrinkle", "deep", "tissue", "stone", "hot", "waitlist", "list", "spot", "opening", "free", "busy",
        "here", "new", "it's", "that's", "what's", "i'd", "i'll", "you're", "we're", "doesn't", "can't", "won't", "isn't", "let", "make",
        "take", "give", "earliest", "latest", "soonest", "booked", "schedule", "availability", "available", "parking", "accept",
        "card", "cards", "gift", "cancellation", "policy", "still", "again", "only", "mom", "daughter", "wife", "husband", "friend",
        // Common English words and verb forms, whatever the topic.
        "be", "have", "do", "say", "get", "make", "go", "know", "take", "see", "come", "think", "look", "want", "give", "use", "find", "tell", "ask", "work", "seem", "feel", "try", "leave", "call", "need", "put", "mean", "keep", "let", "begin", "help", "talk", "turn", "start", "show", "hear", "play", "run", "move", "like", "live", "believe", "hold", "bring", "happen", "write", "provide", "sit", "stand", "lose", "pay", "meet", "include", "continue", "set", "learn", "change", "lead", "understand", "watch", "follow", "stop", "create", "speak", "read", "allow", "add", "spend", "grow", "open", "walk", "win", "offer", "remember", "love", "consider", "appear", "buy", "wait", "serve", "die", "send", "expect", "build", "stay", "fall", "cut", "reach", "kill", "remain", "all", "some", "more", "most", "other", "such", "only", "own", "same", "than", "too", "very", "just", "now", "also", "here", "there", "when", "where", "why", "how", "about", "into", "over", "after", "before", "between", "through", "during", "without", "again", "further", "then", "once", "these", "those", "what", "which", "who", "whom", "whose", "his", "her", "its", "their", "them", "they", "he", "she", "him", "we", "us", "our", "you", "your", "mine", "yours", "would", "should", "could", "might", "must", "shall", "will", "can", "may", "been", "being", "was", "were", "had", "has", "did", "does", "done", "doing", "going", "getting",
        "absolutely", "ahead", "go", "program", "referral", "returning", "client", "deposit", "required", "december", "january",
        "february", "april", "june", "july", "august", "september", "october", "november", "recommend", "discount", "deals",
        "located", "address", "showers", "memberships", "password", "early", "late", "running", "booked", "online", "yesterday",
        // Chat shorthand.
        "tysm", "nvm", "nevermind", "lol", "huh", "omg", "omw", "btw", "rush", "asap", "lmk", "idk", "np", "hiya", "heya", "cheers", "yall", "wanna",
        "gonna", "gotta", "u", "ur",
    };
}
