using System.Text.Json;
using FrontDesk.Agent.Conversations;
using FrontDesk.Channels.Tests.Hosting;
using Microsoft.Playwright;

namespace FrontDesk.Channels.Tests.WebChat;

/// <summary>The widget's request id in headless Chromium against the real host: a lost answer is asked for again, not run twice.</summary>
public sealed class WidgetRetryBrowserTests
{
    private const float Timeout = 30_000;

    [BrowserFact]
    public async Task A_message_whose_answer_is_lost_on_the_way_is_sent_again_with_its_id_and_makes_one_turn()
    {
        await using var host = FrontDeskHost.Create();
        var baseAddress = host.StartKestrel();
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            var sent = new List<JsonElement>();
            var dropNext = false;
            await page.RouteAsync("**/api/chat/stream", async route =>
            {
                sent.Add(JsonDocument.Parse(route.Request.PostData ?? "{}").RootElement.Clone());
                if (!dropNext)
                {
                    await route.ContinueAsync();
                    return;
                }
                dropNext = false;
                // The message reaches the host and its turn commits; the answer never reaches the browser.
                await using var _ = await route.FetchAsync();
                await route.AbortAsync("connectionreset");
            });
            await page.GotoAsync(baseAddress.ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Chat with us" }).ClickAsync();
            var input = page.GetByLabel("Your message");
            var log = page.GetByRole(AriaRole.Log, new() { Name = "Conversation" });

            await input.FillAsync("hi there, do u do facials??");
            await input.PressAsync("Enter");
            await Assertions.Expect(log.Locator(".fd-agent[data-seq]")).ToHaveCountAsync(1, new() { Timeout = Timeout });

            dropNext = true;
            await input.FillAsync("whats ur cancellation policy");
            await input.PressAsync("Enter");
            await Assertions.Expect(log.Locator(".fd-agent[data-seq]")).ToHaveCountAsync(2, new() { Timeout = Timeout });

            var session = await page.EvaluateAsync<string>("() => localStorage.getItem('frontdesk.sessionId')");
            var transcript = await host.Get<ConversationStore>().TranscriptAsync(session, CancellationToken.None);
            Assert.Single(transcript, t => t.Role == "client" && t.Text == "whats ur cancellation policy");
            Assert.Equal(["client", "agent", "client", "agent"], transcript.Select(t => t.Role));
            // The reply shown is the committed turn's, and no error is left on screen.
            await Assertions.Expect(log.Locator(".fd-agent[data-seq]").Last).ToHaveTextAsync("Assistant: " + transcript[3].Text);
            await Assertions.Expect(log.Locator(".fd-error")).ToHaveCountAsync(0);

            // Three posts: the first message, the second and its retry with the same id; each message its own id.
            Assert.Equal(3, sent.Count);
            var ids = sent.Select(b => b.TryGetProperty("requestId", out var id) ? id.GetString() : null).ToList();
            Assert.All(ids, id => Assert.False(string.IsNullOrEmpty(id)));
            Assert.NotEqual(ids[0], ids[1]);
            Assert.Equal(ids[1], ids[2]);
            Assert.Equal(sent[1].GetProperty("text").GetString(), sent[2].GetProperty("text").GetString());
        }
    }
}
