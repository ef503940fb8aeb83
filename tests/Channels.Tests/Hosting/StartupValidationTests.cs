using System.Net.Http.Json;

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
    [InlineData("--FrontDesk:BotFramework:AppId=11111111-2222-3333-4444-555555555555 --FrontDesk:BotFramework:AppPassword=x --FrontDesk:BotFramework:OpenIdMetadataUrl=not-a-url", "FrontDesk:BotFramework:OpenIdMetadataUrl must be an absolute")]
    [InlineData("--FrontDesk:BotFramework:AppId=11111111-2222-3333-4444-555555555555 --FrontDesk:BotFramework:AppPassword=x --FrontDesk:BotFramework:TokenEndpoint=/token", "FrontDesk:BotFramework:TokenEndpoint must be an absolute")]
    [InlineData("--FrontDesk:Verification:CodesPerPhonePerHour=0", "FrontDesk:Verification:CodesPerPhonePerHour")]
    public async Task A_bad_setting_stops_start_up_naming_the_key(string setting, string key)
    {
        var args = HostProcess.StoreArgs(_dir);
        args.RemoveAll(a => a.StartsWith("--FrontDesk:Clock", StringComparison.Ordinal) && setting.StartsWith("--FrontDesk:Clock", StringComparison.Ordinal));
        args.AddRange(setting.Split(' '));
        var (exitCode, stdout, stderr) = await HostProcess.RunAsync(args);
        Assert.Equal(1, exitCode);
        Assert.Contains(key, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("is running", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal); // a message, not a stack trace
    }

    [Theory]
    [InlineData("--urls=notaurl", "'notaurl' is not an address")]
    [InlineData("--FrontDesk:Database:ConnectionString=garbage", "FrontDesk:Database:ConnectionString")]
    [InlineData("--FrontDesk:Prompts=/nope", "FrontDesk:Prompts: the folder '/nope' does not exist")]
    [InlineData("--FrontDesk:Prompts=/tmp", "FrontDesk:Prompts: Could not find file '/tmp/")]
    [InlineData("--profile", "--profile needs a PATH")]
    [InlineData("--profile=", "--profile needs a PATH")]
    [InlineData("--profile /nope/missing-spa.yaml", "missing-spa.yaml")]
    public async Task A_bad_address_store_or_path_stops_start_up_with_one_line_naming_it(string setting, string expected)
    {
        var args = HostProcess.StoreArgs(_dir);
        var replaced = setting.Split(' ');
        args.RemoveAll(a => a.Split('=')[0] == replaced[0].Split('=')[0]);
        args.AddRange(replaced);
        var (exitCode, stdout, stderr) = await HostProcess.RunAsync(args);
        Assert.True(exitCode == 1, $"exit {exitCode}: {stderr}");
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("is running", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_stops_start_up_with_one_line_naming_the_address()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var args = HostProcess.StoreArgs(_dir);
        args.RemoveAll(a => a.StartsWith("--urls", StringComparison.Ordinal));
        args.Add($"--urls=http://127.0.0.1:{port}");

        var (exitCode, stdout, stderr) = await HostProcess.RunAsync(args);

        Assert.True(exitCode == 1, $"exit {exitCode}: {stderr}");
        Assert.Contains($"127.0.0.1:{port}", stderr, StringComparison.Ordinal);
        Assert.Contains("--urls", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("is running", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_profile_option_serves_that_spa()
    {
        var args = HostProcess.StoreArgs(_dir);
        args.AddRange(["--profile", FrontDesk.TestSupport.TestFiles.HarborProfile]);
        var (process, address) = await HostProcess.StartServerAsync(args);
        using (process)
        {
            try
            {
                using var client = new HttpClient { BaseAddress = address };
                var config = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/chat/config");
                Assert.Equal("Harbor Nail & Brow Studio", config.GetProperty("spa").GetString());
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
