using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Understanding;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Text;
using Microsoft.Extensions.AI;

namespace FrontDesk.Agent.Embedded;

/// <summary>
/// The embedded, offline language engine behind <see cref="IChatClient"/>. It reads the conversation and the
/// declared tools and answers the way a tool-calling model would: with <see cref="FunctionCallContent"/> or text.
/// Understanding (intents, services, dates, times, names, numbers) comes from <see cref="Understander"/>;
/// this class is the dialogue policy: multi-turn slot filling, offers, read-backs and confirmations.
/// Its wording comes from prompts/replies.yaml. Deterministic: the same conversation gives the same answer.
/// </summary>
public sealed partial class EmbeddedChatClient : IChatClient
{
    /// <summary>Name used in transcripts.</summary>
    public const string BrainName = "embedded";

    /// <summary>
    /// Key of an <see cref="Utterance"/> on a user message's <see cref="ChatMessage.AdditionalProperties"/>: the agent's
    /// reading of that message (from <see cref="Understand(string, IReadOnlyList{ChatMessage}, string, string)"/> with the same history), so the engine need not read it twice.
    /// </summary>
    public const string UtteranceKey = "frontdesk.utterance";

    /// <summary>
    /// Key on an answer's <see cref="ChatMessage.AdditionalProperties"/>: the engine hands the conversation to a person
    /// (value: the escalation category, human_request), after the second reply in a row it could not understand.
    /// </summary>
    public const string HandoffKey = "frontdesk.handoff";

    /// <summary>The <see cref="HandoffKey"/> value of a hand-over for the amount of a fee (the policy was said first).</summary>
    public const string FeeAmountHandoff = "fee_amount";

    /// <summary>The <see cref="HandoffKey"/> value of a hand-over for a group of four or more (a person arranges it).</summary>
    public const string GroupHandoff = "group";
    private const string ModelId = "frontdesk-embedded-1";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private readonly SpaProfile _profile;
    private readonly TextTemplates _replies;
    private readonly TimeProvider _clock;
    private readonly Understander _understander;
    private readonly SpaVocabulary _vocabulary;
    private readonly IReadOnlyList<DateOnly> _closures;

    /// <summary>Creates the engine for a profile.</summary>
    public EmbeddedChatClient(SpaProfile profile, TextTemplates replies, TimeProvider clock, Understander understander)
    {
        _profile = profile;
        _replies = replies;
        _clock = clock;
        _understander = understander;
        _vocabulary = VocabularyFor(profile);
        _closures = [.. profile.Locations.SelectMany(l => l.Closures).GroupBy(d => d).Where(g => g.Count() == profile.Locations.Count).Select(g => g.Key)];
    }

    /// <summary>The replies of every language (prompts/{language}/replies.yaml); English alone unless set.</summary>
    public LocalizedTemplates? Languages { get; init; }

    /// <summary>The replies in a language, English for a key it lacks.</summary>
    private TextTemplates RepliesIn(string? language) => Languages?.For(language) ?? _replies;

    /// <summary>The profile's services, staff and locations as the understander's vocabulary.</summary>
    public static SpaVocabulary VocabularyFor(SpaProfile profile) => new(
        profile.Services.Select(s => new ServiceTerm(s.Id, s.Name, [.. s.Aliases, .. s.Names.Values, .. s.LocalAliases], s.Category, s.DurationMin)
        {
            LocalNames = [.. s.Names.Values, .. s.LocalAliases],
        }),
        profile.Staff.Select(s => new PersonTerm(s.Id, s.Name)),
        profile.Locations.Select(l => new PlaceTerm(l.Id, l.Name, CityOf(l.Address))));

    /// <summary>The city of an address written "street, city, state zip" ("2140 Valencia St, San Francisco, CA 94110"); null otherwise.</summary>
    public static string? CityOf(string? address) =>
        address?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) is { Length: >= 3 } parts ? parts[^2] : null;

    /// <summary>
    /// What a team member wrote during a takeover, as the history's assistant message. It carries the engine's state
    /// without the offers, read-back and pending question from before the takeover (the facts the person gave are kept):
    /// those are not the engine's to act on any more, so it never books, repeats or contradicts what the team member said.
    /// </summary>
    public static ChatMessage StaffMessage(string text, IReadOnlyList<ChatMessage> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var state = LastState(history);
        // What the person asked for (service, day, contact details) still holds; the engine's own offers, read-back and
        // pending question do not: the team member may have answered, moved or filled them since.
        state.Offered = [];
        state.ChosenSlotId = null;
        state.PendingTool = state.PendingArgs = state.ReadBack = null;
        state.Asked = AgentQuestion.Nothing;
        state.Phase = DialoguePhase.None;
        state.Misses = 0;
        return new ChatMessage(ChatRole.Assistant, "[team member] " + text)
        {
            AdditionalProperties = new() { [StoredMessage.EngineStateKey] = state.Serialize() },
        };
    }

    /// <summary>Reads one user turn in the context of the engine's state (also used by the agent for tags).</summary>
    public Utterance Understand(string text, IReadOnlyList<ChatMessage>? history = null) => Understand(text, history, null);

    /// <summary>
    /// Reads one user turn in a language ("en", "es"; null: the conversation's so far). <paramref name="writtenIn"/>: the
    /// language the message itself is in when the conversation keeps another (a short "la primera" in an English
    /// conversation, round 30): it is read in its own language, and answered in the conversation's.
    /// </summary>
    public Utterance Understand(string text, IReadOnlyList<ChatMessage>? history, string? language, string? writtenIn = null)
    {
        if (history is null)
        {
            var fresh = new DialogueState { Language = writtenIn ?? language };
            return _understander.Understand(text, Context(fresh)) with { Language = language ?? fresh.Language };
        }
        var state = StateFor(history, history.Count);
        var stored = state.Language;
        state.Language = writtenIn ?? language ?? stored;
        var utterance = _understander.Understand(text, Context(state)) with { Language = language ?? stored };
        // The engine's first step of this turn continues from the same state: it takes this object instead of reading the
        // history again, when it is handed the same messages (issue 16: the state was parsed twice a turn).
        state.Language = stored;
        _readStates.AddOrUpdate(utterance, new StateRead(SourceOf(history, history.Count), [.. Since(history, history.Count)], state));
        return utterance;
    }

    /// <summary>
    /// When set, a state the engine's first step takes from <see cref="Understand(string, IReadOnlyList{ChatMessage}, string, string)"/>
    /// is also read from the history again, and both written out: they must be the same, or the step throws. The scenario
    /// suite and the agent tests run with it on.
    /// </summary>
    public bool CheckReadStates { get; set; }

    private long _statesRead;

    /// <summary>How many times the engine has read its state from a conversation's history (parsing the stored state and replaying what followed it).</summary>
    public long StatesRead => Interlocked.Read(ref _statesRead);

    // The state each reading was made with, with the messages it was read from: the state stored on Source, then Since.
    private sealed record StateRead(ChatMessage? Source, ChatMessage[] Since, DialogueState State);

    private readonly ConditionalWeakTable<Utterance, StateRead> _readStates = new();

    /// <summary>The state the reading <paramref name="understood"/> was made with, taken once, if it was read from these same messages.</summary>
    private DialogueState? StateReadFor(Utterance? understood, IReadOnlyList<ChatMessage> messages, int end)
    {
        if (understood is null || !_readStates.TryGetValue(understood, out var read) || !_readStates.Remove(understood))
        {
            return null;
        }
        if (!ReferenceEquals(SourceOf(messages, end), read.Source) || !Since(messages, end).SequenceEqual(read.Since, ReferenceEqualityComparer.Instance))
        {
            return null;
        }
        if (CheckReadStates)
        {
            var kept = JsonSerializer.Serialize(read.State, StateJsonContext.Default.DialogueState);
            var again = JsonSerializer.Serialize(StateFor(messages, end, count: false), StateJsonContext.Default.DialogueState);
            if (kept != again)
            {
                throw new InvalidOperationException("The state kept from the turn's reading is not the state its history gives.");
            }
        }
        return read.State;
    }

    /// <summary>The newest message before <paramref name="end"/> that carries the engine's state, if any.</summary>
    private static ChatMessage? SourceOf(IReadOnlyList<ChatMessage> messages, int end)
    {
        var from = SourceIndex(messages, end);
        return from < 0 ? null : messages[from];
    }

    /// <summary>The messages after the state's source and before <paramref name="end"/>, without the system prompt (which the state does not read).</summary>
    private static IEnumerable<ChatMessage> Since(IReadOnlyList<ChatMessage> messages, int end)
    {
        for (var i = SourceIndex(messages, end) + 1; i < end && i < messages.Count; i++)
        {
            if (messages[i].Role != ChatRole.System)
            {
                yield return messages[i];
            }
        }
    }

    private static int SourceIndex(IReadOnlyList<ChatMessage> messages, int end)
    {
        for (var i = Math.Min(end, messages.Count) - 1; i >= 0; i--)
        {
            if (messages[i].Role == ChatRole.Assistant && messages[i].AdditionalProperties?.ContainsKey(StoredMessage.EngineStateKey) == true)
            {
                return i;
            }
        }
        return -1;
    }

    /// <inheritdoc/>
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var (message, _) = Decide(list, options);
        return Task.FromResult(new ChatResponse(message) { ModelId = ModelId, FinishReason = message.Contents.OfType<FunctionCallContent>().Any() ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop });
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        var message = response.Messages[0];
        var calls = message.Contents.OfType<FunctionCallContent>().ToList();
        if (calls.Count > 0)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, [.. calls]) { ModelId = ModelId, AdditionalProperties = message.AdditionalProperties, MessageId = "m" };
            yield break;
        }
        // Sentence by sentence, as a streaming model would (voice speaks each as it arrives).
        var first = true;
        foreach (var sentence in Sentences(message.Text))
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, sentence)
            {
                ModelId = ModelId, MessageId = "m", AdditionalProperties = first ? message.AdditionalProperties : null,
            };
            first = false;
        }
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata(BrainName, null, ModelId) : serviceType.IsInstanceOfType(this) ? this : null;

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    /// <summary>Splits text into sentences, keeping their punctuation and trailing space.</summary>
    public static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '.' or '?' or '!' && (i + 1 == text.Length || text[i + 1] == ' ') && !(i > 0 && char.IsDigit(text[i - 1]) && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                yield return text[start..Math.Min(text.Length, i + 2)];
                start = i + 2;
            }
        }
        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    // ---------------- the policy ----------------

    private (ChatMessage Message, DialogueState State) Decide(IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        var available = options?.Tools?.OfType<AIFunction>().Select(f => f.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        var lastUser = -1;
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role == ChatRole.User)
            {
                lastUser = i;
                break;
            }
        }
        var understood = lastUser < 0 ? null : messages[lastUser].AdditionalProperties?.TryGetValue(UtteranceKey, out var pre) == true ? pre as Utterance : null;
        // The turn's first step (nothing after the person's message yet) continues from the state its reading was made with.
        var state = (lastUser == messages.Count - 1 ? StateReadFor(understood, messages, lastUser) : null)
            ?? StateFor(messages, lastUser < 0 ? messages.Count : lastUser);
        var turn = new Turn(this, state, available);
        if (lastUser < 0)
        {
            return (turn.Say("greeting"), state);
        }
        // Tool results produced after the user's message in this turn: continue from the newest one.
        for (var i = messages.Count - 1; i > lastUser; i--)
        {
            if (messages[i].Role == ChatRole.Tool)
            {
                var result = messages[i].Contents.OfType<FunctionResultContent>().LastOrDefault();
                var call = messages.Take(i).SelectMany(m => m.Contents).OfType<FunctionCallContent>().LastOrDefault(c => c.CallId == result?.CallId);
                if (result is not null && call is not null)
                {
                    if (state.Calls > 8)
                    {
                        return (turn.Say("not_understood"), state);
                    }
                    return (turn.OnToolResult(call, ToJson(result.Result)), state);
                }
            }
        }
        state.Calls = 0;
        var text = messages[lastUser].Text ?? "";
        return (turn.OnUserTurn(text, understood), state);
    }

    /// <summary>
    /// The state to continue from: the newest one the engine stored, updated by the tool results that came after it and
    /// before <paramref name="end"/> (the person's newest message; the results after it are this turn's own). Those are another brain's (the OpenAI-compatible one answered those turns): its
    /// offers, read-backs, appointment lists and bookings update the same state, so the conversation can move between
    /// brains ("the 10 am one" picks from the slots the other brain offered; "yes" answers its read-back).
    /// </summary>
    private DialogueState StateFor(IReadOnlyList<ChatMessage> messages, int end, bool count = true)
    {
        // The newest state anywhere in the messages: a later step of a turn continues from the one its previous step wrote.
        var from = SourceIndex(messages, messages.Count);
        if (count && from < end)
        {
            // Read from the history (a later step of a turn continues from the state its previous step just wrote, after end).
            Interlocked.Increment(ref _statesRead);
        }
        var state = from < 0 ? new DialogueState() : LastState([messages[from]]);
        var replay = new Turn(this, state, []);
        for (var i = from + 1; i < end && i < messages.Count; i++)
        {
            if (messages[i].Role == ChatRole.User && AnsweredByAnotherBrain(messages, i, end))
            {
                // What the person told the other brain, also what it never passed to a tool (a name, a day): the
                // engine reads the message as it would its own and folds the facts in.
                DialogueTracker.Absorb(state, _understander.Understand(messages[i].Text ?? "", Context(state)));
                continue;
            }
            if (messages[i].Role != ChatRole.Tool)
            {
                continue;
            }
            foreach (var result in messages[i].Contents.OfType<FunctionResultContent>())
            {
                var call = messages.Take(i).SelectMany(m => m.Contents).OfType<FunctionCallContent>().LastOrDefault(c => c.CallId == result.CallId);
                if (call is not null)
                {
                    replay.OnOtherBrainsResult(call, ToJson(result.Result));
                }
            }
        }
        state.Calls = 0;
        return state;
    }

    /// <summary>
    /// A user message before the newest engine state that something other than the engine answered: an assistant or
    /// tool message follows it before the next user message. (A message sent during a takeover has no answer; a safety
    /// rule's answer carries the engine's state, <see cref="RulesMessage"/>, so its message is behind that state.)
    /// </summary>
    private static bool AnsweredByAnotherBrain(IReadOnlyList<ChatMessage> messages, int user, int end)
    {
        for (var j = user + 1; j < end && j < messages.Count; j++)
        {
            if (messages[j].Role == ChatRole.User)
            {
                return false;
            }
            if (messages[j].Role == ChatRole.Assistant || messages[j].Role == ChatRole.Tool)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A reply the safety rules gave (not a brain), as the history's assistant message: it carries the engine's state as
    /// it stood before the person's message, so that message is not later read as facts another brain was told.
    /// </summary>
    public ChatMessage RulesMessage(string text, IReadOnlyList<ChatMessage> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var state = StateFor(history, history.Count);
        return new ChatMessage(ChatRole.Assistant, text)
        {
            AdditionalProperties = new() { [StoredMessage.EngineStateKey] = state.Serialize() },
        };
    }

    private static DialogueState LastState(IReadOnlyList<ChatMessage> messages)
    {
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role == ChatRole.Assistant && messages[i].AdditionalProperties?.TryGetValue(StoredMessage.EngineStateKey, out var s) == true && s is string json)
            {
                return DialogueState.Parse(json);
            }
        }
        return new DialogueState();
    }

    private UnderstandingContext Context(DialogueState state) => new(_profile.Today(_clock), _vocabulary)
    {
        Closures = _closures,
        // A booking under way with nothing asked (after a takeover, say): a bare number is a time.
        LastAsked = state.Asked == AgentQuestion.Nothing && state.Task is DialogueTask.Book or DialogueTask.Reschedule && state.ServiceId is not null
            ? AgentQuestion.Time
            : state.Asked,
        OfferedSlots = [.. state.Offered.Select(o => new OfferedSlot(DateOnly.ParseExact(o.Date, "yyyy-MM-dd", Inv), TimeOnly.ParseExact(o.Time, "HH:mm", Inv), o.Staff, o.Location))],
        RequestedTime = TimeOnly.TryParseExact(state.Near, "HH:mm", Inv, System.Globalization.DateTimeStyles.None, out var near) ? near : null,
        DateInPlay = DateInPlay(state),
        Language = state.Language,
        AfterAddress = state.AddressAnswered,
    };

    /// <summary>The day of the slot read back, else the day or days asked for, else the days of the slots offered (for "what about the day after?").</summary>
    private static DateRange? DateInPlay(DialogueState state)
    {
        if (state.ChosenSlotId is { } chosenId && state.Offered.FirstOrDefault(o => o.SlotId == chosenId) is { } chosen)
        {
            return DateRange.Day(DateOnly.ParseExact(chosen.Date, "yyyy-MM-dd", Inv));
        }
        if (state.DateStart is { } start && DateOnly.TryParseExact(start, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var from))
        {
            var to = state.DateEnd is { } end && DateOnly.TryParseExact(end, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var e) && e >= from ? e : from;
            return new DateRange(from, to);
        }
        var offered = state.Offered.Select(o => DateOnly.ParseExact(o.Date, "yyyy-MM-dd", Inv)).ToList();
        if (offered.Count == 0 && state.LastHoursDay is { } hoursDay && DateOnly.TryParseExact(hoursDay, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var day))
        {
            // "what time do you open tomorrow" → "ok can I get a massage then": the day the hours were given for.
            return DateRange.Day(day);
        }
        return offered.Count == 0 ? null : new DateRange(offered.Min(), offered.Max());
    }

    private static JsonElement ToJson(object? result) => result switch
    {
        JsonElement e => e,
        string s when s.StartsWith('{') => JsonSerializer.Deserialize<JsonElement>(s),
        _ => JsonSerializer.SerializeToElement(result, ConversationState.Json),
    };
}
