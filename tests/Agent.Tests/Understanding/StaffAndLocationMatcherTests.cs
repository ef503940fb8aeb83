using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

public class StaffAndLocationMatcherTests
{
    private readonly StaffMatcher _spa = new(TestVocabularies.MedSpa);
    private readonly StaffMatcher _nails = new(TestVocabularies.NailSalon);

    [Theory]
    [InlineData("with Maya please", "maya")]
    [InlineData("can I see maya chen", "maya")]
    [InlineData("I'd like Myaa", "maya")]
    [InlineData("with Jordon", "jordan")]
    [InlineData("Ms. Patel", "priya")]
    [InlineData("priya's schedule", "priya")]
    public void Providers_are_found_by_first_name_full_name_surname_or_with_typos(string text, string id)
    {
        var match = _spa.Match(text);

        Assert.Equal(StaffMatchKind.Confident, match.Kind);
        Assert.Equal(id, match.Person!.Id);
    }

    [Theory]
    [InlineData("anyone is fine")]
    [InlineData("no preference")]
    [InlineData("whoever is available")]
    [InlineData("I don't mind who")]
    [InlineData("any provider")]
    [InlineData("anybody works")]
    public void No_preference_means_any(string text)
    {
        Assert.Equal(StaffMatchKind.Any, _spa.Match(text).Kind);
    }

    [Fact]
    public void A_shared_first_name_gives_candidates_and_a_full_name_settles_it()
    {
        var vague = _nails.Match("with Kim");
        var exact = _nails.Match("with Kim Tran");

        Assert.Equal(StaffMatchKind.Candidates, vague.Kind);
        Assert.Equal(2, vague.Staff.Count);
        Assert.Equal("kim-t", exact.Person?.Id);
    }

    [Fact]
    public void A_first_name_that_is_an_everyday_word_needs_a_capital_or_a_cue()
    {
        Assert.Equal(StaffMatchKind.None, _nails.Match("i will be there at 3").Kind);
        Assert.Equal("will", _nails.Match("can I book with will").Person?.Id);
        Assert.Equal("will", _nails.Match("is Will in today").Person?.Id);
    }

    [Fact]
    public void Nobody_is_found_in_ordinary_text()
    {
        Assert.Equal(StaffMatchKind.None, _spa.Match("a massage tomorrow at 3").Kind);
    }

    [Theory]
    [InlineData("at the downtown location", "downtown")]
    [InlineData("westside please", "westside")]
    [InlineData("the down town one", "downtown")]
    [InlineData("downtwn", "downtown")]
    public void Locations_are_found_by_name(string text, string id)
    {
        Assert.Equal(id, new LocationMatcher(TestVocabularies.MedSpa).Match(text)?.Location?.Id);
    }

    [Fact]
    public void Multi_word_location_names_match_on_their_distinctive_word()
    {
        var matcher = new LocationMatcher(TestVocabularies.NailSalon);

        Assert.Equal("oak-plaza", matcher.Match("the oak one")?.Location?.Id);
        Assert.Equal("main-street", matcher.Match("main street")?.Location?.Id);
        Assert.Null(matcher.Match("a pedicure on friday"));
    }
}
