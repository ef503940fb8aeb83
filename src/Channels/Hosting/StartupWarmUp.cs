using System.Diagnostics;
using System.Text.Json;
using FrontDesk.Agent.Conversations;
using FrontDesk.Tools;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FrontDesk.Channels.Hosting;

/// <summary>Whether the start-up warm-up has finished, and how long it took; read by <c>/readyz</c>.</summary>
public sealed class WarmUpStatus
{
    private volatile bool _done;

    /// <summary>True once every warm-up has run (or failed and been logged).</summary>
    public bool Done => _done;

    /// <summary>How long the warm-up took, in milliseconds.</summary>
    public long ElapsedMs { get; private set; }

    internal void Finish(long elapsedMs)
    {
        ElapsedMs = elapsedMs;
        _done = true;
    }
}

/// <summary>
/// Runs every registered <see cref="IWarmUp"/> once while the host starts, before Kestrel takes requests (hosted
/// services start before the server), so the first conversation does not pay for compiling the turn path, filling
/// the connection pool or loading indexes. Then, once Kestrel listens, one web chat turn over HTTP to the host itself
/// (request parsing, routing, the endpoint, the JSON both ways), whose conversation is removed afterwards; only then
/// does <c>/readyz</c> say ready. A failing warm-up is logged and start-up goes on: warming is an optimisation, and
/// <c>/readyz</c> still checks the database itself.
/// </summary>
public sealed class StartupWarmUp(
    IEnumerable<IWarmUp> warmUps, WarmUpStatus status, IServer server, IHostApplicationLifetime lifetime, ConversationStore conversations,
    IConfiguration configuration, ILogger<StartupWarmUp> logger) : IHostedService
{
    private readonly Stopwatch _total = new();

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _total.Start();
        foreach (var warmUp in warmUps)
        {
            var one = Stopwatch.StartNew();
            try
            {
                await warmUp.WarmUpAsync(cancellationToken);
                logger.LogInformation("Warmed up {WarmUp} in {ElapsedMs} ms", warmUp.Name, one.ElapsedMilliseconds);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Warm-up of {WarmUp} failed; the first requests will be slower", warmUp.Name);
            }
        }
        // The addresses are known once the server listens (a port 0 is bound by then).
        lifetime.ApplicationStarted.Register(() =>
        {
            if (LoopbackAddress() is { } address)
            {
                _ = WarmHttpAsync(address, lifetime.ApplicationStopping);
            }
            else
            {
                // In-memory test server, or no plain-HTTP address: nothing to call.
                status.Finish(_total.ElapsedMilliseconds);
            }
        });
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WarmHttpAsync(Uri address, CancellationToken ct)
    {
        var one = Stopwatch.StartNew();
        try
        {
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            using var response = await http.PostAsJsonAsync("/api/chat", new { text = "what are your hours?" }, ct);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("sessionId", out var session) && session.GetString() is { } id)
            {
                await conversations.ForgetAsync(id, ct);
            }
            logger.LogInformation("Warmed up the web chat endpoint over HTTP in {ElapsedMs} ms ({Status})", one.ElapsedMilliseconds, (int)response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or System.Data.Common.DbException)
        {
            logger.LogWarning(ex, "Warm-up of the web chat endpoint over HTTP failed; the first request will be slower");
        }
        finally
        {
            var settling = Stopwatch.StartNew();
            var compiled = await JitSettledAsync(configuration.GetValue(JitQuietSecondsKey, 10), ct);
            logger.LogInformation("Warmed up: the JIT went quiet after {ElapsedMs} ms ({Methods} methods compiled meanwhile)", settling.ElapsedMilliseconds, compiled);
            status.Finish(_total.ElapsedMilliseconds);
        }
    }

    /// <summary>Configuration key: longest wait, in seconds, for the JIT to go quiet before <c>/readyz</c> says ready (0: none).</summary>
    public const string JitQuietSecondsKey = "FrontDesk:WarmUp:JitQuietSeconds";

    /// <summary>
    /// Waits (at most <paramref name="seconds"/>) until the runtime has compiled nothing for 200 ms. The framework's precompiled
    /// methods the warm-up ran often are compiled again, optimised, on a background thread just after it (about 1,200 in the
    /// first 3 s on the 2-core bench machine); done while the first visitors wait, that took the first reply after
    /// <c>/readyz</c> past 50 ms (docs/performance.md, eleventh round).
    /// </summary>
    private static async Task<long> JitSettledAsync(int seconds, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        var first = System.Runtime.JitInfo.GetCompiledMethodCount();
        var compiled = first;
        var quiet = 0;
        while (quiet < 2 && waited.Elapsed.TotalSeconds < seconds && !ct.IsCancellationRequested)
        {
            await Task.Delay(100, CancellationToken.None);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            quiet = now == compiled ? quiet + 1 : 0;
            compiled = now;
        }
        return compiled - first;
    }

    /// <summary>The first plain-HTTP address Kestrel will listen on, as a loopback URL; null when there is none.</summary>
    private Uri? LoopbackAddress()
    {
        // Only Kestrel listens on a socket; an in-memory test server may still carry the configured urls.
        if (server.GetType().Namespace?.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal) != true)
        {
            return null;
        }
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        var http = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        if (http is null || !Uri.TryCreate(http.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return null;
        }
        return uri;
    }
}
