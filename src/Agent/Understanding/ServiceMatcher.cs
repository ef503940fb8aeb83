using System.Globalization;

namespace FrontDesk.Agent.Understanding;

/// <summary>How sure the service matcher is.</summary>
public enum ServiceMatchKind
{
    /// <summary>No service or category was mentioned.</summary>
    None,

    /// <summary>Exactly one service is meant.</summary>
    Confident,

    /// <summary>Several services fit what was said ("a massage"); ask which one.</summary>
    Candidates,

    /// <summary>The caller named two or more different services ("a manicure and a pedicure").</summary>
    Several,
}

/// <summary>The services found in an utterance.</summary>
/// <param name="Kind">Confident, candidates to choose from, several named, or none.</param>
/// <param name="Services">The service (Confident), the candidates, or the services named, in vocabulary order for candidates and mention order otherwise.</param>
/// <param name="Category">The category said or shared by all candidates, when there is one.</param>
/// <param name="Spans">Where the mentions (and any duration like "90 minute") are in the text.</param>
/// <param name="Confidence">1 for exact words, lower for each typo corrected.</param>
public sealed record ServiceMatch(
    ServiceMatchKind Kind,
    IReadOnlyList<ServiceTerm> Services,
    string? Category,
    IReadOnlyList<TextSpan> Spans,
    double Confidence)
{
    /// <summary>Nothing found.</summary>
    public static ServiceMatch None { get; } = new(ServiceMatchKind.None, [], null, [], 0);

    /// <summary>The one service meant, when <see cref="Kind"/> is Confident.</summary>
    public ServiceTerm? Service => Kind == ServiceMatchKind.Confident ? Services[0] : null;
}

/// <summary>
/// Finds the business's services in free text: exact names, aliases, phrases inside longer text,
/// typos, spacing variants ("hydra facial"), plurals, and bare categories ("a facial").
/// Words that several services share (the category, "massage", numbers) never pick one service
/// alone; a spoken duration ("90 minute") narrows candidates of different lengths.
/// </summary>
public sealed class ServiceMatcher
{
    private readonly SpaVocabulary _vocabulary;

    /// <summary>A matcher over the given vocabulary.</summary>
    public ServiceMatcher(SpaVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _vocabulary = vocabulary;
    }

    /// <summary>Finds the services mentioned in <paramref name="text"/>.</summary>
    public ServiceMatch Match(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_vocabulary.Services.Count == 0 || text.Length == 0)
        {
            return ServiceMatch.None;
        }

        var mentions = _vocabulary.ServiceIndex.Find(Tokenizer.Tokenize(text));
        if (mentions.Count == 0)
        {
            return ServiceMatch.None;
        }

        var duration = SpaVocabulary.FindDuration(text);
        var spans = new List<TextSpan>(mentions.Count + 1);
        var resolved = new List<int[]>(mentions.Count);
        var edits = 0;
        string? group = null;
        foreach (var mention in mentions)
        {
            var items = mention.Items;
            if (items.Length > 1 && duration is null && AdjacentNumber(text, mention.Span) is { } bare
                && items.Where(i => _vocabulary.DurationAt(i) == bare.Value).ToArray() is [var one])
            {
                // "swedish 60": a bare number beside the service word that is exactly one candidate's length.
                items = [one];
                spans.Add(bare.Span);
            }
            else if (items.Length > 1 && duration is { } d)
            {
                var sameLength = items.Where(i => _vocabulary.DurationAt(i) == d.Minutes).ToArray();
                if (sameLength.Length > 0)
                {
                    items = sameLength;
                    if (!spans.Contains(d.Span))
                    {
                        spans.Add(d.Span);
                    }
                }
            }

            resolved.Add(items);
            spans.Add(mention.Span);
            edits += mention.Edits;
            group ??= mention.Group;
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        var confidence = Math.Max(0.5, 1.0 - 0.15 * edits);

        // A specific service also inside a vaguer mention ("a massage, the deep tissue one") wins.
        var singles = resolved.Where(r => r.Length == 1).Select(r => r[0]).Distinct().ToList();
        var vague = resolved.Where(r => r.Length > 1 && !r.Any(singles.Contains)).ToList();
        if (vague.Count == 0)
        {
            var services = singles.Select(i => _vocabulary.Services[i]).ToList();
            return singles.Count == 1
                ? new ServiceMatch(ServiceMatchKind.Confident, services, services[0].Category, spans, confidence)
                : new ServiceMatch(ServiceMatchKind.Several, services, null, spans, confidence);
        }

        if (singles.Count > 0)
        {
            // A specific service and an unrelated vague one: report what is certain and what is not.
            var named = singles.Concat(vague.SelectMany(v => v)).Distinct().Select(i => _vocabulary.Services[i]).ToList();
            return new ServiceMatch(ServiceMatchKind.Several, named, null, spans, confidence * 0.8);
        }

        var common = vague.Aggregate((a, b) => a.Intersect(b).ToArray());
        var pool = common.Length > 0 ? common : vague.SelectMany(v => v).Distinct().Order().ToArray();
        var candidates = pool.Select(i => _vocabulary.Services[i]).ToList();
        if (candidates.Count == 1)
        {
            return new ServiceMatch(ServiceMatchKind.Confident, candidates, candidates[0].Category, spans, confidence * 0.9);
        }

        var category = group;
        if (category is null)
        {
            var first = candidates[0].Category;
            category = candidates.All(c => string.Equals(c.Category, first, StringComparison.OrdinalIgnoreCase)) ? first : null;
        }

        return new ServiceMatch(ServiceMatchKind.Candidates, candidates, category, spans, confidence);
    }

    /// <summary>At or above this similarity, and <see cref="MeaningMargin"/> ahead of every other service, one service is meant.</summary>
    public const float MeaningConfidentAt = 0.5f;

    /// <summary>From this similarity up the nearest services are offered to choose from ("Did you mean …?").</summary>
    public const float MeaningSuggestAt = 0.4f;

    /// <summary>How far ahead of the next service the best must be to be the one meant; services within it are offered together.</summary>
    public const float MeaningMargin = 0.08f;

    /// <summary>
    /// Services read by meaning (the profile's services nearest to the message, best first, from the sentence embeddings):
    /// one clearly ahead and close enough is meant (Confident, its similarity as the confidence); a few close ones are
    /// candidates to ask about; nothing close is None. Ids not in the vocabulary are ignored. The match has no spans: no
    /// words of the message name the service.
    /// </summary>
    public static ServiceMatch FromMeaning(SpaVocabulary vocabulary, IReadOnlyList<Tools.Semantic.ServiceByMeaning> nearest)
    {
        var known = Known(vocabulary, nearest);
        if (known.Count == 0)
        {
            return ServiceMatch.None;
        }
        var best = known[0];
        if (best.Similarity >= MeaningConfidentAt && (known.Count == 1 || best.Similarity - known[1].Similarity >= MeaningMargin))
        {
            return new ServiceMatch(ServiceMatchKind.Confident, [best.Term!], best.Term!.Category, [], Math.Round(best.Similarity, 3));
        }
        // A near miss, or several close: the two or three nearest, to choose from (never one alone: that would be a guess).
        var close = known.Where(k => k.Similarity >= best.Similarity - MeaningMargin).Take(3).ToList();
        if (close.Count < 2 && known.Count > 1)
        {
            close = [.. known.Take(2)];
        }
        if (close.Count < 2)
        {
            return new ServiceMatch(ServiceMatchKind.Confident, [best.Term!], best.Term!.Category, [], Math.Round(best.Similarity, 3));
        }
        var terms = close.Select(c => c.Term!).ToList();
        var category = terms.All(t => string.Equals(t.Category, terms[0].Category, StringComparison.OrdinalIgnoreCase)) ? terms[0].Category : null;
        return new ServiceMatch(ServiceMatchKind.Candidates, terms, category, [], Math.Round(best.Similarity, 3));
    }

    /// <summary>
    /// The services of the kind nearest in meaning (the category of the nearest service), up to three, nearest first: a
    /// choice among them, or the one when the kind has one. For a goal ("i need to relax"), which calls for a kind of
    /// treatment, not one service.
    /// </summary>
    public static ServiceMatch OfTheNearestKind(SpaVocabulary vocabulary, IReadOnlyList<Tools.Semantic.ServiceByMeaning> nearest)
    {
        var known = Known(vocabulary, nearest);
        if (known.Count == 0)
        {
            return ServiceMatch.None;
        }
        var category = known[0].Term!.Category;
        var terms = known.Where(k => string.Equals(k.Term!.Category, category, StringComparison.OrdinalIgnoreCase)).Take(3).Select(k => k.Term!).ToList();
        return new ServiceMatch(terms.Count == 1 ? ServiceMatchKind.Confident : ServiceMatchKind.Candidates, terms, category, [], Math.Round(known[0].Similarity, 3));
    }

    /// <summary>
    /// The profile's services among <paramref name="nearest"/>, nearest first; none when even the nearest is too far to
    /// suggest.
    /// </summary>
    private static List<(ServiceTerm? Term, float Similarity)> Known(SpaVocabulary vocabulary, IReadOnlyList<Tools.Semantic.ServiceByMeaning> nearest)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(nearest);
        var known = nearest.Select(n => (Term: vocabulary.Services.FirstOrDefault(s => s.Id == n.ServiceId), n.Similarity))
            .Where(n => n.Term is not null).OrderByDescending(n => n.Similarity).ToList();
        return known.Count == 0 || known[0].Similarity < MeaningSuggestAt ? [] : known;
    }

    /// <summary>
    /// A whole number right before or after a mention with only spaces between ("swedish 60", "the 90 swedish"), or one
    /// comma after it, as a call is transcribed ("swedish massage, sixty, wednesday afternoon").
    /// Times are masked out before matching, so "swedish at 3" never reaches here as a number.
    /// </summary>
    private static (int Value, TextSpan Span)? AdjacentNumber(string text, TextSpan mention)
    {
        var after = mention.End;
        var comma = false;
        while (after < text.Length && (text[after] == ' ' || (text[after] == ',' && !comma)))
        {
            comma |= text[after] == ',';
            after++;
        }
        var end = after;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }
        if (end > after && end - after <= 3 && (end == text.Length || !char.IsLetterOrDigit(text[end]) && text[end] is not ':' and not '.'))
        {
            return (int.Parse(text.AsSpan(after, end - after), CultureInfo.InvariantCulture), new TextSpan(after, end - after));
        }
        var before = mention.Start;
        while (before > 0 && text[before - 1] == ' ')
        {
            before--;
        }
        var start = before;
        while (start > 0 && char.IsAsciiDigit(text[start - 1]))
        {
            start--;
        }
        if (start < before && before - start <= 3 && (start == 0 || !char.IsLetterOrDigit(text[start - 1]) && text[start - 1] is not ':' and not '.'))
        {
            return (int.Parse(text.AsSpan(start, before - start), CultureInfo.InvariantCulture), new TextSpan(start, before - start));
        }
        return null;
    }
}
