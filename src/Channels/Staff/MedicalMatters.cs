using System.Data.Common;
using Dapper;
using FrontDesk.Tools.Store;

namespace FrontDesk.Channels.Staff;

/// <summary>
/// The one medical-escalation check behind the staff API, the console and the escalation cards: a medical or
/// emergency escalation, and every conversation that raised one, is for clinical roles only.
/// </summary>
internal static class MedicalMatters
{
    /// <summary>The SQL condition on an <c>escalations</c> row's category.</summary>
    public const string CategorySql = "category IN ('medical', 'emergency')";

    /// <summary>Whether an escalation category is a medical matter.</summary>
    public static bool IsMedical(string category) => category is "medical" or "emergency";

    /// <summary>Conversations with a medical escalation; with <paramref name="andEscalations"/>, those escalations' ids too.</summary>
    public static async Task<HashSet<string>> IdsAsync(DbConnection c, bool andEscalations, CancellationToken ct)
    {
        var sql = $"SELECT conversation_id FROM escalations WHERE conversation_id IS NOT NULL AND {CategorySql}"
            + (andEscalations ? $" UNION SELECT id FROM escalations WHERE {CategorySql}" : "");
        return [.. await c.QueryAsync<string>(new CommandDefinition(sql, cancellationToken: ct))];
    }

    /// <summary>Whether the conversation raised a medical escalation.</summary>
    public static async Task<bool> InConversationAsync(SpaDatabase db, string conversationId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT COUNT(*) FROM escalations WHERE conversation_id = @conversationId AND {CategorySql}", new { conversationId }, cancellationToken: ct)) > 0;
    }
}
