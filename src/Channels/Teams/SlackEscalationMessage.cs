using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FrontDesk.Channels.Teams;

/// <summary>
/// Builds the Slack incoming-webhook message for an escalation (Block Kit): the same content as
/// <see cref="TeamsEscalationCard"/>, with a button linking to the staff console.
/// </summary>
public static class SlackEscalationMessage
{
    // Block Kit limits: header text 150, section text 3000, field text 2000 characters.
    private const int MaxHeaderChars = 150;
    private const int MaxSectionChars = 3000;

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Builds the webhook request body.</summary>
    /// <param name="data">The escalation; <see cref="EscalationCardData.ConsoleUrl"/> must be an absolute http(s) URL.</param>
    /// <returns>The JSON to POST to the Slack incoming webhook.</returns>
    /// <exception cref="ArgumentException">The console URL is not an absolute http(s) URL.</exception>
    public static string BuildWebhookPayload(EscalationCardData data)
    {
        var fitted = EscalationText.Fit(data, out var omittedTurns);
        var heading = "Escalation — " + fitted.SpaName;

        var fields = new JsonArray
        {
            Field("Category", fitted.Category),
            Field("Urgency", fitted.Urgency),
        };
        AddFieldIfPresent(fields, "Client", fitted.ClientName);
        AddFieldIfPresent(fields, "Phone", fitted.ClientPhone);
        AddFieldIfPresent(fields, "Location", fitted.LocationName);

        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = PlainText(EscalationText.Truncate(heading, MaxHeaderChars)) },
            new JsonObject { ["type"] = "section", ["fields"] = fields },
        };
        if (!string.IsNullOrWhiteSpace(fitted.Summary))
        {
            blocks.Add(Section("Summary: " + fitted.Summary));
        }

        if (fitted.LastTurns.Count > 0)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray
                {
                    PlainText(omittedTurns > 0 ? $"Last turns ({omittedTurns} earlier not shown)" : "Last turns"),
                },
            });
            foreach (var (role, text) in fitted.LastTurns)
            {
                blocks.Add(Section(role + ": " + text));
            }
        }

        blocks.Add(new JsonObject
        {
            ["type"] = "actions",
            ["elements"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = "button",
                    ["text"] = PlainText("Open in console"),
                    ["url"] = fitted.ConsoleUrl,
                },
            },
        });

        return new JsonObject
        {
            // Notification fallback; Slack parses it as mrkdwn, so escape its three control characters.
            ["text"] = EscapeMrkdwn($"{heading}: {fitted.Category} ({fitted.Urgency})"),
            ["blocks"] = blocks,
        }.ToJsonString(WriteOptions);
    }

    // SECURITY: caller-supplied text goes out as plain_text, which Slack never turns into links
    // or mentions.
    private static JsonObject PlainText(string text) => new()
    {
        ["type"] = "plain_text",
        ["text"] = text,
        ["emoji"] = false,
    };

    private static JsonObject Section(string text) => new()
    {
        ["type"] = "section",
        ["text"] = PlainText(EscalationText.Truncate(text, MaxSectionChars)),
    };

    private static JsonObject Field(string title, string value) => PlainText(title + ": " + value);

    private static void AddFieldIfPresent(JsonArray fields, string title, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            fields.Add(Field(title, value));
        }
    }

    private static string EscapeMrkdwn(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
}
