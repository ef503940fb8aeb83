using FrontDesk.Channels.Staff;
using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Outbox;
using Microsoft.Playwright;

namespace FrontDesk.Channels.Tests.Staff;

/// <summary>The staff console in headless Chromium against the real host on a Kestrel port; screenshots are kept.</summary>
public sealed class StaffConsoleBrowserTests
{
    [BrowserFact]
    public async Task Staff_sign_in_handle_an_escalation_approve_a_message_take_over_a_chat_and_see_the_dashboard()
    {
        await using var h = await StaffHarness.StartAsync(TestStore.Sqlite, new()
        {
            ["FrontDesk:Outbox:RequireApproval:0"] = MessageKind.WaitlistOffer,
            ["FrontDesk:Web:HistoryPollSeconds"] = "1",
        }, kestrel: true);
        var baseUrl = h.BaseAddress!;
        using var web = new HttpClient { BaseAddress = baseUrl };
        var pending = await h.Host.Get<OutboxWriter>().EnqueueAsync(MessageKind.WaitlistOffer, "+14155551111", "An opening for a facial came up tomorrow at 2 pm.",
            "c-ava", null, null, null, Actor.System("test"), CancellationToken.None);

        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            // A visitor asks for a manager in the widget on the landing page; that raises the escalation.
            var visitor = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = baseUrl.ToString() });
            visitor.SetDefaultTimeout(30000);
            var scriptErrors = new List<string>();
            visitor.PageError += (_, error) => scriptErrors.Add(error);
            await visitor.GotoAsync("/");
            await visitor.GetByRole(AriaRole.Button, new() { Name = "Chat with us" }).ClickAsync();
            var widget = visitor.GetByRole(AriaRole.Log, new() { Name = "Conversation" });
            await visitor.GetByLabel("Your message").FillAsync("I want to speak to a manager about a refund");
            await visitor.GetByLabel("Your message").PressAsync("Enter");
            await Assertions.Expect(widget.Locator(".fd-agent[data-seq]")).ToHaveCountAsync(1, new() { Timeout = 30000 });
            var sessionId = await visitor.EvaluateAsync<string>("() => localStorage.getItem('frontdesk.sessionId')");
            var escalation = Assert.Single(await h.Host.Get<FrontDesk.Agent.Conversations.ConversationStore>().EscalationsAsync("open", CancellationToken.None));
            Assert.Equal(sessionId, escalation.ConversationId);
            var escalationId = escalation.Id;

            var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = baseUrl.ToString() });
            page.SetDefaultTimeout(15000);
            // Script errors (not resource statuses such as the expected 401 of a wrong password) fail the test.
            page.PageError += (_, error) => scriptErrors.Add(error);

            // Signing in: a wrong password is refused, the right one lands on the escalation queue.
            await page.GotoAsync("/staff/escalations");
            Assert.Contains("/staff/login", page.Url, StringComparison.Ordinal);
            await page.FillAsync("#email", StaffHarness.EmailOf(StaffRole.Admin));
            await page.FillAsync("#password", "not the password");
            await page.ClickAsync("#sign-in");
            await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("wrong");
            await page.FillAsync("#email", StaffHarness.EmailOf(StaffRole.Admin));
            await page.FillAsync("#password", StaffHarness.Password);
            await page.ClickAsync("#sign-in");
            await page.WaitForURLAsync("**/staff/escalations");

            // The escalation the chat raised is in the queue; claim it, then resolve it.
            var row = page.Locator($"tr[data-escalation='{escalationId}']");
            await Assertions.Expect(row).ToContainTextAsync(escalation.Category);
            await Browser.ScreenshotAsync(page, "staff-escalation-queue");
            await row.Locator("button", new() { HasText = "Claim" }).ClickAsync();
            await Assertions.Expect(page.Locator($"tr[data-escalation='{escalationId}'] td.status")).ToContainTextAsync("claimed");
            await page.Locator($"tr[data-escalation='{escalationId}'] button", new() { HasText = "Resolve" }).ClickAsync();
            await Assertions.Expect(page.Locator($"tr[data-resolved='{escalationId}']")).ToContainTextAsync("resolved by");
            await Assertions.Expect(page.Locator($"tr[data-escalation='{escalationId}']")).ToHaveCountAsync(0);

            // The approval queue: approve the held message.
            await page.GotoAsync("/staff/approvals");
            await page.Locator($"tr[data-message='{pending.Id}'] button", new() { HasText = "Approve" }).ClickAsync();
            await Assertions.Expect(page.Locator("#no-approvals")).ToBeVisibleAsync();
            var approved = (await h.Host.Get<OutboxWriter>().ListAsync(null, 50, CancellationToken.None)).Single(m => m.Id == pending.Id);
            Assert.Equal(OutboxStatus.Queued, approved.Status);
            Assert.Equal(StaffHarness.EmailOf(StaffRole.Admin), approved.DecidedBy);

            // Take the chat over: the assistant falls silent and the visitor is told; then hand it back.
            await page.GotoAsync($"/staff/conversations/{sessionId}");
            await page.Locator("button", new() { HasText = "Take over" }).ClickAsync();
            await Assertions.Expect(page.Locator("#conversation-status")).ToHaveTextAsync("taken_over");
            await Assertions.Expect(page.Locator("tr.turn-system")).ToContainTextAsync("joined");
            // The open widget tells the visitor a person joined.
            await Assertions.Expect(widget.Locator(".fd-system[data-seq]")).ToContainTextAsync("has joined the conversation", new() { Timeout = 15000 });
            var silent = await h.Host.ChatAsync(web, "Hello, is someone there?", sessionId);
            Assert.Equal("", silent.Reply);
            await page.FillAsync("textarea[name=text]", "Hi, this is the manager. I can help with the refund.");
            await page.Locator("button", new() { HasText = "Send" }).ClickAsync();
            await Assertions.Expect(page.Locator("tr.turn-staff")).ToContainTextAsync("I can help with the refund");
            await Assertions.Expect(widget.Locator(".fd-staff[data-seq]")).ToContainTextAsync("I can help with the refund", new() { Timeout = 15000 });
            await Browser.ScreenshotAsync(page, "staff-conversation-taken-over");
            await Browser.ScreenshotAsync(visitor, "widget-staff-joined");
            await page.Locator("button", new() { HasText = "Release to the assistant" }).ClickAsync();
            await Assertions.Expect(page.Locator("#conversation-status")).ToHaveTextAsync("active");
            await Assertions.Expect(widget.Locator(".fd-system[data-seq]").Last).ToContainTextAsync("handed you back", new() { Timeout = 15000 });
            var back = await h.Host.ChatAsync(web, "What are your hours?", sessionId);
            Assert.False(string.IsNullOrEmpty(back.Reply));

            // The calendar and waitlist render.
            await page.GotoAsync("/staff/calendar");
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Calendar");
            await page.GotoAsync("/staff/waitlist");
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Waitlist");

            // The owner dashboard draws every chart.
            await page.GotoAsync("/staff/dashboard?from=2026-11-17&to=2026-11-23");
            foreach (var chart in new[] { "channels", "firstResponse", "capture", "booking", "containment", "escalations", "revenue", "afterHours" })
            {
                await Assertions.Expect(page.Locator($"[data-chart='{chart}'][data-rendered='true'] svg")).ToHaveCountAsync(1);
            }
            Assert.True(await page.Locator("[data-chart='channels'] rect.bar").CountAsync() >= 1);
            Assert.True(await page.Locator("[data-chart='escalations'] rect.bar").CountAsync() >= 1);
            await Browser.ScreenshotAsync(page, "staff-dashboard");

            // The audit log shows what staff did.
            await page.GotoAsync("/staff/audit?from=2026-11-23&to=2026-11-23");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("escalation.resolve");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("outbox.approve");
            Assert.Empty(scriptErrors);
        }
    }

    [BrowserFact]
    public async Task Staff_pick_a_language_in_the_transcript_list_and_on_the_dashboard()
    {
        await using var h = await StaffHarness.StartAsync(TestStore.Sqlite, kestrel: true);
        using var web = h.Host.CreateClient();
        var spanish = await h.Host.ChatAsync(web, "hola, ¿cuánto cuesta el facial?");
        var english = await h.Host.ChatAsync(web, "hi, how much is the facial?");
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = h.BaseAddress!.ToString() });
            page.SetDefaultTimeout(15000);
            var scriptErrors = new List<string>();
            page.PageError += (_, error) => scriptErrors.Add(error);
            await page.GotoAsync("/staff/login");
            await page.FillAsync("#email", StaffHarness.EmailOf(StaffRole.Manager));
            await page.FillAsync("#password", StaffHarness.Password);
            await page.ClickAsync("#sign-in");
            await page.GetByRole(AriaRole.Link, new() { Name = "Transcripts" }).ClickAsync();
            await Assertions.Expect(page.Locator("tr[data-conversation]")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator($"tr[data-conversation='{english.SessionId}']")).ToContainTextAsync("English");

            await page.GetByLabel("Language").SelectOptionAsync("es");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
            await Assertions.Expect(page.Locator("tr[data-conversation]")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator($"tr[data-conversation='{spanish.SessionId}']")).ToContainTextAsync("Spanish");
            Assert.Contains("language=es", page.Url, StringComparison.Ordinal);
            await Browser.ScreenshotAsync(page, "staff-transcripts-spanish");
            await page.Locator($"tr[data-conversation='{spanish.SessionId}'] a").ClickAsync();
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("¿cuánto cuesta el facial?");

            await page.GotoAsync("/staff/dashboard");
            await page.GetByLabel("Language").SelectOptionAsync("en");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
            await Assertions.Expect(page.Locator(".tile").First).ToContainTextAsync("Conversations1");
            await Assertions.Expect(page.Locator("[data-chart='channels'][data-rendered='true'] svg")).ToHaveCountAsync(1);
            Assert.Contains("language=en", page.Url, StringComparison.Ordinal);
            Assert.Empty(scriptErrors);
        }
    }
}
