using System.Data.Common;
using System.Text;
using Dapper;

namespace FrontDesk.Tools.Store;

/// <summary>
/// Statements of one transaction sent as one command, one round trip (a booking's client row, appointment and their audit
/// entries). Each statement's parameters must have names of their own in the batch.
/// </summary>
internal sealed class WriteBatch
{
    private readonly StringBuilder _sql = new();

    /// <summary>The batch's parameters.</summary>
    public DynamicParameters Args { get; } = new();

    /// <summary>Adds a statement (without its closing semicolon).</summary>
    public WriteBatch Add(string sql)
    {
        _sql.Append(sql).Append(";\n");
        return this;
    }

    /// <summary>Runs the statements in order in <paramref name="tx"/>; nothing when empty.</summary>
    public async Task ExecuteAsync(DbConnection c, DbTransaction tx, CancellationToken ct)
    {
        if (_sql.Length > 0)
        {
            await c.ExecuteAsync(new CommandDefinition(_sql.ToString(), Args, tx, cancellationToken: ct));
        }
    }
}
