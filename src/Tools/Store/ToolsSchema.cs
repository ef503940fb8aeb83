namespace FrontDesk.Tools.Store;

/// <summary>The schema of the spa's book: catalogue synced from the profile, and operational data.</summary>
public static class ToolsSchema
{
    /// <summary>Tools' migrations (versions 1–99).</summary>
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new(1, "spa book", V1(postgres: false), V1(postgres: true)),
        // Rate limits and duplicate checks look up a recipient's recent messages of a kind (issue 15, item 13).
        new(2, "outbox by kind, recipient and time", OutboxByRecipient, OutboxByRecipient),
        // A number a web visitor gave but did not prove is kept apart from the proven one (issue 15, item 4).
        new(3, "clients' unverified phone", UnverifiedPhone, UnverifiedPhone),
        // A sender's claim on a text is a lease in real time, apart from the text's schedule in the spa's time (issue 15, item 13).
        new(4, "outbox claims in real time", "ALTER TABLE outbox ADD COLUMN claimed_until_utc TEXT;", "ALTER TABLE outbox ADD COLUMN claimed_until_utc TIMESTAMPTZ;"),
        // The language a client writes in, for the texts sent to them (issue 13).
        new(5, "clients' language", ClientLanguage, ClientLanguage),
        new(6, "blocking appointments by end of blocked time", BlockingByEnd, BlockingByEnd),
        // A booking's locks tried and its time checked in the first statement of its write batch (perf round 22).
        new(7, "booking guard", "SELECT 1;", BookingGuard),
        // The second of two people booked together: who comes, so staff see it (issue 12, round 31).
        new(8, "appointments' guest name", GuestName, GuestName),
        // Who may not be texted is the spa's book, not one channel's (issue 12: staff and a caller record opt-outs too): the
        // table the Twilio channel created (its migration 250, now IF NOT EXISTS) belongs here. A store made before keeps it.
        new(9, "sms opt-outs in the spa's book", OptOuts(postgres: false), OptOuts(postgres: true)),
        new(10, "sms opt-outs keep a note and who recorded them", OptOutNote, OptOutNote),
    ];

    private static string OptOuts(bool postgres) => $"""
        CREATE TABLE IF NOT EXISTS sms_opt_outs (
            phone TEXT PRIMARY KEY,
            opted_out {(postgres ? "BOOLEAN" : "INTEGER")} NOT NULL,
            source TEXT NOT NULL,
            updated_at_utc {(postgres ? "TIMESTAMPTZ" : "TEXT")} NOT NULL);
        """;

    private const string OptOutNote = "ALTER TABLE sms_opt_outs ADD COLUMN note TEXT; ALTER TABLE sms_opt_outs ADD COLUMN recorded_by TEXT;";

    private const string GuestName = "ALTER TABLE appointments ADD COLUMN guest_name TEXT;";

    // PostgreSQL only (SpaDatabase.BookingGuard): the booking lock shared and the provider's and room's locks, tried without
    // waiting (SQLSTATE FDB01 when one is held), then the overlap read under them (FDB02 when the time is taken). A VOLATILE
    // function's queries each take a fresh snapshot in READ COMMITTED, so the read sees every booking committed by a write
    // that held the locks before. An error aborts the rest of the batch: nothing is written.
    private const string BookingGuard = """
        CREATE FUNCTION frontdesk_booking_guard(lock_shared BIGINT, lock_first BIGINT, lock_second BIGINT, starts TIMESTAMPTZ,
            blocked_until TIMESTAMPTZ, staff TEXT, location TEXT, room TEXT, except_id TEXT) RETURNS INTEGER
        LANGUAGE plpgsql VOLATILE AS $$
        BEGIN
            IF NOT (pg_try_advisory_xact_lock_shared(lock_shared) AND pg_try_advisory_xact_lock(lock_first) AND pg_try_advisory_xact_lock(lock_second)) THEN
                RAISE EXCEPTION 'booking_busy' USING ERRCODE = 'FDB01';
            END IF;
            IF EXISTS (SELECT 1 FROM appointments
                       WHERE status IN ('held', 'booked') AND starts_at_utc < blocked_until AND blocked_until_utc > starts
                         AND (staff_id = staff OR (location_id = location AND room_id = room)) AND id <> except_id) THEN
                RAISE EXCEPTION 'slot_taken' USING ERRCODE = 'FDB02';
            END IF;
            RETURN 0;
        END
        $$;
        """;

    // Every availability search reads the held and booked appointments overlapping a window (AppointmentBook.BlockingSql).
    // Through the index on their start it walked every appointment that started before the window's end, the spa's whole
    // history; through this one it walks those whose blocked time ends after the window's start, at most the booking
    // horizon's, and none cancelled (issue 16).
    private const string BlockingByEnd =
        "CREATE INDEX appointments_blocking ON appointments (blocked_until_utc, starts_at_utc) WHERE status IN ('held', 'booked');";

    private const string ClientLanguage = "ALTER TABLE clients ADD COLUMN language TEXT;";

    private const string UnverifiedPhone = "ALTER TABLE clients ADD COLUMN unverified_phone TEXT; CREATE INDEX clients_unverified_phone ON clients (unverified_phone);";

    private const string OutboxByRecipient = "CREATE INDEX outbox_kind_to_time ON outbox (kind, to_address, created_at_utc);";

    // One source for both stores; only types and the few provider features differ.
    // Times: SQLite keeps UTC as text written by one driver in one format, so text order is time order;
    // PostgreSQL uses timestamptz. Local dates (waitlist windows) are 'yyyy-MM-dd' text in both.
    private static string V1(bool postgres)
    {
        var time = postgres ? "TIMESTAMPTZ" : "TEXT";
        var flag = postgres ? "BOOLEAN" : "INTEGER";
        var yes = postgres ? "TRUE" : "1";
        var no = postgres ? "FALSE" : "0";
        var serial = postgres ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT";
        var active = $"active {flag} NOT NULL DEFAULT {yes}";

        // No held or booked appointment may overlap another on the same provider or the same room, buffers
        // included ([starts_at, blocked_until) intervals). PostgreSQL says so with exclusion constraints.
        var noOverlapConstraints = postgres ? """
            ,
                CONSTRAINT appointments_no_staff_overlap EXCLUDE USING gist (
                    staff_id WITH =, tstzrange(starts_at_utc, blocked_until_utc, '[)') WITH &&) WHERE (status IN ('held', 'booked')),
                CONSTRAINT appointments_no_room_overlap EXCLUDE USING gist (
                    location_id WITH =, room_id WITH =, tstzrange(starts_at_utc, blocked_until_utc, '[)') WITH &&) WHERE (status IN ('held', 'booked'))
            """ : "";

        // SQLite has no exclusion constraints. Its writers are serialized, so a check inside the writing
        // statement is as strong.
        var noOverlapTriggers = postgres ? "" : """
            CREATE INDEX appointments_staff_time ON appointments (staff_id, starts_at_utc);
            CREATE INDEX appointments_room_time ON appointments (location_id, room_id, starts_at_utc);
            CREATE TRIGGER appointments_no_overlap_insert BEFORE INSERT ON appointments
            WHEN NEW.status IN ('held', 'booked') AND EXISTS (
                SELECT 1 FROM appointments a
                WHERE a.status IN ('held', 'booked')
                  AND a.starts_at_utc < NEW.blocked_until_utc AND NEW.starts_at_utc < a.blocked_until_utc
                  AND (a.staff_id = NEW.staff_id OR (a.location_id = NEW.location_id AND a.room_id = NEW.room_id)))
            BEGIN SELECT RAISE(ABORT, 'slot_taken'); END;
            CREATE TRIGGER appointments_no_overlap_update BEFORE UPDATE OF status, starts_at_utc, blocked_until_utc, staff_id, location_id, room_id ON appointments
            WHEN NEW.status IN ('held', 'booked') AND EXISTS (
                SELECT 1 FROM appointments a
                WHERE a.id <> NEW.id AND a.status IN ('held', 'booked')
                  AND a.starts_at_utc < NEW.blocked_until_utc AND NEW.starts_at_utc < a.blocked_until_utc
                  AND (a.staff_id = NEW.staff_id OR (a.location_id = NEW.location_id AND a.room_id = NEW.room_id)))
            BEGIN SELECT RAISE(ABORT, 'slot_taken'); END;
            """;

        // Full-text search: FTS5 (ranked by bm25) beside the table, or a weighted tsvector column.
        var faq = postgres ? """
            CREATE TABLE faq (
                id TEXT PRIMARY KEY, question TEXT NOT NULL, answer TEXT NOT NULL, tags TEXT NOT NULL, source TEXT NOT NULL,
                search TSVECTOR GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', question), 'A') || setweight(to_tsvector('english', tags), 'A') || setweight(to_tsvector('english', answer), 'C')) STORED);
            CREATE INDEX faq_search ON faq USING gin (search);
            """ : """
            CREATE TABLE faq (id TEXT PRIMARY KEY, question TEXT NOT NULL, answer TEXT NOT NULL, tags TEXT NOT NULL, source TEXT NOT NULL);
            CREATE VIRTUAL TABLE faq_fts USING fts5(id UNINDEXED, question, tags, answer, tokenize = 'porter unicode61');
            """;

        return $"""
            {(postgres ? "CREATE EXTENSION IF NOT EXISTS btree_gist;" : "")}
            CREATE TABLE locations (id TEXT PRIMARY KEY, name TEXT NOT NULL, address TEXT, phone TEXT, {active});
            CREATE TABLE rooms (location_id TEXT NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL, {active}, PRIMARY KEY (location_id, id));
            CREATE TABLE services (id TEXT PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL, duration_min INTEGER NOT NULL, buffer_min INTEGER NOT NULL, price NUMERIC, price_from {flag} NOT NULL DEFAULT {no}, {active});
            CREATE TABLE staff (id TEXT PRIMARY KEY, name TEXT NOT NULL, title TEXT, service_ids TEXT NOT NULL, schedule_json TEXT NOT NULL, {active});

            CREATE TABLE clients (
                id TEXT PRIMARY KEY,
                phone TEXT UNIQUE,
                name TEXT,
                email TEXT,
                preferences TEXT NOT NULL DEFAULT '[]',
                health_flags TEXT NOT NULL DEFAULT '[]',
                sms_consent {flag} NOT NULL DEFAULT {no},
                marketing_consent {flag} NOT NULL DEFAULT {no},
                opted_out_at_utc {time},
                created_at_utc {time} NOT NULL,
                updated_at_utc {time} NOT NULL);
            CREATE INDEX clients_email ON clients (email);

            CREATE TABLE appointments (
                id TEXT PRIMARY KEY,
                client_id TEXT NOT NULL REFERENCES clients (id),
                service_id TEXT NOT NULL,
                staff_id TEXT NOT NULL,
                location_id TEXT NOT NULL,
                room_id TEXT NOT NULL,
                starts_at_utc {time} NOT NULL,
                ends_at_utc {time} NOT NULL,
                blocked_until_utc {time} NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('held', 'booked', 'cancelled', 'completed', 'no_show')),
                channel TEXT NOT NULL,
                conversation_id TEXT,
                idempotency_key TEXT UNIQUE,
                hold_expires_at_utc {time},
                created_at_utc {time} NOT NULL,
                updated_at_utc {time} NOT NULL,
                CHECK (starts_at_utc < ends_at_utc AND ends_at_utc <= blocked_until_utc){noOverlapConstraints});
            CREATE INDEX appointments_client ON appointments (client_id, starts_at_utc);
            CREATE INDEX appointments_start ON appointments (starts_at_utc);
            {noOverlapTriggers}

            CREATE TABLE waitlist_entries (
                id TEXT PRIMARY KEY,
                client_id TEXT NOT NULL REFERENCES clients (id),
                service_id TEXT NOT NULL,
                location_id TEXT,
                staff_id TEXT,
                window_start TEXT NOT NULL,
                window_end TEXT NOT NULL,
                time_of_day TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('waiting', 'offered', 'booked', 'removed')),
                channel TEXT NOT NULL,
                conversation_id TEXT,
                created_at_utc {time} NOT NULL,
                updated_at_utc {time} NOT NULL);
            CREATE INDEX waitlist_service ON waitlist_entries (service_id, status);
            CREATE TABLE waitlist_offers (
                id TEXT PRIMARY KEY,
                entry_id TEXT NOT NULL REFERENCES waitlist_entries (id),
                appointment_id TEXT NOT NULL REFERENCES appointments (id),
                client_id TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'expired', 'declined', 'withdrawn')),
                offered_at_utc {time} NOT NULL,
                expires_at_utc {time} NOT NULL,
                responded_at_utc {time});
            CREATE INDEX waitlist_offers_pending ON waitlist_offers (status, expires_at_utc);

            {faq}

            CREATE TABLE outbox (
                id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                channel TEXT NOT NULL,
                to_address TEXT NOT NULL,
                client_id TEXT,
                location_id TEXT,
                body TEXT NOT NULL,
                status TEXT NOT NULL,
                requires_approval {flag} NOT NULL DEFAULT {no},
                decided_by TEXT,
                related_id TEXT,
                attempts INTEGER NOT NULL DEFAULT 0,
                not_before_utc {time},
                next_attempt_at_utc {time},
                last_error TEXT,
                provider_message_id TEXT,
                created_at_utc {time} NOT NULL,
                sent_at_utc {time},
                updated_at_utc {time} NOT NULL);
            CREATE INDEX outbox_due ON outbox (status, next_attempt_at_utc);
            CREATE INDEX outbox_provider ON outbox (provider_message_id);

            CREATE TABLE audit_log (
                id {serial},
                at_utc {time} NOT NULL,
                actor_kind TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                entity TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                before_json TEXT,
                after_json TEXT,
                conversation_id TEXT);
            CREATE INDEX audit_entity ON audit_log (entity, entity_id);
            CREATE INDEX audit_time ON audit_log (at_utc);
            """;
    }
}
