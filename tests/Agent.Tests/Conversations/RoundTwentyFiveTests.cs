using System.Globalization;
using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Understanding;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Issue 12, round 25: round 24's known limits ("same time next friday?" in a new conversation; "another one" the turn after
/// a past visit told; "i got a facial on saturday" meant as the upcoming one), then round 25's people
/// (tests/scenarios/people-round25.yaml). Written before the code. Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundTwentyFiveTests
{
    private const string AvaPhone = "+14155551111";
    private const string BenPhone = "+14155552222";

    private static bool Wrote(IEnumerable<AgentReply> replies) =>
        replies.SelectMany(r => r.ToolCalls).Any(c => c.Name is "reschedule_appointment" or "book_appointment" or "cancel_appointment" && c.Outcome != "needs_confirmation");

    private static bool ReadBack(IEnumerable<AgentReply> replies, string tool) =>
        replies.SelectMany(r => r.ToolCalls).Any(c => c.Name == tool && c.Outcome == "needs_confirmation");

    // 1. "same time next friday?" in a new conversation (no booking made in it) from a client with one appointment: asked,
    // move or another, never moved or booked on it.

    [Fact]
    public async Task Same_time_next_friday_in_a_new_conversation_is_asked_and_nothing_changes()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_n1", "sms", AvaPhone, "60 min swedish massage friday at 10", "the 10", "yes");

        var asked = await h.TalkAsync("sms_n2", "sms", AvaPhone, "same time next friday?");

        Assert.False(ReadBack(asked, "reschedule_appointment") || ReadBack(asked, "book_appointment"), h.Said);
        Assert.Matches("(?i)move your .*friday.*or book another", asked[^1].Text ?? "");
        // A yes to the either/or question is no choice.
        var yes = await h.TalkAsync("sms_n2", "sms", AvaPhone, "yes");
        Assert.False(Wrote(yes));
        Assert.Equal(["swedish-60 2026-11-27 10:00"], await h.BookedLinesAsync(withStaff: false));
    }

    [Fact]
    public async Task Move_it_after_the_question_in_a_new_conversation_moves_it_on_the_yes()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_n3", "sms", AvaPhone, "60 min swedish massage friday at 10", "the 10", "yes");

        await h.TalkAsync("sms_n4", "sms", AvaPhone, "same time next friday?", "oh move it", "yes");

        Assert.Equal(["swedish-60 2026-12-04 10:00"], await h.BookedLinesAsync(withStaff: false));
    }

    [Fact]
    public async Task Another_one_after_the_question_in_a_new_conversation_books_the_same_service_at_the_same_time()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_n5", "sms", AvaPhone, "60 min swedish massage friday at 10", "the 10", "yes");

        await h.TalkAsync("sms_n6", "sms", AvaPhone, "same time next friday?", "another one please", "yes");

        Assert.Equal(["swedish-60 2026-11-27 10:00", "swedish-60 2026-12-04 10:00"], await h.BookedLinesAsync(withStaff: false));
    }

    [Theory]
    [InlineData("move it to same time next friday", "reschedule_appointment")]
    [InlineData("can you move my massage to the same time next friday", "reschedule_appointment")]
    public async Task Same_time_next_friday_with_a_move_word_in_a_new_conversation_is_a_move(string text, string tool)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_n7", "sms", AvaPhone, "60 min swedish massage friday at 10", "the 10", "yes");

        var readBack = await h.TalkAsync("sms_n8", "sms", AvaPhone, text);

        Assert.True(ReadBack(readBack, tool), h.Said);
    }

    [Fact]
    public async Task Misma_hora_el_proximo_viernes_in_a_new_conversation_is_asked_in_spanish()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_n9", "sms", BenPhone, "quiero un masaje sueco de 60 el viernes a las 10", "la de las 10", "sí");

        var asked = await h.TalkAsync("sms_n10", "sms", BenPhone, "¿y a la misma hora el próximo viernes?");

        Assert.False(ReadBack(asked, "reschedule_appointment") || ReadBack(asked, "book_appointment"), h.Said);
        Assert.Matches("(?i)cambiar su cita.*otra", asked[^1].Text ?? "");
    }

    // 2. A past visit's service is kept: "i want another one friday" on the next turn books it (read back; only a yes books).

    [Fact]
    public async Task Another_one_the_turn_after_a_past_visit_is_that_service()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("sms_v1", "sms", AvaPhone, "i had a hydrafacial last week", "i want another one friday");

        Assert.DoesNotMatch("(?i)which service", replies[^1].Text ?? "");
        Assert.Contains(replies[^1].ToolCalls, c => c.Name == "check_availability");
        Assert.Contains("HydraFacial", replies[^1].Text ?? "", StringComparison.Ordinal);
        Assert.Empty(await h.BookedAsync());

        await h.TalkAsync("sms_v1", "sms", AvaPhone, "first one", "yes");
        Assert.Equal("hydrafacial", h.One(await h.BookedAsync()).ServiceId);
    }

    [Fact]
    public async Task Quiero_otro_el_viernes_after_a_massage_told_yesterday_is_that_massage()
    {
        await using var h = await AgentHarness.StartAsync();

        await h.TalkAsync("sms_v2", "sms", BenPhone, "ayer me hice un masaje sueco de 60 con ustedes", "quiero otro el viernes", "la primera", "sí");

        Assert.Equal("swedish-60", h.One(await h.BookedAsync()).ServiceId);
    }

    [Fact]
    public void The_past_visits_service_is_kept_in_the_state_that_is_stored()
    {
        var state = new DialogueState { PastVisitService = "hydrafacial" };

        var back = System.Text.Json.JsonSerializer.Deserialize(
            System.Text.Json.JsonSerializer.Serialize(state, FrontDesk.Agent.Conversations.StateJsonContext.Default.DialogueState),
            FrontDesk.Agent.Conversations.StateJsonContext.Default.DialogueState);

        Assert.Equal("hydrafacial", back?.PastVisitService);
    }

    [Fact]
    public async Task The_past_visits_service_survives_a_restart()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_v3", "sms", AvaPhone, "hey so i had a dermaplaning last week");
        await using var restarted = await AgentHarness.StartOnSameStoreAsync(h);

        var offer = (await restarted.TalkAsync("sms_v3", "sms", AvaPhone, "can i get another one tuesday"))[^1];

        Assert.Contains("Dermaplaning", offer.Text ?? "", StringComparison.Ordinal);
    }

    // 3. "i got a facial on saturday" from a client with that appointment to come: theirs, not a past visit.

    [Theory]
    [InlineData("i got a facial on saturday", "sms")]
    [InlineData("hi! i got a facial on saturday", "voice")]
    public async Task A_facial_on_saturday_told_by_a_client_who_has_one_then_is_their_appointment(string text, string channel)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_u1", "sms", AvaPhone, "signature facial saturday at 11", "the 11", "yes");

        var reply = (await h.TalkAsync("u2", channel, AvaPhone, text))[^1];

        Assert.DoesNotMatch("(?i)thanks for letting us know", reply.Text ?? "");
        Assert.Matches("(?i)saturday.*11", reply.Text ?? "");
        Assert.Matches("(?i)change|cancel", reply.Text ?? "");
        Assert.Equal(["signature-facial 2026-11-28 11:00"], await h.BookedLinesAsync(withStaff: false));
    }

    [Fact]
    public async Task Tengo_un_facial_el_sabado_is_their_appointment_in_spanish_and_cancelled_on_a_yes()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_u3", "sms", BenPhone, "signature facial saturday at 11", "the 11", "yes");

        var reply = (await h.TalkAsync("sms_u4", "sms", BenPhone, "hola tengo un facial el sábado"))[^1];
        Assert.Matches("(?i)sábado", reply.Text ?? "");
        Assert.Matches("(?i)cambiar|cancelar", reply.Text ?? "");

        await h.TalkAsync("sms_u4", "sms", BenPhone, "cancélalo porfa", "sí");
        Assert.Empty(await h.BookedAsync());
    }

    [Fact]
    public async Task A_facial_on_saturday_with_nothing_to_come_is_a_past_visit()
    {
        await using var h = await AgentHarness.StartAsync();

        var reply = (await h.TalkAsync("sms_u5", "sms", AvaPhone, "i got a facial on saturday"))[^1];

        Assert.Matches("(?i)thanks for letting us know", reply.Text ?? "");
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability");
    }

    [Fact]
    public async Task A_facial_on_saturday_told_by_someone_not_verified_shows_nobodys_appointment()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_u6", "sms", AvaPhone, "signature facial saturday at 11", "the 11", "yes");

        var reply = (await h.TalkAsync("web_u7", "web", null, "i got a facial on saturday"))[^1];

        Assert.DoesNotMatch("(?i)11:00|sofia|ava", reply.Text ?? "");
        Assert.Equal(["signature-facial 2026-11-28 11:00"], await h.BookedLinesAsync(withStaff: false));
    }

    [Fact]
    public async Task A_facial_last_saturday_is_a_past_visit_even_with_one_to_come()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_u8", "sms", AvaPhone, "signature facial saturday at 11", "the 11", "yes");

        var reply = (await h.TalkAsync("sms_u9", "sms", AvaPhone, "i got a facial last saturday"))[^1];

        Assert.Matches("(?i)thanks for letting us know", reply.Text ?? "");
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "list_appointments");
    }

    // 4. Round 25's people: a weekday and a date that do not agree are asked, never guessed.

    [Theory]
    [InlineData("can i get a hydrafacial friday the 12th?", "2026-12-11", "2026-12-12")]
    [InlineData("botox tuesday the 3rd", "2026-12-01", "2026-12-03")]
    [InlineData("un facial el viernes 12 porfa", "2026-12-11", "2026-12-12")]
    public void A_weekday_and_a_date_that_disagree_give_both_days(string text, string first, string second)
    {
        var choices = DayDatePair.Mismatch(text, new DateOnly(2026, 11, 23));

        Assert.Equal([first, second], choices.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("hydrafacial friday the 11th")]
    [InlineData("friday at 3")]
    [InlineData("saturday 12pm")]
    [InlineData("el viernes 11 a las 3")]
    [InlineData("el viernes 4 de diciembre")]
    public void A_weekday_and_date_that_agree_or_a_time_give_no_choice(string text)
    {
        Assert.Empty(DayDatePair.Mismatch(text, new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public async Task Friday_the_12th_is_asked_and_the_saturday_answer_books_the_12th()
    {
        await using var h = await AgentHarness.StartAsync();

        var asked = (await h.TalkAsync("web_d1", "web", AvaPhone, "can i get a hydrafacial friday the 12th?"))[^1];
        Assert.DoesNotContain(asked.ToolCalls, c => c.Name == "check_availability");
        Assert.Matches("(?i)friday, december 11.*saturday, december 12", asked.Text ?? "");

        await h.TalkAsync("web_d1", "web", AvaPhone, "oh the saturday", "first one", "yes");
        Assert.StartsWith("hydrafacial 2026-12-12", (await h.BookedLinesAsync(withStaff: false)).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task El_viernes_12_is_asked_and_el_viernes_11_books_the_11th()
    {
        await using var h = await AgentHarness.StartAsync();

        await h.TalkAsync("sms_d2", "sms", BenPhone, "un signature facial el viernes 12 porfa", "el viernes 11", "la primera", "sí");

        Assert.StartsWith("signature-facial 2026-12-11", (await h.BookedLinesAsync(withStaff: false)).Single(), StringComparison.Ordinal);
    }

    // A group said as "me and my 2 friends" or "somos tres" is three people.
    [Theory]
    [InlineData("me and my 2 friends want deep tissue massages saturday", 3)]
    [InlineData("me n my two sisters want facials friday", 3)]
    [InlineData("somos tres amigas, queremos hydrafacial el sábado", 3)]
    [InlineData("we're 2, can we get massages saturday", 2)]
    public void A_party_said_with_friends_counted_or_outright_is_its_size(string text, int size)
    {
        Assert.Equal(size, ReplyCues.Read(text).PartySize);
    }

    // "can i move it by 30 min? later i mean": half an hour later.
    [Fact]
    public void Move_it_by_30_min_later_is_a_shift_of_thirty_minutes()
    {
        Assert.Equal(30, Engine.Understand("can i move it by 30 min? later i mean").ShiftMinutes);
    }
}
