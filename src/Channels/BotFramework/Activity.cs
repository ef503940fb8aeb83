using System.Text.Json;
using System.Text.Json.Serialization;

namespace FrontDesk.Channels.BotFramework;

/// <summary>
/// A Bot Framework activity as it travels on the wire (camelCase JSON). Only the fields the
/// front desk uses are modelled; unknown fields are ignored when reading.
/// </summary>
public sealed record Activity
{
    /// <summary>Activity type, e.g. <see cref="ActivityTypes.Message"/>.</summary>
    public string? Type { get; init; }

    /// <summary>Id the channel gave this activity; a reply names it in <see cref="ReplyToId"/>.</summary>
    public string? Id { get; init; }

    /// <summary>When the channel sent the activity (the wire field <c>timestamp</c>, UTC).</summary>
    [JsonPropertyName("timestamp")]
    public DateTimeOffset? TimestampUtc { get; init; }

    /// <summary>Channel the activity came from, e.g. <c>msteams</c>, <c>webchat</c>, <c>directline</c>.</summary>
    public string? ChannelId { get; init; }

    /// <summary>Base URL of the connector to which replies are posted.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>Sender of the activity.</summary>
    public ChannelAccount? From { get; init; }

    /// <summary>Receiver of the activity (the bot, for inbound activities).</summary>
    public ChannelAccount? Recipient { get; init; }

    /// <summary>Conversation the activity belongs to.</summary>
    public ConversationAccount? Conversation { get; init; }

    /// <summary>Message text.</summary>
    public string? Text { get; init; }

    /// <summary>Locale of the sender, e.g. <c>en-US</c>.</summary>
    public string? Locale { get; init; }

    /// <summary>Id of the activity this one answers.</summary>
    public string? ReplyToId { get; init; }
}

/// <summary>A user or bot on a channel.</summary>
public sealed record ChannelAccount
{
    /// <summary>Channel-specific id of the account.</summary>
    public string? Id { get; init; }

    /// <summary>Display name, when the channel gives one.</summary>
    public string? Name { get; init; }
}

/// <summary>A conversation on a channel.</summary>
public sealed record ConversationAccount
{
    /// <summary>Channel-specific id of the conversation.</summary>
    public string? Id { get; init; }
}

/// <summary>Activity type names used by the front desk.</summary>
public static class ActivityTypes
{
    /// <summary>A message with text.</summary>
    public const string Message = "message";

    /// <summary>Members joined or left the conversation.</summary>
    public const string ConversationUpdate = "conversationUpdate";

    /// <summary>The sender is typing.</summary>
    public const string Typing = "typing";
}

/// <summary>JSON settings for Bot Framework payloads.</summary>
public static class BotFrameworkJson
{
    /// <summary>camelCase names, case-insensitive reads, unknown fields ignored, nulls not written.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
