using System.ComponentModel;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Waitlist;
using Microsoft.SemanticKernel;

namespace FrontDesk.Tools.Booking;

/// <summary>
/// The booking tools: book an offered slot, list, cancel and move the client's own appointments. Nothing is written
/// before the client said yes to the read-back of exactly that action.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "Parameter names are the tool's argument names on the wire, snake_case as the model and the embedded engine send them.")]
public sealed class BookingPlugin(
    SpaProfile profile, AppointmentBook book, ClientDirectory clients, ClientIdentity identity, WaitlistBook waitlist, ToolArguments arguments, AppointmentWording wording,
    OutboxWriter outbox, TimeProvider clock)
{
    private const string AppointmentRef = "Appointment reference from list_appointments, e.g. A1.";

    /// <summary>book_appointment.</summary>
    [KernelFunction(ToolNames.BookAppointment)]
    [Description("Book a slot that check_availability offered in this conversation. The first call returns needs_confirmation with a read-back: say it to the client and call again with the same slot after they clearly say yes. To change an existing appointment to another service, offer slots for the new service with replaces_ref (not reschedule_ref) and book one with the same replaces_ref: the new appointment is booked and the old one cancelled together.")]
    public async Task<ToolResult> BookAppointmentAsync(
        Kernel kernel,
        [Description("The slot id from check_availability, e.g. S2.")] string slot_id,
        [Description(ToolParameters.ClientName)] string? client_name = null,
        [Description(ToolParameters.ClientPhone)] string? client_phone = null,
        [Description("Client's email (optional).")] string? client_email = null,
        [Description("A key that makes retries safe: the same key books once.")] string? idempotency_key = null,
        [Description("When this booking replaces one of the client's own appointments with another service: its reference from list_appointments. It is cancelled in the same step as the new booking is made: both happen or neither.")] string? replaces_ref = null,
        [Description("Two people at one time (or back to back): the second person's slot id from the same check_availability (called with party=2). Both are read back together and booked on one yes: both or neither.")] string? with_slot_id = null,
        [Description("The second person's name, when said (with with_slot_id).")] string? guest_name = null,
        CancellationToken cancellationToken = default)
    {
        var scope = kernel.ConversationScope();
        if (!string.IsNullOrWhiteSpace(with_slot_id))
        {
            return replaces_ref is null
                ? await BookTwoAsync(scope, slot_id, with_slot_id, client_name, client_phone, client_email, guest_name, cancellationToken)
                : new ToolResult("bad_argument", "A booking for two people cannot replace an appointment; book them without replaces_ref.");
        }
        Appointment? replaced = null;
        if (!string.IsNullOrWhiteSpace(replaces_ref))
        {
            // A change of service is a new booking and a cancellation: the old one must be the client's own and still
            // changeable here (outside the late window), said in the read-back, and cancelled in the new one's transaction.
            // The retry of a turn that died after that commit finds it cancelled by this very replacement.
            var own = await identity.OwnAppointmentAsync(scope, replaces_ref, cancellationToken);
            replaced = own.Appointment ?? await ReplacedByThisBookingAsync(scope, replaces_ref, slot_id, cancellationToken);
            if (replaced is null)
            {
                return own.Result!;
            }
            if (replaced.Status == AppointmentStatus.Booked && replaced.StartsAtUtc - clock.GetUtcNow().UtcDateTime < TimeSpan.FromHours(profile.Policies.LateCancelHours))
            {
                return new ToolResult("refused", $"This appointment is less than {profile.Policies.LateCancelHours} hours away, so a team member will handle the change.",
                    new { late_cancel = true, reason = "late_change" });
            }
        }
        var offered = scope.Offered.LastOrDefault(o => string.Equals(o.SlotId, slot_id?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (offered is null)
        {
            return new ToolResult("refused", "That slot was not offered in this conversation. Call check_availability and offer real slots first.", new { reason = "not_offered" });
        }
        if (offered.RescheduleOf is not null)
        {
            return new ToolResult("bad_argument", "That slot was offered to move an existing appointment; use reschedule_appointment.", new { reason = "offered_for_move" });
        }
        if (offered.ReplacementOf is { } offeredFor && offeredFor != replaced?.Id)
        {
            // Its time may be free only once that appointment is cancelled: booked as anything else, it would be refused after the yes.
            return new ToolResult("bad_argument", "That slot was offered in place of an existing appointment; book it with that appointment's replaces_ref.", new { reason = "offered_for_replacement" });
        }
        var service = profile.FindService(offered.ServiceId)!;
        var given = client_phone is null ? null : arguments.Phone(client_phone);
        // A booking for someone else by text or on a call ("its for my mom … her cell is 415 555 0609"): another number and a
        // name given with it are that person's, booked as a number nobody has proven (below), not under the caller's own.
        var phone = given is not null && scope.VerifiedPhone is not null && given != scope.VerifiedPhone && !string.IsNullOrWhiteSpace(client_name)
            ? given : scope.VerifiedPhone ?? given;
        if (phone is null)
        {
            return new ToolResult("bad_argument", client_phone is null
                ? "I need the client's mobile number to book. Ask for it."
                : "That phone number doesn't look valid; ask for a 10-digit US mobile number.");
        }
        var key = $"book:{offered.SlotId}:{offered.StartsAtUtc:O}" + (replaced is null ? "" : $":replaces:{replaced.Id}");
        var confirmed = scope.Pending is { Kind: "book" } pending && pending.Key == key && scope.PendingConfirmed;
        var now = clock.GetUtcNow().UtcDateTime;
        var appointment = new Appointment
        {
            Id = Store.NewId.For("apt"), ServiceId = offered.ServiceId, StaffId = offered.StaffId, LocationId = offered.LocationId,
            RoomId = offered.RoomId, StartsAtUtc = offered.StartsAtUtc, EndsAtUtc = offered.EndsAtUtc, BlockedUntilUtc = offered.EndsAtUtc.AddMinutes(service.BufferMin),
            Status = AppointmentStatus.Booked, Channel = scope.Channel, ConversationId = scope.ConversationId,
            IdempotencyKey = idempotency_key ?? $"{scope.ConversationId}:{key}", CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        // One round trip for everything read before the booking: an earlier booking by this request, the phone's client and,
        // after the yes, whether the time is still free (the booking does not read that again).
        var lookup = await book.LookUpAsync(appointment, phone, overlap: confirmed, cancellationToken, replaces: replaced?.Id);
        if (await FinishInterruptedBookingAsync(scope, offered, phone, lookup, replaced, replaces_ref, cancellationToken) is { } finished)
        {
            return finished;
        }
        var proven = scope.VerifiedPhone == phone;
        var existing = lookup.PhoneClient;
        if (existing is not null && !proven)
        {
            // SECURITY: an unverified web visitor may not add to, or learn about, an existing client's record.
            return new ToolResult("verification_required", "That number belongs to an existing client. Offer to text a one-time code to verify it (send_verification_code), then book.");
        }
        // SECURITY: a number nobody has proven is booked under a client of this conversation's own, the number kept as
        // unverified: its real owner is neither told about the booking nor able to change it (issue 15, item 4).
        existing ??= proven || scope.ClientId is null ? null
            : await clients.GetAsync(scope.ClientId, cancellationToken) is { Phone: null } same && same.UnverifiedPhone == phone ? same : null;
        if (existing is null && string.IsNullOrWhiteSpace(client_name))
        {
            return new ToolResult("bad_argument", "This is a new client: ask for their full name before booking.");
        }
        var block = AppointmentWording.EligibilityBlock(scope, service, existing);
        if (block is not null)
        {
            return block;
        }

        if (!confirmed)
        {
            scope.Pending = new PendingAction("book", key, scope.Turn);
            return replaced is null
                ? new ToolResult("needs_confirmation",
                    $"Read this back and ask the client to confirm: {wording.Describe(offered)}. Book only after they say yes.",
                    new { read_back = wording.Describe(offered), appointment = wording.View(offered) })
                : new ToolResult("needs_confirmation",
                    $"Read this back and ask the client to confirm: cancel {wording.Describe(replaced)} and book {wording.Describe(offered)} instead. Book only after they say yes.",
                    new { read_back = wording.Describe(offered), appointment = wording.View(offered), replaces = wording.View(replaced, replaces_ref!.Trim()) });
        }

        // The client row commits with the appointment, so a lost race leaves none behind (issue 15, item 3).
        // The confirmation texts commit with the appointment (issue 15, item 2): an instance that dies after the commit
        // leaves both, and the retry that finds the booking does not queue them again.
        // A replaced appointment is cancelled in the same transaction, before the new one is inserted (it blocks nothing for
        // it, "same time" included), and its freed time's waitlist offer commits with both: never both, never neither.
        var texted = false;
        var gone = false;
        var (outcome, saved) = await book.BookForPhoneAsync(appointment, phone, proven, scope.ClientId, client_name?.Trim(), client_email?.Trim(), scope.Language, scope.Actor,
            lookup, (batch, client, booked) => texted = wording.QueueConfirmation(batch, scope.Actor, client, booked, service, scope.Language),
            cancellationToken,
            replaced is null ? null : new Replacement(replaced, async (c, tx) =>
            {
                gone = true;
                await waitlist.OfferFreedSlotAsync(c, tx, replaced, cancellationToken);
            }));
        scope.Pending = null;
        scope.PendingConfirmed = false;
        if (outcome == BookingOutcome.SlotTaken)
        {
            scope.Offered.RemoveAll(o => o.SlotId == offered.SlotId);
            return new ToolResult("slot_taken", "That time was just taken by someone else. Apologise and check availability again.");
        }
        var client = (await clients.GetAsync(saved!.ClientId, cancellationToken))!;
        scope.ClientId = client.Id;
        scope.ClientVerified = proven;
        texted = outcome == BookingOutcome.Booked ? texted : await outbox.ExistsAsync(MessageKind.Confirmation, saved.Id, cancellationToken);
        if (replaced is not null && outcome == BookingOutcome.AlreadyBooked)
        {
            // A copy of this request made the replacement a moment ago: whether the old one went with it is in the store.
            gone = await book.GetAsync(replaced.Id, cancellationToken) is { Status: AppointmentStatus.Cancelled }
                && await book.ChangedByAsync(replaced.Id, $"appointment.{AppointmentStatus.Cancelled}", scope.ConversationId, cancellationToken);
        }
        return Booked(offered, saved!, outcome == BookingOutcome.AlreadyBooked, texted, replaced, replaces_ref, gone);
    }

    /// <summary>
    /// Two people at one time (or back to back): both offered slots read back together, and on the yes to that read-back both
    /// booked in one transaction for the client (the second person's name, when given, said in the read-back): both or
    /// neither. The pending key names both slots, so a yes to one of them, or to other times, confirms nothing.
    /// </summary>
    private async Task<ToolResult> BookTwoAsync(
        ConversationScope scope, string slotId, string secondSlotId, string? clientName, string? clientPhone, string? clientEmail, string? guestName, CancellationToken ct)
    {
        var first = scope.Offered.LastOrDefault(o => string.Equals(o.SlotId, slotId?.Trim(), StringComparison.OrdinalIgnoreCase));
        var second = scope.Offered.LastOrDefault(o => string.Equals(o.SlotId, secondSlotId.Trim(), StringComparison.OrdinalIgnoreCase));
        if (first is null || second is null || first.SlotId == second.SlotId)
        {
            return new ToolResult("refused", "Those two slots were not offered together in this conversation. Call check_availability with party=2 first.", new { reason = "not_offered" });
        }
        if (first.RescheduleOf is not null || second.RescheduleOf is not null || first.ReplacementOf is not null || second.ReplacementOf is not null)
        {
            return new ToolResult("bad_argument", "Those slots were offered for an existing appointment.", new { reason = "offered_for_move" });
        }
        if (first.StaffId == second.StaffId && first.StartsAtUtc < second.EndsAtUtc && second.StartsAtUtc < first.EndsAtUtc)
        {
            return new ToolResult("bad_argument", "One provider cannot see both people at the same time.", new { reason = "same_provider" });
        }
        var phone = scope.VerifiedPhone ?? (clientPhone is null ? null : arguments.Phone(clientPhone));
        if (phone is null)
        {
            return new ToolResult("bad_argument", clientPhone is null
                ? "I need the client's mobile number to book. Ask for it."
                : "That phone number doesn't look valid; ask for a 10-digit US mobile number.");
        }
        var services = new[] { profile.FindService(first.ServiceId)!, profile.FindService(second.ServiceId)! };
        var key = $"book2:{first.SlotId}:{first.StartsAtUtc:O}+{second.SlotId}:{second.StartsAtUtc:O}";
        var confirmed = scope.Pending is { Kind: "book" } pending && pending.Key == key && scope.PendingConfirmed;
        var now = clock.GetUtcNow().UtcDateTime;
        Appointment New(OfferedSlot o, Service service, string part, string? guest = null) => new()
        {
            GuestName = guest,
            Id = Store.NewId.For("apt"), ServiceId = o.ServiceId, StaffId = o.StaffId, LocationId = o.LocationId, RoomId = o.RoomId,
            StartsAtUtc = o.StartsAtUtc, EndsAtUtc = o.EndsAtUtc, BlockedUntilUtc = o.EndsAtUtc.AddMinutes(service.BufferMin),
            Status = AppointmentStatus.Booked, Channel = scope.Channel, ConversationId = scope.ConversationId,
            IdempotencyKey = $"{scope.ConversationId}:{key}:{part}", CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        var one = New(first, services[0], "1");
        var two = New(second, services[1], "2", string.IsNullOrWhiteSpace(guestName) ? null : guestName.Trim());
        var lookup = await book.LookUpAsync(one, phone, overlap: false, ct);
        var proven = scope.VerifiedPhone == phone;
        var existing = lookup.PhoneClient;
        if (existing is not null && !proven && lookup.Earlier is null)
        {
            // SECURITY: an unverified web visitor may not add to, or learn about, an existing client's record.
            return new ToolResult("verification_required", "That number belongs to an existing client. Offer to text a one-time code to verify it (send_verification_code), then book.");
        }
        existing ??= proven || scope.ClientId is null ? null
            : await clients.GetAsync(scope.ClientId, ct) is { Phone: null } same && same.UnverifiedPhone == phone ? same : null;
        if (existing is null && lookup.Earlier is null && string.IsNullOrWhiteSpace(clientName))
        {
            return new ToolResult("bad_argument", "This is a new client: ask for their full name before booking.");
        }
        foreach (var service in services.Distinct())
        {
            if (AppointmentWording.EligibilityBlock(scope, service, existing) is { } block)
            {
                return block;
            }
        }
        var guest = string.IsNullOrWhiteSpace(guestName) ? "the second person" : guestName.Trim();
        var described = $"{wording.Describe(first)} for you, and {wording.Describe(second)} for {guest}";
        if (!confirmed)
        {
            scope.Pending = new PendingAction("book", key, scope.Turn);
            return new ToolResult("needs_confirmation", $"Read this back and ask the client to confirm both: {described}. Book both only after they say yes.",
                new { read_back = described, appointment = wording.View(first), appointments = new[] { wording.View(first), wording.View(second) }, guest_name = guestName?.Trim() });
        }
        var texted = false;
        var (outcome, saved) = await book.BookTwoForPhoneAsync(one, two, phone, proven, scope.ClientId, clientName?.Trim(), clientEmail?.Trim(), scope.Language, scope.Actor,
            (batch, client, booked) => texted |= wording.QueueConfirmation(batch, scope.Actor, client, booked, profile.FindService(booked.ServiceId)!, scope.Language), ct);
        scope.Pending = null;
        scope.PendingConfirmed = false;
        if (outcome == BookingOutcome.SlotTaken || saved.Count < 2)
        {
            // Neither was written: both times are offered again after a new search.
            scope.Offered.RemoveAll(o => o.SlotId == first.SlotId || o.SlotId == second.SlotId);
            return new ToolResult("slot_taken", "One of those two times was just taken by someone else, so neither was booked. Apologise and check availability for both again.",
                new { reason = "one_of_two_taken" });
        }
        var client = (await clients.GetAsync(saved[0].ClientId, ct))!;
        scope.ClientId = client.Id;
        scope.ClientVerified = proven;
        texted = outcome == BookingOutcome.Booked ? texted : await outbox.ExistsAsync(MessageKind.Confirmation, saved[0].Id, ct);
        return new ToolResult("booked", $"Booked both: {described}.{AppointmentWording.NoTextNote(texted)}",
            new
            {
                appointment = wording.View(saved[0], "A1"), appointments = new[] { wording.View(saved[0], "A1"), wording.View(saved[1], "A2") },
                already_booked = outcome == BookingOutcome.AlreadyBooked, confirmation_text = texted, guest_name = guestName?.Trim(),
            });
    }

    /// <summary>
    /// The booked result; for a replacement, with the old appointment and whether it was cancelled here (already changed
    /// meanwhile: the new booking stands and the result says the old one was not cancelled).
    /// </summary>
    private ToolResult Booked(OfferedSlot offered, Appointment saved, bool alreadyBooked, bool texted, Appointment? replaced, string? reference, bool gone)
    {
        var said = $"Booked: {wording.Describe(offered)}.{AppointmentWording.NoTextNote(texted)}";
        if (replaced is null)
        {
            return new ToolResult("booked", said, new { appointment = wording.View(saved, "A1"), already_booked = alreadyBooked, confirmation_text = texted });
        }
        return new ToolResult("booked",
            said + " " + (gone ? $"Cancelled {wording.Describe(replaced)}." : "The old appointment had already changed; it was not cancelled."),
            new
            {
                appointment = wording.View(saved, "A1"), already_booked = alreadyBooked, confirmation_text = texted,
                replaced = wording.View(replaced, reference!.Trim()) with { Status = gone ? AppointmentStatus.Cancelled : replaced.Status }, replaced_cancelled = gone,
            });
    }

    /// <summary>
    /// The appointment <paramref name="reference"/> names when this conversation's confirmed replacement with
    /// <paramref name="slotId"/> already cancelled it, in a turn that never finished (its instance died after the commit):
    /// its retry finds the replacement done instead of "no such appointment" (issue 15, item 2). Only the pending, confirmed
    /// booking that replaces it, and a cancellation made by this conversation (its audit entry committed with it), count.
    /// </summary>
    private async Task<Appointment?> ReplacedByThisBookingAsync(ConversationScope scope, string reference, string? slotId, CancellationToken ct)
    {
        var r = reference.Trim();
        var id = scope.AppointmentRefs.TryGetValue(r.ToUpperInvariant(), out var mapped) ? mapped : r;
        if (scope.Pending is not { Kind: "book" } pending || !scope.PendingConfirmed
            || !pending.Key.StartsWith($"book:{slotId?.Trim()}:", StringComparison.OrdinalIgnoreCase) || !pending.Key.EndsWith($":replaces:{id}", StringComparison.Ordinal)
            || await book.GetAsync(id, ct) is not { Status: AppointmentStatus.Cancelled } cancelled
            || !await book.ChangedByAsync(id, $"appointment.{AppointmentStatus.Cancelled}", scope.ConversationId, ct))
        {
            return null;
        }
        return cancelled;
    }

    /// <summary>
    /// The booking this conversation already made for this slot in a turn that never finished (its instance died after the
    /// commit, before the turn was stored): the retry finishes it instead of asking again or booking twice (issue 15, item 2).
    /// The key holds the conversation id, so only this conversation can have made it; <paramref name="lookup"/> read it.
    /// </summary>
    private async Task<ToolResult?> FinishInterruptedBookingAsync(
        ConversationScope scope, OfferedSlot offered, string phone, BookingLookup lookup, Appointment? replaced, string? reference, CancellationToken ct)
    {
        if (lookup.Earlier is not { Status: AppointmentStatus.Booked } earlier
            || lookup.EarlierClient is not { } client || (client.Phone ?? client.UnverifiedPhone) != phone)
        {
            return null;
        }
        (scope.ClientId, scope.ClientVerified, scope.Pending, scope.PendingConfirmed) = (client.Id, scope.VerifiedPhone == phone, null, false);
        // Its confirmation texts committed with it (or it had none to send): say which, queue nothing again.
        var texted = await outbox.ExistsAsync(MessageKind.Confirmation, earlier.Id, ct);
        // A replacement's old appointment was cancelled in the same transaction, or had changed before it.
        return Booked(offered, earlier, alreadyBooked: true, texted, replaced, reference,
            gone: replaced is { Status: AppointmentStatus.Cancelled } && await book.ChangedByAsync(replaced.Id, $"appointment.{AppointmentStatus.Cancelled}", scope.ConversationId, ct));
    }

    /// <summary>list_appointments.</summary>
    [KernelFunction(ToolNames.ListAppointments)]
    [Description("List the identified client's upcoming appointments, each with a short reference (A1, A2…) to use with cancel or reschedule.")]
    public async Task<ToolResult> ListAppointmentsAsync(Kernel kernel, CancellationToken cancellationToken = default)
    {
        var scope = kernel.ConversationScope();
        if (await identity.IdentifiedClientAsync(scope, cancellationToken) is not { } clientId)
        {
            return ClientIdentity.Unidentified(scope, new ToolResult("ok", "No upcoming appointments.", new { appointments = Array.Empty<object>() }));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var upcoming = (await book.ListForClientAsync(clientId, now, cancellationToken)).Where(a => a.Status == AppointmentStatus.Booked).ToList();
        scope.AppointmentRefs.Clear();
        var views = upcoming.Select((a, i) =>
        {
            var r = $"A{i + 1}";
            scope.AppointmentRefs[r] = a.Id;
            return wording.View(a, r);
        }).ToList();
        return views.Count == 0
            ? new ToolResult("ok", "No upcoming appointments.", new { appointments = views })
            : new ToolResult("ok", $"{views.Count} upcoming appointment(s).", new { appointments = views });
    }

    /// <summary>cancel_appointment.</summary>
    [KernelFunction(ToolNames.CancelAppointment)]
    [Description("Cancel one of the identified client's own upcoming appointments, or several at once when the client asked for them all (\"cancel both\"): their references separated by commas, e.g. A1,A2. The first call returns needs_confirmation with a read-back of every one; call again with the same references after the client says yes. Inside the late-cancellation window it refuses and staff handle it.")]
    public async Task<ToolResult> CancelAppointmentAsync(
        Kernel kernel,
        [Description(AppointmentRef + " Several, separated by commas, to cancel them all on one yes.")] string appointment_ref,
        CancellationToken cancellationToken = default)
    {
        var scope = kernel.ConversationScope();
        if (appointment_ref.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 1 } several)
        {
            return await CancelSeveralAsync(scope, several, cancellationToken);
        }
        if (await FinishInterruptedCancelAsync(scope, appointment_ref, cancellationToken) is { } finished)
        {
            return finished;
        }
        var own = await identity.OwnAppointmentAsync(scope, appointment_ref, cancellationToken);
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
                new { late_cancel = true, appointment = wording.View(appointment, appointment_ref) });
        }
        var key = $"cancel:{appointment.Id}";
        if (scope.Pending is not { Kind: "cancel" } p || p.Key != key || !scope.PendingConfirmed)
        {
            scope.Pending = new PendingAction("cancel", key, scope.Turn);
            return new ToolResult("needs_confirmation", $"Ask the client to confirm cancelling {wording.Describe(appointment)}.",
                new { read_back = wording.Describe(appointment), appointment = wording.View(appointment, appointment_ref) });
        }
        scope.Pending = null;
        // The freed time's waitlist offer commits with the cancellation (issue 15, item 2).
        if (!await book.CancelAsync(appointment, scope.Actor, scope.ConversationId, (c, tx) => waitlist.OfferFreedSlotAsync(c, tx, appointment, cancellationToken), cancellationToken))
        {
            return new ToolResult("not_found", "That appointment was already changed.", new { reason = "already_changed" });
        }
        return Cancelled(appointment, appointment_ref);
    }

    /// <summary>
    /// "cancel both my appointments": every one the client's own and outside the late window, read back together, and all
    /// cancelled only on the yes to that read-back (the pending key names every appointment, so a yes to fewer or other
    /// appointments confirms nothing).
    /// </summary>
    private async Task<ToolResult> CancelSeveralAsync(ConversationScope scope, string[] references, CancellationToken ct)
    {
        references = [.. references.Distinct(StringComparer.OrdinalIgnoreCase)];
        // The retry of a yes whose turn never finished (its instance died after one or more of the cancellations
        // committed, issue 15, item 2): those this conversation already cancelled are reported, the rest cancelled now.
        var ids = references.Select(r => scope.AppointmentRefs.TryGetValue(r.ToUpperInvariant(), out var mapped) ? mapped : r).ToList();
        var done = new List<(Appointment Appointment, string Reference)>();
        if (scope.Pending is { Kind: "cancel" } retried && retried.Key == "cancel:" + string.Join('+', ids.Order(StringComparer.Ordinal)) && scope.PendingConfirmed)
        {
            for (var k = 0; k < ids.Count; k++)
            {
                if (await book.GetAsync(ids[k], ct) is { Status: AppointmentStatus.Cancelled } gone
                    && await book.ChangedByAsync(ids[k], $"appointment.{AppointmentStatus.Cancelled}", scope.ConversationId, ct))
                {
                    done.Add((gone, references[k]));
                }
            }
        }
        var appointments = new List<(Appointment Appointment, string Reference)>(references.Length);
        foreach (var reference in references.Where(r => !done.Any(d => d.Reference == r)))
        {
            var own = await identity.OwnAppointmentAsync(scope, reference, ct);
            if (own.Result is not null)
            {
                return own.Result;
            }
            appointments.Add((own.Appointment!, reference));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (appointments.FirstOrDefault(a => a.Appointment.StartsAtUtc - now < TimeSpan.FromHours(profile.Policies.LateCancelHours)) is { Appointment: not null } late)
        {
            return new ToolResult("refused",
                $"{wording.Describe(late.Appointment)} is less than {profile.Policies.LateCancelHours} hours away, so I can't cancel it here; a team member will handle it and follow up. {profile.Policies.Cancellation}".Trim(),
                new { late_cancel = true, appointment = wording.View(late.Appointment, late.Reference) });
        }
        var all = done.Concat(appointments).ToList();
        var key = "cancel:" + string.Join('+', all.Select(a => a.Appointment.Id).Order(StringComparer.Ordinal));
        var views = all.Select(a => wording.View(a.Appointment, a.Reference)).ToList();
        var described = string.Join(" and ", all.Select(a => wording.Describe(a.Appointment)));
        if (scope.Pending is not { Kind: "cancel" } p || p.Key != key || !scope.PendingConfirmed)
        {
            scope.Pending = new PendingAction("cancel", key, scope.Turn);
            return new ToolResult("needs_confirmation", $"Ask the client to confirm cancelling {described}.",
                new { read_back = described, appointment = views[0], appointments = views });
        }
        scope.Pending = null;
        var cancelled = new List<(Appointment Appointment, string Reference)>(done);
        var changed = new List<Appointment>();
        foreach (var (appointment, reference) in appointments)
        {
            // Each one commits with its own freed time's waitlist offer, as a single cancel does.
            if (await book.CancelAsync(appointment, scope.Actor, scope.ConversationId, (c, tx) => waitlist.OfferFreedSlotAsync(c, tx, appointment, ct), ct))
            {
                cancelled.Add((appointment, reference));
            }
            else
            {
                changed.Add(appointment);
            }
        }
        // Only what was cancelled is said to be: one changed meanwhile (by staff, another conversation) is named apart.
        var said = $"Cancelled {string.Join(" and ", cancelled.Select(a => wording.Describe(a.Appointment)))}."
            + (changed.Count == 0 ? "" : $" {string.Join(" and ", changed.Select(wording.Describe))} had already been changed, so it was left as it is.");
        var cancelledViews = cancelled.Select(a => wording.View(a.Appointment, a.Reference) with { Status = AppointmentStatus.Cancelled }).ToList();
        return cancelled.Count == 0
            ? new ToolResult("not_found", "Those appointments were already changed.", new { reason = "already_changed" })
            : new ToolResult("cancelled", said, new { appointment = cancelledViews[0], appointments = cancelledViews });
    }

    private ToolResult Cancelled(Appointment appointment, string reference) =>
        new("cancelled", $"Cancelled {wording.Describe(appointment)}.", new { appointment = wording.View(appointment, reference) with { Status = AppointmentStatus.Cancelled } });

    /// <summary>
    /// The cancellation this conversation confirmed and made in a turn that never finished (its instance died after the
    /// commit, before the turn was stored): the retry of the "yes" reports it instead of finding nothing to cancel
    /// (issue 15, item 2). Only the pending, confirmed cancellation of that appointment, made by this conversation (its audit
    /// entry committed with it), is reported.
    /// </summary>
    private async Task<ToolResult?> FinishInterruptedCancelAsync(ConversationScope scope, string? reference, CancellationToken ct)
    {
        var r = reference?.Trim() ?? "";
        var id = scope.AppointmentRefs.TryGetValue(r.ToUpperInvariant(), out var mapped) ? mapped : r;
        if (scope.Pending is not { Kind: "cancel" } pending || pending.Key != $"cancel:{id}" || !scope.PendingConfirmed
            || await book.GetAsync(id, ct) is not { Status: AppointmentStatus.Cancelled } cancelled
            || !await book.ChangedByAsync(id, $"appointment.{AppointmentStatus.Cancelled}", scope.ConversationId, ct))
        {
            return null;
        }
        scope.Pending = null;
        return Cancelled(cancelled, r);
    }

    /// <summary>reschedule_appointment.</summary>
    [KernelFunction(ToolNames.RescheduleAppointment)]
    [Description("Move one of the identified client's own appointments to a slot that check_availability offered with reschedule_ref. The first call returns needs_confirmation; call again after the client says yes.")]
    public async Task<ToolResult> RescheduleAppointmentAsync(
        Kernel kernel,
        [Description(AppointmentRef)] string appointment_ref,
        [Description("The new slot id from check_availability (called with reschedule_ref).")] string slot_id,
        CancellationToken cancellationToken = default)
    {
        var scope = kernel.ConversationScope();
        var own = await identity.OwnAppointmentAsync(scope, appointment_ref, cancellationToken);
        if (own.Result is not null)
        {
            return own.Result;
        }
        var appointment = own.Appointment!;
        var offered = scope.Offered.LastOrDefault(o => string.Equals(o.SlotId, slot_id?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (offered is null || offered.RescheduleOf != appointment.Id)
        {
            return new ToolResult("refused", "That slot was not offered for this appointment. Call check_availability with reschedule_ref first.", new { reason = "not_offered" });
        }
        var key = $"reschedule:{appointment.Id}:{offered.SlotId}:{offered.StartsAtUtc:O}";
        if (await FinishInterruptedMoveAsync(scope, key, appointment, offered, appointment_ref, cancellationToken) is { } finished)
        {
            return finished;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (appointment.StartsAtUtc - now < TimeSpan.FromHours(profile.Policies.LateCancelHours))
        {
            return new ToolResult("refused", $"This appointment is less than {profile.Policies.LateCancelHours} hours away, so a team member will handle the change.",
                new { late_cancel = true });
        }
        if (scope.Pending is not { Kind: "reschedule" } p || p.Key != key || !scope.PendingConfirmed)
        {
            scope.Pending = new PendingAction("reschedule", key, scope.Turn);
            return new ToolResult("needs_confirmation", $"Ask the client to confirm moving {wording.Describe(appointment)} to {wording.Describe(offered)}.",
                new { read_back = wording.Describe(offered), appointment = wording.View(offered) });
        }
        scope.Pending = null;
        var service = profile.FindService(appointment.ServiceId)!;
        var client = await clients.GetAsync(appointment.ClientId, cancellationToken);
        var texted = false;
        // The new time's confirmation texts and the old time's waitlist offer commit with the move (issue 15, item 2).
        var (outcome, moved) = await book.MoveAsync(appointment, offered.StartsAtUtc, offered.EndsAtUtc, offered.EndsAtUtc.AddMinutes(service.BufferMin),
            offered.StaffId, offered.LocationId, offered.RoomId, scope.Actor, scope.ConversationId,
            async (c, tx, before, after) =>
            {
                await waitlist.OfferFreedSlotAsync(c, tx, before, cancellationToken);
                texted = client is not null && await wording.QueueConfirmationAsync(c, tx, scope.Actor, client, after, service, cancellationToken);
            },
            cancellationToken);
        if (outcome == BookingOutcome.SlotTaken || moved is null)
        {
            scope.Offered.RemoveAll(o => o.SlotId == offered.SlotId);
            return new ToolResult("slot_taken", "That time was just taken. Check availability again.");
        }
        return Rescheduled(offered, moved, appointment_ref, texted);
    }

    private ToolResult Rescheduled(OfferedSlot offered, Appointment moved, string reference, bool texted) =>
        new("rescheduled", $"Moved to {wording.Describe(offered)}.{AppointmentWording.NoTextNote(texted)}", new { appointment = wording.View(moved, reference), confirmation_text = texted });

    /// <summary>
    /// The move this conversation confirmed and made in a turn that never finished (its instance died after the commit, before
    /// the turn was stored): the appointment already stands at the offered time, moved there by this conversation (its audit
    /// entry committed with it). The retry of the "yes" reports it instead of moving it again and texting twice (issue 15,
    /// item 2); its confirmation texts went with the move.
    /// </summary>
    private async Task<ToolResult?> FinishInterruptedMoveAsync(ConversationScope scope, string key, Appointment appointment, OfferedSlot offered, string reference, CancellationToken ct)
    {
        if (scope.Pending is not { Kind: "reschedule" } pending || pending.Key != key || !scope.PendingConfirmed
            || appointment.StartsAtUtc != offered.StartsAtUtc || appointment.StaffId != offered.StaffId
            || appointment.LocationId != offered.LocationId || appointment.RoomId != offered.RoomId
            || !await book.ChangedByAsync(appointment.Id, "appointment.reschedule", scope.ConversationId, ct))
        {
            return null;
        }
        scope.Pending = null;
        var texted = await clients.GetAsync(appointment.ClientId, ct) is { } client && AppointmentWording.CanText(client);
        return Rescheduled(offered, appointment, reference, texted);
    }
}
