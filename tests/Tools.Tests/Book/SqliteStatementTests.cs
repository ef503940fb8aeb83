using Dapper;
using FrontDesk.Tools.Store;
using Microsoft.Data.Sqlite;

namespace FrontDesk.Tools.Tests.Book;

/// <summary>
/// The statements every turn runs on SQLite are prepared once per pooled connection (<see cref="SqliteStatement"/>, issue 16)
/// instead of through Dapper: they must store exactly what Dapper and Microsoft.Data.Sqlite store, run in the connection's
/// transaction, stay prepared while the pool keeps the connection, and fail as the store's error checks expect. SQLite only.
/// </summary>
[Collection(nameof(SqlitePoolsAlone))]
public sealed class SqliteStatementTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "frontdesk-prepared-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly SpaDatabase _db;

    public SqliteStatementTests() => _db = new SpaDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_dir, "spa.db")}");

    private const string Insert = "INSERT INTO notes (n, at_utc, body, size) VALUES (@n, @at, @body, @size)";

    private async Task<SqliteConnection> OpenAsync()
    {
        var c = (SqliteConnection)await _db.OpenAsync(CancellationToken.None);
        await c.ExecuteAsync("CREATE TABLE IF NOT EXISTS notes (n INTEGER PRIMARY KEY, at_utc TEXT, body TEXT, size INTEGER)");
        return c;
    }

    [Fact]
    public async Task Values_bound_by_a_prepared_statement_are_stored_as_dapper_stores_them_and_read_back_the_same()
    {
        await using var c = await OpenAsync();
        var random = new Random(15);
        var times = new List<DateTime>
        {
            new(2026, 11, 23, 16, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_999),
            new DateTime(2026, 3, 8, 10, 0, 0, DateTimeKind.Utc).AddTicks(1_200_000), DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc),
            DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc),
        };
        for (var i = 0; i < 500; i++)
        {
            var ticks = random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
            times.Add(new DateTime(i % 3 == 0 ? ticks - (ticks % TimeSpan.TicksPerSecond) : i % 3 == 1 ? ticks - (ticks % TimeSpan.TicksPerMillisecond) : ticks, DateTimeKind.Utc));
        }
        // Text as people send it: accents, emoji, Spanish, quotes, an empty string, and NULL.
        string?[] bodies = ["hola, ¿tienen masaje el jueves?", "yes 👍🏽 thx", "", null, "it's \"fine\"\nsecond line", new string('x', 20_000)];
        for (var n = 0; n < times.Count; n++)
        {
            var body = bodies[n % bodies.Length];
            long? size = n % 4 == 0 ? null : n * 1_000_003L;
            // Even rows through Dapper, odd rows through the prepared statement: each pair must be stored alike.
            await c.ExecuteAsync(Insert, new { n = 2 * n, at = times[n], body, size });
            using var insert = SqliteStatement.Get(c, Insert);
            Assert.Equal(1, insert.Bind("@n", 2 * n + 1).Bind("@at", times[n]).Bind("@body", body).Bind("@size", size).Execute());
        }

        var stored = (await c.QueryAsync<(long N, string? At, string? Body, long? Size, string Types)>(
            "SELECT n, at_utc, body, size, typeof(at_utc) || typeof(body) || typeof(size) FROM notes ORDER BY n")).ToList();
        Assert.Equal(2 * times.Count, stored.Count);
        for (var n = 0; n < times.Count; n++)
        {
            var (byDapper, byStatement) = (stored[2 * n], stored[2 * n + 1]);
            Assert.Equal(byDapper with { N = 0 }, byStatement with { N = 0 });
        }
        // Read back by the prepared statement's readers as Dapper reads them.
        for (var n = 0; n < times.Count; n += 7)
        {
            using var read = SqliteStatement.Get(c, "SELECT n, at_utc, body, size FROM notes WHERE n = @n").Bind("@n", 2 * n + 1);
            Assert.True(read.Step());
            Assert.Equal(times[n], read.Time(1));
            Assert.Equal(DateTimeKind.Utc, read.Time(1).Kind);
            Assert.Equal(bodies[n % bodies.Length], read.Text(2));
            Assert.Equal(n % 4 == 0, read.IsNull(3));
            Assert.False(read.Step());
        }
    }

    [Fact]
    public async Task A_statement_stays_prepared_on_its_pooled_connection_and_runs_in_its_open_transaction()
    {
        SqliteStatement first;
        await using (var c = await OpenAsync())
        {
            first = SqliteStatement.Get(c, Insert);
            using (first.Bind("@n", 1).Bind("@at", DateTime.UtcNow).Bind("@body", "kept").Bind("@size", 1))
            {
                first.Execute();
            }
        }
        await using (var c = await OpenAsync())
        {
            // The pool handed back the same native connection, and the statement prepared on it.
            Assert.Same(first, SqliteStatement.Get(c, Insert));
            await using (var tx = await _db.BeginWriteAsync(c, CancellationToken.None))
            {
                using (var insert = SqliteStatement.Get(c, Insert))
                {
                    insert.Bind("@n", 2).Bind("@at", DateTime.UtcNow).Bind("@body", "rolled back").Bind("@size", 2).Execute();
                }
                Assert.Equal(2, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notes", transaction: tx));
                await tx.RollbackAsync();
            }
            Assert.Equal(new[] { "kept" }, await c.QueryAsync<string>("SELECT body FROM notes"));
            // A statement that has finished is not run again by a later step (SQLite itself would start it over).
            using (var add = SqliteStatement.Get(c, "UPDATE notes SET size = size + 1 WHERE n = @n").Bind("@n", 1))
            {
                Assert.False(add.Step());
                Assert.False(add.Step());
                add.Execute();
            }
            Assert.Equal(2, await c.ExecuteScalarAsync<long>("SELECT size FROM notes WHERE n = 1"));
            // A binding left from an earlier use is cleared: an unbound parameter is NULL.
            using var again = SqliteStatement.Get(c, Insert);
            again.Bind("@n", 3).Execute();
            Assert.Equal((string?)null, await c.ExecuteScalarAsync<string?>("SELECT body FROM notes WHERE n = 3"));
        }
    }

    [Fact]
    public async Task A_failing_statement_throws_the_sqlite_error_the_store_checks_and_can_run_again()
    {
        await using var c = await OpenAsync();
        using (var insert = SqliteStatement.Get(c, Insert))
        {
            insert.Bind("@n", 1).Bind("@body", "first").Execute();
        }
        var error = Assert.Throws<SqliteException>(() =>
        {
            using var insert = SqliteStatement.Get(c, Insert);
            insert.Bind("@n", 1).Bind("@body", "same key").Execute();
        });
        Assert.True(SpaDatabase.IsUniqueViolation(error));
        using (var insert = SqliteStatement.Get(c, Insert))
        {
            Assert.Equal(1, insert.Bind("@n", 2).Bind("@body", "second").Execute());
        }
        Assert.Throws<ArgumentException>(() => SqliteStatement.Get(c, Insert).Bind("@nope", 1));
        Assert.Throws<ArgumentException>(() => SqliteStatement.Get(c, "SELECT 1; SELECT 2"));
        Assert.Equal(new[] { "first", "second" }, await c.QueryAsync<string>("SELECT body FROM notes ORDER BY n"));
    }

    public void Dispose()
    {
        _db.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}

/// <summary>
/// Tests that look at which pooled native connection a statement lives on run alone: other classes clear every SQLite pool in
/// their clean-up (<c>SqliteConnection.ClearAllPools</c>), and a pool cleared between two opens hands back a new connection (a
/// CI run failed so on 2026-12-07, with no change to the statements).
/// </summary>
[CollectionDefinition(nameof(SqlitePoolsAlone), DisableParallelization = true)]
public sealed class SqlitePoolsAlone;
