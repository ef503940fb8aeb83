using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace FrontDesk.Tools.Store;

/// <summary>
/// SQLite's WAL hook on a native handle: called after each commit that wrote frames to the write-ahead log, once the commit
/// is done and the file's write lock given back, with the log's size in pages. SQLitePCLRaw does not wrap it. Setting it
/// replaces the hook of <c>PRAGMA wal_autocheckpoint</c>; the callback is then the one to run the backstop checkpoint.
/// </summary>
internal static class SqliteLogWritten
{
    // The hook is given the native handle's address; the callbacks are weak, like the pool's handles they belong to.
    private static readonly ConcurrentDictionary<IntPtr, WeakReference<IListener>> Listeners = new();

    // Kept for the life of the process: SQLite holds a pointer to it.
    private static readonly WalCallback OnWal = Written;

    /// <summary>What is told of a handle's commits.</summary>
    public interface IListener
    {
        /// <summary>A commit wrote its frames and gave the write lock back; the log now holds <paramref name="pages"/> pages.</summary>
        void LogWritten(int pages);
    }

    /// <summary>Tells <paramref name="listener"/> (held weakly) of every commit on <paramref name="handle"/> that wrote frames.</summary>
    public static void Hook(SQLitePCL.sqlite3 handle, IListener listener)
    {
        var db = handle.DangerousGetHandle();
        Listeners[db] = new WeakReference<IListener>(listener);
        NativeMethods.sqlite3_wal_hook(db, OnWal, IntPtr.Zero);
    }

    private static int Written(IntPtr state, IntPtr db, IntPtr name, int pages)
    {
        if (Listeners.TryGetValue(db, out var listener) && listener.TryGetTarget(out var written))
        {
            written.LogWritten(pages);
        }
        return 0;
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int WalCallback(IntPtr state, IntPtr db, IntPtr name, int pages);

    private static class NativeMethods
    {
        // The same native library SQLitePCLRaw's e_sqlite3 provider loads.
        [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
        public static extern IntPtr sqlite3_wal_hook(IntPtr db, WalCallback callback, IntPtr state);
    }
}
