using System.Collections.Concurrent;
using System.Text.Json;
using Dapper;
using FrontDesk.Agent;
using FrontDesk.Agent.Conversations;
using FrontDesk.Channels.Staff;
using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FrontDesk.Channels.Tests.Staff;

/// <summary>
/// Escalations reach staff through a fake Teams Workflows webhook (and a fake Slack webhook), both real HTTP servers on
/// loopback, from the real host: the card's envelope and fields, throttling reported inside a 200, durable rows.
/// </summary>
public sealed class EscalationNotificationTests : IAsyncLifetime
{
    private const string PublicBase = "https://frontdesk.example.test";
    private readonly ConcurrentQueue<string> _teams = new();
    private readonly ConcurrentQueue<string> _slack = new();
    private readonly ConcurrentQueue<string> _gone = new();
    private int _teamsCalls;
    private LoopbackServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/teams", async (HttpRequest request) =>
            {
                _teams.Enqueue(await new StreamReader(request.Body).ReadToEndAsync());
                // Teams' throttling quirk: the first post comes back 200 with a 429 inside the body.
                return Interlocked.Increment(ref _teamsCalls) == 1
                    ? Results.Text("Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0")
                    : Results.Text("1");
            });
            app.MapPost("/slack", async (HttpRequest request) =>
            {
                _slack.Enqueue(await new StreamReader(request.Body).ReadToEndAsync());
                return Results.Text("ok");
            });
            app.MapPost("/gone", async (HttpRequest request) =>
            {
                _gone.Enqueue(await new StreamReader(request.Body).ReadToEndAsync());
                return Results.NotFound();
            });
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private FrontDeskHost Host(string teamsPath, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["FrontDesk:Teams:WebhookUrl"] = _server.Url(teamsPath),
            ["FrontDesk:Teams:PollSeconds"] = "0.05",
            ["FrontDesk:Teams:RetryBaseSeconds"] = "0.05",
            ["FrontDesk:Teams:RetryMaxSeconds"] = "0.2",
            ["FrontDesk:PublicBaseUrl"] = PublicBase,
        };
        foreach (var (k, v) in extra ?? [])
        {
            settings[k] = v;
        }
        return FrontDeskHost.Create(settings: settings);
    }

    /// <summary>Waits (bounded) for a background delivery; the bound only stops a broken test from hanging.</summary>
    private static async Task EventuallyAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "the notification was not delivered");
            await Task.Delay(25);
        }
    }

    private static async Task<(string Status, int Attempts)> RowAsync(FrontDeskHost host, string escalationId, string target)
    {
        await using var c = await host.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        var row = await c.QuerySingleOrDefaultAsync<(string, long)>("SELECT status, attempts FROM escalation_notifications WHERE escalation_id = @escalationId AND target = @target",
            new { escalationId, target });
        return (row.Item1, (int)row.Item2);
    }

    [Fact]
    public async Task A_text_escalation_from_a_known_client_posts_an_adaptive_card_and_a_throttled_200_is_retried()
    {
        await using var host = Host("/teams", new() { ["FrontDesk:Slack:WebhookUrl"] = _server.Url("/slack") });
        // Ava texts from the number the spa knows her by.
        var answer = await host.Get<FrontDeskAgent>().HandleAsync(
            new TurnRequest("sms_ava_refund", "sms", "I want to speak to a manager about a refund", "+14155551111"), CancellationToken.None);
        Assert.NotNull(answer.Escalation);
        var id = answer.Escalation.Id;
        var stored = Assert.Single(await host.Get<ConversationStore>().EscalationsAsync(null, CancellationToken.None));

        await EventuallyAsync(async () => (await RowAsync(host, id, "teams")).Status == "delivered" && (await RowAsync(host, id, "slack")).Status == "delivered");

        Assert.Equal(("delivered", 2), await RowAsync(host, id, "teams"));
        var posts = _teams.ToArray();
        Assert.Equal(2, posts.Length);
        Assert.Equal(posts[0], posts[1]);

        using var doc = JsonDocument.Parse(posts[1]);
        var root = doc.RootElement;
        Assert.Equal("message", root.GetProperty("type").GetString());
        var attachment = Assert.Single(root.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        Assert.Equal(JsonValueKind.Null, attachment.GetProperty("contentUrl").ValueKind);
        var card = attachment.GetProperty("content");
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", card.GetProperty("$schema").GetString());
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        var body = card.GetProperty("body").EnumerateArray().ToList();
        var facts = body.Single(b => b.GetProperty("type").GetString() == "FactSet")
            .GetProperty("facts").EnumerateArray().ToDictionary(f => f.GetProperty("title").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal(answer.Escalation.Category, facts["Category"]);
        Assert.Equal(answer.Escalation.Urgency, facts["Urgency"]);
        Assert.Equal("Ava Thompson", facts["Client"]);
        Assert.Equal("+14155551111", facts["Phone"]);
        // The summary block: a "Summary" label, then the escalation's summary as stored, as literal text (no markdown).
        var label = body.FindIndex(b => b.TryGetProperty("text", out var t) && t.GetString() == "Summary");
        Assert.True(label > 0, "no Summary label on the card");
        Assert.False(string.IsNullOrWhiteSpace(stored.Summary));
        Assert.Equal("RichTextBlock", body[label + 1].GetProperty("type").GetString());
        Assert.Equal(stored.Summary, body[label + 1].GetProperty("inlines")[0].GetProperty("text").GetString());
        var action = Assert.Single(card.GetProperty("actions").EnumerateArray());
        Assert.Equal("Action.OpenUrl", action.GetProperty("type").GetString());
        Assert.Equal($"{PublicBase}/staff/escalations/{id}", action.GetProperty("url").GetString());
        // The last turns travel with the card (this is not a medical matter), and so does the client's own summary.
        Assert.Contains("speak to a manager about a refund", posts[1], StringComparison.Ordinal);
        Assert.Contains(host.Get<SpaProfile>().Spa.Name, posts[1], StringComparison.Ordinal);

        var slack = Assert.Single(_slack.ToArray());
        using var slackDoc = JsonDocument.Parse(slack);
        Assert.Contains(slackDoc.RootElement.GetProperty("blocks").EnumerateArray(), b => b.GetProperty("type").GetString() == "actions"
            && b.GetProperty("elements")[0].GetProperty("url").GetString() == $"{PublicBase}/staff/escalations/{id}");
    }

    [Fact]
    public async Task An_urgent_medical_escalation_texts_the_on_call_phone_and_its_card_carries_no_health_details()
    {
        await using var host = Host("/slack");
        using var client = host.CreateClient();
        var answer = await host.ChatAsync(client, "I had filler yesterday and now my throat is closing and I have a rash");
        Assert.NotNull(answer.Escalation);
        Assert.Equal("urgent", answer.Escalation.Urgency);
        var id = answer.Escalation.Id;

        await EventuallyAsync(async () => (await RowAsync(host, id, "teams")).Status == "delivered" && (await RowAsync(host, id, "on_call")).Status == "delivered");

        var card = Assert.Single(_slack.ToArray());
        Assert.DoesNotContain("throat", card, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("rash", card, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("filler", card, StringComparison.OrdinalIgnoreCase);

        await using var c = await host.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        var texts = (await c.QueryAsync<(string Kind, string To, string Body)>("SELECT kind, to_address, body FROM outbox WHERE related_id = @id", new { id })).ToList();
        var text = Assert.Single(texts);
        Assert.Equal("on_call", text.Kind);
        Assert.Equal(host.Get<SpaProfile>().Escalation.OnCallPhone, text.To);
        Assert.Contains($"{PublicBase}/staff/escalations/{id}", text.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("throat", text.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_later_escalation_in_a_conversation_that_had_a_medical_one_carries_no_turns()
    {
        await using var host = Host("/slack");
        using var client = host.CreateClient();
        var medical = await host.ChatAsync(client, "I had filler yesterday and now my throat is closing and I have a rash");
        Assert.NotNull(medical.Escalation);
        Assert.True(MedicalMatters.IsMedical(medical.Escalation.Category));
        var person = await host.ChatAsync(client, "Can I talk to a person?", medical.SessionId);
        Assert.Equal(medical.SessionId, person.SessionId);
        Assert.NotNull(person.Escalation);
        Assert.NotEqual(medical.Escalation.Id, person.Escalation.Id);
        Assert.False(MedicalMatters.IsMedical(person.Escalation.Category));

        await EventuallyAsync(async () => (await RowAsync(host, person.Escalation.Id, "teams")).Status == "delivered");
        var card = Assert.Single(_slack.ToArray(), p => p.Contains(person.Escalation.Id, StringComparison.Ordinal));
        Assert.Contains("Escalation", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Last turns", card, StringComparison.Ordinal);
        Assert.DoesNotContain("throat", card, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("filler", card, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_non_urgent_escalation_does_not_text_the_on_call_phone()
    {
        await using var host = Host("/slack");
        using var client = host.CreateClient();
        var answer = await host.ChatAsync(client, "Can I get a discount on a package?");
        Assert.NotNull(answer.Escalation);
        await EventuallyAsync(async () => (await RowAsync(host, answer.Escalation.Id, "teams")).Status == "delivered");
        Assert.Equal((null, 0), await RowAsync(host, answer.Escalation.Id, "on_call"));
    }

    [Fact]
    public async Task An_escalation_stored_without_any_notification_is_still_announced_after_a_restart()
    {
        // The first process knows no webhook (as if it died before announcing); the next one finds the escalation.
        await using var first = FrontDeskHost.Create(settings: new Dictionary<string, string?> { ["FrontDesk:Teams:PollSeconds"] = "0.05" });
        using var client = first.CreateClient();
        var answer = await first.ChatAsync(client, "I want to speak to a manager about a refund");
        Assert.NotNull(answer.Escalation);
        Assert.Equal((null, 0), await RowAsync(first, answer.Escalation.Id, "teams"));

        var settings = first.Settings.Where(kv => kv.Key.StartsWith("FrontDesk:Database", StringComparison.Ordinal)).ToDictionary();
        await using var second = Host("/slack", settings);
        _ = second.Services;
        await EventuallyAsync(async () => (await RowAsync(second, answer.Escalation.Id, "teams")).Status == "delivered");
        Assert.Contains(answer.Escalation.Id, Assert.Single(_slack.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_that_refuses_the_post_is_marked_failed_and_not_retried()
    {
        await using var host = Host("/gone");
        using var client = host.CreateClient();
        var answer = await host.ChatAsync(client, "I want to speak to a manager about a refund");
        await EventuallyAsync(async () => (await RowAsync(host, answer.Escalation!.Id, "teams")).Status == "failed");
        Assert.Equal(("failed", 1), await RowAsync(host, answer.Escalation!.Id, "teams"));
        Assert.Single(_gone.ToArray());
    }
}
