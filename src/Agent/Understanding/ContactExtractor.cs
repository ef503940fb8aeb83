using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FrontDesk.Agent.Understanding;

/// <summary>Contact details found in an utterance; each part is null when absent.</summary>
/// <param name="Phone">US number in E.164 ("+15551234567").</param>
/// <param name="PhoneSpan">Where the number is.</param>
/// <param name="Email">Lower-cased e-mail address.</param>
/// <param name="EmailSpan">Where the address is.</param>
/// <param name="Name">The caller's own name, in title case.</param>
/// <param name="NameSpan">Where the name is.</param>
public sealed record ContactDetails(
    string? Phone,
    TextSpan? PhoneSpan,
    string? Email,
    TextSpan? EmailSpan,
    string? Name,
    TextSpan? NameSpan)
{
    /// <summary>Nothing found.</summary>
    public static ContactDetails None { get; } = new(null, null, null, null, null, null);
}

/// <summary>
/// Finds a US phone number, an e-mail address and the caller's own name. Phone numbers may be
/// written in the usual ways or spoken as digit words ("five five five one two three ..."); e-mail
/// may be spoken ("ava at example dot com"). A name is taken from "my name is X", "name's X",
/// "this is X", "it's X", "I'm X", "call me X" (the last four only with a capitalised, name-like
/// word, so "I'm looking for..." is not a name), or from a bare reply when the agent asked for a name.
/// </summary>
public static partial class ContactExtractor
{
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "looking", "interested", "calling", "trying", "wondering", "hoping", "just", "not", "so", "here", "a", "an",
        "the", "good", "fine", "great", "ok", "okay", "well", "sorry", "new", "back", "available", "free", "busy",
        "running", "going", "getting", "still", "also", "actually", "really", "very", "sure", "done", "ready",
        "thinking", "planning", "on", "in", "at", "with", "from", "about", "for", "and", "or", "but", "to", "my",
        "your", "yes", "yeah", "yep", "no", "nope", "hi", "hello", "hey", "thanks", "thank", "please", "i", "me",
        "it", "that", "this", "there", "what", "who", "when", "where", "how", "why", "pregnant", "allergic",
        "nervous", "late", "early", "sick", "unable", "able", "afraid", "glad", "happy", "confused", "curious",
        "booked", "scheduled", "coming", "driving", "needing", "wanting", "checking", "asking", "hungry", "tired",
        "morning", "afternoon", "evening", "tomorrow", "today", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "correct", "right", "wrong", "perfect", "fine", "cool", "nevermind", "never",
        "bye", "goodbye", "cancel", "book", "reschedule", "help", "anyone", "someone", "nobody", "human", "person",
        "robot", "agent", "the", "gonna", "about", "all", "both", "only", "one", "two", "too", "is", "was", "be",
        "am", "pm", "who", "will", "can", "could", "would", "should", "maybe", "probably", "hmm", "um", "uh",
        "fully", "currently", "already", "almost", "super", "kind", "sort", "having", "feeling", "due", "over",
        "under", "off", "out", "up", "down", "open", "closed", "you", "we", "they", "he", "she", "his", "her",
        // A slip owned before the number fixed ("ugh typo, 207 555 0181", "oops wrong number"; round 35).
        "ugh", "oops", "whoops", "typo", "typos", "mistake", "wait", "oh", "ay", "perdon", "perdón", "oye",
    };

    /// <summary>True for a word (lower case) that is never part of a person's name ("the", "parking" is not one, "is" is).</summary>
    internal static bool IsNotAName(string lowerWord) => NotNames.Contains(lowerWord) || QuestionWords.Contains(lowerWord);

    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        // Function words only: "Park", "Price" and "Long" are surnames.
        "are", "do", "does", "did", "any", "anything", "much", "many", "whats", "what's", "wheres", "hows", "whos", "if", "of",
    };

    /// <summary>Finds the phone number, e-mail and name in <paramref name="text"/>.</summary>
    /// <param name="text">What the caller said.</param>
    /// <param name="expectingName">True when the agent's last question asked for the caller's name.</param>
    public static ContactDetails Extract(string text, bool expectingName = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var phone = FindPhone(text);
        var email = FindEmail(text);
        var masked = text;
        if (phone is not null || email is not null)
        {
            Span<TextSpan> spans = [phone?.Span ?? default, email?.Span ?? default];
            masked = TextNormalizer.Mask(text, spans);
        }

        // "Dana Bell, B as in boy, 415 …" on a call (round 28): the letter said as in a word spells, it is no part of the name.
        masked = AsInWord().Replace(masked, m => new string(' ', m.Length));
        // "it's dana d a n a, dana whitfield" on a call: the letters spell the name said beside them; the reply is the name.
        // Given where the number was asked too ("it's linh nguyen, N G U Y E N", round 28).
        var name = phone is null && email is null && Respelled(masked) is { } heard && FindName(heard, expectingName) is { } spelled
            ? (spelled.Value, new TextSpan(0, text.Length))
            : FindName(masked, expectingName) ?? (phone is { } p ? NameBesidePhone(masked, p.Span) ?? IntroducedBeforePhone(masked, p.Span) ?? LowerNameThenPhone(masked, p.Span) : null)
                // "Lena Ortiz, lena.ortiz@gmail.com or 415 555 0931", "Omar Haddad omar.h@outlook.com" (round 27): the name
                // written right before the e-mail, as before a number.
                ?? (email is { } e ? NameBesidePhone(masked, e.Span) : null)
                // "n g u y e n and the number is four one five …" where the number was asked (round 29): the letters spelled
                // beside the number are the name, in lower case too.
                ?? (phone is not null || email is not null ? SpelledBesideContact(masked) : null);
        if (name is { } first && !first.Value.Contains(' ', StringComparison.Ordinal) && FullerName(masked, first) is { } fuller)
        {
            // "its Dana, Dana Reyes, 415…": the first name said again with the last name is the name.
            name = fuller;
        }
        return new ContactDetails(phone?.Value, phone?.Span, email?.Value, email?.Span, name?.Value, name?.Span);
    }

    /// <summary>
    /// A name spelled out letter by letter as a transcriber writes it, said as the word: "dana d a n a, dana whitfield" →
    /// "dana whitfield" (the letters dropped where they spell a word said beside them, the word said twice said once),
    /// "it's d-a-n-a whitfield" → "it's dana whitfield". Null when nothing is spelled.
    /// </summary>
    private static string? Respelled(string text)
    {
        var changed = false;
        var respelled = SpelledLetters().Replace(text, m =>
        {
            var word = string.Concat(m.Value.Where(char.IsLetter));
            changed = true;
            var saidToo = Regex.IsMatch(text[..m.Index] + " " + text[(m.Index + m.Length)..], @"\b" + Regex.Escape(word) + @"\b",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
            return saidToo ? "" : word;
        });
        if (!changed)
        {
            return null;
        }
        respelled = Regex.Replace(respelled, @"\s+([,.])", "$1", RegexOptions.None, TimeSpan.FromMilliseconds(50));
        respelled = SaidTwice().Replace(respelled, "${w}");
        // "it's jane doe, that's j a n e, d o e": the letters gone, "that's" (or "spelled") is left saying nothing.
        respelled = Regex.Replace(respelled, @"(?:[\s,.]*\b(?:that'?s|thats|that\s+is|spelled|spelt|like)\b)?[\s,.]*$", "", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromMilliseconds(50));
        return Regex.Replace(respelled, @"\s{2,}", " ", RegexOptions.None, TimeSpan.FromMilliseconds(50)).Trim();
    }

    /// <summary>
    /// Whether the message spells a word letter by letter or says "last name" (round 29): a name in it, after a first name alone,
    /// is the last name ("linh", then "n g u y e n and the number is …").
    /// </summary>
    public static bool LastNameGiven(string text) =>
        (SpelledLetters().IsMatch(Meridiem().Replace(text, " ")) || LastNameSaid().IsMatch(text)) && !NameCorrected().IsMatch(text);

    // "no, it's lynn, l y n n", "actually it's l i n": the first name said again, not a last name after it.
    [GeneratedRegex(@"\b(?:no|not|actually|i\s+mean|wrong)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameCorrected();

    /// <summary>The word or two spelled letter by letter beside a number or an e-mail ("n g u y e n"), as a name; null when none.</summary>
    private static (string Value, TextSpan Span)? SpelledBesideContact(string masked)
    {
        var runs = SpelledLetters().Matches(Meridiem().Replace(masked, m => new string(' ', m.Length)))
            .Select(m => (Word: string.Concat(m.Value.Where(char.IsLetter)), m.Index, m.Length)).Where(r => r.Word.Length >= 2).ToList();
        if (runs.Count is 0 or > 2 || runs.Any(r => IsNotAName(r.Word.ToLowerInvariant())))
        {
            return null;
        }
        var name = string.Join(' ', runs.Select(r => char.ToUpperInvariant(r.Word[0]) + r.Word[1..].ToLowerInvariant()));
        return (name, new TextSpan(runs[0].Index, runs[^1].Index + runs[^1].Length - runs[0].Index));
    }

    // "9 a m", "at 2 p.m": the letters of a time, no name.
    [GeneratedRegex(@"[ap]\.?\s+m\.?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Meridiem();

    [GeneratedRegex(@"(?:last\s+name|surname|apellido)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LastNameSaid();

    // "B as in boy", "n like in nancy", "M as in Mary": a letter told by a word ("i like it" is not one).
    [GeneratedRegex(@",?\s*(?<![\p{L}'’])\p{L}\s+(?:as|like)\s+in\s+\p{L}+\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsInWord();

    // Two or more single letters apart by spaces or hyphens: "d a n a", "d-a-n-a".
    [GeneratedRegex(@"(?<![\p{L}'’])\p{L}(?:[\s-]+\p{L}){1,}(?![\p{L}'’])", RegexOptions.CultureInvariant)]
    private static partial Regex SpelledLetters();

    // A word said again after a comma or a pause: "dana, dana whitfield".
    [GeneratedRegex(@"\b(?<w>\p{L}+)[\s,.]+\k<w>\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SaidTwice();

    private static (string Value, TextSpan Span)? FullerName(string text, (string Value, TextSpan Span) first)
    {
        var again = Regex.Match(text[first.Span.End..], @"\b" + Regex.Escape(first.Value) + @"\s+(?<last>[A-Za-zÀ-ÿ][\w'’-]+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
        if (!again.Success || IsNotAName(again.Groups["last"].Value.ToLowerInvariant()))
        {
            return null;
        }
        var last = again.Groups["last"].Value;
        var start = first.Span.End + again.Index;
        return ($"{first.Value} {char.ToUpperInvariant(last[0])}{last[1..]}", new TextSpan(start, again.Length));
    }

    /// <summary>The first US phone number in <paramref name="text"/> as E.164, or null.</summary>
    public static (string Value, TextSpan Span)? FindPhone(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (e164, start, length) in FrontDesk.Tools.PhoneNumbers.Find(text))
        {
            return (e164, new TextSpan(start, length));
        }

        return SpokenPhone(text);
    }

    /// <summary>The first e-mail address in <paramref name="text"/>, lower-cased, or null.</summary>
    public static (string Value, TextSpan Span)? FindEmail(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var m = WrittenEmail().Match(text);
        if (m.Success)
        {
            return (m.Value.TrimEnd('.').ToLowerInvariant(), new TextSpan(m.Index, m.Value.TrimEnd('.').Length));
        }

        m = SpokenEmail().Match(text);
        if (m.Success)
        {
            var user = SpokenDots().Replace(m.Groups["user"].Value, ".").Replace(" ", string.Empty, StringComparison.Ordinal);
            var domain = SpokenDots().Replace(m.Groups["domain"].Value, ".").Replace(" ", string.Empty, StringComparison.Ordinal);
            return ($"{user}@{domain}.{m.Groups["tld"].Value}".ToLowerInvariant(), new TextSpan(m.Index, m.Length));
        }

        return null;
    }

    private static (string Value, TextSpan Span)? SpokenPhone(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var digits = new StringBuilder(11);
        var runStart = -1;
        for (var i = 0; i <= tokens.Count; i++)
        {
            var ok = false;
            if (i < tokens.Count)
            {
                var word = tokens[i].Lower;
                if (word.All(char.IsDigit) && word.Length <= 4)
                {
                    digits.Append(word);
                    ok = true;
                }
                else if (NumberWords.Digit(word) is >= 0 and var d && (word.Length > 2 || digits.Length > 0))
                {
                    digits.Append((char)('0' + d));
                    ok = true;
                }
                else if (word is "double" or "triple" && i + 1 < tokens.Count && NumberWords.Digit(tokens[i + 1].Lower) is >= 0 and var next)
                {
                    digits.Append((char)('0' + next), word == "double" ? 2 : 3);
                    i++;
                    ok = true;
                }

                if (ok && runStart < 0)
                {
                    runStart = tokens[word is "double" or "triple" ? i - 1 : i].Start;
                }
            }

            if (!ok)
            {
                var s = digits.ToString();
                if (s.Length == 11 && s[0] == '1')
                {
                    s = s[1..];
                }

                if (s.Length == 10 && s[0] is not ('0' or '1'))
                {
                    var end = tokens[i - 1].End;
                    return ("+1" + s, new TextSpan(runStart, end - runStart));
                }

                digits.Clear();
                runStart = -1;
            }
        }

        return null;
    }

    /// <summary>
    /// "it's Jen, uh, Jennifer Lowe actually": a first and last name said right after a shorter name, starting as it
    /// does, is the name meant (a nickname corrected on a call).
    /// </summary>
    private static (string Value, TextSpan Span)? FullerNameAfter(string text, (string Value, TextSpan Span) found)
    {
        if (found.Value.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }
        var at = found.Span.Start + found.Span.Length;
        var rest = CorrectedName().Match(text, at);
        if (!rest.Success || rest.Index - at > 12)
        {
            return null;
        }
        var fuller = NameAt(text, rest.Groups["name"].Index, strict: true, maxWords: 3);
        return fuller is { } f && f.Value.Contains(' ', StringComparison.Ordinal) && f.Value.StartsWith(found.Value, StringComparison.OrdinalIgnoreCase) ? f : null;
    }

    [GeneratedRegex(@"\G[\s,.]*(?:(?:uh+|um+|er|i\s+mean|sorry|actually|well)[\s,.]+)*(?<name>[A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex CorrectedName();

    /// <summary>
    /// "signature facial tmrw at 2pm, Iris Vale": two or three words written as a name (each capitalised), set off by a
    /// comma or a dash at the very end of the message, are the person signing it. The caller checks they name no
    /// provider, place or service of the spa; null when the message does not end so.
    /// </summary>
    public static (string Value, TextSpan Span)? SignedName(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var m = SignedAtEnd().Match(text);
        return m.Success && NameAt(text, m.Groups["name"].Index, strict: true, maxWords: 3) is { } found && found.Value.Contains(' ', StringComparison.Ordinal)
            && found.Span.End >= m.Groups["name"].Index + m.Groups["name"].Length ? found : null;
    }

    // A comma or a dash, then two or three capitalised words and the end of the message. Linear: the spaces between the
    // words are no letters, so no word can be matched in two ways.
    [GeneratedRegex(@"[,\-–—]\s*(?<name>\p{Lu}[\p{L}'’]+(?:-\p{Lu}?[\p{L}'’]+)?(?:\s+\p{Lu}[\p{L}'’]+(?:-\p{Lu}?[\p{L}'’]+)?){1,2})\s*[.!]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SignedAtEnd();

    private static (string Value, TextSpan Span)? FindName(string text, bool expectingName)
    {
        foreach (Match m in NameIntro().Matches(text))
        {
            var strict = !m.Groups["loose"].Success;
            // "it's uh Marta Diaz": a spoken filler between the intro and the name.
            var at = m.Index + m.Length;
            if (Filler().Match(text, at) is { Success: true } filler && filler.Index == at)
            {
                at += filler.Length;
            }
            if (NameAt(text, at, strict, maxWords: 3) is { } found)
            {
                return FullerNameAfter(text, found) ?? found;
            }
        }

        if (LowerCaseIntro(text) is { } introduced)
        {
            return introduced;
        }

        // "Jo March here, 415…": a first and last name written as a name, then "here", opening the message; "… a hydrafacial,
        // for Bea Lund, number 415…": a booking for a name written as one, then the number. Two capitalised words at least.
        foreach (var said in (ReadOnlySpan<Match>)[NameHere().Match(text), NameFor().Match(text)])
        {
            if (said.Success && NameAt(text, said.Groups["name"].Index, strict: true, maxWords: 3) is { } written && written.Value.Contains(' ', StringComparison.Ordinal))
            {
                return written;
            }
        }

        if (expectingName)
        {
            var m = BareNameReply().Match(text);
            if (m.Success)
            {
                return NameAt(text, m.Groups["name"].Index, strict: false, maxWords: 3);
            }
        }

        return null;
    }

    /// <summary>
    /// "hi im marina diaz", "im marina diaz, can i get a facial": "I'm" and two lower-case words that end the sentence are
    /// a name typed without capitals, and so is the word after "call me" ("just call me al", not "call me back") (so "marina" is not the Marina location), unless a word is one that is never a name
    /// or reads as a state or an activity ("im running late", "im so excited", "im outside now").
    /// </summary>
    private static (string Value, TextSpan Span)? LowerCaseIntro(string text)
    {
        var m = IntroAtSentenceEnd().Match(text);
        if (!m.Success)
        {
            return null;
        }
        var name = m.Groups["name"];
        var words = name.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(w => IsNotAName(w.ToLowerInvariant()) || NotLowerCaseNames.Contains(w.ToLowerInvariant()) || ReadsAsAState(w.ToLowerInvariant())))
        {
            return null;
        }
        return (string.Join(' ', words.Select(TitleCase)), new TextSpan(name.Index, name.Length));
    }

    /// <summary>"excited", "waiting", "totally": an ending names rarely have (short names such as "Ming" or "Ted" are kept).</summary>
    private static bool ReadsAsAState(string word) => word.Length > 4 && (word.EndsWith("ing", StringComparison.Ordinal)
        || word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("ly", StringComparison.Ordinal));

    /// <summary>Words said after "I'm" that are not names and that <see cref="NotNames"/> leaves out (it also guards capitalised names).</summary>
    private static readonly HashSet<string> NotLowerCaseNames = new(StringComparer.Ordinal)
    {
        "now", "outside", "inside", "home", "lost", "stuck", "kinda", "pretty", "lol", "haha", "sooo", "soo", "def", "totes",
        "ok", "okay", "alright", "fine", "good", "bad", "new", "old", "here", "there", "away", "around", "nearby", "close",
        "downstairs", "upstairs", "parked", "thx", "thanks", "pls", "please", "again", "today", "tonight", "yet",
        "ur", "u", "a", "an", "client", "customer", "member", "patient", "friend", "mom", "dad", "sister", "brother", "wife",
        "husband", "mother", "father", "daughter", "son", "regular", "first", "time", "visiting", "local", "spa",
        // After "call me": when, not who ("call me back", "call me later").
        "back", "later", "tomorrow", "asap", "anytime", "whenever", "sometime", "soon", "directly", "instead", "crazy", "maybe",
    };

    /// <summary>
    /// "hey its jamie fox 4155550142 …": two lower-case words between "it's" / "this is" / "I'm" and a phone number are
    /// the name that goes with it (typed in a hurry, without capitals).
    /// </summary>
    private static (string Value, TextSpan Span)? IntroducedBeforePhone(string text, TextSpan phone)
    {
        var m = IntroBeforePhone().Match(text[..Math.Min(phone.Start, text.Length)]);
        if (!m.Success)
        {
            return null;
        }
        var name = m.Groups["name"];
        var words = name.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(w => NotNames.Contains(w.ToLowerInvariant())))
        {
            return null;
        }
        return (string.Join(' ', words.Select(TitleCase)), new TextSpan(name.Index, name.Length));
    }

    /// <summary>
    /// "Dana Reyes, 415-555-0199", "for Jess Moore 207 555 0144", "415-555-0123 - Kim Tran - …": two or three
    /// capitalised words right before or right after a phone number are the name that goes with it.
    /// </summary>
    /// <summary>
    /// "jess moreno 415 555 0142" (round 30): a message that is only two words in lower case and the number, as people type
    /// their details where one was asked; the two words are the name when neither is a word names never are.
    /// </summary>
    private static (string Value, TextSpan Span)? LowerNameThenPhone(string text, TextSpan phone)
    {
        if (text[(phone.Start + phone.Length)..].Any(char.IsLetterOrDigit)
            || LowerNameOnly().Match(text[..phone.Start]) is not { Success: true } m
            || NotNames.Contains(m.Groups["first"].Value) || NotNames.Contains(m.Groups["last"].Value))
        {
            return null;
        }
        static string Cap(string w) => char.ToUpperInvariant(w[0]) + w[1..];
        return (Cap(m.Groups["first"].Value) + " " + Cap(m.Groups["last"].Value), new TextSpan(m.Groups["first"].Index, m.Groups["last"].Index + m.Groups["last"].Length - m.Groups["first"].Index));
    }

    [GeneratedRegex(@"^\s*(?:(?:it'?s|this\s+is|i'?m|im|name'?s|my\s+name\s+is)\s+)?(?<first>[a-z][a-z'-]+)\s+(?<last>[a-z][a-z'-]+)[\s,:;.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex LowerNameOnly();

    private static (string Value, TextSpan Span)? NameBesidePhone(string text, TextSpan phone)
    {
        // Before: walk back over separators, then collect capitalised words.
        var i = phone.Start - 1;
        while (i >= 0 && text[i] is ' ' or ',' or '-' or ':' or '\u2013' or '\u2014')
        {
            i--;
        }
        var words = new List<(int Start, int End)>(3);
        while (i >= 0 && words.Count < 3)
        {
            var end = i + 1;
            while (i >= 0 && (char.IsLetter(text[i]) || text[i] is '\'' or '-'))
            {
                i--;
            }
            var start = i + 1;
            if (end - start < 2 || !char.IsUpper(text[start]) || NotNames.Contains(text[start..end].ToLowerInvariant()))
            {
                break;
            }
            words.Insert(0, (start, end));
            if (i < 0 || text[i] != ' ')
            {
                break;
            }
            i--;
        }
        if (words.Count >= 2)
        {
            return NameAt(text, words[0].Start, strict: true, maxWords: words.Count);
        }
        // After: skip separators, read capitalised words.
        var j = phone.End;
        while (j < text.Length && text[j] is ' ' or ',' or '-' or ':' or '\u2013' or '\u2014')
        {
            j++;
        }
        return NameAt(text, j, strict: true, maxWords: 3) is { } after && after.Value.Contains(' ', StringComparison.Ordinal) ? after : null;
    }

    /// <summary>Reads up to <paramref name="maxWords"/> name-like words starting at <paramref name="start"/>.</summary>
    private static (string Value, TextSpan Span)? NameAt(string text, int start, bool strict, int maxWords)
    {
        var words = new List<(int Start, int End)>(maxWords);
        var i = start;
        while (words.Count < maxWords)
        {
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            var wordStart = i;
            while (i < text.Length && (char.IsLetter(text[i]) || ((text[i] is '\'' or '-') && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > wordStart)))
            {
                i++;
            }

            if (i == wordStart || (i < text.Length && char.IsDigit(text[i])))
            {
                break;
            }

            var word = text[wordStart..i];
            var lower = word.ToLowerInvariant();
            if (NotNames.Contains(lower) || (strict && !char.IsUpper(word[0])) || word.Length > 24)
            {
                break;
            }

            // After the first word, a lower-case word is more likely the rest of the sentence.
            if (words.Count > 0 && !char.IsUpper(word[0]) && strict)
            {
                break;
            }

            words.Add((wordStart, i));
            if (i < text.Length && text[i] is ',' or '.' or '!' or '?' or ';')
            {
                break;
            }
        }

        if (words.Count == 0)
        {
            return null;
        }

        var span = new TextSpan(words[0].Start, words[^1].End - words[0].Start);
        var title = string.Join(' ', words.Select(w => TitleCase(text[w.Start..w.End])));
        return (title, span);
    }

    private static string TitleCase(string word)
    {
        if (word.Any(char.IsUpper) && word.Any(char.IsLower))
        {
            return word;
        }

        var lower = word.ToLowerInvariant();
        var sb = new StringBuilder(lower);
        for (var i = 0; i < sb.Length; i++)
        {
            if (i == 0 || sb[i - 1] is '-' or '\'')
            {
                sb[i] = char.ToUpper(sb[i], CultureInfo.InvariantCulture);
            }
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex WrittenEmail();

    [GeneratedRegex(@"\b(?<user>[a-z0-9]+(?:\s+(?:dot|period)\s+[a-z0-9]+)*)\s+at\s+(?<domain>[a-z0-9\-]+(?:\s+dot\s+[a-z0-9\-]+)*)\s+dot\s+(?<tld>com|net|org|edu|gov|io|co|us|me|info|biz)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpokenEmail();

    [GeneratedRegex(@"\s+(?:dot|period)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpokenDots();

    [GeneratedRegex(@"(?:(?:uh+|um+|erm?|ah+|like)[,\s]+)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Filler();

    /// <summary>
    /// The words before what the person wants to be called: "call me", "calling me", "when you text me use". Shared with
    /// the understander, which tells such a name from a call asked for.
    /// </summary>
    internal const string CallMeWords = @"call(?:ing)?\s+me|(?:when|if)\s+(?:you|u)\s+(?:text|talk\s+to|write\s+to|message|email|address)\s+me,?\s+(?:use|say|go\s+with)";

    [GeneratedRegex(@"\b(?:(?<loose>my\s+name\s+is|my\s+name's|name's|name\s+is|names|the\s+name\s+is|my\s+first\s+name\s+is|first\s+name\s+is)|this\s+is|it's|its|it\s+is|i'm|im|i\s+am|" + CallMeWords + @")\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameIntro();

    [GeneratedRegex(@"^\s*(?:(?:hi|hey|hello|hiya|ok|okay)[,.!]?\s+)?(?<name>\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){1,2})(?:\s+here\b|\s*,\s*(?i:i'?m|i\s+am)\s+(?i:her|his|their|the)\s+(?i:mom|mum|mother|dad|father|parent|guardian|husband|wife|partner|sister|brother|daughter|son|friend)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex NameHere();

    [GeneratedRegex(@"\bfor\s+(?<name>\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){1,2})\s*[,:\-]?\s*(?:(?i:number|phone|cell|mobile|tel|my\s+number|her\s+number|#)\b|\+?\(?\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NameFor();

    [GeneratedRegex(@"^\s*(?:(?:oh|um|uh|sure|yes|yeah|ok|okay|hi|hello)[,.!]?\s+)?(?:(?:it's|its|it\s+is|this\s+is|i'm|im|name's)\s+)?(?<name>\p{L}[\p{L}'’\-]+(?:\s+\p{L}[\p{L}'’\-]+){0,2})\s*[.!]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BareNameReply();

    [GeneratedRegex(@"\b(?i:i'm|im|i\s+am)\s+(?<name>\p{Ll}[\p{L}'’\-]+\s+\p{Ll}[\p{L}'’\-]+)(?=\s*(?:$|[,.!;])|\s+(?i:and|here|btw|from)\b)"
        + @"|\b(?i:(?:just|you\s+can|u\s+can|please|pls|feel\s+free\s+to)\s+call\s+me|" + CallMeWords + @")\s+(?<name>\p{Ll}[\p{L}'’\-]+)(?=\s*(?:$|[,.!;])|\s+(?i:from\s+now\s+on|instead|please|pls|thanks|thank\s+you)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex IntroAtSentenceEnd();

    [GeneratedRegex(@"\b(?:it's|its|it\s+is|this\s+is|i'm|im|i\s+am)\s+(?<name>\p{L}[\p{L}'’\-]+\s+\p{L}[\p{L}'’\-]+)[\s,:\-]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IntroBeforePhone();
}
