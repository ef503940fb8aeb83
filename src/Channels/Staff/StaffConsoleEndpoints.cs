using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FrontDesk.Channels.Hosting;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace FrontDesk.Channels.Staff;

/// <summary>
/// The staff console under <c>/staff</c>: server-rendered HTML with a little script, signed in with a cookie, every
/// form anti-forgery checked. The same <see cref="StaffDesk"/> and <see cref="StaffQueries"/> as the API, so the
/// same role rules and audit trail.
/// </summary>
internal static class StaffConsoleEndpoints
{
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static readonly JsonSerializerOptions JsonWeb = new(JsonSerializerDefaults.Web);

    public static void MapStaffConsoleEndpoints(this WebApplication app)
    {
        app.MapGet("/staff/assets/console.css", () => Results.Text(ConsoleAssets.Css, "text/css; charset=utf-8"));
        app.MapGet("/staff/assets/console.js", () => Results.Text(ConsoleAssets.Js, "text/javascript; charset=utf-8"));

        app.MapGet("/staff/login", (HttpContext http, string? returnUrl) => LoginPage(http, returnUrl, null));
        app.MapPost("/staff/login", async Task<IResult> (HttpContext http, StaffAccounts accounts, CancellationToken ct) =>
        {
            var form = await http.Request.ReadFormAsync(ct);
            var account = await accounts.VerifyPasswordAsync(form["email"], form["password"], ct);
            if (account is null)
            {
                return LoginPage(http, form["returnUrl"], "Email or password is wrong.", StatusCodes.Status401Unauthorized);
            }
            var principal = StaffAuth.Principal(account.Id, account.Email, account.Name, account.Role, StaffAuth.CookieScheme);
            await http.SignInAsync(StaffAuth.CookieScheme, principal);
            await accounts.AuditSessionAsync("staff.sign_in", account.Id, principal.Actor(), ct);
            return Results.Redirect(LocalStaffUrl(form["returnUrl"]) ?? "/staff");
        }).AddEndpointFilter(ValidateAntiforgery).DisableAntiforgery();
        app.MapGet("/staff/denied", (HttpContext http) => Page(http, "Not allowed", "<p class=\"error\">Your role does not allow this page.</p>", StatusCodes.Status403Forbidden));

        var console = app.MapGroup("/staff").RequireAuthorization(StaffAuth.ConsoleStaff).DisableAntiforgery();
        var forms = console.MapGroup("").AddEndpointFilter(ValidateAntiforgery);

        console.MapGet("/", () => Results.Redirect("/staff/escalations"));
        forms.MapPost("/logout", async (HttpContext http, StaffAccounts accounts, CancellationToken ct) =>
        {
            await http.SignOutAsync(StaffAuth.CookieScheme);
            await accounts.AuditSessionAsync("staff.sign_out", http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown", http.User.Actor(), ct);
            return Results.Redirect("/staff/login");
        });

        console.MapGet("/calendar", async (HttpContext http, string? date, StaffQueries q, SpaProfile profile, TimeProvider clock, CancellationToken ct) =>
        {
            var day = StaffTime.TryParseDay(date, out var d) ? d : profile.Today(clock);
            var appointments = await q.AppointmentsAsync(day, day, null, ct);
            var sb = new StringBuilder();
            sb.Append("<h1>Calendar — ").Append(E(day.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture))).Append("</h1>");
            sb.Append("<form method=\"get\" action=\"/staff/calendar\"><input type=\"date\" name=\"date\" value=\"").Append(E(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
              .Append("\"> <button>Show</button></form>");
            foreach (var location in profile.Locations)
            {
                sb.Append("<h2>").Append(E(location.Name)).Append("</h2>");
                var here = appointments.Where(a => a.LocationId == location.Id).ToList();
                if (here.Count == 0)
                {
                    sb.Append("<p>No appointments.</p>");
                    continue;
                }
                sb.Append("<div class=\"columns\">");
                foreach (var provider in here.GroupBy(a => a.StaffName).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    sb.Append("<div class=\"column\" data-provider=\"").Append(E(provider.Key)).Append("\"><b>").Append(E(provider.Key)).Append("</b>");
                    foreach (var a in provider)
                    {
                        sb.Append("<div class=\"appt ").Append(E(a.Status)).Append("\">").Append(E(a.Start[11..16])).Append('–').Append(E(a.End[11..16]))
                          .Append(' ').Append(E(a.ServiceName)).Append("<br>").Append(E(a.ClientName ?? a.ClientId)).Append(' ').Append(E(a.ClientPhone))
                          .Append(a.GuestName is null ? "" : " <span class=\"guest\">for " + E(a.GuestName) + "</span>")
                          .Append(" <span class=\"chip\">").Append(E(a.Status)).Append("</span>");
                        if (a.ConversationId is not null)
                        {
                            sb.Append(" <a href=\"/staff/conversations/").Append(U(a.ConversationId)).Append("\">conversation</a>");
                        }
                        sb.Append("</div>");
                    }
                    sb.Append("</div>");
                }
                sb.Append("</div>");
            }
            return Page(http, "Calendar", sb.ToString());
        });

        console.MapGet("/escalations", async (HttpContext http, string? fragment, StaffQueries q, CancellationToken ct) =>
        {
            var table = await QueueAsync(http, q, ct);
            if (fragment == "1")
            {
                return Results.Content(table, "text/html; charset=utf-8");
            }
            return Page(http, "Escalations", "<h1>Escalation queue</h1><div id=\"queue\" data-poll=\"/staff/escalations?fragment=1\">" + table + "</div>");
        });
        console.MapGet("/escalations/{id}", async (HttpContext http, string id, StaffDesk desk, StaffQueries q, CancellationToken ct) =>
        {
            var escalation = await desk.GetEscalationAsync(id, ct);
            if (escalation is null)
            {
                return Page(http, "Not found", "<p class=\"error\">No such escalation.</p>", StatusCodes.Status404NotFound);
            }
            var shown = (await q.ShowAsync([escalation], http.User, ct))[0];
            var sb = new StringBuilder("<h1>Escalation</h1><table>");
            Row(sb, "Category", shown.Category);
            Row(sb, "Urgency", shown.Urgency);
            Row(sb, "Status", shown.Status);
            Row(sb, "Summary", shown.Summary);
            Row(sb, "Client", shown.ClientName);
            Row(sb, "Phone", shown.ClientPhone);
            Row(sb, "Channel", shown.Channel);
            Row(sb, "Raised", shown.CreatedAt);
            Row(sb, "Claimed by", shown.ClaimedBy);
            Row(sb, "Resolved by", shown.ResolvedBy);
            sb.Append("</table><p>");
            EscalationActions(sb, http, shown, "/staff/escalations/" + U(id));
            sb.Append("</p>");
            if (shown.ConversationId is not null)
            {
                sb.Append("<p><a href=\"/staff/conversations/").Append(U(shown.ConversationId)).Append("\">Open the conversation</a></p>");
            }
            return Page(http, "Escalation", sb.ToString());
        });
        forms.MapPost("/escalations/{id}/claim", async (HttpContext http, string id, StaffDesk desk, CancellationToken ct) =>
            After(http, await desk.ClaimAsync(id, http.User, ct)));
        forms.MapPost("/escalations/{id}/resolve", async (HttpContext http, string id, StaffDesk desk, CancellationToken ct) =>
            After(http, await desk.ResolveAsync(id, http.User, ct)));
        forms.MapPost("/escalations/{id}/reply", async (HttpContext http, string id, StaffDesk desk, CancellationToken ct) =>
        {
            var form = await http.Request.ReadFormAsync(ct);
            var escalation = await desk.GetEscalationAsync(id, ct);
            if (escalation?.ConversationId is null)
            {
                return After(http, DeskResult.NotFound);
            }
            if (MedicalMatters.IsMedical(escalation.Category) && !http.User.SeesMedical())
            {
                return After(http, DeskResult.Forbidden);
            }
            return After(http, await desk.ReplyAsync(escalation.ConversationId, form["text"], http.User, escalation.ClientPhone, ct));
        });

        console.MapGet("/conversations/{id}", async (HttpContext http, string id, StaffDesk desk, StaffQueries q, StaffOptOuts optOuts, FrontDesk.Tools.Clients.ClientDirectory clients,
            CancellationToken ct) =>
        {
            var conversation = await q.ConversationAsync(id, http.User, ct);
            if (conversation is null)
            {
                return Page(http, "Not found", "<p class=\"error\">No such conversation.</p>", StatusCodes.Status404NotFound);
            }
            if (!await desk.MaySeeConversationAsync(http.User, id, ct))
            {
                return Page(http, "Not allowed", "<p class=\"error\">This conversation holds health details; it is for clinicians.</p>", StatusCodes.Status403Forbidden);
            }
            var back = "/staff/conversations/" + U(id);
            var sb = new StringBuilder();
            sb.Append("<h1>Conversation <span class=\"chip\">").Append(E(conversation.Channel)).Append("</span> <span class=\"chip\" id=\"conversation-status\">")
              .Append(E(conversation.Status)).Append("</span></h1>");
            sb.Append("<p>").Append(E(conversation.ClientName ?? "Unknown client")).Append(' ').Append(E(conversation.CallerPhone)).Append(" · started ")
              .Append(E(conversation.CreatedAt));
            if (conversation.TakenOverBy is not null)
            {
                sb.Append(" · taken over by ").Append(E(conversation.TakenOverBy));
            }
            sb.Append("</p>");
            // Texts to the client's number (their record's, else the caller ID of a call or text): whether they are stopped, and the switch.
            if (await TextsPhoneAsync(conversation, optOuts, clients, ct) is { } phone)
            {
                sb.Append(TextsPanel(http, await optOuts.StatusAsync(phone, ct), back, id));
            }
            sb.Append("<p>");
            sb.Append(conversation.Status == "taken_over"
                ? Form(http, $"/staff/conversations/{U(id)}/release", "Release to the assistant", back, "secondary")
                : Form(http, $"/staff/conversations/{U(id)}/takeover", "Take over", back));
            sb.Append("</p><table><tr><th>When</th><th>Who</th><th>Said</th><th>Tags and tools</th></tr>");
            foreach (var t in conversation.Turns)
            {
                sb.Append("<tr class=\"turn-").Append(E(t.Role)).Append("\"><td>").Append(E(t.At[11..19])).Append("</td><td>").Append(E(t.Role)).Append("</td><td>")
                  .Append(E(t.Text)).Append("</td><td>");
                foreach (var tag in t.Tags)
                {
                    sb.Append("<span class=\"chip\">").Append(E(tag)).Append("</span>");
                }
                foreach (var tool in t.Tools)
                {
                    sb.Append("<details class=\"tool\"><summary>").Append(E(tool.Name)).Append(" → ").Append(E(tool.Outcome)).Append("</summary><pre>")
                      .Append(E(tool.Arguments)).Append("</pre><pre>").Append(E(tool.Result)).Append("</pre></details>");
                }
                if (t.LatencyMs is { } ms)
                {
                    sb.Append("<span class=\"chip\">").Append(ms).Append(" ms</span>");
                }
                sb.Append("</td></tr>");
            }
            sb.Append("</table><h2>Reply</h2>");
            sb.Append(Form(http, $"/staff/conversations/{U(id)}/reply", "Send", back, null,
                "<textarea name=\"text\" required maxlength=\"1600\" placeholder=\"Write to the client (shown in the chat; texted for SMS and phone conversations)\"></textarea>"));
            return Page(http, "Conversation", sb.ToString());
        });
        forms.MapPost("/conversations/{id}/reply", async (HttpContext http, string id, StaffDesk desk, CancellationToken ct) =>
            After(http, await desk.ReplyAsync(id, (await http.Request.ReadFormAsync(ct))["text"], http.User, null, ct)));
        forms.MapPost("/conversations/{id}/takeover", async (HttpContext http, string id, StaffDesk desk, CancellationToken ct) =>
            After(http, await desk.TakeOverAsync(id, http.User, ct)));
        forms.MapPost("/conversations/{id}/release", async (HttpContext http, string id, StaffDesk desk, CancellationToken ct) =>
            After(http, await desk.ReleaseAsync(id, http.User, ct)));

        console.MapGet("/opt-outs", async (HttpContext http, string? page, StaffOptOuts optOuts, CancellationToken ct) =>
        {
            var p = int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1_000_000 ? n : 1;
            var (numbers, total) = await optOuts.ListAsync(p, StaffOptOuts.DefaultPageSize, ct);
            var sb = new StringBuilder("<h1>Opt-outs</h1><p>Numbers that get no texts from the spa (STOP by text, a caller's request, or a team member), newest first.</p>");
            sb.Append(Form(http, "/staff/opt-outs/stop", "Stop texting this number", "/staff/opt-outs", "danger",
                "<input name=\"phone\" required maxlength=\"40\" placeholder=\"(415) 555-0100\" aria-label=\"Phone number\"> <input name=\"note\" maxlength=\"500\" placeholder=\"Why (optional)\" aria-label=\"Why\"> "));
            if (numbers.Count == 0)
            {
                sb.Append("<p id=\"opt-outs-empty\">No number has opted out.</p>");
                return Page(http, "Opt-outs", sb.ToString());
            }
            sb.Append("<table id=\"opt-outs\"><tr><th>Since</th><th>Number</th><th>Client</th><th>How</th><th>Note</th>").Append(http.User.IsManager() ? "<th></th>" : "").Append("</tr>");
            foreach (var o in numbers)
            {
                sb.Append("<tr data-phone=\"").Append(E(o.Phone)).Append("\"><td>").Append(E(o.Since?[..16].Replace('T', ' '))).Append("</td><td>").Append(E(o.National ?? o.Phone))
                  .Append("</td><td>").Append(E(o.ClientName)).Append("</td><td>").Append(E(SourceName(o.Source))).Append("</td><td>").Append(E(o.Note)).Append("</td>");
                if (http.User.IsManager())
                {
                    sb.Append("<td>").Append(TextAgainForm(http, o.Phone, "/staff/opt-outs")).Append("</td>");
                }
                sb.Append("</tr>");
            }
            sb.Append("</table><p>");
            if (p > 1)
            {
                sb.Append("<a href=\"/staff/opt-outs?page=").Append(p - 1).Append("\">Newer</a> ");
            }
            if (p * StaffOptOuts.DefaultPageSize < total)
            {
                sb.Append("<a href=\"/staff/opt-outs?page=").Append(p + 1).Append("\">Older</a>");
            }
            return Page(http, "Opt-outs", sb.Append("</p>").ToString());
        });
        forms.MapPost("/opt-outs/stop", (HttpContext http, StaffOptOuts optOuts, StaffQueries q, StaffDesk desk, FrontDesk.Tools.Clients.ClientDirectory clients,
            CancellationToken ct) => ChangeOptOutAsync(http, optedOut: true, optOuts, q, desk, clients, ct));
        forms.MapPost("/opt-outs/start", (HttpContext http, StaffOptOuts optOuts, StaffQueries q, StaffDesk desk, FrontDesk.Tools.Clients.ClientDirectory clients,
            CancellationToken ct) => ChangeOptOutAsync(http, optedOut: false, optOuts, q, desk, clients, ct));

        console.MapGet("/transcripts", async (HttpContext http, string? language, string? from, string? to, StaffQueries q, SpaProfile profile, TimeProvider clock,
            CancellationToken ct) =>
        {
            if (StaffApiEndpoints.Range(from, to, profile, clock, 6, out var f, out var t) is not null || StaffApiEndpoints.Language(language, out var lang) is not null)
            {
                return Page(http, "Transcripts", "<p class=\"error\">Dates must look like 2026-11-23, 'to' after 'from'; the language one the front desk speaks.</p>",
                    StatusCodes.Status400BadRequest);
            }
            var turns = await q.TranscriptsAsync(lang is null ? null : "language:" + lang, null, f, t, http.User, ct);
            var sb = new StringBuilder("<h1>Transcripts</h1>");
            sb.Append(RangeForm("/staff/transcripts", f, t, LanguageSelect(profile, lang)));
            // Newest first; one row per conversation, with the languages its turns in the range were in.
            var conversations = turns.GroupBy(x => x.ConversationId).ToList();
            if (conversations.Count == 0)
            {
                sb.Append("<p id=\"transcripts-empty\">No conversations in this range.</p>");
                return Page(http, "Transcripts", sb.ToString());
            }
            sb.Append("<table id=\"transcripts\"><tr><th>Last turn</th><th>Channel</th><th>Language</th><th>Turns</th><th>Client said</th></tr>");
            foreach (var c in conversations)
            {
                var languages = c.SelectMany(x => x.Tags).Where(tag => tag.StartsWith("language:", StringComparison.Ordinal)).Select(tag => tag["language:".Length..])
                    .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                var said = c.FirstOrDefault(x => x.Role == "client")?.Text ?? "";
                sb.Append("<tr data-conversation=\"").Append(E(c.Key)).Append("\" data-languages=\"").Append(E(string.Join(' ', languages))).Append("\"><td>")
                  .Append(E(c.First().At[..16].Replace('T', ' '))).Append("</td><td>").Append(E(c.First().Channel)).Append("</td><td>");
                foreach (var code in languages)
                {
                    sb.Append("<span class=\"chip\">").Append(E(LanguageName(code))).Append("</span> ");
                }
                sb.Append("</td><td>").Append(c.Count()).Append("</td><td>").Append(E(said.Length > 120 ? said[..120] + "…" : said))
                  .Append(" <a href=\"/staff/conversations/").Append(U(c.Key)).Append("\">open</a></td></tr>");
            }
            return Page(http, "Transcripts", sb.Append("</table>").ToString());
        });

        console.MapGet("/approvals", async (HttpContext http, StaffQueries q, CancellationToken ct) =>
        {
            var pending = await q.OutboxAsync(FrontDesk.Tools.Outbox.OutboxStatus.PendingApproval, http.User, ct);
            var sb = new StringBuilder("<h1>Approval queue</h1>");
            if (pending.Count == 0)
            {
                sb.Append("<p id=\"no-approvals\">Nothing waits for approval.</p>");
            }
            else
            {
                sb.Append("<table><tr><th>Created</th><th>Kind</th><th>To</th><th>Message</th><th></th></tr>");
                foreach (var m in pending)
                {
                    sb.Append("<tr data-message=\"").Append(E(m.Id)).Append("\"><td>").Append(E(m.CreatedAt[..16].Replace('T', ' '))).Append("</td><td>").Append(E(m.Kind))
                      .Append("</td><td>").Append(E(m.To)).Append("</td><td>").Append(E(m.Body)).Append("</td><td>")
                      .Append(Form(http, $"/staff/outbox/{U(m.Id)}/approve", "Approve", "/staff/approvals"))
                      .Append(' ').Append(Form(http, $"/staff/outbox/{U(m.Id)}/reject", "Reject", "/staff/approvals", "danger")).Append("</td></tr>");
                }
                sb.Append("</table>");
            }
            var recent = (await q.OutboxAsync(null, http.User, ct)).Where(m => m.Status != FrontDesk.Tools.Outbox.OutboxStatus.PendingApproval).Take(20).ToList();
            sb.Append("<h2>Recent messages</h2><table><tr><th>Created</th><th>Kind</th><th>Status</th><th>To</th><th>Message</th><th>Decided by</th></tr>");
            foreach (var m in recent)
            {
                sb.Append("<tr><td>").Append(E(m.CreatedAt[..16].Replace('T', ' '))).Append("</td><td>").Append(E(m.Kind)).Append("</td><td>").Append(E(m.Status))
                  .Append("</td><td>").Append(E(m.To)).Append("</td><td>").Append(E(m.Body)).Append("</td><td>").Append(E(m.DecidedBy)).Append("</td></tr>");
            }
            sb.Append("</table>");
            return Page(http, "Approvals", sb.ToString());
        });
        forms.MapPost("/outbox/{id}/approve", async (HttpContext http, string id, StaffDesk desk, CancellationToken ct) =>
            After(http, await desk.ApproveAsync(id, http.User, ct)));
        forms.MapPost("/outbox/{id}/reject", async (HttpContext http, string id, StaffDesk desk, CancellationToken ct) =>
            After(http, await desk.RejectAsync(id, http.User, ct)));

        console.MapGet("/waitlist", async (HttpContext http, StaffQueries q, CancellationToken ct) =>
        {
            var sb = new StringBuilder("<h1>Waitlist</h1><table><tr><th>Since</th><th>Client</th><th>Phone</th><th>Service</th><th>Window</th><th>Time of day</th><th>Status</th></tr>");
            foreach (var w in await q.WaitlistAsync(null, ct))
            {
                sb.Append("<tr><td>").Append(E(w.CreatedAt[..10])).Append("</td><td>").Append(E(w.ClientName)).Append("</td><td>").Append(E(w.ClientPhone))
                  .Append("</td><td>").Append(E(w.ServiceName ?? w.ServiceId)).Append("</td><td>").Append(E(w.WindowStart)).Append(" – ").Append(E(w.WindowEnd))
                  .Append("</td><td>").Append(E(w.TimeOfDay)).Append("</td><td>").Append(E(w.Status)).Append("</td></tr>");
            }
            return Page(http, "Waitlist", sb.Append("</table>").ToString());
        });

        console.MapGet("/audit", async (HttpContext http, string? from, string? to, StaffQueries q, SpaProfile profile, TimeProvider clock, CancellationToken ct) =>
        {
            if (StaffApiEndpoints.Range(from, to, profile, clock, 6, out var f, out var t) is not null)
            {
                return Page(http, "Audit log", "<p class=\"error\">Dates must look like 2026-11-23, 'to' after 'from', at most 92 days.</p>", StatusCodes.Status400BadRequest);
            }
            var sb = new StringBuilder("<h1>Audit log</h1>");
            sb.Append(RangeForm("/staff/audit", f, t));
            sb.Append("<table><tr><th>When</th><th>Who</th><th>What</th><th>Record</th><th>Before</th><th>After</th></tr>");
            foreach (var e in await q.AuditAsync(f, t, null, null, ct))
            {
                sb.Append("<tr><td>").Append(E(e.At[..19].Replace('T', ' '))).Append("</td><td>").Append(E(e.ActorKind)).Append(": ").Append(E(e.Actor))
                  .Append("</td><td>").Append(E(e.Action)).Append("</td><td>").Append(E(e.Entity)).Append(' ').Append(E(e.EntityId))
                  .Append("</td><td><pre>").Append(E(e.Before)).Append("</pre></td><td><pre>").Append(E(e.After)).Append("</pre></td></tr>");
            }
            return Page(http, "Audit log", sb.Append("</table>").ToString());
        }).RequireAuthorization(StaffAuth.ConsoleManager);

        console.MapGet("/dashboard", async (HttpContext http, string? from, string? to, string? language, StaffMetrics metrics, SpaProfile profile, TimeProvider clock,
            CancellationToken ct) =>
        {
            if (StaffApiEndpoints.Range(from, to, profile, clock, 13, out var f, out var t) is not null || StaffApiEndpoints.Language(language, out var lang) is not null)
            {
                return Page(http, "Dashboard", "<p class=\"error\">Dates must look like 2026-11-23, 'to' after 'from', at most 92 days; the language one the front desk speaks.</p>",
                    StatusCodes.Status400BadRequest);
            }
            var m = await metrics.ComputeAsync(f, t, lang, ct);
            var sb = new StringBuilder("<h1>Owner dashboard</h1>");
            sb.Append(RangeForm("/staff/dashboard", f, t, LanguageSelect(profile, lang)));
            sb.Append("<div class=\"tiles\">");
            Tile(sb, "Conversations", m.Conversations.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Tile(sb, "First response", m.FirstResponseMs is { } ms ? $"{ms:0} ms" : "–");
            Tile(sb, "Capture rate", Pct(m.CaptureRate));
            Tile(sb, "Booking rate", Pct(m.BookingRate));
            Tile(sb, "Containment", Pct(m.ContainmentRate));
            Tile(sb, "Escalation rate", Pct(m.EscalationRate));
            Tile(sb, "Booked revenue", $"{m.Currency} {m.Revenue:0}");
            Tile(sb, "After hours", Pct(m.AfterHoursShare));
            sb.Append("</div><div class=\"charts\">");
            foreach (var (key, title) in new[]
            {
                ("channels", "Conversations by channel"), ("firstResponse", "First-response time"), ("capture", "Capture rate (left contact details)"),
                ("booking", "Booking rate"), ("containment", "Containment (resolved without staff)"), ("escalations", "Escalation rate by category"),
                ("revenue", "Booked revenue at list prices"), ("afterHours", "After-hours share"),
            })
            {
                sb.Append("<div class=\"chart\"><h3>").Append(E(title)).Append("</h3><div data-chart=\"").Append(key).Append("\"></div></div>");
            }
            sb.Append("</div><p class=\"muted\" id=\"metric-definitions\">Counted over the conversations that started in the range. ")
              .Append("Capture: the conversation left a way to reach the client (a known client, or for phone and SMS a real caller ID; a withheld number does not count). ")
              .Append("Booking: the conversation led to a booking, whenever it was made. Containment: no escalation, no staff reply and never taken over. ")
              .Append("Revenue: list prices of appointments the front desk booked, on the day they were booked.</p>");
            sb.Append("<script type=\"application/json\" id=\"metrics-data\">")
              .Append(JsonSerializer.Serialize(m, JsonWeb).Replace("<", "\\u003c", StringComparison.Ordinal)).Append("</script>");
            return Page(http, "Dashboard", sb.ToString());
        }).RequireAuthorization(StaffAuth.ConsoleManager);
    }

    private static async ValueTask<object?> ValidateAntiforgery(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        bool valid;
        try
        {
            valid = await antiforgery.IsRequestValidAsync(http);
        }
        catch (Exception ex) when (ex is AntiforgeryValidationException or InvalidDataException or InvalidOperationException or IOException or BadHttpRequestException)
        {
            // A body that is not a readable form (multipart without a boundary, a bad charset) is the sender's error (issue 15, item 9).
            return Page(http, "Not a form", "<p class=\"error\">The request was not a form this console can read.</p>", StatusCodes.Status400BadRequest);
        }
        if (!valid)
        {
            return Page(http, "Form expired", "<p class=\"error\">The form expired or did not come from this console. Go back, reload and try again.</p>",
                StatusCodes.Status400BadRequest);
        }
        var field = InputRules.FirstForbidden(http.Request);
        if (field is null && http.Request.HasFormContentType)
        {
            field = (await http.Request.ReadFormAsync(http.RequestAborted)).Where(f => f.Value.Any(InputText.HasForbiddenChars)).Select(f => f.Key).FirstOrDefault();
        }
        if (field is not null)
        {
            return Page(http, "Invalid input", $"<p class=\"error\">{E(InputRules.ForbiddenText(field))}</p>", StatusCodes.Status400BadRequest);
        }
        return await next(context);
    }

    private static async Task<string> QueueAsync(HttpContext http, StaffQueries q, CancellationToken ct)
    {
        var all = await q.EscalationsAsync(null, http.User, ct);
        var active = all.Where(e => e.Status != "resolved").ToList();
        var sb = new StringBuilder();
        if (active.Count == 0)
        {
            sb.Append("<p id=\"queue-empty\">No open escalations.</p>");
        }
        else
        {
            sb.Append("<table><tr><th>Raised</th><th>Category</th><th>Status</th><th>Client</th><th>Summary</th><th>Actions</th></tr>");
            foreach (var e in active)
            {
                sb.Append("<tr data-escalation=\"").Append(E(e.Id)).Append("\"><td>").Append(E(e.CreatedAt[11..16])).Append("</td><td><span class=\"").Append(E(e.Urgency))
                  .Append("\">").Append(E(e.Category)).Append(" · ").Append(E(e.Urgency)).Append("</span></td><td class=\"status\">").Append(E(e.Status));
                if (e.ClaimedBy is not null)
                {
                    sb.Append(" (").Append(E(e.ClaimedBy)).Append(')');
                }
                sb.Append("</td><td>").Append(E(e.ClientName ?? "Unknown")).Append("<br>").Append(E(e.ClientPhone)).Append("</td><td>").Append(E(e.Summary));
                if (e.ConversationId is not null)
                {
                    sb.Append(" <a href=\"/staff/conversations/").Append(U(e.ConversationId)).Append("\">conversation</a>");
                }
                sb.Append("</td><td>");
                EscalationActions(sb, http, e, "/staff/escalations");
                sb.Append("</td></tr>");
            }
            sb.Append("</table>");
        }
        var resolved = all.Where(e => e.Status == "resolved").Take(10).ToList();
        if (resolved.Count > 0)
        {
            sb.Append("<h2>Recently resolved</h2><table>");
            foreach (var e in resolved)
            {
                sb.Append("<tr data-resolved=\"").Append(E(e.Id)).Append("\"><td>").Append(E(e.CreatedAt[..16].Replace('T', ' '))).Append("</td><td>").Append(E(e.Category))
                  .Append("</td><td>").Append(E(e.ClientName)).Append("</td><td>resolved by ").Append(E(e.ResolvedBy)).Append("</td></tr>");
            }
            sb.Append("</table>");
        }
        return sb.ToString();
    }

    private static void EscalationActions(StringBuilder sb, HttpContext http, StaffEscalation e, string back)
    {
        var medicalLocked = MedicalMatters.IsMedical(e.Category) && !http.User.SeesMedical();
        if (medicalLocked)
        {
            sb.Append("<em>for a clinician</em>");
            return;
        }
        if (e.Status == "open")
        {
            sb.Append(Form(http, $"/staff/escalations/{U(e.Id)}/claim", "Claim", back)).Append(' ');
        }
        if (e.Status != "resolved")
        {
            sb.Append(Form(http, $"/staff/escalations/{U(e.Id)}/resolve", "Resolve", back, "secondary"));
            if (e.ConversationId is not null)
            {
                sb.Append(Form(http, $"/staff/escalations/{U(e.Id)}/reply", e.ClientPhone is null ? "Reply" : "Reply by SMS", back, null,
                    "<textarea name=\"text\" required maxlength=\"1600\" placeholder=\"Reply to the client\"></textarea>"));
            }
        }
    }

    /// <summary>The number a conversation's texts go to: the client's on record, else the caller ID of a call or a text; null for none.</summary>
    private static async Task<string?> TextsPhoneAsync(StaffConversation conversation, StaffOptOuts optOuts, FrontDesk.Tools.Clients.ClientDirectory clients, CancellationToken ct) =>
        (conversation.ClientId is not null ? (await clients.GetAsync(conversation.ClientId, ct))?.Phone : null)
        ?? (conversation.Channel is "sms" or "voice" ? optOuts.Parse(conversation.CallerPhone) : null);

    /// <summary>
    /// A console opt-out form: the opt-outs page's, or a conversation page's, which names its conversation so the audit entry
    /// does (as a text's or a call's opt-out names theirs). The conversation must be one the staff member may see, and its
    /// number the one changed: a form naming another number's conversation is refused, never audited against it.
    /// </summary>
    private static async Task<IResult> ChangeOptOutAsync(HttpContext http, bool optedOut, StaffOptOuts optOuts, StaffQueries q, StaffDesk desk,
        FrontDesk.Tools.Clients.ClientDirectory clients, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        string? conversationId = form["conversation"];
        if (string.IsNullOrEmpty(conversationId))
        {
            return After(http, await optOuts.ChangeAsync(form["phone"], optedOut, form["note"], http.User, null, ct));
        }
        if (conversationId.Length > 200 || await q.ConversationAsync(conversationId, http.User, ct) is not { } conversation
            || !await desk.MaySeeConversationAsync(http.User, conversationId, ct))
        {
            return After(http, DeskResult.NotFound);
        }
        if (await TextsPhoneAsync(conversation, optOuts, clients, ct) is not { } phone || phone != optOuts.Parse(form["phone"]))
        {
            return After(http, new DeskResult(DeskOutcome.Invalid, "This conversation's texts do not go to that number: change it from the number's own conversation or the opt-outs page."));
        }
        return After(http, await optOuts.ChangeAsync(form["phone"], optedOut, form["note"], http.User, conversationId, ct));
    }

    /// <summary>A number's texts on a conversation page: stopped (since when, how; managers may text it again) or allowed (anyone may stop them).</summary>
    private static string TextsPanel(HttpContext http, StaffOptOut status, string back, string conversationId)
    {
        // The conversation the change is made from goes with it, for the audit entry.
        var conversation = $"<input type=\"hidden\" name=\"conversation\" value=\"{E(conversationId)}\">";
        var sb = new StringBuilder("<div id=\"texts\" data-phone=\"").Append(E(status.Phone)).Append("\" data-opted-out=\"").Append(status.OptedOut ? "true" : "false")
            .Append("\"><p>Texts to ").Append(E(status.National ?? status.Phone)).Append(": ");
        if (status.OptedOut)
        {
            sb.Append("<b>stopped</b> since ").Append(E(status.Since?[..16].Replace('T', ' '))).Append(" (").Append(E(SourceName(status.Source))).Append(')');
            if (status.Note is not null)
            {
                sb.Append(" — ").Append(E(status.Note));
            }
            sb.Append("</p>");
            if (http.User.IsManager())
            {
                sb.Append(TextAgainForm(http, status.Phone, back, conversation));
            }
        }
        else
        {
            sb.Append("allowed</p>").Append(Form(http, "/staff/opt-outs/stop", "Stop texting this number", back, "danger",
                $"<input type=\"hidden\" name=\"phone\" value=\"{E(status.Phone)}\">{conversation}<input name=\"note\" maxlength=\"500\" placeholder=\"Why (optional)\" aria-label=\"Why\"> "));
        }
        return sb.Append("</div>").ToString();
    }

    // Texting a number again is consent: a manager's, with the reason (StaffOptOuts checks both again).
    private static string TextAgainForm(HttpContext http, string phone, string back, string conversation = "") =>
        Form(http, "/staff/opt-outs/start", "Text this number again", back, "secondary",
            $"<input type=\"hidden\" name=\"phone\" value=\"{E(phone)}\">{conversation}<input name=\"note\" required maxlength=\"500\" placeholder=\"How the client asked\" aria-label=\"How the client asked\"> ");

    private static string SourceName(string? source) => source switch
    {
        FrontDesk.Tools.Clients.OptOutSource.Keyword => "texted STOP",
        FrontDesk.Tools.Clients.OptOutSource.Twilio21610 => "carrier opt-out",
        FrontDesk.Tools.Clients.OptOutSource.Staff => "by a team member",
        FrontDesk.Tools.Clients.OptOutSource.VoiceRequest => "asked on a call",
        FrontDesk.Tools.Clients.OptOutSource.ClientRecord => "on the client's record",
        _ => source ?? "",
    };

    private static IResult After(HttpContext http, DeskResult result)
    {
        if (result.Outcome == DeskOutcome.Done)
        {
            var back = LocalStaffUrl(http.Request.Form["return"]) ?? "/staff";
            return Results.Redirect(back);
        }
        var status = result.Outcome switch
        {
            DeskOutcome.NotFound => StatusCodes.Status404NotFound,
            DeskOutcome.Forbidden => StatusCodes.Status403Forbidden,
            DeskOutcome.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return Page(http, "Not done", $"<p class=\"error\">{E(result.Message)}</p><p><a href=\"{E(LocalStaffUrl(http.Request.Form["return"]) ?? "/staff")}\">Back</a></p>", status);
    }

    /// <summary>Only redirect within the console: an open redirect would let a link send staff anywhere after sign-in.</summary>
    private static string? LocalStaffUrl(string? url) =>
        url is { Length: > 0 } && url.StartsWith("/staff", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            ? url : null;

    private static string Form(HttpContext http, string action, string label, string back, string? buttonClass = null, string fields = "")
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"<form class=\"inline\" method=\"post\" action=\"{E(action)}\"><input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">" +
               $"<input type=\"hidden\" name=\"return\" value=\"{E(back)}\">{fields}<button{(buttonClass is null ? "" : $" class=\"{buttonClass}\"")}>{E(label)}</button></form>";
    }

    private static string RangeForm(string action, DateOnly from, DateOnly to, string extra = "") =>
        $"<form method=\"get\" action=\"{action}\">From <input type=\"date\" name=\"from\" value=\"{from:yyyy-MM-dd}\"> to <input type=\"date\" name=\"to\" value=\"{to:yyyy-MM-dd}\">{extra} <button>Show</button></form>";

    /// <summary>The language filter: all languages, or one the spa serves (conversations with a turn in it).</summary>
    private static string LanguageSelect(SpaProfile profile, string? selected)
    {
        var sb = new StringBuilder(" <label for=\"language\">Language</label> <select id=\"language\" name=\"language\"><option value=\"\">All languages</option>");
        foreach (var code in profile.Spa.Languages)
        {
            sb.Append("<option value=\"").Append(E(code)).Append('"').Append(code == selected ? " selected" : "").Append('>').Append(E(LanguageName(code))).Append("</option>");
        }
        return sb.Append("</select>").ToString();
    }

    private static string LanguageName(string code) => code switch
    {
        "en" => "English",
        "es" => "Spanish",
        _ => code,
    };

    private static void Row(StringBuilder sb, string label, string? value) => sb.Append("<tr><th>").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>");

    private static void Tile(StringBuilder sb, string label, string value) => sb.Append("<div class=\"tile\">").Append(E(label)).Append("<b>").Append(E(value)).Append("</b></div>");

    private static string Pct(double rate) => $"{rate * 100:0}%";

    private static IResult LoginPage(HttpContext http, string? returnUrl, string? error, int status = StatusCodes.Status200OK)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        var body = $"""
            <div class="login"><h1>Staff sign-in</h1>{(error is null ? "" : $"<p class=\"error\">{E(error)}</p>")}
            <form method="post" action="/staff/login">
            <input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken)}">
            <input type="hidden" name="returnUrl" value="{E(LocalStaffUrl(returnUrl) ?? "/staff")}">
            <label for="email">Email</label><input id="email" type="email" name="email" required autocomplete="username">
            <label for="password">Password</label><input id="password" type="password" name="password" required autocomplete="current-password">
            <p><button id="sign-in">Sign in</button></p></form></div>
            """;
        return Page(http, "Sign in", body, status, nav: false);
    }

    private static IResult Page(HttpContext http, string title, string body, int status = StatusCodes.Status200OK, bool nav = true)
    {
        var profile = http.RequestServices.GetRequiredService<SpaProfile>();
        var user = http.User;
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
          .Append(E(title)).Append(" — ").Append(E(profile.Spa.Name)).Append(" staff</title><link rel=\"stylesheet\" href=\"/staff/assets/console.css\"></head><body><header><span class=\"spa\">")
          .Append(E(profile.Spa.Name)).Append("</span>");
        if (nav && user.Identity?.IsAuthenticated == true && user.Identity.AuthenticationType == StaffAuth.CookieScheme)
        {
            sb.Append("<a href=\"/staff/calendar\">Today</a><a href=\"/staff/escalations\">Escalations</a><a href=\"/staff/transcripts\">Transcripts</a><a href=\"/staff/approvals\">Approvals</a><a href=\"/staff/waitlist\">Waitlist</a><a href=\"/staff/opt-outs\">Opt-outs</a>");
            if (user.IsManager())
            {
                sb.Append("<a href=\"/staff/dashboard\">Dashboard</a><a href=\"/staff/audit\">Audit log</a>");
            }
            sb.Append(Form(http, "/staff/logout", $"Sign out {user.Identity.Name}", "/staff/login", "link"));
        }
        sb.Append("</header><main>").Append(body).Append("</main><script src=\"/staff/assets/console.js\"></script></body></html>");
        http.Response.Headers.ContentSecurityPolicy = Csp;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(sb.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    private static string U(string text) => Uri.EscapeDataString(text);
}
