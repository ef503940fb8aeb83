using Dapper;
using FrontDesk.Channels.Teams;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Store;
using FrontDesk.Tools.Waitlist;
using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.Twilio.Outbound;

/// <summary>
/// Drains the outbox to Twilio: honours opt-outs (suppressed), consent (suppressed), quiet hours (deferred,
/// never dropped), waitlist offers no longer open (suppressed; an open one's answer window starts as it is sent) and approval (a message pending approval is never due), retries transient failures with
/// exponential backoff, and marks a number opted out on error 21610. With Twilio not configured it idles and
/// the outbox keeps every message.
/// </summary>
public sealed class OutboxSender(
    OutboxDelivery delivery,
    SmsOptOuts optOuts,
    SpaDatabase db,
    SpaProfile profile,
    WaitlistBook waitlist,
    IHttpClientFactory httpClients,
    IOptionsMonitor<TwilioOptions> twilio,
    IOptionsMonitor<SmsOptions> sms,
    TwilioChannel channel,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<OutboxSender> logger) : BackgroundService
{
    /// <summary>Name of the HttpClient used for Twilio's REST API.</summary>
    public const string HttpClientName = "twilio";

    /// <summary>Whether Twilio is configured well enough to send.</summary>
    public bool IsConfigured => twilio.CurrentValue is { AccountSid.Length: > 0, AuthToken.Length: > 0 };

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idleLogged = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!IsConfigured)
                {
                    if (!idleLogged)
                    {
                        logger.LogWarning("Twilio:AccountSid or Twilio:AuthToken is not set: texts stay queued in the outbox until it is");
                        idleLogged = true;
                    }
                }
                else
                {
                    idleLogged = false;
                    await DrainOnceAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The SMS sender failed a pass; it will try again");
            }
            try
            {
                await Task.Delay(sms.CurrentValue.SenderPollMs, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Sends (or defers, or suppresses) every message that is due now.</summary>
    /// <param name="ct">Cancellation.</param>
    /// <returns>How many messages were handled.</returns>
    public async Task<int> DrainOnceAsync(CancellationToken ct)
    {
        if (!IsConfigured)
        {
            return 0;
        }
        var handled = 0;
        foreach (var message in await delivery.DueAsync(50, ct))
        {
            if (await delivery.ClaimAsync(message, ct))
            {
                await SendOneAsync(message, ct);
                handled++;
            }
        }
        return handled;
    }

    private async Task SendOneAsync(OutboxMessage message, CancellationToken ct)
    {
        var options = sms.CurrentValue;
        string? exception = null;
        if (await optOuts.IsOptedOutAsync(message.ToAddress, ct))
        {
            // SECURITY (consent): the one exception to the opt-out. The confirmation of the opt-out itself still goes (carriers
            // expect it; it is the last text), only while it confirms the number's current opt-out, and once: audited as such.
            if (message.Kind != MessageKind.OptOutConfirmation || !await ConfirmsCurrentOptOutAsync(message, ct))
            {
                await delivery.StopAsync(message, OutboxStatus.Suppressed, "opted_out", ct);
                return;
            }
            exception = "opt_out_confirmation: the confirmation of this number's opt-out, sent after it";
        }
        else if (message.Kind == MessageKind.OptOutConfirmation)
        {
            // Texts were turned back on since (START, a manager): a "you won't get texts" now would be wrong.
            await delivery.StopAsync(message, OutboxStatus.Suppressed, "opted_in_since", ct);
            return;
        }
        if (options.ConsentRequiredKinds.Contains(message.Kind, StringComparer.OrdinalIgnoreCase) && !await HasConsentAsync(message, ct))
        {
            await delivery.StopAsync(message, OutboxStatus.Suppressed, "no_consent", ct);
            return;
        }
        if (message.Kind == MessageKind.Reminder && message.RelatedId is { } appointmentId && !await IsStillBookedAsync(appointmentId, ct))
        {
            await delivery.StopAsync(message, OutboxStatus.Suppressed, "appointment_not_booked", ct);
            return;
        }
        if (message.Kind == MessageKind.WaitlistOffer && message.RelatedId is { } offerId && await waitlist.GetOfferAsync(offerId, ct) is not { Status: "pending" })
        {
            await delivery.StopAsync(message, OutboxStatus.Suppressed, "offer_not_pending", ct);
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (!options.QuietHoursExemptKinds.Contains(message.Kind, StringComparer.OrdinalIgnoreCase) && QuietHours.EndIfQuiet(profile, now, options.QuietHoursStart, options.QuietHoursEnd) is { } resume)
        {
            await delivery.RetryAtAsync(message, resume, "quiet_hours", countsAsAttempt: false, ct);
            return;
        }

        // The offer's answer window starts now, as the text goes, so the client has the whole time it promises.
        if (message.Kind == MessageKind.WaitlistOffer && message.RelatedId is { } sendingOfferId && !await waitlist.StartOfferWindowAsync(sendingOfferId, ct))
        {
            await delivery.StopAsync(message, OutboxStatus.Suppressed, "offer_not_pending", ct);
            return;
        }

        var from = string.IsNullOrEmpty(twilio.CurrentValue.MessagingServiceSid) ? profile.FindLocation(message.LocationId)?.Phone : null;
        var statusCallback = string.IsNullOrWhiteSpace(configuration[TwilioOptions.PublicBaseUrlKey]) ? null : channel.Url("/twilio/sms/status");
        var client = new TwilioRestClient(httpClients.CreateClient(HttpClientName), Options.Create(twilio.CurrentValue));
        var result = await client.SendSmsAsync(message.ToAddress, message.Body, from, statusCallback, ct);
        switch (result)
        {
            case SmsSendResult.Sent sent:
                if (sent.MessageSid.Length == 0)
                {
                    // Accepted (sending again would text twice), but no delivery callback can ever be matched to it.
                    logger.LogWarning("Twilio accepted message {Id} without returning a MessageSid", message.Id);
                }
                await delivery.SentAsync(message, sent.MessageSid.Length == 0 ? null : sent.MessageSid, ct, exception);
                break;
            case SmsSendResult.OptedOut:
                await optOuts.SetAsync(message.ToAddress, optedOut: true, "twilio_21610", Tools.Audit.Actor.System("sms-sender"), ct);
                await delivery.StopAsync(message, OutboxStatus.Suppressed, "opted_out (Twilio 21610)", ct);
                break;
            case SmsSendResult.PermanentFailure failure:
                logger.LogWarning("Twilio refused message {Id}: {Code} {Message}", message.Id, failure.Code, failure.Message);
                await delivery.StopAsync(message, OutboxStatus.Failed, $"{failure.Code}: {failure.Message}", ct);
                break;
            case SmsSendResult.TransientFailure transient:
                var attempt = message.Attempts + 1;
                if (attempt >= options.MaxAttempts)
                {
                    await delivery.StopAsync(message, OutboxStatus.Failed, $"gave up after {attempt} attempts: {transient.Message}", ct);
                    break;
                }
                var wait = RetryBackoff.NextDelay(attempt, TimeSpan.FromSeconds(options.RetryBaseSeconds), TimeSpan.FromSeconds(options.RetryMaxSeconds), Random.Shared);
                // Full jitter can pick almost zero; keep at least a second between attempts.
                wait = wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
                logger.LogInformation("Message {Id} attempt {Attempt} failed ({Reason}); retrying in {Wait}", message.Id, attempt, transient.Message, wait);
                await delivery.RetryAtAsync(message, clock.GetUtcNow().UtcDateTime + wait, transient.Message, countsAsAttempt: true, ct);
                break;
        }
    }

    /// <summary>How soon after the opt-out its confirmation must have been queued: a turn's reply is queued as it commits.</summary>
    private static readonly TimeSpan ConfirmationWindow = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Whether an <see cref="MessageKind.OptOutConfirmation"/> confirms the number's current opt-out: recorded in the spa's
    /// book (<c>sms_opt_outs</c>) at most <see cref="ConfirmationWindow"/> before the message was queued, and no confirmation
    /// has gone to the number since it was recorded.
    /// </summary>
    private async Task<bool> ConfirmsCurrentOptOutAsync(OutboxMessage message, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var since = await c.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
            "SELECT updated_at_utc FROM sms_opt_outs WHERE phone = @ToAddress AND opted_out = @yes", new { message.ToAddress, yes = true }, cancellationToken: ct));
        if (since is not { } recorded || recorded > message.CreatedAtUtc || message.CreatedAtUtc - recorded > ConfirmationWindow)
        {
            return false;
        }
        return await c.ExecuteScalarAsync<long>(new CommandDefinition("""
            SELECT COUNT(*) FROM outbox WHERE to_address = @ToAddress AND kind = @kind AND id <> @Id AND status IN (@sent, @delivered) AND created_at_utc >= @recorded
            """, new { message.ToAddress, message.Id, kind = MessageKind.OptOutConfirmation, sent = OutboxStatus.Sent, delivered = OutboxStatus.Delivered, recorded },
            cancellationToken: ct)) == 0;
    }

    private async Task<bool> HasConsentAsync(OutboxMessage message, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM clients WHERE (id = @ClientId OR phone = @ToAddress) AND sms_consent = @yes",
            new { message.ClientId, message.ToAddress, yes = true }, cancellationToken: ct)) > 0;
    }

    private async Task<bool> IsStillBookedAsync(string appointmentId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var status = await c.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT status FROM appointments WHERE id = @appointmentId", new { appointmentId }, cancellationToken: ct));
        return status is null or AppointmentStatus.Booked;
    }
}

/// <summary>Quiet hours in the spa's zone.</summary>
public static class QuietHours
{
    /// <summary>When quiet hours end, if <paramref name="nowUtc"/> falls inside them; null when texts may go now.</summary>
    /// <param name="profile">The spa (its time zone).</param>
    /// <param name="nowUtc">Now.</param>
    /// <param name="start">Local start, e.g. 21:00.</param>
    /// <param name="end">Local end, e.g. 08:00.</param>
    /// <returns>The UTC instant texts may resume, or null.</returns>
    public static DateTime? EndIfQuiet(SpaProfile profile, DateTime nowUtc, TimeOnly start, TimeOnly end)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var local = profile.ToLocal(nowUtc);
        var time = TimeOnly.FromDateTime(local);
        var wraps = start > end;
        var quiet = wraps ? time >= start || time < end : time >= start && time < end;
        if (!quiet)
        {
            return null;
        }
        var day = DateOnly.FromDateTime(local);
        var resumeDay = wraps && time >= start ? day.AddDays(1) : day;
        var resumeLocal = resumeDay.ToDateTime(end);
        // The end of quiet hours can fall in a daylight-saving gap: the first valid minute after it.
        while (profile.TimeZone.IsInvalidTime(resumeLocal))
        {
            resumeLocal = resumeLocal.AddMinutes(30);
        }
        return TimeZoneInfo.ConvertTimeToUtc(resumeLocal, profile.TimeZone);
    }
}
