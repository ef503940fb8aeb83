using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace FrontDesk.Tools.Audit;

/// <summary>Who or what made a change: the AI, a staff member, the system, or the client themself.</summary>
/// <param name="Kind"><c>ai</c>, <c>staff</c>, <c>system</c> or <c>client</c>.</param>
/// <param name="Name">The brain and model, the staff login, or the job name.</param>
public sealed record Actor(string Kind, string Name)
{
    /// <summary>A background job of the product itself.</summary>
    public static Actor System(string job) => new("system", job);
}

/// <summary>One audited change.</summary>
public sealed class AuditEntry
{
    /// <summary>Sequence number.</summary>
    public long Id { get; init; }
    /// <summary>When.</summary>
    public DateTime AtUtc { get; init; }
    /// <summary>ai, staff, system or client.</summary>
    public string ActorKind { get; init; } = "";
    /// <summary>Who exactly.</summary>
    public string Actor { get; init; } = "";
    /// <summary>What was done, e.g. <c>appointment.book</c>.</summary>
    public string Action { get; init; } = "";
    /// <summary>Kind of record changed.</summary>
    public string Entity { get; init; } = "";
    /// <summary>Id of the record changed.</summary>
    public string EntityId { get; init; } = "";
    /// <summary>The record before, as JSON (null when created).</summary>
    public string? BeforeJson { get; init; }
    /// <summary>The record after, as JSON (null when deleted).</summary>
    public string? AfterJson { get; init; }
    /// <summary>The conversation that caused it, if any.</summary>
    public string? ConversationId { get; init; }
}

/// <summary>Append-only record of every change: who or what, when, before and after.</summary>
public static class AuditLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string InsertSql = """
        INSERT INTO audit_log (at_utc, actor_kind, actor, action, entity, entity_id, before_json, after_json, conversation_id)
        VALUES (@AtUtc, @ActorKind, @Actor, @Action, @Entity, @EntityId, @BeforeJson, @AfterJson, @ConversationId)
        """;

    /// <summary>Writes an entry inside the caller's transaction, so the change and its record commit together.</summary>
    public static Task WriteAsync(
        DbConnection connection, DbTransaction? tx, DateTime atUtc, Actor actor, string action, string entity, string entityId,
        object? before, object? after, string? conversationId, CancellationToken ct) =>
        Store.PreparedSql.ExecuteAsync(connection, tx, InsertSql, new
        {
            AtUtc = atUtc,
            ActorKind = actor.Kind,
            Actor = actor.Name,
            Action = action,
            Entity = entity,
            EntityId = entityId,
            BeforeJson = before is null ? null : JsonSerializer.Serialize(before, Json),
            AfterJson = after is null ? null : JsonSerializer.Serialize(after, Json),
            ConversationId = conversationId,
        }, ct);

    /// <summary>
    /// <see cref="WriteAsync"/> as a statement added to <paramref name="batch"/>, its parameters named with
    /// <paramref name="prefix"/>: the change and its record go to the database in one round trip.
    /// </summary>
    internal static void Append(
        Store.WriteBatch batch, string prefix, DateTime atUtc, Actor actor, string action, string entity, string entityId,
        object? before, object? after, string? conversationId)
    {
        var args = new DynamicParameters();
        args.Add(prefix + "AtUtc", atUtc);
        args.Add(prefix + "ActorKind", actor.Kind);
        args.Add(prefix + "Actor", actor.Name);
        args.Add(prefix + "Action", action);
        args.Add(prefix + "Entity", entity);
        args.Add(prefix + "EntityId", entityId);
        args.Add(prefix + "BeforeJson", before is null ? null : JsonSerializer.Serialize(before, Json));
        args.Add(prefix + "AfterJson", after is null ? null : JsonSerializer.Serialize(after, Json));
        args.Add(prefix + "ConversationId", conversationId);
        batch.Add(InsertSql.Replace("@", "@" + prefix, StringComparison.Ordinal), args);
    }

    private const string QuerySql = """
        SELECT id, at_utc AS AtUtc, actor_kind AS ActorKind, actor, action, entity, entity_id AS EntityId,
               before_json AS BeforeJson, after_json AS AfterJson, conversation_id AS ConversationId
        FROM audit_log
        WHERE (@Entity IS NULL OR entity = @Entity) AND (@EntityId IS NULL OR entity_id = @EntityId)
          AND at_utc >= @FromUtc AND at_utc < @ToUtc
        ORDER BY id DESC
        LIMIT @Limit
        """;

    /// <summary>Reads entries, newest first.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> QueryAsync(
        DbConnection connection, string? entity, string? entityId, DateTime fromUtc, DateTime toUtc, int limit, CancellationToken ct) =>
        [.. await connection.QueryAsync<AuditEntry>(new CommandDefinition(QuerySql,
            new { Entity = entity, EntityId = entityId, FromUtc = fromUtc, ToUtc = toUtc, Limit = Math.Clamp(limit, 1, 1000) }, cancellationToken: ct))];
}
