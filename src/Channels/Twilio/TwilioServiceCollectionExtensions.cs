using FrontDesk.Channels.Twilio.Outbound;
using FrontDesk.Tools;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Text;
using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.Twilio;

/// <summary>Registers and maps the phone and SMS channel.</summary>
public static class TwilioServiceCollectionExtensions
{
    /// <summary>
    /// Adds Twilio settings, the channel's tables, the voice and SMS handling, the outbox sender and the
    /// outbound schedule (reminders, waitlist expiry). Call after the tools and the agent.
    /// </summary>
    /// <param name="services">Services.</param>
    /// <param name="contentRoot">Content root (for prompts/twilio.yaml).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddFrontDeskTwilio(this IServiceCollection services, string contentRoot)
    {
        services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<VoiceOptions>().BindConfiguration(VoiceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(OutboxSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton(new SchemaMigrationSet(TwilioSchema.Migrations));
        services.AddSingleton(sp => new TwilioPrompts(TextTemplates.Load(Path.Combine(
            ToolsServiceCollectionExtensions.ResolvePath(sp.GetRequiredService<IOptions<SpaBookOptions>>().Value.Prompts, contentRoot), "twilio.yaml")))
        {
            Languages = LocalizedTemplates.Load(ToolsServiceCollectionExtensions.ResolvePath(sp.GetRequiredService<IOptions<SpaBookOptions>>().Value.Prompts, contentRoot),
                "twilio.yaml", sp.GetRequiredService<SpaProfile>().Spa.Languages),
        });
        services.AddSingleton<SmsOptOuts>();
        services.AddSingleton<CallLog>();
        services.AddSingleton<TextBack>();
        services.AddSingleton<TwilioChannel>();
        services.AddSingleton(sp => new SmsWording(LocalizedTemplates.Load(
            ToolsServiceCollectionExtensions.ResolvePath(sp.GetRequiredService<IOptions<SpaBookOptions>>().Value.Prompts, contentRoot), "messages.yaml",
            sp.GetRequiredService<SpaProfile>().Spa.Languages)));
        services.AddSingleton<SmsConversations>();
        services.AddSingleton<ConversationRelaySessions>();
        services.AddSingleton<OutboxDelivery>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddSingleton<OutboundSchedule>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboundSchedule>());
        return services;
    }

    /// <summary>
    /// Maps every Twilio webhook under <c>/twilio</c>, each requiring a valid <c>X-Twilio-Signature</c>
    /// (403 otherwise), and the ConversationRelay WebSocket at <c>/twilio/relay</c>.
    /// </summary>
    /// <param name="app">The app.</param>
    public static void MapTwilioEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWebSockets();
        app.MapConversationRelay();
        var twilio = app.MapGroup("/twilio").RequireTwilioSignature().DisableAntiforgery();
        twilio.MapTwilioVoiceEndpoints();
        twilio.MapTwilioSmsEndpoints();
    }
}
