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
                Assert.Equal(WalCheckpointer.BackstopPages, await c.ExecuteScalarAsync<int>("PRAGMA wal_autocheckpoint"));
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
}
