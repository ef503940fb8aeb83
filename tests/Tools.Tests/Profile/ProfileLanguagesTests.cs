using FrontDesk.TestSupport;
using FrontDesk.Tools.Profile;

namespace FrontDesk.Tools.Tests.Profile;

/// <summary>The optional language fields of a profile (docs/profile.md): a profile without them loads and serves both languages.</summary>
public sealed class ProfileLanguagesTests
{
    private const string Small = """
        version: 1
        spa:
          name: Cedar Day Spa
          timezone: America/Denver
        locations:
          - id: main
            hours:
              mon: "09:00-17:00"
            rooms:
              - { id: r1, type: massage }
        services:
          - id: massage-60
            name: Relaxing Massage
            category: massage
            duration_min: 60
            room_type: massage
        staff:
          - id: kim
            name: Kim Ito
            services: [massage-60]
            schedule:
              main:
                mon: "09:00-17:00"
        faq:
          - q: Do you have parking?
            a: Yes, free parking behind the building.
        """;

    [Fact]
    public void A_profile_without_languages_serves_english_and_spanish_in_its_own_words()
    {
        var profile = SpaProfileLoader.Parse(Small, "inline/cedar.yaml");
        Assert.Equal(["en", "es"], profile.Spa.Languages);
        Assert.Equal("Relaxing Massage", profile.Services[0].NameIn("es"));
        Assert.Equal("Yes, free parking behind the building.", profile.Faq[0].AnswerIn("es"));
        Assert.Equal(profile.Spa.AiDisclosure, profile.Spa.DisclosureIn("es"));
    }

    [Fact]
    public void The_shipped_profiles_load_and_serve_both_languages()
    {
        Assert.Equal(["en", "es"], SpaProfileLoader.Load(TestFiles.DemoProfile).Spa.Languages);
        Assert.Equal(["en", "es"], SpaProfileLoader.Load(TestFiles.HarborProfile).Spa.Languages);
    }

    [Fact]
    public void Spanish_versions_are_read_where_given()
    {
        var yaml = Small
            .Replace("  timezone: America/Denver\n", "  timezone: America/Denver\n  languages: [en, es]\n  ai_disclosure_es: \"Soy la asistente virtual de Cedar.\"\n", StringComparison.Ordinal)
            .Replace("    name: Relaxing Massage\n", "    name: Relaxing Massage\n    name_es: Masaje relajante\n    aliases_es: [masajito]\n", StringComparison.Ordinal)
            .Replace("    a: Yes, free parking behind the building.", "    a: Yes, free parking behind the building.\n    q_es: ¿Tienen estacionamiento?\n    a_es: Sí, estacionamiento gratis detrás del edificio.", StringComparison.Ordinal);
        var profile = SpaProfileLoader.Parse(yaml, "inline/cedar.yaml");
        Assert.Equal("Masaje relajante", profile.Services[0].NameIn("es"));
        Assert.Equal("Relaxing Massage", profile.Services[0].NameIn("en"));
        Assert.Equal(["masajito"], profile.Services[0].LocalAliases);
        Assert.Equal("Sí, estacionamiento gratis detrás del edificio.", profile.Faq[0].AnswerIn("es"));
        Assert.Equal("Soy la asistente virtual de Cedar.", profile.Spa.DisclosureIn("es"));
    }

    [Fact]
    public void A_profile_may_narrow_the_languages()
    {
        var profile = SpaProfileLoader.Parse(Small.Replace("  timezone: America/Denver\n", "  timezone: America/Denver\n  languages: [en]\n", StringComparison.Ordinal), "inline/cedar.yaml");
        Assert.Equal(["en"], profile.Spa.Languages);
    }

    [Theory]
    [InlineData("[fr]", "'fr' is not a supported language")]
    [InlineData("[]", "list at least one")]
    public void An_unsupported_or_empty_languages_list_is_refused(string list, string problem)
    {
        var yaml = Small.Replace("  timezone: America/Denver\n", $"  timezone: America/Denver\n  languages: {list}\n", StringComparison.Ordinal);
        var ex = Assert.Throws<SpaProfileException>(() => SpaProfileLoader.Parse(yaml, "inline/cedar.yaml"));
        Assert.Contains("spa.languages", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }
}
