using System.Text.RegularExpressions;

namespace FrontDesk.Agent.Understanding;

/// <summary>
/// The trade's general words for beauty and wellness treatments (a manicure, a haircut, a spray tan, a massage), in
/// English and Spanish, so a request for one the business does not list is "that isn't something we offer", not "out of
/// scope", and never the nearest service by meaning (a haircut is not Laser Hair Removal). Not any business's menu: a
/// business's own services are found by its profile first, so on a nail salon "a manicure" is its Gel Manicure.
/// </summary>
/// <remarks>
/// Whole words only, each form listed: "pediatrician" is not a pedicure, "manifest" not a manicure, "tinted windows" not a
/// tint. Laser work a clinic may do off its menu ("tattoo removal") is not listed: the FAQ, then the team, answer it.
/// "unas" is left out: without its accent it is also Spanish for "some". The patterns are literal alternations
/// (linear to match), so they run without a timeout: a compiled pattern's first match, JIT-compiled on a loaded machine,
/// must not time out and read as no match.
/// </remarks>
public static class CareTreatments
{
    // Each family: the words a person says for it, then the words that show a business's menu has it (a service's name,
    // alias or category holding one of them: "brows" on a brow studio, "nails" on a nail salon).
    private static readonly (string[] Said, string[] OnTheMenu)[] Families =
    [
        (["manicure", "manicures", "mani", "manis", "mani pedi", "manicura", "manicuras"], ["manicure", "mani", "nail"]),
        (["pedicure", "pedicures", "pedi", "pedis", "pedicura", "pedicuras"], ["pedicure", "pedi", "nail"]),
        (["nail", "nails", "nail art", "acrylic", "acrylics", "dip powder", "gel polish", "uñas", "uñas acrílicas"], ["nail", "manicure", "pedicure"]),
        (["haircut", "haircuts", "hair cut", "hair cuts", "corte de pelo", "corte de cabello"], ["haircut", "cut"]),
        // The trades' own places: a hair salon or a barber is not the nearest service by meaning (Laser Hair Removal); a
        // salon alone is any salon's work, so a nail or brow studio has it on its menu.
        (["hair salon", "hair salons", "hairdresser", "hairdressers", "hair stylist", "hair stylists", "hairstylist", "hairstylists",
          "barber", "barbers", "barbershop", "barbershops", "barber shop", "peluquería", "peluqueria", "peluquero", "peluquera", "barbería", "barberia"],
         ["haircut", "cut", "blowout", "styling", "barber"]),
        (["salon", "salons", "beauty salon", "beauty salons", "beauty parlor", "beauty parlour", "salón de belleza", "salon de belleza"],
         ["haircut", "cut", "blowout", "styling", "nail", "manicure", "pedicure", "wax", "brow", "lash", "salon"]),
        (["blowout", "blowouts", "blow out", "blow dry", "blowdry", "updo", "hair color", "hair colour", "hair dye", "highlights", "balayage",
          "perm", "keratin", "braids", "hair extensions", "peinado", "tinte de pelo", "alisado", "keratina"],
         ["blowout", "styling", "color", "colour", "highlights", "balayage", "perm", "keratin", "braid", "extension"]),
        (["wax", "waxes", "waxing", "waxed", "sugaring", "cera", "depilación con cera", "depilacion con cera"], ["wax", "sugaring"]),
        (["brow", "brows", "eyebrow", "eyebrows", "threading", "microblading", "cejas"], ["brow", "threading", "microblading"]),
        (["lash", "lashes", "eyelash", "eyelashes", "lash lift", "lash extensions", "pestañas", "pestanas"], ["lash"]),
        (["tint", "tinting", "lamination"], ["tint", "lamination"]),
        (["spray tan", "spray tans", "spray tanning", "tanning", "bronceado"], ["tan"]),
        (["makeup", "make-up", "maquillaje"], ["makeup", "make-up"]),
        (["body wrap", "body wraps", "scrub", "body scrub"], ["wrap", "scrub"]),
        (["sauna", "steam room"], ["sauna", "steam"]),
        (["reflexology"], ["reflexology"]),
        // Massage kinds a menu may not list (round 22: "do you guys do hot stone").
        (["hot stone", "hot stones", "stone massage", "piedras calientes"], ["stone"]),
        (["shiatsu"], ["shiatsu"]),
        (["lymphatic drainage", "lymphatic massage", "drenaje linfático", "drenaje linfatico"], ["lymphatic"]),
        (["cupping"], ["cupping"]),
        (["acupuncture"], ["acupuncture"]),
        (["electrolysis"], ["electrolysis"]),
        (["teeth whitening"], ["whitening"]),
        (["piercing", "ear piercing"], ["piercing"]),
        // The kinds a med spa or a day spa lists (a nail salon does not).
        (["facial", "facials"], ["facial"]),
        (["massage", "massages", "masaje", "masajes"], ["massage"]),
        (["peel", "peels"], ["peel"]),
        (["microneedling"], ["microneedling"]),
        (["dermabrasion", "microdermabrasion"], ["dermabrasion"]),
        (["cellulite", "celulitis"], ["cellulite", "contouring", "sculpt"]),
        (["kybella"], ["kybella"]),
        (["coolsculpting", "coolsculpt"], ["coolsculpt"]),
        (["sculptra"], ["sculptra"]),
        (["ipl"], ["ipl", "photofacial"]),
        (["laser"], ["laser"]),
        (["botox", "injectable", "injectables"], ["botox", "injectable", "neurotoxin"]),
        (["filler", "fillers"], ["filler", "injectable"]),
    ];

    private static readonly (Regex Said, string[] OnTheMenu)[] Patterns =
        [.. Families.Select(f => (WholeWords(f.Said), f.OnTheMenu))];

    private static readonly Regex Any = WholeWords(Families.SelectMany(f => f.Said));

    private static Regex WholeWords(IEnumerable<string> words) => new(
        @"(?<![\p{L}\p{N}])(?:" + string.Join('|', words.OrderByDescending(w => w.Length).Select(w => Regex.Escape(w).Replace(@"\ ", @"[\s-]+", StringComparison.Ordinal)))
        + @")(?![\p{L}\p{N}])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, Regex.InfiniteMatchTimeout);

    /// <summary>True when <paramref name="text"/> names a treatment in the trade's general words, as a whole word.</summary>
    public static bool IsNamedIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Any.IsMatch(text);
    }

    /// <summary>
    /// True when <paramref name="text"/> names a treatment whose kind is on none of the business's services (a haircut at a
    /// med spa, a massage at a nail salon); false for "eyebrows" at a brow studio, whatever words its services use.
    /// </summary>
    public static bool NamesOneNotOffered(string text, SpaVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (!Any.IsMatch(text))
        {
            return false;
        }
        return NotOffered(vocabulary).Any(said => said.IsMatch(text));
    }

    /// <summary>
    /// Where <paramref name="text"/> names a treatment whose kind is on none of the business's services: "hair stylist" in
    /// "i need a hair stylist", so its "hair" is not read as Laser Hair Removal's word.
    /// </summary>
    public static IReadOnlyList<TextSpan> NotOfferedSpans(string text, SpaVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (!Any.IsMatch(text))
        {
            return [];
        }
        var spans = new List<TextSpan>();
        foreach (Match m in NotOffered(vocabulary).SelectMany(said => said.Matches(text)))
        {
            spans.Add(new TextSpan(m.Index, m.Length));
            // The part of the body it is done on is that treatment's too: "upper lip" in "need my upper lip waxed" is not Lip Filler.
            if (PartBefore.Match(text[..m.Index]) is { Success: true } before)
            {
                spans.Add(new TextSpan(before.Index, before.Length));
            }
            if (PartAfter.Match(text, m.Index + m.Length) is { Success: true } after)
            {
                spans.Add(new TextSpan(after.Groups["part"].Index, after.Groups["part"].Length));
            }
        }
        return spans;
    }

    private const string BodyPart = @"(?:(?:upper|lower|full|half|top)\s+)?(?:lips?|chin|legs?|arms?|underarms?|armpits?|bikini|brazilian|chest|nose|ears?|face|back|toes?|feet|hands?|brows?|eyebrows?|labio|labios|bigote|piernas?|axilas?|brazos?|cejas?|bozo)";

    private static readonly Regex PartBefore = new(@"\b" + BodyPart + @"(?:\s+(?:done|area|hair))?\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.RightToLeft);

    private static readonly Regex PartAfter = new(@"\G\s+(?:(?:my|the|your|on|of|for|del|de|el|la|los|las|mi)\s+){0,2}(?<part>" + BodyPart + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // The families none of the business's services has, worked out once per vocabulary (a profile's vocabulary lives as long
    // as the profile), not per message: the menu's words against every family's keys was most of a message's time here
    // (docs/performance.md, nineteenth round).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SpaVocabulary, Regex[]> NotOfferedBy = [];

    private static Regex[] NotOffered(SpaVocabulary vocabulary) => NotOfferedBy.GetValue(vocabulary, static v =>
    {
        var menu = v.Services.SelectMany(s => s.Aliases.Append(s.Name).Append(s.Category))
            .SelectMany(n => n.ToLowerInvariant().Split((char[])[' ', '-', '(', ')', '/', ','], StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        return [.. Patterns.Where(p => !p.OnTheMenu.Any(key => menu.Any(word => OnTheMenu(word, key)))).Select(p => p.Said)];
    });

    // "brows" holds "brow", "hydrafacial" holds "facial"; a short key only as the word or its start ("ipl", "tan").
    private static bool OnTheMenu(string word, string key) =>
        word == key || word.StartsWith(key, StringComparison.Ordinal) || (key.Length >= 5 && word.EndsWith(key, StringComparison.Ordinal));
}
