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
