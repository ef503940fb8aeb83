using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FrontDesk.Tools.Store;

/// <summary>
/// One SQLite statement prepared once per pooled connection and run again and again: for the few statements every turn
/// runs (its begin, its save, the web session check). Through Dapper each of them was parsed and planned again at every
/// execution, because Microsoft.Data.Sqlite keeps a prepared statement only for the life of its command and Dapper makes a
/// command per call: two fifths of a loaded SQLite host's CPU was SQLite, its system calls and the .NET code around each
/// statement (docs/performance.md, fourteenth and fifteenth rounds). Everything else stays Dapper.
/// </summary>
/// <remarks>
/// A statement belongs to the native connection (<see cref="SqliteConnection.Handle"/>), which the pool hands to one
/// <see cref="SqliteConnection"/> at a time, so no two callers use it at once. It runs in whatever transaction is open on
/// that connection, as a command would. <see cref="Dispose"/> resets it for the next use; it stays prepared. When the pool
/// closes a native connection, its statements are finalized with it by the garbage collector (the table is weak), and the
/// connection closes then (<c>sqlite3_close_v2</c>). SQLite prepares a statement again by itself after a schema change.
/// Values are bound and read as Microsoft.Data.Sqlite does: text as UTF-8, integers as 64-bit, times as
/// <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> and read back by <see cref="SpaDatabase.ParseStoredUtc"/>.
/// </remarks>
public sealed class SqliteStatement : IDisposable
{
    private static readonly ConditionalWeakTable<sqlite3, Dictionary<string, SqliteStatement>> Prepared = new();

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private readonly Dictionary<string, int> _parameters = new(StringComparer.Ordinal);
    private bool _done;

    private SqliteStatement(sqlite3 db, sqlite3_stmt stmt)
    {
        _db = db;
        _stmt = stmt;
        for (var i = 1; i <= raw.sqlite3_bind_parameter_count(stmt); i++)
        {
            _parameters[raw.sqlite3_bind_parameter_name(stmt, i).utf8_to_string()] = i;
        }
    }

    /// <summary>
    /// The statement <paramref name="sql"/> (one statement, parameters named <c>@name</c>) on <paramref name="connection"/>'s
    /// native connection, prepared at its first use there. Bind its parameters, run it, and dispose it when done.
    /// </summary>
    public static SqliteStatement Get(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var statements = Prepared.GetValue(db, static _ => new Dictionary<string, SqliteStatement>(StringComparer.Ordinal));
        if (!statements.TryGetValue(sql, out var statement))
        {
            var rc = raw.sqlite3_prepare_v3(db, sql, raw.SQLITE_PREPARE_PERSISTENT, out var stmt, out var tail);
            SqliteException.ThrowExceptionForRC(rc, db);
            if (!string.IsNullOrWhiteSpace(tail))
            {
                stmt.Dispose();
                throw new ArgumentException("One statement only: " + sql, nameof(sql));
            }
            statement = new SqliteStatement(db, stmt);
            statements[sql] = statement;
        }
        else
        {
            // As disposing it does: a use that failed before its using statement must leave no binding to the next.
            statement.Dispose();
        }
        return statement;
    }

    /// <summary>Binds text, or NULL.</summary>
    public SqliteStatement Bind(string name, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_stmt, Index(name)) : raw.sqlite3_bind_text(_stmt, Index(name), value));

    /// <summary>Binds an integer, or NULL.</summary>
    public SqliteStatement Bind(string name, long? value) =>
        Check(value is { } v ? raw.sqlite3_bind_int64(_stmt, Index(name), v) : raw.sqlite3_bind_null(_stmt, Index(name)));

    /// <summary>Binds bytes (a BLOB), or NULL.</summary>
    public SqliteStatement Bind(string name, byte[]? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_stmt, Index(name)) : raw.sqlite3_bind_blob(_stmt, Index(name), value));

    /// <summary>
    /// Binds every parameter of the statement from <paramref name="args"/>, as Dapper hands a command its parameters: a
    /// <see cref="Dapper.DynamicParameters"/> by name (without a template object), any other object by its properties named
    /// as the parameters (exact case, as SQLite matches names). Values are bound as Microsoft.Data.Sqlite binds them:
    /// text, integers (a bool as 0 or 1), times, bytes, NULL. A parameter with no value throws, as a command would.
    /// </summary>
    public SqliteStatement BindAll(object args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var lookup = args as Dapper.SqlMapper.IParameterLookup;
        foreach (var (name, index) in _parameters)
        {
            var bare = name[1..];
            object? value;
            if (lookup is not null)
            {
                value = args is Dapper.DynamicParameters dynamic && dynamic.ParameterNames.Contains(bare, StringComparer.Ordinal)
                    ? lookup[bare]
                    : throw new ArgumentException($"No value for {name}.", nameof(args));
            }
            else
            {
                value = Getter(args.GetType(), bare)(args);
            }
            Check(value switch
            {
                null or DBNull => raw.sqlite3_bind_null(_stmt, index),
                string text => raw.sqlite3_bind_text(_stmt, index, text),
                bool flag => raw.sqlite3_bind_int64(_stmt, index, flag ? 1 : 0),
                int or long or short or byte => raw.sqlite3_bind_int64(_stmt, index, Convert.ToInt64(value, CultureInfo.InvariantCulture)),
                DateTime time => raw.sqlite3_bind_text(_stmt, index, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
                byte[] bytes => raw.sqlite3_bind_blob(_stmt, index, bytes),
                _ => throw new NotSupportedException($"{name}: values of type {value.GetType().Name} are not bound here."),
            });
        }
        return this;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, string), Func<object, object?>> Getters = new();

    private static Func<object, object?> Getter(Type type, string name) => Getters.GetOrAdd((type, name), static key =>
    {
        var property = key.Item1.GetProperty(key.Item2) ?? throw new ArgumentException($"{key.Item1.Name} has no value for @{key.Item2}.");
        return property.GetValue;
    });

    /// <summary>
    /// Begins a read transaction on <paramref name="connection"/>'s native connection, so several statements read one
    /// snapshot; disposing it ends the transaction. BEGIN and COMMIT are prepared statements too. Never use it inside a
    /// transaction already open.
    /// </summary>
    public static IDisposable BeginRead(SqliteConnection connection)
    {
        using var begin = Get(connection, "BEGIN");
        begin.Execute();
        return new ReadTransaction(connection);
    }

    private sealed class ReadTransaction(SqliteConnection connection) : IDisposable
    {
        public void Dispose()
        {
            // A read transaction has nothing to keep: COMMIT ends it, whatever happened inside.
            if (connection.Handle is { } db && raw.sqlite3_get_autocommit(db) == 0)
            {
                using var commit = Get(connection, "COMMIT");
                commit.Execute();
            }
        }
    }

    /// <summary>Binds a time as Microsoft.Data.Sqlite writes it.</summary>
    public SqliteStatement Bind(string name, DateTime value) =>
        Bind(name, value.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture));

    /// <summary>Runs the statement to its next row: true with a row to read, false when it is done (and from then on until disposed).</summary>
    public bool Step()
    {
        // SQLite would run a finished statement again from the start.
        if (_done)
        {
            return false;
        }
        var rc = raw.sqlite3_step(_stmt);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }
        _done = true;
        if (rc != raw.SQLITE_DONE)
        {
            // The error is read from the statement's reset (sqlite3_step's own code is generic for some errors).
            SqliteException.ThrowExceptionForRC(raw.sqlite3_reset(_stmt), _db);
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
        return false;
    }

    /// <summary>Runs the statement to its end (the rest of it, after <see cref="Step"/>) and returns the rows it changed.</summary>
    public int Execute()
    {
        while (Step())
        {
        }
        return raw.sqlite3_changes(_db);
    }

    /// <summary>Whether a column of the current row is NULL.</summary>
    public bool IsNull(int column) => raw.sqlite3_column_type(_stmt, column) == raw.SQLITE_NULL;

    /// <summary>A text column of the current row (null for NULL).</summary>
    public string? Text(int column) => IsNull(column) ? null : raw.sqlite3_column_text(_stmt, column).utf8_to_string();

    /// <summary>Whether a column of the current row holds a BLOB.</summary>
    public bool IsBlob(int column) => raw.sqlite3_column_type(_stmt, column) == raw.SQLITE_BLOB;

    /// <summary>A BLOB column of the current row, copied (null for NULL).</summary>
    public byte[]? Blob(int column) => IsNull(column) ? null : raw.sqlite3_column_blob(_stmt, column).ToArray();

    /// <summary>An integer column of the current row.</summary>
    public long Number(int column) => raw.sqlite3_column_int64(_stmt, column);

    /// <summary>A time column of the current row, read as UTC.</summary>
    public DateTime Time(int column) => SpaDatabase.ParseStoredUtc(Text(column) ?? throw new InvalidCastException("NULL is not a time."));

    /// <summary>Resets the statement and clears its bindings for the next use; it stays prepared.</summary>
    public void Dispose()
    {
        _done = false;
        raw.sqlite3_reset(_stmt);
        raw.sqlite3_clear_bindings(_stmt);
    }

    private int Index(string name) =>
        _parameters.TryGetValue(name, out var i) ? i : throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));

    private SqliteStatement Check(int rc)
    {
        SqliteException.ThrowExceptionForRC(rc, _db);
        return this;
    }
}
