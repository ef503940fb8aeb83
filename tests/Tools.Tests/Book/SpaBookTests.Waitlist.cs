using System.Text.Json;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Waitlist;

namespace FrontDesk.Tools.Tests.Book;

public abstract partial class SpaBookTests
{
    /// <summary>
    /// Ava has Maya at 10:00 on Tuesday; Diego (no SMS consent), then Ben, then Chloe wait for a prenatal massage that day (Chloe is flagged pregnant: a Swedish massage is not for her).
    /// Returns Ava's appointment.
    /// </summary>
    private static async Task<Appointment> WaitlistSceneAsync(SpaBookHarness h)
    {
        var profile = h.Get<SpaProfile>();
        var (_, avas) = await h.Get<AppointmentBook>().InsertAsync(
            NewAppointment(profile, "prenatal-60", "maya", "mission-massage-1", Utc(profile, 2026, 11, 24, 10)), Tester, default);
        foreach (var phone in new[] { DiegoPhone, BenPhone, ChloePhone })
        {
            var joined = await JoinWaitlistAsync(h, Verified(phone), ("service", "prenatal massage"), ("start_date", "2026-11-24"), ("end_date", "2026-11-25"));
            Assert.Equal("ok", Status(joined));
            h.Clock.Advance(TimeSpan.FromSeconds(1)); // a strict join order
        }
        return avas!;
    }

    private static async Task<JsonElement> CancelViaToolsAsync(SpaBookHarness h, string phone)
    {
        var scope = Verified(phone);
        await CallAsync(h, scope, "list_appointments");
        Assert.Equal("needs_confirmation", Status(await CallAsync(h, scope, "cancel_appointment", ("appointment_ref", "A1"))));
        scope.BeginTurn(saidYes: true);
        var cancelled = await CallAsync(h, scope, "cancel_appointment", ("appointment_ref", "A1"));
        Assert.Equal("cancelled", Status(cancelled));
        return cancelled;
    }

    [StoreFact]
    public async Task A_cancellation_holds_the_slot_for_the_first_consenting_waiter_and_texts_them()
    {
        await using var h = await StartAsync();
        var avas = await WaitlistSceneAsync(h);

        await CancelViaToolsAsync(h, AvaPhone);

        var waitlist = h.Get<WaitlistBook>();
        Assert.Null(await waitlist.FindPendingOfferAsync("c-diego", default)); // first in line, but no SMS consent
        var offer = await waitlist.FindPendingOfferAsync("c-ben", default);
        Assert.NotNull(offer);
        Assert.Equal(h.Clock.GetUtcNow().UtcDateTime.AddMinutes(15), offer.ExpiresAtUtc);
        var hold = (await h.Get<AppointmentBook>().GetAsync(offer.AppointmentId, default))!;
        Assert.Equal(AppointmentStatus.Held, hold.Status);
        Assert.Equal("c-ben", hold.ClientId);
        Assert.Equal(avas.StartsAtUtc, hold.StartsAtUtc);
        Assert.Equal("maya", hold.StaffId);
        var text = Assert.Single(await h.Get<OutboxWriter>().ListAsync(null, 100, default), m => m.Kind == MessageKind.WaitlistOffer);
        Assert.Equal(BenPhone, text.ToAddress);
        Assert.Equal(offer.Id, text.RelatedId);
        Assert.Contains("15 minutes", text.Body, StringComparison.Ordinal);

        // Nobody else can take the held slot, by tool or by insert.
        var profile = h.Get<SpaProfile>();
        Assert.Equal(BookingOutcome.SlotTaken, (await h.Get<AppointmentBook>().InsertAsync(
            NewAppointment(profile, "prenatal-60", "maya", "mission-massage-2", avas.StartsAtUtc, "c-chloe"), Tester, default)).Outcome);
        var offered = await CallAsync(h, Verified(ChloePhone), "check_availability", ("service", "prenatal massage"), ("date", "2026-11-24"), ("provider", "maya"), ("near", "10:00"));
        Assert.DoesNotContain(Slots(offered), s => Prop(s, "local_start").GetString() == "2026-11-24T10:00");
    }

    [StoreFact]
    public async Task Accepting_the_offer_books_the_held_slot()
    {
        await using var h = await StartAsync();
        await WaitlistSceneAsync(h);
        await CancelViaToolsAsync(h, AvaPhone);
        var offer = (await h.Get<WaitlistBook>().FindPendingOfferAsync("c-ben", default))!;

        Assert.Equal("not_found", Status(await CallAsync(h, Verified(ChloePhone), "accept_waitlist_offer")));
        var accepted = await CallAsync(h, Verified(BenPhone), "accept_waitlist_offer");

        Assert.Equal("booked", Status(accepted));
        var appointment = (await h.Get<AppointmentBook>().GetAsync(offer.AppointmentId, default))!;
        Assert.Equal(AppointmentStatus.Booked, appointment.Status);
        Assert.Equal("c-ben", appointment.ClientId);
        Assert.Null(await h.Get<WaitlistBook>().FindPendingOfferAsync("c-ben", default));
        Assert.Contains(await h.Get<WaitlistBook>().ListAsync("booked", default), e => e.ClientId == "c-ben");
        Assert.Contains(await h.Get<OutboxWriter>().ListAsync(null, 100, default), m => m.Kind == MessageKind.Confirmation && m.ToAddress == BenPhone);
    }

    [StoreFact]
    public async Task An_expired_offer_moves_to_the_next_waiter_and_then_the_hold_is_released()
    {
        await using var h = await StartAsync();
        var avas = await WaitlistSceneAsync(h);
        await CancelViaToolsAsync(h, AvaPhone);
        var waitlist = h.Get<WaitlistBook>();
        var first = (await waitlist.FindPendingOfferAsync("c-ben", default))!;

        h.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(0, await waitlist.ExpireDueOffersAsync(default));
        h.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await waitlist.ExpireDueOffersAsync(default));

        Assert.Null(await waitlist.FindPendingOfferAsync("c-ben", default));
        Assert.Equal("not_found", Status(await CallAsync(h, Verified(BenPhone), "accept_waitlist_offer")));
        var second = await waitlist.FindPendingOfferAsync("c-chloe", default);
        Assert.NotNull(second);
        Assert.Equal(first.AppointmentId, second.AppointmentId);
        var hold = (await h.Get<AppointmentBook>().GetAsync(first.AppointmentId, default))!;
        Assert.Equal(AppointmentStatus.Held, hold.Status);
        Assert.Equal("c-chloe", hold.ClientId);
        Assert.Contains(await h.Get<OutboxWriter>().ListAsync(null, 100, default), m => m.Kind == MessageKind.WaitlistOffer && m.ToAddress == ChloePhone);

        // Chloe lets it lapse too; nobody is left, so the slot is free again.
        h.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(1, await waitlist.ExpireDueOffersAsync(default));
        Assert.Equal(AppointmentStatus.Cancelled, (await h.Get<AppointmentBook>().GetAsync(first.AppointmentId, default))!.Status);
        Assert.Equal(BookingOutcome.Booked, (await h.Get<AppointmentBook>().InsertAsync(
            NewAppointment(h.Get<SpaProfile>(), "prenatal-60", "maya", "mission-massage-1", avas.StartsAtUtc, "c-diego"), Tester, default)).Outcome);
    }

    [StoreFact]
    public async Task A_cancellation_nobody_waits_for_holds_nothing()
    {
        await using var h = await StartAsync();
        var profile = h.Get<SpaProfile>();
        await h.Get<AppointmentBook>().InsertAsync(NewAppointment(profile, "prenatal-60", "maya", "mission-massage-1", Utc(profile, 2026, 11, 24, 10)), Tester, default);

        await CancelViaToolsAsync(h, AvaPhone);

        Assert.Equal(0, await CountAsync(h, "SELECT COUNT(*) FROM appointments WHERE status = 'held'"));
        Assert.Equal(0, await CountAsync(h, "SELECT COUNT(*) FROM waitlist_offers"));
    }

    [StoreFact]
    public async Task Every_change_is_audited_with_actor_and_before_and_after()
    {
        await using var h = await StartAsync();
        var ava = Verified(AvaPhone);
        await BookFirstSlotAsync(h, ava, "swedish", "2026-11-24");
        var appointment = Assert.Single(await h.Get<AppointmentBook>().ListForClientAsync("c-ava", DateTime.MinValue, default));
        ava.BeginTurn(null);
        await CallAsync(h, ava, "list_appointments");
        await CallAsync(h, ava, "cancel_appointment", ("appointment_ref", "A1"));
        ava.BeginTurn(saidYes: true);
        await CallAsync(h, ava, "cancel_appointment", ("appointment_ref", "A1"));
        var stranger = Verified("+14155559876");
        await BookFirstSlotAsync(h, stranger, "hydrafacial", "2026-11-25", ("client_name", "Sam Stranger"));
        var joined = await JoinWaitlistAsync(h, Verified(BenPhone), ("service", "prenatal-60"), ("start_date", "2026-11-30"));

        var trail = await AuditAsync(h, "appointment", appointment.Id);
        var booked = Assert.Single(trail, e => e.Action == "appointment.book");
        Assert.Equal("ai", booked.ActorKind);
        Assert.Equal(ava.Actor.Name, booked.Actor);
        Assert.Null(booked.BeforeJson);
        Assert.Contains(appointment.Id, booked.AfterJson!, StringComparison.Ordinal);
        Assert.Equal(ava.ConversationId, booked.ConversationId);
        var cancelled = Assert.Single(trail, e => e.Action == "appointment.cancelled");
        Assert.Contains("booked", cancelled.BeforeJson!, StringComparison.Ordinal);
        Assert.Contains("cancelled", cancelled.AfterJson!, StringComparison.Ordinal);
        Assert.Equal(ava.ConversationId, cancelled.ConversationId);

        var newClient = (await h.Get<Clients.ClientDirectory>().FindByPhoneAsync("+14155559876", default))!;
        var created = Assert.Single(await AuditAsync(h, "client", newClient.Id));
        Assert.Equal("client.create", created.Action);
        Assert.Contains("Sam Stranger", created.AfterJson!, StringComparison.Ordinal);

        var entryId = Prop(Data(joined), "waitlist_id").GetString()!;
        Assert.Single(await AuditAsync(h, "waitlist_entry", entryId), e => e.Action == "waitlist.join" && e.ActorKind == "ai");

        foreach (var message in await h.Get<OutboxWriter>().ListAsync(null, 100, default))
        {
            Assert.Single(await AuditAsync(h, "outbox", message.Id), e => e.Action == "outbox.enqueue");
        }
    }

    [StoreFact]
    public async Task Booking_queues_a_confirmation_and_a_day_before_reminder_for_a_consenting_client()
    {
        await using var h = await StartAsync();
        await BookFirstSlotAsync(h, Verified(AvaPhone), "swedish", "2026-11-24");
        var appointment = Assert.Single(await h.Get<AppointmentBook>().ListForClientAsync("c-ava", DateTime.MinValue, default));

        var messages = await h.Get<OutboxWriter>().ListAsync(null, 100, default);
        var confirmation = Assert.Single(messages, m => m.Kind == MessageKind.Confirmation);
        var reminder = Assert.Single(messages, m => m.Kind == MessageKind.Reminder);
        Assert.All([confirmation, reminder], m =>
        {
            Assert.Equal(AvaPhone, m.ToAddress);
            Assert.Equal(appointment.Id, m.RelatedId);
            Assert.Equal(OutboxStatus.Queued, m.Status);
            Assert.Equal("c-ava", m.ClientId);
        });
        Assert.Contains("Swedish Massage (60 min)", confirmation.Body, StringComparison.Ordinal);
        // 10:00 the day before, in Los Angeles.
        Assert.Equal(Utc(h.Get<SpaProfile>(), 2026, 11, 23, 10), reminder.NotBeforeUtc);

        // Diego has not agreed to texts: nothing is queued for him.
        await BookFirstSlotAsync(h, Verified(DiegoPhone), "signature facial", "2026-11-25");
        Assert.DoesNotContain(await h.Get<OutboxWriter>().ListAsync(null, 100, default), m => m.ToAddress == DiegoPhone);
    }

    [StoreFact]
    public async Task Kinds_configured_for_approval_wait_for_staff()
    {
        await using var h = await StartAsync(extra: new() { ["FrontDesk:Outbox:RequireApproval:0"] = "confirmation", ["FrontDesk:Outbox:RequireApproval:1"] = "verification_code" });
        await BookFirstSlotAsync(h, Verified(AvaPhone), "swedish", "2026-11-24");
        await CallAsync(h, SpaBookHarness.Scope("web"), "send_verification_code", ("phone", BenPhone));

        var messages = await h.Get<OutboxWriter>().ListAsync(null, 100, default);
        var confirmation = Assert.Single(messages, m => m.Kind == MessageKind.Confirmation);
        Assert.Equal(OutboxStatus.PendingApproval, confirmation.Status);
        Assert.True(confirmation.RequiresApproval);
        Assert.Equal(OutboxStatus.Queued, Assert.Single(messages, m => m.Kind == MessageKind.Reminder).Status);
        // A code that waited for a human would be useless: verification codes never wait.
        Assert.Equal(OutboxStatus.Queued, Assert.Single(messages, m => m.Kind == MessageKind.VerificationCode).Status);
        Assert.Single(await h.Get<OutboxWriter>().ListAsync(OutboxStatus.PendingApproval, 100, default));
    }

    [StoreFact]
    public async Task Joining_the_waitlist_waits_for_a_yes_to_its_read_back()
    {
        await using var h = await StartAsync();
        var scope = Verified(BenPhone);
        (string, object?)[] args = [("service", "hydrafacial"), ("start_date", "2026-11-27"), ("time_of_day", "afternoon")];

        var readBack = await CallAsync(h, scope, "join_waitlist", args);
        Assert.Equal("needs_confirmation", Status(readBack));
        Assert.Contains("HydraFacial, Friday, November 27, afternoon", Prop(Prop(readBack, "data"), "read_back").GetString(), StringComparison.Ordinal);
        scope.BeginTurn(saidYes: false);
        Assert.Equal("needs_confirmation", Status(await CallAsync(h, scope, "join_waitlist", args)));
        Assert.Equal(0, await CountAsync(h, "SELECT COUNT(*) FROM waitlist_entries"));

        scope.BeginTurn(saidYes: true);
        Assert.Equal("ok", Status(await CallAsync(h, scope, "join_waitlist", args)));
        Assert.Equal(1, await CountAsync(h, "SELECT COUNT(*) FROM waitlist_entries"));
    }
}
