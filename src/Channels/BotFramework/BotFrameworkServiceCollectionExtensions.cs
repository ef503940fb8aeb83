using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.BotFramework;

/// <summary>Registers the Bot Framework protocol pieces.</summary>
public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="BotFrameworkOptions"/> (a missing app id or password stops
    /// start-up) and registers <see cref="BotTokenValidator"/> and <see cref="BotConnectorClient"/>
    /// as singletons, each with its own long-lived <see cref="HttpClient"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddBotFramework(this IServiceCollection services)
    {
        services.AddOptions<BotFrameworkOptions>()
            .BindConfiguration(BotFrameworkOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new BotTokenValidator(
            CreateHttpClient(),
            sp.GetRequiredService<IOptions<BotFrameworkOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<BotTokenValidator>>() ?? NullLogger<BotTokenValidator>.Instance));
        services.TryAddSingleton(sp => new BotConnectorClient(
            CreateHttpClient(),
            sp.GetRequiredService<IOptions<BotFrameworkOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<BotConnectorClient>>() ?? NullLogger<BotConnectorClient>.Instance));
        return services;
    }

    // A singleton client must still notice DNS changes: recycle pooled connections.
    private static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
}
