using System.Text.RegularExpressions;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Profile;

namespace FrontDesk.Tools.Tests.Book;

public abstract partial class SpaBookTests
{
    [StoreFact]
    public async Task Check_availability_offers_at_most_three_slots_with_ids_in_local_time()
    {
        await using var h = await StartAsync();
        var scope = Verified(AvaPhone);

        var result = await CallAsync(h, scope, "check_availability", ("service", "swedish"), ("date", "2026-11-24"));

        Assert.Equal("ok", Status(result));
        var slots = Slots(result);
        Assert.InRange(slots.Count, 1, 3);
        Assert.All(slots, s => Assert.Matches("^S[0-9]+$", Prop(s, "slot_id").GetString()!));
        Assert.All(slots, s => Assert.StartsWith("2026-11-24T", Prop(s, "local_start").GetString()!, StringComparison.Ordinal));
        Assert.Equal(slots.Count, scope.Offered.Count);
        // Maya starts at 09:00 on Tuesdays at Mission District: the earliest slot comes first.
        Assert.Equal(new DateTime(2026, 11, 24, 9, 0, 0), scope.Offered[0].LocalStart);
        Assert.Equal(new DateTime(2026, 11, 24, 17, 0, 0, DateTimeKind.Utc), scope.Offered[0].StartsAtUtc);
    }

    [StoreFact]
    public async Task Check_availability_on_a_closed_day_says_so_and_offers_alternatives()
    {
        await using var h = await StartAsync();
        var result = await CallAsync(h, Verified(AvaPhone), "check_availability", ("service", "swedish-60"), ("date", "2026-11-26"));

        Assert.Equal("no_slots", Status(result));
        Assert.True(Prop(Data(result), "closed").GetBoolean());
        Assert.NotEmpty(Prop(Data(result), "alternatives").EnumerateArray());
    }

    // A location's weekly day off is a closed day too ("signature facial at the mission location on sunday"), said as one;
    // a window of several days that starts on it is not.
    [StoreFact]
    public async Task Check_availability_on_a_locations_weekly_day_off_says_it_is_closed()
    {
        await using var h = await StartAsync();
        var sunday = await CallAsync(h, Verified(AvaPhone), "check_availability", ("service", "signature-facial"), ("date", "2026-11-29"), ("location", "mission"));
        var sundayToTuesday = await CallAsync(h, Verified(AvaPhone), "check_availability", ("service", "signature-facial"), ("date", "2026-11-29"),
            ("end_date", "2026-12-01"), ("location", "mission"));

        Assert.Equal("no_slots", Status(sunday));
        Assert.True(Prop(Data(sunday), "closed").GetBoolean());
        Assert.NotEqual("no_slots", Status(sundayToTuesday));
    }

    [StoreFact]
    public async Task Check_availability_at_a_place_closed_that_day_names_the_place_that_is_open()
    {
        await using var h = await StartAsync();
        var sunday = await CallAsync(h, Verified(AvaPhone), "check_availability", ("service", "signature-facial"), ("date", "2026-11-29"), ("location", "mission"));
        var thanksgiving = await CallAsync(h, Verified(AvaPhone), "check_availability", ("service", "signature-facial"), ("date", "2026-11-26"), ("location", "mission"));

        Assert.Equal("Mission District", Prop(Data(sunday), "closed_location").GetString());
        Assert.Equal("Marina", Assert.Single(Prop(Data(sunday), "open_elsewhere").EnumerateArray()).GetString());
        // Both places are closed on the 26th: nowhere else to name.
        Assert.Equal(0, Prop(Data(thanksgiving), "open_elsewhere").GetArrayLength());
    }

    [StoreFact]
    public async Task Check_availability_with_a_provider_at_a_place_she_never_works_says_where_she_does()
    {
        await using var h = await StartAsync();
        var result = await CallAsync(h, Verified(AvaPhone), "check_availability", ("service", "hydrafacial"), ("date", "2026-11-25"), ("provider", "sofia"), ("location", "mission"));

        Assert.Equal("bad_argument", Status(result));
        Assert.Equal("provider_not_at_location", Prop(Data(result), "reason").GetString());
        Assert.Equal("Marina", Assert.Single(Prop(Data(result), "locations").EnumerateArray()).GetString());
    }

    [StoreFact]
    public async Task Book_appointment_refuses_a_slot_that_was_not_offered()
    {
        await using var h = await StartAsync();
        var scope = Verified(AvaPhone);

        Assert.Equal("refused", Status(await CallAsync(h, scope, "book_appointment", ("slot_id", "S1"))));
        await CallAsync(h, scope, "check_availability", ("service", "swedish"), ("date", "2026-11-24"));
        Assert.Equal("refused", Status(await CallAsync(h, scope, "book_appointment", ("slot_id", "S99"))));
        Assert.Equal(0, await CountAsync(h, "SELECT COUNT(*) FROM appointments"));
    }

    [StoreFact]
    public async Task Book_appointment_asks_for_confirmation_and_books_after_yes()
    {
        await using var h = await StartAsync();
        var scope = Verified(AvaPhone);
        var offer = await CallAsync(h, scope, "check_availability", ("service", "swedish"), ("date", "2026-11-24"));
        var slotId = Prop(Slots(offer)[0], "slot_id").GetString();

        var first = await CallAsync(h, scope, "book_appointment", ("slot_id", slotId));
        Assert.Equal("needs_confirmation", Status(first));
        // Asking again in the same turn does not count as a yes.
        Assert.Equal("needs_confirmation", Status(await CallAsync(h, scope, "book_appointment", ("slot_id", slotId))));
        Assert.Equal(0, await CountAsync(h, "SELECT COUNT(*) FROM appointments"));

        scope.BeginTurn(saidYes: true);
        var booked = await CallAsync(h, scope, "book_appointment", ("slot_id", slotId));

        Assert.Equal("booked", Status(booked));
        var offered = scope.Offered.Single(o => o.SlotId == slotId);
        var appointments = await h.Get<AppointmentBook>().ListForClientAsync("c-ava", DateTime.MinValue, default);
        var appointment = Assert.Single(appointments);
        Assert.Equal(offered.StartsAtUtc, appointment.StartsAtUtc);
        Assert.Equal(offered.StaffId, appointment.StaffId);
        Assert.Equal(AppointmentStatus.Booked, appointment.Status);
        Assert.Equal(scope.ConversationId, appointment.ConversationId);

        // The same call repeated (a retry) does not book twice.
        scope.BeginTurn(saidYes: true);
        await CallAsync(h, scope, "book_appointment", ("slot_id", slotId));
        Assert.Equal(1, await CountAsync(h, "SELECT COUNT(*) FROM appointments"));
    }

    [StoreFact]
    public async Task A_no_discards_the_pending_booking()
    {
        await using var h = await StartAsync();
        var scope = Verified(AvaPhone);
        var offer = await CallAsync(h, scope, "check_availability", ("service", "swedish"), ("date", "2026-11-24"));
        var slotId = Prop(Slots(offer)[0], "slot_id").GetString();
        Assert.Equal("needs_confirmation", Status(await CallAsync(h, scope, "book_appointment", ("slot_id", slotId))));

        scope.BeginTurn(saidYes: false);

        Assert.Null(scope.Pending);
        Assert.Equal("needs_confirmation", Status(await CallAsync(h, scope, "book_appointment", ("slot_id", slotId))));
        Assert.Equal(0, await CountAsync(h, "SELECT COUNT(*) FROM appointments"));

        // A yes two turns later does not revive an old read-back either.
        scope.BeginTurn(saidYes: null);
        scope.BeginTurn(saidYes: true);
        Assert.Equal("needs_confirmation", Status(await CallAsync(h, scope, "book_appointment", ("slot_id", slotId))));
        Assert.Equal(0, await CountAsync(h, "SELECT COUNT(*) FROM appointments"));
    }

    [StoreFact]
    public async Task A_contraindication_on_file_refuses_self_booking()
    {
        await using var h = await StartAsync();
        var scope = Verified(ChloePhone); // health flag: pregnancy
        // The refusal comes before any time is offered, so no slot of that service can be picked to book.
        var offer = await CallAsync(h, scope, "check_availability", ("service", "deep tissue"), ("date", "2026-11-24"));

        Assert.Equal("refused", Status(offer));
        Assert.Equal("contraindication", Prop(Data(offer), "reason").GetString());
        Assert.DoesNotContain("pregnan", Prop(offer, "message").GetString()!, StringComparison.OrdinalIgnoreCase);
        var booking = await CallAsync(h, scope, "book_appointment", ("slot_id", "S1"));
        Assert.NotEqual("needs_confirmation", Status(booking));
        Assert.NotEqual("ok", Status(booking));
        Assert.Equal(0, await CountAsync(h, "SELECT COUNT(*) FROM appointments"));
    }

    [StoreFact]
    public async Task A_contraindicated_service_cannot_be_reached_through_the_waitlist()
    {
        await using var h = await StartAsync();
        var result = await CallAsync(h, Verified(ChloePhone), "join_waitlist", ("service", "deep tissue"), ("start_date", "2026-11-24"));

        Assert.Equal("refused", Status(result));
        Assert.Equal(0, await CountAsync(h, "SELECT COUNT(*) FROM waitlist_entries"));
    }

    [StoreFact]
    public async Task A_service_that_needs_a_consultation_offers_consultation_slots()
    {
        await using var h = await StartAsync();
        var result = await CallAsync(h, Verified(AvaPhone), "check_availability", ("service", "botox"), ("date", "2026-11-24"));

        Assert.Equal("ok", Status(result));
        Assert.Equal("Injectables Consultation", Prop(Data(result), "service").GetString());
        Assert.All(Slots(result), s => Assert.Equal("Injectables Consultation", Prop(s, "service").GetString()));
        Assert.Contains("consultation", Prop(result, "message").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    [StoreFact]
    public async Task Find_client_never_returns_another_clients_data()
    {
        await using var h = await StartAsync();
        var ava = Verified(AvaPhone);

        var other = await CallAsync(h, ava, "find_client", ("phone", "(415) 555-2222"));
        Assert.Equal("verification_required", Status(other));
        Assert.DoesNotContain("Ben", other.GetRawText(), StringComparison.Ordinal);

        var own = await CallAsync(h, ava, "find_client", ("phone", "415-555-1111"));
        Assert.Equal("ok", Status(own));
        Assert.Equal("Ava Thompson", Prop(Data(own), "name").GetString());

        var web = SpaBookHarness.Scope("web");
        var unverified = await CallAsync(h, web, "find_client", ("phone", AvaPhone));
        Assert.Equal("verification_required", Status(unverified));
        Assert.DoesNotContain("Ava", unverified.GetRawText(), StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_vouched_number_the_spa_has_no_record_of_has_nothing_booked_and_is_not_asked_to_verify()
    {
        await using var h = await StartAsync();
        var texter = Verified("+14155557301");

        var listed = await CallAsync(h, texter, "list_appointments");
        Assert.Equal("ok", Status(listed));
        Assert.Empty(Prop(Data(listed), "appointments").EnumerateArray());
        Assert.Equal("not_found", Status(await CallAsync(h, texter, "cancel_appointment", ("appointment_ref", "A1"))));

        // Without a vouched number it is still verification first.
        Assert.Equal("verification_required", Status(await CallAsync(h, SpaBookHarness.Scope("web"), "list_appointments")));
    }

    [StoreFact]
    public async Task An_unverified_visitor_cannot_book_onto_an_existing_clients_number()
    {
        await using var h = await StartAsync();
        var web = SpaBookHarness.Scope("web");
        var offer = await CallAsync(h, web, "check_availability", ("service", "swedish"), ("date", "2026-11-24"));

        var result = await CallAsync(h, web, "book_appointment", ("slot_id", Prop(Slots(offer)[0], "slot_id").GetString()), ("client_phone", "415 555 2222"), ("client_name", "Ben Carter"));

        Assert.Equal("verification_required", Status(result));
    }

    [StoreFact]
    public async Task List_cancel_and_reschedule_see_only_the_callers_own_appointments()
    {
        await using var h = await StartAsync();
        var profile = h.Get<SpaProfile>();
        var (_, bens) = await h.Get<AppointmentBook>().InsertAsync(
            NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", Utc(profile, 2026, 11, 25, 12), "c-ben"), Tester, default);
        var ava = Verified(AvaPhone);

        var list = await CallAsync(h, ava, "list_appointments");
        Assert.Equal("ok", Status(list));
        Assert.Empty(Prop(Data(list), "appointments").EnumerateArray());

        Assert.Equal("not_found", Status(await CallAsync(h, ava, "cancel_appointment", ("appointment_ref", bens!.Id))));
        ava.BeginTurn(saidYes: true);
        Assert.Equal("not_found", Status(await CallAsync(h, ava, "cancel_appointment", ("appointment_ref", bens.Id))));
        Assert.Equal("not_found", Status(await CallAsync(h, ava, "reschedule_appointment", ("appointment_ref", bens.Id), ("slot_id", "S1"))));
        Assert.Equal("not_found", Status(await CallAsync(h, ava, "check_availability", ("service", "swedish"), ("reschedule_ref", bens.Id))));
        Assert.Equal(AppointmentStatus.Booked, (await h.Get<AppointmentBook>().GetAsync(bens.Id, default))!.Status);

        // Ben, on his own verified line, sees it.
        var ben = Verified(BenPhone);
        var bensList = await CallAsync(h, ben, "list_appointments");
        Assert.Single(Prop(Data(bensList), "appointments").EnumerateArray());
    }

    /// <summary>Ava's Friday massage and Saturday facial, listed to her (A1, A2) in a verified conversation.</summary>
    private static async Task<(Appointment First, Appointment Second, ConversationScope Ava)> AvasTwoAppointmentsListedAsync(SpaBookHarness h)
    {
        var profile = h.Get<SpaProfile>();
        var (_, first) = await h.Get<AppointmentBook>().InsertAsync(
            NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", Utc(profile, 2026, 11, 27, 15)), Tester, default);
        var (_, second) = await h.Get<AppointmentBook>().InsertAsync(
            NewAppointment(profile, "hydrafacial", "sofia", "marina-facial-1", Utc(profile, 2026, 11, 28, 11)), Tester, default);
        var ava = Verified(AvaPhone);
        await CallAsync(h, ava, "list_appointments");
        return (first!, second!, ava);
    }

    [StoreFact]
    public async Task Cancelling_two_appointments_at_once_reads_both_back_and_cancels_both_only_on_the_yes()
    {
        await using var h = await StartAsync();
        var (first, second, ava) = await AvasTwoAppointmentsListedAsync(h);

        var readBack = await CallAsync(h, ava, "cancel_appointment", ("appointment_ref", "A1,A2"));
        Assert.Equal("needs_confirmation", Status(readBack));
        Assert.Equal(2, Prop(Data(readBack), "appointments").GetArrayLength());
        Assert.Equal(AppointmentStatus.Booked, (await h.Get<AppointmentBook>().GetAsync(first.Id, default))!.Status);

        // A yes confirms exactly what was read back: one of the two alone is read back anew, nothing cancelled.
        ava.BeginTurn(saidYes: true);
        Assert.Equal("needs_confirmation", Status(await CallAsync(h, ava, "cancel_appointment", ("appointment_ref", "A1"))));
        Assert.Equal(AppointmentStatus.Booked, (await h.Get<AppointmentBook>().GetAsync(first.Id, default))!.Status);

        await CallAsync(h, ava, "cancel_appointment", ("appointment_ref", "A1,A2"));
        ava.BeginTurn(saidYes: true);
        Assert.Equal("cancelled", Status(await CallAsync(h, ava, "cancel_appointment", ("appointment_ref", "A1,A2"))));
        Assert.Equal(AppointmentStatus.Cancelled, (await h.Get<AppointmentBook>().GetAsync(first.Id, default))!.Status);
        Assert.Equal(AppointmentStatus.Cancelled, (await h.Get<AppointmentBook>().GetAsync(second.Id, default))!.Status);
    }

    [StoreFact]
    public async Task Cancelling_two_at_once_when_one_was_changed_meanwhile_cancels_nothing_on_that_yes()
    {
        await using var h = await StartAsync();
        var (first, second, ava) = await AvasTwoAppointmentsListedAsync(h);
        Assert.Equal("needs_confirmation", Status(await CallAsync(h, ava, "cancel_appointment", ("appointment_ref", "A1,A2"))));

        // The front desk cancels the facial between the read-back and the yes: the yes confirmed both as read back, so it
        // cancels neither and says one was not found; the massage stays booked until it is read back and confirmed alone.
        Assert.True(await h.Get<AppointmentBook>().CancelAsync(second, Tester, null, null, default));
        ava.BeginTurn(saidYes: true);
        var result = await CallAsync(h, ava, "cancel_appointment", ("appointment_ref", "A1,A2"));

        Assert.Equal("not_found", Status(result));
        Assert.Equal(AppointmentStatus.Booked, (await h.Get<AppointmentBook>().GetAsync(first.Id, default))!.Status);
    }

    [StoreFact]
    public async Task Cancelling_two_at_once_with_one_not_the_callers_cancels_nothing()
    {
        await using var h = await StartAsync();
        var profile = h.Get<SpaProfile>();
        var (_, avas) = await h.Get<AppointmentBook>().InsertAsync(
            NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", Utc(profile, 2026, 11, 27, 15)), Tester, default);
        var (_, bens) = await h.Get<AppointmentBook>().InsertAsync(
            NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", Utc(profile, 2026, 11, 25, 12), "c-ben"), Tester, default);
        var ava = Verified(AvaPhone);
        await CallAsync(h, ava, "list_appointments");

        Assert.Equal("not_found", Status(await CallAsync(h, ava, "cancel_appointment", ("appointment_ref", "A1," + bens!.Id))));
        ava.BeginTurn(saidYes: true);
        Assert.Equal("not_found", Status(await CallAsync(h, ava, "cancel_appointment", ("appointment_ref", "A1," + bens.Id))));
        Assert.Equal(AppointmentStatus.Booked, (await h.Get<AppointmentBook>().GetAsync(avas!.Id, default))!.Status);
        Assert.Equal(AppointmentStatus.Booked, (await h.Get<AppointmentBook>().GetAsync(bens.Id, default))!.Status);
    }

    [StoreFact]
    public async Task Cancelling_inside_the_late_window_is_refused()
    {
        await using var h = await StartAsync();
        var profile = h.Get<SpaProfile>();
        // Monday 14:00, six hours from now.
        var (_, soon) = await h.Get<AppointmentBook>().InsertAsync(
            NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", Utc(profile, 2026, 11, 23, 14)), Tester, default);
        var ava = Verified(AvaPhone);
        await CallAsync(h, ava, "list_appointments");

        var result = await CallAsync(h, ava, "cancel_appointment", ("appointment_ref", "A1"));

        Assert.Equal("refused", Status(result));
        Assert.True(Prop(Data(result), "late_cancel").GetBoolean());
        Assert.Equal(AppointmentStatus.Booked, (await h.Get<AppointmentBook>().GetAsync(soon!.Id, default))!.Status);
    }

    [StoreFact]
    public async Task Cancel_and_reschedule_own_appointments_after_confirmation()
    {
        await using var h = await StartAsync();
        var ava = Verified(AvaPhone);
        await BookFirstSlotAsync(h, ava, "swedish", "2026-11-24");
        await BookFirstSlotAsync(h, ava, "signature facial", "2026-11-25");
        var book = h.Get<AppointmentBook>();

        ava.BeginTurn(null);
        var list = await CallAsync(h, ava, "list_appointments");
        Assert.Equal(2, Prop(Data(list), "appointments").GetArrayLength());

        // Reschedule A1 to Wednesday.
        var offer = await CallAsync(h, ava, "check_availability", ("service", "swedish"), ("date", "2026-11-25"), ("reschedule_ref", "A1"));
        var slotId = Prop(Slots(offer)[0], "slot_id").GetString();
        Assert.Equal("bad_argument", Status(await CallAsync(h, ava, "book_appointment", ("slot_id", slotId))));
        Assert.Equal("needs_confirmation", Status(await CallAsync(h, ava, "reschedule_appointment", ("appointment_ref", "A1"), ("slot_id", slotId))));
        ava.BeginTurn(saidYes: true);
        var moved = await CallAsync(h, ava, "reschedule_appointment", ("appointment_ref", "A1"), ("slot_id", slotId));
        Assert.Equal("rescheduled", Status(moved));
        var target = ava.Offered.Single(o => o.SlotId == slotId);
        var appointments = await book.ListForClientAsync("c-ava", DateTime.MinValue, default);
        Assert.Contains(appointments, a => a.StartsAtUtc == target.StartsAtUtc && a.Status == AppointmentStatus.Booked);

        // Cancel A2 (the facial).
        ava.BeginTurn(null);
        await CallAsync(h, ava, "list_appointments");
        var facialRef = ava.AppointmentRefs.Single(kv => appointments.Single(a => a.Id == kv.Value).ServiceId == "signature-facial").Key;
        Assert.Equal("needs_confirmation", Status(await CallAsync(h, ava, "cancel_appointment", ("appointment_ref", facialRef))));
        ava.BeginTurn(saidYes: true);
        Assert.Equal("cancelled", Status(await CallAsync(h, ava, "cancel_appointment", ("appointment_ref", facialRef))));
        Assert.Single(await book.ListForClientAsync("c-ava", DateTime.MinValue, default), a => a.Status == AppointmentStatus.Cancelled);
    }

    [StoreFact]
    public async Task Answer_faq_quotes_the_parking_entry_with_its_source()
    {
        await using var h = await StartAsync();
        var result = await CallAsync(h, SpaBookHarness.Scope("web"), "answer_faq", ("question", "is there parking"));

        Assert.Equal("ok", Status(result));
        var best = Prop(Data(result), "matches")[0];
        Assert.Equal("Is there parking?", Prop(best, "question").GetString());
        Assert.Contains("parking", Prop(best, "answer").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("faq", Prop(best, "source").GetString());
    }

    // Perf round 21: SQLite's FAQ search is a statement prepared once per pooled connection and bound again for every
    // question; one question's words must never be left in the next one's search.
    [StoreFact]
    public async Task Answer_faq_gives_the_same_matches_for_a_question_however_often_and_after_whatever_it_is_asked()
    {
        await using var h = await StartAsync();
        string[] questions = ["is there parking??", "do u take credit cards or cash", "whats ur cancelation policy", "parking", "r u open late on fridays"];
        async Task<string> MatchesAsync(string question)
        {
            var result = await CallAsync(h, SpaBookHarness.Scope("web"), "answer_faq", ("question", question));
            var matches = result.TryGetProperty("data", out var data) && data.TryGetProperty("matches", out var m) ? m.EnumerateArray().Select(x => Prop(x, "question").GetString()) : [];
            return Status(result) + ": " + string.Join(" | ", matches);
        }

        var first = new List<string>();
        foreach (var question in questions)
        {
            first.Add(await MatchesAsync(question));
        }
        for (var round = 0; round < 3; round++)
        {
            foreach (var (question, i) in questions.Reverse().Select((q, i) => (q, questions.Length - 1 - i)))
            {
                Assert.Equal(first[i], await MatchesAsync(question));
            }
        }
        Assert.StartsWith("ok: Is there parking?", first[0], StringComparison.Ordinal);
        Assert.StartsWith("ok: Is there parking?", first[3], StringComparison.Ordinal);
        Assert.NotEqual(first[0], first[1]);
    }

    [StoreFact]
    public async Task Answer_faq_passes_an_unanswered_question_about_the_spa_to_the_team_but_not_a_general_knowledge_one()
    {
        await using var h = await StartAsync();
        var scope = SpaBookHarness.Scope("web");

        var aboutTheSpa = await CallAsync(h, scope, "answer_faq", ("question", "do you validate my ferry ticket?"));
        Assert.Equal("no_match", Status(aboutTheSpa));
        Assert.Equal("human_request", Prop(Data(aboutTheSpa), "escalate").GetString());

        var offTopic = await CallAsync(h, scope, "answer_faq", ("question", "how do i make pancakes"));
        Assert.Equal("off_topic", Status(offTopic));
        Assert.DoesNotContain("escalate", offTopic.GetRawText(), StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Answer_faq_calls_a_miss_not_asked_of_the_spa_and_naming_nothing_of_it_off_topic()
    {
        await using var h = await StartAsync();
        var scope = SpaBookHarness.Scope("web");

        // Hours, but of something else, and not asked of us: declined, not passed to the team.
        foreach (var question in new[] { "what are the dmv hours", "what time is sunset" })
        {
            Assert.Equal("off_topic", Status(await CallAsync(h, scope, "answer_faq", ("question", question))));
        }
        // Asked of the spa, or naming its service, the same kind of miss still goes to the team.
        var asked = await CallAsync(h, scope, "answer_faq", ("question", "are you open on the dmv holiday"));
        Assert.NotEqual("off_topic", Status(asked));
        Assert.NotEqual("off_topic", Status(await CallAsync(h, scope, "answer_faq", ("question", "is the hydrafacial vegan"))));
    }

    [StoreFact]
    public async Task Answer_faq_calls_a_question_far_from_anything_the_spa_knows_off_topic_even_when_asked_of_us()
    {
        await using var h = await StartAsync();
        var scope = SpaBookHarness.Scope("web");

        foreach (var question in new[] { "can you tell me who won the game last night", "can you help me with my math homework" })
        {
            var result = await CallAsync(h, scope, "answer_faq", ("question", question));
            Assert.Equal("off_topic", Status(result));
        }
        // A question about the spa in words its FAQ does not use still goes to the team.
        Assert.NotEqual("off_topic", Status(await CallAsync(h, scope, "answer_faq", ("question", "Do you have a sauna?"))));
    }

    [StoreFact]
    public async Task Answer_faq_never_answers_with_another_question_that_only_sounds_alike()
    {
        await using var h = await StartAsync();
        var scope = SpaBookHarness.Scope("web");

        // Close in meaning to "Can I bring my children?" and "Do you sell gift cards?", but not those questions.
        foreach (var question in new[] { "can I bring my dog?", "Do you sell gift baskets for horses?" })
        {
            var result = await CallAsync(h, scope, "answer_faq", ("question", question));
            Assert.NotEqual("ok", Status(result));
        }
    }

    [StoreFact]
    public async Task Answer_faq_answers_hours_from_the_profile()
    {
        await using var h = await StartAsync();
        var result = await CallAsync(h, SpaBookHarness.Scope("web"), "answer_faq", ("question", "What are your opening hours at the Marina?"));

        Assert.Equal("ok", Status(result));
        Assert.Equal("profile:hours:marina", Prop(Prop(Data(result), "matches")[0], "source").GetString());
    }

    [StoreFact]
    public async Task Answer_faq_gives_the_hours_of_the_days_asked_as_values()
    {
        await using var h = await StartAsync();
        var result = await CallAsync(h, SpaBookHarness.Scope("web"), "answer_faq", ("question", "what are your hours on sunday"), ("date", "2026-11-29"));

        Assert.Equal("ok", Status(result));
        // The values a reply is worded from in any language: the asked-about location first, then the others.
        var hours = Prop(Data(result), "hours");
        Assert.Equal(2, hours.GetArrayLength());
        var mission = hours.EnumerateArray().Single(x => Prop(x, "location_id").GetString() == "mission");
        var sunday = Prop(mission, "days")[0];
        Assert.Equal("2026-11-29", Prop(sunday, "date").GetString());
        Assert.Equal("closed_weekday", Prop(sunday, "status").GetString());
        Assert.Equal(0, Prop(sunday, "spans").GetArrayLength());
        var marina = hours.EnumerateArray().Single(x => Prop(x, "location_id").GetString() == "marina");
        Assert.Equal("Marina", Prop(marina, "location").GetString());
        var open = Prop(Prop(marina, "days")[0], "spans")[0];
        Assert.Equal(("open", "10:00", "15:00"), (Prop(Prop(marina, "days")[0], "status").GetString(), Prop(open, "start").GetString(), Prop(open, "end").GetString()));

        // Thanksgiving (a closure of both locations) is closed on that date.
        var closure = await CallAsync(h, SpaBookHarness.Scope("web"), "answer_faq", ("question", "are you open on thursday"), ("date", "2026-11-26"));
        Assert.All(Prop(Data(closure), "hours").EnumerateArray(), l => Assert.Equal("closed_date", Prop(Prop(l, "days")[0], "status").GetString()));
    }

    [StoreFact]
    public async Task Answer_faq_prefers_the_conversations_location_and_names_the_others()
    {
        await using var h = await StartAsync();
        var marina = SpaBookHarness.Scope("sms");
        marina.LocationId = "marina";
        var here = await CallAsync(h, marina, "answer_faq", ("question", "where are you located?"));
        Assert.Equal("profile:address:marina", Prop(Prop(Data(here), "matches")[0], "source").GetString());
        Assert.Equal(["Mission District"], Prop(Data(here), "other_locations").EnumerateArray().Select(x => x.GetString()));

        var asked = await CallAsync(h, marina, "answer_faq", ("question", "where are you located?"), ("location", "mission"));
        Assert.Equal("profile:address:mission", Prop(Prop(Data(asked), "matches")[0], "source").GetString());
    }

    [StoreFact]
    public async Task Answer_faq_gives_the_locations_phone_in_national_format()
    {
        await using var h = await StartAsync();
        var asked = await CallAsync(h, SpaBookHarness.Scope("web"), "answer_faq", ("question", "whats ur phone number for the mission one"), ("location", "mission"));

        Assert.Equal("You can reach Mission District at (415) 555-0100.", Prop(Prop(Data(asked), "matches")[0], "answer").GetString());
    }

    [StoreFact]
    public async Task Answer_faq_with_a_date_answers_that_days_hours_closures_included()
    {
        await using var h = await StartAsync();
        var scope = SpaBookHarness.Scope("web");
        var saturday = await CallAsync(h, scope, "answer_faq", ("question", "what are your hours?"), ("date", "2026-11-28"));
        Assert.Equal("Mission District is open Saturday 10 AM to 5 PM. Marina is open Saturday 9 AM to 4 PM.", Prop(Prop(Data(saturday), "matches")[0], "answer").GetString());
        Assert.Empty(Prop(Data(saturday), "other_locations").EnumerateArray());
        var thanksgiving = await CallAsync(h, scope, "answer_faq", ("question", "what are your hours?"), ("date", "2026-11-26"));
        Assert.StartsWith("Mission District is closed on Thursday, November 26.", Prop(Prop(Data(thanksgiving), "matches")[0], "answer").GetString(), StringComparison.Ordinal);
        var garbage = await CallAsync(h, scope, "answer_faq", ("question", "what are your hours?"), ("date", "saturday"));
        Assert.StartsWith("Mission District is open Monday", Prop(Prop(Data(garbage), "matches")[0], "answer").GetString(), StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Check_availability_near_a_time_offers_that_time_first()
    {
        await using var h = await StartAsync();
        var scope = SpaBookHarness.Scope("web");
        var result = await CallAsync(h, scope, "check_availability", ("service", "swedish-60"), ("date", "2026-12-14"), ("near", "16:00"), ("location", "mission"));
        Assert.Equal("ok", Status(result));
        var times = Prop(Data(result), "slots").EnumerateArray().Select(s => Prop(s, "localStart").GetString()).ToList();
        Assert.Equal("2026-12-14T16:00", times[0]);
    }

    [StoreFact]
    public async Task Answer_faq_says_no_match_for_what_the_profile_does_not_cover()
    {
        await using var h = await StartAsync();
        var scope = SpaBookHarness.Scope("web");

        Assert.Equal("no_match", Status(await CallAsync(h, scope, "answer_faq", ("question", "do you do tattoo removal?"))));
        Assert.Equal("no_match", Status(await CallAsync(h, scope, "answer_faq", ("question", "Do you offer teeth whitening?"))));
    }

    [StoreFact]
    public async Task A_texted_code_verifies_the_phone_and_three_wrong_codes_void_it()
    {
        await using var h = await StartAsync();
        var web = SpaBookHarness.Scope("web");

        Assert.Equal("ok", Status(await CallAsync(h, web, "send_verification_code", ("phone", "(415) 555-1111"))));
        var code = await LatestCodeAsync(h, AvaPhone);
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("refused", Status(await CallAsync(h, web, "verify_phone", ("code", wrong))));
        }
        // The right code is too late now.
        Assert.Equal("refused", Status(await CallAsync(h, web, "verify_phone", ("code", code))));
        Assert.Null(web.VerifiedPhone);
        Assert.Equal("verification_required", Status(await CallAsync(h, web, "list_appointments")));

        h.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("ok", Status(await CallAsync(h, web, "send_verification_code", ("phone", "415.555.1111"))));
        var second = await LatestCodeAsync(h, AvaPhone);
        var verified = await CallAsync(h, web, "verify_phone", ("code", second));

        Assert.Equal("ok", Status(verified));
        Assert.Equal(AvaPhone, web.VerifiedPhone);
        Assert.Equal("c-ava", web.ClientId);
        Assert.Equal("ok", Status(await CallAsync(h, web, "list_appointments")));
    }

    [StoreFact]
    public async Task An_expired_code_is_refused()
    {
        await using var h = await StartAsync();
        var web = SpaBookHarness.Scope("web");
        await CallAsync(h, web, "send_verification_code", ("phone", AvaPhone));
        var code = await LatestCodeAsync(h, AvaPhone);

        h.Clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal("refused", Status(await CallAsync(h, web, "verify_phone", ("code", code))));
        Assert.Null(web.VerifiedPhone);
    }

    private static async Task<string> LatestCodeAsync(SpaBookHarness h, string phone)
    {
        var messages = await h.Get<OutboxWriter>().ListAsync(null, 100, default);
        var message = messages.Where(m => m.Kind == MessageKind.VerificationCode && m.ToAddress == phone).OrderByDescending(m => m.CreatedAtUtc).First();
        Assert.Equal(OutboxStatus.Queued, message.Status);
        return Regex.Match(message.Body, "[0-9]{6}").Value;
    }
}
