using System.Text.Json;
using System.Text.Json.Serialization;
using FrontDesk.Agent;

namespace FrontDesk.Channels.WebChat;

/// <summary>A web chat message.</summary>
/// <param name="SessionId">The session to continue, or null for a new one.</param>
/// <param name="Text">What the visitor typed.</param>
public sealed record ChatRequest(string? SessionId, string? Text);

/// <summary>The agent's answer.</summary>
/// <param name="SessionId">The session id to send next time.</param>
/// <param name="Reply">What the agent said.</param>
/// <param name="Escalation">Escalation raised, if any.</param>
public sealed record ChatResponseBody(string SessionId, string Reply, EscalationInfo? Escalation);

/// <summary>The web chat API.</summary>
public static class WebChatEndpoints
{
    private const int MaxText = 2000;
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>Maps <c>POST /api/chat</c>.</summary>
    public static void MapWebChatEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api");
        group.MapPost("/chat", async Task<IResult> (HttpRequest http, FrontDeskAgent agent, CancellationToken ct) =>
        {
            ChatRequest? body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<ChatRequest>(http.Body, Strict, ct);
            }
            catch (JsonException ex)
            {
                return TypedResults.Problem(ex.Message.Split(" Path:")[0], statusCode: 400, title: "Bad JSON");
            }
            if (body?.Text is null || string.IsNullOrWhiteSpace(body.Text))
            {
                return TypedResults.Problem("'text' is required.", statusCode: 400, title: "Empty message");
            }
            if (body.Text.Length > MaxText)
            {
                return TypedResults.Problem($"'text' is longer than {MaxText} characters.", statusCode: 400, title: "Message too long");
            }
            // A session id is only ever a handle to this visitor's own conversation: unknown ids start afresh
            // under a new server-made id, so nobody can continue another visitor's chat by guessing.
            var session = IsOwnSession(body.SessionId) ? body.SessionId! : "web_" + Guid.NewGuid().ToString("N");
            var reply = await agent.HandleAsync(new TurnRequest(session, "web", body.Text), ct);
            return TypedResults.Ok(new ChatResponseBody(session, reply.Text ?? "", reply.Escalation));
        }).DisableAntiforgery();
    }

    private static bool IsOwnSession(string? id) =>
        id is { Length: 36 } && id.StartsWith("web_", StringComparison.Ordinal) && id[4..].All(char.IsAsciiHexDigitLower);
}
