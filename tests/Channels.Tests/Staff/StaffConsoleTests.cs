using System.Net;
using System.Text.RegularExpressions;
using FrontDesk.Channels.Staff;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Outbox;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FrontDesk.Channels.Tests.Staff;

/// <summary>The console's sign-in, anti-forgery and role rules over plain HTTP on the real host.</summary>
public sealed partial class StaffConsoleTests
{
    private static async Task<HttpClient> SignInAsync(StaffHarness h, string role)
    {
        var client = h.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync(new Uri("/staff/login", UriKind.Relative));
        using var response = await client.PostAsync(new Uri("/staff/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = Token(login), ["email"] = StaffHarness.EmailOf(role), ["password"] = StaffHarness.Password, ["returnUrl"] = "/staff/escalations",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/escalations", response.Headers.Location?.OriginalString);
        return client;
    }

    private static string Token(string html) => CsrfField().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();

    [Fact]
    public async Task Pages_need_a_sign_in_and_the_api_key_is_not_a_console_credential()
    {
        await using var h = await StaffHarness.StartAsync(TestStore.Sqlite);
        using var client = h.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", h.Keys[StaffRole.Admin]);
        using var response = await client.GetAsync(new Uri("/staff/escalations", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/staff/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_an_offsite_return_url_is_ignored()
    {
        await using var h = await StaffHarness.StartAsync(TestStore.Sqlite);
        using var client = h.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await client.GetStringAsync(new Uri("/staff/login", UriKind.Relative));
        using (var wrong = await client.PostAsync(new Uri("/staff/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = Token(login), ["email"] = StaffHarness.EmailOf(StaffRole.Admin), ["password"] = "nope nope nope",
        })))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains("Email or password is wrong.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var right = await client.PostAsync(new Uri("/staff/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = Token(login), ["email"] = StaffHarness.EmailOf(StaffRole.Admin), ["password"] = StaffHarness.Password, ["returnUrl"] = "//evil.example/staff",
        }));
        Assert.Equal("/staff", right.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Forms_without_the_anti_forgery_token_change_nothing()
    {
        await using var h = await StaffHarness.StartAsync(TestStore.Sqlite);
        using var web = h.Host.CreateClient();
        var chat = await h.Host.ChatAsync(web, "I want to speak to a manager about a refund");
        using var client = await SignInAsync(h, StaffRole.Manager);
        using var forged = await client.PostAsync(new Uri($"/staff/escalations/{chat.Escalation!.Id}/claim", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["return"] = "/staff/escalations" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("open", (await h.Host.Get<StaffDesk>().GetEscalationAsync(chat.Escalation.Id, CancellationToken.None))!.Status);

        var queue = await client.GetStringAsync(new Uri("/staff/escalations", UriKind.Relative));
        using var claimed = await client.PostAsync(new Uri($"/staff/escalations/{chat.Escalation.Id}/claim", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__csrf"] = Token(queue), ["return"] = "/staff/escalations" }));
        Assert.Equal(HttpStatusCode.Redirect, claimed.StatusCode);
        Assert.Equal("claimed", (await h.Host.Get<StaffDesk>().GetEscalationAsync(chat.Escalation.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Signing_in_and_out_of_the_console_is_audited()
    {
        await using var h = await StaffHarness.StartAsync(TestStore.Sqlite);
        using var desk = await SignInAsync(h, StaffRole.FrontDesk);
        var page = await desk.GetStringAsync(new Uri("/staff/escalations", UriKind.Relative));
        using (var r = await desk.PostAsync(new Uri("/staff/logout", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__csrf"] = Token(page) })))
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
        using (var r = await desk.GetAsync(new Uri("/staff/escalations", UriKind.Relative)))
        {
            Assert.Contains("/staff/login", r.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        var deskId = (await h.Host.Get<StaffAccounts>().ListAsync(CancellationToken.None)).Single(a => a.Role == StaffRole.FrontDesk).Id;
        using var manager = h.As(StaffRole.Manager);
        var audit = await StaffHarness.GetJsonAsync(manager, $"/api/staff/audit?entity=staff_account&entityId={deskId}");
        var actions = audit.EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("actor").GetString())).ToList();
        Assert.Contains(("staff.sign_in", StaffHarness.EmailOf(StaffRole.FrontDesk)), actions);
        Assert.Contains(("staff.sign_out", StaffHarness.EmailOf(StaffRole.FrontDesk)), actions);
    }

    [Fact]
    public async Task Front_desk_cannot_open_the_dashboard_the_audit_log_or_a_medical_conversation()
    {
        await using var h = await StaffHarness.StartAsync(TestStore.Sqlite, new() { ["FrontDesk:Outbox:RequireApproval:0"] = MessageKind.Staff });
        using var web = h.Host.CreateClient();
        var medical = await h.Host.ChatAsync(web, "Is it safe for me to get botox while on blood thinners?");
        using var desk = await SignInAsync(h, StaffRole.FrontDesk);
        foreach (var url in new[] { "/staff/dashboard", "/staff/audit" })
        {
            using var r = await desk.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Contains("/staff/denied", r.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        using (var r = await desk.GetAsync(new Uri($"/staff/conversations/{medical.SessionId}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
            Assert.DoesNotContain("blood thinners", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var queue = await desk.GetStringAsync(new Uri("/staff/escalations", UriKind.Relative));
        Assert.Contains(StaffQueries.MedicalHidden, queue, StringComparison.Ordinal);
        Assert.DoesNotContain(medical.SessionId, queue, StringComparison.Ordinal);
        // A text about that conversation waits for approval: front desk sees that it exists, not what it says.
        const string advice = "About botox on blood thinners: please check with your doctor first.";
        await h.Host.Get<OutboxWriter>().EnqueueAsync(MessageKind.Staff, "+14155551111", advice, null, null, medical.SessionId, null,
            FrontDesk.Tools.Audit.Actor.System("test"), CancellationToken.None);
        var approvals = await desk.GetStringAsync(new Uri("/staff/approvals", UriKind.Relative));
        Assert.Contains(StaffQueries.MedicalHidden, approvals, StringComparison.Ordinal);
        Assert.DoesNotContain("blood thinners", approvals, StringComparison.Ordinal);

        using var clinician = await SignInAsync(h, StaffRole.Clinician);
        var page = await clinician.GetStringAsync(new Uri($"/staff/conversations/{medical.SessionId}", UriKind.Relative));
        Assert.Contains("blood thinners", page, StringComparison.Ordinal);
        Assert.Contains(advice, await clinician.GetStringAsync(new Uri("/staff/approvals", UriKind.Relative)), StringComparison.Ordinal);
        using var manager = await SignInAsync(h, StaffRole.Manager);
        using var dashboard = await manager.GetAsync(new Uri("/staff/dashboard", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("metrics-data", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_shows_the_guest_a_client_booked_for()
    {
        await using var h = await StaffHarness.StartAsync(TestStore.Sqlite);
        var profile = h.Host.Get<FrontDesk.Tools.Profile.SpaProfile>();
        var location = profile.Locations.First(l => l.Rooms.Any(r => r.Type == "treatment"));
        var service = profile.FindService("hydrafacial")!;
        var start = TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, 24, 11, 0, 0), profile.TimeZone);
        var appointment = new FrontDesk.Tools.Booking.Appointment
        {
            Id = FrontDesk.Tools.Store.NewId.For("apt"), ClientId = "c-ava", ServiceId = service.Id, StaffId = "priya", LocationId = location.Id,
            RoomId = location.Rooms.First(r => r.Type == "treatment").Id, StartsAtUtc = start, EndsAtUtc = start.AddMinutes(service.DurationMin),
            BlockedUntilUtc = start.AddMinutes(service.DurationMin + service.BufferMin), Status = FrontDesk.Tools.Booking.AppointmentStatus.Booked,
            Channel = "sms", CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow, GuestName = "Mia <b>",
        };
        await h.Host.Get<FrontDesk.Tools.Booking.AppointmentBook>().InsertAsync(appointment, FrontDesk.Tools.Audit.Actor.System("test"), CancellationToken.None);
        using var client = await SignInAsync(h, StaffRole.FrontDesk);

        var page = await client.GetStringAsync(new Uri("/staff/calendar?date=2026-11-24", UriKind.Relative));

        Assert.Contains("Ava Thompson", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"guest\">for Mia &lt;b&gt;</span>", page, StringComparison.Ordinal);
    }
}
