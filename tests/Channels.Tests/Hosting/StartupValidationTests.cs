namespace FrontDesk.Channels.Tests.Hosting;

/// <summary>A bad setting stops the real process at start-up with the key named, before anything listens.</summary>
public sealed class StartupValidationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("frontdesk-startup-").FullName;

    [Theory]
    [InlineData("--FrontDesk:Web:SessionIdleMinutes=0", "FrontDesk:Web:SessionIdleMinutes")]
    [InlineData("--FrontDesk:Web:PerSessionPerMinute=lots", "FrontDesk:Web:PerSessionPerMinute")]
    [InlineData("--FrontDesk:Web:AllowedOrigins:0=https://spa.example/book", "FrontDesk:Web:AllowedOrigins:0")]
    [InlineData("--FrontDesk:Telemetry:OtlpEndpoint=collector:4317", "FrontDesk:Telemetry:OtlpEndpoint")]
    [InlineData("--FrontDesk:Telemetry:OtlpProtocol=carrier-pigeon", "FrontDesk:Telemetry:OtlpProtocol")]
    [InlineData("--FrontDesk:Clock:FixedNow=yesterday", "FrontDesk:Clock:FixedNow")]
    [InlineData("--FrontDesk:BotFramework:AppId=11111111-2222-3333-4444-555555555555", "FrontDesk:BotFramework:AppPassword")]
    [InlineData("--FrontDesk:Teams:WebhookUrl=https://prod-00.westus.logic.azure.com/workflows/a", "FrontDesk:PublicBaseUrl is required when FrontDesk:Teams:WebhookUrl is set")]
    [InlineData("--FrontDesk:Slack:WebhookUrl=https://hooks.slack.com/services/T0/B0/x", "FrontDesk:PublicBaseUrl is required when FrontDesk:Slack:WebhookUrl is set")]
    public async Task A_bad_setting_stops_start_up_naming_the_key(string setting, string key)
    {
        var args = HostProcess.StoreArgs(_dir);
        args.RemoveAll(a => a.StartsWith("--FrontDesk:Clock", StringComparison.Ordinal) && setting.StartsWith("--FrontDesk:Clock", StringComparison.Ordinal));
        args.Add(setting);
        var (exitCode, stdout, stderr) = await HostProcess.RunAsync(args);
        Assert.Equal(1, exitCode);
        Assert.Contains(key, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("is running", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal); // a message, not a stack trace
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
