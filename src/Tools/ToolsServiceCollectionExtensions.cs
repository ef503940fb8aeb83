using System.Globalization;
using FrontDesk.Tools.Availability;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Faq;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Semantic;
using FrontDesk.Tools.Store;
using FrontDesk.Tools.Text;
using FrontDesk.Tools.Verification;
using FrontDesk.Tools.Waitlist;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FrontDesk.Tools;

/// <summary>Configuration section <c>FrontDesk</c> (top-level settings of the spa's book).</summary>
public sealed class SpaBookOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "FrontDesk";

    /// <summary>Path of the spa profile YAML; the demo profile by default.</summary>
    public string Profile { get; set; } = "profiles/demo.yaml";

    /// <summary>Folder of editable wording (prompts/).</summary>
    public string Prompts { get; set; } = "prompts";
}

/// <summary>Registers the spa's book.</summary>
public static class ToolsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the profile, store, clock, availability, booking, waitlist, FAQ, outbox and the tool factory.
    /// The profile is loaded (and validated) when first resolved; call <see cref="InitializeSpaBookAsync"/> at start-up.
    /// </summary>
    public static IServiceCollection AddFrontDeskTools(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<SpaBookOptions>().Bind(configuration.GetSection(SpaBookOptions.Section));
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations()
            .Validate(IsParsableConnectionString, $"{DatabaseOptions.Section}:ConnectionString is not a connection string (for SQLite e.g. 'Data Source=data/frontdesk.db', for PostgreSQL e.g. 'Host=db;Database=frontdesk;Username=frontdesk;Password=…').")
            .ValidateOnStart();
        services.AddOptions<ClockOptions>().Bind(configuration.GetSection(ClockOptions.Section))
            .Validate(o => string.IsNullOrWhiteSpace(o.FixedNow) || DateTimeOffset.TryParse(o.FixedNow, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
                $"{ClockOptions.Section}:FixedNow must be an ISO-8601 instant such as 2026-11-23T17:00:00Z.")
            .ValidateOnStart();
        services.AddOptions<OutboxPolicy>().Bind(configuration.GetSection(OutboxPolicy.Section));
        services.AddOptions<VerificationPolicy>().Bind(configuration.GetSection(VerificationPolicy.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<TimeProvider>(sp =>
        {
            var fixedNow = sp.GetRequiredService<IOptions<ClockOptions>>().Value.FixedNow;
            return string.IsNullOrWhiteSpace(fixedNow)
                ? TimeProvider.System
                : new PinnedTimeProvider(DateTimeOffset.Parse(fixedNow, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime());
        });
        services.AddSingleton(sp => SpaProfileLoader.Load(ResolvePath(sp.GetRequiredService<IOptions<SpaBookOptions>>().Value.Profile, contentRoot)));
        services.AddSingleton(sp => SpaDatabase.FromOptions(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, contentRoot));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<OutboxPolicy>>().Value);
        services.AddSingleton(sp => TextTemplates.Load(Path.Combine(ResolvePath(sp.GetRequiredService<IOptions<SpaBookOptions>>().Value.Prompts, contentRoot), "messages.yaml")));
        services.AddSingleton(sp => new MessageTemplates(LocalizedTemplates.Load(ResolvePath(sp.GetRequiredService<IOptions<SpaBookOptions>>().Value.Prompts, contentRoot),
            "messages.yaml", sp.GetRequiredService<SpaProfile>().Spa.Languages)));
        services.AddSingleton<FaultPoints>();
        services.AddSingleton<AppointmentBook>();
        services.AddSingleton<AvailabilityFinder>();
        services.AddSingleton<ClientDirectory>();
        services.AddSingleton<TextOptOuts>();
        services.AddSingleton<WaitlistBook>();
        services.AddOptions<SemanticOptions>().Bind(configuration.GetSection(SemanticOptions.Section));
        if ((configuration.GetSection(SemanticOptions.Section).Get<SemanticOptions>() ?? new SemanticOptions()).Enabled)
        {
            // One model per process, shared by every host and profile; the container does not own (or dispose) it.
            services.AddSingleton(SentenceEmbedder.Shared);
            services.AddSingleton<SemanticFaq>();
            services.AddSingleton<SemanticServices>();
            services.AddSingleton<IWarmUp, SemanticWarmUp>();
        }
        services.AddSingleton<FaqIndex>();
        services.AddSingleton<OutboxWriter>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<VerificationPolicy>>().Value);
        services.AddSingleton<VerificationLimits>();
        services.AddSingleton<ToolArguments>();
        services.AddSingleton<ClientIdentity>();
        services.AddSingleton<AppointmentWording>();
        services.AddSingleton<AvailabilityPlugin>();
        services.AddSingleton<BookingPlugin>();
        services.AddSingleton<ClientsPlugin>();
        services.AddSingleton<WaitlistPlugin>();
        services.AddSingleton<FaqPlugin>();
        services.AddSingleton<VerificationPlugin>();
        services.AddSingleton<SpaToolsFactory>();
        services.AddSingleton<IWarmUp, SpaBookWarmUp>();
        services.AddSingleton<SchemaMigrationSet>(new SchemaMigrationSet(ToolsSchema.Migrations));
        return services;
    }

    /// <summary>Applies every registered migration and syncs the profile into the store.</summary>
    public static async Task InitializeSpaBookAsync(this IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<SpaDatabase>();
        var clock = services.GetRequiredService<TimeProvider>();
        var profile = services.GetRequiredService<SpaProfile>();
        await SchemaMigrator.ApplyAsync(db, services.GetServices<SchemaMigrationSet>().SelectMany(s => s.Migrations), clock, ct);
        await ProfileSync.SyncAsync(db, profile, clock, ct);
    }

    // The connection string itself is never echoed: it may hold a password.
    private static bool IsParsableConnectionString(DatabaseOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return true;
        }
        try
        {
            _ = options.Provider == DatabaseProvider.Postgres
                ? new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString).ToString()
                : new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString).ToString();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// Resolves a configured path: absolute, or relative to the working directory, the content root,
    /// or the application folder (where the repo's profiles/ and prompts/ are copied), first that exists.
    /// </summary>
    public static string ResolvePath(string path, string contentRoot)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }
        foreach (var root in new[] { Directory.GetCurrentDirectory(), contentRoot, AppContext.BaseDirectory })
        {
            var candidate = Path.GetFullPath(Path.Combine(root, path));
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return Path.GetFullPath(path);
    }
}

/// <summary>A group of migrations contributed by one project.</summary>
/// <param name="Migrations">The migrations.</param>
public sealed record SchemaMigrationSet(IReadOnlyList<SchemaMigration> Migrations);
