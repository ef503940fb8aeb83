using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace FrontDesk.Agent.Conversations;

/// <summary>
/// The conversation state as its column holds it. PostgreSQL: the JSON text (compressed by PostgreSQL itself, with lz4 since
/// migration 106). SQLite: since the seventeenth round of issue 16, a BLOB: one format byte (<see cref="Deflated"/>) and the
/// JSON's UTF-8 deflated. An average state of 8 KB (up to 14 KB) took its row's page and 2-3 overflow pages, all freed and
/// written again at every save; deflated it is about 2 KB (2.7 KB at most in the load mix) and stays on the row's page
/// (docs/performance.md, seventeenth round; at level 1 since round 31, 2.25 KB and 3.0 KB at most, a long conversation's
/// state at level 2: <see cref="CheapLimit"/>). SQLite does not convert a BLOB in a TEXT column, and a row stored as text
/// before the upgrade reads as text: it is stored in the new form at its next save.
/// </summary>
internal static class StateColumn
{
    /// <summary>The first byte of a stored BLOB: the rest is the state's UTF-8 JSON, deflated (raw, no zlib header).</summary>
    public const byte Deflated = 1;

    // zlib level 1 first (perf round 31): 2.25 KB for the load mix's 7.1 KB states at ~16 µs, and ~7.5 µs to inflate, against
    // 1.76 KB at ~35 µs and ~9.5 µs at level 2 (round 17's level). Raw deflate is one format at every level, so rows stored
    // at level 2 read as before.
    private static readonly ZLibCompressionOptions Cheap = new() { CompressionLevel = 1 };

    // Level 2 for a state whose level-1 form is over CheapLimit: a long conversation's state, which level 1 would bring nearer
    // the size where SQLite moves part of the row to overflow pages (each written again at every save: round 17).
    private static readonly ZLibCompressionOptions Harder = new() { CompressionLevel = 2 };

    /// <summary>
    /// The most a state's level-1 form may take (format byte included) before it is deflated again at level 2 and the smaller
    /// kept: 3 KB, well inside a 4 KB page with the row's other columns. The load mix's states stay under it (3.0 KB at most).
    /// </summary>
    public const int CheapLimit = 3_072;

    /// <summary>What a save binds for the state column: the JSON on PostgreSQL, the deflated form on SQLite.</summary>
    public static object Encode(string json, bool postgres) => postgres ? json : Deflate(json);

    /// <summary>
    /// The deflated form of <paramref name="state"/>'s JSON, as <see cref="Deflate(string)"/> gives for that JSON's text: the
    /// serializer writes its UTF-8 into a buffer kept by the thread, deflated from there, without the text (a state of 8 KB
    /// was 16 KB of string, made from the serializer's UTF-8 and turned back into UTF-8 here; docs/performance.md,
    /// nineteenth round). A writer over the buffer, not a stream: the serializer's fast path (the source-generated handler)
    /// runs only for a writer, and serializing into the deflate stream itself took twice as long.
    /// </summary>
    public static byte[] Deflate(ConversationState state)
    {
        var utf8 = Utf8 ??= new ArrayBufferWriter<byte>(16_384);
        var writer = Writer ??= new Utf8JsonWriter(utf8, WriterOptions);
        utf8.ResetWrittenCount();
        writer.Reset(utf8);
        try
        {
            JsonSerializer.Serialize(writer, state, StateJsonContext.Default.ConversationState);
            writer.Flush();
            return Compress(utf8.WrittenSpan);
        }
        finally
        {
            if (utf8.Capacity > 262_144)
            {
                // An unusually large state: its buffer is not kept.
                Utf8 = null;
                Writer = null;
            }
        }
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? Utf8;

    [ThreadStatic]
    private static Utf8JsonWriter? Writer;

    // What JsonSerializer.Serialize(value, typeInfo) writes with for the state's options (JsonSerializerOptions' own writer
    // options), so the bytes are the same as the text's.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = StateJsonContext.Default.Options.Encoder,
        Indented = StateJsonContext.Default.Options.WriteIndented,
        IndentCharacter = StateJsonContext.Default.Options.IndentCharacter,
        IndentSize = StateJsonContext.Default.Options.IndentSize,
        NewLine = StateJsonContext.Default.Options.NewLine,
        MaxDepth = StateJsonContext.Default.Options.MaxDepth is > 0 and var depth ? depth : 64,
        SkipValidation = true,
    };

    /// <summary>The deflated form of <paramref name="json"/>: <see cref="Deflated"/>, then its UTF-8 deflated.</summary>
    public static byte[] Deflate(string json)
    {
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, utf8);
            return Compress(utf8.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    /// <summary>
    /// <see cref="Deflated"/>, then <paramref name="utf8"/> deflated at level 1, or at level 2 when that is smaller and the
    /// level-1 form is over <see cref="CheapLimit"/>.
    /// </summary>
    private static byte[] Compress(ReadOnlySpan<byte> utf8)
    {
        var cheap = Compress(utf8, Cheap);
        if (cheap.Length <= CheapLimit)
        {
            return cheap;
        }
        var harder = Compress(utf8, Harder);
        return harder.Length < cheap.Length ? harder : cheap;
    }

    private static byte[] Compress(ReadOnlySpan<byte> utf8, ZLibCompressionOptions level)
    {
        // The deflater writes into a buffer kept by the thread; only the result is allocated.
        var output = Output ??= new MemoryStream(8_192);
        output.SetLength(0);
        output.WriteByte(Deflated);
        using (var deflate = new DeflateStream(output, level, leaveOpen: true))
        {
            deflate.Write(utf8);
        }
        var result = output.ToArray();
        if (output.Capacity > 262_144)
        {
            Output = null;
        }
        return result;
    }

    [ThreadStatic]
    private static MemoryStream? Output;

    /// <summary>The JSON of a stored value: text as it is, a BLOB inflated (<see cref="Inflate"/>).</summary>
    public static string Decode(object? stored) => stored switch
    {
        null or DBNull => "{}",
        string text => text,
        byte[] bytes => Inflate(bytes),
        _ => throw new InvalidCastException($"A conversation state stored as {stored.GetType().Name} cannot be read."),
    };

    /// <summary>The JSON of a stored BLOB (<see cref="Deflate(string)"/>).</summary>
    public static string Inflate(byte[] stored)
    {
        if (stored.Length == 0 || stored[0] != Deflated)
        {
            throw new InvalidDataException($"A conversation state stored as a BLOB starts with {(stored.Length == 0 ? "nothing" : stored[0])}, not {Deflated}.");
        }
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(16_384, stored.Length * 8));
        try
        {
            using var inflate = new DeflateStream(new MemoryStream(stored, 1, stored.Length - 1, writable: false), CompressionMode.Decompress);
            var length = 0;
            int read;
            while ((read = inflate.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Whether two stored values are the same: the same text, or the same bytes.</summary>
    public static bool Same(object? a, object? b) => (a, b) switch
    {
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        (byte[] x, byte[] y) => x.AsSpan().SequenceEqual(y),
        _ => false,
    };
}
