using System.Text.Json;
using Dapper;
using FrontDesk.Tools.Store;

namespace FrontDesk.Channels.BotFramework;

/// <summary>The Bot Framework channel's table (Channels versions 280–299).</summary>
public static class BotFrameworkSchema
{
    /// <summary>Bot Framework channel migrations.</summary>
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new(280, "bot framework conversation references", Sql(postgres: false), Sql(postgres: true)),
    ];

    private static string Sql(bool postgres) => $"""
        CREATE TABLE bot_conversation_references (
            conversation_id TEXT PRIMARY KEY,
            reference_json TEXT NOT NULL,
            updated_at_utc {(postgres ? "TIMESTAMPTZ" : "TEXT")} NOT NULL);
        """;
}

/// <summary>
/// What it takes to write into a Bot Framework conversation later (a staff reply, a "a person joined" notice): the last
/// validated incoming activity of each conversation, without its text, is kept as the conversation reference and the
/// message goes out on the usual reply path, as a reply to that activity.
/// </summary>
public sealed class BotConversations(SpaDatabase db, BotConnectorClient connector, TimeProvider clock)
{
    /// <summary>
    /// Keeps <paramref name="incoming"/> as the reference of <paramref name="conversationId"/>. Only call with an
    /// activity whose token has been validated: its serviceUrl is where the app token will be sent.
    /// </summary>
    public async Task RememberAsync(string conversationId, Activity incoming, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var reference = JsonSerializer.Serialize(incoming with { Text = null }, BotFrameworkJson.Options);
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO bot_conversation_references (conversation_id, reference_json, updated_at_utc) VALUES (@conversationId, @reference, @now)
            ON CONFLICT (conversation_id) DO UPDATE SET reference_json = excluded.reference_json, updated_at_utc = excluded.updated_at_utc
            """, new { conversationId, reference, now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct));
    }

    /// <summary>Sends <paramref name="text"/> into the conversation; a failure (no reference, connector refused) is returned, not thrown.</summary>
    public async Task<BotReplyResult> SendAsync(string conversationId, string text, CancellationToken ct)
    {
        string? json;
        await using (var c = await db.OpenAsync(ct))
        {
            json = await c.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
                "SELECT reference_json FROM bot_conversation_references WHERE conversation_id = @conversationId", new { conversationId }, cancellationToken: ct));
        }
        if (json is null || JsonSerializer.Deserialize<Activity>(json, BotFrameworkJson.Options) is not { } reference)
        {
            return BotReplyResult.Failure("no conversation reference stored");
        }
        return await connector.ReplyAsync(reference, text, ct);
    }
}
