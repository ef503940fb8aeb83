using System.Diagnostics;

namespace FrontDesk.Channels.Tests.Hosting;

/// <summary>Runs the real host program (FrontDesk.Channels.dll) as a child process, as <c>dotnet run</c> would.</summary>
internal static class HostProcess
{
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(IEnumerable<string> args, string? stdin = null, TimeSpan? timeout = null)
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
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(90));
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

    /// <summary>Settings for a fresh SQLite store in <paramref name="dir"/> and the pinned demo clock.</summary>
    public static List<string> StoreArgs(string dir) =>
    [
        $"--FrontDesk:Database:ConnectionString=Data Source={Path.Combine(dir, "spa.db")}",
        $"--FrontDesk:Clock:FixedNow={FrontDesk.TestSupport.SpaBookHarness.DefaultNow:O}",
        "--urls=http://127.0.0.1:0",
    ];
}
