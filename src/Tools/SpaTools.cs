using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FrontDesk.Tools.Availability;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Faq;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Text;
using FrontDesk.Tools.Verification;
using FrontDesk.Tools.Waitlist;
using Microsoft.Extensions.AI;

namespace FrontDesk.Tools;

/// <summary>A tool's answer: a status the model can branch on, a message it can act on, and data.</summary>
/// <param name="Status">ok, needs_confirmation, booked, cancelled, rescheduled, no_slots, ambiguous, not_found, refused, slot_taken, bad_argument, verification_required…</param>
/// <param name="Message">One or two sentences for the model (and a fallback reply).</param>
/// <param name="Data">Structured detail.</param>
public sealed record ToolResult(string Status, string Message, object? Data = null);

/// <summary>A slot as shown to the model.</summary>
public sealed record SlotView(string SlotId, string Service, string Day, string Time, string Provider, string Location, string LocalStart);

/// <summary>An appointment as shown to its owner.</summary>
public sealed record AppointmentView(string Ref, string Service, string Day, string Time, string Provider, string Location, string Status, string LocalStart);

/// <summary>
/// The spa's book as tool functions. One instance serves one conversation turn: it acts for the
/// <see cref="ConversationScope"/> it was given and enforces identity, offers and confirmations itself,
/// whatever the model asks.
/// </summary>
public sealed class SpaTools(
    SpaProfile profile,
    AvailabilityFinder availability,
    AppointmentBook book,
    ClientDirectory clients,
    WaitlistBook waitlist,
    FaqIndex faq,
    OutboxWriter outbox,
    TextTemplates templates,
    TimeProvider clock,
    VerificationLimits verification,
    ConversationScope scope)
{
    private const int MaxOffered = 3;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The tools as functions for an <see cref="IChatClient"/>.</summary>
    public IList<AITool> AsAIFunctions() =>
    [
        AIFunctionFactory.Create(CheckAvailabilityAsync, "check_availability"),
        AIFunctionFactory.Create(FindClientAsync, "find_client"),
        AIFunctionFactory.Create(BookAppointmentAsync, "book_appointment"),
        AIFunctionFactory.Create(ListAppointmentsAsync, "list_appointments"),
        AIFunctionFactory.Create(CancelAppointmentAsync, "cancel_appointment"),
        AIFunctionFactory.Create(RescheduleAppointmentAsync, "reschedule_appointment"),
        AIFunctionFactory.Create(JoinWaitlistAsync, "join_waitlist"),
        AIFunctionFactory.Create(FindWaitlistOfferAsync, "find_waitlist_offer"),
        AIFunctionFactory.Create(AcceptWaitlistOfferAsync, "accept_waitlist_offer"),
        AIFunctionFactory.Create(AnswerFaqAsync, "answer_faq"),
        AIFunctionFactory.Create(SendVerificationCodeAsync, "send_verification_code"),
        AIFunctionFactory.Create(VerifyPhoneAsync, "verify_phone"),
    ];

    /// <summary>Names of tools that change data (used to measure false actions).</summary>
    public static IReadOnlySet<string> WritingTools { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "book_appointment", "cancel_appointment", "reschedule_appointment", "join_waitlist", "accept_waitlist_offer",
    };

    [Description("Find open appointment slots for a service. Returns up to three concrete slots with ids to offer the client, or the nearest alternatives when nothing fits. Use before booking or rescheduling.")]
    private async Task<ToolResult> CheckAvailabilityAsync(
        [Description("Service name, alias or id from the menu, e.g. the name the client used.")] string service,
        [Description("First day to search, YYYY-MM-DD in the spa's local calendar. Omit for the next available days.")] string? date = null,
        [Description("Last day to search (inclusive), YYYY-MM-DD. Omit to search only 'date' (or the next two weeks when 'date' is omitted).")] string? end_date = null,
        [Description("morning, afternoon, evening or any.")] string? time_of_day = null,
        [Description("Earliest start time, HH:MM 24-hour local.")] string? after = null,
        [Description("Latest start time, HH:MM 24-hour local.")] string? before = null,
        [Description("A preferred start time, HH:MM 24-hour local; slots nearest to it come first.")] string? near = null,
        [Description("Provider name or id, or 'anyone'.")] string? provider = null,
        [Description("Location name or id; omit for any location.")] string? location = null,
        [Description("When finding a new time for an existing appointment: its reference from list_appointments.")] string? reschedule_ref = null,
        CancellationToken cancellationToken = default)
    {
        // A new time for an existing appointment keeps its service, whatever the caller named it ("my massage").
        string? rescheduleOf = null;
        Service? svc = null;
        if (reschedule_ref is not null)
        {
            var own = await OwnAppointmentAsync(reschedule_ref, cancellationToken);
            if (own.Result is not null)
            {
                return own.Result;
            }
            rescheduleOf = own.Appointment!.Id;
            svc = profile.FindService(own.Appointment.ServiceId);
        }
        if (svc is null)
        {
            var resolved = ResolveService(service);
            if (resolved.Result is not null)
            {
                return resolved.Result;
            }
            svc = resolved.Service!;
        }
        var bookable = await BookableServiceAsync(svc, cancellationToken);
        var today = profile.Today(clock);
        if (!TryDate(date, today, out var from) || !TryDate(end_date, date is null ? today.AddDays(13) : from, out var to))
        {
            return new ToolResult("bad_argument", "Dates must be YYYY-MM-DD.");
        }
        if (date is null && end_date is null)
        {
            to = from.AddDays(13);
        }
        if (to < from)
        {
            (from, to) = (to, from);
        }
        if (!TryTime(after, out var afterTime) || !TryTime(before, out var beforeTime) || !TryTime(near, out var nearTime))
        {
            return new ToolResult("bad_argument", "Times must be HH:MM in 24-hour local time.");
        }
        (afterTime, beforeTime) = ApplyTimeOfDay(time_of_day, afterTime, beforeTime);
        var staff = ResolveStaff(provider);
        if (staff.Result is not null)
        {
            return staff.Result;
        }
        var loc = ResolveLocation(location);
        if (loc.Result is not null)
        {
            return loc.Result;
        }
        var horizonEnd = today.AddDays(profile.Policies.BookingHorizonDays);
        if (from > horizonEnd)
        {
            return new ToolResult("no_slots", $"We book up to {profile.Policies.BookingHorizonDays} days ahead; that date is too far out. The waitlist is an option.",
                new { horizon_end = horizonEnd.ToString("yyyy-MM-dd", Inv), waitlist_available = true });
        }
        if (staff.Staff is { } st && !st.ServiceIds.Contains(bookable.Id))
        {
            var who = profile.Staff.Where(s => s.ServiceIds.Contains(bookable.Id)).ToList();
            return new ToolResult("bad_argument", $"{st.FirstName} does not perform {bookable.Name}. Providers who do: {string.Join(", ", who.Select(s => s.Name))}.",
                new { reason = "provider_service", provider = st.FirstName, service = bookable.Name, providers = who.Select(s => s.FirstName) });
        }
        if (loc.Location is { } l && !profile.LocationsOffering(bookable).Contains(l))
        {
            return new ToolResult("bad_argument", $"{bookable.Name} is not offered at {l.Name}. It is offered at {string.Join(", ", profile.LocationsOffering(bookable).Select(x => x.Name))}.");
        }

        var query = new AvailabilityQuery(bookable, from, to, afterTime, beforeTime, staff.Staff?.Id, loc.Location?.Id);
        var slots = await availability.FindAsync(query, cancellationToken);
        var note = bookable.Id != svc.Id ? $"{svc.Name} starts with a {bookable.Name}; these times are for the consultation. " : "";
        if (slots.Count > 0)
        {
            var picked = Pick(slots, nearTime);
            var views = Remember(picked, rescheduleOf);
            return new ToolResult("ok", $"{note}Offer these times to the client and ask which one they want.",
                new { service = bookable.Name, slots = views });
        }

        // Nothing fits: widen to the nearest alternatives (same service, any time of day, two weeks either side).
        var wideFrom = from.AddDays(-7) < today ? today : from.AddDays(-7);
        var wide = await availability.FindAsync(query with { From = wideFrom, To = to.AddDays(14), EarliestStart = null, LatestStart = null }, cancellationToken);
        var nearest = Nearest(wide, from, afterTime, beforeTime, nearTime);
        var alternatives = Remember(nearest, rescheduleOf);
        var closed = loc.Location is { } cl && cl.Closures.Contains(from) || profile.Locations.All(x => x.Closures.Contains(from));
        return new ToolResult("no_slots",
            $"{note}Nothing open for {bookable.Name} {(closed ? "that day (we're closed)" : "in that window")}. " +
            (alternatives.Count > 0 ? "Offer the nearest alternatives, or the waitlist." : "Offer the waitlist."),
            new { service = bookable.Name, alternatives, waitlist_available = true, closed });
    }

    [Description("Look up the client this conversation has identified (by caller ID or a verified phone). Returns their name and preferences; never another person's data.")]
    private async Task<ToolResult> FindClientAsync(
        [Description("Phone number the client gave, any format.")] string? phone = null,
        [Description("Email address the client gave.")] string? email = null,
        [Description("Client's name as they gave it.")] string? name = null,
        CancellationToken cancellationToken = default)
    {
        _ = name;
        var asked = phone is null ? null : PhoneNumbers.ToE164(phone);
        if (phone is not null && asked is null)
        {
            return new ToolResult("bad_argument", "That doesn't look like a valid US phone number; ask for the 10-digit number.");
        }
        // SECURITY: only the identity the channel established or the person proved is ever looked up.
        if (scope.VerifiedPhone is null || (asked is not null && asked != scope.VerifiedPhone))
        {
            return new ToolResult("verification_required",
                "I can only look up a client's record for the phone this conversation is verified with. Offer to text a one-time code to verify the number (send_verification_code).");
        }
        var client = await clients.FindByPhoneAsync(scope.VerifiedPhone, cancellationToken);
        if (client is null || (email is not null && !string.Equals(client.Email, email.Trim(), StringComparison.OrdinalIgnoreCase) && client.Email is not null))
        {
            return new ToolResult("not_found", "No client record for this number yet; they can book as a new client.");
        }
        scope.ClientId = client.Id;
        scope.ClientVerified = true;
        return new ToolResult("ok", $"Found {client.FirstName}.", new { name = client.Name, first_name = client.FirstName, preferences = client.PreferenceList });
    }

    [Description("Book a slot that check_availability offered in this conversation. The first call returns needs_confirmation with a read-back: say it to the client and call again with the same slot after they clearly say yes.")]
    private async Task<ToolResult> BookAppointmentAsync(
        [Description("The slot id from check_availability, e.g. S2.")] string slot_id,
        [Description("Client's full name (needed for new clients).")] string? client_name = null,
        [Description("Client's mobile phone (needed when the conversation has no caller ID).")] string? client_phone = null,
        [Description("Client's email (optional).")] string? client_email = null,
        [Description("A key that makes retries safe: the same key books once.")] string? idempotency_key = null,
        CancellationToken cancellationToken = default)
    {
        var offered = scope.Offered.LastOrDefault(o => string.Equals(o.SlotId, slot_id?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (offered is null)
        {
            return new ToolResult("refused", "That slot was not offered in this conversation. Call check_availability and offer real slots first.");
        }
        if (offered.RescheduleOf is not null)
        {
            return new ToolResult("bad_argument", "That slot was offered to move an existing appointment; use reschedule_appointment.");
        }
        var service = profile.FindService(offered.ServiceId)!;
        var phone = scope.VerifiedPhone ?? (client_phone is null ? null : PhoneNumbers.ToE164(client_phone));
        if (phone is null)
        {
            return new ToolResult("bad_argument", client_phone is null
                ? "I need the client's mobile number to book. Ask for it."
                : "That phone number doesn't look valid; ask for a 10-digit US mobile number.");
        }
        var key = $"book:{offered.SlotId}:{offered.StartsAtUtc:O}";
        if (await FinishInterruptedBookingAsync(offered, phone, idempotency_key ?? $"{scope.ConversationId}:{key}", cancellationToken) is { } finished)
        {
            return finished;
        }
        var existing = await clients.FindByPhoneAsync(phone, cancellationToken);
        if (existing is not null && scope.VerifiedPhone != phone)
        {
            // SECURITY: an unverified web visitor may not add to, or learn about, an existing client's record.
            return new ToolResult("verification_required", "That number belongs to an existing client. Offer to text a one-time code to verify it (send_verification_code), then book.");
        }
        if (existing is null && string.IsNullOrWhiteSpace(client_name))
        {
            return new ToolResult("bad_argument", "This is a new client: ask for their full name before booking.");
        }
        var block = ContraindicationBlock(service, existing);
        if (block is not null)
        {
            return block;
        }

        if (scope.Pending is not { Kind: "book" } pending || pending.Key != key || !scope.PendingConfirmed)
        {
            scope.Pending = new PendingAction("book", key, scope.Turn);
            return new ToolResult("needs_confirmation",
                $"Read this back and ask the client to confirm: {Describe(offered)}. Book only after they say yes.",
                new { read_back = Describe(offered) });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var appointment = new Appointment
        {
            Id = Store.NewId.For("apt"), ServiceId = offered.ServiceId, StaffId = offered.StaffId, LocationId = offered.LocationId,
            RoomId = offered.RoomId, StartsAtUtc = offered.StartsAtUtc, EndsAtUtc = offered.EndsAtUtc, BlockedUntilUtc = offered.EndsAtUtc.AddMinutes(service.BufferMin),
            Status = AppointmentStatus.Booked, Channel = scope.Channel, ConversationId = scope.ConversationId,
            IdempotencyKey = idempotency_key ?? $"{scope.ConversationId}:{key}", CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        // The client row commits with the appointment, so a lost race leaves none behind (issue 15, item 3).
        var (outcome, saved) = await book.BookForPhoneAsync(appointment, phone, client_name?.Trim(), client_email?.Trim(), scope.Actor, cancellationToken);
        scope.Pending = null;
        scope.PendingConfirmed = false;
        if (outcome == BookingOutcome.SlotTaken)
        {
            scope.Offered.RemoveAll(o => o.SlotId == offered.SlotId);
            return new ToolResult("slot_taken", "That time was just taken by someone else. Apologise and check availability again.");
        }
        var client = (await clients.GetAsync(saved!.ClientId, cancellationToken))!;
        scope.ClientId = client.Id;
        scope.ClientVerified = scope.VerifiedPhone == phone;
        var texted = outcome == BookingOutcome.Booked && await QueueConfirmationAsync(client, saved, service, cancellationToken);
        return new ToolResult("booked", $"Booked: {Describe(offered)}.{NoTextNote(texted)}",
            new { appointment = View(saved!, "A1"), already_booked = outcome == BookingOutcome.AlreadyBooked, confirmation_text = texted });
    }

    /// <summary>
    /// The booking this conversation already made for this slot in a turn that never finished (its instance died after the
    /// commit, before the turn was stored): the retry finishes it instead of asking again or booking twice (issue 15, item 2).
    /// The key holds the conversation id, so only this conversation can have made it.
    /// </summary>
    private async Task<ToolResult?> FinishInterruptedBookingAsync(OfferedSlot offered, string phone, string idempotencyKey, CancellationToken ct)
    {
        if (await book.FindByKeyAsync(idempotencyKey, ct) is not { Status: AppointmentStatus.Booked } earlier
            || await clients.GetAsync(earlier.ClientId, ct) is not { } client || client.Phone != phone)
        {
            return null;
        }
        (scope.ClientId, scope.ClientVerified, scope.Pending, scope.PendingConfirmed) = (client.Id, scope.VerifiedPhone == phone, null, false);
        return new ToolResult("booked", $"Booked: {Describe(offered)}.", new { appointment = View(earlier, "A1"), already_booked = true, confirmation_text = false });
    }

    [Description("List the identified client's upcoming appointments, each with a short reference (A1, A2…) to use with cancel or reschedule.")]
    private async Task<ToolResult> ListAppointmentsAsync(CancellationToken cancellationToken = default)
    {
        if (await IdentifiedClientAsync(cancellationToken) is not { } clientId)
        {
            return NotVerified();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var upcoming = (await book.ListForClientAsync(clientId, now, cancellationToken)).Where(a => a.Status == AppointmentStatus.Booked).ToList();
        scope.AppointmentRefs.Clear();
        var views = upcoming.Select((a, i) =>
        {
            var r = $"A{i + 1}";
            scope.AppointmentRefs[r] = a.Id;
            return View(a, r);
        }).ToList();
        return views.Count == 0
            ? new ToolResult("ok", "No upcoming appointments.", new { appointments = views })
            : new ToolResult("ok", $"{views.Count} upcoming appointment(s).", new { appointments = views });
    }

    [Description("Cancel one of the identified client's own upcoming appointments. The first call returns needs_confirmation; call again after the client says yes. Inside the late-cancellation window it refuses and staff handle it.")]
    private async Task<ToolResult> CancelAppointmentAsync(
        [Description("Appointment reference from list_appointments, e.g. A1.")] string appointment_ref,
        CancellationToken cancellationToken = default)
    {
        var own = await OwnAppointmentAsync(appointment_ref, cancellationToken);
        if (own.Result is not null)
        {
            return own.Result;
        }
        var appointment = own.Appointment!;
        var now = clock.GetUtcNow().UtcDateTime;
        if (appointment.StartsAtUtc - now < TimeSpan.FromHours(profile.Policies.LateCancelHours))
        {
            return new ToolResult("refused",
                $"This appointment is less than {profile.Policies.LateCancelHours} hours away, so I can't cancel it here; a team member will handle it and follow up. {profile.Policies.Cancellation}".Trim(),
                new { late_cancel = true, appointment = View(appointment, appointment_ref) });
        }
        var key = $"cancel:{appointment.Id}";
        if (scope.Pending is not { Kind: "cancel" } p || p.Key != key || !scope.PendingConfirmed)
        {
            scope.Pending = new PendingAction("cancel", key, scope.Turn);
            return new ToolResult("needs_confirmation", $"Ask the client to confirm cancelling {DescribeAppointment(appointment)}.",
                new { read_back = DescribeAppointment(appointment) });
        }
        scope.Pending = null;
        if (!await book.ChangeStatusAsync(appointment.Id, AppointmentStatus.Booked, AppointmentStatus.Cancelled, scope.Actor, scope.ConversationId, cancellationToken))
        {
            return new ToolResult("not_found", "That appointment was already changed.");
        }
        await waitlist.OfferFreedSlotAsync(appointment, cancellationToken);
        return new ToolResult("cancelled", $"Cancelled {DescribeAppointment(appointment)}.", new { appointment = View(appointment, appointment_ref) with { Status = AppointmentStatus.Cancelled } });
    }

    [Description("Move one of the identified client's own appointments to a slot that check_availability offered with reschedule_ref. The first call returns needs_confirmation; call again after the client says yes.")]
    private async Task<ToolResult> RescheduleAppointmentAsync(
        [Description("Appointment reference from list_appointments, e.g. A1.")] string appointment_ref,
        [Description("The new slot id from check_availability (called with reschedule_ref).")] string slot_id,
        CancellationToken cancellationToken = default)
    {
        var own = await OwnAppointmentAsync(appointment_ref, cancellationToken);
        if (own.Result is not null)
        {
            return own.Result;
        }
        var appointment = own.Appointment!;
        var offered = scope.Offered.LastOrDefault(o => string.Equals(o.SlotId, slot_id?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (offered is null || offered.RescheduleOf != appointment.Id)
        {
            return new ToolResult("refused", "That slot was not offered for this appointment. Call check_availability with reschedule_ref first.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (appointment.StartsAtUtc - now < TimeSpan.FromHours(profile.Policies.LateCancelHours))
        {
            return new ToolResult("refused", $"This appointment is less than {profile.Policies.LateCancelHours} hours away, so a team member will handle the change.",
                new { late_cancel = true });
        }
        var key = $"reschedule:{appointment.Id}:{offered.SlotId}:{offered.StartsAtUtc:O}";
        if (scope.Pending is not { Kind: "reschedule" } p || p.Key != key || !scope.PendingConfirmed)
        {
            scope.Pending = new PendingAction("reschedule", key, scope.Turn);
            return new ToolResult("needs_confirmation", $"Ask the client to confirm moving {DescribeAppointment(appointment)} to {Describe(offered)}.",
                new { read_back = Describe(offered) });
        }
        scope.Pending = null;
        var service = profile.FindService(appointment.ServiceId)!;
        var (outcome, moved) = await book.MoveAsync(appointment.Id, offered.StartsAtUtc, offered.EndsAtUtc, offered.EndsAtUtc.AddMinutes(service.BufferMin),
            offered.StaffId, offered.LocationId, offered.RoomId, scope.Actor, scope.ConversationId, cancellationToken);
        if (outcome == BookingOutcome.SlotTaken || moved is null)
        {
            scope.Offered.RemoveAll(o => o.SlotId == offered.SlotId);
            return new ToolResult("slot_taken", "That time was just taken. Check availability again.");
        }
        await waitlist.OfferFreedSlotAsync(appointment, cancellationToken);
        var texted = await clients.GetAsync(moved.ClientId, cancellationToken) is { } client && await QueueConfirmationAsync(client, moved, service, cancellationToken);
        return new ToolResult("rescheduled", $"Moved to {Describe(offered)}.{NoTextNote(texted)}", new { appointment = View(moved, appointment_ref), confirmation_text = texted });
    }

    [Description("Put the client on the waitlist for a service over a date window; they get a text when a matching opening appears.")]
    private async Task<ToolResult> JoinWaitlistAsync(
        [Description("Service name, alias or id.")] string service,
        [Description("First acceptable day, YYYY-MM-DD.")] string start_date,
        [Description("Last acceptable day, YYYY-MM-DD.")] string? end_date = null,
        [Description("morning, afternoon, evening or any.")] string? time_of_day = null,
        [Description("Provider name or id, or 'anyone'.")] string? provider = null,
        [Description("Location name or id.")] string? location = null,
        [Description("Client's full name (new clients).")] string? client_name = null,
        [Description("Client's mobile phone (when there is no caller ID).")] string? client_phone = null,
        CancellationToken cancellationToken = default)
    {
        var resolved = ResolveService(service);
        if (resolved.Result is not null)
        {
            return resolved.Result;
        }
        var today = profile.Today(clock);
        if (!TryDate(start_date, today, out var from) || !TryDate(end_date, from, out var to))
        {
            return new ToolResult("bad_argument", "Dates must be YYYY-MM-DD.");
        }
        if (to < from)
        {
            (from, to) = (to, from);
        }
        if (to < today)
        {
            return new ToolResult("bad_argument", "That window is in the past.");
        }
        var staff = ResolveStaff(provider);
        var loc = ResolveLocation(location);
        if (staff.Result is not null || loc.Result is not null)
        {
            return staff.Result ?? loc.Result!;
        }
        // Only days we could book: from today, within the horizon, and not days every location offering it is closed.
        from = from < today ? today : from;
        var horizonEnd = today.AddDays(profile.Policies.BookingHorizonDays);
        if (from > horizonEnd)
        {
            return new ToolResult("refused", $"We book up to {profile.Policies.BookingHorizonDays} days ahead, so the waitlist can't cover that date yet.",
                new { reason = "beyond_horizon", horizon_days = profile.Policies.BookingHorizonDays, horizon_end = horizonEnd.ToString("yyyy-MM-dd", Inv) });
        }
        to = to > horizonEnd ? horizonEnd : to;
        List<Location> places = loc.Location is { } only ? [only] : [.. profile.LocationsOffering(resolved.Service!)];
        var open = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).Where(d => places.Any(l => !l.Closures.Contains(d))).ToList();
        if (open.Count == 0)
        {
            return new ToolResult("refused", $"We're closed {(from == to ? "that day" : "those days")}, so there is nothing to wait for. Offer another day.",
                new { reason = "closed", closed = true });
        }
        (from, to) = (open[0], open[^1]);
        var phone = scope.VerifiedPhone ?? (client_phone is null ? null : PhoneNumbers.ToE164(client_phone));
        if (phone is null)
        {
            return new ToolResult("bad_argument", "I need the client's mobile number so we can text them when something opens up.");
        }
        var existing = await clients.FindByPhoneAsync(phone, cancellationToken);
        if (existing is not null && scope.VerifiedPhone != phone)
        {
            return new ToolResult("verification_required", "That number belongs to an existing client. Offer to verify it with a one-time code first.");
        }
        if (existing is null && string.IsNullOrWhiteSpace(client_name))
        {
            return new ToolResult("bad_argument", "This is a new client: ask for their full name.");
        }
        // A waitlist offer is accepted with a plain YES and books without another screening, so screen here.
        var block = ContraindicationBlock(resolved.Service!, existing);
        if (block is not null)
        {
            return block;
        }
        var client = await clients.GetOrCreateByPhoneAsync(phone, client_name?.Trim(), null, scope.Actor, scope.ConversationId, cancellationToken);
        scope.ClientId = client.Id;
        var tod = time_of_day?.Trim().ToLowerInvariant() is "morning" or "afternoon" or "evening" ? time_of_day.Trim().ToLowerInvariant() : "any";
        var entry = await waitlist.JoinAsync(client.Id, resolved.Service!.Id, from, to, tod, staff.Staff?.Id, loc.Location?.Id, scope.Channel, scope.ConversationId, scope.Actor, cancellationToken);
        var consent = client.SmsConsent && client.OptedOutAtUtc is null;
        return new ToolResult("ok",
            $"On the waitlist for {resolved.Service.Name}, {SpokenTime.Day(from)}{(to != from ? " to " + SpokenTime.Day(to) : "")}{(tod != "any" ? ", " + tod : "")}." +
            (consent ? "" : " Note: this number has not agreed to texts, so staff will call instead."),
            new { waitlist_id = entry.Id, sms_consent = consent });
    }

    [Description("Check, without changing anything, whether this client has an open waitlist opening offered to them by text. Use before accept_waitlist_offer when a bare YES may be an answer to that offer.")]
    private async Task<ToolResult> FindWaitlistOfferAsync(CancellationToken cancellationToken = default)
    {
        if (await IdentifiedClientAsync(cancellationToken) is not { } clientId)
        {
            return new ToolResult("not_found", "No verified client in this conversation, so no waitlist offer to accept.");
        }
        var offer = await waitlist.FindPendingOfferAsync(clientId, cancellationToken);
        return offer is null
            ? new ToolResult("not_found", "There is no open waitlist offer for this client.")
            : new ToolResult("ok", "There is an open waitlist offer: accept_waitlist_offer books it.",
                new { expires_at_utc = offer.ExpiresAtUtc.ToString("O", Inv) });
    }

    [Description("Accept the waitlist opening that was offered to this client by text (when they reply YES).")]
    private async Task<ToolResult> AcceptWaitlistOfferAsync(CancellationToken cancellationToken = default)
    {
        if (await IdentifiedClientAsync(cancellationToken) is not { } clientId)
        {
            return NotVerified();
        }
        var offer = await waitlist.FindPendingOfferAsync(clientId, cancellationToken);
        if (offer is null)
        {
            return new ToolResult("not_found", "There is no open waitlist offer for this number (it may have expired).");
        }
        var booked = await waitlist.AcceptAsync(offer.Id, scope.Actor, scope.ConversationId, cancellationToken);
        if (booked is null)
        {
            return new ToolResult("not_found", "That offer has just expired.");
        }
        var texted = await clients.GetAsync(clientId, cancellationToken) is { } client && await QueueConfirmationAsync(client, booked, profile.FindService(booked.ServiceId)!, cancellationToken);
        return new ToolResult("booked", $"Booked from the waitlist: {DescribeAppointment(booked)}.{NoTextNote(texted)}", new { appointment = View(booked, "A1"), confirmation_text = texted });
    }

    // Asked of the business ("do you…", "can I…", "is there…"), as opposed to general knowledge ("how do I…").
    private static readonly System.Text.RegularExpressions.Regex SpaAddressed = new(
        @"\b(you|your|yours|u|ur|y'all|here|there)\b|\b(can|may|could|should|must)\s+i\b|\bdo\s+i\s+need\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(250));

    private static bool AddressesTheSpa(string question)
    {
        try
        {
            return SpaAddressed.IsMatch(question);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return true; // when in doubt the team follows up
        }
    }

    [Description("Search the spa's FAQ and profile facts (hours, addresses, services, list prices). Quote only what it returns; 'no_match' means the question goes to the team: say someone will follow up; 'off_topic' means it is not about the spa: decline politely.")]
    private async Task<ToolResult> AnswerFaqAsync(
        [Description("The client's question in their words.")] string question,
        [Description("The location the client asked about or chose, if any. Omit for this conversation's location.")] string? location = null,
        [Description("The day the question is about (YYYY-MM-DD), e.g. 'hours on Saturday'. Omit when it names no day.")] string? date = null,
        [Description("Last day (inclusive, YYYY-MM-DD) when the question is about several days, e.g. 'this weekend'.")] string? end_date = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            return new ToolResult("bad_argument", "Pass the client's question.");
        }
        var here = (location is null ? null : CatalogLookup.Location(profile, location)) ?? (scope.LocationId is { } id ? profile.FindLocation(id) : null) ?? profile.DefaultLocation;
        var matches = await faq.SearchAsync(Text.InputText.Cut(question, 500), 3, cancellationToken, here.Id);
        var confident = matches.Where(m => m.Confidence >= FaqIndex.ConfidentAt).ToList();
        if (matches.Count == 0 && !AddressesTheSpa(question))
        {
            // Not one key word in common with anything the spa knows, and not asked of the spa ("how do I make
            // pancakes"): an off-topic question, not one for the team to follow up.
            return new ToolResult("off_topic", "Nothing in the spa's information is about this and it is not a question about the spa: say politely that you can only help with the spa's appointments and services. Nothing is passed to the team.");
        }
        if (confident.Count == 0)
        {
            return new ToolResult("no_match", "No confident match in the spa's information. Don't guess: the question has been passed to the team, so tell the client someone will follow up.",
                new { matches = matches.Select(m => new { m.Question, m.Source, m.Confidence }), escalate = "human_request" });
        }
        var best = confident[0];
        var others = FaqIndex.LocationOf(best.Source) is { } about ? profile.Locations.Where(l => l.Id != about).ToList() : [];
        if (best.Source.StartsWith("profile:hours:", StringComparison.Ordinal) && Days(date, end_date) is { Count: > 0 } days)
        {
            // "Hours on Saturday": that day at the asked-about location, then the same day at the others (short enough to say).
            var answer = string.Join(' ', profile.Locations.Where(l => l.Id == FaqIndex.LocationOf(best.Source)).Concat(others).Select(l => FaqIndex.HoursOn(l, days)));
            confident[0] = best = best with { Answer = answer };
            others = [];
        }
        return new ToolResult("ok", others.Count == 0 ? "Answer from the best match, quoting it." : "Answer from the best match, quoting it, and mention the other locations by name.",
            new { matches = confident.Select(m => new { m.Question, m.Answer, m.Source, m.Confidence }), other_locations = others.Select(l => l.Name) });
    }

    /// <summary>The days of a question (at most a week), or empty when none was given or it doesn't parse.</summary>
    private static List<DateOnly> Days(string? date, string? endDate)
    {
        if (date is null || !DateOnly.TryParseExact(date, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var from))
        {
            return [];
        }
        var to = endDate is not null && DateOnly.TryParseExact(endDate, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var t) && t >= from ? t : from;
        return [.. Enumerable.Range(0, Math.Min(7, to.DayNumber - from.DayNumber + 1)).Select(from.AddDays)];
    }

    [Description("Text a one-time code to a phone so the person can prove it is theirs (needed on web chat to see or change existing appointments).")]
    private async Task<ToolResult> SendVerificationCodeAsync(
        [Description("The phone number to verify.")] string phone,
        CancellationToken cancellationToken = default)
    {
        var e164 = PhoneNumbers.ToE164(phone);
        if (e164 is null)
        {
            return new ToolResult("bad_argument", "That doesn't look like a valid US mobile number.");
        }
        if (await clients.IsOptedOutAsync(e164, cancellationToken))
        {
            return new ToolResult("refused", "That number has opted out of texts, so I can't send a code. A team member can help by phone.");
        }
        // SECURITY: caps per phone and per conversation, counted in the store, so new sessions do not buy new codes.
        if (await verification.RefuseCodeAsync(e164, scope.ConversationId, cancellationToken) is { } refusal)
        {
            return new ToolResult("refused", refusal);
        }
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", Inv);
        scope.Challenge = new PhoneChallenge(e164, Hash(code), clock.GetUtcNow().UtcDateTime.AddMinutes(10), 3);
        var body = templates.Render("verification_code", new Dictionary<string, string> { ["spa"] = profile.Spa.Name, ["code"] = code });
        await outbox.EnqueueAsync(MessageKind.VerificationCode, e164, body, null, scope.LocationId, scope.ConversationId, null, scope.Actor, cancellationToken);
        return new ToolResult("ok", "Code sent by text. Ask the person to type the 6-digit code.");
    }

    [Description("Check the 6-digit code the person received by text.")]
    private async Task<ToolResult> VerifyPhoneAsync(
        [Description("The code they typed.")] string code,
        CancellationToken cancellationToken = default)
    {
        var challenge = scope.Challenge;
        if (challenge is null || challenge.ExpiresAtUtc < clock.GetUtcNow().UtcDateTime || challenge.AttemptsLeft <= 0)
        {
            scope.Challenge = null;
            return new ToolResult("refused", "There is no valid code in progress. Offer to send a new one.");
        }
        // SECURITY: wrong codes are also counted per phone across codes and conversations.
        if (!await verification.MayGuessAsync(challenge.Phone, cancellationToken))
        {
            scope.Challenge = null;
            return new ToolResult("refused", "Too many wrong codes have been typed for this number today. A team member can help by phone.");
        }
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(digits)), Encoding.ASCII.GetBytes(challenge.CodeHash)))
        {
            await verification.RecordWrongCodeAsync(challenge.Phone, scope.ConversationId, scope.Actor, cancellationToken);
            scope.Challenge = challenge with { AttemptsLeft = challenge.AttemptsLeft - 1 };
            if (!await verification.MayGuessAsync(challenge.Phone, cancellationToken))
            {
                scope.Challenge = null;
                return new ToolResult("refused", "That code doesn't match, and that was the last try for this number today. A team member can help by phone.");
            }
            return new ToolResult("refused", scope.Challenge.AttemptsLeft > 0 ? $"That code doesn't match. {scope.Challenge.AttemptsLeft} tries left." : "Too many wrong codes. Offer to send a new one.");
        }
        scope.Challenge = null;
        scope.VerifiedPhone = challenge.Phone;
        var client = await clients.FindByPhoneAsync(challenge.Phone, cancellationToken);
        scope.ClientId = client?.Id;
        scope.ClientVerified = client is not null;
        return new ToolResult("ok", client is null ? "Verified. No existing record for this number." : $"Verified. Welcome back, {client.FirstName}.",
            new { first_name = client?.FirstName });
    }

    // ---- helpers ----

    private async Task<string?> IdentifiedClientAsync(CancellationToken ct)
    {
        // SECURITY: appointments are shown only to a phone the channel vouched for or the person proved.
        if (scope.VerifiedPhone is null)
        {
            return null;
        }
        if (scope.ClientId is not null && scope.ClientVerified)
        {
            return scope.ClientId;
        }
        var client = await clients.FindByPhoneAsync(scope.VerifiedPhone, ct);
        scope.ClientId = client?.Id;
        scope.ClientVerified = client is not null;
        return client?.Id;
    }

    private static ToolResult NotVerified() => new("verification_required",
        "I can only look at appointments for a verified phone. Offer to text a one-time code (send_verification_code).");

    private async Task<(Appointment? Appointment, ToolResult? Result)> OwnAppointmentAsync(string reference, CancellationToken ct)
    {
        if (await IdentifiedClientAsync(ct) is not { } clientId)
        {
            return (null, NotVerified());
        }
        var r = reference?.Trim() ?? "";
        var id = scope.AppointmentRefs.TryGetValue(r.ToUpperInvariant(), out var mapped) ? mapped : r;
        var appointment = await book.GetAsync(id, ct);
        // SECURITY: someone else's appointment is reported exactly like a missing one.
        if (appointment is null || appointment.ClientId != clientId || appointment.Status != AppointmentStatus.Booked)
        {
            return (null, new ToolResult("not_found", "No such upcoming appointment for this client. Call list_appointments for the references."));
        }
        return (appointment, null);
    }

    private async Task<Service> BookableServiceAsync(Service service, CancellationToken ct)
    {
        if (!service.RequiresConsultation || profile.FindService(service.ConsultationServiceId) is not { } consult)
        {
            return service;
        }
        if (await IdentifiedClientAsync(ct) is { } clientId)
        {
            var history = await book.ListForClientAsync(clientId, DateTime.MinValue, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            if (history.Any(a => (a.ServiceId == consult.Id || a.ServiceId == service.Id) && a.Status is AppointmentStatus.Completed
                || (a.Status == AppointmentStatus.Booked && a.ServiceId == service.Id && a.StartsAtUtc < now)))
            {
                return service;
            }
        }
        return consult;
    }

    private ToolResult? ContraindicationBlock(Service service, Client? client)
    {
        var flags = (client?.HealthFlagList ?? []).Concat(scope.StatedConditions).Select(f => f.ToLowerInvariant()).ToHashSet();
        var hit = service.Contraindications.FirstOrDefault(flags.Contains);
        if (hit is not null)
        {
            // The reason names no condition: the model must not repeat health details back.
            return new ToolResult("refused",
                $"{service.Name} can't be booked online for this client because of a health consideration on file or mentioned. A clinician needs to review it: offer a consultation or a call back from our clinical team.",
                new { reason = "contraindication", escalate = "medical" });
        }
        if (service.MinAge is { } min && scope.StatedAge is { } age && age < min)
        {
            return new ToolResult("refused", $"{service.Name} is for clients {min} and older.", new { reason = "min_age" });
        }
        return null;
    }

    /// <summary>Queues the confirmation and reminder texts; false when the client gets none (no phone, no consent, opted out).</summary>
    private async Task<bool> QueueConfirmationAsync(Client client, Appointment appointment, Service service, CancellationToken ct)
    {
        if (client.Phone is null || !client.SmsConsent || client.OptedOutAtUtc is not null)
        {
            return false;
        }
        var local = profile.ToLocal(appointment.StartsAtUtc);
        var values = new Dictionary<string, string>
        {
            ["spa"] = profile.Spa.Name,
            ["name"] = client.FirstName ?? "",
            ["service"] = service.Name,
            ["when"] = SpokenTime.DayAndTime(local),
            ["provider"] = profile.FindStaff(appointment.StaffId)?.FirstName ?? "",
            ["location"] = profile.FindLocation(appointment.LocationId)?.Name ?? "",
            ["address"] = profile.FindLocation(appointment.LocationId)?.Address ?? "",
        };
        await outbox.EnqueueAsync(MessageKind.Confirmation, client.Phone, templates.Render("booking_confirmation", values), client.Id, appointment.LocationId, appointment.Id, null, scope.Actor, ct);
        var reminderLocal = DateOnly.FromDateTime(local).AddDays(-1).ToDateTime(new TimeOnly(10, 0));
        var reminderUtc = TimeZoneInfo.ConvertTimeToUtc(profile.TimeZone.IsInvalidTime(reminderLocal) ? reminderLocal.AddHours(1) : reminderLocal, profile.TimeZone);
        if (reminderUtc > clock.GetUtcNow().UtcDateTime)
        {
            await outbox.EnqueueAsync(MessageKind.Reminder, client.Phone, templates.Render("appointment_reminder", values), client.Id, appointment.LocationId, appointment.Id, reminderUtc, scope.Actor, ct);
        }
        return true;
    }

    private static string NoTextNote(bool texted) => texted ? " A confirmation text is on its way." : " No confirmation text will be sent (no SMS consent); don't promise one.";

    private List<SlotView> Remember(IReadOnlyList<Slot> slots, string? rescheduleOf)
    {
        var views = new List<SlotView>();
        foreach (var s in slots)
        {
            var id = $"S{scope.Offered.Count + 1}";
            scope.Offered.Add(new OfferedSlot(id, s.ServiceId, s.LocationId, s.StaffId, s.RoomId, s.StartsAtUtc, s.EndsAtUtc, s.LocalStart, rescheduleOf));
            views.Add(new SlotView(id, profile.FindService(s.ServiceId)!.Name, SpokenTime.Day(DateOnly.FromDateTime(s.LocalStart)), SpokenTime.Time(TimeOnly.FromDateTime(s.LocalStart)),
                profile.FindStaff(s.StaffId)!.Name, profile.FindLocation(s.LocationId)!.Name, s.LocalStart.ToString("yyyy-MM-ddTHH:mm", Inv)));
        }
        // Keep the scope small: a long conversation keeps only its recent offers.
        if (scope.Offered.Count > 60)
        {
            scope.Offered.RemoveRange(0, scope.Offered.Count - 60);
        }
        return views;
    }

    /// <summary>Up to three slots a person can choose between: spread out rather than three adjacent quarter-hours.</summary>
    private static List<Slot> Pick(IReadOnlyList<Slot> slots, TimeOnly? near)
    {
        IEnumerable<Slot> ordered = near is { } n
            ? slots.OrderBy(s => DateOnly.FromDateTime(s.LocalStart)).ThenBy(s => Math.Abs((TimeOnly.FromDateTime(s.LocalStart) - n).TotalMinutes is var d && d > 720 ? 1440 - d : d))
            : slots;
        var picked = new List<Slot>();
        foreach (var s in ordered)
        {
            if (picked.All(p => Math.Abs((p.StartsAtUtc - s.StartsAtUtc).TotalMinutes) >= 60 || p.LocationId != s.LocationId && Math.Abs((p.StartsAtUtc - s.StartsAtUtc).TotalMinutes) >= 30))
            {
                picked.Add(s);
            }
            if (picked.Count == MaxOffered)
            {
                break;
            }
        }
        // Asked for a time: the nearest comes first, so "the first one" is the time they asked for.
        return near is null ? [.. picked.OrderBy(s => s.StartsAtUtc)] : picked;
    }

    /// <summary>
    /// Alternatives when nothing fits: openings inside the asked-for time window on the nearest other days first
    /// ("Thursday after 5" on a closed Thursday offers other days after 5), then the nearest openings at any time.
    /// </summary>
    private static List<Slot> Nearest(IReadOnlyList<Slot> wide, DateOnly day, TimeOnly? after, TimeOnly? before, TimeOnly? near)
    {
        var target = day.ToDateTime(after ?? near ?? new TimeOnly(12, 0));
        var inWindow = after is null && before is null ? [] : wide
            .Where(s => TimeOnly.FromDateTime(s.LocalStart) is var t && (after is null || t >= after) && (before is null || t <= before))
            .OrderBy(s => Math.Abs(DateOnly.FromDateTime(s.LocalStart).DayNumber - day.DayNumber)).ThenBy(s => s.StartsAtUtc)
            .DistinctBy(s => DateOnly.FromDateTime(s.LocalStart))
            .Take(MaxOffered).ToList();
        var rest = wide.Except(inWindow).OrderBy(s => Math.Abs((s.LocalStart - target).TotalMinutes)).Take(MaxOffered - inWindow.Count);
        return [.. inWindow.Concat(rest).OrderBy(s => s.StartsAtUtc)];
    }

    private string Describe(OfferedSlot s) =>
        $"{profile.FindService(s.ServiceId)!.Name} with {profile.FindStaff(s.StaffId)!.Name} on {SpokenTime.DayAndTime(s.LocalStart)} at {profile.FindLocation(s.LocationId)!.Name}";

    private string DescribeAppointment(Appointment a) =>
        $"{profile.FindService(a.ServiceId)?.Name} with {profile.FindStaff(a.StaffId)?.Name} on {SpokenTime.DayAndTime(profile.ToLocal(a.StartsAtUtc))} at {profile.FindLocation(a.LocationId)?.Name}";

    private AppointmentView View(Appointment a, string reference)
    {
        var local = profile.ToLocal(a.StartsAtUtc);
        return new AppointmentView(reference, profile.FindService(a.ServiceId)?.Name ?? a.ServiceId, SpokenTime.Day(DateOnly.FromDateTime(local)), SpokenTime.Time(TimeOnly.FromDateTime(local)),
            profile.FindStaff(a.StaffId)?.Name ?? a.StaffId, profile.FindLocation(a.LocationId)?.Name ?? a.LocationId, a.Status, local.ToString("yyyy-MM-ddTHH:mm", Inv));
    }

    private (Service? Service, ToolResult? Result) ResolveService(string? text)
    {
        var matches = CatalogLookup.Services(profile, text);
        return matches.Count switch
        {
            1 => (matches[0], null),
            0 => (null, new ToolResult("not_found", $"'{text}' is not on the menu. Services: {string.Join(", ", profile.Services.Select(s => s.Name))}.")),
            _ => (null, new ToolResult("ambiguous", $"Ask which one: {string.Join(", ", matches.Select(s => s.Name))}.", new { options = matches.Select(s => s.Name) })),
        };
    }

    private (StaffMember? Staff, ToolResult? Result) ResolveStaff(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || CatalogLookup.MeansAnyone(text))
        {
            return (null, null);
        }
        var staff = CatalogLookup.Staff(profile, text);
        return staff is null
            ? (null, new ToolResult("not_found", $"No provider called '{text}'. Providers: {string.Join(", ", profile.Staff.Select(s => s.Name))}."))
            : (staff, null);
    }

    private (Location? Location, ToolResult? Result) ResolveLocation(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || CatalogLookup.MeansAnyone(text))
        {
            return (null, null);
        }
        var location = CatalogLookup.Location(profile, text);
        return location is null
            ? (null, new ToolResult("not_found", $"No location called '{text}'. Locations: {string.Join(", ", profile.Locations.Select(s => s.Name))}."))
            : (location, null);
    }

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = fallback;
            return true;
        }
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", Inv, DateTimeStyles.None, out date);
    }

    private static bool TryTime(string? text, out TimeOnly? time)
    {
        time = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], Inv, DateTimeStyles.None, out var t))
        {
            time = t;
            return true;
        }
        return false;
    }

    private static (TimeOnly? After, TimeOnly? Before) ApplyTimeOfDay(string? timeOfDay, TimeOnly? after, TimeOnly? before) =>
        timeOfDay?.Trim().ToLowerInvariant() switch
        {
            "morning" => (after, Min(before, new TimeOnly(11, 59))),
            "afternoon" => (Max(after, new TimeOnly(12, 0)), Min(before, new TimeOnly(16, 59))),
            "evening" => (Max(after, new TimeOnly(17, 0)), before),
            _ => (after, before),
        };

    private static TimeOnly? Min(TimeOnly? a, TimeOnly b) => a is { } x && x < b ? x : b;
    private static TimeOnly? Max(TimeOnly? a, TimeOnly b) => a is { } x && x > b ? x : b;

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
