using System.Data.Common;
using System.Text.Json;
using Dapper;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Store;

namespace FrontDesk.Tools.Tests.Book;

/// <summary>
/// The spa's book on a real store. One suite, two stores: <see cref="SqliteSpaBookTests"/> and
/// <see cref="PostgresSpaBookTests"/> run every test here, so SQLite and PostgreSQL stay equal.
/// </summary>
public abstract partial class SpaBookTests : IDisposable
{
    protected static readonly Actor Tester = new("staff", "test-suite");
    protected const string AvaPhone = "+14155551111";
    protected const string BenPhone = "+14155552222";
    protected const string ChloePhone = "+14155553333";
    protected const string DiegoPhone = "+14155554444";

    private readonly List<string> _tempFiles = [];

    protected abstract TestStore Store { get; }

    protected Task<SpaBookHarness> StartAsync(string? profile = null, DateTimeOffset? now = null, Dictionary<string, string?>? extra = null) =>
        SpaBookHarness.StartAsync(Store, profile, now, extra);

    /// <summary>A profile file written for one test (deleted when the test ends).</summary>
    protected string TempProfile(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"frontdesk-profile-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        _tempFiles.Add(path);
        return path;
    }

    /// <summary>The demo profile with a text replaced (the text must be there).</summary>
    protected string DemoWith(params (string Old, string New)[] edits)
    {
        var yaml = File.ReadAllText(TestFiles.DemoProfile);
        foreach (var (old, replacement) in edits)
        {
            Assert.Contains(old, yaml, StringComparison.Ordinal);
            yaml = yaml.Replace(old, replacement, StringComparison.Ordinal);
        }
        return TempProfile(yaml);
    }

    public void Dispose()
    {
        foreach (var file in _tempFiles)
        {
            File.Delete(file);
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>A wall-clock time in the spa's zone as an instant.</summary>
    protected static DateTime Utc(SpaProfile profile, int year, int month, int day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified), profile.TimeZone);

    protected static Appointment NewAppointment(
        SpaProfile profile, string serviceId, string staffId, string roomId, DateTime startUtc, string clientId = "c-ava", string? key = null,
        string status = AppointmentStatus.Booked)
    {
        var service = profile.FindService(serviceId)!;
        var location = profile.Locations.First(l => l.Rooms.Any(r => r.Id == roomId));
        var end = startUtc.AddMinutes(service.DurationMin);
        return new Appointment
        {
            Id = NewId.For("apt"), ClientId = clientId, ServiceId = serviceId, StaffId = staffId, LocationId = location.Id, RoomId = roomId,
            StartsAtUtc = startUtc, EndsAtUtc = end, BlockedUntilUtc = end.AddMinutes(service.BufferMin), Status = status, Channel = "test",
            IdempotencyKey = key, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
        };
    }

    protected static async Task<long> CountAsync(SpaBookHarness h, string sql, object? args = null)
    {
        await using var c = await h.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(sql, args));
    }

    protected static async Task<IReadOnlyList<AuditEntry>> AuditAsync(SpaBookHarness h, string entity, string id)
    {
        await using DbConnection c = await h.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        return await AuditLog.QueryAsync(c, entity, id, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc), 100, CancellationToken.None);
    }

    // ---- tools, called the way the agent calls them ----

    protected static ConversationScope Verified(string phone) => SpaBookHarness.Scope("test", phone);

    /// <summary>join_waitlist as a person would: the read-back, their yes, the join.</summary>
    protected static async Task<JsonElement> JoinWaitlistAsync(SpaBookHarness h, ConversationScope scope, params (string Name, object? Value)[] args)
    {
        var readBack = await CallAsync(h, scope, "join_waitlist", args);
        if (Status(readBack) != "needs_confirmation")
        {
            return readBack;
        }
        scope.BeginTurn(saidYes: true);
        return await CallAsync(h, scope, "join_waitlist", args);
    }

    protected static Task<JsonElement> CallAsync(SpaBookHarness h, ConversationScope scope, string tool, params (string Name, object? Value)[] args) =>
        h.CallToolAsync(scope, tool, args);

    protected static string Status(JsonElement result) => Prop(result, "status").GetString()!;

    /// <summary>A property by name, whatever casing the serializer chose.</summary>
    protected static JsonElement Prop(JsonElement e, string name)
    {
        foreach (var p in e.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(p.Name.Replace("_", "", StringComparison.Ordinal), name.Replace("_", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase))
            {
                return p.Value;
            }
        }
        throw new KeyNotFoundException($"no '{name}' in {e}");
    }

    protected static JsonElement Data(JsonElement result) => Prop(result, "data");

    protected static IReadOnlyList<JsonElement> Slots(JsonElement result) => [.. Prop(Data(result), "slots").EnumerateArray()];

    /// <summary>check_availability, then book its first slot with the two-step confirmation.</summary>
    protected static async Task<(JsonElement Booked, JsonElement Slot)> BookFirstSlotAsync(
        SpaBookHarness h, ConversationScope scope, string service, string date, params (string Name, object? Value)[] bookArgs)
    {
        var offer = await CallAsync(h, scope, "check_availability", ("service", service), ("date", date));
        Assert.Equal("ok", Status(offer));
        var slot = Slots(offer)[0];
        var args = bookArgs.Prepend(("slot_id", (object?)Prop(slot, "slot_id").GetString())).ToArray();
        var first = await CallAsync(h, scope, "book_appointment", args);
        Assert.True(Status(first) == "needs_confirmation", first.GetRawText());
        scope.BeginTurn(saidYes: true);
        var booked = await CallAsync(h, scope, "book_appointment", args);
        Assert.Equal("booked", Status(booked));
        return (booked, slot);
    }
}

public sealed class SqliteSpaBookTests : SpaBookTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class PostgresSpaBookTests : SpaBookTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;
}
