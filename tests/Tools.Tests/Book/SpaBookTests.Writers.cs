using Dapper;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Store;

namespace FrontDesk.Tools.Tests.Book;

/// <summary>
/// Write transactions of one process queue for SQLite's single write lock (issue 16): every writer gets its turn,
/// and however a write ends (commit, rollback, an error, a connection closed mid-transaction) the next one starts.
/// </summary>
public abstract partial class SpaBookTests
{
    private const string WriterTable = "CREATE TABLE IF NOT EXISTS writer_queue_test (n INTEGER NOT NULL)";

    // The queue is what these tests are about, whatever the default.
    private static Dictionary<string, string?> WriterQueueOn() => new() { ["FrontDesk:Database:SqliteWriterQueue"] = "true" };

    [StoreFact]
    public async Task Forty_concurrent_write_transactions_all_commit()
    {
        await using var h = await StartAsync(extra: WriterQueueOn());
        var db = h.Get<SpaDatabase>();
        await using (var c = await db.OpenAsync(CancellationToken.None))
        {
            await c.ExecuteAsync(WriterTable);
        }

        await Task.WhenAll(Enumerable.Range(1, 40).Select(n => Task.Run(async () =>
        {
            await using var c = await db.OpenAsync(CancellationToken.None);
            await using var tx = await db.BeginWriteAsync(c, CancellationToken.None);
            await c.ExecuteAsync(new CommandDefinition("INSERT INTO writer_queue_test (n) VALUES (@n)", new { n }, tx));
            await Task.Yield();
            await c.ExecuteAsync(new CommandDefinition("INSERT INTO writer_queue_test (n) VALUES (@n)", new { n = -n }, tx));
            await tx.CommitAsync();
        })));

        await using var read = await db.OpenAsync(CancellationToken.None);
        Assert.Equal(80, await read.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM writer_queue_test"));
        Assert.Equal(0, await read.ExecuteScalarAsync<int>("SELECT SUM(n) FROM writer_queue_test"));
    }

    [StoreFact]
    public async Task A_write_that_ends_without_a_commit_lets_the_next_writer_in()
    {
        await using var h = await StartAsync(extra: WriterQueueOn());
        var db = h.Get<SpaDatabase>();
        await using (var c = await db.OpenAsync(CancellationToken.None))
        {
            await c.ExecuteAsync(WriterTable);
        }
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        // Abandoned: the transaction is disposed without a commit.
        await using (var c = await db.OpenAsync(limit.Token))
        {
            await using var tx = await db.BeginWriteAsync(c, limit.Token);
            await c.ExecuteAsync(new CommandDefinition("INSERT INTO writer_queue_test (n) VALUES (1)", transaction: tx));
        }
        // Failed: a statement throws inside the transaction, which is then rolled back.
        await using (var c = await db.OpenAsync(limit.Token))
        {
            await using var tx = await db.BeginWriteAsync(c, limit.Token);
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => c.ExecuteAsync(new CommandDefinition("INSERT INTO no_such_table VALUES (1)", transaction: tx)));
            await tx.RollbackAsync(limit.Token);
        }
        // Closed: the connection goes back to the pool with its transaction still open.
        var open = await db.OpenAsync(limit.Token);
        var left = await db.BeginWriteAsync(open, limit.Token);
        await open.ExecuteAsync(new CommandDefinition("INSERT INTO writer_queue_test (n) VALUES (2)", transaction: left));
        await open.DisposeAsync();
        // A single statement with the writer's turn.
        await using (var c = await db.OpenAsync(limit.Token))
        {
            using (await db.EnterWriteAsync(c, limit.Token))
            {
                await c.ExecuteAsync(new CommandDefinition("INSERT INTO writer_queue_test (n) VALUES (3)", cancellationToken: limit.Token));
            }
        }

        await using (var c = await db.OpenAsync(limit.Token))
        {
            await using var tx = await db.BeginWriteAsync(c, limit.Token);
            await c.ExecuteAsync(new CommandDefinition("INSERT INTO writer_queue_test (n) VALUES (4)", transaction: tx, cancellationToken: limit.Token));
            await tx.CommitAsync(limit.Token);
        }
        await using var read = await db.OpenAsync(CancellationToken.None);
        Assert.Equal([3, 4], (await read.QueryAsync<int>("SELECT n FROM writer_queue_test ORDER BY n")).ToList());
    }

    [StoreFact]
    public async Task Two_databases_on_one_store_take_turns_writing_without_waiting_on_each_other()
    {
        // A second SpaDatabase on the same file, as a second host or harness in the same process has (the fault suite, the
        // benches): SQLite's pool hands both the same native handles, and each handle's commit hook must end the turn of the
        // queue its write waited in. Before: the second factory re-hooked the handles to its own queue, the first one's turn
        // was never given back, and its next writer waited out the 30 s limit.
        await using var h = await StartAsync(extra: WriterQueueOn());
        var first = h.Get<SpaDatabase>();
        using var second = new SpaDatabase(first.Provider, h.Settings["FrontDesk:Database:ConnectionString"]!, writerQueue: true);
        await using (var c = await first.OpenAsync(CancellationToken.None))
        {
            await c.ExecuteAsync(WriterTable);
        }
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        for (var n = 1; n <= 8; n++)
        {
            var db = n % 2 == 0 ? second : first;
            await using var c = await db.OpenAsync(limit.Token);
            await using var tx = await db.BeginWriteAsync(c, limit.Token);
            await c.ExecuteAsync(new CommandDefinition("INSERT INTO writer_queue_test (n) VALUES (@n)", new { n }, tx, cancellationToken: limit.Token));
            await tx.CommitAsync(limit.Token);
            await using var single = await db.OpenAsync(limit.Token);
            using (await db.EnterWriteAsync(single, limit.Token))
            {
                await single.ExecuteAsync(new CommandDefinition("INSERT INTO writer_queue_test (n) VALUES (@n)", new { n = -n }, cancellationToken: limit.Token));
            }
        }

        await using var read = await first.OpenAsync(CancellationToken.None);
        Assert.Equal(16, await read.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM writer_queue_test"));
        Assert.Equal(0, await read.ExecuteScalarAsync<int>("SELECT SUM(n) FROM writer_queue_test"));
    }

    [StoreFact]
    public async Task A_write_rolled_back_on_a_connection_that_stays_open_lets_the_next_writer_in()
    {
        // Microsoft.Data.Sqlite's transaction clears the handle's rollback hook before it rolls back, so the end of this
        // write is not signalled; the schema migrator skipping applied versions did this on one open connection.
        await using var h = await StartAsync(extra: WriterQueueOn());
        var db = h.Get<SpaDatabase>();
        await using var kept = await db.OpenAsync(CancellationToken.None);
        await kept.ExecuteAsync(WriterTable);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        for (var n = 1; n <= 3; n++)
        {
            await using (var rolledBack = await db.BeginWriteAsync(kept, limit.Token))
            {
                await kept.ExecuteAsync(new CommandDefinition("INSERT INTO writer_queue_test (n) VALUES (@n)", new { n = -n }, rolledBack, cancellationToken: limit.Token));
                await rolledBack.RollbackAsync(limit.Token);
            }
            await using var other = await db.OpenAsync(limit.Token);
            await using var tx = await db.BeginWriteAsync(other, limit.Token);
            await other.ExecuteAsync(new CommandDefinition("INSERT INTO writer_queue_test (n) VALUES (@n)", new { n }, tx, cancellationToken: limit.Token));
            await tx.CommitAsync(limit.Token);
        }

        Assert.Equal([1, 2, 3], (await kept.QueryAsync<int>("SELECT n FROM writer_queue_test ORDER BY n")).ToList());
    }
}
