using System.Diagnostics;
using System.Globalization;
using Dapper;
using FrontDesk.Agent;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Store;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Bench;

/// <summary>
/// Racing bookings (issue 15): many web conversations on two agent instances sharing one store, all asking for the
/// same afternoon and picking the first time offered, then saying yes together; each turn goes to instance 1 or 2 in
/// turn. Losers are offered times again and pick again until booked or out of tries. Reports the "yes" turns' latency
/// and every turn's, and checks the store: double bookings, people with two bookings, clients with no booking.
/// Two modes, each on a fresh store: <c>burst</c> starts every conversation at once and sends each turn as soon as the
/// last is answered (a closed loop: on a small machine its tail is mostly queueing); <c>arrivals</c> starts them as
/// people arrive (Poisson arrivals over a window, 20 s by default) and has each person take 1.5 to 4 s before each
/// answer, so the figure is the booking's own path under contention. Seeded: every run has the same timings.
/// The people are web visitors who type their numbers (not proven: no confirmation texts); with <c>--sms</c> or
/// <c>--voice</c> they text or call from their own numbers instead (proven: the booking writes the client and the
/// confirmation texts in its batch, perf round twenty-seven), and give only their names; with <c>--known</c> as well they
/// are clients on file already, with their names and consent to texts (so the texts are queued in the booking's batch), and
/// give their names only when asked.
///   dotnet run -c Release --project bench/FrontDesk.Bench -- race [postgres|sqlite] [conversations] [burst|arrivals|both] [window seconds] [--sms|--voice] [--known]
/// </summary>
internal static class RaceBench
{
    public static async Task RunAsync(string[] args)
    {
        // The race writes nothing to docs/evaluation.md: "--no-report", as the other commands take it, changes nothing here
        // (it had been read as the window and thrown a FormatException).
        var channel = args.Contains("--sms") ? "sms" : args.Contains("--voice") ? "voice" : "web";
        var known = channel != "web" && args.Contains("--known");
        args = [.. args.Where(a => a is not ("--no-report" or "--sms" or "--voice" or "--known"))];
        var store = args.FirstOrDefault()?.ToLowerInvariant() == "sqlite" ? TestStore.Sqlite : TestStore.Postgres;
        if ((args.Length > 1 && !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            || (args.Length > 3 && !double.TryParse(args[3], NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            await Console.Error.WriteLineAsync("usage: race [postgres|sqlite] [conversations] [burst|arrivals|both] [window seconds] [--sms|--voice] [--known]");
            Environment.ExitCode = 2;
            return;
        }
        var conversations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 150;
        var mode = args.Length > 2 ? args[2].ToLowerInvariant() : "both";
        var window = TimeSpan.FromSeconds(args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 20);
        if (mode is "burst" or "both")
        {
            await RunModeAsync(store, conversations, null, channel, known);
        }
        if (mode is "arrivals" or "both")
        {
            await RunModeAsync(store, conversations, window, channel, known);
        }
    }

    /// <summary>
    /// One race on a fresh store: all at once when <paramref name="window"/> is null, else arriving over it; on the web
    /// (numbers typed) or by SMS or voice (each person's own number).
    /// </summary>
    private static async Task RunModeAsync(TestStore store, int conversations, TimeSpan? window, string channel, bool known)
    {
        var random = new Random(15);
        // Poisson arrivals: exponential gaps at conversations/window per second; and each person's pauses before answering.
        var starts = new TimeSpan[conversations];
        var pauses = new TimeSpan[conversations][];
        var at = TimeSpan.Zero;
        for (var i = 0; i < conversations; i++)
        {
            if (window is { } w)
            {
                starts[i] = at;
                at += TimeSpan.FromSeconds(-Math.Log(1 - random.NextDouble()) * w.TotalSeconds / conversations);
            }
            pauses[i] = [.. Enumerable.Range(0, 12).Select(_ => window is null ? TimeSpan.Zero : TimeSpan.FromSeconds(1.5 + 2.5 * random.NextDouble()))];
        }
        // The host reads FrontDesk__Agent__TurnsAtOnce from its environment; the instances here are built in process, so the
        // bench passes it on (0 = no limit: how the agent ran before the turn slots).
        var turnsAtOnce = int.TryParse(Environment.GetEnvironmentVariable("FrontDesk__Agent__TurnsAtOnce"), CultureInfo.InvariantCulture, out var atOnce) ? atOnce : (int?)null;
        // Likewise FrontDesk__Agent__ReadBackAnswersAhead (0 = every turn in arrival order).
        var answersAhead = int.TryParse(Environment.GetEnvironmentVariable("FrontDesk__Agent__ReadBackAnswersAhead"), CultureInfo.InvariantCulture, out var ahead) ? ahead : (int?)null;
        void Register(IServiceCollection s, Microsoft.Extensions.Configuration.IConfiguration c)
        {
            s.AddFrontDeskAgent(c, AppContext.BaseDirectory);
            s.PostConfigure<AgentOptions>(o =>
            {
                o.TurnsAtOnce = turnsAtOnce ?? o.TurnsAtOnce;
                o.ReadBackAnswersAhead = answersAhead ?? o.ReadBackAnswersAhead;
            });
        }
        await using var one = await SpaBookHarness.StartAsync(store, register: Register);
        await using var two = await SpaBookHarness.StartOnAsync(one.Settings, one.Clock.GetUtcNow(), Register);
        FrontDeskAgent[] agents = [one.Get<FrontDeskAgent>(), two.Get<FrontDeskAgent>()];
        // What the host does before /readyz says ready (StartupWarmUp): the instances race warm, as deployed ones would.
        foreach (var instance in new[] { one, two })
        {
            foreach (var warmUp in instance.Services.GetServices<FrontDesk.Tools.IWarmUp>())
            {
                await warmUp.WarmUpAsync(CancellationToken.None);
            }
        }
        static string NameOf(int i) => $"Racer {(char)('A' + i % 26)}{(char)('a' + i / 26 % 26)}son";
        static string OwnNumber(int i) => "+1415777" + (1000 + i).ToString("D4", CultureInfo.InvariantCulture);
        if (known)
        {
            // Clients on file before the race, with consent to texts (left out of the orphan count below).
            await using var seed = await one.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
            var now = one.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < conversations; i++)
            {
                await seed.ExecuteAsync("""
                    INSERT INTO clients (id, phone, name, preferences, health_flags, sms_consent, marketing_consent, created_at_utc, updated_at_utc)
                    VALUES (@Id, @Phone, @Name, '[]', '[]', @Yes, @No, @Now, @Now)
                    """, new { Id = $"race_known_{i:D4}", Phone = OwnNumber(i), Name = NameOf(i), Yes = true, No = false, Now = now });
            }
        }
        var yes = new List<double>();
        var first = new List<double>();
        var all = new List<double>();
        // Neither a "yes" nor a first turn: what waits longer when answers to read-backs go ahead (round twenty-nine).
        var others = new List<double>();
        var errors = 0;
        var turnNo = 0;
        // What a "yes" waits behind (round twenty-eight): the turns in flight on both instances when it was sent.
        var inFlight = 0;
        var yesBehind = new List<(double Ms, int InFlight)>();

        async Task<AgentReply?> SayAsync(string id, string text, bool isYes, bool isFirst = false, string? phone = null)
        {
            var agent = agents[Interlocked.Increment(ref turnNo) % 2];
            var behind = Interlocked.Increment(ref inFlight) - 1;
            var watch = Stopwatch.StartNew();
            try
            {
                var reply = await agent.HandleAsync(new TurnRequest(id, channel, text, phone), CancellationToken.None);
                lock (all)
                {
                    all.Add(watch.Elapsed.TotalMilliseconds);
                    if (isYes)
                    {
                        yes.Add(watch.Elapsed.TotalMilliseconds);
                        yesBehind.Add((watch.Elapsed.TotalMilliseconds, behind));
                    }
                    if (isFirst)
                    {
                        first.Add(watch.Elapsed.TotalMilliseconds);
                    }
                    if (!isYes && !isFirst)
                    {
                        others.Add(watch.Elapsed.TotalMilliseconds);
                    }
                }
                return reply;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Interlocked.Increment(ref errors);
                Console.Error.WriteLine($"{id}: {ex.GetType().Name}: {ex.Message}");
                return null;
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }

        // What the database sessions wait on while the race runs (PostgreSQL): sampled every 20 ms from pg_stat_activity.
        using var sampling = new CancellationTokenSource();
        var waits = store == TestStore.Postgres ? SampleWaitsAsync(one, sampling.Token) : Task.FromResult(new Dictionary<string, int>());
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, conversations).Select(i => Task.Run(async () =>
        {
            var id = $"race_{i:D4}";
            var phone = "415-777-" + (1000 + i).ToString("D4", CultureInfo.InvariantCulture);
            // A texter's or caller's own number, as Twilio gives it; a web visitor has none and types it.
            var own = channel == "web" ? null : OwnNumber(i);
            var pause = 0;
            await Task.Delay(starts[i]);
            async Task<AgentReply?> AnswerAsync(string text, bool isYes)
            {
                await Task.Delay(pauses[i][Math.Min(pause++, pauses[i].Length - 1)]);
                return await SayAsync(id, text, isYes, phone: own);
            }
            await SayAsync(id, "Hi! I'd like a deep tissue massage tomorrow afternoon", false, isFirst: true, phone: own);
            var reply = await AnswerAsync("the first one", false);
            if (!known || reply?.Text?.Contains("name", StringComparison.OrdinalIgnoreCase) == true)
            {
                reply = await AnswerAsync($"my name is {NameOf(i)}", false);
            }
            if (own is null)
            {
                reply = await AnswerAsync(phone, false);
            }
            for (var attempt = 0; attempt < 4 && reply is not null; attempt++)
            {
                reply = await AnswerAsync("yes", true);
                if (reply is null || reply.ToolCalls.Any(c => c.Outcome == "booked") || !reply.ToolCalls.Any(c => c.Outcome == "slot_taken"))
                {
                    break;
                }
                reply = await AnswerAsync("the first one", false);
            }
        })));
        total.Stop();
        await sampling.CancelAsync();
        var waited = await waits;

        await using var c = await one.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        var booked = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM appointments WHERE status = 'booked' AND conversation_id LIKE 'race_%'");
        var doubleBooked = await c.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM appointments a JOIN appointments b ON a.id < b.id
            WHERE a.status IN ('held', 'booked') AND b.status IN ('held', 'booked')
              AND a.starts_at_utc < b.blocked_until_utc AND b.starts_at_utc < a.blocked_until_utc
              AND (a.staff_id = b.staff_id OR (a.location_id = b.location_id AND a.room_id = b.room_id))
            """);
        var duplicates = await c.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM (SELECT client_id FROM appointments WHERE status = 'booked' AND conversation_id LIKE 'race_%' GROUP BY client_id HAVING COUNT(*) > 1) d
            """);
        var orphans = await c.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM clients k WHERE COALESCE(k.phone, k.unverified_phone) LIKE '+1415777%' AND k.id NOT LIKE 'race_known_%' AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.client_id = k.id)
            """);
        // The turns in flight (both instances) when the "yes" turns at or above the latency quantile q were sent, on average.
        static double Behind(List<(double Ms, int InFlight)> xs, double q)
        {
            var slow = xs.OrderBy(x => x.Ms).Skip((int)Math.Floor(q * xs.Count)).ToList();
            return slow.Count == 0 ? 0 : slow.Average(x => x.InFlight);
        }
        // Which way the bookings went (round twenty-eight): a texter's or caller's client has a proven number and is sent
        // texts about the booking (queued with it, in its batch); a web visitor's typed number is not proven and gets none.
        var proven = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM clients WHERE phone LIKE '+1415777%'");
        var texts = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE to_address LIKE '+1415777%'");
        static double Pct(List<double> xs, double p)
        {
            var sorted = xs.Order().ToArray();
            return sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            race on {store}, {channel} ({(channel == "web" ? "numbers typed" : known ? "each person's own number, a client on file with consent to texts" : "each person's own number")}), 2 instances (turns at once per instance: {turnsAtOnce?.ToString(CultureInfo.InvariantCulture) ?? "default"}; read-back answers ahead: {answersAhead?.ToString(CultureInfo.InvariantCulture) ?? "default"}), {conversations} conversations {(window is { } span ? $"arriving over {span.TotalSeconds:F0} s (Poisson), 1.5-4 s before each answer" : "all at once, no pauses")}, {all.Count} turns in {total.Elapsed.TotalSeconds:F1} s ({all.Count / total.Elapsed.TotalSeconds:F0} turns/s), {errors} errors
              booked {booked}; double bookings {doubleBooked}; people with two bookings {duplicates}; clients with no booking {orphans}; clients with a proven number {proven}, texts queued to them {texts}
              "yes" turns {yes.Count}: p50 {Pct(yes, 0.5):F0} ms, p99 {Pct(yes, 0.99):F0} ms, max {Pct(yes, 1):F0} ms; turns in flight when a "yes" was sent: {Behind(yesBehind, 0):F0} on average, {Behind(yesBehind, 0.99):F0} for the slowest 1 %
              all turns: p50 {Pct(all, 0.5):F0} ms, p99 {Pct(all, 0.99):F0} ms, max {Pct(all, 1):F0} ms; first turns ({first.Count}{(window is null ? ", all sent at once when the race starts" : "")}): p50 {Pct(first, 0.5):F0} ms, p99 {Pct(first, 0.99):F0} ms
              other turns ({others.Count}, neither a "yes" nor a first turn): p50 {Pct(others, 0.5):F0} ms, p99 {Pct(others, 0.99):F0} ms
            """));
        if (store == TestStore.Postgres)
        {
            // What the turns wrote to the tables every turn writes (round twenty-three): row versions, how many of the updates
            // were HOT (rewritten on their page, no index entry), and the pages of each table and of its indexes at the end.
            // Sessions send their counts to the statistics when idle, within 10 s.
            await Task.Delay(TimeSpan.FromSeconds(11));
            await c.ExecuteAsync("SELECT pg_stat_clear_snapshot()");
            Console.WriteLine("  writes by table (inserted / updated / of which HOT / deleted; pages of the table / of its indexes):");
            foreach (var t in await c.QueryAsync<(string Name, long Inserted, long Updated, long Hot, long Deleted, long Pages, long IndexPages)>("""
                SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del, pg_relation_size(relid) / 8192,
                       COALESCE((SELECT SUM(pg_relation_size(indexrelid)) FROM pg_index WHERE indrelid = relid), 0) / 8192
                FROM pg_stat_user_tables WHERE relname IN ('conversation_leases', 'conversations', 'transcript_turns', 'transcript_tags')
                ORDER BY relname
                """))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    {t.Name,-20} {t.Inserted,7} / {t.Updated,6} / {t.Hot,6} / {t.Deleted,5}; {t.Pages,5} / {t.IndexPages,5} pages"));
            }
        }
        if (waited.Count > 0)
        {
            Console.WriteLine($"  database waits (samples every 20 ms of sessions waiting, by what they waited on; {waited.GetValueOrDefault("(samples)")} samples):");
            foreach (var (what, n) in waited.Where(w => w.Key != "(samples)").OrderByDescending(w => w.Value).Take(8))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {n,6}  {what}"));
            }
        }
    }

    private static async Task<Dictionary<string, int>> SampleWaitsAsync(SpaBookHarness h, CancellationToken ct)
    {
        const string sql = """
            SELECT wait_event_type || ':' || wait_event || '  ' || LEFT(REGEXP_REPLACE(query, '\s+', ' ', 'g'), 70)
            FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND wait_event_type IN ('Lock', 'LWLock', 'IO')
            """;
        var tally = new Dictionary<string, int>();
        await using var c = await h.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        while (!ct.IsCancellationRequested)
        {
            foreach (var row in await c.QueryAsync<string>(sql))
            {
                tally[row] = tally.GetValueOrDefault(row) + 1;
            }
            tally["(samples)"] = tally.GetValueOrDefault("(samples)") + 1;
            try
            {
                await Task.Delay(20, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return tally;
    }
}
