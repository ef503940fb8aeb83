using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FrontDesk.Channels.Staff;
using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Audit;

namespace FrontDesk.Channels.Tests.Staff;

/// <summary>The real host with one staff account (and API key) per role.</summary>
internal sealed class StaffHarness : IAsyncDisposable
{
    public const string Password = "correct horse battery";
    public const string BootstrapKey = "bootstrap-key-for-tests-0123456789";

    private StaffHarness(FrontDeskHost host) => Host = host;

    public FrontDeskHost Host { get; }

    /// <summary>API keys by role.</summary>
    public Dictionary<string, string> Keys { get; } = [];

    public static string EmailOf(string role) => $"{role.Replace('_', '-')}@spa.test";

    /// <summary>The Kestrel address when started on a real port.</summary>
    public Uri? BaseAddress { get; private set; }

    public static async Task<StaffHarness> StartAsync(TestStore store, Dictionary<string, string?>? settings = null, bool kestrel = false)
    {
        var all = new Dictionary<string, string?> { ["FrontDesk:Staff:BootstrapApiKey"] = BootstrapKey };
        foreach (var (k, v) in settings ?? [])
        {
            all[k] = v;
        }
        var harness = new StaffHarness(FrontDeskHost.Create(store, settings: all));
        if (kestrel)
        {
            harness.BaseAddress = harness.Host.StartKestrel();
        }
        var accounts = harness.Host.Get<StaffAccounts>();
        foreach (var role in StaffRole.All)
        {
            var (error, account) = await accounts.CreateAsync(EmailOf(role), $"{char.ToUpperInvariant(role[0])}{role[1..]} Tester", role, Password, Actor.System("test"), CancellationToken.None);
            Assert.Equal(AccountError.None, error);
            harness.Keys[role] = (await accounts.IssueApiKeyAsync(account!.Id, "tests", Actor.System("test"), CancellationToken.None)).Key;
        }
        return harness;
    }

    /// <summary>A client of the staff API acting as <paramref name="role"/>.</summary>
    public HttpClient As(string role)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Keys[role]);
        return client;
    }

    public HttpClient WithBearer(string key)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return await JsonAsync(response);
    }

    public static async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string url, object? body = null) =>
        body is null ? await client.PostAsync(new Uri(url, UriKind.Relative), null) : await client.PostAsJsonAsync(new Uri(url, UriKind.Relative), body);

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
