using System.ComponentModel;
using System.Globalization;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Text;
using Microsoft.SemanticKernel;

namespace FrontDesk.Tools.Waitlist;

/// <summary>The waitlist tools: join it, and find or accept an opening offered by text.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "Parameter names are the tool's argument names on the wire, snake_case as the model and the embedded engine send them.")]
public sealed class WaitlistPlugin(
    SpaProfile profile, WaitlistBook waitlist, ClientDirectory clients, ClientIdentity identity, ToolArguments arguments, AppointmentWording wording, TimeProvider clock,
    AppointmentBook book)
{
    /// <summary>join_waitlist.</summary>
    [KernelFunction(ToolNames.JoinWaitlist)]
    [Description("Put the client on the waitlist for a service over a date window; they get a text when a matching opening appears. The first call returns needs_confirmation with a read-back: say it to the client and call again with the same arguments after they clearly say yes.")]
    public async Task<ToolResult> JoinWaitlistAsync(
        Kernel kernel,
        [Description(ToolParameters.Service)] string service,
        [Description("First acceptable day, YYYY-MM-DD.")] string start_date,
        [Description("Last acceptable day, YYYY-MM-DD.")] string? end_date = null,
        [Description(ToolParameters.TimeOfDay)] string? time_of_day = null,
        [Description(ToolParameters.Provider)] string? provider = null,
        [Description("Location name or id.")] string? location = null,
        [Description(ToolParameters.ClientName)] string? client_name = null,
        [Description(ToolParameters.ClientPhone)] string? client_phone = null,
        CancellationToken cancellationToken = default)
    {
        var scope = kernel.ConversationScope();
        var resolved = arguments.Service(service);
        if (resolved.Result is not null)
        {
            return resolved.Result;
        }
        var today = profile.Today(clock);
        var (from, to, badDates) = ToolArguments.DateWindow(start_date, end_date, today);
        if (badDates is not null)
        {
            return badDates;
        }
        if (to < today)
        {
            return new ToolResult("bad_argument", "That window is in the past.", new { reason = "past" });
        }
        var named = arguments.StaffAndLocation(provider, location);
        if (named.Result is not null)
        {
            return named.Result;
        }
        // Only days we could book: from today, within the horizon, and not days every location offering it is closed.
        from = from < today ? today : from;
        var horizonEnd = today.AddDays(profile.Policies.BookingHorizonDays);
        if (from > horizonEnd)
        {
            return new ToolResult("refused", $"We book up to {profile.Policies.BookingHorizonDays} days ahead, so the waitlist can't cover that date yet.",
                new { reason = "beyond_horizon", horizon_days = profile.Policies.BookingHorizonDays, horizon_end = ToolArguments.Day(horizonEnd) });
        }
        to = to > horizonEnd ? horizonEnd : to;
        List<Location> places = named.Location is { } only ? [only] : [.. profile.LocationsOffering(resolved.Service!)];
        var open = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).Where(d => places.Any(l => !l.Closures.Contains(d))).ToList();
        if (open.Count == 0)
        {
            return new ToolResult("refused", $"We're closed {(from == to ? "that day" : "those days")}, so there is nothing to wait for. Offer another day.",
                new { reason = "closed", closed = true });
        }
        (from, to) = (open[0], open[^1]);
        var phone = scope.VerifiedPhone ?? (client_phone is null ? null : arguments.Phone(client_phone));
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
        var block = AppointmentWording.EligibilityBlock(scope, resolved.Service!, existing);
        if (block is not null)
        {
            return block;
        }
        var tod = time_of_day?.Trim().ToLowerInvariant() is "morning" or "afternoon" or "evening" ? time_of_day.Trim().ToLowerInvariant() : "any";
        // Joining is a write: read back first, join only on the person's yes to that read-back (as for a booking).
        var key = $"waitlist:{resolved.Service!.Id}:{from:yyyy-MM-dd}:{to:yyyy-MM-dd}:{tod}:{named.Staff?.Id}:{named.Location?.Id}:{phone}";
        if (scope.Pending is not { Kind: "waitlist" } pending || pending.Key != key || !scope.PendingConfirmed)
        {
            scope.Pending = new PendingAction("waitlist", key, scope.Turn);
            var who = existing?.Name ?? client_name?.Trim();
            var readBack = $"the waitlist for {resolved.Service.Name}, {SpokenTime.Day(from)}{(to != from ? " to " + SpokenTime.Day(to) : "")}"
                + (tod != "any" ? ", " + tod : "") + (named.Staff is { } st ? ", with " + st.FirstName : "") + (named.Location is { } at ? ", at " + at.Name : "")
                + $", for {(who is null ? "" : who + " at ")}{PhoneNumbers.ToNational(phone) ?? phone}";
            return new ToolResult("needs_confirmation", $"Read this back and ask the client to confirm: {readBack}. Add them only after they say yes.",
                new { read_back = readBack });
        }
        scope.Pending = null;
        scope.PendingConfirmed = false;
        // A number the conversation has not proven gets no offer texts and answers no YES (issue 15, item 4).
        var client = await clients.GetOrCreateForConversationAsync(scope, phone, client_name?.Trim(), null, cancellationToken);
        scope.ClientId = client.Id;
        var entry = await waitlist.JoinAsync(client.Id, resolved.Service!.Id, from, to, tod, named.Staff?.Id, named.Location?.Id, scope.Channel, scope.ConversationId, scope.Actor, cancellationToken);
        var consent = client.SmsConsent && client.OptedOutAtUtc is null;
        return new ToolResult("ok",
            $"On the waitlist for {resolved.Service.Name}, {SpokenTime.Day(from)}{(to != from ? " to " + SpokenTime.Day(to) : "")}{(tod != "any" ? ", " + tod : "")}." +
            (consent ? "" : " Note: this number has not agreed to texts, so staff will call instead."),
            new { waitlist_id = entry.Id, sms_consent = consent });
    }

    /// <summary>find_waitlist_offer.</summary>
    [KernelFunction(ToolNames.FindWaitlistOffer)]
    [Description("Check, without changing anything, whether this client has an open waitlist opening offered to them by text. Use before accept_waitlist_offer when a bare YES may be an answer to that offer.")]
    public async Task<ToolResult> FindWaitlistOfferAsync(Kernel kernel, CancellationToken cancellationToken = default)
    {
        if (await identity.IdentifiedClientAsync(kernel.ConversationScope(), cancellationToken) is not { } clientId)
        {
            return new ToolResult("not_found", "No verified client in this conversation, so no waitlist offer to accept.", new { reason = "no_offer" });
        }
        var offer = await waitlist.FindPendingOfferAsync(clientId, cancellationToken);
        if (offer is null || await book.GetAsync(offer.AppointmentId, cancellationToken) is not { } held)
        {
            return new ToolResult("not_found", "There is no open waitlist offer for this client.", new { reason = "no_offer" });
        }
        // The opening itself, so an answer in words ("can it be later?", "no thanks") is read against it.
        return new ToolResult("ok", $"There is an open waitlist offer: {wording.Describe(held)}. accept_waitlist_offer books it; decline_waitlist_offer lets it go.",
            new
            {
                expires_at_utc = offer.ExpiresAtUtc.ToString("O", CultureInfo.InvariantCulture),
                service_id = held.ServiceId, provider_id = held.StaffId, location_id = held.LocationId,
                appointment = wording.View(held, "W1"),
            });
    }

    /// <summary>decline_waitlist_offer.</summary>
    [KernelFunction(ToolNames.DeclineWaitlistOffer)]
    [Description("Decline the waitlist opening offered to this client by text, when they say no to it. The held time goes to the next person on the waitlist. Set leave_waitlist when they also ask to be taken off the waitlist; otherwise they stay on it for other openings.")]
    public async Task<ToolResult> DeclineWaitlistOfferAsync(
        Kernel kernel,
        [Description("True when the client asks to be taken off the waitlist too (\"no thanks, take me off\").")] bool leave_waitlist = false,
        CancellationToken cancellationToken = default)
    {
        var scope = kernel.ConversationScope();
        if (await identity.IdentifiedClientAsync(scope, cancellationToken) is not { } clientId)
        {
            return ClientIdentity.NotVerified();
        }
        var offer = await waitlist.FindPendingOfferAsync(clientId, cancellationToken);
        if (offer is null || !await waitlist.DeclineAsync(offer.Id, leave_waitlist, scope.Actor, scope.ConversationId, cancellationToken))
        {
            return new ToolResult("not_found", "There is no open waitlist offer for this number (it may have expired).", new { reason = "no_offer" });
        }
        return new ToolResult("declined", leave_waitlist ? "Declined, and taken off the waitlist." : "Declined; still on the waitlist for other openings.",
            new { left_waitlist = leave_waitlist });
    }

    /// <summary>accept_waitlist_offer.</summary>
    [KernelFunction(ToolNames.AcceptWaitlistOffer)]
    [Description("Accept the waitlist opening that was offered to this client by text (when they reply YES).")]
    public async Task<ToolResult> AcceptWaitlistOfferAsync(Kernel kernel, CancellationToken cancellationToken = default)
    {
        var scope = kernel.ConversationScope();
        if (await identity.IdentifiedClientAsync(scope, cancellationToken) is not { } clientId)
        {
            return ClientIdentity.NotVerified();
        }
        var offer = await waitlist.FindPendingOfferAsync(clientId, cancellationToken);
        if (offer is null)
        {
            return new ToolResult("not_found", "There is no open waitlist offer for this number (it may have expired).", new { reason = "no_offer" });
        }
        var booked = await waitlist.AcceptAsync(offer.Id, scope.Actor, scope.ConversationId, alongside: null, cancellationToken);
        if (booked is null)
        {
            return new ToolResult("not_found", "That offer has just expired.", new { reason = "expired" });
        }
        var texted = await clients.GetAsync(clientId, cancellationToken) is { } client && await wording.QueueConfirmationAsync(scope, client, booked, profile.FindService(booked.ServiceId)!, cancellationToken);
        return new ToolResult("booked", $"Booked from the waitlist: {wording.Describe(booked)}.{AppointmentWording.NoTextNote(texted)}", new { appointment = wording.View(booked, "A1"), confirmation_text = texted });
    }
}
