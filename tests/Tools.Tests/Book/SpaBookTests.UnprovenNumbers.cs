using Dapper;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Store;

namespace FrontDesk.Tools.Tests.Book;

/// <summary>
/// Issue 15, item 4: a web visitor books with a number the spa has never seen and does not prove it. The booking is kept,
/// but the number's real owner (texting, calling, or proving it on the web later) neither hears about it nor can change it;
/// the visitor who proves the number in the same chat gets it attached.
/// </summary>
public abstract partial class SpaBookTests
{
    private const string UnseenPhone = "+14155550199";

    [StoreFact]
    public async Task A_web_booking_under_an_unseen_number_is_kept_but_not_shown_to_that_numbers_owner()
    {
        await using var h = await StartAsync();
        var visitor = SpaBookHarness.Scope("web");
        var (booked, _) = await BookFirstSlotAsync(h, visitor, "swedish", "2026-11-24", ("client_phone", "415 555 0199"), ("client_name", "Mallory Stone"));
        Assert.Single(await BookedAppointmentsAsync(h));

        // The number's owner texts in (the channel vouches for the number): nothing of Mallory's is theirs.
        var owner = SpaBookHarness.Scope("sms", UnseenPhone);
        Assert.Equal(0, AppointmentsIn(await CallAsync(h, owner, "list_appointments")));
        var found = await CallAsync(h, owner, "find_client");
        Assert.DoesNotContain("Mallory", found.GetRawText(), StringComparison.Ordinal);
        // The text channel's keywords (C, X, YES) find the client by the sender's number: there is none.
        Assert.Null(await h.Get<ClientDirectory>().FindByPhoneAsync(UnseenPhone, default));
        // Nothing was queued to the number.
        Assert.Equal(0, await CountAsync(h, "SELECT COUNT(*) FROM outbox WHERE to_address = @UnseenPhone", new { UnseenPhone }));
        Assert.Contains("No confirmation text", Prop(booked, "message").GetString(), StringComparison.Ordinal);

        // The owner books for themselves: their own record, not Mallory's.
        var (_, _) = await BookFirstSlotAsync(h, owner, "swedish", "2026-11-25", ("client_name", "Olive Owner"));
        Assert.Equal(1, AppointmentsIn(await CallAsync(h, owner, "list_appointments")));
        Assert.Equal(2, (await BookedAppointmentsAsync(h)).Select(a => a.ClientId).Distinct().Count());
    }

    [StoreFact]
    public async Task A_visitor_who_proves_the_number_in_the_same_chat_gets_the_booking_attached()
    {
        await using var h = await StartAsync();
        var visitor = SpaBookHarness.Scope("web");
        await BookFirstSlotAsync(h, visitor, "swedish", "2026-11-24", ("client_phone", "(415) 555-0199"), ("client_name", "Mallory Stone"));
        // A second booking in the same chat is for the same person: one client, not two.
        visitor.BeginTurn(saidYes: null);
        await BookFirstSlotAsync(h, visitor, "swedish", "2026-11-25", ("client_phone", "415-555-0199"), ("client_name", "Mallory Stone"));
        Assert.Single((await BookedAppointmentsAsync(h)).Select(a => a.ClientId).Distinct());

        Assert.Equal("ok", Status(await CallAsync(h, visitor, "send_verification_code", ("phone", "415 555 0199"))));
        Assert.Equal("ok", Status(await CallAsync(h, visitor, "verify_phone", ("code", await LatestCodeAsync(h, UnseenPhone)))));

        var list = await CallAsync(h, visitor, "list_appointments");
        Assert.Equal(2, Prop(Data(list), "appointments").GetArrayLength());
        var client = await h.Get<ClientDirectory>().FindByPhoneAsync(UnseenPhone, default);
        Assert.Equal("Mallory Stone", client!.Name);
        // The owner texting later is that same proven person now.
        Assert.Equal(2, Prop(Data(await CallAsync(h, SpaBookHarness.Scope("sms", UnseenPhone), "list_appointments")), "appointments").GetArrayLength());
    }

    [StoreFact]
    public async Task A_web_waitlist_entry_under_an_unseen_number_gets_no_offer_texts_and_is_not_the_owners()
    {
        await using var h = await StartAsync();
        var visitor = SpaBookHarness.Scope("web");
        var joined = await JoinWaitlistAsync(h, visitor, ("service", "hydrafacial"), ("start_date", "2026-11-27"), ("client_phone", "415 555 0199"), ("client_name", "Mallory Stone"));
        Assert.Equal("ok", Status(joined));

        Assert.Null(await h.Get<ClientDirectory>().FindByPhoneAsync(UnseenPhone, default));
        Assert.Equal(1, await CountAsync(h, "SELECT COUNT(*) FROM waitlist_entries"));
    }

    private static int AppointmentsIn(System.Text.Json.JsonElement list) =>
        Status(list) == "ok" ? Prop(Data(list), "appointments").GetArrayLength() : 0;

    private static async Task<List<Appointment>> BookedAppointmentsAsync(SpaBookHarness h)
    {
        await using var c = await h.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        return [.. await c.QueryAsync<Appointment>($"SELECT {AppointmentBookColumns} FROM appointments WHERE status = 'booked'")];
    }

    private const string AppointmentBookColumns = "id, client_id AS ClientId, starts_at_utc AS StartsAtUtc, status";
}
