using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FrontDesk.Tools.Store;

/// <summary>
/// SQLite's busy handler, counted: a statement that finds the file's write lock taken sleeps here and tries again, as SQLite's
/// own handler (<c>PRAGMA busy_timeout</c>) does, with the same steps (1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, then 100 ms)
/// and the same limit (<see cref="Timeout"/>, then SQLITE_BUSY). It counts the sleeps and the time slept per file, which
/// <c>/readyz</c> says for the load bench (docs/performance.md, round twenty-five).
/// </summary>
public sealed class SqliteBusyWaits
{
    /// <summary>How long a statement waits for the write lock before SQLite answers SQLITE_BUSY (ms), as busy_timeout=30000.</summary>
    public const int Timeout = 30_000;

    private static readonly int[] Steps = [1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100];
    private static readonly int[] Before = [0, 1, 3, 8, 18, 33, 53, 78, 103, 128, 178, 228];

    // One per file, found by the handler through its index (SQLite hands the handler a number, not an object).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SqliteBusyWaits> Files = new(StringComparer.Ordinal);
    private static readonly List<SqliteBusyWaits> ByIndex = [];

    // Kept for the life of the process: SQLite holds a pointer to it.
    private static readonly BusyCallback Callback = OnBusy;

    private readonly int _index;
    private long _sleeps;
    private long _sleptTicks;

    private SqliteBusyWaits(int index) => _index = index;

    /// <summary>The counts of one file (its full path).</summary>
    public static SqliteBusyWaits Of(string path) => Files.GetOrAdd(path, static _ =>
    {
        lock (ByIndex)
        {
            var waits = new SqliteBusyWaits(ByIndex.Count);
            ByIndex.Add(waits);
            return waits;
        }
    });

    /// <summary>Sleeps in the busy handler so far.</summary>
    public long Sleeps => Interlocked.Read(ref _sleeps);

    /// <summary>Time slept in the busy handler so far (ms).</summary>
    public double SleptMs => Interlocked.Read(ref _sleptTicks) * 1000.0 / Stopwatch.Frequency;

    /// <summary>Sets the counted handler on a native handle of this file (in place of the one <c>PRAGMA busy_timeout</c> set).</summary>
    internal void Install(SQLitePCL.sqlite3 handle)
    {
        var rc = NativeMethods.sqlite3_busy_handler(handle.DangerousGetHandle(), Callback, _index);
        if (rc != 0)
        {
            throw new InvalidOperationException($"sqlite3_busy_handler failed ({rc}).");
        }
    }

    /// <summary>The wait before try <paramref name="count"/> + 1 (ms), or 0 once <see cref="Timeout"/> would be passed.</summary>
    internal static int DelayBefore(int count)
    {
        var (delay, prior) = count < Steps.Length ? (Steps[count], Before[count]) : (100, Before[^1] + 100 * (count - Before.Length + 1));
        return prior + delay <= Timeout ? delay : Math.Max(0, Timeout - prior);
    }

    private static int OnBusy(IntPtr state, int count)
    {
        var delay = DelayBefore(count);
        if (delay <= 0)
        {
            return 0;
        }
        var started = Stopwatch.GetTimestamp();
        Thread.Sleep(delay);
        var slept = Stopwatch.GetTimestamp() - started;
        SqliteBusyWaits file;
        lock (ByIndex)
        {
            file = ByIndex[checked((int)state)];
        }
        file.Count(slept);
        return 1;
    }

    private void Count(long ticks)
    {
        Interlocked.Increment(ref _sleeps);
        Interlocked.Add(ref _sleptTicks, ticks);
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int BusyCallback(IntPtr state, int count);

    private static class NativeMethods
    {
        // The same native library SQLitePCLRaw's e_sqlite3 provider loads; SQLitePCLRaw does not wrap this function.
        [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
        public static extern int sqlite3_busy_handler(IntPtr db, BusyCallback callback, IntPtr state);
    }
}
