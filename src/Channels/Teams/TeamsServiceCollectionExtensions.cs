using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;

namespace FrontDesk.Channels.Teams;

/// <summary>Registers the escalation webhook pieces.</summary>
public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TeamsWebhookClient"/> (with its own long-lived <see cref="HttpClient"/>,
    /// 30 s per attempt) and <see cref="WebhookRateLimiter"/> as singletons.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddTeamsEscalations(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Pacing runs on the real clock: a pinned demo clock must not freeze it.
        services.TryAddSingleton(_ => new WebhookRateLimiter(TimeProvider.System));
        services.TryAddSingleton(sp => new TeamsWebhookClient(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15) })
            {
                Timeout = TimeSpan.FromSeconds(30),
            },
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<TeamsWebhookClient>>() ?? NullLogger<TeamsWebhookClient>.Instance));
        return services;
    }
}
