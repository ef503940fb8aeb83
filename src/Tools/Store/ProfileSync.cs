using System.Text.Json;
using Dapper;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Faq;
using FrontDesk.Tools.Profile;

namespace FrontDesk.Tools.Store;

/// <summary>
/// Copies the catalogue (locations, rooms, services, staff and schedules, FAQ) from the profile into the
/// database on every start. Rows the profile no longer has are marked inactive, never deleted, so
/// appointments that name them keep their meaning. Sample clients are added once and never overwritten.
/// </summary>
public static class ProfileSync
{
    /// <summary>Syncs the profile in one transaction.</summary>
    public static async Task SyncAsync(SpaDatabase db, SpaProfile profile, TimeProvider clock, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var no = false;
        var yes = true;

        await c.ExecuteAsync(new CommandDefinition("UPDATE locations SET active = @no", new { no }, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition("UPDATE rooms SET active = @no", new { no }, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition("UPDATE services SET active = @no", new { no }, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition("UPDATE staff SET active = @no", new { no }, tx, cancellationToken: ct));

        foreach (var l in profile.Locations)
        {
            await c.ExecuteAsync(new CommandDefinition("""
                INSERT INTO locations (id, name, address, phone, active) VALUES (@Id, @Name, @Address, @Phone, @yes)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address, phone = excluded.phone, active = excluded.active
                """, new { l.Id, l.Name, l.Address, l.Phone, yes }, tx, cancellationToken: ct));
            foreach (var r in l.Rooms)
            {
                await c.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO rooms (location_id, id, type, active) VALUES (@LocationId, @Id, @Type, @yes)
                    ON CONFLICT (location_id, id) DO UPDATE SET type = excluded.type, active = excluded.active
                    """, new { LocationId = l.Id, r.Id, r.Type, yes }, tx, cancellationToken: ct));
            }
        }
        foreach (var s in profile.Services)
        {
            await c.ExecuteAsync(new CommandDefinition("""
                INSERT INTO services (id, name, category, duration_min, buffer_min, price, price_from, active)
                VALUES (@Id, @Name, @Category, @DurationMin, @BufferMin, @Price, @PriceFrom, @yes)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, category = excluded.category, duration_min = excluded.duration_min,
                    buffer_min = excluded.buffer_min, price = excluded.price, price_from = excluded.price_from, active = excluded.active
                """, new { s.Id, s.Name, s.Category, s.DurationMin, s.BufferMin, s.Price, s.PriceFrom, yes }, tx, cancellationToken: ct));
        }
        foreach (var st in profile.Staff)
        {
            var schedule = st.Schedule.ToDictionary(
                kv => kv.Key,
                kv => Enum.GetValues<DayOfWeek>().Where(d => kv.Value.On(d).Count > 0).ToDictionary(d => d.ToString(), d => kv.Value.On(d).Select(x => x.ToString())));
            await c.ExecuteAsync(new CommandDefinition("""
                INSERT INTO staff (id, name, title, service_ids, schedule_json, active) VALUES (@Id, @Name, @Title, @ServiceIds, @Schedule, @yes)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, title = excluded.title, service_ids = excluded.service_ids,
                    schedule_json = excluded.schedule_json, active = excluded.active
                """, new { st.Id, st.Name, st.Title, ServiceIds = string.Join(',', st.ServiceIds), Schedule = JsonSerializer.Serialize(schedule), yes }, tx, cancellationToken: ct));
        }
        foreach (var cl in profile.Clients)
        {
            var inserted = await c.ExecuteAsync(new CommandDefinition("""
                INSERT INTO clients (id, phone, name, email, preferences, health_flags, sms_consent, marketing_consent, created_at_utc, updated_at_utc)
                VALUES (@Id, @Phone, @Name, @Email, @Preferences, @HealthFlags, @SmsConsent, @MarketingConsent, @now, @now)
                ON CONFLICT DO NOTHING
                """, new
            {
                cl.Id, cl.Phone, cl.Name, cl.Email, Preferences = JsonSerializer.Serialize(cl.Preferences), HealthFlags = JsonSerializer.Serialize(cl.HealthFlags),
                cl.SmsConsent, cl.MarketingConsent, now,
            }, tx, cancellationToken: ct));
            if (inserted > 0)
            {
                await AuditLog.WriteAsync(c, tx, now, Actor.System("profile-sync"), "client.create", "client", cl.Id, null, new { cl.Id, cl.Name }, null, ct);
            }
        }
        await new FaqIndex(db).SyncAsync(c, tx, profile, ct);
        await tx.CommitAsync(ct);
    }
}
