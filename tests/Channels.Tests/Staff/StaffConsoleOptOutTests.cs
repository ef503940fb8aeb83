using System.Net;
using System.Text.RegularExpressions;
using FrontDesk.Agent;
using FrontDesk.Channels.Staff;
using FrontDesk.Channels.Tests.Twilio.Simulator;
using FrontDesk.Channels.Twilio;
using FrontDesk.Channels.Twilio.Outbound;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Outbox;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FrontDesk.Channels.Tests.Staff;

/// <summary>The console's opt-out forms over plain HTTP on the real host: the conversation page's switch and the opt-outs page.</summary>
public sealed partial class StaffConsoleOptOutTests
{
    private const string Phone = "+14155554545";

    private static async Task<HttpClient> SignInAsync(StaffHarness h, string role)
    {
        var client = h.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync(new Uri("/staff/login", UriKind.Relative));
        using var response = await client.PostAsync(new Uri("/staff/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = Token(login), ["email"] = StaffHarness.EmailOf(role), ["password"] = StaffHarness.Password, ["returnUrl"] = "/staff/escalations",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static string Token(string html) => CsrfField().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string page, Dictionary<string, string> fields)
    {
        fields["__csrf"] = Token(page);
        return client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private static Task<bool> OptedOutAsync(StaffHarness h) => h.Host.Get<SmsOptOuts>().IsOptedOutAsync(Phone, CancellationToken.None);

    [Fact]
    public async Task A_conversation_page_stops_texts_to_its_number_and_only_a_manager_texts_it_again_saying_why()
    {
        await using var h = await StaffHarness.StartAsync(TestStore.Sqlite);
        await h.Host.Get<FrontDeskAgent>().HandleAsync(new TurnRequest("sms_console_optout", "sms", "hey what time do u close tonight", Phone), CancellationToken.None);
        const string back = "/staff/conversations/sms_console_optout";
        using var desk = await SignInAsync(h, StaffRole.FrontDesk);

        var page = await desk.GetStringAsync(new Uri(back, UriKind.Relative));
        Assert.Contains("data-opted-out=\"false\"", page, StringComparison.Ordinal);
        Assert.Contains("Stop texting this number", page, StringComparison.Ordinal);
        using (var stop = await PostAsync(desk, "/staff/opt-outs/stop", page, new() { ["phone"] = Phone, ["note"] = "she called: calls only, no texts", ["return"] = back }))
        {
            Assert.Equal(HttpStatusCode.Redirect, stop.StatusCode);
            Assert.Equal(back, stop.Headers.Location?.OriginalString);
        }
        Assert.True(await OptedOutAsync(h));
        page = await desk.GetStringAsync(new Uri(back, UriKind.Relative));
        Assert.Contains("data-opted-out=\"true\"", page, StringComparison.Ordinal);
        Assert.Contains("she called: calls only, no texts", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Text this number again", page, StringComparison.Ordinal);

        // Front desk sees the list but has no opt-in form, and a hand-made one is refused.
        var list = await desk.GetStringAsync(new Uri("/staff/opt-outs", UriKind.Relative));
        Assert.Contains("(415) 555-4545", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Text this number again", list, StringComparison.Ordinal);
        using (var forged = await PostAsync(desk, "/staff/opt-outs/start", list, new() { ["phone"] = Phone, ["note"] = "she said ok", ["return"] = "/staff/opt-outs" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }
        Assert.True(await OptedOutAsync(h));

        using var manager = await SignInAsync(h, StaffRole.Manager);
        list = await manager.GetStringAsync(new Uri("/staff/opt-outs", UriKind.Relative));
        Assert.Contains("Text this number again", list, StringComparison.Ordinal);
        using (var noNote = await PostAsync(manager, "/staff/opt-outs/start", list, new() { ["phone"] = Phone, ["note"] = " ", ["return"] = "/staff/opt-outs" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        }
        Assert.True(await OptedOutAsync(h));
        using (var start = await PostAsync(manager, "/staff/opt-outs/start", list,
            new() { ["phone"] = Phone, ["note"] = "client asked by phone to get texts again", ["return"] = "/staff/opt-outs" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        }
        Assert.False(await OptedOutAsync(h));
        Assert.Contains("id=\"opt-outs-empty\"", await manager.GetStringAsync(new Uri("/staff/opt-outs", UriKind.Relative)), StringComparison.Ordinal);

        // A number that is not one is a page that says so, not an error.
        var deskList = await desk.GetStringAsync(new Uri("/staff/opt-outs", UriKind.Relative));
        using var bad = await PostAsync(desk, "/staff/opt-outs/stop", deskList, new() { ["phone"] = "call me maybe", ["return"] = "/staff/opt-outs" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("must be a phone number", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // Round 34: the console's switch and the outbound path the host really uses (outbox, approval, sender to a fake Twilio REST
    // server). The browser test (StaffConsoleOptOutBrowserTests) clicks the same; this one runs where Chromium is not installed.
    [Fact]
    public async Task While_stopped_from_the_console_nothing_is_texted_and_once_a_manager_turns_texts_back_on_an_approved_reply_goes()
    {
        const string phone = "+14155554747";
        await using var rest = await FakeTwilioRestServer.StartAsync();
        var settings = TwilioSimulator.Settings(rest.BaseAddress);
        settings["FrontDesk:Clock:FixedNow"] = "2026-11-23T20:00:00Z";
        settings["FrontDesk:Outbox:RequireApproval:0"] = MessageKind.Staff;
        settings["FrontDesk:Sms:ReplyBudgetMs"] = "14000";
        await using var h = await StaffHarness.StartAsync(TestStore.Sqlite, settings);
        var sender = h.Host.Get<OutboxSender>();
        var outbox = h.Host.Get<OutboxWriter>();
        await new TwilioSimulator(h.Host.CreateClient()).TextAsync(phone, "+14155550100", "hey what time do u close tonight");
        var conversationId = SmsConversations.ConversationIdFor(phone, "+14155550100");
        var back = "/staff/conversations/" + conversationId;
        using var desk = await SignInAsync(h, StaffRole.FrontDesk);
        var queued = await outbox.EnqueueAsync(MessageKind.MissedCall, phone, "Sorry we missed your call!", null, "mission", null, null, Actor.System("test"), CancellationToken.None);

        var page = await desk.GetStringAsync(new Uri(back, UriKind.Relative));
        using (var stop = await PostAsync(desk, "/staff/opt-outs/stop", page, new() { ["phone"] = phone, ["note"] = "calls only", ["return"] = back }))
        {
            Assert.Equal(HttpStatusCode.Redirect, stop.StatusCode);
        }
        page = await desk.GetStringAsync(new Uri(back, UriKind.Relative));
        using (var reply = await PostAsync(desk, $"/staff/conversations/{conversationId}/reply", page, new() { ["text"] = "Hi! We close at 8 tonight.", ["return"] = back }))
        {
            Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        }
        Assert.Contains("We close at 8 tonight", await desk.GetStringAsync(new Uri(back, UriKind.Relative)), StringComparison.Ordinal);
        await sender.DrainOnceAsync(CancellationToken.None);
        var whileStopped = (await outbox.ListAsync(null, 1000, CancellationToken.None)).Where(m => m.ToAddress == phone).ToList();
        Assert.Equal(OutboxStatus.Suppressed, whileStopped.Single(m => m.Id == queued.Id).Status);
        Assert.DoesNotContain(whileStopped, m => m.Kind == MessageKind.Staff);
        Assert.All(whileStopped, m => Assert.Equal(OutboxStatus.Suppressed, m.Status));
        Assert.Empty(rest.Requests);

        using var manager = await SignInAsync(h, StaffRole.Manager);
        var list = await manager.GetStringAsync(new Uri("/staff/opt-outs", UriKind.Relative));
        using (var start = await PostAsync(manager, "/staff/opt-outs/start", list, new() { ["phone"] = phone, ["note"] = "asked at the desk to get texts again", ["return"] = "/staff/opt-outs" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        }
        page = await manager.GetStringAsync(new Uri(back, UriKind.Relative));
        using (var reply = await PostAsync(manager, $"/staff/conversations/{conversationId}/reply", page, new() { ["text"] = "Texts are back on.", ["return"] = back }))
        {
            Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        }
        var pending = Assert.Single(await outbox.ListAsync(OutboxStatus.PendingApproval, 100, CancellationToken.None));
        Assert.Equal(phone, pending.ToAddress);
        await sender.DrainOnceAsync(CancellationToken.None);
        Assert.Empty(rest.Requests);
        var approvals = await manager.GetStringAsync(new Uri("/staff/approvals", UriKind.Relative));
        Assert.Contains($"data-message=\"{pending.Id}\"", approvals, StringComparison.Ordinal);
        using (var approve = await PostAsync(manager, $"/staff/outbox/{Uri.EscapeDataString(pending.Id)}/approve", approvals, new() { ["return"] = "/staff/approvals" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        }
        await sender.DrainOnceAsync(CancellationToken.None);
        var sent = Assert.Single(rest.Requests);
        Assert.Equal(phone, sent.To);
        Assert.Equal("Texts are back on.", sent.Body);
        Assert.Equal(OutboxStatus.Suppressed, (await outbox.ListAsync(null, 1000, CancellationToken.None)).Single(m => m.Id == queued.Id).Status);

        var audit = await manager.GetStringAsync(new Uri("/staff/audit?from=2026-11-23&to=2026-11-23", UriKind.Relative));
        Assert.Contains("client.sms_opt_out", audit, StringComparison.Ordinal);
        Assert.Contains("client.sms_opt_in", audit, StringComparison.Ordinal);
        Assert.Contains(StaffHarness.EmailOf(StaffRole.FrontDesk), audit, StringComparison.Ordinal);
        Assert.Contains("asked at the desk to get texts again", audit, StringComparison.Ordinal);
    }
}
