using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace FrontDesk.Tools.Store;

/// <summary>
/// One statement with Dapper's arguments, run on SQLite as a <see cref="SqliteStatement"/> (prepared once per pooled
/// connection, its rows read by the caller's <c>read</c>) and on PostgreSQL through Dapper (which Npgsql prepares by
/// itself after the second use). For the booking's statements: through Dapper on SQLite each was parsed at every execution
/// (docs/performance.md, round twenty-two). Arguments are as <see cref="SqliteStatement.BindAll"/> takes them.
/// </summary>
internal static class PreparedSql
{
    /// <summary>Runs a write in <paramref name="tx"/> (or on its own); the rows changed.</summary>
    public static Task<int> ExecuteAsync(DbConnection c, DbTransaction? tx, string sql, object args, CancellationToken ct)
    {
        if (c is SqliteConnection sqlite)
        {
            using var statement = SqliteStatement.Get(sqlite, sql).BindAll(args);
            return Task.FromResult(statement.Execute());
        }
        return c.ExecuteAsync(new CommandDefinition(sql, args, tx, cancellationToken: ct));
    }

    /// <summary>A <c>SELECT COUNT(*)</c>.</summary>
    public static async Task<long> CountAsync(DbConnection c, DbTransaction? tx, string sql, object args, CancellationToken ct)
    {
        if (c is SqliteConnection sqlite)
        {
            using var statement = SqliteStatement.Get(sqlite, sql).BindAll(args);
            return statement.Step() ? statement.Number(0) : 0;
        }
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(sql, args, tx, cancellationToken: ct));
    }

    /// <summary>The one row of a query, or null; more than one throws, as Dapper's <c>QuerySingleOrDefault</c>.</summary>
    public static async Task<T?> SingleOrDefaultAsync<T>(DbConnection c, DbTransaction? tx, string sql, object args, Func<SqliteStatement, T> read, CancellationToken ct)
        where T : class
    {
        if (c is SqliteConnection sqlite)
        {
            using var statement = SqliteStatement.Get(sqlite, sql).BindAll(args);
            if (!statement.Step())
            {
                return null;
            }
            var row = read(statement);
            return statement.Step() ? throw new InvalidOperationException("Sequence contains more than one element") : row;
        }
        return await c.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, args, tx, cancellationToken: ct));
    }

    /// <summary>Every row of a query.</summary>
    public static async Task<List<T>> ListAsync<T>(DbConnection c, DbTransaction? tx, string sql, object args, Func<SqliteStatement, T> read, CancellationToken ct)
    {
        if (c is SqliteConnection sqlite)
        {
            var rows = new List<T>();
            using var statement = SqliteStatement.Get(sqlite, sql).BindAll(args);
            while (statement.Step())
            {
                rows.Add(read(statement));
            }
            return rows;
        }
        return [.. await c.QueryAsync<T>(new CommandDefinition(sql, args, tx, cancellationToken: ct))];
    }
}
