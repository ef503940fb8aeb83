using Dapper;
using FrontDesk.Tools.Store;

namespace FrontDesk.Tools.Tests.Book;

/// <summary>
/// SQLite's write-ahead log is copied into the database file in the background, not by the commit that happens to cross
/// SQLite's 1,000-page mark (issue 16). SQLite only: PostgreSQL has no such step on a turn's path.
/// </summary>
public sealed class WalCheckpointTests
{
    [Fact]
    public async Task Commits_are_checkpointed_in_the_background_long_before_sqlites_own_checkpoint()
    {
        var dir = Path.Combine(Path.GetTempPath(), "frontdesk-wal-" + Guid.NewGuid().ToString("N")[..10]);
        var file = Path.Combine(dir, "spa.db");
        try
        {
            using var db = new SpaDatabase(DatabaseProvider.Sqlite, $"Data Source={file}");
            await using (var c = await db.OpenAsync(CancellationToken.None))
            {
                // The store's own WAL hook (which hands the writers' turn on once a commit has written its log) replaces the
                // hook of PRAGMA wal_autocheckpoint, and runs the backstop checkpoint at WalCheckpointer.BackstopPages itself;
                // SQLite then reports no automatic checkpoint of its own (round twenty-five).
                Assert.Equal(0, await c.ExecuteScalarAsync<int>("PRAGMA wal_autocheckpoint"));
                await c.ExecuteAsync("CREATE TABLE wal_test (n INTEGER NOT NULL, body TEXT NOT NULL)");
                await c.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            var before = new FileInfo(file).Length;

            // 150 small transactions, as many turns would commit: ~150 log pages, far below SQLite's own 1,000-page mark.
            var body = new string('x', 2000);
            for (var n = 0; n < 150; n++)
            {
                await using var c = await db.OpenAsync(CancellationToken.None);
                await using var tx = await db.BeginWriteAsync(c, CancellationToken.None);
                await c.ExecuteAsync(new CommandDefinition("INSERT INTO wal_test (n, body) VALUES (@n, @body)", new { n, body }, tx));
                await tx.CommitAsync();
            }

            // The rows reach the database file itself (only a checkpoint writes there in WAL mode) without any commit doing it.
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (new FileInfo(file).Length < before + 100 * 2000 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
            Assert.True(new FileInfo(file).Length >= before + 100 * 2000, $"database file {new FileInfo(file).Length} bytes, {before} before the commits");
            await using var read = await db.OpenAsync(CancellationToken.None);
            Assert.Equal(150, await read.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM wal_test"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    // Under steady load some reader is always in the log, so SQLite never started it again by itself: it grew by every frame
    // ever written (459 MB after 11,125 turns of the load bench). A checkpoint that finds it past WalCheckpointer.RestartFrames
    // starts it again, and the file is cut back to WalCheckpointer.LogSizeLimit.
    [Fact]
    public async Task The_log_starts_again_and_stays_bounded_while_readers_are_always_in_it()
    {
        var dir = Path.Combine(Path.GetTempPath(), "frontdesk-wal-" + Guid.NewGuid().ToString("N")[..10]);
        var file = Path.Combine(dir, "spa.db");
        try
        {
            using var db = new SpaDatabase(DatabaseProvider.Sqlite, $"Data Source={file}");
            await using (var c = await db.OpenAsync(CancellationToken.None))
            {
                await c.ExecuteAsync("CREATE TABLE wal_test (n INTEGER PRIMARY KEY, body TEXT NOT NULL)");
            }

            // Two readers, each in a read transaction of a few ms, staggered so that one of them is nearly always in the log, as
            // the turns of a loaded host are.
            using var stop = new CancellationTokenSource();
            async Task ReadAsync(int offset)
            {
                await Task.Delay(offset);
                while (!stop.IsCancellationRequested)
                {
                    await using var c = (Microsoft.Data.Sqlite.SqliteConnection)await db.OpenAsync(CancellationToken.None);
                    await using var tx = c.BeginTransaction(deferred: true);
                    await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM wal_test", transaction: tx);
                    await Task.Delay(3);
                    await tx.CommitAsync();
                }
            }
            var readers = new[] { ReadAsync(0), ReadAsync(2) };

            // ~4 pages a commit: 4,000 commits write about twice RestartFrames, a commit every millisecond or two (turns come at
            // a few hundred a second).
            var body = new string('x', 12_000);
            long largest = 0, size = 0, largestCommit = 0;
            for (var n = 0; n < 4_000; n++)
            {
                await using var c = await db.OpenAsync(CancellationToken.None);
                await using var tx = await db.BeginWriteAsync(c, CancellationToken.None);
                await c.ExecuteAsync(new CommandDefinition("INSERT INTO wal_test (n, body) VALUES (@n, @body)", new { n, body }, tx));
                await tx.CommitAsync();
                var now = new FileInfo(file + "-wal").Length;
                largestCommit = Math.Max(largestCommit, now - size);
                (size, largest) = (now, Math.Max(largest, now));
                await Task.Delay(1);
            }
            await stop.CancelAsync();
            await Task.WhenAll(readers);

            // Without a restart the log would hold every frame written, about 4,000 x 4 pages (≈ 66 MB). With it, the log holds
            // RestartFrames frames and what is committed until a checkpoint starts it again: after it passes the mark, a
            // checkpoint comes within CommitsPerCheckpoint commits and lets through what is committed while it runs (its passive
            // copy; the RESTART itself holds the writers' turn), and a RESTART that still finds a reader after RestartWait tries
            // again a round later. On a loaded machine a reader descheduled in its read transaction makes RESTARTs busy, and a
            // slow copy lets more commits through (round twenty-six: a fixed 8 MB margin failed once at 41 MB).
            var checkpoints = db.Checkpoints!;
            var rounds = checkpoints.BusyRestarts + 1;
            var overshoot = rounds * (WalCheckpointer.CommitsPerCheckpoint + checkpoints.MostCommitsInARun) * largestCommit;
            var bound = 32 + WalCheckpointer.RestartFrames * (4_096L + 24) + overshoot;
            Assert.True(checkpoints.Restarts >= 1, $"the log was never started again ({checkpoints.BusyRestarts} busy)");
            Assert.True(largest <= bound, $"the log reached {largest / 1024 / 1024} MB, bound {bound / 1024 / 1024} MB: {checkpoints.Restarts} restarts, "
                + $"{checkpoints.BusyRestarts} busy, at most {checkpoints.MostCommitsInARun} commits in a checkpoint, {largestCommit} bytes a commit");
            await using var read = await db.OpenAsync(CancellationToken.None);
            Assert.Equal(4_000, await read.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM wal_test"));
            Assert.Equal(WalCheckpointer.LogSizeLimit, await read.ExecuteScalarAsync<long>("PRAGMA journal_size_limit"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
