using System.Diagnostics;

namespace FrontDesk.Channels.Tests.Hosting;

/// <summary>Runs the real host program (FrontDesk.Channels.dll) as a child process, as <c>dotnet run</c> would.</summary>
internal static class HostProcess
{
    // A bound on waiting for the child host, not a speed check: a host starts and answers in seconds, but start-up and a
    // first turn took over 90 s at a load average of 40 on the shared 2-core machine (three runs failed so, 2026-12-06), and a
    // terminal chat's first answer over 3 minutes at a load average of 60 (CI of 2026-12-07 13:17Z).
    private static readonly TimeSpan WaitBound = TimeSpan.FromMinutes(6);

    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(IEnumerable<string> args, string? stdin = null, TimeSpan? timeout = null)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? WaitBound);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The host did not exit. stdout: {await stdout} stderr: {await stderr}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Starts the host as a server and waits for its "is running: open http://…" banner; returns the process (kill it
    /// when done) and the address it listens on.
    /// </summary>
    public static async Task<(Process Process, Uri Address)> StartServerAsync(IEnumerable<string> args, TimeSpan? timeout = null)
    {
        var process = Start(args);
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? WaitBound);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
            {
                var at = line.IndexOf("is running: open ", StringComparison.Ordinal);
                if (at >= 0)
                {
                    // Keep draining stdout so the child never blocks on a full pipe.
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    return (process, new Uri(line[(at + "is running: open ".Length)..].Trim() + "/"));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // reported below
        }
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(CancellationToken.None);
        var error = await stderr;
        process.Dispose();
        throw new InvalidOperationException($"The host did not start. stderr: {error}");
    }

    private static Process Start(IEnumerable<string> args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FrontDesk.Channels.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        info.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        info.Environment.Remove("ASPNETCORE_URLS");
        return Process.Start(info)!;
    }

    /// <summary>Settings for a fresh SQLite store in <paramref name="dir"/> and the pinned demo clock.</summary>
    public static List<string> StoreArgs(string dir) =>
    [
        $"--FrontDesk:Database:ConnectionString=Data Source={Path.Combine(dir, "spa.db")}",
        $"--FrontDesk:Clock:FixedNow={FrontDesk.TestSupport.SpaBookHarness.DefaultNow:O}",
        "--urls=http://127.0.0.1:0",
    ];
}
