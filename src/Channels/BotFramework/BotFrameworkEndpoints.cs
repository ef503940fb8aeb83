using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FrontDesk.Agent;
using FrontDesk.Channels.Hosting;

namespace FrontDesk.Channels.BotFramework;

/// <summary>
/// <c>POST /api/messages</c>: activities from Azure Bot Service channels (Teams, Web Chat/Direct Line). The bearer
/// token is checked first (401/403, see <see cref="BotTokenValidator"/>), then the message goes to the agent and the
/// reply is posted to the activity's connector with an app token. Enabled when <c>FrontDesk:BotFramework:AppId</c> is set.
/// </summary>
public static partial class BotFrameworkEndpoints
{
    private const int MaxBody = 256 * 1024;

    /// <summary>True when the Bot Framework channel is configured.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration?[BotFrameworkOptions.Section + ":AppId"]);

    /// <summary>Registers the Bot Framework pieces (validated options, token validator, connector client) when configured.</summary>
    public static WebApplicationBuilder AddFrontDeskBotFramework(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (IsConfigured(builder.Configuration))
        {
            builder.Services.AddBotFramework();
            builder.Services.AddSingleton(new FrontDesk.Tools.SchemaMigrationSet(BotFrameworkSchema.Migrations));
            builder.Services.AddSingleton<BotConversations>();
        }
        return builder;
    }

    /// <summary>Maps <c>POST /api/messages</c> (a 404 problem naming the settings when not configured).</summary>
    public static void MapBotFrameworkEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!IsConfigured(app.Configuration))
        {
            app.MapPost("/api/messages", () => TypedResults.Problem(
                "The Bot Framework channel is not configured: set FrontDesk:BotFramework:AppId and FrontDesk:BotFramework:AppPassword.",
                statusCode: StatusCodes.Status404NotFound, title: "Bot Framework not configured")).DisableAntiforgery();
            return;
        }
        app.MapPost("/api/messages", HandleAsync).DisableAntiforgery().WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBody));
    }

    /// <summary>True for the channel tags of Bot Framework conversations (Teams and other Bot Framework channels).</summary>
    public static bool IsBotChannel(string channel) => channel is "teams" or "botframework";

    /// <summary>The agent's conversation id for a Bot Framework conversation: stable, bounded, and not the raw channel id.</summary>
    public static string ConversationIdFor(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var key = $"{activity.ChannelId}|{activity.ServiceUrl}|{activity.Conversation?.Id}";
        return "bf_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest http, BotTokenValidator validator, BotConnectorClient connector, BotConversations references, FrontDeskTurns turns,
        ReplyTemplates replies, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(BotFrameworkEndpoints).FullName!);
        if (http.ContentLength > MaxBody)
        {
            return TypedResults.Problem("The activity is too large.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
        }
        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(http.Body, BotFrameworkJson.Options, ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem("The activity is too large.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
        }
        catch (JsonException)
        {
            return TypedResults.Problem("The body is not a Bot Framework activity (JSON).", statusCode: StatusCodes.Status400BadRequest, title: "Bad activity");
        }
        if (activity is null)
        {
            return TypedResults.Problem("The body is empty.", statusCode: StatusCodes.Status400BadRequest, title: "Bad activity");
        }

        // SECURITY: nothing in the activity is trusted, and no reply is sent, until the token has been checked.
        var auth = await validator.ValidateAsync(http.Headers.Authorization.ToString(), activity.ServiceUrl, ct);
        if (!auth.IsValid)
        {
            logger.LogInformation("Bot Framework activity rejected: {Reason}", auth.Reason);
            return auth.Kind == BotTokenValidationKind.Forbidden
                ? TypedResults.Problem("The token was not issued for this activity's connector.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden")
                : TypedResults.Problem("A valid Bot Framework bearer token is required.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        var text = MentionPattern().Replace(activity.Text ?? "", " ").Trim();
        if (activity.Type != ActivityTypes.Message || text.Length == 0)
        {
            return TypedResults.Ok(); // conversation updates, typing, reactions: nothing to answer
        }
        if (MessageText.IsTooLong(text))
        {
            // Refused like on the web (nothing reaches the agent or the transcript), but told in the conversation.
            var told = await connector.ReplyAsync(activity, MessageText.TooLongReply(replies), ct);
            if (!told.Succeeded)
            {
                logger.LogWarning("Reply to Bot Framework conversation {ConversationId} not delivered: {Error}", ConversationIdFor(activity), told.Error);
            }
            return TypedResults.Ok();
        }
        var channel = activity.ChannelId == "msteams" ? "teams" : "botframework";
        // Staff replies and the "a person joined" notice go out later as replies to the latest activity.
        await references.RememberAsync(ConversationIdFor(activity), activity, ct);
        AgentReply reply;
        try
        {
            reply = await turns.HandleAsync(new TurnRequest(ConversationIdFor(activity), channel, text), null, ct);
        }
        catch (TimeoutException ex) when (FrontDeskTurns.IsBusy(ex))
        {
            return TypedResults.Problem("The previous message is still being answered.", statusCode: StatusCodes.Status409Conflict, title: "Busy");
        }
        if (reply.Text is { Length: > 0 } answer)
        {
            var sent = await connector.ReplyAsync(activity, answer, ct);
            if (!sent.Succeeded)
            {
                // The turn is stored; staff see it in the transcript even though the channel did not get the reply.
                logger.LogWarning("Reply to Bot Framework conversation {ConversationId} not delivered: {Error}", ConversationIdFor(activity), sent.Error);
            }
        }
        return TypedResults.Ok();
    }

    // Teams puts "<at>Bot name</at>" in the text when the bot is mentioned in a channel or group chat.
    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase)]
    private static partial Regex MentionPattern();
}
