namespace FrontDesk.Agent.Understanding;

/// <summary>An answer to a yes/no question.</summary>
public enum YesNo
{
    /// <summary>Neither yes nor no.</summary>
    Unknown,

    /// <summary>Yes, agreement, go ahead.</summary>
    Yes,

    /// <summary>No, disagreement, that does not work.</summary>
    No,
}

/// <summary>The yes/no reading of an utterance.</summary>
/// <param name="Answer">Yes, no, or unknown.</param>
/// <param name="Span">Where the yes/no words are; default when unknown.</param>
/// <param name="Remainder">What follows the answer, e.g. "make it 4" in "yes but make it 4"; empty when nothing follows.</param>
public sealed record YesNoResult(YesNo Answer, TextSpan Span, string Remainder)
{
    /// <summary>Neither yes nor no.</summary>
    public static YesNoResult Unknown { get; } = new(YesNo.Unknown, default, string.Empty);
}

/// <summary>
/// Reads yes and no in their many everyday forms ("yeah", "sounds good", "book it", "👍", "nope",
/// "that doesn't work", "no thanks"). The answer must open the reply (after fillers like "um" or
/// "oh"); what follows is returned as a remainder so a correction ("yes but make it 4", "no, Tuesday")
/// is not lost.
/// </summary>
public static partial class YesNoClassifier
{
    // Longest first matters only among phrases sharing a start; the matcher tries every phrase.
    private static readonly string[][] YesPhrases = Split(
        "yes", "yeah", "yea", "yep", "yup", "ya", "yah", "ye", "yas", "sure", "sure thing", "of course", "ok", "okay", "k", "kk",
        "okey dokey", "alright", "all right", "sounds good", "sounds great", "sounds perfect", "sounds fine", "that sounds good",
        "that sounds great", "perfect", "great", "excellent", "awesome", "wonderful", "lovely", "fine", "good", "cool",
        "that works", "that works for me", "works for me", "that'd work", "that would work", "that will work", "works",
        "that's fine", "that is fine", "that's good", "that's great", "that's perfect", "that's right", "that is right",
        "that's correct", "that is correct", "correct", "right", "exactly", "book it", "book that", "book me", "go ahead",
        "go for it", "do it", "please do", "yes please", "please", "absolutely", "definitely", "certainly", "indeed",
        "affirmative", "confirm", "confirmed", "i confirm", "let's do it", "let's do that", "lets do it", "lets do that",
        "let's go", "sign me up", "i'd like that", "i would like that", "i'll take it", "i'll take that", "take it",
        "i do", "it is", "yes it is", "you got it", "deal", "done", "please book it", "that one", "ideal", "agreed", "yess",
        "mhm", "mm hmm", "uh huh", "ja", "si", "oui", "yes that's right", "why not", "i guess so", "i think so", "sure why not");

    private static readonly string[][] NoPhrases = Split(
        "no", "nope", "nah", "na", "no thanks", "no thank you", "not really", "not quite", "not exactly", "not that one",
        "no way", "negative", "nop", "noo", "not at all", "definitely not", "absolutely not", "i don't think so",
        "i dont think so", "that doesn't work", "that does not work", "doesn't work", "that won't work", "won't work",
        "that wont work", "that doesnt work", "doesnt work", "that's wrong", "that is wrong", "wrong", "incorrect",
        "that's not right", "that is not right", "not right", "that's not correct", "not correct", "don't", "do not",
        "please don't", "i can't", "i cannot", "can't make it", "can't do that", "i can't do that", "no can do",
        "not for me", "not good", "that's not it", "never", "hold off", "no sorry", "sorry no", "nay", "pass", "i'll pass");

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "um", "umm", "uh", "uhh", "er", "erm", "hmm", "hm", "oh", "ah", "well", "so", "oh", "hey", "honestly",
        // Said on a call before the answer (round 35): "mmm sí, esa está bien", "eh... sí". A bare "mm" stays no answer.
        "mm", "mmm", "mmmm", "eh", "ehh", "em", "emm",
    };

    private static readonly HashSet<string> Hedges = new(StringComparer.Ordinal)
    {
        "maybe", "perhaps", "possibly", "probably", "idk", "dunno", "quizas", "quizás",
    };

    /// <summary>"yes i guess", "ok i think", "sure i suppose", "yeah not sure" after a yes.</summary>
    private static bool HedgedWithI(List<Token> tokens, int at) =>
        at + 1 < tokens.Count && ((tokens[at].Lower == "i" && tokens[at + 1].Lower is "guess" or "suppose" or "think" && at + 2 == tokens.Count)
            || (tokens[at].Lower == "not" && tokens[at + 1].Lower == "sure"));

    private static readonly HashSet<string> QuestionOpeners = new(StringComparer.Ordinal)
    {
        "what", "whats", "what's", "when", "where", "which", "who", "how", "why", "is", "are", "can", "could", "do", "does", "will", "would", "should",
    };

    private static readonly HashSet<string> Joiners = new(StringComparer.Ordinal)
    {
        "but", "and", "though", "however", "just", "only", "except", "then", "so", "although", "wait", "actually",
    };

    /// <summary>
    /// What follows a moment asked for at the start ("uh, one sec... yeah ok" → "yeah ok", round 36), or null when the message
    /// does not open with one or holds nothing after it.
    /// </summary>
    public static string? AfterHoldOn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return HoldOn().Match(text) is { Success: true, Length: > 0 } holdOn && text[holdOn.Length..].Trim() is { Length: > 0 } rest ? rest : null;
    }

    /// <summary>
    /// Whether what is left after a yes is nothing or only more of it ("yeah ok", "yes sure, fine"; round 36: "yeah ok" at an
    /// offer led by the time asked was no pick of it, "yeah" was).
    /// </summary>
    public static bool OnlyMoreYes(string remainder) => remainder.Length == 0 || MoreYes().IsMatch(remainder);

    /// <summary>
    /// Classifies <paramref name="text"/> as yes, no, or unknown, with the remainder after the answer.
    /// Text holding emoji is normalised first (👍 is yes), and the span then refers to the normalised text.
    /// </summary>
    public static YesNoResult Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Any(c => char.IsSurrogate(c) || c > '\u2000'))
        {
            text = TextNormalizer.Normalize(text);
        }

        if (SaidYesWithoutWords().IsMatch(text))
        {
            // "uh-huh", "mm-hmm" as a transcriber writes them: one yes, not the filler "uh" before a "huh?" (round 30).
            text = SaidYesWithoutWords().Replace(text, "mhm");
        }

        var tokens = Tokenizer.Tokenize(text);
        var first = 0;
        if (HoldOn().Match(text) is { Success: true, Length: > 0 } holdOn)
        {
            // "uh, one sec... yeah ok", "un momento... sí" (round 35): a moment asked before the answer is no answer itself.
            while (first < tokens.Count && tokens[first].Start < holdOn.Length)
            {
                first++;
            }
        }
        while (first < tokens.Count && Fillers.Contains(tokens[first].Lower))
        {
            first++;
        }

        if (first >= tokens.Count)
        {
            return YesNoResult.Unknown;
        }

        var yes = Longest(YesPhrases, tokens, first);
        var no = Longest(NoPhrases, tokens, first);
        if (yes == 0 && no == 0)
        {
            return YesNoResult.Unknown;
        }

        var answer = no >= yes ? YesNo.No : YesNo.Yes;
        var length = Math.Max(yes, no);

        // "sure, can you do Friday instead?": a question after "sure" is not a yes to the question asked.
        var last = first + length - 1;
        var span = new TextSpan(tokens[first].Start, tokens[last].End - tokens[first].Start);

        // "no problem" and "no worries" are not refusals; "good morning" is a greeting, "fine by me" is a yes.
        if (answer == YesNo.No && tokens[first].Lower == "no" && last + 1 < tokens.Count
            && tokens[last + 1].Lower is "problem" or "worries" or "prob" or "probs" or "doubt" or "question")
        {
            return new YesNoResult(YesNo.Yes, span.Union(tokens[last + 1].Span), Rest(text, tokens, last + 2));
        }

        if (answer == YesNo.Yes && last + 1 < tokens.Count && tokens[first].Lower is "good" or "great" or "fine"
            && tokens[last + 1].Lower is "morning" or "afternoon" or "evening" or "night" or "day" or "bye" or "question")
        {
            return YesNoResult.Unknown;
        }

        // "uh no wait... yes, yes book it", "nah wait actually yes yes": a no taken back ("wait", "actually", "espera") by a
        // repeated, clear yes is a yes, the last clear word; a single yes after it ("no wait yes"), or a hedged or mixed
        // one ("no wait, yes no", "no wait yes maybe"), stays the no (round 21).
        if (answer == YesNo.No && TakenBackBy(text, tokens, last + 1) is { } retracted)
        {
            return retracted;
        }

        // "yes yes... no wait, no": a repeated yes is read from its last repetition, so a no right after it takes it back.
        if (answer == YesNo.Yes && last + 1 < tokens.Count && Longest(YesPhrases, tokens, last + 1) > 0
            && Classify(text[tokens[last + 1].Start..]) is { Answer: YesNo.No } takenBack)
        {
            return takenBack with { Span = span.Union(new TextSpan(tokens[last + 1].Start + takenBack.Span.Start, takenBack.Span.Length)) };
        }

        // "yeah no", "ok nah": the yes is taken back at once; a no ("yes no problem" stays a yes, above).
        if (answer == YesNo.Yes && last + 1 < tokens.Count && IsNo(tokens[last + 1].Lower)
            && !(last + 2 < tokens.Count && tokens[last + 2].Lower is "problem" or "worries" or "prob" or "probs"))
        {
            return new YesNoResult(YesNo.No, span.Union(tokens[last + 1].Span), Rest(text, tokens, last + 2));
        }

        // "sure maybe", "yes i guess", "ok idk": a yes hedged at once is no answer.
        if (answer == YesNo.Yes && last + 1 < tokens.Count && (Hedges.Contains(tokens[last + 1].Lower) || HedgedWithI(tokens, last + 1)))
        {
            return YesNoResult.Unknown;
        }

        // "si pero", "ok but", "ok but what time was it again", "sure, but is there parking": an unfinished yes, or one with a
        // question after it, is no answer yet ("yes but make it 11" keeps its correction as the remainder).
        if (answer == YesNo.Yes && last + 1 < tokens.Count && tokens[last + 1].Lower is "but" or "though" or "pero"
            && (last + 2 >= tokens.Count || QuestionOpeners.Contains(tokens[last + 2].Lower)))
        {
            return YesNoResult.Unknown;
        }

        // A long sentence merely starting with "right" or "so" is not an answer.
        if (answer == YesNo.Yes && length == 1 && tokens[first].Lower is "right" or "good" or "fine" or "great" or "please" or "works" or "done"
            && tokens.Count - first > 4)
        {
            return YesNoResult.Unknown;
        }

        return new YesNoResult(answer, span, Rest(text, tokens, last + 1));
    }

    // A bare no word: what takes a yes back ("yeah no") and what a take-back follows ("no no wait").
    private static bool IsNo(string word) => word is "no" or "nah" or "nope" or "noo";

    private static readonly HashSet<string> TakeBacks = new(StringComparer.Ordinal)
    {
        "wait", "actually", "sorry", "hold", "espera", "esperate", "perdon", "perdón", "bueno",
    };

    /// <summary>
    /// After a no at <paramref name="from"/>: "wait"/"actually" (the no repeated or not before it), then a yes said twice or
    /// with a second yes word ("yes, yes book it", "si, si, agendala", "yes go ahead"): that yes; otherwise null (the no stands).
    /// </summary>
    private static YesNoResult? TakenBackBy(string text, List<Token> tokens, int from)
    {
        var i = from;
        while (i < tokens.Count && IsNo(tokens[i].Lower))
        {
            i++;
        }
        if (i >= tokens.Count || !TakeBacks.Contains(tokens[i].Lower))
        {
            return null;
        }
        while (i < tokens.Count && (TakeBacks.Contains(tokens[i].Lower) || Fillers.Contains(tokens[i].Lower) || tokens[i].Lower is "on" or "i" or "mean"))
        {
            i++;
        }
        if (i >= tokens.Count)
        {
            return null;
        }
        var yes = Classify(text[tokens[i].Start..]);
        if (yes.Answer != YesNo.Yes || yes.Remainder.Length == 0)
        {
            return null;
        }
        var again = Classify(yes.Remainder);
        return again.Answer == YesNo.Yes && (again.Remainder.Length == 0 || Classify(again.Remainder).Answer != YesNo.No)
            ? new YesNoResult(YesNo.Yes, new TextSpan(tokens[i].Start + yes.Span.Start, yes.Span.Length), again.Remainder)
            : null;
    }

    private static string Rest(string text, List<Token> tokens, int from)
    {
        var i = from;
        while (i < tokens.Count && (Joiners.Contains(tokens[i].Lower) || Fillers.Contains(tokens[i].Lower)))
        {
            i++;
        }

        if (i >= tokens.Count)
        {
            return string.Empty;
        }

        return text[tokens[i].Start..].Trim().TrimEnd('.', '!');
    }

    private static int Longest(string[][] phrases, List<Token> tokens, int first)
    {
        var best = 0;
        foreach (var phrase in phrases)
        {
            if (phrase.Length <= best || first + phrase.Length > tokens.Count)
            {
                continue;
            }

            var match = true;
            for (var k = 0; k < phrase.Length && match; k++)
            {
                var word = tokens[first + k].Lower;
                match = word == phrase[k]
                    || word.Replace("'", string.Empty, StringComparison.Ordinal) == phrase[k].Replace("'", string.Empty, StringComparison.Ordinal)
                    || (word.Length > phrase[k].Length && Collapse(word) == Collapse(phrase[k]));
            }

            if (match)
            {
                best = phrase.Length;
            }
        }

        return best;
    }

    /// <summary>"yesss" → "yes", "nooo" → "no": stretched words compare equal to their plain form.</summary>
    private static string Collapse(string word)
    {
        Span<char> buffer = stackalloc char[Math.Min(word.Length, 64)];
        var n = 0;
        foreach (var c in word.AsSpan(0, buffer.Length))
        {
            if (n == 0 || buffer[n - 1] != c)
            {
                buffer[n++] = c;
            }
        }

        return new string(buffer[..n]);
    }

    private static string[][] Split(params string[] phrases) =>
        [.. phrases.Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)).OrderByDescending(p => p.Length)];

    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:(?:uh+|um+|er+m*|eh+|mm+|hmm+)\W+)*(?:one\s+sec(?:ond)?|hold\s+on|just\s+a\s+sec(?:ond)?|give\s+me\s+a\s+sec(?:ond)?|let\s+me\s+(?:see|check|think)|un\s+(?:momento|segundo|segundito|momentito)|a\s+ver)\W+", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex HoldOn();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:(?:ok(?:ay)?|k|sure|fine|good|great|perfect|works|that\s+works|sounds\s+good|vale|bueno|est[aá]\s+bien)\W*)+$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex MoreYes();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:uh|un|u+m*)[\s-]*h+u+h+\b|\bm+[\s-]*h+m+\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SaidYesWithoutWords();
}
