using System.Text.RegularExpressions;

namespace FrontDesk.Agent.Understanding;

/// <summary>
/// Splits a message that asks two things ("what are your hours on saturday and is there parking") into its questions,
/// so each gets its own answer. A part starts where a new question opens after "and", "also" or a question mark (an
/// indirect one too: "tell me if you are open on sunday and if you have massage that day");
/// "do you do facials and massages" stays one question.
/// </summary>
public static partial class QuestionParts
{
    /// <summary>The questions in <paramref name="text"/>, in order; the text itself when it asks one thing.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<string>();
        var last = 0;
        foreach (Match m in NewQuestion().Matches(text))
        {
            var before = text[last..m.Index].Trim(' ', ',', ';', '?', '.');
            if (WordCount(before) >= 2)
            {
                parts.Add(before);
                last = m.Index + m.Length;
            }
        }
        var rest = text[last..].Trim(' ', ',', ';', '.');
        if (parts.Count == 0 || WordCount(rest) < 2)
        {
            return [text];
        }
        parts.Add(rest);
        return parts;
    }

    private static int WordCount(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    // The joint between two questions: "and", "also", "plus" or a question mark, then a word that opens a question.
    [GeneratedRegex(@"(?:\?\s*(?:and\s+|also\s+|plus\s+)?|[,;]?\s+(?:and(?:\s+also)?|also|plus)\s+)(?=(?:is|are|do|does|can|could|will|would|should|what|whats|what's|how|where|when|which|who|any|if|whether)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NewQuestion();
}
