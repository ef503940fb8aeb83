using FrontDesk.TestSupport;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Outbox;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>Cancel, reschedule, "when is my appointment" and the waitlist, on both profiles.</summary>
public abstract partial class WholeConversationTests
{
    [StoreFact]
    public async Task A_caller_moves_their_appointment_to_another_day_after_confirming()
    {
        await using var h = await StartAsync();
        await h.TalkAsync("voice_r1", "voice", AvaPhone, "book me a signature facial on wednesday", "the first one", "yes");
        var before = h.One(await h.BookedAsync());
        Assert.Equal(DayOfWeek.Wednesday, h.Local(before).DayOfWeek);

        var offers = await h.TalkAsync("voice_r2", "voice", AvaPhone, "I need to reschedule my appointment to friday", "the first one");
        Assert.Equal(before.StartsAtUtc, Assert.Single(await h.BookedAsync()).StartsAtUtc);
        Assert.Contains(offers[^1].ToolCalls, c => c.Name == "reschedule_appointment" && c.Outcome == "needs_confirmation");

        await h.TalkAsync("voice_r2", "voice", AvaPhone, "yes");
        var after = h.One(await h.BookedAsync());
        Assert.Equal(before.Id, after.Id);
        Assert.Equal("signature-facial", after.ServiceId);
        Assert.Equal(DayOfWeek.Friday, h.Local(after).DayOfWeek);
    }

    [StoreFact]
    public async Task Saying_no_to_a_cancellation_keeps_the_appointment()
    {
        await using var h = await StartAsync();
        await h.TalkAsync("voice_c1", "voice", AvaPhone, "book me a deep tissue massage on friday", "the first one", "yes");
        h.One(await h.BookedAsync());
        await h.TalkAsync("voice_c2", "voice", AvaPhone, "cancel my appointment", "no, keep it");
        h.One(await h.BookedAsync());
    }

    [StoreFact]
    public async Task When_is_my_appointment_lists_only_the_callers_own_bookings()
    {
        await using var h = await StartAsync();
        await h.TalkAsync("voice_w1", "voice", AvaPhone, "book me a hydrafacial on wednesday", "the first one", "yes");
        await h.TalkAsync("voice_w2", "voice", BenPhone, "I'd like a signature facial on thursday", "the first one", "yes");
        Assert.Equal(2, (await h.BookedAsync()).Count);

        var reply = (await h.TalkAsync("sms_w3", "sms", AvaPhone, "when is my appointment?"))[0];
        Assert.Contains("HydraFacial", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Signature Facial", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.ToolCalls, c => c.Name == "list_appointments" && c.Outcome == "ok");
    }

    [StoreFact]
    public async Task When_is_my_appointment_on_anonymous_web_chat_asks_for_verification_first()
    {
        await using var h = await StartAsync();
        await h.TalkAsync("voice_v1", "voice", AvaPhone, "book me a hydrafacial on wednesday", "the first one", "yes");
        var reply = (await h.TalkAsync("web_v2", "web", null, "when is my appointment?"))[0];
        Assert.DoesNotContain("HydraFacial", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.ToolCalls, c => c.Name == "list_appointments" && c.Outcome == "verification_required");
    }

    [StoreFact]
    public async Task A_web_visitor_verifies_by_code_then_sees_their_appointment()
    {
        await using var h = await StartAsync();
        await h.TalkAsync("voice_v3", "voice", AvaPhone, "book me a hydrafacial on wednesday", "the first one", "yes");
        await h.TalkAsync("web_v4", "web", null, "when is my appointment?", "415-555-1111");
        var code = (await h.OutboxAsync()).Single(m => m.Kind == MessageKind.VerificationCode && m.ToAddress == AvaPhone).Body;
        var digits = new string(System.Text.RegularExpressions.Regex.Match(code, "[0-9]{6}").Value);
        var reply = (await h.TalkAsync("web_v4", "web", null, digits))[0];
        Assert.Contains("HydraFacial", reply.Text, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Harbor_a_client_cancels_and_reschedules_in_new_york_time()
    {
        await using var h = await StartHarborAsync();
        await h.TalkAsync("h_c1", "voice", NoraPhone, "I'd like a classic pedicure on friday", "the first one", "yes");
        var booked = h.One(await h.BookedAsync());
        Assert.Equal("classic-pedicure", booked.ServiceId);
        Assert.Equal(DayOfWeek.Friday, h.Local(booked).DayOfWeek);

        await h.TalkAsync("h_c2", "sms", NoraPhone, "can I move my appointment to saturday?", "the first one", "yes");
        var moved = h.One(await h.BookedAsync());
        Assert.Equal(DayOfWeek.Saturday, h.Local(moved).DayOfWeek);

        await h.TalkAsync("h_c3", "sms", NoraPhone, "please cancel my pedicure", "yes");
        Assert.Empty(await h.BookedAsync());
        Assert.Equal(AppointmentStatus.Cancelled, Assert.Single(await h.AppointmentsAsync()).Status);
    }

    [StoreFact]
    public async Task Harbor_waitlist_when_nothing_fits_then_a_cancellation_is_offered_and_accepted()
    {
        await using var h = await StartHarborAsync();
        // Fill Wednesday's brow lamination (one provider, one brow bar) through the tools, as other clients would.
        var filler = SpaBookHarness.Scope("voice", "+12075559999");
        var wednesday = new DateOnly(2026, 11, 25).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 20; i++)
        {
            var found = await h.Book.CallToolAsync(filler, "check_availability", ("service", "brow-lamination"), ("date", wednesday));
            if (found.GetProperty("status").GetString() != "ok")
            {
                break;
            }
            var slot = found.GetProperty("data").GetProperty("slots")[0].GetProperty("slotId").GetString();
            await h.Book.CallToolAsync(filler, "book_appointment", ("slot_id", slot), ("client_name", "Fay Filler"));
            filler.BeginTurn(saidYes: true);
            var done = await h.Book.CallToolAsync(filler, "book_appointment", ("slot_id", slot), ("client_name", "Fay Filler"));
            Assert.Equal("booked", done.GetProperty("status").GetString());
            filler.BeginTurn(saidYes: null);
        }
        var full = (await h.BookedAsync()).Count;
        Assert.True(full >= 4, $"only {full} filler bookings");

        var replies = await h.TalkAsync("h_w1", "voice", NoraPhone, "can I get a brow lamination on wednesday?", "can you put me on the waitlist", "yes");
        Assert.Contains(replies[0].ToolCalls, c => c.Name == "check_availability" && c.Outcome == "no_slots");
        Assert.Contains(replies[1].ToolCalls, c => c.Name == "join_waitlist" && c.Outcome == "needs_confirmation");
        Assert.Contains(replies[2].ToolCalls, c => c.Name == "join_waitlist" && c.Outcome == "ok");
        var entry = Assert.Single(await h.WaitlistAsync());
        Assert.Equal("c-nora", entry.ClientId);
        Assert.Equal(full, (await h.BookedAsync()).Count);

        // The filler cancels one; the opening is texted to Nora, who says yes by text.
        var freed = (await h.BookedAsync()).OrderBy(a => a.StartsAtUtc).First();
        var list = await h.Book.CallToolAsync(filler, "list_appointments");
        Assert.Equal("ok", list.GetProperty("status").GetString());
        await h.Book.CallToolAsync(filler, "cancel_appointment", ("appointment_ref", "A1"));
        filler.BeginTurn(saidYes: true);
        Assert.Equal("cancelled", (await h.Book.CallToolAsync(filler, "cancel_appointment", ("appointment_ref", "A1"))).GetProperty("status").GetString());
        Assert.Contains(await h.OutboxAsync(), m => m.Kind == MessageKind.WaitlistOffer && m.ToAddress == NoraPhone);

        var accepted = (await h.TalkAsync("sms_nora", "sms", NoraPhone, "YES"))[0];
        Assert.Contains(accepted.ToolCalls, c => c.Name == "accept_waitlist_offer" && c.Outcome == "booked");
        var nora = Assert.Single(await h.BookedAsync(), a => a.ClientId == "c-nora");
        Assert.Equal(freed.StartsAtUtc, nora.StartsAtUtc);
        Assert.Equal("brow-lamination", nora.ServiceId);
    }

    [StoreFact]
    public async Task Asking_for_the_waitlist_directly_joins_it_for_the_days_given()
    {
        await using var h = await StartAsync();
        var replies = await h.TalkAsync("voice_wl", "voice", AvaPhone, "please add me to the waitlist for a hydrafacial", "next week", "yes");
        Assert.Contains(replies[1].ToolCalls, c => c.Name == "join_waitlist" && c.Outcome == "needs_confirmation");
        Assert.Contains(replies[^1].ToolCalls, c => c.Name == "join_waitlist" && c.Outcome == "ok");
        var entry = h.One(await h.WaitlistAsync());
        Assert.Equal("hydrafacial", entry.ServiceId);
        Assert.Equal("c-ava", entry.ClientId);
        Assert.Empty(await h.BookedAsync());
    }
}
