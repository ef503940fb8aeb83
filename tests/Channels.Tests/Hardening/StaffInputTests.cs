using System.Net;
using System.Text;
using FrontDesk.Agent.Conversations;
using FrontDesk.Channels.Staff;
using FrontDesk.Channels.Tests.Staff;
using FrontDesk.Channels.Tests.Twilio;
using FrontDesk.Channels.Tests.Twilio.Simulator;
using FrontDesk.Channels.Twilio;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Text;
using static FrontDesk.Channels.Tests.Staff.StaffHarness;

namespace FrontDesk.Channels.Tests.Hardening;

/// <summary>Issue 15: bad input at the staff API, console and SMS webhook gets a 400 (or is cleaned), never a 500.</summary>
public abstract class StaffInputTests
{
    protected abstract TestStore Store { get; }

    private static async Task AssertBadRequestAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {body}");
    }

    [StoreFact]
    public async Task Dates_at_the_ends_of_the_calendar_get_400_not_500()
    {
        await using var h = await StaffHarness.StartAsync(Store);
        using var manager = h.As(StaffRole.Manager);
        foreach (var path in new[] { "transcripts", "metrics", "audit", "appointments" })
        {
            foreach (var query in new[] { "to=0001-01-01", "from=9999-12-31", "from=0001-01-01&to=0001-01-02", "from=9999-12-30&to=9999-12-31" })
            {
                using var response = await manager.GetAsync(new Uri($"/api/staff/{path}?{query}", UriKind.Relative));
                await AssertBadRequestAsync(response, $"{path}?{query}");
            }
        }
    }

    [StoreFact]
    public async Task A_NUL_in_any_staff_field_or_filter_gets_400_and_nothing_is_stored()
    {
        await using var h = await StaffHarness.StartAsync(Store);
        await h.Host.Get<ConversationStore>().GetOrCreateAsync("web_nul", "web", null, null, new ConversationState(), CancellationToken.None);
        using var admin = h.As(StaffRole.Admin);
        var adminId = (await GetJsonAsync(admin, "/api/staff/accounts")).EnumerateArray().First(a => a.GetProperty("role").GetString() == "admin").GetProperty("id").GetString();
        // A lone surrogate cannot cross HTTP as such (JSON and URL decoding make it U+FFFD), so NUL is what reaches the store.
        foreach (var bad in new[] { "a\u0000b", "tab\tthen\u0000" })
        {
            using (var r = await PostJsonAsync(admin, "/api/staff/conversations/web_nul/reply", new { text = bad }))
            {
                await AssertBadRequestAsync(r, "reply");
            }
            using (var r = await PostJsonAsync(admin, "/api/staff/accounts", new { email = $"x{bad}@spa.test", name = "X", role = "front_desk", password = Password }))
            {
                await AssertBadRequestAsync(r, "account email");
            }
            using (var r = await PostJsonAsync(admin, "/api/staff/accounts", new { email = "named@spa.test", name = bad, role = "front_desk", password = Password }))
            {
                await AssertBadRequestAsync(r, "account name");
            }
            using (var r = await PostJsonAsync(admin, $"/api/staff/accounts/{adminId}/api-keys", new { label = bad }))
            {
                await AssertBadRequestAsync(r, "key label");
            }
            foreach (var query in new[] { "escalations?status=", "transcripts?tag=", "audit?entity=", "outbox?status=", "waitlist?status=" })
            {
                using var r = await admin.GetAsync(new Uri($"/api/staff/{query}{Uri.EscapeDataString(bad)}", UriKind.Relative));
                await AssertBadRequestAsync(r, query);
            }
        }
        Assert.Empty(await h.Host.Get<ConversationStore>().TranscriptAsync("web_nul", CancellationToken.None));
        Assert.DoesNotContain((await GetJsonAsync(admin, "/api/staff/accounts")).EnumerateArray(), a => a.GetProperty("email").GetString() == "named@spa.test");
    }

    [StoreFact]
    public async Task Control_characters_in_a_staff_reply_are_not_stored()
    {
        await using var h = await StaffHarness.StartAsync(Store);
        await h.Host.Get<ConversationStore>().GetOrCreateAsync("web_ctl", "web", null, null, new ConversationState(), CancellationToken.None);
        using var staff = h.As(StaffRole.FrontDesk);
        using (var r = await PostJsonAsync(staff, "/api/staff/conversations/web_ctl/reply", new { text = "Hi\u0007 there,\u001b[31m see you\nsoon" }))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
        var turn = Assert.Single(await h.Host.Get<ConversationStore>().TranscriptAsync("web_ctl", CancellationToken.None));
        Assert.Equal("Hi there,[31m see you\nsoon", turn.Text);
    }

    [StoreFact]
    public async Task A_staff_reply_is_not_texted_to_a_number_only_the_opt_out_list_knows()
    {
        await using var h = await StaffHarness.StartAsync(Store);
        await h.Host.Get<ConversationStore>().GetOrCreateAsync("sms_optout_1", "sms", "mission", "+14155553333", new ConversationState(), CancellationToken.None);
        // STOP wrote the opt-out list; the instance died before the client record was updated.
        await using (var c = await h.Host.Get<FrontDesk.Tools.Store.SpaDatabase>().OpenAsync(CancellationToken.None))
        {
            await Dapper.SqlMapper.ExecuteAsync(c, "INSERT INTO sms_opt_outs (phone, opted_out, source, updated_at_utc) VALUES ('+14155553333', @yes, 'keyword', @now)",
                new { yes = true, now = DateTime.UtcNow });
        }
        using var staff = h.As(StaffRole.FrontDesk);
        using var r = await PostJsonAsync(staff, "/api/staff/conversations/sms_optout_1/reply", new { text = "Hi, we have an opening tomorrow." });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("opted_out", (await JsonAsync(r)).GetProperty("sms").GetString());
    }

    [StoreFact]
    public async Task Markup_is_not_an_email_address()
    {
        await using var h = await StaffHarness.StartAsync(Store);
        using var admin = h.As(StaffRole.Admin);
        foreach (var email in new[] { "<script>alert(1)</script>@spa.test", "a@<script>", "\"quoted\"@spa.test", "a@b", "a b@spa.test" })
        {
            using var r = await PostJsonAsync(admin, "/api/staff/accounts", new { email, name = "X", role = "front_desk", password = Password });
            await AssertBadRequestAsync(r, email);
        }
        using var ok = await PostJsonAsync(admin, "/api/staff/accounts", new { email = "new.person+tag@spa-mail.test", name = "New Person", role = "front_desk", password = Password });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
    }

    [StoreFact]
    public async Task A_multipart_sign_in_without_a_boundary_gets_400()
    {
        await using var h = await StaffHarness.StartAsync(Store);
        using var client = h.Host.CreateClient();
        foreach (var type in new[] { "multipart/form-data", "multipart/form-data; boundary=", "application/x-www-form-urlencoded; charset=nope" })
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("email=a%40b.c&password=x"));
            content.Headers.TryAddWithoutValidation("Content-Type", type);
            using var r = await client.PostAsync(new Uri("/staff/login", UriKind.Relative), content);
            await AssertBadRequestAsync(r, type);
        }
    }

    [StoreFact]
    public async Task The_first_admin_gets_an_API_key_from_the_command_line()
    {
        await using var fresh = FrontDesk.Channels.Tests.Hosting.FrontDeskHost.Create(Store);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await StaffCommands.RunAsync(fresh.Services, ["create-admin", "--email", "owner@spa.test", "--password", "the owners password"], output, error, CancellationToken.None));
        Assert.Equal(2, await StaffCommands.RunAsync(fresh.Services, ["issue-api-key"], output, error, CancellationToken.None));
        Assert.Equal(1, await StaffCommands.RunAsync(fresh.Services, ["issue-api-key", "--email", "nobody@spa.test"], output, error, CancellationToken.None));
        using var keyOut = new StringWriter();
        Assert.Equal(0, await StaffCommands.RunAsync(fresh.Services, ["issue-api-key", "--email", "Owner@spa.test", "--label", "automation"], keyOut, error, CancellationToken.None));
        var key = keyOut.ToString().Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries).Single(w => w.StartsWith("fdk_", StringComparison.Ordinal));
        using var client = fresh.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var accounts = await client.GetAsync(new Uri("/api/staff/accounts", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, accounts.StatusCode);
        Assert.Contains("owner@spa.test", await accounts.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_long_text_cut_at_an_emoji_is_answered_and_stored_whole()
    {
        await using var host = FrontDesk.Channels.Tests.Hosting.FrontDeskHost.Create(Store, settings: TwilioSimulator.Settings());
        var twilio = new TwilioSimulator(host.CreateClient());
        // 1,599 characters, then an emoji whose second half would be character 1,601: a cut at 1,600 split it.
        var body = "is there parking " + new string('x', 1599 - 17) + "🚗 thanks";
        var page = await twilio.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, body);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        // A turn slower than the SMS reply budget (a busy machine) answers later by REST: wait for its transcript.
        var id = SmsConversations.ConversationIdFor(TwilioSmsTests.Ava, TwilioSmsTests.Mission);
        var transcript = await host.Get<ConversationStore>().TranscriptAsync(id, CancellationToken.None);
        for (var i = 0; i < 300 && transcript.Count < 2; i++)
        {
            await Task.Delay(100);
            transcript = await host.Get<ConversationStore>().TranscriptAsync(id, CancellationToken.None);
        }
        Assert.Equal(2, transcript.Count);
        Assert.False(InputText.HasForbiddenChars(transcript[0].Text));

        // An opted-out number's text is recorded as it came, not through the agent: it too must be cut whole.
        await twilio.TextAsync(TwilioSmsTests.Ben, TwilioSmsTests.Mission, "STOP");
        var unanswered = await twilio.TextAsync(TwilioSmsTests.Ben, TwilioSmsTests.Mission, body);
        Assert.Equal(HttpStatusCode.OK, unanswered.Status);
        var recorded = await host.Get<ConversationStore>().TranscriptAsync(SmsConversations.ConversationIdFor(TwilioSmsTests.Ben, TwilioSmsTests.Mission), CancellationToken.None);
        Assert.Contains(recorded, t => t.Text.Contains("xxxx", StringComparison.Ordinal) && !InputText.HasForbiddenChars(t.Text));
    }
}

public sealed class SqliteStaffInputTests : StaffInputTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class PostgresStaffInputTests : StaffInputTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;
}
