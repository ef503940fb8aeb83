using FrontDesk.Channels.Staff;
using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.Channels.Tests.Twilio.Simulator;
using FrontDesk.Channels.Twilio;
using FrontDesk.Channels.Twilio.Outbound;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Outbox;
using Microsoft.Playwright;

namespace FrontDesk.Channels.Tests.Staff;

/// <summary>
/// The console's opt-outs in headless Chromium against the real host on a Kestrel port, with the real outbound path (outbox,
/// approval, sender) posting to a fake Twilio REST server: stopped texts are refused while stopped and go again once a manager
/// turns them back on.
/// </summary>
public sealed class StaffConsoleOptOutBrowserTests
{
    private const string Phone = "+14155554646";
    private const string Mission = "+14155550100";

    private static async Task SignInAsync(IPage page, string role)
    {
        await page.GotoAsync("/staff/login");
        await page.FillAsync("#email", StaffHarness.EmailOf(role));
        await page.FillAsync("#password", StaffHarness.Password);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync("**/staff/escalations");
    }

    private static async Task<List<OutboxMessage>> ToPhoneAsync(StaffHarness h) =>
        [.. (await h.Host.Get<OutboxWriter>().ListAsync(null, 1000, CancellationToken.None)).Where(m => m.ToAddress == Phone)];

    [BrowserFact]
    public async Task Front_desk_stops_texts_from_a_conversation_a_manager_turns_them_back_on_with_a_note_and_the_outbound_path_follows()
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        var settings = TwilioSimulator.Settings(rest.BaseAddress);
        // Noon in San Francisco (no quiet hours); the team's own texts wait for approval, as a spa may configure.
        settings["FrontDesk:Clock:FixedNow"] = "2026-11-23T20:00:00Z";
        settings["FrontDesk:Outbox:RequireApproval:0"] = MessageKind.Staff;
        // The agent's answer to the first text goes inline (TwiML), however loaded the machine: only the team's texts use the outbox here.
        settings["FrontDesk:Sms:ReplyBudgetMs"] = "14000";
        await using var h = await StaffHarness.StartAsync(TestStore.Sqlite, settings, kestrel: true);
        var sender = h.Host.Get<OutboxSender>();
        await new TwilioSimulator(h.Host.CreateClient()).TextAsync(Phone, Mission, "hey what time do u close tonight");
        var conversationId = SmsConversations.ConversationIdFor(Phone, Mission);

        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var scriptErrors = new List<string>();
            var deskContext = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = h.BaseAddress!.ToString() });
            var desk = await deskContext.NewPageAsync();
            desk.SetDefaultTimeout(15000);
            desk.PageError += (_, error) => scriptErrors.Add(error);
            await SignInAsync(desk, StaffRole.FrontDesk);
            // A text already queued before the stop (the sender's loop ran at start-up): it must not go once texts are stopped.
            var queued = await h.Host.Get<OutboxWriter>().EnqueueAsync(MessageKind.MissedCall, Phone, "Sorry we missed your call! Text us here anytime.", null, "mission",
                null, null, Actor.System("test"), CancellationToken.None);

            // The conversation page's switch: texts allowed, then stopped with the reason.
            await desk.GotoAsync($"/staff/conversations/{conversationId}");
            var texts = desk.Locator("#texts");
            await Assertions.Expect(texts).ToHaveAttributeAsync("data-opted-out", "false");
            await texts.GetByLabel("Why").FillAsync("she called: calls only, no texts please");
            await texts.GetByRole(AriaRole.Button, new() { Name = "Stop texting this number" }).ClickAsync();
            await Assertions.Expect(desk.Locator("#texts")).ToHaveAttributeAsync("data-opted-out", "true");
            await Assertions.Expect(desk.Locator("#texts")).ToContainTextAsync("she called: calls only, no texts please");
            await Assertions.Expect(desk.Locator("#texts")).ToContainTextAsync("by a team member");
            await Assertions.Expect(desk.Locator("#texts button", new() { HasText = "Text this number again" })).ToHaveCountAsync(0);
            await Browser.ScreenshotAsync(desk, "staff-conversation-texts-stopped");

            // While stopped: the team's reply is kept in the transcript but never texted, and the queued one is suppressed.
            await desk.FillAsync("textarea[name=text]", "Hi! We close at 8 tonight.");
            await desk.Locator("button", new() { HasText = "Send" }).ClickAsync();
            await Assertions.Expect(desk.Locator("tr.turn-staff")).ToContainTextAsync("We close at 8 tonight");
            await sender.DrainOnceAsync(CancellationToken.None);
            Assert.Empty(rest.Requests);
            var whileStopped = await ToPhoneAsync(h);
            Assert.Contains(whileStopped, m => m.Id == queued.Id);
            Assert.All(whileStopped, m => Assert.Equal(OutboxStatus.Suppressed, m.Status));
            Assert.DoesNotContain(whileStopped, m => m.Kind == MessageKind.Staff);

            // The opt-outs page lists it; front desk has no way back on, and a hand-made request is refused.
            await desk.GotoAsync("/staff/opt-outs");
            var row = desk.Locator($"tr[data-phone='{Phone}']");
            await Assertions.Expect(row).ToContainTextAsync("(415) 555-4646");
            await Assertions.Expect(row).ToContainTextAsync("by a team member");
            await Assertions.Expect(row).ToContainTextAsync("she called: calls only, no texts please");
            await Assertions.Expect(desk.GetByRole(AriaRole.Button, new() { Name = "Text this number again" })).ToHaveCountAsync(0);
            var forged = await desk.EvaluateAsync<int>("""
                async phone => {
                  const body = new URLSearchParams({ __csrf: document.querySelector('input[name=__csrf]').value, phone, note: 'she said ok', return: '/staff/opt-outs' });
                  const r = await fetch('/staff/opt-outs/start', { method: 'POST', body, redirect: 'manual' });
                  return r.status;
                }
                """, Phone);
            Assert.Equal(403, forged);
            Assert.True(await h.Host.Get<SmsOptOuts>().IsOptedOutAsync(Phone, CancellationToken.None));

            // A manager turns texts back on, saying how the client asked; a blank note is refused by the browser and the host.
            var managerContext = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = h.BaseAddress!.ToString() });
            var manager = await managerContext.NewPageAsync();
            manager.SetDefaultTimeout(15000);
            manager.PageError += (_, error) => scriptErrors.Add(error);
            await SignInAsync(manager, StaffRole.Manager);
            await manager.GotoAsync("/staff/opt-outs");
            var managerRow = manager.Locator($"tr[data-phone='{Phone}']");
            await managerRow.GetByLabel("How the client asked").FillAsync("client called the desk and asked to get texts again");
            await managerRow.GetByRole(AriaRole.Button, new() { Name = "Text this number again" }).ClickAsync();
            await Assertions.Expect(manager.Locator("#opt-outs-empty")).ToBeVisibleAsync();
            Assert.False(await h.Host.Get<SmsOptOuts>().IsOptedOutAsync(Phone, CancellationToken.None));

            // Texts go again, through the approval the spa asked for: the manager's reply waits, is approved, then sent.
            await manager.GotoAsync($"/staff/conversations/{conversationId}");
            await Assertions.Expect(manager.Locator("#texts")).ToHaveAttributeAsync("data-opted-out", "false");
            await manager.FillAsync("textarea[name=text]", "Texts are back on. See you Saturday!");
            await manager.Locator("button", new() { HasText = "Send" }).ClickAsync();
            await Assertions.Expect(manager.Locator("tr.turn-staff").Last).ToContainTextAsync("Texts are back on");
            var pending = Assert.Single(await ToPhoneAsync(h), m => m.Status == OutboxStatus.PendingApproval);
            await manager.GotoAsync("/staff/approvals");
            await manager.Locator($"tr[data-message='{pending.Id}'] button", new() { HasText = "Approve" }).ClickAsync();
            await Assertions.Expect(manager.Locator("#no-approvals")).ToBeVisibleAsync();
            await sender.DrainOnceAsync(CancellationToken.None);
            var sent = Assert.Single(rest.Requests);
            Assert.Equal(Phone, sent.To);
            Assert.Equal("Texts are back on. See you Saturday!", sent.Body);
            // The message suppressed while stopped stays suppressed: turning texts back on does not resend old ones.
            Assert.Equal(OutboxStatus.Suppressed, (await ToPhoneAsync(h)).Single(m => m.Id == queued.Id).Status);

            // The audit log shows both changes and who made them.
            await manager.GotoAsync("/staff/audit?from=2026-11-23&to=2026-11-23");
            var optOut = manager.Locator("tr", new() { HasText = "client.sms_opt_out" });
            var optIn = manager.Locator("tr", new() { HasText = "client.sms_opt_in" });
            await Assertions.Expect(optOut).ToHaveCountAsync(1);
            await Assertions.Expect(optOut).ToContainTextAsync(StaffHarness.EmailOf(StaffRole.FrontDesk));
            await Assertions.Expect(optOut).ToContainTextAsync("she called: calls only, no texts please");
            await Assertions.Expect(optIn).ToHaveCountAsync(1);
            await Assertions.Expect(optIn).ToContainTextAsync(StaffHarness.EmailOf(StaffRole.Manager));
            await Assertions.Expect(optIn).ToContainTextAsync("client called the desk and asked to get texts again");
            await Browser.ScreenshotAsync(manager, "staff-audit-opt-out-and-in");
            Assert.Empty(scriptErrors);
        }
    }
}
