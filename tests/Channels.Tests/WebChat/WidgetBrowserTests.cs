using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.Tools.Booking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FrontDesk.Channels.Tests.WebChat;

/// <summary>The landing page and the widget in headless Chromium against the real host on a Kestrel port.</summary>
public sealed class WidgetBrowserTests
{
    private const float Timeout = 30_000;

    [BrowserFact]
    public async Task A_visitor_books_an_appointment_through_the_widget_on_the_landing_page()
    {
        await using var host = FrontDeskHost.Create();
        var baseAddress = host.StartKestrel();
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            await page.GotoAsync(baseAddress.ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Chat with us" }).ClickAsync();
            var input = page.GetByLabel("Your message");
            await Assertions.Expect(input).ToBeFocusedAsync();
            var log = page.GetByRole(AriaRole.Log, new() { Name = "Conversation" });
            await Assertions.Expect(page.Locator(".fd-disclosure")).ToContainTextAsync("I'm an AI");

            var turns = new[] { "Hi! I'd like a deep tissue massage tomorrow afternoon", "the first one", "my name is Sam Lee", "415-555-7788", "yes please" };
            for (var i = 0; i < turns.Length; i++)
            {
                await input.FillAsync(turns[i]);
                await input.PressAsync("Enter");
                // Each answer replaces the optimistic bubbles with the stored turns: 2 per exchange.
                await Assertions.Expect(log.Locator(".fd-agent[data-seq]")).ToHaveCountAsync(i + 1, new() { Timeout = Timeout });
            }
            await Assertions.Expect(log.Locator(".fd-agent[data-seq]").Last).ToContainTextAsync("all set", new() { IgnoreCase = true });
            await Browser.ScreenshotAsync(page, "widget-booking-desktop");

            var booked = Assert.Single(await host.Get<AppointmentBook>().ListStartingAsync(DateTime.UtcNow.AddYears(-1), DateTime.UtcNow.AddYears(2), null, CancellationToken.None));
            Assert.Equal("deep-tissue-60", booked.ServiceId);
            Assert.Equal(AppointmentStatus.Booked, booked.Status);

            // A reload keeps the conversation.
            await page.ReloadAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Chat with us" }).ClickAsync();
            await Assertions.Expect(log.Locator(".fd-msg[data-seq]")).ToHaveCountAsync(turns.Length * 2, new() { Timeout = Timeout });
        }
    }

    [BrowserFact]
    public async Task The_widget_is_usable_on_a_390_by_844_phone_screen_and_shows_staff_replies()
    {
        await using var host = FrontDeskHost.Create(settings: new Dictionary<string, string?> { ["FrontDesk:Web:HistoryPollSeconds"] = "1" });
        var baseAddress = host.StartKestrel();
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
            await page.GotoAsync(baseAddress.ToString());
            Assert.False(await HasHorizontalOverflowAsync(page), "the landing page scrolls sideways at 390 px");

            await page.GetByRole(AriaRole.Button, new() { Name = "Chat with us" }).ClickAsync();
            var input = page.GetByLabel("Your message");
            await Assertions.Expect(input).ToBeVisibleAsync();
            await Assertions.Expect(input).ToBeInViewportAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeInViewportAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Talk to a person" })).ToBeInViewportAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Talk to a person" }).ClickAsync();
            var log = page.GetByRole(AriaRole.Log, new() { Name = "Conversation" });
            await Assertions.Expect(log.Locator(".fd-agent[data-seq]")).ToHaveCountAsync(1, new() { Timeout = Timeout });
            var escalation = Assert.Single(await host.Get<FrontDesk.Agent.Conversations.ConversationStore>().EscalationsAsync("open", CancellationToken.None));
            Assert.Equal("human_request", escalation.Category);

            // A team member answers in the transcript; the open widget picks it up.
            await host.Get<FrontDesk.Agent.Conversations.ConversationStore>().AppendTurnAsync(escalation.ConversationId!, "staff",
                "Hi, this is Maya at the front desk. How can I help?", new FrontDesk.Agent.Transcripts.TurnTags(), CancellationToken.None);
            await Assertions.Expect(log.Locator(".fd-staff")).ToContainTextAsync("this is Maya", new() { Timeout = Timeout });
            // "Team member" is shown and read once: one element, no generated content beside it.
            var staff = log.Locator(".fd-staff").First;
            Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(await staff.TextContentAsync() ?? "", "Team member"));
            Assert.Equal("none", await staff.EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"));
            Assert.True(await staff.Locator(".fd-who").IsVisibleAsync());

            Assert.False(await HasHorizontalOverflowAsync(page), "the open widget scrolls sideways at 390 px");
            var box = await page.Locator(".fd-panel").BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= 390.5, $"panel spans {box.X}..{box.X + box.Width}");
            // The phone's screen as the visitor sees it (not the full page behind the fixed panel).
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ArtifactsDirectory, "widget-phone-390x844.png") });

            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Chat with us" })).ToBeFocusedAsync();
        }
    }

    [BrowserFact]
    public async Task A_visitor_proves_their_phone_with_the_texted_code_in_the_widget_and_cancels()
    {
        await using var host = FrontDeskHost.Create();
        var baseAddress = host.StartKestrel();
        var agent = host.Get<FrontDesk.Agent.FrontDeskAgent>();
        foreach (var text in new[] { "I need a hydrafacial next Tuesday", "the first one", "yes" })
        {
            await agent.HandleAsync(new FrontDesk.Agent.TurnRequest("voice_ava", "voice", text, "+14155551111"), CancellationToken.None);
        }
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(baseAddress.ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Chat with our front desk" }).ClickAsync();
            var input = page.GetByLabel("Your message");
            var log = page.GetByRole(AriaRole.Log, new() { Name = "Conversation" });
            async Task SayAsync(string text, int agentTurns)
            {
                await input.FillAsync(text);
                await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
                await Assertions.Expect(log.Locator(".fd-agent[data-seq]")).ToHaveCountAsync(agentTurns, new() { Timeout = Timeout });
            }

            await SayAsync("I need to cancel my appointment", 1);
            await Assertions.Expect(log.Locator(".fd-agent[data-seq]").Last).ToContainTextAsync("verify your mobile number");
            await SayAsync("415-555-1111", 2);
            var message = Assert.Single(await host.Get<FrontDesk.Tools.Outbox.OutboxWriter>().ListAsync(null, 50, CancellationToken.None),
                m => m.Kind == FrontDesk.Tools.Outbox.MessageKind.VerificationCode);
            var code = System.Text.RegularExpressions.Regex.Match(message.Body, @"(?<!\d)\d{6}(?!\d)").Value;
            await SayAsync(code, 3);
            await Assertions.Expect(log.Locator(".fd-agent[data-seq]").Last).ToContainTextAsync("cancel HydraFacial");
            await SayAsync("yes", 4);
            await Assertions.Expect(log.Locator(".fd-agent[data-seq]").Last).ToContainTextAsync("cancelled");
            await Browser.ScreenshotAsync(page, "widget-verified-cancel");
            var appointment = Assert.Single(await host.Get<AppointmentBook>().ListStartingAsync(DateTime.UtcNow.AddYears(-1), DateTime.UtcNow.AddYears(2), null, CancellationToken.None));
            Assert.Equal(AppointmentStatus.Cancelled, appointment.Status);
        }
    }

    [BrowserFact]
    public async Task After_the_session_expires_the_widget_starts_a_new_conversation_and_shows_its_turns()
    {
        var clock = new ManualTimeProvider(FrontDesk.TestSupport.SpaBookHarness.DefaultNow);
        await using var host = FrontDeskHost.Create(
            settings: new Dictionary<string, string?> { ["FrontDesk:Web:SessionIdleMinutes"] = "30" },
            services: s => s.AddSingleton<TimeProvider>(clock));
        var baseAddress = host.StartKestrel();
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(baseAddress.ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Chat with us" }).ClickAsync();
            var input = page.GetByLabel("Your message");
            var log = page.GetByRole(AriaRole.Log, new() { Name = "Conversation" });
            await input.FillAsync("Is there parking?");
            await input.PressAsync("Enter");
            await Assertions.Expect(log.Locator(".fd-agent[data-seq]")).ToHaveCountAsync(1, new() { Timeout = Timeout });
            var first = await page.EvaluateAsync<string>("() => localStorage.getItem('frontdesk.sessionId')");

            clock.Advance(TimeSpan.FromHours(2));
            await input.FillAsync("What are your hours?");
            await input.PressAsync("Enter");
            await Assertions.Expect(log.Locator(".fd-client[data-seq]")).ToHaveTextAsync(["You: What are your hours?"], new() { Timeout = Timeout });
            await Assertions.Expect(log.Locator(".fd-agent[data-seq]")).ToHaveCountAsync(1, new() { Timeout = Timeout });
            var second = await page.EvaluateAsync<string>("() => localStorage.getItem('frontdesk.sessionId')");
            Assert.NotEqual(first, second);
        }
    }

    private static Task<bool> HasHorizontalOverflowAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
}
