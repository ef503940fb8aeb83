using FrontDesk.Agent.Understanding.Spanish;

namespace FrontDesk.Agent.Tests.Understanding.Spanish;

public sealed class SpanishGlossTests
{
    [Theory]
    [InlineData("quiero un masaje sueco mañana a las 3 de la tarde", "I want a swedish massage tomorrow at 3 pm")]
    [InlineData("¿Tienen citas el jueves por la mañana?", "do you have openings thursday in the morning?")]
    [InlineData("ola kiero una sita", "hi I want a appointment")]
    [InlineData("me llamo Sofía Ramírez", "my name is Sofía Ramírez")]
    [InlineData("a las 3 y media", "at 3:30")]
    [InlineData("el 14", "the 14th")]
    [InlineData("no, mejor el viernes", "no, actually friday")]
    [InlineData("pasado mañana después de las 5", "the day after tomorrow after 5")]
    [InlineData("la primera", "the first one")]
    [InlineData("depilación láser", "laser hair removal")]
    [InlineData("el sueco de 60", "the swedish 60 minute")]
    [InlineData("el profundo porfa", "the deep tissue please")]
    [InlineData("ok agendame uno pal lunes", "ok book me one for monday")]
    [InlineData("pal sabado en la tarde", "for saturday in the afternoon")]
    [InlineData("sip", "yes")]
    [InlineData("ok y cuando tienen?", "ok and when do you have?")]
    [InlineData("el jueves q viene en la mañana", "next thursday in the morning")]
    [InlineData("la 1era", "the first one")]
    [InlineData("ay no sabe que, mejor cancelela", "ay no you know what, actually cancel it")]
    [InlineData("no espere, mejor dejela como esta", "no wait, actually leave it where it is")]
    [InlineData("el fin de semana siguiente", "the following weekend")]
    [InlineData("un facial pa mi mama y pa mi el sabado", "a facial for my mom and me saturday")]
    [InlineData("dos masajes suecos al mismo tiempo el viernes", "two swedish massages at the same time friday")]
    [InlineData("mejor con otra persona, no la que me dijo", "actually with someone else, not the one you said")]
    [InlineData("que no sea maya, alguien mas?", "not maya, anyone else?")]
    [InlineData("mañana saliendo del trabajo tipo 6", "tomorrow after work like 6")]
    [InlineData("puedo llevar mi propio aceite", "can I bring my own oil")]
    [InlineData("la 2da", "the second one")]
    [InlineData("el segundo", "the second one")]
    public void Spanish_reads_as_plain_english(string spanish, string english) => Assert.Equal(english, SpanishGloss.ToEnglish(spanish));

    [Fact]
    public void A_profiles_spanish_service_name_reads_as_its_own_name()
    {
        var vocabulary = new FrontDesk.Agent.Understanding.SpaVocabulary(
            [
                new("lip-filler", "Lip Filler", ["lip injections", "Relleno de labios"], "injectable") { LocalNames = ["Relleno de labios"] },
                new("cheek-filler", "Cheek Filler", ["relleno"], "injectable") { LocalNames = ["relleno"] },
                new("dermal-filler", "Dermal Filler", ["relleno"], "injectable") { LocalNames = ["relleno"] },
            ], [], []);
        Assert.Equal("and the Lip Filler?", SpanishGloss.ToEnglish("y el relleno de labios?", vocabulary));
        // A Spanish word two services share is kept as written, for the matcher to offer both.
        Assert.Equal("and the relleno?", SpanishGloss.ToEnglish("y el relleno?", vocabulary));
    }
}
