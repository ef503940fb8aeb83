using System.Text;
using System.Text.Json.Nodes;
using FrontDesk.Channels.Teams;

namespace FrontDesk.Channels.Tests.Teams;

public sealed class TeamsEscalationCardTests
{
    private const string ConsoleUrl = "https://console.example-spa.test/escalations/esc_123";

    private static EscalationCardData Sample(
        string? clientName = "Dana Whitfield",
        string? clientPhone = "+15550100",
        string? locationName = "Downtown",
        string summary = "Client reports a rash after yesterday's facial and wants to speak to a manager.",
        IReadOnlyList<(string Role, string Text)>? turns = null) => new(
            Category: "complaint",
            Urgency: "high",
            ClientName: clientName,
            ClientPhone: clientPhone,
            Summary: summary,
            LastTurns: turns ?? [("Client", "My face is burning since the facial."), ("Front desk", "I'm sorry. I'll get a manager for you.")],
            ConsoleUrl: ConsoleUrl,
            SpaName: "Willow Spa",
            LocationName: locationName);

    [Fact]
    public void The_envelope_is_the_Workflows_message_with_one_adaptive_card_1_5()
    {
        var message = JsonNode.Parse(TeamsEscalationCard.BuildWebhookPayload(Sample()))!.AsObject();

        Assert.Equal("message", (string?)message["type"]);
        var attachment = Assert.Single(message["attachments"]!.AsArray())!.AsObject();
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.True(attachment.ContainsKey("contentUrl"));
        Assert.Null(attachment["contentUrl"]);
        var card = attachment["content"]!.AsObject();
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)card["$schema"]);
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.NotEmpty(card["body"]!.AsArray());
    }

    [Fact]
    public void The_only_actions_open_the_escalation_in_the_console()
    {
        var message = JsonNode.Parse(TeamsEscalationCard.BuildWebhookPayload(Sample()))!;

        var actionTypes = AllObjects(message)
            .Select(o => (string?)o["type"])
            .Where(t => t is not null && t.StartsWith("Action.", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(actionTypes);
        Assert.All(actionTypes, t => Assert.Equal("Action.OpenUrl", t));
        var action = Assert.Single(message["attachments"]![0]!["content"]!["actions"]!.AsArray())!;
        Assert.Equal(ConsoleUrl, (string?)action["url"]);
    }

    [Fact]
    public void The_body_has_a_heading_the_facts_the_summary_and_the_turns()
    {
        var data = Sample();
        var body = JsonNode.Parse(TeamsEscalationCard.BuildWebhookPayload(data))!["attachments"]![0]!["content"]!["body"]!.AsArray();

        Assert.Equal("TextBlock", (string?)body[0]!["type"]);
        Assert.Equal("Escalation — Willow Spa", (string?)body[0]!["text"]);
        var facts = body.Single(e => (string?)e!["type"] == "FactSet")!["facts"]!.AsArray()
            .Select(f => ((string?)f!["title"], (string?)f["value"]))
            .ToList();
        Assert.Equal(
            [("Category", "complaint"), ("Urgency", "high"), ("Client", "Dana Whitfield"), ("Phone", "+15550100"), ("Location", "Downtown")],
            facts);
        var texts = AllTexts(body);
        Assert.Contains(data.Summary, texts);
        Assert.Contains("My face is burning since the facial.", texts);
        Assert.Contains("I'm sorry. I'll get a manager for you.", texts);
    }

    [Fact]
    public void The_card_says_nothing_beyond_what_was_given()
    {
        var data = Sample(clientName: null, clientPhone: null, locationName: null, turns: [("Client", "Please call me back.")]);
        var message = JsonNode.Parse(TeamsEscalationCard.BuildWebhookPayload(data))!;

        var given = new HashSet<string>(StringComparer.Ordinal)
        {
            "Escalation — Willow Spa", "Category", "complaint", "Urgency", "high", "Summary", data.Summary,
            "Last turns", "Client: ", "Please call me back.", "Open in console",
        };
        var shown = AllObjects(message)
            .SelectMany(o => new[] { o["text"], o["title"], o["value"] })
            .OfType<JsonValue>()
            .Select(v => v.GetValue<string>())
            .ToList();
        Assert.All(shown, s => Assert.Contains(s, given));
        Assert.DoesNotContain(shown, s => s.Contains("Phone", StringComparison.Ordinal) || s.Contains("Location", StringComparison.Ordinal));
    }

    [Fact]
    public void Long_input_is_truncated_under_28_KB_keeping_the_latest_turns()
    {
        var turns = Enumerable.Range(1, 200)
            .Select(i => ("Client", $"turn {i} " + string.Concat(Enumerable.Repeat("é😀 ", 2000))))
            .ToList();
        var data = Sample(summary: string.Concat(Enumerable.Repeat("Résumé 😀 ", 20_000)), turns: turns);

        var json = TeamsEscalationCard.BuildWebhookPayload(data);

        Assert.True(Encoding.UTF8.GetByteCount(json) < 28 * 1024, $"payload is {Encoding.UTF8.GetByteCount(json)} bytes");
        var message = JsonNode.Parse(json)!;
        var texts = AllTexts(message);
        Assert.Contains(texts, t => t.StartsWith("turn 200 ", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.StartsWith("turn 1 ", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Last turns (", StringComparison.Ordinal) && t.EndsWith(" earlier not shown)", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Résumé", StringComparison.Ordinal) && t.EndsWith('…'));
        Assert.Equal(ConsoleUrl, (string?)message["attachments"]![0]!["content"]!["actions"]![0]!["url"]);
    }

    [Fact]
    public void Caller_text_cannot_plant_markdown_links()
    {
        const string phishing = "[Verify your login](https://evil.example/login)";
        var data = Sample(clientName: phishing, summary: phishing, turns: [("Client", phishing)]);
        var message = JsonNode.Parse(TeamsEscalationCard.BuildWebhookPayload(data))!;

        // Free text is only ever in TextRuns, which Adaptive Cards render without markdown...
        var markdownTexts = AllObjects(message)
            .Where(o => (string?)o["type"] == "TextBlock")
            .Select(o => (string?)o["text"]);
        Assert.DoesNotContain(phishing, markdownTexts);
        Assert.Contains(AllObjects(message), o => (string?)o["type"] == "TextRun" && (string?)o["text"] == phishing);
        // ...and a fact value, which Teams does render as markdown, has its brackets escaped.
        var clientFact = AllObjects(message).Single(o => (string?)o["title"] == "Client");
        Assert.Equal(@"\[Verify your login\](https://evil.example/login)", (string?)clientFact["value"]);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/escalations/esc_123")]
    [InlineData("")]
    public void A_console_url_that_is_not_absolute_http_is_refused(string consoleUrl)
    {
        Assert.Throws<ArgumentException>(() => TeamsEscalationCard.BuildWebhookPayload(Sample() with { ConsoleUrl = consoleUrl }));
    }

    [Fact]
    public void The_Slack_message_has_fallback_text_fields_and_a_console_button()
    {
        var message = JsonNode.Parse(SlackEscalationMessage.BuildWebhookPayload(Sample()))!.AsObject();

        Assert.Equal("Escalation — Willow Spa: complaint (high)", (string?)message["text"]);
        var blocks = message["blocks"]!.AsArray();
        Assert.Equal("header", (string?)blocks[0]!["type"]);
        var fields = blocks.Single(b => (string?)b!["type"] == "section" && b["fields"] is not null)!["fields"]!.AsArray()
            .Select(f => (string?)f!["text"]);
        Assert.Equal(["Category: complaint", "Urgency: high", "Client: Dana Whitfield", "Phone: +15550100", "Location: Downtown"], fields);
        var button = blocks.Single(b => (string?)b!["type"] == "actions")!["elements"]![0]!;
        Assert.Equal("button", (string?)button["type"]);
        Assert.Equal(ConsoleUrl, (string?)button["url"]);
        Assert.All(AllObjects(message).Where(o => o["type"] is JsonValue && o["text"] is JsonValue && o.ContainsKey("emoji")),
            o => Assert.Equal("plain_text", (string?)o["type"]));
        Assert.Contains(AllTexts(message), t => t == "Client: My face is burning since the facial.");
    }

    [Fact]
    public void Slack_fallback_text_escapes_control_characters()
    {
        var data = Sample() with { SpaName = "Sun & Moon <Spa>" };

        var message = JsonNode.Parse(SlackEscalationMessage.BuildWebhookPayload(data))!;

        Assert.Equal("Escalation — Sun &amp; Moon &lt;Spa&gt;: complaint (high)", (string?)message["text"]);
    }

    private static List<string> AllTexts(JsonNode node) =>
        AllObjects(node).Select(o => o["text"]).OfType<JsonValue>().Select(v => v.GetValue<string>()).ToList();

    private static IEnumerable<JsonObject> AllObjects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var nested in AllObjects(child))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var nested in AllObjects(child))
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }
}
