using System.Security.Cryptography;
using System.Text;
using Dapper;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Store;
using FrontDesk.Tools.Text;
using Microsoft.AspNetCore.Identity;

namespace FrontDesk.Channels.Staff;

/// <summary>The four staff roles, lowest first.</summary>
internal static class StaffRole
{
    public const string FrontDesk = "front_desk";
    public const string Clinician = "clinician";
    public const string Manager = "manager";
    public const string Admin = "admin";

    public static readonly string[] All = [FrontDesk, Clinician, Manager, Admin];

    /// <summary>Roles allowed to see health details (medical and emergency escalations and their conversations).</summary>
    public static readonly string[] Medical = [Clinician, Manager, Admin];

    public static readonly string[] Managers = [Manager, Admin];

    public static bool IsValid(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}

/// <summary>A staff member who signs in to the console or owns API keys.</summary>
internal sealed class StaffAccount
{
    public string Id { get; init; } = "";
    public string Email { get; init; } = "";
    public string Name { get; init; } = "";
    public string Role { get; init; } = StaffRole.FrontDesk;
    public string PasswordHash { get; init; } = "";
    public bool Active { get; init; } = true;
    public DateTime CreatedAtUtc { get; init; }
}

/// <summary>Why an account could not be created.</summary>
internal enum AccountError { None, InvalidEmail, InvalidRole, WeakPassword, EmailTaken, InvalidName }

/// <summary>How a change to an account came out.</summary>
internal enum AccountChange { Done, NotFound, InvalidRole, LastAdmin }

/// <summary>
/// Staff accounts and API keys. Passwords are hashed with ASP.NET Core's <see cref="PasswordHasher{TUser}"/>;
/// API keys are random 256-bit secrets stored only as SHA-256 hashes (they are not guessable, so a slow hash adds nothing).
/// </summary>
internal sealed class StaffAccounts(SpaDatabase db, TimeProvider clock)
{
    private const string ActiveAdminCount = "SELECT COUNT(*) FROM staff_accounts WHERE role = 'admin' AND active = @yes";

    public const int MinPasswordLength = 10;
    private const string KeyPrefix = "fdk_";
    private static readonly PasswordHasher<StaffAccount> Hasher = new();
    // Verified against when the email is unknown, so a wrong email costs as long as a wrong password.
    private static readonly string DummyHash = Hasher.HashPassword(new StaffAccount(), "not-a-real-password-" + Guid.NewGuid());

    private const string Columns = """
        id, email, name, role, password_hash AS PasswordHash, active, created_at_utc AS CreatedAtUtc
        """;

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public async Task<(AccountError Error, StaffAccount? Account)> CreateAsync(string email, string name, string role, string password, Actor actor, CancellationToken ct)
    {
        email = NormalizeEmail(email ?? "");
        if (!InputText.IsValidEmail(email))
        {
            return (AccountError.InvalidEmail, null);
        }
        if (!string.IsNullOrWhiteSpace(name) && !InputText.IsValidName(name.Trim()))
        {
            return (AccountError.InvalidName, null);
        }
        if (!StaffRole.IsValid(role))
        {
            return (AccountError.InvalidRole, null);
        }
        if (password is null || password.Length < MinPasswordLength || password.Length > 200)
        {
            return (AccountError.WeakPassword, null);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var account = new StaffAccount
        {
            Id = NewId.For("stf"), Email = email, Name = string.IsNullOrWhiteSpace(name) ? email : name.Trim(), Role = role, CreatedAtUtc = now,
        };
        account = new StaffAccount
        {
            Id = account.Id, Email = account.Email, Name = account.Name, Role = account.Role, CreatedAtUtc = now, PasswordHash = Hasher.HashPassword(account, password),
        };
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        try
        {
            await c.ExecuteAsync(new CommandDefinition("""
                INSERT INTO staff_accounts (id, email, name, role, password_hash, created_at_utc, updated_at_utc)
                VALUES (@Id, @Email, @Name, @Role, @PasswordHash, @CreatedAtUtc, @CreatedAtUtc)
                """, account, tx, cancellationToken: ct));
        }
        catch (Exception ex) when (SpaDatabase.IsUniqueViolation(ex))
        {
            return (AccountError.EmailTaken, null);
        }
        await AuditLog.WriteAsync(c, tx, now, actor, "staff.create", "staff_account", account.Id, null, new { account.Email, account.Name, account.Role }, null, ct);
        await tx.CommitAsync(ct);
        return (AccountError.None, account);
    }

    public async Task<StaffAccount?> GetAsync(string id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<StaffAccount>(new CommandDefinition($"SELECT {Columns} FROM staff_accounts WHERE id = @id", new { id }, cancellationToken: ct));
    }

    public async Task<StaffAccount?> FindByEmailAsync(string email, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<StaffAccount>(new CommandDefinition(
            $"SELECT {Columns} FROM staff_accounts WHERE email = @email", new { email = NormalizeEmail(email) }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return [.. await c.QueryAsync<StaffAccount>(new CommandDefinition($"SELECT {Columns} FROM staff_accounts ORDER BY email", cancellationToken: ct))];
    }

    /// <summary>True when an active admin account exists.</summary>
    public async Task<bool> AnyAdminAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(
            ActiveAdminCount, new { yes = true }, cancellationToken: ct)) > 0;
    }

    /// <summary>
    /// Changes an account's role and/or whether it is active, audited with before and after. Refused when it would leave
    /// no active admin (the last admin cannot demote or deactivate themselves).
    /// </summary>
    public async Task<(AccountChange Result, StaffAccount? Account)> UpdateAsync(string id, string? role, bool? active, Actor actor, CancellationToken ct)
    {
        if (role is not null && !StaffRole.IsValid(role))
        {
            return (AccountChange.InvalidRole, null);
        }
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        var before = await c.QuerySingleOrDefaultAsync<StaffAccount>(new CommandDefinition($"SELECT {Columns} FROM staff_accounts WHERE id = @id", new { id }, tx, cancellationToken: ct));
        if (before is null)
        {
            return (AccountChange.NotFound, null);
        }
        var newRole = role ?? before.Role;
        var newActive = active ?? before.Active;
        if (before.Role == StaffRole.Admin && before.Active && (newRole != StaffRole.Admin || !newActive))
        {
            var admins = await c.ExecuteScalarAsync<long>(new CommandDefinition(
                ActiveAdminCount, new { yes = true }, tx, cancellationToken: ct));
            if (admins <= 1)
            {
                return (AccountChange.LastAdmin, before);
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE staff_accounts SET role = @newRole, active = @newActive, updated_at_utc = @now WHERE id = @id", new { id, newRole, newActive, now }, tx, cancellationToken: ct));
        await AuditLog.WriteAsync(c, tx, now, actor, "staff.update", "staff_account", id,
            new { before.Role, before.Active }, new { Role = newRole, Active = newActive }, null, ct);
        await tx.CommitAsync(ct);
        return (AccountChange.Done, new StaffAccount { Id = before.Id, Email = before.Email, Name = before.Name, Role = newRole, Active = newActive, CreatedAtUtc = before.CreatedAtUtc });
    }

    /// <summary>Records a console sign-in or sign-out (<paramref name="action"/>) in the audit log.</summary>
    public async Task AuditSessionAsync(string action, string accountId, Actor actor, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        await AuditLog.WriteAsync(c, tx, clock.GetUtcNow().UtcDateTime, actor, action, "staff_account", accountId, null, null, null, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The active account whose email and password match, or null (same answer and similar time for every failure).</summary>
    public async Task<StaffAccount?> VerifyPasswordAsync(string? email, string? password, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || password.Length > 200)
        {
            return null;
        }
        StaffAccount? account;
        await using (var c = await db.OpenAsync(ct))
        {
            account = await c.QuerySingleOrDefaultAsync<StaffAccount>(new CommandDefinition(
                $"SELECT {Columns} FROM staff_accounts WHERE email = @email", new { email = NormalizeEmail(email) }, cancellationToken: ct));
        }
        if (account is null)
        {
            Hasher.VerifyHashedPassword(new StaffAccount(), DummyHash, password);
            return null;
        }
        var result = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed || !account.Active)
        {
            return null;
        }
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await using var c = await db.OpenAsync(ct);
            await c.ExecuteAsync(new CommandDefinition("UPDATE staff_accounts SET password_hash = @hash WHERE id = @id",
                new { hash = Hasher.HashPassword(account, password), id = account.Id }, cancellationToken: ct));
        }
        return account;
    }

    /// <summary>Issues an API key for an account; the key is returned once and only its hash is kept.</summary>
    public async Task<(string Id, string Key)> IssueApiKeyAsync(string staffId, string label, Actor actor, CancellationToken ct)
    {
        var id = NewId.For("key");
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var key = $"{KeyPrefix}{id}_{secret}";
        var now = clock.GetUtcNow().UtcDateTime;
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO staff_api_keys (id, staff_id, label, key_hash, created_at_utc) VALUES (@id, @staffId, @label, @hash, @now)
            """, new { id, staffId, label, hash = Hash(secret), now }, tx, cancellationToken: ct));
        await AuditLog.WriteAsync(c, tx, now, actor, "staff.api_key.issue", "staff_api_key", id, null, new { staffId, label }, null, ct);
        await tx.CommitAsync(ct);
        return (id, key);
    }

    /// <summary>Revokes an API key.</summary>
    public async Task<bool> RevokeApiKeyAsync(string keyId, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        var n = await c.ExecuteAsync(new CommandDefinition(
            "UPDATE staff_api_keys SET revoked_at_utc = @now WHERE id = @keyId AND revoked_at_utc IS NULL", new { keyId, now }, tx, cancellationToken: ct));
        if (n > 0)
        {
            await AuditLog.WriteAsync(c, tx, now, actor, "staff.api_key.revoke", "staff_api_key", keyId, null, null, null, ct);
        }
        await tx.CommitAsync(ct);
        return n > 0;
    }

    /// <summary>The active account that owns a live key, or null.</summary>
    public async Task<StaffAccount?> FindByApiKeyAsync(string key, CancellationToken ct)
    {
        // fdk_key_<id part>_<secret>: the id locates the row, the secret is compared by hash in constant time.
        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal) || key.Length > 200)
        {
            return null;
        }
        var cut = key.LastIndexOf('_');
        if (cut <= KeyPrefix.Length)
        {
            return null;
        }
        var id = key[KeyPrefix.Length..cut];
        var secret = key[(cut + 1)..];
        await using var c = await db.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<(string StaffId, string KeyHash)>(new CommandDefinition(
            "SELECT staff_id, key_hash FROM staff_api_keys WHERE id = @id AND revoked_at_utc IS NULL", new { id }, cancellationToken: ct));
        if (row.KeyHash is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(row.KeyHash), Encoding.ASCII.GetBytes(Hash(secret))))
        {
            return null;
        }
        var account = await c.QuerySingleOrDefaultAsync<StaffAccount>(new CommandDefinition(
            $"SELECT {Columns} FROM staff_accounts WHERE id = @id", new { id = row.StaffId }, cancellationToken: ct));
        return account is { Active: true } ? account : null;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
