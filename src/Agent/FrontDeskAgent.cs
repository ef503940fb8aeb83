using System.Diagnostics;
using System.Text;
using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Escalations;
using FrontDesk.Agent.Languages;
using FrontDesk.Agent.Screening;
using FrontDesk.Agent.Transcripts;
using FrontDesk.Agent.Turns;
using FrontDesk.Agent.Understanding;
using FrontDesk.Tools;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Store;
using FrontDesk.Tools.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace FrontDesk.Agent;

/// <summary>A new message in a conversation, as a channel hands it over.</summary>
/// <param name="ConversationId">Stable id the channel keeps for the conversation (session, call, phone thread).</param>
/// <param name="Channel">Channel tag: web, sms, voice, teams, terminal…</param>
/// <param name="Text">What the person said or typed.</param>
/// <param name="CallerPhone">A phone the channel vouches for (caller ID), or null.</param>
/// <param name="LocationId">The location the channel belongs to, or null for the default.</param>
/// <param name="RequestId">
/// The channel's id of the request that carried the message (Twilio's MessageSid, the web widget's request id), or null.
/// It is stored with the turn: the same id again, once that turn committed, gets the committed answer and no second turn.
/// </param>
/// <param name="Language">
/// The language the channel expects ("es" from a Spanish page, or a call greeted in Spanish): the conversation starts in it when
/// its first messages do not tell; a message clearly in another language still wins. Ignored unless the business serves it.
/// </param>
/// <param name="Session">
/// When the id is a session handle the person sent back (a web session id): the rules it is continued by, checked by the turn's
/// begin; null for an id the channel vouches for (a phone thread, a call) or has just made.
/// </param>
/// <param name="StopsTexts">
/// The channel read the text as an opt-out in its own words and passes it on only because the safety screen found an
/// emergency's or a clinician's words beside it ("my lips are swelling after filler, take me off your list"): the turn gives
/// the safety reply and records the opt-out of <paramref name="CallerPhone"/> as well, whatever wording the screen knows.
/// </param>
public sealed record TurnRequest(string ConversationId, string Channel, string Text, string? CallerPhone = null, string? LocationId = null, string? RequestId = null,
    string? Language = null, SessionRules? Session = null, bool StopsTexts = false);

/// <summary>
/// How a session handle sent back by its visitor is continued: only while it names a live conversation (stored, of the turn's
/// channel, not closed, active within <paramref name="IdleFor"/>); otherwise the message starts a new conversation under
/// <paramref name="NewId"/>, and the one the handle named is left as it was. The turn's begin checks it in the round trip that
/// takes the conversation's lease (issue 16, round 33: it was a read of its own before every web turn).
/// </summary>
/// <param name="IdleFor">Longest time since the conversation's last activity for it to go on.</param>
/// <param name="NewId">The id of the new conversation when the handle's is not continued (made by the channel).</param>
/// <param name="OnResolved">
/// Called once with the id the turn goes on under (the handle's or <paramref name="NewId"/>), before any sentence is streamed:
/// a streaming channel tells the client its session first.
/// </param>
public sealed record SessionRules(TimeSpan IdleFor, string NewId, Func<string, CancellationToken, ValueTask>? OnResolved = null);

/// <summary>An escalation raised in a turn.</summary>
/// <param name="Id">Escalation id.</param>
/// <param name="Category">Category.</param>
/// <param name="Urgency">Urgency.</param>
/// <param name="AskedForPerson">
/// The person asked to speak to someone (not a follow-up the agent raised itself): a phone call is transferred.
/// </param>
public sealed record EscalationInfo(string Id, string Category, string Urgency, bool AskedForPerson = false);

/// <summary>The agent's answer to a turn.</summary>
/// <param name="ConversationId">Conversation.</param>
/// <param name="Text">What to say; null when a person has taken the conversation over.</param>
/// <param name="Escalation">Escalation raised in this turn, if any.</param>
/// <param name="Brain">The brain that answered.</param>
/// <param name="ToolCalls">Tools called in this turn.</param>
/// <param name="Language">The conversation's language after this turn ("en", "es"): the language of <paramref name="Text"/>.</param>
/// <param name="StoppedTexts">
/// This turn recorded the number's opt-out and <paramref name="Text"/> confirms it: a channel that sends it later sends it as
/// the opt-out's confirmation (the one text an opted-out number still gets), not as an ordinary reply.
/// </param>
public sealed record AgentReply(string ConversationId, string? Text, EscalationInfo? Escalation, string Brain, IReadOnlyList<ToolCallRecord> ToolCalls,
    string Language = Languages.ConversationLanguage.English, bool StoppedTexts = false);

/// <summary>Configuration section <c>FrontDesk:Agent</c>.</summary>
public sealed class AgentOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "FrontDesk:Agent";
    /// <summary>Most model round-trips in one turn.</summary>
    public int MaxToolIterations { get; set; } = 8;
    /// <summary>How long a turn may wait for the previous turn of the same conversation.</summary>
    public int TurnWaitSeconds { get; set; } = 30;
    /// <summary>Longest accepted message.</summary>
    public int MaxMessageLength { get; set; } = 2000;
    /// <summary>
    /// Seconds a turn's lease in the store lasts; renewed every third of it while the turn runs, so only a crashed
    /// instance's lease lapses. Shorter than <see cref="TurnWaitSeconds"/>, so a retry that reaches another instance after a
    /// crash outlives the dead instance's lease instead of timing out behind it (issue 15, item 10); the lease is used as
    /// the smaller of the two when configured otherwise.
    /// </summary>
    public int LeaseSeconds { get; set; } = 15;
    /// <summary>
    /// How many turns on the embedded engine work at once on this instance; more wait for a slot in the order they came
    /// (<see cref="TurnSlots"/>). Unset: twice the processors; 0: no limit. Turns that may call a remote model take no slot.
    /// </summary>
    public int? TurnsAtOnce { get; set; }
    /// <summary>
    /// How many turns that answer a read-back ("shall I book …?": the person's yes, no or change) may take a slot one after
    /// another ahead of a turn that waits (<see cref="TurnSlots"/>); then the waiting turn goes. 0: every turn in the order it
    /// came.
    /// </summary>
    public int ReadBackAnswersAhead { get; set; } = 4;
}

/// <summary>
/// The front desk: takes one turn of a conversation, screens it, runs the brain with the spa's tools, screens the
/// draft, and stores the tagged transcript and new state before returning the reply. One turn at a time per
/// conversation, across instances (an in-process gate plus a lease in the store).
/// </summary>
public sealed partial class FrontDeskAgent(
    SpaProfile profile,
    BrainSet brains,
    SpaToolsFactory toolsFactory,
    ConversationStore conversations,
    SafetyScreen screen,
    ClientDirectory clients,
    TextOptOuts optOuts,
    AgentPrompts prompts,
    TimeProvider clock,
    AgentOptions options,
    FaultPoints faults,
    TurnSlots slots,
    ILogger<FrontDeskAgent> logger)
{
    // Per instance: turns on this instance queue here; other instances are kept out by the lease in the store.
    // An entry lives while a turn of its conversation runs or waits (counted), so the map does not grow forever.
    private readonly Dictionary<string, (SemaphoreSlim Gate, int Users)> _gates = new(StringComparer.Ordinal);
    private readonly string _instance = $"agent-{Environment.ProcessId}-{Guid.NewGuid():N}"[..32];
    private readonly LanguageDetector _languages = new(profile.Spa.Languages);

    /// <summary>Handles one turn.</summary>
    public Task<AgentReply> HandleAsync(TurnRequest request, CancellationToken ct) => HandleAsync(request, null, ct);

    /// <summary>Handles one turn, streaming the reply sentence by sentence through <paramref name="onSentence"/> when given.</summary>
    public Task<AgentReply> HandleAsync(TurnRequest request, Func<string, CancellationToken, ValueTask>? onSentence, CancellationToken ct) =>
        HandleAsync(request, onSentence, embeddedOnly: false, ct);

    /// <summary>
    /// Start-up warm-up: two short conversations (an FAQ question, a request for the profile's first service tomorrow, picking
    /// the first offer; a greeting with a question, another question, thanks) through the whole turn path with the embedded
    /// engine only (a remote model is never called), each on a conversation of its own that is removed afterwards. Nothing is
    /// booked: the first stops at the read-back. The host compiles methods optimised at their first call (no quick first
    /// tier: src/Channels/FrontDesk.Channels.csproj), so what a first visitor's turn needs beyond these is compiled in it.
    /// </summary>
    public async Task WarmUpAsync(CancellationToken ct)
    {
        var service = profile.Services.Count > 0 ? profile.Services[0].Name : "an appointment";
        string[][] talks = [["what are your hours?", $"I'd like a {service} tomorrow", "the first one"], ["hello! is there somewhere to park?", "do you sell gift cards?", "great, thanks!"]];
        for (var i = 0; i < talks.Length; i++)
        {
            var id = $"warmup_{_instance}_{i}";
            try
            {
                foreach (var text in talks[i])
                {
                    await HandleAsync(new TurnRequest(id, "warmup", text), null, embeddedOnly: true, ct);
                }
            }
            finally
            {
                await conversations.ForgetAsync(id, CancellationToken.None);
            }
        }
    }

    private async Task<AgentReply> HandleAsync(TurnRequest request, Func<string, CancellationToken, ValueTask>? onSentence, bool embeddedOnly, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        // The turn's tool calls read the book's blocking appointments once (never across turns; a write in the turn drops them).
        using var reads = TurnReads.Begin();
        using var activity = ToolTurn.Activity.StartActivity("agent.turn");
        activity?.SetTag("frontdesk.channel", request.Channel);
        var gate = EnterGate(request.ConversationId);
        try
        {
            if (!await gate.WaitAsync(TimeSpan.FromSeconds(options.TurnWaitSeconds), ct))
            {
                throw new TimeoutException("The previous turn of this conversation is still running.");
            }
        }
        catch
        {
            LeaveGate(request.ConversationId);
            throw;
        }
        TurnRequest? startsAnew = null;
        try
        {
            var initial = new ConversationState
            {
                Scope = new ConversationScope
                {
                    ConversationId = request.ConversationId, Channel = request.Channel, LocationId = request.LocationId ?? profile.DefaultLocation.Id,
                    VerifiedPhone = PhoneNumbers.ToE164(request.CallerPhone),
                },
            };
            var lease = TimeSpan.FromSeconds(Math.Clamp(options.LeaseSeconds, 1, Math.Max(1, options.TurnWaitSeconds / 2)));
            // Creates the conversation if new, takes its lease and reads it (and the stored answer of a retried request; for a
            // session handle, checks that it is live): one round trip.
            var begun = await conversations.BeginTurnAsync(request.ConversationId, request.Channel, initial.Scope.LocationId, initial.Scope.VerifiedPhone, initial,
                _instance, lease, TimeSpan.FromSeconds(options.TurnWaitSeconds), request.RequestId, ct, request.Session?.IdleFor)
                ?? throw new TimeoutException("Another instance is still handling this conversation.");
            if (!begun.Live)
            {
                // Nothing was taken or created under the handle: the message starts a new conversation, outside this gate.
                startsAnew = request with { ConversationId = request.Session!.NewId, Session = null };
            }
            else
            {
                using var lost = CancellationTokenSource.CreateLinkedTokenSource(ct);
                using var stopRenewing = new CancellationTokenSource();
                var turnLease = new TurnLease();
                var renewing = RenewLeaseAsync(request.ConversationId, lease, turnLease, lost, stopRenewing.Token);
                try
                {
                    if (request.Session?.OnResolved is { } resolved)
                    {
                        await resolved(request.ConversationId, lost.Token);
                    }
                    // The conversation is held (gate and lease): now wait for a slot to work in, in arrival order, except that an
                    // answer to the read-back the last turn left pending goes ahead (its state is read here, once, for the turn).
                    var state = conversations.ReadState(begun.Conversation);
                    using var slot = await slots.EnterAsync(embeddedOnly || brains.EmbeddedOnly, AnswersReadBack(state), lost.Token);
                    return await HandleLockedAsync(request, begun, state, turnLease, onSentence, embeddedOnly, started, lost.Token);
                }
                catch (OperationCanceledException) when (lost.IsCancellationRequested && !ct.IsCancellationRequested)
                {
                    throw new LeaseLostException(request.ConversationId);
                }
                finally
                {
                    await stopRenewing.CancelAsync();
                    await renewing;
                    if (!turnLease.Released)
                    {
                        // The turn failed before its state was stored (which ends the lease in the same write).
                        await conversations.ReleaseLeaseAsync(request.ConversationId, _instance, CancellationToken.None);
                    }
                }
            }
        }
        finally
        {
            gate.Release();
            LeaveGate(request.ConversationId);
        }
        if (request.Session?.OnResolved is { } toNew)
        {
            await toNew(startsAnew.ConversationId, ct);
        }
        return await HandleAsync(startsAnew, onSentence, embeddedOnly, ct);
    }

    /// <summary>The reply (and escalation rule) of "stop texting me" where nothing records it: the team is told, STOP to any text.</summary>
    internal const string TextsUnwanted = "texts_unwanted";

    /// <summary>The reply when the turn recorded the number's opt-out itself.</summary>
    internal const string TextsStopped = "texts_stopped";

    /// <summary>
    /// The same said by text: the answer is the text the opt-out is confirmed by, so it says how to get texts again, as STOP's
    /// own answer does (START; COMENZAR in Spanish).
    /// </summary>
    internal const string TextsStoppedByText = "texts_stopped_sms";

    /// <summary>The sentence said after an emergency's or a clinician's reply when the same message stopped the texts (a call).</summary>
    internal const string TextsStoppedAfter = "texts_stopped_after";

    /// <summary>The same by text: with how to get texts again (START; COMENZAR).</summary>
    internal const string TextsStoppedAfterByText = "texts_stopped_after_sms";

    /// <summary>
    /// The number whose texts a "stop texting me" in this turn stops, or null. Only a number the channel vouches for as the
    /// person's own in this very request (<see cref="TurnRequest.CallerPhone"/>: a call's caller ID, a text's sender) — never
    /// one typed in the chat, nor a web visitor's number proven earlier by a code (the web keeps its answer: the team is told,
    /// STOP to any text). Why the agent records it, not the channel: the reply that says it is done, the escalation and the
    /// opt-out are one turn and commit together (the channel sees the turn only after it committed), and the channel's part is
    /// only to vouch for the number, as it already does. The record itself is the spa's book's (<see cref="TextOptOuts"/>, Tools),
    /// the one every sender checks: data flows Channels → Agent → Tools. On SMS the channel's own opt-out words act first, so
    /// this is mostly the phone's case.
    /// </summary>
    private static string? TextsStoppableNumber(TurnRequest request) => PhoneNumbers.ToE164(request.CallerPhone);

    /// <summary>How the opt-out is recorded: asked on a call, or in a text's own words (as the SMS channel records those).</summary>
    private static string StopSource(TurnRequest request) => request.Channel == "sms" ? OptOutSource.Keyword : OptOutSource.VoiceRequest;

    /// <summary>
    /// Whether a turn on this state answers a read-back: the last turn left an action pending for the person's yes (the turn
    /// that follows confirms or drops it: <see cref="ConversationScope.BeginTurn"/>).
    /// </summary>
    internal static bool AnswersReadBack(ConversationState state) => state.Scope.Pending is { } pending && pending.Turn == state.Scope.Turn;

    private SemaphoreSlim EnterGate(string conversationId)
    {
        lock (_gates)
        {
            var entry = _gates.TryGetValue(conversationId, out var e) ? e : (Gate: new SemaphoreSlim(1, 1), Users: 0);
            _gates[conversationId] = (entry.Gate, entry.Users + 1);
            return entry.Gate;
        }
    }

    private void LeaveGate(string conversationId)
    {
        lock (_gates)
        {
            var entry = _gates[conversationId];
            if (entry.Users == 1)
            {
                _gates.Remove(conversationId);
                entry.Gate.Dispose();
            }
            else
            {
                _gates[conversationId] = (entry.Gate, entry.Users - 1);
            }
        }
    }

    /// <summary>Conversations with a turn running or waiting on this instance (the gates held in memory).</summary>
    internal int GatesHeld
    {
        get
        {
            lock (_gates)
            {
                return _gates.Count;
            }
        }
    }

    /// <summary>
    /// Keeps the turn's lease alive every third of its length until <paramref name="stop"/>; if another instance has
    /// taken it (this one stalled past the lease), cancels <paramref name="lost"/> so the turn stops and stores nothing.
    /// </summary>
    private async Task RenewLeaseAsync(string conversationId, TimeSpan lease, TurnLease turnLease, CancellationTokenSource lost, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                // Most turns end before the first renewal: the delay is cancelled then, and awaited without throwing (an
                // exception per turn was ~1 % of a loaded host's CPU).
                await Task.Delay(lease / 3, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (stop.IsCancellationRequested)
                {
                    return;
                }
                bool held;
                try
                {
                    held = await conversations.RenewLeaseAsync(conversationId, _instance, lease, stop);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A store hiccup is not a lost lease: try again at the next tick; the save checks ownership anyway.
                    logger.LogWarning(ex, "Could not renew the turn lease of conversation {ConversationId}", conversationId);
                    continue;
                }
                if (!held && (turnLease.Released || await conversations.LeaseOwnerAsync(conversationId, stop) is null))
                {
                    // The turn was stored and gave the lease back; the reply is still being sent. The lease found free is the
                    // same: under load the renewal can wait on the row while the turn's own commit releases the lease, and
                    // ends before the turn marks it released. Only another owner holding it means this turn lost it (the
                    // save checks the owner anyway).
                    return;
                }
                if (!held)
                {
                    logger.LogError("The turn lease of conversation {ConversationId} was taken by another instance; stopping the turn", conversationId);
                    await lost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The turn ended.
        }
    }

    /// <summary>Whether the turn's stored state already gave the lease back.</summary>
    private sealed class TurnLease
    {
        private volatile bool _released;

        public bool Released => _released;

        public void Release() => _released = true;
    }

    private async Task<AgentReply> HandleLockedAsync(TurnRequest request, BegunTurn begun, ConversationState state, TurnLease lease,
        Func<string, CancellationToken, ValueTask>? onSentence, bool embeddedOnly, long started, CancellationToken ct)
    {
        var conversation = begun.Conversation;
        if (request.RequestId is { } requestId && begun.Answered)
        {
            // A retry of a request whose turn committed (its instance died before the answer left, or the answer was lost on
            // the way): the committed answer again, nothing run twice. The lease is given back as the turn ends.
            logger.LogInformation("Request {RequestId} in {ConversationId} was answered before; giving the stored answer", requestId, request.ConversationId);
            return new AgentReply(request.ConversationId, begun.Answer, null, "stored", [], state.Language ?? ConversationLanguage.English);
        }
        var scope = state.Scope;
        scope.VerifiedPhone ??= PhoneNumbers.ToE164(request.CallerPhone);
        var raw = Clean(request.Text);
        // SECURITY: card numbers never reach the transcript, the state, an escalation or a model.
        var text = SafetyScreen.RedactCardNumbers(raw);
        var history = state.History.Select(m => m.ToChatMessage()).ToList();
        var staffMessages = new List<ChatMessage>();
        // Only a transcript that moved since this agent last stored a turn (a staff reply, a keyword) is read back.
        var unseen = conversation.LastSeq > state.TranscriptSeen
            ? await conversations.TurnsAfterAsync(request.ConversationId, state.TranscriptSeen, ct)
            : [];
        foreach (var turn in unseen)
        {
            // What a team member wrote during a takeover is part of the conversation every brain reads from now on.
            if (turn.Role == TurnRole.Staff)
            {
                var said = EmbeddedChatClient.StaffMessage(turn.Text, history);
                history.Add(said);
                staffMessages.Add(said);
            }
            state.TranscriptSeen = Math.Max(state.TranscriptSeen, turn.Seq);
        }
        if (staffMessages.Count > 0)
        {
            state.Append(staffMessages.Select(StoredMessage.From));
        }
        // The conversation's language: the message's own when it is clear, else the one so far (state.Language), or the
        // channel's hint before the conversation has one.
        var languageReading = _languages.Read(text, state.Language ?? request.Language, state.LanguageHeard);
        state.Language = languageReading.Language;
        var language = state.Language;
        scope.Language = language;
        // The message itself showed its language (not only kept from earlier): the client's record remembers it.
        var languageHeard = languageReading.Detected is not null && !languageReading.Unsupported;
        var languageAsked = false;
        if (LanguageRequest.Read(text) is { } wanted && wanted != "other" && profile.Spa.Languages.Contains(wanted))
        {
            // "do you speak spanish?", "¿me puede atender en inglés?": the conversation goes on in the language asked for.
            state.Language = scope.Language = language = wanted;
            languageHeard = languageAsked = true;
        }
        state.LanguageHeard |= languageHeard;
        var reading = brains.Embedded.Understand(text, history, language, languageReading.WrittenIn);
        var clientTags = new TurnTags { Intent = reading.Intent.ToString().ToLowerInvariant(), Language = language };
        var agentTags = new TurnTags { AiGenerated = true, Language = language };
        var escalations = new List<Escalation>();
        var askedForPerson = false;
        // The number whose texts this turn stops (a caller's "stop texting me"), recorded with the turn.
        string? stopTexts = null;

        if (conversation.Status == "taken_over")
        {
            // A person is answering: record what the client said, say nothing.
            // The person's words go into the history too, so the conversation reads whole once the agent is back.
            state.Append([StoredMessage.From(new ChatMessage(ChatRole.User, text))]);
            await conversations.SaveTurnAsync(request.ConversationId, state, [(TurnRole.Client, text, clientTags, null)], [], request.Channel, scope.LocationId, Actor.System("agent"), _instance, ct, releaseLease: true, request.RequestId);
            lease.Release();
            return new AgentReply(request.ConversationId, null, null, "staff", [], language);
        }

        string reply;
        var spoke = false;
        Func<string, CancellationToken, ValueTask>? speak = onSentence is null ? null : (sentence, c) =>
        {
            spoke = true;
            return onSentence(sentence, c);
        };
        var records = new List<ToolCallRecord>();
        // Each tool result's structured data, parsed once for the hand-offs and the consent tags.
        var results = new List<(ToolCallRecord Call, System.Text.Json.JsonElement? Data)>();
        var newMessages = new List<ChatMessage> { new(ChatRole.User, text) };
        if (text.Length == 0)
        {
            // Silence is not a yes: a read-back waiting for one is discarded like after any other answer.
            scope.BeginTurn(null);
            reply = prompts.Reply("empty_message", language);
            agentTags.Brain = "rules";
        }
        else
        {
            var finding = screen.ScreenInbound(raw);
            if (finding.Language is { } ruleLanguage && ruleLanguage != language && languageReading.Detected is null && !languageAsked
                && profile.Spa.Languages.Contains(ruleLanguage))
            {
                // Too short for the detector to tell, but the safety rule that fired is written in that language ("me ahogo"):
                // the guidance, and the conversation from here, are in the person's language. Not when the message asked for the
                // other language ("can i talk to someone in spanish", round 36): the reply is in the one asked for.
                state.Language = scope.Language = language = ruleLanguage;
                clientTags.Language = agentTags.Language = language;
                languageHeard = state.LanguageHeard = true;
            }
            foreach (var condition in finding.StatedConditions.Where(c => !scope.StatedConditions.Contains(c)))
            {
                scope.StatedConditions.Add(condition);
            }
            if (AgeStated.Youngest(raw) is { } age)
            {
                // "for my daughter, she's 16": the services' minimum age holds for the youngest age said in the conversation.
                scope.StatedAge = Math.Min(scope.StatedAge ?? age, age);
            }
            scope.BeginTurn(reading.YesNo switch { YesNo.Yes => true, YesNo.No => false, _ => null });
            var (category, replyKey) = SafetyRoute(finding, reading, scope, state);
            if (finding.StopsTexts && category is not null && category.Name is not ("emergency" or "medical"))
            {
                // "quit texting me every day about your deals and promos, i never signed up": the complaint's words give the
                // category (the manager still hears of it), but stopping the texts is what was asked: answered and recorded as such
                // in any wording or language. An emergency or a clinician's question keeps its own reply.
                replyKey = TextsUnwanted;
            }
            // A "Did you mean …?" lasts one turn: a yes gets the entry's answer, anything else goes on as usual.
            var suggested = scope.SuggestedFaq;
            scope.SuggestedFaq = null;
            if (category is null && replyKey is null && suggested is not null && reading.YesNo == YesNo.Yes)
            {
                // In the conversation's language: the profile's answer to the question suggested (its a_es), as the suggestion was.
                reply = profile.Faq.FirstOrDefault(f => string.Equals(f.Question, suggested.Question, StringComparison.Ordinal))?.AnswerIn(language) ?? suggested.Answer;
                agentTags.Brain = "rules";
            }
            else if (category is not null && replyKey == TextsUnwanted && TextsStoppableNumber(request) is { } number)
            {
                // "stop texting me" said from a number the channel vouches for (a call's caller ID): the opt-out is recorded for
                // it in this turn's transaction (below), the team is still told, and the reply says it is done. It is not a
                // request for a person: the call goes on. (Why here: TextsStoppableNumber.)
                stopTexts = number;
                escalations.Add(NewEscalation(category, scope, request,
                    $"Asked to stop texts; the opt-out of {number} is recorded (source {StopSource(request)}): \"{Short(text)}\"", verbatim: true, language: language));
                reply = prompts.Reply(request.Channel == "sms" ? TextsStoppedByText : TextsStopped, language);
                agentTags.Brain = "rules";
                agentTags.Escalation = category.Name;
            }
            else if (category is { Name: "emergency" or "medical" } && (finding.StopsTexts || request.StopsTexts) && TextsStoppableNumber(request) is { } safetyNumber)
            {
                // "my lips are swelling badly after filler and stop texting me" (round 36): the emergency guidance or the clinician's
                // hand-off comes first and whole, then one short sentence that the texts stop; the opt-out is recorded with the turn,
                // and the escalation keeps its category and urgency (its summary says the texts stopped, so the clinician calls).
                stopTexts = safetyNumber;
                escalations.Add(NewEscalation(category, scope, request, text, finding.Category is null ? null : finding.Urgency, language: language,
                    also: $"Also asked to stop texts; the opt-out of {safetyNumber} is recorded (source {StopSource(request)}): call, don't text."));
                reply = prompts.Reply(replyKey ?? category.Reply, language) + " " + prompts.Reply(request.Channel == "sms" ? TextsStoppedAfterByText : TextsStoppedAfter, language);
                agentTags.Brain = "rules";
                agentTags.Escalation = category.Name;
            }
            else if (category is not null)
            {
                askedForPerson = category.Name == "human_request";
                escalations.Add(NewEscalation(category, scope, request, text, finding.Category is null ? null : finding.Urgency, language: language));
                reply = prompts.Reply(replyKey ?? category.Reply, language);
                agentTags.Brain = "rules";
                agentTags.Escalation = category.Name;
            }
            else if (replyKey is not null && !(replyKey == "ai_disclosure_asked" && AsksMoreThanWhoAnswers(reading)))
            {
                reply = prompts.Reply(replyKey, language);
                agentTags.Brain = "rules";
            }
            else if (languageReading.Unsupported && screen.Rules.Find("human_request") is { } noLanguage)
            {
                // A language this business does not serve: a short reply offering a person, who gets the original text.
                escalations.Add(NewEscalation(noLanguage, scope, request, $"The client writes in a language the assistant does not speak ({languageReading.Detected}): \"{Short(text)}\"", verbatim: true));
                reply = prompts.Reply("language_unsupported", language);
                agentTags.Brain = "rules";
                agentTags.Escalation = noLanguage.Name;
            }
            else
            {
                (reply, var brain, var model, var produced, var calls) = await RunBrainAsync(state, history, text, reading, speak, embeddedOnly, ct);
                if (replyKey == "ai_disclosure_asked")
                {
                    // "are you a bot or what. just give me the earliest": the disclosure is always said, first, and the
                    // request beside it is answered in the same reply.
                    reply = prompts.Reply("ai_disclosure_then", language) + " " + reply;
                }
                records.AddRange(calls);
                results.AddRange(calls.Select(c => (c, Data(c))));
                newMessages.AddRange(produced.Where(m => m.Role != ChatRole.User));
                agentTags.Brain = brain;
                agentTags.Model = model;
                if (brain == "none" && screen.Rules.Find("human_request") is { } callback)
                {
                    // No brain could answer: the apology promises a call back, so raise it.
                    escalations.Add(NewEscalation(callback, scope, request, "The assistant could not answer; please call back.", language: language));
                    agentTags.Escalation = callback.Name;
                }
                // The embedded engine answers any tool error with the tool_failed apology, which promises a follow-up.
                if (calls.FirstOrDefault(c => c.Outcome == ToolTurn.FailedOutcome || (brain == EmbeddedChatClient.BrainName && c.Outcome is "error" or ToolTurn.UnknownToolOutcome)) is { } failed && screen.Rules.Find("human_request") is { } followUp
                    && escalations.Count == 0)
                {
                    // A tool broke: staff finish what the person asked for (the reply says someone will follow up).
                    escalations.Add(NewEscalation(followUp, scope, request, $"A tool failed ({failed.Name}); please follow up on: \"{Short(text)}\"", verbatim: true, language: language));
                    agentTags.Escalation = followUp.Name;
                }
                // The embedded engine hands over after two replies in a row it could not understand: the reply offers a person.
                if (escalations.Count == 0 && produced.FirstOrDefault(m => m.AdditionalProperties?.ContainsKey(EmbeddedChatClient.HandoffKey) == true) is { } handedOver
                    && screen.Rules.Find("human_request") is { } handoffRule)
                {
                    askedForPerson = true;
                    // A tool outcome the engine has no wording for is handed over too: the team sees which it was not.
                    var why = (handedOver.AdditionalProperties![EmbeddedChatClient.HandoffKey] as string) switch
                    {
                        ToolOutcomes.Unknown => "The assistant got a result from the booking system it could not word for the client",
                        EmbeddedChatClient.FeeAmountHandoff => "The client asked the amount of a cancellation or change fee (the policy was said)",
                        EmbeddedChatClient.GroupHandoff => "The client asked to book for a group of four or more (a person arranges it)",
                        _ => "The assistant could not understand the client twice in a row",
                    };
                    escalations.Add(NewEscalation(handoffRule, scope, request, $"{why}; last message: \"{Short(text)}\"", verbatim: true, language: language));
                    agentTags.Escalation = handoffRule.Name;
                }
                // Tools that hand a matter to staff raise the escalation here, whatever the brain said.
                if (results.Select(r => Handoff(r.Call, r.Data)).FirstOrDefault(x => x is not null) is { } handoff && screen.Rules.Find(handoff.Category) is { } hc)
                {
                    escalations.Add(NewEscalation(hc, scope, request, handoff.Summary, verbatim: handoff.Verbatim, language: language));
                    agentTags.Escalation = hc.Name;
                }
            }
        }

        var screened = screen.ScreenReply(reply, name => prompts.Reply(name, language));
        agentTags.Screen.AddRange(screened.Findings);
        if (screened.Findings.Any(f => f is "unlisted_price" or "discount_offer") && screen.Rules.Find("pricing") is { } pricing && escalations.Count == 0)
        {
            escalations.Add(NewEscalation(pricing, scope, request, "The assistant could not quote a price that is not listed.", language: language));
            agentTags.Escalation = "pricing";
        }
        reply = screened.Text;
        agentTags.Tools = [.. records.Select(r => r.ForTranscript())];
        // The conversation's client, read once for the consent tags and the language (it was read once for each).
        var client = scope.ClientId is not null ? await clients.GetAsync(scope.ClientId, ct) : null;
        agentTags.Consent.AddRange(ConsentTags(client, results));
        if (languageHeard)
        {
            await RememberLanguageAsync(scope, client, language, ct);
        }
        if (newMessages.Count > 1 && newMessages[^1].Role == ChatRole.Assistant && !newMessages[^1].Contents.OfType<FunctionCallContent>().Any())
        {
            // SECURITY: history keeps what was said, never the brain's unscreened draft (advice, prices, card numbers);
            // the embedded engine's state rides on the same message and is kept.
            if (newMessages[^1].Text != reply)
            {
                newMessages[^1] = new ChatMessage(ChatRole.Assistant, reply) { AdditionalProperties = newMessages[^1].AdditionalProperties };
            }
        }
        else
        {
            // A safety rule's reply carries the engine's state, so the engine never reads the message it answered as facts another brain was told.
            newMessages.Add(agentTags.Brain == "rules" ? brains.Embedded.RulesMessage(reply, history) : new ChatMessage(ChatRole.Assistant, reply));
        }
        state.Append(newMessages.Select(StoredMessage.From));
        var latency = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        await faults.HitAsync(FaultPoints.TurnStoring);
        if (stopTexts is { } stopped)
        {
            // The opt-out commits with the turn that promises it: both or neither (a retry of the request gets the stored answer).
            await conversations.SaveTurnAsync(request.ConversationId, state,
                [(TurnRole.Client, text, clientTags, null), (TurnRole.Agent, reply, agentTags, latency)], escalations, request.Channel, scope.LocationId, scope.Actor, _instance,
                request.RequestId, async (c, tx, t) => await optOuts.ChangeAsync(c, tx, stopped, optedOut: true, StopSource(request), null, new Actor("client", stopped), request.ConversationId, t), ct);
        }
        else
        {
            await conversations.SaveTurnAsync(request.ConversationId, state,
                [(TurnRole.Client, text, clientTags, null), (TurnRole.Agent, reply, agentTags, latency)], escalations, request.Channel, scope.LocationId, scope.Actor, _instance, ct, releaseLease: true, request.RequestId);
        }
        await faults.HitAsync(FaultPoints.TurnCommitted);
        lease.Release();
        if (escalations.Count > 0)
        {
            logger.LogInformation("Escalation {Category} raised in conversation {ConversationId}", escalations[0].Category, request.ConversationId);
        }
        if (onSentence is not null && !spoke)
        {
            // Replies no brain streamed (rules, escalations, a fallback wording) are spoken sentence by sentence too.
            foreach (var sentence in EmbeddedChatClient.Sentences(reply))
            {
                await onSentence(sentence, ct);
            }
        }
        var first = escalations.FirstOrDefault();
        return new AgentReply(request.ConversationId, reply, first is null ? null : new EscalationInfo(first.Id, first.Category, first.Urgency, askedForPerson), agentTags.Brain ?? "", records, language,
            StoppedTexts: stopTexts is not null);
    }

    private async Task<(string Reply, string Brain, string? Model, List<ChatMessage> Produced, IReadOnlyList<ToolCallRecord> Calls)> RunBrainAsync(
        ConversationState state, List<ChatMessage> history, string text, Utterance reading, Func<string, CancellationToken, ValueTask>? onSentence, bool embeddedOnly, CancellationToken ct)
    {
        var scope = state.Scope;
        IEnumerable<(IChatClient Client, string Name)> order = embeddedOnly ? [(brains.Embedded, EmbeddedChatClient.BrainName)] : brains.InOrder();
        foreach (var (client, name) in order)
        {
            scope.Actor = new Actor("ai", $"agent:{name}");
            var snapshot = System.Text.Json.JsonSerializer.Serialize(scope, StateJsonContext.Default.ConversationScope);
            var tools = toolsFactory.Create(scope).AsAIFunctions();
            var messages = new List<ChatMessage> { new(ChatRole.System, prompts.System(scope)) };
            messages.AddRange(history);
            // The embedded engine reuses the reading made for the tags instead of understanding the text twice.
            messages.Add(new ChatMessage(ChatRole.User, text) { AdditionalProperties = new() { [EmbeddedChatClient.UtteranceKey] = reading } });
            var count = messages.Count;
            try
            {
                var turn = new ToolTurn(client, tools, options.MaxToolIterations, logger);
                LoopResult result;
                if (onSentence is null)
                {
                    result = await turn.RunAsync(messages, null, ct);
                }
                else
                {
                    var buffer = new StringBuilder();
                    result = await turn.RunAsync(messages, async (delta, c) =>
                    {
                        buffer.Append(delta);
                        var s = buffer.ToString();
                        var cut = Math.Max(s.LastIndexOf(". ", StringComparison.Ordinal), Math.Max(s.LastIndexOf("? ", StringComparison.Ordinal), s.LastIndexOf("! ", StringComparison.Ordinal)));
                        if (cut > 0)
                        {
                            var sentence = s[..(cut + 2)];
                            buffer.Remove(0, cut + 2);
                            await onSentence(screen.ScreenReply(sentence, name => prompts.Reply(name, state.Language)).Text, c);
                        }
                    }, ct);
                    if (buffer.Length > 0)
                    {
                        await onSentence(screen.ScreenReply(buffer.ToString(), name => prompts.Reply(name, state.Language)).Text, ct);
                    }
                }
                var reply = result.HitLimit || string.IsNullOrWhiteSpace(result.Text) ? prompts.Reply("not_understood", state.Language) : result.Text.Trim();
                return (reply, name, result.ModelId, messages.Skip(count).ToList(), result.ToolCalls);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // A failing brain must not lose the turn: restore the scope and try the next one.
                logger.LogWarning(ex, "Brain {Brain} failed; falling back", name);
                state.Scope = System.Text.Json.JsonSerializer.Deserialize(snapshot, StateJsonContext.Default.ConversationScope)!;
                scope = state.Scope;
            }
        }
        return (prompts.Reply("brain_unavailable", state.Language), "none", null, [], []);
    }

    /// <summary>
    /// Records the language the client wrote in on their record (the conversation's client, or the one of the phone the
    /// channel vouched for), so texts sent later (reminders, waitlist offers) are in it. Writes only when it changed.
    /// </summary>
    private async Task RememberLanguageAsync(ConversationScope scope, Client? conversationClient, string? language, CancellationToken ct)
    {
        if (language is null)
        {
            return;
        }
        var client = scope.ClientId is not null ? conversationClient
            : scope.VerifiedPhone is not null ? await clients.FindByPhoneAsync(scope.VerifiedPhone, ct) : null;
        if (client is not null && client.Language != language)
        {
            await clients.SetLanguageAsync(client.Id, language, scope.Actor, scope.ConversationId, ct);
        }
    }

    /// <summary>
    /// The consent behind this turn, from the client's record: <c>sms</c> when they agreed to texts and have not opted out,
    /// <c>sms_opted_out</c> or <c>no_sms</c> otherwise; <c>sms_confirmation</c> when a tool queued a confirmation text.
    /// </summary>
    private static List<string> ConsentTags(Client? client, List<(ToolCallRecord Call, System.Text.Json.JsonElement? Data)> results)
    {
        var tags = new List<string>();
        if (client is not null)
        {
            tags.Add(client.OptedOutAtUtc is not null ? "sms_opted_out" : client.SmsConsent ? "sms" : "no_sms");
        }
        if (results.Any(r => r.Data is { } data && data.TryGetProperty("confirmation_text", out var texted) && texted.ValueKind == System.Text.Json.JsonValueKind.True))
        {
            tags.Add("sms_confirmation");
        }
        return tags;
    }

    /// <summary>
    /// A tool's hand-off to staff, read from the structured data of a refusal: <c>late_cancel: true</c> goes to the
    /// sensitive category (staff handle changes inside the window), <c>escalate: "{category}"</c> to that category.
    /// A question the FAQ could not answer (<c>no_match</c> with <c>escalate</c>) is handed over with the question,
    /// because the reply promises that someone will follow up.
    /// </summary>
    private static (string Category, string? Summary, bool Verbatim)? Handoff(ToolCallRecord call, System.Text.Json.JsonElement? result)
    {
        if (call.Outcome is not ("refused" or "no_match"))
        {
            return null;
        }
        if (result is not { } data)
        {
            return null;
        }
        try
        {
            if (data.TryGetProperty("late_cancel", out var late) && late.ValueKind == System.Text.Json.JsonValueKind.True)
            {
                return ("sensitive", "Late cancellation or change requested.", false);
            }
            if (data.TryGetProperty("escalate", out var category) && category.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                if (call.Outcome == "no_match")
                {
                    using var args = System.Text.Json.JsonDocument.Parse(call.Arguments);
                    var question = args.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && args.RootElement.TryGetProperty("question", out var q)
                        && q.ValueKind == System.Text.Json.JsonValueKind.String ? SafetyScreen.RedactCardNumbers(q.GetString()!.Trim()) : "";
                    return (category.GetString()!, $"Unanswered question: \"{Short(question)}\"", true);
                }
                return (category.GetString()!, null, false);
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Arguments that are not JSON hand nothing over.
        }
        return null;
    }

    /// <summary>The structured <c>data</c> object of a tool's result, or null.</summary>
    private static System.Text.Json.JsonElement? Data(ToolCallRecord call)
    {
        try
        {
            var root = System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>(call.Result);
            return root.ValueKind == System.Text.Json.JsonValueKind.Object && root.TryGetProperty("data", out var data) && data.ValueKind == System.Text.Json.JsonValueKind.Object
                ? data
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// What the screen's finding means for this turn: an escalation category and its reply, a rules reply alone (the AI
    /// disclosure), or neither (a brain answers). A condition stated with a booking request, or someone else's, is not a
    /// question for a clinician: the tools see it in the scope and refuse what it rules out. Insisting after a health
    /// refusal ("book it anyway") goes to a person.
    /// </summary>
    private (EscalationCategory? Category, string? Reply) SafetyRoute(InboundFinding finding, Utterance reading, ConversationScope scope, ConversationState state)
    {
        var category = finding.Category;
        // "ok can i still get a dermaplaning wednesday" asks whether it is still safe only after something was said about health.
        if (category?.Name == "medical" && finding.FollowUpOnly && !HealthRaisedBefore(scope, state))
        {
            category = null;
        }
        // "what are the side effects of melatonin" with nothing of the spa's said before: no advice, a pointer to a doctor or
        // pharmacist, and no call-back from the clinical team. After a treatment or health was spoken of, it is about that.
        if (category?.Name == "medical" && finding.GeneralHealth && !HealthRaisedBefore(scope, state) && !TreatmentSpokenOf(state))
        {
            return (null, "medical_general");
        }
        // A request for a service on a day ("estoy embarazada de 5 meses, ¿tienen masaje prenatal el martes?") is a request
        // however it is put: the tools refuse what the condition rules out (and a service made for it is not ruled out).
        if (category?.Name == "medical" && finding.ConditionOnly
            && (reading.Intent is Intent.Book or Intent.Availability
                || reading.Services.Kind != ServiceMatchKind.None && (reading.Date is not null || reading.Time is not null) && !AsksIfItIsSafe().IsMatch(reading.Text)))
        {
            category = null;
        }
        // Also after a clinician's question ("im 6 months pregnant can i get a massage" … "just book it anyway", round 29: it was
        // declined as off topic once the first message went to a clinician rather than to the booking tool's refusal).
        if (category is null && finding.Insists && (scope.HealthRefusal is not null || MedicalBefore(state))
            && screen.Rules.Find("human_request") is { } person)
        {
            return (person, "contraindication_insisted");
        }
        if (category is not null)
        {
            return (category, finding.Reply);
        }
        if (finding.AsksIfHuman)
        {
            return (null, "ai_disclosure_asked");
        }
        return reading.Intent == Intent.Human && screen.Rules.Find("human_request") is { } human ? (human, null) : (null, null);
    }

    /// <summary>
    /// Whether the conversation said something about the person's health before this turn: a condition on record, a
    /// treatment refused for one, or an earlier message of theirs the screen finds medical, urgent or not.
    /// </summary>
    private bool HealthRaisedBefore(ConversationScope scope, ConversationState state) =>
        scope.StatedConditions.Count > 0 || scope.HealthRefusal is not null
        || state.History.Any(m => m.Role == "user" && m.Text is { Length: > 0 } said
            && screen.ScreenInbound(said) is var earlier && (earlier.Category?.Name is "medical" or "emergency" || earlier.StatedConditions.Count > 0));

    /// <summary>Whether an earlier message of the person's went to a clinician (medical or emergency).</summary>
    private bool MedicalBefore(ConversationState state) =>
        state.History.Any(m => m.Role == "user" && m.Text is { Length: > 0 } said && screen.ScreenInbound(said).Category?.Name is "medical" or "emergency");

    /// <summary>Whether an earlier message of the person's named a treatment or one of the spa's services.</summary>
    private bool TreatmentSpokenOf(ConversationState state) =>
        state.History.Any(m => m.Role == "user" && m.Text is { Length: > 0 } said && screen.NamesTreatment(SafetyScreen.Normalize(said)));

    // "is it ok if i'm breastfeeding?", "would it be safe…", "can i still get one if…": whether the condition allows it, a
    // question for a clinician however the request beside it is put.
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:is\s+(?:it|that|this)|would\s+(?:it|that)\s+be|will\s+(?:it|that)\s+be)\s+(?:ok|okay|safe|fine|alright|all\s+right|a\s+problem|bad|dangerous)\b|\bcan\s+i\s+(?:still\s+)?(?:get|have|do)\b[^?.]*\b(?:if|while|since)\b|\bes\s+seguro\b|\besta\s+bien\s+(?:si|que)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex AsksIfItIsSafe();

    /// <summary>
    /// Beside "are you a bot?", the message asks for something the conversation acts on: a pick of a time on offer,
    /// "the earliest", a day, a time, a service, contact details. Then a brain answers it too, after the disclosure.
    /// </summary>
    private static bool AsksMoreThanWhoAnswers(Utterance reading) =>
        reading.ChosenSlot is not null || reading.Time is not null || reading.Date is not null || reading.Services.Kind != ServiceMatchKind.None
        || reading.Phone is not null || reading.Email is not null || reading.Cues.Earliest;

    private Escalation NewEscalation(EscalationCategory category, ConversationScope scope, TurnRequest request, string? text, string? urgency = null, bool verbatim = false,
        string? language = null, string? also = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // No health details beyond the category: medical and emergency summaries never quote the person.
        var summary = category.Name switch
        {
            "emergency" => "Possible emergency reported; the person was told to call 911.",
            "medical" => "Medical question; a clinician should call back.",
            _ when verbatim && text is not null => text,
            _ => text is null ? category.Name : $"{Describe(category.Name)}: \"{Short(text)}\"",
        };
        if (also is not null)
        {
            summary = $"{summary} {also}";
        }
        if (language is not null && language != ConversationLanguage.English)
        {
            // Staff should know before they call back; the person's own words stay as written (never translated).
            summary = $"The client writes in {LanguageName(language)}. {summary}";
        }
        return new Escalation
        {
            Id = NewId.For("esc"), Category = category.Name, Urgency = urgency ?? category.Urgency, Route = category.Route, Summary = summary,
            ClientId = scope.ClientId, ClientPhone = scope.VerifiedPhone, ConversationId = request.ConversationId, Channel = request.Channel,
            LocationId = scope.LocationId, CreatedAtUtc = now, UpdatedAtUtc = now,
        };
    }

    private static string Short(string text) => InputText.Shorten(text, 160);

    private static string LanguageName(string language) => language switch
    {
        ConversationLanguage.Spanish => "Spanish",
        _ => language,
    };

    private static string Describe(string category) => category switch
    {
        "pricing" => "Pricing request",
        "sensitive" => "Sensitive matter",
        "human_request" => "Asked for a person",
        _ => category,
    };

    // Control characters become spaces and lone surrogates U+FFFD; the cut never splits an emoji (issue 15).
    private string Clean(string? text) => InputText.CleanMessage(text, options.MaxMessageLength);
}

/// <summary>The brains in the order to try them: the configured one first, the embedded engine as the fallback.</summary>
/// <param name="embedded">The embedded engine.</param>
/// <param name="primary">The configured remote brain, or null for the embedded engine alone.</param>
/// <param name="primaryName">Name of the remote brain in transcripts.</param>
/// <param name="embeddedFallback">Whether the embedded engine answers when the remote brain fails.</param>
public sealed class BrainSet(EmbeddedChatClient embedded, IChatClient? primary, string? primaryName, bool embeddedFallback = true)
{
    /// <summary>The embedded engine (also reads every turn for tags).</summary>
    public EmbeddedChatClient Embedded => embedded;

    /// <summary>Whether every turn is answered by the embedded engine (no remote model is configured).</summary>
    public bool EmbeddedOnly => primary is null;

    /// <summary>Brains in order.</summary>
    public IEnumerable<(IChatClient Client, string Name)> InOrder()
    {
        if (primary is not null)
        {
            yield return (primary, primaryName ?? "llm");
            if (!embeddedFallback)
            {
                yield break;
            }
        }
        yield return (embedded, EmbeddedChatClient.BrainName);
    }
}

/// <summary>The editable text: system prompt and replies.</summary>
public sealed class AgentPrompts(SpaProfile profile, TextTemplates replies, string systemTemplate, TimeProvider clock)
{
    /// <summary>The replies of every language (English where a language lacks a key).</summary>
    public LocalizedTemplates Languages { get; init; } = new(replies);

    /// <summary>A reply by name, in English, with the spa's standard values filled in.</summary>
    public string Reply(string name) => Reply(name, null);

    /// <summary>A reply by name in a language ("en", "es"; English when null or a key the language lacks), with the spa's standard values filled in.</summary>
    public string Reply(string name, string? language) => Languages.For(language).Render(name, new Dictionary<string, string>
    {
        ["spa"] = profile.Spa.Name, ["disclosure"] = profile.Spa.DisclosureIn(language),
    });

    // The system prompt depends on the day, the channel and the location only, and every turn asks for it: built once each
    // (the profile's whole service list was formatted again on every turn).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(DateOnly Day, string Channel, string? LocationId), string> _systems = new();

    /// <summary>The system prompt for a conversation.</summary>
    public string System(ConversationScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var key = (profile.Today(clock), scope.Channel, scope.LocationId);
        if (_systems.TryGetValue(key, out var known))
        {
            return known;
        }
        if (_systems.Count >= 256)
        {
            _systems.Clear();
        }
        return _systems[key] = BuildSystem(scope);
    }

    private string BuildSystem(ConversationScope scope)
    {
        var policies = new List<string>();
        if (profile.Policies.Cancellation is { } c)
        {
            policies.Add("- Cancellation: " + c);
        }
        if (profile.Policies.Deposit is { } d)
        {
            policies.Add("- Deposit: " + d);
        }
        policies.Add($"- Bookings open {profile.Policies.BookingLeadTimeMin} minutes ahead at the earliest and up to {profile.Policies.BookingHorizonDays} days out.");
        var location = profile.FindLocation(scope.LocationId);
        return TextTemplates.Fill(systemTemplate, new Dictionary<string, string>
        {
            ["spa"] = profile.Spa.Name,
            ["disclosure"] = profile.Spa.AiDisclosure,
            ["today"] = SpokenTime.Day(profile.Today(clock)) + ", " + profile.Today(clock).Year,
            ["timezone"] = profile.Spa.TimeZoneId,
            ["channel"] = scope.Channel,
            ["location_line"] = location is null ? "" : $", reaching the {location.Name} location",
            ["policies"] = string.Join('\n', policies),
            ["locations"] = string.Join('\n', profile.Locations.Select(l => $"- {l.Name}: {l.Address}")),
            ["services"] = string.Join('\n', profile.Services.Select(s => $"- {s.Name} ({s.Category}, {s.DurationMin} min)" +
                (s.Price is { } p ? $", {(s.PriceFrom ? "from " : "")}{Tools.Faq.FaqIndex.FormatMoney(p, profile.Spa.Currency)}" : ", price on consultation"))),
        });
    }
}
