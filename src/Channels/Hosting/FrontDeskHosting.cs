using FrontDesk.Agent;
using FrontDesk.Channels.Staff;
using FrontDesk.Channels.Twilio;
using FrontDesk.Tools;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Store;

namespace FrontDesk.Channels.Hosting;

/// <summary>Composition of the host: the spa's book, the agent and the channels.</summary>
public static class FrontDeskHosting
{
    /// <summary>Adds every FrontDesk service to the host.</summary>
    public static WebApplicationBuilder AddFrontDeskChannels(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_HTTP_PORTS"]))
        {
            builder.WebHost.UseUrls("http://localhost:5080");
        }
        var root = builder.Environment.ContentRootPath;
        builder.Services.AddFrontDeskTools(builder.Configuration, root);
        builder.Services.AddFrontDeskAgent(builder.Configuration, root);
        builder.Services.AddFrontDeskTwilio(root);
        builder.Services.AddProblemDetails();
        builder.AddFrontDeskStaff();
        builder.Services.AddSingleton<WarmUpStatus>();
        builder.Services.AddHostedService<StartupWarmUp>();
        return builder;
    }

    /// <summary>
    /// Builds the app; a setting that fails validation while the server itself is being built (the clock, for one, is
    /// resolved by Kestrel) stops start-up with the message naming the key instead of a stack trace. Returns null then.
    /// </summary>
    public static WebApplication? BuildValidated(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        try
        {
            return builder.Build();
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            Console.Error.WriteLine($"Start-up failed: {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// Loads the profile, applies migrations and syncs the store. A broken profile or an unreachable database
    /// stops start-up with a message naming the problem; returns false so the process exits non-zero.
    /// </summary>
    public static async Task<bool> InitializeFrontDeskAsync(this WebApplication app)
    {
        try
        {
            // Every ValidateOnStart option is checked first, so a bad setting stops start-up with its key named.
            app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
            if (MissingPrompts(app) is { } missing)
            {
                await Console.Error.WriteLineAsync($"Start-up failed: {missing}");
                return false;
            }
            var profile = app.Services.GetRequiredService<SpaProfile>();
            await app.Services.InitializeSpaBookAsync(CancellationToken.None);
            app.Services.GetRequiredService<FrontDeskAgent>();
            app.Logger.LogInformation("{Spa} loaded from {Profile} ({Locations} locations, {Services} services)",
                profile.Spa.Name, profile.SourcePath, profile.Locations.Count, profile.Services.Count);
            return true;
        }
        catch (SpaProfileException ex)
        {
            await Console.Error.WriteLineAsync($"Spa profile error: {ex.Message}");
            return false;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException && IsUnder(ex.Message, PromptsFolder(app)))
        {
            await Console.Error.WriteLineAsync($"Start-up failed: {SpaBookOptions.Section}:Prompts: {ex.Message}");
            return false;
        }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException or Microsoft.Extensions.Options.OptionsValidationException or System.Data.Common.DbException or IOException)
        {
            await Console.Error.WriteLineAsync($"Start-up failed: {ex.Message}");
            return false;
        }
    }

    private static string PromptsFolder(WebApplication app) => ToolsServiceCollectionExtensions.ResolvePath(
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SpaBookOptions>>().Value.Prompts, app.Environment.ContentRootPath);

    private static bool IsUnder(string message, string folder) => message.Contains(folder, StringComparison.Ordinal);

    private static string? MissingPrompts(WebApplication app)
    {
        var folder = PromptsFolder(app);
        return Directory.Exists(folder)
            ? null
            : $"{SpaBookOptions.Section}:Prompts: the folder '{folder}' does not exist (it holds the wording, e.g. the repo's prompts/ folder).";
    }

    /// <summary>
    /// Starts listening and runs until shut down. An address that cannot be used (not a URL, a port in use, no
    /// permission) stops start-up with one line naming it instead of a stack trace; returns the exit code.
    /// </summary>
    public static async Task<int> RunFrontDeskAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            // A listening address that is not one fails now, with Kestrel's own parser, rather than after the start-up
            // warm-up (up to a minute on a loaded machine) when Kestrel would bind it.
            foreach (var url in (app.Configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                // A port another process holds fails now too (CI, 2026-12-07: the warm-up took over three minutes at load
                // average 30 before Kestrel found its port taken).
                ThrowIfPortTaken(url, BindingAddress.Parse(url));
            }
            await app.StartAsync();
        }
        catch (Exception ex) when (ex is FormatException or IOException or System.Net.Sockets.SocketException or UriFormatException)
        {
            // Kestrel's bind error names the address ("Failed to bind to address http://…: address already in use.").
            await Console.Error.WriteLineAsync(ex is FormatException or UriFormatException
                ? $"Start-up failed: urls (--urls or ASPNETCORE_URLS) '{app.Configuration["urls"]}' is not an address to listen on; use e.g. --urls=http://localhost:5080."
                : $"Start-up failed: {ex.Message} Choose another address with --urls.");
            await app.DisposeAsync();
            return 1;
        }
        await app.WaitForShutdownAsync();
        await app.DisposeAsync();
        return 0;
    }

    // Binds the address's port for a moment, as Kestrel will (address reuse on, so a port whose old connections are still
    // closing is not taken for one in use), and throws Kestrel's kind of error when another socket listens there. A host
    // name other than localhost, and port 0, are left to Kestrel.
    private static void ThrowIfPortTaken(string url, BindingAddress address)
    {
        if (address.Port == 0 || address.IsUnixPipe)
        {
            return;
        }
        var ip = address.Host is "localhost" ? System.Net.IPAddress.Loopback
            : address.Host is "*" or "+" ? System.Net.IPAddress.Any
            : System.Net.IPAddress.TryParse(address.Host.Trim('[', ']'), out var parsed) ? parsed : null;
        if (ip is null)
        {
            return;
        }
        using var probe = new System.Net.Sockets.Socket(ip.AddressFamily, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        probe.SetSocketOption(System.Net.Sockets.SocketOptionLevel.Socket, System.Net.Sockets.SocketOptionName.ReuseAddress, true);
        try
        {
            probe.Bind(new System.Net.IPEndPoint(ip, address.Port));
            probe.Listen(1);
        }
        catch (System.Net.Sockets.SocketException ex) when (ex.SocketErrorCode == System.Net.Sockets.SocketError.AddressAlreadyInUse)
        {
            throw new IOException($"Failed to bind to address {url}: address already in use.", ex);
        }
    }

    /// <summary>
    /// Maps /healthz (process up) and /readyz (warmed up, database reachable, profile loaded; the body says how long the
    /// start-up warm-up took).
    /// </summary>
    public static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" }));
        app.MapGet("/readyz", async Task<IResult> (SpaDatabase db, SpaProfile profile, WarmUpStatus warmUp, CancellationToken ct) =>
        {
            if (!warmUp.Done)
            {
                return TypedResults.Problem("Warming up.", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            try
            {
                await using var c = await db.OpenAsync(ct);
                await using var cmd = c.CreateCommand();
                cmd.CommandText = "SELECT 1";
                await cmd.ExecuteScalarAsync(ct);
                // SQLite: the sleeps of its busy handler so far, and their time (the load bench's busy sleeps per turn).
                if (db.BusyWaits is { } busy)
                {
                    return TypedResults.Ok(new { status = "ready", spa = profile.Spa.Name, database = db.Provider.ToString(), warmUpMs = warmUp.ElapsedMs, busySleeps = busy.Sleeps, busySleptMs = Math.Round(busy.SleptMs, 1) });
                }
                return TypedResults.Ok(new { status = "ready", spa = profile.Spa.Name, database = db.Provider.ToString(), warmUpMs = warmUp.ElapsedMs });
            }
            catch (System.Data.Common.DbException)
            {
                return TypedResults.Problem("The database is not reachable.", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
    }
}
