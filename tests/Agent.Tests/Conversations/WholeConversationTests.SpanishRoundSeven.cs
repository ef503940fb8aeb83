using FrontDesk.TestSupport;

namespace FrontDesk.Agent.Tests.Conversations;

public abstract partial class WholeConversationTests
{
    [StoreFact]
    public async Task A_question_at_a_Spanish_read_back_is_answered_then_the_read_back_is_asked_again_in_Spanish()
    {
        await using var h = await StartAsync();
        var replies = await h.TalkAsync("es7_rb", "sms", AvaPhone, "hydrafacial el sabado a las 10", "a las 10 esta bien", "y hay estacionamiento?", "ok si reservelo");
        var restated = replies[2].Text!;
        Assert.True(restated.Contains("estacionamiento", StringComparison.OrdinalIgnoreCase), h.Said);
        Assert.True(restated.Contains("¿Le reservo HydraFacial con Sofia Alvarez el sábado 28 de noviembre a las 10 a. m.", StringComparison.Ordinal), h.Said);
        Assert.DoesNotContain("Shall I", restated, StringComparison.Ordinal);
        Assert.DoesNotContain("Saturday", restated, StringComparison.Ordinal);
        Assert.Single(await h.BookedAsync());
    }

    [StoreFact]
    public async Task A_spanglish_first_message_is_answered_in_the_language_of_its_frame()
    {
        await using var h = await StartAsync();
        var spanish = await h.TalkAsync("es7_sg_es", "web", null, "hola, quiero book un facial para el friday");
        Assert.Equal("es", spanish[0].Language);
        Assert.True(spanish[0].Text!.Contains("Facial Signature", StringComparison.Ordinal), h.Said);
        var english = await h.TalkAsync("es7_sg_en", "web", null, "can I book a masaje de tejido profundo");
        Assert.Equal("en", english[0].Language);
        Assert.True(english[0].Text!.Contains("Deep Tissue Massage", StringComparison.Ordinal), h.Said);
    }
}
