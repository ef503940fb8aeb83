using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.Staff;

/// <summary>Authentication schemes and authorization policies of the staff side.</summary>
internal static class StaffAuth
{
    public const string ApiKeyScheme = "StaffApiKey";
    public const string CookieScheme = "StaffConsole";

    // Policies exist once per surface so the API never accepts the console cookie (no cross-site requests on the API)
    // and the console never accepts a key.
    public const string ApiStaff = "api:staff";
    public const string ApiMedical = "api:medical";
    public const string ApiManager = "api:manager";
    public const string ApiAdmin = "api:admin";
    public const string ConsoleStaff = "console:staff";
    public const string ConsoleMedical = "console:medical";
    public const string ConsoleManager = "console:manager";
    public const string ConsoleAdmin = "console:admin";

    public static ClaimsPrincipal Principal(string id, string email, string name, string role, string scheme) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, id),
                new Claim(ClaimTypes.Email, email),
                new Claim(ClaimTypes.Name, name),
                new Claim(ClaimTypes.Role, role),
            ], scheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>The staff member's login, for the audit log.</summary>
    public static string Login(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "unknown";

    public static string Role(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role) ?? "";

    public static bool SeesMedical(this ClaimsPrincipal user) => StaffRole.Medical.Contains(user.Role(), StringComparer.Ordinal);

    public static bool IsManager(this ClaimsPrincipal user) => StaffRole.Managers.Contains(user.Role(), StringComparer.Ordinal);

    public static FrontDesk.Tools.Audit.Actor Actor(this ClaimsPrincipal user) => new("staff", user.Login());

    public static void AddStaffAuthentication(this IServiceCollection services, StaffOptions options)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyScheme, null)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "FrontDesk.Staff";
                o.Cookie.HttpOnly = true;
                // SECURITY: Strict keeps the console cookie off every cross-site request (forms are also anti-forgery checked).
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Cookie.Path = "/staff";
                o.LoginPath = "/staff/login";
                o.LogoutPath = "/staff/logout";
                o.AccessDeniedPath = "/staff/denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(options.SessionHours);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = async context =>
                {
                    // A deactivated account or a changed role ends the session at the next request.
                    var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
                    var accounts = context.HttpContext.RequestServices.GetRequiredService<StaffAccounts>();
                    var account = id is null ? null : await accounts.GetAsync(id, context.HttpContext.RequestAborted);
                    if (account is not { Active: true } || account.Role != context.Principal!.Role())
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieScheme);
                    }
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiStaff, p => p.AddAuthenticationSchemes(ApiKeyScheme).RequireRole(StaffRole.All))
            .AddPolicy(ApiMedical, p => p.AddAuthenticationSchemes(ApiKeyScheme).RequireRole(StaffRole.Medical))
            .AddPolicy(ApiManager, p => p.AddAuthenticationSchemes(ApiKeyScheme).RequireRole(StaffRole.Managers))
            .AddPolicy(ApiAdmin, p => p.AddAuthenticationSchemes(ApiKeyScheme).RequireRole(StaffRole.Admin))
            .AddPolicy(ConsoleStaff, p => p.AddAuthenticationSchemes(CookieScheme).RequireRole(StaffRole.All))
            .AddPolicy(ConsoleMedical, p => p.AddAuthenticationSchemes(CookieScheme).RequireRole(StaffRole.Medical))
            .AddPolicy(ConsoleManager, p => p.AddAuthenticationSchemes(CookieScheme).RequireRole(StaffRole.Managers))
            .AddPolicy(ConsoleAdmin, p => p.AddAuthenticationSchemes(CookieScheme).RequireRole(StaffRole.Admin));
    }
}

/// <summary>
/// Staff API keys: <c>X-Api-Key: …</c> or <c>Authorization: Bearer …</c>. The configured bootstrap key is a manager.
/// Failures answer a bare 401 or 403 problem: nothing says whether the key exists or what role would do.
/// </summary>
internal sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    StaffAccounts accounts, IOptions<StaffOptions> staff) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? key = Request.Headers["X-Api-Key"].FirstOrDefault();
        if (string.IsNullOrEmpty(key) && Request.Headers.Authorization.FirstOrDefault() is { } auth
            && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            key = auth["Bearer ".Length..].Trim();
        }
        if (string.IsNullOrEmpty(key))
        {
            return AuthenticateResult.NoResult();
        }
        // SECURITY: constant-time comparison; the key is never logged.
        if (staff.Value.BootstrapApiKey is { Length: > 0 } bootstrap
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(bootstrap)))
        {
            return Success(StaffAuth.Principal("bootstrap", "bootstrap-key", "Bootstrap key", StaffRole.Manager, Scheme.Name));
        }
        var account = await accounts.FindByApiKeyAsync(key, Context.RequestAborted);
        return account is null
            ? AuthenticateResult.Fail("Invalid API key.")
            : Success(StaffAuth.Principal(account.Id, account.Email, account.Name, account.Role, Scheme.Name));
    }

    private AuthenticateResult Success(ClaimsPrincipal principal) => AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized", "A valid staff API key is required (X-Api-Key or Authorization: Bearer).");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "Your role does not allow this.");

    private Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            Response.Headers.WWWAuthenticate = "Bearer";
        }
        return Results.Problem(detail, statusCode: status, title: title).ExecuteAsync(Context);
    }
}
