using System.Data.Common;
using Dapper;
using Npgsql;

namespace FrontDesk.Tools.Store;

/// <summary>
/// Statements of one transaction that go to PostgreSQL as one command, one round trip (a booking's client row, appointment
/// and their audit entries). Their parameters must have names of their own in the batch. On SQLite, in process, a round
/// trip costs nothing and each statement runs as its own command: one command binds every parameter of the batch to each
/// of its statements, and the names that miss allocated more than the round trips saved.
/// </summary>
internal sealed class WriteBatch
{
    private readonly List<(string Sql, object Args)> _statements = [];

    /// <summary>Adds a statement (without its closing semicolon) and its parameters.</summary>
    public void Add(string sql, object args) => _statements.Add((sql, args));

    /// <summary>
    /// Runs the statements in order in <paramref name="tx"/>. Without one, on PostgreSQL, the batch is its own implicit
    /// transaction (one Sync for all its statements): all or nothing, committed in the same round trip.
    /// </summary>
    public async Task ExecuteAsync(DbConnection c, DbTransaction? tx, CancellationToken ct)
    {
        if (c is NpgsqlConnection && _statements.Count > 1)
        {
            var args = new DynamicParameters();
            foreach (var (_, a) in _statements)
            {
                args.AddDynamicParams(a);
            }
            await c.ExecuteAsync(new CommandDefinition(string.Join(";\n", _statements.Select(s => s.Sql)), args, tx, cancellationToken: ct));
            return;
        }
        foreach (var (sql, a) in _statements)
        {
            // On SQLite each statement is prepared once per pooled connection (PreparedSql).
            await PreparedSql.ExecuteAsync(c, tx, sql, a, ct);
        }
    }
}
