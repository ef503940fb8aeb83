using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using FrontDesk.Agent;
using FrontDesk.Agent.Embedded;
using FrontDesk.TestSupport;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Bench;

/// <summary>
/// The embedded engine in process on the demo profile over realistic multi-turn conversations (booking as a known
/// caller and as a new web visitor, FAQ, cancel), one caller, sequential turns, on SQLite. Times each whole agent turn
/// (screen, engine, tools, transcript and state writes) and, inside it, the engine alone: every
/// <see cref="EmbeddedChatClient.GetResponseAsync"/> call, summed per turn.
/// </summary>
internal sealed class EngineBench(SpaBookHarness h, EngineTimer timer) : IAsyncDisposable
{
    private static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
    private static readonly string[] Services = ["deep tissue massage", "swedish massage 60 minutes", "signature facial", "hydrafacial", "dermaplaning", "chemical peel"];
    private static readonly string[] Times = ["morning", "afternoon", "at 2pm", "after 3", "", "at 11"];
    private static readonly string[] Surnames = ["Avery", "Brooks", "Castillo", "Dawson", "Ellis", "Fischer", "Garcia", "Hughes", "Iverson", "Jensen", "Kowalski"];
    private static readonly string[] Questions = ["Is there parking?", "how early should I arrive?", "do you sell gift cards?", "what forms of payment do you accept?", "do you offer memberships?"];

    private static readonly string[] Dias = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado"];
    private static readonly string[] Servicios = ["masaje de tejido profundo", "masaje sueco de 60 minutos", "signature facial", "hidrafacial", "dermaplaning", "peeling químico"];

    /// <summary>Every other conversation in Spanish (<c>BENCH_SPANISH=1</c>).</summary>
    public static bool Spanish => Environment.GetEnvironmentVariable("BENCH_SPANISH") == "1";

    private readonly FrontDeskAgent _agent = h.Get<FrontDeskAgent>();

    /// <summary>Semantic matching on (the default) or off (<c>BENCH_SEMANTIC=off</c>), so both can be reported.</summary>
    public static bool SemanticOn => Environment.GetEnvironmentVariable("BENCH_SEMANTIC") != "off";

    public static async Task<EngineBench> StartAsync()
    {
        var timer = new EngineTimer();
        var h = await SpaBookHarness.StartAsync(TestStore.Sqlite, extra: new() { ["FrontDesk:Semantic:Enabled"] = SemanticOn ? "true" : "false" }, register: (s, c) =>
        {
            s.AddFrontDeskAgent(c, AppContext.BaseDirectory);
            // The engine as the only brain, behind a stopwatch; no fallback, so every answer is timed.
            s.AddSingleton(sp =>
            {
                timer.Inner = sp.GetRequiredService<EmbeddedChatClient>();
                return new BrainSet(timer.Inner, timer, EmbeddedChatClient.BrainName, embeddedFallback: false);
            });
        });
        return new EngineBench(h, timer);
    }

    /// <summary>Conversation <paramref name="i"/>: its kind and its turns.</summary>
    internal static (string Kind, string Channel, string? Phone, string[] Turns) Conversation(int i)
    {
        var week = i / 36 % 7;
        var day = (week == 0 ? "" : "next ") + Days[i % Days.Length];
        var service = Services[i / Days.Length % Services.Length];
        var time = Times[i % Times.Length];
        var phone = "+1415777" + (1000 + i % 9000).ToString("D4", CultureInfo.InvariantCulture);
        if (Spanish && i % 2 == 1)
        {
            // BENCH_SPANISH=1: every other conversation in Spanish (detection, Spanish reading, Spanish replies).
            var dia = (week == 0 ? "el " : "el próximo ") + Dias[i % Dias.Length];
            return (i / 2 % 2) switch
            {
                0 => ("booking in Spanish, new caller on voice", "voice", phone, [$"Hola, quisiera un {Servicios[i / Days.Length % Servicios.Length]} {dia} por la tarde", "la primera",
                    $"me llamo Casey {Surnames[i % Surnames.Length]}", "sí", "gracias, adiós"]),
                _ => ("FAQ in Spanish", "web", null, ["hola", "¿tienen estacionamiento?", "¿aceptan tarjetas de regalo?", "muchas gracias"]),
            };
        }
        return (i % 4) switch
        {
            0 => ("booking, new caller on voice", "voice", phone, [$"Hi, I'd like a {service} on {day} {time}".Trim(), "the first one", $"it's Casey {Surnames[i % Surnames.Length]}", "yes", "thanks, bye"]),
            1 => ("booking, new web visitor", "web", null, [$"can I book a {service} {day} {time}".Trim(), "the second one", $"my name is Robin {Surnames[i % Surnames.Length]}",
                "415-888-" + (1000 + i % 9000).ToString("D4", CultureInfo.InvariantCulture), "yes"]),
            2 => ("FAQ and small talk", "web", null, ["hi there", Questions[i % Questions.Length], Questions[(i + 2) % Questions.Length], "thank you!"]),
            _ => ("cancel (after booking)", "sms", phone, [$"book me a {service} on {day}", "the first one", $"Morgan {Surnames[i % Surnames.Length]}", "yes", "actually I need to cancel my appointment", "yes"]),
        };
    }

    public async Task<IReadOnlyList<Measured>> MeasureAsync(int warmup, int conversations)
    {
        var turns = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var engineTurns = new List<double>();
        var engineCalls = new List<double>();
        var bestTurns = new List<double>();
        var bestCalls = new List<double>();
        var allTurns = new List<double>();
        var noReply = 0;
        var wall = Stopwatch.StartNew();
        double measured = 0;
        for (var i = 0; i < warmup + conversations; i++)
        {
            if (i == warmup)
            {
                wall.Restart();
                measured = 0;
            }
            var (kind, channel, phone, said) = Conversation(i);
            var id = $"bench_{i}";
            foreach (var text in said)
            {
                timer.Calls.Clear();
                timer.BestOf.Clear();
                timer.ExtraMs = 0;
                var start = Stopwatch.GetTimestamp();
                var reply = await _agent.HandleAsync(new TurnRequest(id, channel, text, phone), CancellationToken.None);
                if (Environment.GetEnvironmentVariable("BENCH_TRACE") == "2" && i < 12)
                {
                    Console.Error.WriteLine($"{id} > {text}\n{id} < {reply.Text} {{{string.Join(",", reply.ToolCalls.Select(c => c.Name + ":" + c.Outcome))}}}");
                }
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds - timer.ExtraMs;
                measured += timer.ExtraMs;
                if (string.IsNullOrEmpty(reply.Text))
                {
                    noReply++;
                }
                if (i < warmup)
                {
                    continue;
                }
                allTurns.Add(ms);
                (turns.TryGetValue(kind, out var list) ? list : turns[kind] = []).Add(ms);
                if (timer.Calls.Count > 0)
                {
                    engineTurns.Add(timer.Calls.Sum());
                    engineCalls.AddRange(timer.Calls);
                    bestTurns.Add(timer.BestOf.Sum());
                    bestCalls.AddRange(timer.BestOf);
                }
            }
        }
        wall.Stop();
        // Throughput of the agent alone: the bench's own measurement calls are taken out of the wall clock.
        TurnsPerSecond = allTurns.Count / (wall.Elapsed.TotalSeconds - measured / 1000);
        Booked = (await h.Get<Tools.Booking.AppointmentBook>().ListStartingAsync(DateTime.MinValue, DateTime.MaxValue, null, default)).Count;
        NoReply = noReply;
        var results = new List<Measured>
        {
            new("engine: GetResponseAsync, per call", engineCalls.Count, [.. engineCalls], 0),
            new("engine: all calls of one turn", engineTurns.Count, [.. engineTurns], 0),
            new($"engine, best of {EngineTimer.Repeats}: per call", bestCalls.Count, [.. bestCalls], 0),
            new($"engine, best of {EngineTimer.Repeats}: all calls of one turn", bestTurns.Count, [.. bestTurns], 0),
            new("agent turn (HandleAsync, tools + store)", allTurns.Count, [.. allTurns], 0),
        };
        results.AddRange(turns.Select(t => new Measured("  " + t.Key, t.Value.Count, [.. t.Value], 0)));
        return results;
    }

    public double TurnsPerSecond { get; private set; }
    public int Booked { get; private set; }
    public int NoReply { get; private set; }

    public ValueTask DisposeAsync() => h.DisposeAsync();
}

/// <summary>Times each call of the engine it wraps.</summary>
internal sealed class EngineTimer : IChatClient
{
    public EmbeddedChatClient Inner { get; set; } = null!;
    public List<double> Calls { get; } = [];

    /// <summary>Time spent in the standalone measurement calls, to take out of the agent turn's time.</summary>
    public double ExtraMs { get; set; }

    /// <summary>Per call: the best of <see cref="Repeats"/> identical standalone calls (the engine is deterministic).</summary>
    public List<double> BestOf { get; } = [];

    public const int Repeats = 5;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        // The agent hands the engine its reading of the user's message; the engine alone, as any IChatClient caller
        // would use it, reads the text itself. Time that standalone call, first as it comes (wall clock, on a busy
        // machine) and the best of a few repeats (the engine's own cost), and leave all of it out of the agent turn.
        var standalone = list.ToList();
        if (list[^1].Role == ChatRole.User)
        {
            standalone[^1] = new ChatMessage(ChatRole.User, list[^1].Text);
        }
        var t0 = Stopwatch.GetTimestamp();
        var best = double.MaxValue;
        for (var r = 0; r < Repeats; r++)
        {
            var start = Stopwatch.GetTimestamp();
            await Inner.GetResponseAsync(standalone, options, cancellationToken);
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (r == 0)
            {
                Calls.Add(ms);
                Trace(list, ms);
            }
            best = Math.Min(best, ms);
        }
        BestOf.Add(best);
        ExtraMs += Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        return await Inner.GetResponseAsync(list, options, cancellationToken);
    }

    private static void Trace(List<ChatMessage> list, double ms)
    {
        if (Environment.GetEnvironmentVariable("BENCH_TRACE") == "1" && ms > 3)
        {
            Console.Error.WriteLine($"slow {ms:F1} ms: last={list[^1].Role} '{list.LastOrDefault(m => m.Role == ChatRole.User)?.Text}' gen0={GC.CollectionCount(0)} gen2={GC.CollectionCount(2)}");
        }
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => Inner.GetService(serviceType, serviceKey);

    public void Dispose()
    {
    }
}

/// <summary>The <c>engine</c> mode of the bench: prints the machine line and the table.</summary>
internal static class EngineBenchRun
{
    public static async Task RunAsync()
    {
        Console.WriteLine($"FrontDesk.Bench engine  {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z  .NET {Environment.Version}  {Environment.ProcessorCount} cpu  {System.Runtime.InteropServices.RuntimeInformation.OSDescription}  semantic matching {(EngineBench.SemanticOn ? "on" : "off")}");
        await using var run = await EngineBench.StartAsync();
        var results = await run.MeasureAsync(warmup: 40, conversations: 400);
        Console.WriteLine();
        Console.WriteLine($"[Sqlite, demo profile] 400 conversations (40 more as warm-up), {run.Booked} appointments booked, {run.NoReply} turns without a reply");
        Console.WriteLine($"{"operation",-44} {"n",6} {"ops/s",9} {"p50 ms",9} {"p99 ms",9} {"mean ms",9}");
        foreach (var result in results)
        {
            Console.WriteLine(result.ToString());
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"agent turns/s (sequential, wall clock): {run.TurnsPerSecond:F0}"));
    }
}
