using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Understanding;
using FrontDesk.Agent.Tests.Dialogue;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Issue 12, round 32: round 31's leftovers (a question about the provider at a read-back; the person's own waitlist asked
/// about with its day; a yes with more words to a texted opening; whose service is whose when two people are booked), then
/// round 32's people (tests/scenarios/people-round32.yaml). Written before the code.
/// Demo profile, Monday 2026-11-23 08:00 Los Angeles: on Fridays Maya gives massages at Mission 9–5, Sofia facials at the
/// Marina 10–6; on Tuesdays Maya and Priya at Mission 9–5, Jordan and Sofia at the Marina 10–6.
/// </summary>
public sealed class RoundThirtyTwoTests
{
    private const string AvaPhone = "+14155551111";
    private const string BenPhone = "+14155552222";
    private const string ChloePhone = "+14155553333";

    private static string Text(AgentReply reply) => reply.Text ?? "";

    // 1. "hold on, is that with maya?" at a read-back: answered, read back again, nothing booked on that turn.

    [Theory]
    [InlineData("hold on, is that with maya?")]
    [InlineData("wait is it maya?")]
    [InlineData("is that with maya chen")]
    [InlineData("and that's with maya right?")]
    public async Task A_question_naming_the_provider_read_back_is_answered_yes_and_read_back_again(string question)
    {
        await using var h = await AgentHarness.StartAsync();

        var readBack = (await h.TalkAsync("voice_p1", "voice", AvaPhone, "swedish 60 friday at 10", "10 is good"))[^1];
        Assert.True(AgentHarness.ReadBack([readBack]), h.Said);

        var answered = (await h.TalkAsync("voice_p1", "voice", AvaPhone, question))[^1];

        Assert.True(AgentHarness.ReadBack([answered]), h.Said);
        Assert.Matches("(?i)^yes\\b[^.]*maya", Text(answered));
        Assert.Empty(await h.BookedAsync());
        await h.TalkAsync("voice_p1", "voice", AvaPhone, "yeah perfect");
        Assert.Equal(["swedish-60 maya 2026-11-27 10:00"], await h.BookedLinesAsync());
    }

    [Theory]
    [InlineData("is that with jordan?")]
    [InlineData("wait is it with sofia")]
    public async Task A_question_naming_another_provider_is_answered_no_with_the_one_read_back(string question)
    {
        await using var h = await AgentHarness.StartAsync();

        await h.TalkAsync("sms_p2", "sms", AvaPhone, "swedish 60 friday at 10", "10 is good");
        var answered = (await h.TalkAsync("sms_p2", "sms", AvaPhone, question))[^1];

        Assert.True(AgentHarness.ReadBack([answered]), h.Said);
        Assert.Matches("(?i)^no\\b[^.]*maya", Text(answered));
        Assert.Empty(await h.BookedAsync());
        await h.TalkAsync("sms_p2", "sms", AvaPhone, "ok yes");
        Assert.Equal(["swedish-60 maya 2026-11-27 10:00"], await h.BookedLinesAsync());
    }

    [Fact]
    public async Task A_question_naming_the_provider_in_spanish_is_answered_in_spanish()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("voice_p3", "voice", ChloePhone, "quiero un masaje prenatal el viernes a las 10", "a las 10 está bien", "¿es con maya verdad?");

        Assert.True(AgentHarness.ReadBack([replies[^1]]), h.Said);
        Assert.Matches("(?i)^s[ií]\\b[^.]*maya", Text(replies[^1]));
        Assert.Equal("es", replies[^1].Language);
        Assert.Empty(await h.BookedAsync());
        await h.TalkAsync("voice_p3", "voice", ChloePhone, "sí, perfecto");
        Assert.Equal(["prenatal-60 maya 2026-11-27 10:00"], await h.BookedLinesAsync());
    }

    [Theory]
    [InlineData("can it be with sofia instead?")]
    [InlineData("actually can i have jordan")]
    public void Another_provider_asked_for_at_a_read_back_is_still_a_change(string text)
    {
        var state = DialogueFixture.Offering();
        state.ChosenSlotId = "s10";
        state.PendingTool = "book_appointment";
        state.PendingArgs = "{\"slot_id\":\"s10\"}";
        state.ReadBack = "HydraFacial with Priya Patel on Wednesday at 10 AM";
        state.Asked = AgentQuestion.Confirmation;

        var (reading, _) = DialogueFixture.Step(state, text);

        Assert.NotEqual(ReadBackAnswer.AsksProvider, reading.ReadBack);
    }

    // 2. The person's own waitlist asked about with its day.

    [Theory]
    [InlineData("hey anything open up for sunday yet?", "en")]
    [InlineData("did anything come up for sunday??", "en")]
    [InlineData("oye ya se abrió algo pal domingo?", "es")]
    public async Task Whether_anything_opened_on_the_waitlisted_day_is_answered_from_the_waitlist(string asked, string language)
    {
        await using var h = await AgentHarness.StartAsync();

        var first = language == "es"
            ? new[] { "¿hay masaje prenatal el domingo?", "ponme en la lista de espera porfa", "sí" }
            : ["prenatal massage sunday afternoon?", "can u put me on the waitlist then", "yes"];
        await h.TalkAsync("sms_w1", "sms", ChloePhone, first);
        Assert.Single(await h.WaitlistAsync());

        var answer = (await h.TalkAsync("sms_w1", "sms", ChloePhone, asked))[^1];

        Assert.Matches("(?i)nothing|not yet|todav[ií]a|a[uú]n no|nada", Text(answer));
        Assert.DoesNotMatch("(?i)which service|qu[eé] servicio", Text(answer));
        Assert.Single(await h.WaitlistAsync());
        Assert.Empty(await h.BookedAsync());
    }

    [Fact]
    public void Whether_anything_opened_on_another_day_than_the_waitlisted_one_is_not_the_waitlist_check()
    {
        var state = new DialogueState { OnWaitlist = true, WaitlistedService = "prenatal-60", WaitlistedFrom = "2026-11-29", WaitlistedTo = "2026-11-29" };

        var (_, rule) = DialogueFixture.Step(state, "did anything open up for wednesday?");

        Assert.NotEqual(PolicyAction.CheckWaitlistOffer, rule.Then);
    }

    // 3. A yes with more words to a texted opening.

    [Theory]
    [InlineData("oh nice yes book it")]
    [InlineData("omg yes please grab it for me")]
    [InlineData("yes!! book it pls")]
    [InlineData("ay sí, apártamela porfa")]
    public void A_yes_with_more_words_to_a_texted_opening_takes_it(string text)
    {
        var state = new DialogueState
        {
            OnWaitlist = true,
            Phase = DialoguePhase.TextedOffer,
            TextedOffer = new Offer("w1", "2026-11-28", "10:00", "Sofia Alvarez", "Saturday, November 28 at 10 AM with Sofia"),
        };

        var (_, rule) = DialogueFixture.Step(state, text);

        Assert.Equal(PolicyAction.TakeTextedOffer, rule.Then);
    }

    [Theory]
    [InlineData("yes but can it be at 11 instead?")]
    [InlineData("no thanks, take me off")]
    public void A_texted_opening_with_another_time_or_a_no_is_not_taken(string text)
    {
        var state = new DialogueState
        {
            OnWaitlist = true,
            Phase = DialoguePhase.TextedOffer,
            TextedOffer = new Offer("w1", "2026-11-28", "10:00", "Sofia Alvarez", "Saturday, November 28 at 10 AM with Sofia"),
        };

        var (_, rule) = DialogueFixture.Step(state, text);

        Assert.NotEqual(PolicyAction.TakeTextedOffer, rule.Then);
    }

    // 4. Whose service is whose: the service goes with the person named beside it, not with the order said.

    [Theory]
    [InlineData("a hydrafacial for my sister and a swedish 60 for me tuesday at 11 same time, her name is mia", "11 works", "yes", "with [^,]+, [^,]+ for mia", "Mia")]
    [InlineData("i want a hydrafacial for my mom and for me a swedish 60, tuesday at 11 side by side. her name is Linda", "11", "yes", "with [^,]+, [^,]+ for linda", "Linda")]
    [InlineData("para mi hermana un hydrafacial y para mí un sueco de 60, el martes a las 11 al mismo tiempo, se llama Lucía", "a las 11", "sí", "con [^,]+ para luc[ií]a", "Lucía")]
    public async Task The_service_said_with_the_other_person_is_theirs_whatever_the_order(string first, string pick, string yes, string guestSaid, string guest)
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("sms_g1", "sms", BenPhone, first, pick);

        Assert.True(AgentHarness.ReadBack([replies[^1]]), h.Said);
        Assert.Matches($"(?i)hydrafacial {guestSaid}", Text(replies[^1]));
        await h.TalkAsync("sms_g1", "sms", BenPhone, yes);
        var booked = await h.BookedAsync();
        Assert.Equal(guest, booked.Single(a => a.ServiceId == "hydrafacial").GuestName);
        Assert.Null(booked.Single(a => a.ServiceId == "swedish-60").GuestName);
    }

    [Fact]
    public async Task The_first_service_said_is_still_the_callers_when_nobody_is_named_beside_it()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("sms_g2", "sms", BenPhone, "swedish 60 and my wife a hydrafacial tuesday at 11 same time, her name is Elena", "11 works");

        Assert.Matches("(?i)hydrafacial with [^,]+, [^,]+ for elena", Text(replies[^1]));
    }

    // 5. One of two drops out at the read-back of both: the caller's own time is read back alone; the yes to two is never asked again.

    [Theory]
    [InlineData(null, "swedish 60 for me and a hydrafacial for my friend tuesday at 2 same time", "2 works", "her name is jess", "ugh actually she cant come anymore, just me", "yes", "swedish-60 2026-11-24 14:00")]
    [InlineData(null, "yo un masaje sueco de 60 y mi esposo un hydrafacial el martes a las 3 al mismo tiempo", "a las 3", "se llama Luis", "ay perdón, él ya no puede, solo yo", "sí", "swedish-60 2026-11-24 15:00")]
    [InlineData("harbor", "me and my friend want gel manis thursday at 3 at the same time", "3 is good", "her name's Kim", "oh shoot she just texted me she can't make it, just me then", "yes", "gel-manicure 2026-11-26 15:00")]
    public async Task Just_me_at_the_read_back_of_two_reads_back_the_callers_time_alone(string? profile, string first, string pick, string name, string justMe, string yes, string booked)
    {
        await using var h = await AgentHarness.StartAsync(profile: profile is null ? null : FrontDesk.TestSupport.TestFiles.HarborProfile);
        var phone = profile is null ? AvaPhone : "+12075551234";

        var replies = await h.TalkAsync("sms_j1", "sms", phone, first, pick, name, justMe);

        Assert.True(AgentHarness.ReadBack([replies[^1]]), h.Said);
        Assert.DoesNotMatch("(?i)both|las dos|two of you|dos personas|hydrafacial|kenji", Text(replies[^1]));
        Assert.Empty(await h.BookedAsync());
        await h.TalkAsync("sms_j1", "sms", phone, yes);
        Assert.Equal([booked], await h.BookedLinesAsync(withStaff: false));
    }

    // 6. A day is no guest's name; the other person's service changed at the read-back of two keeps the time read back.

    [Theory]
    [InlineData("swedish 60 for me and a signature facial for my wife saturday at 11 side by side", null)]
    [InlineData("gel mani for me and a pedi for my daughter wednesday", null)]
    [InlineData("a facial for my mom tomorrow", null)]
    [InlineData("gel mani for me and a pedi for my daughter lily thurs at 2", "Lily")]
    public void A_day_beside_the_other_person_is_no_name(string text, string? expected)
    {
        Assert.Equal(expected, DialogueTracker.GuestNameWithRequest(text));
    }

    [Fact]
    public async Task Making_hers_another_service_at_the_read_back_of_two_reads_both_back_at_the_same_time()
    {
        await using var h = await AgentHarness.StartAsync();

        var asked = (await h.TalkAsync("sms_m1", "sms", BenPhone, "swedish 60 for me and a signature facial for my wife saturday at 11 side by side", "11 works"))[^1];
        Assert.Matches("(?i)name", Text(asked));

        var replies = await h.TalkAsync("sms_m1", "sms", BenPhone, "Elena", "actually make hers a hydrafacial");

        Assert.True(AgentHarness.ReadBack([replies[^1]]), h.Said);
        Assert.Matches("(?i)hydrafacial with [^,]+, [^,]+ for elena", Text(replies[^1]));
        Assert.DoesNotMatch("(?i)signature", Text(replies[^1]));
        await h.TalkAsync("sms_m1", "sms", BenPhone, "yes");
        Assert.Equal(["hydrafacial 2026-11-28 11:00", "swedish-60 2026-11-28 11:00"], await h.BookedLinesAsync(withStaff: false));
    }

    // 7. "friday but with maya if shes free": "but" there joins the provider asked for; "anyone but maya" leaves her out.

    [Theory]
    [InlineData("move my massage to friday but with maya if shes free", "maya", null)]
    [InlineData("swedish 60 saturday but with jordan please", "jordan", null)]
    [InlineData("swedish 60 saturday, anyone but maya", null, "maya")]
    [InlineData("facial tuesday not with sofia", null, "sofia")]
    public void But_with_a_provider_asks_for_them_and_anyone_but_leaves_them_out(string text, string? wanted, string? notWanted)
    {
        var u = DialogueFixture.Engine.Understand(text, DialogueFixture.History(new DialogueState()));

        Assert.Equal(wanted, u.Staff.Person?.Id);
        Assert.Equal(notWanted, u.NotStaffId);
    }
}
