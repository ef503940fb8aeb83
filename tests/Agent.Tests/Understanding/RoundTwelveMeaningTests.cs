using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

/// <summary>
/// Issue 12, round 12 (from a third, unseen sample of CLINC's train rows, unrelated intents): a greeting that names a part
/// of the day; questions asked of the assistant about itself in words no pattern lists (read by meaning); what to call
/// the person, however asked; the date asked as a request; a country's food is not its massage.
/// </summary>
public sealed class RoundTwelveMeaningTests
{
    private static readonly SpaVocabulary MedSpa = TestVocabularies.FacialAndSwedish;

    private static Utterance Read(string text, AgentQuestion asked = AgentQuestion.Nothing) =>
        new Understander().Understand(text, new UnderstandingContext(TestVocabularies.Wednesday, MedSpa) { LastAsked = asked });

    private static Utterance ReadByMeaning(string text) =>
        new Understander(IntentClassifier.DefaultWithSemantic).Understand(text, new UnderstandingContext(TestVocabularies.Wednesday, MedSpa));

    [Theory]
    [InlineData("good evening")]
    [InlineData("Good morning!")]
    [InlineData("uh hi good afternoon")]
    public void A_greeting_that_names_a_part_of_the_day_is_a_greeting_with_no_time(string text)
    {
        var u = Read(text);
        Assert.Null(u.Time);
        Assert.Equal(Intent.Greeting, u.Intent);
    }

    [Fact]
    public void Good_night_is_a_goodbye_with_no_time()
    {
        var u = Read("good night");
        Assert.Null(u.Time);
        Assert.Equal(Intent.Goodbye, u.Intent);
    }

    [Theory]
    [InlineData("any good morning slots friday?", true)]
    [InlineData("good morning, do you have a facial friday evening?", false)]
    [InlineData("friday morning works", true)]
    public void A_part_of_the_day_wanted_is_still_read(string text, bool morning)
    {
        var time = Read(text).Time;
        Assert.NotNull(time);
        Assert.True(morning ? time.To <= new TimeOnly(12, 0) : time.From >= new TimeOnly(17, 0));
    }

    [Theory]
    [InlineData("do you go by a name?")]
    [InlineData("are you moonlighting for another company too?")]
    [InlineData("where do u live lol")]
    [InlineData("honestly what are you even good for")]
    [InlineData("i'd like to call you sunny")]
    public void A_question_about_the_assistant_in_other_words_is_read_by_meaning(string text)
    {
        var u = ReadByMeaning(text);
        Assert.True(u.Cues.AsksAboutAssistant);
        Assert.Equal(Intent.Smalltalk, u.Intent);
    }

    [Theory]
    [InlineData("where are you located")]
    [InlineData("what's the name of the place")]
    [InlineData("who is your manager")]
    [InlineData("what can you do about dark spots on my cheeks?")]
    [InlineData("do you have a nurse on staff")]
    public void The_spa_its_place_and_its_people_are_not_the_assistant(string text) =>
        Assert.False(ReadByMeaning(text).Cues.AsksAboutAssistant);

    [Theory]
    [InlineData("would you mind calling me Rob", "Rob")]
    [InlineData("when you text me use Bea", "Bea")]
    [InlineData("when u text me, use bea", "Bea")]
    public void What_to_call_the_person_however_asked_is_a_name(string text, string name)
    {
        var u = Read(text);
        Assert.Equal(name, u.Name);
        Assert.DoesNotContain(u.Intent, new[] { Intent.Human, Intent.Book, Intent.Availability });
    }

    [Theory]
    [InlineData("would you mind calling me back tomorrow")]
    [InlineData("can you be calling me later")]
    public void Calling_me_and_when_is_still_no_name(string text) => Assert.Null(Read(text).Name);

    [Theory]
    [InlineData("can you tell me what today's date is")]
    [InlineData("give me tomorrows date pls")]
    [InlineData("show me today's date")]
    public void The_date_asked_as_a_request_is_the_date(string text)
    {
        var u = Read(text);
        Assert.True(u.Cues.AsksDate);
        Assert.Equal(Intent.Smalltalk, u.Intent);
    }

    [Fact]
    public void Tomorrows_written_without_the_apostrophe_is_tomorrow() =>
        Assert.Equal(TestVocabularies.Wednesday.AddDays(1), Read("give me tomorrows date pls").Date?.Range.Start);

    [Theory]
    [InlineData("suggest a swedish dish i could cook for dinner")]
    [InlineData("any good swedish food places near you?")]
    public void A_countrys_food_is_not_its_massage(string text) =>
        Assert.Equal(ServiceMatchKind.None, ReadByMeaning(text).Services.Kind);

    [Theory]
    [InlineData("can i get a swedish tomorrow")]
    [InlineData("swedish massage before dinner on friday")]
    public void A_swedish_massage_is_still_one(string text) =>
        Assert.Contains(ReadByMeaning(text).Services.Services, s => s.Id == "swedish-60");
}
