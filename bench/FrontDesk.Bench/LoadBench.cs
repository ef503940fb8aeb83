using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using FrontDesk.TestSupport;

namespace FrontDesk.Bench;

/// <summary>
/// Load on the real host: src/Channels (Program) started as its own process on a real Kestrel port with the embedded
/// engine, on a fresh SQLite file or PostgreSQL database, the clock pinned to a Monday morning. Many concurrent
/// multi-turn web chat conversations over HTTP (booking, FAQ, out-of-scope mixes), then wrk on a single-turn FAQ post.
///   dotnet run -c Release --project bench/FrontDesk.Bench -- load [sqlite|postgres|both] [--conversations N] [--concurrency C] [--wrk-seconds S] [--semantic on|off|both]
/// </summary>
public static class LoadBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly DateTimeOffset Now = SpaBookHarness.DefaultNow;

    private static readonly string[] Services = ["hydrafacial", "signature facial", "deep tissue massage", "swedish massage 60 minutes", "dermaplaning", "chemical peel"];
    private static readonly string[] FirstNames = ["Avery", "Jordan", "Riley", "Casey", "Morgan", "Quinn", "Harper", "Rowan", "Emerson", "Sage"];
    private static readonly string[] LastNames = ["Lee", "Patel", "Garcia", "Nguyen", "Smith", "Kim", "Brown", "Lopez", "Walker", "Young", "Hall", "Allen"];
    private static readonly string[] Days = ["tomorrow", "on Wednesday", "on Friday", "on Saturday", "next Monday", "next Tuesday", "next Wednesday", "next Friday"];

    /// <summary>The person's turns in conversation <paramref name="i"/>: 60 % book, 25 % ask questions, 15 % out of scope then a question.</summary>
    public static string[] Script(int i)
    {
        var phone = $"415-555-{1000 + (i % 9000):D4}";
        return (i % 20) switch
        {
            < 12 => [$"I'd like a {Services[i % Services.Length]} {Days[i / Services.Length % Days.Length]}", "the first one", phone, $"{FirstNames[i % FirstNames.Length]} {LastNames[i / FirstNames.Length % LastNames.Length]}", "yes"],
            < 17 => ["Is there parking?", "do you sell gift cards", "what's your cancellation policy?", "thanks"],
            _ => ["book a table for four at an italian restaurant tonight", "what forms of payment do you take?", "bye"],
        };
    }

    public static async Task RunAsync(string[] args)
    {
        var which = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal))?.ToLowerInvariant() ?? "both";
        var conversations = Option(args, "--conversations", 400);
        var concurrency = Option(args, "--concurrency", 32);
        var wrkSeconds = Option(args, "--wrk-seconds", 10);
        var si = Array.IndexOf(args, "--semantic");
        // Semantic matching (the embedding model) as shipped (on), off, or each store both ways.
        var semanticModes = (si >= 0 && si + 1 < args.Length ? args[si + 1].ToLowerInvariant() : "on") switch
        {
            "off" => new[] { false },
            "both" => [true, false],
            _ => [true],
        };
        var stores = which switch
        {
            "sqlite" => new[] { TestStore.Sqlite },
            "postgres" => [TestStore.Postgres],
            _ => [TestStore.Sqlite, TestStore.Postgres],
        };
        var report = new StringBuilder();
        report.AppendLine(Inv, $"{conversations} conversations (60 % book as a new client over 5 turns, 25 % FAQ over 4, 15 % out-of-scope over 3), {concurrency} at a time, web chat over HTTP/1.1 to the host process on 127.0.0.1, each message with a request id as the widget sends it, embedded engine, clock pinned. 'booked' counts conversations whose last reply confirmed a booking.");
        report.AppendLine();
        report.AppendLine("| store | semantic matching | turns | turns/s | p50 ms | p95 ms | p99 ms | errors | booked | host CPU per turn (ms) | load generator CPU (% of run) | first reply after /readyz (ms) | host RSS before → after (MB) | RSS per conversation (KB) | store growth per conversation (KB) | DB transactions per turn | KB written per turn | row versions written per turn | SQLite busy sleeps per turn (ms slept per turn) |");
        report.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        var wrkLines = new List<string>();
        var loads = new List<string>();
        foreach (var (store, semantic) in stores.SelectMany(s => semanticModes.Select(m => (s, m))))
        {
            if (store == TestStore.Postgres && TestPostgres.SkipReason is { } reason)
            {
                Console.WriteLine($"postgres: skipped ({reason})");
                report.AppendLine(Inv, $"| {store} | | skipped: {reason.Replace('|', '/')} | | | | | | | | | | | | | | | | |");
                continue;
            }
            await using var host = await HostProcess.StartAsync(store, semantic);
            var mode = semantic ? "on" : "off";
            Console.WriteLine($"[{store}, semantic {mode}] host pid {host.Pid} on {host.Address}");
            var loadBefore = LoadAverage();
            var result = await DriveAsync(host, conversations, concurrency);
            loads.Add($"[{store}, semantic {mode}] load average before {loadBefore}, after {LoadAverage()}");
            report.AppendLine(Inv, $"| {store} | {mode} | {result.Turns} | {result.TurnsPerSecond:F0} | {result.P50:F1} | {result.P95:F1} | {result.P99:F1} | {result.Errors} | {result.Booked} | {result.HostCpuMs / result.Turns:F2} | {result.GeneratorCpuShare:P0} | {host.FirstReplyMs:F1} | {result.RssBefore / 1048576.0:F0} → {result.RssAfter / 1048576.0:F0} | {(result.RssAfter - result.RssBefore) / 1024.0 / conversations:F0} | {(host.StoreBytes() - result.StoreBefore) / 1024.0 / conversations:F1} | {PerTurn(result.Before.Transactions, result.After.Transactions, result.Turns, 1)} | {PerTurn(result.Before.BytesWritten, result.After.BytesWritten, result.Turns, 1024)} | {PerTurn(result.Before.RowVersions, result.After.RowVersions, result.Turns, 1)} | {BusySleeps(result.Before, result.After, result.Turns)} |");
            Console.WriteLine(report.ToString().Split('\n')[^2]);
            if (File.Exists("/usr/bin/wrk") && wrkSeconds > 0)
            {
                var hostCpu = host.CpuMs();
                var wrkCpu = ChildrenCpuMs();
                var wrkWatch = Stopwatch.StartNew();
                var wrk = RunWrk(host.Address, wrkSeconds, concurrency);
                var wrkShare = (ChildrenCpuMs() - wrkCpu) / wrkWatch.Elapsed.TotalMilliseconds;
                var hostShare = (host.CpuMs() - hostCpu) / wrkWatch.Elapsed.TotalMilliseconds;
                wrkLines.Add($"[{store}, semantic {mode}] `wrk -t2 -c{concurrency} -d{wrkSeconds}s -s bench/wrk/faq.lua` (POST /api/chat \"Is there parking?\", a new conversation per request); wrk's own CPU {wrkShare:P0} of one core, the host's {hostShare:P0}, load average now {LoadAverage()}:");
                wrkLines.Add("");
                wrkLines.Add("```");
                wrkLines.AddRange(wrk);
                wrkLines.Add("```");
                wrkLines.Add("");
                Console.WriteLine(string.Join('\n', wrk));
            }
        }
        report.AppendLine();
        foreach (var line in loads)
        {
            report.AppendLine(line + "  ");
        }
        report.AppendLine();
        report.AppendLine("Latency is per turn, from sending the request to reading the whole reply; turns/s counts every turn of every conversation over the wall time of the run. Host CPU per turn is the host process's user+system time (/proc/PID/stat) over the run divided by its turns: the figure that survives a shared machine. Load generator CPU is this bench process's own CPU time over the run's wall time (100 % = one of the machine's cores), which the host did not get. First reply is the first turn of a new conversation sent right after /readyz answered 200. DB transactions per turn: PostgreSQL's xact_commit for the database (pg_stat_database) over the run, per turn; not measured on SQLite (—). KB written per turn: on PostgreSQL the write-ahead log the run produced (pg_current_wal_lsn before and after; the cluster serves only this host; the bench cluster runs with full_page_writes=off, so no full-page images), on SQLite the bytes the host process wrote to files (/proc/PID/io wchar less the bytes of its own log output the bench read from its stdout and stderr: SQLite's log frames, and the checkpoints that copy them into the database file). Row versions written per turn: PostgreSQL's tup_inserted + tup_updated + tup_deleted (pg_stat_database) per turn; every update writes a whole new version of its row. Not on SQLite (—). SQLite busy sleeps per turn: the sleeps of SQLite's busy handler in the host (a statement that found the file's write lock taken; the host counts them and /readyz says them) over the run, per turn, and in brackets the time slept per turn (ms); not on PostgreSQL (—). RSS is the host process's resident set (it includes the runtime's heap growth, not only live conversation state); store growth is the database size increase (transcripts, tags, clients, appointments).");
        report.AppendLine();
        foreach (var line in wrkLines)
        {
            report.AppendLine(line);
        }
        Console.WriteLine();
        Console.WriteLine(report);
        if (args.Contains("--no-report"))
        {
            Console.WriteLine("--no-report: docs/evaluation.md left as it is.");
        }
        else
        {
            EvaluationReport.Write("load", report.ToString());
        }
    }

    /// <summary>
    /// Memory over many finished conversations: the host's RSS after every thousand conversations (32 at a time), then
    /// while idle after the last one ended.
    ///   dotnet run -c Release --project bench/FrontDesk.Bench -- memory [sqlite|postgres] [--conversations 10000] [--no-report]
    /// </summary>
    public static async Task RunMemoryAsync(string[] args)
    {
        var store = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal))?.ToLowerInvariant() == "postgres" ? TestStore.Postgres : TestStore.Sqlite;
        var conversations = Option(args, "--conversations", 10_000);
        var concurrency = Option(args, "--concurrency", 32);
        var step = Math.Max(1, conversations / 10);
        await using var host = await HostProcess.StartAsync(store);
        Console.WriteLine($"[{store}] host pid {host.Pid} on {host.Address}; first reply after /readyz {host.FirstReplyMs:F1} ms (the next two new conversations' {string.Join(" and ", host.NextFirstRepliesMs.Select(ms => ms.ToString("F1", Inv)))} ms)");
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(60) };
        for (var i = 0; i < 5; i++)
        {
            await ConverseAsync(http, Script(100_000 + i), null);
        }
        var loadBefore = LoadAverage();
        var baseline = host.Rss();
        var rows = new List<string> { "| finished conversations | host RSS (MB) | growth since warm-up, per conversation (KB) |", "|---:|---:|---:|", $"| 0 (after 5 warm-up) | {baseline / 1048576.0:F1} | |" };
        var errors = 0;
        var watch = Stopwatch.StartNew();
        for (var done = 0; done < conversations; done += step)
        {
            var next = done - 1;
            var end = Math.Min(conversations, done + step);
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < end)
                {
                    var (_, failed, _) = await ConverseAsync(http, Script(i), null);
                    Interlocked.Add(ref errors, failed);
                }
            }));
            var rss = host.Rss();
            rows.Add(string.Create(Inv, $"| {end} | {rss / 1048576.0:F1} | {(rss - baseline) / 1024.0 / end:F1} |"));
            Console.WriteLine(rows[^1]);
        }
        watch.Stop();
        var atEnd = host.Rss();
        var idle = new List<string>();
        var waited = 0;
        foreach (var wait in IdleSeconds)
        {
            await Task.Delay(TimeSpan.FromSeconds(wait - waited));
            waited = wait;
            idle.Add(string.Create(Inv, $"{wait} s idle: {host.Rss() / 1048576.0:F1} MB"));
        }
        var report = new StringBuilder();
        report.AppendLine(Inv, $"`memory {store.ToString().ToLowerInvariant()} --conversations {conversations}`: {conversations} conversations of the load mix ({concurrency} at a time, web chat over HTTP to the host process, embedded engine) in {watch.Elapsed.TotalSeconds:F0} s, {errors} failed turns; load average before {loadBefore}, after {LoadAverage()}; first reply after /readyz {host.FirstReplyMs:F1} ms.");
        report.AppendLine();
        foreach (var row in rows)
        {
            report.AppendLine(row);
        }
        report.AppendLine();
        report.AppendLine(Inv, $"After the last conversation ended ({atEnd / 1048576.0:F1} MB): {string.Join("; ", idle)}. RSS is /proc/PID/status VmRSS of the host process; growth is measured from after the warm-up conversations, so it holds the managed heap's growth to its working size as well as anything kept per conversation.");
        Console.WriteLine();
        Console.WriteLine(report);
        if (!args.Contains("--no-report"))
        {
            EvaluationReport.Write("memory", report.ToString());
        }
    }

    private static readonly int[] IdleSeconds = [10, 30, 60];

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], Inv) : fallback;
    }

    private sealed record LoadResult(int Turns, double TurnsPerSecond, double P50, double P95, double P99, int Errors, int Booked, long RssBefore, long RssAfter, long StoreBefore,
        double HostCpuMs, double GeneratorCpuShare, StoreCounters Before, StoreCounters After);

    /// <summary>What the store has done so far; null where a store does not say.</summary>
    private sealed record StoreCounters(long? Transactions, long? BytesWritten, long? RowVersions, long? BusySleeps = null, double? BusySleptMs = null);

    /// <summary>SQLite's busy-handler sleeps over the run per turn, and the time slept per turn; "—" on PostgreSQL.</summary>
    private static string BusySleeps(StoreCounters before, StoreCounters after, int turns) =>
        before is { BusySleeps: { } b, BusySleptMs: { } bms } && after is { BusySleeps: { } a, BusySleptMs: { } ams }
            ? string.Create(Inv, $"{(a - b) / (double)turns:F2} ({(ams - bms) / turns:F2})")
            : "—";

    /// <summary>The counter's change over the run per turn, in <paramref name="unit"/>s; "—" when the store does not say.</summary>
    private static string PerTurn(long? before, long? after, int turns, double unit) =>
        before is { } b && after is { } a ? ((a - b) / unit / turns).ToString("F1", Inv) : "—";

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    /// <summary>User+system CPU of this process's reaped children (wrk, once it exited), in ms.</summary>
    private static double ChildrenCpuMs()
    {
        var f = File.ReadAllText("/proc/self/stat");
        var fields = f[(f.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state); cutime and cstime are fields 16 and 17.
        return (long.Parse(fields[13], Inv) + long.Parse(fields[14], Inv)) * 1000.0 / ClockTicks;
    }

    private const double ClockTicks = 100; // sysconf(_SC_CLK_TCK) on Linux

    private static async Task<LoadResult> DriveAsync(HostProcess host, int conversations, int concurrency)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(60) };
        // Warm up: JIT, pools, the first availability search.
        for (var i = 0; i < 5; i++)
        {
            await ConverseAsync(http, Script(100_000 + i), null);
        }
        var rssBefore = host.Rss();
        var storeBefore = host.StoreBytes();
        var countersBefore = host.Counters();
        var hostCpuBefore = host.CpuMs();
        var ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var latencies = new List<double>[conversations];
        var errors = 0;
        var booked = 0;
        var next = -1;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < conversations)
            {
                var (ms, failed, book) = await ConverseAsync(http, Script(i), null);
                latencies[i] = ms;
                Interlocked.Add(ref errors, failed);
                if (book)
                {
                    Interlocked.Increment(ref booked);
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        watch.Stop();
        if (TurnLog is not null)
        {
            await File.WriteAllLinesAsync(Environment.GetEnvironmentVariable("FRONTDESK_BENCH_TURNS")!, TurnLog);
        }
        var hostCpu = host.CpuMs() - hostCpuBefore;
        var ownCpu = (Process.GetCurrentProcess().TotalProcessorTime - ownCpuBefore).TotalMilliseconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        double P(double q) => all[Math.Min(all.Count - 1, (int)Math.Ceiling(q * all.Count) - 1)];
        return new LoadResult(all.Count, all.Count / watch.Elapsed.TotalSeconds, P(0.5), P(0.95), P(0.99), errors, booked, rssBefore, host.Rss(), storeBefore,
            hostCpu, ownCpu / watch.Elapsed.TotalMilliseconds, countersBefore, host.Counters());
    }

    // FRONTDESK_BENCH_TURNS=PATH: each turn's end time, script, turn number and latency written there after the run (a diagnostic;
    // the figures are the same with or without it).
    private static readonly System.Collections.Concurrent.ConcurrentQueue<string>? TurnLog =
        Environment.GetEnvironmentVariable("FRONTDESK_BENCH_TURNS") is { Length: > 0 } ? new() : null;

    private static async Task<(List<double> Ms, int Errors, bool Booked)> ConverseAsync(HttpClient http, string[] turns, string? session)
    {
        var ms = new List<double>(turns.Length);
        var errors = 0;
        var booked = false;
        for (var t = 0; t < turns.Length; t++)
        {
            var text = turns[t];
            var started = Stopwatch.GetTimestamp();
            try
            {
                // A request id per message, as the widget sends (wwwroot): the host then checks whether a retried message
                // was answered before, which the bench used to skip.
                using var response = await http.PostAsJsonAsync("/api/chat", new { sessionId = session, text, requestId = Guid.NewGuid().ToString("N") });
                var body = await response.Content.ReadAsStringAsync();
                ms.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                TurnLog?.Enqueue(string.Create(Inv, $"{DateTime.UtcNow:HH:mm:ss.fff},{(turns.Length == 5 ? "book" : turns.Length == 4 ? "faq" : "other")},{t},{ms[^1]:F1}"));
                if (!response.IsSuccessStatusCode)
                {
                    errors++;
                    continue;
                }
                using var doc = JsonDocument.Parse(body);
                session = doc.RootElement.GetProperty("sessionId").GetString();
                booked |= doc.RootElement.GetProperty("reply").GetString()?.Contains("all set", StringComparison.OrdinalIgnoreCase) == true;
            }
            catch (HttpRequestException)
            {
                ms.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                errors++;
            }
        }
        return (ms, errors, booked);
    }

    private static List<string> RunWrk(Uri address, int seconds, int connections)
    {
        var script = Path.Combine(BenchPaths.Root, "bench", "wrk", "faq.lua");
        var psi = new ProcessStartInfo("/usr/bin/wrk", ["-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", script, new Uri(address, "/api/chat").ToString()])
        {
            RedirectStandardOutput = true,
        };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return [.. output.Split('\n').Where(l => l.Trim().Length > 0)];
    }

    /// <summary>The host as its own process: the built src/Channels binary, on a free loopback port, on a fresh store.</summary>
    private sealed class HostProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string? _sqliteFile;

        private HostProcess(Process process, Uri address, string? sqliteFile, string? pgConnection)
        {
            _process = process;
            Address = address;
            _sqliteFile = sqliteFile;
            PgConnection = pgConnection;
        }

        public Uri Address { get; }
        public int Pid => _process.Id;
        private string? PgConnection { get; }

        public static async Task<HostProcess> StartAsync(TestStore store, bool semantic = true)
        {
            var dll = BenchPaths.HostDll();
            var (settings, temp) = SpaBookHarness.FreshStore(store);
            var port = FreePort();
            var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add(dll);
            psi.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
            // Logging as shipped (the host's defaults): the bench measures what an operator runs.
            psi.ArgumentList.Add($"--FrontDesk:Clock:FixedNow={Now:O}");
            psi.ArgumentList.Add($"--FrontDesk:Profile={Path.Combine(BenchPaths.Root, "profiles", "demo.yaml")}");
            psi.ArgumentList.Add($"--FrontDesk:Prompts={Path.Combine(BenchPaths.Root, "prompts")}");
            // Every simulated visitor comes from 127.0.0.1: the per-address limit is off, as behind a proxy that
            // limits per visitor itself; the per-session limit stays (a conversation here sends 5 messages at most).
            psi.ArgumentList.Add("--FrontDesk:Web:PerAddressPerMinute=0");
            psi.ArgumentList.Add($"--FrontDesk:Semantic:Enabled={(semantic ? "true" : "false")}");
            foreach (var (k, v) in settings)
            {
                psi.ArgumentList.Add($"--{k}={v}");
            }
            psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            // FRONTDESK_BENCH_HOST_JIT_LOG=FILE: the host (only) writes every method it compiles to FILE, one line each, and the
            // bench prints how many lines it held at /readyz and after each first reply (round twenty-nine: what a first reply
            // compiles). The runtime writes the file through a buffer, so a count can lag behind; the lines after the count at
            // /readyz are what was compiled from then on.
            var jitLog = Environment.GetEnvironmentVariable("FRONTDESK_BENCH_HOST_JIT_LOG");
            if (!string.IsNullOrEmpty(jitLog))
            {
                psi.Environment["DOTNET_JitStdOutFile"] = jitLog;
                psi.Environment["DOTNET_JitDisasmSummary"] = "1";
            }
            var process = Process.Start(psi) ?? throw new InvalidOperationException("host did not start");
            long logBytes = 0;
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    Interlocked.Add(ref logBytes, Encoding.UTF8.GetByteCount(e.Data) + 1);
                }
                if (e.Data?.Contains("Warmed up", StringComparison.Ordinal) == true)
                {
                    Console.WriteLine("host: " + e.Data);
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    Interlocked.Add(ref logBytes, Encoding.UTF8.GetByteCount(e.Data) + 1);
                    Console.Error.WriteLine("host: " + e.Data);
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var address = new Uri($"http://127.0.0.1:{port}/");
            using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
            // The host loads the embedding model and warms up before /readyz says ready: seconds on a quiet machine, minutes
            // on a busy one. Waits up to 5 minutes, then stops with a clear error instead of a refused connection.
            var readyBy = Stopwatch.StartNew();
            while (true)
            {
                if (readyBy.Elapsed > TimeSpan.FromMinutes(5))
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException($"the host at {address} did not say ready within 5 minutes");
                }
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"host exited with {process.ExitCode}");
                }
                try
                {
                    using var r = await probe.GetAsync("/readyz");
                    if (r.IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }
                await Task.Delay(100);
            }
            var sqlite = temp is null ? null : Path.Combine(temp, "spa.db");
            var host = new HostProcess(process, address, sqlite, store == TestStore.Postgres ? settings["FrontDesk:Database:ConnectionString"] : null)
            {
                LogBytes = () => Interlocked.Read(ref logBytes),
            };
            // The first reply after ready: a new visitor's first question, as the first person to reach a fresh instance.
            using var first = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            // The bench's own first POST (its JSON and connection set-up) is not the host's: spent on /healthz (405).
            using (await first.PostAsJsonAsync("/healthz", new { text = "warm the client" }))
            {
            }
            string JitLines() => string.IsNullOrEmpty(jitLog) || !File.Exists(jitLog) ? "" : $" (JIT log lines so far: {File.ReadLines(jitLog).Count()})";
            Console.WriteLine($"host ready{JitLines()}");
            // Then two more people's first message, each a new conversation, one after the other: what the first reply costs
            // once (the process's or the database's first use of something) against what every first reply costs.
            var firsts = new double[3];
            for (var i = 0; i < firsts.Length; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var reply = await first.PostAsJsonAsync("/api/chat", new { text = "Hi, do you have parking?" });
                await reply.Content.ReadAsStringAsync();
                firsts[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Console.WriteLine(string.Create(Inv, $"host: new conversation {i + 1} after /readyz: first reply {firsts[i]:F1} ms{JitLines()}"));
            }
            host.FirstReplyMs = firsts[0];
            host.NextFirstRepliesMs = [firsts[1], firsts[2]];
            return host;
        }

        public long Rss()
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], Inv) * 1024;
        }

        /// <summary>The first turn of a new conversation sent right after /readyz said ready, in ms.</summary>
        public double FirstReplyMs { get; private set; }

        /// <summary>The first turns of the next two new conversations, sent one after the other after <see cref="FirstReplyMs"/>'s, in ms.</summary>
        public double[] NextFirstRepliesMs { get; private set; } = [];

        /// <summary>The host's user+system CPU time so far, in ms.</summary>
        public double CpuMs()
        {
            var f = File.ReadAllText($"/proc/{_process.Id}/stat");
            var fields = f[(f.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
            return (long.Parse(fields[11], Inv) + long.Parse(fields[12], Inv)) * 1000.0 / ClockTicks;
        }

        /// <summary>Bytes of the host's log output (stdout and stderr lines) read so far.</summary>
        private Func<long> LogBytes { get; init; } = () => 0;

        /// <summary>
        /// The store's counters so far. PostgreSQL: committed transactions and row versions written (pg_stat_database) and the
        /// write-ahead log's position (bytes). SQLite: the bytes the host process wrote to files (/proc/PID/io wchar, which counts
        /// write and pwrite calls but not socket sends) less its log output, which leaves SQLite's writes.
        /// </summary>
        public StoreCounters Counters()
        {
            if (PgConnection is null)
            {
                var wchar = File.ReadLines($"/proc/{_process.Id}/io").First(l => l.StartsWith("wchar:", StringComparison.Ordinal));
                // The log lines of the turns just answered may still be in the pipe.
                Thread.Sleep(TimeSpan.FromSeconds(1));
                // The host's count of SQLite's busy-handler sleeps, in /readyz's body.
                using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
                using var ready = JsonDocument.Parse(probe.GetStringAsync("/readyz").GetAwaiter().GetResult());
                var sleeps = ready.RootElement.TryGetProperty("busySleeps", out var count) ? count.GetInt64() : (long?)null;
                var slept = ready.RootElement.TryGetProperty("busySleptMs", out var ms) ? ms.GetDouble() : (double?)null;
                return new StoreCounters(null, long.Parse(wchar[6..].Trim(), Inv) - LogBytes(), null, sleeps, slept);
            }
            // PostgreSQL's backends flush their counters when idle, at most 10 s late (PGSTAT_IDLE_INTERVAL).
            Thread.Sleep(TimeSpan.FromSeconds(11));
            using var c = new Npgsql.NpgsqlConnection(PgConnection);
            c.Open();
            // The statistics collector reports with a delay; ask for a fresh snapshot.
            using var clear = new Npgsql.NpgsqlCommand("SELECT pg_stat_clear_snapshot()", c);
            clear.ExecuteNonQuery();
            using var cmd = new Npgsql.NpgsqlCommand("""
                SELECT xact_commit, tup_inserted + tup_updated + tup_deleted, pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint
                FROM pg_stat_database WHERE datname = current_database()
                """, c);
            using var r = cmd.ExecuteReader();
            r.Read();
            return new StoreCounters(r.GetInt64(0), r.GetInt64(2), r.GetInt64(1));
        }

        public long StoreBytes()
        {
            if (_sqliteFile is not null)
            {
                return new[] { _sqliteFile, _sqliteFile + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
            }
            using var c = new Npgsql.NpgsqlConnection(PgConnection);
            c.Open();
            using var cmd = new Npgsql.NpgsqlCommand("SELECT pg_database_size(current_database())", c);
            return (long)cmd.ExecuteScalar()!;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}

/// <summary>Where the repository and the built host are.</summary>
public static class BenchPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FrontDeskAgent.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("FrontDeskAgent.sln not found above the bench binary.");
    }

    /// <summary>The host built in the same configuration as the bench (the project reference builds it first).</summary>
    public static string HostDll()
    {
        var config = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(Root, "src", "Channels", "bin", config, "net10.0", "FrontDesk.Channels.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the host first: {dll}");
    }
}

/// <summary>Writes a figures section of docs/evaluation.md between its markers (as eval/FrontDesk.Eval does).</summary>
public static class EvaluationReport
{
    public static void Write(string section, string body)
    {
        var path = Path.Combine(BenchPaths.Root, "docs", "evaluation.md");
        var begin = $"<!-- eval:{section}:begin -->";
        var end = $"<!-- eval:{section}:end -->";
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Evaluation\n";
        var machine = $"{DateTime.UtcNow:yyyy-MM-dd HH:mm}Z, {Environment.ProcessorCount} CPU, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, "
            + (File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU") + ", load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + " (the machine is shared)";
        var block = $"{begin}\n_Generated {machine}._\n\n{body.TrimEnd()}\n{end}";
        var i = text.IndexOf(begin, StringComparison.Ordinal);
        var j = text.IndexOf(end, StringComparison.Ordinal);
        text = i >= 0 && j > i ? text[..i] + block + text[(j + end.Length)..] : text.TrimEnd() + "\n\n" + block + "\n";
        File.WriteAllText(path, text);
        Console.WriteLine($"wrote section '{section}' of {path}");
    }
}
