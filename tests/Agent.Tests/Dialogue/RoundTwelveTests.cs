using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Screening;
using FrontDesk.Agent.Tests.Conversations;
using FrontDesk.Agent.Understanding;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Booking;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Dialogue;

/// <summary>
/// Issue 12, round 12: round 11's known issues (a move that also changes the service, the part of day after "to" in a move
/// put as a question, "are you a bot … just give me the earliest", a comparison of two listed prices) and round 12's
/// people (tests/scenarios/people-round12.yaml). Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundTwelveTests
{
    private static readonly SafetyScreen Screen = new(Demo, EscalationRules.Load(Path.Combine(TestFiles.Prompts, "escalation.yaml")));

    [Fact]
    public void A_move_that_makes_it_another_length_reads_the_length_apart_from_the_appointment_moved()
    {
        var u = Engine.Understand("hey can u move my tuesday massage to friday and make it the 90 min", History(new DialogueState()));

        Assert.Equal(Intent.Reschedule, u.Intent);
        Assert.Equal(new DateOnly(2026, 11, 27), u.Date?.Range.Start);
        Assert.Equal(new DateOnly(2026, 11, 24), u.MoveFrom?.Start);
        Assert.Equal(90, u.ChangeServiceTo?.Minutes);
        // "my tuesday massage" names the appointment; the 90 is what it becomes, not which one it is.
        Assert.NotEqual("swedish-90", u.Services.Kind == ServiceMatchKind.Confident ? u.Services.Service!.Id : null);
    }

    [Fact]
    public void A_move_that_makes_it_another_service_names_that_service_as_the_change()
    {
        var u = Engine.Understand("can you move my facial on wednesday to saturday and make it a hydrafacial instead", History(new DialogueState()));

        Assert.Equal(Intent.Reschedule, u.Intent);
        Assert.Equal("hydrafacial", u.ChangeServiceTo?.Services.Service?.Id);
        // "my facial" names the appointment (any facial), not the HydraFacial it becomes.
        Assert.NotEqual(ServiceMatchKind.Confident, u.Services.Kind);
    }

    [Fact]
    public void Make_it_an_hour_later_is_a_shift_not_a_change_of_service()
    {
        var u = Engine.Understand("can we make it an hour later", History(new DialogueState()));

        Assert.Null(u.ChangeServiceTo);
        Assert.Equal(60, u.ShiftMinutes);
    }

    [Theory]
    [InlineData(null, 90, "swedish-60", "swedish-90")]
    [InlineData("hydrafacial", null, "signature-facial", "hydrafacial")]
    [InlineData(null, 60, "swedish-60", null)]
    [InlineData(null, 120, "swedish-60", null)]
    public void The_service_a_move_makes_it_is_read_against_the_appointments_service(string? named, int? minutes, string current, string? expected)
    {
        var state = new DialogueState { ChangeServiceTo = named is null ? [] : [named], ChangeMinutes = minutes };

        Assert.Equal(expected, DialogueTracker.NewServiceForMove(state, Demo, Demo.FindService(current)!)?.Id);
    }

    [Fact]
    public void A_move_put_as_a_question_keeps_the_part_of_day_after_to_and_the_provider()
    {
        var u = Engine.Understand("hi, can you push my massage tomorrow to the afternoon, same day, and with Jordan if he's free", History(new DialogueState()));

        Assert.Equal(Intent.Reschedule, u.Intent);
        Assert.Equal(new TimeOnly(12, 0), u.Time?.From);
        Assert.Equal("jordan", u.Staff.Person?.Id);
        Assert.True(u.SameDay);
    }

    [Fact]
    public void A_spanish_move_put_as_a_question_keeps_the_day_it_goes_to_and_the_length()
    {
        var u = Engine.Understand("hola, mi masaje del martes me lo puede pasar al sabado y que sea de 90 min?", History(new DialogueState { Language = "es" }), "es");

        Assert.Equal(Intent.Reschedule, u.Intent);
        Assert.Equal(new DateOnly(2026, 11, 28), u.Date?.Range.Start);
        Assert.Equal(90, u.ChangeServiceTo?.Minutes);
    }

    [Theory]
    [InlineData("hmm actually maybe dermaplaning instead, is that cheaper?")]
    [InlineData("is dermaplaning cheaper")]
    [InlineData("which one is cheaper, the hydrafacial or the signature facial")]
    public void Comparing_listed_prices_is_not_a_request_for_a_lower_price(string text)
    {
        Assert.NotEqual("pricing", Screen.ScreenInbound(text).Category?.Name);
        Assert.True(ReplyCues.Read(text).ComparesPrice);
    }

    [Theory]
    [InlineData("can you do it any cheaper")]
    [InlineData("is there a cheaper option than a hydrafacial")]
    [InlineData("could you make that a bit cheaper for me")]
    public void Asking_for_a_lower_price_still_goes_to_a_manager(string text) =>
        Assert.Equal("pricing", Screen.ScreenInbound(text).Category?.Name);

    [Fact]
    public async Task Another_service_compared_at_an_offer_is_searched_with_both_listed_prices_to_say()
    {
        var (message, state) = await AnswerAsync(Offering(), "hmm actually maybe dermaplaning instead, is that cheaper?");

        var call = Assert.Single(message.Contents.OfType<Microsoft.Extensions.AI.FunctionCallContent>());
        Assert.Equal("check_availability", call.Name);
        Assert.Equal("dermaplaning", call.Arguments!["service"]?.ToString());
        Assert.True(state.SayPrice);
        Assert.Equal("hydrafacial", state.PriceComparedWith);
    }

    [Theory]
    [InlineData("ugh are you a bot or what. just give me the earliest", true)]
    [InlineData("wait are you a bot?", false)]
    public async Task Are_you_a_bot_is_always_answered_with_the_disclosure_and_a_request_beside_it_is_taken_up(string text, bool picks)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("bot", "sms", "+14155550443", "swedish 60 sat");

        var reply = (await h.TalkAsync("bot", "sms", "+14155550443", text))[0];

        Assert.Contains("AI", reply.Text, StringComparison.Ordinal);
        Assert.Equal(picks, reply.ToolCalls.Any(c => c.Name == "book_appointment"));
    }

    [Fact]
    public async Task A_move_that_makes_it_the_90_books_the_90_and_cancels_the_60_only_on_a_yes()
    {
        await using var h = await AgentHarness.StartAsync();
        var book = h.Book.Get<AppointmentBook>();
        var tuesday = await SeedAsync(book, h.Book.Get<FrontDesk.Tools.Profile.SpaProfile>(), "apt_r12_move", "swedish-60", "maya", "mission-massage-1", new DateTime(2026, 11, 24, 10, 0, 0));

        var replies = await h.TalkAsync("r12_move", "sms", "+14155551111", "hey can u move my tuesday massage to friday and make it the 90 min", "the first one");

        Assert.Contains("Swedish Massage (90 min)", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("cancel", replies[1].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(AppointmentStatus.Booked, (await book.GetAsync(tuesday.Id, default))!.Status);

        await h.TalkAsync("r12_move", "sms", "+14155551111", "yes");

        Assert.Equal(AppointmentStatus.Cancelled, (await book.GetAsync(tuesday.Id, default))!.Status);
        Assert.Contains(await book.ListForClientAsync("c-ava", DateTime.MinValue, default), a => a.ServiceId == "swedish-90" && a.Status == AppointmentStatus.Booked);
    }

    [Theory]
    [InlineData("not maya pls, someone else")]
    [InlineData("no jordan please, someone else")]
    public void Someone_else_after_a_provider_not_wanted_is_not_a_question_about_another_person(string text) =>
        Assert.Null(Screen.ScreenInbound(text).Category);

    [Theory]
    [InlineData("Sue Yi 4155550533")]
    [InlineData("this is Sue")]
    public void A_client_named_sue_is_not_a_lawsuit(string text) => Assert.Null(Screen.ScreenInbound(text).Category);

    [Theory]
    [InlineData("i'll sue you")]
    [InlineData("im going to sue the spa")]
    public void Sue_the_verb_still_goes_to_a_manager(string text) => Assert.Equal("sensitive", Screen.ScreenInbound(text).Category?.Name);

    [Theory]
    [InlineData("pls cancel the facial one, keep the massage")]
    [InlineData("can you cancel my massage")]
    public void A_plain_cancellation_of_ones_own_appointment_is_a_cancel(string text) =>
        Assert.Equal(Intent.Cancel, Engine.Understand(text, History(new DialogueState())).Intent);

    [Theory]
    [InlineData("um, yeah, do you have a, uh, hydrafacial on tuesday at, uh, two thirty", "do you have a, uh, hydrafacial on tuesday at two thirty")]
    [InlineData("two thirty's good", "two thirty is good")]
    [InlineData("the 4pm's fine", "the 4pm is fine")]
    [InlineData("it's Jen, uh, Jennifer Lowe actually", "it's Jen, uh, Jennifer Lowe actually")]
    public void Fillers_before_a_spoken_time_and_a_time_said_with_s_read_as_meant(string text, string expected) =>
        Assert.EndsWith(expected, TextNormalizer.Normalize(text), StringComparison.Ordinal);

    [Fact]
    public void Two_thirty_said_with_a_filler_on_a_call_is_half_past_two_in_the_afternoon()
    {
        var u = Engine.Understand("um, yeah, do you have a, uh, hydrafacial on tuesday at, uh, two thirty", History(new DialogueState()));

        Assert.Equal(new TimeOnly(14, 30), u.Time?.Exact);
    }

    [Theory]
    [InlineData("can u push my friday massage back 30 min", 30)]
    [InlineData("can we do the same time next week instead for my facial", 7 * 24 * 60)]
    public void A_move_said_relative_to_the_appointment_is_a_shift(string text, int minutes) =>
        Assert.Equal(minutes, Engine.Understand(text, History(new DialogueState())).ShiftMinutes);

    [Fact]
    public void Switch_my_massage_to_a_deep_tissue_is_a_change_of_service()
    {
        var u = Engine.Understand("switch my friday massage to a deep tissue, same time if possible", History(new DialogueState()));

        Assert.Equal("deep-tissue-60", u.ChangeServiceTo?.Services.Service?.Id);
        Assert.Equal(Intent.Reschedule, u.Intent);
    }

    [Theory]
    [InlineData("Jo March here, 415 555 0507, want a deep tissue next tues around 2", "Jo March")]
    [InlineData("at 11 on saturday, a hydrafacial, for Bea Lund, number 415-555-0508", "Bea Lund")]
    public void A_name_said_with_here_or_for_beside_the_number_is_kept(string text, string name) =>
        Assert.Equal(name, Engine.Understand(text, History(new DialogueState())).Name);

    [Fact]
    public async Task Cancel_the_second_one_before_the_list_cancels_the_second_after_a_read_back()
    {
        await using var h = await AgentHarness.StartAsync();
        var profile = h.Book.Get<FrontDesk.Tools.Profile.SpaProfile>();
        var book = h.Book.Get<AppointmentBook>();
        var first = await SeedAsync(book, profile, "apt_r12_first", "hydrafacial", "priya", "mission-facial-1", new DateTime(2026, 11, 25, 10, 0, 0));
        var second = await SeedAsync(book, profile, "apt_r12_second", "swedish-60", "maya", "mission-massage-1", new DateTime(2026, 11, 27, 14, 0, 0));

        var asked = await h.TalkAsync("r12_second", "voice", "+14155551111", "i've got two appointments coming up, can you cancel the second one");

        Assert.Contains(asked[0].ToolCalls, c => c.Name == "cancel_appointment" && c.Outcome == "needs_confirmation");
        Assert.Equal(AppointmentStatus.Booked, (await book.GetAsync(second.Id, default))!.Status);
        await h.TalkAsync("r12_second", "voice", "+14155551111", "yes");
        Assert.Equal(AppointmentStatus.Cancelled, (await book.GetAsync(second.Id, default))!.Status);
        Assert.Equal(AppointmentStatus.Booked, (await book.GetAsync(first.Id, default))!.Status);
    }

    [Fact]
    public async Task A_pregnant_person_asking_for_a_prenatal_massage_in_spanish_is_offered_times_not_escalated()
    {
        await using var h = await AgentHarness.StartAsync();

        var reply = (await h.TalkAsync("r12_prenatal", "sms", "+14155550546", "hola, estoy embarazada de 5 meses, tienen masaje prenatal el martes?"))[0];

        Assert.Null(reply.Escalation);
        Assert.Contains(reply.ToolCalls, c => c.Name == "check_availability" && c.Outcome == "ok");
    }

    private static async Task<Appointment> SeedAsync(AppointmentBook book, FrontDesk.Tools.Profile.SpaProfile profile, string id, string serviceId, string staff, string room, DateTime local)
    {
        var start = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), profile.TimeZone);
        var service = profile.FindService(serviceId)!;
        var appointment = new Appointment
        {
            Id = id, ClientId = "c-ava", ServiceId = serviceId, StaffId = staff, RoomId = room,
            LocationId = profile.Locations.First(l => l.Rooms.Any(r => r.Id == room)).Id,
            StartsAtUtc = start, EndsAtUtc = start.AddMinutes(service.DurationMin), BlockedUntilUtc = start.AddMinutes(service.DurationMin + service.BufferMin),
            Status = AppointmentStatus.Booked, Channel = "test", CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
        };
        await book.InsertAsync(appointment, new FrontDesk.Tools.Audit.Actor("staff", "test"), default);
        return appointment;
    }

    [Fact]
    public void Another_service_at_a_read_back_said_with_same_time_keeps_the_time_read_back_to_read_back_again()
    {
        var state = Offering();
        state.ChosenSlotId = "s10";
        state.PendingTool = "book_appointment";
        state.PendingArgs = "{}";
        state.ReadBack = "HydraFacial with Priya Patel on Wednesday at 10 AM";
        state.Asked = AgentQuestion.Confirmation;

        var (reading, rule) = Step(state, "um actually, make it a signature facial instead, same time");

        Assert.Equal(ReadBackAnswer.Corrected, reading.ReadBack);
        Assert.Equal(PolicyAction.SearchAgain, rule.Then);
        Assert.Equal("signature-facial", state.ServiceId);
        Assert.Equal("10:00", state.Near);
        Assert.True(state.TakeAskedTime);
    }
}
