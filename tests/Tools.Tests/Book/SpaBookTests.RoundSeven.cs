using FrontDesk.TestSupport;
using FrontDesk.Tools.Booking;

namespace FrontDesk.Tools.Tests.Book;

public abstract partial class SpaBookTests
{
    [StoreFact]
    public async Task Find_client_gives_the_recent_visits_newest_first_without_cancelled_or_upcoming_ones()
    {
        // "my usual": the engine takes the service and provider of the newest visit. Cancelled and future ones are not visits.
        await using var h = await StartAsync();
        var profile = h.Get<FrontDesk.Tools.Profile.SpaProfile>();
        var book = h.Get<AppointmentBook>();
        await book.InsertAsync(NewAppointment(profile, "deep-tissue-60", "jordan", "mission-massage-1", Utc(profile, 2026, 11, 5, 15)), Tester, default);
        await book.InsertAsync(NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", Utc(profile, 2026, 11, 10, 14)), Tester, default);
        await book.InsertAsync(NewAppointment(profile, "hydrafacial", "priya", "mission-facial-1", Utc(profile, 2026, 11, 16, 10), status: AppointmentStatus.Cancelled), Tester, default);
        await book.InsertAsync(NewAppointment(profile, "signature-facial", "priya", "mission-facial-1", Utc(profile, 2026, 11, 27, 10)), Tester, default);

        var found = await CallAsync(h, Verified(AvaPhone), "find_client");

        Assert.Equal("ok", Status(found));
        var visits = Prop(Data(found), "recent_visits").EnumerateArray().ToList();
        Assert.Equal(["swedish-60", "deep-tissue-60"], visits.Select(v => Prop(v, "service_id").GetString()));
        Assert.Equal("maya", Prop(visits[0], "provider_id").GetString());
        Assert.Equal("2026-11-10", Prop(visits[0], "day").GetString());
    }
}
