using FrontDesk.Agent.Languages;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Text;

namespace FrontDesk.Agent.Tests.Languages;

/// <summary>
/// FAQ answers are worded from what the match points at (the FAQ entry, a policy, a fact of the profile) with the
/// templates of the conversation's language, not translated from the tool's English text.
/// </summary>
public sealed class ReplyWordingTests
{
    private static readonly SpaProfile Demo = SpaProfileLoader.Load(TestFiles.DemoProfile);
    private static readonly LocalizedTemplates Replies = new(TextTemplates.Load(Path.Combine(TestFiles.Prompts, "replies.yaml")),
        new Dictionary<string, TextTemplates> { ["es"] = TextTemplates.Load(Path.Combine(TestFiles.Prompts, "es", "replies.yaml")) });

    private static string Answer(string id, string source, string language, string toolText = "the tool's text") =>
        ReplyWording.FaqAnswer(id, source, toolText, language, Demo, Replies.For(language));

    [Fact]
    public void Every_reply_the_engine_says_has_a_shipped_spanish_template()
    {
        // A spa's own prompts may leave keys out (said in English, reported at start-up); the shipped ones may not.
        var loaded = LocalizedTemplates.Load(TestFiles.Prompts, "replies.yaml", ["en", "es"]);

        Assert.Empty(loaded.Missing.TryGetValue("es", out var missing) ? missing : []);
    }

    [Fact]
    public void A_service_fact_is_worded_in_each_language_from_the_service_itself()
    {
        // The listed facts, then who decides and who may have it (round 21): the consultation first and the minimum age.
        var en = Answer("profile-service-lip-filler", "profile:service:lip-filler", "en");
        Assert.StartsWith("Lip Filler: Hyaluronic acid filler for volume and shape. It takes 45 minutes. Prices start at $650. It starts with a consultation", en, StringComparison.Ordinal);
        Assert.Contains("21", en, StringComparison.Ordinal);
        var es = Answer("profile-service-lip-filler", "profile:service:lip-filler", "es");
        Assert.StartsWith("Relleno de labios: Ácido hialurónico para dar volumen y forma a los labios. Dura 45 minutos. Desde $650. Empieza con una consulta", es, StringComparison.Ordinal);
        Assert.Contains("21", es, StringComparison.Ordinal);
        Assert.EndsWith("Es sin costo.", Answer("profile-service-injectables-consult", "profile:service:injectables-consult", "es"), StringComparison.Ordinal);
    }

    [Fact]
    public void Address_and_phone_facts_are_worded_per_language()
    {
        Assert.Equal("Mission District is at 2140 Valencia St, San Francisco, CA 94110.", Answer("profile-address-mission", "profile:address:mission", "en"));
        Assert.Equal("Mission District está en 2140 Valencia St, San Francisco, CA 94110.", Answer("profile-address-mission", "profile:address:mission", "es"));
        Assert.StartsWith("Puede comunicarse con Mission District al (415) 555-0100", Answer("profile-phone-mission", "profile:phone:mission", "es"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_FAQ_entry_and_a_policy_give_the_profiles_own_Spanish_text()
    {
        var parking = Demo.Faq.First(f => f.Question == "Is there parking?");
        Assert.Equal(parking.Answers["es"], Answer(parking.Id, "faq", "es", parking.Answer));
        Assert.Equal(parking.Answer, Answer(parking.Id, "faq", "en", parking.Answer));
        Assert.Equal(Demo.Policies.TextIn("deposit", "es"), Answer("profile-policy-deposit", "profile:policy:deposit", "es", Demo.Policies.Deposit!));
        Assert.Equal(Demo.Policies.Deposit, Answer("profile-policy-deposit", "profile:policy:deposit", "en", Demo.Policies.Deposit!));
    }

    [Fact]
    public void A_category_is_worded_per_language_and_an_unknown_match_keeps_the_tools_text()
    {
        Assert.Equal("Estos son nuestros servicios de ese tipo: Facial Signature, HydraFacial, Peeling químico, Dermaplaning.",
            Answer("profile-category-facial", "profile:category:facial", "es", "Our facial services: Signature Facial, HydraFacial, Chemical Peel, Dermaplaning."));
        Assert.Equal("Our facial services: Signature Facial, HydraFacial, Chemical Peel, Dermaplaning.", Answer("profile-category-facial", "profile:category:facial", "en"));
        Assert.Equal("whatever", Answer("x", "profile:service:no-such-service", "es", "whatever"));
    }

    [Fact]
    public void Localize_no_longer_translates_fact_sentences_by_their_English_shape()
    {
        // The string matching for service facts, addresses, phones, FAQ answers and policies is gone: such text passes as is
        // (times and days are still put in Spanish).
        Assert.Equal("Mission District is at 2140 Valencia St.", ReplyWording.Localize("Mission District is at 2140 Valencia St.", "es", Demo));
    }

    [Theory]
    [InlineData("Swedish Massage (60 min) with Maya Chen on Friday, November 27 at 2:30 PM at Mission District")]
    [InlineData("Friday, November 27 to Sunday, November 29")]
    [InlineData("Friday, November 27 at noon")]
    public void Localize_leaves_read_backs_date_windows_and_times_to_the_reply_templates(string toolText)
    {
        // The read-back, date windows, days and times are worded from the tool's values with prompts/es/replies.yaml
        // (confirm_read_back, date_window, SpokenTime); nothing translates the tool's English after the fact.
        Assert.Equal(toolText, ReplyWording.Localize(toolText, "es", Demo));
    }

    /// <summary>The FAQ tool's hours for Sunday 29 and Friday 27 November (Mission closed on Sundays, Marina 10 to 3).</summary>
    private static System.Text.Json.JsonElement ToolHours(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement;

    private const string SundayHours = """
        [{"location":"Mission District","location_id":"mission","days":[{"date":"2026-11-29","status":"closed_weekday","spans":[]}]},
         {"location":"Marina","location_id":"marina","days":[{"date":"2026-11-29","status":"open","spans":[{"start":"10:00","end":"15:00"}]}]}]
        """;

    private const string SplitDayAndClosures = """
        [{"location":"Mission District","location_id":"mission","days":[
          {"date":"2026-11-27","status":"open","spans":[{"start":"09:00","end":"12:00"},{"start":"13:00","end":"19:00"}]},
          {"date":"2026-11-29","status":"closed_weekday","spans":[]}]},
         {"location":"Marina","location_id":"marina","days":[{"date":"2026-11-26","status":"closed_date","spans":[]}]}]
        """;

    [Theory]
    [InlineData("en", SundayHours, "Mission District is closed on Sundays. Marina is open Sunday 10 AM to 3 PM.")]
    [InlineData("es", SundayHours, "Mission District cierra los domingos. Marina abre el domingo de 10 a. m. a 3 p. m.")]
    [InlineData("en", SplitDayAndClosures, "Mission District is open Friday 9 AM to noon and 1 PM to 7 PM; closed on Sundays. Marina is closed on Thursday, November 26.")]
    [InlineData("es", SplitDayAndClosures, "Mission District abre el viernes de 9 a. m. a mediodía y de 1 p. m. a 7 p. m.; cierra los domingos. Marina cierra el jueves 26 de noviembre.")]
    public void Hours_on_given_days_are_worded_per_language_from_the_tools_values(string language, string hours, string expected)
    {
        // Typed in the product (round 5): "y a que hora abren el domingo?" got "Mission District is closed on Sundays. Marina abre: …".
        Assert.Equal(expected, ReplyWording.Hours(ToolHours(hours), language, Replies.For(language)));
    }

    [Fact]
    public void A_locations_weekly_hours_are_worded_per_language_from_the_profile()
    {
        Assert.Equal("Marina is open Monday closed; Tuesday 10 AM to 6 PM; Wednesday 10 AM to 6 PM; Thursday 10 AM to 6 PM; Friday 10 AM to 6 PM; Saturday 9 AM to 4 PM; Sunday 10 AM to 3 PM.",
            Answer("profile-hours-marina", "profile:hours:marina", "en"));
        Assert.Equal("Horario de Marina: lunes cerrado; martes de 10 a. m. a 6 p. m.; miércoles de 10 a. m. a 6 p. m.; jueves de 10 a. m. a 6 p. m.; viernes de 10 a. m. a 6 p. m.; sábado de 9 a. m. a 4 p. m.; domingo de 10 a. m. a 3 p. m.",
            Answer("profile-hours-marina", "profile:hours:marina", "es"));
    }

    [Fact]
    public void Localize_no_longer_translates_opening_hours_by_their_shape()
    {
        const string toolText = "Mission District is closed on Sundays. Marina is open Sunday 10 AM to 3 PM.";
        Assert.Equal(toolText, ReplyWording.Localize(toolText, "es", Demo));
    }

    [Fact]
    public void A_service_with_no_spanish_description_says_its_english_one_is_in_english()
    {
        // "¿qué es el hydrafacial?" at a business whose profile has no description_es for it: the English words, said to be English.
        var plain = Demo.Services.First(x => x.Id == "hydrafacial") with { Descriptions = new Dictionary<string, string>() };
        var profile = new SpaProfile(Demo.Spa, Demo.Locations, [.. Demo.Services.Select(x => x.Id == plain.Id ? plain : x)], Demo.Staff, Demo.Policies,
            Demo.Faq, Demo.Escalation, Demo.Clients, Demo.SourcePath);
        var spanish = ReplyWording.FaqAnswer("x", "profile:service:hydrafacial", "the tool's text", "es", profile, Replies.For("es"));
        Assert.Equal($"HydraFacial: dura 45 minutos. El precio es $199. La descripción que tenemos está en inglés: \"{plain.Description}\"", spanish);
        Assert.Equal(plain.Description, plain.DescriptionIn("es"));
        Assert.NotEqual(plain.Description, Demo.FindService("hydrafacial")!.DescriptionIn("es"));
    }
}
