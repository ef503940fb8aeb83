using System.Globalization;
using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Understanding;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Issue 12, round 23: round 21's last known issue and two known limits (a move to an exact time read back at once; "book me
/// the same time next friday" after a booking; cancelling two of several appointments by their days), then round 23's people
/// (tests/scenarios/people-round23.yaml). Written before the code. Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundTwentyThreeTests
{
    private const string AvaPhone = "+14155551111";

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "(none)";

    private static Utterance Spanish(string text, DialogueState? state = null) =>
        Engine.Understand(text, History(state ?? new DialogueState { Language = "es" }), "es");

    private static async Task<List<string>> BookedStartsAsync(AgentHarness h) =>
        [.. (await h.BookedAsync()).Select(a => h.Local(a).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Order()];

    // 1. A move to an exact time ("same time", "at 2") that is open: read back at once, moved on one clear yes; a no at that
    // read-back keeps it; a time that is not open gets the nearest times, as before.

    [Fact]
    public async Task A_move_to_the_same_time_on_another_day_is_read_back_at_once_and_moved_on_a_yes()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_m1", "sms", AvaPhone, "signature facial tuesday at 10", "the 10", "yes");
        Assert.Equal(["2026-11-24 10:00"], await BookedStartsAsync(h));

        var readBack = (await h.TalkAsync("sms_m2", "sms", AvaPhone, "can u push tmrw's facial to fri same time"))[^1];
        Assert.Contains(readBack.ToolCalls, c => c.Name == "reschedule_appointment" && c.Outcome == "needs_confirmation");
        Assert.Equal(["2026-11-24 10:00"], await BookedStartsAsync(h));

        await h.TalkAsync("sms_m2", "sms", AvaPhone, "yes");
        Assert.Equal(["2026-11-27 10:00"], await BookedStartsAsync(h));
    }

    [Fact]
    public async Task A_move_to_an_exact_clock_time_that_is_open_is_read_back_at_once()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_m3", "sms", AvaPhone, "signature facial tuesday at 10", "the 10", "yes");

        var readBack = (await h.TalkAsync("sms_m4", "sms", AvaPhone, "hey can we move my facial to friday at 2pm instead"))[^1];
        Assert.Contains(readBack.ToolCalls, c => c.Name == "reschedule_appointment" && c.Outcome == "needs_confirmation");
        Assert.Contains("2", readBack.Text, StringComparison.Ordinal);

        await h.TalkAsync("sms_m4", "sms", AvaPhone, "perfect");
        Assert.Equal(["2026-11-27 14:00"], await BookedStartsAsync(h));
    }

    [Fact]
    public async Task A_second_thought_at_the_move_read_back_leaves_the_appointment_where_it_was()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_m5", "sms", AvaPhone, "signature facial tuesday at 10", "the 10", "yes");

        await h.TalkAsync("sms_m6", "sms", AvaPhone, "move my facial to friday same time", "hmm no wait, leave it where it is");

        Assert.Equal(["2026-11-24 10:00"], await BookedStartsAsync(h));
    }

    [Fact]
    public async Task A_move_with_no_exact_time_still_offers_the_times_first()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_m7", "sms", AvaPhone, "signature facial tuesday at 10", "the 10", "yes");

        var offer = (await h.TalkAsync("sms_m8", "sms", AvaPhone, "can i move my facial to friday afternoon"))[^1];

        Assert.DoesNotContain(offer.ToolCalls, c => c.Name == "reschedule_appointment");
        Assert.Contains(offer.ToolCalls, c => c.Name == "check_availability");
    }

    [Fact]
    public async Task A_move_to_an_exact_time_that_is_not_open_offers_the_nearest_times()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_m9", "sms", AvaPhone, "signature facial tuesday at 10", "the 10", "yes");

        // Nobody does a facial at 6 PM on Friday (the last one starts at 5): the nearest times are offered, nothing moves.
        var offer = (await h.TalkAsync("sms_m10", "sms", AvaPhone, "push my facial to friday at 6pm pls"))[^1];

        Assert.DoesNotContain(offer.ToolCalls, c => c.Name == "reschedule_appointment");
        Assert.Contains(offer.ToolCalls, c => c.Name == "check_availability");
        Assert.Equal(["2026-11-24 10:00"], await BookedStartsAsync(h));
    }

    // 1b. The move keeps the appointment's own provider and place when they are free at the exact time asked (Priya works
    // Friday 09:00-15:00 at Mission District, so Ben's Tuesday-10 facial with her moves to Friday 10 with her, not to Sofia
    // at the Marina); only when she is booked then is another provider read back, by name.

    private const string BenPhone = "+14155552222";
    private const string ChloePhone = "+14155553333";

    [Theory]
    [InlineData("can u push tmrw's facial to fri same time")]
    [InlineData("hey can i move my facial to friday at 10am instead")]
    [InlineData("cn u mvoe my facial to fri 10am? same time works")]
    public async Task A_move_to_an_exact_time_keeps_the_provider_and_place_when_they_are_free(string move)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_p1", "sms", BenPhone, "signature facial with priya tuesday at 10", "the 10 am", "yes");
        var booked = h.One(await h.BookedAsync());
        Assert.Equal(("priya", "mission"), (booked.StaffId, booked.LocationId));

        var readBack = (await h.TalkAsync("sms_p2", "sms", BenPhone, move))[^1];
        Assert.Contains(readBack.ToolCalls, c => c.Name == "reschedule_appointment" && c.Outcome == "needs_confirmation");
        Assert.Contains("Priya", readBack.Text ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("Sofia", readBack.Text ?? "", StringComparison.Ordinal);

        await h.TalkAsync("sms_p2", "sms", BenPhone, "yes");
        var moved = h.One(await h.BookedAsync());
        Assert.Equal("2026-11-27 10:00", h.Local(moved).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        Assert.Equal(("priya", "mission"), (moved.StaffId, moved.LocationId));
    }

    [Fact]
    public async Task A_move_to_an_exact_time_when_the_provider_is_booked_then_reads_back_the_other_provider_by_name()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_p3", "sms", BenPhone, "signature facial with priya tuesday at 10", "the 10 am", "yes");
        // Chloe takes Priya's Friday 10.
        await h.TalkAsync("sms_p4", "sms", ChloePhone, "hi, a signature facial w priya on friday at 10 please", "10 is good", "yes");
        Assert.Equal(["2026-11-24 10:00", "2026-11-27 10:00"], await BookedStartsAsync(h));

        var readBack = (await h.TalkAsync("sms_p5", "sms", BenPhone, "can u push tmrw's facial to fri same time"))[^1];

        Assert.Contains(readBack.ToolCalls, c => c.Name == "reschedule_appointment" && c.Outcome == "needs_confirmation");
        Assert.Contains("Sofia", readBack.Text ?? "", StringComparison.Ordinal);
        Assert.Contains("Marina", readBack.Text ?? "", StringComparison.Ordinal);
        await h.TalkAsync("sms_p5", "sms", BenPhone, "ok yes");
        var bens = (await h.BookedAsync()).Where(a => a.ClientId == "c-ben").ToList();
        Assert.Equal(("sofia", "2026-11-27 10:00"), (h.One(bens).StaffId, h.Local(bens[0]).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Muevela_al_viernes_a_la_misma_hora_keeps_the_provider()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_p6", "sms", BenPhone, "signature facial with priya tuesday at 10", "the 10 am", "yes");

        var readBack = (await h.TalkAsync("sms_p7", "sms", BenPhone, "hola! muévela al viernes a la misma hora porfa"))[^1];
        Assert.Contains(readBack.ToolCalls, c => c.Name == "reschedule_appointment" && c.Outcome == "needs_confirmation");
        Assert.Contains("Priya", readBack.Text ?? "", StringComparison.Ordinal);

        await h.TalkAsync("sms_p7", "sms", BenPhone, "sí");
        var moved = h.One(await h.BookedAsync());
        Assert.Equal(("priya", "mission", "2026-11-27 10:00"), (moved.StaffId, moved.LocationId, h.Local(moved).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
    }

    // 2. "book me the same time next friday" right after a booking: "book" is a new booking; only move words make it a move.

    [Theory]
    [InlineData("book me the same time next friday", true)]
    [InlineData("cool, can you book me the same time next friday?", true)]
    [InlineData("can u move it to the same time next friday", false)]
    [InlineData("push it to the same time next friday", false)]
    [InlineData("change it to the same time next friday", false)]
    [InlineData("same time next friday instead", false)]
    public void Book_with_same_time_is_another_booking_and_a_move_word_a_move(string text, bool again)
    {
        Assert.Equal(again, Engine.Understand(text).Cues.SameAgain);
    }

    [Theory]
    [InlineData("agéndame el otro viernes a la misma hora", true)]
    [InlineData("cámbiala al otro viernes a la misma hora", false)]
    [InlineData("mejor muévela al otro viernes a la misma hora", false)]
    public void Agendame_is_another_booking_and_cambiar_a_move(string text, bool again)
    {
        Assert.Equal(again, Spanish(text).Cues.SameAgain);
    }

    [Fact]
    public async Task Book_me_the_same_time_next_friday_after_a_booking_books_a_second_one_on_a_yes()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_b1", "sms", AvaPhone, "60 min swedish massage friday at 10", "the 10", "yes");
        Assert.Equal(["2026-11-27 10:00"], await BookedStartsAsync(h));

        var readBack = (await h.TalkAsync("sms_b1", "sms", AvaPhone, "great, book me the same time next friday"))[^1];
        Assert.Contains(readBack.ToolCalls, c => c.Name == "book_appointment" && c.Outcome == "needs_confirmation");
        Assert.DoesNotContain(readBack.ToolCalls, c => c.Name == "reschedule_appointment");

        await h.TalkAsync("sms_b1", "sms", AvaPhone, "yes");
        Assert.Equal(["2026-11-27 10:00", "2026-12-04 10:00"], await BookedStartsAsync(h));
    }

    [Fact]
    public async Task Move_it_to_the_same_time_next_friday_after_a_booking_is_a_move()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_b2", "sms", AvaPhone, "60 min swedish massage friday at 10", "the 10", "yes");

        await h.TalkAsync("sms_b2", "sms", AvaPhone, "actually can you move it to the same time next friday", "yes");

        Assert.Equal(["2026-12-04 10:00"], await BookedStartsAsync(h));
    }

    // 3. "cancel the friday and saturday ones": both read back and cancelled on one yes, the third kept; a day with none is
    // said and only the other read back.

    private static async Task<AgentHarness> AvaWithThreeAsync()
    {
        var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_c1", "sms", AvaPhone, "hydrafacial wednesday at 10", "the 10", "yes");
        await h.TalkAsync("sms_c2", "sms", AvaPhone, "signature facial friday at 10", "the 10", "yes");
        await h.TalkAsync("sms_c3", "sms", AvaPhone, "swedish massage 60 min saturday at 10", "the 10", "yes");
        Assert.Equal(["2026-11-25 10:00", "2026-11-27 10:00", "2026-11-28 10:00"], await BookedStartsAsync(h));
        return h;
    }

    [Theory]
    [InlineData("cancel the friday and saturday ones")]
    [InlineData("can u cancel fri and sat pls")]
    [InlineData("cancela la del viernes y la del sábado")]
    public async Task Cancel_two_days_reads_both_back_and_cancels_both_on_one_yes(string text)
    {
        await using var h = await AvaWithThreeAsync();

        var readBack = (await h.TalkAsync("sms_c4", "sms", AvaPhone, text))[^1];
        Assert.Contains(readBack.ToolCalls, c => c.Name == "cancel_appointment" && c.Outcome == "needs_confirmation");
        Assert.Equal(3, (await h.BookedAsync()).Count);

        await h.TalkAsync("sms_c4", "sms", AvaPhone, "yes");
        Assert.Equal(["2026-11-25 10:00"], await BookedStartsAsync(h));
    }

    [Fact]
    public async Task Cancel_two_days_when_one_has_none_says_so_and_reads_back_the_other()
    {
        await using var h = await AvaWithThreeAsync();

        var readBack = (await h.TalkAsync("sms_c5", "sms", AvaPhone, "cancel my tuesday and friday appointments"))[^1];
        Assert.Contains(readBack.ToolCalls, c => c.Name == "cancel_appointment" && c.Outcome == "needs_confirmation");
        Assert.Contains("Tuesday", readBack.Text, StringComparison.Ordinal);
        Assert.Contains("Signature Facial", readBack.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("HydraFacial", readBack.Text, StringComparison.Ordinal);

        await h.TalkAsync("sms_c5", "sms", AvaPhone, "yes");
        Assert.Equal(["2026-11-25 10:00", "2026-11-28 10:00"], await BookedStartsAsync(h));
    }

    [Fact]
    public async Task Cancel_two_days_and_a_no_keeps_all()
    {
        await using var h = await AvaWithThreeAsync();

        await h.TalkAsync("sms_c6", "sms", AvaPhone, "cancel the friday and saturday ones", "nah keep them");

        Assert.Equal(3, (await h.BookedAsync()).Count);
    }

    // Round 23's people.

    // "book my mom in … her name is Linda Park, 415-555-2301": booked on her name and number; the read-back names her.
    [Fact]
    public async Task A_booking_for_someone_else_reads_back_whose_it_is()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("web_g1", "web", null,
            "hi can i book my mom in for a 60 min swedish massage friday morning? her name is Linda Park, 415-555-2301", "first one");

        Assert.Contains(replies[^1].ToolCalls, c => c.Name == "book_appointment" && c.Outcome == "needs_confirmation");
        Assert.Contains("Linda Park", replies[^1].Text ?? "", StringComparison.Ordinal);
        await h.TalkAsync("web_g1", "web", null, "yes");
        Assert.Equal(["2026-11-27 09:00"], await BookedStartsAsync(h));
    }

    [Fact]
    public void My_own_name_is_no_guest()
    {
        Assert.False(Engine.Understand("hi this is Linda Park, a 60 min swedish friday morning please").Cues.ForAnother);
        Assert.True(Engine.Understand("can i get a deep tissue for my husband saturday, his name is Mark Bell").Cues.ForAnother);
    }

    // "pero no con maya porfa": the provider not wanted, in Spanish as in English ("not with maya").
    [Fact]
    public void No_con_names_the_provider_not_wanted()
    {
        var u = Spanish("un masaje sueco de 60 el miércoles pero no con maya porfa");

        Assert.Equal("maya", u.NotStaffId);
    }

    // "a primera hora el sábado": the day's first opening, as "first thing saturday".
    [Fact]
    public void A_primera_hora_is_first_thing()
    {
        var u = Spanish("hola, quiero un hydrafacial a primera hora el sábado");

        Assert.Equal(TimePreferenceKind.Earliest, u.Time?.Kind);
        Assert.Equal("2026-11-28", Day(u.Date?.Range.Start));
    }

    // "y qué otros días tienen?" right after joining a waitlist: the waitlist's service is searched on other days.
    [Theory]
    [InlineData("y qué otros días tienen?", "es")]
    [InlineData("ok what other days do you have?", "en")]
    public void Other_days_right_after_a_waitlist_search_its_service(string text, string language)
    {
        var joined = new DialogueState { Language = language, JustDone = true, OnWaitlist = true, WaitlistedService = "prenatal-60" };

        var (_, rule) = Step(joined, text);

        Assert.Equal(PolicyAction.SearchOtherDaysForWaitlisted, rule.Then);
    }

    [Fact]
    public void Other_days_with_no_waitlist_joined_is_no_such_search()
    {
        var (_, rule) = Step(new DialogueState { JustDone = true }, "what other days do you have?");

        Assert.NotEqual(PolicyAction.SearchOtherDaysForWaitlisted, rule.Then);
    }
}
