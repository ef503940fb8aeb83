using System.Globalization;
using System.Text.RegularExpressions;

namespace FrontDesk.Agent.Understanding;

/// <summary>
/// An age said in a message ("she's 16", "my 15 year old", "i'm 17", "mi hija tiene 16 años"), for the services' minimum
/// age (the booking tools refuse a service the person is too young for). Not a time, a length or a count: "is 16:00",
/// "i'm 5 minutes away", "20 units", "12 weeks pregnant".
/// </summary>
public static partial class AgeStated
{
    /// <summary>The youngest age the message states (when two are said, the booking may be for either: the stricter holds), or null.</summary>
    public static int? Youngest(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int? youngest = null;
        foreach (Match m in Age().Matches(text))
        {
            if (int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var age) && age is >= 1 and <= 99)
            {
                youngest = Math.Min(youngest ?? age, age);
            }
        }
        return youngest;
    }

    // "she's 16", "he is only 15", "im 17", "turning 16", "my 16 year old", "16 yo", "tiene 16 años", "16 años", and a child
    // named with the age alone ("para mi hija de 15", "mi hijo que tiene 13", round 21).
    [GeneratedRegex(@"\b(?:i'?m|im|i\s+am|she'?s|shes|she\s+is|he'?s|hes|he\s+is|they'?re|theyre|they\s+are|who'?s|whos|who\s+is|turning|turned|just\s+turned|aged?|(?:my|our)\s+(?:daughter|son|kid|child|teen|teenager|niece|nephew|granddaughter|grandson|stepdaughter|stepson)(?:\s+is|'?s))\s+(?:only\s+|just\s+)?(?<n>\d{1,2})\b(?![:.]\d|\s*(?:am\b|pm\b|a\.m|p\.m|min|mins|minutes?|hours?|hrs?|units?|weeks?|months?|days?|o'?clock|%|\$|dollars?|bucks|miles?|blocks?|people|of\s+us|ml|cc))|\b(?<n>\d{1,2})\s*(?:-\s*)?(?:years?|yrs?)(?:\s*-\s*|\s+)old\b|\b(?<n>\d{1,2})\s*(?:yo|y/o|y\.o\.)\b|\b(?:tengo|tiene|tienen|cumple|cumplio|cumplió)\s+(?<n>\d{1,2})\s+a(?:ñ|n)os\b|\bde\s+(?<n>\d{1,2})\s+a(?:ñ|n)os\b|\b(?:hija|hijo|hijastra|hijastro|nieta|nieto|sobrina|sobrino|nena|nene|niña|nina|niño|nino)\s+(?:de|tiene|que\s+tiene)\s+(?<n>\d{1,2})\b(?!\s*(?:[:.]\d|am\b|pm\b|h\b|hrs?\b|horas?|min|minutos?|d[ií]as?|semanas?|meses|%|\$|d[oó]lares|citas?|turnos?|reservas?|clases?|personas?|a\s+\d|-\s*\d|y\s+(?:media|cuarto|\d)|hasta))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Age();
}
