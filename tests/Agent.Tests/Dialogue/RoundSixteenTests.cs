using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Tests.Conversations;
using FrontDesk.Agent.Understanding;
using FrontDesk.Tools.Faq;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Dialogue;

/// <summary>
/// Issue 12, round 16: round 15's known issues, a stale expectation of round 7, and round 16's people
/// (tests/scenarios/people-round15.yaml, people-round7.yaml, people-round16.yaml). Demo profile, Monday 2026-11-23 08:00
/// Los Angeles.
/// </summary>
public sealed class RoundSixteenTests
{
    private static readonly FaqWords DemoFaqWords = new(Demo);

    // Round 15's known issues and round 7's payment question.

    [Fact]
    public void Chat_words_for_you_and_vague_fillers_are_no_key_words_of_a_question()
    {
        Assert.Equal(["expect", "tip"], FaqIndex.KeyTerms("do u guys expect tips?"));
        Assert.Equal(["packag", "monthly"], FaqIndex.KeyTerms("do u have packages or like a monthly thing"));
        Assert.Equal(["take", "credit", "card"], FaqIndex.KeyTerms("do you guys take credit cards"));
    }

    [Theory]
    [InlineData("do u guys expect tips?")]
    [InlineData("do u have packages or like a monthly thing")]
    [InlineData("do you guys take credit cards")]
    public void The_faqs_own_entries_cover_these_questions_word_for_word(string question) =>
        Assert.True(DemoFaqWords.Answers(question));

    [Theory]
    [InlineData("what's the weather like tomorrow")]
    [InlineData("tips?")]
    [InlineData("do you guys have a dog")]
    public void Questions_the_faqs_entries_do_not_cover_are_not_covered(string question) =>
        Assert.False(DemoFaqWords.Answers(question));

    [Fact]
    public async Task Tips_asked_at_an_offer_are_answered_and_the_offer_stands()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("sms_r16_tips", "sms", "+14155550802", "swedish 60 sat morning pls", "do u guys expect tips?", "2nd one", "Noor Haddad", "yes");

        Assert.Contains("Gratuity is welcome", replies[1].Text, StringComparison.Ordinal);
        Assert.Contains("Which time shall I book", replies[1].Text, StringComparison.Ordinal);
        var booked = h.One(await h.BookedAsync());
        Assert.Equal("swedish-60", booked.ServiceId);
        Assert.Empty(await h.EscalationsAsync());
    }

    [Fact]
    public async Task Credit_cards_asked_at_an_offer_are_answered_from_the_payment_entry_not_the_team()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("voice_r16_cards", "voice", "+14155557405", "book a deep tissue massage tomorrow afternoon", "do you guys take credit cards");

        Assert.Contains("credit cards", replies[1].Text, StringComparison.Ordinal);
        Assert.Contains("Which time shall I book", replies[1].Text, StringComparison.Ordinal);
        Assert.Empty(await h.EscalationsAsync());
    }

    [Fact]
    public async Task Packages_or_a_monthly_thing_is_the_membership_entry()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("web_r16_packages", "web", null, "do u have packages or like a monthly thing");

        Assert.Contains("Glow membership", replies[0].Text, StringComparison.Ordinal);
        Assert.Empty(await h.EscalationsAsync());
    }

    [Fact]
    public void An_hours_question_from_its_first_words_is_read_as_only_that()
    {
        Assert.True(ReplyCues.Read("r u guys open on thanksgiving").AsksOnlyHours);
        Assert.True(ReplyCues.Read("what are your hours saturday?").AsksOnlyHours);
        Assert.False(ReplyCues.Read("is there parking close to you on saturday").AsksOnlyHours);
    }

    [Fact]
    public async Task Open_on_a_holiday_is_answered_from_the_calendar_its_date_is_closed()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("web_r16_thanksgiving", "web", null, "r u guys open on thanksgiving");

        Assert.Contains("closed", replies[0].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await h.EscalationsAsync());
    }

    [Theory]
    [InlineData("it's dana d a n a, dana whitfield", "Dana Whitfield")]
    [InlineData("its d-a-n-a whitfield", "Dana Whitfield")]
    public void A_name_spelled_out_as_a_transcriber_writes_it_is_the_name(string text, string name) =>
        Assert.Equal(name, ContactExtractor.Extract(text, expectingName: true).Name);

    [Fact]
    public void Letters_are_not_read_as_a_name_when_no_name_is_asked() =>
        Assert.Null(ContactExtractor.Extract("it's dana d a n a, dana whitfield").Name);

    [Fact]
    public async Task A_spelled_name_on_a_call_books_under_that_name()
    {
        await using var h = await AgentHarness.StartAsync();

        await h.TalkAsync("voice_r16_dana", "voice", "+14155550810", "hi i want to book a dermaplaning friday morning", "the first one",
            "it's dana d a n a, dana whitfield", "yes");

        var booked = h.One(await h.BookedAsync());
        Assert.Equal("dermaplaning", booked.ServiceId);
        Assert.Empty(await h.EscalationsAsync());
    }

    // Round 16's people.

    [Theory]
    [InlineData("hubby and i want massages saturday")]
    [InlineData("wife and me need a swedish sunday")]
    public void A_partner_and_i_without_my_is_two_people(string text) =>
        Assert.True(ReplyCues.Read(text).WithOthers);

    [Theory]
    [InlineData("hi um i booked online last night and never got a text, did it actually go through")]
    [InlineData("did my booking go through?")]
    [InlineData("what time is my appointment on friday")]
    public void Whether_a_booking_went_through_or_its_time_is_the_persons_appointments(string text) =>
        Assert.Equal(Intent.MyAppointments, Engine.Understand(text, History(new DialogueState())).Intent);

    [Fact]
    public void Spanish_what_time_is_my_appointment_is_the_persons_appointments()
    {
        var spanish = new DialogueState { Language = "es" };
        Assert.Equal(Intent.MyAppointments, Engine.Understand("a q hora era mi cita del viernes? no me acuerdo", History(spanish), "es").Intent);
    }

    [Theory]
    [InlineData("stuck on the bay bridge, prob gonna be 10ish min late to my 2pm")]
    [InlineData("on the freeway, running 5 min late for my 10:30")]
    public void Late_to_ones_own_time_from_somewhere_on_the_way_is_about_the_visit(string text) =>
        Assert.Contains("late", VisitQuestion.Topics(text));

    [Fact]
    public void Late_for_work_is_still_elsewhere() =>
        Assert.Empty(VisitQuestion.Topics("im gonna be late for work"));

    [Fact]
    public void Half_past_three_asked_for_at_an_offer_is_a_time_not_a_question()
    {
        var u = Engine.Understand("do you have half past three", History(Offering()));

        Assert.NotEqual(Intent.Faq, u.Intent);
        Assert.Equal(new TimeOnly(15, 30), u.Time?.Exact);
    }

    [Fact]
    public void An_add_on_to_a_booked_treatment_is_a_question_not_a_booking()
    {
        var u = Engine.Understand("can u add a scalp massage onto my facial tmrw?", History(new DialogueState()));

        Assert.Equal(Intent.Faq, u.Intent);
        Assert.Equal(ServiceMatchKind.None, u.Services.Kind);
        Assert.Null(u.Date);
    }

    [Fact]
    public async Task An_add_on_goes_to_the_team_and_nothing_is_booked()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("sms_r16_addon", "sms", "+14155551640", "can u add a scalp massage onto my facial tmrw?");

        Assert.DoesNotContain("prenatal", replies[0].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await h.BookedAsync());
        Assert.Contains(await h.EscalationsAsync(), e => e.Category == "human_request");
    }

    [Fact]
    public void That_day_after_a_day_said_in_the_same_message_is_that_day_not_an_appointments()
    {
        var spanish = new DialogueState { Language = "es" };
        var u = Engine.Understand("xfa me dicen si abren el domingo y si tienen masaje ese dia", History(spanish), "es");

        Assert.False(u.SameDay);
        Assert.NotEqual(Intent.Reschedule, u.Intent);
        Assert.Equal(new DateOnly(2026, 11, 29), u.Date?.Range.Start);
    }

    [Fact]
    public void Another_length_with_another_day_and_provider_at_a_read_back_changes_all_three()
    {
        var state = new DialogueState
        {
            Task = DialogueTask.Book,
            ServiceId = "swedish-60",
            DateStart = "2026-11-27",
            DateEnd = "2026-11-27",
            StaffId = "maya",
            Asked = AgentQuestion.Confirmation,
            PendingTool = "book_appointment",
            ReadBack = "Swedish Massage (60 min) with Maya Chen on Friday, November 27 at 10 AM",
            ChosenSlotId = "s10",
            Offered = [new Offer("s10", "2026-11-27", "10:00", "Maya Chen", "Friday at 10 AM with Maya")],
        };

        var (reading, rule) = Step(state, "actually make it a 90 min with someone else on sunday");

        Assert.Equal(ReadBackAnswer.Corrected, reading.ReadBack);
        Assert.Equal(PolicyAction.SearchAgain, rule.Then);
        Assert.Equal("swedish-90", state.ServiceId);
        Assert.Equal("2026-11-29", state.DateStart);
    }

    [Theory]
    [InlineData("is the $95 one available tomorrow? the face one", 95)]
    [InlineData("can i get the 140 dollar one friday", 140)]
    public void A_service_pointed_at_by_its_price_is_read(string text, int amount) =>
        Assert.Equal(amount, ReplyCues.Read(text).PriceSaid);

    [Theory]
    [InlineData("i have a $95 gift card")]
    [InlineData("anything under $100?")]
    public void An_amount_that_points_at_no_service_is_no_price_said(string text) =>
        Assert.Null(ReplyCues.Read(text).PriceSaid);

    [Fact]
    public void The_one_service_with_the_price_said_is_the_service()
    {
        var (reading, _) = Step(new DialogueState(), "is the $95 one available tomorrow? the face one");

        Assert.Equal("dermaplaning", reading.U.Services.Service?.Id);
    }

    [Fact]
    public async Task A_third_question_beside_a_price_and_a_day_is_answered_before_them()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("web_r16_three", "web", null, "how much is a signature facial and do you have anything saturday and where do i park");

        Assert.Contains("parking", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("$140", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("Saturday, November 28", replies[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("do i have to put down a deposit for lip filler?", "do you require a deposit or card on file?")]
    [InlineData("is there a deposit for botox", "do you require a deposit or card on file?")]
    public void A_deposit_asked_for_a_service_is_the_deposit_question(string question, string head) =>
        Assert.Equal(head, PaymentQuestion.DepositHead(question));

    [Theory]
    [InlineData("my mom uses a wheelchair, is the marina location ok for her?")]
    [InlineData("mi papa va en silla de ruedas, pueden atenderlo?")]
    [InlineData("can my dad get in with a walker")]
    public void Getting_in_with_a_mobility_aid_is_the_accessibility_question(string question) =>
        Assert.Equal("are you wheelchair accessible?", AccessQuestion.Head(question));

    [Fact]
    public void A_wheelchair_question_is_covered_by_the_faqs_accessibility_entry() =>
        Assert.True(DemoFaqWords.Answers("my mom uses a wheelchair, is the marina location ok for her?"));

    [Fact]
    public async Task A_deposit_for_a_service_is_answered_from_the_deposit_policy_not_the_service()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("web_r16_deposit", "web", null, "do i have to put down a deposit for lip filler?");

        Assert.Contains("card on file", replies[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hyaluronic", replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wheelchair_asked_about_for_someone_else_is_the_accessibility_answer()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("web_r16_wheelchair", "web", null, "my mom uses a wheelchair, is the marina location ok for her?");

        Assert.Contains("step-free", replies[0].Text, StringComparison.Ordinal);
        Assert.Empty(await h.EscalationsAsync());
    }

    [Fact]
    public void A_time_in_the_reason_for_a_time_is_not_the_time_asked_for()
    {
        var u = Engine.Understand("i think i deserve a hydrafacial lol. wednesday works best, ideally after 3 because i get off at 2:30", History(new DialogueState()));

        Assert.Equal(TimePreferenceKind.Window, u.Time?.Kind);
        Assert.Equal(new TimeOnly(15, 0), u.Time?.From);
    }

    [Fact]
    public void A_time_alone_in_a_reason_is_still_the_time() =>
        Assert.Equal(new TimeOnly(14, 30), Engine.Understand("a hydrafacial wednesday because i get off at 2:30", History(new DialogueState())).Time?.Exact);
}
