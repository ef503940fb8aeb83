using System.Text.Json;
using System.Text.Json.Serialization;
using System.Collections.Concurrent;
using FrontDesk.Agent;
using FrontDesk.Channels.Hosting;
using FrontDesk.Tools.Profile;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.WebChat;

/// <summary>A web chat message.</summary>
/// <param name="SessionId">The session to continue, or null for a new one.</param>
/// <param name="Text">What the visitor typed.</param>
/// <param name="RequestId">
/// Optional: the client's id for this message (1–64 letters, digits, '-' or '_'), the same when it sends the message again
/// after a lost answer. A message whose turn committed is answered again with that turn's reply, not run twice.
/// </param>
/// <param name="Language">
/// Optional: the page's language ("es", "es-MX"), so a first message too short to tell ("ok") is answered in it. Only a
/// language the spa serves counts; anything else is ignored. A message clearly in another language still switches.
/// </param>
public sealed record ChatRequest(string? SessionId, string? Text, string? RequestId = null, string? Language = null);

/// <summary>The agent's answer.</summary>
/// <param name="SessionId">The session id to send next time.</param>
/// <param name="Reply">What the agent said.</param>
/// <param name="Escalation">Escalation raised, if any.</param>
public sealed record ChatResponseBody(string SessionId, string Reply, EscalationInfo? Escalation);

/// <summary>One visible turn of a web conversation.</summary>
/// <param name="Seq">Position in the conversation (1, 2, …).</param>
/// <param name="Role">client, agent or staff.</param>
/// <param name="Text">What was said.</param>
/// <param name="AtUtc">When.</param>
public sealed record ChatTurnBody(int Seq, string Role, string Text, DateTime AtUtc);

/// <summary>A web conversation so far.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Turns">Visible turns in order, staff replies included.</param>
public sealed record ChatHistoryBody(string SessionId, IReadOnlyList<ChatTurnBody> Turns);

/// <summary>What the widget needs to know before the first message.</summary>
/// <param name="Spa">The spa's name.</param>
/// <param name="Disclosure">The AI disclosure, shown at the top of every chat.</param>
/// <param name="PollSeconds">How often to look for staff replies while open.</param>
/// <param name="Language">The language <paramref name="Disclosure"/> is written in ("es" when the profile has one in the page's language, else "en").</param>
public sealed record ChatConfigBody(string Spa, string Disclosure, int PollSeconds, string Language);

/// <summary>A problem sent as the data of an SSE <c>error</c> event (the same fields as problem details).</summary>
/// <param name="Title">Short title.</param>
/// <param name="Status">The HTTP status the failure would have had.</param>
/// <param name="Detail">What to do about it.</param>
public sealed record StreamProblem(string Title, int Status, string Detail);

/// <summary>The web chat API: <c>/api/chat</c>, its streaming variant, history and widget settings.</summary>
public static class WebChatEndpoints
{
    /// <summary>Longest accepted message (code points, see <see cref="MessageText"/>).</summary>
    public const int MaxText = MessageText.MaxLength;

    /// <summary>Largest accepted request body in bytes, chunked or not (room for 2,000 characters escaped as JSON).</summary>
    public const int MaxBody = 32 * 1024;

    /// <summary>Rate-limiter policy for sending messages (per client address).</summary>
    public const string SendPolicy = "frontdesk-web-send";

    /// <summary>Rate-limiter policy for reading history and settings (per client address, more generous).</summary>
    public const string ReadPolicy = "frontdesk-web-read";

    /// <summary>CORS policy for the spa's own site.</summary>
    public const string CorsPolicy = "frontdesk-web";

    // SECURITY: unknown and repeated fields are refused, so {"text":"a","text":"b"} cannot mean different things to different readers.
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, AllowDuplicateProperties = false };
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web);

    /// <summary>Maps <c>POST /api/chat</c>, <c>POST /api/chat/stream</c>, <c>GET /api/chat/history</c> and <c>GET /api/chat/config</c>.</summary>
    public static void MapWebChatEndpoints(this WebApplication app)
    {
        // The size limit applies to chunked bodies too: Kestrel stops reading at MaxBody instead of buffering the lot.
        var group = app.MapGroup("/api/chat").RequireCors(CorsPolicy).DisableAntiforgery().WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBody));
        group.MapPost("", ChatAsync).RequireRateLimiting(SendPolicy);
        group.MapPost("/stream", StreamAsync).RequireRateLimiting(SendPolicy);
        group.MapGet("/history", HistoryAsync).RequireRateLimiting(ReadPolicy);
        group.MapGet("/config", (string? lang, SpaProfile profile, IOptions<WebChatOptions> options) =>
        {
            // The widget asks in the host page's language; the profile's own disclosure is the English one.
            var language = lang is not null && profile.Spa.Disclosures.ContainsKey(lang) ? lang : "en";
            return TypedResults.Ok(new ChatConfigBody(profile.Spa.Name, profile.Spa.DisclosureIn(language), options.Value.HistoryPollSeconds, language));
        }).RequireRateLimiting(ReadPolicy);
    }

    private static async Task<IResult> ChatAsync(HttpContext http, WebChatTurns turns, CancellationToken ct)
    {
        var (body, problem) = await ReadAsync(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var (session, limited) = turns.Begin(body!.SessionId, null);
        if (limited is not null)
        {
            return limited;
        }
        try
        {
            var reply = await turns.HandleAsync(session, body.Text!, body.RequestId, body.Language, null, ct);
            return TypedResults.Ok(new ChatResponseBody(reply.ConversationId, reply.Text ?? "", reply.Escalation));
        }
        catch (TimeoutException ex) when (FrontDeskTurns.IsBusy(ex))
        {
            return Busy(turns.BusyText);
        }
    }

    private static async Task<IResult> StreamAsync(HttpContext http, WebChatTurns turns, ILogger<WebChatTurns> logger, CancellationToken ct)
    {
        var (body, problem) = await ReadAsync(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var response = http.Response;
        // The session event goes first: at once for a new session, or once the turn's begin has checked a sent one (the id the
        // turn goes on under: the sent one, or a new one when it was not live).
        string? told = null;
        async ValueTask TellSessionAsync(string id, CancellationToken c)
        {
            told = id;
            await WriteEventAsync(response, "session", new { sessionId = id }, c);
        }
        var (session, limited) = turns.Begin(body!.SessionId, TellSessionAsync);
        if (limited is not null)
        {
            return limited;
        }
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.StartAsync(ct);
        if (session.Rules is null)
        {
            await TellSessionAsync(session.Id, ct);
        }
        try
        {
            var reply = await turns.HandleAsync(session, body.Text!, body.RequestId, body.Language, (sentence, c) => WriteEventAsync(response, "sentence", new { text = sentence }, c), ct);
            await WriteEventAsync(response, "done", new ChatResponseBody(reply.ConversationId, reply.Text ?? "", reply.Escalation), ct);
        }
        catch (TimeoutException ex) when (FrontDeskTurns.IsBusy(ex))
        {
            if (told is null)
            {
                // Busy before the begin could check it: the sent session is held by its previous turn, so it is live.
                await TellSessionAsync(session.Id, ct);
            }
            await WriteEventAsync(response, "error", new StreamProblem("Busy", StatusCodes.Status409Conflict, turns.BusyText), ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The 200 and some sentences are already on the wire, so the failure can only be told as an event.
            logger.LogError(ex, "Web chat stream in {ConversationId} failed after it started", told ?? session.Id);
            if (told is null)
            {
                await TellSessionAsync(session.Id, ct);
            }
            await WriteEventAsync(response, "error", new StreamProblem("Something went wrong", StatusCodes.Status500InternalServerError,
                "The answer could not be finished. Please send your message again; if it keeps failing, call the spa."), ct);
        }
        return TypedResults.Empty;
    }

    private static async Task<IResult> HistoryAsync(string? sessionId, WebSessions sessions, CancellationToken ct)
    {
        if (await sessions.FindLiveAsync(sessionId, ct) is not { } conversation)
        {
            return TypedResults.Problem("This chat session is unknown or has expired; start a new conversation.", statusCode: StatusCodes.Status404NotFound, title: "No such session");
        }
        var turns = await sessions.VisibleTurnsAsync(conversation.Id, ct);
        return TypedResults.Ok(new ChatHistoryBody(conversation.Id, [.. turns.Select(t => new ChatTurnBody(t.Seq, t.Role, t.Text, DateTime.SpecifyKind(t.AtUtc, DateTimeKind.Utc)))]));
    }

    private static async Task<(ChatRequest? Body, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBody)
        {
            return (null, TooLarge());
        }
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem("Send the message as JSON with 'Content-Type: application/json'.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type"));
        }
        ChatRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<ChatRequest>(request.Body, Strict, ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
        catch (JsonException ex)
        {
            // The serializer's own message names .NET types; say what the API expects instead.
            var detail = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "Unknown field in the body: only 'sessionId', 'text', 'requestId' and 'language' are allowed."
                : ex.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase)
                ? "A field appears twice in the body: send 'sessionId', 'text', 'requestId' and 'language' at most once each."
                : "The body must be a JSON object such as {\"sessionId\": \"…\", \"text\": \"…\"}" + (ex.LineNumber is { } line ? $" (error at line {line + 1}, position {ex.BytePositionInLine + 1})." : ".");
            return (null, TypedResults.Problem(detail, statusCode: 400, title: "Bad JSON"));
        }
        if (body?.Text is null || string.IsNullOrWhiteSpace(body.Text))
        {
            return (null, TypedResults.Problem("'text' is required.", statusCode: 400, title: "Empty message"));
        }
        if (MessageText.IsTooLong(body.Text))
        {
            return (null, TypedResults.Problem($"'text' is longer than {MaxText} characters.", statusCode: 400, title: "Message too long"));
        }
        if (body.RequestId is { } requestId && (requestId.Length is 0 or > 64 || !requestId.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_')))
        {
            return (null, TypedResults.Problem("'requestId' must be 1 to 64 letters, digits, '-' or '_'.", statusCode: 400, title: "Bad request id"));
        }
        return (body, null);
    }

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem($"The request body is larger than {MaxBody / 1024} KB; 'text' may hold at most {MaxText} characters.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Message too long");

    private static ProblemHttpResult Busy(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Busy");

    private static async ValueTask WriteEventAsync<T>(HttpResponse response, string name, T data, CancellationToken ct)
    {
        await response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, Wire)}\n\n", ct);
        await response.Body.FlushAsync(ct);
    }
}

/// <summary>One web chat turn: session resolution, the per-session limit, the agent, and the demo code log.</summary>
public sealed class WebChatTurns(WebSessions sessions, FrontDeskTurns turns, VerificationCodeLog codes, WebSessionRateLimiter limiter, ReplyTemplates replies, ILogger<WebChatTurns> logger)
{
    /// <summary>What the widget shows when the previous message is still being answered (<c>busy</c> in prompts/replies.yaml).</summary>
    public string BusyText => MessageText.BusyReply(replies);

    /// <summary>
    /// Resolves the session (<see cref="WebSessions.Resolve"/>: a sent id is checked by the turn itself) and takes a permit from
    /// the rate limit of the id the message came under; returns a 429 problem when none is left. A sent id that turns out not
    /// to be live spent a permit of its own window, not of the new session's, which starts full either way.
    /// </summary>
    public (WebTurnSession Session, IResult? Problem) Begin(string? requested, Func<string, CancellationToken, ValueTask>? onResolved)
    {
        var session = sessions.Resolve(requested, onResolved);
        return limiter.TryAcquire(session.Id, out var retry)
            ? (session, null)
            : (session, new TooManyRequests(retry, "This chat session is sending messages too quickly."));
    }

    /// <summary>Hands the message to the agent on the web channel; the reply's conversation id is the session it went on under.</summary>
    public async Task<AgentReply> HandleAsync(WebTurnSession session, string text, string? requestId, string? pageLanguage, Func<string, CancellationToken, ValueTask>? onSentence, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        AgentReply reply;
        try
        {
            reply = await turns.HandleAsync(new TurnRequest(session.Id, WebSessions.Channel, text, RequestId: requestId, Language: PageLanguage(pageLanguage), Session: session.Rules),
                onSentence, ct);
        }
        catch (TimeoutException ex) when (FrontDeskTurns.IsBusy(ex))
        {
            logger.LogWarning("Web chat turn in {ConversationId} not taken: {Reason}", session.Id, ex.Message);
            throw;
        }
        if (reply.ToolCalls.Any(c => c.Name == "send_verification_code" && c.Outcome == "ok"))
        {
            await codes.LogLatestAsync(reply.ConversationId, ct);
        }
        return reply;
    }

    /// <summary>
    /// The language code of a page language ("es-MX" → "es"), or null for anything that is not one; the agent then uses
    /// it only if the spa serves it.
    /// </summary>
    public static string? PageLanguage(string? language)
    {
        var primary = language?.Split('-', '_')[0].Trim();
        return primary is { Length: 2 or 3 } && primary.All(char.IsAsciiLetter) ? primary.ToLowerInvariant() : null;
    }
}

/// <summary>
/// The per-session message limit: <see cref="WebChatOptions.PerSessionPerMinute"/> messages in a window of a minute that
/// starts at the session's first message after its previous window ended.
/// </summary>
/// <remarks>
/// It replaced a <c>PartitionedRateLimiter</c> of one fixed-window limiter per session (issue 16, eighteenth round): that
/// limiter's timer visited every session of the last ~70 seconds ten times a second (a window lives a minute, and an idle
/// one ten seconds more), about 2 % of a loaded host's CPU with thousands of sessions. Here a window is looked at only when
/// its session sends a message, and ended windows are swept once a minute. Windows run on real elapsed time
/// (<see cref="TimeProvider.GetTimestamp"/> of <see cref="TimeProvider.System"/>), not the spa's clock, which a
/// deployment or a test may pin.
/// </remarks>
public sealed class WebSessionRateLimiter
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly int _limit;
    private readonly TimeProvider _time;
    private readonly long _windowTicks;
    private long _nextSweep;

    /// <summary>The limit of the host's settings, on real time.</summary>
    public WebSessionRateLimiter(IOptions<WebChatOptions> options)
        : this(options.Value.PerSessionPerMinute, TimeProvider.System)
    {
    }

    /// <summary>A limit of <paramref name="perMinute"/> messages a minute, timed by <paramref name="time"/>'s timestamps.</summary>
    public WebSessionRateLimiter(int perMinute, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perMinute, 1);
        _limit = perMinute;
        _time = time;
        _windowTicks = time.TimestampFrequency * 60;
        _nextSweep = time.GetTimestamp() + _windowTicks;
    }

    /// <summary>Sessions with a window not yet swept away (for tests).</summary>
    public int Tracked => _windows.Count;

    /// <summary>
    /// Takes one of the session's messages for this window; false when none is left, with the time until the window
    /// ends in <paramref name="retryAfter"/>.
    /// </summary>
    public bool TryAcquire(string session, out TimeSpan retryAfter)
    {
        var now = _time.GetTimestamp();
        SweepIfDue(now);
        while (true)
        {
            var window = _windows.GetOrAdd(session, static (_, start) => new Window(start), now);
            lock (window)
            {
                if (window.Swept)
                {
                    // Swept away between the look-up and the lock: take the session's new window.
                    continue;
                }
                if (now - window.Start >= _windowTicks)
                {
                    window.Start = now;
                    window.Count = 0;
                }
                if (window.Count < _limit)
                {
                    window.Count++;
                    retryAfter = TimeSpan.Zero;
                    return true;
                }
                retryAfter = TimeSpan.FromSeconds(Math.Max(1.0, (double)(window.Start + _windowTicks - now) / _time.TimestampFrequency));
                return false;
            }
        }
    }

    // Once a minute, by whichever message comes first: the windows that have ended are forgotten.
    private void SweepIfDue(long now)
    {
        var due = Volatile.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + _windowTicks, due) != due)
        {
            return;
        }
        foreach (var (session, window) in _windows)
        {
            lock (window)
            {
                if (now - window.Start >= _windowTicks)
                {
                    window.Swept = true;
                    _windows.TryRemove(new KeyValuePair<string, Window>(session, window));
                }
            }
        }
    }

    private sealed class Window(long start)
    {
        public long Start = start;
        public int Count;
        public bool Swept;
    }
}

/// <summary>A 429 answer with problem details and a Retry-After header.</summary>
internal sealed class TooManyRequests(TimeSpan retryAfter, string detail) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await TypedResults.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many messages").ExecuteAsync(httpContext);
    }
}
