using FrontDesk.Channels.BotFramework;
using FrontDesk.Channels.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.Tests.BotFramework;

public sealed class BotFrameworkRegistrationTests
{
    [Fact]
    public void Settings_bind_from_the_section_with_protocol_defaults()
    {
        using var services = Build(new()
        {
            ["FrontDesk:BotFramework:AppId"] = "app",
            ["FrontDesk:BotFramework:AppPassword"] = "secret",
        });

        var options = services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;

        Assert.Equal("app", options.AppId);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.OpenIdMetadataUrl);
        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", options.EffectiveTokenEndpoint);
        Assert.Equal("https://api.botframework.com", options.Issuer);
        Assert.Equal("https://api.botframework.com/.default", options.Scope);
        Assert.NotNull(services.GetRequiredService<BotTokenValidator>());
        Assert.NotNull(services.GetRequiredService<BotConnectorClient>());
        Assert.NotNull(services.GetRequiredService<TeamsWebhookClient>());
        Assert.Same(services.GetRequiredService<WebhookRateLimiter>(), services.GetRequiredService<WebhookRateLimiter>());
    }

    [Fact]
    public void A_single_tenant_bot_gets_tokens_from_its_tenant()
    {
        var options = new BotFrameworkOptions { TenantId = "contoso.onmicrosoft.com" };

        Assert.Equal("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token", options.EffectiveTokenEndpoint);
    }

    [Fact]
    public void A_missing_app_id_is_reported_by_name()
    {
        using var services = Build(new() { ["FrontDesk:BotFramework:AppPassword"] = "secret" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value);

        Assert.Contains("AppId", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddBotFramework()
            .AddTeamsEscalations()
            .BuildServiceProvider();
    }
}
