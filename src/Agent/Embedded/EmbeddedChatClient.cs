using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Languages;
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
public sealed class EmbeddedChatClient : IChatClient
{
    /// <summary>Name used in transcripts.</summary>
    public const string BrainName = "embedded";

    /// <summary>
    /// Key of an <see cref="Utterance"/> on a user message's <see cref="ChatMessage.AdditionalProperties"/>: the agent's
    /// reading of that message (from <see cref="Understand(string, IReadOnlyList{ChatMessage}, string)"/> with the same history), so the engine need not read it twice.
    /// </summary>
    public const string UtteranceKey = "frontdesk.utterance";

    /// <summary>
    /// Key on an answer's <see cref="ChatMessage.AdditionalProperties"/>: the engine hands the conversation to a person
    /// (value: the escalation category, human_request), after the second reply in a row it could not understand.
    /// </summary>
    public const string HandoffKey = "frontdesk.handoff";
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
        profile.Services.Select(s => new ServiceTerm(s.Id, s.Name, [.. s.Aliases, .. s.Names.Values, .. s.LocalAliases], s.Category, s.DurationMin)),
        profile.Staff.Select(s => new PersonTerm(s.Id, s.Name)),
        profile.Locations.Select(l => new PlaceTerm(l.Id, l.Name)));

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

    /// <summary>Reads one user turn in a language ("en", "es"; null: the conversation's so far).</summary>
    public Utterance Understand(string text, IReadOnlyList<ChatMessage>? history, string? language)
    {
        var state = history is null ? new DialogueState() : LastState(history);
        state.Language = language ?? state.Language;
        return _understander.Understand(text, Context(state)) with { Language = state.Language };
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
        var state = LastState(messages);
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
        var understood = messages[lastUser].AdditionalProperties?.TryGetValue(UtteranceKey, out var pre) == true ? pre as Utterance : null;
        return (turn.OnUserTurn(text, understood), state);
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
        return offered.Count == 0 ? null : new DateRange(offered.Min(), offered.Max());
    }

    private static JsonElement ToJson(object? result) => result switch
    {
        JsonElement e => e,
        string s when s.StartsWith('{') => JsonSerializer.Deserialize<JsonElement>(s),
        _ => JsonSerializer.SerializeToElement(result, ConversationState.Json),
    };

    /// <summary>One decision: reads the state and the latest input, writes the state into the answer.</summary>
    private sealed class Turn(EmbeddedChatClient engine, DialogueState state, HashSet<string> tools)
    {
        private SpaProfile Profile => engine._profile;

        private int _missesBefore;

        public ChatMessage OnUserTurn(string text, Utterance? understood)
        {
            var u = understood ?? engine._understander.Understand(text, engine.Context(state));
            // The reply is worded in the language the message was read in.
            state.Language = u.Language ?? state.Language;
            // Misses count only in a row: any reply that is not one starts again from zero.
            _missesBefore = state.Misses;
            state.Misses = 0;
            if (state.Task is not null && state.Asked is AgentQuestion.Name or AgentQuestion.Phone && u.Name is null && u.Phone is null && u.YesNo == YesNo.Unknown
                && !HasSlots(u) && LooksLikeName(u.Text) && (u.Staff.Kind != StaffMatchKind.None || u.Intent is Intent.Unknown or Intent.Inform or Intent.OutOfScope or Intent.Smalltalk))
            {
                // Asked for a name, "Sam Lee" is the person's name, not a request for Sam on our staff.
                u = u with { Name = CleanName(u.Text), Staff = StaffMatch.None, Intent = Intent.Inform };
            }
            if (state.Task is null && (u.Name is not null || u.Phone is not null || u.Email is not null) && !HasSlots(u)
                && u.Intent is not (Intent.Book or Intent.Availability or Intent.Cancel or Intent.Reschedule or Intent.Waitlist or Intent.Faq or Intent.MyAppointments or Intent.Human))
            {
                // "my number is 415 555 0166" before anything else: kept for the booking to come, not read as off-topic.
                state.Name = u.Name ?? state.Name;
                state.Phone = u.Phone ?? state.Phone;
                state.Email = u.Email ?? state.Email;
                return Say("contact_noted");
            }
            if (u.Name is not null || u.Phone is not null || u.Email is not null)
            {
                // Contact details are absorbed wherever they appear, whatever else the sentence looks like.
                var contactChanged = (u.Name is not null && u.Name != state.Name) || (u.Phone is not null && u.Phone != state.Phone)
                    || (u.Email is not null && u.Email != state.Email);
                state.Name = u.Name ?? state.Name;
                state.Phone = u.Phone ?? state.Phone;
                state.Email = u.Email ?? state.Email;
                if (state.Task is not null && state.Asked is AgentQuestion.Name or AgentQuestion.Phone or AgentQuestion.Email && state.Phase != DialoguePhase.VerifyPhone)
                {
                    return Resume();
                }
                if (contactChanged && state.Asked == AgentQuestion.Confirmation && state.PendingTool == "book_appointment" && u.YesNo != YesNo.Yes
                    && state.ChosenSlotId is not null)
                {
                    // "Oops, my number is …" at the read-back: the same slot, read back again with the corrected details.
                    return Resume();
                }
            }

            switch (u.Intent)
            {
                case Intent.Restart:
                    state.ResetTask();
                    return Say("restart");
                case Intent.Nevermind:
                    state.ResetTask();
                    return Say("never_mind");
                case Intent.OutOfScope when state.Asked == AgentQuestion.Nothing && state.Phase == DialoguePhase.None && (state.Task is null || u.Services.Kind == ServiceMatchKind.None && u.Date is null && u.Time is null && u.YesNo == YesNo.Unknown):
                    return Say("out_of_scope");
                case Intent.Thanks when state.Task is null || state.Asked == AgentQuestion.Nothing:
                    return Say("thanks");
                case Intent.Goodbye:
                    state.ResetTask();
                    return Say("goodbye");
                case Intent.Smalltalk when state.Task is null:
                    return Say(SmalltalkIsAboutBot(u.Text) ? "are_you_a_bot" : "smalltalk");
                case Intent.Human:
                    return Say("escalation_human_request");
            }

            // Answers to a question we asked.
            if (state.Asked == AgentQuestion.Confirmation && state.PendingTool is not null)
            {
                if (u.YesNo == YesNo.Yes && (!u.IsCorrection || AgreesWithReadBack(u)))
                {
                    // "yes", and "yes, please book the consultation then": a yes whose details are the read-back's own.
                    return Call(state.PendingTool, JsonSerializer.Deserialize<Dictionary<string, object?>>(state.PendingArgs ?? "{}")!);
                }
                if (u.YesNo == YesNo.Unknown && !HasSlots(u) && u.Staff.Kind == StaffMatchKind.None && u.Name is null && u.Phone is null
                    && u.Intent is not (Intent.Cancel or Intent.Reschedule or Intent.Waitlist or Intent.MyAppointments or Intent.Faq or Intent.Book or Intent.Availability))
                {
                    // "k", "👍", "hmm": not a yes. Only a clear yes writes, so the read-back is asked again (the tool
                    // sets it up anew), and a second miss offers a person.
                    return Miss(() => Call(state.PendingTool, JsonSerializer.Deserialize<Dictionary<string, object?>>(state.PendingArgs ?? "{}")!));
                }
                var declined = state.PendingTool;
                state.PendingTool = state.PendingArgs = state.ReadBack = null;
                var chosenBefore = state.ChosenSlotId;
                state.ChosenSlotId = null;
                state.Asked = AgentQuestion.Nothing;
                var corrected = Merge(u);
                if (!corrected && u.YesNo == YesNo.No)
                {
                    if (declined is "book_appointment" or "reschedule_appointment" && state.Offered.Count > 1)
                    {
                        // "no" to the read-back: the other times offered are still on the table ("the 10 then").
                        state.Asked = AgentQuestion.SlotChoice;
                    }
                    return Say(declined == "cancel_appointment" ? "cancel_declined" : "booking_declined");
                }
                if (corrected && declined is "book_appointment" or "reschedule_appointment" && u.Time?.Exact is { } newTime
                    && state.Offered.Where(o => o.Date == (state.Offered.FirstOrDefault(x => x.SlotId == chosenBefore)?.Date ?? o.Date)
                        && TimeOnly.ParseExact(o.Time, "HH:mm", Inv) is var t && t.Hour % 12 == newTime.Hour % 12 && t.Minute == newTime.Minute).ToList() is [var same]
                    && !ChangesTheSearch(u))
                {
                    // "yes but make it 11" when 11 was on offer that day: that slot, read back.
                    return Choose(same);
                }
                if (corrected && declined is "book_appointment" or "reschedule_appointment")
                {
                    // "hold on, can we do 4 instead?" at the read-back: search again with the new value, whatever the intent reads.
                    state.Offered = [];
                    state.Phase = DialoguePhase.None;
                    return state.Task == DialogueTask.Reschedule && state.AppointmentRef is not null ? NextRescheduleStep() : NextBookingStep();
                }
            }
            if (state.Phase == DialoguePhase.WaitlistOffer && u.YesNo == YesNo.Yes && state.Offered.Count > 0 && u.ChosenSlot is null && u.Intent != Intent.Waitlist
                && !u.Text.Contains("waitlist", StringComparison.OrdinalIgnoreCase) && !u.Text.Contains("wait list", StringComparison.OrdinalIgnoreCase))
            {
                // "Would one of those work, or shall I add you to the waitlist?" → "yes": which of the two is not said.
                return Miss(() => Say("slots_or_waitlist", ("slots", Join(state.Offered.Select(o => o.Label).ToList(), "list_or"))));
            }
            if (state.Phase == DialoguePhase.WaitlistOffer && (u.YesNo == YesNo.Yes || u.Intent == Intent.Waitlist) && u.ChosenSlot is null)
            {
                state.Phase = DialoguePhase.None;
                state.Task = DialogueTask.Waitlist;
                return NextWaitlistStep();
            }
            if (state.Phase == DialoguePhase.VerifyCode && u.Text.Count(char.IsAsciiDigit) == 6)
            {
                return Call("verify_phone", new() { ["code"] = new string(u.Text.Where(char.IsAsciiDigit).ToArray()) });
            }
            if (state.Phase == DialoguePhase.VerifyPhone && u.Phone is not null)
            {
                state.Phone = u.Phone;
                return Call("send_verification_code", new() { ["phone"] = u.Phone });
            }
            if (state.Asked == AgentQuestion.Phone && u.Phone is not null)
            {
                state.Phone = u.Phone;
                return Resume();
            }
            if (state.Asked == AgentQuestion.Name && u.Name is null && u.YesNo != YesNo.Unknown)
            {
                // "yes" or "ok" is not a name: ask again rather than book someone called "Yes".
                return Say("ask_name");
            }
            if (state.Asked == AgentQuestion.Name && (u.Name is not null || LooksLikeName(u.Text)))
            {
                state.Name = u.Name ?? CleanName(u.Text);
                return Resume();
            }
            // "yes the 10 o'clock", "actually the 11 then": a correction that lands on an offered slot picks it.
            if (state.Asked == AgentQuestion.SlotChoice && u.ChosenSlot is { } chosen && chosen < state.Offered.Count
                && (!u.IsCorrection || !ChangesTheSearch(u)))
            {
                return Choose(state.Offered[chosen]);
            }
            if (state.Asked == AgentQuestion.SlotChoice && state.Offered.Count == 1 && u.YesNo == YesNo.Yes)
            {
                return Choose(state.Offered[0]);
            }
            if (state.Asked == AgentQuestion.Service && state.ServiceOptions.Count > 1 && u.YesNo != YesNo.Unknown && u.Services.Kind == ServiceMatchKind.None
                && OptionByDuration(u.Text) is null && Ordinal(u.Text) is null && ShorterOrLonger(u.Text) is null)
            {
                // "The 60 or the 90?" → "yes": an either/or question is asked again, never answered for them.
                return Miss(() => Say("ask_service_choice", ("options", Join(state.ServiceOptions, "list_or"))));
            }
            if (state.Asked == AgentQuestion.SlotChoice && u.ChosenSlot is null && SiblingByLength(u.Text) is { } sibling)
            {
                // "hmm the shorter one instead" after the 90-minute times were offered: the 60-minute one, same search.
                state.ServiceId = sibling.Id;
                state.Offered = [];
                Merge(u with { Services = ServiceMatch.None });
                return state.Task == DialogueTask.Reschedule && state.AppointmentRef is not null ? NextRescheduleStep() : NextBookingStep();
            }
            if (state.Asked == AgentQuestion.Service && state.ServiceOptions.Count > 1 && (OptionByDuration(u.Text) ?? ShorterOrLonger(u.Text)) is { } byDuration)
            {
                state.ServiceOptions = [byDuration.Name];
            }
            if (state.Asked == AgentQuestion.Service && state.ServiceOptions.Count == 1 && FrontDesk.Tools.CatalogLookup.Services(Profile, state.ServiceOptions[0]) is [var only])
            {
                state.ServiceId = only.Id;
                state.ServiceOptions = [];
                state.Task ??= DialogueTask.Book;
                Merge(u with { Services = ServiceMatch.None });
                return state.Task == DialogueTask.Waitlist ? NextWaitlistStep() : NextBookingStep();
            }
            if (state.Asked == AgentQuestion.Service && state.ServiceOptions.Count > 1 && Ordinal(u.Text) is { } option && option <= state.ServiceOptions.Count
                && FrontDesk.Tools.CatalogLookup.Services(Profile, state.ServiceOptions[option - 1]) is [var picked1])
            {
                state.ServiceId = picked1.Id;
                state.ServiceOptions = [];
                state.Task ??= DialogueTask.Book;
                Merge(u with { Services = ServiceMatch.None });
                return state.Task == DialogueTask.Waitlist ? NextWaitlistStep() : NextBookingStep();
            }
            if (state.Phase == DialoguePhase.PickAppointment && PickAppointment(u) is { } picked)
            {
                state.AppointmentRef = picked;
                state.Phase = DialoguePhase.None;
                return state.Task == DialogueTask.Cancel ? Call("cancel_appointment", new() { ["appointment_ref"] = picked }) : NextRescheduleStep();
            }

            switch (u.Intent)
            {
                case Intent.Cancel:
                    state.ResetTask();
                    state.Task = DialogueTask.Cancel;
                    return Call("list_appointments", []);
                case Intent.Reschedule when state.Task == DialogueTask.Book && u.ShiftMinutes is null && HasSlots(u):
                    // "can we change it to friday" while booking is a correction of the booking, not a move of another appointment.
                    break;
                case Intent.Reschedule:
                    state.ResetTask();
                    state.Task = DialogueTask.Reschedule;
                    Merge(u);
                    state.ShiftMinutes = u.ShiftMinutes;
                    state.SameTime = u.SameTime;
                    state.SameDay = u.SameDay;
                    return Call("list_appointments", []);
                case Intent.MyAppointments:
                    state.ResetTask();
                    state.Task = DialogueTask.List;
                    return Call("list_appointments", []);
                case Intent.Waitlist:
                    state.Task = DialogueTask.Waitlist;
                    Merge(u);
                    return NextWaitlistStep();
                // "Do you have a hydrafacial on Friday?" reads like a question but names a service and a day or time:
                // it asks for availability, not for the FAQ.
                case Intent.Faq when (state.Asked is AgentQuestion.Nothing || u.Services.Kind == ServiceMatchKind.None)
                                     && !(u.Services.Kind != ServiceMatchKind.None && (u.Date is not null || u.Time is not null) && !AsksPrice(u.Text)):
                    return AskFaq(u);
                case Intent.Greeting when state.Task is null && !HasSlots(u):
                    return Say("greeting");
                case Intent.Affirm when state.Task is null && tools.Contains("accept_waitlist_offer") && tools.Contains("find_waitlist_offer"):
                    // A bare yes with nothing asked may answer a waitlist text; book only if there is such an offer.
                    state.Task = DialogueTask.AcceptOffer;
                    return Call("find_waitlist_offer", []);
                case Intent.Thanks:
                    return Say("thanks");
            }

            var asked = state.Asked;
            var changed = Merge(u);
            if (!changed && u.Name is null && u.Phone is null && u.Email is null && state.Task is not null
                && u.Intent is not (Intent.Book or Intent.Availability or Intent.Waitlist or Intent.Faq))
            {
                // Nothing in the reply answers the question pending: ask it again with the choices, then offer a person.
                if (asked == AgentQuestion.SlotChoice && state.Offered.Count > 0)
                {
                    return Miss(() => Say("ask_slot_choice", ("slots", Join(state.Offered.Select(o => o.Label).ToList(), "list_or"))));
                }
                if (asked == AgentQuestion.Service && state.ServiceOptions.Count > 1)
                {
                    return Miss(() => Say("ask_service_choice", ("options", Join(state.ServiceOptions, "list_or"))));
                }
                if (asked == AgentQuestion.Service)
                {
                    return Miss(() => Say("unknown_service", ("options", Join(Profile.Services.Select(x => x.Name).ToList(), "list_and"))));
                }
            }
            if (state.Task is DialogueTask.Reschedule && state.AppointmentRef is not null)
            {
                return NextRescheduleStep();
            }
            if (state.Task is DialogueTask.Waitlist)
            {
                return NextWaitlistStep();
            }
            if (state.Task is null && !changed && u.Intent is not (Intent.Book or Intent.Availability))
            {
                return u.Intent == Intent.Faq || u.Text.Contains('?', StringComparison.Ordinal)
                    ? AskFaq(u)
                    : Say("not_understood");
            }
            state.Task ??= DialogueTask.Book;
            if (changed)
            {
                state.Offered = [];
            }
            return NextBookingStep();
        }

        public ChatMessage OnToolResult(FunctionCallContent call, JsonElement result)
        {
            if (result.ValueKind != JsonValueKind.Object)
            {
                // A tool that failed (or a call it could not take) answers in plain text: never read that to the person.
                state.ResetTask();
                return Say("tool_failed");
            }
            var status = result.TryGetProperty("status", out var s) ? s.GetString() ?? "" : "error";
            var message = result.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
            var data = result.TryGetProperty("data", out var d) ? d : default;
            state.Calls++;

            switch (call.Name, status)
            {
                case ("check_availability", "ok"):
                    return Offer(data, message, alternatives: false);
                case ("check_availability", "no_slots") when data.ValueKind == JsonValueKind.Object && data.TryGetProperty("horizon_end", out _):
                    state.DateStart = state.DateEnd = null;
                    state.Asked = AgentQuestion.Date;
                    return Say("beyond_horizon", ("days", Profile.Policies.BookingHorizonDays.ToString(Inv)));
                case ("check_availability", "no_slots"):
                    return data.ValueKind == JsonValueKind.Object && data.TryGetProperty("alternatives", out var alt) && alt.GetArrayLength() > 0
                        ? Offer(data, message, alternatives: true)
                        : AskWaitlist(ServiceName());
                case ("join_waitlist", "refused") when data.ValueKind == JsonValueKind.Object && data.TryGetProperty("reason", out var wr) && wr.GetString() is "beyond_horizon" or "closed":
                    state.DateStart = state.DateEnd = null;
                    state.Asked = AgentQuestion.Date;
                    return wr.GetString() == "closed" ? Say("closed_day_ask_another") : Say("beyond_horizon", ("days", Profile.Policies.BookingHorizonDays.ToString(Inv)));
                case ("check_availability" or "join_waitlist", "ambiguous"):
                    state.ServiceOptions = [.. data.GetProperty("options").EnumerateArray().Select(x => x.GetString()!)];
                    state.ServiceId = null;
                    state.Asked = AgentQuestion.Service;
                    return Say("ask_service_options", ("options", Join(state.ServiceOptions, "list_or")));
                case ("check_availability" or "join_waitlist", "not_found"):
                    state.ServiceId = null;
                    state.Asked = AgentQuestion.Service;
                    return Say("unknown_service", ("options", Join(Profile.Services.Select(x => x.Name).ToList(), "list_and")));

                case ("book_appointment", "needs_confirmation"):
                    return AskConfirmation("confirm_booking", call, data);
                case ("book_appointment" or "accept_waitlist_offer", "booked"):
                    var appt = data.GetProperty("appointment");
                    var readBack = AppointmentText("booked_read_back", appt);
                    var key = call.Name == "accept_waitlist_offer" ? "waitlist_offer_accepted" : "booked";
                    state.ResetTask();
                    return Say(key, ("read_back", readBack), ("confirmation_note", ConfirmationNote(data)));
                case ("book_appointment" or "reschedule_appointment", "slot_taken"):
                    state.Offered = [];
                    state.ChosenSlotId = null;
                    state.PendingTool = null;
                    return state.Task == DialogueTask.Reschedule ? NextRescheduleStep() : NextBookingStep();
                case ("book_appointment" or "join_waitlist", "bad_argument") when message.Contains("number", StringComparison.OrdinalIgnoreCase):
                    state.Asked = AgentQuestion.Phone;
                    return Say("ask_phone");
                case ("book_appointment" or "join_waitlist", "bad_argument") when message.Contains("name", StringComparison.OrdinalIgnoreCase):
                    state.Asked = AgentQuestion.Name;
                    return Say("ask_name");
                case ("check_availability", "bad_argument") when data.ValueKind == JsonValueKind.Object && data.TryGetProperty("reason", out var why) && why.GetString() == "provider_service":
                    state.StaffId = null;
                    state.Asked = AgentQuestion.Nothing;
                    return Say("provider_not_for_service", ("provider", data.GetProperty("provider").GetString()!), ("service", data.GetProperty("service").GetString()!),
                        ("options", Join([.. data.GetProperty("providers").EnumerateArray().Select(x => x.GetString()!)], "list_or")));
                case (_, "refused") when data.ValueKind == JsonValueKind.Object && data.TryGetProperty("reason", out var reason) && reason.GetString() == "contraindication":
                    state.ResetTask();
                    return Say("contraindication", ("service", ServiceNameFromArgs(call)));
                case (_, "refused") when data.ValueKind == JsonValueKind.Object && data.TryGetProperty("late_cancel", out _):
                    state.ResetTask();
                    return Say("late_cancel", ("reason", Profile.Policies.LateCancelHours.ToString(Inv)));

                case (_, "verification_required"):
                    if (state.Phone is { } phone && call.Name != "find_client")
                    {
                        state.Phase = DialoguePhase.VerifyCode;
                        return Call("send_verification_code", new() { ["phone"] = phone });
                    }
                    state.Phase = DialoguePhase.VerifyPhone;
                    state.Asked = AgentQuestion.Phone;
                    return Say("verification_needed");
                case ("send_verification_code", "ok"):
                    state.Phase = DialoguePhase.VerifyCode;
                    state.Asked = AgentQuestion.Nothing;
                    return Say("code_sent");
                case ("verify_phone", "ok"):
                    state.Phase = DialoguePhase.None;
                    return Resume();
                case ("verify_phone", _):
                    return Say("code_wrong", ("reason", message));

                case ("list_appointments", "ok"):
                    return OnAppointments(data);
                case ("cancel_appointment", "needs_confirmation"):
                    return AskConfirmation("confirm_cancel", call, data);
                case ("cancel_appointment", "cancelled"):
                    state.ResetTask();
                    return Say("cancelled", ("read_back", ReadBack(data)));
                case ("reschedule_appointment", "needs_confirmation"):
                    return AskConfirmation("confirm_reschedule", call, data);
                case ("reschedule_appointment", "rescheduled"):
                    state.ResetTask();
                    return Say("rescheduled", ("read_back", ReadBack(data)), ("confirmation_note", ConfirmationNote(data)));

                case ("join_waitlist", "ok"):
                    state.ResetTask();
                    return Say("waitlist_joined", ("service", ServiceNameFromArgs(call)), ("reason", WindowText(call)));
                case ("accept_waitlist_offer", _):
                    state.ResetTask();
                    return Say("waitlist_offer_missing");
                case ("find_waitlist_offer", "ok"):
                    return Call("accept_waitlist_offer", []);
                case ("find_waitlist_offer", _):
                    state.ResetTask();
                    return Say("not_understood");

                case ("answer_faq", "ok"):
                    var best = data.GetProperty("matches")[0].GetProperty("answer").GetString()!;
                    var elsewhere = data.TryGetProperty("other_locations", out var ol) ? ol.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
                    return elsewhere.Count == 0
                        ? Say("faq_answer", ("answer", best))
                        : Say("faq_answer_other_locations", ("answer", best), ("locations", Join(elsewhere, "list_and")));
                case ("answer_faq", "off_topic"):
                    return Say("out_of_scope");
                case ("answer_faq", "did_you_mean"):
                    return Say("faq_did_you_mean", ("question", data.GetProperty("question").GetString()!));
                case ("answer_faq", _):
                    return Say("faq_no_match");
            }
            state.PendingTool = null;
            if (status == "bad_argument" || message.Length == 0)
            {
                // A bad argument is the engine's mistake, worded for a model: say something the person can act on.
                state.Asked = AgentQuestion.Nothing;
                return Say("not_understood");
            }
            // Anything else: the tool's own message is written to be said.
            return SayText(message);
        }

        /// <summary>A question for the FAQ, with the location in play and the day it names ("hours on Saturday").</summary>
        private ChatMessage AskFaq(Utterance u)
        {
            var args = new Dictionary<string, object?> { ["question"] = u.Text, ["location"] = u.Location?.Location?.Id ?? state.LocationId };
            if (u.Date is { } date)
            {
                args["date"] = date.Range.Start.ToString("yyyy-MM-dd", Inv);
                args["end_date"] = date.Range.End.ToString("yyyy-MM-dd", Inv);
            }
            return Call("answer_faq", args);
        }

        private ChatMessage NextBookingStep()
        {
            if (state.ServiceId is null)
            {
                state.Asked = AgentQuestion.Service;
                return state.ServiceOptions.Count > 1 ? Say("ask_service_options", ("options", Join(state.ServiceOptions, "list_or"))) : Say("ask_service");
            }
            return Call("check_availability", SearchArgs(null));
        }

        private ChatMessage NextRescheduleStep()
        {
            var index0 = state.AppointmentRef is { } r0 ? state.AppointmentRefs.IndexOf(r0) : -1;
            if (index0 >= 0 && index0 < state.AppointmentStarts.Count
                && DateTime.TryParse(state.AppointmentStarts[index0], Inv, DateTimeStyles.None, out var current))
            {
                // Moves said relative to the appointment itself: "an hour later", "same time on friday", "that afternoon".
                if (state.ShiftMinutes is { } shift)
                {
                    var target = current.AddMinutes(shift);
                    state.DateStart = state.DateEnd = target.ToString("yyyy-MM-dd", Inv);
                    state.Near = target.ToString("HH:mm", Inv);
                    state.After = state.Before = null;
                    state.ShiftMinutes = null;
                }
                if (state.SameTime && state.Near is null && state.After is null && state.Before is null)
                {
                    state.Near = current.ToString("HH:mm", Inv);
                }
                if (state.DateStart is null && (state.SameDay || state.Near is not null || state.After is not null || state.Before is not null))
                {
                    state.DateStart = state.DateEnd = current.ToString("yyyy-MM-dd", Inv);
                }
            }
            if (state.DateStart is null && state.After is null && state.Near is null && state.Before is null)
            {
                state.Asked = AgentQuestion.Date;
                return Say("ask_day");
            }
            var appt = state.AppointmentRef!;
            var args = SearchArgs(appt);
            // The tool takes the service from the appointment; name it anyway so the call is valid on its own.
            var index = state.AppointmentRefs.IndexOf(appt);
            args["service"] = index >= 0 && index < state.AppointmentServices.Count ? state.AppointmentServices[index] : state.ServiceId ?? "";
            return Call("check_availability", args);
        }

        private ChatMessage NextWaitlistStep()
        {
            if (state.ServiceId is null)
            {
                state.Asked = AgentQuestion.Service;
                return Say("ask_service");
            }
            if (state.DateStart is null)
            {
                state.Asked = AgentQuestion.Date;
                return Say("waitlist_ask_window", ("service", ServiceName()));
            }
            var args = new Dictionary<string, object?>
            {
                ["service"] = state.ServiceId, ["start_date"] = state.DateStart, ["end_date"] = state.DateEnd ?? state.DateStart,
                ["time_of_day"] = TimeOfDay(), ["provider"] = state.StaffId, ["location"] = state.LocationId,
                ["client_name"] = state.Name, ["client_phone"] = state.Phone,
            };
            return Call("join_waitlist", args);
        }

        private Dictionary<string, object?> SearchArgs(string? rescheduleRef)
        {
            var args = new Dictionary<string, object?> { ["service"] = state.ServiceId };
            if (state.DateStart is not null)
            {
                args["date"] = state.DateStart;
                args["end_date"] = state.DateEnd ?? state.DateStart;
            }
            if (state.After is not null)
            {
                args["after"] = state.After;
            }
            if (state.Before is not null)
            {
                args["before"] = state.Before;
            }
            if (state.Near is not null)
            {
                args["near"] = state.Near;
            }
            if (state.StaffId is not null)
            {
                args["provider"] = state.StaffId;
            }
            if (state.LocationId is not null)
            {
                args["location"] = state.LocationId;
            }
            if (rescheduleRef is not null)
            {
                args["reschedule_ref"] = rescheduleRef;
            }
            return args;
        }

        /// <summary>Folds what the person said into the task; true when anything that changes a search changed.</summary>
        private bool Merge(Utterance u)
        {
            var changed = false;
            if (u.Services.Kind == ServiceMatchKind.Confident && u.Services.Service!.Id != state.ServiceId)
            {
                state.ServiceId = u.Services.Service.Id;
                state.ServiceOptions = [];
                changed = true;
            }
            else if (u.Services.Kind is ServiceMatchKind.Candidates or ServiceMatchKind.Several)
            {
                var inOptions = state.ServiceOptions.Count > 0
                    ? u.Services.Services.Where(x => state.ServiceOptions.Contains(x.Name)).ToList()
                    : [];
                if (inOptions.Count == 1)
                {
                    state.ServiceId = inOptions[0].Id;
                    state.ServiceOptions = [];
                }
                else
                {
                    state.ServiceId = null;
                    state.ServiceOptions = [.. u.Services.Services.Select(x => x.Name)];
                }
                changed = true;
            }
            if (u.Date is { } date)
            {
                state.DateStart = date.Range.Start.ToString("yyyy-MM-dd", Inv);
                state.DateEnd = date.Range.End.ToString("yyyy-MM-dd", Inv);
                changed = true;
            }
            if (u.Time is { } time)
            {
                state.After = state.Before = state.Near = null;
                switch (time.Kind)
                {
                    case TimePreferenceKind.Exact:
                        state.Near = time.Exact!.Value.ToString("HH:mm", Inv);
                        break;
                    case TimePreferenceKind.Window:
                        state.After = time.From?.ToString("HH:mm", Inv);
                        state.Before = time.To?.ToString("HH:mm", Inv);
                        break;
                    case TimePreferenceKind.Latest:
                        state.After = "15:00";
                        break;
                }
                changed = true;
            }
            if (u.Staff.Kind == StaffMatchKind.Confident && u.Staff.Staff[0].Id != state.StaffId)
            {
                state.StaffId = u.Staff.Staff[0].Id;
                changed = true;
            }
            else if (u.Staff.Kind == StaffMatchKind.Any && state.StaffId is not null)
            {
                state.StaffId = null;
                changed = true;
            }
            if (u.Location?.Location is { } place && place.Id != state.LocationId)
            {
                state.LocationId = place.Id;
                changed = true;
            }
            state.Name = u.Name ?? state.Name;
            state.Phone = u.Phone ?? state.Phone;
            state.Email = u.Email ?? state.Email;
            return changed;
        }

        private ChatMessage Choose(Offer offer)
        {
            if (state.Task == DialogueTask.Reschedule && state.AppointmentRef is not null)
            {
                return Call("reschedule_appointment", new() { ["appointment_ref"] = state.AppointmentRef, ["slot_id"] = offer.SlotId });
            }
            state.ChosenSlotId = offer.SlotId;
            return Call("book_appointment", BookArgs(offer.SlotId));
        }

        private Dictionary<string, object?> BookArgs(string slotId) => new()
        {
            ["slot_id"] = slotId, ["client_name"] = state.Name, ["client_phone"] = state.Phone, ["client_email"] = state.Email,
        };

        // "How much is…", "what does it cost": a question about the price stays a question, whatever day it names.
        private static readonly System.Text.RegularExpressions.Regex PriceQuestion = new(
            @"\b(cost|costs|price|prices|priced|pricing|how much|charge|fee)\b|\$",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(250));

        private static bool AsksPrice(string text) => PriceQuestion.IsMatch(text);

        /// <summary>Continues the task after we got a missing detail (name, phone, verification).</summary>
        private ChatMessage Resume()
        {
            state.Asked = AgentQuestion.Nothing;
            if (state.ChosenSlotId is { } chosenSlot)
            {
                return Call("book_appointment", BookArgs(chosenSlot));
            }
            return state.Task switch
            {
                DialogueTask.Cancel or DialogueTask.Reschedule or DialogueTask.List => Call("list_appointments", []),
                DialogueTask.Waitlist => NextWaitlistStep(),
                DialogueTask.Book => NextBookingStep(),
                _ => Say("how_can_i_help"),
            };
        }

        private ChatMessage Offer(JsonElement data, string message, bool alternatives)
        {
            var slots = data.GetProperty(alternatives ? "alternatives" : "slots").EnumerateArray().ToList();
            state.Offered = [.. slots.Select(x =>
            {
                var local = DateTime.ParseExact(x.GetProperty("localStart").GetString()!, "yyyy-MM-ddTHH:mm", Inv);
                var staff = x.GetProperty("provider").GetString()!;
                var label = Render(Profile.Locations.Count > 1 ? "slot_label_at_location" : "slot_label", ("day", x.GetProperty("day").GetString()!),
                    ("time", x.GetProperty("time").GetString()!), ("provider", StaffMember.SpokenName(staff)), ("location", x.GetProperty("location").GetString()!));
                return new Offer(x.GetProperty("slotId").GetString()!, local.ToString("yyyy-MM-dd", Inv), local.ToString("HH:mm", Inv), staff, label,
                    x.TryGetProperty("location", out var where) ? where.GetString() : null);
            })];
            state.Asked = AgentQuestion.SlotChoice;
            var service = data.GetProperty("service").GetString()!;
            var prefix = message.Contains("consultation", StringComparison.OrdinalIgnoreCase) && state.ServiceId is { } sid && Profile.FindService(sid) is { RequiresConsultation: true } wanted
                ? engine.RepliesIn(state.Language).Render("consultation_first", new Dictionary<string, string> { ["service"] = wanted.Name }) + " "
                : "";
            var labels = Join(state.Offered.Select(o => o.Label).ToList(), "list_or");
            if (alternatives)
            {
                state.Phase = DialoguePhase.WaitlistOffer;
                var closed = data.TryGetProperty("closed", out var c) && c.ValueKind == JsonValueKind.True;
                return SayText(prefix + Render(closed ? "closed_day_alternatives" : "no_slots_alternatives", ("service", service), ("slots", labels)));
            }
            return SayText(prefix + Render(state.Offered.Count == 1 ? "offer_slots_one" : "offer_slots", ("service", service), ("slots", labels)));
        }

        private ChatMessage AskWaitlist(string service)
        {
            state.Phase = DialoguePhase.WaitlistOffer;
            state.Asked = AgentQuestion.Confirmation;
            state.PendingTool = null;
            return Say("no_slots_waitlist", ("service", service));
        }

        private ChatMessage AskConfirmation(string template, FunctionCallContent call, JsonElement data)
        {
            state.PendingTool = call.Name;
            state.PendingArgs = JsonSerializer.Serialize(call.Arguments, Conversations.ConversationState.Json);
            state.ReadBack = data.GetProperty("read_back").GetString();
            state.Asked = AgentQuestion.Confirmation;
            return Say(state.Misses > 0 ? "confirm_again" : template, ("read_back", data.GetProperty("read_back").GetString()!));
        }

        private ChatMessage OnAppointments(JsonElement data)
        {
            var items = data.GetProperty("appointments").EnumerateArray().ToList();
            state.AppointmentRefs = [.. items.Select(a => a.GetProperty("ref").GetString()!)];
            state.AppointmentServices = [.. items.Select(a => a.GetProperty("service").GetString()!)];
            state.AppointmentLabels = [.. items.Select(a => AppointmentText("appointment_label", a))];
            state.AppointmentStarts = [.. items.Select(a => a.TryGetProperty("localStart", out var ls) ? ls.GetString() ?? "" : "")];
            if (items.Count == 0)
            {
                state.ResetTask();
                return Say("no_appointments");
            }
            var labels = Join(state.AppointmentLabels, "list_and");
            if (state.Task is DialogueTask.List or null)
            {
                state.ResetTask();
                return Say("list_appointments", ("appointments", labels));
            }
            if (items.Count == 1)
            {
                state.AppointmentRef = state.AppointmentRefs[0];
                return state.Task == DialogueTask.Cancel ? Call("cancel_appointment", new() { ["appointment_ref"] = state.AppointmentRef }) : NextRescheduleStep();
            }
            var named = state.ServiceId is { } sid && Profile.FindService(sid) is { } svc ? [svc.Name] : state.ServiceOptions;
            var matching = state.AppointmentServices.Select((name, i) => (name, i)).Where(x => named.Contains(x.name)).ToList();
            if (matching.Count == 1)
            {
                // "move the massage to friday" with a massage and a facial booked: the massage.
                state.AppointmentRef = state.AppointmentRefs[matching[0].i];
                state.ServiceOptions = [];
                return state.Task == DialogueTask.Cancel ? Call("cancel_appointment", new() { ["appointment_ref"] = state.AppointmentRef }) : NextRescheduleStep();
            }
            state.Phase = DialoguePhase.PickAppointment;
            return Say("which_appointment", ("appointments", Join(state.AppointmentLabels, "list_or")));
        }

        private string? PickAppointment(Utterance u)
        {
            if (state.AppointmentRefs.Count == 0)
            {
                return null;
            }
            if (Ordinal(u.Text) is { } ordinal && ordinal <= state.AppointmentRefs.Count)
            {
                return state.AppointmentRefs[ordinal - 1];
            }
            if (u.Services.Services.Count > 0)
            {
                var names = u.Services.Services.Select(s => s.Name).ToList();
                var hits = state.AppointmentLabels.Select((l, i) => (l, i)).Where(x => names.Any(n => x.l.StartsWith(n, StringComparison.Ordinal))).ToList();
                if (hits.Count == 1)
                {
                    return state.AppointmentRefs[hits[0].i];
                }
            }
            return null;
        }

        public ChatMessage Say(string template, params (string Key, string Value)[] values) => SayText(Render(template, values));

        private string Render(string template, params (string Key, string Value)[] values)
        {
            var map = new Dictionary<string, string>
            {
                ["spa"] = Profile.Spa.Name,
                ["disclosure"] = Profile.Spa.AiDisclosure,
                ["service"] = state.ServiceId is { } id ? Profile.FindService(id)?.Name ?? "" : "",
            };
            foreach (var (k, v) in values)
            {
                map[k] = v;
            }
            if (state.Language is { } language && language != ConversationLanguage.English)
            {
                // The tools word days, times and read-backs in English: the reply says them in the conversation's language.
                foreach (var key in map.Keys.ToList())
                {
                    map[key] = ReplyWording.Localize(map[key], language, Profile);
                }
                map["disclosure"] = Profile.Spa.DisclosureIn(language);
                return ReplyWording.Tidy(engine.RepliesIn(language).Render(template, map), language);
            }
            return engine.RepliesIn(state.Language).Render(template, map);
        }

        private ChatMessage SayText(string text)
        {
            var message = new ChatMessage(ChatRole.Assistant, text);
            message.AdditionalProperties = new() { [StoredMessage.EngineStateKey] = state.Serialize() };
            return message;
        }

        private ChatMessage Call(string name, Dictionary<string, object?> args)
        {
            if (!tools.Contains(name))
            {
                return Say("not_understood");
            }
            var clean = args.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);
            var message = new ChatMessage(ChatRole.Assistant, [new FunctionCallContent($"call_{Guid.NewGuid():N}"[..17], name, clean)]);
            message.AdditionalProperties = new() { [StoredMessage.EngineStateKey] = state.Serialize() };
            return message;
        }

        private string ServiceName() => state.ServiceId is { } id ? Profile.FindService(id)?.Name ?? id : "that service";

        private string ServiceNameFromArgs(FunctionCallContent call) =>
            call.Arguments?.TryGetValue("service", out var s) == true && s?.ToString() is { } text && FrontDesk.Tools.CatalogLookup.Services(Profile, text) is [var one]
                ? one.Name
                : ServiceName();

        private string WindowText(FunctionCallContent call)
        {
            var start = call.Arguments?.TryGetValue("start_date", out var a) == true ? a?.ToString() : null;
            var end = call.Arguments?.TryGetValue("end_date", out var b) == true ? b?.ToString() : null;
            if (start is null || !DateOnly.TryParseExact(start, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var from))
            {
                return "";
            }
            var to = end is not null && DateOnly.TryParseExact(end, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var t) ? t : from;
            return to == from ? SpokenTime.Day(from) : $"{SpokenTime.Day(from)} to {SpokenTime.Day(to)}";
        }

        private string? TimeOfDay() => state.Before is { } b && string.CompareOrdinal(b, "12:00") <= 0 ? "morning"
            : state.After is { } a && string.CompareOrdinal(a, "17:00") >= 0 ? "evening"
            : state.After is { } a2 && string.CompareOrdinal(a2, "12:00") >= 0 ? "afternoon"
            : "any";

        /// <summary>"We'll text you a confirmation" only when the tool queued one (consent, not opted out, a phone).</summary>
        private string ConfirmationNote(JsonElement data) => engine.RepliesIn(state.Language).Render(
            data.TryGetProperty("confirmation_text", out var texted) && texted.ValueKind == JsonValueKind.True ? "booked_sms_note" : "booked_no_sms_note");

        private string ReadBack(JsonElement data) => AppointmentText("appointment_label", data.GetProperty("appointment"));

        /// <summary>An appointment from a tool result in the words of a template with {service}, {provider}, {day}, {time} and {location}.</summary>
        private string AppointmentText(string template, JsonElement appointment) => Render(template,
            ("service", appointment.GetProperty("service").GetString()!), ("provider", appointment.GetProperty("provider").GetString()!),
            ("day", appointment.GetProperty("day").GetString()!), ("time", appointment.GetProperty("time").GetString()!),
            ("location", appointment.TryGetProperty("location", out var l) ? l.GetString() ?? "" : ""));

        /// <summary>The one offered service whose length in minutes the text names ("the 90 minute one").</summary>
        private FrontDesk.Tools.Profile.Service? OptionByDuration(string text)
        {
            var numbers = System.Text.RegularExpressions.Regex.Matches(text, "[0-9]+").Select(m => int.Parse(m.Value, Inv)).ToHashSet();
            var hits = state.ServiceOptions.SelectMany(o => FrontDesk.Tools.CatalogLookup.Services(Profile, o)).Where(s => numbers.Contains(s.DurationMin)).Distinct().ToList();
            return hits.Count == 1 ? hits[0] : null;
        }

        /// <summary>"the first one", "second", "3" → 1-based position; null when none is named.</summary>
        private static int? Ordinal(string text)
        {
            var digits = text.Where(char.IsAsciiDigit).ToArray();
            var ordinal = text.Contains("first", StringComparison.OrdinalIgnoreCase) ? 1
                : text.Contains("second", StringComparison.OrdinalIgnoreCase) ? 2
                : text.Contains("third", StringComparison.OrdinalIgnoreCase) ? 3
                : text.Contains("last", StringComparison.OrdinalIgnoreCase) ? 3
                : digits.Length == 1 ? digits[0] - '0' : 0;
            return ordinal >= 1 ? ordinal : null;
        }

        /// <summary>
        /// A reply that answered nothing of the question pending: the first gets <paramref name="clarify"/> (the question
        /// again, with its choices); the second in a row hands the conversation to a person. Never a third time.
        /// </summary>
        private ChatMessage Miss(Func<ChatMessage> clarify)
        {
            state.Misses = _missesBefore + 1;
            if (state.Misses < 2)
            {
                return clarify();
            }
            state.Misses = 0;
            state.Asked = AgentQuestion.Nothing;
            state.PendingTool = state.PendingArgs = null;
            var message = Say("handoff_after_misses");
            message.AdditionalProperties![HandoffKey] = "human_request";
            return message;
        }

        /// <summary>"the shorter one" / "the longer one" among the service options: the shortest or longest.</summary>
        private FrontDesk.Tools.Profile.Service? ShorterOrLonger(string text)
        {
            var shorter = text.Contains("short", StringComparison.OrdinalIgnoreCase) || text.Contains("quick", StringComparison.OrdinalIgnoreCase);
            var longer = text.Contains("long", StringComparison.OrdinalIgnoreCase);
            if (shorter == longer)
            {
                return null;
            }
            var options = state.ServiceOptions.SelectMany(o => FrontDesk.Tools.CatalogLookup.Services(Profile, o)).Distinct().ToList();
            if (options.Count < 2)
            {
                return null;
            }
            return shorter ? options.MinBy(o => o.DurationMin) : options.MaxBy(o => o.DurationMin);
        }

        /// <summary>"the shorter one" / "the longer one" while slots for a service are on offer: the same service in another length.</summary>
        private FrontDesk.Tools.Profile.Service? SiblingByLength(string text)
        {
            var shorter = text.Contains("shorter", StringComparison.OrdinalIgnoreCase);
            var longer = text.Contains("longer", StringComparison.OrdinalIgnoreCase);
            if (shorter == longer || state.ServiceId is not { } id || Profile.FindService(id) is not { } current)
            {
                return null;
            }
            var family = current.Name.Split('(')[0].Trim();
            var siblings = Profile.Services.Where(x => x.Id != current.Id && x.Name.Split('(')[0].Trim() == family
                && (shorter ? x.DurationMin < current.DurationMin : x.DurationMin > current.DurationMin)).ToList();
            return shorter ? siblings.MaxBy(x => x.DurationMin) : siblings.MinBy(x => x.DurationMin);
        }

        /// <summary>True when every detail a yes carries is already in the read-back ("yes, book the consultation then").</summary>
        private bool AgreesWithReadBack(Utterance u)
        {
            if (state.ReadBack is not { } readBack || u.Staff.Kind == StaffMatchKind.Candidates || u.Location is not null)
            {
                return false;
            }
            var chosen = state.Offered.FirstOrDefault(o => o.SlotId == state.ChosenSlotId);
            var day = chosen is null ? (DateOnly?)null : DateOnly.ParseExact(chosen.Date, "yyyy-MM-dd", Inv);
            var at = chosen is null ? (TimeOnly?)null : TimeOnly.ParseExact(chosen.Time, "HH:mm", Inv);
            var serviceAgrees = u.Services.Kind == ServiceMatchKind.None
                || u.Services.Services.Any(x => readBack.Contains(x.Name, StringComparison.OrdinalIgnoreCase));
            var dayAgrees = u.Date is null || (day is { } d && u.Date.Range.Contains(d));
            var timeAgrees = u.Time is null || (at is { } t && u.Time.Exact is { } e && e.Hour % 12 == t.Hour % 12 && e.Minute == t.Minute);
            var staffAgrees = u.Staff.Person is not { } p || readBack.Contains(p.Name.Split(' ')[^1], StringComparison.OrdinalIgnoreCase);
            return serviceAgrees && dayAgrees && timeAgrees && staffAgrees && (u.Services.Kind != ServiceMatchKind.None || u.Date is not null || u.Time is not null || u.Staff.Person is not null);
        }

        /// <summary>True when the reply names a service or day other than the ones the offer is for.</summary>
        private bool ChangesTheSearch(Utterance u) =>
            (u.Services.Kind == ServiceMatchKind.Confident && u.Services.Service!.Id != state.ServiceId)
            || (u.Date is { } d && !state.Offered.Any(o => d.Range.Contains(DateOnly.ParseExact(o.Date, "yyyy-MM-dd", Inv))));

        private static bool HasSlots(Utterance u) => u.Services.Kind != ServiceMatchKind.None || u.Date is not null || u.Time is not null;

        private static bool SmalltalkIsAboutBot(string text) =>
            text.Contains("robot", StringComparison.OrdinalIgnoreCase) || text.Contains("bot", StringComparison.OrdinalIgnoreCase)
            || text.Contains("human", StringComparison.OrdinalIgnoreCase) || text.Contains(" ai", StringComparison.OrdinalIgnoreCase) || text.Contains("real person", StringComparison.OrdinalIgnoreCase);

        private static bool LooksLikeName(string text)
        {
            var words = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return words.Length is >= 1 and <= 4 && words.All(w => w.All(c => char.IsLetter(c) || c is '-' or '\'' or '.'));
        }

        private static string CleanName(string text) =>
            string.Join(' ', text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

        /// <summary>"a or b", "a, b, or c": <paramref name="list"/> is list_or or list_and (list_or_two for two items), list_separator joins the rest.</summary>
        private string Join(List<string> items, string list) => items.Count switch
        {
            0 => "",
            1 => items[0],
            2 => Render(list + "_two", ("first", items[0]), ("last", items[1])),
            _ => Render(list, ("first", items.Take(items.Count - 1).Aggregate((a, b) => Render("list_separator", ("first", a), ("next", b)))), ("last", items[^1])),
        };
    }
}
