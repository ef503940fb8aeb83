extern alias channels;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FrontDesk.Bench;

/// <summary>
/// The real host in this process on a Kestrel port on loopback (as the Channels tests start it), in Production, with
/// the given settings. Logging is off unless <paramref name="logErrors"/>: the fuzz run wants a 5xx's exception on the console.
/// </summary>
internal sealed class BenchHost(Dictionary<string, string?> settings, bool logErrors = false) : WebApplicationFactory<channels::Program>
{
    /// <summary>Starts the host and returns its base address (http://127.0.0.1:PORT/).</summary>
    public Uri Start()
    {
        // Outside a test project there is no .deps.json hint: the host's files are beside the bench.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_FRONTDESK_CHANNELS", AppContext.BaseDirectory);
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <inheritdoc/>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            if (logErrors)
            {
                logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Error);
            }
        });
    }
}
