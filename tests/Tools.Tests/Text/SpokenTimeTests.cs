using FrontDesk.Tools.Text;

namespace FrontDesk.Tools.Tests.Text;

/// <summary>Days and times said in English and in Spanish, as the texts to clients say them.</summary>
public sealed class SpokenTimeTests
{
    [Theory]
    [InlineData("2026-11-27T14:30", null, "Friday, November 27 at 2:30 PM")]
    [InlineData("2026-11-27T14:30", "en", "Friday, November 27 at 2:30 PM")]
    [InlineData("2026-11-27T14:30", "es", "viernes 27 de noviembre a las 2:30 p. m.")]
    [InlineData("2026-11-25T10:00", "es", "miércoles 25 de noviembre a las 10 a. m.")]
    [InlineData("2026-12-05T13:00", "es", "sábado 5 de diciembre a la 1 p. m.")]
    [InlineData("2026-01-01T12:00", "es", "jueves 1 de enero al mediodía")]
    [InlineData("2026-03-01T00:15", "es", "domingo 1 de marzo a las 12:15 a. m.")]
    [InlineData("2026-11-27T14:30", "fr", "Friday, November 27 at 2:30 PM")]
    public void DayAndTime_in_a_language_reads_as_people_say_it(string local, string? language, string expected) =>
        Assert.Equal(expected, SpokenTime.DayAndTime(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), language));
}
