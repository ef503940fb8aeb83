using System.Data.Common;
using System.Security.Cryptography;
using FrontDesk.Agent;
using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Escalations;
using FrontDesk.Agent.Screening;
using FrontDesk.Agent.Transcripts;
using FrontDesk.Tools;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Store;
using FrontDesk.Tools.Text;
using Microsoft.Extensions.Options;
using Twilio.TwiML;
using Twilio.TwiML.Voice;
using Twilio.Types;

namespace FrontDesk.Channels.Twilio;

/// <summary>The channel's editable wording (prompts/twilio.yaml).</summary>
/// <param name="Templates">The templates.</param>
public sealed record TwilioPrompts(TextTemplates Templates)
{
    /// <summary>The wording per language (prompts/es/twilio.yaml), English for a key a language lacks.</summary>
    public LocalizedTemplates? Languages { get; init; }
}

/// <summary>
/// What the voice and SMS endpoints share: the location a dialled number belongs to, public URLs,
/// wording, opening hours, and the hand-off to a person (transfer or voicemail).
/// </summary>
public sealed class TwilioChannel(
    SpaProfile profile,
    IOptionsMonitor<VoiceOptions> voiceOptions,
    IConfiguration configuration,
    TwilioPrompts prompts,
    ReplyTemplates replies,
    ClientDirectory clients,
    CallLog calls,
    ConversationStore conversations,
    SafetyScreen screen,
    TimeProvider clock)
{
    /// <summary>Voice settings.</summary>
    public VoiceOptions Voice => voiceOptions.CurrentValue;

    /// <summary>The spa profile.</summary>
    public SpaProfile Profile => profile;

    /// <summary>The location whose number was dialled or texted; the default location otherwise.</summary>
    /// <param name="to">Twilio's <c>To</c>.</param>
    /// <returns>The location.</returns>
    public Location LocationFor(string? to) => profile.FindLocationByPhone(PhoneNumbers.ToE164(to)) ?? profile.DefaultLocation;

    /// <summary>An absolute URL under <c>FrontDesk:PublicBaseUrl</c>, or the path itself (Twilio resolves it against the URL it called).</summary>
    /// <param name="pathAndQuery">Path starting with '/'.</param>
    /// <returns>The URL to put in TwiML.</returns>
    public string Url(string pathAndQuery)
    {
        var root = configuration[TwilioOptions.PublicBaseUrlKey];
        return string.IsNullOrWhiteSpace(root) ? pathAndQuery : root.Trim().TrimEnd('/') + pathAndQuery;
    }

    /// <summary>The WebSocket URL of the ConversationRelay endpoint.</summary>
    /// <param name="request">The request being answered (used when no public base URL is configured).</param>
    /// <returns>A ws:// or wss:// URL.</returns>
    public string RelayUrl(HttpRequest request)
    {
        var root = configuration[TwilioOptions.PublicBaseUrlKey];
        var http = string.IsNullOrWhiteSpace(root) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : root.Trim().TrimEnd('/');
        var ws = http.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + http[8..]
            : http.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "ws://" + http[7..] : http;
        return ws + "/twilio/relay";
    }

    /// <summary>Channel wording by name, with the spa's name filled in.</summary>
    /// <param name="name">Template name in prompts/twilio.yaml.</param>
    /// <param name="values">More placeholders.</param>
    /// <returns>The text.</returns>
    public string Text(string name, IReadOnlyDictionary<string, string>? values = null) => Text(name, null, values);

    /// <summary>Channel wording by name in a language (English for none, or for a key the language lacks).</summary>
    /// <param name="name">Template name in prompts/twilio.yaml.</param>
    /// <param name="language">The client's or the conversation's language.</param>
    /// <param name="values">More placeholders.</param>
    /// <returns>The text.</returns>
    public string Text(string name, string? language, IReadOnlyDictionary<string, string>? values = null)
    {
        var all = new Dictionary<string, string>(values ?? new Dictionary<string, string>()) { ["spa"] = profile.Spa.Name };
        var templates = language is not null && prompts.Languages is { } languages ? languages.For(language) : prompts.Templates;
        return templates.Render(name, all);
    }

    /// <summary>Whether a reply is the agent's goodbye in <paramref name="language"/>, which ends a call.</summary>
    /// <param name="reply">The agent's reply.</param>
    /// <param name="language">The conversation's language.</param>
    /// <returns>True for the goodbye.</returns>
    public bool IsGoodbye(string? reply, string? language) => string.Equals(reply, Reply("goodbye", null, language), StringComparison.Ordinal);

    /// <summary>A reply from prompts/replies.yaml (or prompts/{language}/replies.yaml) with the spa, disclosure and name filled in.</summary>
    /// <param name="name">Template name.</param>
    /// <param name="firstName">Client's first name, if known.</param>
    /// <param name="language">Language; English for null.</param>
    /// <returns>The text.</returns>
    public string Reply(string name, string? firstName = null, string? language = null) => replies.Languages.For(language).Render(name, new Dictionary<string, string>
    {
        ["spa"] = profile.Spa.Name, ["disclosure"] = profile.Spa.DisclosureIn(language), ["name"] = firstName ?? "",
    });

    /// <summary>The spa's default language (the first it serves).</summary>
    public string DefaultLanguage => profile.Spa.Languages[0];

    /// <summary>The languages the spa serves (profile <c>languages</c>), the default first.</summary>
    public IReadOnlyList<string> ServedLanguages => profile.Spa.Languages;

    /// <summary>The language if the business serves it, else null (the default).</summary>
    /// <param name="language">A language code from a request or a record.</param>
    /// <returns>The code, or null.</returns>
    public string? Served(string? language) => language is not null && profile.Spa.Languages.Contains(language) ? language : null;

    /// <summary>
    /// The language a webhook carries in its <c>lang</c> query (the app put it in the action URL it gave Twilio), when the
    /// business serves it; null otherwise.
    /// </summary>
    /// <param name="request">The webhook request.</param>
    /// <returns>The code, or null.</returns>
    public string? LanguageOf(HttpRequest request) => Served(request.Query["lang"].ToString());

    /// <summary>
    /// The opening words of a call: the AI disclosure and a greeting, by name for a known caller, in the spa's default
    /// language, or in the caller's own when their record says they speak another language the spa serves.
    /// </summary>
    /// <param name="from">Caller ID.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>What to say first, and its language.</returns>
    public Task<(string Text, string Language)> GreetingAsync(string? from, CancellationToken ct) => GreetingAsync(from, null, ct);

    private async Task<(string Text, string Language)> GreetingAsync(string? from, string? language, CancellationToken ct)
    {
        var phone = PhoneNumbers.ToE164(from);
        var client = phone is null ? null : await clients.FindByPhoneAsync(phone, ct);
        language ??= Served(client?.Language) ?? DefaultLanguage;
        var text = client?.FirstName is { Length: > 0 } name ? Reply("greeting_known", name, language) : Reply("greeting", null, language);
        return (text, language);
    }

    private const string OfferKey = "voice_language_offer";
    private const string WordsKey = "voice_language_words";

    /// <summary>
    /// The language offered to a caller greeted in <paramref name="greetingLanguage"/>: another language the spa serves
    /// whose own <c>prompts/{language}/twilio.yaml</c> has a <c>voice_language_offer</c> line ("Para español, oprima
    /// dos"); null when there is none (a spa that does not serve Spanish, or an empty line).
    /// </summary>
    /// <param name="greetingLanguage">The language the call is greeted in.</param>
    /// <returns>The language code, or null.</returns>
    public string? LanguageOffer(string greetingLanguage) =>
        profile.Spa.Languages.FirstOrDefault(l => l != greetingLanguage && OwnText(OfferKey, l) is { Length: > 0 });

    /// <summary>The offer line of <paramref name="language"/>, said in that language's voice.</summary>
    /// <param name="language">The offered language.</param>
    /// <returns>The line.</returns>
    public string LanguageOfferLine(string language) => OwnText(OfferKey, language) ?? "";

    /// <summary>
    /// The language a caller asks for instead of the call's: the offered language's key (<see cref="VoiceLanguageOptions.Digit"/>)
    /// pressed after the offer, or the whole utterance being one of a served language's <c>voice_language_words</c>
    /// ("español", "Spanish please", as the English recogniser writes them). Null otherwise.
    /// </summary>
    /// <param name="offered">The language the prompt offered, or null.</param>
    /// <param name="digits">Keys pressed.</param>
    /// <param name="speech">What was heard.</param>
    /// <param name="current">The call's language (null: the default).</param>
    /// <returns>The language asked for, or null.</returns>
    public string? LanguageAsked(string? offered, string digits, string speech, string? current)
    {
        current ??= DefaultLanguage;
        if (Served(offered) is { } o && o != current && digits.Length > 0 && Voice.Languages.TryGetValue(o, out var keys) && keys.Digit == digits)
        {
            return o;
        }
        var said = LanguageWords.Normalize(speech);
        return said.Length == 0 ? null
            : profile.Spa.Languages.FirstOrDefault(l => l != current && OwnText(WordsKey, l) is { } words && words.Split(',').Select(LanguageWords.Normalize).Contains(said));
    }

    /// <summary>Recognition hints for the offer: the words that choose the offered language.</summary>
    /// <param name="language">The offered language.</param>
    /// <returns>Comma-separated words, or empty.</returns>
    public string LanguageHints(string language) => OwnText(WordsKey, language) ?? "";

    /// <summary>
    /// Switches the call to <paramref name="language"/> at the caller's request: the conversation (and the client's
    /// record) take the language, the transcript keeps what the caller said, and the answer is the greeting in it.
    /// </summary>
    /// <param name="callSid">Call.</param>
    /// <param name="from">Caller ID.</param>
    /// <param name="location">Location called.</param>
    /// <param name="language">The language asked for.</param>
    /// <param name="said">What the caller said or pressed.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The greeting to say in the new language.</returns>
    public async Task<string> SwitchLanguageAsync(string callSid, string? from, Location location, string language, string said, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(location);
        var (greeting, _) = await GreetingAsync(from, language, ct);
        var exchange = await PrepareExchangeAsync(callSid, "voice", from, location, said, greeting, null, null, ct);
        exchange.State.Language = language;
        await conversations.SaveTurnAsync(callSid, exchange.State, exchange.Turns, exchange.Escalations, "voice", location.Id, Actor.System("voice"), ct);
        if (exchange.State.Scope.ClientId is { } clientId)
        {
            await clients.SetLanguageAsync(clientId, language, Actor.System("voice"), callSid, ct);
        }
        return greeting;
    }

    /// <summary>A template of the language's own file (not the English fallback), with the spa filled in; null when it has none.</summary>
    private string? OwnText(string name, string language)
    {
        if (prompts.Languages is not { } languages || !languages.For(language).Has(name)
            || (languages.Missing.TryGetValue(language, out var missing) && missing.Contains(name)))
        {
            return null;
        }
        return Text(name, language).Trim();
    }

    /// <summary>A path with the call's language in its query when it is not the spa's default, so the next webhook speaks it.</summary>
    /// <param name="path">Path, with or without a query.</param>
    /// <param name="language">The call's language.</param>
    /// <returns>The path to hand to <see cref="Url"/>.</returns>
    public string WithLanguage(string path, string? language) =>
        Served(language) is { } served && served != DefaultLanguage ? path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + served : path;

    /// <summary>Recognition hints: the service menu's names and aliases.</summary>
    public string Hints => string.Join(", ", profile.Services.SelectMany(s => s.Aliases.Prepend(s.Name)).Distinct(StringComparer.OrdinalIgnoreCase).Take(100));

    /// <summary>
    /// Says something and listens for the next utterance or keypress; with <paramref name="offer"/>, then offers that
    /// language in its own voice (<see cref="LanguageOffer"/>).
    /// </summary>
    /// <param name="speech">What to say.</param>
    /// <param name="silences">Silent turns in a row so far.</param>
    /// <param name="language">The conversation's language: the voice that speaks and the language recognised next.</param>
    /// <param name="offer">The language offered, or null for none.</param>
    /// <returns>TwiML.</returns>
    public IResult Listen(string speech, int silences, string? language = null, string? offer = null)
    {
        var (voice, locale) = Voice.For(language);
        // Each prompt's action URL carries its own random id: Twilio posts that URL again when our answer did not arrive,
        // so CallSid plus this id names one utterance (the turn's request id), and a new prompt never reuses it.
        var prompt = RandomNumberGenerator.GetHexString(16, lowercase: true);
        var path = silences == 0 ? $"/twilio/voice/turn?prompt={prompt}" : $"/twilio/voice/turn?prompt={prompt}&silence={silences}";
        var line = offer is null ? "" : LanguageOfferLine(offer);
        if (line.Length > 0)
        {
            path += "&offer=" + offer;
        }
        var hints = line.Length > 0 ? LanguageHints(offer!) + ", " + Hints : Hints;
        var gather = new Gather(
            input: [Gather.InputEnum.Speech, Gather.InputEnum.Dtmf],
            action: Twiml.Url(Url(WithLanguage(path, language))),
            speechTimeout: "auto", language: locale, hints: Twiml.Clean(hints), actionOnEmptyResult: true)
            .Append(Twiml.Say(speech, voice, locale));
        if (line.Length > 0)
        {
            // The offer is said by the offered language's voice (a Polly voice reads only its own language well); the
            // Gather still recognises the call's language, so "español" arrives as the English recogniser writes it.
            var (offerVoice, offerLocale) = Voice.For(offer);
            gather.Append(Twiml.Say(line, offerVoice, offerLocale));
        }
        return new VoiceResponse().Append(gather).ToResult();
    }

    /// <summary>Says something and ends the call.</summary>
    /// <param name="speech">What to say.</param>
    /// <param name="language">The conversation's language.</param>
    /// <returns>TwiML.</returns>
    public IResult SayAndHangUp(string speech, string? language = null)
    {
        var (voice, locale) = Voice.For(language);
        return new VoiceResponse().Append(Twiml.Say(speech, voice, locale)).Hangup().ToResult();
    }

    /// <summary>Whether the location is open now (opening hours and closures, in the spa's zone).</summary>
    /// <param name="location">Location.</param>
    /// <returns>True during opening hours.</returns>
    public bool IsOpenNow(Location location)
    {
        var local = profile.ToLocal(clock.GetUtcNow().UtcDateTime);
        var day = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        return !location.Closures.Contains(day) && location.Hours.On(local.DayOfWeek).Any(span => time >= span.Start && time < span.End);
    }

    /// <summary>Where live calls for a location go: the configured override, else the profile's transfer phone.</summary>
    /// <param name="location">Location.</param>
    /// <returns>E.164 number, or null.</returns>
    public string? TransferPhone(Location location) =>
        Voice.Locations.TryGetValue(location.Id, out var l) && !string.IsNullOrWhiteSpace(l.TransferPhone) ? l.TransferPhone : profile.Escalation.TransferPhone;

    /// <summary>
    /// Hands the caller to a person: a transfer during opening hours, a voicemail otherwise (or when the
    /// transfer was not answered). The voicemail's recording callback raises the escalation.
    /// </summary>
    /// <param name="callSid">Call.</param>
    /// <param name="location">Location called.</param>
    /// <param name="transferFailed">True when a transfer already rang out.</param>
    /// <param name="language">The call's language: what is said, and the language the next webhooks speak.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>TwiML.</returns>
    public async Task<IResult> HandOffAsync(string callSid, Location location, bool transferFailed, string? language, CancellationToken ct)
    {
        var voice = Voice;
        var (speaker, locale) = voice.For(language);
        var transfer = TransferPhone(location);
        if (!transferFailed && transfer is not null && IsOpenNow(location))
        {
            await calls.MarkHandedOffAsync(callSid, "transfer", ct);
            var dial = new Dial(action: Twiml.Url(Url(WithLanguage("/twilio/voice/dial-status", language))), timeout: voice.TransferRingSeconds)
                .Number(new PhoneNumber(transfer));
            return new VoiceResponse().Append(Twiml.Say(Text("voice_transfer", language), speaker, locale)).Append(dial).ToResult();
        }
        await calls.MarkHandedOffAsync(callSid, "voicemail", ct);
        // An empty recording skips the action and falls through to the hang-up.
        return new VoiceResponse()
            .Append(Twiml.Say(Text(transferFailed ? "voice_transfer_failed" : "voice_voicemail", language), speaker, locale))
            .Record(action: Twiml.Url(Url(WithLanguage("/twilio/voice/voicemail", language))), maxLength: voice.VoicemailMaxSeconds, playBeep: true, transcribe: false)
            .Hangup()
            .ToResult();
    }

    /// <summary>Records a voicemail in the call's transcript and raises an escalation carrying the recording link.</summary>
    /// <param name="callSid">Call.</param>
    /// <param name="from">Caller.</param>
    /// <param name="location">Location called.</param>
    /// <param name="recordingUrl">Twilio's recording URL.</param>
    /// <param name="seconds">Length.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The escalation.</returns>
    public Task<Escalation?> RecordVoicemailAsync(string callSid, string? from, Location location, string recordingUrl, string? seconds, CancellationToken ct) =>
        RecordExchangeAsync(callSid, "voice", from, location, null, $"Voicemail left ({seconds ?? "?"} s): {recordingUrl}", "human_request",
            $"Voicemail ({seconds ?? "?"} s): {recordingUrl}", ct);

    /// <summary>
    /// Stores an exchange the channel answered itself (keywords, C/X, YES, voicemail) in the conversation's
    /// transcript, raising an escalation when <paramref name="category"/> is given; all in one transaction.
    /// </summary>
    /// <param name="conversationId">Conversation.</param>
    /// <param name="channelTag">voice or sms.</param>
    /// <param name="from">The client's number.</param>
    /// <param name="location">Location.</param>
    /// <param name="clientText">What the client said, or null.</param>
    /// <param name="answer">The channel's answer (or a system note when <paramref name="clientText"/> is null).</param>
    /// <param name="category">Escalation category, or null.</param>
    /// <param name="summary">Escalation summary.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The escalation raised, or null.</returns>
    public async Task<Escalation?> RecordExchangeAsync(string conversationId, string channelTag, string? from, Location location, string? clientText, string answer,
        string? category, string? summary, CancellationToken ct)
    {
        var exchange = await PrepareExchangeAsync(conversationId, channelTag, from, location, clientText, answer, category, summary, ct);
        await conversations.SaveTurnAsync(conversationId, exchange.State, exchange.Turns, exchange.Escalations, channelTag, location.Id, Actor.System(channelTag), ct);
        return exchange.Escalations.Count > 0 ? exchange.Escalations[0] : null;
    }

    /// <summary>
    /// Reads what <see cref="RecordExchangeAsync(string, string, string?, Location, string?, string, string?, string?, CancellationToken)"/>
    /// stores (the conversation, created if new, and the client), so the exchange can then be written inside a transaction
    /// that also holds the change it answers (<see cref="WriteExchangeAsync"/>).
    /// </summary>
    /// <returns>The exchange, ready to write.</returns>
    public async Task<ChannelExchange> PrepareExchangeAsync(string conversationId, string channelTag, string? from, Location location, string? clientText, string answer,
        string? category, string? summary, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(location);
        var phone = PhoneNumbers.ToE164(from);
        var initial = new ConversationState { Scope = new ConversationScope { ConversationId = conversationId, Channel = channelTag, LocationId = location.Id, VerifiedPhone = phone } };
        var conversation = await conversations.GetOrCreateAsync(conversationId, channelTag, location.Id, phone, initial, ct);
        var state = conversation.ReadState();
        var client = phone is null ? null : await clients.FindByPhoneAsync(phone, ct);
        state.Scope.ClientId ??= client?.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        Escalation? escalation = null;
        if (category is not null)
        {
            var rule = screen.Rules.Find(category);
            escalation = new Escalation
            {
                Id = NewId.For("esc"), Category = category, Urgency = rule?.Urgency ?? "normal", Route = rule?.Route ?? "front_desk",
                Summary = summary ?? category, ClientId = client?.Id ?? conversation.ClientId, ClientPhone = phone,
                ConversationId = conversationId, Channel = channelTag, LocationId = location.Id, CreatedAtUtc = now, UpdatedAtUtc = now,
            };
        }
        var turns = new List<(string, string, TurnTags, int?)>();
        if (clientText is not null)
        {
            turns.Add((TurnRole.Client, clientText, new TurnTags(), null));
            turns.Add((TurnRole.Agent, answer, new TurnTags { Brain = "rules", Escalation = category }, null));
        }
        else
        {
            turns.Add((TurnRole.System, answer, new TurnTags { Escalation = category }, null));
        }
        return new ChannelExchange(conversationId, channelTag, location.Id, state, turns, escalation is null ? [] : [escalation]);
    }

    /// <summary>Writes a prepared exchange inside the caller's transaction.</summary>
    /// <returns>A task.</returns>
    public System.Threading.Tasks.Task WriteExchangeAsync(DbConnection c, DbTransaction tx, ChannelExchange exchange, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        return conversations.SaveTurnAsync(c, tx, exchange.ConversationId, exchange.State, exchange.Turns, exchange.Escalations, exchange.Channel, exchange.LocationId,
            Actor.System(exchange.Channel), ct);
    }
}

/// <summary>An exchange the channel answered itself, read and ready to store (<see cref="TwilioChannel.PrepareExchangeAsync"/>).</summary>
/// <param name="ConversationId">Conversation.</param>
/// <param name="Channel">voice or sms.</param>
/// <param name="LocationId">Location.</param>
/// <param name="State">The conversation's state to store with it.</param>
/// <param name="Turns">The transcript rows.</param>
/// <param name="Escalations">The escalation it raises, if any.</param>
public sealed record ChannelExchange(string ConversationId, string Channel, string LocationId, ConversationState State,
    IReadOnlyList<(string Role, string Text, TurnTags Tags, int? LatencyMs)> Turns, IReadOnlyList<Escalation> Escalations);

/// <summary>How a caller's words are compared with the words that choose a language ("Espanol, please." = "español").</summary>
internal static class LanguageWords
{
    private static readonly HashSet<string> Polite = new(StringComparer.Ordinal) { "please", "por", "favor", "porfa", "porfavor" };

    /// <summary>Lower case, without accents, punctuation and "please"/"por favor".</summary>
    public static string Normalize(string text)
    {
        var plain = new string([.. text.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsLetter(c) ? char.ToLowerInvariant(c) : ' ')]);
        return string.Join(' ', plain.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Polite.Contains(w)));
    }
}
