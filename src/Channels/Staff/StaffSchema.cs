using FrontDesk.Tools.Store;

namespace FrontDesk.Channels.Staff;

/// <summary>The staff side's tables: accounts, API keys and escalation notifications (versions 200–249).</summary>
internal static class StaffSchema
{
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new(200, "staff accounts, api keys, escalation notifications", Sql(postgres: false), Sql(postgres: true)),
    ];

    // One source for both stores; only types differ.
    private static string Sql(bool postgres)
    {
        var time = postgres ? "TIMESTAMPTZ" : "TEXT";
        var flag = postgres ? "BOOLEAN" : "INTEGER";
        var yes = postgres ? "TRUE" : "1";
        return $"""
            CREATE TABLE staff_accounts (
                id TEXT PRIMARY KEY,
                email TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('front_desk', 'clinician', 'manager', 'admin')),
                password_hash TEXT NOT NULL,
                active {flag} NOT NULL DEFAULT {yes},
                created_at_utc {time} NOT NULL,
                updated_at_utc {time} NOT NULL);

            CREATE TABLE staff_api_keys (
                id TEXT PRIMARY KEY,
                staff_id TEXT NOT NULL REFERENCES staff_accounts (id),
                label TEXT NOT NULL,
                key_hash TEXT NOT NULL,
                created_at_utc {time} NOT NULL,
                revoked_at_utc {time});
            CREATE INDEX staff_api_keys_staff ON staff_api_keys (staff_id);

            CREATE TABLE escalation_notifications (
                escalation_id TEXT NOT NULL REFERENCES escalations (id),
                target TEXT NOT NULL CHECK (target IN ('teams', 'slack', 'on_call')),
                status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at_utc {time} NOT NULL,
                last_error TEXT,
                delivered_at_utc {time},
                created_at_utc {time} NOT NULL,
                updated_at_utc {time} NOT NULL,
                PRIMARY KEY (escalation_id, target));
            CREATE INDEX escalation_notifications_due ON escalation_notifications (status, next_attempt_at_utc);
            """;
    }
}
