using FrontDesk.Channels.Twilio;

namespace FrontDesk.Channels.Tests.Twilio;

/// <summary>Spanish SMS keywords and opt-out wording: recognised like STOP, START and HELP, and said to be Spanish.</summary>
public sealed class SpanishSmsKeywordsTests
{
    [Theory]
    [InlineData("ALTO")]
    [InlineData("alto")]
    [InlineData("Parar")]
    [InlineData("BAJA")]
    [InlineData("baja.")]
    [InlineData("DETENER")]
    [InlineData("cancelar suscripción")]
    [InlineData("no me manden más mensajes")]
    [InlineData("ya no me envien mensajes porfa")]
    [InlineData("dejen de mandarme mensajes")]
    [InlineData("quiero darme de baja")]
    [InlineData("bórrenme de su lista")]
    [InlineData("no me escriban mas")]
    [InlineData("ya no me escriban porfa gracias")]
    [InlineData("ya no me manden nada por favor")]
    public void Spanish_stop_words_opt_out_and_are_spanish(string body)
    {
        Assert.Equal(SmsKeyword.OptOut, SmsKeywords.Classify(body));
        Assert.Equal("es", SmsKeywords.LanguageOf(body));
    }

    [Theory]
    [InlineData("AYUDA", SmsKeyword.Help)]
    [InlineData("ayuda!", SmsKeyword.Help)]
    [InlineData("COMENZAR", SmsKeyword.OptIn)]
    [InlineData("reanudar", SmsKeyword.OptIn)]
    public void Spanish_help_and_start_words(string body, SmsKeyword keyword)
    {
        Assert.Equal(keyword, SmsKeywords.Classify(body));
        Assert.Equal("es", SmsKeywords.LanguageOf(body));
    }

    [Theory]
    [InlineData("STOP", "en")]
    [InlineData("HELP", "en")]
    [InlineData("hola", null)]
    public void English_keywords_are_english_and_other_text_is_no_keyword(string body, string? language) =>
        Assert.Equal(language, SmsKeywords.LanguageOf(body));

    [Theory]
    // "cancelar" is how a client cancels an appointment: not an opt-out (Twilio only forces that on CANCEL).
    [InlineData("cancelar")]
    [InlineData("quiero cancelar mi cita")]
    [InlineData("para mañana a las 3")]
    [InlineData("alto el volumen de la musica en el masaje por favor")]
    [InlineData("por favor no dejen de mandarme mensajes de recordatorio")]
    [InlineData("si")]
    [InlineData("no me manden la factura por correo, mejor por mensaje")]
    [InlineData("ya no me escribieron la confirmacion de mi cita")]
    public void Ordinary_spanish_messages_are_no_keyword(string body) =>
        Assert.Equal(SmsKeyword.None, SmsKeywords.Classify(body));
}
