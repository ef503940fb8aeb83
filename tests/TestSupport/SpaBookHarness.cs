using System.Text.Json;
using FrontDesk.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.TestSupport;

/// <summary>Which real store a test runs on.</summary>
public enum TestStore
{
    /// <summary>A fresh SQLite file in a temp folder.</summary>
    Sqlite,
    /// <summary>A fresh database in the throwaway PostgreSQL cluster.</summary>
    Postgres,
}

/// <summary>Test files that ship with the repo.</summary>
public static class TestFiles
{
    /// <summary>The demo profile.</summary>
    public static string DemoProfile => Path.Combine(AppContext.BaseDirectory, "profiles", "demo.yaml");
    /// <summary>The second, unrelated test profile (other services, staff and time zone).</summary>
    public static string HarborProfile => Path.Combine(AppContext.BaseDirectory, "test-profiles", "harbor-nails.yaml");
    /// <summary>The prompts folder.</summary>
    public static string Prompts => Path.Combine(AppContext.BaseDirectory, "prompts");
}

/// <summary>The spa's book wired exactly as the host wires it, on a real store, with a test clock.</summary>
public sealed class SpaBookHarness : IAsyncDisposable
{
    private readonly string? _tempDir;
    private readonly bool _ownsStore;

    private SpaBookHarness(ServiceProvider services, TestClock clock, string? tempDir, Dictionary<string, string?> settings, bool ownsStore)
    {
        _ownsStore = ownsStore;
        Services = services;
        Clock = clock;
        _tempDir = tempDir;
        Settings = settings;
    }

    /// <summary>The container.</summary>
    public ServiceProvider Services { get; }
    /// <summary>The clock every service uses.</summary>
    public TestClock Clock { get; }
    /// <summary>The configuration used (database settings included), to start a second instance on the same store.</summary>
    public Dictionary<string, string?> Settings { get; }

    /// <summary>Resolves a service.</summary>
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Database settings for a fresh store of the given kind (and the temp folder to delete, for SQLite).</summary>
    public static (Dictionary<string, string?> Settings, string? TempDir) FreshStore(TestStore store)
    {
        if (store == TestStore.Postgres)
        {
            return (new() { ["FrontDesk:Database:Provider"] = "Postgres", ["FrontDesk:Database:ConnectionString"] = TestPostgres.CreateDatabase() }, null);
        }
        var dir = Path.Combine(Path.GetTempPath(), "frontdesk-test-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        return (new() { ["FrontDesk:Database:Provider"] = "Sqlite", ["FrontDesk:Database:ConnectionString"] = $"Data Source={Path.Combine(dir, "spa.db")}" }, dir);
    }

    /// <summary>Starts the book on a fresh store with the given profile and clock.</summary>
    public static async Task<SpaBookHarness> StartAsync(
        TestStore store, string? profile = null, DateTimeOffset? now = null, Dictionary<string, string?>? extra = null,
        Action<IServiceCollection, IConfiguration>? register = null)
    {
        var (settings, temp) = FreshStore(store);
        settings["FrontDesk:Profile"] = profile ?? TestFiles.DemoProfile;
        settings["FrontDesk:Prompts"] = TestFiles.Prompts;
        foreach (var (k, v) in extra ?? [])
        {
            settings[k] = v;
        }
        return await StartOnAsync(settings, now ?? DefaultNow, register, temp, ownsStore: true);
    }

    /// <summary>Starts another instance on the same settings (same store), as a second app instance would.</summary>
    public static async Task<SpaBookHarness> StartOnAsync(Dictionary<string, string?> settings, DateTimeOffset now,
        Action<IServiceCollection, IConfiguration>? register = null, string? tempDir = null, bool ownsStore = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddFrontDeskTools(configuration, AppContext.BaseDirectory);
        var clock = new TestClock(now);
        services.AddSingleton<TimeProvider>(clock);
        register?.Invoke(services, configuration);
        var provider = services.BuildServiceProvider();
        await provider.InitializeSpaBookAsync(CancellationToken.None);
        return new SpaBookHarness(provider, clock, tempDir, settings, ownsStore);
    }

    /// <summary>Calls one tool the way the agent's loop does: through its AIFunction, for <paramref name="scope"/>.</summary>
    public async Task<JsonElement> CallToolAsync(ConversationScope scope, string tool, params (string Name, object? Value)[] args)
    {
        var function = Get<SpaToolsFactory>().Create(scope).AsAIFunctions().OfType<AIFunction>().Single(f => f.Name == tool);
        var arguments = new AIFunctionArguments();
        foreach (var (name, value) in args)
        {
            arguments[name] = value;
        }
        var result = await function.InvokeAsync(arguments);
        return result is JsonElement e ? e : JsonSerializer.SerializeToElement(result);
    }

    /// <summary>Monday 2026-11-23, 08:00 in Los Angeles.</summary>
    public static DateTimeOffset DefaultNow { get; } = new(2026, 11, 23, 16, 0, 0, TimeSpan.Zero);

    /// <summary>A scope for a conversation on a channel, optionally with a caller ID the channel vouches for.</summary>
    public static ConversationScope Scope(string channel = "test", string? verifiedPhone = null) =>
        new() { ConversationId = "conv_" + Guid.NewGuid().ToString("N")[..12], Channel = channel, VerifiedPhone = verifiedPhone };

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsStore)
        {
            ReleaseStore(Settings, _tempDir);
        }
    }

    /// <summary>Gives back a store made by <see cref="FreshStore"/>: drops the PostgreSQL database, deletes the SQLite folder.</summary>
    public static void ReleaseStore(IReadOnlyDictionary<string, string?> settings, string? tempDir)
    {
        if (settings.TryGetValue("FrontDesk:Database:Provider", out var provider) && provider == "Postgres"
            && settings.TryGetValue("FrontDesk:Database:ConnectionString", out var connectionString) && connectionString is not null)
        {
            TestPostgres.DropDatabase(connectionString);
        }
        if (tempDir is not null)
        {
            try
            {
                Directory.Delete(tempDir, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a pooled connection of another test; the folder is in /tmp.
            }
        }
    }
}
