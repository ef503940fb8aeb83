using FrontDesk.Tools.Profile;

namespace FrontDesk.Tools.Booking;

/// <summary>
/// Whose appointments an availability search needs (<see cref="AppointmentBook.ListBlockingAsync"/>): those of the providers
/// who give its services, wherever they work, and those in a room of the services' kinds at any location. No other
/// appointment can block one of its openings, so none other is read (issue 16, round 35: the read grew with the whole book).
/// </summary>
/// <param name="StaffIds">The providers' ids, each between commas (<c>,maya,jordan,</c>).</param>
/// <param name="Rooms">The rooms as location id, '/', room id, each between commas (<c>,mission/mission-massage-1,</c>).</param>
public sealed record BlockingScope(string StaffIds, string Rooms)
{
    /// <summary>The scope of a search for <paramref name="services"/> (one, or two for two people with different services).</summary>
    public static BlockingScope Of(SpaProfile profile, params IReadOnlyList<Service> services)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(services);
        var staff = profile.Staff.Where(s => services.Any(v => s.ServiceIds.Contains(v.Id))).Select(s => s.Id);
        var rooms = profile.Locations.SelectMany(l => l.Rooms.Where(r => services.Any(v => v.RoomType == r.Type)).Select(r => l.Id + "/" + r.Id));
        return new BlockingScope(Delimited(staff), Delimited(rooms));
    }

    // ",a,b," (",," for none): a value is in the list when ",value," is in the text; an id with a comma or a slash can only
    // match more than it should (an appointment read that blocks nothing), never less.
    private static string Delimited(IEnumerable<string> values) => "," + string.Join(',', values) + ",";
}
