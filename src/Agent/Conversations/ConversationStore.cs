using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using FrontDesk.Agent.Escalations;
using FrontDesk.Agent.Transcripts;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Store;
using Microsoft.Data.Sqlite;

namespace FrontDesk.Agent.Conversations;

/// <summary>A conversation row.</summary>
public sealed class Conversation
{
    /// <summary>Id.</summary>
    public string Id { get; init; } = "";
    /// <summary>Channel tag.</summary>
    public string Channel { get; init; } = "";
    /// <summary>Location.</summary>
    public string? LocationId { get; init; }
    /// <summary>Client, when known.</summary>
    public string? ClientId { get; init; }
    /// <summary>Caller ID the channel supplied.</summary>
    public string? CallerPhone { get; init; }
    private string? _stateJson;
    private object? _storedState;

    /// <summary>State JSON.</summary>
    public string StateJson { get => _stateJson ??= StateColumn.Decode(_storedState); init => _stateJson = value; }

    /// <summary>
    /// The state column as the row holds it (<see cref="StateColumn"/>): the JSON text, or on SQLite its deflated bytes; read
    /// as it is and inflated only when <see cref="StateJson"/> is asked for.
    /// </summary>
    internal object? StoredState { get => _storedState ?? _stateJson; init => _storedState = value; }
    /// <summary>active, taken_over or closed.</summary>
    public string Status { get; init; } = "active";
    /// <summary>Staff member who took it over.</summary>
    public string? TakenOverBy { get; init; }
    /// <summary>Turns so far.</summary>
    public int TurnCount { get; init; }
    /// <summary>Created.</summary>
    public DateTime CreatedAtUtc { get; init; }
    /// <summary>Last activity.</summary>
    public DateTime UpdatedAtUtc { get; init; }
    /// <summary>The transcript's last position (0 before the first turn).</summary>
    public int LastSeq { get; init; }
    /// <summary>
    /// Turns stored under a lease (<c>leased_turns</c>), as read by a PostgreSQL turn's begin, to check the lease it took was
    /// not over already; 0 where not read.
    /// </summary>
    public int LeasedTurns { get; init; }

    /// <summary>The parsed state.</summary>
    public ConversationState ReadState() =>
        JsonSerializer.Deserialize(StateJson, StateJsonContext.Default.ConversationState) ?? new ConversationState();
}

/// <summary>
/// What a channel checks before it continues a conversation (a web session's id, channel, status and last activity): the
/// row without its state, which is the largest column and is read again, leased, by the turn itself.
/// </summary>
public sealed record ConversationSession
{
    /// <summary>Id.</summary>
    public string Id { get; init; } = "";
    /// <summary>Channel tag.</summary>
    public string Channel { get; init; } = "";
    /// <summary>active, taken_over or closed.</summary>
    public string Status { get; init; } = "active";
    /// <summary>Last activity.</summary>
    public DateTime UpdatedAtUtc { get; init; }
}

/// <summary>A turn begun (its lease taken): the conversation as it now is, and whether its request was answered before.</summary>
/// <param name="Conversation">The conversation row, read under the turn's lease.</param>
/// <param name="Answered">True when a committed turn already took the message of the request id.</param>
/// <param name="Answer">That turn's reply (null when none followed: a person had taken the conversation over).</param>
public sealed record BegunTurn(Conversation Conversation, bool Answered, string? Answer)
{
    /// <summary>
    /// The begin of a session that is not live (a turn begun with a session's idle time: the conversation is not stored, is of
    /// another channel, is closed or was idle too long): nothing was taken or created, and the message starts a new conversation.
    /// </summary>
    public static BegunTurn NotLive { get; } = new(new Conversation(), false, null) { Live = false };

    /// <summary>False for <see cref="NotLive"/>.</summary>
    public bool Live { get; private init; } = true;
}

/// <summary>
/// Conversations, their tagged transcripts and escalations. A turn's transcript, escalations and new
/// state commit in one transaction before the reply leaves, so an acknowledged turn is never lost.
/// </summary>
public sealed class ConversationStore(SpaDatabase db, TimeProvider clock)
{
    private const string Columns = """
        id, channel, location_id AS LocationId, client_id AS ClientId, caller_phone AS CallerPhone, state_json AS StoredState, status,
        taken_over_by AS TakenOverBy, turn_count AS TurnCount, created_at_utc AS CreatedAtUtc, updated_at_utc AS UpdatedAtUtc,
        last_seq AS LastSeq
        """;
    private const string TurnColumns = """
        conversation_id AS ConversationId, seq, at_utc AS AtUtc, role, text, channel, location_id AS LocationId, client_id AS ClientId,
        tags_json AS TagsJson, latency_ms AS LatencyMs
        """;
    internal const string EscalationColumns = """
        id, category, urgency, route, status, summary, client_id AS ClientId, client_phone AS ClientPhone, conversation_id AS ConversationId, channel,
        location_id AS LocationId, created_at_utc AS CreatedAtUtc, claimed_by AS ClaimedBy, claimed_at_utc AS ClaimedAtUtc, resolved_by AS ResolvedBy,
        resolved_at_utc AS ResolvedAtUtc, updated_at_utc AS UpdatedAtUtc
        """;

    // The state this instance stored last for each conversation, with the exact text it stored (issue 16: parsing the state
    // at every turn was 1.5-5 % of a loaded host). A turn's state is parsed from the row unless the row holds exactly the
    // text this instance wrote from that object: then the object itself is handed to the turn, once (the turn changes it in
    // place, so it leaves the cache), and the next save puts it back. Only text decides: any other writer (a keyword's or a
    // staff tool's save, another instance) leaves other text in the row, and the row is parsed.
    // What is kept is the state column's value as stored (StateColumn: text on PostgreSQL, deflated bytes on SQLite), compared
    // with the row's as it is read, without inflating it.
    private readonly Dictionary<string, (object Stored, ConversationState State)> _written = new(StringComparer.Ordinal);

    // At most this many conversations' states are kept; when full the whole cache is dropped (the next turns parse).
    private const int MaxWritten = 512;

    /// <summary>
    /// When set, every state taken from the cache is also parsed from the row's text and both written out again: they must
    /// be the text the row holds, or the read throws. The scenario suite runs with it on (eval/, and the agent tests).
    /// </summary>
    public bool CheckWrittenStates { get; set; }

    /// <summary>
    /// The conversation's state, as <see cref="Conversation.ReadState"/> gives it: the object this instance stored last when
    /// the row holds exactly the text that object was stored as (handed out once: the caller may change it), otherwise parsed.
    /// </summary>
    public ConversationState ReadState(Conversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        (object Stored, ConversationState State) written;
        lock (_written)
        {
            if (!_written.Remove(conversation.Id, out written))
            {
                return conversation.ReadState();
            }
        }
        if (!StateColumn.Same(written.Stored, conversation.StoredState))
        {
            return conversation.ReadState();
        }
        Interlocked.Increment(ref _reusedStates);
        if (CheckWrittenStates)
        {
            var cached = JsonSerializer.Serialize(written.State, StateJsonContext.Default.ConversationState);
            var parsed = JsonSerializer.Serialize(conversation.ReadState(), StateJsonContext.Default.ConversationState);
            if (cached != conversation.StateJson || parsed != conversation.StateJson)
            {
                throw new InvalidOperationException($"The state kept for conversation {conversation.Id} is not the state its row holds.");
            }
        }
        return written.State;
    }

    private long _reusedStates;

    /// <summary>How many states <see cref="ReadState(Conversation)"/> has handed out from the cache instead of parsing them.</summary>
    public long ReusedStates => Interlocked.Read(ref _reusedStates);

    private void Remember(string id, object stored, ConversationState state)
    {
        lock (_written)
        {
            if (_written.Count >= MaxWritten)
            {
                _written.Clear();
            }
            _written[id] = (stored, state);
        }
    }

    /// <summary>The conversation, or null.</summary>
    public async Task<Conversation?> GetAsync(string id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<Conversation>(new CommandDefinition($"SELECT {Columns} FROM conversations WHERE id = @id", new { id }, cancellationToken: ct));
    }

    private const string SessionSql = "SELECT id AS Id, channel AS Channel, status AS Status, updated_at_utc AS UpdatedAtUtc FROM conversations WHERE id = @id";

    /// <summary>The conversation's session fields (<see cref="ConversationSession"/>), or null; its state is not read.</summary>
    public async Task<ConversationSession?> GetSessionAsync(string id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return c is SqliteConnection sqlite
            ? ReadSession(sqlite, id)
            : await c.QuerySingleOrDefaultAsync<ConversationSession>(new CommandDefinition(SessionSql, new { id }, cancellationToken: ct));
    }

    // Before every continued web turn (BeginTurnAsync with a session's idle time): prepared once on the connection (SqliteStatement).
    private static ConversationSession? ReadSession(SqliteConnection c, string id)
    {
        using var s = SqliteStatement.Get(c, SessionSql).Bind("@id", id);
        return s.Step()
            ? new ConversationSession { Id = s.Text(0) ?? "", Channel = s.Text(1) ?? "", Status = s.Text(2) ?? "active", UpdatedAtUtc = s.Time(3) }
            : null;
    }

    /// <summary>
    /// Whether a conversation may go on as a session of <paramref name="channel"/> (a web session id sent back by its visitor):
    /// it is of that channel, not closed, and its last activity is at or after <paramref name="activeSinceUtc"/>.
    /// </summary>
    public static bool IsLiveSession(ConversationSession? session, string channel, DateTime activeSinceUtc) =>
        session is not null && IsLiveSession(session.Channel, session.Status, session.UpdatedAtUtc, channel, activeSinceUtc);

    private static bool IsLiveSession(string rowChannel, string status, DateTime updatedAtUtc, string channel, DateTime activeSinceUtc) =>
        rowChannel == channel && status != "closed" && updatedAtUtc >= activeSinceUtc;

    /// <summary>
    /// The earliest last activity of a live session idle at most <paramref name="idleFor"/>, on the spa's clock (the rows' times),
    /// in whole microseconds: PostgreSQL keeps no finer time, so its check and this process's read the same instant.
    /// </summary>
    public DateTime ActiveSince(TimeSpan idleFor)
    {
        var since = clock.GetUtcNow().UtcDateTime - idleFor;
        return new DateTime(since.Ticks - since.Ticks % 10, DateTimeKind.Utc);
    }

    // Served by the index conversations_caller (caller_phone, for rows with a caller: migration 110); a caller's few
    // conversations are sorted here.
    internal const string LatestOfCallerSql = $"""
        SELECT {Columns} FROM conversations
        WHERE caller_phone = @callerPhone AND turn_count > 0 AND id <> @exceptId
        ORDER BY updated_at_utc DESC LIMIT 1
        """;

    /// <summary>
    /// The latest conversation with turns that came from <paramref name="callerPhone"/> (any channel), other than
    /// <paramref name="exceptId"/>; null when there is none. Read when a text goes out of no conversation (a missed call).
    /// </summary>
    public async Task<Conversation?> LatestOfCallerAsync(string callerPhone, string? exceptId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<Conversation>(new CommandDefinition(LatestOfCallerSql, new { callerPhone, exceptId = exceptId ?? "" }, cancellationToken: ct));
    }

    /// <summary>Creates the conversation if it does not exist and returns it.</summary>
    public async Task<Conversation> GetOrCreateAsync(string id, string channel, string? locationId, string? callerPhone, ConversationState initial, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO conversations (id, channel, location_id, caller_phone, state_json, status, turn_count, created_at_utc, updated_at_utc)
            VALUES (@id, @channel, @locationId, @callerPhone, @state, 'active', 0, @now, @now)
            ON CONFLICT (id) DO NOTHING
            """, new { id, channel, locationId, callerPhone, state = StateColumn.Encode(JsonSerializer.Serialize(initial, StateJsonContext.Default.ConversationState), db.IsPostgres), now },
            cancellationToken: ct));
        return (await c.QuerySingleAsync<Conversation>(new CommandDefinition($"SELECT {Columns} FROM conversations WHERE id = @id", new { id }, cancellationToken: ct)));
    }

    // Takes the turn lease and reads the conversation in one round trip. The upsert's WHERE leaves a live lease of another
    // owner alone, and then it returns no row.
    private const string BeginTurnSql = TakeLeaseSql + ";\n" + BegunConversationSql + ";\n";

    // A turn's save leaves its lease in place and counts the turn on the conversation row (leased_turns); a lease records that
    // count when it is taken (turns_before). The lease is over once the count has moved past it: the one write of a lease per
    // turn is its taking (issue 16; it was taken here and deleted by the save). A conversation not stored yet counts 0.
    private const string LeasedTurnsSql = "COALESCE((SELECT leased_turns FROM conversations WHERE id = @id), 0)";

    /// <summary>
    /// SQL, true while the lease row aliased <c>k</c> belongs to a turn not stored yet (its conversation's count of turns saved
    /// under a lease has not moved past it): a lease held, live or lapsed. A lease whose turn was stored is free to take.
    /// </summary>
    public const string LeaseHeldSql = "k.turns_before >= COALESCE((SELECT v.leased_turns FROM conversations v WHERE v.id = k.conversation_id), 0)";

    // Taken when free: lapsed, already this owner's (its turns of the conversation run one at a time: FrontDeskAgent's gate),
    // or over (its turn was stored).
    private const string TakeLeaseSql = $"""
        INSERT INTO conversation_leases (conversation_id, owner, until_utc, turns_before) VALUES (@id, @owner, @until, {LeasedTurnsSql})
        ON CONFLICT (conversation_id) DO UPDATE SET owner = excluded.owner, until_utc = excluded.until_utc, turns_before = excluded.turns_before
        WHERE conversation_leases.until_utc < @leaseNow OR conversation_leases.owner = @owner OR conversation_leases.turns_before < excluded.turns_before
        RETURNING owner, turns_before
        """;

    private const string ConversationSql = $"SELECT {Columns} FROM conversations WHERE id = @id";

    // The lease of a session's turn (PostgreSQL; BeginTurnAsync with a session's idle time): taken only when the conversation is
    // stored, of the channel, not closed and active since @activeSince, so a session that is not live is never created, leased
    // or changed. Its turns_before is TakeLeaseSql's count, read from the row that passed the check.
    private const string TakeSessionLeaseSql = """
        INSERT INTO conversation_leases (conversation_id, owner, until_utc, turns_before)
        SELECT @id, @owner, @until, v.leased_turns FROM conversations v
        WHERE v.id = @id AND v.channel = @channel AND v.status <> 'closed' AND v.updated_at_utc >= @activeSince
        ON CONFLICT (conversation_id) DO UPDATE SET owner = excluded.owner, until_utc = excluded.until_utc, turns_before = excluded.turns_before
        WHERE conversation_leases.until_utc < @leaseNow OR conversation_leases.owner = @owner OR conversation_leases.turns_before < excluded.turns_before
        RETURNING owner, turns_before
        """;

    // The conversation as a PostgreSQL begin reads it, in the statement after the lease's (a snapshot of its own): with the count
    // of turns stored under a lease, which tells whether the lease just taken is already over (BeginTurnAsync).
    private const string BegunConversationSql = $"SELECT {Columns}, leased_turns AS LeasedTurns FROM conversations WHERE id = @id";

    // The begin of a conversation this instance has not stored a turn of (PostgreSQL): it may be new, and is created in the
    // same round trip once the lease is taken (the insert reads the lease's row, so a begin that did not get the lease
    // creates nothing), then read by the next statement of the same implicit transaction. A first turn took one round trip more.
    private const string BeginNewTurnSql = $"""
        WITH lease AS ({TakeLeaseSql}),
        created AS (
            INSERT INTO conversations (id, channel, location_id, caller_phone, state_json, status, turn_count, created_at_utc, updated_at_utc)
            SELECT @id, @channel, @locationId, @callerPhone, @state, 'active', 0, @now, @now FROM lease
            ON CONFLICT (id) DO NOTHING)
        SELECT owner, turns_before FROM lease;
        {BegunConversationSql};

        """;

    private const string BeginNewTurnWithRequestSql = BeginNewTurnSql + AnswerOfSql + ";";

    // The same, and the stored answer of the request id (AnswerOfSql), read after the lease is taken: no turn of this
    // conversation can commit between the two.
    private const string BeginTurnWithRequestSql = BeginTurnSql + AnswerOfSql + ";";

    // A session's turn (PostgreSQL): the session's rules checked, the lease taken and the row read in one round trip, where the
    // check was a transaction of its own before every web turn (issue 16, round 33).
    private const string BeginSessionTurnSql = TakeSessionLeaseSql + ";\n" + BegunConversationSql + ";\n";
    private const string BeginSessionTurnWithRequestSql = BeginSessionTurnSql + AnswerOfSql + ";";

    private const string AnswerOfSql = """
        SELECT m.seq, a.text FROM transcript_turns m
        LEFT JOIN transcript_turns a ON a.conversation_id = m.conversation_id AND a.seq = m.seq + 1 AND a.role = @agent
        WHERE m.conversation_id = @id AND m.request_id = @requestId
        """;

    /// <summary>
    /// Starts a turn: takes the conversation's turn lease for <paramref name="owner"/> and returns the conversation as it now is,
    /// creating it (with <paramref name="initial"/>) if it does not exist. Waits (polling) while another holder's lease is live,
    /// as <see cref="TryAcquireLeaseAsync"/>; null when <paramref name="wait"/> passed first. The lease uses the real clock (a
    /// pinned demo clock must not freeze leases); the row's times use the spa's clock.
    /// </summary>
    public async Task<Conversation?> BeginTurnAsync(string id, string channel, string? locationId, string? callerPhone, ConversationState initial,
        string owner, TimeSpan leaseFor, TimeSpan wait, CancellationToken ct) =>
        (await BeginTurnAsync(id, channel, locationId, callerPhone, initial, owner, leaseFor, wait, requestId: null, ct))?.Conversation;

    /// <summary>
    /// Starts a turn as <see cref="BeginTurnAsync(string, string, string?, string?, ConversationState, string, TimeSpan, TimeSpan, CancellationToken)"/>
    /// and, in the same round trip, reads the stored answer of <paramref name="requestId"/> (as <see cref="AnswerOfAsync"/>):
    /// a retried message finds the turn that already answered it without another read.
    /// </summary>
    /// <remarks>
    /// With <paramref name="sessionIdle"/> the id is a session handle its visitor sent back (web chat), and the turn begins only
    /// while it names a live session: a conversation stored, of <paramref name="channel"/>, not closed, and active within
    /// <paramref name="sessionIdle"/> (<see cref="IsLiveSession(ConversationSession?, string, DateTime)"/>). Otherwise nothing is
    /// created, leased or changed, and the result is <see cref="BegunTurn.NotLive"/>. On PostgreSQL the check is part of the
    /// lease's statement (one round trip, where it was a transaction of its own before every web turn); on SQLite it is a
    /// prepared read on the begin's connection.
    /// </remarks>
    public async Task<BegunTurn?> BeginTurnAsync(string id, string channel, string? locationId, string? callerPhone, ConversationState initial,
        string owner, TimeSpan leaseFor, TimeSpan wait, string? requestId, CancellationToken ct, TimeSpan? sessionIdle = null)
    {
        DateTime? activeSince = sessionIdle is { } idle ? ActiveSince(idle) : null;
        // One round trip for a conversation that exists (every turn after the first), and the conversation row is only read:
        // the lease is a row of its own (before, taking it rewrote the conversation row, its state included). On PostgreSQL a
        // conversation this instance has not stored a turn of is created in the same round trip (BeginNewTurnSql); on SQLite a
        // new conversation takes one more statement, to insert it.
        var deadline = DateTime.UtcNow + wait;
        var delay = 10;
        var retakes = 0;
        while (true)
        {
            await using (var c = await db.OpenAsync(ct))
            {
                bool taken;
                var turnsBefore = 0;
                Conversation? row;
                (int Seq, string? Reply)? answer = null;
                if (activeSince is { } before && c is SqliteConnection checking && !IsLiveSession(ReadSession(checking, id), channel, before))
                {
                    return BegunTurn.NotLive;
                }
                using (await db.EnterWriteAsync(c, ct))
                {
                    var leaseNow = DateTime.UtcNow;
                    if (c is SqliteConnection sqlite)
                    {
                        (taken, row, answer) = BeginTurnOnSqlite(sqlite, id, owner, leaseNow + leaseFor, leaseNow, requestId);
                    }
                    else if (activeSince is { } since)
                    {
                        await using var results = await c.QueryMultipleAsync(new CommandDefinition(requestId is null ? BeginSessionTurnSql : BeginSessionTurnWithRequestSql,
                            new { id, owner, until = leaseNow + leaseFor, leaseNow, requestId, agent = TurnRole.Agent, channel, activeSince = since }, cancellationToken: ct));
                        (taken, turnsBefore, row, answer) = await ReadBegunAsync(results, requestId is not null);
                    }
                    else if (!Stored(id))
                    {
                        var now = clock.GetUtcNow().UtcDateTime;
                        var state = JsonSerializer.Serialize(initial, StateJsonContext.Default.ConversationState);
                        await using var results = await c.QueryMultipleAsync(new CommandDefinition(requestId is null ? BeginNewTurnSql : BeginNewTurnWithRequestSql,
                            new { id, owner, until = leaseNow + leaseFor, leaseNow, requestId, agent = TurnRole.Agent, channel, locationId, callerPhone, state, now },
                            cancellationToken: ct));
                        (taken, turnsBefore, row, answer) = await ReadBegunAsync(results, requestId is not null);
                    }
                    else
                    {
                        await using var results = await c.QueryMultipleAsync(requestId is null
                            ? new CommandDefinition(BeginTurnSql, new { id, owner, until = leaseNow + leaseFor, leaseNow }, cancellationToken: ct)
                            : new CommandDefinition(BeginTurnWithRequestSql, new { id, owner, until = leaseNow + leaseFor, leaseNow, requestId, agent = TurnRole.Agent }, cancellationToken: ct));
                        (taken, turnsBefore, row, answer) = await ReadBegunAsync(results, requestId is not null);
                    }
                }
                if (activeSince is { } checkedSince && c is not SqliteConnection
                    && (row is null || !IsLiveSession(row.Channel, row.Status, row.UpdatedAtUtc, channel, checkedSince)))
                {
                    // Not live (the lease's statement took nothing then); or it stopped being live between the lease's statement
                    // and the row's (closed by the staff), when a lease taken is given back.
                    if (taken)
                    {
                        using (await db.EnterWriteAsync(c, ct))
                        {
                            await c.ExecuteAsync(new CommandDefinition(ReleaseLeaseSql, new { id, owner }, cancellationToken: ct));
                        }
                    }
                    return BegunTurn.NotLive;
                }
                if (taken && row is not null && row.LeasedTurns > turnsBefore && retakes++ < 3)
                {
                    // PostgreSQL: the take waited for a save in flight of the lease's last holder (its row lock) and then took
                    // the lapsed lease, but counted the turns stored under a lease (turns_before) in its own snapshot, from
                    // before that save counted its turn: a lease over as soon as taken, which a third instance could take
                    // while this turn runs. It is this owner's now, so taking it again at once counts them afresh.
                    continue;
                }
                if (taken)
                {
                    // A row not there: created by SQLite's begin, or by PostgreSQL's when it was stored by this instance before (since forgotten).
                    return row is null
                        ? new BegunTurn(await CreateAsync(c, id, channel, locationId, callerPhone, initial, ct), false, null)
                        : new BegunTurn(row, answer is not null, answer?.Reply);
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                return null;
            }
            await Task.Delay(delay, ct);
            delay = Math.Min(delay * 2, 200);
        }
    }

    // Whether this instance has stored a turn of the conversation (and so knows it exists) since it last began one.
    private bool Stored(string id)
    {
        lock (_written)
        {
            return _written.ContainsKey(id);
        }
    }

    private static async Task<(bool Taken, int TurnsBefore, Conversation? Row, (int Seq, string? Reply)? Answer)> ReadBegunAsync(SqlMapper.GridReader results, bool withRequest)
    {
        var lease = (await results.ReadAsync<(string Owner, int TurnsBefore)>()).ToList();
        var row = await results.ReadSingleOrDefaultAsync<Conversation>();
        (int Seq, string? Reply)? answer = null;
        if (withRequest)
        {
            var answers = (await results.ReadAsync<(int Seq, string? Reply)>()).ToList();
            answer = answers.Count == 0 ? null : answers[0];
        }
        return (lease.Count > 0, lease.Count > 0 ? lease[0].TurnsBefore : 0, row, answer);
    }

    /// <summary>
    /// <see cref="BeginTurnAsync(string, string, string?, string?, ConversationState, string, TimeSpan, TimeSpan, string?, CancellationToken, TimeSpan?)"/>'s
    /// round trip on SQLite, the same statements run as statements prepared once on the connection (<see cref="SqliteStatement"/>):
    /// the lease taken, the conversation read, and with a request id its stored answer.
    /// </summary>
    private static (bool Taken, Conversation? Row, (int Seq, string? Reply)? Answer) BeginTurnOnSqlite(SqliteConnection c, string id, string owner,
        DateTime until, DateTime leaseNow, string? requestId)
    {
        bool taken;
        using (var lease = SqliteStatement.Get(c, TakeLeaseSql).Bind("@id", id).Bind("@owner", owner).Bind("@until", until).Bind("@leaseNow", leaseNow))
        {
            taken = lease.Step();
            lease.Execute();
        }
        var row = ReadConversation(c, id);
        (int Seq, string? Reply)? answer = null;
        if (requestId is not null)
        {
            using var answers = SqliteStatement.Get(c, AnswerOfSql).Bind("@id", id).Bind("@requestId", requestId).Bind("@agent", TurnRole.Agent);
            if (answers.Step())
            {
                answer = ((int)answers.Number(0), answers.Text(1));
            }
        }
        return (taken, row, answer);
    }

    /// <summary>The conversation row (<see cref="ConversationSql"/>) on SQLite, read by a prepared statement; null when there is none.</summary>
    private static Conversation? ReadConversation(SqliteConnection c, string id)
    {
        using var s = SqliteStatement.Get(c, ConversationSql).Bind("@id", id);
        if (!s.Step())
        {
            return null;
        }
        // The columns of Columns, in order; NULL leaves a property's default, as Dapper does.
        return new Conversation
        {
            Id = s.Text(0) ?? "", Channel = s.Text(1) ?? "", LocationId = s.Text(2), ClientId = s.Text(3), CallerPhone = s.Text(4),
            StoredState = s.IsBlob(5) ? s.Blob(5) : s.Text(5), Status = s.Text(6) ?? "active", TakenOverBy = s.Text(7), TurnCount = (int)s.Number(8),
            CreatedAtUtc = s.Time(9), UpdatedAtUtc = s.Time(10), LastSeq = (int)s.Number(11),
        };
    }

    /// <summary>Inserts the conversation unless it exists, and reads it.</summary>
    private async Task<Conversation> CreateAsync(DbConnection c, string id, string channel, string? locationId, string? callerPhone, ConversationState initial, CancellationToken ct)
    {
        const string InsertSql = """
            INSERT INTO conversations (id, channel, location_id, caller_phone, state_json, status, turn_count, created_at_utc, updated_at_utc)
            VALUES (@id, @channel, @locationId, @callerPhone, @state, 'active', 0, @now, @now)
            ON CONFLICT (id) DO NOTHING
            """;
        var state = JsonSerializer.Serialize(initial, StateJsonContext.Default.ConversationState);
        var now = clock.GetUtcNow().UtcDateTime;
        using (await db.EnterWriteAsync(c, ct))
        {
            if (c is SqliteConnection sqlite)
            {
                using (var insert = SqliteStatement.Get(sqlite, InsertSql))
                {
                    insert.Bind("@id", id).Bind("@channel", channel).Bind("@locationId", locationId).Bind("@callerPhone", callerPhone)
                        .Bind("@state", StateColumn.Deflate(state)).Bind("@now", now).Execute();
                }
                return ReadConversation(sqlite, id) ?? throw new InvalidOperationException($"Conversation {id} was not stored.");
            }
            // One round trip: the insert returns no result, the select's row is the first.
            return await c.QuerySingleAsync<Conversation>(new CommandDefinition(InsertSql + ";\n" + ConversationSql + ";",
                new { id, channel, locationId, callerPhone, state, now }, cancellationToken: ct));
        }
    }

    /// <summary>
    /// Takes the conversation's turn lease so only one instance handles a turn at a time. Waits (polling)
    /// while another holder's lease is live; a crashed holder's lease lapses after <paramref name="leaseFor"/>.
    /// False when the conversation does not exist. Uses the real clock: a pinned demo clock must not freeze leases.
    /// </summary>
    public async Task<bool> TryAcquireLeaseAsync(string id, string owner, TimeSpan leaseFor, TimeSpan wait, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + wait;
        var delay = 10;
        while (true)
        {
            await using (var c = await db.OpenAsync(ct))
            {
                var now = DateTime.UtcNow;
                int taken;
                using (await db.EnterWriteAsync(c, ct))
                {
                    taken = await c.ExecuteAsync(new CommandDefinition($"""
                        INSERT INTO conversation_leases (conversation_id, owner, until_utc, turns_before)
                        SELECT @id, @owner, @until, {LeasedTurnsSql} WHERE EXISTS (SELECT 1 FROM conversations WHERE id = @id)
                        ON CONFLICT (conversation_id) DO UPDATE SET owner = excluded.owner, until_utc = excluded.until_utc, turns_before = excluded.turns_before
                        WHERE conversation_leases.until_utc < @now OR conversation_leases.owner = @owner OR conversation_leases.turns_before < excluded.turns_before
                        """, new { id, owner, until = now + leaseFor, now }, cancellationToken: ct));
                }
                if (taken == 1)
                {
                    return true;
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(delay, ct);
            delay = Math.Min(delay * 2, 200);
        }
    }

    /// <summary>
    /// Extends the lease <paramref name="owner"/> holds by <paramref name="leaseFor"/> from now; false when another holder
    /// has taken it (it had lapsed). Real clock, as <see cref="TryAcquireLeaseAsync"/>.
    /// </summary>
    public async Task<bool> RenewLeaseAsync(string id, string owner, TimeSpan leaseFor, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        using var writing = await db.EnterWriteAsync(c, ct);
        return await c.ExecuteAsync(new CommandDefinition(
            "UPDATE conversation_leases SET until_utc = @until WHERE conversation_id = @id AND owner = @owner",
            new { id, owner, until = DateTime.UtcNow + leaseFor }, cancellationToken: ct)) == 1;
    }

    /// <summary>
    /// Who holds the conversation's turn lease now (null when nobody does: no lease, or its turn was stored; or the
    /// conversation is missing). A lapsed lease of a turn not stored still names its holder.
    /// </summary>
    public async Task<string?> LeaseOwnerAsync(string id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<string?>(new CommandDefinition(
            $"SELECT owner FROM conversation_leases k WHERE k.conversation_id = @id AND {LeaseHeldSql}", new { id }, cancellationToken: ct));
    }

    /// <summary>
    /// Releases the lease if still held by <paramref name="owner"/>: a turn that failed before it was stored (a stored turn's
    /// lease is over without this).
    /// </summary>
    public async Task ReleaseLeaseAsync(string id, string owner, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        using var writing = await db.EnterWriteAsync(c, ct);
        await c.ExecuteAsync(new CommandDefinition(ReleaseLeaseSql, new { id, owner }, cancellationToken: ct));
    }

    private const string ReleaseLeaseSql = "DELETE FROM conversation_leases WHERE conversation_id = @id AND owner = @owner";

    /// <summary>
    /// Stores a turn: transcript rows and their tags, escalations, and the new state, in one transaction. When nothing
    /// unseen came before the turn's rows, <paramref name="state"/>'s <see cref="ConversationState.TranscriptSeen"/> moves past them.
    /// </summary>
    public Task SaveTurnAsync(string id, ConversationState state, IReadOnlyList<(string Role, string Text, TurnTags Tags, int? LatencyMs)> turns,
        IReadOnlyList<Escalation> escalations, string channel, string? locationId, Actor actor, CancellationToken ct) =>
        SaveTurnAsync(id, state, turns, escalations, channel, locationId, actor, leaseOwner: null, ct);

    /// <summary>
    /// Stores a turn as <see cref="SaveTurnAsync(string, ConversationState, IReadOnlyList{ValueTuple{string, string, TurnTags, int?}}, IReadOnlyList{Escalation}, string, string?, Actor, CancellationToken)"/>,
    /// only while <paramref name="leaseOwner"/> (when given) still holds the turn lease: a turn whose lease another
    /// instance took stores nothing and throws <see cref="LeaseLostException"/> rather than overwrite that instance's state.
    /// With <paramref name="releaseLease"/> the same write also ends the lease (the turn is over): it counts the turn on the
    /// conversation row (leased_turns), which makes the lease, left in place, free to take (<see cref="LeaseHeldSql"/>).
    /// </summary>
    public async Task SaveTurnAsync(string id, ConversationState state, IReadOnlyList<(string Role, string Text, TurnTags Tags, int? LatencyMs)> turns,
        IReadOnlyList<Escalation> escalations, string channel, string? locationId, Actor actor, string? leaseOwner, CancellationToken ct, bool releaseLease = false,
        string? requestId = null)
    {
        await using var c = await db.OpenAsync(ct);
        if (db.IsPostgres && escalations.Count == 0)
        {
            // One statement is one transaction on PostgreSQL: no BEGIN, no COMMIT, one round trip for the whole save.
            using (await db.EnterWriteAsync(c, ct))
            {
                if (await TrySaveTurnInOneStatementAsync(c, null, id, state, turns, channel, locationId, leaseOwner, releaseLease, requestId, ct) is { } stored)
                {
                    Remember(id, stored, state);
                    return;
                }
            }
        }
        // SQLite: what the save writes is made before the write lock is taken (SqliteSave), not while every other writer waits.
        var prepared = c is SqliteConnection ? SqliteSave.Of(state, turns) : null;
        await using var tx = await db.BeginWriteAsync(c, ct);
        var saved = await SaveTurnAsync(c, tx, id, state, turns, escalations, channel, locationId, actor, leaseOwner, releaseLease, requestId, ct, prepared);
        await tx.CommitAsync(ct);
        Remember(id, saved, state);
    }

    /// <summary>
    /// Stores a turn as the lease-holding save above does, with a change the turn itself makes (a caller's opt-out from texts)
    /// written in the same transaction after the turn's rows: both commit or neither does, and a turn whose lease was lost
    /// stores neither.
    /// </summary>
    public async Task SaveTurnAsync(string id, ConversationState state, IReadOnlyList<(string Role, string Text, TurnTags Tags, int? LatencyMs)> turns,
        IReadOnlyList<Escalation> escalations, string channel, string? locationId, Actor actor, string leaseOwner, string? requestId,
        Func<DbConnection, DbTransaction, CancellationToken, Task> alsoWrite, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alsoWrite);
        await using var c = await db.OpenAsync(ct);
        var prepared = c is SqliteConnection ? SqliteSave.Of(state, turns) : null;
        await using var tx = await db.BeginWriteAsync(c, ct);
        var saved = await SaveTurnAsync(c, tx, id, state, turns, escalations, channel, locationId, actor, leaseOwner, releaseLease: true, requestId, ct, prepared);
        await alsoWrite(c, tx, ct);
        await tx.CommitAsync(ct);
        Remember(id, saved, state);
    }

    /// <summary>
    /// What a turn's save on SQLite writes that does not depend on the store: the state's deflated JSON as of the usual case
    /// (nothing written to the transcript since the turn read it, so the state has seen the turn's own rows too:
    /// <see cref="TryReserveAndWriteState"/>), and each row's tags as JSON and as tag rows. Made before the write transaction:
    /// SQLite has one write lock, and the state's serialization and deflation (~40-100 µs a turn, 3-4 % of a loaded host)
    /// held it while every other turn's begin and save waited (docs/performance.md, round twenty-four). The unusual case (the
    /// transcript moved) still deflates the state inside, with the transcript positions it finds.
    /// </summary>
    private sealed record SqliteSave(int Seen, byte[] State, string[] TagsJson, string[][] Tags)
    {
        public static SqliteSave Of(ConversationState state, IReadOnlyList<(string Role, string Text, TurnTags Tags, int? LatencyMs)> turns)
        {
            var seen = state.TranscriptSeen;
            state.TranscriptSeen = seen + turns.Count;
            byte[] deflated;
            try
            {
                deflated = StateColumn.Deflate(state);
            }
            finally
            {
                state.TranscriptSeen = seen;
            }
            var tagsJson = new string[turns.Count];
            var tags = new string[turns.Count][];
            for (var i = 0; i < turns.Count; i++)
            {
                tagsJson[i] = JsonSerializer.Serialize(turns[i].Tags, StateJsonContext.Default.TurnTags);
                tags[i] = [.. turns[i].Tags.Flatten().Distinct()];
            }
            return new SqliteSave(seen, deflated, tagsJson, tags);
        }
    }

    // The whole save of a turn as one PostgreSQL statement (issue 16): the lease checked under FOR SHARE (ReserveSeqAsync), the transcript
    // positions reserved and the state written in one update, the turn's rows and tags inserted from arrays at the positions
    // that update returns, the lease ended (the turn counted in leased_turns: the lease row is left as it is). The text never changes with the number of rows or tags, so Npgsql prepares it
    // on each pooled connection. The state's JSON records the transcript positions the turn has seen, which the update decides;
    // the statement is written for the usual case, nothing written to the transcript since the turn began, and changes nothing
    // (returns no row) otherwise, or when the lease is not held: SaveTurnAsync then takes the general way, in a transaction.
    private const string SaveTurnOneStatementSql = $"""
        WITH lease AS (
            SELECT 1 FROM conversation_leases WHERE conversation_id = @id AND owner = @leaseOwner FOR SHARE),
        saved AS (
            UPDATE conversations SET last_seq = last_seq + @count, state_json = @state, client_id = COALESCE(@clientId, client_id),
                turn_count = turn_count + 1, leased_turns = leased_turns + @release, updated_at_utc = @now
            WHERE id = @id AND last_seq = @seen AND (@leaseOwner IS NULL OR EXISTS (SELECT 1 FROM lease))
            RETURNING last_seq - @count AS before),
        rows AS (
            INSERT INTO {TurnRowColumns}
            SELECT @id, saved.before + t.n, @now, t.role, t.text, @channel, @locationId, @clientId, t.tags, t.latency, CASE WHEN t.n = 1 THEN @requestId END
            FROM saved, unnest(@roles, @texts, @tagsJson, @latencies) WITH ORDINALITY AS t(role, text, tags, latency, n)),
        tags AS (
            INSERT INTO transcript_tags (conversation_id, seq, tag)
            SELECT @id, saved.before + g.n, g.tag FROM saved, unnest(@tagTurns, @tagValues) AS g(n, tag))
        SELECT before FROM saved
        """;

    /// <summary>
    /// Stores a turn with <see cref="SaveTurnOneStatementSql"/> (PostgreSQL); false, with nothing written and
    /// <paramref name="state"/> as it was, when the transcript moved since the turn began or the lease is not held; otherwise the
    /// state's text as stored.
    /// </summary>
    private async Task<string?> TrySaveTurnInOneStatementAsync(DbConnection c, DbTransaction? tx, string id, ConversationState state,
        IReadOnlyList<(string Role, string Text, TurnTags Tags, int? LatencyMs)> turns, string channel, string? locationId, string? leaseOwner,
        bool releaseLease, string? requestId, CancellationToken ct)
    {
        var roles = new string[turns.Count];
        var texts = new string[turns.Count];
        var tagsJson = new string[turns.Count];
        var latencies = new int?[turns.Count];
        var tagTurns = new List<int>();
        var tagValues = new List<string>();
        for (var i = 0; i < turns.Count; i++)
        {
            var (role, text, tags, latency) = turns[i];
            roles[i] = role;
            texts[i] = text;
            tagsJson[i] = JsonSerializer.Serialize(tags, StateJsonContext.Default.TurnTags);
            latencies[i] = latency;
            foreach (var tag in tags.Flatten().Distinct())
            {
                tagTurns.Add(i + 1);
                tagValues.Add(tag);
            }
        }
        // Nothing unseen before the turn's rows when the transcript ends where the turn has read it: it has seen its own rows too.
        var seen = state.TranscriptSeen;
        state.TranscriptSeen = seen + turns.Count;
        string json;
        try
        {
            json = JsonSerializer.Serialize(state, StateJsonContext.Default.ConversationState);
        }
        finally
        {
            state.TranscriptSeen = seen;
        }
        var before = await c.ExecuteScalarAsync<int?>(new CommandDefinition(SaveTurnOneStatementSql, new
        {
            id, leaseOwner, count = turns.Count, seen, state = json, clientId = state.Scope.ClientId, now = clock.GetUtcNow().UtcDateTime,
            channel, locationId, requestId, roles, texts, tagsJson, latencies, tagTurns = tagTurns.ToArray(), tagValues = tagValues.ToArray(),
            release = Released(releaseLease, leaseOwner),
        }, tx, cancellationToken: ct));
        if (before is null)
        {
            return null;
        }
        state.TranscriptSeen = seen + turns.Count;
        return json;
    }

    /// <summary>
    /// Stores a turn inside the caller's transaction, with the change it answers (an SMS keyword's opt-out, a reminder's
    /// cancellation), so the change, the transcript and the recorded answer commit together or not at all.
    /// </summary>
    public Task SaveTurnAsync(DbConnection c, DbTransaction tx, string id, ConversationState state, IReadOnlyList<(string Role, string Text, TurnTags Tags, int? LatencyMs)> turns,
        IReadOnlyList<Escalation> escalations, string channel, string? locationId, Actor actor, CancellationToken ct) =>
        SaveTurnAsync(c, tx, id, state, turns, escalations, channel, locationId, actor, leaseOwner: null, releaseLease: false, requestId: null, ct);

    /// <summary>Stores a turn in the caller's transaction; returns the state as stored (<see cref="StateColumn"/>).</summary>
    private async Task<object> SaveTurnAsync(DbConnection c, DbTransaction tx, string id, ConversationState state, IReadOnlyList<(string Role, string Text, TurnTags Tags, int? LatencyMs)> turns,
        IReadOnlyList<Escalation> escalations, string channel, string? locationId, Actor actor, string? leaseOwner, bool releaseLease, string? requestId, CancellationToken ct,
        SqliteSave? prepared = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(turns);
        ArgumentNullException.ThrowIfNull(escalations);
        var now = clock.GetUtcNow().UtcDateTime;
        // SQLite, in the usual case (nothing written to the transcript since the turn read it): the lease checked, the positions
        // reserved and the state written in one update, one statement fewer; otherwise (or on PostgreSQL, whose usual case is
        // TrySaveTurnInOneStatementAsync) the positions are reserved first and the state written with the rows.
        var release = Released(releaseLease, leaseOwner);
        // The state prepared before the transaction is for the transcript position it had then, which nothing but this save changes.
        prepared = prepared?.Seen == state.TranscriptSeen ? prepared : null;
        object? stored = c is SqliteConnection sqliteConnection ? TryReserveAndWriteState(sqliteConnection, id, state, turns.Count, leaseOwner, release, now, prepared?.State) : null;
        int? last;
        if (stored is not null)
        {
            // The update moved the transcript's end to where the state has now read it, past the turn's own positions.
            last = state.TranscriptSeen;
        }
        else
        {
            // The turn's lease is checked and its transcript positions reserved: both rows stay locked until commit, so no one takes
            // the lease (and reads the state this turn replaces) or the same positions in between.
            last = await ReserveSeqAsync(c, tx, id, turns.Count, leaseOwner, ct);
            if (last is null)
            {
                throw leaseOwner is null ? new InvalidOperationException($"Conversation {id} does not exist.") : new LeaseLostException(id);
            }
        }
        var seq = last.Value - turns.Count;
        if (state.TranscriptSeen >= seq)
        {
            // Nothing was written between what the turn had seen and its own rows, so it has seen its own rows too: the
            // next turn need not read them back (FrontDeskAgent reads the transcript only when something is unseen).
            state.TranscriptSeen = last.Value;
        }
        // The state's JSON is written once: by the update that reserved the positions, or here with the rows.
        if (c is SqliteConnection sqlite)
        {
            var deflated = stored is null ? StateColumn.Deflate(state) : null;
            WriteTurnOnSqlite(sqlite, id, seq, turns, now, channel, locationId, state.Scope.ClientId, requestId, deflated, release, prepared);
            stored ??= deflated;
        }
        else
        {
            var stateToWrite = stored is null ? JsonSerializer.Serialize(state, StateJsonContext.Default.ConversationState) : null;
            await WriteTurnInBatchAsync(c, tx, id, seq, turns, now, channel, locationId, state.Scope.ClientId, requestId, stateToWrite, release, ct);
            stored ??= stateToWrite;
        }
        foreach (var e in escalations)
        {
            await c.ExecuteAsync(new CommandDefinition("""
                INSERT INTO escalations (id, category, urgency, route, status, summary, client_id, client_phone, conversation_id, channel, location_id, created_at_utc, updated_at_utc)
                VALUES (@Id, @Category, @Urgency, @Route, 'open', @Summary, @ClientId, @ClientPhone, @ConversationId, @Channel, @LocationId, @CreatedAtUtc, @UpdatedAtUtc)
                """, e, tx, cancellationToken: ct));
            await AuditLog.WriteAsync(c, tx, now, actor, "escalation.raise", "escalation", e.Id, null, new { e.Category, e.Urgency, e.Route }, id, ct);
        }
        return stored!;
    }

    // A turn's writes after its positions are reserved: its transcript rows (the first, the person's message, with the channel's
    // request id), each row's tags, and the state when the reservation did not write it (with the turn counted in leased_turns
    // when the turn is over, which ends its lease).
    // The transcript's columns a turn writes, in the order each insert below gives them.
    private const string TurnRowColumns = "transcript_turns (conversation_id, seq, at_utc, role, text, channel, location_id, client_id, tags_json, latency_ms, request_id)";
    private const string InsertTurnRowSql = $"""
        INSERT INTO {TurnRowColumns}
        VALUES (@id, @seq, @now, @role, @text, @channel, @locationId, @clientId, @tags, @latency, @requestId)
        """;
    private const string InsertTagSql = "INSERT INTO transcript_tags (conversation_id, seq, tag) VALUES (@id, @seq, @tag)";
    private const string WriteStateSql = """
        UPDATE conversations SET state_json = @state, client_id = COALESCE(@clientId, client_id), turn_count = turn_count + 1,
            leased_turns = leased_turns + @release, updated_at_utc = @now
        WHERE id = @id
        """;

    /// <summary>1 when a save ends its turn's lease (counted in leased_turns), else 0.</summary>
    private static int Released(bool releaseLease, string? leaseOwner) => releaseLease && leaseOwner is not null ? 1 : 0;

    /// <summary>
    /// A turn's writes on SQLite, in the caller's transaction, each a statement prepared once on the connection
    /// (<see cref="SqliteStatement"/>) and run once per row or tag: the rows after position <paramref name="seq"/>, their tags, and
    /// <paramref name="state"/> when not null (counting <paramref name="release"/> in leased_turns).
    /// </summary>
    private static void WriteTurnOnSqlite(SqliteConnection c, string id, int seq, IReadOnlyList<(string Role, string Text, TurnTags Tags, int? LatencyMs)> turns,
        DateTime now, string channel, string? locationId, string? clientId, string? requestId, byte[]? state, int release, SqliteSave? prepared = null)
    {
        for (var i = 0; i < turns.Count; i++)
        {
            var (role, text, tags, latency) = turns[i];
            seq++;
            using (var row = SqliteStatement.Get(c, InsertTurnRowSql))
            {
                row.Bind("@id", id).Bind("@seq", seq).Bind("@now", now).Bind("@role", role).Bind("@text", text).Bind("@channel", channel)
                    .Bind("@locationId", locationId).Bind("@clientId", clientId)
                    .Bind("@tags", prepared?.TagsJson[i] ?? JsonSerializer.Serialize(tags, StateJsonContext.Default.TurnTags))
                    .Bind("@latency", latency).Bind("@requestId", i == 0 ? requestId : null).Execute();
            }
            foreach (var tag in prepared?.Tags[i] ?? tags.Flatten().Distinct())
            {
                using var insert = SqliteStatement.Get(c, InsertTagSql);
                insert.Bind("@id", id).Bind("@seq", seq).Bind("@tag", tag).Execute();
            }
        }
        if (state is not null)
        {
            using var update = SqliteStatement.Get(c, WriteStateSql);
            update.Bind("@id", id).Bind("@state", state).Bind("@clientId", clientId).Bind("@release", release).Bind("@now", now).Execute();
        }
    }

    /// <summary>
    /// The same writes as <see cref="WriteTurnOnSqlite"/> as one batch of statements (one round trip): the rows in one insert,
    /// all their tags in another.
    /// </summary>
    private static async Task WriteTurnInBatchAsync(DbConnection c, DbTransaction tx, string id, int seq, IReadOnlyList<(string Role, string Text, TurnTags Tags, int? LatencyMs)> turns,
        DateTime now, string channel, string? locationId, string? clientId, string? requestId, string? state, int release, CancellationToken ct)
    {
        var sql = new StringBuilder();
        var args = new DynamicParameters();
        args.Add("id", id);
        args.Add("now", now);
        args.Add("channel", channel);
        args.Add("locationId", locationId);
        args.Add("clientId", clientId);
        args.Add("requestId", requestId);
        var tagRows = new StringBuilder();
        for (var i = 0; i < turns.Count; i++)
        {
            var (role, text, tags, latency) = turns[i];
            seq++;
            sql.Append(i == 0
                ? $"INSERT INTO {TurnRowColumns} VALUES\n"
                : ",\n");
            sql.Append(CultureInfo.InvariantCulture,
                $"(@id, @seq{i}, @now, @role{i}, @text{i}, @channel, @locationId, @clientId, @tags{i}, @latency{i}, {(i == 0 ? "@requestId" : "NULL")})");
            args.Add($"seq{i}", seq);
            args.Add($"role{i}", role);
            args.Add($"text{i}", text);
            args.Add($"tags{i}", JsonSerializer.Serialize(tags, StateJsonContext.Default.TurnTags));
            args.Add($"latency{i}", latency);
            AppendTags(tagRows, args, $"t{i}_", $"@seq{i}", tags.Flatten());
        }
        if (turns.Count > 0)
        {
            sql.Append(";\n");
        }
        if (tagRows.Length > 0)
        {
            sql.Append("INSERT INTO transcript_tags (conversation_id, seq, tag) VALUES ").Append(tagRows).Append(";\n");
        }
        if (state is not null)
        {
            sql.Append(WriteStateSql).Append(";\n");
            args.Add("state", state);
            args.Add("release", release);
        }
        if (sql.Length > 0)
        {
            await c.ExecuteAsync(new CommandDefinition(sql.ToString(), args, tx, cancellationToken: ct));
        }
    }

    /// <summary>
    /// SQLite, in the caller's write transaction: when the transcript ends where <paramref name="state"/> has read it (and
    /// <paramref name="leaseOwner"/>, when given, holds the lease), reserves the turn's <paramref name="count"/> positions and
    /// writes the state, which has then seen them, in one update, and returns the state as stored (deflated:
    /// <see cref="StateColumn"/>); otherwise changes nothing and returns null, <paramref name="state"/> as it was.
    /// </summary>
    private static byte[]? TryReserveAndWriteState(SqliteConnection c, string id, ConversationState state, int count, string? leaseOwner, int release, DateTime now,
        byte[]? prepared = null)
    {
        const string Sql = """
            UPDATE conversations SET last_seq = last_seq + @count, state_json = @state, client_id = COALESCE(@clientId, client_id),
                turn_count = turn_count + 1, leased_turns = leased_turns + @release, updated_at_utc = @now
            WHERE id = @id AND last_seq = @seen
                AND (@leaseOwner IS NULL OR EXISTS (SELECT 1 FROM conversation_leases WHERE conversation_id = @id AND owner = @leaseOwner))
            RETURNING last_seq
            """;
        var seen = state.TranscriptSeen;
        state.TranscriptSeen = seen + count;
        // Deflated before the transaction (SqliteSave) for this same position when given.
        var deflated = prepared ?? StateColumn.Deflate(state);
        bool reserved;
        using (var update = SqliteStatement.Get(c, Sql))
        {
            reserved = update.Bind("@id", id).Bind("@count", count).Bind("@state", deflated).Bind("@clientId", state.Scope.ClientId).Bind("@now", now)
                .Bind("@seen", seen).Bind("@leaseOwner", leaseOwner).Bind("@release", release).Step();
            update.Execute();
        }
        if (!reserved)
        {
            state.TranscriptSeen = seen;
            return null;
        }
        return deflated;
    }

    /// <summary>
    /// The answer of the turn whose message came with <paramref name="requestId"/>, when that turn committed: Found and the
    /// reply that followed the message (null when none did: a person had taken the conversation over).
    /// </summary>
    public async Task<(bool Found, string? Reply)> AnswerOfAsync(string id, string requestId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = (await c.QueryAsync<(int Seq, string? Reply)>(new CommandDefinition(AnswerOfSql, new { id, requestId, agent = TurnRole.Agent }, cancellationToken: ct))).ToList();
        return rows.Count == 0 ? (false, null) : (true, rows[0].Reply);
    }

    /// <summary>Appends the rows of a turn's tags to a multi-row insert's values (<paramref name="rows"/>).</summary>
    private static void AppendTags(StringBuilder rows, DynamicParameters args, string prefix, string seq, IEnumerable<string> tags)
    {
        var distinct = tags.Distinct().ToList();
        for (var j = 0; j < distinct.Count; j++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"{(rows.Length == 0 ? "" : ", ")}(@id, {seq}, @{prefix}{j})");
            args.Add($"{prefix}{j}", distinct[j]);
        }
    }

    /// <summary>
    /// Removes a conversation with its transcript and tags, as if it never happened: only for the start-up warm-up's own
    /// conversation (<see cref="FrontDeskAgent.WarmUpAsync"/>), which raises no escalation and books nothing.
    /// </summary>
    public async Task ForgetAsync(string id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        await c.ExecuteAsync(new CommandDefinition("""
            DELETE FROM conversation_leases WHERE conversation_id = @id;
            DELETE FROM transcript_tags WHERE conversation_id = @id;
            DELETE FROM transcript_turns WHERE conversation_id = @id;
            DELETE FROM conversations WHERE id = @id;
            """, new { id }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    /// <summary>Appends a staff or system turn (no state change).</summary>
    public async Task AppendTurnAsync(string id, string role, string text, TurnTags tags, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        await AppendTurnAsync(c, tx, id, role, text, tags, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Appends a staff or system turn inside the caller's transaction (no state change).</summary>
    public async Task AppendTurnAsync(DbConnection c, DbTransaction tx, string id, string role, string text, TurnTags tags, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(tags);
        var seq = await ReserveSeqAsync(c, tx, id, 1, null, ct) ?? throw new InvalidOperationException($"Conversation {id} does not exist.");
        var conv = await c.QuerySingleAsync<Conversation>(new CommandDefinition($"SELECT {Columns} FROM conversations WHERE id = @id", new { id }, tx, cancellationToken: ct));
        await InsertTurnAsync(c, tx, new TranscriptTurn
        {
            ConversationId = id, Seq = seq, AtUtc = clock.GetUtcNow().UtcDateTime, Role = role, Text = text, Channel = conv.Channel,
            LocationId = conv.LocationId, ClientId = conv.ClientId, TagsJson = JsonSerializer.Serialize(tags, StateJsonContext.Default.TurnTags),
        }, tags.Flatten(), ct);
    }

    /// <summary>
    /// Reserves <paramref name="count"/> transcript positions in the caller's transaction and returns the last one, or null when
    /// the conversation is missing or (with <paramref name="leaseOwner"/>) its lease is held by someone else. The update locks
    /// the conversation row until commit, so concurrent writers (turns, staff replies, keywords) queue instead of colliding.
    /// </summary>
    private async Task<int?> ReserveSeqAsync(DbConnection c, DbTransaction tx, string id, int count, string? leaseOwner, CancellationToken ct)
    {
        const string Reserve = "UPDATE conversations SET last_seq = last_seq + @count WHERE id = @id";
        if (leaseOwner is null)
        {
            return await c.ExecuteScalarAsync<int?>(new CommandDefinition($"{Reserve} RETURNING last_seq", new { id, count }, tx, cancellationToken: ct));
        }
        var args = new { id, count, leaseOwner };
        if (db.IsPostgres)
        {
            // One round trip. The lease row is read under FOR SHARE until commit: another instance taking a lapsed lease
            // updates the row, so it waits for this commit and then reads this turn's state. (FOR KEY SHARE waited only for
            // a change of a key column, which owner was while the index conversation_leases_owner existed; without it, since
            // migration 112, a lease's update is rewritten in place, and this turn's own renewal waits for the save as well,
            // which holds the row for one statement, or three round trips in the general way.)
            return await c.ExecuteScalarAsync<int?>(new CommandDefinition(
                $"""
                WITH lease AS (SELECT 1 FROM conversation_leases WHERE conversation_id = @id AND owner = @leaseOwner FOR SHARE)
                {Reserve} AND EXISTS (SELECT 1 FROM lease) RETURNING last_seq
                """, args, tx, cancellationToken: ct));
        }
        // SQLite: the write transaction holds the file's only write lock, so a plain read of the lease in the update is as strong.
        return await c.ExecuteScalarAsync<int?>(new CommandDefinition(
            $"{Reserve} AND EXISTS (SELECT 1 FROM conversation_leases WHERE conversation_id = @id AND owner = @leaseOwner) RETURNING last_seq",
            args, tx, cancellationToken: ct));
    }

    private static async Task InsertTurnAsync(DbConnection c, DbTransaction tx, TranscriptTurn turn, IEnumerable<string> tags, CancellationToken ct)
    {
        await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO transcript_turns (conversation_id, seq, at_utc, role, text, channel, location_id, client_id, tags_json, latency_ms)
            VALUES (@ConversationId, @Seq, @AtUtc, @Role, @Text, @Channel, @LocationId, @ClientId, @TagsJson, @LatencyMs)
            """, turn, tx, cancellationToken: ct));
        foreach (var tag in tags.Distinct())
        {
            await c.ExecuteAsync(new CommandDefinition(
                "INSERT INTO transcript_tags (conversation_id, seq, tag) VALUES (@ConversationId, @Seq, @tag)", new { turn.ConversationId, turn.Seq, tag }, tx, cancellationToken: ct));
        }
    }

    /// <summary>Turns after <paramref name="afterSeq"/>, in order (what staff and the system wrote since the agent last saw the transcript).</summary>
    public async Task<IReadOnlyList<TranscriptTurn>> TurnsAfterAsync(string id, int afterSeq, CancellationToken ct)
    {
        const string sql = "SELECT seq AS Seq, role AS Role, text AS Text FROM transcript_turns WHERE conversation_id = @id AND seq > @afterSeq ORDER BY seq";
        await using var c = await db.OpenAsync(ct);
        return [.. await c.QueryAsync<TranscriptTurn>(new CommandDefinition(sql, new { id, afterSeq }, cancellationToken: ct))];
    }

    /// <summary>The transcript of one conversation, in order.</summary>
    public async Task<IReadOnlyList<TranscriptTurn>> TranscriptAsync(string id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return [.. await c.QueryAsync<TranscriptTurn>(new CommandDefinition(
            $"SELECT {TurnColumns} FROM transcript_turns WHERE conversation_id = @id ORDER BY seq", new { id }, cancellationToken: ct))];
    }

    /// <summary>Turns filtered by tag, channel, client and time, newest first.</summary>
    public async Task<IReadOnlyList<TranscriptTurn>> QueryTurnsAsync(string? tag, string? channel, string? clientId, DateTime fromUtc, DateTime toUtc, int limit, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return [.. await c.QueryAsync<TranscriptTurn>(new CommandDefinition($"""
            SELECT {TurnColumns} FROM transcript_turns t
            WHERE t.at_utc >= @fromUtc AND t.at_utc < @toUtc
              AND (@channel IS NULL OR t.channel = @channel)
              AND (@clientId IS NULL OR t.client_id = @clientId)
              AND (@tag IS NULL OR EXISTS (SELECT 1 FROM transcript_tags g WHERE g.conversation_id = t.conversation_id AND g.seq = t.seq AND g.tag = @tag))
            ORDER BY t.at_utc DESC, t.conversation_id, t.seq DESC
            LIMIT @limit
            """, new { tag, channel, clientId, fromUtc, toUtc, limit = Math.Clamp(limit, 1, 1000) }, cancellationToken: ct))];
    }

    /// <summary>Escalations, newest first, optionally of one status.</summary>
    public async Task<IReadOnlyList<Escalation>> EscalationsAsync(string? status, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return [.. await c.QueryAsync<Escalation>(new CommandDefinition(
            $"SELECT {EscalationColumns} FROM escalations WHERE (@status IS NULL OR status = @status) ORDER BY created_at_utc DESC LIMIT 500", new { status }, cancellationToken: ct))];
    }

    /// <summary>Marks a conversation taken over by staff (the agent stops replying) or releases it.</summary>
    public async Task<bool> SetTakenOverAsync(string id, string? staff, Actor actor, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        var changed = await SetTakenOverAsync(c, tx, id, staff, actor, ct);
        await tx.CommitAsync(ct);
        return changed;
    }

    /// <summary>
    /// Marks a conversation taken over or releases it inside the caller's transaction; the audit entry records the
    /// status and staff member before and after.
    /// </summary>
    public async Task<bool> SetTakenOverAsync(DbConnection c, DbTransaction tx, string id, string? staff, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        var before = await c.QuerySingleOrDefaultAsync<(string Status, string? TakenOverBy)?>(new CommandDefinition(
            "SELECT status, taken_over_by FROM conversations WHERE id = @id", new { id }, tx, cancellationToken: ct));
        if (before is not { } b)
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var status = staff is null ? "active" : "taken_over";
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE conversations SET status = @status, taken_over_by = @staff, updated_at_utc = @now WHERE id = @id",
            new { id, staff, status, now }, tx, cancellationToken: ct));
        await AuditLog.WriteAsync(c, tx, now, actor, staff is null ? "conversation.release" : "conversation.take_over", "conversation", id,
            new { b.Status, b.TakenOverBy }, new { Status = status, TakenOverBy = staff }, id, ct);
        return true;
    }
}

/// <summary>The turn lease of a conversation was taken by another instance while this one was still handling a turn.</summary>
/// <param name="conversationId">The conversation.</param>
public sealed class LeaseLostException(string conversationId)
    : InvalidOperationException($"Another instance took over conversation {conversationId} while this turn was running; the turn was not stored.")
{
    /// <summary>The conversation.</summary>
    public string ConversationId { get; } = conversationId;
}
