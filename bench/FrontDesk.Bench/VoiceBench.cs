extern alias channels;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using FrontDesk.Channels.Twilio;
using FrontDesk.TestSupport;

namespace FrontDesk.Bench;

/// <summary>
/// Voice webhook latency under load: the real host (Program, Kestrel on loopback, a fresh SQLite store, the embedded
/// engine) answers N concurrent simulated Gather calls; each call posts signed <c>/twilio/voice</c> then a scripted
/// series of <c>/twilio/voice/turn</c> webhooks, back to back, as Twilio would after each utterance.
/// </summary>
internal static class VoiceBench
{
    private const string AuthToken = "bench-auth-token";
    private const string PublicBase = "https://frontdesk.bench.example";
    private static readonly string[] Script =
    [
        "Is there parking?",
        "What are your hours on Saturday?",
        "I'd like a signature facial on Wednesday",
        "the first one",
        "no thanks",
        "",
    ];

    public static async Task RunAsync(string[] args)
    {
        var calls = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 200;
        // Pause between one webhook's answer and the call's next webhook (the caller listening and speaking); 0 = back to back.
        var thinkMs = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var t) ? t : 0;
        var (settings, tempDir) = SpaBookHarness.FreshStore(TestStore.Sqlite);
        settings["FrontDesk:Clock:FixedNow"] = SpaBookHarness.DefaultNow.ToString("O");
        settings["Twilio:AuthToken"] = AuthToken;
        settings["FrontDesk:PublicBaseUrl"] = PublicBase;
        settings["FrontDesk:Sms:SenderPollMs"] = "600000";
        settings["FrontDesk:Sms:SchedulerIntervalSeconds"] = "3600";
        await using var host = new BenchHost(settings);
        var baseAddress = host.Start();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = calls + 10, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

        // Warm-up: JIT, connection pool, SQLite pages.
        for (var i = 0; i < 5; i++)
        {
            await CallAsync(http, $"+1415600{i:D4}", 0, new ConcurrentBag<double>(), new ConcurrentBag<double>(), new ConcurrentBag<int>());
        }

        var answers = new ConcurrentBag<double>();
        var turns = new ConcurrentBag<double>();
        var failures = new ConcurrentBag<int>();
        // The server's own time per request, from ASP.NET Core's request-duration metric (hosting starts the clock when
        // Kestrel hands the request over and stops it when the response is done): without the client's side and the
        // socket, which share these two cores with the host here.
        var serverTimes = new ConcurrentDictionary<string, ConcurrentBag<double>>(StringComparer.Ordinal);
        using var meters = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Microsoft.AspNetCore.Hosting" && instrument.Name == "http.server.request.duration")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "http.route" && tag.Value is string route)
                {
                    serverTimes.GetOrAdd(route, _ => []).Add(seconds * 1000);
                }
            }
        });
        meters.Start();
        var wall = Stopwatch.StartNew();
        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, calls).Select(async i =>
        {
            await start.WaitAsync();
            // Calls start spread over the first think time, as real calls do not all ring in the same millisecond.
            await Task.Delay(thinkMs == 0 ? 0 : Random.Shared.Next(thinkMs));
            await CallAsync(http, $"+1415700{i:D4}", thinkMs, answers, turns, failures);
        }).ToList();
        start.Release(calls);
        await Task.WhenAll(tasks);
        wall.Stop();

        Console.WriteLine($"[voice] {calls} concurrent Gather calls, {Script.Length} turns each, think time {thinkMs} ms (±50%), real host on Kestrel (loopback), SQLite, embedded engine");
        Console.WriteLine($"{"webhook",-44} {"n",6} {"req/s",9} {"p50 ms",9} {"p99 ms",9} {"mean ms",9}");
        Console.WriteLine(Line("POST /twilio/voice (answer)", answers, wall.Elapsed));
        Console.WriteLine(Line("POST /twilio/voice/turn", turns, wall.Elapsed));
        foreach (var (route, times) in serverTimes.Where(kv => kv.Key.StartsWith("/twilio/voice", StringComparison.Ordinal)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(Line($"  server time {route}", times, wall.Elapsed));
        }
        Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"non-200 answers: {failures.Count}; wall time {wall.Elapsed.TotalSeconds:F1} s");
        if (tempDir is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(tempDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string Line(string name, ConcurrentBag<double> latencies, TimeSpan wall)
    {
        var sorted = latencies.Order().ToArray();
        double Pct(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"{name,-44} {sorted.Length,6} {sorted.Length / wall.TotalSeconds,9:F0} {Pct(0.50),9:F1} {Pct(0.99),9:F1} {sorted.Average(),9:F1}");
    }

    private static async Task CallAsync(HttpClient http, string from, int thinkMs, ConcurrentBag<double> answers, ConcurrentBag<double> turns, ConcurrentBag<int> failures)
    {
        var callSid = "CA" + Guid.NewGuid().ToString("N");
        List<KeyValuePair<string, string>> Form(params (string, string)[] extra) =>
        [
            new("CallSid", callSid), new("From", from), new("To", "+14155550100"), new("Direction", "inbound"), new("CallStatus", "in-progress"),
            .. extra.Select(e => new KeyValuePair<string, string>(e.Item1, e.Item2)),
        ];
        answers.Add(await PostAsync(http, "/twilio/voice", Form(), failures));
        foreach (var utterance in Script)
        {
            if (thinkMs > 0)
            {
                await Task.Delay(thinkMs / 2 + Random.Shared.Next(thinkMs));
            }
            turns.Add(await PostAsync(http, "/twilio/voice/turn", utterance.Length == 0 ? Form() : Form(("SpeechResult", utterance), ("Confidence", "0.9")), failures));
        }
    }

    private static async Task<double> PostAsync(HttpClient http, string path, List<KeyValuePair<string, string>> form, ConcurrentBag<int> failures)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(PublicBase + path, form, AuthToken));
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            failures.Add((int)response.StatusCode);
        }
        return elapsed;
    }
}
