using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding.Spanish;

/// <summary>Spanish text → the same typed facts as English (Wednesday 2026-11-25 is "today").</summary>
public sealed class SpanishUnderstandingTests
{
    private static readonly Understander Understander = new();

    private static UnderstandingContext Es(AgentQuestion asked = AgentQuestion.Nothing, SpaVocabulary? vocabulary = null) =>
        new(TestVocabularies.Wednesday, vocabulary ?? TestVocabularies.MedSpa) { LastAsked = asked, Language = "es" };

    [Fact]
    public void A_full_booking_request_in_spanish_is_read_in_one_go()
    {
        var u = Understander.Understand("Hola, quisiera reservar un masaje sueco de 90 minutos con Maya el próximo viernes a las 3 de la tarde", Es());
        Assert.Equal(Intent.Book, u.Intent);
        Assert.Equal("swedish-90", u.Services.Service?.Id);
        Assert.Equal("maya", u.Staff.Person?.Id);
        Assert.Equal(DateRange.Day(new DateOnly(2026, 11, 27)), u.Date?.Range); // "el próximo viernes": the coming Friday
        Assert.Equal(new TimeOnly(15, 0), u.Time?.Exact);
    }

    [Theory]
    [InlineData("quisiera cambiar mi cita para el viernes")]
    [InlineData("necesito cambiar la cita al jueves")]
    [InlineData("¿puedo cambiar mi cita?")]
    [InlineData("quiero cambiar mi turno para el lunes")]
    public void Changing_my_appointment_is_a_move_not_a_booking(string text) =>
        Assert.Equal(Intent.Reschedule, Understander.Understand(text, Es()).Intent);

    [Theory]
    [InlineData("mañana", 2026, 11, 26)]
    [InlineData("pasado mañana", 2026, 11, 27)]
    [InlineData("el jueves", 2026, 11, 26)]
    [InlineData("el 14", 2026, 12, 14)]
    [InlineData("el 3 de diciembre", 2026, 12, 3)]
    public void Spanish_days(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), Understander.Understand(text, Es(AgentQuestion.Date)).Date?.Range.Start);

    [Fact]
    public void Next_week_is_a_range()
    {
        var u = Understander.Understand("la próxima semana", Es(AgentQuestion.Date));
        Assert.Equal(new DateOnly(2026, 11, 30), u.Date?.Range.Start);
        Assert.Equal(new DateOnly(2026, 12, 6), u.Date?.Range.End);
    }

    [Fact]
    public void Spanish_times()
    {
        Assert.Equal(new TimeOnly(15, 0), Understander.Understand("a las 3 de la tarde", Es()).Time?.Exact);
        Assert.Equal(new TimeOnly(10, 30), Understander.Understand("a las 10 y media de la mañana", Es()).Time?.Exact);
        Assert.Equal(new TimeOnly(12, 0), Understander.Understand("por la mañana", Es()).Time?.To);
        Assert.Equal(new TimeOnly(17, 0), Understander.Understand("después de las 5", Es()).Time?.From);
    }

    [Theory]
    [InlineData("sí", YesNo.Yes)]
    [InlineData("claro", YesNo.Yes)]
    [InlineData("dale", YesNo.Yes)]
    [InlineData("sí, por favor", YesNo.Yes)]
    [InlineData("no", YesNo.No)]
    [InlineData("no, gracias", YesNo.No)]
    public void Spanish_yes_and_no(string text, YesNo expected) =>
        Assert.Equal(expected, Understander.Understand(text, Es(AgentQuestion.Confirmation)).YesNo);

    [Fact]
    public void No_better_friday_is_a_no_with_a_new_day()
    {
        var u = Understander.Understand("no, mejor el viernes", Es(AgentQuestion.Confirmation));
        Assert.Equal(YesNo.No, u.YesNo);
        Assert.Equal(new DateOnly(2026, 11, 27), u.Date?.Range.Start);
    }

    [Fact]
    public void Names_and_numbers()
    {
        var u = Understander.Understand("me llamo Lucía Gómez y mi número es 415 555 0123", Es());
        Assert.Equal("Lucía Gómez", u.Name);
        Assert.Equal("+14155550123", u.Phone);
        Assert.Equal("Tomás Ruiz", Understander.Understand("soy Tomás Ruiz", Es()).Name);
    }

    [Fact]
    public void Picks_among_offered_slots()
    {
        var offered = new[] { new OfferedSlot(new DateOnly(2026, 11, 27), new TimeOnly(10, 0)), new OfferedSlot(new DateOnly(2026, 11, 27), new TimeOnly(11, 0)) };
        var context = Es(AgentQuestion.SlotChoice) with { OfferedSlots = offered };
        Assert.Equal(1, Understander.Understand("la segunda", context).ChosenSlot);
        Assert.Equal(1, Understander.Understand("a las 11 está bien", context).ChosenSlot);
        Assert.Equal(0, Understander.Understand("la primera", context).ChosenSlot);
    }

    [Theory]
    [InlineData("quiero cancelar mi cita", Intent.Cancel)]
    [InlineData("kiero kanselar mi sita", Intent.Cancel)]
    [InlineData("anóteme en la lista de espera", Intent.Waitlist)]
    [InlineData("¿tienen estacionamiento?", Intent.Faq)]
    public void Spanish_intents_typos_included(string text, Intent expected) =>
        Assert.Equal(expected, Understander.Understand(text, Es()).Intent);

    [Theory]
    [InlineData("masaje de tejido profundo", "deep-tissue-60")]
    [InlineData("piedras calientes", "hot-stone")]
    [InlineData("depilación láser", "laser-hair")]
    [InlineData("relleno de labios", "lip-filler")]
    [InlineData("bótox", "botox")]
    [InlineData("hidrafacial", "hydrafacial")]
    public void The_bilingual_vocabulary_finds_the_profile_service(string text, string id) =>
        Assert.Equal(id, Understander.Understand(text, Es(AgentQuestion.Service)).Services.Service?.Id);

    [Fact]
    public void Manicura_de_gel_is_the_salon_gel_manicure() =>
        Assert.Equal("gel-mani", Understander.Understand("una manicura de gel", Es(AgentQuestion.Service, TestVocabularies.NailSalon)).Services.Service?.Id);

    [Theory]
    [InlineData("bueno entonces quiero hacer una")]
    [InlineData("ok agendame uno pal lunes")]
    public void Booking_one_is_a_booking(string text)
    {
        var u = Understander.Understand(text, Es());
        Assert.True(u.Intent == Intent.Book, $"{u.Intent} ({u.Text})");
    }

    [Theory]
    [InlineData("ok y cuando tienen?", AgentQuestion.Nothing)]
    public void Asking_when_there_are_openings_is_not_out_of_scope(string text, AgentQuestion asked)
    {
        var u = Understander.Understand(text, Es(asked));
        Assert.True(u.Intent is not Intent.OutOfScope, $"{u.Intent} ({u.Text})");
    }
}
