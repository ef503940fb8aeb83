using FrontDesk.Tools.Profile;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FrontDesk.Channels.Hosting;

/// <summary>Tells whoever started the host where to click.</summary>
public static class StartupBanner
{
    /// <summary>Once the server listens, prints "FrontDesk Agent for … is running: open http://…" to the console.</summary>
    public static WebApplication PrintWhereToClick(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
            var first = addresses?.FirstOrDefault();
            if (first is null)
            {
                return; // in-memory test server: nobody to tell
            }
            Console.WriteLine(Describe(app.Services.GetRequiredService<SpaProfile>().Spa.Name, first));
        });
        return app;
    }

    /// <summary>The banner for a listening address; wildcard hosts are shown as localhost.</summary>
    public static string Describe(string spa, string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var url = address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal).TrimEnd('/');
        return $"""

            FrontDesk Agent for {spa} is running: open {url}
              web chat widget: {url}/widget.js   staff console: {url}/staff   health: {url}/readyz
              terminal chat:   dotnet run --project src/Channels -- chat

            """;
    }
}
