using System.Data.Common;
using Dapper;

namespace FrontDesk.TestSupport;

/// <summary>A conversation's turn lease (table conversation_leases) read and put back as an instance leaves it: tests of dead and live instances.</summary>
public static class TestLeases
{
    /// <summary>The lease's holder and end, or null when nobody holds it.</summary>
    public static Task<(string Owner, DateTime UntilUtc)?> GetAsync(DbConnection c, string conversationId) =>
        c.QuerySingleOrDefaultAsync<(string, DateTime)?>("SELECT owner, until_utc FROM conversation_leases WHERE conversation_id = @conversationId", new { conversationId });

    /// <summary>Makes <paramref name="owner"/> hold the lease until <paramref name="untilUtc"/> (in the past: as a killed instance leaves it).</summary>
    public static Task SetAsync(DbConnection c, string conversationId, string owner, DateTime untilUtc) =>
        c.ExecuteAsync("""
            INSERT INTO conversation_leases (conversation_id, owner, until_utc) VALUES (@conversationId, @owner, @untilUtc)
            ON CONFLICT (conversation_id) DO UPDATE SET owner = excluded.owner, until_utc = excluded.until_utc
            """, new { conversationId, owner, untilUtc });
}
