using System.Net;

namespace FrontDesk.Channels.Tests.Hosting;

public sealed class HostSmokeTests
{
    [Fact]
    public async Task The_real_host_answers_a_chat_turn_in_memory()
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();
        var answer = await host.ChatAsync(client, "What are your hours?");
        Assert.StartsWith("web_", answer.SessionId, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(answer.Reply));
    }

    [Fact]
    public async Task The_real_host_serves_on_a_kestrel_port()
    {
        await using var host = FrontDeskHost.Create();
        var baseAddress = host.StartKestrel();
        using var client = new HttpClient { BaseAddress = baseAddress };
        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Willow", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Chromium_opens_a_page_of_the_real_host()
    {
        await using var host = FrontDeskHost.Create();
        var baseAddress = host.StartKestrel();
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            var response = await page.GotoAsync(new Uri(baseAddress, "/healthz").ToString());
            Assert.NotNull(response);
            Assert.True(response.Ok);
            Assert.Contains("ok", await page.ContentAsync(), StringComparison.Ordinal);
        }
    }
}
