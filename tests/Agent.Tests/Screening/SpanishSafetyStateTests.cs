using FrontDesk.Agent.Screening;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Text;

namespace FrontDesk.Agent.Tests.Screening;

/// <summary>
/// Safety in the state, in Spanish (issue 13): conditions said in Spanish reach the tools as the English ones do, a
/// service made for a condition is not a disclosure, and a Spanish draft gets the same medical-advice screen.
/// </summary>
public sealed class SpanishSafetyStateTests
{
    private static readonly SpaProfile Demo = SpaProfileLoader.Load(TestFiles.DemoProfile);
    private static readonly EscalationRules Rules = EscalationRules.Load(Path.Combine(TestFiles.Prompts, "escalation.yaml"));
    private static readonly SafetyScreen Screen = new(Demo, Rules);

    private static string Template(string key) => $"<{key}>";

    [Theory]
    [InlineData("estoy embarazada")]
    [InlineData("Estoy embarazada de 5 meses 🤰")]
    [InlineData("estoy embarasada y quiero un masaje el viernes")]
    [InlineData("tengo 20 semanas")]
    [InlineData("hola, tengo 20 semanas y me encantaria un masaje sueco")]
    [InlineData("llevo 12 semanas de embarazo")]
    [InlineData("estoy esperando un bebé")]
    public void A_pregnancy_said_in_Spanish_is_the_persons_stated_condition(string text)
    {
        var finding = Screen.ScreenInbound(text);
        Assert.Contains("pregnancy-first-trimester", finding.StatedConditions);
        Assert.False(finding.OthersOnly);
    }

    [Theory]
    [InlineData("I'm pregnant")]
    [InlineData("estoy embarazada")]
    public void Spanish_and_English_state_the_same_conditions(string text) =>
        Assert.Equal(Screen.ScreenInbound("I'm pregnant").StatedConditions, Screen.ScreenInbound(text).StatedConditions);

    [Theory]
    [InlineData("mi hermana está embarazada y yo quiero un masaje sueco")]
    [InlineData("mi cuñada está embarazada")]
    public void Someone_elses_pregnancy_is_not_the_persons(string text)
    {
        var finding = Screen.ScreenInbound(text);
        Assert.Empty(finding.StatedConditions);
        Assert.True(finding.OthersOnly);
    }

    [Theory]
    [InlineData("tengo 2 semanas de vacaciones, quiero un facial")]
    [InlineData("por favor póngame en la lista de espera para un peeling químico la próxima semana")]
    [InlineData("quiero un peeling quimico")]
    [InlineData("¿tienen masajes para embarazadas?")]
    [InlineData("me gustaría un masaje para embarazadas el viernes")]
    [InlineData("do you have a massage for pregnant women?")]
    public void A_service_made_for_a_condition_or_a_chemical_peel_is_not_a_disclosure(string text)
    {
        var finding = Screen.ScreenInbound(text);
        Assert.Null(finding.Category);
        Assert.Empty(finding.StatedConditions);
    }

    [Fact]
    public void The_Spanish_condition_is_what_makes_it_medical_so_a_booking_goes_to_the_tools()
    {
        var finding = Screen.ScreenInbound("estoy embarazada, quisiera un masaje sueco el martes");
        Assert.Equal("medical", finding.Category?.Name);
        Assert.True(finding.ConditionOnly);
        // A question for a clinician about it is not only a statement.
        Assert.False(Screen.ScreenInbound("estoy embarazada, ¿es seguro el masaje sueco?").ConditionOnly);
        Assert.False(Screen.ScreenInbound("tomo anticoagulantes, me puedo poner relleno?").ConditionOnly);
        Assert.True(Screen.ScreenInbound("estoy embarazada, ¿puedo hacer una cita para un masaje sueco?").ConditionOnly);
        // Round 16: beside a service made for it, the pregnancy is not a question at all; the tools still see it.
        Assert.Null(Screen.ScreenInbound("estoy embarazada, ¿puedo hacer una cita para un masaje prenatal?").Category);
    }

    [Theory]
    [InlineData("Evite el sol y el alcohol por 48 horas y va a estar bien.")]
    [InlineData("Es totalmente normal, es una reacción común.")]
    [InlineData("Tómese un poco de ibuprofeno si le molesta.")]
    [InlineData("Póngase hielo y espere 24 horas antes de hacer ejercicio.")]
    [InlineData("No hay de qué preocuparse, la hinchazón debería bajar en unos días.")]
    [InlineData("Con 20 unidades en la frente queda perfecto.")]
    [InlineData("Sí, puede tomar alcohol después del bótox.")]
    [InlineData("Es perfectamente seguro durante el embarazo.")]
    public void A_Spanish_draft_with_advice_is_replaced_like_an_English_one(string draft)
    {
        var screened = Screen.ScreenReply(draft, Template);
        Assert.Contains("medical_advice", screened.Findings);
        Assert.Equal("<medical_no_advice>", screened.Text);
    }

    [Fact]
    public void Every_shipped_Spanish_reply_and_the_profiles_Spanish_wording_pass_the_reply_screen_unchanged()
    {
        var replies = LocalizedTemplates.Load(TestFiles.Prompts, "replies.yaml", ["en", "es"]).For("es");
        var values = new Dictionary<string, string>
        {
            ["spa"] = Demo.Spa.Name, ["service"] = "HydraFacial", ["name"] = "Ava", ["price"] = "$199", ["date"] = "miércoles 25 de noviembre",
            ["time"] = "2:00 p. m.", ["provider"] = "Priya", ["location"] = "Mission District",
        };
        var texts = replies.Names.Select(n => (n, replies.Render(n, values)))
            .Concat(Demo.Faq.SelectMany(f => f.Answers.Values).Select(a => ("faq", a)))
            .Concat(Demo.Policies.Translations.Values.SelectMany(t => t.Values).Select(p => ("policy", p)));
        foreach (var (name, text) in texts)
        {
            var screened = Screen.ScreenReply(text, Template);
            Assert.True(screened.Findings.Count == 0, $"{name}: {string.Join(", ", screened.Findings)} in \"{text}\"");
        }
    }
}
