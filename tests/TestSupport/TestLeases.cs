using System.Data.Common;
using Dapper;

namespace FrontDesk.TestSupport;

/// <summary>A conversation's turn lease (table conversation_leases) read and put back as an instance leaves it: tests of dead and live instances.</summary>
public static class TestLeases
{
    /// <summary>The lease's holder and end, or null when nobody holds it (no lease, or the lease of a turn that was stored).</summary>
    public static Task<(string Owner, DateTime UntilUtc)?> GetAsync(DbConnection c, string conversationId) =>
        c.QuerySingleOrDefaultAsync<(string, DateTime)?>(
            """
            SELECT owner, until_utc FROM conversation_leases k WHERE k.conversation_id = @conversationId
              AND k.turns_before >= COALESCE((SELECT v.leased_turns FROM conversations v WHERE v.id = k.conversation_id), 0)
            """, new { conversationId }); // ConversationStore.LeaseHeldSql (this project does not reference the agent)

    /// <summary>
    /// Makes <paramref name="owner"/> hold the lease until <paramref name="untilUtc"/> (in the past: as a killed instance leaves it)
    /// for a turn not stored yet.
    /// </summary>
    public static Task SetAsync(DbConnection c, string conversationId, string owner, DateTime untilUtc) =>
        c.ExecuteAsync("""
            INSERT INTO conversation_leases (conversation_id, owner, until_utc, turns_before)
            VALUES (@conversationId, @owner, @untilUtc, COALESCE((SELECT leased_turns FROM conversations WHERE id = @conversationId), 0))
            ON CONFLICT (conversation_id) DO UPDATE SET owner = excluded.owner, until_utc = excluded.until_utc, turns_before = excluded.turns_before
            """, new { conversationId, owner, untilUtc });
}
