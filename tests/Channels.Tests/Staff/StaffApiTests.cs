using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using FrontDesk.Agent;
using FrontDesk.Channels.Staff;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Store;
using FrontDesk.Tools.Waitlist;
using static FrontDesk.Channels.Tests.Staff.StaffHarness;

namespace FrontDesk.Channels.Tests.Staff;

/// <summary>
/// The staff API on the real host, every endpoint and role rule. One suite, two stores:
/// <see cref="SqliteStaffApiTests"/> and <see cref="PostgresStaffApiTests"/>.
/// </summary>
public abstract class StaffApiTests
{
    protected abstract TestStore Store { get; }

    private Task<StaffHarness> StartAsync(Dictionary<string, string?>? settings = null) => StaffHarness.StartAsync(Store, settings);

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        Assert.Equal((int)status, doc.RootElement.GetProperty("status").GetInt32());
    }

    [StoreFact]
    public async Task Missing_or_wrong_credentials_get_401_and_nothing_leaks()
    {
        await using var h = await StartAsync();
        using var anonymous = h.Host.CreateClient();
        using (var response = await anonymous.GetAsync(new Uri("/api/staff/escalations", UriKind.Relative)))
        {
            await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        }
        var real = h.Keys[StaffRole.Admin];
        foreach (var wrong in new[] { "nonsense", real[..^1] + (real[^1] == 'a' ? 'b' : 'a'), "fdk_key_x_y", BootstrapKey + "x" })
        {
            using var client = h.WithBearer(wrong);
            using var response = await client.GetAsync(new Uri("/api/staff/escalations", UriKind.Relative));
            await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(wrong, body, StringComparison.Ordinal);
            Assert.DoesNotContain("admin", body, StringComparison.OrdinalIgnoreCase);
        }
        // The console cookie is not a staff API credential, and the key works as a bearer token.
        using var bearer = h.WithBearer(real);
        Assert.Equal("admin", (await GetJsonAsync(bearer, "/api/staff/me")).GetProperty("role").GetString());
    }

    [StoreFact]
    public async Task The_bootstrap_key_is_a_manager()
    {
        await using var h = await StartAsync();
        using var client = h.WithBearer(BootstrapKey);
        Assert.Equal("manager", (await GetJsonAsync(client, "/api/staff/me")).GetProperty("role").GetString());
        using var audit = await client.GetAsync(new Uri("/api/staff/audit", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        using var accounts = await client.GetAsync(new Uri("/api/staff/accounts", UriKind.Relative));
        await AssertProblemAsync(accounts, HttpStatusCode.Forbidden);
    }

    [StoreFact]
    public async Task Roles_are_enforced_on_every_restricted_endpoint()
    {
        await using var h = await StartAsync();
        var managerOnly = new[] { "/api/staff/metrics", "/api/staff/audit", "/api/staff/prompts/staff.yaml" };
        var adminOnly = new[] { "/api/staff/accounts" };
        var everyone = new[] { "/api/staff/appointments", "/api/staff/escalations", "/api/staff/waitlist", "/api/staff/outbox", "/api/staff/transcripts" };
        foreach (var role in StaffRole.All)
        {
            using var client = h.As(role);
            foreach (var url in everyone)
            {
                using var r = await client.GetAsync(new Uri(url, UriKind.Relative));
                Assert.True(r.StatusCode == HttpStatusCode.OK, $"{role} {url}: {r.StatusCode}");
            }
            foreach (var url in managerOnly)
            {
                using var r = await client.GetAsync(new Uri(url, UriKind.Relative));
                Assert.True(r.StatusCode == (StaffRole.Managers.Contains(role) ? HttpStatusCode.OK : HttpStatusCode.Forbidden), $"{role} {url}: {r.StatusCode}");
            }
            foreach (var url in adminOnly)
            {
                using var r = await client.GetAsync(new Uri(url, UriKind.Relative));
                Assert.True(r.StatusCode == (role == StaffRole.Admin ? HttpStatusCode.OK : HttpStatusCode.Forbidden), $"{role} {url}: {r.StatusCode}");
            }
            using var edit = await client.PutAsync(new Uri("/api/staff/prompts/staff.yaml", UriKind.Relative),
                new StringContent("{\"content\":\"\"}", Encoding.UTF8, "application/json"));
            // Managers reach validation (empty content is refused); others are stopped by the role.
            Assert.Equal(StaffRole.Managers.Contains(role) ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, edit.StatusCode);
        }
    }

    [StoreFact]
    public async Task An_escalation_from_a_chat_is_listed_claimed_and_resolved_with_an_audit_trail()
    {
        await using var h = await StartAsync();
        using var web = h.Host.CreateClient();
        var answer = await h.Host.ChatAsync(web, "I want to speak to a manager about a refund");
        var id = answer.Escalation!.Id;
        using var desk = h.As(StaffRole.FrontDesk);

        var open = await GetJsonAsync(desk, "/api/staff/escalations?status=open");
        var item = Assert.Single(open.EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetString());
        Assert.Equal(answer.SessionId, item.GetProperty("conversationId").GetString());
        Assert.Equal("web", item.GetProperty("channel").GetString());
        // Times in the spa's zone (Pacific, -08:00 in November) and in UTC.
        Assert.EndsWith("-08:00", item.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
        Assert.Equal("2026-11-23T16:00:00Z", item.GetProperty("createdAtUtc").GetString());
        Assert.Equal("2026-11-23T08:00:00-08:00", item.GetProperty("createdAt").GetString());

        Assert.Equal("claimed", (await JsonAsync(await PostJsonAsync(desk, $"/api/staff/escalations/{id}/claim"))).GetProperty("status").GetString());
        // Claiming twice is harmless; claiming a resolved one is a conflict.
        Assert.Equal("claimed", (await JsonAsync(await PostJsonAsync(desk, $"/api/staff/escalations/{id}/claim"))).GetProperty("status").GetString());
        Assert.Equal("resolved", (await JsonAsync(await PostJsonAsync(desk, $"/api/staff/escalations/{id}/resolve"))).GetProperty("status").GetString());
        using (var again = await PostJsonAsync(desk, $"/api/staff/escalations/{id}/claim"))
        {
            await AssertProblemAsync(again, HttpStatusCode.Conflict);
        }
        using (var missing = await PostJsonAsync(desk, "/api/staff/escalations/esc_nope/claim"))
        {
            await AssertProblemAsync(missing, HttpStatusCode.NotFound);
        }
        Assert.Empty((await GetJsonAsync(desk, "/api/staff/escalations?status=open")).EnumerateArray());
        var resolved = Assert.Single((await GetJsonAsync(desk, "/api/staff/escalations?status=resolved")).EnumerateArray());
        Assert.Equal(EmailOf(StaffRole.FrontDesk), resolved.GetProperty("resolvedBy").GetString());
        using (var bad = await desk.GetAsync(new Uri("/api/staff/escalations?status=whatever", UriKind.Relative)))
        {
            await AssertProblemAsync(bad, HttpStatusCode.BadRequest);
        }

        using var manager = h.As(StaffRole.Manager);
        var audit = await GetJsonAsync(manager, $"/api/staff/audit?entity=escalation&entityId={id}");
        var actions = audit.EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("actor").GetString())).ToList();
        Assert.Contains(("escalation.claim", EmailOf(StaffRole.FrontDesk)), actions);
        Assert.Contains(("escalation.resolve", EmailOf(StaffRole.FrontDesk)), actions);
        Assert.Contains(actions, a => a.Item1 == "escalation.raise");
        var claim = audit.EnumerateArray().First(e => e.GetProperty("action").GetString() == "escalation.claim");
        Assert.Contains("open", claim.GetProperty("before").GetString(), StringComparison.Ordinal);
        Assert.Contains("claimed", claim.GetProperty("after").GetString(), StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Front_desk_does_not_see_medical_details_and_clinicians_do()
    {
        await using var h = await StartAsync();
        using var web = h.Host.CreateClient();
        var answer = await h.Host.ChatAsync(web, "Is it safe for me to get botox while on blood thinners?");
        Assert.Equal("medical", answer.Escalation!.Category);
        var id = answer.Escalation.Id;

        using var desk = h.As(StaffRole.FrontDesk);
        var seen = Assert.Single((await GetJsonAsync(desk, "/api/staff/escalations")).EnumerateArray());
        Assert.Equal(StaffQueries.MedicalHidden, seen.GetProperty("summary").GetString());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("conversationId").ValueKind);
        using (var r = await desk.GetAsync(new Uri($"/api/staff/conversations/{answer.SessionId}", UriKind.Relative)))
        {
            await AssertProblemAsync(r, HttpStatusCode.Forbidden);
        }
        using (var r = await PostJsonAsync(desk, $"/api/staff/escalations/{id}/claim"))
        {
            await AssertProblemAsync(r, HttpStatusCode.Forbidden);
        }
        using (var r = await PostJsonAsync(desk, $"/api/staff/conversations/{answer.SessionId}/takeover"))
        {
            await AssertProblemAsync(r, HttpStatusCode.Forbidden);
        }
        Assert.DoesNotContain((await GetJsonAsync(desk, "/api/staff/transcripts")).EnumerateArray(), t => t.GetProperty("conversationId").GetString() == answer.SessionId);
        // A message about that conversation is listed for front desk without its body; a message about another is not hidden.
        const string advice = "About botox on blood thinners: please check with your doctor first.";
        var about = await h.Host.Get<OutboxWriter>().EnqueueAsync(MessageKind.Staff, "+14155551111", advice, null, null, answer.SessionId, null, Actor.System("test"), CancellationToken.None);
        var other = await h.Host.Get<OutboxWriter>().EnqueueAsync(MessageKind.Staff, "+14155552222", "See you Tuesday!", null, null, "sms_other", null, Actor.System("test"), CancellationToken.None);
        var deskOutbox = (await GetJsonAsync(desk, "/api/staff/outbox")).EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!, m => m.GetProperty("body").GetString());
        Assert.Equal(StaffQueries.MedicalHidden, deskOutbox[about.Id]);
        Assert.Equal("See you Tuesday!", deskOutbox[other.Id]);

        using var clinician = h.As(StaffRole.Clinician);
        var full = Assert.Single((await GetJsonAsync(clinician, "/api/staff/escalations")).EnumerateArray());
        Assert.Equal(answer.SessionId, full.GetProperty("conversationId").GetString());
        Assert.Equal("claimed", (await JsonAsync(await PostJsonAsync(clinician, $"/api/staff/escalations/{id}/claim"))).GetProperty("status").GetString());
        var conversation = await GetJsonAsync(clinician, $"/api/staff/conversations/{answer.SessionId}");
        Assert.Contains(conversation.GetProperty("turns").EnumerateArray(), t => t.GetProperty("text").GetString()!.Contains("blood thinners", StringComparison.Ordinal));
        Assert.Contains(conversation.GetProperty("turns").EnumerateArray(), t => t.GetProperty("tags").EnumerateArray().Any(x => x.GetString() == "escalation:medical"));
        Assert.Contains((await GetJsonAsync(clinician, "/api/staff/outbox")).EnumerateArray(), m => m.GetProperty("body").GetString() == advice);
    }

    [StoreFact]
    public async Task A_conversation_shows_its_tagged_transcript_with_tool_calls_and_transcripts_are_queryable()
    {
        await using var h = await StartAsync();
        using var web = h.Host.CreateClient();
        var reply = await h.Host.Get<FrontDeskAgent>().HandleAsync(new TurnRequest("web_tools", "web", "Hi! I'd like a deep tissue massage tomorrow afternoon"), CancellationToken.None);
        Assert.NotEmpty(reply.ToolCalls);
        var answer = new { SessionId = "web_tools" };
        using var desk = h.As(StaffRole.FrontDesk);
        var conversation = await GetJsonAsync(desk, $"/api/staff/conversations/{answer.SessionId}");
        Assert.Equal("web", conversation.GetProperty("channel").GetString());
        var turns = conversation.GetProperty("turns").EnumerateArray().ToList();
        Assert.Equal(["client", "agent"], turns.Select(t => t.GetProperty("role").GetString()));
        var tools = turns[1].GetProperty("tools").EnumerateArray().ToList();
        Assert.Equal(reply.ToolCalls.Select(c => c.Name), tools.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(reply.ToolCalls.Select(c => c.Outcome), tools.Select(t => t.GetProperty("outcome").GetString()));
        Assert.Equal(reply.ToolCalls[0].Arguments, tools[0].GetProperty("arguments").GetString());
        var toolName = reply.ToolCalls[0].Name;
        Assert.Contains(turns[1].GetProperty("tags").EnumerateArray(), t => t.GetString() == $"tool:{toolName}");
        Assert.EndsWith("Z", turns[0].GetProperty("atUtc").GetString(), StringComparison.Ordinal);

        var tagged = await GetJsonAsync(desk, $"/api/staff/transcripts?tag=tool:{toolName}&channel=web&from=2026-11-23&to=2026-11-23");
        Assert.Contains(tagged.EnumerateArray(), t => t.GetProperty("conversationId").GetString() == answer.SessionId);
        Assert.Empty((await GetJsonAsync(desk, "/api/staff/transcripts?channel=sms")).EnumerateArray());
        Assert.Empty((await GetJsonAsync(desk, "/api/staff/transcripts?from=2026-10-01&to=2026-10-02")).EnumerateArray());
        using (var r = await desk.GetAsync(new Uri("/api/staff/transcripts?from=yesterday", UriKind.Relative)))
        {
            await AssertProblemAsync(r, HttpStatusCode.BadRequest);
        }
        using (var r = await desk.GetAsync(new Uri("/api/staff/conversations/web_nope", UriKind.Relative)))
        {
            await AssertProblemAsync(r, HttpStatusCode.NotFound);
        }
    }

    [StoreFact]
    public async Task Transcripts_are_tagged_with_their_language_and_the_api_filters_by_it()
    {
        await using var h = await StartAsync();
        using var web = h.Host.CreateClient();
        var spanish = await h.Host.ChatAsync(web, "hola, ¿tienen estacionamiento cerca de la clínica?");
        var english = await h.Host.ChatAsync(web, "Hi, is there parking near the clinic?");
        using var desk = h.As(StaffRole.FrontDesk);

        var es = (await GetJsonAsync(desk, "/api/staff/transcripts?tag=language:es&channel=web")).EnumerateArray().ToList();
        var en = (await GetJsonAsync(desk, "/api/staff/transcripts?tag=language:en&channel=web")).EnumerateArray().ToList();

        Assert.NotEmpty(es);
        Assert.All(es, t => Assert.Equal(spanish.SessionId, t.GetProperty("conversationId").GetString()));
        Assert.All(en, t => Assert.Equal(english.SessionId, t.GetProperty("conversationId").GetString()));
        var conversation = await GetJsonAsync(desk, $"/api/staff/conversations/{spanish.SessionId}");
        Assert.All(conversation.GetProperty("turns").EnumerateArray(), t => Assert.Contains(t.GetProperty("tags").EnumerateArray(), x => x.GetString() == "language:es"));
    }

    [StoreFact]
    public async Task A_staff_reply_goes_into_the_transcript_and_by_sms_for_sms_conversations()
    {
        await using var h = await StartAsync();
        using var web = h.Host.CreateClient();
        var chat = await h.Host.ChatAsync(web, "What are your hours?");
        await h.Host.Get<FrontDeskAgent>().HandleAsync(new TurnRequest("sms_thread_1", "sms", "What are your hours?", "+14155551111"), CancellationToken.None);
        using var desk = h.As(StaffRole.FrontDesk);

        var webReply = await JsonAsync(await PostJsonAsync(desk, $"/api/staff/conversations/{chat.SessionId}/reply", new { text = "Hi, this is Sam from the front desk." }));
        Assert.Equal("not_sms", webReply.GetProperty("sms").GetString());
        var transcript = await GetJsonAsync(desk, $"/api/staff/conversations/{chat.SessionId}");
        var last = transcript.GetProperty("turns").EnumerateArray().Last();
        Assert.Equal("staff", last.GetProperty("role").GetString());
        Assert.Equal("Hi, this is Sam from the front desk.", last.GetProperty("text").GetString());

        var smsReply = await JsonAsync(await PostJsonAsync(desk, "/api/staff/conversations/sms_thread_1/reply", new { text = "We open at 9 tomorrow." }));
        var outboxId = smsReply.GetProperty("outboxId").GetString();
        var outbox = await GetJsonAsync(desk, "/api/staff/outbox");
        var message = outbox.EnumerateArray().Single(m => m.GetProperty("id").GetString() == outboxId);
        Assert.Equal("staff", message.GetProperty("kind").GetString());
        Assert.Equal("+14155551111", message.GetProperty("to").GetString());
        Assert.Equal("We open at 9 tomorrow.", message.GetProperty("body").GetString());

        using (var r = await PostJsonAsync(desk, $"/api/staff/conversations/{chat.SessionId}/reply", new { text = "  " }))
        {
            await AssertProblemAsync(r, HttpStatusCode.BadRequest);
        }
        using (var r = await PostJsonAsync(desk, $"/api/staff/conversations/{chat.SessionId}/reply", new { text = "hi", extra = 1 }))
        {
            await AssertProblemAsync(r, HttpStatusCode.BadRequest);
        }
        using (var r = await desk.PostAsync(new Uri($"/api/staff/conversations/{chat.SessionId}/reply", UriKind.Relative), new StringContent("{not json", Encoding.UTF8, "application/json")))
        {
            await AssertProblemAsync(r, HttpStatusCode.BadRequest);
        }
        using (var r = await PostJsonAsync(desk, $"/api/staff/conversations/{chat.SessionId}/reply", new { text = new string('x', StaffDesk.MaxReplyChars + 1) }))
        {
            await AssertProblemAsync(r, HttpStatusCode.BadRequest);
        }
        using (var r = await PostJsonAsync(desk, "/api/staff/conversations/web_nope/reply", new { text = "hi" }))
        {
            await AssertProblemAsync(r, HttpStatusCode.NotFound);
        }
    }

    [StoreFact]
    public async Task A_staff_reply_never_texts_a_number_that_opted_out()
    {
        await using var h = await StartAsync();
        await h.Host.Get<FrontDeskAgent>().HandleAsync(new TurnRequest("sms_thread_2", "sms", "What are your hours?", "+14155552222"), CancellationToken.None);
        await using (var c = await h.Host.Get<SpaDatabase>().OpenAsync(CancellationToken.None))
        {
            await c.ExecuteAsync("UPDATE clients SET opted_out_at_utc = @now WHERE phone = '+14155552222'", new { now = DateTime.UtcNow });
        }
        using var desk = h.As(StaffRole.FrontDesk);
        var reply = await JsonAsync(await PostJsonAsync(desk, "/api/staff/conversations/sms_thread_2/reply", new { text = "Hello" }));
        Assert.Equal("opted_out", reply.GetProperty("sms").GetString());
        Assert.DoesNotContain((await GetJsonAsync(desk, "/api/staff/outbox")).EnumerateArray(), m => m.GetProperty("to").GetString() == "+14155552222");
    }

    [StoreFact]
    public async Task Takeover_silences_the_agent_tells_the_client_and_release_hands_back()
    {
        await using var h = await StartAsync();
        using var web = h.Host.CreateClient();
        var chat = await h.Host.ChatAsync(web, "What are your hours?");
        await h.Host.Get<FrontDeskAgent>().HandleAsync(new TurnRequest("sms_thread_3", "sms", "Hi there", "+14155553333"), CancellationToken.None);
        using var desk = h.As(StaffRole.FrontDesk);

        var taken = await JsonAsync(await PostJsonAsync(desk, $"/api/staff/conversations/{chat.SessionId}/takeover"));
        Assert.Equal("taken_over", taken.GetProperty("status").GetString());
        using (var other = h.As(StaffRole.Manager))
        using (var r = await PostJsonAsync(other, $"/api/staff/conversations/{chat.SessionId}/takeover"))
        {
            await AssertProblemAsync(r, HttpStatusCode.Conflict);
        }
        var silent = await h.Host.ChatAsync(web, "Hello? Anyone there?", chat.SessionId);
        Assert.Equal("", silent.Reply);
        var conversation = await GetJsonAsync(desk, $"/api/staff/conversations/{chat.SessionId}");
        Assert.Equal("taken_over", conversation.GetProperty("status").GetString());
        var roles = conversation.GetProperty("turns").EnumerateArray().Select(t => t.GetProperty("role").GetString()).ToList();
        Assert.Equal(["client", "agent", "system", "client"], roles);
        // The visitor's history (what the widget polls) carries the notice.
        var history = await GetJsonAsync(web, $"/api/chat/history?sessionId={chat.SessionId}");
        var joined = history.GetProperty("turns").EnumerateArray().Single(t => t.GetProperty("role").GetString() == "system");
        Assert.Equal(3, joined.GetProperty("seq").GetInt32());
        Assert.Contains("has joined the conversation", joined.GetProperty("text").GetString(), StringComparison.Ordinal);

        Assert.Equal("active", (await JsonAsync(await PostJsonAsync(desk, $"/api/staff/conversations/{chat.SessionId}/release"))).GetProperty("status").GetString());
        var back = await h.Host.ChatAsync(web, "What are your hours?", chat.SessionId);
        Assert.False(string.IsNullOrEmpty(back.Reply));
        history = await GetJsonAsync(web, $"/api/chat/history?sessionId={chat.SessionId}");
        Assert.Equal(["client", "agent", "system", "client", "system", "client", "agent"],
            history.GetProperty("turns").EnumerateArray().Select(t => t.GetProperty("role").GetString()).ToList());
        Assert.Contains("handed you back", history.GetProperty("turns")[4].GetProperty("text").GetString(), StringComparison.Ordinal);

        // An SMS conversation is told by text too.
        var sms = await JsonAsync(await PostJsonAsync(desk, "/api/staff/conversations/sms_thread_3/takeover"));
        var outboxId = sms.GetProperty("outboxId").GetString();
        var text = (await GetJsonAsync(desk, "/api/staff/outbox")).EnumerateArray().Single(m => m.GetProperty("id").GetString() == outboxId);
        Assert.Equal("+14155553333", text.GetProperty("to").GetString());
        Assert.Contains("joined", text.GetProperty("body").GetString(), StringComparison.Ordinal);

        using var manager = h.As(StaffRole.Manager);
        var audit = await GetJsonAsync(manager, $"/api/staff/audit?entity=conversation&entityId={chat.SessionId}");
        var takeOver = audit.EnumerateArray().Single(e => e.GetProperty("action").GetString() == "conversation.take_over");
        Assert.Equal(EmailOf(StaffRole.FrontDesk), takeOver.GetProperty("actor").GetString());
        Assert.Equal("""{"status":"active","takenOverBy":null}""", takeOver.GetProperty("before").GetString());
        Assert.Equal($$"""{"status":"taken_over","takenOverBy":"{{EmailOf(StaffRole.FrontDesk)}}"}""", takeOver.GetProperty("after").GetString());
        var release = audit.EnumerateArray().Single(e => e.GetProperty("action").GetString() == "conversation.release");
        Assert.Equal($$"""{"status":"taken_over","takenOverBy":"{{EmailOf(StaffRole.FrontDesk)}}"}""", release.GetProperty("before").GetString());
        Assert.Equal("""{"status":"active","takenOverBy":null}""", release.GetProperty("after").GetString());
    }

    [StoreFact]
    public async Task Outbound_messages_waiting_for_approval_are_approved_or_rejected_once()
    {
        await using var h = await StartAsync(new() { ["FrontDesk:Outbox:RequireApproval:0"] = MessageKind.WaitlistOffer });
        var outbox = h.Host.Get<OutboxWriter>();
        var a = await outbox.EnqueueAsync(MessageKind.WaitlistOffer, "+14155551111", "An opening came up", "c-ava", null, null, null, Actor.System("test"), CancellationToken.None);
        var b = await outbox.EnqueueAsync(MessageKind.WaitlistOffer, "+14155552222", "Another opening", "c-ben", null, null, null, Actor.System("test"), CancellationToken.None);
        Assert.Equal(OutboxStatus.PendingApproval, a.Status);
        using var desk = h.As(StaffRole.FrontDesk);

        var pending = await GetJsonAsync(desk, "/api/staff/outbox?status=pending_approval");
        Assert.Equal(2, pending.GetArrayLength());
        Assert.Equal("queued", (await JsonAsync(await PostJsonAsync(desk, $"/api/staff/outbox/{a.Id}/approve"))).GetProperty("status").GetString());
        Assert.Equal("rejected", (await JsonAsync(await PostJsonAsync(desk, $"/api/staff/outbox/{b.Id}/reject"))).GetProperty("status").GetString());
        using (var r = await PostJsonAsync(desk, $"/api/staff/outbox/{b.Id}/approve"))
        {
            await AssertProblemAsync(r, HttpStatusCode.Conflict);
        }
        using (var r = await PostJsonAsync(desk, "/api/staff/outbox/msg_nope/approve"))
        {
            await AssertProblemAsync(r, HttpStatusCode.NotFound);
        }
        var all = (await GetJsonAsync(desk, "/api/staff/outbox")).EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!);
        Assert.Equal("queued", all[a.Id].GetProperty("status").GetString());
        Assert.Equal(EmailOf(StaffRole.FrontDesk), all[a.Id].GetProperty("decidedBy").GetString());
        Assert.Equal("rejected", all[b.Id].GetProperty("status").GetString());

        using var manager = h.As(StaffRole.Manager);
        var audit = await GetJsonAsync(manager, $"/api/staff/audit?entity=outbox&entityId={a.Id}");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "outbox.approve");
    }

    [StoreFact]
    public async Task The_guest_booked_with_a_client_is_shown_on_their_appointment()
    {
        await using var h = await StartAsync();
        var profile = h.Host.Get<SpaProfile>();
        var location = profile.Locations.First(l => l.Rooms.Any(r => r.Type == "treatment"));
        var service = profile.FindService("hydrafacial")!;
        var start = TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, 24, 11, 0, 0), profile.TimeZone);
        var appointment = new Appointment
        {
            Id = NewId.For("apt"), ClientId = "c-ava", ServiceId = service.Id, StaffId = "priya", LocationId = location.Id,
            RoomId = location.Rooms.First(r => r.Type == "treatment").Id, StartsAtUtc = start, EndsAtUtc = start.AddMinutes(service.DurationMin),
            BlockedUntilUtc = start.AddMinutes(service.DurationMin + service.BufferMin), Status = AppointmentStatus.Booked, Channel = "sms",
            CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow, GuestName = "Mia",
        };
        Assert.Equal(BookingOutcome.Booked, (await h.Host.Get<AppointmentBook>().InsertAsync(appointment, Actor.System("test"), CancellationToken.None)).Outcome);

        using var desk = h.As(StaffRole.FrontDesk);
        var item = Assert.Single((await GetJsonAsync(desk, "/api/staff/appointments?from=2026-11-24&to=2026-11-24")).EnumerateArray());

        // Booked under Ava's name and number; Mia is who comes, so the desk greets the right person.
        Assert.Equal("Ava Thompson", item.GetProperty("clientName").GetString());
        Assert.Equal("Mia", item.GetProperty("guestName").GetString());
    }

    [StoreFact]
    public async Task Appointments_and_the_waitlist_are_listed_in_local_and_utc_time()
    {
        await using var h = await StartAsync();
        var profile = h.Host.Get<SpaProfile>();
        var location = profile.Locations.First(l => l.Rooms.Any(r => r.Type == "massage"));
        var room = location.Rooms.First(r => r.Type == "massage");
        var service = profile.FindService("swedish-60")!;
        var start = TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, 24, 10, 0, 0), profile.TimeZone);
        var appointment = new Appointment
        {
            Id = NewId.For("apt"), ClientId = "c-ava", ServiceId = service.Id, StaffId = "maya", LocationId = location.Id, RoomId = room.Id,
            StartsAtUtc = start, EndsAtUtc = start.AddMinutes(service.DurationMin), BlockedUntilUtc = start.AddMinutes(service.DurationMin + service.BufferMin),
            Status = AppointmentStatus.Booked, Channel = "web", CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
        };
        Assert.Equal(BookingOutcome.Booked, (await h.Host.Get<AppointmentBook>().InsertAsync(appointment, Actor.System("test"), CancellationToken.None)).Outcome);
        await h.Host.Get<WaitlistBook>().JoinAsync("c-ben", "swedish-60", new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 28), "any", null, null, "web", null,
            Actor.System("test"), CancellationToken.None);

        using var desk = h.As(StaffRole.FrontDesk);
        var list = await GetJsonAsync(desk, "/api/staff/appointments?from=2026-11-24&to=2026-11-24");
        var item = Assert.Single(list.EnumerateArray());
        Assert.Equal("2026-11-24T10:00:00-08:00", item.GetProperty("start").GetString());
        Assert.Equal("2026-11-24T18:00:00Z", item.GetProperty("startUtc").GetString());
        Assert.Equal("2026-11-24T11:00:00-08:00", item.GetProperty("end").GetString());
        Assert.Equal("Ava Thompson", item.GetProperty("clientName").GetString());
        Assert.Equal("+14155551111", item.GetProperty("clientPhone").GetString());
        Assert.Equal(service.Name, item.GetProperty("serviceName").GetString());
        Assert.Equal("Maya Chen", item.GetProperty("staffName").GetString());
        Assert.Empty((await GetJsonAsync(desk, "/api/staff/appointments?from=2026-11-25&to=2026-11-25")).EnumerateArray());
        Assert.Empty((await GetJsonAsync(desk, $"/api/staff/appointments?from=2026-11-24&to=2026-11-24&location={profile.Locations.First(l => l.Id != location.Id).Id}")).EnumerateArray());
        using (var r = await desk.GetAsync(new Uri("/api/staff/appointments?from=2026-11-24&to=2026-11-20", UriKind.Relative)))
        {
            await AssertProblemAsync(r, HttpStatusCode.BadRequest);
        }
        using (var r = await desk.GetAsync(new Uri("/api/staff/appointments?location=atlantis", UriKind.Relative)))
        {
            await AssertProblemAsync(r, HttpStatusCode.BadRequest);
        }

        var waitlist = Assert.Single((await GetJsonAsync(desk, "/api/staff/waitlist")).EnumerateArray());
        Assert.Equal("swedish-60", waitlist.GetProperty("serviceId").GetString());
        Assert.Equal("2026-11-25", waitlist.GetProperty("windowStart").GetString());
        Assert.Equal("2026-11-28", waitlist.GetProperty("windowEnd").GetString());
        Assert.Equal("waiting", waitlist.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(waitlist.GetProperty("clientName").GetString()));
    }

    [StoreFact]
    public async Task Metrics_count_conversations_by_channel_escalations_and_containment()
    {
        await using var h = await StartAsync();
        using var web = h.Host.CreateClient();
        await h.Host.ChatAsync(web, "What are your hours?");
        await h.Host.ChatAsync(web, "I want to speak to a manager about a refund");
        await h.Host.Get<FrontDeskAgent>().HandleAsync(new TurnRequest("sms_thread_4", "sms", "What are your hours?", "+14155551111"), CancellationToken.None);
        using var manager = h.As(StaffRole.Manager);
        var m = await GetJsonAsync(manager, "/api/staff/metrics?from=2026-11-20&to=2026-11-23");
        Assert.Equal(3, m.GetProperty("conversations").GetInt32());
        Assert.Equal(2, m.GetProperty("byChannel").GetProperty("web").GetInt32());
        Assert.Equal(1, m.GetProperty("byChannel").GetProperty("sms").GetInt32());
        Assert.Equal(4, m.GetProperty("days").GetArrayLength());
        var today = m.GetProperty("days")[3];
        Assert.Equal("2026-11-23", today.GetProperty("date").GetString());
        Assert.Equal(3, today.GetProperty("conversations").GetInt32());
        Assert.Equal(2, today.GetProperty("contained").GetInt32());
        Assert.Equal(1, today.GetProperty("captured").GetInt32());
        Assert.Equal(Math.Round(2.0 / 3, 4), m.GetProperty("containmentRate").GetDouble());
        Assert.Equal(Math.Round(1.0 / 3, 4), m.GetProperty("escalationRate").GetDouble());
        Assert.True(m.GetProperty("firstResponseMs").GetDouble() >= 0);
        // 08:00 on a Monday is before the spa opens at 9.
        Assert.Equal(1.0, m.GetProperty("afterHoursShare").GetDouble());
        Assert.Equal(0, m.GetProperty("days")[0].GetProperty("conversations").GetInt32());
    }

    [StoreFact]
    public async Task Metrics_count_a_booking_made_later_for_its_conversation_and_a_real_caller_id_as_captured()
    {
        await using var h = await StartAsync();
        var agent = h.Host.Get<FrontDeskAgent>();
        foreach (var text in new[] { "Hi! I'd like a deep tissue massage tomorrow afternoon", "the first one", "my name is Sam Lee", "415-555-7788", "yes please" })
        {
            await agent.HandleAsync(new TurnRequest("web_booker", "web", text), CancellationToken.None);
        }
        await agent.HandleAsync(new TurnRequest("sms_withheld", "sms", "What are your hours?", "Anonymous"), CancellationToken.None);
        await agent.HandleAsync(new TurnRequest("sms_known_number", "sms", "What are your hours?", "+14155559876"), CancellationToken.None);
        // The booking went through the next day (the visitor came back to the same conversation).
        await using (var c = await h.Host.Get<SpaDatabase>().OpenAsync(CancellationToken.None))
        {
            Assert.Equal(1, await c.ExecuteAsync("UPDATE appointments SET created_at_utc = @later WHERE conversation_id = 'web_booker'",
                new { later = SpaBookHarness.DefaultNow.UtcDateTime.AddDays(1) }));
        }
        using var manager = h.As(StaffRole.Manager);
        var m = await GetJsonAsync(manager, "/api/staff/metrics?from=2026-11-23&to=2026-11-23");
        Assert.Equal(3, m.GetProperty("conversations").GetInt32());
        var today = m.GetProperty("days")[0];
        Assert.Equal(1, today.GetProperty("booked").GetInt32());
        Assert.Equal(Math.Round(1.0 / 3, 4), m.GetProperty("bookingRate").GetDouble());
        // The booker is a known client now; the texter with a real number can be texted back; a withheld number cannot.
        Assert.Equal(2, today.GetProperty("captured").GetInt32());
    }

    [StoreFact]
    public async Task Containment_counts_staff_replies_and_take_overs_but_not_system_turns()
    {
        await using var h = await StartAsync();
        var agent = h.Host.Get<FrontDeskAgent>();
        var store = h.Host.Get<FrontDesk.Agent.Conversations.ConversationStore>();
        foreach (var id in new[] { "voice_interrupted", "sms_replied", "sms_taken_over" })
        {
            await agent.HandleAsync(new TurnRequest(id, id.StartsWith("voice", StringComparison.Ordinal) ? "voice" : "sms", "What are your hours?", "+14155551111"), CancellationToken.None);
        }
        // A caller talking over the reply is a system turn, not staff involvement.
        await store.AppendTurnAsync("voice_interrupted", "system", "Caller interrupted the reply; heard: \"We open at\"", new FrontDesk.Agent.Transcripts.TurnTags(), CancellationToken.None);
        using var desk = h.As(StaffRole.FrontDesk);
        await JsonAsync(await PostJsonAsync(desk, "/api/staff/conversations/sms_replied/reply", new { text = "We open at 9 tomorrow." }));
        await JsonAsync(await PostJsonAsync(desk, "/api/staff/conversations/sms_taken_over/takeover"));
        await JsonAsync(await PostJsonAsync(desk, "/api/staff/conversations/sms_taken_over/release"));

        using var manager = h.As(StaffRole.Manager);
        var today = (await GetJsonAsync(manager, "/api/staff/metrics?from=2026-11-23&to=2026-11-23")).GetProperty("days")[0];
        Assert.Equal(3, today.GetProperty("conversations").GetInt32());
        Assert.Equal(1, today.GetProperty("contained").GetInt32());
    }

    [StoreFact]
    public async Task Admins_create_accounts_and_keys_and_the_command_line_creates_the_first_admin()
    {
        await using var h = await StartAsync();
        using var admin = h.As(StaffRole.Admin);
        using var created = await PostJsonAsync(admin, "/api/staff/accounts", new { email = "New.Person@Spa.test", name = "New Person", role = "clinician", password = "long enough password" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await JsonAsync(created)).GetProperty("id").GetString();
        using (var dup = await PostJsonAsync(admin, "/api/staff/accounts", new { email = "new.person@spa.test", name = "Dup", role = "clinician", password = "long enough password" }))
        {
            await AssertProblemAsync(dup, HttpStatusCode.Conflict);
        }
        using (var weak = await PostJsonAsync(admin, "/api/staff/accounts", new { email = "x@spa.test", name = "X", role = "clinician", password = "short" }))
        {
            await AssertProblemAsync(weak, HttpStatusCode.BadRequest);
        }
        using (var role = await PostJsonAsync(admin, "/api/staff/accounts", new { email = "y@spa.test", name = "Y", role = "owner", password = "long enough password" }))
        {
            await AssertProblemAsync(role, HttpStatusCode.BadRequest);
        }
        var key = await JsonAsync(await PostJsonAsync(admin, $"/api/staff/accounts/{id}/api-keys", new { label = "laptop" }));
        using (var newcomer = h.WithBearer(key.GetProperty("key").GetString()!))
        {
            Assert.Equal("clinician", (await GetJsonAsync(newcomer, "/api/staff/me")).GetProperty("role").GetString());
        }
        using (var revoke = await admin.DeleteAsync(new Uri($"/api/staff/api-keys/{key.GetProperty("id").GetString()}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }
        using (var revoked = h.WithBearer(key.GetProperty("key").GetString()!))
        using (var r = await revoked.GetAsync(new Uri("/api/staff/me", UriKind.Relative)))
        {
            await AssertProblemAsync(r, HttpStatusCode.Unauthorized);
        }

        var output = new StringWriter();
        var error = new StringWriter();
        // The first admin of a fresh install.
        await using (var fresh = FrontDesk.Channels.Tests.Hosting.FrontDeskHost.Create(Store))
        {
            Assert.Equal(0, await StaffCommands.RunAsync(fresh.Services, ["create-admin", "--email", "owner@spa.test", "--password", "the owners password"], output, error, CancellationToken.None));
            Assert.Contains("owner@spa.test", output.ToString(), StringComparison.Ordinal);
            var owner = await fresh.Get<StaffAccounts>().VerifyPasswordAsync("Owner@Spa.test", "the owners password", CancellationToken.None);
            Assert.Equal(StaffRole.Admin, owner?.Role);
            Assert.Null(await fresh.Get<StaffAccounts>().VerifyPasswordAsync("owner@spa.test", "wrong password!", CancellationToken.None));
        }
        // Here an active admin exists: another one only with --force.
        var before = (await h.Host.Get<StaffAccounts>().ListAsync(CancellationToken.None)).Count;
        Assert.Equal(1, await StaffCommands.RunAsync(h.Host.Services, ["create-admin", "--email", "second@spa.test", "--password", "the second password"], output, error, CancellationToken.None));
        Assert.Contains("An active admin already exists", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--force", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, (await h.Host.Get<StaffAccounts>().ListAsync(CancellationToken.None)).Count);
        Assert.Equal(0, await StaffCommands.RunAsync(h.Host.Services, ["create-admin", "--email", "second@spa.test", "--password", "the second password", "--force"], output, error, CancellationToken.None));
        Assert.Equal(StaffRole.Admin, (await h.Host.Get<StaffAccounts>().VerifyPasswordAsync("second@spa.test", "the second password", CancellationToken.None))?.Role);
        Assert.Equal(2, await StaffCommands.RunAsync(h.Host.Services, ["create-admin", "--email", "a@b.c"], output, error, CancellationToken.None));
        Assert.Null(await StaffCommands.RunAsync(h.Host.Services, ["--urls", "http://localhost:1"], output, error, CancellationToken.None));
    }

    [StoreFact]
    public async Task Admins_change_roles_and_deactivate_accounts_but_the_last_admin_stays()
    {
        await using var h = await StartAsync();
        var accounts = (await h.Host.Get<StaffAccounts>().ListAsync(CancellationToken.None)).ToDictionary(a => a.Role, a => a.Id);
        var deskId = accounts[StaffRole.FrontDesk];
        foreach (var role in StaffRole.All.Where(r => r != StaffRole.Admin))
        {
            using var client = h.As(role);
            using var r = await client.PatchAsJsonAsync(new Uri($"/api/staff/accounts/{deskId}", UriKind.Relative), new { role = "manager" });
            await AssertProblemAsync(r, HttpStatusCode.Forbidden);
        }
        using (var anonymous = h.Host.CreateClient())
        using (var r = await anonymous.PatchAsJsonAsync(new Uri($"/api/staff/accounts/{deskId}", UriKind.Relative), new { role = "manager" }))
        {
            await AssertProblemAsync(r, HttpStatusCode.Unauthorized);
        }

        using var admin = h.As(StaffRole.Admin);
        var promoted = await JsonAsync(await admin.PatchAsJsonAsync(new Uri($"/api/staff/accounts/{deskId}", UriKind.Relative), new { role = "clinician" }));
        Assert.Equal("clinician", promoted.GetProperty("role").GetString());
        using (var desk = h.As(StaffRole.FrontDesk))
        {
            Assert.Equal("clinician", (await GetJsonAsync(desk, "/api/staff/me")).GetProperty("role").GetString());
        }
        Assert.False((await JsonAsync(await admin.PatchAsJsonAsync(new Uri($"/api/staff/accounts/{deskId}", UriKind.Relative), new { active = false }))).GetProperty("active").GetBoolean());
        using (var desk = h.As(StaffRole.FrontDesk))
        using (var r = await desk.GetAsync(new Uri("/api/staff/me", UriKind.Relative)))
        {
            await AssertProblemAsync(r, HttpStatusCode.Unauthorized);
        }
        foreach (var bad in new object[] { new { role = "owner" }, new { }, new { active = "no" } })
        {
            using var r = await admin.PatchAsJsonAsync(new Uri($"/api/staff/accounts/{deskId}", UriKind.Relative), bad);
            await AssertProblemAsync(r, HttpStatusCode.BadRequest);
        }
        using (var r = await admin.PatchAsJsonAsync(new Uri("/api/staff/accounts/stf_nobody", UriKind.Relative), new { active = false }))
        {
            await AssertProblemAsync(r, HttpStatusCode.NotFound);
        }

        // The only active admin can neither demote nor deactivate themselves.
        var adminId = accounts[StaffRole.Admin];
        foreach (var change in new object[] { new { role = "manager" }, new { active = false } })
        {
            using var r = await admin.PatchAsJsonAsync(new Uri($"/api/staff/accounts/{adminId}", UriKind.Relative), change);
            await AssertProblemAsync(r, HttpStatusCode.Conflict);
        }
        Assert.Equal("admin", (await GetJsonAsync(admin, "/api/staff/me")).GetProperty("role").GetString());
        // With a second admin, the first may step down.
        await JsonAsync(await admin.PatchAsJsonAsync(new Uri($"/api/staff/accounts/{accounts[StaffRole.Manager]}", UriKind.Relative), new { role = "admin" }));
        Assert.Equal("manager", (await JsonAsync(await admin.PatchAsJsonAsync(new Uri($"/api/staff/accounts/{adminId}", UriKind.Relative), new { role = "manager" }))).GetProperty("role").GetString());

        using var auditor = h.As(StaffRole.Manager);
        var audit = await GetJsonAsync(auditor, $"/api/staff/audit?entity=staff_account&entityId={deskId}");
        var changes = audit.EnumerateArray().Where(e => e.GetProperty("action").GetString() == "staff.update").Select(e => (e.GetProperty("before").GetString(), e.GetProperty("after").GetString())).ToList();
        Assert.Contains(("""{"role":"front_desk","active":true}""", """{"role":"clinician","active":true}"""), changes);
        Assert.Contains(("""{"role":"clinician","active":true}""", """{"role":"clinician","active":false}"""), changes);
    }

    [StoreFact]
    public async Task Every_role_may_reply_take_over_and_release_a_conversation_without_medical_escalations()
    {
        await using var h = await StartAsync();
        using var web = h.Host.CreateClient();
        foreach (var role in StaffRole.All)
        {
            var chat = await h.Host.ChatAsync(web, "What are your hours?");
            using var client = h.As(role);
            Assert.Equal("taken_over", (await JsonAsync(await PostJsonAsync(client, $"/api/staff/conversations/{chat.SessionId}/takeover"))).GetProperty("status").GetString());
            await JsonAsync(await PostJsonAsync(client, $"/api/staff/conversations/{chat.SessionId}/reply", new { text = $"Hello from {role}." }));
            Assert.Equal("active", (await JsonAsync(await PostJsonAsync(client, $"/api/staff/conversations/{chat.SessionId}/release"))).GetProperty("status").GetString());
            var turns = (await GetJsonAsync(web, $"/api/chat/history?sessionId={chat.SessionId}")).GetProperty("turns").EnumerateArray().ToList();
            Assert.Contains(turns, t => t.GetProperty("role").GetString() == "staff" && t.GetProperty("text").GetString() == $"Hello from {role}.");
        }
        using var anonymous = h.Host.CreateClient();
        using var r = await PostJsonAsync(anonymous, "/api/staff/conversations/web_0123456789abcdef0123456789abcdef/takeover");
        await AssertProblemAsync(r, HttpStatusCode.Unauthorized);
    }

    [StoreFact]
    public async Task Managers_edit_prompts_which_are_validated_and_audited()
    {
        var prompts = Path.Combine(Path.GetTempPath(), "frontdesk-prompts-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(prompts);
        foreach (var file in Directory.GetFiles(TestFiles.Prompts))
        {
            File.Copy(file, Path.Combine(prompts, Path.GetFileName(file)));
        }
        try
        {
            await using var h = await StartAsync(new() { ["FrontDesk:Prompts"] = prompts });
            using var manager = h.As(StaffRole.Manager);
            var current = (await GetJsonAsync(manager, "/api/staff/prompts/staff.yaml")).GetProperty("content").GetString()!;
            var edited = current.Replace("will reply to you personally", "is here to help", StringComparison.Ordinal);
            using (var r = await manager.PutAsync(new Uri("/api/staff/prompts/staff.yaml", UriKind.Relative), JsonContent(new { content = edited })))
            {
                Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            }
            Assert.Contains("is here to help", await File.ReadAllTextAsync(Path.Combine(prompts, "staff.yaml")), StringComparison.Ordinal);
            using (var r = await manager.PutAsync(new Uri("/api/staff/prompts/escalation.yaml", UriKind.Relative), JsonContent(new { content = "categories: [unclosed" })))
            {
                await AssertProblemAsync(r, HttpStatusCode.BadRequest);
            }
            using (var r = await manager.GetAsync(new Uri("/api/staff/prompts/..%2Fsecrets", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            }
            var audit = await GetJsonAsync(manager, "/api/staff/audit?entity=prompt&entityId=staff.yaml");
            Assert.Contains("is here to help", Assert.Single(audit.EnumerateArray()).GetProperty("after").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(prompts, recursive: true);
        }
    }

    [StoreFact]
    public async Task The_dashboard_metrics_and_transcripts_filter_by_language()
    {
        await using var h = await StartAsync();
        using var web = h.Host.CreateClient();
        // Two Spanish conversations (one asks for a person) and one English one.
        var spanish = await h.Host.ChatAsync(web, "hola, ¿tienen estacionamiento cerca?");
        var spanishPerson = await h.Host.ChatAsync(web, "quiero hablar con una persona por favor");
        var english = await h.Host.ChatAsync(web, "hey do you guys have parking?");
        Assert.Equal("human_request", spanishPerson.Escalation?.Category);
        using var manager = h.As(StaffRole.Manager);

        var all = await GetJsonAsync(manager, "/api/staff/metrics?from=2026-11-23&to=2026-11-23");
        var es = await GetJsonAsync(manager, "/api/staff/metrics?from=2026-11-23&to=2026-11-23&language=es");
        var en = await GetJsonAsync(manager, "/api/staff/metrics?from=2026-11-23&to=2026-11-23&language=en");
        Assert.Equal(3, all.GetProperty("conversations").GetInt32());
        Assert.Equal(2, es.GetProperty("conversations").GetInt32());
        Assert.Equal(1, en.GetProperty("conversations").GetInt32());
        Assert.Equal(0.5, es.GetProperty("escalationRate").GetDouble());
        Assert.Equal(0.0, en.GetProperty("escalationRate").GetDouble());

        // language=es is the same filter as tag=language:es.
        var turns = (await GetJsonAsync(manager, "/api/staff/transcripts?language=es")).EnumerateArray().Select(t => t.GetProperty("conversationId").GetString()).ToHashSet();
        Assert.Equal(new HashSet<string?> { spanish.SessionId, spanishPerson.SessionId }, turns);
        Assert.DoesNotContain(english.SessionId, turns);
        foreach (var bad in new[] { "/api/staff/metrics?language=fr", "/api/staff/transcripts?language=klingon", "/api/staff/transcripts?language=es&tag=language:en" })
        {
            using var r = await manager.GetAsync(new Uri(bad, UriKind.Relative));
            await AssertProblemAsync(r, HttpStatusCode.BadRequest);
        }
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}

public sealed class SqliteStaffApiTests : StaffApiTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class PostgresStaffApiTests : StaffApiTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;
}
