using Dapper;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Store;

namespace FrontDesk.Tools.Tests.Book;

/// <summary>The spa book's opt-outs (<see cref="TextOptOuts"/>) on both stores: what every sender checks, and what staff read.</summary>
public abstract partial class SpaBookTests
{
    [StoreFact]
    public async Task TextOptOuts_an_opt_out_in_a_turns_transaction_is_read_by_every_sender_and_audited_with_its_conversation()
    {
        await using var h = await StartAsync();
        var optOuts = h.Get<TextOptOuts>();
        var db = h.Get<SpaDatabase>();
        await using (var c = await db.OpenAsync(CancellationToken.None))
        await using (var tx = await db.BeginWriteAsync(c, CancellationToken.None))
        {
            Assert.True(await optOuts.ChangeAsync(c, tx, AvaPhone, optedOut: true, OptOutSource.Keyword, null, new Actor("client", AvaPhone), "sms_thread_ava",
                CancellationToken.None));
            // Inside the transaction the change is already what the check reads.
            Assert.True(await TextOptOuts.IsOptedOutAsync(c, tx, AvaPhone, CancellationToken.None));
            await tx.CommitAsync(CancellationToken.None);
        }

        var status = await optOuts.StatusAsync(AvaPhone, CancellationToken.None);
        Assert.True(status.OptedOut);
        Assert.Equal(OptOutSource.Keyword, status.Source);
        Assert.Equal("client:" + AvaPhone, status.RecordedBy);
        Assert.Equal("c-ava", status.ClientId);
        Assert.Equal(h.Clock.GetUtcNow().UtcDateTime, status.SinceUtc);
        var audit = Assert.Single(await AuditAsync(h, "client", "c-ava"), e => e.Action == "client.sms_opt_out");
        Assert.Equal("sms_thread_ava", audit.ConversationId);
        Assert.Contains("\"source\":\"keyword\"", audit.AfterJson, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(h, "SELECT COUNT(*) FROM clients WHERE phone = @AvaPhone AND opted_out_at_utc IS NOT NULL", new { AvaPhone }));
    }

    [StoreFact]
    public async Task TextOptOuts_a_rolled_back_turn_leaves_no_opt_out_behind()
    {
        await using var h = await StartAsync();
        var db = h.Get<SpaDatabase>();
        await using (var c = await db.OpenAsync(CancellationToken.None))
        await using (var tx = await db.BeginWriteAsync(c, CancellationToken.None))
        {
            await h.Get<TextOptOuts>().SetAsync(c, tx, BenPhone, optedOut: true, OptOutSource.VoiceRequest, null, new Actor("client", BenPhone), "CA_ben",
                CancellationToken.None);
            await tx.RollbackAsync(CancellationToken.None);
        }

        Assert.False((await h.Get<TextOptOuts>().StatusAsync(BenPhone, CancellationToken.None)).OptedOut);
        await using var check = await db.OpenAsync(CancellationToken.None);
        Assert.False(await TextOptOuts.IsOptedOutAsync(check, null, BenPhone, CancellationToken.None));
        Assert.DoesNotContain(await AuditAsync(h, "client", "c-ben"), e => e.Action.StartsWith("client.sms_opt", StringComparison.Ordinal));
    }

    [StoreFact]
    public async Task TextOptOuts_saying_it_again_keeps_the_first_record_and_only_a_real_change_is_written()
    {
        await using var h = await StartAsync();
        var optOuts = h.Get<TextOptOuts>();
        var staff = new Actor("staff", "desk@spa.test");
        Assert.False(await optOuts.ChangeAsync(ChloePhone, optedOut: false, OptOutSource.Staff, "nothing to undo", staff, CancellationToken.None));
        Assert.True(await optOuts.ChangeAsync(ChloePhone, optedOut: true, OptOutSource.VoiceRequest, null, new Actor("client", ChloePhone), CancellationToken.None));
        var first = await optOuts.StatusAsync(ChloePhone, CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromHours(2));

        Assert.False(await optOuts.ChangeAsync(ChloePhone, optedOut: true, OptOutSource.Staff, "she called again", staff, CancellationToken.None));
        Assert.Equal(first, await optOuts.StatusAsync(ChloePhone, CancellationToken.None));
        Assert.True(await optOuts.ChangeAsync(ChloePhone, optedOut: false, OptOutSource.Staff, "asked at the desk to get texts again", new Actor("staff", "manager@spa.test"),
            CancellationToken.None));
        var back = await optOuts.StatusAsync(ChloePhone, CancellationToken.None);
        Assert.False(back.OptedOut);
        Assert.Null(back.SinceUtc);
        Assert.Equal("asked at the desk to get texts again", back.Note);
        Assert.Equal("staff:manager@spa.test", back.RecordedBy);
        Assert.Equal(["client.sms_opt_out", "client.sms_opt_in"],
            (await AuditAsync(h, "client", "c-chloe")).Where(e => e.Action.StartsWith("client.sms_opt", StringComparison.Ordinal)).OrderBy(e => e.Id).Select(e => e.Action));
    }

    [StoreFact]
    public async Task TextOptOuts_a_number_only_the_client_record_stops_is_stopped_listed_and_paged_newest_first()
    {
        await using var h = await StartAsync();
        var optOuts = h.Get<TextOptOuts>();
        await using (var c = await h.Get<SpaDatabase>().OpenAsync(CancellationToken.None))
        {
            // A record made before sms_opt_outs kept its own rows: only clients.opted_out_at_utc says so.
            await c.ExecuteAsync("UPDATE clients SET opted_out_at_utc = @at WHERE phone = @DiegoPhone",
                new { at = h.Clock.GetUtcNow().UtcDateTime.AddDays(-3), DiegoPhone });
        }
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await optOuts.ChangeAsync("+525512345678", optedOut: true, OptOutSource.Staff, "visiting from Mexico City", new Actor("staff", "desk@spa.test"), CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await optOuts.ChangeAsync(AvaPhone, optedOut: true, OptOutSource.Twilio21610, null, Actor.System("sms-sender"), CancellationToken.None);

        var diego = await optOuts.StatusAsync(DiegoPhone, CancellationToken.None);
        Assert.True(diego.OptedOut);
        Assert.Equal(OptOutSource.ClientRecord, diego.Source);
        var (page1, total) = await optOuts.ListAsync(0, 2, CancellationToken.None);
        Assert.Equal(3, total);
        Assert.Equal([AvaPhone, "+525512345678"], page1.Select(o => o.Phone));
        var (page2, _) = await optOuts.ListAsync(2, 2, CancellationToken.None);
        var last = Assert.Single(page2);
        Assert.Equal(DiegoPhone, last.Phone);
        Assert.Equal(OptOutSource.ClientRecord, last.Source);
        Assert.Equal("visiting from Mexico City", page1[1].Note);
    }
}
