using System.Globalization;
using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Understanding;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Issue 12, round 24: round 23's known issue and two known limits (a length, option, time or service given as a second
/// thought; a Spanish move's target day; "same time next friday?" with neither a booking nor a move word), then round 24's
/// people (tests/scenarios/people-round24.yaml). Written before the code. Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundTwentyFourTests
{
    private const string AvaPhone = "+14155551111";
    private const string BenPhone = "+14155552222";

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "(none)";

    private static Utterance Spanish(string text, DialogueState? state = null) =>
        Engine.Understand(text, History(state ?? new DialogueState { Language = "es" }), "es");

    // 1. A second thought replaces the first, wherever it comes: in the same message, on a second line, or the next turn.

    [Theory]
    [InlineData("quiero un masaje sueco de 60 el viernes\nperdón, de 90", "es")]
    [InlineData("quiero un masaje sueco de 60 el viernes... no perdón, mejor de 90", "es")]
    [InlineData("can i get a 60 min swedish friday\nsorry, 90 min", "en")]
    [InlineData("swedish massage 60 minutes on friday, oops i meant 90", "en")]
    public void A_length_given_as_a_second_thought_replaces_the_first(string text, string language)
    {
        var u = Engine.Understand(text, History(new DialogueState { Language = language }), language);

        Assert.Equal("swedish-90", u.Services.Service?.Id);
        Assert.Equal("2026-11-27", Day(u.Date?.Range.Start));
    }

    // A second thought that asks, adds, or says a number about something else changes nothing.
    [Theory]
    [InlineData("60 min swedish friday, sorry is the 90 worth the extra?")]
    [InlineData("60 min swedish on friday, sorry i only have like 90 min for lunch")]
    [InlineData("a 60 min swedish friday.. actually also a hydrafacial")]
    public void A_second_thought_that_asks_or_adds_keeps_the_length(string text)
    {
        var u = Engine.Understand(text);

        Assert.Contains(u.Services.Services, x => x.Id == "swedish-60");
        Assert.DoesNotContain(u.Services.Services, x => x.Id == "swedish-90");
    }

    [Fact]
    public void A_question_about_another_service_after_sorry_does_not_replace_the_first()
    {
        var u = Engine.Understand("a swedish massage saturday, sorry, is the deep tissue better for back pain?");

        Assert.NotEqual("deep-tissue-60", u.Services.Service?.Id);
    }

    [Theory]
    [InlineData("hydrafacial wednesday at 2pm.. oops 3pm not 2pm")]
    [InlineData("hydrafacial wednesday at 2\nsorry i meant 3")]
    public void A_time_given_as_a_second_thought_replaces_the_first(string text)
    {
        var u = Engine.Understand(text);

        Assert.Equal(new TimeOnly(15, 0), u.Time?.Exact);
    }

    [Fact]
    public void A_service_given_as_a_second_thought_replaces_the_first()
    {
        var u = Engine.Understand("a swedish massage saturday, no wait i meant the deep tissue");

        Assert.Equal("deep-tissue-60", u.Services.Service?.Id);
    }

    [Fact]
    public async Task Two_lines_sent_together_book_the_corrected_length()
    {
        await using var h = await AgentHarness.StartAsync();

        await h.TalkAsync("web_l1", "web", BenPhone, "quiero un masaje sueco de 60 el viernes\nperdón, de 90", "la primera", "si");

        Assert.Equal("swedish-90", h.One(await h.BookedAsync()).ServiceId);
    }

    [Fact]
    public async Task A_length_corrected_the_turn_after_the_offer_searches_and_books_the_corrected_one()
    {
        await using var h = await AgentHarness.StartAsync();

        var offer = (await h.TalkAsync("sms_l2", "sms", AvaPhone, "60 min swedish friday morning pls"))[^1];
        Assert.Contains(offer.ToolCalls, c => c.Name == "check_availability");
        await h.TalkAsync("sms_l2", "sms", AvaPhone, "sorry, 90 min", "first one", "yes");

        Assert.Equal("swedish-90", h.One(await h.BookedAsync()).ServiceId);
    }

    [Fact]
    public async Task A_length_corrected_at_the_read_back_is_read_back_again_before_anything_is_booked()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_l3", "sms", AvaPhone, "60 min swedish friday morning pls", "first one");

        var again = (await h.TalkAsync("sms_l3", "sms", AvaPhone, "oh wait, make it the 90 min"))[^1];
        Assert.Empty(await h.BookedAsync());
        Assert.DoesNotContain(again.ToolCalls, c => c.Name == "book_appointment" && c.Outcome == "ok");

        await h.TalkAsync("sms_l3", "sms", AvaPhone, "first one", "yes");
        Assert.Equal("swedish-90", h.One(await h.BookedAsync()).ServiceId);
    }

    [Fact]
    public async Task A_time_corrected_in_the_same_text_books_the_corrected_time()
    {
        await using var h = await AgentHarness.StartAsync();

        await h.TalkAsync("sms_l4", "sms", AvaPhone, "hydrafacial wednesday at 2pm.. oops 3pm not 2pm", "yes", "yes");

        Assert.Equal(["hydrafacial 2026-11-25 15:00"], await h.BookedLinesAsync(withStaff: false));
    }

    // 2. A Spanish move's target: "al viernes", "para el viernes", "a el jueves" after a move verb is where it goes, even when
    // the appointment's day was said first.

    [Theory]
    [InlineData("tengo un facial el martes, muévela al viernes a la misma hora", "2026-11-27")]
    [InlineData("hola, tengo un facial el martes. muévela al viernes a la misma hora porfa", "2026-11-27")]
    [InlineData("tengo cita el martes, me la puedes pasar para el viernes?", "2026-11-27")]
    [InlineData("el facial del martes, cámbiala a el sábado porfa", "2026-11-28")]
    [InlineData("tengo un facial el martes... muévemela al viernes", "2026-11-27")]
    [InlineData("tengo facial el martes, pásala al sábado en la mañana", "2026-11-28")]
    [InlineData("tengo una cita el martes, recórrela al miércoles", "2026-11-25")]
    [InlineData("mi facial es el martes, mueve la cita para el viernes", "2026-11-27")]
    public void A_spanish_move_reads_the_day_it_goes_to(string text, string target)
    {
        var u = Spanish(text);

        Assert.Equal(target, Day(u.Date?.Range.Start));
        Assert.Equal("2026-11-24", Day(u.MoveFrom?.Start));
    }

    [Fact]
    public void The_english_move_still_reads_the_day_it_goes_to()
    {
        var u = Engine.Understand("i have a facial tuesday. move it to friday same time");

        Assert.Equal("2026-11-27", Day(u.Date?.Range.Start));
    }

    [Fact]
    public async Task Tengo_un_facial_el_martes_muevela_al_viernes_moves_it_to_friday()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_s1", "sms", BenPhone, "signature facial with priya tuesday at 10", "the 10 am", "yes");

        var readBack = (await h.TalkAsync("sms_s2", "sms", BenPhone, "hola, tengo un facial el martes. muévela al viernes a la misma hora porfa"))[^1];
        Assert.Contains(readBack.ToolCalls, c => c.Name == "reschedule_appointment" && c.Outcome == "needs_confirmation");

        await h.TalkAsync("sms_s2", "sms", BenPhone, "sí");
        Assert.Equal(["signature-facial 2026-11-27 10:00"], await h.BookedLinesAsync(withStaff: false));
    }

    // 3. "same time next friday?" right after a booking, with neither a booking word nor a move word: asked, never moved.

    [Fact]
    public async Task Same_time_next_friday_with_no_booking_or_move_word_is_asked_and_nothing_changes()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_q1", "sms", AvaPhone, "60 min swedish massage friday at 10", "the 10", "yes");

        var asked = (await h.TalkAsync("sms_q1", "sms", AvaPhone, "same time next friday?"))[^1];

        Assert.DoesNotContain(asked.ToolCalls, c => c.Name is "reschedule_appointment" or "book_appointment");
        Assert.Contains("move", asked.Text ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Contains("another", asked.Text ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["swedish-60 2026-11-27 10:00"], await h.BookedLinesAsync(withStaff: false));

        // A yes to that either/or question is no choice: nothing moves or is booked.
        await h.TalkAsync("sms_q1", "sms", AvaPhone, "yes");
        Assert.Equal(["swedish-60 2026-11-27 10:00"], await h.BookedLinesAsync(withStaff: false));
    }

    [Fact]
    public async Task Another_one_after_the_question_books_a_second_on_its_yes()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_q2", "sms", AvaPhone, "60 min swedish massage friday at 10", "the 10", "yes");

        await h.TalkAsync("sms_q2", "sms", AvaPhone, "same time next friday?", "book another one", "yes");

        Assert.Equal(["swedish-60 2026-11-27 10:00", "swedish-60 2026-12-04 10:00"], await h.BookedLinesAsync(withStaff: false));
    }

    [Fact]
    public async Task Move_it_after_the_question_moves_it_on_its_yes()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_q3", "sms", AvaPhone, "60 min swedish massage friday at 10", "the 10", "yes");

        await h.TalkAsync("sms_q3", "sms", AvaPhone, "same time next friday?", "move it", "yes");

        Assert.Equal(["swedish-60 2026-12-04 10:00"], await h.BookedLinesAsync(withStaff: false));
    }

    [Theory]
    [InlineData("same time next friday too")]
    [InlineData("another one same time next friday")]
    public async Task Same_time_next_friday_with_an_addition_word_is_a_second_booking(string text)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_q4", "sms", AvaPhone, "60 min swedish massage friday at 10", "the 10", "yes");

        var readBack = (await h.TalkAsync("sms_q4", "sms", AvaPhone, text))[^1];
        Assert.Contains(readBack.ToolCalls, c => c.Name == "book_appointment" && c.Outcome == "needs_confirmation");
    }

    [Fact]
    public void Same_time_next_friday_alone_is_neither_again_nor_a_move()
    {
        var u = Engine.Understand("same time next friday?");

        Assert.False(u.Cues.SameAgain);
        Assert.True(u.Cues.SameTimeUnclear);
    }

    [Fact]
    public async Task A_la_misma_hora_el_proximo_viernes_after_a_booking_is_asked_in_spanish()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_q5", "sms", BenPhone, "quiero un masaje sueco de 60 el viernes a las 10", "la de las 10", "sí");

        var asked = (await h.TalkAsync("sms_q5", "sms", BenPhone, "¿y a la misma hora el próximo viernes?"))[^1];

        Assert.DoesNotContain(asked.ToolCalls, c => c.Name is "reschedule_appointment" or "book_appointment");
        Assert.Contains("otra", asked.Text ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["swedish-60 2026-11-27 10:00"], await h.BookedLinesAsync(withStaff: false));
    }

    // 4. Round 24's people: a question about the service in play at its read-back, then the yes.

    [Theory]
    [InlineData("how long is it?", "45")]
    [InlineData("and how much is that?", "199")]
    public async Task A_length_or_price_asked_at_a_read_back_is_the_service_in_plays_and_the_yes_books(string question, string answer)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_r1", "sms", AvaPhone, "hydrafacial wednesday afternoon", "first one");

        var answered = (await h.TalkAsync("sms_r1", "sms", AvaPhone, question))[^1];
        Assert.Contains(answer, answered.Text ?? "", StringComparison.Ordinal);
        Assert.Contains("HydraFacial", answered.Text ?? "", StringComparison.Ordinal);
        Assert.Empty(await h.BookedAsync());

        await h.TalkAsync("sms_r1", "sms", AvaPhone, "ok yes");
        Assert.Equal("hydrafacial", h.One(await h.BookedAsync()).ServiceId);
    }

    [Fact]
    public async Task Cuanto_cuesta_at_a_read_back_says_the_price_of_the_service_in_play()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_r2", "sms", BenPhone, "quiero un peeling químico el martes en la tarde", "la primera");

        var answered = (await h.TalkAsync("sms_r2", "sms", BenPhone, "cuánto cuesta?"))[^1];

        Assert.Contains("165", answered.Text ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("Dermaplaning", answered.Text ?? "", StringComparison.Ordinal);
    }

    // "cancel whatever i have next week" with nothing next week: said, nothing read back or cancelled.
    [Theory]
    [InlineData("cancel whatever i have next week")]
    [InlineData("cancela lo que tenga la próxima semana porfa")]
    public async Task Cancel_next_week_with_nothing_then_cancels_nothing(string text)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_x1", "sms", AvaPhone, "60 min swedish massage friday at 10", "the 10", "yes");

        var said = (await h.TalkAsync("sms_x2", "sms", AvaPhone, text, "yes"));

        Assert.DoesNotContain(said.SelectMany(r => r.ToolCalls), c => c.Name == "cancel_appointment");
        Assert.Equal(["swedish-60 2026-11-27 10:00"], await h.BookedLinesAsync(withStaff: false));
    }

    // "hydrafacial 🙏": the emoji is please as often as thanks; with a service and nothing asked it is a request.
    [Fact]
    public void A_service_and_praying_hands_is_a_request()
    {
        Assert.Equal(Intent.Book, Engine.Understand("hydrafacial 🙏").Intent);
    }

    // A past visit stated is no booking request: "i got lip filler with you guys on saturday" tells, it does not ask; no
    // search, no times offered. A request word with it ("and want another one friday") still books.

    [Theory]
    [InlineData("hi i got lip filler with you guys on saturday", "en")]
    [InlineData("hey so i had a hydrafacial last week", "en")]
    [InlineData("I did the dermaplaning yesterday", "en")]
    [InlineData("i came in for a swedish massage on saturday", "en")]
    [InlineData("had my lip filler done saturday w/ you", "en")]
    [InlineData("got botox there last wednesday", "en")]
    [InlineData("hola, el sábado me hice el relleno de labios con ustedes", "es")]
    [InlineData("ayer me hice un facial con ustedes", "es")]
    [InlineData("la semana pasada me hicieron un hydrafacial", "es")]
    public void A_past_visit_stated_is_not_a_booking_request(string text, string language)
    {
        var u = Engine.Understand(text, History(new DialogueState { Language = language }), language);

        Assert.NotEqual(Intent.Book, u.Intent);
        Assert.NotEqual(Intent.Availability, u.Intent);
        Assert.True(u.Cues.PastVisit, text);
    }

    [Theory]
    [InlineData("i had a facial last week and want another one friday", "2026-11-27")]
    [InlineData("i got lip filler on saturday, can i get a touch up appointment for next saturday?", "2026-11-28")]
    [InlineData("had a hydrafacial last week, loved it, book me again for friday", "2026-11-27")]
    [InlineData("i did a swedish massage yesterday, do you have any openings thursday", "2026-11-26")]
    [InlineData("ayer me hice un facial y quiero otro el viernes", "2026-11-27")]
    [InlineData("yeah hi um I got a gift card and wanted to use it for a hydrafacial friday", "2026-11-27")]
    public void A_past_visit_with_a_request_word_is_still_a_booking(string text, string day)
    {
        var language = text.StartsWith("ayer", StringComparison.Ordinal) ? "es" : "en";
        var u = Engine.Understand(text, History(new DialogueState { Language = language }), language);

        Assert.True(u.Intent is Intent.Book or Intent.Availability, $"{text}: {u.Intent}");
        Assert.False(u.Cues.PastVisit, text);
        Assert.Equal(day, Day(u.Date?.Range.Start));
    }

    [Theory]
    [InlineData("hi i got lip filler with you guys on saturday")]
    [InlineData("hi!! i had a hydrafacial w you guys last week")]
    [InlineData("ayer me hice un facial con ustedes")]
    public async Task A_past_visit_as_a_first_message_offers_no_times_and_asks_how_to_help(string text)
    {
        await using var h = await AgentHarness.StartAsync();

        var reply = (await h.TalkAsync("sms_p1", "sms", AvaPhone, text))[^1];

        Assert.DoesNotContain(reply.ToolCalls, c => c.Name is "check_availability" or "book_appointment");
        Assert.Matches("help|ayud", reply.Text ?? "");
        Assert.Empty(await h.BookedAsync());
    }

    [Theory]
    [InlineData("hi i got lip filler with you guys on saturday and my lip is still really swollen and hurts")]
    [InlineData("el sábado me hice el relleno de labios y tengo el labio muy hinchado")]
    public async Task A_past_visit_with_a_health_word_goes_to_the_clinical_team(string text)
    {
        await using var h = await AgentHarness.StartAsync();

        await h.TalkAsync("sms_p2", "sms", AvaPhone, text);

        Assert.Contains(await h.EscalationsAsync(), e => e.Category == "medical");
        Assert.Empty(await h.BookedAsync());
    }

    [Fact]
    public async Task A_past_visit_then_a_health_word_in_the_next_message_goes_to_the_clinical_team()
    {
        await using var h = await AgentHarness.StartAsync();

        await h.TalkAsync("sms_p3", "sms", AvaPhone, "hi i got lip filler with you guys on saturday", "theres a hard bump and it's bruising a lot");

        Assert.Contains(await h.EscalationsAsync(), e => e.Category == "medical");
    }

    [Fact]
    public async Task A_past_visit_then_a_request_books_on_the_yes()
    {
        await using var h = await AgentHarness.StartAsync();

        var asked = await h.TalkAsync("sms_p4", "sms", AvaPhone, "i had a hydrafacial last week", "i want another hydrafacial friday at 10", "yes", "yes");

        Assert.DoesNotContain(asked[0].ToolCalls, c => c.Name == "check_availability");
        Assert.Equal(["hydrafacial 2026-11-27 10:00"], await h.BookedLinesAsync(withStaff: false));
    }
}
