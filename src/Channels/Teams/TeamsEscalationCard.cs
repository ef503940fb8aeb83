using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FrontDesk.Channels.Teams;

/// <summary>
/// Builds the Teams Workflows webhook message for an escalation: an Adaptive Card 1.5 with a
/// heading, the facts, the summary, the last turns and an <c>Action.OpenUrl</c> button to the
/// staff console (webhook cards cannot use <c>Action.Submit</c>).
/// </summary>
public static class TeamsEscalationCard
{
    /// <summary>Teams' message size limit (about 28 KB).</summary>
    public const int MaxPayloadBytes = 28 * 1024;

    /// <summary>
    /// Size the payload is fitted into: below <see cref="MaxPayloadBytes"/> because the limit
    /// applies to the message Teams stores, which is a little larger than what we send.
    /// </summary>
    public const int PayloadBudgetBytes = 26 * 1024;

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        // Not embedded in HTML; escaping every non-ASCII character would triple the size of
        // accented names and eat into the 28 KB.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly SearchValues<char> MarkdownSpecials = SearchValues.Create("\\[]*_~`");

    private static readonly HashSet<string> AttentionUrgencies = new(StringComparer.OrdinalIgnoreCase)
    {
        "high", "urgent", "emergency", "critical",
    };

    /// <summary>Builds the webhook request body, fitted under <see cref="PayloadBudgetBytes"/>.</summary>
    /// <param name="data">The escalation; <see cref="EscalationCardData.ConsoleUrl"/> must be an absolute http(s) URL.</param>
    /// <returns>The JSON to POST to the Workflows webhook.</returns>
    /// <exception cref="ArgumentException">The console URL is not an absolute http(s) URL.</exception>
    public static string BuildWebhookPayload(EscalationCardData data)
    {
        var fitted = EscalationText.Fit(data, out var omittedTurns);
        while (true)
        {
            var json = BuildMessage(fitted, omittedTurns).ToJsonString(WriteOptions);
            if (Encoding.UTF8.GetByteCount(json) <= PayloadBudgetBytes)
            {
                return json;
            }

            // Too big (multi-byte text): drop the oldest turn first, then halve the summary.
            if (fitted.LastTurns.Count > 0)
            {
                fitted = fitted with { LastTurns = fitted.LastTurns.Skip(1).ToList() };
                omittedTurns++;
            }
            else if (fitted.Summary.Length > 2)
            {
                fitted = fitted with { Summary = EscalationText.Truncate(fitted.Summary, fitted.Summary.Length / 2) };
            }
            else
            {
                // Unreachable with the per-field caps; fail loudly rather than loop.
                throw new InvalidOperationException("Escalation card cannot be fitted under the Teams size limit.");
            }
        }
    }

    private static JsonObject BuildMessage(EscalationCardData data, int omittedTurns) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray
        {
            new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.card.adaptive",
                ["contentUrl"] = null,
                ["content"] = BuildCard(data, omittedTurns),
            },
        },
    };

    private static JsonObject BuildCard(EscalationCardData data, int omittedTurns)
    {
        var heading = new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = "Escalation — " + EscapeMarkdown(data.SpaName),
            ["size"] = "Large",
            ["weight"] = "Bolder",
            ["wrap"] = true,
        };
        if (AttentionUrgencies.Contains(data.Urgency.Trim()))
        {
            heading["color"] = "Attention";
        }

        var facts = new JsonArray
        {
            Fact("Category", data.Category),
            Fact("Urgency", data.Urgency),
        };
        AddFactIfPresent(facts, "Client", data.ClientName);
        AddFactIfPresent(facts, "Phone", data.ClientPhone);
        AddFactIfPresent(facts, "Location", data.LocationName);

        var body = new JsonArray
        {
            heading,
            new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
            Label("Summary"),
            LiteralText(data.Summary),
        };

        if (data.LastTurns.Count > 0)
        {
            body.Add(Label(omittedTurns > 0
                ? $"Last turns ({omittedTurns} earlier not shown)"
                : "Last turns"));
            foreach (var (role, text) in data.LastTurns)
            {
                body.Add(new JsonObject
                {
                    ["type"] = "RichTextBlock",
                    ["inlines"] = new JsonArray
                    {
                        new JsonObject { ["type"] = "TextRun", ["text"] = role + ": ", ["weight"] = "Bolder" },
                        new JsonObject { ["type"] = "TextRun", ["text"] = text },
                    },
                });
            }
        }

        return new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = body,
            ["actions"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = "Action.OpenUrl",
                    ["title"] = "Open in console",
                    ["url"] = data.ConsoleUrl,
                },
            },
            ["msteams"] = new JsonObject { ["width"] = "Full" },
        };
    }

    private static JsonObject Label(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["weight"] = "Bolder",
        ["wrap"] = true,
    };

    // SECURITY: caller-supplied text goes into TextRuns, which Adaptive Cards render without
    // markdown; in a TextBlock a caller could plant "[Verify your login](https://evil)" links
    // in a card the staff trust.
    private static JsonObject LiteralText(string text) => new()
    {
        ["type"] = "RichTextBlock",
        ["inlines"] = new JsonArray { new JsonObject { ["type"] = "TextRun", ["text"] = text } },
    };

    private static JsonObject Fact(string title, string value) => new()
    {
        ["title"] = title,
        ["value"] = EscapeMarkdown(value),
    };

    private static void AddFactIfPresent(JsonArray facts, string title, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            facts.Add(Fact(title, value));
        }
    }

    // Teams renders markdown in TextBlock and Fact values. Backslash-escape the characters that
    // make links and emphasis, so a client named "[x](https://evil)" stays text.
    // (Teams follows CommonMark escapes here; unconfirmed on every client.)
    private static string EscapeMarkdown(string text)
    {
        if (text.AsSpan().IndexOfAny(MarkdownSpecials) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (MarkdownSpecials.Contains(c))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
