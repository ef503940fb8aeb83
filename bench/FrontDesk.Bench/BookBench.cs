using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FrontDesk.TestSupport;
using FrontDesk.Tools;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Store;

namespace FrontDesk.Bench;

internal sealed record Seeded(int Appointments, int Days, double Occupancy, TimeSpan Elapsed);

internal sealed record Measured(string Operation, int Count, double[] LatenciesMs, int Misses)
{
    public override string ToString()
    {
        var sorted = LatenciesMs.Order().ToArray();
        double Pct(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        var mean = sorted.Average();
        var misses = Misses > 0 ? $"  ({Misses} without a slot)" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{Operation,-44} {Count,6} {1000 / mean,9:F0} {Pct(0.50),9:F2} {Pct(0.99),9:F2} {mean,9:F2}{misses}");
    }
}

/// <summary>One store with the demo profile, a seeded month, and the tool calls to time (one caller, sequential).</summary>
internal sealed class BookBench(SpaBookHarness h) : IAsyncDisposable
{
    private static readonly Actor Seeder = new("system", "bench-seed");
    private static readonly DateOnly FirstDay = new(2026, 11, 23); // the harness clock: Monday 08:00 Los Angeles
    private const int SeedDays = 30;
    private const int ClientCount = 400;
    // Chance that an open quarter-hour starts a booking; 0.5 fills about two thirds of provider time (buffers included).
    private const double BookProbability = 0.45;
    private readonly Random _random = new(20261123);
    private readonly SpaProfile _profile = h.Get<SpaProfile>();

    public static async Task<BookBench> StartAsync(TestStore store) => new(await SpaBookHarness.StartAsync(store));

    private static string ClientPhone(int i) => "+1415666" + (1000 + i).ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>
    /// Fills a month: each provider's scheduled spans are walked in quarter-hours; at each step a random service of theirs
    /// is booked with probability BookProbability (in a free room of its type), otherwise the quarter-hour stays open.
    /// </summary>
    public async Task<Seeded> SeedMonthAsync()
    {
        var watch = Stopwatch.StartNew();
        var clients = h.Get<ClientDirectory>();
        var clientIds = new List<string>();
        for (var i = 0; i < ClientCount; i++)
        {
            clientIds.Add((await clients.GetOrCreateByPhoneAsync(ClientPhone(i), $"Bench Client {i}", null, Seeder, null, default)).Id);
        }
        var book = h.Get<AppointmentBook>();
        var now = h.Clock.GetUtcNow().UtcDateTime;
        double scheduled = 0, booked = 0;
        var count = 0;
        for (var day = FirstDay; day < FirstDay.AddDays(SeedDays); day = day.AddDays(1))
        {
            foreach (var staff in _profile.Staff)
            {
                if (staff.TimeOff.Contains(day))
                {
                    continue;
                }
                foreach (var (locationId, week) in staff.Schedule)
                {
                    var location = _profile.FindLocation(locationId)!;
                    if (location.Closures.Contains(day))
                    {
                        continue;
                    }
                    var services = staff.ServiceIds.Select(_profile.FindService).OfType<Service>()
                        .Where(s => _profile.LocationsOffering(s).Contains(location) && location.Rooms.Any(r => r.Type == s.RoomType)).ToList();
                    foreach (var span in week.On(day.DayOfWeek))
                    {
                        scheduled += (span.End - span.Start).TotalMinutes;
                        var t = span.Start;
                        while (t < span.End && t.AddMinutes(15) > t)
                        {
                            var service = services[_random.Next(services.Count)];
                            var end = t.AddMinutes(service.DurationMin + service.BufferMin);
                            if (_random.NextDouble() < BookProbability && end > t && end <= span.End && location.Hours.Covers(day.DayOfWeek, t, t.AddMinutes(service.DurationMin)))
                            {
                                var startUtc = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(t), _profile.TimeZone);
                                var placed = false;
                                foreach (var room in location.Rooms.Where(r => r.Type == service.RoomType))
                                {
                                    var appointment = new Appointment
                                    {
                                        Id = NewId.For("apt"), ClientId = clientIds[_random.Next(clientIds.Count)], ServiceId = service.Id, StaffId = staff.Id,
                                        LocationId = location.Id, RoomId = room.Id, StartsAtUtc = startUtc, EndsAtUtc = startUtc.AddMinutes(service.DurationMin),
                                        BlockedUntilUtc = startUtc.AddMinutes(service.DurationMin + service.BufferMin), Status = AppointmentStatus.Booked,
                                        Channel = "seed", CreatedAtUtc = now, UpdatedAtUtc = now,
                                    };
                                    if ((await book.InsertAsync(appointment, Seeder, default)).Outcome == BookingOutcome.Booked)
                                    {
                                        placed = true;
                                        booked += service.DurationMin + service.BufferMin;
                                        count++;
                                        break;
                                    }
                                }
                                if (placed)
                                {
                                    t = end;
                                    continue;
                                }
                            }
                            t = t.AddMinutes(15);
                        }
                    }
                }
            }
        }
        return new Seeded(count, SeedDays, booked / scheduled, watch.Elapsed);
    }

    public async Task<IReadOnlyList<Measured>> MeasureAllAsync()
    {
        var days = Enumerable.Range(1, 27).Select(d => FirstDay.AddDays(d)).Where(d => d.DayOfWeek != DayOfWeek.Sunday && d != new DateOnly(2026, 11, 26)).ToList();
        string[] services = ["swedish", "signature facial", "hydrafacial", "deep tissue", "laser hair removal", "botox", "dermaplaning"];
        var results = new List<Measured>();

        results.Add(await TimeAsync("check_availability, one day", 100, 3000, async i =>
        {
            var r = await CallAsync(Scope(i), "check_availability", ("service", services[i % services.Length]), ("date", Iso(days[i % days.Count])));
            return Status(r) is "ok" or "no_slots";
        }));
        results.Add(await TimeAsync("check_availability, 14-day range", 50, 1500, async i =>
        {
            var from = days[i % 10];
            var r = await CallAsync(Scope(i), "check_availability", ("service", services[i % services.Length]), ("date", Iso(from)), ("end_date", Iso(from.AddDays(13))));
            return Status(r) is "ok" or "no_slots";
        }));

        // Booking: each iteration is a new conversation of a seeded client; the timed call is the confirmed
        // book_appointment (client lookup, contraindication screen, insert under the constraints, audit, two outbox rows).
        // Services with short durations or several providers: the seeded month leaves mostly short gaps.
        string[] bookable = ["swedish", "dermaplaning", "laser hair removal", "botox", "deep tissue"];
        var flow = new List<double>();
        results.Add(await TimeUntimedSetupAsync("book_appointment (confirmed call, incl. insert)", 20, 300, async i =>
        {
            var scope = SpaBookHarness.Scope("bench", ClientPhone(i % ClientCount));
            var whole = Stopwatch.StartNew();
            var offer = await CallAsync(scope, "check_availability", ("service", bookable[i % bookable.Length]), ("date", Iso(days[i % days.Count])));
            // A full day answers with the nearest alternatives; the client takes the first one offered.
            var offered = Status(offer) == "ok" ? Slots(offer) : [.. offer.GetProperty("data").GetProperty("alternatives").EnumerateArray()];
            if (offered.Count == 0)
            {
                return null;
            }
            var slotId = offered[0].GetProperty("slotId").GetString();
            await CallAsync(scope, "book_appointment", ("slot_id", slotId));
            scope.BeginTurn(saidYes: true);
            return async () =>
            {
                var booked = await CallAsync(scope, "book_appointment", ("slot_id", slotId));
                if (i >= 20)
                {
                    flow.Add(whole.Elapsed.TotalMilliseconds);
                }
                return Status(booked) == "booked";
            };
        }));
        results.Add(new Measured("  whole flow: check + read-back + book", flow.Count, [.. flow], 0));
        return results;
    }

    private static ConversationScope Scope(int i) => SpaBookHarness.Scope("bench", ClientPhone(i % ClientCount));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<JsonElement> CallAsync(ConversationScope scope, string tool, params (string Name, object? Value)[] args) =>
        h.CallToolAsync(scope, tool, args);

    private static string Status(JsonElement e) => e.GetProperty("status").GetString()!;

    private static List<JsonElement> Slots(JsonElement e) => [.. e.GetProperty("data").GetProperty("slots").EnumerateArray()];

    private static async Task<Measured> TimeAsync(string name, int warmup, int count, Func<int, Task<bool>> op)
    {
        for (var i = 0; i < warmup; i++)
        {
            await op(10_000 + i);
        }
        var latencies = new List<double>(count);
        var misses = 0;
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            var ok = await op(i);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            misses += ok ? 0 : 1;
        }
        return new Measured(name, count, [.. latencies], misses);
    }

    /// <summary>Times only the function the setup returns (null: no slot to book this time).</summary>
    private static async Task<Measured> TimeUntimedSetupAsync(string name, int warmup, int count, Func<int, Task<Func<Task<bool>>?>> setup)
    {
        var latencies = new List<double>(count);
        var misses = 0;
        for (var i = 0; i < warmup + count; i++)
        {
            var op = await setup(i);
            if (op is null)
            {
                misses++;
                continue;
            }
            var watch = Stopwatch.StartNew();
            var ok = await op();
            if (i >= warmup)
            {
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
            misses += ok ? 0 : 1;
        }
        return new Measured(name, latencies.Count, [.. latencies], misses);
    }

    public ValueTask DisposeAsync() => h.DisposeAsync();
}
