namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Issue 12, round 33: round 32's engine-side leftovers (two questions in one message; a second move in Spanish; "put it
/// back like it was"), the caller's own name asked before the guest's when the number is new, then round 33's people
/// (tests/scenarios/people-round33.yaml): a cancel taken back at once, two appointments the same day, "ok thx" after a
/// booking. Whole conversations through the real engine and SQLite store. Written before the code.
/// Demo profile, Monday 2026-11-23 08:00 Los Angeles: on Tuesdays Maya (massages) and Priya (facials) at Mission 9–5,
/// Jordan and Sofia at the Marina 10–6; on Fridays Maya at Mission 9–5, Priya at Mission 9–3, Sofia at the Marina 10–6;
/// on Saturdays Maya and Sofia at the Marina 9–4, Jordan at Mission 10–5.
/// </summary>
public sealed class RoundThirtyThreeTests
{
    private const string AvaPhone = "+14155551111";
    private const string BenPhone = "+14155552222";
    private const string ChloePhone = "+14155553333";

    private static string Text(AgentReply reply) => reply.Text ?? "";

    private static bool Asked(AgentReply reply, string tool) =>
        reply.ToolCalls.Any(c => c.Name == tool && c.Outcome == "needs_confirmation");

    // 1. Two questions in one message: the waitlist and the person's own appointment, both answered.

    // The Spanish twin ("¿sigo en la lista pal sábado? ¿y a qué hora es mi masaje del martes?") is round 33's known issue: "¿a qué
    // hora es mi masaje…?" is read as a question about the massage (the gloss the lead's pass changes), so it is not here.
    [Theory]
    [InlineData("is my spot on the waitlist still good? and what time is my massage tues", "en", "(?i)list|wait", "(?i)\\b11\\b")]
    [InlineData("am i still on the waitlist for saturday? also when is my massage", "en", "(?i)list|wait", "(?i)\\b11\\b")]
    public async Task The_waitlist_and_an_appointment_asked_in_one_message_are_both_answered(string asked, string language, string aboutList, string aboutAppointment)
    {
        await using var h = await AgentHarness.StartAsync();
        // Ava takes Saturday's 10 o'clock HydraFacial; Ben books his Tuesday massage, then joins the list for Saturday at 10.
        await h.TalkAsync("sms_q0", "sms", AvaPhone, "hydrafacial saturday at 10", "10", "yes");
        await h.TalkAsync("sms_q1", "sms", BenPhone, "swedish 60 tuesday at 11", "11 works", "yes");
        var join = language == "es"
            ? new[] { "quiero un hydrafacial el sábado a las 10, si no hay ponme en la lista de espera", "sí" }
            : ["hydrafacial saturday at 10 only pls, waitlist me if its taken", "yes"];
        await h.TalkAsync("sms_q2", "sms", BenPhone, join);
        Assert.Single(await h.WaitlistAsync());
        var before = await h.BookedLinesAsync();

        var answer = (await h.TalkAsync("sms_q2", "sms", BenPhone, asked))[^1];

        Assert.Matches(aboutList, Text(answer));
        Assert.Matches(aboutAppointment, Text(answer));
        Assert.Equal(language, answer.Language);
        Assert.Single(await h.WaitlistAsync());
        Assert.Equal(before, await h.BookedLinesAsync());
    }

    // 2. A second move in Spanish right after the first: read back, then moved again on the sí.

    [Theory]
    [InlineData("no, espera, mejor el sábado a las 11", "2026-11-28 11:00")]
    [InlineData("ay no, mejor el viernes a las 11", "2026-11-27 11:00")]
    public async Task A_second_move_in_spanish_right_after_the_first_is_read_back_and_moves_it_again(string second, string end)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_s0", "sms", AvaPhone, "swedish 60 tuesday at 11", "11", "yes");
        await h.TalkAsync("voice_s1", "voice", AvaPhone, "quiero mover mi masaje al miércoles a las 11", "a las 11", "sí");
        Assert.Equal(["swedish-60 2026-11-25 11:00"], await h.BookedLinesAsync(withStaff: false));

        var replies = await h.TalkAsync("voice_s1", "voice", AvaPhone, second, "a las 11");

        Assert.Contains(replies, r => Asked(r, "reschedule_appointment"));
        Assert.DoesNotContain(replies, r => Text(r).Contains("qué servicio", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["swedish-60 2026-11-25 11:00"], await h.BookedLinesAsync(withStaff: false));
        await h.TalkAsync("voice_s1", "voice", AvaPhone, "sí");
        Assert.Equal([$"swedish-60 {end}"], await h.BookedLinesAsync(withStaff: false));
    }

    // 3. "Put it back like it was" after a move: where it was is kept; read back, then put back on the yes.

    [Theory]
    [InlineData("you know what, put it back to tuesday at 10 like it was", "en")]
    [InlineData("hmm no, can you put it back where it was?", "en")]
    [InlineData("actually just put it back to the original time", "en")]
    [InlineData("mejor regrésala como estaba, el martes a las 10", "es")]
    public async Task Put_it_back_after_a_move_reads_back_the_old_time_and_puts_it_back_on_the_yes(string back, string language)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_b0", "sms", ChloePhone, "prenatal massage tuesday at 10", "10", "yes");
        await h.TalkAsync("sms_b1", "sms", ChloePhone, "can i move my prenatal massage to friday at 10", "10 is good", "yes");
        Assert.Equal(["prenatal-60 2026-11-27 10:00"], await h.BookedLinesAsync(withStaff: false));

        var readBack = (await h.TalkAsync("sms_b1", "sms", ChloePhone, back))[^1];

        Assert.True(Asked(readBack, "reschedule_appointment"), h.Said);
        Assert.Matches(language == "es" ? "(?i)martes 24 de noviembre a las 10" : "(?i)tuesday, november 24 at 10", Text(readBack));
        Assert.Equal(["prenatal-60 2026-11-27 10:00"], await h.BookedLinesAsync(withStaff: false));
        await h.TalkAsync("sms_b1", "sms", ChloePhone, language == "es" ? "sí" : "yes");
        Assert.Equal(["prenatal-60 2026-11-24 10:00"], await h.BookedLinesAsync(withStaff: false));
    }

    [Fact]
    public async Task Put_it_back_with_no_move_made_in_the_conversation_books_or_moves_nothing()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_b2", "sms", ChloePhone, "prenatal massage tuesday at 10", "10", "yes");

        var replies = await h.TalkAsync("sms_b3", "sms", ChloePhone, "can you put it back where it was", "yes");

        Assert.DoesNotContain(replies, r => r.ToolCalls.Any(c => c.Outcome == "ok" && c.Name is "reschedule_appointment" or "book_appointment"));
        Assert.Equal(["prenatal-60 2026-11-24 10:00"], await h.BookedLinesAsync(withStaff: false));
    }

    // 4. The caller's own name before the guest's when the number is new.

    [Theory]
    [InlineData("hi id like a swedish 60 for me and a hydrafacial for my mom tuesday at 11, same time", "11 is fine", "it's Rachel Kim", "Linda", "yes", "Rachel Kim", "(?i)for linda")]
    [InlineData("hola, yo un sueco de 60 y mi mamá un hydrafacial el martes a las 11 al mismo tiempo", "a las 11", "Rocío Medina", "se llama Elena", "sí", "Rocío Medina", "(?i)para elena")]
    public async Task A_new_number_booking_for_two_asks_the_callers_own_name_first_then_the_guests(
        string first, string pick, string ownName, string guestName, string yes, string client, string guestSaid)
    {
        await using var h = await AgentHarness.StartAsync();
        const string NewPhone = "+14155550161";

        var replies = await h.TalkAsync("voice_n1", "voice", NewPhone, first, pick);
        Assert.Matches("(?i)your (?:first and last )?name|tu nombre|su nombre|a nombre de qui[eé]n", Text(replies[^1]));
        Assert.DoesNotMatch("(?i)coming with you|te acompaña|person", Text(replies[^1]));

        var afterOwn = (await h.TalkAsync("voice_n1", "voice", NewPhone, ownName))[^1];
        Assert.DoesNotMatch("(?i)your name|tu nombre", Text(afterOwn));

        var readBack = (await h.TalkAsync("voice_n1", "voice", NewPhone, guestName))[^1];
        Assert.True(AgentHarness.ReadBack([readBack]), h.Said);
        Assert.Matches(guestSaid, Text(readBack));

        await h.TalkAsync("voice_n1", "voice", NewPhone, yes);
        var booked = await h.BookedAsync();
        Assert.Equal(2, booked.Count);
        var clients = h.Book.Get<FrontDesk.Tools.Clients.ClientDirectory>();
        var saved = await clients.FindByPhoneAsync(NewPhone, CancellationToken.None);
        Assert.Equal(client, saved?.Name);
        Assert.Single(booked, a => a.GuestName is not null && guestSaid.Contains(a.GuestName.ToLowerInvariant(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_yes_to_the_own_name_question_books_nothing()
    {
        await using var h = await AgentHarness.StartAsync();
        const string NewPhone = "+14155550162";

        await h.TalkAsync("sms_n2", "sms", NewPhone, "swedish 60 for me and a hydrafacial for my sister tuesday at 11 same time", "11 works", "yes");

        Assert.Empty(await h.BookedAsync());
    }

    // 5. A cancel taken back at once: nothing cancelled.

    [Theory]
    [InlineData("cancel my facial friday", "actually no keep it")]
    [InlineData("cancela mi facial del viernes porfa", "no espera, mejor déjala")]
    [InlineData("i need to cancel my facial on friday", "hmm actually no, keep it, sorry")]
    public async Task A_cancel_taken_back_at_the_read_back_cancels_nothing(string cancel, string takenBack)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_c0", "sms", BenPhone, "hydrafacial friday at 11", "11", "yes");

        var replies = await h.TalkAsync("sms_c1", "sms", BenPhone, cancel, takenBack, "thanks");

        Assert.True(Asked(replies[0], "cancel_appointment"), h.Said);
        Assert.Equal(["hydrafacial 2026-11-27 11:00"], await h.BookedLinesAsync(withStaff: false));
        Assert.Empty(await h.EscalationsAsync());
    }

    // 6. Two appointments the same day: which one is asked, or told by its time; the other is untouched.

    [Theory]
    [InlineData("need to move my tuesday appt to friday", "the facial")]
    [InlineData("quiero cambiar mi cita del martes pal viernes", "el facial")]
    public async Task A_move_of_one_of_two_same_day_appointments_asks_which_and_moves_only_that_one(string move, string which)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_t0", "sms", AvaPhone, "swedish 60 tuesday at 10", "10", "yes");
        await h.TalkAsync("sms_t1", "sms", AvaPhone, "hydrafacial tuesday at 2", "2", "yes");
        Assert.Equal(2, (await h.BookedAsync()).Count);

        var asked = (await h.TalkAsync("sms_t2", "sms", AvaPhone, move))[^1];
        Assert.Matches("(?i)which|cu[aá]l", Text(asked));

        await h.TalkAsync("sms_t2", "sms", AvaPhone, which, "1", move.StartsWith("quiero", StringComparison.Ordinal) ? "sí" : "yes");

        var lines = await h.BookedLinesAsync(withStaff: false);
        Assert.Contains("swedish-60 2026-11-24 10:00", lines);
        Assert.Single(lines, l => l.StartsWith("hydrafacial 2026-11-27", StringComparison.Ordinal));
    }

    // 7. "ok thx", "?" or an emoji after a booking: nothing happens.

    [Theory]
    [InlineData("ok thx")]
    [InlineData("?")]
    [InlineData("ok gracias!!")]
    [InlineData("👍")]
    public async Task A_short_text_after_a_booking_does_nothing(string text)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_k0", "sms", AvaPhone, "hydrafacial friday at 11", "11", "yes");

        var reply = (await h.TalkAsync("sms_k0", "sms", AvaPhone, text))[^1];

        Assert.DoesNotContain(reply.ToolCalls, c => c.Outcome is "ok" or "needs_confirmation");
        Assert.DoesNotMatch("(?i)which service|qu[eé] servicio|shall i|confirm", Text(reply));
        Assert.Equal(["hydrafacial 2026-11-27 11:00"], await h.BookedLinesAsync(withStaff: false));
        Assert.Empty(await h.EscalationsAsync());
    }
}
