using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

public class ServiceMatcherTests
{
    private readonly ServiceMatcher _spa = new(TestVocabularies.MedSpa);
    private readonly ServiceMatcher _nails = new(TestVocabularies.NailSalon);

    [Theory]
    [InlineData("I'd like a HydraFacial please", "hydrafacial")]
    [InlineData("can I get a hydra facial tomorrow", "hydrafacial")]
    [InlineData("hydrafacials", "hydrafacial")]
    [InlineData("a hydrafacal", "hydrafacial")]
    [InlineData("I want botox", "botox")]
    [InlineData("BOTOX on friday", "botox")]
    [InlineData("some botx", "botox")]
    [InlineData("a deep tissue massage", "deep-tissue-60")]
    [InlineData("deep tisue", "deep-tissue-60")]
    [InlineData("a relaxation massage", "swedish-60")]
    [InlineData("lip injections", "lip-filler")]
    [InlineData("laser hair removal on my legs", "laser-hair")]
    [InlineData("a photo facial", "ipl")]
    [InlineData("the hot stone one", "hot-stone")]
    [InlineData("stone massage", "hot-stone")]
    [InlineData("signature facial", "signature-facial")]
    public void Names_aliases_typos_and_spacing_variants_find_one_service(string text, string id)
    {
        var match = _spa.Match(text);

        Assert.Equal(ServiceMatchKind.Confident, match.Kind);
        Assert.Equal(id, match.Service!.Id);
    }

    [Theory]
    [InlineData("I'd like to hail a taxi to the airport")]
    [InlineData("can you check my order")]
    [InlineData("book a spot for four at the bar")]
    [InlineData("is the fair open this weekend")]
    public void Everyday_words_one_edit_from_a_service_word_are_not_services(string text)
    {
        Assert.Equal(ServiceMatchKind.None, _spa.Match(text).Kind);
    }

    [Fact]
    public void A_bare_category_returns_the_category_and_its_services()
    {
        var match = _spa.Match("I'd like to book a massage");

        Assert.Equal(ServiceMatchKind.Candidates, match.Kind);
        Assert.Equal("massage", match.Category);
        Assert.Equal(["swedish-60", "swedish-90", "deep-tissue-60", "hot-stone"], match.Services.Select(s => s.Id));
    }

    [Fact]
    public void A_plural_category_is_still_the_category()
    {
        var match = _spa.Match("do you do facials?");

        Assert.Equal(ServiceMatchKind.Candidates, match.Kind);
        Assert.Equal("facial", match.Category);
        Assert.Equal(2, match.Services.Count);
    }

    [Fact]
    public void A_word_shared_by_two_services_does_not_pick_one()
    {
        var match = _spa.Match("a swedish massage please");

        Assert.Equal(ServiceMatchKind.Candidates, match.Kind);
        Assert.Equal(["swedish-60", "swedish-90"], match.Services.Select(s => s.Id));
    }

    [Theory]
    [InlineData("a 90 minute swedish massage", "swedish-90")]
    [InlineData("swedish, 60 mins", "swedish-60")]
    [InlineData("a 90-minute massage", "swedish-90")]
    [InlineData("an hour and a half swedish", "swedish-90")]
    public void A_spoken_duration_disambiguates(string text, string id)
    {
        var match = _spa.Match(text);

        Assert.Equal(ServiceMatchKind.Confident, match.Kind);
        Assert.Equal(id, match.Service!.Id);
    }

    [Theory]
    [InlineData("swedish 60 on the 14th", "swedish-60")]
    [InlineData("the 90 swedish please", "swedish-90")]
    public void A_bare_number_beside_the_service_that_is_one_options_length_picks_it(string text, string id)
    {
        var match = _spa.Match(text);

        Assert.Equal(ServiceMatchKind.Confident, match.Kind);
        Assert.Equal(id, match.Service!.Id);
    }

    [Theory]
    [InlineData("swedish 3 on the 14th")]
    [InlineData("swedish 60:30")]
    [InlineData("2 swedish massages")]
    public void A_number_that_is_no_options_length_does_not_pick_one(string text)
    {
        var match = _spa.Match(text);

        Assert.Equal(ServiceMatchKind.Candidates, match.Kind);
    }

    [Fact]
    public void A_specific_service_wins_over_its_category_said_in_the_same_breath()
    {
        var match = _spa.Match("a massage, the deep tissue one");

        Assert.Equal("deep-tissue-60", match.Service?.Id);
    }

    [Fact]
    public void Two_different_services_are_reported_as_several()
    {
        var match = _nails.Match("a gel manicure and a classic pedicure");

        Assert.Equal(ServiceMatchKind.Several, match.Kind);
        Assert.Equal(["gel-mani", "classic-pedi"], match.Services.Select(s => s.Id));
    }

    [Theory]
    [InlineData("I left you a message yesterday")]
    [InlineData("what time do you close")]
    [InlineData("is it full?")]
    [InlineData("I'm feeling hot today")]
    [InlineData("")]
    public void Ordinary_sentences_match_nothing(string text)
    {
        Assert.Equal(ServiceMatchKind.None, _spa.Match(text).Kind);
    }

    [Fact]
    public void The_match_span_covers_the_words_used()
    {
        const string text = "can I get a hydra facial at 3";
        var match = _spa.Match(text);

        Assert.Equal("hydra facial", match.Spans.Single().Of(text));
    }

    [Theory]
    [InlineData("shellac please", "gel-mani")]
    [InlineData("a mani", "classic-mani")]
    [InlineData("deluxe pedicures", "spa-pedi")]
    [InlineData("acrylics", "acrylic")]
    [InlineData("a full set", "acrylic")]
    [InlineData("gel manicure", "gel-mani")]
    public void A_different_business_uses_its_own_words(string text, string id)
    {
        Assert.Equal(id, _nails.Match(text).Service?.Id);
    }

    [Fact]
    public void The_nail_salon_category_is_ambiguous_between_its_pedicures()
    {
        var match = _nails.Match("I need a pedicure");

        Assert.Equal(ServiceMatchKind.Candidates, match.Kind);
        Assert.Equal("pedicure", match.Category);
        Assert.Equal(["classic-pedi", "spa-pedi"], match.Services.Select(s => s.Id));
    }

    [Fact]
    public void One_business_does_not_recognise_the_others_services()
    {
        Assert.Equal(ServiceMatchKind.None, _nails.Match("a hydrafacial").Kind);
        Assert.Equal(ServiceMatchKind.None, _spa.Match("a gel manicure").Kind);
    }

    [Fact]
    public void Durations_are_read_from_names_or_records()
    {
        var v = TestVocabularies.MedSpa;

        Assert.Equal(90, v.DurationOf(v.Services[1]));
        Assert.Equal(75, v.DurationOf(v.Services[3]));
        Assert.Null(v.DurationOf(v.Services[4]));
    }
}
