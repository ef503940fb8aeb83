using FrontDesk.TestSupport;
using FrontDesk.Tools.Availability;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Profile;

namespace FrontDesk.Tools.Tests.Book;

public abstract partial class SpaBookTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateOnly Tuesday = new(2026, 11, 24);

    private static Task<IReadOnlyList<Slot>> FindAsync(SpaBookHarness h, string serviceId, DateOnly from, DateOnly? to = null,
        string? staff = null, string? location = null, TimeOnly? earliest = null, TimeOnly? latest = null) =>
        h.Get<AvailabilityFinder>().FindAsync(
            new AvailabilityQuery(h.Get<SpaProfile>().FindService(serviceId)!, from, to ?? from, earliest, latest, staff, location), CancellationToken.None);

    [StoreFact]
    public async Task Every_slot_over_two_weeks_respects_hours_closures_schedules_skills_rooms_lead_time_and_the_grid()
    {
        await using var h = await StartAsync();
        var profile = h.Get<SpaProfile>();
        var earliest = h.Clock.GetUtcNow().UtcDateTime.AddMinutes(profile.Policies.BookingLeadTimeMin);
        var total = 0;
        foreach (var service in profile.Services)
        {
            var slots = await FindAsync(h, service.Id, Monday, Monday.AddDays(13));
            total += slots.Count;
            foreach (var s in slots)
            {
                var location = profile.FindLocation(s.LocationId)!;
                var staff = profile.FindStaff(s.StaffId)!;
                var day = DateOnly.FromDateTime(s.LocalStart);
                var start = TimeOnly.FromDateTime(s.LocalStart);
                var end = start.AddMinutes(service.DurationMin);
                Assert.Equal(service.Id, s.ServiceId);
                Assert.Equal(profile.ToLocal(s.StartsAtUtc), s.LocalStart);
                Assert.Equal(DateTimeKind.Utc, s.StartsAtUtc.Kind);
                Assert.Equal(s.StartsAtUtc.AddMinutes(service.DurationMin), s.EndsAtUtc);
                Assert.True(location.Hours.Covers(day.DayOfWeek, start, end), $"{s} outside {location.Id} hours");
                Assert.DoesNotContain(day, location.Closures);
                Assert.True(staff.Schedule[location.Id].Covers(day.DayOfWeek, start, end), $"{s} outside {staff.Id}'s schedule");
                Assert.DoesNotContain(day, staff.TimeOff);
                Assert.Contains(service.Id, staff.ServiceIds);
                Assert.Contains(location, profile.LocationsOffering(service));
                Assert.Equal(service.RoomType, location.Rooms.Single(r => r.Id == s.RoomId).Type);
                Assert.True(s.StartsAtUtc >= earliest, $"{s} inside the lead time");
                Assert.Equal(0, s.LocalStart.Minute % AvailabilityFinder.GridMinutes);
                Assert.Equal(0, s.LocalStart.Second);
            }
        }
        Assert.True(total > 500, $"only {total} slots in two weeks");
    }

    [StoreFact]
    public async Task Nothing_is_offered_on_a_closure_day()
    {
        await using var h = await StartAsync();
        Assert.Empty(await FindAsync(h, "swedish-60", new DateOnly(2026, 11, 26)));
        Assert.NotEmpty(await FindAsync(h, "swedish-60", new DateOnly(2026, 11, 25)));
    }

    [StoreFact]
    public async Task Nothing_starts_before_now_plus_the_lead_time()
    {
        await using var h = await StartAsync(); // Monday 08:00, lead time 120 minutes
        var slots = await FindAsync(h, "swedish-60", Monday);
        Assert.Equal(new TimeOnly(10, 0), TimeOnly.FromDateTime(slots.Min(s => s.LocalStart)));

        h.Clock.Advance(TimeSpan.FromMinutes(50)); // 08:50 → nothing before 10:50, so 11:00 on the grid
        Assert.Equal(new TimeOnly(11, 0), TimeOnly.FromDateTime((await FindAsync(h, "swedish-60", Monday)).Min(s => s.LocalStart)));
    }

    [StoreFact]
    public async Task Nothing_is_offered_past_the_booking_horizon_or_in_the_past()
    {
        await using var h = await StartAsync();
        var profile = h.Get<SpaProfile>();
        var last = Monday.AddDays(profile.Policies.BookingHorizonDays);

        var slots = await FindAsync(h, "swedish-60", Monday, Monday.AddDays(120));
        Assert.Equal(last, slots.Max(s => DateOnly.FromDateTime(s.LocalStart)));
        Assert.Empty(await FindAsync(h, "swedish-60", last.AddDays(1), last.AddDays(10)));
        Assert.Empty(await FindAsync(h, "swedish-60", Monday.AddDays(-10), Monday.AddDays(-1)));
    }

    [StoreFact]
    public async Task A_provider_who_does_not_perform_the_service_gets_no_slots()
    {
        await using var h = await StartAsync();
        Assert.Empty(await FindAsync(h, "swedish-60", Monday, Monday.AddDays(13), staff: "priya"));
        Assert.Empty(await FindAsync(h, "botox", Monday, Monday.AddDays(13), staff: "sam"));
        var all = await FindAsync(h, "swedish-60", Monday, Monday.AddDays(13));
        Assert.DoesNotContain(all, s => s.StaffId is not ("maya" or "jordan"));
    }

    [StoreFact]
    public async Task A_preferred_provider_location_and_time_window_are_respected()
    {
        await using var h = await StartAsync();
        var maya = await FindAsync(h, "swedish-60", Monday, Monday.AddDays(13), staff: "maya");
        Assert.NotEmpty(maya);
        Assert.All(maya, s => Assert.Equal("maya", s.StaffId));

        var marina = await FindAsync(h, "signature-facial", Monday, Monday.AddDays(13), location: "marina");
        Assert.NotEmpty(marina);
        Assert.All(marina, s => Assert.Equal("marina", s.LocationId));
        Assert.All(marina, s => Assert.Equal("sofia", s.StaffId));

        var window = await FindAsync(h, "swedish-60", Tuesday, Tuesday.AddDays(6), earliest: new TimeOnly(13, 0), latest: new TimeOnly(14, 30));
        Assert.NotEmpty(window);
        Assert.All(window, s => Assert.InRange(TimeOnly.FromDateTime(s.LocalStart), new TimeOnly(13, 0), new TimeOnly(14, 30)));

        // Prenatal massage is offered only at Mission District.
        Assert.Empty(await FindAsync(h, "prenatal-60", Monday, Monday.AddDays(13), location: "marina"));
    }

    [StoreFact]
    public async Task Time_off_removes_a_providers_day()
    {
        var profile = DemoWith(("time_off: [\"2026-12-24\", \"2026-12-31\"]", "time_off: [\"2026-11-24\"]"));
        await using var h = await StartAsync(profile);
        Assert.Empty(await FindAsync(h, "swedish-60", Tuesday, staff: "maya"));
        Assert.NotEmpty(await FindAsync(h, "swedish-60", Tuesday.AddDays(1), staff: "maya"));
        Assert.NotEmpty(await FindAsync(h, "swedish-60", Tuesday.AddDays(7), staff: "maya"));
    }

    [StoreFact]
    public async Task Existing_appointments_and_their_buffers_block_the_provider()
    {
        await using var h = await StartAsync();
        var profile = h.Get<SpaProfile>();
        var ten = Utc(profile, 2026, 11, 24, 10);
        await h.Get<AppointmentBook>().InsertAsync(NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", ten), Tester, default);

        var slots = await FindAsync(h, "swedish-60", Tuesday, staff: "maya");
        var starts = slots.Select(s => TimeOnly.FromDateTime(s.LocalStart)).ToList();
        // A new 60+15 minute block must end by 10:00 and may start from 11:15.
        Assert.DoesNotContain(starts, t => t > new TimeOnly(8, 45) && t < new TimeOnly(11, 15));
        Assert.Contains(new TimeOnly(11, 15), starts);
        Assert.DoesNotContain(new TimeOnly(9, 0), starts);
    }

    [StoreFact]
    public async Task A_busy_room_blocks_other_providers_and_services_need_a_room_of_their_type()
    {
        await using var h = await StartAsync();
        var profile = h.Get<SpaProfile>();
        // Someone else is using the only laser room 10:00-11:00 (+30 min resurfacing buffer).
        var ten = Utc(profile, 2026, 11, 24, 10);
        await h.Get<AppointmentBook>().InsertAsync(NewAppointment(profile, "laser-resurfacing", "dr-kim", "mission-laser-1", ten), Tester, default);

        var slots = await FindAsync(h, "laser-hair-removal", Tuesday);
        Assert.NotEmpty(slots);
        Assert.All(slots, s => Assert.Equal("mission-laser-1", s.RoomId));
        Assert.DoesNotContain(slots, s => s.StartsAtUtc < ten.AddMinutes(90) && s.StartsAtUtc.AddMinutes(45) > ten);
        Assert.Contains(slots, s => s.StartsAtUtc == ten.AddMinutes(90));

        var consults = await FindAsync(h, "injectables-consult", Monday, Monday.AddDays(6));
        Assert.All(consults, s => Assert.Equal("injection", profile.FindLocation(s.LocationId)!.Rooms.Single(r => r.Id == s.RoomId).Type));
    }

    [StoreFact]
    public async Task Two_massage_rooms_allow_two_providers_at_once_but_not_three()
    {
        await using var h = await StartAsync();
        var profile = h.Get<SpaProfile>();
        var book = h.Get<AppointmentBook>();
        // Saturday at Mission: Jordan works there; fill both massage rooms with other work at 11:00.
        var sat = new DateOnly(2026, 11, 28);
        var eleven = Utc(profile, 2026, 11, 28, 11);
        await book.InsertAsync(NewAppointment(profile, "prenatal-60", "maya", "mission-massage-1", eleven), Tester, default);
        Assert.Contains(await FindAsync(h, "swedish-60", sat, staff: "jordan", location: "mission"), s => s.StartsAtUtc == eleven);
        await book.InsertAsync(NewAppointment(profile, "swedish-60", "alex", "mission-massage-2", eleven), Tester, default);
        Assert.DoesNotContain(await FindAsync(h, "swedish-60", sat, staff: "jordan", location: "mission"), s => s.StartsAtUtc == eleven);
    }

    [StoreFact]
    public async Task Demo_slots_around_the_fall_back_day_convert_to_the_right_instants()
    {
        // Sunday 2026-11-01: Los Angeles leaves daylight time at 02:00.
        await using var h = await StartAsync(now: new DateTimeOffset(2026, 10, 25, 12, 0, 0, TimeSpan.Zero));
        var before = await FindAsync(h, "swedish-60", new DateOnly(2026, 10, 31), location: "marina");
        var after = await FindAsync(h, "swedish-60", new DateOnly(2026, 11, 1), location: "marina");

        Assert.Equal(new DateTime(2026, 10, 31, 17, 0, 0, DateTimeKind.Utc), before.First(s => s.LocalStart.Hour == 10 && s.LocalStart.Minute == 0).StartsAtUtc);
        Assert.Equal(new DateTime(2026, 11, 1, 18, 0, 0, DateTimeKind.Utc), after.First(s => s.LocalStart.Hour == 10 && s.LocalStart.Minute == 0).StartsAtUtc);
    }

    [StoreFact]
    public async Task Demo_slots_around_the_spring_forward_day_convert_to_the_right_instants()
    {
        // Sunday 2027-03-14: Los Angeles enters daylight time at 02:00.
        await using var h = await StartAsync(now: new DateTimeOffset(2027, 3, 1, 17, 0, 0, TimeSpan.Zero));
        var before = await FindAsync(h, "swedish-60", new DateOnly(2027, 3, 13), location: "marina");
        var on = await FindAsync(h, "swedish-60", new DateOnly(2027, 3, 14), location: "marina");

        Assert.Equal(new DateTime(2027, 3, 13, 18, 0, 0, DateTimeKind.Utc), before.First(s => s.LocalStart == new DateTime(2027, 3, 13, 10, 0, 0)).StartsAtUtc);
        Assert.Equal(new DateTime(2027, 3, 14, 17, 0, 0, DateTimeKind.Utc), on.First(s => s.LocalStart == new DateTime(2027, 3, 14, 10, 0, 0)).StartsAtUtc);
    }

    [StoreFact]
    public async Task Harbor_slots_around_both_daylight_saving_changes_convert_to_new_york_instants()
    {
        await using (var spring = await StartAsync(TestFiles.HarborProfile, new DateTimeOffset(2027, 3, 1, 14, 0, 0, TimeSpan.Zero)))
        {
            var sat = await FindAsync(spring, "gel-manicure", new DateOnly(2027, 3, 13));
            var tue = await FindAsync(spring, "gel-manicure", new DateOnly(2027, 3, 16));
            Assert.Empty(await FindAsync(spring, "gel-manicure", new DateOnly(2027, 3, 14))); // closed on Sundays
            Assert.Equal(new DateTime(2027, 3, 13, 15, 0, 0, DateTimeKind.Utc), sat.First(s => s.LocalStart.TimeOfDay == TimeSpan.FromHours(10)).StartsAtUtc);
            Assert.Equal(new DateTime(2027, 3, 16, 14, 0, 0, DateTimeKind.Utc), tue.First(s => s.LocalStart.TimeOfDay == TimeSpan.FromHours(10)).StartsAtUtc);
        }
        await using var fall = await StartAsync(TestFiles.HarborProfile, new DateTimeOffset(2026, 10, 20, 14, 0, 0, TimeSpan.Zero));
        var before = await FindAsync(fall, "gel-manicure", new DateOnly(2026, 10, 31));
        var after = await FindAsync(fall, "gel-manicure", new DateOnly(2026, 11, 3));
        Assert.Equal(new DateTime(2026, 10, 31, 14, 0, 0, DateTimeKind.Utc), before.First(s => s.LocalStart.TimeOfDay == TimeSpan.FromHours(10)).StartsAtUtc);
        Assert.Equal(new DateTime(2026, 11, 3, 15, 0, 0, DateTimeKind.Utc), after.First(s => s.LocalStart.TimeOfDay == TimeSpan.FromHours(10)).StartsAtUtc);
    }

    private const string NightOwl = """
        version: 1
        spa:
          name: Night Owl Float Studio
          timezone: America/New_York
        locations:
          - id: main
            hours:
              sun: "00:00-24:00"
            rooms:
              - { id: tank-1, type: float }
        services:
          - id: float-30
            name: Float (30 min)
            category: float
            duration_min: 30
            room_type: float
        staff:
          - id: owl
            name: Olive Owl
            services: [float-30]
            schedule:
              main:
                sun: "00:00-24:00"
        policies:
          booking_lead_time_min: 0
          booking_horizon_days: 30
        """;

    [StoreFact]
    public async Task The_spring_forward_gap_has_no_slots_and_the_hours_around_it_are_right()
    {
        await using var h = await StartAsync(TempProfile(NightOwl), new DateTimeOffset(2027, 3, 10, 12, 0, 0, TimeSpan.Zero));
        var slots = await FindAsync(h, "float-30", new DateOnly(2027, 3, 14));

        Assert.DoesNotContain(slots, s => s.LocalStart.Hour == 2);
        Assert.Equal(new DateTime(2027, 3, 14, 6, 45, 0, DateTimeKind.Utc), slots.Single(s => s.LocalStart.TimeOfDay == new TimeSpan(1, 45, 0)).StartsAtUtc);
        Assert.Equal(new DateTime(2027, 3, 14, 7, 0, 0, DateTimeKind.Utc), slots.Single(s => s.LocalStart.TimeOfDay == new TimeSpan(3, 0, 0)).StartsAtUtc);
        Assert.Equal(new DateTime(2027, 3, 14, 14, 0, 0, DateTimeKind.Utc), slots.Single(s => s.LocalStart.TimeOfDay == new TimeSpan(10, 0, 0)).StartsAtUtc);
        Assert.Equal(slots.Count, slots.Select(s => s.StartsAtUtc).Distinct().Count());
        // Starts 00:00 to 23:30 (95 quarter-hours; 23:30 ends exactly at 24:00) minus the four in the gap.
        Assert.Equal(91, slots.Count);
        Assert.Contains(slots, s => s.LocalStart.TimeOfDay == new TimeSpan(23, 30, 0));
    }

    [StoreFact]
    public async Task The_repeated_fall_back_hour_is_offered_once()
    {
        await using var h = await StartAsync(TempProfile(NightOwl), new DateTimeOffset(2026, 10, 28, 12, 0, 0, TimeSpan.Zero));
        var slots = await FindAsync(h, "float-30", new DateOnly(2026, 11, 1));

        Assert.Single(slots, s => s.LocalStart.TimeOfDay == new TimeSpan(1, 30, 0));
        Assert.Equal(new DateTime(2026, 11, 1, 4, 45, 0, DateTimeKind.Utc), slots.Single(s => s.LocalStart.TimeOfDay == new TimeSpan(0, 45, 0)).StartsAtUtc);
        Assert.Equal(new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc), slots.Single(s => s.LocalStart.TimeOfDay == new TimeSpan(3, 0, 0)).StartsAtUtc);
        Assert.Equal(new DateTime(2026, 11, 1, 15, 0, 0, DateTimeKind.Utc), slots.Single(s => s.LocalStart.TimeOfDay == new TimeSpan(10, 0, 0)).StartsAtUtc);
        Assert.Equal(slots.Count, slots.Select(s => s.StartsAtUtc).Distinct().Count());
    }
}
