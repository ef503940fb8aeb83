using System.Net;
using System.Text.Encodings.Web;
using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.Tools.Faq;
using FrontDesk.Tools.Profile;

namespace FrontDesk.Channels.Tests.WebChat;

public sealed class LandingPageTests
{
    [Fact]
    public async Task The_landing_page_is_the_spas_site_from_its_profile_with_the_widget_embedded()
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        var profile = host.Get<SpaProfile>();
        string E(string s) => HtmlEncoder.Default.Encode(s);

        Assert.Contains($"<title>{E(profile.Spa.Name)}</title>", html, StringComparison.Ordinal);
        Assert.Contains(E(profile.Spa.AiDisclosure), html, StringComparison.Ordinal);
        foreach (var service in profile.Services)
        {
            Assert.Contains(E(service.Name), html, StringComparison.Ordinal);
            if (service.Price is { } price && price > 0)
            {
                Assert.Contains(E(FaqIndex.FormatMoney(price, profile.Spa.Currency)), html, StringComparison.Ordinal);
            }
        }
        Assert.Contains(profile.Services, s => s.Price is null);
        Assert.Contains("price on consultation", html, StringComparison.Ordinal);
        Assert.Contains(profile.Services, s => s.Price == 0);
        Assert.Contains("min · complimentary", html, StringComparison.Ordinal);
        foreach (var location in profile.Locations)
        {
            Assert.Contains(E(location.Name), html, StringComparison.Ordinal);
            Assert.Contains(E(location.Address!), html, StringComparison.Ordinal);
        }
        Assert.Contains("<tr><th scope=\"row\">Sunday</th><td>Closed</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains(E(profile.Faq[0].Question), html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/widget.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/staff\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_profile_renders_its_own_site()
    {
        await using var host = FrontDeskHost.Create(settings: new Dictionary<string, string?> { ["FrontDesk:Profile"] = FrontDesk.TestSupport.TestFiles.HarborProfile });
        using var client = host.CreateClient();
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var profile = host.Get<SpaProfile>();
        Assert.Contains(HtmlEncoder.Default.Encode(profile.Spa.Name), html, StringComparison.Ordinal);
        Assert.DoesNotContain("Willow", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/widget.js", "text/javascript")]
    [InlineData("/widget.css", "text/css")]
    [InlineData("/site.css", "text/css")]
    public async Task The_widget_is_plain_static_files(string path, string mediaType)
    {
        await using var host = FrontDeskHost.Create();
        using var client = host.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void The_start_up_banner_says_where_to_click()
    {
        var banner = FrontDesk.Channels.Hosting.StartupBanner.Describe("Test Spa", "http://[::]:5080");
        Assert.Contains("FrontDesk Agent for Test Spa is running: open http://localhost:5080", banner, StringComparison.Ordinal);
        Assert.Contains("http://localhost:5080/staff", banner, StringComparison.Ordinal);
    }
}
