using FrontDesk.Tools.Profile;

namespace FrontDesk.Tools.Semantic;

/// <summary>A service of the profile and how close a message is to it in meaning.</summary>
/// <param name="ServiceId">The profile's service id.</param>
/// <param name="Similarity">Cosine similarity of the message and the closest of the service's texts, 0..1.</param>
public sealed record ServiceByMeaning(string ServiceId, float Similarity);

/// <summary>
/// The profile's services embedded once, on first use or <see cref="Warm"/>: each by its name with its aliases, and by its
/// name with its description. A message is matched by meaning: "something to relax my shoulders" is near the massages,
/// "get rid of the hair on my legs" near laser hair removal, though neither names a service. A signal beside the
/// service matcher's words, not instead of them.
/// </summary>
public sealed class SemanticServices
{
    private readonly SentenceEmbedder _embedder;
    private readonly Lazy<(string ServiceId, float[] Vector)[]> _texts;

    /// <summary>Creates the index for a profile; nothing is embedded until first use.</summary>
    public SemanticServices(SpaProfile profile, SentenceEmbedder embedder)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(embedder);
        _embedder = embedder;
        _texts = new(() => Embed(profile), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Embeds the profile's services now (at start-up, before the host reports ready).</summary>
    public void Warm() => _ = _texts.Value;

    /// <summary>The four services closest to <paramref name="text"/> in meaning, best first.</summary>
    public IReadOnlyList<ServiceByMeaning> Search(string text) => Search(text, 4);

    /// <summary>The services closest to <paramref name="text"/> in meaning, best first (one row per service).</summary>
    public IReadOnlyList<ServiceByMeaning> Search(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spelled = Faq.SemanticFaq.Spelled(text);
        var q = _embedder.Embed(spelled);
        // Everyday words ("my toes", "the lines by my eyes") also count by the spa's own words for them ("pedicure",
        // "wrinkles expression lines"), alone.
        var spa = EverydayWords.SpaWordsIn(spelled);
        var g = spa.Count == 0 ? null : _embedder.Embed(string.Join(' ', spa));
        return [.. _texts.Value
            .Select(t => (t.ServiceId, Score: g is null ? SentenceEmbedder.Similarity(q, t.Vector) : Math.Max(SentenceEmbedder.Similarity(q, t.Vector), SentenceEmbedder.Similarity(g, t.Vector))))
            .GroupBy(x => x.ServiceId, StringComparer.Ordinal)
            .Select(g => new ServiceByMeaning(g.Key, g.Max(x => x.Score)))
            .OrderByDescending(x => x.Similarity)
            .Take(limit)];
    }

    private (string ServiceId, float[] Vector)[] Embed(SpaProfile profile)
    {
        var texts = new List<(string ServiceId, string Text)>();
        foreach (var s in profile.Services)
        {
            var name = s.Name;
            texts.Add((s.Id, s.Aliases.Count > 0 ? $"{name} ({string.Join(", ", s.Aliases)})" : name));
            if (!string.IsNullOrWhiteSpace(s.Description))
            {
                texts.Add((s.Id, $"{name}: {s.Description}"));
            }
        }
        var vectors = _embedder.EmbedMany([.. texts.Select(t => t.Text)]);
        return [.. texts.Select((t, i) => (t.ServiceId, vectors[i]))];
    }
}
