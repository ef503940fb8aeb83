using FrontDesk.TestSupport;

namespace FrontDesk.Tools.Tests.Book;

public abstract partial class SpaBookTests
{
    [StoreFact]
    public async Task Check_availability_leaves_out_the_weekdays_ruled_out()
    {
        // "any day but monday or tuesday" (round 34): Monday 23 to Sunday 29 searched, no opening on a Monday or a Tuesday.
        await using var h = await StartAsync();
        var scope = Verified(AvaPhone);

        var all = await CallAsync(h, scope, "check_availability", ("service", "swedish-60"), ("date", "2026-11-23"), ("end_date", "2026-11-29"));
        var notThose = await CallAsync(h, scope, "check_availability", ("service", "swedish-60"), ("date", "2026-11-23"), ("end_date", "2026-11-29"),
            ("exclude_weekdays", "monday, Tuesday"));

        Assert.Contains(Slots(all), s => Prop(s, "local_start").GetString()!.StartsWith("2026-11-2", StringComparison.Ordinal)
            && DateOnly.Parse(Prop(s, "local_start").GetString()![..10], System.Globalization.CultureInfo.InvariantCulture).DayOfWeek is DayOfWeek.Monday or DayOfWeek.Tuesday);
        Assert.Equal("ok", Status(notThose));
        Assert.All(Slots(notThose), s => Assert.DoesNotContain(
            DateOnly.Parse(Prop(s, "local_start").GetString()![..10], System.Globalization.CultureInfo.InvariantCulture).DayOfWeek, new[] { DayOfWeek.Monday, DayOfWeek.Tuesday }));
    }

    [StoreFact]
    public async Task Check_availability_refuses_a_weekday_it_cannot_read()
    {
        await using var h = await StartAsync();
        var scope = Verified(AvaPhone);

        var result = await CallAsync(h, scope, "check_availability", ("service", "swedish-60"), ("exclude_weekdays", "someday"));

        Assert.Equal("bad_argument", Status(result));
    }
}
