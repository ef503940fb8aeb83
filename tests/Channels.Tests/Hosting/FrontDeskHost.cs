using System.Net.Http.Json;
using FrontDesk.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FrontDesk.Channels.Tests.Hosting;

/// <summary>
/// The real host (Program) on a real store with a pinned clock: in memory through <see cref="WebApplicationFactory{T}"/>,
/// or on a real Kestrel port on 127.0.0.1 (<see cref="StartKestrel"/>) for browsers, WebSockets and load.
/// </summary>
public sealed class FrontDeskHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string? _tempDir;
    private readonly Action<IServiceCollection>? _services;

    private readonly Dictionary<string, string?> _freshStore;

    private FrontDeskHost(Dictionary<string, string?> settings, Dictionary<string, string?> freshStore, string? tempDir, Action<IServiceCollection>? services)
    {
        _settings = settings;
        _freshStore = freshStore;
        _tempDir = tempDir;
        _services = services;
    }

    /// <summary>The configuration the host was started with (database settings included).</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    /// <summary>
    /// A host on a fresh store of the given kind, the clock pinned at <paramref name="now"/>
    /// (<see cref="SpaBookHarness.DefaultNow"/> by default, a Monday morning in the demo spa's zone), plus any
    /// extra configuration (later keys win) and service overrides (registered after the host's own).
    /// </summary>
    public static FrontDeskHost Create(
        TestStore store = TestStore.Sqlite,
        DateTimeOffset? now = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var (storeSettings, tempDir) = SpaBookHarness.FreshStore(store);
        // The store made here is the one given back at the end, even when the settings below point the host at
        // another host's database (a second instance on the same store must not drop the first one's).
        var freshStore = new Dictionary<string, string?>(storeSettings);
        storeSettings["FrontDesk:Clock:FixedNow"] = (now ?? SpaBookHarness.DefaultNow).ToString("O");
        // Ready as soon as the warm-up ran: the test runner compiles all along, so its JIT never goes quiet.
        storeSettings[FrontDesk.Channels.Hosting.StartupWarmUp.JitQuietSecondsKey] = "0";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            storeSettings[key] = value;
        }
        return new FrontDeskHost(storeSettings, freshStore, tempDir, services);
    }

    /// <summary>Starts the host on a real Kestrel port and returns its base address (http://127.0.0.1:PORT/).</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var address = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        var baseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        WaitUntilReady(baseAddress);
        return baseAddress;
    }

    // Once listening, the host warms its web chat endpoint with one turn to itself and removes that conversation;
    // tests start after /readyz says ready, as a load balancer would send traffic, so they never see the warm-up's turns.
    private static void WaitUntilReady(Uri baseAddress)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = client.GetAsync(new Uri("/readyz", UriKind.Relative)).GetAwaiter().GetResult();
            if (response.IsSuccessStatusCode)
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The host at {baseAddress} did not say ready within 60 s (last /readyz: {(int)response.StatusCode}).");
            }
            Thread.Sleep(50);
        }
    }

    /// <summary>Resolves a service of the running host.</summary>
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Posts one web chat turn and returns the parsed answer.</summary>
    public async Task<WebChatAnswer> ChatAsync(HttpClient client, string text, string? sessionId = null)
    {
        using var response = await client.PostAsJsonAsync("/api/chat", new { sessionId, text });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<WebChatAnswer>())!;
    }

    /// <inheritdoc/>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.ClearProviders());
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        SpaBookHarness.ReleaseStore(_freshStore, _tempDir);
        GC.SuppressFinalize(this);
    }
}

/// <summary>The web chat answer as a test reads it.</summary>
/// <param name="SessionId">Session id.</param>
/// <param name="Reply">Reply text.</param>
/// <param name="Escalation">Escalation raised, if any.</param>
public sealed record WebChatAnswer(string SessionId, string Reply, WebChatEscalation? Escalation);

/// <summary>An escalation in a web chat answer.</summary>
/// <param name="Id">Id.</param>
/// <param name="Category">Category.</param>
/// <param name="Urgency">Urgency.</param>
public sealed record WebChatEscalation(string Id, string Category, string Urgency);
