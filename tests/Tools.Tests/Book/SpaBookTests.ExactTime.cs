using FrontDesk.TestSupport;

namespace FrontDesk.Tools.Tests.Book;

/// <summary>
/// Issue 12: a move to an exact time asks first whether the appointment's own provider is free then, with no_alternatives;
/// when they are not, nothing is offered or remembered, so the engine's wider search after it offers what it would have.
/// </summary>
public abstract partial class SpaBookTests
{
    [StoreFact]
    public async Task Check_availability_with_no_alternatives_offers_nothing_else_when_the_window_is_taken()
    {
        // Sofia does not work on Mondays: at 10:00 with her there is nothing.
        await using var h = await StartAsync();
        var scope = Verified(AvaPhone);
        (string, object?)[] sofiaAtTen = [("service", "signature-facial"), ("date", "2026-11-30"), ("after", "10:00"), ("before", "10:00"), ("near", "10:00"),
            ("provider", "Sofia Alvarez"), ("location", "Marina")];

        var narrow = await CallAsync(h, scope, "check_availability", [.. sofiaAtTen, ("no_alternatives", true)]);
        Assert.Equal("no_slots", Status(narrow));
        Assert.Empty(Prop(Data(narrow), "alternatives").EnumerateArray());
        Assert.Empty(scope.Offered);

        var wide = await CallAsync(h, scope, "check_availability", sofiaAtTen);
        Assert.Equal("no_slots", Status(wide));
        Assert.NotEmpty(Prop(Data(wide), "alternatives").EnumerateArray());
    }

    [StoreFact]
    public async Task Check_availability_with_no_alternatives_offers_the_one_time_when_it_is_open()
    {
        // Priya works Friday 09:00-15:00 at Mission District.
        await using var h = await StartAsync();
        var scope = Verified(AvaPhone);

        var narrow = await CallAsync(h, scope, "check_availability", ("service", "signature-facial"), ("date", "2026-11-27"), ("after", "10:00"), ("before", "10:00"),
            ("provider", "Priya Patel"), ("location", "Mission District"), ("no_alternatives", true));

        Assert.Equal("ok", Status(narrow));
        var slot = Assert.Single(Slots(narrow));
        Assert.StartsWith("2026-11-27T10:00", Prop(slot, "local_start").GetString()!, StringComparison.Ordinal);
        Assert.Equal("Priya Patel", Prop(slot, "provider").GetString());
    }
}
