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
/// <remarks>
/// The log is written from its beginning again only when a writer finds it wholly copied and no reader in it, which under
/// steady load never happens: it grew by every frame ever written (459 MB after 11,125 turns), each frame on a page of the
/// file never written before (the kernel zeroing new page-cache pages was 2.6 % of a loaded host: docs/performance.md,
/// sixteenth round). Once it holds <see cref="RestartFrames"/> frames, the checkpoint is a RESTART: with the writers' turn
/// taken (<paramref name="writers"/>, so the process's writers wait in their queue, not in SQLite's busy handler), it copies
/// what is left and waits, at most <see cref="RestartWait"/>, for the readers still in the log; the next write starts the log
/// again from its beginning, and SQLite cuts the file back to <see cref="LogSizeLimit"/> (journal_size_limit, set on every
/// connection by <see cref="SpaDatabase.OpenAsync"/>). Readers that start meanwhile read the database file and do not hold it.
/// </remarks>
internal sealed class WalCheckpointer(string connectionString, SemaphoreSlim writers)
{
    /// <summary>Commits between two background checkpoints.</summary>
    public const int CommitsPerCheckpoint = 100;

    /// <summary>SQLite's automatic checkpoint (in a committing thread) only once the log holds this many pages.</summary>
    public const int BackstopPages = 10_000;

    /// <summary>
    /// A checkpoint starts the log again (RESTART) once it holds this many frames (32 MB of 4 KB pages). Each restart holds the
    /// writers for a moment (0.1-87 ms, median 16 ms, on the shared machine under the load bench at 4,096 frames, once every
    /// ~320 turns): a larger log restarts less often.
    /// </summary>
    public const int RestartFrames = 8_192;

    /// <summary>The log file's size SQLite cuts it back to after it starts again (journal_size_limit, bytes).</summary>
    public const long LogSizeLimit = RestartFrames * 4_096L;

    /// <summary>How long a RESTART waits for the readers still in the log (SQLite's busy timeout, ms); it tries again later.</summary>
    public const int RestartWait = 100;

    private int _commits;
    private int _running;
    private long _restarts;
    private long _busyRestarts;
    private int _mostCommitsInARun;

    /// <summary>How many times the log was started again (RESTART checkpoints that completed).</summary>
    public long Restarts => Interlocked.Read(ref _restarts);

    /// <summary>
    /// How many RESTART checkpoints did not start the log again: a reader still in it after <see cref="RestartWait"/>, or the
    /// writers' turn not had in time. Each lets the log grow by one more round of commits before the next one tries.
    /// </summary>
    public long BusyRestarts => Interlocked.Read(ref _busyRestarts);

    /// <summary>
    /// The most commits made while one checkpoint ran (from its start to its end), which no checkpoint could stop: with
    /// <see cref="CommitsPerCheckpoint"/> and <see cref="BusyRestarts"/>, what the log may hold past <see cref="RestartFrames"/>.
    /// </summary>
    public int MostCommitsInARun => Volatile.Read(ref _mostCommitsInARun);

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
            var (_, frames, _) = await c.QuerySingleAsync<(long Busy, long Frames, long Copied)>("PRAGMA wal_checkpoint(PASSIVE);");
            if (frames >= RestartFrames && await writers.WaitAsync(TimeSpan.FromSeconds(5)))
            {
                try
                {
                    await c.ExecuteAsync($"PRAGMA busy_timeout={RestartWait};");
                    var (busy, _, _) = await c.QuerySingleAsync<(long Busy, long Frames, long Copied)>("PRAGMA wal_checkpoint(RESTART);");
                    if (busy == 0)
                    {
                        Interlocked.Increment(ref _restarts);
                    }
                    else
                    {
                        Interlocked.Increment(ref _busyRestarts);
                    }
                }
                finally
                {
                    writers.Release();
                }
            }
            else if (frames >= RestartFrames)
            {
                Interlocked.Increment(ref _busyRestarts);
            }
        }
        catch (SqliteException)
        {
            // The next one tries again; the backstop checkpoint still bounds the log.
        }
        finally
        {
            // The commits counted since this run began were all made while it ran.
            var during = Volatile.Read(ref _commits);
            if (during > _mostCommitsInARun)
            {
                Volatile.Write(ref _mostCommitsInARun, during);
            }
            Volatile.Write(ref _running, 0);
        }
    }
}
