using System.Data.Common;
using Dapper;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Store;
using Microsoft.Data.Sqlite;

namespace FrontDesk.Tools.Booking;

/// <summary>What happened to a booking attempt.</summary>
public enum BookingOutcome
{
    /// <summary>Booked now.</summary>
    Booked,
    /// <summary>The same idempotency key booked it before; the earlier appointment is returned.</summary>
    AlreadyBooked,
    /// <summary>Someone else took the provider or room a moment ago.</summary>
    SlotTaken,
}

/// <summary>
/// What a booking reads before anything else (<see cref="AppointmentBook.LookUpAsync"/>): the appointment its idempotency key
/// booked already and that appointment's client, the client with the phone it is for, and, when asked, whether its time is
/// taken (null when not read).
/// </summary>
public sealed record BookingLookup(Appointment? Earlier, Client? EarlierClient, Client? PhoneClient, bool? Taken);

/// <summary>
/// The client's own appointment a booking replaces (a change of service, <c>book_appointment(replaces_ref)</c>): it blocks
/// nothing for the new one, and is cancelled in the booking's transaction. <paramref name="Cancelled"/> writes in that
/// transaction once it is cancelled (the waitlist offer of whatever time it freed).
/// </summary>
/// <param name="Old">The appointment replaced.</param>
/// <param name="Cancelled">Written with its cancellation, after the new appointment.</param>
public sealed record Replacement(Appointment Old, Func<DbConnection, DbTransaction, Task>? Cancelled);

/// <summary>The appointments table: the only place appointments are written.</summary>
public sealed class AppointmentBook(SpaDatabase db, TimeProvider clock, FaultPoints faults)
{
    internal const string Columns = """
        id, client_id AS ClientId, service_id AS ServiceId, staff_id AS StaffId, location_id AS LocationId, room_id AS RoomId,
        starts_at_utc AS StartsAtUtc, ends_at_utc AS EndsAtUtc, blocked_until_utc AS BlockedUntilUtc, status, channel,
        conversation_id AS ConversationId, idempotency_key AS IdempotencyKey, hold_expires_at_utc AS HoldExpiresAtUtc,
        created_at_utc AS CreatedAtUtc, updated_at_utc AS UpdatedAtUtc, guest_name AS GuestName
        """;

    private const string InsertSql = """
        INSERT INTO appointments (id, client_id, service_id, staff_id, location_id, room_id, starts_at_utc, ends_at_utc, blocked_until_utc,
                                  status, channel, conversation_id, idempotency_key, hold_expires_at_utc, created_at_utc, updated_at_utc, guest_name)
        VALUES (@Id, @ClientId, @ServiceId, @StaffId, @LocationId, @RoomId, @StartsAtUtc, @EndsAtUtc, @BlockedUntilUtc,
                @Status, @Channel, @ConversationId, @IdempotencyKey, @HoldExpiresAtUtc, @CreatedAtUtc, @UpdatedAtUtc, @GuestName)
        """;

    /// <summary>
    /// Inserts an appointment. The database refuses an overlap on the provider or the room (buffers included);
    /// a repeated idempotency key returns the appointment it booked the first time.
    /// </summary>
    public async Task<(BookingOutcome Outcome, Appointment? Appointment)> InsertAsync(Appointment appointment, Actor actor, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryInsertAsync(appointment, actor, ct);
            }
            catch (DbException ex) when (SpaDatabase.IsRetryable(ex) && attempt < 5)
            {
                // A deadlock victim: the competing booking has gone through or rolled back; try again to learn which.
                await Task.Delay(Random.Shared.Next(5, 25) * attempt, ct);
            }
        }
    }

    private async Task<(BookingOutcome Outcome, Appointment? Appointment)> TryInsertAsync(Appointment appointment, Actor actor, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        if (appointment.IdempotencyKey is { } key && await GetByKeyAsync(c, null, key, ct) is { } earlier)
        {
            return (BookingOutcome.AlreadyBooked, earlier);
        }
        try
        {
            await using var tx = await db.BeginBookingWriteAsync(c, appointment.StaffId, appointment.LocationId, appointment.RoomId, ct);
            await PreparedSql.ExecuteAsync(c, tx, InsertSql, appointment, ct);
            await AuditLog.WriteAsync(c, tx, appointment.CreatedAtUtc, actor, appointment.Status == AppointmentStatus.Held ? "appointment.hold" : "appointment.book",
                "appointment", appointment.Id, null, appointment, appointment.ConversationId, ct);
            await tx.CommitAsync(ct);
            await faults.HitAsync(FaultPoints.BookingCommitted);
            return (BookingOutcome.Booked, appointment);
        }
        catch (DbException ex) when (SpaDatabase.IsUniqueViolation(ex) && appointment.IdempotencyKey is { } k)
        {
            // Two copies of the same request raced; the other one booked it.
            return (BookingOutcome.AlreadyBooked, await GetByKeyAsync(c, null, k, ct));
        }
        catch (DbException ex) when (SpaDatabase.IsSlotTaken(ex))
        {
            // A retry of the same request that raced the first copy collides with its own booking (SQLite's trigger
            // fires before the unique index): report the booking it made, not a taken slot.
            if (appointment.IdempotencyKey is { } k2 && await GetByKeyAsync(c, null, k2, ct) is { } own)
            {
                return (BookingOutcome.AlreadyBooked, own);
            }
            return (BookingOutcome.SlotTaken, null);
        }
    }

    /// <summary>
    /// Books <paramref name="appointment"/> for the client with <paramref name="phone"/>, creating that client in the same
    /// transaction: a losing attempt (slot taken) leaves no client row behind (issue 15, item 3). A phone the conversation
    /// has not <paramref name="proven"/> is kept as the client's unverified number (see
    /// <see cref="ClientDirectory.GetOrCreateForConversationAsync"/>). The appointment's ClientId is ignored and set to the
    /// client's. A repeated idempotency key returns the appointment it booked before. <paramref name="alongside"/> adds its
    /// writes (the confirmation texts) to the booking's batch, so they commit with the appointment or not at all; a client with
    /// no proven number (<see cref="Client.Phone"/> null) is never texted (<see cref="AppointmentWording.CanText"/>). A client created here
    /// gets <paramref name="language"/> (the conversation's) in the same insert. <paramref name="lookup"/> is what
    /// <see cref="LookUpAsync"/> read for this appointment with the overlap, just before: its first look is not read again.
    /// With <paramref name="replacing"/>, the old appointment is cancelled in the same transaction, before the new one is
    /// inserted (so it blocks nothing for it, "same time" included): both commit or neither, and the exclusion constraints
    /// still see every other appointment. One it no longer finds booked is left as it is and the new one still books.
    /// </summary>
    internal async Task<(BookingOutcome Outcome, Appointment? Appointment)> BookForPhoneAsync(
        Appointment appointment, string phone, bool proven, string? conversationClientId, string? name, string? email, string? language, Actor actor,
        BookingLookup? lookup, Action<WriteBatch, Client, Appointment>? alongside, CancellationToken ct, Replacement? replacing = null)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var except = replacing?.Old.Id;
        var busy = 0;
        // The appointment for its client, its audit entry and what goes alongside (the texts of a proven number), added to the batch.
        Appointment Book(WriteBatch batch, Client client)
        {
            var booked = WithClient(appointment, client.Id);
            batch.Add(InsertSql, booked);
            AuditLog.Append(batch, "ap_audit_", booked.CreatedAtUtc, actor, "appointment.book", "appointment", booked.Id, null, booked, booked.ConversationId);
            // Called at every attempt that writes, so what it says (whether texts were queued) is the attempt's that booked.
            alongside?.Invoke(batch, client, booked);
            return booked;
        }
        for (var attempt = 1; ; attempt++)
        {
            var c = await db.OpenAsync(ct);
            try
            {
                // A slot already taken is refused by a plain read, without queueing on the provider's and room's lock: under a
                // race for one time, every loser after the winner's commit leaves at once instead of waiting its turn behind all
                // the others (issue 15, item 12). The constraint still decides the races this read cannot see. The read of an
                // earlier booking by the same request (its idempotency key) goes in the same round trip, or came with the tool's
                // own first read (LookUpAsync).
                var (earlier, taken) = attempt == 1 && lookup is { Taken: { } known }
                    ? (lookup.Earlier, known)
                    : await EarlierOrTakenAsync(c, appointment, except, ct);
                if (earlier is not null)
                {
                    return (BookingOutcome.AlreadyBooked, earlier);
                }
                if (taken)
                {
                    // The key was read after the overlap (same round trip): a copy of this request that took the time
                    // committed before the overlap read, so the key read saw it. Someone else has the time.
                    return (BookingOutcome.SlotTaken, null);
                }
                try
                {
                    // While another write holds this provider or room, look again whether the time is still free rather than
                    // queue: queued, 60 racers for one time each waited for all those ahead (seconds); polling, they see the
                    // winner's commit within a few milliseconds and leave. After ~2 s of polls it queues like any write.
                    // The connection goes back to the pool while it waits: held through the waits, the racers on one instance
                    // (75 in the race bench) kept its pool (50) empty, and every other turn there waited for a connection.
                    // The locks are tried and the overlap read again in one round trip: under the locks when they were got.
                    // A replacement queues for both times' providers and rooms (it frees one and takes the other, like a move).
                    // On PostgreSQL the locks are tried and the overlap read in the first statement of the write batch instead
                    // (guarded): a winning "yes" saves that round trip; a busy lock fails the batch and it polls the same way.
                    var guarded = db.IsPostgres && replacing is null && busy < 200;
                    var polls = 0;
                    DbTransaction? held = null;
                    while (replacing is null && !guarded)
                    {
                        (held, var overlapping) = await db.TryBeginBookingWriteAsync(
                            c, appointment.StaffId, appointment.LocationId, appointment.RoomId, OverlapSql, OverlapArgs(appointment, null), ct);
                        if (overlapping > 0)
                        {
                            // Lost to the write that held the lock just now (or a copy of this request made it): nothing written.
                            if (held is not null)
                            {
                                await held.DisposeAsync();
                            }
                            return await TakenOrOwnAsync(c, appointment, ct);
                        }
                        if (held is not null || ++polls >= 200)
                        {
                            break;
                        }
                        await c.DisposeAsync();
                        await Task.Delay(Random.Shared.Next(3, 12), ct);
                        c = await db.OpenAsync(ct);
                    }
                    // A new client's row, the appointment and both audit entries go as one batch: one round trip, not four, on PostgreSQL.
                    var batch = new WriteBatch();
                    if (guarded)
                    {
                        // First, so a busy lock or a taken time fails the batch before anything is written.
                        var (guardSql, guardArgs) = SpaDatabase.BookingGuard(
                            appointment.StaffId, appointment.LocationId, appointment.RoomId, appointment.StartsAtUtc, appointment.BlockedUntilUtc, "");
                        batch.Add(guardSql, guardArgs);
                    }
                    // A guarded booking writes nothing before its batch: on PostgreSQL it needs no transaction of the driver's. The
                    // batch is one implicit transaction, all or nothing, and commits in its own round trip instead of a COMMIT's
                    // after it (docs/performance.md, rounds twenty-six and twenty-seven). A number not proven: its client (new,
                    // or the conversation's own unproven one) goes in the batch, and it gets no texts. A proven number: its client
                    // as the tool's look-up read it just before (or a new one, or the name it lacked) and its texts go in the
                    // batch; a client created meanwhile by another conversation fails the batch on the phone's unique index,
                    // and the next attempt reads it in a transaction as before. Whether to text is decided again when sending
                    // (an opt-out that lands after the look-up still stops the texts: OutboxSender).
                    var alone = !guarded ? null
                        : !proven ? await ClientDirectory.GetOrCreateForAsync(
                            c, null, appointment.CreatedAtUtc, phone, proven, conversationClientId, name, email, actor, appointment.ConversationId, batch, language, ct)
                        : attempt == 1 && lookup is { Taken: not null } ? ClientDirectory.ForProvenPhone(
                            lookup.PhoneClient, appointment.CreatedAtUtc, phone, name, email, actor, appointment.ConversationId, language, batch)
                        : null;
                    if (alone is not null)
                    {
                        var written = Book(batch, alone);
                        using (await db.EnterWriteAsync(c, ct))
                        {
                            await batch.ExecuteAsync(c, null, ct);
                        }
                        return await BookedAsync(alone, written);
                    }
                    await using var tx = guarded ? await db.BeginWriteAsync(c, ct) : held ?? await db.BeginBookingWriteAsync(c, replacing is null
                        ? [(appointment.StaffId, appointment.LocationId, appointment.RoomId)]
                        : [(appointment.StaffId, appointment.LocationId, appointment.RoomId), (replacing.Old.StaffId, replacing.Old.LocationId, replacing.Old.RoomId)], ct);
                    if (!guarded && held is null && await OverlapsAsync(c, tx, appointment, except, ct))
                    {
                        return await TakenOrOwnAsync(c, appointment, ct);
                    }
                    // The old appointment goes first: the constraints would refuse the new one beside it at the same time.
                    var cancelled = replacing is not null && await ChangeStatusAsync(
                        c, tx, replacing.Old.Id, AppointmentStatus.Booked, AppointmentStatus.Cancelled, actor, appointment.ConversationId, appointment.CreatedAtUtc, ct);
                    var client = await ClientDirectory.GetOrCreateForAsync(
                        c, tx, appointment.CreatedAtUtc, phone, proven, conversationClientId, name, email, actor, appointment.ConversationId, batch, language, ct);
                    var booked = Book(batch, client);
                    await batch.ExecuteAsync(c, tx, ct);
                    if (cancelled && replacing!.Cancelled is { } freed)
                    {
                        await freed(c, tx);
                    }
                    await tx.CommitAsync(ct);
                    return await BookedAsync(client, booked);
                }
                catch (DbException ex) when (SpaDatabase.IsBookingBusy(ex))
                {
                    // The guard found the provider or room locked by another write (its transaction is rolled back): look
                    // again a few milliseconds later, the connection back in the pool meanwhile; the next attempt reads first
                    // whether the time is still free (or booked by a copy of this request). Polls do not count as attempts.
                    busy++;
                    attempt--;
                    await c.DisposeAsync();
                    await Task.Delay(Random.Shared.Next(3, 12), ct);
                }
                catch (DbException ex) when (SpaDatabase.IsSlotTaken(ex))
                {
                    if (appointment.IdempotencyKey is { } k && await GetByKeyAsync(c, null, k, ct) is { } own)
                    {
                        return (BookingOutcome.AlreadyBooked, own);
                    }
                    return (BookingOutcome.SlotTaken, null);
                }
                catch (DbException ex) when ((SpaDatabase.IsRetryable(ex) || SpaDatabase.IsUniqueViolation(ex)) && attempt < 5)
                {
                    // A deadlock victim, a copy of this request that booked first (the idempotency key), or another conversation
                    // that created this phone's client a moment ago: look again.
                    await c.DisposeAsync();
                    await Task.Delay(Random.Shared.Next(5, 25) * attempt, ct);
                }
            }
            finally
            {
                await c.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Books two appointments for the client with <paramref name="phone"/> in one transaction (two people at one time, or
    /// back to back, on one yes): both are written or neither. Both providers' and rooms' locks are taken together (in the
    /// fixed order), each time is read again under them, and the database's exclusion still decides a race it cannot see: a
    /// racing booking of either time fails both (<see cref="BookingOutcome.SlotTaken"/>, nothing written). The two share the
    /// client, created in the same transaction when new; their idempotency keys make a retry of the same yes return both
    /// (<see cref="BookingOutcome.AlreadyBooked"/>). <paramref name="alongside"/> adds each one's writes (its confirmation texts).
    /// </summary>
    internal async Task<(BookingOutcome Outcome, IReadOnlyList<Appointment> Appointments)> BookTwoForPhoneAsync(
        Appointment first, Appointment second, string phone, bool proven, string? conversationClientId, string? name, string? email, string? language,
        Actor actor, Action<WriteBatch, Client, Appointment>? alongside, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        for (var attempt = 1; ; attempt++)
        {
            var c = await db.OpenAsync(ct);
            try
            {
                if (first.IdempotencyKey is { } key && await GetByKeyAsync(c, null, key, ct) is { } earlier)
                {
                    // A copy of this yes booked them a moment ago (one transaction: both are there).
                    return (BookingOutcome.AlreadyBooked,
                        second.IdempotencyKey is { } key2 && await GetByKeyAsync(c, null, key2, ct) is { } other ? [earlier, other] : [earlier]);
                }
                try
                {
                    await using var tx = await db.BeginBookingWriteAsync(c,
                        [(first.StaffId, first.LocationId, first.RoomId), (second.StaffId, second.LocationId, second.RoomId)], ct);
                    if (await OverlapsAsync(c, tx, first, null, ct) || await OverlapsAsync(c, tx, second, null, ct))
                    {
                        return (BookingOutcome.SlotTaken, []);
                    }
                    // One batch for each (a batch's parameters are named once): both in the one transaction, both or neither.
                    var batch = new WriteBatch();
                    var client = await ClientDirectory.GetOrCreateForAsync(
                        c, tx, first.CreatedAtUtc, phone, proven, conversationClientId, name, email, actor, first.ConversationId, batch, language, ct);
                    var booked = new List<Appointment>(2);
                    foreach (var one in new[] { first, second })
                    {
                        var written = WithClient(one, client.Id);
                        batch.Add(InsertSql, written);
                        AuditLog.Append(batch, "ap_audit_", written.CreatedAtUtc, actor, "appointment.book", "appointment", written.Id, null, written, written.ConversationId);
                        alongside?.Invoke(batch, client, written);
                        await batch.ExecuteAsync(c, tx, ct);
                        batch = new WriteBatch();
                        booked.Add(written);
                    }
                    await tx.CommitAsync(ct);
                    TurnReads.Remember(client);
                    await faults.HitAsync(FaultPoints.BookingCommitted);
                    return (BookingOutcome.Booked, booked);
                }
                catch (DbException ex) when (SpaDatabase.IsSlotTaken(ex))
                {
                    // The exclusion refused one of the two: the transaction rolled back, so neither was written.
                    return (BookingOutcome.SlotTaken, []);
                }
                catch (DbException ex) when ((SpaDatabase.IsRetryable(ex) || SpaDatabase.IsUniqueViolation(ex)) && attempt < 5)
                {
                    // A deadlock victim, or a copy of this request, or this phone's client created a moment ago: look again.
                    await Task.Delay(Random.Shared.Next(5, 25) * attempt, ct);
                }
            }
            finally
            {
                await c.DisposeAsync();
            }
        }
    }

    // Committed: the client as written is kept for the turn (the booking's tool and the turn's consent tags need not read it back).
    private async Task<(BookingOutcome, Appointment?)> BookedAsync(Client client, Appointment booked)
    {
        TurnReads.Remember(client);
        await faults.HitAsync(FaultPoints.BookingCommitted);
        return (BookingOutcome.Booked, booked);
    }

    // @except: the appointment a replacement cancels in its own transaction ('' for none), which blocks nothing for it.
    private const string OverlapSql = """
        SELECT COUNT(*) FROM appointments
        WHERE status IN ('held', 'booked') AND starts_at_utc < @BlockedUntilUtc AND blocked_until_utc > @StartsAtUtc
          AND (staff_id = @StaffId OR (location_id = @LocationId AND room_id = @RoomId)) AND id <> @except
        """;

    // The parameters of OverlapSql: a plain object, which SQLite's prepared statement binds as Dapper does.
    private static object OverlapArgs(Appointment a, string? except) =>
        new { a.BlockedUntilUtc, a.StartsAtUtc, a.StaffId, a.LocationId, a.RoomId, except = except ?? "" };

    /// <summary>An appointment read with <see cref="Columns"/>, in their order, as Dapper maps them (NULL leaves the default).</summary>
    internal static Appointment ReadRow(SqliteStatement s) => new()
    {
        Id = s.Text(0) ?? "", ClientId = s.Text(1) ?? "", ServiceId = s.Text(2) ?? "", StaffId = s.Text(3) ?? "", LocationId = s.Text(4) ?? "",
        RoomId = s.Text(5) ?? "", StartsAtUtc = s.Time(6), EndsAtUtc = s.Time(7), BlockedUntilUtc = s.Time(8), Status = s.Text(9) ?? AppointmentStatus.Booked,
        Channel = s.Text(10) ?? "", ConversationId = s.Text(11), IdempotencyKey = s.Text(12), HoldExpiresAtUtc = s.IsNull(13) ? null : s.Time(13),
        CreatedAtUtc = s.Time(14), UpdatedAtUtc = s.Time(15), GuestName = s.Text(16),
    };

    // The appointment this request's idempotency key booked already, and whether the time is taken: one round trip.
    private static async Task<(Appointment? Earlier, bool Taken)> EarlierOrTakenAsync(DbConnection c, Appointment a, string? except, CancellationToken ct)
    {
        if (a.IdempotencyKey is null)
        {
            return (null, await OverlapsAsync(c, null, a, except, ct));
        }
        if (c is SqliteConnection)
        {
            // In process, a round trip costs nothing: two prepared statements, in the same order.
            var overlaps = await OverlapsAsync(c, null, a, except, ct);
            return (await GetByKeyAsync(c, null, a.IdempotencyKey, ct), overlaps);
        }
        var args = new DynamicParameters(OverlapArgs(a, except));
        args.Add("key", a.IdempotencyKey);
        // The overlap first, then the key: whatever booking the overlap read sees committed before the key read began, so a
        // time taken by a copy of this same request shows as that booking, never as someone else's (no third read needed).
        await using var results = await c.QueryMultipleAsync(new CommandDefinition(
            $"{OverlapSql};\nSELECT {Columns} FROM appointments WHERE idempotency_key = @key;", args, cancellationToken: ct));
        var taken = await results.ReadSingleAsync<long>() > 0;
        var earlier = await results.ReadSingleOrDefaultAsync<Appointment>();
        return (earlier, taken);
    }

    /// <summary>
    /// Everything a booking reads before it writes, in one round trip: the appointment <paramref name="appointment"/>'s
    /// idempotency key booked already (a turn that died after its commit) and that appointment's client, the client with
    /// <paramref name="phone"/>, and, with <paramref name="overlap"/>, whether the time is taken, for
    /// <see cref="BookForPhoneAsync"/> not to read it again. The overlap is read before the key, as there; the appointment
    /// <paramref name="replaces"/> (the id of the one a replacement cancels) blocks nothing.
    /// </summary>
    public async Task<BookingLookup> LookUpAsync(Appointment appointment, string phone, bool overlap, CancellationToken ct, string? replaces = null)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        await using var c = await db.OpenAsync(ct);
        if (c is SqliteConnection sqlite)
        {
            return LookUp(sqlite, appointment, phone, overlap, replaces);
        }
        var args = new DynamicParameters(OverlapArgs(appointment, replaces));
        args.Add("key", appointment.IdempotencyKey);
        args.Add("phone", phone);
        await using var results = await c.QueryMultipleAsync(new CommandDefinition($"""
            {(overlap ? OverlapSql + ";" : "")}
            SELECT {Columns} FROM appointments WHERE idempotency_key = @key;
            SELECT {ClientDirectory.Columns} FROM clients
            WHERE phone = @phone OR id = (SELECT client_id FROM appointments WHERE idempotency_key = @key);
            """, args, cancellationToken: ct));
        bool? taken = overlap ? await results.ReadSingleAsync<long>() > 0 : null;
        var earlier = await results.ReadSingleOrDefaultAsync<Appointment>();
        var clients = (await results.ReadAsync<Client>()).ToList();
        clients.ForEach(TurnReads.Remember);
        return new BookingLookup(
            earlier, clients.FirstOrDefault(cl => cl.Id == earlier?.ClientId), clients.FirstOrDefault(cl => cl.Phone == phone), taken);
    }

    private const string ByKeySql = $"SELECT {Columns} FROM appointments WHERE idempotency_key = @key";

    private const string LookUpClientsSql = $"""
        SELECT {ClientDirectory.Columns} FROM clients
        WHERE phone = @phone OR id = (SELECT client_id FROM appointments WHERE idempotency_key = @key)
        """;

    // LookUpAsync on SQLite: the command of several statements split into prepared statements, in the same order, in one
    // read transaction (one snapshot).
    private static BookingLookup LookUp(SqliteConnection c, Appointment appointment, string phone, bool overlap, string? replaces)
    {
        bool? taken = null;
        Appointment? earlier = null;
        var clients = new List<Client>();
        using (SqliteStatement.BeginRead(c))
        {
            if (overlap)
            {
                using var count = SqliteStatement.Get(c, OverlapSql).BindAll(OverlapArgs(appointment, replaces));
                taken = count.Step() && count.Number(0) > 0;
            }
            using (var byKey = SqliteStatement.Get(c, ByKeySql).Bind("@key", appointment.IdempotencyKey))
            {
                earlier = byKey.Step() ? ReadRow(byKey) : null;
            }
            using var byPhone = SqliteStatement.Get(c, LookUpClientsSql).Bind("@phone", phone).Bind("@key", appointment.IdempotencyKey);
            while (byPhone.Step())
            {
                clients.Add(ClientDirectory.ReadRow(byPhone));
            }
        }
        clients.ForEach(TurnReads.Remember);
        return new BookingLookup(
            earlier, clients.FirstOrDefault(cl => cl.Id == earlier?.ClientId), clients.FirstOrDefault(cl => cl.Phone == phone), taken);
    }

    // The time is taken: by a copy of this same request (its idempotency key), or by someone else.
    private static async Task<(BookingOutcome, Appointment?)> TakenOrOwnAsync(DbConnection c, Appointment a, CancellationToken ct) =>
        a.IdempotencyKey is { } key && await GetByKeyAsync(c, null, key, ct) is { } own ? (BookingOutcome.AlreadyBooked, own) : (BookingOutcome.SlotTaken, null);

    private static async Task<bool> OverlapsAsync(DbConnection c, DbTransaction? tx, Appointment a, string? except, CancellationToken ct) =>
        await PreparedSql.CountAsync(c, tx, OverlapSql, OverlapArgs(a, except), ct) > 0;

    /// <summary>The appointment an idempotency key booked, or null.</summary>
    public async Task<Appointment?> FindByKeyAsync(string key, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await GetByKeyAsync(c, null, key, ct);
    }

    private static Appointment WithClient(Appointment a, string clientId) => new()
    {
        Id = a.Id, ClientId = clientId, ServiceId = a.ServiceId, StaffId = a.StaffId, LocationId = a.LocationId, RoomId = a.RoomId,
        StartsAtUtc = a.StartsAtUtc, EndsAtUtc = a.EndsAtUtc, BlockedUntilUtc = a.BlockedUntilUtc, Status = a.Status, Channel = a.Channel,
        ConversationId = a.ConversationId, IdempotencyKey = a.IdempotencyKey, HoldExpiresAtUtc = a.HoldExpiresAtUtc,
        CreatedAtUtc = a.CreatedAtUtc, UpdatedAtUtc = a.UpdatedAtUtc, GuestName = a.GuestName,
    };

    private static Task<Appointment?> GetByKeyAsync(DbConnection c, DbTransaction? tx, string key, CancellationToken ct) =>
        PreparedSql.SingleOrDefaultAsync(c, tx, ByKeySql, new { key }, ReadRow, ct);

    /// <summary>One appointment by id.</summary>
    public async Task<Appointment?> GetAsync(string id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await GetAsync(c, null, id, ct);
    }

    internal static Task<Appointment?> GetAsync(DbConnection c, DbTransaction? tx, string id, CancellationToken ct) =>
        PreparedSql.SingleOrDefaultAsync(c, tx, $"SELECT {Columns} FROM appointments WHERE id = @id", new { id }, ReadRow, ct);

    /// <summary>A client's appointments starting at or after <paramref name="fromUtc"/>, soonest first.</summary>
    public async Task<IReadOnlyList<Appointment>> ListForClientAsync(string clientId, DateTime fromUtc, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return [.. await c.QueryAsync<Appointment>(new CommandDefinition(
            $"SELECT {Columns} FROM appointments WHERE client_id = @clientId AND starts_at_utc >= @fromUtc ORDER BY starts_at_utc",
            new { clientId, fromUtc }, cancellationToken: ct))];
    }

    /// <summary>A client's visits that started before <paramref name="beforeUtc"/> and were not cancelled, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<Appointment>> ListPastForClientAsync(string clientId, DateTime beforeUtc, int limit, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM appointments WHERE client_id = @clientId AND starts_at_utc < @beforeUtc AND status IN ('booked', 'completed') ORDER BY starts_at_utc DESC LIMIT @limit";
        await using var c = await db.OpenAsync(ct);
        return [.. await c.QueryAsync<Appointment>(new CommandDefinition(sql, new { clientId, beforeUtc, limit }, cancellationToken: ct))];
    }

    // The columns and window of ListBlockingAsync's query; the store's own string function narrows it to the scope.
    private const string BlockingColumnsAndWindow = """
        SELECT id, status, service_id AS ServiceId, staff_id AS StaffId, location_id AS LocationId, room_id AS RoomId,
            starts_at_utc AS StartsAtUtc, ends_at_utc AS EndsAtUtc, blocked_until_utc AS BlockedUntilUtc
        FROM appointments WHERE status IN ('held', 'booked') AND starts_at_utc < @toUtc AND blocked_until_utc > @fromUtc
        """;

    private const string BlockingSqlite = BlockingColumnsAndWindow + """

            AND (instr(@staffIds, ',' || staff_id || ',') > 0 OR instr(@rooms, ',' || location_id || '/' || room_id || ',') > 0)
        """;

    private const string BlockingPostgres = BlockingColumnsAndWindow + """

            AND (strpos(@staffIds, ',' || staff_id || ',') > 0 OR strpos(@rooms, ',' || location_id || '/' || room_id || ',') > 0)
        """;

    /// <summary>
    /// The query of <see cref="ListBlockingAsync"/> on one store (parameters <c>@fromUtc</c>, <c>@toUtc</c>, and the scope's
    /// <c>@staffIds</c> and <c>@rooms</c>, see <see cref="BlockingScope"/>), for checking its plan.
    /// </summary>
    public static string BlockingSql(bool postgres) => postgres ? BlockingPostgres : BlockingSqlite;

    /// <summary>
    /// Appointments that block time (held or booked), overlap [fromUtc, toUtc) and hold a provider or a room of
    /// <paramref name="scope"/>, with only what blocks: id, status, service, provider, location, room, start, end and end of
    /// buffer (client, channel, keys and timestamps are left empty). Every availability search reads these; the other
    /// columns were most of its cost, and the other providers' and rooms' appointments most of the rest (issue 16, round 35).
    /// </summary>
    public async Task<IReadOnlyList<Appointment>> ListBlockingAsync(DateTime fromUtc, DateTime toUtc, BlockingScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var c = await db.OpenAsync(ct);
        if (c is SqliteConnection sqlite)
        {
            // Every availability search: prepared once on the connection (SqliteStatement), the rows read without Dapper's mapping.
            var rows = new List<Appointment>();
            using var s = SqliteStatement.Get(sqlite, BlockingSqlite).Bind("@fromUtc", fromUtc).Bind("@toUtc", toUtc)
                .Bind("@staffIds", scope.StaffIds).Bind("@rooms", scope.Rooms);
            while (s.Step())
            {
                // The columns of the query, in order; the others keep their defaults, as Dapper leaves them.
                rows.Add(new Appointment
                {
                    Id = s.Text(0) ?? "", Status = s.Text(1) ?? AppointmentStatus.Booked, ServiceId = s.Text(2) ?? "", StaffId = s.Text(3) ?? "",
                    LocationId = s.Text(4) ?? "", RoomId = s.Text(5) ?? "", StartsAtUtc = s.Time(6), EndsAtUtc = s.Time(7), BlockedUntilUtc = s.Time(8),
                });
            }
            return rows;
        }
        return [.. await c.QueryAsync<Appointment>(new CommandDefinition(BlockingPostgres,
            new { fromUtc, toUtc, staffIds = scope.StaffIds, rooms = scope.Rooms }, cancellationToken: ct))];
    }

    /// <summary>All appointments starting in [fromUtc, toUtc), optionally at one location (staff calendar).</summary>
    public async Task<IReadOnlyList<Appointment>> ListStartingAsync(DateTime fromUtc, DateTime toUtc, string? locationId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return [.. await c.QueryAsync<Appointment>(new CommandDefinition(
            $"SELECT {Columns} FROM appointments WHERE starts_at_utc >= @fromUtc AND starts_at_utc < @toUtc AND (@locationId IS NULL OR location_id = @locationId) ORDER BY starts_at_utc",
            new { fromUtc, toUtc, locationId }, cancellationToken: ct))];
    }

    /// <summary>Sets the status of an appointment that currently has <paramref name="expectedStatus"/>; false when it had changed.</summary>
    public async Task<bool> ChangeStatusAsync(string id, string expectedStatus, string newStatus, Actor actor, string? conversationId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        var ok = await ChangeStatusAsync(c, tx, id, expectedStatus, newStatus, actor, conversationId, clock.GetUtcNow().UtcDateTime, ct);
        await tx.CommitAsync(ct);
        return ok;
    }

    /// <summary>
    /// Cancels a booked appointment; false when it was no longer booked. <paramref name="alongside"/> writes in the same
    /// transaction (the waitlist offer of the freed time), so a cancellation never commits without it (issue 15, item 2).
    /// </summary>
    public async Task<bool> CancelAsync(Appointment appointment, Actor actor, string? conversationId, Func<DbConnection, DbTransaction, Task>? alongside, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        await using var c = await db.OpenAsync(ct);
        // The freed time's provider and room are locked: the waitlist's hold on it is written in this transaction.
        await using var tx = await db.BeginBookingWriteAsync(c, [(appointment.StaffId, appointment.LocationId, appointment.RoomId)], ct);
        if (!await ChangeStatusAsync(c, tx, appointment.Id, AppointmentStatus.Booked, AppointmentStatus.Cancelled, actor, conversationId, clock.GetUtcNow().UtcDateTime, ct))
        {
            return false;
        }
        if (alongside is not null)
        {
            await alongside(c, tx);
        }
        await tx.CommitAsync(ct);
        await faults.HitAsync(FaultPoints.CancelCommitted);
        return true;
    }

    /// <summary>
    /// Whether <paramref name="conversationId"/> made the change <paramref name="action"/> (e.g. <c>appointment.cancelled</c>) to
    /// the appointment: its audit entry commits with the change, so a turn that died after the commit can be finished by its
    /// retry instead of being done twice.
    /// </summary>
    public async Task<bool> ChangedByAsync(string appointmentId, string action, string conversationId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition("""
            SELECT COUNT(*) FROM audit_log WHERE entity = 'appointment' AND entity_id = @appointmentId AND action = @action AND conversation_id = @conversationId
            """, new { appointmentId, action, conversationId }, cancellationToken: ct)) > 0;
    }

    internal static async Task<bool> ChangeStatusAsync(
        DbConnection c, DbTransaction tx, string id, string expectedStatus, string newStatus, Actor actor, string? conversationId, DateTime now, CancellationToken ct)
    {
        var before = await GetAsync(c, tx, id, ct);
        if (before is null || before.Status != expectedStatus)
        {
            return false;
        }
        await PreparedSql.ExecuteAsync(c, tx,
            "UPDATE appointments SET status = @newStatus, updated_at_utc = @now WHERE id = @id AND status = @expectedStatus",
            new { id, newStatus, expectedStatus, now }, ct);
        await AuditLog.WriteAsync(c, tx, now, actor, $"appointment.{newStatus}", "appointment", id,
            new { before.Status }, new { Status = newStatus }, conversationId, ct);
        return true;
    }

    /// <summary>
    /// Moves a booked appointment to a new time, provider and room in one statement; the database refuses an overlap.
    /// <paramref name="alongside"/> writes in the same transaction, given the appointment before and after (the confirmation
    /// texts of the new time, the waitlist offer of the old one), so a move never commits without them (issue 15, item 2).
    /// </summary>
    public async Task<(BookingOutcome Outcome, Appointment? Appointment)> MoveAsync(
        Appointment appointment, DateTime startsAtUtc, DateTime endsAtUtc, DateTime blockedUntilUtc, string staffId, string locationId, string roomId,
        Actor actor, string? conversationId, Func<DbConnection, DbTransaction, Appointment, Appointment, Task>? alongside, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var id = appointment.Id;
        await using var c = await db.OpenAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            // The new time's provider and room, and the old one's (the waitlist's hold on the freed time is written here too).
            await using var tx = await db.BeginBookingWriteAsync(c,
                [(staffId, locationId, roomId), (appointment.StaffId, appointment.LocationId, appointment.RoomId)], ct);
            var before = await GetAsync(c, tx, id, ct);
            if (before is null || before.Status != AppointmentStatus.Booked)
            {
                return (BookingOutcome.SlotTaken, null);
            }
            await c.ExecuteAsync(new CommandDefinition("""
                UPDATE appointments SET starts_at_utc = @startsAtUtc, ends_at_utc = @endsAtUtc, blocked_until_utc = @blockedUntilUtc,
                       staff_id = @staffId, location_id = @locationId, room_id = @roomId, updated_at_utc = @now
                WHERE id = @id AND status = 'booked'
                """, new { id, startsAtUtc, endsAtUtc, blockedUntilUtc, staffId, locationId, roomId, now }, tx, cancellationToken: ct));
            var after = (await GetAsync(c, tx, id, ct))!;
            await AuditLog.WriteAsync(c, tx, now, actor, "appointment.reschedule", "appointment", id, before, after, conversationId, ct);
            if (alongside is not null)
            {
                await alongside(c, tx, before, after);
            }
            await tx.CommitAsync(ct);
            await faults.HitAsync(FaultPoints.RescheduleCommitted);
            return (BookingOutcome.Booked, after);
        }
        catch (DbException ex) when (SpaDatabase.IsSlotTaken(ex) || SpaDatabase.IsRetryable(ex))
        {
            // A deadlock victim lost the race for the new time to a concurrent booking; the move did not happen.
            return (BookingOutcome.SlotTaken, null);
        }
    }
}
