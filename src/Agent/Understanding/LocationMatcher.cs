namespace FrontDesk.Agent.Understanding;

/// <summary>A location mentioned in an utterance.</summary>
/// <param name="Location">The location meant, or null when the words fit several (<see cref="Candidates"/>).</param>
/// <param name="Candidates">Every location the words fit.</param>
/// <param name="Span">Where it was said.</param>
public sealed record LocationMatch(PlaceTerm? Location, IReadOnlyList<PlaceTerm> Candidates, TextSpan Span);

/// <summary>Finds the business's locations by name or id words, with typos.</summary>
public sealed class LocationMatcher
{
    private readonly SpaVocabulary _vocabulary;

    /// <summary>A matcher over the given vocabulary.</summary>
    public LocationMatcher(SpaVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _vocabulary = vocabulary;
    }

    /// <summary>The first location mentioned in <paramref name="text"/>, or null.</summary>
    public LocationMatch? Match(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_vocabulary.Locations.Count == 0)
        {
            return null;
        }

        var mentions = _vocabulary.LocationIndex.Find(Tokenizer.Tokenize(text));
        if (mentions.Count == 0)
        {
            return null;
        }

        var m = mentions[0];
        var places = m.Items.Select(i => _vocabulary.Locations[i]).ToList();
        return new LocationMatch(places.Count == 1 ? places[0] : null, places, m.Span);
    }
}
