using FrontDesk.Tools.Clients;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Issue 12, round 29: round 28's leftovers (the day that cannot be kept is not the day asked; a move tries the appointment's
/// own provider at their own place first; a name spelled in lower case where the number was asked; two people at one time
/// when only one can be seen then), then round 29's people (tests/scenarios/people-round29.yaml). Written before the code.
/// Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundTwentyNineTests
{
    private const string AvaPhone = "+14155551111";
    private const string BenPhone = "+14155552222";
    private const string NoraPhone = "+12075551234";

    // 1. The day that cannot be kept is the appointment's, not the day searched: the day said after it is where it goes.

    [Theory]
    [InlineData("no puedo mañana, el viernes?", "(?i)viernes,? 27")]
    [InlineData("cant make it tmrw can we do fri instead", "(?i)friday, november 27")]
    [InlineData("can't do the 24th, how about the 27th?", "(?i)friday, november 27")]
    [InlineData("mañana no puedo, mejor el miércoles", "(?i)miércoles,? 25")]
    [InlineData("tomorrow doesn't work anymore, wednesday?", "(?i)wednesday, november 25")]
    public async Task The_day_that_cannot_be_kept_is_not_the_day_searched(string text, string day)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_seed", "sms", AvaPhone, "swedish 60 tuesday morning", "first one", "yes");
        var before = await h.BookedLinesAsync();
        Assert.True(before is [var one] && one.Contains("2026-11-24", StringComparison.Ordinal), h.Said);

        var reply = (await h.TalkAsync("sms_d1", "sms", AvaPhone, text))[^1];

        Assert.Contains(reply.ToolCalls, c => c.Name == "check_availability");
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "cancel_appointment");
        Assert.Matches(day, reply.Text ?? "");
        Assert.DoesNotMatch("(?i)tuesday, november 24|martes,? 24", reply.Text ?? "");
        Assert.Equal(before, await h.BookedLinesAsync());
    }

    [Fact]
    public async Task The_day_asked_after_the_one_that_cannot_be_kept_is_moved_to_on_the_yes()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_seed", "sms", BenPhone, "hydrafacial with priya tuesday at 4pm", "yes");
        await h.TalkAsync("sms_seed", "sms", BenPhone, "yes");
        Assert.Single(await h.BookedAsync());

        await h.TalkAsync("sms_d2", "sms", BenPhone, "no puedo mañana, el viernes?", "la primera", "sí");

        var booked = await h.BookedLinesAsync();
        Assert.True(booked is [var moved] && moved.StartsWith("hydrafacial priya 2026-11-27", StringComparison.Ordinal), h.Said);
    }

    // 2. A move tries the appointment's own provider at their own place first (Alex works both places on Wednesdays).

    [Theory]
    [InlineData("can we push it to next wednesday afternoon")]
    [InlineData("could i move it to wednesday next week, after lunch?")]
    public async Task A_move_tries_the_own_provider_at_the_own_place_first(string text)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_seed", "sms", AvaPhone, "injectables consultation with alex at the marina wednesday at 2pm", "yes");
        await h.TalkAsync("sms_seed", "sms", AvaPhone, "yes");
        var booked = await h.BookedAsync();
        Assert.True(booked is [var seeded] && seeded.StaffId == "alex" && seeded.LocationId == "marina", h.Said);

        var reply = (await h.TalkAsync("sms_p1", "sms", AvaPhone, text))[^1];

        Assert.Contains("Alex", reply.Text ?? "", StringComparison.Ordinal);
        Assert.Contains("Marina", reply.Text ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("Mission", reply.Text ?? "", StringComparison.Ordinal);
        Assert.Single(await h.BookedAsync());
    }

    // 3. A name spelled in lower case where the number was asked is kept, and the name is not asked again.

    [Theory]
    [InlineData("linh", "n g u y e n and the number is four one five five five five oh nine seven five")]
    [InlineData("its linh", "last name n g u y e n, 415 555 0975")]
    public async Task A_name_spelled_in_lower_case_at_the_numbers_question_is_kept(string first, string spelled)
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("voice_n1", "voice", null, "swedish 60 friday morning", "first one", first, spelled, "yes");

        var booked = Assert.Single(await h.BookedAsync());
        var client = await h.Book.Get<ClientDirectory>().GetAsync(booked.ClientId, CancellationToken.None);
        Assert.Equal("Linh Nguyen", client?.Name);
        Assert.DoesNotContain(replies.Skip(3), r => (r.Text ?? "").Contains("name", StringComparison.OrdinalIgnoreCase));
    }

    // 4. Two people at one time: when only one provider can see them then, said before anything is booked.

    [Theory]
    [InlineData("can i book pedicures for me and my sister saturday at 11, same time?")]
    [InlineData("me and my mom want gel manicures on saturday at 10 together")]
    public async Task Two_people_at_a_time_only_one_can_be_seen_is_said_before_booking(string text)
    {
        await using var h = await AgentHarness.StartAsync(profile: FrontDesk.TestSupport.TestFiles.HarborProfile);

        var reply = (await h.TalkAsync("sms_t1", "sms", NoraPhone, text))[^1];

        Assert.Matches("(?i)only rosa|no one else|nobody else", reply.Text ?? "");
        Assert.False(AgentHarness.ReadBack([reply]), h.Said);
        Assert.Empty(await h.BookedAsync());
    }

    [Fact]
    public async Task Two_people_at_a_time_two_can_be_seen_is_not_said_to_be_impossible()
    {
        await using var h = await AgentHarness.StartAsync(profile: FrontDesk.TestSupport.TestFiles.HarborProfile);

        var reply = (await h.TalkAsync("sms_t2", "sms", NoraPhone, "me n my daughter want gel manis thurs at 3 together"))[^1];

        Assert.DoesNotMatch("(?i)only rosa|no one else|nobody else", reply.Text ?? "");
        // Round 30: both at once, offered as one time for the two.
        Assert.Matches("(?i)two of you at the same time", reply.Text ?? "");
    }

    [Fact]
    public async Task Two_people_in_spanish_with_mi_for_me_are_two_people()
    {
        await using var h = await AgentHarness.StartAsync(profile: FrontDesk.TestSupport.TestFiles.HarborProfile);

        var reply = (await h.TalkAsync("sms_t3", "sms", NoraPhone, "quiero dos manicuras de gel para mi y mi hija el jueves a las 4, al mismo tiempo"))[^1];

        Assert.Contains(reply.ToolCalls, c => c.Name == "check_availability");
        // Round 30: both at once, offered as one time for the two.
        Assert.Matches("(?i)dos personas a la misma hora", reply.Text ?? "");
    }

    // 5. Round 29's people. "start over" with the new request in the same message: the new one, nothing of the old kept.

    [Theory]
    [InlineData("ugh start over, i want a swedish 60 sunday instead", "swedish-60", "2026-11-29")]
    [InlineData("scratch that, can i do a hydrafacial friday instead", "hydrafacial", "2026-11-27")]
    [InlineData("olvídalo, mejor un masaje sueco de 60 el domingo", "swedish-60", "2026-11-29")]
    public async Task Start_over_with_a_new_request_searches_the_new_one(string text, string service, string day)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("web_s1", "web", AvaPhone, "signature facial saturday morning", "first one");

        var reply = (await h.TalkAsync("web_s1", "web", AvaPhone, text))[^1];

        Assert.Contains(reply.ToolCalls, c => c.Name == "check_availability");
        Assert.Empty(await h.BookedAsync());
        await h.TalkAsync("web_s1", "web", AvaPhone, "first one", "yes");
        var booked = await h.BookedLinesAsync();
        Assert.True(booked is [var one] && one.StartsWith(service, StringComparison.Ordinal) && one.Contains(day, StringComparison.Ordinal), h.Said);
    }

    [Theory]
    [InlineData("actually never mind")]
    [InlineData("forget it")]
    [InlineData("olvídalo, mejor no")]
    public async Task Never_mind_alone_books_nothing(string text)
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("sms_s2", "sms", BenPhone, "hydrafacial tuesday", "first one", text, "yes");

        Assert.Empty(await h.BookedAsync());
        Assert.False(AgentHarness.ReadBack(replies.Skip(2)), h.Said);
    }

    // The day of: held up on the way is news for the team, not off-topic.

    [Theory]
    [InlineData("stuck in traffic ugh, be there in like 15")]
    [InlineData("traffic is insane, there in 10")]
    [InlineData("be there in 5 min!")]
    public async Task Held_up_on_the_way_tells_the_team(string text)
    {
        await using var h = await AgentHarness.StartAsync();
        h.Book.Clock.Advance(TimeSpan.FromHours(1));
        await h.TalkAsync("sms_seed", "sms", AvaPhone, "signature facial today at 2pm", "yes", "yes");
        Assert.Single(await h.BookedAsync());

        var reply = (await h.TalkAsync("sms_l1", "sms", AvaPhone, text))[^1];

        Assert.DoesNotContain("only help", reply.Text ?? "", StringComparison.Ordinal);
        Assert.NotNull(reply.Escalation);
        Assert.Single(await h.BookedAsync());
    }

    // A client asking about their own appointment by its kind or time: their own list, from their own number.

    [Theory]
    [InlineData("did i book the 60 or the 90 for saturday?")]
    [InlineData("wait is my massage the 60 or 90 min one")]
    [InlineData("is my appt saturday at 10 or 11?")]
    public async Task A_question_about_ones_own_booking_lists_it(string text)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_seed", "sms", AvaPhone, "swedish 90 saturday at 10", "yes", "yes");
        Assert.Single(await h.BookedAsync());

        var reply = (await h.TalkAsync("sms_o1", "sms", AvaPhone, text))[^1];

        Assert.Contains(reply.ToolCalls, c => c.Name == "list_appointments");
        Assert.Contains("Swedish Massage (90 min)", reply.Text ?? "", StringComparison.Ordinal);
    }

    // "whens my facial?": the person's own appointment, looked up only for their proven number; never for a name typed on the web.

    [Theory]
    [InlineData("whens my facial?")]
    [InlineData("when is my hydrafacial again")]
    public async Task When_my_visit_is_asked_from_the_own_number_lists_it(string text)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_seed", "sms", BenPhone, "hydrafacial with priya tuesday at 4pm", "yes", "yes");
        Assert.Single(await h.BookedAsync());

        var reply = (await h.TalkAsync("sms_w1", "sms", BenPhone, text))[^1];

        Assert.Contains(reply.ToolCalls, c => c.Name == "list_appointments");
        Assert.Contains("HydraFacial", reply.Text ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_my_visit_is_asked_on_the_web_with_a_name_shows_nothing_of_it()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_seed", "sms", BenPhone, "hydrafacial with priya tuesday at 4pm", "yes", "yes");
        Assert.Single(await h.BookedAsync());

        var replies = await h.TalkAsync("web_w2", "web", null, "whens my facial? name is ben carter");

        Assert.DoesNotMatch("(?i)4 ?pm|priya|hydrafacial", replies[^1].Text ?? "");
        Assert.Null(replies[^1].Escalation);
    }

    // Abbreviations by text: "w sofia" is with Sofia, "aftn" the afternoon.

    [Theory]
    [InlineData("need a dermaplanning w sofia fri aftn")]
    [InlineData("dermaplaning w/ sofia friday afternoon")]
    public async Task With_a_provider_abbreviated_offers_only_them(string text)
    {
        await using var h = await AgentHarness.StartAsync();

        var reply = (await h.TalkAsync("sms_a1", "sms", "+14155550976", text))[^1];

        Assert.Contains("Sofia", reply.Text ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("Priya", reply.Text ?? "", StringComparison.Ordinal);
        Assert.DoesNotMatch("(?i)\\b(9|10|11)(:\\d\\d)? AM", reply.Text ?? "");
    }

    // "¿se puede cambiar para …?" with an appointment on file: a move, not a new booking.

    [Theory]
    [InlineData("¿se puede cambiar para el miércoles que viene en la tarde?")]
    [InlineData("can i change to next wednesday afternoon?")]
    public async Task A_change_to_a_day_with_no_object_is_a_move(string text)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_seed", "sms", BenPhone, "hydrafacial with priya tuesday at 4pm", "yes", "yes");
        Assert.Single(await h.BookedAsync());

        var reply = (await h.TalkAsync("sms_c1", "sms", BenPhone, text))[^1];

        Assert.Contains(reply.ToolCalls, c => c.Name == "check_availability");
        Assert.DoesNotMatch("(?i)which service|qué servicio", reply.Text ?? "");
    }
}
