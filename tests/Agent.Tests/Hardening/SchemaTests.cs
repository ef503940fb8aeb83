using Dapper;
using FrontDesk.Agent.Tests.Conversations;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Store;

namespace FrontDesk.Agent.Tests.Hardening;

/// <summary>Issue 15, item 13: the outbox is searched by kind, recipient and time (rate limits, duplicate checks) through an index.</summary>
public abstract class SchemaTests
{
    protected abstract TestStore Store { get; }

    [StoreFact]
    public async Task The_outbox_has_an_index_on_kind_recipient_and_time()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        var db = h.Book.Get<SpaDatabase>();
        await using var c = await db.OpenAsync(CancellationToken.None);
        var columns = db.IsPostgres
            ? await c.QuerySingleOrDefaultAsync<string>("SELECT indexdef FROM pg_indexes WHERE tablename = 'outbox' AND indexname = 'outbox_kind_to_time'")
            : await c.QuerySingleOrDefaultAsync<string>("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'outbox_kind_to_time'");
        Assert.NotNull(columns);
        Assert.Matches(@"\(kind, to_address, created_at_utc\)", columns);
    }
}

public sealed class SqliteSchemaTests : SchemaTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class PostgresSchemaTests : SchemaTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;
}
