namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Issue 12, round 34 (tests/scenarios/people-round34.yaml): a cancellation confirmed and then taken back right after the yes
/// ("wait no keep it", "no espera, mejor no lo canceles"), read back at the same time and booked again on the yes, or said
/// plainly to be gone; two people asked for by kinds of service with the other person beside one ("me a massage and my
/// daughter a facial"), each service kept with its person; the pick said after a language switch at an offer. Whole
/// conversations through the real engine and SQLite store. Written before the code.
/// Demo profile, Monday 2026-11-23 08:00 Los Angeles: on Tuesdays Maya (massages) and Priya (facials) at Mission 9–5,
/// Jordan and Sofia at the Marina 10–6; on Fridays Maya at Mission 9–5, Priya at Mission 9–3, Sofia at the Marina 10–6;
/// on Saturdays Maya and Sofia at the Marina 9–4, Jordan at Mission 10–5.
/// </summary>
public sealed class RoundThirtyFourTests
{
    private const string AvaPhone = "+14155551111";
    private const string BenPhone = "+14155552222";
    private const string ChloePhone = "+14155553333";

    private static string Text(AgentReply reply) => reply.Text ?? "";

    // 1. A cancellation taken back right after the yes: read back at the same time, booked again only on the yes.

    [Theory]
    [InlineData("cancel my hydrafacial friday", "yes", "wait no keep it", "yes")]
    [InlineData("cancel my hydrafacial friday", "yes", "oh no sorry i didnt mean that, can you put it back?", "yes")]
    [InlineData("cancela mi hydrafacial del viernes", "sí", "no espera, mejor no lo canceles", "sí")]
    [InlineData("cancela mi hydrafacial del viernes", "sí", "ay no perdón, déjala como estaba", "sí porfa")]
    public async Task A_cancel_taken_back_right_after_the_yes_is_read_back_and_booked_again_on_the_yes(string cancel, string yes, string takeBack, string yesAgain)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_c0", "sms", BenPhone, "hydrafacial with sofia friday at 11", "11", "yes");
        Assert.Equal(["hydrafacial sofia 2026-11-27 11:00"], await h.BookedLinesAsync());
        await h.TalkAsync("sms_c1", "sms", BenPhone, cancel, yes);
        Assert.Empty(await h.BookedLinesAsync());

        var readBack = await h.TalkAsync("sms_c1", "sms", BenPhone, takeBack);

        Assert.True(AgentHarness.ReadBack(readBack), h.Said);
        Assert.Matches("11", Text(readBack[^1]));
        Assert.Empty(await h.BookedLinesAsync());
        await h.TalkAsync("sms_c1", "sms", BenPhone, yesAgain);
        Assert.Equal(["hydrafacial sofia 2026-11-27 11:00"], await h.BookedLinesAsync());
    }

    [Fact]
    public async Task A_cancel_taken_back_when_the_time_was_taken_meanwhile_says_so_and_books_nothing()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_g0", "sms", BenPhone, "hydrafacial with sofia friday at 11", "11", "yes");
        await h.TalkAsync("sms_g1", "sms", BenPhone, "cancel my hydrafacial friday", "yes");
        // Ava takes the time with Sofia in another conversation before Ben takes his cancel back.
        await h.TalkAsync("sms_g2", "sms", AvaPhone, "hydrafacial with sofia friday at 11", "11", "yes");
        Assert.Equal(["hydrafacial sofia 2026-11-27 11:00"], await h.BookedLinesAsync());

        var replies = await h.TalkAsync("sms_g1", "sms", BenPhone, "wait no keep it");

        Assert.Matches("(?i)isn't open|not open|no longer|taken", Text(replies[^1]));
        Assert.False(AgentHarness.ReadBack(replies), h.Said);
        Assert.Equal(["hydrafacial sofia 2026-11-27 11:00"], await h.BookedLinesAsync());
    }

    [Theory]
    [InlineData("actually no, leave it cancelled, sorry")]
    [InlineData("no, déjala cancelada")]
    public async Task A_cancel_taken_back_and_then_left_cancelled_books_nothing(string leave)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_l0", "sms", AvaPhone, "swedish 60 friday at 10", "10", "yes");
        await h.TalkAsync("sms_l1", "sms", AvaPhone, "cancel my massage friday", "yes", "hmm undo that");

        await h.TalkAsync("sms_l1", "sms", AvaPhone, leave);

        Assert.Empty(await h.BookedLinesAsync());
    }

    [Fact]
    public async Task Keep_it_said_after_something_else_is_not_a_cancel_taken_back()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_k0", "sms", AvaPhone, "swedish 60 friday at 10", "10", "yes");
        await h.TalkAsync("sms_k1", "sms", AvaPhone, "cancel my massage friday", "yes", "what are your hours on saturday");

        var replies = await h.TalkAsync("sms_k1", "sms", AvaPhone, "ok keep it");

        Assert.False(AgentHarness.ReadBack(replies), h.Said);
        Assert.Empty(await h.BookedLinesAsync());
    }

    // 2. Two people asked for by kinds of service: each service with its person, the other person's name theirs.

    [Theory]
    [InlineData("me a massage and my daughter a facial tuesday at 10 same time", "swedish 60 and the hydrafacial", "10", "her name is Ana", "yes", "2026-11-24 10:00", "(?i)\\bana\\b")]
    [InlineData("me a massage and my daughter a facial tuesday at 10 same time", "the hydrafacial and a swedish 60", "10", "her name is Ana", "yes", "2026-11-24 10:00", "(?i)\\bana\\b")]
    [InlineData("yo un masaje y mi hija un facial el martes a las 10 al mismo tiempo", "sueco de 60 y el hydrafacial", "a las 10", "se llama Ana", "sí", "2026-11-24 10:00", "(?i)\\bana\\b")]
    [InlineData("my husband a facial and me a massage tuesday at 1, together", "hydrafacial for him, swedish 60 for me", "1 works", "his name is Marco", "yes", "2026-11-24 13:00", "(?i)marco")]
    public async Task Two_kinds_with_another_person_beside_one_book_each_persons_own_service(
        string first, string services, string pick, string guest, string yes, string at, string guestSaid)
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("sms_t0", "sms", BenPhone, first, services, pick, guest, yes);

        Assert.Equal([$"hydrafacial {at}", $"swedish-60 {at}"], await h.BookedLinesAsync(withStaff: false));
        Assert.Contains(replies, r => System.Text.RegularExpressions.Regex.IsMatch(Text(r), guestSaid));
        Assert.All(await h.BookedAsync(), a => Assert.Equal("c-ben", a.ClientId));
    }

    // 3. The pick said after a language switch at an offer.

    [Fact]
    public async Task A_pick_said_after_asking_for_english_at_a_spanish_offer_is_taken()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_e0", "sms", ChloePhone, "hola necesito un masaje prenatal el martes");

        var readBack = (await h.TalkAsync("sms_e0", "sms", ChloePhone, "actually can we do this in english? the 11 one"))[^1];

        Assert.True(AgentHarness.ReadBack([readBack]), h.Said);
        Assert.Equal("en", readBack.Language);
        await h.TalkAsync("sms_e0", "sms", ChloePhone, "yes please");
        Assert.Equal(["prenatal-60 2026-11-24 11:00"], await h.BookedLinesAsync(withStaff: false));
    }
}
