using Dapper;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Store;
using FrontDesk.Tools.Text;
using FrontDesk.Tools.Waitlist;
using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.Twilio.Outbound;

/// <summary>
/// Periodic outbound work: queues the day-before reminder once per appointment, and lapses waitlist offers
/// past their time so the held slot moves to the next person.
/// </summary>
public sealed class OutboundSchedule(
    SpaDatabase db,
    SpaProfile profile,
    AppointmentBook book,
    ClientDirectory clients,
    WaitlistBook waitlist,
    OutboxWriter outbox,
    MessageTemplates messages,
    IOptionsMonitor<SmsOptions> sms,
    TimeProvider clock,
    ILogger<OutboundSchedule> logger) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The outbound schedule failed a pass; it will try again");
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(sms.CurrentValue.SchedulerIntervalSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One pass: reminders, then waitlist expiry.</summary>
    /// <param name="ct">Cancellation.</param>
    /// <returns>Reminders queued and offers lapsed.</returns>
    public async Task<(int Reminders, int ExpiredOffers)> RunOnceAsync(CancellationToken ct)
    {
        var reminders = await QueueRemindersAsync(ct);
        var expired = await waitlist.ExpireDueOffersAsync(ct);
        return (reminders, expired);
    }

    /// <summary>
    /// Queues a reminder for every booked appointment tomorrow (spa-local) that has none yet, whether booked
    /// through the agent (which queues one itself) or by other means. Consent and quiet hours are the sender's.
    /// </summary>
    /// <param name="ct">Cancellation.</param>
    /// <returns>How many were queued.</returns>
    public async Task<int> QueueRemindersAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var tomorrow = profile.Today(clock).AddDays(1);
        var from = ToUtc(tomorrow.ToDateTime(TimeOnly.MinValue));
        var to = ToUtc(tomorrow.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var sendAt = ToUtc(tomorrow.AddDays(-1).ToDateTime(sms.CurrentValue.ReminderLocalTime));
        var queued = 0;
        foreach (var appointment in (await book.ListStartingAsync(from, to, null, ct)).Where(a => a.Status == AppointmentStatus.Booked))
        {
            var client = await clients.GetAsync(appointment.ClientId, ct);
            if (client?.Phone is null)
            {
                continue;
            }
            await using var c = await db.OpenAsync(ct);
            await using var tx = await db.BeginWriteAsync(c, ct);
            // Once per appointment: the agent may have queued one at booking; the marker row stops a second pass.
            var exists = await c.ExecuteScalarAsync<long>(new CommandDefinition("""
                SELECT (SELECT COUNT(*) FROM outbox WHERE kind = 'reminder' AND related_id = @Id)
                     + (SELECT COUNT(*) FROM sms_reminders WHERE appointment_id = @Id)
                """, new { appointment.Id }, tx, cancellationToken: ct));
            if (exists > 0)
            {
                continue;
            }
            var local = profile.ToLocal(appointment.StartsAtUtc);
            // In the language the client last wrote in.
            var body = messages.For(client.Language).Render("appointment_reminder", new Dictionary<string, string>
            {
                ["spa"] = profile.Spa.Name,
                ["name"] = client.FirstName ?? "",
                ["service"] = profile.FindService(appointment.ServiceId)?.NameIn(client.Language) ?? "",
                ["when"] = SpokenTime.DayAndTime(local, client.Language),
                ["provider"] = profile.FindStaff(appointment.StaffId)?.FirstName ?? "",
                ["location"] = profile.FindLocation(appointment.LocationId)?.Name ?? "",
                ["address"] = profile.FindLocation(appointment.LocationId)?.Address ?? "",
            });
            var message = await outbox.EnqueueAsync(c, tx, MessageKind.Reminder, client.Phone, body, client.Id, appointment.LocationId, appointment.Id,
                sendAt > now ? sendAt : null, Actor.System("reminders"), ct);
            await c.ExecuteAsync(new CommandDefinition(
                "INSERT INTO sms_reminders (appointment_id, outbox_id, created_at_utc) VALUES (@Id, @outboxId, @now)",
                new { appointment.Id, outboxId = message.Id, now }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            queued++;
        }
        return queued;
    }

    private DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(profile.TimeZone.IsInvalidTime(local) ? local.AddHours(1) : local, profile.TimeZone);
}
