using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FrontDesk.Agent;
using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Transcripts;
using FrontDesk.Tools;
using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.Twilio;

/// <summary>The ConversationRelay WebSocket at <c>/twilio/relay</c>.</summary>
public static class ConversationRelayEndpoints
{
    /// <summary>Maps the relay WebSocket; the handshake must carry a valid Twilio signature (403 otherwise).</summary>
    /// <param name="app">The app (WebSockets enabled).</param>
    public static void MapConversationRelay(this WebApplication app)
    {
        app.Map("/twilio/relay", async Task<IResult> (HttpContext http, ConversationRelaySessions sessions, IOptionsMonitor<TwilioOptions> twilio, IConfiguration configuration) =>
        {
            if (!IsSigned(http.Request, twilio.CurrentValue, configuration[TwilioOptions.PublicBaseUrlKey]))
            {
                return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
            }
            if (!http.WebSockets.IsWebSocketRequest)
            {
                return TypedResults.Problem("This endpoint takes a ConversationRelay WebSocket.", statusCode: 400, title: "WebSocket required");
            }
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            await sessions.RunAsync(socket, http.RequestAborted);
            return TypedResults.Empty;
        });
    }

    /// <summary>
    /// The handshake is a GET, so only the URL is signed. Which form Twilio signs is not documented with
    /// certainty (protocols.md): accept the wss:// URL it dialled or its https:// twin (each with the port quirk).
    /// </summary>
    internal static bool IsSigned(HttpRequest request, TwilioOptions twilio, string? publicBaseUrl)
    {
        if (string.IsNullOrEmpty(twilio.AuthToken))
        {
            return false;
        }
        var signature = request.Headers[TwilioSignature.HeaderName].ToString();
        var url = TwilioSignature.ResolveSignedUrl(request, publicBaseUrl, twilio.TrustForwardedHeaders);
        var socketUrl = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + url[8..]
            : url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "ws://" + url[7..] : url;
        var none = Array.Empty<KeyValuePair<string, string>>();
        var valid = false;
        foreach (var candidate in new[] { socketUrl, url })
        {
            valid |= TwilioSignature.IsValid(candidate, none, signature, twilio.AuthToken);
        }
        return valid;
    }
}

/// <summary>
/// One ConversationRelay session per call: prompts go to the agent, the reply streams back sentence by sentence
/// as <c>text</c> tokens (the last one marked <c>last: true</c>); an interrupt stops the rest of the answer and the
/// transcript records what the caller actually heard, and when that answer's turn had booked, cancelled or moved an
/// appointment, the next answer starts by saying what they missed of it; escalations and "0" end the session with <c>handoffData</c>
/// so the <c>&lt;Connect action&gt;</c> handler can transfer the live call.
/// </summary>
public sealed class ConversationRelaySessions(
    FrontDeskAgent agent,
    TwilioChannel channel,
    CallLog calls,
    ConversationStore conversations,
    ILogger<ConversationRelaySessions> logger)
{
    private const int MaxMessageBytes = 64 * 1024;

    // Tool outcomes that changed the book: the caller must hear about them even if they cut the answer short.
    private static readonly HashSet<string> CommittingOutcomes = new(StringComparer.Ordinal) { "booked", "cancelled", "rescheduled" };

    /// <summary>Runs a session until Twilio closes the socket.</summary>
    /// <param name="socket">The accepted WebSocket.</param>
    /// <param name="ct">Request aborted.</param>
    /// <returns>A task.</returns>
    public async Task RunAsync(WebSocket socket, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(socket);
        using var session = new Session(socket);
        Task turns = Task.CompletedTask;
        try
        {
            while (socket.State == WebSocketState.Open && await ReceiveAsync(socket, ct) is { } json)
            {
                JsonObject? message;
                try
                {
                    message = JsonNode.Parse(json) as JsonObject;
                }
                catch (JsonException)
                {
                    logger.LogWarning("ConversationRelay sent a frame that is not JSON");
                    continue;
                }
                switch ((string?)message?["type"])
                {
                    case "setup":
                        session.CallSid = (string?)message!["callSid"];
                        session.From = (string?)message["from"];
                        var locationId = (string?)message["customParameters"]?["locationId"];
                        session.Location = channel.Profile.FindLocation(locationId) ?? channel.LocationFor((string?)message["to"]);
                        // The language the TwiML greeted and listens in (the caller's known language, else the default).
                        session.Language = channel.Served((string?)message["customParameters"]?["language"]) ?? channel.DefaultLanguage;
                        session.InitialLocale = channel.Voice.For(session.Language).Language;
                        if (session.CallSid is not null)
                        {
                            await calls.StartAsync(session.CallSid, session.Location.Id, PhoneNumbers.ToE164(session.From), (string?)message["to"], "relay", ct);
                        }
                        // The TwiML offered another language: say the offer after the welcome greeting, in that language's voice.
                        if (channel.Served((string?)message["customParameters"]?["languageOffer"]) is { } offer && offer != session.Language
                            && channel.LanguageOfferLine(offer) is { Length: > 0 } line)
                        {
                            session.Offer = offer;
                            await session.SayInAsync(line, channel.Voice.For(offer).Language, ct);
                        }
                        break;
                    case "prompt":
                        var prompt = (string?)message!["voicePrompt"];
                        if (message["last"] is JsonValue last && last.TryGetValue<bool>(out var isLast) && !isLast)
                        {
                            break; // a partial transcript; the final one follows
                        }
                        if (!string.IsNullOrWhiteSpace(prompt))
                        {
                            turns = channel.LanguageAsked(null, "", prompt, session.Language) is { } asked
                                ? SwitchLanguageAsync(turns, session, asked, prompt, ct)
                                : ChainAsync(turns, session, prompt, ct);
                        }
                        break;
                    case "dtmf":
                        var digit = (string?)message!["digit"];
                        if (digit == "0")
                        {
                            session.Interrupt(null);
                            await turns;
                            await session.EndAsync(new RelayHandoff(RelayHandoff.TransferReason, null, "keypad"), ct);
                        }
                        else if (!string.IsNullOrEmpty(digit) && channel.LanguageAsked(session.Offer, digit, "", session.Language) is { } chosen)
                        {
                            turns = SwitchLanguageAsync(turns, session, chosen, digit, ct);
                        }
                        else if (!string.IsNullOrEmpty(digit))
                        {
                            turns = ChainAsync(turns, session, digit, ct);
                        }
                        break;
                    case "interrupt":
                        // Stops the answer at once if it is still being produced; the note follows the turn in the transcript.
                        var heard = session.Interrupt((string?)message!["utteranceUntilInterrupt"]);
                        logger.LogInformation("The caller interrupted the answer on call {CallSid}", session.CallSid);
                        turns = RecordInterruptAsync(turns, session, heard);
                        break;
                    case "error":
                        logger.LogWarning("ConversationRelay reported an error on call {CallSid}: {Description}", session.CallSid, (string?)message!["description"]);
                        break;
                }
            }
            await turns;
        }
        catch (WebSocketException ex)
        {
            logger.LogInformation("ConversationRelay socket for call {CallSid} closed abruptly: {Message}", session.CallSid, ex.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The call ended.
        }
    }

    /// <summary>
    /// Waits for the turn before (a failure is logged, not rethrown); the call's id and location, or null when the call
    /// cannot take another turn (not set up, or ended).
    /// </summary>
    private async Task<(string CallSid, Tools.Profile.Location Location)?> ReadyAfterAsync(Task previous, Session session)
    {
        try
        {
            await previous;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "A relay turn failed");
        }
        return session is { CallSid: { } callSid, Location: { } location, Ended: false } ? (callSid, location) : null;
    }

    private async Task ChainAsync(Task previous, Session session, string text, CancellationToken ct)
    {
        if (await ReadyAfterAsync(previous, session) is not var (callSid, location))
        {
            return;
        }
        session.Offer = null; // the offer stands until the caller's first turn, as on a Gather call
        var missed = session.TakeMissedCommitment();
        var speech = session.BeginTurn();
        if (missed is not null)
        {
            // The caller cut in before hearing what a tool had already done (a booking stays booked): say it first.
            await session.SpeakAsync(speech, channel.Text("voice_interrupted_recap", session.Language, new Dictionary<string, string> { ["recap"] = missed }), last: false, ct);
            await conversations.AppendTurnAsync(callSid, TurnRole.System, $"Repeated what the caller missed: \"{missed}\"",
                new TurnTags { Screen = ["interrupted_recap"] }, ct);
        }
        AgentReply reply;
        var answered = false;
        try
        {
            reply = await agent.HandleAsync(new TurnRequest(callSid, "voice", text, session.From, location.Id, Language: session.Language),
                async (sentence, c) =>
                {
                    answered = true;
                    await session.SpeakAsync(speech, VoiceText.ForSpeech(sentence, session.Language), last: false, c);
                }, ct);
        }
        catch (TimeoutException)
        {
            await session.SpeakAsync(speech, channel.Text("voice_trouble", session.Language), last: true, ct);
            return;
        }
        if (reply.ToolCalls.Any(t => CommittingOutcomes.Contains(t.Outcome)) && reply.Text is { } said)
        {
            speech.Committed = [.. EmbeddedChatClient.Sentences(said).Select(x => VoiceText.ForSpeech(x, session.Language))];
        }
        // A conversation that turned Spanish: Twilio's speech recognition and text-to-speech switch with it (a "language"
        // message). The answer of this turn was already streamed sentence by sentence: the switch holds from the next one.
        session.Language = reply.Language;
        await session.UseLanguageAsync(channel.Voice.For(reply.Language).Language, ct);
        if (!speech.Interrupted)
        {
            // Answers with nothing to stream are said whole.
            await session.SpeakAsync(speech, answered ? "" : VoiceText.ForSpeech(reply.Text ?? channel.Text("voice_hold", reply.Language), reply.Language), last: true, ct);
        }
        if (reply.Escalation is { AskedForPerson: true } escalation)
        {
            // As on a Gather call: only a caller who asked for a person is handed off; other escalations are follow-ups
            // the reply already explains, and the conversation goes on.
            await session.EndAsync(new RelayHandoff(RelayHandoff.TransferReason, escalation.Id, escalation.Category), ct);
        }
        else if (channel.IsGoodbye(reply.Text, reply.Language))
        {
            await session.EndAsync(new RelayHandoff("goodbye", null, null), ct);
        }
    }

    /// <summary>
    /// The caller asked for another language (the offered key, or "español"): recognition and speech switch with a
    /// <c>language</c> message, and the greeting is said again in the new language.
    /// </summary>
    private async Task SwitchLanguageAsync(Task previous, Session session, string language, string said, CancellationToken ct)
    {
        if (await ReadyAfterAsync(previous, session) is not var (callSid, location))
        {
            return;
        }
        var greeting = await channel.SwitchLanguageAsync(callSid, session.From, location, language, said, ct);
        session.Language = language;
        session.Offer = null;
        await session.UseLanguageAsync(channel.Voice.For(language).Language, ct);
        await session.SpeakAsync(session.BeginTurn(), VoiceText.ForSpeech(greeting, language), last: true, ct);
    }

    /// <summary>
    /// The caller spoke over an answer (while it was produced or while Twilio was still speaking it): the
    /// transcript keeps what they actually heard, after the answer's own turn. What a tool committed stays committed.
    /// </summary>
    private async Task RecordInterruptAsync(Task previous, Session session, string heard)
    {
        try
        {
            await previous;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "A relay turn failed");
        }
        if (session.CallSid is null || await conversations.GetAsync(session.CallSid, CancellationToken.None) is null)
        {
            return;
        }
        await conversations.AppendTurnAsync(session.CallSid, TurnRole.System, $"Caller interrupted the reply; heard: \"{heard}\"",
            new TurnTags { Screen = ["interrupted"] }, CancellationToken.None);
    }

    private static async Task<string?> ReceiveAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[8192];
        using var text = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (socket.State == WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
                }
                return null;
            }
            text.Write(buffer, 0, result.Count);
            if (text.Length > MaxMessageBytes)
            {
                await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "message too big", ct);
                return null;
            }
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length);
            }
        }
    }

    /// <summary>What the caller has heard of one answer.</summary>
    private sealed class Speech
    {
        public StringBuilder Spoken { get; } = new();
        public bool Interrupted { get; set; }
        public string Heard { get; set; } = "";

        /// <summary>The answer's sentences, when a tool call in its turn changed the book; else empty.</summary>
        public IReadOnlyList<string> Committed { get; set; } = [];

        /// <summary>Whether what was missed has been said again.</summary>
        public bool Recapped { get; set; }
    }

    private sealed class Session(WebSocket socket) : IDisposable
    {
        public void Dispose() => _send.Dispose();

        private readonly SemaphoreSlim _send = new(1, 1);
        private Speech _current = new();

        public string? CallSid { get; set; }
        public string? From { get; set; }
        public Tools.Profile.Location? Location { get; set; }

        /// <summary>The conversation's language as the call last spoke it.</summary>
        public string? Language { get; set; }

        /// <summary>The language the call offered after its greeting, until the caller takes it.</summary>
        public string? Offer { get; set; }

        /// <summary>The recognition and speech locale the TwiML started the relay in.</summary>
        public string? InitialLocale { get; set; }
        public bool Ended { get; private set; }

        public Speech BeginTurn() => _current = new Speech();

        /// <summary>
        /// The sentences of the last answer the caller did not hear to the end although its turn changed the book
        /// (questions left out: the new answer asks its own); null when there is nothing to repeat. Once per answer.
        /// </summary>
        public string? TakeMissedCommitment()
        {
            var last = _current;
            if (!last.Interrupted || last.Recapped || last.Committed.Count == 0)
            {
                return null;
            }
            last.Recapped = true;
            var heard = Comparable(last.Heard);
            var missed = last.Committed.Where(s => !s.TrimEnd().EndsWith('?') && !heard.Contains(Comparable(s), StringComparison.Ordinal)).ToList();
            return missed.Count == 0 ? null : string.Join(" ", missed.Select(s => s.Trim()));
        }

        private static string Comparable(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

        public string Interrupt(string? heard)
        {
            _current.Interrupted = true;
            _current.Heard = heard ?? _current.Spoken.ToString().Trim();
            return _current.Heard;
        }

        public async ValueTask SpeakAsync(Speech speech, string token, bool last, CancellationToken ct)
        {
            if (speech.Interrupted || (token.Length == 0 && !last))
            {
                return;
            }
            speech.Spoken.Append(token).Append(' ');
            await SendAsync(new JsonObject { ["type"] = "text", ["token"] = token.Length == 0 || last ? token : token + " ", ["last"] = last }, ct);
        }

        /// <summary>Says a line in another locale than the session's (a <c>text</c> token with its <c>lang</c>).</summary>
        public Task SayInAsync(string line, string locale, CancellationToken ct) =>
            SendAsync(new JsonObject { ["type"] = "text", ["token"] = line, ["last"] = true, ["lang"] = locale }, ct);

        private string? _locale;

        /// <summary>Switches Twilio's recognition and speech language when it changes (the TwiML set <see cref="InitialLocale"/>).</summary>
        public async Task UseLanguageAsync(string locale, CancellationToken ct)
        {
            if (locale == (_locale ?? InitialLocale) || Ended)
            {
                return;
            }
            _locale = locale;
            await SendAsync(new JsonObject { ["type"] = "language", ["ttsLanguage"] = locale, ["transcriptionLanguage"] = locale }, ct);
        }

        public async Task EndAsync(RelayHandoff handoff, CancellationToken ct)
        {
            if (Ended)
            {
                return;
            }
            Ended = true;
            // handoffData is a JSON string, not an object.
            await SendAsync(new JsonObject { ["type"] = "end", ["handoffData"] = handoff.ToJson() }, ct);
        }

        private async Task SendAsync(JsonObject message, CancellationToken ct)
        {
            var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
            await _send.WaitAsync(ct);
            try
            {
                if (socket.State == WebSocketState.Open)
                {
                    await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
                }
            }
            finally
            {
                _send.Release();
            }
        }
    }
}
