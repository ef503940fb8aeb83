using System.Data.Common;
using System.Globalization;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Safety;
using FrontDesk.Tools.Text;

namespace FrontDesk.Tools.Booking;

/// <summary>
/// Appointments and offered slots in words (read-backs, views for the model) and the confirmation and reminder texts
/// that follow a booking, in the conversation's language or else the client's (<see cref="MessageTemplates"/>).
/// </summary>
public sealed class AppointmentWording(SpaProfile profile, OutboxWriter outbox, TextTemplates templates, TimeProvider clock, MessageTemplates? languages = null)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>An offered slot read back: service, provider, day and time, location.</summary>
    public string Describe(OfferedSlot s) =>
        $"{profile.FindService(s.ServiceId)!.Name} with {profile.FindStaff(s.StaffId)!.Name} on {SpokenTime.DayAndTime(s.LocalStart)} at {profile.FindLocation(s.LocationId)!.Name}";

    /// <summary>An appointment read back.</summary>
    public string Describe(Appointment a) =>
        $"{profile.FindService(a.ServiceId)?.Name} with {profile.FindStaff(a.StaffId)?.Name} on {SpokenTime.DayAndTime(profile.ToLocal(a.StartsAtUtc))} at {profile.FindLocation(a.LocationId)?.Name}";

    /// <summary>An offered slot in the shape of an appointment (no reference yet), for a reply to read back in its own words.</summary>
    public AppointmentView View(OfferedSlot s) => new("", profile.FindService(s.ServiceId)?.Name ?? s.ServiceId,
        SpokenTime.Day(DateOnly.FromDateTime(s.LocalStart)), SpokenTime.Time(TimeOnly.FromDateTime(s.LocalStart)),
        profile.FindStaff(s.StaffId)?.Name ?? s.StaffId, profile.FindLocation(s.LocationId)?.Name ?? s.LocationId, "offered", s.LocalStart.ToString("yyyy-MM-ddTHH:mm", Inv));

    /// <summary>An appointment as shown to its owner under <paramref name="reference"/>.</summary>
    public AppointmentView View(Appointment a, string reference)
    {
        var local = profile.ToLocal(a.StartsAtUtc);
        return new AppointmentView(reference, profile.FindService(a.ServiceId)?.Name ?? a.ServiceId, SpokenTime.Day(DateOnly.FromDateTime(local)), SpokenTime.Time(TimeOnly.FromDateTime(local)),
            profile.FindStaff(a.StaffId)?.Name ?? a.StaffId, profile.FindLocation(a.LocationId)?.Name ?? a.LocationId, a.Status, local.ToString("yyyy-MM-ddTHH:mm", Inv));
    }

    /// <summary>What the model may say about the confirmation text.</summary>
    public static string NoTextNote(bool texted) => texted ? " A confirmation text is on its way." : " No confirmation text will be sent (no SMS consent); don't promise one.";

    /// <summary>Whether a client gets confirmation texts: a proven phone, consent to texts, not opted out.</summary>
    public static bool CanText(Client client) =>
        client is { Phone: not null, SmsConsent: true, OptedOutAtUtc: null };

    /// <summary>Queues the confirmation and reminder texts; false when the client gets none (no phone, no consent, opted out).</summary>
    public Task<bool> QueueConfirmationAsync(ConversationScope scope, Client client, Appointment appointment, Service service, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return QueueConfirmationAsync(null, null, scope.Actor, client, appointment, service, scope.Language, ct);
    }

    /// <summary>
    /// <see cref="QueueConfirmationAsync(DbConnection?, DbTransaction?, Actor, Client, Appointment, Service, string?, CancellationToken)"/>
    /// in the client's own language (<see cref="Client.Language"/>).
    /// </summary>
    public Task<bool> QueueConfirmationAsync(DbConnection? c, DbTransaction? tx, Actor actor, Client client, Appointment appointment, Service service, CancellationToken ct) =>
        QueueConfirmationAsync(c, tx, actor, client, appointment, service, null, ct);

    /// <summary>
    /// <see cref="QueueConfirmationAsync(ConversationScope, Client, Appointment, Service, CancellationToken)"/> inside the
    /// booking's own transaction, so the texts commit with the appointment or not at all (issue 15, item 2). The texts are
    /// in <paramref name="language"/> (the conversation's), else the client's, else English.
    /// </summary>
    public async Task<bool> QueueConfirmationAsync(DbConnection? c, DbTransaction? tx, Actor actor, Client client, Appointment appointment, Service service, string? language,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(service);
        if (client.Phone is not { } phone || !CanText(client))
        {
            return false;
        }
        foreach (var (kind, body, notBeforeUtc) in Texts(client, appointment, service, language))
        {
            await (c is null || tx is null
                ? outbox.EnqueueAsync(kind, phone, body, client.Id, appointment.LocationId, appointment.Id, notBeforeUtc, actor, ct)
                : outbox.EnqueueAsync(c, tx, kind, phone, body, client.Id, appointment.LocationId, appointment.Id, notBeforeUtc, actor, ct));
        }
        return true;
    }

    /// <summary>
    /// The same texts added to a booking's <paramref name="batch"/>, so they are written with the appointment, all or nothing
    /// (issue 15, item 2); false when the client gets none (no phone, no consent, opted out).
    /// </summary>
    internal bool QueueConfirmation(Store.WriteBatch batch, Actor actor, Client client, Appointment appointment, Service service, string? language)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (client.Phone is not { } phone || !CanText(client))
        {
            return false;
        }
        var n = 0;
        foreach (var (kind, body, notBeforeUtc) in Texts(client, appointment, service, language))
        {
            outbox.Enqueue(batch, $"msg{n++}_", kind, phone, body, client.Id, appointment.LocationId, appointment.Id, notBeforeUtc, actor);
        }
        return true;
    }

    // The confirmation, and the reminder at 10:00 the day before unless that has passed, in the conversation's language,
    // else the client's, else English.
    private List<(string Kind, string Body, DateTime? NotBeforeUtc)> Texts(Client client, Appointment appointment, Service service, string? language)
    {
        var local = profile.ToLocal(appointment.StartsAtUtc);
        language ??= client.Language;
        var texts = languages?.For(language) ?? templates;
        var values = new Dictionary<string, string>
        {
            ["spa"] = profile.Spa.Name,
            ["name"] = client.FirstName ?? "",
            ["service"] = service.NameIn(language),
            ["when"] = SpokenTime.DayAndTime(local, language),
            ["provider"] = profile.FindStaff(appointment.StaffId)?.FirstName ?? "",
            ["location"] = profile.FindLocation(appointment.LocationId)?.Name ?? "",
            ["address"] = profile.FindLocation(appointment.LocationId)?.Address ?? "",
        };
        var result = new List<(string, string, DateTime?)> { (MessageKind.Confirmation, texts.Render("booking_confirmation", values), null) };
        var reminderLocal = DateOnly.FromDateTime(local).AddDays(-1).ToDateTime(new TimeOnly(10, 0));
        var reminderUtc = TimeZoneInfo.ConvertTimeToUtc(profile.TimeZone.IsInvalidTime(reminderLocal) ? reminderLocal.AddHours(1) : reminderLocal, profile.TimeZone);
        if (reminderUtc > clock.GetUtcNow().UtcDateTime)
        {
            result.Add((MessageKind.Reminder, texts.Render("appointment_reminder", values), reminderUtc));
        }
        return result;
    }

    /// <summary>
    /// The refusal when <paramref name="service"/> must not be booked online for this client (a contraindication on file
    /// or stated, or under the minimum age), else null.
    /// </summary>
    public static ToolResult? EligibilityBlock(ConversationScope scope, Service service, Client? client)
    {
        // By concept: a flag "pregnancy" is "pregnancy-first-trimester", a named medicine is its class (Safety/HealthConcepts).
        var hit = HealthConcepts.FirstMatch(service.Contraindications, (client?.HealthFlagList ?? []).Concat(scope.StatedConditions));
        if (hit is not null)
        {
            scope.HealthRefusal = service.Id;
            // The reason names no condition: the model must not repeat health details back.
            return new ToolResult("refused",
                $"{service.Name} can't be booked online for this client because of a health consideration on file or mentioned. A clinician needs to review it: offer a consultation or a call back from our clinical team.",
                new { reason = "contraindication", escalate = "medical" });
        }
        if (service.MinAge is { } min && scope.StatedAge is { } age && age < min)
        {
            return new ToolResult("refused", $"{service.Name} is for clients {min} and older.", new { reason = "min_age", min_age = min });
        }
        return null;
    }
}
