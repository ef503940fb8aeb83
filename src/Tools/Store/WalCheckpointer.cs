using Dapper;
using Microsoft.Data.Sqlite;

namespace FrontDesk.Tools.Store;

/// <summary>
/// Copies the write-ahead log of one SQLite file into the database in the background, every
/// <see cref="CommitsPerCheckpoint"/> commits, instead of in the commit that crosses SQLite's 1,000-page mark (a checkpoint
/// with its fsync on some turn's own thread: issue 16). Durability is unchanged: a commit is in the log when it returns, with
/// the same journal and synchronous settings, so an acknowledged turn survives a process crash whether or not its pages were
/// checkpointed; a checkpoint only copies committed pages into the database file. SQLite's own checkpoint stays as a
/// backstop at <see cref="BackstopPages"/>, for a log this one cannot keep up with.
/// </summary>
internal sealed class WalCheckpointer(string connectionString)
{
    /// <summary>Commits between two background checkpoints.</summary>
    public const int CommitsPerCheckpoint = 100;

    /// <summary>SQLite's automatic checkpoint (in a committing thread) only once the log holds this many pages.</summary>
    public const int BackstopPages = 10_000;

    private int _commits;
    private int _running;

    /// <summary>Counts a commit; every <see cref="CommitsPerCheckpoint"/> starts a checkpoint unless one is running.</summary>
    public void Committed()
    {
        if (Interlocked.Increment(ref _commits) >= CommitsPerCheckpoint && Interlocked.CompareExchange(ref _running, 1, 0) == 0)
        {
            Interlocked.Exchange(ref _commits, 0);
            _ = Task.Run(CheckpointAsync);
        }
    }

    private async Task CheckpointAsync()
    {
        try
        {
            // A connection of its own (never creating the file: it may be a test's store, gone since), PASSIVE: it copies what no
            // reader still needs and never waits for readers or writers.
            var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite };
            await using var c = new SqliteConnection(builder.ToString());
            await c.OpenAsync();
            await c.ExecuteAsync("PRAGMA wal_checkpoint(PASSIVE);");
        }
        catch (SqliteException)
        {
            // The next one tries again; the backstop checkpoint still bounds the log.
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }
}
