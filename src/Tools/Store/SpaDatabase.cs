using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FrontDesk.Tools.Store;

/// <summary>
/// The one connection factory: opens connections to the configured store and names the few things
/// that differ between SQLite and PostgreSQL. Everything else is the same SQL.
/// </summary>
public sealed class SpaDatabase : IDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqlite;

    static SpaDatabase()
    {
        SqlMapper.AddTypeHandler(new UtcDateTimeHandler());
        SqlMapper.AddTypeHandler(new NullableUtcDateTimeHandler());
    }

    /// <summary>Creates the factory for a provider and connection string.</summary>
    public SpaDatabase(DatabaseProvider provider, string connectionString)
        : this(provider, connectionString, writerQueue: true)
    {
    }

    /// <summary>Creates the factory; <paramref name="writerQueue"/> as <see cref="DatabaseOptions.SqliteWriterQueue"/>.</summary>
    public SpaDatabase(DatabaseProvider provider, string connectionString, bool writerQueue)
    {
        _writerQueue = writerQueue;
        _writer = NoQueue;
        Provider = provider;
        if (provider == DatabaseProvider.Postgres)
        {
            // A pooled connection is not reset (DISCARD ALL) when closed: nothing here changes session state (advisory locks
            // are per transaction, and the migration lock is released explicitly), and the reset was one more statement,
            // counted as a transaction, per connection use, several per turn, and it dropped the prepared statements.
            // A connection string that names the setting keeps its own value.
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
            {
                builder.NoResetOnClose = true;
            }
            // The statements a turn runs again and again are prepared on each pooled connection after their fifth use, so
            // the server stops parsing and planning them at every turn (a quarter of PostgreSQL's CPU in the race bench:
            // docs/performance.md, tenth round). Behind a pooler in transaction mode (PgBouncer before 1.21), set
            // "Max Auto Prepare=0" in the connection string.
            if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
            {
                builder.MaxAutoPrepare = 64;
                // From the second use, not the fifth: planning was still 14 % of PostgreSQL's CPU in the race bench, whose
                // hundred pooled connections see each statement a dozen times (eleventh round).
                builder.AutoPrepareMinUsages = 2;
            }
            // The pool keeps this many connections open, and the warm-up opens them (WarmConnectionsAsync): a turn's begin takes
            // a connection before the turn waits for its slot, so a burst of new conversations opened one PostgreSQL backend per
            // request at once, each new backend cold, and the first turns of the load bench waited ~1 s (round twenty-two).
            if (!NamesMinimumPoolSize(connectionString))
            {
                builder.MinPoolSize = Math.Min(DefaultWarmConnections, builder.MaxPoolSize);
            }
            _warmConnections = builder.MinPoolSize;
            _postgres = NpgsqlDataSource.Create(builder.ConnectionString);
        }
        else
        {
            var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
            if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } dir)
            {
                Directory.CreateDirectory(dir);
            }
            // A busy writer in another connection or process is waited for, not failed on.
            builder.DefaultTimeout = 30;
            _sqlite = builder.ToString();
            var path = builder.DataSource is { Length: > 0 } dataSource ? Path.GetFullPath(dataSource) : "";
            _writer = Writers.GetOrAdd(path, static _ => new SemaphoreSlim(1, 1));
            _busyWaits = SqliteBusyWaits.Of(path);
            _checkpoints = Checkpointers.GetOrAdd(path, static (_, state) => new WalCheckpointer(state.Sqlite, state.Writer), (Sqlite: _sqlite, Writer: _writer));
        }
    }

    // Connections the pool keeps and the warm-up opens when the connection string names no Minimum Pool Size: as many as the
    // load bench's concurrent conversations (capped by Maximum Pool Size).
    private const int DefaultWarmConnections = 32;
    private readonly int _warmConnections;

    private static bool NamesMinimumPoolSize(string connectionString) =>
        connectionString.Contains("Minimum Pool Size", StringComparison.OrdinalIgnoreCase)
        || connectionString.Contains("Min Pool Size", StringComparison.OrdinalIgnoreCase)
        || connectionString.Contains("MinPoolSize", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// PostgreSQL: opens the pool's minimum of connections at once (<c>Minimum Pool Size</c>, 32 unless the connection string
    /// says), and has each backend open every table of the schema (a query planned on each), then gives them back to the pool,
    /// which keeps them: a burst of first turns then finds its connections open and their backends' catalog caches loaded,
    /// instead of starting a backend per request. SQLite: one round trip. For the start-up warm-up.
    /// </summary>
    public async Task WarmConnectionsAsync(CancellationToken ct)
    {
        if (_postgres is null)
        {
            await using var c = await OpenAsync(ct);
            await c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT 1", cancellationToken: ct));
            return;
        }
        var connections = await Task.WhenAll(Enumerable.Range(0, Math.Max(1, _warmConnections)).Select(_ => _postgres.OpenConnectionAsync(ct).AsTask()));
        try
        {
            await Task.WhenAll(connections.Select(c => c.ExecuteAsync(new CommandDefinition(OpenEveryTable, cancellationToken: ct))));
        }
        finally
        {
            foreach (var c in connections)
            {
                await c.DisposeAsync();
            }
        }
    }

    // Plans a query on every table of the schema in this backend: its relation and index entries are then in the backend's caches.
    private const string OpenEveryTable = """
        DO $$
        DECLARE t regclass;
        BEGIN
            FOR t IN SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r' LOOP
                EXECUTE format('SELECT 1 FROM %s WHERE false', t);
            END LOOP;
        END
        $$
        """;

    /// <summary>Creates the factory from options (SQLite file in the data directory by default).</summary>
    public static SpaDatabase FromOptions(DatabaseOptions options, string contentRoot)
    {
        if (options.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new InvalidOperationException($"{DatabaseOptions.Section}:ConnectionString is required when the provider is Postgres.");
            }
            return new SpaDatabase(DatabaseProvider.Postgres, options.ConnectionString);
        }
        var cs = options.ConnectionString;
        if (string.IsNullOrWhiteSpace(cs))
        {
            var dir = Path.IsPathRooted(options.DataDirectory) ? options.DataDirectory : Path.Combine(contentRoot, options.DataDirectory);
            cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, "frontdesk.db") }.ToString();
        }
        return new SpaDatabase(DatabaseProvider.Sqlite, cs, options.SqliteWriterQueue);
    }

    /// <summary>The provider behind this factory.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>True for PostgreSQL.</summary>
    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    /// <summary>Opens a connection (WAL and foreign keys on for SQLite).</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(ct);
        }
        var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(ct);
        // The pool hands back the same native handle, and these settings stay on it: they are applied once per handle,
        // not on every open (four statements before each query were a large part of a turn's SQLite time).
        if (connection.Handle is { } handle && !Configured.TryGetValue(handle, out _))
        {
            // Checkpoints run in the background (WalCheckpointer); SQLite's own, on the committing turn's thread, only as a
            // backstop when the write-ahead log has grown to WalCheckpointer.BackstopPages. The log file is cut back to
            // WalCheckpointer.LogSizeLimit when it starts again.
            await connection.ExecuteAsync(new CommandDefinition(
                $"PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA wal_autocheckpoint={WalCheckpointer.BackstopPages}; PRAGMA journal_size_limit={WalCheckpointer.LogSizeLimit};",
                cancellationToken: ct));
            // The same wait as busy_timeout, counted (SqliteBusyWaits).
            _busyWaits!.Install(handle);
            var turn = new WriterTurn(_writer, handle, _checkpoints);
            // The end of a write transaction (commit or rollback, however it comes) hands the writer's turn on: a commit once
            // its log frames are written and the file's write lock given back (the WAL hook), or at once when it wrote nothing.
            SQLitePCL.raw.sqlite3_commit_hook(handle, static state => { ((WriterTurn)state).Committed(); return 0; }, turn);
            SQLitePCL.raw.sqlite3_rollback_hook(handle, static state => ((WriterTurn)state).End(), turn);
            SqliteLogWritten.Hook(handle, turn);
            Configured.TryAdd(handle, turn);
        }
        return connection;
    }

    // Native SQLite handles already configured, each with its writer's turn; weak, so a handle the pool closes is
    // forgotten with it. Static, like the pool: the pool hands a handle to every SpaDatabase on the same connection string,
    // and a handle's commit and rollback hooks (one each per handle) must end the turn of the queue that handle's writes
    // waited in. Per instance, a second SpaDatabase on the same file (a second host in a test, a bench) re-hooked the
    // handle to its own queue, and the first instance's queue was never given back: each later writer waited out the 30 s.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, WriterTurn> Configured = new();

    // SQLite has one write lock per file. A writer that finds it taken sleeps in SQLite's busy handler (1, 2, 5, 10 … 100 ms
    // steps) and is not woken when it frees: under load most of a turn's latency was that sleep. Writers in this process
    // queue here instead and start the moment the previous write transaction ends (issue 16). One queue per file, shared by
    // every SpaDatabase of the process on that file.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Writers = new(StringComparer.Ordinal);
    private static readonly SemaphoreSlim NoQueue = new(1, 1);
    private readonly SemaphoreSlim _writer;

    // One background checkpointer per file, like the writers' queue.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, WalCheckpointer> Checkpointers = new(StringComparer.Ordinal);
    private readonly WalCheckpointer? _checkpoints;

    /// <summary>The file's background checkpointer (SQLite; null on PostgreSQL).</summary>
    internal WalCheckpointer? Checkpoints => _checkpoints;
    private readonly bool _writerQueue;
    private readonly SqliteBusyWaits? _busyWaits;

    /// <summary>SQLite: the sleeps of SQLite's busy handler on this file (a statement that found the write lock taken); null on PostgreSQL.</summary>
    public SqliteBusyWaits? BusyWaits => _busyWaits;

    // As long as SQLite's own wait: a writer that waits longer goes on without its turn and meets SQLite's busy handler,
    // as before the queue (a transaction that opens a second connection to write would otherwise wait on itself).
    private static readonly TimeSpan WriterWait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Begins a transaction that takes the write lock at once on SQLite (BEGIN IMMEDIATE), so two writers
    /// never deadlock upgrading read locks; a plain read-committed transaction on PostgreSQL. On SQLite, writers of this
    /// process take turns in order (a queue in memory) rather than polling the file's lock.
    /// </summary>
    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct)
    {
        TurnReads.Forget();
        if (connection is SqliteConnection sqlite)
        {
            var turn = _writerQueue && sqlite.Handle is { } handle && Configured.TryGetValue(handle, out var t) ? t : null;
            var ticket = 0L;
            if (turn is not null && await WaitTurnAsync(ct))
            {
                ticket = turn.Begin(transaction: true);
            }
            else
            {
                turn = null;
            }
            try
            {
                var tx = sqlite.BeginTransaction(deferred: false);
                if (turn is not null)
                {
                    // A connection closed with its transaction still open ends the turn too: this turn only, not one a later
                    // writer took on the same handle (the pool hands the handle on before the close's listeners run).
                    sqlite.StateChange += turn.EndOnClose(ticket);
                    // Only now is the transaction open: waiters may end this turn once the handle is out of it again.
                    Holders[_writer] = (turn, ticket);
                }
                return tx;
            }
            catch
            {
                turn?.End();
                throw;
            }
        }
        return await connection.BeginTransactionAsync(ct);
    }

    /// <summary>
    /// Waits for the writer's turn on SQLite for a single write statement outside a transaction (its implicit transaction
    /// ends the turn as <see cref="BeginWriteAsync"/>'s do); dispose the result once the statement ran. Nothing on PostgreSQL.
    /// </summary>
    public async ValueTask<IDisposable?> EnterWriteAsync(DbConnection connection, CancellationToken ct)
    {
        TurnReads.Forget();
        if (_writerQueue && connection is SqliteConnection { Handle: { } handle } && Configured.TryGetValue(handle, out var turn)
            && await WaitTurnAsync(ct))
        {
            _ = turn.Begin(transaction: false);
            return turn;
        }
        return null;
    }

    // The transaction that holds each file's queue, once it is open (see WaitTurnAsync).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<SemaphoreSlim, (WriterTurn Turn, long Ticket)> Holders = new();

    /// <summary>
    /// Waits for the writer's turn. A transaction's commit ends its turn through the commit hook, but a rollback cannot:
    /// Microsoft.Data.Sqlite's own transaction takes the handle's rollback hook and clears it before it rolls back. So a
    /// waiter looks, every few milliseconds, whether the transaction holding the turn is still open on its handle
    /// (<c>sqlite3_get_autocommit</c>), and ends a turn whose transaction is over. Before this, a transaction rolled back on
    /// a connection that stayed open (the schema migrator skipping a version, a booking that lost its time) kept the
    /// turn until that connection wrote again or closed, and the next writer waited the 30 s limit.
    /// </summary>
    private async Task<bool> WaitTurnAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + WriterWait;
        while (!await _writer.WaitAsync(WriterPoll, ct))
        {
            // The holder as it was recorded: when its handle has since been taken by another write, its ticket is not the
            // handle's any more, and that write's turn is left alone.
            if (Holders.TryGetValue(_writer, out var holder) && holder.Turn.TransactionOver(holder.Ticket))
            {
                holder.Turn.End(holder.Ticket);
            }
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
        }
        // No holder to check until this write's transaction is open (a single statement never has one).
        Holders.TryRemove(_writer, out _);
        return true;
    }

    private static readonly TimeSpan WriterPoll = TimeSpan.FromMilliseconds(20);

    /// <summary>One SQLite handle's hold on the process's writer queue: taken by a write, given back once, when it ends.</summary>
    private sealed class WriterTurn(SemaphoreSlim writer, SQLitePCL.sqlite3 handle, WalCheckpointer? checkpoints) : IDisposable, SqliteLogWritten.IListener
    {
        // 0 while the turn is not held; otherwise the ticket of the write holding it (one number per write, never reused), so a
        // listener or a waiter acting on an earlier write of the same handle ends nothing (perf round 31).
        private long _hold;
        private static long s_tickets;
        private bool _transaction;
        private long _changesBefore;

        // When a commit that wrote began writing its log (Stopwatch ticks), until the WAL hook; 0 when none is under way.
        private long _committing;

        /// <summary>
        /// Called by SQLite as a transaction commits (the commit hook), before its log frames are written and while it still
        /// holds the file's write lock. A write that changed rows hands the turn on once the lock is given back
        /// (<see cref="LogWritten"/>): handed on here, the next writer began while this commit was still writing and found the
        /// lock taken, and slept in the busy handler holding the turn (round twenty-five). A transaction that changed nothing
        /// writes no frames, so no WAL hook comes: it hands the turn on here. A single statement's changes are not counted yet
        /// when it commits; it hands the turn on when the caller lets it go (<see cref="Dispose"/>), if the WAL hook did not.
        /// </summary>
        public void Committed()
        {
            if (_transaction && SQLitePCL.raw.sqlite3_total_changes(handle) == _changesBefore)
            {
                End();
                return;
            }
            Volatile.Write(ref _committing, System.Diagnostics.Stopwatch.GetTimestamp());
        }

        /// <summary>Called by SQLite after a commit wrote its log frames and gave the write lock back (the WAL hook).</summary>
        public void LogWritten(int pages)
        {
            Volatile.Write(ref _committing, 0);
            End();
            checkpoints?.Committed();
            if (pages >= WalCheckpointer.BackstopPages)
            {
                // What PRAGMA wal_autocheckpoint's own hook did, which this hook replaces: the backstop checkpoint.
                SQLitePCL.raw.sqlite3_wal_checkpoint(handle, "main");
            }
        }

        /// <summary>Takes the turn for a write on this handle; returns the write's ticket.</summary>
        public long Begin(bool transaction)
        {
            _transaction = transaction;
            Volatile.Write(ref _committing, 0);
            _changesBefore = SQLitePCL.raw.sqlite3_total_changes(handle);
            var ticket = Interlocked.Increment(ref s_tickets);
            Volatile.Write(ref _hold, ticket);
            return ticket;
        }

        /// <summary>
        /// Held by the write of <paramref name="ticket"/>, and no transaction open on the handle any more (it was taken by a transaction that has ended), nor a commit
        /// still writing its log (its WAL hook ends the turn; after a second without it, the commit is taken to have failed).
        /// </summary>
        public bool TransactionOver(long ticket) => Volatile.Read(ref _hold) == ticket && SQLitePCL.raw.sqlite3_get_autocommit(handle) != 0
            && (Volatile.Read(ref _committing) is var committing && (committing == 0 || System.Diagnostics.Stopwatch.GetElapsedTime(committing) > CommitWrite));

        // How long a commit may write its log before a waiter takes it to have failed without a rollback hook.
        private static readonly TimeSpan CommitWrite = TimeSpan.FromSeconds(1);

        /// <summary>Ends the turn, whichever write on this handle holds it: called on the handle's own thread, by its hooks and its write's end.</summary>
        public void End()
        {
            if (Interlocked.Exchange(ref _hold, 0) != 0)
            {
                writer.Release();
            }
        }

        /// <summary>Ends the turn only while the write of <paramref name="ticket"/> still holds it.</summary>
        public void End(long ticket)
        {
            if (Interlocked.CompareExchange(ref _hold, 0, ticket) == ticket)
            {
                writer.Release();
            }
        }

        /// <summary>A listener that ends the turn of the write of <paramref name="ticket"/> when its connection closes.</summary>
        public System.Data.StateChangeEventHandler EndOnClose(long ticket)
        {
            System.Data.StateChangeEventHandler? listener = null;
            listener = (sender, e) =>
            {
                if (e.CurrentState == System.Data.ConnectionState.Closed && sender is SqliteConnection connection)
                {
                    connection.StateChange -= listener;
                    End(ticket);
                }
            };
            return listener;
        }

        public void Dispose() => End();
    }

    /// <summary>
    /// Begins a write that adds or moves held/booked appointments. On PostgreSQL it also takes a transaction-scoped
    /// advisory lock: two concurrent inserts that collide on different exclusion constraints (one on the provider,
    /// one on the room) wait on each other and one of them dies as a deadlock victim instead of getting a clean
    /// exclusion violation. Serializing these few writes, as SQLite does anyway, keeps the outcome booked or slot_taken;
    /// the constraints stay the guarantee.
    /// </summary>
    public async Task<DbTransaction> BeginBookingWriteAsync(DbConnection connection, CancellationToken ct)
    {
        var tx = await BeginWriteAsync(connection, ct);
        if (IsPostgres)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = BookingLockKey }, tx, cancellationToken: ct));
        }
        return tx;
    }

    /// <summary>
    /// Begins a write that adds or moves one held/booked appointment on <paramref name="staffId"/> in room
    /// <paramref name="roomId"/> at <paramref name="locationId"/>. On PostgreSQL it locks just that provider and that room
    /// (advisory locks taken in a fixed order, so two such writes never wait on each other in a cycle), plus the booking
    /// lock shared: writes on other providers and rooms run side by side (issue 15, item 12), and writes that may touch
    /// any appointment (<see cref="BeginBookingWriteAsync(DbConnection, CancellationToken)"/>) still exclude them all.
    /// Two writes that could collide on either exclusion constraint share a provider or a room, so they queue instead of
    /// deadlocking; the constraints stay the guarantee.
    /// </summary>
    public Task<DbTransaction> BeginBookingWriteAsync(DbConnection connection, string staffId, string locationId, string roomId, CancellationToken ct) =>
        BeginBookingWriteAsync(connection, [(staffId, locationId, roomId)], ct);

    /// <summary>
    /// <see cref="BeginBookingWriteAsync(DbConnection, string, string, string, CancellationToken)"/> for a write that touches
    /// several providers and rooms (a move frees one time and takes another): every lock taken in the same fixed order.
    /// </summary>
    public async Task<DbTransaction> BeginBookingWriteAsync(DbConnection connection, IReadOnlyList<(string StaffId, string LocationId, string RoomId)> resources, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var tx = await BeginWriteAsync(connection, ct);
        if (IsPostgres)
        {
            var keys = resources.SelectMany(r => new[] { ResourceKey("staff", r.StaffId), ResourceKey("room", r.LocationId + "/" + r.RoomId) }).Distinct().Order().ToList();
            var args = new DynamicParameters();
            args.Add("shared", BookingLockKey);
            var locks = new System.Text.StringBuilder("SELECT pg_advisory_xact_lock_shared(@shared)");
            for (var i = 0; i < keys.Count; i++)
            {
                locks.Append(CultureInfo.InvariantCulture, $", pg_advisory_xact_lock(@k{i})");
                args.Add($"k{i}", keys[i]);
            }
            await connection.ExecuteAsync(new CommandDefinition(locks.ToString(), args, tx, cancellationToken: ct));
        }
        return tx;
    }

    /// <summary>
    /// <see cref="BeginBookingWriteAsync(DbConnection, string, string, string, CancellationToken)"/> without waiting: null
    /// (and nothing held) when another write holds that provider or room right now. On SQLite it is the plain write.
    /// A caller that polls instead of queueing can look again whether the time is still free between tries, so under a
    /// race for one time the losers leave as soon as the winner commits instead of queueing behind each other.
    /// <paramref name="countSql"/> (a <c>SELECT COUNT(*)</c> with <paramref name="countArgs"/>, e.g. the overlapping
    /// appointments) runs after the locks were tried, in the same round trip on PostgreSQL: under the locks when they were
    /// all got, else as a plain read of what is committed.
    /// </summary>
    public async Task<(DbTransaction? Transaction, long Count)> TryBeginBookingWriteAsync(
        DbConnection connection, string staffId, string locationId, string roomId, string countSql, object countArgs, CancellationToken ct)
    {
        var tx = await BeginWriteAsync(connection, ct);
        if (!IsPostgres)
        {
            return (tx, await PreparedSql.CountAsync(connection, tx, countSql, countArgs, ct));
        }
        long[] keys = [ResourceKey("staff", staffId), ResourceKey("room", locationId + "/" + roomId)];
        Array.Sort(keys);
        var args = new DynamicParameters(countArgs);
        args.Add("lock_shared", BookingLockKey);
        args.Add("lock_first", keys[0]);
        args.Add("lock_second", keys[1]);
        // READ COMMITTED: the count's snapshot is taken after the locks, so it sees every write that held them before.
        long count;
        (bool Shared, bool First, bool Second) got;
        await using (var results = await connection.QueryMultipleAsync(new CommandDefinition(
            $"SELECT pg_try_advisory_xact_lock_shared(@lock_shared), pg_try_advisory_xact_lock(@lock_first), pg_try_advisory_xact_lock(@lock_second);\n{countSql}",
            args, tx, cancellationToken: ct)))
        {
            got = await results.ReadSingleAsync<(bool, bool, bool)>();
            count = await results.ReadSingleAsync<long>();
        }
        if (got is (true, true, true))
        {
            return (tx, count);
        }
        // Whatever was taken is let go with the transaction.
        await tx.RollbackAsync(ct);
        await tx.DisposeAsync();
        return (null, count);
    }

    /// <summary>
    /// PostgreSQL: the statement that opens a booking's write batch in place of
    /// <see cref="TryBeginBookingWriteAsync"/>'s round trip (migration 7's <c>frontdesk_booking_guard</c>): the same locks
    /// tried without waiting, then the overlap with [<paramref name="startsAtUtc"/>, <paramref name="blockedUntilUtc"/>) on the
    /// provider or the room read under them. It fails the batch, writing nothing, when a lock is held
    /// (<see cref="IsBookingBusy"/>: poll) or the time is taken (<see cref="IsSlotTaken"/>). Its parameters start with
    /// <c>guard_</c>.
    /// </summary>
    internal static (string Sql, DynamicParameters Args) BookingGuard(
        string staffId, string locationId, string roomId, DateTime startsAtUtc, DateTime blockedUntilUtc, string exceptId)
    {
        long[] keys = [ResourceKey("staff", staffId), ResourceKey("room", locationId + "/" + roomId)];
        Array.Sort(keys);
        var args = new DynamicParameters();
        args.Add("guard_shared", BookingLockKey);
        args.Add("guard_first", keys[0]);
        args.Add("guard_second", keys[1]);
        args.Add("guard_starts", startsAtUtc);
        args.Add("guard_until", blockedUntilUtc);
        args.Add("guard_staff", staffId);
        args.Add("guard_location", locationId);
        args.Add("guard_room", roomId);
        args.Add("guard_except", exceptId);
        return ("SELECT frontdesk_booking_guard(@guard_shared, @guard_first, @guard_second, @guard_starts, @guard_until, @guard_staff, @guard_location, @guard_room, @guard_except)", args);
    }

    /// <summary>Whether a booking's guard found its provider or room locked by another write (<see cref="BookingGuard"/>).</summary>
    public static bool IsBookingBusy(Exception ex) => ex is PostgresException { SqlState: "FDB01" };

    private static long ResourceKey(string kind, string id) =>
        BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"frontdesk-booking|{kind}|{id}")), 0);

    // Any fixed number shared by all instances (distinct from the migration lock).
    private const long BookingLockKey = 0x46444B424F4F4B;

    /// <summary>Whether an exception is the database refusing an overlapping appointment.</summary>
    public static bool IsSlotTaken(Exception ex) => ex switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.ExclusionViolation or "FDB02",
        SqliteException sq => sq.Message.Contains("slot_taken", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>
    /// Whether a write failed only because of contention and may simply be retried: PostgreSQL picks a deadlock victim
    /// when two bookings wait on each other across the provider and room exclusion constraints.
    /// </summary>
    public static bool IsRetryable(Exception ex) =>
        ex is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    /// <summary>Whether an exception is a unique-key violation.</summary>
    public static bool IsUniqueViolation(Exception ex) => ex switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sq => sq.SqliteErrorCode == 19 && sq.Message.Contains("UNIQUE", StringComparison.Ordinal),
        _ => false,
    };

    /// <inheritdoc/>
    public void Dispose()
    {
        // The writers' queue belongs to the file, not to this instance: it stays for the next SpaDatabase on that file.
        _postgres?.Dispose();
    }

    /// <summary>Reads every stored DateTime as UTC: SQLite keeps text, PostgreSQL timestamptz.</summary>
    private sealed class UtcDateTimeHandler : SqlMapper.TypeHandler<DateTime>
    {
        public override DateTime Parse(object value) => ToUtc(value);

        public override void SetValue(System.Data.IDbDataParameter parameter, DateTime value) =>
            parameter.Value = DateTime.SpecifyKind(value, DateTimeKind.Utc);
    }

    private sealed class NullableUtcDateTimeHandler : SqlMapper.TypeHandler<DateTime?>
    {
        public override DateTime? Parse(object value) => value is null or DBNull ? null : ToUtc(value);

        public override void SetValue(System.Data.IDbDataParameter parameter, DateTime? value) =>
            parameter.Value = value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : DBNull.Value;
    }

    private static DateTime ToUtc(object value) => value switch
    {
        DateTime dt => dt.Kind == DateTimeKind.Utc ? dt : DateTime.SpecifyKind(dt, DateTimeKind.Utc),
        DateTimeOffset dto => dto.UtcDateTime,
        string s => ParseStoredUtc(s),
        _ => throw new InvalidCastException($"Cannot read {value.GetType().Name} as a UTC time."),
    };

    /// <summary>
    /// A time SQLite keeps as text, read as UTC. Microsoft.Data.Sqlite writes a DateTime as "yyyy-MM-dd HH:mm:ss" with up to
    /// seven digits of fraction; that shape is read digit by digit (the general parser was 1 % of a loaded host: every
    /// availability search reads three times of each blocking appointment), anything else by <see cref="DateTime.Parse(string, IFormatProvider, DateTimeStyles)"/>,
    /// which gives the same for that shape.
    /// </summary>
    internal static DateTime ParseStoredUtc(string text) =>
        TryParseSqliteTime(text, out var time)
            ? time
            : DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static bool TryParseSqliteTime(ReadOnlySpan<char> s, out DateTime time)
    {
        time = default;
        if (s.Length is < 19 or 20 or > 27 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':' || (s.Length > 19 && s[19] != '.')
            || !Digits(s[..4], out var year) || !Digits(s[5..7], out var month) || !Digits(s[8..10], out var day)
            || !Digits(s[11..13], out var hour) || !Digits(s[14..16], out var minute) || !Digits(s[17..19], out var second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        var ticks = 0;
        if (s.Length > 19)
        {
            if (!Digits(s[20..], out ticks))
            {
                return false;
            }
            for (var i = s.Length - 20; i < 7; i++)
            {
                ticks *= 10;
            }
        }
        time = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var ch in s)
        {
            if (!char.IsAsciiDigit(ch))
            {
                return false;
            }
            value = (value * 10) + (ch - '0');
        }
        return true;
    }
}
