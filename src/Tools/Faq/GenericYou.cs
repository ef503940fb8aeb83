using System.Text.RegularExpressions;

namespace FrontDesk.Tools.Faq;

/// <summary>
/// The generic "you" of general knowledge, which asks nothing of the business (round 22): the body's "in your system"
/// ("how long does caffeine stay in your system"), anyone's sunburn, cold or sunscreen ("can you get a sunburn on a cloudy
/// day", "do you need sunscreen in winter"), and the wait after one's own hair dye ("how long should i wait to wash my
/// hair after dying it"). Read so that such a question is not taken as asked of the spa, nor as a request for a treatment.
/// </summary>
public static class GenericYou
{
    // Matched without backtracking: linear in the question, so no wall-clock limit to trip on a starved machine.
    private static readonly Regex Said = new(
        @"\b(in|into|on|for|to|from|out\s+of)\s+your\s+(system|body|bloodstream|blood|stomach|liver|kidneys?|heart|brain|teeth|gut|lungs|metabolism|immune\s+system|bones|muscles|joints)\b"
        + @"|\b(can|do|does|will|would|should|could)\s+(you|u)\s+(really\s+|still\s+|actually\s+)?(get|catch|need|burn|tan|lose|gain)\s+(a\s+|an\s+|any\s+)?(sunburn\w*|sunscreen|sun\s?block|spf|tan|cold|colds|flu|sick|vitamin\s?\w*|calories|weight)\b"
        + @"|\b(how\s+long|when)\s+should\s+(i|you)\s+wait\s+to\s+\w+\s+(my|your)\s+\w+\s+after\s+(dy(e)?ing|coloring|colouring|bleaching|perming|straightening|eating|drinking)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    /// <summary>Whether the text asks in the generic "you".</summary>
    public static bool IsIn(string text) => Said.IsMatch(text);

    /// <summary>The text without its generic "you" phrases, for telling whether what is left asks the business.</summary>
    public static string Without(string text) => Said.Replace(text, " ");
}
