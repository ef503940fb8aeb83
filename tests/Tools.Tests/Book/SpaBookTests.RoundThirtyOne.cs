using FrontDesk.TestSupport;
using FrontDesk.Tools.Booking;

namespace FrontDesk.Tools.Tests.Book;

/// <summary>
/// Issue 12, round 31: two people with two different services at one time (check_availability with party=2 and
/// with_service): each pair is one opening of each service, two providers at one place, each in a room of their kind, each
/// with its own length; booked on one yes, the second person's name kept on their appointment (guest_name). A second day
/// searched whole beside a day with a part of it (also_date). Both stores.
/// </summary>
public abstract partial class SpaBookTests
{
    [StoreFact]
    public async Task Two_services_for_two_people_are_offered_as_pairs_and_the_guests_name_is_kept()
    {
        await using var h = await StartAsync();
        var ava = Verified(AvaPhone);

        // Tuesday at 11: Jordan (massage) and Sofia (facials) at the Marina, Maya and Priya at Mission.
        var offer = await CallAsync(h, ava, "check_availability", ("service", "swedish 60"), ("date", "2026-11-24"), ("near", "11:00"), ("party", 2),
            ("with_service", "hydrafacial"));
        Assert.True(Status(offer) == "ok", offer.GetRawText());
        Assert.Equal("HydraFacial", Prop(Data(offer), "second_service").GetString());
        var pair = Prop(Data(offer), "pairs").EnumerateArray().First();
        Assert.Equal("11 AM", Prop(pair, "time").GetString());
        Assert.Equal(Prop(pair, "time").GetString(), Prop(pair, "second_time").GetString());
        (string, object?)[] args = [("slot_id", Prop(pair, "slot_id").GetString()), ("with_slot_id", Prop(pair, "with_slot_id").GetString()), ("guest_name", "Mia")];

        var readBack = await CallAsync(h, ava, "book_appointment", args);
        Assert.True(Status(readBack) == "needs_confirmation", readBack.GetRawText());
        Assert.Contains("Mia", Prop(Data(readBack), "read_back").GetString(), StringComparison.Ordinal);
        ava.BeginTurn(saidYes: true);
        Assert.Equal("booked", Status(await CallAsync(h, ava, "book_appointment", args)));

        var booked = (await h.Get<AppointmentBook>().ListForClientAsync("c-ava", DateTime.MinValue, CancellationToken.None)).OrderBy(a => a.ServiceId).ToList();
        Assert.Equal(["hydrafacial", "swedish-60"], booked.Select(a => a.ServiceId));
        Assert.Equal(booked[0].StartsAtUtc, booked[1].StartsAtUtc);
        Assert.Equal(booked[0].LocationId, booked[1].LocationId);
        // Each its own length, from its own service.
        var profile = h.Get<FrontDesk.Tools.Profile.SpaProfile>();
        Assert.All(booked, a => Assert.Equal(profile.FindService(a.ServiceId)!.DurationMin, (a.EndsAtUtc - a.StartsAtUtc).TotalMinutes));
        Assert.Equal("Mia", booked[0].GuestName);
        Assert.Null(booked[1].GuestName);
        Assert.Equal(1, await CountAsync(h, "SELECT COUNT(*) FROM appointments WHERE guest_name = 'Mia' AND service_id = 'hydrafacial'"));
    }

    [StoreFact]
    public async Task Two_services_with_no_place_for_both_at_once_are_no_pairs()
    {
        await using var h = await StartAsync();
        var ava = Verified(AvaPhone);

        // Friday at 4: Maya (massage) is at Mission, Sofia (facials) at the Marina; Priya's Friday ends at 3.
        var offer = await CallAsync(h, ava, "check_availability", ("service", "swedish 60"), ("date", "2026-11-27"), ("after", "16:00"), ("before", "16:00"),
            ("party", 2), ("with_service", "hydrafacial"));

        Assert.True(Status(offer) == "no_pairs", offer.GetRawText());
        Assert.All(Prop(Data(offer), "alternatives").EnumerateArray(), p => Assert.Equal(Prop(p, "time").GetString(), Prop(p, "second_time").GetString()));
    }

    [StoreFact]
    public async Task Another_day_searched_whole_beside_a_day_with_its_afternoon()
    {
        await using var h = await StartAsync();
        var ava = Verified(AvaPhone);

        var offer = await CallAsync(h, ava, "check_availability", ("service", "hydrafacial"), ("date", "2026-11-27"), ("time_of_day", "afternoon"),
            ("also_date", "2026-11-28"));

        Assert.True(Status(offer) == "ok", offer.GetRawText());
        var starts = Prop(Data(offer), "slots").EnumerateArray().Select(s => Prop(s, "local_start").GetString()!).ToList();
        Assert.Contains(starts, d => d.StartsWith("2026-11-27T", StringComparison.Ordinal) && string.CompareOrdinal(d[11..], "12:00") >= 0);
        Assert.Contains(starts, d => d.StartsWith("2026-11-28T", StringComparison.Ordinal));
        Assert.DoesNotContain(starts, d => d.StartsWith("2026-11-27T", StringComparison.Ordinal) && string.CompareOrdinal(d[11..], "12:00") < 0);
    }
}
