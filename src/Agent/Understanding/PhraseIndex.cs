namespace FrontDesk.Agent.Understanding;

/// <summary>
/// Finds mentions of named things (services, people, places) in text. Each item has one or more
/// phrases; each phrase is reduced to singular stems without filler words or numbers. A word used by
/// two or more items, or a group word (a category), is generic: it narrows the candidates but does
/// not pick an item by itself.
/// </summary>
internal sealed class PhraseIndex
{
    /// <summary>Words never indexed: articles, connectors and duration units (durations are handled apart).</summary>
    internal static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "of", "for", "with", "to", "in", "on", "at", "by", "my", "your", "our",
        "plus", "min", "mins", "minute", "minutes", "hr", "hrs", "hour", "hours", "de", "la", "le", "w",
    };

    /// <summary>Everyday words that name no service alone, only inside a longer name ("free" of "free consultation", "I'm free after 2").</summary>
    internal static readonly HashSet<string> NotAlone = new(StringComparer.Ordinal)
    {
        "free", "basic", "classic", "regular", "full", "new", "quick", "mini", "express", "deluxe", "premium", "first", "last",
        "same", "good", "great", "fine", "open", "just", "only", "real", "whole", "half", "extra", "special",
        // Found on hand-written probes (round 14): "wait long to eat at chili's", "long john silver's" read as the "long swedish".
        "long", "short",
    };

    /// <summary>Everyday words that a one-letter typo would turn into something else; never fuzzy-matched.</summary>
    internal static readonly HashSet<string> NoFuzz = new(StringComparer.Ordinal)
    {
        "message", "messages", "manage", "have", "make", "like", "time", "times", "tine", "thing", "this", "that",
        "then", "them", "they", "what", "when", "where", "which", "want", "would", "could", "should", "there",
        "their", "here", "some", "about", "after", "before", "today", "tomorrow", "morning", "evening", "week",
        "next", "book", "booking", "cancel", "change", "please", "thanks", "thank", "hello", "okay", "sure",
        "name", "phone", "email", "number", "call", "calling", "help", "just", "also", "anyone", "available",
        "appointment", "appointments", "schedule", "reschedule", "with", "from", "your", "open", "hours",
        "price", "prices", "much", "cost", "wait", "waitlist", "still", "well", "will", "were", "went", "does",
        "done", "good", "great", "fine", "free", "face", "back", "body", "feet", "foot", "hand", "hands",
        "nail", "nails", "hair", "skin", "lips", "care", "come", "came", "know", "need", "mean", "more", "most",
        "much", "only", "over", "same", "soon", "sooner", "than", "very", "work", "works", "first", "last",
        "second", "third", "friday", "monday", "sunday", "saturday", "tuesday", "thursday", "wednesday",
        "march", "april", "june", "july", "august", "maybe", "being", "doing", "going", "getting", "looking",
        // Everyday words one typo away from a service word ("check" → cheek filler, "spot" → sports massage): found
        // by the false-action evaluation (docs/evaluation.md), where "book a spot for 4" offered massages.
        "check", "checks", "checked", "checking", "spot", "spots", "table", "tables", "seat", "seats", "place", "places",
        "bill", "bills", "card", "cards", "ride", "rides", "light", "lights",
        // Found on the SGD dev split: "hail a taxi" read as laser hair removal.
        "hail", "hailing", "hall", "fair", "pair", "chair",
        // Found on the SGD dev split: "later, what's the weather on the 6th" read as the laser services.
        "later", "lately", "latest",
        // Found typing conversations (issue 12, round 4): "no keep it" at a cancellation's read-back read as deep tissue.
        "keep", "keeps", "kept",
    };

    private readonly List<List<string[]>> _phrases;
    private readonly Dictionary<string, string[]> _compactSources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Name, List<int> Members)> _groups = new(StringComparer.Ordinal);
    private Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private List<string>[] _byLength = [];
    private string[] _sortedKeys = [];

    public PhraseIndex(int itemCount)
    {
        _phrases = new List<List<string[]>>(itemCount);
        for (var i = 0; i < itemCount; i++)
        {
            _phrases.Add([]);
        }
    }

    public int ItemCount => _phrases.Count;

    public void AddPhrase(int item, string phrase)
    {
        var stems = Tokenizer.Tokenize(phrase)
            .Select(t => t.Stem)
            .Where(s => s.Length > 0 && !Filler.Contains(s) && !s.Any(char.IsDigit))
            .ToArray();
        if (stems.Length > 0 && !_phrases[item].Any(p => p.AsSpan().SequenceEqual(stems)))
        {
            _phrases[item].Add(stems);
        }
    }

    /// <summary>A group word (a category): saying it names every member as a candidate.</summary>
    public void AddGroup(string name, IEnumerable<int> members)
    {
        var stems = Tokenizer.Tokenize(name).Select(t => t.Stem).Where(s => !Filler.Contains(s)).ToArray();
        if (stems.Length == 0)
        {
            return;
        }

        // A multi-word category ("body treatment") is indexed by its compact form and by its last word.
        var key = stems.Length == 1 ? stems[0] : string.Concat(stems);
        _groups[key] = (name, [.. members]);
        if (stems.Length > 1)
        {
            _groups.TryAdd(stems[^1], (name, [.. members]));
        }
    }

    public void Build()
    {
        var items = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        for (var i = 0; i < _phrases.Count; i++)
        {
            foreach (var phrase in _phrases[i])
            {
                foreach (var stem in phrase)
                {
                    Get(items, stem).Add(i);
                }

                if (phrase.Length > 1)
                {
                    var compact = string.Concat(phrase);
                    Get(items, compact).Add(i);
                    _compactSources.TryAdd(compact, phrase);
                }
            }
        }

        foreach (var (key, group) in _groups)
        {
            Get(items, key).UnionWith(group.Members);
        }

        _entries = items.ToDictionary(
            kv => kv.Key,
            kv => new Entry(
                [.. kv.Value],
                Generic: kv.Value.Count > 1 || _groups.ContainsKey(kv.Key),
                Group: _groups.TryGetValue(kv.Key, out var g) ? g.Name : null),
            StringComparer.Ordinal);

        var maxLength = _entries.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max();
        _byLength = new List<string>[maxLength + 3];
        for (var i = 0; i < _byLength.Length; i++)
        {
            _byLength[i] = [];
        }

        _sortedKeys = [.. _entries.Keys.Order(StringComparer.Ordinal)];
        foreach (var key in _sortedKeys)
        {
            _byLength[key.Length].Add(key);
        }

        static SortedSet<int> Get(Dictionary<string, SortedSet<int>> d, string k)
        {
            if (!d.TryGetValue(k, out var s))
            {
                s = [];
                d[k] = s;
            }

            return s;
        }
    }

    /// <summary>
    /// Finds the mentions in <paramref name="tokens"/>, left to right. A mention is a run of adjacent
    /// known words (a single filler word may sit inside it) that either covers every distinctive word
    /// of some phrase, covers a whole phrase made only of shared words, contains a group word, or
    /// joins a distinctive word with at least one more known word.
    /// </summary>
    public List<Mention> Find(List<Token> tokens)
    {
        var mentions = new List<Mention>();
        if (_entries.Count == 0 || tokens.Count == 0)
        {
            return mentions;
        }

        var keys = new string?[tokens.Count];
        var edits = new int[tokens.Count];
        var joinedWithNext = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            // Spacing variants: "hydra facial" said for "HydraFacial" (the reverse is indexed as a compact phrase).
            if (i + 1 < tokens.Count)
            {
                var joined = tokens[i].Stem + tokens[i + 1].Stem;
                var exactParts = _entries.ContainsKey(tokens[i].Stem) && _entries.ContainsKey(tokens[i + 1].Stem);
                string? joinedKey = null;
                var joinedEdits = 0;
                if (_entries.ContainsKey(joined))
                {
                    joinedKey = joined;
                }
                else if (!exactParts && joined.Length >= 8)
                {
                    joinedKey = Lookup(joined, out joinedEdits);
                    if (joinedEdits > 1)
                    {
                        joinedKey = null;
                    }
                }

                if (joinedKey is not null && !(exactParts && _compactSources.ContainsKey(joinedKey)))
                {
                    keys[i] = joinedKey;
                    edits[i] = joinedEdits;
                    joinedWithNext[i] = true;
                    i++;
                    continue;
                }
            }

            keys[i] = Lookup(tokens[i].Stem, out edits[i]);
        }

        var start = 0;
        while (start < tokens.Count)
        {
            if (keys[start] is null)
            {
                start++;
                continue;
            }

            var members = new List<int>(2) { start };
            var running = _entries[keys[start]!].Items;
            var end = start;
            var next = start + (joinedWithNext[start] ? 2 : 1);
            while (next < tokens.Count)
            {
                var gap = keys[next] is null && next + 1 < tokens.Count && keys[next + 1] is not null
                          && IsJoiner(tokens[next].Lower) ? 1 : 0;
                var candidate = next + gap;
                if (keys[candidate] is null)
                {
                    break;
                }

                // Words that share no item ("manicure pedicure") are two mentions side by side.
                var narrowed = Intersect(running, _entries[keys[candidate]!].Items);
                if (narrowed.Length == 0)
                {
                    break;
                }

                running = narrowed;
                members.Add(candidate);
                end = candidate;
                next = candidate + (joinedWithNext[candidate] ? 2 : 1);
            }

            var lastToken = joinedWithNext[end] ? end + 1 : end;
            var mention = Evaluate(members, keys, edits, tokens[start].Start, tokens[lastToken].End);
            if (mention is not null)
            {
                mentions.Add(mention);
            }

            start = next;
        }

        return mentions;
    }

    private static bool IsJoiner(string word) => word is "for" or "a" or "the" or "of" or "with" or "de" or "la";

    private Mention? Evaluate(List<int> positions, string?[] keys, int[] edits, int start, int end)
    {
        int[]? candidates = null;
        var words = new HashSet<string>(StringComparer.Ordinal);
        string? group = null;
        var distinctive = 0;
        var totalEdits = 0;
        foreach (var p in positions)
        {
            var key = keys[p]!;
            var entry = _entries[key];
            totalEdits += edits[p];
            group ??= entry.Group;
            if (!entry.Generic)
            {
                distinctive++;
            }

            if (_compactSources.TryGetValue(key, out var source))
            {
                words.UnionWith(source);
            }

            words.Add(key);
            candidates = candidates is null ? entry.Items : Intersect(candidates, entry.Items);
        }

        if (candidates is null)
        {
            return null;
        }

        var covered = false;
        // An everyday word alone ("free", as in "I'm free after 2") is not a mention of a longer phrase it is part of
        // ("free consultation"); the whole phrase, or a word of its own, is.
        var everydayAlone = positions.Count == 1 && NotAlone.Contains(keys[positions[0]]!);
        foreach (var item in candidates)
        {
            foreach (var phrase in _phrases[item])
            {
                if (everydayAlone && phrase.Length > 1)
                {
                    continue;
                }

                var hasDistinctive = phrase.Any(w => !_entries[w].Generic);
                if (phrase.Where(w => !hasDistinctive || !_entries[w].Generic).All(words.Contains))
                {
                    covered = true;
                    break;
                }
            }

            if (covered)
            {
                break;
            }
        }

        if (!covered && group is null && !(positions.Count >= 2 && distinctive >= 1))
        {
            return null;
        }

        return new Mention(candidates, new TextSpan(start, end - start), group, totalEdits);
    }

    private static int[] Intersect(int[] a, int[] b)
    {
        var result = new List<int>(Math.Min(a.Length, b.Length));
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                result.Add(a[i]);
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return [.. result];
    }

    /// <summary>The indexed word equal to <paramref name="stem"/>, else the nearest within the typo allowance.</summary>
    private string? Lookup(string stem, out int editCount)
    {
        editCount = 0;
        if (_entries.ContainsKey(stem))
        {
            return stem;
        }

        if (Filler.Contains(stem) || NoFuzz.Contains(stem) || stem.Any(char.IsDigit))
        {
            return null;
        }

        // A real word is meant as written: "skip this song" is not "long swedish", "i feel like sushi" is not a peel.
        // A string that is no English word ("masage", "facail", "peal") is read as a typo; a real word only as another
        // form of an indexed word it begins like ("pregnant" of "pregnancy").
        var realWord = Tools.Semantic.ModelVocabulary.IsWord(stem);

        if (!realWord && stem.Length >= 4)
        {
            // A word typed short ("swed 90" by text): no English word, and the start of indexed words at least two letters
            // longer that all mean the same items ("swedish", and "swedishmassage" written together). Counted as one typo,
            // like a misspelling; words of different services ("derm" of two) are no match.
            // The keys beginning with the stem sit together in the ordinal order (found by binary search, not a scan).
            var at = Array.BinarySearch(_sortedKeys, stem, StringComparer.Ordinal);
            at = at < 0 ? ~at : at;
            var clipped = new List<string>();
            for (; at < _sortedKeys.Length && _sortedKeys[at].StartsWith(stem, StringComparison.Ordinal); at++)
            {
                if (_sortedKeys[at].Length >= stem.Length + 2)
                {
                    clipped.Add(_sortedKeys[at]);
                }
            }
            var shortest = clipped.MinBy(k => k.Length);
            if (shortest is not null && clipped.All(k => _entries[k].Items.AsSpan().SequenceEqual(_entries[shortest].Items)))
            {
                editCount = 1;
                return shortest;
            }
        }

        var allowed = Fuzzy.AllowedEdits(stem.Length);
        if (allowed == 0)
        {
            return null;
        }

        string? best = null;
        var bestDistance = allowed + 1;
        var lo = Math.Max(0, stem.Length - allowed);
        var hi = Math.Min(_byLength.Length - 1, stem.Length + allowed);
        for (var len = lo; len <= hi; len++)
        {
            foreach (var key in _byLength[len])
            {
                // The allowance is scaled by the shorter word, so "lash" cannot become "flash" and "lashes".
                var max = Math.Min(bestDistance - 1, Fuzzy.AllowedEdits(Math.Min(len, stem.Length)));
                if (max <= 0)
                {
                    continue;
                }

                if (realWord && !SameBeginning(stem, key))
                {
                    continue;
                }

                var d = Fuzzy.Distance(stem, key, max);
                if (d <= max && d < bestDistance)
                {
                    best = key;
                    bestDistance = d;
                }
            }
        }

        editCount = best is null ? 0 : bestDistance;
        return best;
    }

    /// <summary>True when both words begin with the same five letters (forms of one word: "pregnant", "pregnancy").</summary>
    private static bool SameBeginning(string a, string b) =>
        a.Length >= 5 && b.Length >= 5 && a.AsSpan(0, 5).SequenceEqual(b.AsSpan(0, 5));

    private sealed record Entry(int[] Items, bool Generic, string? Group);
}

/// <summary>One mention found by <see cref="PhraseIndex"/>: the items it may mean, where it is, and how many typos it took.</summary>
internal sealed record Mention(int[] Items, TextSpan Span, string? Group, int Edits);
