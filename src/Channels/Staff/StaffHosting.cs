using FrontDesk.Channels.Teams;
using FrontDesk.Tools;
using FrontDesk.Tools.Text;
using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.Staff;

/// <summary>Composition of the staff side: accounts, authentication, escalation notifications, the staff API and console.</summary>
internal static class StaffHosting
{
    /// <summary>Adds staff accounts and roles, the notification dispatcher, and the staff API and console services.</summary>
    public static WebApplicationBuilder AddFrontDeskStaff(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.TeamsSection)
            .Configure<IConfiguration>((o, config) => o.SlackWebhookUrl ??= config["FrontDesk:Slack:WebhookUrl"])
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationLinksValidation>();
        services.AddSingleton(new FrontDesk.Tools.SchemaMigrationSet(StaffSchema.Migrations));
        services.AddSingleton<StaffAccounts>();
        services.AddSingleton<StaffDesk>();
        services.AddSingleton<StaffQueries>();
        services.AddSingleton<StaffMetrics>();
        services.AddSingleton<StaffPrompts>();
        services.AddSingleton<StaffOptOuts>();
        services.AddSingleton(sp => new StaffTemplates(TextTemplates.Load(Path.Combine(
            ToolsServiceCollectionExtensions.ResolvePath(sp.GetRequiredService<IOptions<SpaBookOptions>>().Value.Prompts, builder.Environment.ContentRootPath), "staff.yaml"))));
        services.AddTeamsEscalations();
        services.AddSingleton<EscalationNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<EscalationNotifier>());
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "FrontDesk.Staff.Antiforgery";
            o.Cookie.Path = "/staff";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__csrf";
        });
        var staff = builder.Configuration.GetSection(StaffOptions.Section).Get<StaffOptions>() ?? new StaffOptions();
        services.AddStaffAuthentication(staff);
        return builder;
    }

    /// <summary>
    /// Runs a staff command-line command (<c>create-admin</c>, <c>create-staff</c>) when one was given: returns its exit
    /// code, or null to go on serving.
    /// </summary>
    public static Task<int?> RunStaffCommandAsync(this WebApplication app, string[] args) =>
        StaffCommands.RunAsync(app.Services, args, Console.Out, Console.Error, CancellationToken.None);

    /// <summary>Maps the staff API (/api/staff) and the console (/staff).</summary>
    public static void MapFrontDeskStaff(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapStaffApiEndpoints();
        app.MapStaffConsoleEndpoints();
    }
}
