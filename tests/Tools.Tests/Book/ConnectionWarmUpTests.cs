using Dapper;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Store;
using Npgsql;

namespace FrontDesk.Tools.Tests.Book;

/// <summary>
/// Perf round 22: the start-up warm-up opens the PostgreSQL pool's minimum of connections at once (32 unless the connection
/// string names a Minimum Pool Size), and the pool keeps them, so a burst of first turns does not start a backend per request.
/// </summary>
public sealed class PostgresConnectionWarmUpTests : IPostgresTests
{
    [StoreFact]
    public async Task The_warm_up_opens_32_connections_by_default_and_they_stay_open_for_the_first_turns()
    {
        var cs = TestPostgres.CreateDatabase();
        try
        {
            using var db = new SpaDatabase(DatabaseProvider.Postgres, cs);
            Assert.Equal(0, await BackendsAsync(cs));
            await db.WarmConnectionsAsync(CancellationToken.None);
            Assert.Equal(32, await BackendsAsync(cs));
            // A turn's connection comes from those: no backend is started for it.
            await using (var c = await db.OpenAsync(CancellationToken.None))
            {
                Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT 1"));
            }
            Assert.Equal(32, await BackendsAsync(cs));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            TestPostgres.DropDatabase(cs);
        }
    }

    [StoreFact]
    public async Task A_connection_string_naming_a_minimum_pool_size_keeps_its_own()
    {
        var cs = TestPostgres.CreateDatabase();
        try
        {
            using var db = new SpaDatabase(DatabaseProvider.Postgres, cs + ";Minimum Pool Size=3");
            await db.WarmConnectionsAsync(CancellationToken.None);
            Assert.Equal(3, await BackendsAsync(cs));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            TestPostgres.DropDatabase(cs);
        }
    }

    // The database's backends, counted from a connection of its own outside any pool.
    private static async Task<long> BackendsAsync(string cs)
    {
        var builder = new NpgsqlConnectionStringBuilder(cs) { Pooling = false };
        await using var admin = new NpgsqlConnection(builder.ConnectionString);
        await admin.OpenAsync();
        return await admin.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    }
}
