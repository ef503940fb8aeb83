using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using FrontDesk.Channels.Staff;
using FrontDesk.Channels.Tests.Twilio.Simulator;
using FrontDesk.Channels.Twilio;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Store;
using static FrontDesk.Channels.Tests.Staff.StaffHarness;

namespace FrontDesk.Channels.Tests.Staff;

/// <summary>
/// Opt-outs staff see and set (staff API and console forms), and a caller's "stop texting me" recorded with the turn, on the
/// real host. One suite, two stores: <see cref="SqliteStaffOptOutTests"/> and <see cref="PostgresStaffOptOutTests"/>.
/// </summary>
public abstract class StaffOptOutTests
{
    private const string Mission = "+14155550100";

    protected abstract TestStore Store { get; }

    private Task<StaffHarness> StartAsync() => StaffHarness.StartAsync(Store, TwilioSimulator.Settings());

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, object body) =>
        client.PutAsJsonAsync(new Uri("/api/staff/opt-outs", UriKind.Relative), body);

    private static Task<JsonElement> StatusAsync(HttpClient client, string phone) =>
        GetJsonAsync(client, "/api/staff/opt-outs?phone=" + Uri.EscapeDataString(phone));

    private static async Task<List<JsonElement>> AuditAsync(StaffHarness h, string action)
    {
        using var manager = h.As(StaffRole.Manager);
        var entries = await GetJsonAsync(manager, "/api/staff/audit?entity=client");
        return [.. entries.EnumerateArray().Where(e => e.GetProperty("action").GetString() == action)];
    }

    /// <summary>A later text to the opted-out number, queued and drained through the real sender, is suppressed.</summary>
    private static async Task AssertLaterTextSuppressedAsync(StaffHarness h, string phone)
    {
        var outbox = h.Host.Get<FrontDesk.Tools.Outbox.OutboxWriter>();
        var later = await outbox.EnqueueAsync(FrontDesk.Tools.Outbox.MessageKind.MissedCall, phone, "Sorry we missed your call!",
            null, "mission", null, null, FrontDesk.Tools.Audit.Actor.System("test"), CancellationToken.None);
        await h.Host.Get<FrontDesk.Channels.Twilio.Outbound.OutboxSender>().DrainOnceAsync(CancellationToken.None);
        Assert.Equal(FrontDesk.Tools.Outbox.OutboxStatus.Suppressed, (await outbox.ListAsync(null, 100, CancellationToken.None)).Single(m => m.Id == later.Id).Status);
    }

    private static JsonElement After(JsonElement audit) => JsonDocument.Parse(audit.GetProperty("after").GetString()!).RootElement.Clone();

    [StoreFact]
    public async Task Any_role_stops_texts_to_a_number_written_as_people_write_it_and_the_change_is_audited()
    {
        await using var h = await StartAsync();
        using var desk = h.As(StaffRole.FrontDesk);
        Assert.False((await StatusAsync(desk, "+14155557777")).GetProperty("optedOut").GetBoolean());

        // Written the way it was read out at the desk: national format, the spa's region.
        var done = await JsonAsync(await PutAsync(desk, new { phone = "(415) 555-7777", optedOut = true, note = "client at the desk: no more texts pls, she gets them at work" }));
        Assert.True(done.GetProperty("changed").GetBoolean());
        Assert.Equal("+14155557777", done.GetProperty("phone").GetString());

        // A '+' sent bare in the query string arrives as a space; it is still that number.
        using var raw = await desk.GetAsync(new Uri("/api/staff/opt-outs?phone=+14155557777", UriKind.Relative));
        var status = await JsonAsync(raw);
        Assert.True(status.GetProperty("optedOut").GetBoolean());
        Assert.Equal("staff", status.GetProperty("source").GetString());
        Assert.Equal("client at the desk: no more texts pls, she gets them at work", status.GetProperty("note").GetString());
        Assert.Equal("staff:" + EmailOf(StaffRole.FrontDesk), status.GetProperty("recordedBy").GetString());
        Assert.Equal("2026-11-23T16:00:00Z", status.GetProperty("sinceUtc").GetString());
        Assert.Equal("2026-11-23T08:00:00-08:00", status.GetProperty("since").GetString());
        Assert.Equal("(415) 555-7777", status.GetProperty("national").GetString());

        // Saying it again changes nothing: the first record stays, no second audit entry.
        var again = await JsonAsync(await PutAsync(desk, new { phone = "415.555.7777", optedOut = true, note = "again" }));
        Assert.False(again.GetProperty("changed").GetBoolean());
        Assert.Equal("client at the desk: no more texts pls, she gets them at work", again.GetProperty("note").GetString());
        var audit = Assert.Single(await AuditAsync(h, "client.sms_opt_out"));
        Assert.Equal(EmailOf(StaffRole.FrontDesk), audit.GetProperty("actor").GetString());
        Assert.Equal("staff", After(audit).GetProperty("source").GetString());

        // Every sender honours it: the one shared check says so.
        Assert.True(await h.Host.Get<SmsOptOuts>().IsOptedOutAsync("+14155557777", CancellationToken.None));
    }

    [StoreFact]
    public async Task Only_managers_and_admins_text_a_number_again_and_only_saying_why()
    {
        await using var h = await StartAsync();
        using var desk = h.As(StaffRole.FrontDesk);
        await JsonAsync(await PutAsync(desk, new { phone = "+14155558888", optedOut = true }));

        foreach (var role in new[] { StaffRole.FrontDesk, StaffRole.Clinician })
        {
            using var client = h.As(role);
            await ProblemAsync(await PutAsync(client, new { phone = "+14155558888", optedOut = false, note = "she asked" }), HttpStatusCode.Forbidden);
        }
        using var manager = h.As(StaffRole.Manager);
        var noNote = await ProblemAsync(await PutAsync(manager, new { phone = "+14155558888", optedOut = false }), HttpStatusCode.BadRequest);
        Assert.Contains("note", noNote.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAsync(await PutAsync(manager, new { phone = "+14155558888", optedOut = false, note = "   " }), HttpStatusCode.BadRequest);
        Assert.True((await StatusAsync(manager, "+14155558888")).GetProperty("optedOut").GetBoolean());

        var back = await JsonAsync(await PutAsync(manager, new { phone = "+1 415 555 8888", optedOut = false, note = "client asked by phone to get texts again" }));
        Assert.True(back.GetProperty("changed").GetBoolean());
        Assert.False(back.GetProperty("optedOut").GetBoolean());
        Assert.Equal("client asked by phone to get texts again", back.GetProperty("note").GetString());
        Assert.False(await h.Host.Get<SmsOptOuts>().IsOptedOutAsync("+14155558888", CancellationToken.None));
        var audit = Assert.Single(await AuditAsync(h, "client.sms_opt_in"));
        Assert.Equal(EmailOf(StaffRole.Manager), audit.GetProperty("actor").GetString());
        Assert.Equal("client asked by phone to get texts again", After(audit).GetProperty("note").GetString());
    }

    [StoreFact]
    public async Task The_list_shows_opted_out_numbers_newest_first_a_page_at_a_time()
    {
        await using var h = await StartAsync();
        var db = h.Host.Get<SpaDatabase>();
        var monday = new DateTime(2026, 11, 23, 16, 0, 0, DateTimeKind.Utc);
        await using (var c = await db.OpenAsync(CancellationToken.None))
        {
            var rows = new[] { ("+14155550201", true, 0), ("+14155550202", true, 2), ("+14155550203", false, 3), ("+14155550204", true, 1) };
            foreach (var (phone, optedOut, days) in rows)
            {
                await c.ExecuteAsync("INSERT INTO sms_opt_outs (phone, opted_out, source, updated_at_utc) VALUES (@phone, @optedOut, 'keyword', @at)",
                    new { phone, optedOut, at = monday.AddDays(-days) });
            }
            // Only the client record says so (an older store, an import): still opted out, still listed.
            await c.ExecuteAsync("UPDATE clients SET opted_out_at_utc = @at WHERE id = 'c-ava'", new { at = monday.AddDays(-5) });
        }
        using var desk = h.As(StaffRole.FrontDesk);
        var first = await GetJsonAsync(desk, "/api/staff/opt-outs?pageSize=2");
        Assert.Equal(4, first.GetProperty("total").GetInt32());
        Assert.Equal(["+14155550201", "+14155550204"], first.GetProperty("numbers").EnumerateArray().Select(n => n.GetProperty("phone").GetString()));
        var second = await GetJsonAsync(desk, "/api/staff/opt-outs?pageSize=2&page=2");
        var numbers = second.GetProperty("numbers").EnumerateArray().ToList();
        Assert.Equal(["+14155550202", "+14155551111"], numbers.Select(n => n.GetProperty("phone").GetString()));
        Assert.Equal("client_record", numbers[1].GetProperty("source").GetString());
        Assert.Equal("Ava Thompson", numbers[1].GetProperty("clientName").GetString());
        Assert.Empty((await GetJsonAsync(desk, "/api/staff/opt-outs?pageSize=2&page=3")).GetProperty("numbers").EnumerateArray());
    }

    [StoreFact]
    public async Task Bad_input_gets_a_problem_that_says_what_is_wrong_never_a_500()
    {
        await using var h = await StartAsync();
        using var desk = h.As(StaffRole.FrontDesk);
        foreach (var url in new[] { "/api/staff/opt-outs?phone=call%20me", "/api/staff/opt-outs?phone=12", "/api/staff/opt-outs?page=0", "/api/staff/opt-outs?pageSize=5000",
            "/api/staff/opt-outs?page=two" })
        {
            using var r = await desk.GetAsync(new Uri(url, UriKind.Relative));
            await ProblemAsync(r, HttpStatusCode.BadRequest);
        }
        // Too short to be a number (a vanity one like 1-800-FLOWERS is a number: libphonenumber reads its letters).
        var badPhone = await ProblemAsync(await PutAsync(desk, new { phone = "415 55", optedOut = true }), HttpStatusCode.BadRequest);
        Assert.Contains("'phone'", badPhone.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAsync(await PutAsync(desk, new { phone = "+14155557777", optedOut = true, reason = "typo'd field" }), HttpStatusCode.BadRequest);
        await ProblemAsync(await PutAsync(desk, new { phone = "+14155557777" }), HttpStatusCode.BadRequest);
        await ProblemAsync(await PutAsync(desk, new { phone = "+14155557777", optedOut = "yes" }), HttpStatusCode.BadRequest);
        await ProblemAsync(await PutAsync(desk, new { phone = "+14155557777", optedOut = true, note = new string('x', 501) }), HttpStatusCode.BadRequest);
        await ProblemAsync(await PutAsync(desk, new { phone = "+14155557777", optedOut = true, note = "nul\0here" }), HttpStatusCode.BadRequest);
        using (var notJson = await desk.PutAsync(new Uri("/api/staff/opt-outs", UriKind.Relative), new StringContent("{phone:", Encoding.UTF8, "application/json")))
        {
            await ProblemAsync(notJson, HttpStatusCode.BadRequest);
        }
        using (var form = await desk.PutAsync(new Uri("/api/staff/opt-outs", UriKind.Relative), new StringContent("phone=1", Encoding.UTF8, "application/x-www-form-urlencoded")))
        {
            await ProblemAsync(form, HttpStatusCode.UnsupportedMediaType);
        }
        var huge = "{\"phone\":\"+14155557777\",\"optedOut\":true,\"note\":\"" + new string('x', 200_000) + "\"}";
        using (var big = await desk.PutAsync(new Uri("/api/staff/opt-outs", UriKind.Relative), new StringContent(huge, Encoding.UTF8, "application/json")))
        {
            await ProblemAsync(big, HttpStatusCode.RequestEntityTooLarge);
        }
        Assert.Equal(0, (await GetJsonAsync(desk, "/api/staff/opt-outs")).GetProperty("total").GetInt32());
    }

    // sms_opt_outs moved from the Twilio channel's migrations to the spa's book (Tools 9 and 10): a store made before keeps its
    // opt-outs, gains the note and who recorded it, and a new store gets the table once.
    [StoreFact]
    public async Task A_store_made_before_the_move_keeps_its_opt_outs_and_gains_the_note()
    {
        var (settings, temp) = SpaBookHarness.FreshStore(Store);
        try
        {
            var provider = Enum.Parse<DatabaseProvider>(settings["FrontDesk:Database:Provider"]!);
            using var db = new SpaDatabase(provider, settings["FrontDesk:Database:ConnectionString"]!);
            var clock = new TestClock(SpaBookHarness.DefaultNow);
            var before = ToolsSchema.Migrations.Where(m => m.Version < 9).Concat(TwilioSchema.Migrations).ToList();
            await SchemaMigrator.ApplyAsync(db, before, clock, CancellationToken.None);
            await using (var c = await db.OpenAsync(CancellationToken.None))
            {
                await c.ExecuteAsync("INSERT INTO sms_opt_outs (phone, opted_out, source, updated_at_utc) VALUES ('+14155550909', @yes, 'keyword', @now)",
                    new { yes = true, now = clock.GetUtcNow().UtcDateTime });
            }

            Assert.Equal([9, 10], await SchemaMigrator.ApplyAsync(db, ToolsSchema.Migrations.Concat(TwilioSchema.Migrations), clock, CancellationToken.None));

            var optOuts = new FrontDesk.Tools.Clients.TextOptOuts(db, new FrontDesk.Tools.Clients.ClientDirectory(db, clock), clock);
            var kept = await optOuts.StatusAsync("+14155550909", CancellationToken.None);
            Assert.True(kept.OptedOut);
            Assert.Equal("keyword", kept.Source);
            Assert.Null(kept.Note);
            Assert.True(await optOuts.ChangeAsync("+14155550909", false, "staff", "asked at the desk to get texts again", new FrontDesk.Tools.Audit.Actor("staff", "m@spa.test"),
                CancellationToken.None));
            Assert.Equal("asked at the desk to get texts again", (await optOuts.StatusAsync("+14155550909", CancellationToken.None)).Note);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            SpaBookHarness.ReleaseStore(settings, temp);
        }
    }

    [StoreFact]
    public async Task A_caller_who_asks_to_stop_the_texts_is_opted_out_with_the_turn_told_so_and_the_team_is_told()
    {
        await using var h = await StartAsync();
        var call = new TwilioSimulator(h.Host.CreateClient()).Call("+14155556060", Mission);
        await call.AnswerAsync();

        var page = await call.SayAsync("hi yeah um can you guys stop texting me, i get like three a day");

        Assert.Contains("won't text this number any more", page.Spoken, StringComparison.Ordinal);
        // Not a request for a person: the call goes on, nobody is dialled.
        Assert.NotNull(page.Gather);
        Assert.Null(page.DialNumber);
        using var desk = h.As(StaffRole.FrontDesk);
        var status = await StatusAsync(desk, "+14155556060");
        Assert.True(status.GetProperty("optedOut").GetBoolean());
        Assert.Equal("voice_request", status.GetProperty("source").GetString());
        Assert.Equal("client:+14155556060", status.GetProperty("recordedBy").GetString());
        var escalation = Assert.Single((await GetJsonAsync(desk, "/api/staff/escalations?status=open")).EnumerateArray());
        Assert.Equal("human_request", escalation.GetProperty("category").GetString());
        Assert.Contains("opt-out", escalation.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var audit = Assert.Single(await AuditAsync(h, "client.sms_opt_out"));
        Assert.Equal(call.CallSid, audit.GetProperty("conversationId").GetString());

        // Twilio posting the same utterance again gets the committed answer: one opt-out, one escalation.
        var again = await call.RedeliverAsync();
        Assert.Contains("won't text this number any more", again.Spoken, StringComparison.Ordinal);
        Assert.Single(await AuditAsync(h, "client.sms_opt_out"));
        Assert.Single((await GetJsonAsync(desk, "/api/staff/escalations?status=open")).EnumerateArray());
    }

    [StoreFact]
    public async Task A_caller_who_asks_in_spanish_hears_it_in_spanish_and_is_opted_out()
    {
        await using var h = await StartAsync();
        var call = new TwilioSimulator(h.Host.CreateClient()).Call("+14155556161", Mission);
        await call.AnswerAsync();

        var page = await call.SayAsync("oiga ya no me manden mensajes por favor");

        Assert.Contains("ya no le enviaremos mensajes a este número", page.Spoken, StringComparison.Ordinal);
        Assert.Null(page.DialNumber);
        using var desk = h.As(StaffRole.FrontDesk);
        var status = await StatusAsync(desk, "+14155556161");
        Assert.True(status.GetProperty("optedOut").GetBoolean());
        Assert.Equal("voice_request", status.GetProperty("source").GetString());
    }

    // Round 34: an opt-out said in words by text is recorded like STOP and like a call's: with its exchange, in one transaction,
    // audited with the conversation it was said in; the confirmation is the text's answer; later texts are refused.
    [StoreTheory]
    [InlineData("+14155557001", "quit texting me", "START")]
    [InlineData("+14155557002", "no more messages pls", "START")]
    [InlineData("+14155557003", "ya no me manden mensajes", "COMENZAR")]
    [InlineData("+14155557004", "dejen de escribirme", "COMENZAR")]
    public async Task A_text_asking_in_words_to_stop_is_recorded_with_its_exchange_confirmed_and_later_texts_are_refused(string phone, string said, string optBackIn)
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        await using var h = await StaffHarness.StartAsync(Store, TwilioSimulator.Settings(rest.BaseAddress));
        var twilio = new TwilioSimulator(h.Host.CreateClient());
        var sid = twilio.NewSid("SM");
        var conversationId = SmsConversations.ConversationIdFor(phone, Mission);

        var page = await twilio.TextAsync(phone, Mission, said, sid);

        Assert.Contains(optBackIn, page.Message, StringComparison.Ordinal);
        using var desk = h.As(StaffRole.FrontDesk);
        var status = await StatusAsync(desk, phone);
        Assert.True(status.GetProperty("optedOut").GetBoolean());
        Assert.Equal("keyword", status.GetProperty("source").GetString());
        Assert.Equal("client:" + phone, status.GetProperty("recordedBy").GetString());
        var audit = Assert.Single(await AuditAsync(h, "client.sms_opt_out"));
        Assert.Equal(conversationId, audit.GetProperty("conversationId").GetString());
        var transcript = await h.Host.Get<FrontDesk.Agent.Conversations.ConversationStore>().TranscriptAsync(conversationId, CancellationToken.None);
        Assert.Equal([said, page.Message], transcript.Select(t => t.Text));

        // Twilio delivering the same text again gets the same answer: one opt-out recorded.
        Assert.Equal(page.Message, (await twilio.TextAsync(phone, Mission, said, sid)).Message);
        Assert.Single(await AuditAsync(h, "client.sms_opt_out"));

        // A later text to the number is refused by the sender, and the team's reply is not even queued.
        await AssertLaterTextSuppressedAsync(h, phone);
        using var reply = await PostJsonAsync(desk, $"/api/staff/conversations/{conversationId}/reply", new { text = "Hi! Just checking in." });
        Assert.Equal("opted_out", (await JsonAsync(reply)).GetProperty("sms").GetString());
        Assert.Empty(rest.Requests);
    }

    // Round 36: a stop said beside an emergency's or a clinician's words by text. The channel's words would take it as a plain
    // stop (the guidance lost); it goes to the agent instead, which answers with the guidance first and records the opt-out in
    // the same turn; the escalation keeps its category and says the texts stopped; later texts are refused.
    [StoreTheory]
    [InlineData("+14155557041", "my lips are swelling badly after filler and stop texting me", "emergency", "911", "START")]
    [InlineData("+14155557042", "tengo fiebre y la zona roja se extiende, y ya no me manden mensajes", "emergency", "911", "COMENZAR")]
    [InlineData("+14155557043", "got a rash after my peel yesterday is that normal?? also quit texting me", "medical", "medical advice", "START")]
    public async Task A_text_with_a_stop_beside_an_emergency_gets_the_guidance_first_and_is_opted_out(string phone, string said, string category, string guidance, string optBackIn)
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        await using var h = await StaffHarness.StartAsync(Store, TwilioSimulator.Settings(rest.BaseAddress));
        var twilio = new TwilioSimulator(h.Host.CreateClient());

        var page = await twilio.TextAsync(phone, Mission, said, twilio.NewSid("SM"));

        var message = page.Message ?? "";
        Assert.Contains(guidance, message, StringComparison.Ordinal);
        Assert.Contains(optBackIn, message, StringComparison.Ordinal);
        Assert.True(message.IndexOf(guidance, StringComparison.Ordinal) < message.IndexOf(optBackIn, StringComparison.Ordinal), message);
        using var desk = h.As(StaffRole.FrontDesk);
        var status = await StatusAsync(desk, phone);
        Assert.True(status.GetProperty("optedOut").GetBoolean());
        Assert.Equal("keyword", status.GetProperty("source").GetString());
        // The front desk sees a medical or emergency escalation's category only; a clinician reads its summary.
        using var clinician = h.As(StaffRole.Clinician);
        var escalation = Assert.Single((await GetJsonAsync(clinician, "/api/staff/escalations?status=open")).EnumerateArray());
        Assert.Equal(category, escalation.GetProperty("category").GetString());
        Assert.Contains("opt-out of " + phone, escalation.GetProperty("summary").GetString(), StringComparison.Ordinal);
        await AssertLaterTextSuppressedAsync(h, phone);
        Assert.Empty(rest.Requests);
    }

    [StoreFact]
    public async Task A_caller_with_an_emergency_who_asks_to_stop_the_texts_hears_the_guidance_first_and_is_opted_out()
    {
        await using var h = await StartAsync();
        var call = new TwilioSimulator(h.Host.CreateClient()).Call("+14155556363", Mission);
        await call.AnswerAsync();

        var page = await call.SayAsync("my lips are swelling really bad since the filler this morning, and stop texting me please");

        var spoken = page.Spoken;
        Assert.Contains("911", spoken, StringComparison.Ordinal);
        Assert.True(spoken.IndexOf("911", StringComparison.Ordinal) < spoken.IndexOf("won't text this number any more", StringComparison.Ordinal), spoken);
        using var desk = h.As(StaffRole.FrontDesk);
        var status = await StatusAsync(desk, "+14155556363");
        Assert.True(status.GetProperty("optedOut").GetBoolean());
        Assert.Equal("voice_request", status.GetProperty("source").GetString());
        var escalation = Assert.Single((await GetJsonAsync(desk, "/api/staff/escalations?status=open")).EnumerateArray());
        Assert.Equal("emergency", escalation.GetProperty("category").GetString());
        Assert.Equal("urgent", escalation.GetProperty("urgency").GetString());
    }

    // Round 36: the negation of a stop is not a stop, by text (the channel's words) as by the agent.
    [StoreTheory]
    [InlineData("+14155557051", "don't stop texting me, i like the reminders")]
    [InlineData("+14155557052", "please don't unsubscribe me")]
    [InlineData("+14155557053", "i didnt say to stop texting me lol")]
    [InlineData("+14155557054", "no dejen de mandarme mensajes, me sirven los recordatorios")]
    public async Task A_text_that_negates_a_stop_stops_nothing(string phone, string said)
    {
        await using var h = await StartAsync();
        var twilio = new TwilioSimulator(h.Host.CreateClient());

        var page = await twilio.TextAsync(phone, Mission, said, twilio.NewSid("SM"));

        Assert.DoesNotContain("START", page.Message ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("COMENZAR", page.Message ?? "", StringComparison.Ordinal);
        using var desk = h.As(StaffRole.FrontDesk);
        Assert.False((await StatusAsync(desk, phone)).GetProperty("optedOut").GetBoolean());
        Assert.Empty(await AuditAsync(h, "client.sms_opt_out"));
    }

    // The same asked inside a longer text, which the channel's words do not take (over 100 characters): the agent records it
    // with the turn, as on a call, and the answer says how to get texts again, as STOP's does.
    [StoreTheory]
    [InlineData("+14155557011", "hey its maria, the facial on saturday is all good thanks, but can you guys please quit texting me every single day, its too much", "START")]
    [InlineData("+14155557012", "hola soy maria, lo del facial del sábado está bien gracias, pero ya no me manden mensajes todos los días por favor, es demasiado", "COMENZAR")]
    public async Task A_longer_text_asking_to_stop_is_recorded_by_the_turn_and_answered_like_STOP(string phone, string said, string optBackIn)
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        var settings = TwilioSimulator.Settings(rest.BaseAddress);
        settings["FrontDesk:Sms:ReplyBudgetMs"] = "14000";
        await using var h = await StaffHarness.StartAsync(Store, settings);
        var conversationId = SmsConversations.ConversationIdFor(phone, Mission);
        Assert.Equal(SmsKeyword.None, SmsKeywords.Classify(said));

        var page = await new TwilioSimulator(h.Host.CreateClient()).TextAsync(phone, Mission, said);

        Assert.True(page.Message?.Contains(optBackIn, StringComparison.Ordinal) == true, page.Message);
        using var desk = h.As(StaffRole.FrontDesk);
        // The team is told, as when it is said on a call.
        var escalation = Assert.Single((await GetJsonAsync(desk, "/api/staff/escalations?status=open")).EnumerateArray());
        Assert.Contains("opt-out", escalation.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var status = await StatusAsync(desk, phone);
        Assert.True(status.GetProperty("optedOut").GetBoolean());
        Assert.Equal("keyword", status.GetProperty("source").GetString());
        Assert.Equal("client:" + phone, status.GetProperty("recordedBy").GetString());
        var audit = Assert.Single(await AuditAsync(h, "client.sms_opt_out"));
        Assert.Equal(conversationId, audit.GetProperty("conversationId").GetString());
        await AssertLaterTextSuppressedAsync(h, phone);
        Assert.Empty(rest.Requests);
    }

    // Round 35: a stop beside a complaint about deals, answered after the reply budget (the turn is held at its last step until
    // Twilio has stopped waiting): the confirmation goes through the outbox, where the number is opted out by then. It is the
    // one text that still goes (the confirmation of that opt-out, audited as the exception), and nothing after it does.
    [StoreTheory]
    [InlineData("+14155557021", "quit texting me every single day about your deals and promos, i never signed up for this and its honestly getting annoying", "Reply START")]
    [InlineData("+14155557022", "dejen de mandarme mensajes con sus promociones todos los días, nunca me inscribí a nada de eso y ya me tienen harta la verdad", "Responda COMENZAR")]
    public async Task A_late_confirmation_of_a_stop_is_the_one_text_sent_after_it_and_nothing_else_is(string phone, string said, string optBackIn)
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        var settings = TwilioSimulator.Settings(rest.BaseAddress);
        settings["FrontDesk:Sms:ReplyBudgetMs"] = "100";
        await using var h = await StaffHarness.StartAsync(Store, settings);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Host.Get<FaultPoints>().OnPoint = async point =>
        {
            if (point == FaultPoints.TurnStoring)
            {
                await held.Task;
            }
        };
        var outbox = h.Host.Get<FrontDesk.Tools.Outbox.OutboxWriter>();
        var sender = h.Host.Get<FrontDesk.Channels.Twilio.Outbound.OutboxSender>();

        Assert.Equal(SmsKeyword.None, SmsKeywords.Classify(said));
        var page = await new TwilioSimulator(h.Host.CreateClient()).TextAsync(phone, Mission, said);
        Assert.True(string.IsNullOrEmpty(page.Message), page.Message);
        held.SetResult();
        FrontDesk.Tools.Outbox.OutboxMessage? late = null;
        for (var i = 0; i < 200 && late is null; i++)
        {
            await Task.Delay(100);
            late = (await outbox.ListAsync(null, 100, CancellationToken.None)).FirstOrDefault(m => m.ToAddress == phone);
        }
        Assert.NotNull(late);
        Assert.True(await h.Host.Get<SmsOptOuts>().IsOptedOutAsync(phone, CancellationToken.None));

        await sender.DrainOnceAsync(CancellationToken.None);
        var sent = Assert.Single(rest.Requests);
        Assert.Equal(phone, sent.To);
        Assert.Contains(optBackIn, sent.Body, StringComparison.Ordinal);
        // The exception is visible: the sender's audit entry says why an opted-out number was texted.
        using var manager = h.As(StaffRole.Manager);
        var entries = await GetJsonAsync(manager, "/api/staff/audit?entity=outbox");
        var exception = Assert.Single(entries.EnumerateArray(), e => e.GetProperty("entityId").GetString() == late.Id && e.GetProperty("action").GetString() == "outbox.sent");
        Assert.Contains("opt_out_confirmation", exception.GetProperty("after").GetString(), StringComparison.Ordinal);

        // Nothing after it: a later text is suppressed, and the confirmation is not sent twice.
        await AssertLaterTextSuppressedAsync(h, phone);
        Assert.Single(rest.Requests);
    }

    // Round 35: STOP by keyword tells the team as a stop in words or on a call does (one front-desk escalation naming the thread),
    // once: a STOP again changes nothing and raises nothing, and START raises nothing.
    [StoreTheory]
    [InlineData("+14155557031", "STOP")]
    [InlineData("+14155557032", "Alto")]
    public async Task STOP_by_keyword_tells_the_team_once(string phone, string keyword)
    {
        await using var h = await StartAsync();
        var twilio = new TwilioSimulator(h.Host.CreateClient());
        var conversationId = SmsConversations.ConversationIdFor(phone, Mission);

        await twilio.TextAsync(phone, Mission, keyword);

        using var desk = h.As(StaffRole.FrontDesk);
        var escalation = Assert.Single((await GetJsonAsync(desk, "/api/staff/escalations?status=open")).EnumerateArray());
        Assert.Equal("human_request", escalation.GetProperty("category").GetString());
        Assert.Equal(conversationId, escalation.GetProperty("conversationId").GetString());
        Assert.Contains("opt-out", escalation.GetProperty("summary").GetString(), StringComparison.Ordinal);
        await twilio.TextAsync(phone, Mission, keyword);
        await twilio.TextAsync(phone, Mission, "START");
        Assert.Single((await GetJsonAsync(desk, "/api/staff/escalations?status=open")).EnumerateArray());
    }

    // Round 35: the console's switch on a conversation's page audits that conversation (a call's and a text's opt-outs name
    // theirs); a conversation of another number is refused, not recorded against it.
    [StoreFact]
    public async Task A_stop_made_from_a_conversation_page_is_audited_with_that_conversation()
    {
        const string phone = "+14155557041";
        await using var h = await StartAsync();
        var conversationId = SmsConversations.ConversationIdFor(phone, Mission);
        var other = SmsConversations.ConversationIdFor("+14155557042", Mission);
        var twilio = new TwilioSimulator(h.Host.CreateClient());
        await twilio.TextAsync(phone, Mission, "hey what time do u close tonight");
        await twilio.TextAsync("+14155557042", Mission, "do you have parking");
        using var browserLike = h.Host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await browserLike.GetStringAsync(new Uri("/staff/login", UriKind.Relative));
        using (var signIn = await browserLike.PostAsync(new Uri("/staff/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = Csrf(login), ["email"] = EmailOf(StaffRole.FrontDesk), ["password"] = Password, ["returnUrl"] = "/staff/escalations",
        })))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }
        var back = "/staff/conversations/" + conversationId;
        var page = await browserLike.GetStringAsync(new Uri(back, UriKind.Relative));
        // The page's own form, as a browser would send it (its hidden fields included).
        var form = System.Text.RegularExpressions.Regex.Match(page, "<form[^>]*action=\"/staff/opt-outs/stop\".*?</form>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        var fields = System.Text.RegularExpressions.Regex.Matches(form, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .ToDictionary(m => m.Groups[1].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["note"] = "asked at the desk: calls only";

        // The same form naming another number's conversation is refused: the audit would name the wrong thread.
        var forged = new Dictionary<string, string>(fields) { ["conversation"] = other };
        using (var refused = await browserLike.PostAsync(new Uri("/staff/opt-outs/stop", UriKind.Relative), new FormUrlEncodedContent(forged)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
        Assert.Empty(await AuditAsync(h, "client.sms_opt_out"));

        using (var stop = await browserLike.PostAsync(new Uri("/staff/opt-outs/stop", UriKind.Relative), new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.Redirect, stop.StatusCode);
            Assert.Equal(back, stop.Headers.Location?.OriginalString);
        }
        var audit = Assert.Single(await AuditAsync(h, "client.sms_opt_out"));
        Assert.Equal(conversationId, audit.GetProperty("conversationId").GetString());
        Assert.Equal("staff", After(audit).GetProperty("source").GetString());
    }

    // Round 34: numbers written in another country's way, and the console's forms given what the API refuses.
    [StoreFact]
    public async Task Numbers_of_other_countries_and_bad_console_forms_get_a_clear_answer_and_nothing_is_lost()
    {
        await using var h = await StartAsync();
        using var desk = h.As(StaffRole.FrontDesk);
        // With its country code a foreign number is a number (a Mexican client's mobile, a London one).
        foreach (var (typed, e164) in new[] { ("+52 55 1234 5678", "+525512345678"), ("+44 20 7946 0958", "+442079460958") })
        {
            using var put = await PutAsync(desk, new { phone = typed, optedOut = true, note = "visiting from abroad" });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Equal(e164, (await JsonAsync(put)).GetProperty("phone").GetString());
        }
        // Written the way it is dialled at home, without the code, it is not read as one of ours: 400, saying how to write it.
        foreach (var typed in new[] { "020 7946 0958", "55 1234 5678 00", "+99 123" })
        {
            var problem = await ProblemAsync(await PutAsync(desk, new { phone = typed, optedOut = true }), HttpStatusCode.BadRequest);
            Assert.Contains("'phone'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(2, (await GetJsonAsync(desk, "/api/staff/opt-outs")).GetProperty("total").GetInt32());

        // The console's forms: a note over 500 characters, an unknown extra field, a bad number; nothing recorded, nothing lost.
        using var browserLike = h.Host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await browserLike.GetStringAsync(new Uri("/staff/login", UriKind.Relative));
        using (var signIn = await browserLike.PostAsync(new Uri("/staff/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = Csrf(login), ["email"] = EmailOf(StaffRole.FrontDesk), ["password"] = Password, ["returnUrl"] = "/staff/opt-outs",
        })))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }
        var list = await browserLike.GetStringAsync(new Uri("/staff/opt-outs", UriKind.Relative));
        async Task<HttpResponseMessage> StopAsync(Dictionary<string, string> fields)
        {
            fields["__csrf"] = Csrf(list);
            fields["return"] = "/staff/opt-outs";
            return await browserLike.PostAsync(new Uri("/staff/opt-outs/stop", UriKind.Relative), new FormUrlEncodedContent(fields));
        }
        using (var longNote = await StopAsync(new() { ["phone"] = "+14155557777", ["note"] = new string('x', 501) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, longNote.StatusCode);
            Assert.Contains("longer than 500", await longNote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var home = await StopAsync(new() { ["phone"] = "020 7946 0958" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, home.StatusCode);
            Assert.Contains("must be a phone number", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var huge = await StopAsync(new() { ["phone"] = "+14155557777", ["note"] = new string('x', 200_000) }))
        {
            Assert.True(huge.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, huge.StatusCode.ToString());
        }
        using (var extra = await StopAsync(new() { ["phone"] = "(415) 555-7778", ["note"] = "asked at the desk", ["optedOut"] = "false", ["source"] = "keyword" }))
        {
            // A form's extra fields are ignored: the stop form only stops, always as the staff member.
            Assert.Equal(HttpStatusCode.Redirect, extra.StatusCode);
        }
        var stopped = await StatusAsync(desk, "+14155557778");
        Assert.True(stopped.GetProperty("optedOut").GetBoolean());
        Assert.Equal("staff", stopped.GetProperty("source").GetString());
        Assert.False((await StatusAsync(desk, "+14155557777")).GetProperty("optedOut").GetBoolean());
        Assert.Equal(3, (await GetJsonAsync(desk, "/api/staff/opt-outs")).GetProperty("total").GetInt32());
    }

    private static string Csrf(string html) => System.Text.RegularExpressions.Regex.Match(html, "name=\"__csrf\" value=\"([^\"]+)\"").Groups[1].Value;

    [StoreFact]
    public async Task On_the_web_chat_the_number_is_not_proven_so_nothing_is_recorded_and_the_team_is_told()
    {
        await using var h = await StartAsync();
        using var web = h.Host.CreateClient();
        var answer = await h.Host.ChatAsync(web, "please stop texting me, this is 415 555 6262");

        Assert.Contains("reply STOP", answer.Reply, StringComparison.Ordinal);
        Assert.NotNull(answer.Escalation);
        using var desk = h.As(StaffRole.FrontDesk);
        Assert.False((await StatusAsync(desk, "+14155556262")).GetProperty("optedOut").GetBoolean());
        Assert.Equal(0, (await GetJsonAsync(desk, "/api/staff/opt-outs")).GetProperty("total").GetInt32());
    }
}

public sealed class SqliteStaffOptOutTests : StaffOptOutTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class PostgresStaffOptOutTests : StaffOptOutTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;
}
