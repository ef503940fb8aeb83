using System.Globalization;
using FrontDesk.Agent;

namespace FrontDesk.Channels.Hosting;

/// <summary>The one limit on what a person may send in a message, on every text channel.</summary>
public static class MessageText
{
    /// <summary>Longest accepted message, in characters as a person counts them (Unicode code points: an emoji is one).</summary>
    public const int MaxLength = 2000;

    /// <summary>Length in Unicode code points, so a message of emoji is not refused at half the limit (UTF-16 counts them twice).</summary>
    public static int Length(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }
        return count;
    }

    /// <summary>True when the message is longer than <see cref="MaxLength"/>.</summary>
    public static bool IsTooLong(string text) => text.Length > MaxLength && Length(text) > MaxLength;

    /// <summary>What a channel says instead of answering a message that is too long (nothing is stored): <c>message_too_long</c> in prompts/replies.yaml.</summary>
    public static string TooLongReply(ReplyTemplates replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        return replies.Templates.Render("message_too_long", new Dictionary<string, string> { ["max"] = MaxLength.ToString("N0", CultureInfo.InvariantCulture) });
    }

    /// <summary>What a channel says when the previous message of the conversation is still being answered: <c>busy</c>.</summary>
    public static string BusyReply(ReplyTemplates replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        return replies.Templates.Render("busy");
    }
}
