using FrontDesk.Agent.Screening;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Profile;

namespace FrontDesk.Agent.Tests.Screening;

/// <summary>How the Spanish blocks of prompts/escalation.yaml read text: accents, typos, and which language matched.</summary>
public sealed class SpanishRulesTests
{
    private static readonly EscalationRules Rules = EscalationRules.Load(Path.Combine(TestFiles.Prompts, "escalation.yaml"));
    private static readonly SafetyScreen Screen = new(SpaProfileLoader.Load(TestFiles.DemoProfile), Rules);

    [Theory]
    [InlineData("No puedo respirar")]
    [InlineData("NO PUEDO RESPIRAR")]
    [InlineData("no puedo respirár")]
    [InlineData("no puedo respirár")] // "a" + a combining acute accent, as some keyboards send it
    [InlineData("se me está cerrando la garganta")]
    [InlineData("se me esta cerrando la garganta")]
    public void Accents_and_case_do_not_matter(string text)
    {
        var finding = Screen.ScreenInbound(text);
        Assert.Equal("emergency", finding.Category?.Name);
        Assert.Equal("es", finding.Language);
    }

    [Theory]
    [InlineData("no puedo resprar", "emergency")]
    [InlineData("no puedo respirrar", "emergency")]
    [InlineData("no puedo respriar", "emergency")]
    [InlineData("se me sierra la garganta", "emergency")]
    [InlineData("me desmalle", "emergency")]
    [InlineData("estoy embarasada", "medical")]
    [InlineData("tomo antikoagulantes", "medical")]
    [InlineData("quiero ablar con una persona", "human_request")]
    public void A_typo_still_reads_as_the_word(string text, string category) =>
        Assert.Equal(category, Screen.ScreenInbound(text).Category?.Name);

    [Theory]
    [InlineData("me lo dejan en 200 dolares?", "pricing")] // "dolares" is not "dolores" (pain): one letter for another is not a typo
    [InlineData("I painted my nails last week and loved them", null)]
    [InlineData("no veo la hora de mi cita", null)] // "I can't wait for my appointment", not a loss of sight
    [InlineData("me muero de ganas de ir", null)]
    [InlineData("quiero cortarme el pelo", null)]
    [InlineData("¿la piel queda más blanca después del peeling?", null)]
    [InlineData("me quedé dormida en el masaje, fue increíble", null)]
    [InlineData("what's my checking account balance", null)] // "account" is not "accutane": an English word is not a Spanish typo
    [InlineData("I am checking on my booking", null)]
    public void Real_words_are_not_taken_for_typos_or_idioms_for_symptoms(string text, string? category) =>
        Assert.Equal(category, Screen.ScreenInbound(text).Category?.Name);

    [Fact]
    public void English_wording_reports_no_language_and_spanish_reports_es()
    {
        Assert.Null(Screen.ScreenInbound("I can't breathe").Language);
        Assert.Equal("es", Screen.ScreenInbound("me ahogo").Language);
        Assert.Equal("es", Screen.ScreenInbound("quiero hablar con el gerente").Language);
    }

    [Theory]
    [InlineData("¿eres un robot?")]
    [InlineData("estoy hablando con una persona real o con una máquina?")]
    public void Asking_if_it_is_a_person_is_answered_not_handed_off(string text)
    {
        var finding = Screen.ScreenInbound(text);
        Assert.True(finding.AsksIfHuman);
        Assert.Null(finding.Category);
    }

    [Theory]
    [InlineData("resérvalo de todos modos")]
    [InlineData("no me importa, es mi decisión")]
    public void Insisting_in_spanish_is_insisting(string text) => Assert.True(Screen.ScreenInbound(text).Insists);

    [Theory]
    [InlineData("me hinché después del relleno de labios, ¿es normal?")]
    [InlineData("¿puedo tomar vino después del bótox?")]
    public void Spanish_treatment_words_count_for_with_treatment_rules(string text) =>
        Assert.Equal("medical", Screen.ScreenInbound(text).Category?.Name);

    [Fact]
    public void Spanish_blocks_rank_with_their_category_emergency_first()
    {
        // A person request and an emergency in one message: the emergency wins, in either language.
        Assert.Equal("emergency", Screen.ScreenInbound("quiero hablar con el gerente, no puedo respirar").Category?.Name);
        Assert.Equal("emergency", Screen.ScreenInbound("let me talk to a manager, no puedo respirar").Category?.Name);
    }
}
