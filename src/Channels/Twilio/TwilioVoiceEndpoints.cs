using System.Text.Json;
using Twilio.TwiML;
using Twilio.TwiML.Voice;
using FrontDesk.Agent;
using FrontDesk.Agent.Conversations;
using FrontDesk.Tools;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Text;
using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.Twilio;

/// <summary>
/// Phone calls: <c>POST /twilio/voice</c> answers, <c>/turn</c> takes each utterance (Gather mode),
/// <c>/dial-status</c>, <c>/voicemail</c>, <c>/status</c> and <c>/relay-end</c> follow the call to its end.
/// The CallSid is the conversation id; the caller ID is the verified phone; the dialled number picks the location.
/// </summary>
public static class TwilioVoiceEndpoints
{
    /// <summary>How many silent turns in a row are re-prompted before the call ends.</summary>
    public const int MaxReprompts = 2;

    /// <summary>Maps the voice webhooks under the Twilio group.</summary>
    /// <param name="twilio">The <c>/twilio</c> group (signature required).</param>
    public static void MapTwilioVoiceEndpoints(this RouteGroupBuilder twilio)
    {
        var voice = twilio.MapGroup("/voice");
        voice.MapPost("", IncomingCallAsync);
        voice.MapPost("/turn", TurnAsync);
        voice.MapPost("/dial-status", DialStatusAsync);
        voice.MapPost("/voicemail", VoicemailAsync);
        voice.MapPost("/status", CallStatusAsync);
        voice.MapPost("/relay-end", RelayEndAsync);
    }

    private static async Task<IResult> IncomingCallAsync(HttpRequest http, TwilioChannel channel, CallLog calls, CancellationToken ct)
    {
        var form = await http.ReadFormAsync(ct);
        var callSid = form["CallSid"].ToString();
        if (callSid.Length == 0)
        {
            return TypedResults.Problem("CallSid is required.", statusCode: 400, title: "Not a call");
        }
        var location = channel.LocationFor(form["To"]);
        var mode = channel.Voice.ModeFor(location.Id);
        await calls.StartAsync(callSid, location.Id, PhoneNumbers.ToE164(form["From"]), form["To"], mode == VoiceMode.ConversationRelay ? "relay" : "gather", ct);
        // The greeting is in the spa's default language, or in the caller's when their record says so; the call listens in
        // that language, and the conversation starts in it unless the caller's first words are clearly in another.
        var (greeting, language) = await channel.GreetingAsync(form["From"], ct);
        // A caller greeted in one language may be offered another ("Para español, oprima dos"), when the spa serves it.
        var offer = channel.LanguageOffer(language);
        if (mode == VoiceMode.ConversationRelay)
        {
            var (greetingVoice, greetingLocale) = channel.Voice.For(language);
            var (greetingProvider, greetingRelayVoice) = VoiceOptions.RelayVoice(greetingVoice);
            var relay = new ConversationRelay(
                url: channel.RelayUrl(http), welcomeGreeting: Twiml.Clean(VoiceText.ForSpeech(greeting, language)), language: greetingLocale,
                ttsProvider: greetingProvider, voice: greetingRelayVoice,
                interruptible: "any", dtmfDetection: true, hints: Twiml.Clean(offer is null ? channel.Hints : channel.LanguageHints(offer) + ", " + channel.Hints))
                .Parameter(name: "locationId", value: location.Id)
                .Parameter(name: "language", value: language);
            foreach (var served in channel.ServedLanguages)
            {
                // Each language the call may switch to (a "language" message, a text token's lang) with its own voice:
                // without it, Twilio would speak Spanish with the provider's default for the locale, not the configured one.
                var (voice, locale) = channel.Voice.For(served);
                var (provider, relayVoice) = VoiceOptions.RelayVoice(voice);
                relay.Language(code: locale, ttsProvider: provider, voice: relayVoice);
            }
            if (offer is not null)
            {
                relay.Parameter(name: "languageOffer", value: offer);
            }
            var connect = new Connect(action: Twiml.Url(channel.Url(channel.WithLanguage("/twilio/voice/relay-end", language)))).Append(relay);
            return new VoiceResponse().Append(connect).ToResult();
        }
        return channel.Listen(VoiceText.ForSpeech(greeting, language), 0, language, offer);
    }

    private static async Task<IResult> TurnAsync(HttpRequest http, TwilioChannel channel, FrontDeskAgent agent, CallLog calls, TextBack textBack, CancellationToken ct)
    {
        var form = await http.ReadFormAsync(ct);
        var callSid = form["CallSid"].ToString();
        if (callSid.Length == 0)
        {
            return TypedResults.Problem("CallSid is required.", statusCode: 400, title: "Not a call");
        }
        var location = channel.LocationFor(form["To"]);
        var speech = form["SpeechResult"].ToString().Trim();
        var digits = form["Digits"].ToString().Trim();
        // The language of what the call said last (the action URL carries it): reprompts and hand-offs speak it.
        var language = channel.LanguageOf(http);
        // The language the prompt offered (the greeting's "Para español, oprima dos"); the reprompts offer it again.
        var offered = channel.Served(http.Query["offer"].ToString());
        if (speech.Length == 0 && digits.Length == 0)
        {
            var silences = (int.TryParse(http.Query["silence"], out var n) ? Math.Clamp(n, 0, MaxReprompts) : 0) + 1;
            if (silences <= MaxReprompts)
            {
                return channel.Listen(channel.Text(silences == 1 ? "voice_reprompt" : "voice_reprompt_again", language), silences, language, offered);
            }
            // The goodbye promises a text: queue it now (once per call, whatever was said before), or say the
            // other goodbye when this number cannot get one (no caller ID, opted out, no consent).
            await calls.StartAsync(callSid, location.Id, PhoneNumbers.ToE164(form["From"]), form["To"], "gather", ct);
            var texted = await textBack.QueueAsync(callSid, form["From"], location, "silent_call", language, ct);
            return channel.SayAndHangUp(channel.Text(texted ? "voice_silence_goodbye" : "voice_silence_goodbye_no_text", language), language);
        }
        if (digits == "0")
        {
            return await channel.HandOffAsync(callSid, location, transferFailed: false, language, ct);
        }
        if (channel.LanguageAsked(offered, digits, speech, language) is { } asked)
        {
            var greeting = await channel.SwitchLanguageAsync(callSid, form["From"], location, asked, speech.Length > 0 ? speech : digits, ct);
            return channel.Listen(VoiceText.ForSpeech(greeting, asked), 0, asked);
        }
        AgentReply reply;
        try
        {
            reply = await agent.HandleAsync(new TurnRequest(callSid, "voice", speech.Length > 0 ? speech : digits, form["From"], location.Id, RequestIdOf(callSid, http.Query["prompt"]), Language: language), ct);
        }
        catch (TimeoutException)
        {
            // The previous turn of this call is still running (Twilio retried): keep the caller on the line.
            return channel.Listen(channel.Text("voice_trouble", language), 0, language);
        }
        return await AnswerAsync(channel, callSid, location, reply, ct);
    }

    /// <summary>
    /// The turn's request id: the call and the prompt the utterance answers (see <see cref="TwilioChannel.Listen"/>), so a
    /// redelivered action is answered from the committed turn. None for a URL without a well-formed prompt id.
    /// </summary>
    internal static string? RequestIdOf(string callSid, string? prompt) =>
        prompt is { Length: > 0 and <= 32 } && prompt.All(char.IsAsciiHexDigit) && callSid.Length <= 40 && callSid.All(char.IsAsciiLetterOrDigit)
            ? callSid + "-" + prompt
            : null;

    private static async Task<IResult> AnswerAsync(TwilioChannel channel, string callSid, Tools.Profile.Location location, AgentReply reply, CancellationToken ct)
    {
        // A caller who asked for a person is put through (or to voicemail); other escalations are follow-ups the reply
        // already explains, and the call goes on.
        if (reply.Escalation is { AskedForPerson: true })
        {
            return await channel.HandOffAsync(callSid, location, transferFailed: false, reply.Language, ct);
        }
        if (reply.Text is null)
        {
            return channel.Listen(channel.Text("voice_hold", reply.Language), 0, reply.Language);
        }
        var spoken = VoiceText.ForSpeech(reply.Text, reply.Language);
        return channel.IsGoodbye(reply.Text, reply.Language) ? channel.SayAndHangUp(spoken, reply.Language) : channel.Listen(spoken, 0, reply.Language);
    }

    private static async Task<IResult> DialStatusAsync(HttpRequest http, TwilioChannel channel, CancellationToken ct)
    {
        var form = await http.ReadFormAsync(ct);
        var status = form["DialCallStatus"].ToString();
        if (status is "completed" or "answered")
        {
            return new VoiceResponse().Hangup().ToResult();
        }
        return await channel.HandOffAsync(form["CallSid"].ToString(), channel.LocationFor(form["To"]), transferFailed: true, channel.LanguageOf(http), ct);
    }

    private static async Task<IResult> VoicemailAsync(HttpRequest http, TwilioChannel channel, CancellationToken ct)
    {
        var form = await http.ReadFormAsync(ct);
        var callSid = form["CallSid"].ToString();
        var recording = form["RecordingUrl"].ToString();
        if (callSid.Length == 0 || !Uri.TryCreate(recording, UriKind.Absolute, out _))
        {
            return TypedResults.Problem("CallSid and an absolute RecordingUrl are required.", statusCode: 400, title: "Not a recording");
        }
        await channel.RecordVoicemailAsync(callSid, form["From"], channel.LocationFor(form["To"]), recording, form["RecordingDuration"], ct);
        var language = channel.LanguageOf(http);
        return channel.SayAndHangUp(channel.Text("voice_voicemail_thanks", language), language);
    }

    /// <summary>
    /// The call's status callback. A call that ended before the caller said anything (missed, abandoned,
    /// busy, unanswered) and did not go to a person gets one text-back offering to book by SMS.
    /// </summary>
    private static async Task<IResult> CallStatusAsync(
        HttpRequest http, TwilioChannel channel, CallLog calls, ConversationStore conversations, TextBack textBack, CancellationToken ct)
    {
        var form = await http.ReadFormAsync(ct);
        var callSid = form["CallSid"].ToString();
        var status = form["CallStatus"].ToString();
        if (callSid.Length == 0 || status.Length == 0)
        {
            return TypedResults.Problem("CallSid and CallStatus are required.", statusCode: 400, title: "Not a call status");
        }
        if (status is not ("completed" or "busy" or "no-answer" or "failed" or "canceled"))
        {
            return new VoiceResponse().ToResult();
        }
        var location = channel.LocationFor(form["To"]);
        var from = PhoneNumbers.ToE164(form["From"]);
        var call = await calls.SetStatusAsync(callSid, status, ct);
        if (call is null)
        {
            // The call never reached the answering webhook (busy, failed): remember it so the text-back is sent once.
            await calls.StartAsync(callSid, location.Id, from, form["To"], "none", ct);
            call = await calls.SetStatusAsync(callSid, status, ct);
        }
        var conversation = await conversations.GetAsync(callSid, ct);
        if (from is not null && call!.HandedOff is null && (conversation is null || conversation.TurnCount == 0))
        {
            await textBack.QueueAsync(callSid, from, location, "missed_call", null, ct);
        }
        return new VoiceResponse().ToResult();
    }

    /// <summary>
    /// ConversationRelay ended: a hand-off asked for in <c>handoffData</c> transfers the live call; a dropped
    /// socket (error 64105) on a call still in progress falls back to turn-by-turn; otherwise the call ends.
    /// </summary>
    private static async Task<IResult> RelayEndAsync(HttpRequest http, TwilioChannel channel, ConversationStore conversations, CancellationToken ct)
    {
        var form = await http.ReadFormAsync(ct);
        var callSid = form["CallSid"].ToString();
        var location = channel.LocationFor(form["To"]);
        var handoff = form["HandoffData"].ToString();
        var transfer = handoff.Length > 0 && RelayHandoff.Read(handoff) is { Reason: RelayHandoff.TransferReason };
        var fallback = form["ErrorCode"] == "64105" && form["CallStatus"] == "in-progress";
        if (!transfer && !fallback)
        {
            return new VoiceResponse().Hangup().ToResult();
        }
        // The session may have switched language since the TwiML was written: the conversation knows the last one.
        var language = channel.Served(callSid.Length == 0 ? null : (await conversations.GetAsync(callSid, ct))?.ReadState().Language) ?? channel.LanguageOf(http);
        if (transfer)
        {
            return await channel.HandOffAsync(callSid, location, transferFailed: false, language, ct);
        }
        return channel.Listen(channel.Text("voice_trouble", language), 0, language);
    }
}

/// <summary>
/// The one text a call may get afterwards (missed call, or a caller the line could not hear), queued once per call
/// and only to a number that can receive it: known caller ID, not opted out, and consent when the kind needs it.
/// It is written in the caller's language: the one this call's conversation was in, else the client's
/// (<c>clients.language</c>), else the one of the number's last conversation, else the call's greeting's.
/// </summary>
public sealed class TextBack(
    CallLog calls, ClientDirectory clients, SmsOptOuts optOuts, MessageTemplates messages, ConversationStore conversations,
    IOptionsMonitor<SmsOptions> sms, SpaProfile profile)
{
    /// <summary>Queues the call's text-back from template <paramref name="template"/> (messages.yaml) unless one is queued already.</summary>
    /// <param name="callSid">The call (must be in the call log).</param>
    /// <param name="from">Caller ID as Twilio sent it.</param>
    /// <param name="location">Location called.</param>
    /// <param name="template">Message template.</param>
    /// <param name="callLanguage">The language the call was greeted or last spoke in, when the webhook knows it (its <c>lang</c>).</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>True when this call's text-back is (now or already) in the outbox.</returns>
    public async Task<bool> QueueAsync(string callSid, string? from, Location location, string template, string? callLanguage, CancellationToken ct)
    {
        var phone = PhoneNumbers.ToE164(from);
        if (phone is null || await optOuts.IsOptedOutAsync(phone, ct))
        {
            return false;
        }
        var client = await clients.FindByPhoneAsync(phone, ct);
        if (sms.CurrentValue.ConsentRequiredKinds.Contains(MessageKind.MissedCall, StringComparer.OrdinalIgnoreCase) && client is not { SmsConsent: true })
        {
            return false;
        }
        var language = await LanguageOfAsync(callSid, phone, client, callLanguage, ct);
        var body = messages.For(language).Render(template, new Dictionary<string, string> { ["spa"] = profile.Spa.Name, ["location"] = location.Name });
        return await calls.QueueTextBackAsync(callSid, phone, body, client?.Id, location.Id, ct) is not null
            || (await calls.GetAsync(callSid, ct))?.TextBackOutboxId is not null;
    }

    private async Task<string> LanguageOfAsync(string callSid, string phone, Tools.Clients.Client? client, string? callLanguage, CancellationToken ct)
    {
        string? Served(string? language) => language is not null && profile.Spa.Languages.Contains(language) ? language : null;
        if (await conversations.GetAsync(callSid, ct) is { TurnCount: > 0 } call && Served(call.ReadState().Language) is { } spoken)
        {
            return spoken;
        }
        if (Served(client?.Language) is { } recorded)
        {
            return recorded;
        }
        var last = await conversations.LatestOfCallerAsync(phone, callSid, ct);
        return Served(last?.ReadState().Language) ?? Served(callLanguage) ?? profile.Spa.Languages[0];
    }
}

/// <summary>What a ConversationRelay session hands to the <c>&lt;Connect action&gt;</c> when it ends.</summary>
/// <param name="Reason">Why the session ended (<see cref="TransferReason"/>).</param>
/// <param name="EscalationId">The escalation raised, if any.</param>
/// <param name="Category">Its category.</param>
public sealed record RelayHandoff(string Reason, string? EscalationId, string? Category)
{
    /// <summary>Hand the live call to a person.</summary>
    public const string TransferReason = "transfer";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The JSON string sent as <c>handoffData</c>.</summary>
    /// <returns>JSON.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads handoffData; null when it is not ours.</summary>
    /// <param name="json">The HandoffData form value.</param>
    /// <returns>The hand-off, or null.</returns>
    public static RelayHandoff? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<RelayHandoff>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
