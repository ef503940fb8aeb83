using System.ComponentModel.DataAnnotations;

namespace FrontDesk.Tools.Store;

/// <summary>Which database holds the spa's book.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file (the default; one instance).</summary>
    Sqlite,
    /// <summary>PostgreSQL, when several instances share one database.</summary>
    Postgres,
}

/// <summary>Configuration section <c>FrontDesk:Database</c>.</summary>
public sealed class DatabaseOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "FrontDesk:Database";

    /// <summary><c>Sqlite</c> or <c>Postgres</c>.</summary>
    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// ADO.NET connection string. For SQLite, empty means a file <c>frontdesk.db</c> in <see cref="DataDirectory"/>.
    /// Required for PostgreSQL.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the SQLite file lives when no connection string is given.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// SQLite: write transactions of this process wait their turn in memory instead of polling the file's write lock
    /// (docs/performance.md). Off by default: on the quiet-machine load bench it did not raise throughput and
    /// doubled the p99.
    /// </summary>
    public bool SqliteWriterQueue { get; set; }
}
