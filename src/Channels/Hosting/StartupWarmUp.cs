using System.Diagnostics;
using FrontDesk.Tools;

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
/// the connection pool or loading indexes. A failing warm-up is logged and start-up goes on: warming is an
/// optimisation, and <c>/readyz</c> still checks the database itself.
/// </summary>
public sealed class StartupWarmUp(IEnumerable<IWarmUp> warmUps, WarmUpStatus status, ILogger<StartupWarmUp> logger) : IHostedService
{
    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
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
        status.Finish(total.ElapsedMilliseconds);
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
