using Dapper;
using FrontDesk.Tools.Store;

namespace FrontDesk.Tools.Tests.Book;

/// <summary>
/// SQLite's busy handler, counted (round twenty-five): a writer that finds the file's write lock taken waits as
/// <c>busy_timeout=30000</c> did and is counted; writers that take turns in the process's queue never meet a taken lock.
/// </summary>
public sealed class SqliteBusyWaitsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "frontdesk-busy-" + Guid.NewGuid().ToString("N"));

    private SpaDatabase Open(bool writerQueue) =>
        new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_dir, "spa.db")}", writerQueue);

    [Fact]
    public void The_waits_are_sqlites_own_steps_up_to_thirty_seconds()
    {
        var delays = new List<int>();
        for (var count = 0; SqliteBusyWaits.DelayBefore(count) is var d && d > 0; count++)
        {
            delays.Add(d);
        }
        Assert.Equal([1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100, 100], delays.Take(13));
        Assert.Equal(SqliteBusyWaits.Timeout, delays.Sum());
    }

    [Fact]
    public async Task A_writer_that_finds_the_lock_taken_waits_counted_then_writes()
    {
        using var db = Open(writerQueue: false);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var holder = await db.OpenAsync(limit.Token);
        await holder.ExecuteAsync("CREATE TABLE busy_test (n INTEGER NOT NULL)");
        var before = db.BusyWaits!.Sleeps;

        // Another process's writer, as far as this one can tell: the lock taken without the queue.
        await holder.ExecuteAsync("BEGIN IMMEDIATE; INSERT INTO busy_test (n) VALUES (1);");
        var waiting = Task.Run(async () =>
        {
            await using var c = await db.OpenAsync(limit.Token);
            await c.ExecuteAsync(new CommandDefinition("INSERT INTO busy_test (n) VALUES (2)", cancellationToken: limit.Token));
        });
        // Until the other writer has met the taken lock three times (1 + 2 + 5 ms): a fixed pause raced the thread pool on a
        // loaded machine, where the writer had not started by the commit and so never waited.
        while (db.BusyWaits.Sleeps - before < 3)
        {
            await Task.Delay(5, limit.Token);
        }
        Assert.False(waiting.IsCompleted);
        await holder.ExecuteAsync("COMMIT");
        await waiting;

        Assert.Equal([1, 2], (await holder.QueryAsync<int>("SELECT n FROM busy_test ORDER BY n")).ToList());
        Assert.True(db.BusyWaits.Sleeps - before >= 3, $"{db.BusyWaits.Sleeps - before} sleeps");
        Assert.True(db.BusyWaits.SleptMs >= 8, $"{db.BusyWaits.SleptMs} ms");
    }

    [Fact]
    public async Task Writers_that_take_turns_in_the_queue_never_find_the_lock_taken()
    {
        using var db = Open(writerQueue: true);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using (var c = await db.OpenAsync(limit.Token))
        {
            await c.ExecuteAsync("CREATE TABLE busy_test (n INTEGER NOT NULL, note BLOB)");
        }
        var before = db.BusyWaits!.Sleeps;
        
        // Transactions of two statements (the first with 300 KB, so each commit writes its log frames for a while) and single statements, 120 writers at once, as a loaded host's begins and saves.
        await Task.WhenAll(Enumerable.Range(1, 60).SelectMany(n => new[]
        {
            Task.Run(async () =>
            {
                await using var c = await db.OpenAsync(limit.Token);
                await using var tx = await db.BeginWriteAsync(c, limit.Token);
                await c.ExecuteAsync(new CommandDefinition("INSERT INTO busy_test (n, note) VALUES (@n, randomblob(300000))", new { n }, tx, cancellationToken: limit.Token));
                await c.ExecuteAsync(new CommandDefinition("INSERT INTO busy_test (n) VALUES (@n)", new { n = -n }, tx, cancellationToken: limit.Token));
                await tx.CommitAsync(limit.Token);
            }),
            Task.Run(async () =>
            {
                await using var c = await db.OpenAsync(limit.Token);
                using (await db.EnterWriteAsync(c, limit.Token))
                {
                    await c.ExecuteAsync(new CommandDefinition("INSERT INTO busy_test (n) VALUES (0)", cancellationToken: limit.Token));
                }
            }),
        }));

        await using var read = await db.OpenAsync(limit.Token);
        Assert.Equal(180, await read.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM busy_test"));
        Assert.Equal(0, await read.ExecuteScalarAsync<int>("SELECT SUM(n) FROM busy_test"));
        Assert.Equal(0, db.BusyWaits.Sleeps - before);
    }

    // Perf round 31: the one busy sleep CI counted in the test above (load average 90). A connection's close ended the writer's
    // turn its handle last took (Microsoft.Data.Sqlite hands the handle back to the pool before it tells the close's
    // listeners), so a writer that had taken the same handle from the pool in between lost its turn, and the next writer in the
    // queue began while it still held the file's lock. Here the next writer takes the handle inside the close, which is the
    // moment a descheduled closing thread gives it on a loaded machine.
    [Fact]
    public async Task A_connection_closed_after_its_commit_leaves_the_turn_of_the_writer_that_took_its_handle()
    {
        using var db = Open(writerQueue: true);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using (var c = await db.OpenAsync(limit.Token))
        {
            await c.ExecuteAsync("CREATE TABLE busy_test (n INTEGER NOT NULL)");
        }
        var before = db.BusyWaits!.Sleeps;
        var first = (Microsoft.Data.Sqlite.SqliteConnection)await db.OpenAsync(limit.Token);
        var handle = first.Handle;
        System.Data.Common.DbConnection? second = null;
        System.Data.Common.DbTransaction? secondWrite = null;
        first.StateChange += (_, e) =>
        {
            if (e.CurrentState == System.Data.ConnectionState.Closed && second is null)
            {
                second = db.OpenAsync(limit.Token).GetAwaiter().GetResult();
                secondWrite = db.BeginWriteAsync(second, limit.Token).GetAwaiter().GetResult();
                second.Execute("INSERT INTO busy_test (n) VALUES (2)", transaction: secondWrite);
            }
        };
        await using (var tx = await db.BeginWriteAsync(first, limit.Token))
        {
            await first.ExecuteAsync(new CommandDefinition("INSERT INTO busy_test (n) VALUES (1)", transaction: tx, cancellationToken: limit.Token));
            await tx.CommitAsync(limit.Token);
        }
        first.Close();
        Assert.Same(handle, Assert.IsType<Microsoft.Data.Sqlite.SqliteConnection>(second).Handle);

        // The second writer's transaction is open: a third asking for the turn waits for it (here half a second, then gives up).
        await using var third = await db.OpenAsync(limit.Token);
        using (var asking = CancellationTokenSource.CreateLinkedTokenSource(limit.Token))
        {
            asking.CancelAfter(TimeSpan.FromMilliseconds(500));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                using var turn = await db.EnterWriteAsync(third, asking.Token);
            });
        }
        secondWrite!.Commit();
        using (await db.EnterWriteAsync(third, limit.Token))
        {
            await third.ExecuteAsync(new CommandDefinition("INSERT INTO busy_test (n) VALUES (3)", cancellationToken: limit.Token));
        }
        await second!.DisposeAsync();

        Assert.Equal([1, 2, 3], (await third.QueryAsync<int>("SELECT n FROM busy_test ORDER BY n")).ToList());
        Assert.Equal(0, db.BusyWaits.Sleeps - before);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
