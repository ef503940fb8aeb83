using System.Text.RegularExpressions;

namespace FrontDesk.Agent.Understanding;

/// <summary>
/// What a person wants from a visit, said in their own words with no treatment named: "I need to relax", "my shoulders
/// are so tight", "I want to look less tired". Each goal is a plain description of the kind of treatment it calls for,
/// which the spa's own services are searched by (by meaning), so any profile's menu answers it: the services of the
/// nearest kind are offered to choose from. A goal is never a diagnosis: the safety screen has already taken symptoms,
/// conditions and anything medical before the understanding runs.
/// </summary>
public static partial class Goals
{
    /// <summary>A goal and the treatment it calls for, described for the search by meaning.</summary>
    private sealed record Goal(Regex Said, string Calls);

    // Read on lower-cased text; Spanish arrives glossed (its common words in English, the rest as written).
    private static readonly Goal[] Table =
    [
        new(Relax(), "a relaxing massage to unwind and de-stress"),
        new(Tension(), "a massage for tight muscles and knots in the shoulders and back"),
        new(LookRested(), "a facial for tired dull skin to look refreshed and glowing"),
    ];

    /// <summary>What the treatment the text's goal calls for is, described, or null when it states none.</summary>
    public static string? CallsFor(string lowered)
    {
        ArgumentNullException.ThrowIfNull(lowered);
        return Table.FirstOrDefault(g => g.Said.IsMatch(lowered))?.Calls;
    }

    // "i need to relax", "whats good for stress", "could really use some pampering", "treat myself", "spa day needed", "necesito relajarme", "quiero consentirme".
    // Round 30: "something relaxing for my wife's birthday", "anything calming".
    [GeneratedRegex(@"\bi\s+(?:really\s+|just\s+|so\s+)?(?:need|want|wanna|would\s+like|i?'?d\s+like|could\s+use|gotta)\s+(?:to\s+)?(?:\w+\s+){0,2}?(?:relax|unwind|de-?stress|decompress|be\s+pampered|some\s+pampering|pamper\s+myself|some\s+me\s+time|relajarme|relajar\w*|desestresarme|consentirme|apapacharme)\b|\b(?:treat|pamper|spoil)\s+myself\b|\b(?:good|best|something|anything|what\s+helps?|helps?)\s+(?:\w+\s+)?(?:for|with)\s+(?:stress|being\s+stressed|relaxing|relaxation|unwinding)\b|\b(?:spa|self[\s-]?care|me)\s+day\b|\b(?:something|anything)\s+(?:really\s+|super\s+|nice\s+and\s+)?(?:relaxing|calming|soothing|pampering|to\s+(?:relax|unwind))\b|\bdia\s+de\s+(?:spa|consentirme)\b|\bnecesito\s+(?:un\s+)?(?:relajarme|relajar\w*|desestresarme|consentirme|apapacharme)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Relax();

    // "my shoulders are so tight", "my neck is in knots", "knots in my back", "tengo la espalda muy tensa"; not money or a
    // schedule that is tight. Round 31: "my back is killing me" (declined as off topic), an everyday ache, as round 16 reads it.
    [GeneratedRegex(@"\b(?:shoulders?|neck|back|traps|muscles|body|legs|calves|hombros|cuello|espalda|musculos|cuerpo|piernas)\s+(?:is|are|feels?|feel|has\s+been|have\s+been|r|its|esta|estan|muy|se\s+siente)?\s*(?:so\s+|really\s+|super\s+|very\s+|all\s+|muy\s+|bien\s+)?(?:tight|tense|stiff|knotted|in\s+knots|killing\s+me|tensa|tenso|tensos|tensas|contracturad[ao]s?|rigid[ao]s?)\b|\bknots\s+in\s+my\s+(?:shoulders?|neck|back)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Tension();

    // "i want to look less tired", "i'd like to look my best for the wedding", "my skin has been looking so dull",
    // "quiero verme menos cansada", "mi piel se ve opaca"; round 35: "i want my skin glowing for my wedding", "my skin needs to
    // glow", "glowing skin" (the gloss of "la piel radiante"); not "how do i look less tired on zoom" (advice, not a visit).
    [GeneratedRegex(@"\b(?:i\s+|and\s+)?(?:really\s+|just\s+)?(?:need|want|wanna|would\s+like|i?'?d\s+like|have\s+to|gotta)\s+to\s+(?:look|feel)\s+(?:less\s+tired|more\s+awake|refreshed|fresh|my\s+best|glowy|radiant|amazing|great|good)\b|\b(?:skin|face|complexion|piel|cara|rostro)\s+(?:is|has\s+been|looks?|has\s+been\s+looking|feels?|se\s+ve|esta|luce)\s+(?:so\s+|really\s+|super\s+|kinda\s+|a\s+bit\s+|very\s+|muy\s+|bien\s+)?(?:dull|tired|blah|lifeless|opaca|apagada|cansada|sin\s+vida)\b|\b(?:skin|face|complexion)\s+(?:to\s+|needs?\s+to\s+|gotta\s+|has\s+to\s+|must\s+)?(?:glow|glowing|look\s+(?:good|great|amazing|perfect|flawless|its\s+best|fresh|radiant|nice))\b|\bglowing\s+skin\b|\b(?:verme|lucir)\s+(?:menos\s+cansada|menos\s+cansado|mejor|bien|radiante|descansada|descansado|fresca|fresco)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LookRested();
}
