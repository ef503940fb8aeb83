using System.Data.Common;
using System.Text.Json;
using Dapper;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Store;

namespace FrontDesk.Tools.Clients;

/// <summary>A client of the spa.</summary>
public sealed class Client
{
    /// <summary>Stable id.</summary>
    public string Id { get; init; } = "";
    /// <summary>E.164 phone, unique: one the channel vouched for or the person proved (or a client the spa entered).</summary>
    public string? Phone { get; init; }
    /// <summary>
    /// A number a web visitor gave when booking but did not prove (no <see cref="Phone"/> then). Staff may call it; nothing
    /// is texted to it and nobody is identified by it until the visitor proves it with a code (issue 15, item 4).
    /// </summary>
    public string? UnverifiedPhone { get; init; }
    /// <summary>Full name, if known.</summary>
    public string? Name { get; init; }
    /// <summary>Email, if known.</summary>
    public string? Email { get; init; }
    /// <summary>Preferences as a JSON array of text.</summary>
    public string Preferences { get; init; } = "[]";
    /// <summary>Health flags as a JSON array of tags, matched against contraindications.</summary>
    public string HealthFlags { get; init; } = "[]";
    /// <summary>May receive transactional SMS.</summary>
    public bool SmsConsent { get; init; }
    /// <summary>May receive offers.</summary>
    public bool MarketingConsent { get; init; }
    /// <summary>Set when the number texted STOP; cleared by START.</summary>
    public DateTime? OptedOutAtUtc { get; init; }
    /// <summary>The language the client last wrote or spoke in ("en", "es"), if known: texts to them are written in it.</summary>
    public string? Language { get; init; }
    /// <summary>Created.</summary>
    public DateTime CreatedAtUtc { get; init; }
    /// <summary>Last changed.</summary>
    public DateTime UpdatedAtUtc { get; init; }

    /// <summary>The health flag tags.</summary>
    public IReadOnlyList<string> HealthFlagList => JsonSerializer.Deserialize<List<string>>(HealthFlags) ?? [];

    /// <summary>The preferences.</summary>
    public IReadOnlyList<string> PreferenceList => JsonSerializer.Deserialize<List<string>>(Preferences) ?? [];

    /// <summary>The first word of the name.</summary>
    public string? FirstName => Name?.Split(' ', 2)[0];
}

/// <summary>Reads and writes clients. Every write is audited.</summary>
public sealed class ClientDirectory(SpaDatabase db, TimeProvider clock)
{
    internal const string Columns = """
        id, phone, unverified_phone AS UnverifiedPhone, name, email, preferences, health_flags AS HealthFlags, sms_consent AS SmsConsent,
        marketing_consent AS MarketingConsent, opted_out_at_utc AS OptedOutAtUtc, created_at_utc AS CreatedAtUtc, updated_at_utc AS UpdatedAtUtc, language
        """;

    /// <summary>The client with this id (in an agent turn, read once per turn until the turn writes: <see cref="TurnReads"/>).</summary>
    public Task<Client?> GetAsync(string id, CancellationToken ct) => TurnReads.ClientAsync(id, async (clientId, token) =>
    {
        await using var c = await db.OpenAsync(token);
        return await GetAsync(c, null, clientId, token);
    }, ct);

    private static Task<Client?> GetAsync(DbConnection c, DbTransaction? tx, string id, CancellationToken ct) =>
        PreparedSql.SingleOrDefaultAsync(c, tx, $"SELECT {Columns} FROM clients WHERE id = @id", new { id }, ReadRow, ct);

    /// <summary>The client with this E.164 phone.</summary>
    public async Task<Client?> FindByPhoneAsync(string phone, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await FindByPhoneAsync(c, null, phone, ct);
    }

    internal static Task<Client?> FindByPhoneAsync(DbConnection c, DbTransaction? tx, string phone, CancellationToken ct) =>
        PreparedSql.SingleOrDefaultAsync(c, tx, $"SELECT {Columns} FROM clients WHERE phone = @phone", new { phone }, ReadRow, ct);

    /// <summary>A client read with <see cref="Columns"/>, in their order, as Dapper maps them (NULL leaves the default).</summary>
    internal static Client ReadRow(SqliteStatement s) => new()
    {
        Id = s.Text(0) ?? "", Phone = s.Text(1), UnverifiedPhone = s.Text(2), Name = s.Text(3), Email = s.Text(4), Preferences = s.Text(5) ?? "[]",
        HealthFlags = s.Text(6) ?? "[]", SmsConsent = s.Number(7) != 0, MarketingConsent = s.Number(8) != 0, OptedOutAtUtc = s.IsNull(9) ? null : s.Time(9),
        CreatedAtUtc = s.Time(10), UpdatedAtUtc = s.Time(11), Language = s.Text(12),
    };

    /// <summary>Clients with this email (case-insensitive); several clients may share one.</summary>
    public async Task<IReadOnlyList<Client>> FindByEmailAsync(string email, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return [.. await c.QueryAsync<Client>(new CommandDefinition(
            $"SELECT {Columns} FROM clients WHERE LOWER(email) = LOWER(@email)", new { email }, cancellationToken: ct))];
    }

    /// <summary>
    /// Returns the client with this phone, creating one (with the given name and email) when there is none.
    /// An existing client's missing name or email is filled in; a known name is never overwritten by the caller's.
    /// </summary>
    public async Task<Client> GetOrCreateByPhoneAsync(string phone, string? name, string? email, Actor actor, string? conversationId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        var result = await GetOrCreateByPhoneAsync(c, tx, clock.GetUtcNow().UtcDateTime, phone, name, email, actor, conversationId, language: null, ct);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>
    /// <see cref="GetOrCreateByPhoneAsync(string, string?, string?, Actor, string?, CancellationToken)"/> inside the caller's
    /// transaction, so a client created for a booking that then fails is rolled back with it (issue 15, item 3).
    /// </summary>
    internal static async Task<Client> GetOrCreateByPhoneAsync(
        DbConnection c, DbTransaction tx, DateTime now, string phone, string? name, string? email, Actor actor, string? conversationId, string? language, CancellationToken ct)
    {
        var writes = new WriteBatch();
        var result = ForProvenPhone(await FindByPhoneAsync(c, tx, phone, ct), now, phone, name, email, actor, conversationId, language, writes);
        await writes.ExecuteAsync(c, tx, ct);
        return result;
    }

    /// <summary>
    /// The client with a proven <paramref name="phone"/>, given what was read of it (<paramref name="existing"/>, null when no
    /// client has the number): a new client's row, or the name and email it lacks, are added to <paramref name="batch"/> with
    /// their audit entries, for the caller to write with its own statements (a booking's: all or nothing). A name or email
    /// on file is kept even when another writer filled it in after <paramref name="existing"/> was read.
    /// </summary>
    internal static Client ForProvenPhone(
        Client? existing, DateTime now, string phone, string? name, string? email, Actor actor, string? conversationId, string? language, WriteBatch batch)
    {
        if (existing is null)
        {
            var created = new Client { Id = NewId.For("cl"), Phone = phone, Name = name, Email = email, CreatedAtUtc = now, UpdatedAtUtc = now, Language = language };
            batch.Add("""
                INSERT INTO clients (id, phone, name, email, preferences, health_flags, sms_consent, marketing_consent, created_at_utc, updated_at_utc, language)
                VALUES (@clp_Id, @clp_Phone, @clp_Name, @clp_Email, '[]', '[]', @clp_SmsConsent, @clp_MarketingConsent, @clp_CreatedAtUtc, @clp_UpdatedAtUtc, @clp_Language)
                """, new
            {
                clp_Id = created.Id, clp_Phone = created.Phone, clp_Name = created.Name, clp_Email = created.Email, clp_SmsConsent = created.SmsConsent,
                clp_MarketingConsent = created.MarketingConsent, clp_CreatedAtUtc = created.CreatedAtUtc, clp_UpdatedAtUtc = created.UpdatedAtUtc,
                clp_Language = created.Language,
            });
            AuditLog.Append(batch, "clp_audit_", now, actor, "client.create", "client", created.Id, null, Redacted(created), conversationId);
            return created;
        }
        if ((existing.Name is null && name is not null) || (existing.Email is null && email is not null))
        {
            var updated = new Client
            {
                Id = existing.Id, Phone = existing.Phone, Name = existing.Name ?? name, Email = existing.Email ?? email,
                Preferences = existing.Preferences, HealthFlags = existing.HealthFlags, SmsConsent = existing.SmsConsent,
                MarketingConsent = existing.MarketingConsent, OptedOutAtUtc = existing.OptedOutAtUtc, CreatedAtUtc = existing.CreatedAtUtc, UpdatedAtUtc = now,
                Language = existing.Language,
            };
            batch.Add(
                "UPDATE clients SET name = COALESCE(name, @clp_Name), email = COALESCE(email, @clp_Email), updated_at_utc = @clp_UpdatedAtUtc WHERE id = @clp_Id",
                new { clp_Name = updated.Name, clp_Email = updated.Email, clp_UpdatedAtUtc = updated.UpdatedAtUtc, clp_Id = updated.Id });
            AuditLog.Append(batch, "clp_audit_", now, actor, "client.update", "client", updated.Id, Redacted(existing), Redacted(updated), conversationId);
            return updated;
        }
        return existing;
    }

    /// <summary>
    /// The client a booking or waitlist entry of this conversation is for. A phone the conversation has proven (caller ID or a
    /// code) is the client with that phone, created if need be. A number a web visitor only typed, that no client has, gets
    /// a client of its own with the number kept as unverified (issue 15, item 4): the visitor's booking stands, but the
    /// number's real owner is not told about it, nor can change it, by texting or calling from that number. The same visitor
    /// giving the same number again in this conversation is the same client.
    /// </summary>
    public async Task<Client> GetOrCreateForConversationAsync(ConversationScope scope, string phone, string? name, string? email, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        var result = await GetOrCreateForAsync(c, tx, clock.GetUtcNow().UtcDateTime, phone, scope.VerifiedPhone == phone, scope.ClientId, name, email, scope.Actor, scope.ConversationId, batch: null, scope.Language, ct);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>
    /// <see cref="GetOrCreateForConversationAsync"/> inside the caller's transaction (none for an unproven number with a
    /// <paramref name="batch"/>: nothing is written before the batch). A client's writes (a new row, or for a proven number
    /// the name or email it lacked, with their audit entries) are added to <paramref name="batch"/> when one is given, for the
    /// caller to send with its own writes in one round trip; written at once otherwise. A client created here gets <paramref name="language"/> (the
    /// conversation's) in the same insert, not in a second statement afterwards.
    /// </summary>
    internal static async Task<Client> GetOrCreateForAsync(
        DbConnection c, DbTransaction? tx, DateTime now, string phone, bool proven, string? conversationClientId, string? name, string? email,
        Actor actor, string? conversationId, WriteBatch? batch, string? language, CancellationToken ct)
    {
        if (proven)
        {
            // Read in the caller's transaction (an unproven number's client only reads before the batch); its writes go in
            // the caller's batch when there is one, else at once.
            ArgumentNullException.ThrowIfNull(tx);
            return batch is null
                ? await GetOrCreateByPhoneAsync(c, tx, now, phone, name, email, actor, conversationId, language, ct)
                : ForProvenPhone(await FindByPhoneAsync(c, tx, phone, ct), now, phone, name, email, actor, conversationId, language, batch);
        }
        if (conversationClientId is not null && await GetAsync(c, tx, conversationClientId, ct) is { Phone: null } same && same.UnverifiedPhone == phone)
        {
            return same;
        }
        var created = new Client { Id = NewId.For("cl"), UnverifiedPhone = phone, Name = name, Email = email, CreatedAtUtc = now, UpdatedAtUtc = now, Language = language };
        var own = batch ?? new WriteBatch();
        own.Add("""
            INSERT INTO clients (id, unverified_phone, name, email, preferences, health_flags, sms_consent, marketing_consent, created_at_utc, updated_at_utc, language)
            VALUES (@cl_Id, @cl_UnverifiedPhone, @cl_Name, @cl_Email, '[]', '[]', @cl_SmsConsent, @cl_MarketingConsent, @cl_CreatedAtUtc, @cl_UpdatedAtUtc, @cl_Language)
            """, new
        {
            cl_Id = created.Id, cl_UnverifiedPhone = created.UnverifiedPhone, cl_Name = created.Name, cl_Email = created.Email,
            cl_SmsConsent = created.SmsConsent, cl_MarketingConsent = created.MarketingConsent,
            cl_CreatedAtUtc = created.CreatedAtUtc, cl_UpdatedAtUtc = created.UpdatedAtUtc, cl_Language = created.Language,
        });
        AuditLog.Append(own, "cl_audit_", now, actor, "client.create", "client", created.Id, null, Redacted(created), conversationId);
        if (batch is null)
        {
            await own.ExecuteAsync(c, tx, ct);
        }
        return created;
    }

    /// <summary>
    /// The person in this conversation has just proven <paramref name="phone"/>. When the conversation's client is the one
    /// created for that number unproven, it now gets the number; if another client has it already (the same person, known
    /// before), the conversation's appointments and waitlist entries move to that client. Returns the phone's client, or null.
    /// </summary>
    public async Task<Client?> ClaimProvenPhoneAsync(string? conversationClientId, string phone, Actor actor, string? conversationId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var c = await db.OpenAsync(ct);
            try
            {
                await using var tx = await db.BeginWriteAsync(c, ct);
                var result = await ClaimAsync(c, tx, clock.GetUtcNow().UtcDateTime, conversationClientId, phone, actor, conversationId, ct);
                await tx.CommitAsync(ct);
                return result;
            }
            catch (DbException ex) when (SpaDatabase.IsUniqueViolation(ex) && attempt < 3)
            {
                // Another conversation gave the number to a client a moment ago: move to that client instead.
            }
        }
    }

    private static async Task<Client?> ClaimAsync(DbConnection c, DbTransaction tx, DateTime now, string? conversationClientId, string phone, Actor actor, string? conversationId, CancellationToken ct)
    {
        var owner = await FindByPhoneAsync(c, tx, phone, ct);
        if (conversationClientId is null || await GetAsync(c, tx, conversationClientId, ct) is not { Phone: null } unproven || unproven.UnverifiedPhone != phone)
        {
            return owner;
        }
        if (owner is null)
        {
            await c.ExecuteAsync(new CommandDefinition(
                "UPDATE clients SET phone = @phone, unverified_phone = NULL, updated_at_utc = @now WHERE id = @Id", new { unproven.Id, phone, now }, tx, cancellationToken: ct));
            await AuditLog.WriteAsync(c, tx, now, actor, "client.phone_verified", "client", unproven.Id, new { unverified_phone = phone }, new { phone }, conversationId, ct);
            return await GetAsync(c, tx, unproven.Id, ct);
        }
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE appointments SET client_id = @to, updated_at_utc = @now WHERE client_id = @from", new { to = owner.Id, from = unproven.Id, now }, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE waitlist_entries SET client_id = @to WHERE client_id = @from", new { to = owner.Id, from = unproven.Id }, tx, cancellationToken: ct));
        await AuditLog.WriteAsync(c, tx, now, actor, "client.merge", "client", owner.Id, new { from = unproven.Id }, new { to = owner.Id }, conversationId, ct);
        return owner;
    }

    /// <summary>Records an SMS opt-out (STOP, or Twilio error 21610) or opt-in (START) for a number.</summary>
    public async Task SetOptedOutAsync(string phone, bool optedOut, Actor actor, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        await SetOptedOutAsync(c, tx, phone, optedOut, actor, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Records an SMS opt-out or opt-in inside the caller's transaction; the audit entry keeps what caused it and why (when given)
    /// and the conversation it was asked in.
    /// </summary>
    public async Task SetOptedOutAsync(DbConnection c, DbTransaction tx, string phone, bool optedOut, Actor actor, CancellationToken ct, string? source = null,
        string? note = null, string? conversationId = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await FindByPhoneAsync(c, tx, phone, ct);
        if (existing is null)
        {
            // An unknown number can opt out too: keep a client row so the opt-out is remembered.
            await c.ExecuteAsync(new CommandDefinition("""
                INSERT INTO clients (id, phone, preferences, health_flags, sms_consent, marketing_consent, opted_out_at_utc, created_at_utc, updated_at_utc)
                VALUES (@Id, @phone, '[]', '[]', @no, @no, @OptedOut, @now, @now)
                """, new { Id = NewId.For("cl"), phone, no = false, OptedOut = optedOut ? now : (DateTime?)null, now }, tx, cancellationToken: ct));
        }
        else
        {
            await c.ExecuteAsync(new CommandDefinition(
                "UPDATE clients SET opted_out_at_utc = @OptedOut, updated_at_utc = @now WHERE id = @Id",
                new { existing.Id, OptedOut = optedOut ? now : (DateTime?)null, now }, tx, cancellationToken: ct));
        }
        await AuditLog.WriteAsync(c, tx, now, actor, optedOut ? "client.sms_opt_out" : "client.sms_opt_in", "client", existing?.Id ?? phone,
            existing is null ? null : new { optedOut = existing.OptedOutAtUtc is not null }, source is null ? (object)new { optedOut } : new { optedOut, source, note }, conversationId, ct);
    }

    /// <summary>
    /// Remembers the language a client wrote or spoke in, so later texts (reminders, waitlist offers) are in it; audited.
    /// Returns false when it was already recorded.
    /// </summary>
    public async Task<bool> SetLanguageAsync(string clientId, string language, Actor actor, string? conversationId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var before = await c.QuerySingleOrDefaultAsync<string?>(new CommandDefinition("SELECT language FROM clients WHERE id = @clientId", new { clientId }, tx, cancellationToken: ct));
        var changed = await c.ExecuteAsync(new CommandDefinition(
            "UPDATE clients SET language = @language, updated_at_utc = @now WHERE id = @clientId AND (language IS NULL OR language <> @language)",
            new { clientId, language, now }, tx, cancellationToken: ct)) > 0;
        if (changed)
        {
            await AuditLog.WriteAsync(c, tx, now, actor, "client.language", "client", clientId, new { language = before }, new { language }, conversationId, ct);
        }
        await tx.CommitAsync(ct);
        return changed;
    }

    /// <summary>Whether a number has opted out of SMS.</summary>
    public async Task<bool> IsOptedOutAsync(string phone, CancellationToken ct)
    {
        var client = await FindByPhoneAsync(phone, ct);
        return client?.OptedOutAtUtc is not null;
    }

    /// <summary>What the audit log keeps of a client: no health flags, which are health details.</summary>
    internal static object Redacted(Client c) => new { c.Id, c.Name, c.Phone, c.UnverifiedPhone, c.Email, c.SmsConsent, c.MarketingConsent, OptedOut = c.OptedOutAtUtc is not null, c.Language };
}
