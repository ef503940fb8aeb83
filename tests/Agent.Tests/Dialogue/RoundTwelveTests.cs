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

    [Fact]
    public async Task Are_you_a_bot_with_the_earliest_asked_discloses_and_takes_the_earliest_time()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("bot_1", "sms", "+14155550443", "swedish 60 sat");

        var reply = (await h.TalkAsync("bot_1", "sms", "+14155550443", "ugh are you a bot or what. just give me the earliest"))[0];

        Assert.Contains("AI", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.ToolCalls, c => c.Name == "book_appointment");
    }

    [Fact]
    public async Task Are_you_a_bot_alone_is_answered_with_the_disclosure_only()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("bot_2", "sms", "+14155550444", "swedish 60 sat");

        var reply = (await h.TalkAsync("bot_2", "sms", "+14155550444", "wait are you a bot?"))[0];

        Assert.Contains("AI", reply.Text, StringComparison.Ordinal);
        Assert.Empty(reply.ToolCalls);
    }

    [Fact]
    public async Task A_move_that_makes_it_the_90_books_the_90_and_cancels_the_60_only_on_a_yes()
    {
        await using var h = await AgentHarness.StartAsync();
        var profile = h.Book.Get<FrontDesk.Tools.Profile.SpaProfile>();
        var book = h.Book.Get<AppointmentBook>();
        var start = TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, 24, 10, 0, 0, DateTimeKind.Unspecified), profile.TimeZone);
        var service = profile.FindService("swedish-60")!;
        var tuesday = new Appointment
        {
            Id = "apt_r12_move", ClientId = "c-ava", ServiceId = "swedish-60", StaffId = "maya", LocationId = "mission", RoomId = "mission-massage-1",
            StartsAtUtc = start, EndsAtUtc = start.AddMinutes(60), BlockedUntilUtc = start.AddMinutes(60 + service.BufferMin), Status = AppointmentStatus.Booked,
            Channel = "test", CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
        };
        await book.InsertAsync(tuesday, new FrontDesk.Tools.Audit.Actor("staff", "test"), default);

        var replies = await h.TalkAsync("r12_move", "sms", "+14155551111", "hey can u move my tuesday massage to friday and make it the 90 min", "the first one");

        Assert.Contains("Swedish Massage (90 min)", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("cancel", replies[1].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(AppointmentStatus.Booked, (await book.GetAsync(tuesday.Id, default))!.Status);

        await h.TalkAsync("r12_move", "sms", "+14155551111", "yes");

        Assert.Equal(AppointmentStatus.Cancelled, (await book.GetAsync(tuesday.Id, default))!.Status);
        Assert.Contains(await book.ListForClientAsync("c-ava", DateTime.MinValue, default), a => a.ServiceId == "swedish-90" && a.Status == AppointmentStatus.Booked);
    }
}
