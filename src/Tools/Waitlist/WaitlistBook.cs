using System.Data.Common;
using System.Globalization;
using Dapper;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Store;
using FrontDesk.Tools.Text;

namespace FrontDesk.Tools.Waitlist;

/// <summary>Someone waiting for an opening.</summary>
public sealed class WaitlistEntry
{
    /// <summary>Id.</summary>
    public string Id { get; init; } = "";
    /// <summary>Who.</summary>
    public string ClientId { get; init; } = "";
    /// <summary>For which service.</summary>
    public string ServiceId { get; init; } = "";
    /// <summary>Only at this location, or anywhere.</summary>
    public string? LocationId { get; init; }
    /// <summary>Only with this provider, or anyone.</summary>
    public string? StaffId { get; init; }
    /// <summary>First local day (yyyy-MM-dd).</summary>
    public string WindowStart { get; init; } = "";
    /// <summary>Last local day (yyyy-MM-dd).</summary>
    public string WindowEnd { get; init; } = "";
    /// <summary>any, morning, afternoon or evening.</summary>
    public string TimeOfDay { get; init; } = "any";
    /// <summary>waiting, offered, booked or removed.</summary>
    public string Status { get; init; } = "waiting";
    /// <summary>Channel it came from.</summary>
    public string Channel { get; init; } = "";
    /// <summary>Conversation it came from.</summary>
    public string? ConversationId { get; init; }
    /// <summary>Created.</summary>
    public DateTime CreatedAtUtc { get; init; }
    /// <summary>Last changed.</summary>
    public DateTime UpdatedAtUtc { get; init; }
}

/// <summary>An opening offered to someone on the waitlist, reserved for them for a while.</summary>
public sealed class WaitlistOffer
{
    /// <summary>Id.</summary>
    public string Id { get; init; } = "";
    /// <summary>The entry it answers.</summary>
    public string EntryId { get; init; } = "";
    /// <summary>The held appointment.</summary>
    public string AppointmentId { get; init; } = "";
    /// <summary>Who it is offered to.</summary>
    public string ClientId { get; init; } = "";
    /// <summary>pending, accepted, expired, declined or withdrawn.</summary>
    public string Status { get; init; } = "pending";
    /// <summary>Offered.</summary>
    public DateTime OfferedAtUtc { get; init; }
    /// <summary>Lapses.</summary>
    public DateTime ExpiresAtUtc { get; init; }
}

/// <summary>
/// The waitlist: people join it, every cancellation is matched against it, and the best candidate gets
/// the slot held for them (an appointment in status <c>held</c>, so nobody else can book it) and an SMS offer.
/// </summary>
public sealed class WaitlistBook(SpaDatabase db, SpaProfile profile, TimeProvider clock, OutboxWriter outbox, TextTemplates templates, MessageTemplates? languages = null)
{
    private const string EntryColumns = """
        id, client_id AS ClientId, service_id AS ServiceId, location_id AS LocationId, staff_id AS StaffId, window_start AS WindowStart,
        window_end AS WindowEnd, time_of_day AS TimeOfDay, status, channel, conversation_id AS ConversationId,
        created_at_utc AS CreatedAtUtc, updated_at_utc AS UpdatedAtUtc
        """;
    private const string OfferColumns = """
        id, entry_id AS EntryId, appointment_id AS AppointmentId, client_id AS ClientId, status, offered_at_utc AS OfferedAtUtc, expires_at_utc AS ExpiresAtUtc
        """;

    /// <summary>Adds someone to the waitlist.</summary>
    public async Task<WaitlistEntry> JoinAsync(string clientId, string serviceId, DateOnly from, DateOnly to, string timeOfDay, string? staffId, string? locationId,
        string channel, string? conversationId, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new WaitlistEntry
        {
            Id = NewId.For("wl"), ClientId = clientId, ServiceId = serviceId, LocationId = locationId, StaffId = staffId,
            WindowStart = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), WindowEnd = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimeOfDay = timeOfDay, Channel = channel, ConversationId = conversationId, CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO waitlist_entries (id, client_id, service_id, location_id, staff_id, window_start, window_end, time_of_day, status, channel, conversation_id, created_at_utc, updated_at_utc)
            VALUES (@Id, @ClientId, @ServiceId, @LocationId, @StaffId, @WindowStart, @WindowEnd, @TimeOfDay, 'waiting', @Channel, @ConversationId, @CreatedAtUtc, @UpdatedAtUtc)
            """, entry, tx, cancellationToken: ct));
        await AuditLog.WriteAsync(c, tx, now, actor, "waitlist.join", "waitlist_entry", entry.Id, null, entry, conversationId, ct);
        await tx.CommitAsync(ct);
        return entry;
    }

    /// <summary>Entries, optionally of one status, oldest first.</summary>
    public async Task<IReadOnlyList<WaitlistEntry>> ListAsync(string? status, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return [.. await c.QueryAsync<WaitlistEntry>(new CommandDefinition(
            $"SELECT {EntryColumns} FROM waitlist_entries WHERE (@status IS NULL OR status = @status) ORDER BY created_at_utc", new { status }, cancellationToken: ct))];
    }

    /// <summary>The pending offer for a client, if any (how an SMS "YES" finds what it accepts).</summary>
    public async Task<WaitlistOffer?> FindPendingOfferAsync(string clientId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QueryFirstOrDefaultAsync<WaitlistOffer>(new CommandDefinition(
            $"SELECT {OfferColumns} FROM waitlist_offers WHERE client_id = @clientId AND status = 'pending' AND expires_at_utc > @now ORDER BY offered_at_utc DESC",
            new { clientId, now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct));
    }

    /// <summary>
    /// Matches a freed slot against the waitlist and, when someone fits, holds the slot for them and queues an offer.
    /// Called after every cancellation. Returns the offer, or null when nobody fits.
    /// </summary>
    public async Task<WaitlistOffer?> OfferFreedSlotAsync(Appointment freed, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginBookingWriteAsync(c, freed.StaffId, freed.LocationId, freed.RoomId, ct);
        var offer = await OfferToNextAsync(c, tx, freed, holdId: null, excludeClientIds: [freed.ClientId], ct);
        await tx.CommitAsync(ct);
        return offer;
    }

    /// <summary>
    /// <see cref="OfferFreedSlotAsync(Appointment, CancellationToken)"/> inside the caller's transaction (a cancellation or a
    /// move), which must hold the freed time's provider and room (<see cref="SpaDatabase.BeginBookingWriteAsync(DbConnection, IReadOnlyList{ValueTuple{string, string, string}}, CancellationToken)"/>).
    /// </summary>
    public async Task<WaitlistOffer?> OfferFreedSlotAsync(DbConnection c, DbTransaction tx, Appointment freed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(freed);
        // A hold refused by the database (someone took the time) would leave PostgreSQL's transaction aborted, and with it the
        // caller's change: the offer is made under a savepoint that is undone when there is none.
        await tx.SaveAsync("waitlist_offer", ct);
        var offer = await OfferToNextAsync(c, tx, freed, holdId: null, excludeClientIds: [freed.ClientId], ct);
        if (offer is null)
        {
            await tx.RollbackAsync("waitlist_offer", ct);
        }
        else
        {
            await tx.ReleaseAsync("waitlist_offer", ct);
        }
        return offer;
    }

    private async Task<WaitlistOffer?> OfferToNextAsync(DbConnection c, DbTransaction tx, Appointment slot, string? holdId, IReadOnlyCollection<string> excludeClientIds, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var service = profile.FindService(slot.ServiceId);
        if (service is null || slot.StartsAtUtc <= now)
        {
            return null;
        }
        var local = profile.ToLocal(slot.StartsAtUtc);
        var day = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var candidates = await c.QueryAsync<(string EntryId, string ClientId, string? StaffId, string? LocationId, string TimeOfDay, string? Phone, string? Language)>(new CommandDefinition("""
            SELECT w.id, w.client_id, w.staff_id, w.location_id, w.time_of_day, cl.phone, cl.language
            FROM waitlist_entries w JOIN clients cl ON cl.id = w.client_id
            WHERE w.service_id = @ServiceId AND w.status = 'waiting' AND w.window_start <= @day AND w.window_end >= @day
              AND cl.sms_consent = @yes AND cl.opted_out_at_utc IS NULL AND cl.phone IS NOT NULL
            ORDER BY w.created_at_utc
            """, new { slot.ServiceId, day, yes = true }, tx, cancellationToken: ct));
        var tried = (await c.QueryAsync<string>(new CommandDefinition(
            "SELECT client_id FROM waitlist_offers WHERE appointment_id = @id", new { id = holdId ?? "" }, tx, cancellationToken: ct))).ToHashSet();
        var pick = candidates.FirstOrDefault(x => !excludeClientIds.Contains(x.ClientId) && !tried.Contains(x.ClientId)
            && (x.StaffId is null || x.StaffId == slot.StaffId) && (x.LocationId is null || x.LocationId == slot.LocationId)
            && TimeOfDayFits(x.TimeOfDay, local));
        if (pick.EntryId is null)
        {
            if (holdId is not null)
            {
                await AppointmentBook.ChangeStatusAsync(c, tx, holdId, AppointmentStatus.Held, AppointmentStatus.Cancelled, Actor.System("waitlist"), null, now, ct);
            }
            return null;
        }

        var expires = now.AddMinutes(profile.Policies.WaitlistOfferMinutes);
        if (holdId is null)
        {
            var hold = new Appointment
            {
                Id = NewId.For("apt"), ClientId = pick.ClientId, ServiceId = slot.ServiceId, StaffId = slot.StaffId, LocationId = slot.LocationId, RoomId = slot.RoomId,
                StartsAtUtc = slot.StartsAtUtc, EndsAtUtc = slot.EndsAtUtc, BlockedUntilUtc = slot.BlockedUntilUtc, Status = AppointmentStatus.Held,
                Channel = "waitlist", HoldExpiresAtUtc = expires, CreatedAtUtc = now, UpdatedAtUtc = now,
            };
            try
            {
                await c.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO appointments (id, client_id, service_id, staff_id, location_id, room_id, starts_at_utc, ends_at_utc, blocked_until_utc,
                                              status, channel, hold_expires_at_utc, created_at_utc, updated_at_utc)
                    VALUES (@Id, @ClientId, @ServiceId, @StaffId, @LocationId, @RoomId, @StartsAtUtc, @EndsAtUtc, @BlockedUntilUtc, @Status, @Channel, @HoldExpiresAtUtc, @CreatedAtUtc, @UpdatedAtUtc)
                    """, hold, tx, cancellationToken: ct));
            }
            catch (DbException ex) when (SpaDatabase.IsSlotTaken(ex))
            {
                return null; // someone booked the freed slot first; nothing to offer
            }
            await AuditLog.WriteAsync(c, tx, now, Actor.System("waitlist"), "appointment.hold", "appointment", hold.Id, null, hold, null, ct);
            holdId = hold.Id;
        }
        else
        {
            await c.ExecuteAsync(new CommandDefinition(
                "UPDATE appointments SET client_id = @ClientId, hold_expires_at_utc = @expires, updated_at_utc = @now WHERE id = @holdId",
                new { pick.ClientId, expires, now, holdId }, tx, cancellationToken: ct));
        }

        var offer = new WaitlistOffer { Id = NewId.For("wo"), EntryId = pick.EntryId, AppointmentId = holdId, ClientId = pick.ClientId, OfferedAtUtc = now, ExpiresAtUtc = expires };
        await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO waitlist_offers (id, entry_id, appointment_id, client_id, status, offered_at_utc, expires_at_utc)
            VALUES (@Id, @EntryId, @AppointmentId, @ClientId, 'pending', @OfferedAtUtc, @ExpiresAtUtc)
            """, offer, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE waitlist_entries SET status = 'offered', updated_at_utc = @now WHERE id = @EntryId", new { now, pick.EntryId }, tx, cancellationToken: ct));
        await AuditLog.WriteAsync(c, tx, now, Actor.System("waitlist"), "waitlist.offer", "waitlist_offer", offer.Id, null, offer, null, ct);

        // In the language the client last wrote in.
        var body = (languages?.For(pick.Language) ?? templates).Render("waitlist_offer", new Dictionary<string, string>
        {
            ["spa"] = profile.Spa.Name,
            ["service"] = service.NameIn(pick.Language),
            ["when"] = SpokenTime.DayAndTime(local, pick.Language),
            ["location"] = profile.FindLocation(slot.LocationId)?.Name ?? "",
            ["minutes"] = profile.Policies.WaitlistOfferMinutes.ToString(CultureInfo.InvariantCulture),
        });
        await outbox.EnqueueAsync(c, tx, MessageKind.WaitlistOffer, pick.Phone!, body, pick.ClientId, slot.LocationId, offer.Id, null, Actor.System("waitlist"), ct);
        return offer;
    }

    /// <summary>An offer by id, or null.</summary>
    public async Task<WaitlistOffer?> GetOfferAsync(string offerId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<WaitlistOffer>(new CommandDefinition(
            $"SELECT {OfferColumns} FROM waitlist_offers WHERE id = @offerId", new { offerId }, cancellationToken: ct));
    }

    /// <summary>
    /// Starts an offer's answer window now. Called when the offer's text actually goes out, so a text held back
    /// (quiet hours, a retry) still gives the client the whole time it promises. False, and nothing changes, when the
    /// offer is no longer pending or its slot is no longer held for that client or has begun: the text must not go.
    /// </summary>
    public async Task<bool> StartOfferWindowAsync(string offerId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginBookingWriteAsync(c, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var offer = await c.QuerySingleOrDefaultAsync<WaitlistOffer>(new CommandDefinition(
            $"SELECT {OfferColumns} FROM waitlist_offers WHERE id = @offerId", new { offerId }, tx, cancellationToken: ct));
        var hold = offer is null ? null : await AppointmentBook.GetAsync(c, tx, offer.AppointmentId, ct);
        if (offer is not { Status: "pending" } || hold is not { Status: AppointmentStatus.Held } || hold.ClientId != offer.ClientId || hold.StartsAtUtc <= now)
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        var expires = now.AddMinutes(profile.Policies.WaitlistOfferMinutes);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE waitlist_offers SET expires_at_utc = @expires WHERE id = @offerId AND status = 'pending'", new { expires, offerId }, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE appointments SET hold_expires_at_utc = @expires, updated_at_utc = @now WHERE id = @AppointmentId", new { expires, now, offer.AppointmentId }, tx, cancellationToken: ct));
        await AuditLog.WriteAsync(c, tx, now, Actor.System("waitlist"), "waitlist.offer_sent", "waitlist_offer", offer.Id,
            new { offer.ExpiresAtUtc }, new { ExpiresAtUtc = expires }, null, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Accepts a pending, unexpired offer: the held slot becomes the client's booking. <paramref name="alongside"/>, when
    /// given, writes in the same transaction (the channel's answer and its transcript), so the acceptance and its answer
    /// commit together.
    /// </summary>
    public async Task<Appointment?> AcceptAsync(string offerId, Actor actor, string? conversationId, Func<DbConnection, DbTransaction, Task>? alongside, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginBookingWriteAsync(c, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var offer = await c.QuerySingleOrDefaultAsync<WaitlistOffer>(new CommandDefinition(
            $"SELECT {OfferColumns} FROM waitlist_offers WHERE id = @offerId", new { offerId }, tx, cancellationToken: ct));
        if (offer is null || offer.Status != "pending" || offer.ExpiresAtUtc <= now)
        {
            return null;
        }
        if (!await AppointmentBook.ChangeStatusAsync(c, tx, offer.AppointmentId, AppointmentStatus.Held, AppointmentStatus.Booked, actor, conversationId, now, ct))
        {
            return null;
        }
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE waitlist_offers SET status = 'accepted', responded_at_utc = @now WHERE id = @offerId", new { now, offerId }, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE waitlist_entries SET status = 'booked', updated_at_utc = @now WHERE id = @EntryId", new { now, offer.EntryId }, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE appointments SET hold_expires_at_utc = NULL, conversation_id = @conversationId WHERE id = @AppointmentId",
            new { offer.AppointmentId, conversationId }, tx, cancellationToken: ct));
        await AuditLog.WriteAsync(c, tx, now, actor, "waitlist.accept", "waitlist_offer", offer.Id, new { offer.Status }, new { Status = "accepted" }, conversationId, ct);
        var booked = await AppointmentBook.GetAsync(c, tx, offer.AppointmentId, ct);
        if (alongside is not null)
        {
            await alongside(c, tx);
        }
        await tx.CommitAsync(ct);
        return booked;
    }

    /// <summary>
    /// Declines a pending offer the client answered no to in words ("no thanks", "can't make it"): the offer is declined,
    /// the held slot goes to the next person on the list (or is let go), and the client's entry is kept for other openings
    /// or, when <paramref name="leaveWaitlist"/> ("no thanks, take me off"), removed. False when the offer is no longer pending.
    /// </summary>
    public async Task<bool> DeclineAsync(string offerId, bool leaveWaitlist, Actor actor, string? conversationId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginBookingWriteAsync(c, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await c.ExecuteAsync(new CommandDefinition(
            "UPDATE waitlist_offers SET status = 'declined', responded_at_utc = @now WHERE id = @offerId AND status = 'pending'", new { now, offerId }, tx, cancellationToken: ct));
        if (changed == 0)
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        var offer = await c.QuerySingleAsync<WaitlistOffer>(new CommandDefinition(
            $"SELECT {OfferColumns} FROM waitlist_offers WHERE id = @offerId", new { offerId }, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE waitlist_entries SET status = @status, updated_at_utc = @now WHERE id = @EntryId AND status = 'offered'",
            new { status = leaveWaitlist ? "removed" : "waiting", now, offer.EntryId }, tx, cancellationToken: ct));
        await AuditLog.WriteAsync(c, tx, now, actor, "waitlist.decline", "waitlist_offer", offer.Id, new { Status = "pending" },
            new { Status = "declined", LeftWaitlist = leaveWaitlist }, conversationId, ct);
        var hold = await AppointmentBook.GetAsync(c, tx, offer.AppointmentId, ct);
        if (hold is { Status: AppointmentStatus.Held })
        {
            await OfferToNextAsync(c, tx, hold, hold.Id, [offer.ClientId], ct);
        }
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Lapses every offer past its time and passes each held slot to the next person. Returns how many lapsed.
    /// An offer whose text the sender has taken up but not sent yet (held for quiet hours, a retry, a send in flight)
    /// does not lapse: its window starts when the text goes (<see cref="StartOfferWindowAsync"/>). A deferral or a retry
    /// moves the text's next attempt past its creation, a claim marks it claimed; with no sender running neither happens,
    /// and the offer lapses on time as before.
    /// </summary>
    public async Task<int> ExpireDueOffersAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var c = await db.OpenAsync(ct);
        var due = (await c.QueryAsync<WaitlistOffer>(new CommandDefinition($"""
            SELECT {OfferColumns} FROM waitlist_offers o
            WHERE o.status = 'pending' AND o.expires_at_utc <= @now
              AND NOT EXISTS (SELECT 1 FROM outbox m WHERE m.kind = @kind AND m.related_id = o.id AND m.status = 'queued' AND (m.next_attempt_at_utc > m.created_at_utc OR m.claimed_until_utc IS NOT NULL))
            """, new { now, kind = MessageKind.WaitlistOffer }, cancellationToken: ct))).ToList();
        foreach (var offer in due)
        {
            await using var tx = await db.BeginBookingWriteAsync(c, ct);
            var changed = await c.ExecuteAsync(new CommandDefinition(
                "UPDATE waitlist_offers SET status = 'expired', responded_at_utc = @now WHERE id = @Id AND status = 'pending'", new { now, offer.Id }, tx, cancellationToken: ct));
            if (changed == 0)
            {
                await tx.RollbackAsync(ct);
                continue;
            }
            // The person who let it lapse stays on the list for other openings.
            await c.ExecuteAsync(new CommandDefinition(
                "UPDATE waitlist_entries SET status = 'waiting', updated_at_utc = @now WHERE id = @EntryId AND status = 'offered'", new { now, offer.EntryId }, tx, cancellationToken: ct));
            await AuditLog.WriteAsync(c, tx, now, Actor.System("waitlist"), "waitlist.expire", "waitlist_offer", offer.Id, new { Status = "pending" }, new { Status = "expired" }, null, ct);
            var hold = await AppointmentBook.GetAsync(c, tx, offer.AppointmentId, ct);
            if (hold is { Status: AppointmentStatus.Held })
            {
                await OfferToNextAsync(c, tx, hold, hold.Id, [offer.ClientId], ct);
            }
            await tx.CommitAsync(ct);
        }
        return due.Count;
    }

    private static bool TimeOfDayFits(string timeOfDay, DateTime local) => timeOfDay switch
    {
        "morning" => local.Hour < 12,
        "afternoon" => local.Hour is >= 12 and < 17,
        "evening" => local.Hour >= 17,
        _ => true,
    };
}
