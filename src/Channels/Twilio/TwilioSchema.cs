using FrontDesk.Tools.Store;

namespace FrontDesk.Channels.Twilio;

/// <summary>The phone and SMS channel's tables (Channels versions 250–279).</summary>
public static class TwilioSchema
{
    /// <summary>Twilio channel migrations.</summary>
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new(250, "sms opt-outs, inbound message dedupe, calls, reminders sent", Sql(postgres: false), Sql(postgres: true)),
        new(251, "inbound texts keep their inline answer and whether Twilio retried",
            "ALTER TABLE sms_inbound ADD COLUMN answer_text TEXT; ALTER TABLE sms_inbound ADD COLUMN retried INTEGER NOT NULL DEFAULT 0;",
            "ALTER TABLE sms_inbound ADD COLUMN answer_text TEXT; ALTER TABLE sms_inbound ADD COLUMN retried BOOLEAN NOT NULL DEFAULT FALSE;"),
        // Real time until which the instance that recorded a text is presumed alive and answering it (issue 15, item 10).
        new(252, "inbound texts: how long their first handler is presumed alive",
            "ALTER TABLE sms_inbound ADD COLUMN handling_until_utc TEXT;",
            "ALTER TABLE sms_inbound ADD COLUMN handling_until_utc TIMESTAMPTZ;"),
    ];

    // One source for both stores; only the time and flag types differ. sms_opt_outs now belongs to the spa's book (Tools'
    // migration 9 creates it first on a new store), so it is created here only if missing.
    private static string Sql(bool postgres)
    {
        var time = postgres ? "TIMESTAMPTZ" : "TEXT";
        var flag = postgres ? "BOOLEAN" : "INTEGER";
        return $"""
            CREATE TABLE IF NOT EXISTS sms_opt_outs (
                phone TEXT PRIMARY KEY,
                opted_out {flag} NOT NULL,
                source TEXT NOT NULL,
                updated_at_utc {time} NOT NULL);

            CREATE TABLE sms_inbound (
                message_sid TEXT PRIMARY KEY,
                conversation_id TEXT NOT NULL,
                from_phone TEXT NOT NULL,
                to_phone TEXT NOT NULL,
                received_at_utc {time} NOT NULL,
                answered_via TEXT,
                reply_outbox_id TEXT);

            CREATE TABLE voice_calls (
                call_sid TEXT PRIMARY KEY,
                location_id TEXT,
                from_phone TEXT,
                to_phone TEXT,
                mode TEXT NOT NULL,
                status TEXT NOT NULL,
                handed_off TEXT,
                text_back_outbox_id TEXT,
                created_at_utc {time} NOT NULL,
                updated_at_utc {time} NOT NULL);

            CREATE TABLE sms_reminders (
                appointment_id TEXT PRIMARY KEY,
                outbox_id TEXT NOT NULL,
                created_at_utc {time} NOT NULL);
            """;
    }
}
