using System.ComponentModel.DataAnnotations;

namespace FrontDesk.Channels.BotFramework;

/// <summary>Settings for the Bot Framework channel, bound from <see cref="Section"/>.</summary>
public sealed class BotFrameworkOptions
{
    /// <summary>Configuration section the options are bound from.</summary>
    public const string Section = "FrontDesk:BotFramework";

    /// <summary>The bot's Microsoft app id: the audience inbound tokens must carry.</summary>
    [Required(ErrorMessage = "FrontDesk:BotFramework:AppId is required (the bot's Microsoft App ID).")]
    public string AppId { get; set; } = "";

    /// <summary>The bot's app password (client secret). A secret: never log it.</summary>
    [Required(ErrorMessage = "FrontDesk:BotFramework:AppPassword is required when FrontDesk:BotFramework:AppId is set (the bot's client secret).")]
    public string AppPassword { get; set; } = "";

    /// <summary>
    /// Tenant of a single-tenant bot. When set and <see cref="TokenEndpoint"/> is left at its
    /// default, outbound tokens are requested from this tenant instead of botframework.com.
    /// </summary>
    public string? TenantId { get; set; }

    /// <summary>OpenID metadata document that names the JSON Web Key Set of the Bot Connector.</summary>
    [Required(ErrorMessage = "FrontDesk:BotFramework:OpenIdMetadataUrl is required (the Bot Connector's OpenID metadata document).")]
    [Url(ErrorMessage = "FrontDesk:BotFramework:OpenIdMetadataUrl must be an absolute http(s) URL, e.g. " + DefaultOpenIdMetadataUrl + ".")]
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>OAuth 2.0 token endpoint for the client-credentials grant.</summary>
    [Required(ErrorMessage = "FrontDesk:BotFramework:TokenEndpoint is required (the OAuth 2.0 token endpoint).")]
    [Url(ErrorMessage = "FrontDesk:BotFramework:TokenEndpoint must be an absolute http(s) URL, e.g. " + DefaultTokenEndpoint + ".")]
    public string TokenEndpoint { get; set; } = DefaultTokenEndpoint;

    /// <summary>Issuer that inbound tokens must carry.</summary>
    [Required(ErrorMessage = "FrontDesk:BotFramework:Issuer is required (the issuer inbound tokens carry).")]
    public string Issuer { get; set; } = "https://api.botframework.com";

    /// <summary>Scope requested for outbound tokens.</summary>
    [Required(ErrorMessage = "FrontDesk:BotFramework:Scope is required (the scope of outbound tokens).")]
    public string Scope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Default of <see cref="OpenIdMetadataUrl"/>.</summary>
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Default of <see cref="TokenEndpoint"/>.</summary>
    public const string DefaultTokenEndpoint = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";

    /// <summary>The token endpoint to use, taking <see cref="TenantId"/> into account.</summary>
    public string EffectiveTokenEndpoint =>
        !string.IsNullOrWhiteSpace(TenantId) && TokenEndpoint == DefaultTokenEndpoint
            ? $"https://login.microsoftonline.com/{Uri.EscapeDataString(TenantId)}/oauth2/v2.0/token"
            : TokenEndpoint;
}
