using System.Text.RegularExpressions;

namespace FrontDesk.Tools.Safety;

/// <summary>
/// Health tags matched by concept rather than by spelling: a client flag <c>pregnancy</c> is the profile's
/// contraindication <c>pregnancy-first-trimester</c>, <c>blood-thinner</c> is <c>blood-thinners</c> and
/// <c>anticoagulants</c>, and a named medicine ("doxycycline", "Eliquis") is its class (<c>photosensitizing-medication</c>,
/// <c>blood-thinners</c>). Deliberately inclusive: a wrong match costs a clinician's call back, a missed one a treatment
/// that should not have been booked. The terms are documented in docs/profile.md.
/// </summary>
public static partial class HealthConcepts
{
    // Words that narrow a condition without changing what it is: "pregnancy-first-trimester" is a pregnancy.
    private static readonly HashSet<string> Qualifiers = new(StringComparer.Ordinal)
    {
        "active", "recent", "recently", "current", "currently", "first", "second", "third", "trimester", "history", "known", "of", "severe", "mild",
        "chronic", "any", "on", "taking", "use", "user", "oral", "the", "a",
    };

    // Spellings of one concept, each written as its canonical form (see Canon) → the concept.
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["pregnant"] = "pregnancy", ["expecting"] = "pregnancy", ["pregnancie"] = "pregnancy", ["prenatal"] = "pregnancy", ["maternity"] = "pregnancy",
        ["embarazada"] = "pregnancy", ["embarazo"] = "pregnancy",
        ["breastfeed"] = "breastfeeding", ["breast-feeding"] = "breastfeeding", ["nursing"] = "breastfeeding", ["lactation"] = "breastfeeding", ["lactating"] = "breastfeeding",
        ["anticoagulant"] = "blood-thinner", ["antiplatelet"] = "blood-thinner", ["blood-thinning-medication"] = "blood-thinner", ["blood-thinning"] = "blood-thinner",
        ["blood-thinner-medication"] = "blood-thinner",
        ["photosensitizing"] = "photosensitizing-medication", ["photosensitising-medication"] = "photosensitizing-medication", ["photosensitising"] = "photosensitizing-medication",
        ["sun-sensitizing-medication"] = "photosensitizing-medication", ["photosensitivity"] = "photosensitizing-medication", ["photosensitizing-drug"] = "photosensitizing-medication",
        ["accutane"] = "isotretinoin", ["oral-retinoid"] = "isotretinoin",
        ["tan"] = "recent-tan", ["sunburn"] = "recent-tan", ["tanning"] = "recent-tan",
    };

    /// <summary>
    /// Medicines by class: the generic and common brand names people say (and their Spanish spellings), and the concepts each stands for. A class is
    /// matched against a profile's contraindications by concept, so a profile says <c>photosensitizing-medication</c>
    /// or <c>photosensitizing</c> and either matches doxycycline.
    /// </summary>
    public static readonly IReadOnlyList<MedicineClass> Medicines =
    [
        new("isotretinoin", ["isotretinoin", "photosensitizing-medication"],
            ["isotretinoin", "isotretinoina", "accutane", "absorica", "claravis", "amnesteem", "myorisan", "zenatane", "roaccutane", "epuris"]),
        new("topical-retinoid", ["topical-retinoid", "retinoid"],
            ["tretinoin", "tretinoina", "retin-a", "retin a", "adapalene", "adapaleno", "differin", "tazarotene", "tazaroteno", "tazorac", "trifarotene", "aklief"]),
        new("photosensitizing-medication", ["photosensitizing-medication"],
            ["doxycycline", "doxiciclina", "doxy", "minocycline", "minociclina", "minocin", "solodyn", "tetracycline", "tetraciclina", "ciprofloxacin", "ciprofloxacino", "cipro", "levofloxacin", "levofloxacino", "levaquin",
             "bactrim", "sulfamethoxazole", "septra", "hydrochlorothiazide", "amiodarone", "st johns wort", "griseofulvin", "methoxsalen"]),
        new("blood-thinners", ["blood-thinner"],
            ["warfarin", "warfarina", "coumadin", "jantoven", "apixaban", "eliquis", "rivaroxaban", "xarelto", "dabigatran", "pradaxa", "edoxaban", "savaysa",
             "clopidogrel", "plavix", "prasugrel", "effient", "ticagrelor", "brilinta", "heparin", "heparina", "enoxaparin", "enoxaparina", "lovenox"]),
        new("immunosuppressant", ["immunosuppressant"],
            ["methotrexate", "metotrexato", "cyclosporine", "ciclosporina", "tacrolimus", "azathioprine", "azatioprina", "mycophenolate", "micofenolato", "humira", "adalimumab"]),
    ];

    /// <summary>
    /// Whether a canonical form is a stage of life a service can be made for (a pregnancy, breastfeeding): "prenatal" in a
    /// service's name says it is made for a pregnancy; "massage" says nothing, and no service is made for a medicine.
    /// </summary>
    public static bool IsLifeStage(string canon) => canon is "pregnancy" or "breastfeeding";

    /// <summary>The canonical form of a tag: lower case, hyphen-joined, qualifiers dropped, plurals singular, synonyms folded.</summary>
    public static string Canon(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var words = Words().Matches(tag.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal)).Select(m => m.Value).ToList();
        var whole = string.Join('-', words);
        if (Synonyms.TryGetValue(whole, out var direct))
        {
            return direct;
        }
        var kept = words.Where(w => !Qualifiers.Contains(w)).Select(Singular).ToList();
        if (kept.Count == 0)
        {
            kept = [.. words.Select(Singular)];
        }
        var canon = string.Join('-', kept);
        return Synonyms.GetValueOrDefault(canon, canon);
    }

    /// <summary>
    /// Whether a condition (a client flag, a stated condition, a medicine class) is the contraindication: the same
    /// concept, or one of its narrower forms either way ("pregnancy" and "pregnancy-first-trimester").
    /// </summary>
    public static bool Matches(string condition, string contraindication)
    {
        var a = Canon(condition);
        var b = Canon(contraindication);
        var name = condition.Trim().ToLowerInvariant();
        return a.Length > 0 && (a == b || Medicines.Any(m => (m.Names.Contains(name, StringComparer.Ordinal) || m.Name == name) && m.Concepts.Any(c => Canon(c) == b)));
    }

    /// <summary>The first of <paramref name="contraindications"/> that one of <paramref name="conditions"/> matches, or null.</summary>
    public static string? FirstMatch(IEnumerable<string> contraindications, IEnumerable<string> conditions)
    {
        ArgumentNullException.ThrowIfNull(contraindications);
        var all = conditions.ToList();
        return contraindications.FirstOrDefault(ci => all.Any(c => Matches(c, ci)));
    }

    /// <summary>The medicines named in (normalized, apostrophe-free, lower-case) text, with where each was said.</summary>
    public static IEnumerable<(MedicineClass Class, int Start, int End)> MedicinesIn(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        // Most messages name no medicine: one pass of all names together says so, instead of one pass per name.
        if (!AnyName.Value.IsMatch(normalized))
        {
            yield break;
        }
        foreach (var (medicine, pattern) in NamePatterns.Value)
        {
            // Most messages name no medicine: IsMatch allocates nothing, Matches allocates its collection either way.
            if (!pattern.IsMatch(normalized))
            {
                continue;
            }
            foreach (Match m in pattern.Matches(normalized))
            {
                yield return (medicine, m.Index, m.Index + m.Length);
            }
        }
    }

    /// <summary>
    /// The conditions said in other words than their names in (normalized, accent-free, lower-case) text, each as the
    /// concept it names ("8 weeks along", "we're expecting", "estoy embarazada", "tengo 20 semanas" → pregnancy), with
    /// where. As inclusive as the reading by name: a wrong match costs a clinician's call back.
    /// </summary>
    public static IEnumerable<(string Concept, int Start, int End)> ConditionsSaidIn(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        foreach (var (pattern, concept) in ConditionsInOtherWords)
        {
            foreach (Match m in pattern.Matches(normalized))
            {
                yield return (concept, m.Index, m.Index + m.Length);
            }
        }
    }

    /// <summary>
    /// The (normalized) text with the services made for a condition blanked out ("masaje para embarazadas", "a massage
    /// for pregnant women"), every position kept: a service made for a condition says nothing about the person's own.
    /// </summary>
    public static string WithoutServicesMadeFor(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return MadeFor().Replace(normalized, m => new string(' ', m.Length));
    }

    // Source-generated (issue 16): each was interpreted, on every message.
    private static readonly (Regex Pattern, string Concept)[] ConditionsInOtherWords =
    [
        // "8 weeks along", "20 wks along", "we're expecting", "baby on the way" (round 16: "8 weeks along!! can i get a
        // massage still" was offered the massages).
        (WeeksAlong(), "pregnancy"),
        (Expecting(), "pregnancy"),
        (Embarazo(), "pregnancy"),
        // "tengo 20 semanas", "llevo 12 semanas", "estoy de 8 semanas" (not "tengo 2 semanas de vacaciones").
        (SemanasDeEmbarazo(), "pregnancy"),
        (Esperando(), "pregnancy"),
        (Lactancia(), "breastfeeding"),
        (Anticoagulantes(), "blood-thinner"),
        (Roacutan(), "isotretinoin"),
        (Bronceado(), "recent-tan"),
    ];

    [GeneratedRegex(@"\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|twenty)\s*(?:weeks?|wks?|months?|mos?)\s+along\b", RegexOptions.CultureInvariant)]
    private static partial Regex WeeksAlong();

    // "we're expecting in march", "im expecting!!", "expecting our first" (not "i'm expecting a call").
    [GeneratedRegex(@"\b(?:were|we\s+are|im|i\s+am)\s+expecting\b(?=\s*(?:$|[.,!?;]|(?:in|on|this|next|again|twins|our)\b|a\s+(?:baby|girl|boy|little)\b))|\bexpecting\s+(?:a\s+(?:baby|girl|boy|little\s+one)|our\s+(?:first|second|third|baby)|twins)\b|\bbaby\s+on\s+the\s+way\b|\bbun\s+in\s+the\s+oven\b", RegexOptions.CultureInvariant)]
    private static partial Regex Expecting();

    [GeneratedRegex(@"\bembara[zs]\w*", RegexOptions.CultureInvariant)]
    private static partial Regex Embarazo();

    [GeneratedRegex(@"\b(?:tengo|llevo|estoy\s+de|voy\s+(?:por|en))\s+(?:unas\s+|como\s+)?\d{1,2}\s+semanas\b(?!\s+de\s+(?!embarazo|gestacion))", RegexOptions.CultureInvariant)]
    private static partial Regex SemanasDeEmbarazo();

    [GeneratedRegex(@"\b(?:estoy\s+)?esperando\s+(?:un\s+|una\s+|mi\s+)?(?:bebe|nino|nina|hijo|hija|primer\s+hijo)\b|\bgestacion\b|\bencinta\b", RegexOptions.CultureInvariant)]
    private static partial Regex Esperando();

    [GeneratedRegex(@"\b(?:amamant\w*|lactancia|lactando)\b|\b(?:dando|doy|dar)\s+(?:el\s+)?pecho\b|\bdando\s+de\s+(?:lactar|mamar)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Lactancia();

    [GeneratedRegex(@"\banticoagulantes?\b|\b(?:diluyente|adelgazante)s?\s+(?:de\s+la\s+)?sangre\b", RegexOptions.CultureInvariant)]
    private static partial Regex Anticoagulantes();

    [GeneratedRegex(@"\broacutan\w*", RegexOptions.CultureInvariant)]
    private static partial Regex Roacutan();

    [GeneratedRegex(@"\b(?:bronceado|bronceada|quemadura\s+de\s+sol|me\s+queme\s+(?:con|en)\s+el\s+sol|asolead\w*)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Bronceado();

    [GeneratedRegex(@"\bpara\s+(?:(?:mujeres|mamas|mamis|futuras\s+mamas|senoras|chicas)\s+)?embarazadas?\b|\bpara\s+(?:el\s+)?embarazo\b|\bde\s+embarazadas\b|\bfor\s+(?:pregnant\s+(?:women|woman|moms|mums|mothers|ladies|clients)|(?:the\s+)?pregnancy|expecting\s+(?:moms|mums|mothers))\b", RegexOptions.CultureInvariant)]
    private static partial Regex MadeFor();

    // One pattern per name, built once: Regex's static cache holds 15 patterns, fewer than the names, so building
    // them per message re-parsed every pattern on every turn (issue 16's profile: ~5 % of a loaded host's CPU).
    private static readonly Lazy<(MedicineClass Class, Regex Pattern)[]> NamePatterns = new(() =>
        [.. Medicines.SelectMany(m => m.Names.Select(name => (m, new Regex(@"\b" + NamePattern(name) + @"\b", RegexOptions.CultureInvariant))))]);

    // Every name at once, for the test that a message names none (a name that matches alone matches here: the alternation
    // tries each name at each position). Compiled, once per process; no match timeout, so its first use cannot time out.
    private static readonly Lazy<Regex> AnyName = new(() => new Regex(
        @"\b(?:" + string.Join('|', Medicines.SelectMany(m => m.Names).Select(NamePattern)) + @")\b", RegexOptions.CultureInvariant | RegexOptions.Compiled));

    private static string NamePattern(string name) => Regex.Escape(name).Replace(@"\ ", @"[\s-]+", StringComparison.Ordinal);

    private static string Singular(string word) =>
        word.Length > 4 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("sis", StringComparison.Ordinal) ? word[..^1] : word;

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex Words();
}

/// <summary>A class of medicines: its name, the concepts it stands for, and the names people call its members.</summary>
/// <param name="Name">The class, as a tag.</param>
/// <param name="Concepts">Concepts a contraindication may name for this class.</param>
/// <param name="Names">Generic and brand names, lower case.</param>
public sealed record MedicineClass(string Name, IReadOnlyList<string> Concepts, IReadOnlyList<string> Names);
