using FrontDesk.TestSupport;
using FrontDesk.Tools.Profile;

namespace FrontDesk.Tools.Tests.Profile;

/// <summary>Every rule of shared/spa-profile.md, each broken once in an inline profile; no store needed.</summary>
public sealed class ProfileLoaderTests
{
    private const string File = "inline/thames.yaml";

    // A small, valid profile of another business in another zone; each test breaks it in one place.
    private const string Thames = """
        version: 1
        spa:
          name: Thames Wellness
          timezone: Europe/London
          currency: GBP
        locations:
          - id: city
            name: City
            phone: "+442071234567"
            hours:
              mon: "09:00-12:00, 13:00-18:00"
              sat: "10:00-16:00"
            rooms:
              - { id: room-1, type: massage }
          - id: annex
            name: Annex
            hours:
              tue: "10:00-18:00"
            rooms:
              - { id: bench-1, type: nails }
        services:
          - id: massage-60
            name: Massage
            category: massage
            duration_min: 60
            buffer_min: 10
            price: 70.00
            room_type: massage
          - id: consult
            name: Consultation
            category: consultation
            duration_min: 15
            room_type: massage
          - id: peel
            name: Peel
            category: facial
            duration_min: 30
            room_type: massage
            requires_consultation: true
            consultation_service: consult
          - id: manicure
            name: Manicure
            category: nails
            duration_min: 40
            room_type: nails
            locations: [annex]
        staff:
          - id: ann
            name: Ann Lee
            services: [massage-60, consult, peel]
            schedule:
              city:
                mon: "09:00-17:00"
                sat: "10:00-16:00"
          - id: bo
            name: Bo Hart
            services: [manicure]
            schedule:
              annex:
                tue: "10:00-18:00"
        policies:
          booking_lead_time_min: 30
        """;

    [Fact]
    public void The_demo_profile_loads()
    {
        var profile = SpaProfileLoader.Load(TestFiles.DemoProfile);

        Assert.Equal("America/Los_Angeles", profile.Spa.TimeZoneId);
        Assert.Equal(["mission", "marina"], profile.Locations.Select(l => l.Id));
        Assert.Contains(profile.Services, s => s.Id == "botox" && s.RequiresConsultation && s.ConsultationServiceId == "injectables-consult");
        Assert.Contains(new DateOnly(2026, 11, 26), profile.FindLocation("mission")!.Closures);
        Assert.Equal(120, profile.Policies.BookingLeadTimeMin);
        Assert.Contains(profile.Clients, c => c.Phone == "+14155553333" && c.HealthFlags.Contains("pregnancy"));
    }

    [Fact]
    public void The_harbor_profile_loads()
    {
        var profile = SpaProfileLoader.Load(TestFiles.HarborProfile);

        Assert.Equal("America/New_York", profile.Spa.TimeZoneId);
        Assert.Equal("harbor", profile.DefaultLocation.Id);
        Assert.Equal(4, profile.Services.Count);
        Assert.Equal(30, profile.Policies.BookingHorizonDays);
    }

    [Fact]
    public void A_profile_of_another_business_in_another_zone_loads()
    {
        var profile = SpaProfileLoader.Parse(Thames, File);

        Assert.Equal("Europe/London", profile.TimeZone.Id);
        Assert.Equal("GBP", profile.Spa.Currency);
        Assert.Equal(2, profile.FindLocation("city")!.Hours.On(DayOfWeek.Monday).Count);
        Assert.Empty(profile.FindLocation("city")!.Hours.On(DayOfWeek.Sunday));
        Assert.Equal(30, profile.Policies.BookingLeadTimeMin);
        Assert.Equal(60, profile.Policies.BookingHorizonDays); // the format's default
        Assert.Equal(["annex"], profile.FindService("manicure")!.LocationIds);
    }

    [Fact]
    public void A_profile_in_chicago_loads_too()
    {
        var profile = SpaProfileLoader.Parse(Thames.Replace("Europe/London", "America/Chicago", StringComparison.Ordinal), File);

        Assert.Equal("America/Chicago", profile.Spa.TimeZoneId);
    }

    [Fact]
    public void A_missing_file_is_refused()
    {
        var ex = Assert.Throws<SpaProfileException>(() => SpaProfileLoader.Load("/nonexistent/profile.yaml"));
        Assert.Equal("(file)", ex.Field);
    }

    [Fact]
    public void An_unknown_key_in_a_service_is_refused_at_its_line()
    {
        var yaml = Replace(Thames, "    duration_min: 60\n", "    duraton_min: 60\n");
        AssertRefused(yaml, "services[0].duraton_min", LineOf(yaml, "duraton_min"), "unknown key");
    }

    [Fact]
    public void An_unknown_top_level_key_is_refused()
    {
        var yaml = Replace(Thames, "policies:", "polices:");
        AssertRefused(yaml, "polices", LineOf(yaml, "polices:"), "unknown key");
    }

    [Fact]
    public void An_unknown_key_in_hours_is_refused()
    {
        var yaml = Replace(Thames, "      sat: \"10:00-16:00\"\n    rooms:", "      satu: \"10:00-16:00\"\n    rooms:");
        AssertRefused(yaml, "locations[0].hours.satu", LineOf(yaml, "satu:"), "unknown key");
    }

    [Fact]
    public void A_duplicate_staff_id_is_refused_at_the_second_entry()
    {
        var yaml = Replace(Thames, "policies:", """
              - id: ann
                name: Ann Again
                services: [massage-60]
                schedule:
                  city:
                    mon: "09:00-10:00"
            policies:
            """);
        var line = yaml.Split('\n').Select((l, i) => (l, i)).Last(x => x.l.Contains("- id: ann", StringComparison.Ordinal)).i + 1;
        AssertRefused(yaml, "staff.id", line, "duplicate id 'ann'");
    }

    [Fact]
    public void A_duplicate_service_id_is_refused()
    {
        var yaml = Replace(Thames, "  - id: consult\n", "  - id: massage-60\n");
        AssertRefused(yaml, "services.id", LineOf(yaml, "  - id: massage-60", occurrence: 2), "duplicate id");
    }

    [Fact]
    public void An_unknown_service_in_staff_is_refused_at_the_services_line()
    {
        var yaml = Replace(Thames, "services: [massage-60, consult, peel]", "services: [massage-60, consult, peel, hot-stone]");
        AssertRefused(yaml, "staff[0].services", LineOf(yaml, "hot-stone"), "unknown service 'hot-stone'");
    }

    [Fact]
    public void An_unknown_room_type_is_refused_at_the_room_type_line()
    {
        var yaml = Replace(Thames, "    duration_min: 60\n    buffer_min: 10\n    price: 70.00\n    room_type: massage", "    duration_min: 60\n    buffer_min: 10\n    price: 70.00\n    room_type: sauna");
        AssertRefused(yaml, "services[0].room_type", LineOf(yaml, "room_type: sauna"), "'sauna'");
    }

    [Fact]
    public void A_room_type_that_exists_only_at_another_location_is_refused()
    {
        // Manicure is offered only at the annex; a massage room exists only in the city.
        var yaml = Replace(Thames, "    room_type: nails\n    locations: [annex]", "    room_type: massage\n    locations: [annex]");
        AssertRefused(yaml, "services[3].room_type", LineOf(yaml, "    room_type: massage\n    locations: [annex]"), "no location offering 'manicure'");
    }

    [Fact]
    public void A_missing_consultation_service_is_refused()
    {
        var yaml = Replace(Thames, "    consultation_service: consult\n", "");
        AssertRefused(yaml, "services[2].consultation_service", LineOf(yaml, "requires_consultation: true"), "required when requires_consultation");
    }

    [Fact]
    public void An_unknown_consultation_service_is_refused()
    {
        var yaml = Replace(Thames, "consultation_service: consult\n", "consultation_service: botox-consult\n");
        AssertRefused(yaml, "services[2].consultation_service", LineOf(yaml, "botox-consult"), "unknown service 'botox-consult'");
    }

    [Fact]
    public void A_service_nobody_can_perform_is_refused()
    {
        var yaml = Replace(Thames, "services: [massage-60, consult, peel]", "services: [massage-60, consult]");
        AssertRefused(yaml, "services[2]", LineOf(yaml, "  - id: peel"), "cannot be performed");
    }

    [Fact]
    public void A_service_whose_only_performer_works_elsewhere_is_refused()
    {
        // Manicure is offered only at the annex, and its one performer, Bo, now works only in the city.
        var yaml = Replace(Thames, "      annex:\n        tue: \"10:00-18:00\"", "      city:\n        tue: \"10:00-18:00\"");
        AssertRefused(yaml, "services[3]", LineOf(yaml, "  - id: manicure"), "cannot be performed");
    }

    [Fact]
    public void Overlapping_spans_are_refused()
    {
        var yaml = Replace(Thames, "\"09:00-12:00, 13:00-18:00\"", "\"09:00-12:00, 11:00-18:00\"");
        AssertRefused(yaml, "locations[0].hours.mon", LineOf(yaml, "11:00-18:00"), "overlap");
    }

    [Fact]
    public void A_span_that_ends_before_it_starts_is_refused()
    {
        var yaml = Replace(Thames, "      sat: \"10:00-16:00\"\n    rooms:", "      sat: \"16:00-10:00\"\n    rooms:");
        AssertRefused(yaml, "locations[0].hours.sat", LineOf(yaml, "16:00-10:00"), "ends before it starts");
    }

    [Fact]
    public void Bad_span_text_in_a_schedule_is_refused()
    {
        var yaml = Replace(Thames, "        mon: \"09:00-17:00\"", "        mon: \"9am-5pm\"");
        AssertRefused(yaml, "staff[0].schedule.city.mon", LineOf(yaml, "9am-5pm"), "is not a span");
    }

    [Fact]
    public void An_unknown_time_zone_is_refused()
    {
        var yaml = Replace(Thames, "timezone: Europe/London", "timezone: Europe/Londn");
        AssertRefused(yaml, "spa.timezone", LineOf(yaml, "Europe/Londn"), "unknown IANA time zone");
    }

    [Fact]
    public void A_windows_time_zone_name_is_refused()
    {
        var yaml = Replace(Thames, "timezone: Europe/London", "timezone: GMT Standard Time");
        AssertRefused(yaml, "spa.timezone", LineOf(yaml, "GMT Standard Time"), "unknown IANA time zone");
    }

    [Fact]
    public void A_phone_that_is_not_e164_is_refused()
    {
        var yaml = Replace(Thames, "phone: \"+442071234567\"", "phone: \"020 7123 4567\"");
        AssertRefused(yaml, "locations[0].phone", LineOf(yaml, "020 7123 4567"), "E.164");
    }

    [Fact]
    public void A_missing_service_name_is_refused()
    {
        var yaml = Replace(Thames, "    name: Massage\n", "");
        AssertRefused(yaml, "services[0].name", LineOf(yaml, "  - id: massage-60"), "required");
    }

    [Fact]
    public void A_missing_spa_timezone_is_refused()
    {
        var yaml = Replace(Thames, "  timezone: Europe/London\n", "");
        AssertRefused(yaml, "spa.timezone", LineOf(yaml, "  name: Thames Wellness"), "required");
    }

    [Fact]
    public void A_missing_staff_list_is_refused()
    {
        var yaml = Thames[..Thames.IndexOf("staff:", StringComparison.Ordinal)] + "policies:\n  booking_lead_time_min: 30\n";
        AssertRefused(yaml, "staff", 1, "required list is missing");
    }

    [Fact]
    public void Another_version_is_refused()
    {
        var yaml = Replace(Thames, "version: 1", "version: 2");
        AssertRefused(yaml, "version", 1, "unsupported profile version 2");
    }

    [Fact]
    public void Invalid_yaml_is_refused_with_its_line()
    {
        var yaml = Replace(Thames, "    name: City\n", "    name: City\n   phone: \"+442071234567\"\n");
        var ex = Assert.Throws<SpaProfileException>(() => SpaProfileLoader.Parse(yaml, File));
        Assert.Equal("(yaml)", ex.Field);
        Assert.Equal(LineOf(yaml, "   phone:"), ex.Line);
    }

    [Fact]
    public void Yaml_the_scanner_chokes_on_is_still_a_profile_error()
    {
        var yaml = Replace(Thames, "    name: City\n", "    name: [City\n");
        var ex = Assert.Throws<SpaProfileException>(() => SpaProfileLoader.Parse(yaml, File));
        Assert.Equal("(yaml)", ex.Field);
        Assert.Equal(File, ex.File);
    }

    private static void AssertRefused(string yaml, string field, long line, string problem)
    {
        var ex = Assert.Throws<SpaProfileException>(() => SpaProfileLoader.Parse(yaml, File));
        Assert.Equal(File, ex.File);
        Assert.Equal(field, ex.Field);
        Assert.Equal(line, ex.Line);
        Assert.Contains(problem, ex.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"{File}:{line}: {field}: ", ex.Message, StringComparison.Ordinal);
    }

    private static string Replace(string yaml, string old, string replacement)
    {
        Assert.True(yaml.Contains(old, StringComparison.Ordinal), $"test setup: '{old}' not in the profile");
        var first = yaml.IndexOf(old, StringComparison.Ordinal);
        return yaml[..first] + replacement + yaml[(first + old.Length)..];
    }

    /// <summary>1-based line on which <paramref name="text"/> starts (the n-th occurrence).</summary>
    private static int LineOf(string yaml, string text, int occurrence = 1)
    {
        var at = -1;
        for (var i = 0; i < occurrence; i++)
        {
            at = yaml.IndexOf(text, at + 1, StringComparison.Ordinal);
            Assert.True(at >= 0, $"test setup: '{text}' occurs fewer than {occurrence} times");
        }
        return yaml[..at].Count(c => c == '\n') + 1;
    }
}
