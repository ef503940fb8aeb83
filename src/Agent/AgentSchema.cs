using FrontDesk.Tools.Store;

namespace FrontDesk.Agent;

/// <summary>The agent's tables: conversations (state), their turn leases, tagged transcripts and escalations.</summary>
public static class AgentSchema
{
    /// <summary>Agent migrations (versions 100–199).</summary>
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new(100, "conversations, transcripts, escalations", Sql(postgres: false), Sql(postgres: true)),
        new(101, "per-conversation transcript counter", TurnCounter, TurnCounter),
        new(102, "the channel's request id on a turn's message", TurnRequestId, TurnRequestId),
        new(103, "conversations by caller", ConversationsByCaller, ConversationsByCaller),
        new(104, "conversation leases in a table of their own", Leases(postgres: false), Leases(postgres: true)),
        new(105, "conversation leases without rowid on SQLite", LeasesWithoutRowid, "SELECT 1;"),
        new(106, "the conversation state compressed with lz4 on PostgreSQL", "SELECT 1;", StateLz4),
        new(107, "a turn's lease left in place by its save", LeaseLeftInPlace, LeaseLeftInPlace),
        new(108, "no index of transcript tags by tag alone", DropTagIndex, DropTagIndex),
        new(109, "no index of transcript rows by client", DropTurnsByClientIndex, DropTurnsByClientIndex),
        new(110, "conversations indexed by caller only where there is one", ConversationIndexes, ConversationIndexes),
        new(111, "transcript tags without rowid on SQLite", TagsWithoutRowid, "SELECT 1;"),
        new(112, "conversation leases rewritten in place on PostgreSQL", "SELECT 1;", LeasesInPlace),
    ];

    // Every turn takes its conversation's lease (an update of the lease row once the conversation has one), and every
    // turn's save locks that row until it commits. On PostgreSQL the unique index on (conversation_id, owner) made owner a
    // key column, so a lease taken by another instance than the last (every turn of the race bench, whose turns alternate
    // between two instances) could never be a HOT update: a new row version elsewhere and an entry in both indexes, on the
    // few pages every conversation's lease shares. Those pages were the race burst's largest database wait
    // (LWLock:BufferContent on the lease's insert, docs/performance.md, round twenty-three). Without that index no column a
    // lease's update sets is indexed, and with the table's pages filled to a fifth by inserts (a lease row is about 120
    // bytes: some 13 rows a page instead of 65) each page keeps room for its rows' new versions: a lease is rewritten in
    // place, on its own page, and no index is written. The index's purpose (a takeover waits for a save in flight to commit)
    // is kept by the save's lock: FOR SHARE, which every update of the row waits for, where FOR KEY SHARE let only changes
    // of a key column wait (ConversationStore.SaveTurnOneStatementSql, ReserveSeqAsync). Rows written before keep their
    // pages; new leases and the new versions of old ones get the room. SQLite has no such index and writes whole pages.
    private const string LeasesInPlace = """
        DROP INDEX IF EXISTS conversation_leases_owner;
        ALTER TABLE conversation_leases SET (fillfactor = 20);
        """;

    // A turn's tags (about seven) went into two b-trees on SQLite: the rowid table, appended at its end, and its key's index
    // (conversation_id, seq, tag), which holds every column anyway. Without rowid the key is the table: one insert per tag
    // instead of two, and on a copy of a loaded store a turn's rows and tags wrote 8.8-9.2 pages of the log instead of
    // 9.8-9.9, and 276-278 distinct pages per 100 turns instead of 291-295 (docs/performance.md, eighteenth round; the
    // sixteenth round tried this while the index by tag alone was still there, which then held each tag's key and lost the
    // gain). Every query looks tags up by that key (SchemaTests). PostgreSQL has nothing to change.
    private const string TagsWithoutRowid = """
        CREATE TABLE transcript_tags_new (
            conversation_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            tag TEXT NOT NULL,
            PRIMARY KEY (conversation_id, seq, tag)) WITHOUT ROWID;
        INSERT INTO transcript_tags_new (conversation_id, seq, tag) SELECT conversation_id, seq, tag FROM transcript_tags;
        DROP TABLE transcript_tags;
        ALTER TABLE transcript_tags_new RENAME TO transcript_tags;
        """;

    // Every turn's save sets the conversation row's state, client and last activity, and every index on a column it sets is
    // written again with it: on SQLite a page each per save (docs/performance.md, seventeenth round), on PostgreSQL an index
    // entry each, and the update can never be HOT. No query reads conversations by last activity (conversations_updated) or by
    // client (conversations_client). The one by caller (LatestOfCallerSql, a text sent out of no conversation) needs the
    // caller's few conversations, which it sorts by last activity itself: by caller alone, the index holds no column a save
    // sets. It never looks for a conversation without a caller, so web conversations need no entry: "caller_phone = @x"
    // implies "caller_phone IS NOT NULL" on both stores, and the query still uses it (SchemaTests).
    private const string ConversationIndexes = """
        DROP INDEX IF EXISTS conversations_updated;
        DROP INDEX IF EXISTS conversations_client;
        DROP INDEX IF EXISTS conversations_caller;
        CREATE INDEX conversations_caller ON conversations (caller_phone) WHERE caller_phone IS NOT NULL;
        """;

    // The same for the index of transcript rows by client and time: every row of every turn went into it (anonymous ones
    // under NULL), and no query reads rows by client: the staff search passes no client, and its filter
    // (@clientId IS NULL OR client_id = @clientId) could not use it. On SQLite a turn's rows wrote 0.6-2.3 pages of the log
    // fewer without it (docs/performance.md, sixteenth round).
    private const string DropTurnsByClientIndex = "DROP INDEX IF EXISTS transcript_turns_client;";

    // Every turn inserts its rows' tags (about seven a turn), and the index by tag alone put each of them on a page of its own
    // (one per distinct tag, at the end of that tag's entries): on SQLite a turn's tags wrote 12 pages of the log with it and
    // 4 without (docs/performance.md, sixteenth round). No query reads tags by tag alone: the transcript search and the
    // metrics' language filter look a tag up within a conversation (and turn), which the primary key (conversation_id, seq,
    // tag) serves (SchemaTests).
    private const string DropTagIndex = "DROP INDEX IF EXISTS transcript_tags_tag;";

    // A turn's lease was written twice: taken at the turn's start and deleted by its save (issue 16). The save now leaves it in
    // place and counts the turn on the conversation row instead (leased_turns, in the update that writes the state anyway); a
    // lease records that count when it is taken (turns_before), so it is over once the count has moved past it, and anyone may
    // take it then (ConversationStore.TakeLeaseSql). Rows written before the upgrade have 0 on both sides: a lease held while
    // upgrading stays held until it lapses, as before.
    private const string LeaseLeftInPlace = """
        ALTER TABLE conversations ADD COLUMN leased_turns INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE conversation_leases ADD COLUMN turns_before INTEGER NOT NULL DEFAULT 0;
        """;

    // Every turn's save writes the conversation's state (several KB of JSON), which PostgreSQL compresses before storing it
    // out of line; its default, pglz, was 6 % of PostgreSQL's CPU in the race bench (docs/performance.md, eleventh round).
    // lz4 compresses several times faster. Rows written before keep pglz until their next save; both read back the same.
    // SQLite does not compress.
    private const string StateLz4 = "ALTER TABLE conversations ALTER COLUMN state_json SET COMPRESSION lz4;";

    // SQLite writes whole pages: a lease row in a rowid table with a text key is two b-trees (the table and its key's index),
    // so taking and giving back a lease wrote two pages each time. Without rowid the key is the table: one page. PostgreSQL
    // has nothing to change.
    private const string LeasesWithoutRowid = """
        CREATE TABLE conversation_leases_new (
            conversation_id TEXT PRIMARY KEY,
            owner TEXT NOT NULL,
            until_utc TEXT NOT NULL) WITHOUT ROWID;
        INSERT INTO conversation_leases_new (conversation_id, owner, until_utc) SELECT conversation_id, owner, until_utc FROM conversation_leases;
        DROP TABLE conversation_leases;
        ALTER TABLE conversation_leases_new RENAME TO conversation_leases;
        """;

    // A conversation's turn lease (the claim of the instance answering a turn) was two columns of the conversation row: taking
    // it at the start of every turn and renewing it wrote a new version of the whole row, the dialogue state included, and a
    // renewal waited on the row while its own turn's save held it (issue 16). It is a small row of its own now, written by
    // the lease alone; a turn's save checks it and gives it back. No foreign key: on PostgreSQL its check would lock the
    // conversation row on every lease taken. A lease row is removed with its conversation (since 107 it outlives its turn)
    // (ConversationStore.ForgetAsync). On PostgreSQL the unique index makes owner a key column: taking over a lapsed lease
    // (a new owner) then waits for a save's FOR KEY SHARE check to commit, while a renewal (until_utc only) does not (until
    // 112, which drops the index and has the save lock the row FOR SHARE).
    private static string Leases(bool postgres) => $"""
        CREATE TABLE conversation_leases (
            conversation_id TEXT PRIMARY KEY,
            owner TEXT NOT NULL,
            until_utc {(postgres ? "TIMESTAMPTZ" : "TEXT")} NOT NULL);
        {(postgres ? "CREATE UNIQUE INDEX conversation_leases_owner ON conversation_leases (conversation_id, owner);" : "")}
        INSERT INTO conversation_leases (conversation_id, owner, until_utc)
            SELECT id, lease_owner, lease_until_utc FROM conversations WHERE lease_owner IS NOT NULL AND lease_until_utc IS NOT NULL;
        ALTER TABLE conversations DROP COLUMN lease_owner;
        ALTER TABLE conversations DROP COLUMN lease_until_utc;
        """;

    // A text sent out of no conversation (a missed call's text-back) finds the caller's latest conversation by number
    // (ConversationStore.LatestOfCallerAsync); without this it read every conversation (issue 16).
    private const string ConversationsByCaller = "CREATE INDEX conversations_caller ON conversations (caller_phone, updated_at_utc);";

    // The channel's id of the request that carried a message (Twilio's MessageSid, the web widget's request id), stored with
    // the turn: a retry of a request whose turn committed gets that turn's answer instead of a second turn (issue 15).
    private const string TurnRequestId = """
        ALTER TABLE transcript_turns ADD COLUMN request_id TEXT;
        CREATE UNIQUE INDEX transcript_turns_request ON transcript_turns (conversation_id, request_id) WHERE request_id IS NOT NULL;
        """;

    // The next transcript position is taken from the conversation row in the writing transaction (issue 15, item 1):
    // MAX(seq)+1 let two writers pick the same seq on PostgreSQL.
    private const string TurnCounter = """
        ALTER TABLE conversations ADD COLUMN last_seq INTEGER NOT NULL DEFAULT 0;
        UPDATE conversations SET last_seq = (SELECT COALESCE(MAX(t.seq), 0) FROM transcript_turns t WHERE t.conversation_id = conversations.id);
        """;

    private static string Sql(bool postgres)
    {
        var time = postgres ? "TIMESTAMPTZ" : "TEXT";
        return $"""
            CREATE TABLE conversations (
                id TEXT PRIMARY KEY,
                channel TEXT NOT NULL,
                location_id TEXT,
                client_id TEXT,
                caller_phone TEXT,
                state_json TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'active',
                taken_over_by TEXT,
                turn_count INTEGER NOT NULL DEFAULT 0,
                lease_owner TEXT,
                lease_until_utc {time},
                created_at_utc {time} NOT NULL,
                updated_at_utc {time} NOT NULL);
            CREATE INDEX conversations_updated ON conversations (updated_at_utc);
            CREATE INDEX conversations_client ON conversations (client_id);

            CREATE TABLE transcript_turns (
                conversation_id TEXT NOT NULL REFERENCES conversations (id),
                seq INTEGER NOT NULL,
                at_utc {time} NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('client', 'agent', 'staff', 'system')),
                text TEXT NOT NULL,
                channel TEXT NOT NULL,
                location_id TEXT,
                client_id TEXT,
                tags_json TEXT NOT NULL,
                latency_ms INTEGER,
                PRIMARY KEY (conversation_id, seq));
            CREATE INDEX transcript_turns_time ON transcript_turns (at_utc);
            CREATE INDEX transcript_turns_client ON transcript_turns (client_id, at_utc);
            CREATE TABLE transcript_tags (
                conversation_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                tag TEXT NOT NULL,
                PRIMARY KEY (conversation_id, seq, tag));
            CREATE INDEX transcript_tags_tag ON transcript_tags (tag);

            CREATE TABLE escalations (
                id TEXT PRIMARY KEY,
                category TEXT NOT NULL,
                urgency TEXT NOT NULL,
                route TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('open', 'claimed', 'resolved')),
                summary TEXT NOT NULL,
                client_id TEXT,
                client_phone TEXT,
                conversation_id TEXT,
                channel TEXT NOT NULL,
                location_id TEXT,
                created_at_utc {time} NOT NULL,
                claimed_by TEXT,
                claimed_at_utc {time},
                resolved_by TEXT,
                resolved_at_utc {time},
                updated_at_utc {time} NOT NULL);
            CREATE INDEX escalations_status ON escalations (status, created_at_utc);
            """;
    }
}
