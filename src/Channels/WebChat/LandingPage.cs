using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using FrontDesk.Tools.Faq;
using FrontDesk.Tools.Profile;

namespace FrontDesk.Channels.WebChat;

/// <summary>
/// The page at <c>/</c>: the spa's website as its profile describes it (services and prices, hours, locations, FAQ)
/// with the chat widget embedded exactly as any other site would embed it, so a newcomer can talk to the agent at once.
/// </summary>
public static class LandingPage
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Maps <c>GET /</c>.</summary>
    public static void MapLandingPage(this WebApplication app)
    {
        var html = new Lazy<string>(() => Render(app.Services.GetRequiredService<SpaProfile>()));
        app.MapGet("/", () => TypedResults.Content(html.Value, "text/html; charset=utf-8")).ExcludeFromDescription();
    }

    /// <summary>The page's HTML.</summary>
    public static string Render(SpaProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var h = HtmlEncoder.Default;
        var spa = profile.Spa;
        var sb = new StringBuilder(16_384);
        sb.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{h.Encode(spa.Name)}</title>
            <link rel="stylesheet" href="/site.css">
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header class="site-header">
              <div class="wrap">
                <p class="brand">{h.Encode(spa.Name)}</p>
                <nav aria-label="Site">
                  <a href="#services">Services</a><a href="#visit">Hours &amp; locations</a><a href="#faq">FAQ</a><a href="/staff">Staff console</a>
                </nav>
              </div>
            </header>
            <main id="main">
            <section class="hero">
              <div class="wrap">
                <h1>{h.Encode(spa.Name)}</h1>
                <p class="lead">Book, move or cancel an appointment, join the waitlist or ask a question, any time, in the chat.</p>
                <p><button type="button" class="cta" data-frontdesk-open>Chat with our front desk</button></p>
                <p class="note">{h.Encode(spa.AiDisclosure)}</p>
              </div>
            </section>
            <section id="services" class="wrap" aria-labelledby="services-title">
              <h2 id="services-title">Services</h2>

            """);
        foreach (var group in profile.Services.GroupBy(s => s.Category))
        {
            sb.Append(CultureInfo.InvariantCulture, $"""  <h3>{h.Encode(Title(group.Key))}</h3>{"\n"}  <ul class="services">{"\n"}""");
            foreach (var s in group)
            {
                var price = s.Price switch
                {
                    null => "price on consultation",
                    0m => "complimentary",
                    { } p => (s.PriceFrom ? "from " : "") + FaqIndex.FormatMoney(p, spa.Currency),
                };
                sb.Append(CultureInfo.InvariantCulture, $"""
                        <li><span class="name">{h.Encode(s.Name)}</span> <span class="meta">{s.DurationMin} min · {h.Encode(price)}</span>{(s.Description is { } d ? $"<br><span class=\"desc\">{h.Encode(d)}</span>" : "")}</li>

                    """);
            }
            sb.Append("  </ul>\n");
        }
        sb.Append("""
            </section>
            <section id="visit" class="wrap" aria-labelledby="visit-title">
              <h2 id="visit-title">Hours &amp; locations</h2>
              <div class="locations">

            """);
        foreach (var l in profile.Locations)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""    <article class="location"><h3>{h.Encode(l.Name)}</h3>""");
            if (l.Address is { } address)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<p>{h.Encode(address)}</p>");
            }
            if (l.Phone is { } phone)
            {
                sb.Append(CultureInfo.InvariantCulture, $"""<p><a href="tel:{h.Encode(phone)}">{h.Encode(FormatPhone(phone))}</a></p>""");
            }
            sb.Append("<table class=\"hours\"><caption class=\"sr-only\">Opening hours</caption><tbody>");
            foreach (var day in Week)
            {
                var spans = l.Hours.On(day);
                var text = spans.Count == 0 ? "Closed" : string.Join(", ", spans.Select(t => $"{Time(t.Start)} – {Time(t.End)}"));
                sb.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{day}</th><td>{h.Encode(text)}</td></tr>");
            }
            sb.Append("</tbody></table></article>\n");
        }
        sb.Append("""
              </div>
            </section>
            <section id="faq" class="wrap" aria-labelledby="faq-title">
              <h2 id="faq-title">Questions we hear often</h2>

            """);
        foreach (var f in profile.Faq.Take(8))
        {
            sb.Append(CultureInfo.InvariantCulture, $"  <details><summary>{h.Encode(f.Question)}</summary><p>{h.Encode(f.Answer)}</p></details>\n");
        }
        sb.Append(CultureInfo.InvariantCulture, $"""
            </section>
            </main>
            <footer class="site-footer"><div class="wrap">
              <p>{h.Encode(spa.Name)}{(spa.Website is { } w ? $" · <a href=\"{h.Encode(w)}\">{h.Encode(w)}</a>" : "")}</p>
              <p>Front desk by FrontDesk Agent · <a href="/staff">Staff console</a></p>
            </div></footer>
            <script src="/widget.js" defer></script>
            </body>
            </html>

            """);
        return sb.ToString();
    }

    private static string Title(string category) => category.Length == 0 ? category : char.ToUpperInvariant(category[0]) + category[1..].Replace('-', ' ');

    private static string Time(TimeOnly t) => t == new TimeOnly(0, 0) ? "midnight" : t.ToString(t.Minute == 0 ? "h tt" : "h:mm tt", Inv);

    private static string FormatPhone(string e164) =>
        e164.Length == 12 && e164.StartsWith("+1", StringComparison.Ordinal) ? $"({e164[2..5]}) {e164[5..8]}-{e164[8..]}" : e164;
}
