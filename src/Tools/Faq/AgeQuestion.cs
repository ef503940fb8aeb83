using System.Text.RegularExpressions;

namespace FrontDesk.Tools.Faq;

/// <summary>
/// A question about who is old enough: "can my 16 yr old get laser hair removal", "is there a minimum age for botox",
/// "how old do you have to be for filler", "can teens get facials". The service named is only what the age rule is
/// asked for, and must not pull the question to the entry about that service (its preparation); such a question is
/// asked of the business's information as "is there an age requirement?". No business's own words here.
/// </summary>
public static partial class AgeQuestion
{
    /// <summary>"is there an age requirement?" when <paramref name="question"/> asks about an age; null otherwise.</summary>
    public static string? Head(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var lowered = question.ToLowerInvariant();
        // "can my 8 yr old come along and sit with me": a question about the visit (who may come), not the age rule.
        return Age().IsMatch(lowered) && AsksWhetherAllowed().IsMatch(lowered) && !ComesAlong().IsMatch(lowered) ? "is there an age requirement?" : null;
    }

    // An age said or asked about: "16 yr old", "15 years old", "a minor", "teens", "minimum age", "how old".
    // Also a child's age said bare or in Spanish: "my daughter is 15", "mi hija tiene 15" (glossed "my daughter do you have
    // 15"), "tiene 15 anos".
    [GeneratedRegex(@"\b(?:daughter|son|kid|child|niece|nephew|granddaughter|grandson|teen|hija|hijo|nieta|nieto|sobrina|sobrino)\s+(?:is|has|tiene|es\s+de|do\s+you\s+have)\s+(?:only\s+|just\s+|solo\s+)?\d{1,2}\b(?!\s*(?::|am\b|pm\b|%|dollars|min|o'?clock))|\b\d{1,2}\s+a(?:n|ñ)os\b|\b\d{1,2}\s*(?:yo|y/o|yrs?|years?)(?:[\s-]*old)?\b|\b\d{1,2}[\s-]*year[\s-]*old\b|\b(?:minimum|min)\s+age\b|\bage\s+(?:limit|requirement|minimum|restriction)s?\b|\bhow\s+old\b|\b(?:youngest|lowest)\s+age\b|\b(?:minors?|underage|under\s+(?:18|21|eighteen|twenty[\s-]one)|teens?|teenagers?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Age();

    // Whether someone may have it: "can my 16 yr old get", "is there a minimum age", "how old do you have to be", "allowed".
    [GeneratedRegex(@"\b(?:can|could|may|allowed|puede|pueden|se\s+puede|is\s+there|are\s+there|do\s+you|does|have\s+to\s+be|need\s+to\s+be|old\s+enough|ok\s+for|okay\s+for|what'?s|what\s+is)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AsksWhetherAllowed();

    [GeneratedRegex(@"\b(?:come|comes|coming|bring|bringing|sit|sitting|wait|waiting|along|tag|watch|stay)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ComesAlong();
}
