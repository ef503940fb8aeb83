using Dapper;

namespace FrontDesk.Tools.Store;

/// <summary>One versioned step of the schema, written once per provider.</summary>
/// <param name="Version">Unique, increasing; Tools uses 1–99, Agent 100–199, Channels 200–299.</param>
/// <param name="Name">What the step does.</param>
/// <param name="Sqlite">The SQL for SQLite.</param>
/// <param name="Postgres">The SQL for PostgreSQL.</param>
public sealed record SchemaMigration(int Version, string Name, string Sqlite, string Postgres);

/// <summary>
/// Applies migrations at start-up. Idempotent: each version runs once, recorded in <c>schema_migrations</c>;
/// concurrent instances serialize on a lock so two never apply the same step.
/// </summary>
public static class SchemaMigrator
{
    private const string CreateTableSqlite =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at_utc TEXT NOT NULL)";
    private const string CreateTablePostgres =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at_utc TIMESTAMPTZ NOT NULL)";
    // Any fixed number shared by all instances; serializes start-up migrations across processes.
    private const long PostgresLockKey = 0x46524F4E544445;

    /// <summary>Applies every migration not yet recorded, in version order; returns the versions applied.</summary>
    public static async Task<IReadOnlyList<int>> ApplyAsync(SpaDatabase db, IEnumerable<SchemaMigration> migrations, TimeProvider clock, CancellationToken ct)
    {
        var ordered = migrations.OrderBy(m => m.Version).ToList();
        var duplicate = ordered.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two schema migrations claim version {duplicate.Key}.");
        }

        await using var connection = await db.OpenAsync(ct);
        if (db.IsPostgres)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = PostgresLockKey }, cancellationToken: ct));
        }
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(db.IsPostgres ? CreateTablePostgres : CreateTableSqlite, cancellationToken: ct));
            var applied = new List<int>();
            foreach (var migration in ordered)
            {
                await using var tx = await db.BeginWriteAsync(connection, ct);
                var done = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version", new { migration.Version }, tx, cancellationToken: ct));
                if (done > 0)
                {
                    await tx.RollbackAsync(ct);
                    continue;
                }
                await connection.ExecuteAsync(new CommandDefinition(db.IsPostgres ? migration.Postgres : migration.Sqlite, transaction: tx, cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_migrations (version, name, applied_at_utc) VALUES (@Version, @Name, @At)",
                    new { migration.Version, migration.Name, At = clock.GetUtcNow().UtcDateTime }, tx, cancellationToken: ct));
                await tx.CommitAsync(ct);
                applied.Add(migration.Version);
            }
            return applied;
        }
        finally
        {
            if (db.IsPostgres)
            {
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@key)", new { key = PostgresLockKey }, cancellationToken: CancellationToken.None));
            }
        }
    }
}
