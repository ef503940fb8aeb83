using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

/// <summary>
/// Issue 12, round 10 (from SGD's dev dialogues and its salon dialogues): a thank-you or an ok in front of a request,
/// with nothing asked, is manners and the request is the news; a booking the person says they already have is not a
/// request for another; a search asked of us is a search; a salon, a barber or a hairdresser is a trade the business may
/// not have, never the nearest service by meaning.
/// </summary>
public sealed class RoundTenMeaningTests
{
    private static readonly SpaVocabulary MedSpa = new(
        [
            new ServiceTerm("signature-facial", "Signature Facial", ["facial"], "facial"),
            new ServiceTerm("swedish-60", "Swedish Massage (60 min)", ["swedish"], "massage"),
            new ServiceTerm("laser-hair-removal", "Laser Hair Removal", ["laser hair"], "laser"),
        ],
        [new PersonTerm("maya", "Maya Chen")],
        [new PlaceTerm("mission", "Mission District")]);

    private static readonly SpaVocabulary NailStudio = new(
        [
            new ServiceTerm("gel-manicure", "Gel Manicure", ["manicure", "gel nails"], "nails"),
            new ServiceTerm("brow-lamination", "Brow Lamination", [], "brows"),
        ],
        [new PersonTerm("rosa", "Rosa Diaz")],
        [new PlaceTerm("harbor", "Harbor Street")]);

    private static Utterance Read(string text, SpaVocabulary? spa = null, AgentQuestion asked = AgentQuestion.Nothing) =>
        new Understander().Understand(text, new UnderstandingContext(TestVocabularies.Wednesday, spa ?? MedSpa) { LastAsked = asked });

    [Theory]
    [InlineData("okay, thanks. can you book that facial now?")]
    [InlineData("Thank you. Let's make that facial appointment now, okay?")]
    [InlineData("Great, go ahead and book a signature facial for friday")]
    [InlineData("cool thanks!! schedule me a swedish massage then")]
    [InlineData("ok. book that then")]
    [InlineData("perfect go ahead and book it for wed at 10")]
    public void Manners_in_front_of_a_request_with_nothing_asked_are_a_request(string text) =>
        Assert.Equal(Intent.Book, Read(text).Intent);

    [Theory]
    [InlineData("no thanks, i don't want to book a facial")]
    [InlineData("thanks, no need to schedule a massage")]
    public void A_thank_you_with_the_booking_declined_is_not_a_request(string text) =>
        Assert.NotEqual(Intent.Book, Read(text).Intent);

    [Fact]
    public void At_a_read_back_a_yes_with_booking_words_is_still_the_yes() =>
        Assert.Equal(Intent.Affirm, Read("yes great, go ahead and book the facial", asked: AgentQuestion.Confirmation).Intent);

    [Theory]
    [InlineData("i already have a massage booked for tuesday")]
    [InlineData("thanks, my sister already booked me a facial for friday")]
    public void A_booking_the_person_already_has_is_not_a_request_for_another(string text) =>
        Assert.Equal(Intent.MyAppointments, Read(text).Intent);

    [Fact]
    public void A_booking_already_had_and_a_request_beside_it_is_still_a_request() =>
        Assert.NotEqual(Intent.MyAppointments, Read("i already have a massage booked for tuesday, can i add a facial after it?").Intent);

    [Theory]
    [InlineData("I'm looking for a salon.")]
    [InlineData("can you help me find a barber in oakland")]
    [InlineData("i need a hair stylist near me")]
    [InlineData("busco una peluquería")]
    public void A_salon_or_a_barber_at_a_med_spa_is_a_treatment_not_offered_never_a_laser(string text)
    {
        Assert.True(CareTreatments.NamesOneNotOffered(text, MedSpa));
        Assert.DoesNotContain(Read(text).Services.Services, s => s.Id == "laser-hair-removal");
    }

    [Fact]
    public void A_salon_at_a_nail_studio_is_on_its_menu_and_a_hair_salon_is_not()
    {
        Assert.False(CareTreatments.NamesOneNotOffered("i'm looking for a salon", NailStudio));
        Assert.True(CareTreatments.NamesOneNotOffered("i'm looking for a hair salon", NailStudio));
    }

    [Theory]
    [InlineData("I'm looking for a salon.", Intent.Availability)]
    [InlineData("can you find me a barber for tomorrow", Intent.Availability)]
    [InlineData("i want to book a salon appointment", Intent.Book)]
    public void A_request_for_a_trade_not_offered_is_read_as_the_request_it_is(string text, Intent intent) =>
        Assert.Equal(intent, Read(text).Intent);

    [Theory]
    [InlineData("can you help me find a swedish massage")]
    [InlineData("i'm looking for a facial on friday")]
    public void A_search_asked_of_us_is_a_search_for_openings(string text) =>
        Assert.Equal(Intent.Availability, Read(text).Intent);

    [Fact]
    public void A_search_with_a_booking_verb_is_a_booking() =>
        Assert.Equal(Intent.Book, Read("can you find me a facial appointment and book it").Intent);

    [Theory]
    [InlineData("I'd like to book an appointment that day at 1:15")]
    [InlineData("great, can i get an appointment that day at 2?")]
    public void A_new_appointment_that_day_is_not_a_move(string text) =>
        Assert.NotEqual(Intent.Reschedule, Read(text).Intent);

    [Theory]
    [InlineData("can you move my appointment to that day at 3 instead")]
    [InlineData("same time but on friday")]
    public void A_move_to_that_day_is_still_a_move(string text) =>
        Assert.Equal(Intent.Reschedule, Read(text).Intent);

    [Theory]
    [InlineData("hi! what can you help me with?")]
    [InlineData("what kind of things can i ask you")]
    [InlineData("what sort of things can you assist me with")]
    [InlineData("what else can you do")]
    public void What_the_assistant_can_do_asked_of_it_is_about_the_assistant(string text) =>
        Assert.True(ReplyCues.Read(text).AsksAboutAssistant);

    [Theory]
    [InlineData("what can you do for acne scars?")]
    [InlineData("what can you do about my frown lines")]
    [InlineData("what kind of facials do you have")]
    public void What_the_spa_can_do_for_the_person_is_not_about_the_assistant(string text) =>
        Assert.False(ReplyCues.Read(text).AsksAboutAssistant);

    [Theory]
    [InlineData("do you guys play music in the rooms")]
    [InlineData("can i bring my own music to listen to?")]
    [InlineData("is it cold in the treatment room")]
    public void The_room_during_a_treatment_is_a_question_about_the_visit(string text) =>
        Assert.Contains("room", FrontDesk.Tools.Faq.VisitQuestion.Topics(text));

    [Theory]
    [InlineData("play some music for me")]
    [InlineData("what's the temperature outside")]
    public void Music_or_weather_alone_is_not_the_visit(string text) =>
        Assert.DoesNotContain("room", FrontDesk.Tools.Faq.VisitQuestion.Topics(text));

    [Fact]
    public void A_trade_word_is_needed_before_a_treatment_is_not_offered() =>
        Assert.False(CareTreatments.NamesOneNotOffered("what time do you open", MedSpa));
}
