extern alias channels;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using FrontDesk.Channels.Twilio;
using FrontDesk.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Bench;

/// <summary>
/// The fuzz run (issue 15): random and mutated requests against every route of the real host (Kestrel on loopback), the
/// routes enumerated from the host's own <see cref="EndpointDataSource"/>. Requests mix valid shapes with mutated values
/// (NUL, lone surrogates, control characters, huge and empty strings, out-of-range dates, wrong types, deep JSON, broken
/// multipart), as nobody, the bootstrap manager key (header or bearer), a bad key or a bad cookie, and Twilio webhooks signed and unsigned. Reports the
/// status classes and 5xx per route, the first 5xx seen, and the host process's memory as the run goes (does it level off).
///   dotnet run -c Release --project bench/FrontDesk.Bench -- fuzz [sqlite|postgres|both] [requests] [--seed N]
/// </summary>
internal static class FuzzBench
{
    private const string AuthToken = "fuzz-auth-token";
    private const string PublicBase = "https://frontdesk.fuzz.example";
    private const string BootstrapKey = "fuzz-bootstrap-manager-key-0123456789";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task RunAsync(string[] args)
    {
        var which = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !char.IsAsciiDigit(a[0]))?.ToLowerInvariant() ?? "both";
        var requests = args.FirstOrDefault(a => a.Length > 0 && char.IsAsciiDigit(a[0])) is { } n ? int.Parse(n, Inv) : 10_000;
        var seedAt = Array.IndexOf(args, "--seed");
        var seed = seedAt >= 0 ? int.Parse(args[seedAt + 1], Inv) : 15;
        TestStore[] stores = which switch { "sqlite" => [TestStore.Sqlite], "postgres" => [TestStore.Postgres], _ => [TestStore.Sqlite, TestStore.Postgres] };
        var total5xx = 0;
        foreach (var store in stores)
        {
            total5xx += await RunOnAsync(store, requests, seed);
        }
        Environment.ExitCode = total5xx == 0 ? 0 : 1;
    }

    private static async Task<int> RunOnAsync(TestStore store, int requests, int seed)
    {
        var (settings, tempDir) = SpaBookHarness.FreshStore(store);
        settings["FrontDesk:Clock:FixedNow"] = SpaBookHarness.DefaultNow.ToString("O");
        settings["Twilio:AuthToken"] = AuthToken;
        settings["FrontDesk:PublicBaseUrl"] = PublicBase;
        settings["FrontDesk:Sms:SenderPollMs"] = "600000";
        settings["FrontDesk:Sms:SchedulerIntervalSeconds"] = "3600";
        settings["FrontDesk:Web:PerAddressPerMinute"] = "0";
        settings["FrontDesk:Staff:BootstrapApiKey"] = BootstrapKey;
        // Only errors are logged: a 5xx's exception is what the run is for, and rejected requests are the norm here.
        settings["Logging:LogLevel:Default"] = "Error";
        settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Error";
        // The prompt editor writes prompts/: a copy, so the fuzz never changes the repository's.
        var prompts = Path.Combine(Path.GetTempPath(), $"frontdesk-fuzz-prompts-{Guid.NewGuid():N}");
        CopyDirectory(Path.Combine(BenchPaths.Root, "prompts"), prompts);
        settings["FrontDesk:Prompts"] = prompts;
        try
        {
            await using var host = new BenchHost(settings, logErrors: true);
            var baseAddress = host.Start();
            using (var probe = new HttpClient { BaseAddress = baseAddress })
            {
                // Fuzz once the host says ready, as a load balancer would send traffic.
                while (!(await probe.GetAsync(new Uri("/readyz", UriKind.Relative))).IsSuccessStatusCode)
                {
                    await Task.Delay(100);
                }
            }
            var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"]).Select(m => new Route(m, e.RoutePattern.RawText ?? "/")))
                .Distinct().OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal).ToArray();
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10), AllowAutoRedirect = false };
            using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };
            var counts = new ConcurrentDictionary<(Route, string), int>();
            var examples = new ConcurrentQueue<string>();
            var failedToSend = 0;
            var memory = new List<string>();
            var watch = Stopwatch.StartNew();
            var next = -1;
            var step = Math.Max(1, requests / 10);
            GC.Collect();
            memory.Add(MemoryRow(0));
            for (var done = 0; done < requests; done += step)
            {
                var end = Math.Min(requests, done + step);
                await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
                {
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < end)
                    {
                        // A connection the host closed after refusing a request (Kestrel does, after a 4xx it cannot read past)
                        // may be handed to the next request before the client notices: a request that gets no answer is sent
                        // once more, built again from the same seed, and counted as no answer only if that fails too.
                        for (var attempt = 1; ; attempt++)
                        {
                            var random = new Random(seed * 1_000_003 + i);
                            var route = routes[random.Next(routes.Length)];
                            using var request = Build(random, route);
                            var described = $"{request.Method} {request.RequestUri}";
                            try
                            {
                                using var response = await http.SendAsync(request);
                                await response.Content.ReadAsByteArrayAsync();
                                var code = (int)response.StatusCode;
                                counts.AddOrUpdate((route, $"{code / 100}xx"), 1, (_, c) => c + 1);
                                if (code >= 500 && examples.Count < 20)
                                {
                                    examples.Enqueue($"{code} {Shorten(described)} (request {i})");
                                }
                                break;
                            }
                            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                            {
                                if (attempt < 2)
                                {
                                    continue;
                                }
                                Interlocked.Increment(ref failedToSend);
                                counts.AddOrUpdate((route, "no answer"), 1, (_, c) => c + 1);
                                if (examples.Count < 20)
                                {
                                    examples.Enqueue($"no answer ({ex.GetType().Name}: {ex.InnerException?.Message ?? ex.Message}) {Shorten(described)} (request {i})");
                                }
                                break;
                            }
                        }
                    }
                })));
                GC.Collect();
                memory.Add(MemoryRow(end));
                Console.WriteLine($"[{store}] {end} requests, {watch.Elapsed.TotalSeconds:F0} s, {memory[^1]}");
            }
            watch.Stop();

            var report = new StringBuilder();
            var fives = counts.Where(c => c.Key.Item2 is "5xx" or "no answer").Sum(c => c.Value);
            report.AppendLine(Inv, $"`fuzz {store.ToString().ToLowerInvariant()} {requests} --seed {seed}`: {requests:N0} requests over {routes.Length} routes (method × pattern from the host's EndpointDataSource) in {watch.Elapsed.TotalSeconds:F0} s, 16 at a time; **{fives} answered 5xx or not at all**.");
            report.AppendLine();
            report.AppendLine("| route | requests | 2xx | 3xx | 4xx | 5xx / no answer |");
            report.AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var route in routes)
            {
                int C(string k) => counts.GetValueOrDefault((route, k));
                var all = C("2xx") + C("3xx") + C("4xx") + C("5xx") + C("no answer");
                report.AppendLine(Inv, $"| `{route.Method} {route.Pattern}` | {all} | {C("2xx")} | {C("3xx")} | {C("4xx")} | {C("5xx") + C("no answer")} |");
            }
            report.AppendLine();
            report.AppendLine("Memory of the process holding the host and the fuzzer (after a full GC at each step; RSS from /proc/self/status):");
            report.AppendLine();
            report.AppendLine("| requests | managed heap (MB) | RSS (MB) |");
            report.AppendLine("|---:|---:|---:|");
            foreach (var row in memory)
            {
                report.AppendLine(row);
            }
            if (!examples.IsEmpty)
            {
                report.AppendLine();
                report.AppendLine("First failures:");
                foreach (var e in examples)
                {
                    report.AppendLine("- " + e);
                }
            }
            Console.WriteLine();
            Console.WriteLine(report);
            return fives;
        }
        finally
        {
            Directory.Delete(prompts, recursive: true);
            SpaBookHarness.ReleaseStore(settings, tempDir);
        }
    }

    private static string Shorten(string s) => s.Length <= 200 ? s : s[..200] + $"… ({s.Length} chars)";

    private static string MemoryRow(int requests)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var rss = line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], Inv) * 1024;
        return string.Create(Inv, $"| {requests} | {GC.GetTotalMemory(false) / 1048576.0:F1} | {rss / 1048576.0:F1} |");
    }

    private sealed record Route(string Method, string Pattern);

    // ---- requests ----

    private static HttpRequestMessage Build(Random r, Route route)
    {
        var method = r.Next(20) == 0 ? Pick(r, "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS") : route.Method;
        var path = FillPattern(r, route.Pattern);
        if (r.Next(2) == 0)
        {
            path += "?" + string.Join('&', Enumerable.Range(0, r.Next(1, 5)).Select(_ => Uri.EscapeDataString(Pick(r, QueryNames)) + "=" + Uri.EscapeDataString(Value(r))));
        }
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        switch (r.Next(5))
        {
            case 0:
                break;
            case 1:
                request.Headers.TryAddWithoutValidation("X-Api-Key", BootstrapKey);
                break;
            case 2:
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + BootstrapKey);
                break;
            case 3:
                request.Headers.TryAddWithoutValidation("X-Api-Key", HeaderValue(r));
                break;
            default:
                request.Headers.TryAddWithoutValidation("Cookie", ".AspNetCore.Cookies=" + HeaderValue(r));
                break;
        }
        if (method is "GET" or "HEAD" or "DELETE" && r.Next(4) != 0)
        {
            return request;
        }
        var twilio = route.Pattern.StartsWith("/twilio", StringComparison.Ordinal);
        switch (twilio ? r.Next(3) : r.Next(6))
        {
            case 0 when twilio:
            case 1 when twilio:
                var form = TwilioForm(r);
                request.Content = new FormUrlEncodedContent(form);
                if (r.Next(3) != 0)
                {
                    request.Headers.TryAddWithoutValidation(TwilioSignature.HeaderName, TwilioSignature.Compute(PublicBase + path, form, AuthToken));
                }
                break;
            case 0:
                request.Content = new StringContent(Json(r, 0), Encoding.UTF8, "application/json");
                break;
            case 1:
                request.Content = new FormUrlEncodedContent(Enumerable.Range(0, r.Next(0, 6)).Select(_ => KeyValuePair.Create(Pick(r, FieldNames), Value(r))));
                break;
            case 2:
                // Multipart with a missing or broken boundary, or none at all.
                request.Content = new StringContent("--x\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\n" + Value(r) + "\r\n", Encoding.UTF8);
                request.Content.Headers.Remove("Content-Type");
                request.Content.Headers.TryAddWithoutValidation("Content-Type", Pick(r, "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=x"));
                break;
            case 3:
                var bytes = new byte[r.Next(0, 4096)];
                r.NextBytes(bytes);
                request.Content = new ByteArrayContent(bytes);
                request.Content.Headers.TryAddWithoutValidation("Content-Type", Pick(r, "application/json", "application/x-www-form-urlencoded", "text/plain", "application/octet-stream", "application/json; charset=utf-16"));
                break;
            case 4:
                request.Content = new StringContent(new string('[', r.Next(1, 5000)) + new string(']', r.Next(0, 5000)), Encoding.UTF8, "application/json");
                break;
            default:
                request.Content = new StringContent(Value(r), Encoding.UTF8, Pick(r, "application/json", "text/plain", "application/x-www-form-urlencoded"));
                break;
        }
        return request;
    }

    private static List<KeyValuePair<string, string>> TwilioForm(Random r)
    {
        var from = r.Next(4) == 0 ? Value(r) : "+1415" + r.Next(5550000, 5559999).ToString(Inv);
        var form = new List<KeyValuePair<string, string>>
        {
            new("MessageSid", r.Next(5) == 0 ? Value(r) : "SM" + Guid.NewGuid().ToString("N")),
            new("CallSid", r.Next(5) == 0 ? Value(r) : "CA" + Guid.NewGuid().ToString("N")),
            new("From", from),
            new("To", r.Next(4) == 0 ? Value(r) : "+14155550100"),
            new("Body", Value(r)),
            new("SpeechResult", Value(r)),
            new("CallStatus", Pick(r, "ringing", "in-progress", "completed", Value(r))),
            new("MessageStatus", Pick(r, "sent", "delivered", "failed", "undelivered", Value(r))),
            new("ErrorCode", Pick(r, "21610", "30003", "", Value(r))),
            new("Confidence", Pick(r, "0.9", "-1", "NaN", Value(r))),
        };
        return [.. form.Where(_ => r.Next(6) != 0)];
    }

    private static readonly string[] QueryNames =
        ["from", "to", "status", "tag", "entity", "entity_id", "limit", "offset", "location", "q", "session", "conversation", "channel", "language", "page", "day", "date", "id"];

    private static readonly string[] FieldNames =
        ["text", "message", "session", "sessionId", "email", "password", "name", "role", "label", "content", "body", "status", "reason", "active", "phone", "Body", "From", "returnUrl", "__RequestVerificationToken"];

    private static string FillPattern(Random r, string pattern)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            var open = pattern.IndexOf('{', i);
            if (open < 0)
            {
                sb.Append(pattern, i, pattern.Length - i);
                break;
            }
            sb.Append(pattern, i, open - i);
            var close = pattern.IndexOf('}', open);
            var name = pattern[(open + 1)..close].TrimStart('*').Split(':', '=', '?')[0];
            sb.Append(Uri.EscapeDataString(name.Contains("name", StringComparison.OrdinalIgnoreCase) && r.Next(2) == 0
                ? Pick(r, "replies", "escalation", "faq", "system", "replies.yaml")
                : Value(r)));
            i = close + 1;
        }
        return sb.ToString();
    }

    private static string Json(Random r, int depth)
    {
        if (depth > 3 || r.Next(4) == 0)
        {
            return r.Next(6) switch
            {
                0 => "null",
                1 => r.Next(2) == 0 ? "true" : "false",
                2 => Pick(r, "0", "-1", "1e308", "99999999999999999999", "1.5", "-0"),
                3 => "[" + string.Join(',', Enumerable.Range(0, r.Next(0, 4)).Select(_ => Json(r, depth + 1))) + "]",
                _ => System.Text.Json.JsonSerializer.Serialize(Value(r)),
            };
        }
        var fields = Enumerable.Range(0, r.Next(0, 6)).Select(_ => System.Text.Json.JsonSerializer.Serialize(Pick(r, FieldNames)) + ":" + Json(r, depth + 1));
        var text = "{" + string.Join(',', fields) + "}";
        return r.Next(10) == 0 ? text[..r.Next(text.Length + 1)] : text;
    }

    /// <summary>A value that is sometimes plausible and often hostile.</summary>
    private static string Value(Random r) => r.Next(22) switch
    {
        0 => "",
        1 => "\0",
        2 => "a\0b",
        3 => "\ud800",
        4 => "x\udc00y",
        5 => new string('a', r.Next(1000, 120_000)),
        6 => "0001-01-01",
        7 => "9999-12-31",
        8 => "-1",
        9 => "2147483648",
        10 => "../../etc/passwd",
        11 => "<script>alert(1)</script>",
        12 => "' OR 1=1 --",
        13 => "\u0007\u001b[31m\u0008",
        14 => string.Concat(Enumerable.Repeat("😀", r.Next(1, 400))),
        15 => "+14155551111",
        16 => "yes",
        17 => "I'd like a swedish massage tomorrow at 3",
        18 => "2026-11-24",
        19 => "%00%zz",
        20 => string.Concat(Enumerable.Range(0, r.Next(1, 50)).Select(_ => (char)r.Next(0, 0xFFFF))),
        _ => Guid.NewGuid().ToString("N")[..r.Next(1, 32)],
    };

    // HttpClient sends only printable ASCII in headers (a real client could send more; Kestrel refuses it with a 400).
    private static string HeaderValue(Random r)
    {
        var v = new string([.. Value(r).Where(ch => ch is >= ' ' and <= '~')]);
        return v.Length > 4000 ? v[..4000] : v;
    }

    private static string Pick(Random r, params string[] options) => options[r.Next(options.Length)];

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
