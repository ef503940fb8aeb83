using System.Net.Http.Json;
using FrontDesk.Agent.Conversations;
using FrontDesk.Channels.Tests.Hosting;
using Microsoft.Playwright;

namespace FrontDesk.Channels.Tests.WebChat;

/// <summary>
/// The widget's labels follow the host page's language (its <c>lang</c>, or <c>data-lang</c> on the script tag), in
/// headless Chromium against the real host. The host pages are a spa's own site, served here on the host's origin.
/// </summary>
public sealed class WidgetLanguageBrowserTests
{
    private const float Timeout = 30_000;

    private static string SitePage(string htmlLang, string? dataLang = null) => $"""
        <!doctype html>
        <html lang="{htmlLang}"><head><meta charset="utf-8"><title>Spa</title></head>
        <body><h1>Our spa</h1><script src="/widget.js"{(dataLang is null ? "" : $" data-lang=\"{dataLang}\"")} defer></script></body></html>
        """;

    private static async Task<IPage> OpenSiteAsync(IBrowser browser, Uri baseAddress, string html)
    {
        var page = await browser.NewPageAsync();
        var site = new Uri(baseAddress, "/site/page.html").ToString();
        await page.RouteAsync(site, route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = html }));
        await page.GotoAsync(site);
        return page;
    }

    [BrowserFact]
    public async Task On_a_Spanish_page_the_widget_speaks_Spanish_and_a_person_is_asked_for_in_Spanish()
    {
        await using var host = FrontDeskHost.Create();
        var baseAddress = host.StartKestrel();
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await OpenSiteAsync(browser, baseAddress, SitePage("es-MX"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Escríbanos" }).ClickAsync();
            await Assertions.Expect(page.GetByLabel("Su mensaje")).ToBeFocusedAsync();
            await Assertions.Expect(page.GetByLabel("Su mensaje")).ToHaveAttributeAsync("placeholder", "Escriba su mensaje…");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enviar" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cerrar el chat" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".fd-widget")).ToHaveAttributeAsync("lang", "es");
            // The profile's own Spanish disclosure (ai_disclosure_es), from /api/chat/config?lang=es.
            await Assertions.Expect(page.Locator(".fd-disclosure")).ToContainTextAsync("Soy una inteligencia artificial", new() { Timeout = Timeout });

            await page.GetByRole(AriaRole.Button, new() { Name = "Hablar con una persona" }).ClickAsync();
            var log = page.GetByRole(AriaRole.Log, new() { Name = "Conversación" });
            await Assertions.Expect(log.Locator(".fd-agent[data-seq]")).ToHaveCountAsync(1, new() { Timeout = Timeout });
            await Assertions.Expect(log.Locator(".fd-client[data-seq]")).ToHaveTextAsync(["Usted: ¿Puedo hablar con una persona?"]);
            await Assertions.Expect(log.Locator(".fd-agent[data-seq]")).ToContainTextAsync("Asistente: Por supuesto");
            var escalation = Assert.Single(await host.Get<ConversationStore>().EscalationsAsync("open", CancellationToken.None));
            Assert.Equal("human_request", escalation.Category);
            await Browser.ScreenshotAsync(page, "widget-spanish-page");
        }
    }

    [BrowserFact]
    public async Task On_a_Spanish_page_a_first_message_too_short_to_tell_is_answered_in_Spanish()
    {
        await using var host = FrontDeskHost.Create();
        var baseAddress = host.StartKestrel();
        // What the engine says to "ok" in a Spanish conversation and in an English one (the API, sessions of their own).
        using var api = new HttpClient { BaseAddress = baseAddress };
        var spanish = await FirstReplyAsync(api, new { text = "ok", language = "es" });
        var english = await FirstReplyAsync(api, new { text = "ok" });
        Assert.NotEqual(english, spanish);
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await OpenSiteAsync(browser, baseAddress, SitePage("es-MX"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Escríbanos" }).ClickAsync();
            await page.GetByLabel("Su mensaje").FillAsync("ok");
            await page.GetByRole(AriaRole.Button, new() { Name = "Enviar" }).ClickAsync();

            var log = page.GetByRole(AriaRole.Log, new() { Name = "Conversación" });
            await Assertions.Expect(log.Locator(".fd-agent[data-seq]")).ToHaveCountAsync(1, new() { Timeout = Timeout });
            await Assertions.Expect(log.Locator(".fd-agent[data-seq]")).ToContainTextAsync(spanish[..Math.Min(spanish.Length, 40)]);

            // A clear English message on the same Spanish page switches the conversation to English.
            await page.GetByLabel("Su mensaje").FillAsync("actually, do you have parking nearby?");
            await page.GetByRole(AriaRole.Button, new() { Name = "Enviar" }).ClickAsync();
            await Assertions.Expect(log.Locator(".fd-agent[data-seq]")).ToHaveCountAsync(2, new() { Timeout = Timeout });
            await Assertions.Expect(log.Locator(".fd-agent[data-seq]").Nth(1)).ToContainTextAsync("parking");
        }
    }

    private static async Task<string> FirstReplyAsync(HttpClient api, object body)
    {
        using var response = await api.PostAsJsonAsync("/api/chat", body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("reply").GetString()!;
    }

    [BrowserFact]
    public async Task Data_lang_on_the_script_tag_wins_over_the_page_and_an_unknown_language_falls_back_to_English()
    {
        await using var host = FrontDeskHost.Create();
        var baseAddress = host.StartKestrel();
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var tagged = await OpenSiteAsync(browser, baseAddress, SitePage("en", dataLang: "es"));
            await tagged.GetByRole(AriaRole.Button, new() { Name = "Escríbanos" }).ClickAsync();
            await Assertions.Expect(tagged.GetByRole(AriaRole.Button, new() { Name = "Hablar con una persona" })).ToBeVisibleAsync();

            var french = await OpenSiteAsync(browser, baseAddress, SitePage("fr-CA"));
            await french.GetByRole(AriaRole.Button, new() { Name = "Chat with us" }).ClickAsync();
            await Assertions.Expect(french.GetByLabel("Your message")).ToBeFocusedAsync();
            await Assertions.Expect(french.GetByRole(AriaRole.Button, new() { Name = "Talk to a person" })).ToBeVisibleAsync();
            await Assertions.Expect(french.Locator(".fd-widget")).ToHaveAttributeAsync("lang", "en");
            await Assertions.Expect(french.Locator(".fd-disclosure")).ToContainTextAsync("I'm an AI", new() { Timeout = Timeout });

            var english = await OpenSiteAsync(browser, baseAddress, SitePage("en-US", dataLang: "xx"));
            await Assertions.Expect(english.GetByRole(AriaRole.Button, new() { Name = "Chat with us" })).ToBeVisibleAsync();
        }
    }
}
