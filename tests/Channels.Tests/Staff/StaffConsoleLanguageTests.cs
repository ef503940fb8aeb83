using System.Text.Json;
using System.Text.RegularExpressions;
using FrontDesk.Channels.Staff;
using FrontDesk.TestSupport;

namespace FrontDesk.Channels.Tests.Staff;

/// <summary>The console's transcript list and dashboard filtered by language, over HTTP on the real host.</summary>
public sealed partial class StaffConsoleTests
{
    [Fact]
    public async Task The_transcript_list_and_the_dashboard_filter_by_language()
    {
        await using var h = await StaffHarness.StartAsync(TestStore.Sqlite);
        using var web = h.Host.CreateClient();
        var spanish = await h.Host.ChatAsync(web, "buenas, ¿a qué hora abren el sábado?");
        var english = await h.Host.ChatAsync(web, "what time do you open on saturday?");
        using var client = await SignInAsync(h, StaffRole.Manager);

        var everyone = await client.GetStringAsync(new Uri("/staff/transcripts", UriKind.Relative));
        Assert.Contains("href=\"/staff/transcripts\"", everyone, StringComparison.Ordinal);
        Assert.Equal(new[] { english.SessionId, spanish.SessionId }.Order(StringComparer.Ordinal), ConversationRows(everyone).Order(StringComparer.Ordinal));
        Assert.Contains("<option value=\"es\">Spanish</option>", everyone, StringComparison.Ordinal);

        var es = await client.GetStringAsync(new Uri("/staff/transcripts?language=es", UriKind.Relative));
        Assert.Equal([spanish.SessionId], ConversationRows(es));
        Assert.Contains("<option value=\"es\" selected>Spanish</option>", es, StringComparison.Ordinal);
        Assert.Contains("¿a qué hora abren el sábado?", System.Net.WebUtility.HtmlDecode(es), StringComparison.Ordinal);
        var en = await client.GetStringAsync(new Uri("/staff/transcripts?language=en", UriKind.Relative));
        Assert.Equal([english.SessionId], ConversationRows(en));

        Assert.Equal(2, DashboardConversations(await client.GetStringAsync(new Uri("/staff/dashboard", UriKind.Relative))));
        var dashboardEs = await client.GetStringAsync(new Uri("/staff/dashboard?language=es", UriKind.Relative));
        Assert.Equal(1, DashboardConversations(dashboardEs));
        Assert.Contains("<option value=\"es\" selected>Spanish</option>", dashboardEs, StringComparison.Ordinal);
        using var bad = await client.GetAsync(new Uri("/staff/dashboard?language=fr", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private static List<string> ConversationRows(string html) => [.. ConversationRow().Matches(html).Select(m => m.Groups[1].Value)];

    private static int DashboardConversations(string html)
    {
        var json = MetricsData().Match(html).Groups[1].Value;
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("conversations").GetInt32();
    }

    [GeneratedRegex("<tr data-conversation=\"([^\"]+)\"")]
    private static partial Regex ConversationRow();

    [GeneratedRegex("<script type=\"application/json\" id=\"metrics-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex MetricsData();
}
