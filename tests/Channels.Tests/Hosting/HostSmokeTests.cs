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
        // On a real port the host warms its web chat endpoint over HTTP after it starts listening; /readyz says
        // "Warming up." (503) until that is done, then ready.
        var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        for (var i = 0; i < 300 && response.StatusCode == HttpStatusCode.ServiceUnavailable; i++)
        {
            Assert.Contains("Warming up", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            response.Dispose();
            await Task.Delay(100);
            response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        }
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Willow", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // The warm-up's own web conversation is gone.
        await using var c = await host.Get<FrontDesk.Tools.Store.SpaDatabase>().OpenAsync(CancellationToken.None);
        await using var count = c.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM conversations";
        Assert.Equal(0L, Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("GET", "/api/chat", 405)]
    [InlineData("PUT", "/api/chat/stream", 405)]
    [InlineData("GET", "/no/such/page", 404)]
    [InlineData("POST", "/api/nothing-here", 404)]
    public async Task An_error_without_a_body_gets_problem_details(string method, string path, int status)
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Problem_pages_leave_answers_with_their_own_body_alone()
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();

        // The unconfigured Bot Framework endpoint writes its own 404 problem naming the settings.
        using var bot = await client.PostAsync("/api/messages", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, bot.StatusCode);
        Assert.Contains("FrontDesk:BotFramework:AppId", await bot.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A page and a static file keep their own content types.
        using var landing = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal("text/html", landing.Content.Headers.ContentType?.MediaType);
        using var widget = await client.GetAsync(new Uri("/widget.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, widget.StatusCode);
    }

    [Fact]
    public async Task Without_urls_the_host_listens_on_localhost_5080()
    {
        // Resolved from configuration rather than by binding 5080, which may be taken on a shared machine.
        await using var host = FrontDeskHost.Create();
        _ = host.CreateClient();
        Assert.Equal("http://localhost:5080", host.Get<Microsoft.Extensions.Configuration.IConfiguration>()["urls"]);
    }

    [Fact]
    public async Task Readyz_is_a_503_problem_when_the_database_cannot_be_opened()
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();
        using (var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
        // The SQLite file is replaced by a folder of the same name: the store is there but cannot be opened.
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(host.Settings["FrontDesk:Database:ConnectionString"]).DataSource;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
        Directory.CreateDirectory(file);

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("database is not reachable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var alive = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
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
