using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using FrontDesk.Agent;
using FrontDesk.Agent.Conversations;
using FrontDesk.Tools;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Store;
using FrontDesk.Tools.Text;
using FrontDesk.Tools.Waitlist;
using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.Twilio;

/// <summary>An inbound text as Twilio posts it.</summary>
/// <param name="MessageSid">Twilio's id of the message (dedupe key).</param>
/// <param name="From">Sender.</param>
/// <param name="To">The spa's number it was sent to.</param>
/// <param name="Body">Text.</param>
public sealed record InboundSms(string MessageSid, string From, string To, string Body);

/// <summary>
/// Text conversations: keywords (STOP/START/HELP), waitlist YES, C/X answers to reminders, and everything
/// else through the agent, answered inline or, when the agent takes longer than the budget, later through the outbox.
/// </summary>
public sealed class SmsConversations(
    FrontDeskAgent agent,
    FrontDesk.Agent.Screening.SafetyScreen screen,
    TwilioChannel channel,
    SmsOptOuts optOuts,
    SpaDatabase db,
    SpaProfile profile,
    OutboxWriter outbox,
    ClientDirectory clients,
    AppointmentBook book,
    WaitlistBook waitlist,
    TextTemplates messages,
    SmsWording wording,
    ConversationStore conversations,
    IOptionsMonitor<SmsOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    FaultPoints faults,
    ILogger<SmsConversations> logger)
{
    /// <summary>The conversation id of a phone thread: one per (client number, spa number) pair, not guessable from either.</summary>
    /// <param name="from">Client number.</param>
    /// <param name="to">Spa number.</param>
    /// <returns><c>sms_</c> and 24 hex digits.</returns>
    public static string ConversationIdFor(string from, string to) =>
        "sms_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(from + "|" + to)))[..24];

    /// <summary>Handles one inbound text.</summary>
    /// <param name="sms">The message.</param>
    /// <param name="ct">Cancellation of the webhook request.</param>
    /// <returns>The text to answer inline, or null for an empty response.</returns>
    public async Task<string?> HandleAsync(InboundSms sms, CancellationToken ct)
    {
        var from = PhoneNumbers.ToE164(sms.From) ?? sms.From.Trim();
        var to = PhoneNumbers.ToE164(sms.To) ?? sms.To.Trim();
        var location = channel.LocationFor(to);
        var conversationId = ConversationIdFor(from, to);
        if (!await RecordArrivalAsync(sms.MessageSid, conversationId, from, to, ct) && !await TakeOverAbandonedAsync(sms.MessageSid, conversationId, ct))
        {
            return await AnswerRetryAsync(sms.MessageSid, ct);
        }

        var keyword = SmsKeywords.Classify(sms.Body);
        var client = await clients.FindByPhoneAsync(from, ct);
        if (keyword == SmsKeyword.OptOut && client is not null && SmsKeywords.AsksOffAList(sms.Body) && await waitlist.FindPendingOfferAsync(client.Id, ct) is not null)
        {
            // "no gracias, sácame de la lista" right after a waitlist opening was texted: the waitlist, not every text. The
            // assistant declines the opening and takes them off the waitlist; STOP itself still stops everything.
            keyword = SmsKeyword.None;
        }
        if (keyword == SmsKeyword.OptOut && !SmsKeywords.IsKeyword(sms.Body) && screen.ScreenInbound(sms.Body).Category?.Name is "emergency" or "medical")
        {
            // "my lips are swelling badly after filler and stop texting me" (round 36): the stop is said in words beside an
            // emergency's or a clinician's. The agent answers with the guidance first and records the opt-out in the same turn
            // (a bare STOP stays the carrier's keyword, answered here). Even from a number already opted out: they wrote to us.
            return await AskAgentAsync(sms, conversationId, from, location, ct, stopsTexts: true);
        }
        // A keyword is answered in its own language when it is Spanish (ALTO, AYUDA), else in the conversation's.
        var language = keyword == SmsKeyword.None ? null
            : SmsKeywords.LanguageOf(sms.Body) == "es" ? "es"
            : (await conversations.GetAsync(conversationId, ct))?.ReadState().Language;
        var optedOut = await optOuts.IsOptedOutAsync(from, ct);
        var word = sms.Body.Trim().TrimEnd('.', '!').ToUpperInvariant();
        string? answer;
        // A keyword's change, its exchange in the transcript and its recorded answer commit together: an instance that dies
        // before the commit leaves nothing, and Twilio's redelivery after it is answered from the record (never done twice).
        switch (keyword)
        {
            case SmsKeyword.OptOut:
                // CANCEL stops every text too (a carrier keyword), though the client may have meant an appointment.
                answer = word == "CANCEL"
                    ? wording.Templates.For(language).Render("sms_stopped_cancel", new Dictionary<string, string> { ["spa"] = profile.Spa.Name, ["phone"] = PhoneNumbers.ToNational(location.Phone, PhoneNumbers.RegionOf(location.Phone)) ?? "" })
                    : Message("sms_stopped", language);
                // The team is told as of a stop in words or on a call (one front-desk escalation, only when it changes something):
                // reminders and confirmations stop with it, and CANCEL may have meant an appointment (docs/evaluation.md, round 35).
                (string? category, string? summary) = optedOut ? (null, null)
                    : ("human_request", $"Asked to stop texts; the opt-out of {from} is recorded (source keyword), reminders included: \"{Short(sms.Body)}\"");
                return await AnswerOnceAsync(sms.MessageSid, "twiml", answer,
                    await channel.PrepareExchangeAsync(conversationId, "sms", from, location, sms.Body, answer, category, summary, ct),
                    (c, tx) => optOuts.SetAsync(c, tx, from, optedOut: true, "keyword", new Actor("client", from), conversationId, ct), ct);
            case SmsKeyword.OptIn when optedOut || word != "YES":
                answer = Message("sms_started", language);
                return await AnswerOnceAsync(sms.MessageSid, "twiml", answer, await channel.PrepareExchangeAsync(conversationId, "sms", from, location, sms.Body, answer, null, null, ct),
                    (c, tx) => optOuts.SetAsync(c, tx, from, optedOut: false, "keyword", new Actor("client", from), conversationId, ct), ct);
            case SmsKeyword.Help when !optedOut:
                answer = Message("sms_help", language);
                return await AnswerOnceAsync(sms.MessageSid, "twiml", answer, await channel.PrepareExchangeAsync(conversationId, "sms", from, location, sms.Body, answer, null, null, ct), null, ct);
        }
        if (optedOut)
        {
            // Never text a number that opted out, not even a reply, until it texts START.
            return await AnswerOnceAsync(sms.MessageSid, "suppressed", null,
                await channel.PrepareExchangeAsync(conversationId, "sms", from, location, null, $"Text from an opted-out number, not answered: {sms.Body}", null, null, ct), null, ct);
        }

        // A waitlist offer asks for YES (SÍ in Spanish): either takes it.
        if (client is not null && word is "YES" or "SÍ" or "SI" && await waitlist.FindPendingOfferAsync(client.Id, ct) is { } offer)
        {
            return await AcceptOfferAsync(client, offer, conversationId, from, location, sms, ct);
        }
        // C and X answer a reminder that asked for them, inside its window (sent, and the appointment still ahead);
        // a lone letter with no such reminder is an ordinary message: it never cancels anything by itself.
        if (word is "C" or "X" && client is not null && await RemindedAppointmentAsync(client.Id, ct) is { } reminded)
        {
            return await ConfirmOrCancelAsync(client, reminded, word == "C", conversationId, from, location, sms, ct);
        }
        return await AskAgentAsync(sms, conversationId, from, location, ct);
    }

    private async Task<string?> AskAgentAsync(InboundSms sms, string conversationId, string from, Location location, CancellationToken ct, bool stopsTexts = false)
    {
        // The turn runs to completion even if Twilio stops waiting: its reply then goes out through the outbox.
        var turn = agent.HandleAsync(new TurnRequest(conversationId, "sms", sms.Body, from, location.Id, sms.MessageSid, StopsTexts: stopsTexts), lifetime.ApplicationStopping);
        var budget = Task.Delay(options.CurrentValue.ReplyBudgetMs, ct);
        if (await Task.WhenAny(turn, budget) == turn)
        {
            var reply = await turn;
            if (reply.Text is null)
            {
                return await AnsweredAsync(sms.MessageSid, "staff", null, ct);
            }
            // Inline only while this request is the one Twilio waits for; after a retry or a dropped request the
            // answer goes by REST instead (the agent never answers the same text twice).
            if (!ct.IsCancellationRequested && await AnsweredInlineAsync(sms.MessageSid, reply.Text, CancellationToken.None))
            {
                return reply.Text;
            }
        }
        _ = SendLaterAsync(turn, sms.MessageSid, from, location.Id);
        return null;
    }

    /// <summary>
    /// The same MessageSid again: Twilio retries when it did not get an answer. An answer already given inline is
    /// given again (the first never arrived); one still being produced is marked so it goes out through the outbox;
    /// one that went by REST, to staff or nowhere (opted out) is not repeated.
    /// </summary>
    private async Task<string?> AnswerRetryAsync(string messageSid, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE sms_inbound SET retried = @yes WHERE message_sid = @messageSid AND answered_via IS NULL", new { messageSid, yes = true }, cancellationToken: ct));
        var row = await c.QuerySingleAsync<(string? Via, string? Answer)>(new CommandDefinition(
            "SELECT answered_via, answer_text FROM sms_inbound WHERE message_sid = @messageSid", new { messageSid }, cancellationToken: ct));
        logger.LogInformation("Message {MessageSid} was delivered again (answered via {Via})", messageSid, row.Via ?? "not yet");
        return row.Via == "twiml" ? row.Answer : null;
    }

    private async Task<bool> AnsweredInlineAsync(string messageSid, string answer, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition(
            "UPDATE sms_inbound SET answered_via = 'twiml', answer_text = @answer WHERE message_sid = @messageSid AND retried = @no AND answered_via IS NULL",
            new { messageSid, answer, no = false }, cancellationToken: ct)) == 1;
    }

    private async Task SendLaterAsync(Task<AgentReply> turn, string messageSid, string from, string locationId)
    {
        try
        {
            var reply = await turn;
            if (reply.Text is null)
            {
                await AnsweredAsync(messageSid, "staff", null, CancellationToken.None);
                return;
            }
            await using var c = await db.OpenAsync(CancellationToken.None);
            await using var tx = await db.BeginWriteAsync(c, CancellationToken.None);
            var client = await clients.FindByPhoneAsync(from, CancellationToken.None);
            // The confirmation of an opt-out this turn recorded goes as such: the sender lets that one through to the number.
            var kind = reply.StoppedTexts ? MessageKind.OptOutConfirmation : MessageKind.Reply;
            var message = await outbox.EnqueueAsync(c, tx, kind, from, reply.Text, client?.Id, locationId, messageSid, null, Actor.System("sms"), CancellationToken.None);
            await c.ExecuteAsync(new CommandDefinition(
                "UPDATE sms_inbound SET answered_via = 'outbox', reply_outbox_id = @Id WHERE message_sid = @messageSid", new { message.Id, messageSid }, tx));
            await tx.CommitAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "The late reply to message {MessageSid} could not be queued", messageSid);
        }
    }

    /// <summary>
    /// The appointment a reminder asked this client to confirm or cancel: a reminder that went out (or is due and
    /// queued), for an appointment still booked and not yet started. Null when no reminder is waiting for C or X.
    /// </summary>
    private async Task<Appointment?> RemindedAppointmentAsync(string clientId, CancellationToken ct)
    {
        const string sql = """
            SELECT related_id FROM outbox
            WHERE kind = @kind AND client_id = @clientId AND related_id IS NOT NULL AND status IN (@queued, @sent, @delivered)
              AND (not_before_utc IS NULL OR not_before_utc <= @now)
            ORDER BY created_at_utc DESC
            """;
        var now = clock.GetUtcNow().UtcDateTime;
        List<string> ids;
        await using (var c = await db.OpenAsync(ct))
        {
            ids = [.. await c.QueryAsync<string>(new CommandDefinition(sql,
                new { kind = MessageKind.Reminder, clientId, queued = OutboxStatus.Queued, sent = OutboxStatus.Sent, delivered = OutboxStatus.Delivered, now }, cancellationToken: ct))];
        }
        foreach (var id in ids)
        {
            if (await book.GetAsync(id, ct) is { Status: AppointmentStatus.Booked } appointment && appointment.StartsAtUtc > now)
            {
                return appointment;
            }
        }
        return null;
    }

    /// <summary>
    /// YES to a waitlist offer: the booking, its exchange and the recorded answer commit together (as a keyword's do), so
    /// an instance that dies before the commit leaves the offer pending for the redelivery, and one that dies after it
    /// leaves the answer for the redelivery to give again.
    /// </summary>
    private async Task<string?> AcceptOfferAsync(Client client, WaitlistOffer offer, string conversationId, string from, Location location, InboundSms sms, CancellationToken ct)
    {
        var language = await ClientLanguageAsync(client, conversationId, ct);
        // The held slot is what the acceptance books: its answer is worded before the transaction, which writes it.
        if (await book.GetAsync(offer.AppointmentId, ct) is { } held)
        {
            var answer = channel.Text("sms_offer_booked", language, Describe(held, language));
            var exchange = await channel.PrepareExchangeAsync(conversationId, "sms", from, location, sms.Body, answer, null, null, ct);
            var booked = await waitlist.AcceptAsync(offer.Id, new Actor("client", client.Id), conversationId, async (c, tx) =>
            {
                await faults.HitAsync(FaultPoints.KeywordApplied);
                await channel.WriteExchangeAsync(c, tx, exchange, ct);
                await RecordAnswerAsync(c, tx, sms.MessageSid, "twiml", answer, ct);
            }, ct);
            if (booked is not null)
            {
                return answer;
            }
        }
        var gone = channel.Text("sms_offer_gone", language);
        return await AnswerOnceAsync(sms.MessageSid, "twiml", gone,
            await channel.PrepareExchangeAsync(conversationId, "sms", from, location, sms.Body, gone, null, null, ct), null, ct);
    }

    /// <summary>A reminder's C or X: the change, its exchange and the recorded answer commit together.</summary>
    private async Task<string?> ConfirmOrCancelAsync(Client client, Appointment next, bool confirm, string conversationId, string from, Location location, InboundSms sms, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var language = await ClientLanguageAsync(client, conversationId, ct);
        var actor = new Actor("client", client.Id);
        Task<ChannelExchange> ExchangeAsync(string answer, string? category = null, string? summary = null) =>
            channel.PrepareExchangeAsync(conversationId, "sms", from, location, sms.Body, answer, category, summary, ct);
        string answer;
        if (confirm)
        {
            answer = channel.Text("sms_confirmed", language, Describe(next, language));
            return await AnswerOnceAsync(sms.MessageSid, "twiml", answer, await ExchangeAsync(answer),
                (c, tx) => AuditLog.WriteAsync(c, tx, now, actor, "appointment.confirm", "appointment", next.Id, null, new { confirmedBy = "sms" }, conversationId, ct), ct);
        }
        if (next.StartsAtUtc - now < TimeSpan.FromHours(profile.Policies.LateCancelHours))
        {
            // Inside the cancellation window the policy needs a person, as it does in a conversation.
            answer = channel.Text("sms_late_cancel", language, Describe(next, language));
            return await AnswerOnceAsync(sms.MessageSid, "twiml", answer,
                await ExchangeAsync(answer, "sensitive", "Late cancellation requested by text (reply X to a reminder)."), null, ct);
        }
        answer = channel.Text("sms_cancelled", language, Describe(next, language));
        var cancelled = await ExchangeAsync(answer);
        if (await book.CancelAsync(next, actor, conversationId, async (c, tx) =>
            {
                await waitlist.OfferFreedSlotAsync(c, tx, next, ct);
                await faults.HitAsync(FaultPoints.KeywordApplied);
                await channel.WriteExchangeAsync(c, tx, cancelled, ct);
                await RecordAnswerAsync(c, tx, sms.MessageSid, "twiml", answer, ct);
            }, ct))
        {
            return answer;
        }
        answer = channel.Text("sms_no_appointment", language);
        return await AnswerOnceAsync(sms.MessageSid, "twiml", answer, await ExchangeAsync(answer), null, ct);
    }

    /// <summary>
    /// Commits a text the channel answers itself as one: the change it asks for (when any), its exchange in the
    /// transcript and its answer on the message's record. A redelivery finds the answer; a crash before the commit leaves nothing.
    /// </summary>
    private async Task<string?> AnswerOnceAsync(string messageSid, string via, string? answer, ChannelExchange exchange,
        Func<DbConnection, DbTransaction, Task>? change, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        if (change is not null)
        {
            await change(c, tx);
            await faults.HitAsync(FaultPoints.KeywordApplied);
        }
        await channel.WriteExchangeAsync(c, tx, exchange, ct);
        await RecordAnswerAsync(c, tx, messageSid, via, answer, ct);
        await tx.CommitAsync(ct);
        return answer;
    }

    private static Task<int> RecordAnswerAsync(DbConnection c, DbTransaction tx, string messageSid, string via, string? answer, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            "UPDATE sms_inbound SET answered_via = @via, answer_text = @answer WHERE message_sid = @messageSid", new { messageSid, via, answer }, tx, cancellationToken: ct));

    /// <summary>The language to answer a client in: the one they last wrote in, else this thread's.</summary>
    private async Task<string?> ClientLanguageAsync(Client? client, string conversationId, CancellationToken ct) =>
        client?.Language ?? (await conversations.GetAsync(conversationId, ct))?.ReadState().Language;

    private Dictionary<string, string> Describe(Appointment a, string? language) => new()
    {
        ["service"] = profile.FindService(a.ServiceId)?.NameIn(language) ?? a.ServiceId,
        ["when"] = SpokenTime.DayAndTime(profile.ToLocal(a.StartsAtUtc), language),
        ["location"] = profile.FindLocation(a.LocationId)?.Name ?? "",
        ["hours"] = profile.Policies.LateCancelHours.ToString(CultureInfo.InvariantCulture),
    };

    private static string Short(string text) => text.Trim() is { Length: > 120 } trimmed ? trimmed[..120] + "…" : text.Trim();

    private string Message(string name) => messages.Render(name, new Dictionary<string, string> { ["spa"] = profile.Spa.Name });

    private string Message(string name, string? language) => wording.Templates.For(language).Render(name, new Dictionary<string, string> { ["spa"] = profile.Spa.Name });

    /// <summary>Records the message id; false when it was seen before (Twilio retried the webhook).</summary>
    private async Task<bool> RecordArrivalAsync(string messageSid, string conversationId, string from, string to, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO sms_inbound (message_sid, conversation_id, from_phone, to_phone, received_at_utc, handling_until_utc)
            VALUES (@messageSid, @conversationId, @from, @to, @now, @until)
            ON CONFLICT (message_sid) DO NOTHING
            """, new { messageSid, conversationId, from, to, now = clock.GetUtcNow().UtcDateTime, until = DateTime.UtcNow + HandlingGrace }, cancellationToken: ct)) == 1;
    }

    // How long (real time) the instance that recorded a text is presumed to be answering it before it holds the
    // conversation's lease, or after it has let it go: keywords and inline answers finish well inside this.
    private TimeSpan HandlingGrace => TimeSpan.FromMilliseconds(options.CurrentValue.ReplyBudgetMs) + TimeSpan.FromSeconds(5);

    /// <summary>
    /// Twilio delivered a text again that was never answered: when the instance that recorded it is gone (its grace has
    /// passed and no instance holds the conversation's lease), this instance takes the text over and handles it afresh
    /// (issue 15, item 10); the dead instance stored nothing of a turn it did not finish. False leaves it to the live handler.
    /// Real time, like leases: a pinned demo clock must not keep a dead handler alive.
    /// </summary>
    private async Task<bool> TakeOverAbandonedAsync(string messageSid, string conversationId, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        await using var c = await db.OpenAsync(ct);
        // A lease left in place by a stored turn (ConversationStore.LeaseHeldSql) is no one's: only a live lease of a turn not
        // stored yet means an instance is answering.
        var taken = await c.ExecuteAsync(new CommandDefinition($"""
            UPDATE sms_inbound SET handling_until_utc = @until, retried = @no
            WHERE message_sid = @messageSid AND answered_via IS NULL AND (handling_until_utc IS NULL OR handling_until_utc < @now)
              AND NOT EXISTS (SELECT 1 FROM conversation_leases k
                              WHERE k.conversation_id = @conversationId AND k.until_utc > @now AND {ConversationStore.LeaseHeldSql})
            """, new { messageSid, conversationId, now, until = now + HandlingGrace, no = false }, cancellationToken: ct)) == 1;
        if (taken)
        {
            logger.LogWarning("Message {MessageSid} was delivered again and its first handler is gone; answering it here", messageSid);
        }
        return taken;
    }

    private async Task<string?> AnsweredAsync(string messageSid, string via, string? answer, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE sms_inbound SET answered_via = @via, answer_text = @answer WHERE message_sid = @messageSid", new { messageSid, via, answer }, cancellationToken: ct));
        return answer;
    }
}

/// <summary>The SMS wording of every language (prompts/messages.yaml and prompts/{language}/messages.yaml).</summary>
/// <param name="Templates">English, and each language's own where it has the key.</param>
public sealed record SmsWording(LocalizedTemplates Templates);
