using System.Diagnostics;
using System.Globalization;
using FrontDesk.Agent;
using FrontDesk.TestSupport;

namespace FrontDesk.Bench;

/// <summary>
/// What one agent turn costs, in measures a busy machine does not move much: the load mix's conversations
/// (<see cref="LoadBench.Script"/>) through <see cref="FrontDeskAgent.HandleAsync(TurnRequest, CancellationToken)"/> in
/// process, one caller, turns in sequence, on each store. Per turn: bytes allocated (all threads, exact), process CPU
/// time (user+system of the whole bench process, so it includes the runtime's own threads), wall time, and on
/// PostgreSQL the committed transactions (pg_stat_database). No HTTP: this is the agent, its tools and its store.
///   dotnet run -c Release --project bench/FrontDesk.Bench -- cost [sqlite|postgres|both] [--conversations 400] [--semantic on|off] [--warmup 20] [--alloc] [--jit] [--commands] [--statements]
/// </summary>
internal static class TurnCostBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task RunAsync(string[] args)
    {
        var which = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal))?.ToLowerInvariant() ?? "both";
        var i = Array.IndexOf(args, "--conversations");
        var conversations = i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], Inv) : 400;
        var wi = Array.IndexOf(args, "--warmup");
        var warmUp = wi >= 0 && wi + 1 < args.Length ? int.Parse(args[wi + 1], Inv) : 20;
        var si = Array.IndexOf(args, "--semantic");
        var semantic = !(si >= 0 && si + 1 < args.Length && args[si + 1].Equals("off", StringComparison.OrdinalIgnoreCase));
        var stores = which switch
        {
            "sqlite" => new[] { TestStore.Sqlite },
            "postgres" => [TestStore.Postgres],
            _ => [TestStore.Sqlite, TestStore.Postgres],
        };
        Console.WriteLine($"FrontDesk.Bench cost  {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z  .NET {Environment.Version}  {Environment.ProcessorCount} cpu  load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}");
        Console.WriteLine($"{conversations} conversations of the load mix, in process, sequential ({warmUp} more as warm-up), semantic matching {(semantic ? "on" : "off")}");
        Console.WriteLine($"{"store",-10} {"turns",6} {"KB alloc/turn",14} {"CPU ms/turn",12} {"wall ms/turn",13} {"p99 ms",8} {"DB tx/turn",11} {"gen0/1/2",10} {"JIT methods",12} {"JIT ms",8}");
        foreach (var store in stores)
        {
            if (store == TestStore.Postgres && TestPostgres.SkipReason is { } reason)
            {
                Console.WriteLine($"postgres: skipped ({reason})");
                continue;
            }
            await using var h = await SpaBookHarness.StartAsync(store, extra: new() { ["FrontDesk:Semantic:Enabled"] = semantic ? "true" : "false" }, register: (s, c) => s.AddFrontDeskAgent(c, AppContext.BaseDirectory));
            var agent = h.Get<FrontDeskAgent>();
            for (var w = 0; w < warmUp; w++)
            {
                await TalkAsync(agent, 200_000 + w);
            }
            var pg = store == TestStore.Postgres ? h.Settings["FrontDesk:Database:ConnectionString"] : null;
            var tx0 = Transactions(pg);
            var gc0 = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var alloc0 = GC.GetTotalAllocatedBytes(precise: true);
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var jit0 = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
            var wall = Stopwatch.StartNew();
            var times = new List<double>();
            using var allocations = args.Contains("--alloc") ? RuntimeEvents.Allocations() : null;
            using var jitted = args.Contains("--jit") ? RuntimeEvents.Jit() : null;
            var kinds = new Dictionary<string, TurnKind>(StringComparer.Ordinal);
            NpgsqlCommands.Enabled = args.Contains("--commands");
            var statements = store == TestStore.Sqlite && args.Contains("--statements");
            var losers = args.Contains("--losers");
            for (var n = 0; n < conversations; n++)
            {
                if (statements)
                {
                    SqliteStatements.Hook();
                }
                times.AddRange(await TalkAsync(agent, n, kinds, losers));
            }
            wall.Stop();
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds;
            var alloc = GC.GetTotalAllocatedBytes(precise: true) - alloc0;
            var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount() - jit0.Item1;
            var jitMs = (System.Runtime.JitInfo.GetCompilationTime() - jit0.Item2).TotalMilliseconds;
            var gcs = $"{GC.CollectionCount(0) - gc0.Item1}/{GC.CollectionCount(1) - gc0.Item2}/{GC.CollectionCount(2) - gc0.Item3}";
            var tx = pg is null ? "—" : ((Transactions(pg) - tx0) / (double)times.Count).ToString("F1", Inv);
            times.Sort();
            var p99 = times[Math.Min(times.Count - 1, (int)Math.Ceiling(0.99 * times.Count) - 1)];
            Console.WriteLine(string.Create(Inv, $"{store,-10} {times.Count,6} {alloc / 1024.0 / times.Count,14:F1} {cpu / times.Count,12:F2} {wall.Elapsed.TotalMilliseconds / times.Count,13:F2} {p99,8:F2} {tx,11} {gcs,10} {jitMethods,12} {jitMs,8:F0}"));
            foreach (var (name, kind) in kinds.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                Console.WriteLine(kind.Line(name));
            }
            // What every turn reads and parses again (ConversationStore.BeginTurnAsync, Conversation.ReadState).
            await using (var db = await h.Get<FrontDesk.Tools.Store.SpaDatabase>().OpenAsync(CancellationToken.None))
            {
                var sizes = (await Dapper.SqlMapper.QueryAsync<long>(db, "SELECT LENGTH(state_json) FROM conversations")).ToList();
                Console.WriteLine(string.Create(Inv, $"  conversation state JSON at the end: {sizes.Average():F0} characters on average, {sizes.Max()} at most ({sizes.Count} conversations)"));
            }
            if (statements)
            {
                SqliteStatements.Print(times.Count);
            }
            foreach (var group in NpgsqlCommands.ByKind.GroupBy(kv => kv.Key.Kind).Where(g => g.Key is "booking \"yes\"" or LosingYes))
            {
                var turns = kinds[group.Key].Count;
                Console.WriteLine($"  PostgreSQL commands of the {group.Key} turns, per turn:");
                foreach (var (key, n) in group.OrderByDescending(kv => kv.Value))
                {
                    Console.WriteLine(string.Create(Inv, $"  {n / (double)turns,6:F2}  {key.Text}"));
                }
            }
            allocations?.PrintAllocations(times.Count);
            jitted?.PrintJit();
        }
    }

    private const string LosingYes = "losing \"yes\"";

    /// <summary>
    /// One conversation of the load mix. With <paramref name="losers"/>, every other booking conversation loses its time: just
    /// before its "yes", a rival conversation (another number) asks for the same service and day, takes the same first offer
    /// and books it, so this "yes" finds the time taken and gets new offers, as a loser of the race bench does.
    /// </summary>
    private static async Task<List<double>> TalkAsync(FrontDeskAgent agent, int i, Dictionary<string, TurnKind>? kinds = null, bool losers = false, string? rival = null)
    {
        var id = rival ?? $"cost_{i}";
        var times = new List<double>();
        var script = LoadBench.Script(i);
        if (rival is not null)
        {
            script[2] = $"415-555-{9000 + (i % 1000):D4}";
        }
        var losing = losers && rival is null && i % 2 == 0 && script.Contains("yes");
        for (var t = 0; t < script.Length; t++)
        {
            if (losing && script[t] == "yes")
            {
                times.AddRange(await TalkAsync(agent, i, kinds, rival: $"{id}_rival"));
            }
            var cpu = Environment.CpuUsage.TotalTime;
            var bytes = GC.GetTotalAllocatedBytes(precise: false);
            var commands = NpgsqlCommands.Enabled ? NpgsqlCommands.Count : 0;
            var kindName = script[t] == "yes" ? (losing ? LosingYes : "booking \"yes\"") : t == 0 ? "first turn" : "other turns";
            NpgsqlCommands.Kind = kinds is not null && NpgsqlCommands.Enabled ? kindName : null;
            var start = Stopwatch.GetTimestamp();
            var reply = await agent.HandleAsync(new TurnRequest(id, "web", script[t]), CancellationToken.None);
            if (losing && script[t] == "yes" && !reply.ToolCalls.Any(c => c.Outcome == "slot_taken"))
            {
                Console.WriteLine($"  {id}: the \"yes\" meant to lose did not ({string.Join(", ", reply.ToolCalls.Select(c => $"{c.Name} {c.Outcome}"))})");
            }
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            times.Add(ms);
            if (kinds is not null)
            {
                // The booking's "yes" (the turn that books: client row, appointment, audit, outbox, turn commit) apart from the rest.
                var k = kinds.TryGetValue(kindName, out var known) ? known : kinds[kindName] = new TurnKind();
                k.Add(ms, (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: false) - bytes, NpgsqlCommands.Enabled ? NpgsqlCommands.Count - commands : 0);
            }
        }
        return times;
    }

    /// <summary>Per kind of turn: wall times, and the process's CPU and allocations over each (summed, so the average holds).</summary>
    private sealed class TurnKind
    {
        private readonly List<double> _wall = [];

        public int Count => _wall.Count;
        private double _cpu;
        private long _bytes;
        private long _commands;

        public void Add(double wall, double cpu, long bytes, long commands)
        {
            _wall.Add(wall);
            _cpu += cpu;
            _bytes += bytes;
            _commands += commands;
        }

        public string Line(string name)
        {
            _wall.Sort();
            var p = (double q) => _wall[Math.Min(_wall.Count - 1, (int)Math.Ceiling(q * _wall.Count) - 1)];
            return string.Create(Inv, $"  {name,-16} {_wall.Count,6} turns  CPU {_cpu / _wall.Count,6:F2} ms/turn  ~{_bytes / 1024.0 / _wall.Count,6:F1} KB/turn  wall p50 {p(0.5),6:F2} ms  p99 {p(0.99),6:F2} ms{(_commands > 0 ? $"  {_commands / (double)_wall.Count:F1} PostgreSQL commands/turn" : "")}");
        }
    }

    /// <summary>
    /// Commands Npgsql ran (its activity source starts one activity per command; a batch counts once), with
    /// <c>--commands</c> only: listening allocates an activity per command, which would show in the KB column.
    /// </summary>
    private static class NpgsqlCommands
    {
        public static bool Enabled { get; set; }

        /// <summary>The kind of turn running now, for <see cref="ByKind"/>.</summary>
        public static string? Kind { get; set; }

        /// <summary>Commands run, by kind of turn and command text.</summary>
        public static System.Collections.Concurrent.ConcurrentDictionary<(string Kind, string Text), long> ByKind { get; } = new();

        private static long _count;
        private static readonly ActivityListener Listener = Start();

        public static long Count
        {
            get
            {
                GC.KeepAlive(Listener);
                return Interlocked.Read(ref _count);
            }
        }

        private static ActivityListener Start()
        {
            var listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => Kind is null ? ActivitySamplingResult.PropagationData : ActivitySamplingResult.AllData,
                ActivityStarted = _ => Interlocked.Increment(ref _count),
                ActivityStopped = a =>
                {
                    if (Kind is { } kind)
                    {
                        var text = a.GetTagItem("db.query.text") as string ?? a.GetTagItem("db.statement") as string ?? a.DisplayName;
                        text = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
                        ByKind.AddOrUpdate((kind, text.Length > 120 ? text[..120] : text), 1, (_, v) => v + 1);
                    }
                },
            };
            ActivitySource.AddActivityListener(listener);
            return listener;
        }
    }

    /// <summary>
    /// SQLite statements run, by statement, with the time SQLite spent in each (<c>--statements</c>, SQLite only): the
    /// profile hook of every pooled handle the store has configured (found through its private table of them, so a bench
    /// concern stays out of the store). Triggers' statements count in the statement that fired them.
    /// </summary>
    private static class SqliteStatements
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Count, long Ns)> Seen = new(StringComparer.Ordinal);
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Full = new(StringComparer.Ordinal);
        private static readonly HashSet<object> Hooked = new(ReferenceEqualityComparer.Instance);
        private static SQLitePCL.sqlite3? _any;

        /// <summary>Hooks the handles configured since the last call.</summary>
        public static void Hook()
        {
            var table = typeof(FrontDesk.Tools.Store.SpaDatabase).GetField("Configured", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)?.GetValue(null)
                as System.Collections.IEnumerable ?? throw new InvalidOperationException("SpaDatabase.Configured not found");
            foreach (var pair in table)
            {
                var handle = (SQLitePCL.sqlite3)pair.GetType().GetProperty("Key")!.GetValue(pair)!;
                _any ??= handle;
                if (Hooked.Add(handle))
                {
                    SQLitePCL.raw.sqlite3_profile(handle, static (_, sql, ns) =>
                    {
                        var key = System.Text.RegularExpressions.Regex.Replace(sql, @"\s+", " ").Trim();
                        key = key.Length > 110 ? key[..110] : key;
                        Seen.AddOrUpdate(key, (1, ns), (_, v) => (v.Count + 1, v.Ns + ns));
                        Full.TryAdd(key, sql);
                    }, null);
                }
            }
        }

        // The texts of the statements SqliteStatement holds prepared (its private table, as Configured above).
        private static HashSet<string> PreparedTexts()
        {
            var table = typeof(FrontDesk.Tools.Store.SqliteStatement).GetField("Prepared", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)?.GetValue(null)
                as System.Collections.IEnumerable ?? throw new InvalidOperationException("SqliteStatement.Prepared not found");
            var texts = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pair in table)
            {
                var statements = (System.Collections.IDictionary)pair.GetType().GetProperty("Value")!.GetValue(pair)!;
                foreach (string sql in statements.Keys)
                {
                    texts.Add(sql);
                }
            }
            return texts;
        }

        // EXPLAIN QUERY PLAN of a statement as run, its parameters unbound (NULL).
        private static List<string> Plan(string sql)
        {
            var lines = new List<string>();
            if (_any is null || sql.StartsWith("SELECT T.", StringComparison.Ordinal) || sql.StartsWith("PRAGMA", StringComparison.Ordinal)
                || sql is "COMMIT;" or "BEGIN IMMEDIATE;" or "ROLLBACK;")
            {
                return lines;
            }
            if (SQLitePCL.raw.sqlite3_prepare_v2(_any, "EXPLAIN QUERY PLAN " + sql, out var stmt) != SQLitePCL.raw.SQLITE_OK)
            {
                return [$"(no plan: {SQLitePCL.raw.sqlite3_errmsg(_any).utf8_to_string()})"];
            }
            using (stmt)
            {
                while (SQLitePCL.raw.sqlite3_step(stmt) == SQLitePCL.raw.SQLITE_ROW)
                {
                    lines.Add(SQLitePCL.raw.sqlite3_column_text(stmt, 3).utf8_to_string());
                }
            }
            return lines;
        }

        public static void Print(int turns)
        {
            var count = Seen.Values.Sum(v => v.Count);
            var ns = Seen.Values.Sum(v => v.Ns);
            var prepared = PreparedTexts();
            // SQLite's own statements (FTS5's and the pager's, naming 'main'.) are kept prepared by SQLite itself.
            var own = Seen.Where(kv => kv.Key.Contains("'main'.", StringComparison.Ordinal)).Sum(kv => kv.Value.Count);
            var parsed = Seen.Where(kv => !prepared.Contains(Full[kv.Key]) && !kv.Key.Contains("'main'.", StringComparison.Ordinal)).Sum(kv => kv.Value.Count);
            var transactions = Seen.Where(kv => kv.Key is "BEGIN IMMEDIATE;" or "COMMIT;" or "BEGIN;" or "ROLLBACK;").Sum(kv => kv.Value.Count);
            Console.WriteLine(string.Create(Inv, $"  SQLite statements: {count / (double)turns:F1} per turn, {ns / 1e6 / turns:F3} ms in SQLite per turn (wall, from its profile hook); by statement (per turn, ms per turn):"));
            Console.WriteLine(string.Create(Inv, $"  parsed at their execution: {parsed / (double)turns:F2} per turn, of which {transactions / (double)turns:F2} BEGIN/COMMIT/ROLLBACK of Microsoft.Data.Sqlite's transactions; {own / (double)turns:F2} SQLite's own (FTS5's, naming 'main'.); the others, marked *, prepared once per pooled connection (SqliteStatement)"));
            foreach (var (sql, v) in Seen.OrderByDescending(kv => kv.Value.Ns).Take(30))
            {
                Console.WriteLine(string.Create(Inv, $"  {v.Count / (double)turns,6:F2} {v.Ns / 1e6 / turns,7:F3} {(prepared.Contains(Full[sql]) ? '*' : ' ')} {sql}"));
                foreach (var step in Plan(Full[sql]))
                {
                    Console.WriteLine($"                    plan: {step}");
                }
            }
        }
    }

    /// <summary>
    /// The runtime's allocation samples (<c>--alloc</c>: one event about every 100 KB allocated, naming the type that crossed
    /// the mark, summed by type: where a turn's allocations go, to within the sampling) or its JIT events (<c>--jit</c>: the
    /// methods compiled during the measured turns, by tier; a steady state compiles nothing, what keeps compiling is code
    /// generated per turn or not yet at its final tier). One listener: the runtime's event source, one keyword, each event
    /// read into a key and an amount.
    /// </summary>
    private sealed class RuntimeEvents : System.Diagnostics.Tracing.EventListener
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _sums = new(StringComparer.Ordinal);
        private long _keyword;
        private string _event = "";
        private Func<System.Collections.ObjectModel.ReadOnlyCollection<object?>, System.Collections.ObjectModel.ReadOnlyCollection<string>, (string Key, long Amount)> _read = (_, _) => ("", 0);

        public static RuntimeEvents Allocations() => new RuntimeEvents().Listen(0x1, "GCAllocationTick", (payload, names) =>
            (payload[names.IndexOf("TypeName")] as string ?? "?",
             names.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(payload[a], Inv) : 100_000));

        public static RuntimeEvents Jit() => new RuntimeEvents().Listen(0x10, "MethodLoadVerbose", (payload, names) =>
        {
            var ns = payload[names.IndexOf("MethodNamespace")] as string ?? "?";
            var name = payload[names.IndexOf("MethodName")] as string ?? "?";
            var flags = names.IndexOf("MethodFlags") is var f and >= 0 ? Convert.ToInt64(payload[f], Inv) : 0;
            // MethodFlags bits 7-9: the optimization tier (1 minopts, 2 full opts, 4 tier0, 5 tier1, 6 OSR, 7 instrumented).
            return ($"tier {(flags >> 7) & 0x7}  {(ns.Length > 90 ? ns[..90] : ns)}::{name}", 1);
        });

        // The runtime's source can be created before the constructor's body runs (EventListener's constructor announces
        // existing sources), so the keyword is set here and the sources are enabled again.
        private RuntimeEvents Listen(long keyword, string eventName, Func<System.Collections.ObjectModel.ReadOnlyCollection<object?>, System.Collections.ObjectModel.ReadOnlyCollection<string>, (string, long)> read)
        {
            (_keyword, _event, _read) = (keyword, eventName, read);
            foreach (var source in System.Diagnostics.Tracing.EventSource.GetSources())
            {
                OnEventSourceCreated(source);
            }
            return this;
        }

        protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime" && _keyword != 0)
            {
                EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)_keyword);
            }
        }

        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
        {
            if (_event.Length > 0 && e.EventName?.StartsWith(_event, StringComparison.Ordinal) == true && e.Payload is { } payload && e.PayloadNames is { } names)
            {
                var (key, amount) = _read(payload, names);
                _sums.AddOrUpdate(key, amount, (_, v) => v + amount);
            }
        }

        public void PrintAllocations(int turns)
        {
            var total = _sums.Values.Sum();
            Console.WriteLine($"  allocation samples by type (KB per turn, share), {total / 1024.0 / turns:F1} KB per turn sampled:");
            foreach (var (type, bytes) in _sums.OrderByDescending(kv => kv.Value).Take(25))
            {
                Console.WriteLine(string.Create(Inv, $"  {bytes / 1024.0 / turns,8:F1} {100.0 * bytes / total,5:F1} %  {type}"));
            }
        }

        public void PrintJit()
        {
            Console.WriteLine($"  methods compiled during the measured turns: {_sums.Values.Sum()}; by tier: {string.Join(", ", _sums.GroupBy(kv => kv.Key[..6]).Select(g => $"{g.Key} {g.Sum(kv => kv.Value)}"))}");
            foreach (var (method, count) in _sums.OrderByDescending(kv => kv.Value).Take(30))
            {
                Console.WriteLine($"  {count,6}  {method}");
            }
        }
    }

    private static long Transactions(string? connectionString)
    {
        if (connectionString is null)
        {
            return 0;
        }
        // Backends flush their counters when idle, at most 10 s late (PGSTAT_IDLE_INTERVAL).
        Thread.Sleep(TimeSpan.FromSeconds(11));
        using var c = new Npgsql.NpgsqlConnection(connectionString);
        c.Open();
        using var clear = new Npgsql.NpgsqlCommand("SELECT pg_stat_clear_snapshot()", c);
        clear.ExecuteNonQuery();
        using var cmd = new Npgsql.NpgsqlCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", c);
        return (long)cmd.ExecuteScalar()!;
    }
}
