using System.Globalization;
using FrontDesk.Agent.Understanding;
using FrontDesk.Tools;
using FrontDesk.Tools.Profile;

namespace FrontDesk.Agent.Embedded;

/// <summary>How a reply to a read-back reads.</summary>
internal enum ReadBackAnswer
{
    /// <summary>No read-back was waiting for an answer.</summary>
    NoReadBack,

    /// <summary>A clear yes (or a yes whose details are the read-back's own): the only way to a write.</summary>
    Yes,

    /// <summary>A corrected name, phone or e-mail at a booking's read-back: the same slot, read back again.</summary>
    ContactCorrected,

    /// <summary>Not an answer ("k", "👍", "hmm"): the read-back is asked again.</summary>
    NotAnAnswer,

    /// <summary>A plain no: the write was dropped.</summary>
    Declined,

    /// <summary>A move asked at a cancel's read-back ("wait actually can i just move it to wed instead"): the cancel was dropped, the same appointment is moved.</summary>
    MoveInstead,

    /// <summary>A correction naming another time on offer that day ("yes but make it 11"): the write was dropped, that slot is picked.</summary>
    PicksOfferedSlot,

    /// <summary>A correction of the search ("hold on, thursday instead"): the write was dropped and the correction merged.</summary>
    Corrected,

    /// <summary>A question beside the read-back ("can i bring my own oil", "is there parking?"): answered, then the read-back asked again.</summary>
    SideQuestion,

    /// <summary>
    /// Whether the time read back is with a provider, asked by name ("hold on, is that with maya?", "¿es con maya?"): answered
    /// yes or no from the read-back, which is asked again; the write stays pending (round 32).
    /// </summary>
    AsksProvider,

    /// <summary>Anything else (another request): the write was dropped; the rest of the policy decides.</summary>
    Other,
}

/// <summary>
/// One message against the state, after the tracker folded it in: what the message answered, what it picked, and what
/// it would change. The policy (<see cref="DialoguePolicy"/>) reads only this and the state.
/// </summary>
internal sealed class Reading(DialogueState state, Utterance u, SpaProfile profile, IReadOnlySet<string> tools)
{
    private bool? _wouldChange;

    /// <summary>The message understood (a bare name given when one was asked for is already read as the name).</summary>
    public Utterance U { get; } = u;

    /// <summary>The business the message is read against.</summary>
    public SpaProfile Profile { get; } = profile;

    /// <summary>At the read-back of two, the service named was taken as the other person's by its kind (round 33): the time read back is kept.</summary>
    public bool TheirsChangedByKind { get; set; }

    /// <summary>
    /// The waitlist asked about (nothing opened up, looked up this turn) and the person's own appointment asked in the same
    /// message, as written ("am i still on the list for sat and whens my facial"; round 33).
    /// </summary>
    public bool WaitlistAndOwnAppointmentAsked { get; set; }

    /// <summary>
    /// Right after a cancellation was done, the message takes it back ("wait no keep it", "undo that", "can you put it back",
    /// "no espera, mejor no lo canceles"; round 34). Read only when something was just cancelled.
    /// </summary>
    public bool CancelTakenBack { get; set; }

    /// <summary>The tools the brain may call this turn.</summary>
    public IReadOnlySet<string> Tools { get; } = tools;

    /// <summary>The question pending when the message arrived (the tracker may have closed it since).</summary>
    public AgentQuestion AskedOnArrival { get; init; }

    /// <summary>Misses in a row before this message.</summary>
    public int MissesBefore { get; init; }

    /// <summary>The message gave a name, a phone number or an e-mail address.</summary>
    public bool ContactGiven { get; init; }

    /// <summary>The message gave a name, phone or e-mail different from the one held.</summary>
    public bool ContactChanged { get; init; }

    /// <summary>How the message answers the read-back pending, if one was.</summary>
    public ReadBackAnswer ReadBack { get; set; }

    /// <summary>The write a no or a correction dropped.</summary>
    public string? DeclinedTool { get; set; }

    /// <summary>The offered slot a correction at the read-back lands on.</summary>
    public Offer? CorrectedSlot { get; set; }

    /// <summary>The provider a question at the read-back names ("is that with maya?"), when <see cref="ReadBack"/> is <see cref="ReadBackAnswer.AsksProvider"/>.</summary>
    public PersonTerm? ProviderAsked { get; set; }

    /// <summary>The caller's own time of the two read back, kept when the other person dropped out at the read-back ("just me"; round 32).</summary>
    public Offer? KeptAlone { get; init; }

    /// <summary>The message answered the question for the second person's name (a name, or declining it; round 31).</summary>
    public bool GuestNameAnswered { get; init; }

    /// <summary>The message names a service, a day or a time.</summary>
    public bool HasSlots => DialogueTracker.HasSlots(U);

    /// <summary>Merging the message would change the search (service, day, time, provider or location).</summary>
    public bool WouldChange => _wouldChange ??= DialogueTracker.Merge(state.Copy(), U);

    /// <summary>The message names a service or a day other than the ones the offer is for.</summary>
    public bool ChangesTheSearch => DialogueTracker.ChangesTheSearch(state, U);

    /// <summary>The offered slot the message picks (by time, position, provider, location or day), resolved against the offer.</summary>
    public Offer? Chosen => U.ChosenSlot is { } i && i < state.Offered.Count ? state.Offered[i] : null;

    /// <summary>The service option the message names while service options are open ("the 90 minute one", "the second").</summary>
    public Service? ServiceOption => DialogueTracker.ServiceOption(state, U, Profile);

    /// <summary>"the shorter one" while slots are on offer: the same service in another length.</summary>
    public Service? Sibling => DialogueTracker.SiblingByLength(state, U, Profile);

    /// <summary>Another length of the service said with a new day ("make it a 90 min … on sunday"): the same service in that length.</summary>
    public Service? SiblingWithDay => DialogueTracker.SiblingByLength(state, U, Profile, withDay: true);

    /// <summary>The service option named by its length ("the 90", "the shorter one"), before the catalogue check.</summary>
    public Service? OptionByLength => DialogueTracker.OptionByDuration(state, U, Profile) ?? DialogueTracker.ShorterOrLonger(state, U, Profile);

    /// <summary>The existing appointment the message names, when several were listed.</summary>
    public string? PickedAppointment => DialogueTracker.PickAppointment(state, U);

    /// <summary>The one offered slot at the exact time the person asked for ("wednesday at 10"), if it is on offer.</summary>
    public Offer? OfferAtAskedTime => DialogueTracker.OfferAtAskedTime(state);

    /// <summary>A yes that points at one thing ("yes that one", "sí, esa" read as "yes, that"): with nothing else named, the time asked for.</summary>
    public bool PointsAtOne => DialogueTracker.PointsAtOne(U.Text);

    /// <summary>The services a price question with no day is about ("prices for facials", "how much is botox"), from the profile.</summary>
    public List<Service> PricedServices => DialogueTracker.PricedServices(state, U, Profile, AskedOnArrival);

    /// <summary>The services a question about length with no day is about, when they come in several lengths ("how long is the swedish").</summary>
    public List<Service> TimedServices => DialogueTracker.TimedServices(U, Profile);

    /// <summary>
    /// A day or a time asked for, and a question in another part of the message ("is there parking by you? ok and friday at
    /// 3 works"): the question is answered first, then the day searched (nothing of the two dropped).
    /// </summary>
    public bool RequestBesideQuestion => (U.Date is not null || U.Time is not null)
        && (QuestionParts.Split(U.Text).Count > 1 || U.Text.TrimEnd().IndexOf('?', StringComparison.Ordinal) is var mark and >= 0 && mark < U.Text.TrimEnd().Length - 1);

    /// <summary>
    /// A time said with no day, not on offer now, that matches one slot offered earlier in this task, when the day in
    /// play had nothing or the slot is on that day ("saturday morning" → "sunday" → "10am": the Saturday 10 AM offered first);
    /// or a day offered earlier and a place in its list ("dermaplaning on wed?" → "make it friday" → "no ok wednesday is
    /// fine, the first one": Wednesday's first time).
    /// </summary>
    public Offer? EarlierOfferAtTime => DialogueTracker.EarlierOfferAtTime(state, U) ?? DialogueTracker.EarlierOfferOnDay(state, U);
}

/// <summary>
/// The state tracker: folds one message's understanding (<see cref="Utterance"/>, typed facts only) into the
/// <see cref="DialogueState"/>. Contact details are absorbed wherever they appear; a bare name answers a question for
/// the name; a reply to a read-back that is neither a yes nor a non-answer drops the write and merges its correction;
/// a selection is resolved against the options on offer. It decides nothing: <see cref="DialoguePolicy"/> does.
/// </summary>
internal static partial class DialogueTracker
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Folds <paramref name="u"/> into <paramref name="state"/> and says how the message reads against it.</summary>
    public static Reading Observe(DialogueState state, Utterance u, SpaProfile profile, IReadOnlySet<string> tools)
    {
        // Misses count only in a row: any reply that is not one starts again from zero.
        var missesBefore = state.Misses;
        state.Misses = 0;
        state.FeeToTeam = u.Cues.AsksFeeAmount;
        var asked = state.Asked;
        Offer? keptAlone = null;
        if (state.Task is not null && asked is AgentQuestion.Name or AgentQuestion.Phone && u.Name is null && u.Phone is null && u.YesNo == YesNo.Unknown
            && !HasSlots(u) && u.Cues.NameCandidate is { } candidate
            && (u.Staff.Kind != StaffMatchKind.None || u.Intent is Intent.Unknown or Intent.Inform or Intent.OutOfScope or Intent.Smalltalk
                || (u.Cues.PlainName && u.Intent is Intent.Faq or Intent.Greeting) || WeakReadingOfAName(u)))
        {
            // Asked for a name, "Sam Lee" is the person's name, not a request for Sam on our staff; asked for a phone
            // after a pick, "Lee Park" is the name too, not an FAQ question by meaning ("park"): the question pending wins
            // over a reading by meaning for a short answer that fits it.
            u = u with { Name = candidate, Staff = StaffMatch.None, Intent = Intent.Inform };
        }
        else if (state.Task is not null && asked is AgentQuestion.SlotChoice or AgentQuestion.Service or AgentQuestion.Date
            && u.Name is null && u.Phone is null && u.Email is null && u.YesNo == YesNo.Unknown && !HasSlots(u) && u.Staff.Kind == StaffMatchKind.None
            && u.Cues.PlainName && u.Cues.NameCandidate is { } written && written.Split(' ').Length is 2 or 3 && WrittenAsAName(u.Text)
            && (u.Intent is Intent.Unknown or Intent.Inform or Intent.OutOfScope or Intent.Smalltalk or Intent.Faq or Intent.Greeting || WeakReadingOfAName(u)))
        {
            // "Carla Nuñez" while the times are on offer: a first and last name written with capitals is the person's name,
            // kept for the booking (the question pending is asked again), not a reply that answered nothing; "Cole Park"
            // said on a call is that too, not an FAQ question by meaning ("park").
            u = u with { Name = written, Intent = Intent.Inform };
        }
        else if (state.WithTeam && state.Task is null && u.Name is null && u.Phone is null && u.Email is null && u.YesNo == YesNo.Unknown && !HasSlots(u)
            && u.Staff.Kind == StaffMatchKind.None && u.Cues.PlainName && u.Cues.NameCandidate is { } forTeam && forTeam.Split(' ').Length is 2 or 3
            && u.Intent is Intent.Unknown or Intent.Inform or Intent.OutOfScope or Intent.Smalltalk)
        {
            // "Ravi Menon" after the conversation went to the team: their name, passed on, not an off-topic message.
            u = u with { Name = forTeam, Intent = Intent.Inform };
        }
        if (u.Intent == Intent.Nevermind && state.Task is null && state.AppointmentRefs.Count > 0 && PickAppointment(state, u) is not null)
        {
            // "ok cancel that one", "cancel the later one" right after the person's appointments were said: a cancellation
            // of the one named, not "never mind".
            u = u with { Intent = Intent.Cancel };
        }
        if (asked == AgentQuestion.Confirmation && state.PendingTool is not null && u.Cues.TooShortToConfirm)
        {
            // "y", "k", "👍" at a read-back: not a yes, and no other decision either ("y" is not "never mind").
            u = u with { Intent = Intent.Unknown, YesNo = YesNo.Unknown };
        }
        if (u.Cues.Cheapest && u.Services.Kind is ServiceMatchKind.Candidates or ServiceMatchKind.Several && !u.Cues.AsksSomething
            && u.Services.Services.Select(x => profile.FindService(x.Id)).ToList() is var listed && listed.All(x => x?.Price is > 0)
            && LowestPriced(listed.OfType<Service>()) is { } cheapest)
        {
            // "whatever massage is cheapest, sat morning": of the services named, the one with the lowest listed price (a
            // price question, "whats the cheapest facial?", is answered, naming the cheapest, not chosen).
            u = u with { Services = u.Services with { Kind = ServiceMatchKind.Confident, Services = [u.Services.Services.First(x => x.Id == cheapest.Id)] } };
        }
        if (u.Services.Kind == ServiceMatchKind.None && u.Cues.PriceSaid is { } amount && state.Task is null or DialogueTask.Book
            && u.Intent is Intent.OutOfScope or Intent.Unknown or Intent.Faq or Intent.Availability or Intent.Book
            && profile.Services.Where(x => x.Price == amount && !x.PriceFrom).ToList() is [var priced])
        {
            // "is the $95 one available tomorrow? the face one": the one service with that listed price (a price shared by two,
            // or a "from" price, points at none).
            u = u with
            {
                Services = new ServiceMatch(ServiceMatchKind.Confident, [new ServiceTerm(priced.Id, priced.Name, priced.Aliases, priced.Category, priced.DurationMin)], priced.Category, [], 1),
                Intent = u.Intent is Intent.Book ? Intent.Book : Intent.Availability,
            };
        }
        if (state.Phase == DialoguePhase.TextedOffer && u.YesNo != YesNo.No && !u.Cues.LeavesList && !HasSlots(u) && u.ShiftMinutes is null
            && u.Intent is not (Intent.Cancel or Intent.Reschedule or Intent.Human or Intent.Nevermind or Intent.Deny) && TakesIt().IsMatch(u.Text))
        {
            // "oh nice yes book it", "grab it for me", "apártamela" to a waitlist opening texted (round 32): taking that opening,
            // not a new booking with nothing named. Still only a yes to the opening texted (the tool holds it for this person).
            u = u with { YesNo = YesNo.Yes };
        }
        if (state.Phase == DialoguePhase.TextedOffer && !AnswersTextedOffer(u))
        {
            // A waitlist opening was texted, and the message is about something else ("what's your address?"): the offer
            // stays with the SMS channel's YES; the message is read as it stands.
            state.Phase = DialoguePhase.None;
            state.TextedOffer = null;
            state.TextedOfferService = null;
        }
        if (u.Name is { } heard && state.Name is { } firstOnly && !firstOnly.Contains(' ', StringComparison.Ordinal) && !heard.Contains(' ', StringComparison.Ordinal)
            && !heard.Equals(firstOnly, StringComparison.OrdinalIgnoreCase) && ContactExtractor.LastNameGiven(u.Text))
        {
            // "linh", then "n g u y e n and the number is …" (round 29): a name spelled or said as the last name after a first
            // name alone is the rest of it, not another name.
            u = u with { Name = firstOnly + " " + heard };
        }
        var contactGiven = u.Name is not null || u.Phone is not null || u.Email is not null;
        var contactChanged = (u.Name is not null && u.Name != state.Name) || (u.Phone is not null && u.Phone != state.Phone)
            || (u.Email is not null && u.Email != state.Email);
        if (u.Services.Service is { } said && profile.FindService(said.Id) is { } named && u.Cues.Minutes.Count > 0
            && !u.Cues.Minutes.Contains(named.DurationMin) && u.Cues.Minutes.FirstOrDefault(m => m >= 20) is > 0 and var other)
        {
            // "the deep tissue one. 90 min" when deep tissue comes in 60 only: the service named is kept, and the offer says so.
            state.LengthNotOffered = other;
        }
        if (u.Cues.GenderAsked && u.Services.Kind != ServiceMatchKind.None)
        {
            // "i'd prefer a male therapist for deep tissue" (round 32): the profile does not say who is who; the offer says so once.
            state.GenderAsked = true;
        }
        if (state.Together && state.GuestKind is { } theirKind && state.GuestServiceId is null && state.ServiceOptions.Count > 1
            && MineSaid(u, theirKind) is { } mineNamed && GuestsByFirstWord(state, u.Text, theirKind, profile) is { } theirsNamed)
        {
            // "swedish 90 and the signature one" after "me a massage and my sister a facial" (round 34): the other person's
            // kind said by the first word of its name, among the services asked about. The caller's may be read as candidates
            // settled by the length said ("swedish 90"; round 35).
            u = u with { Services = u.Services with { Kind = ServiceMatchKind.Several, Services = [mineNamed, theirsNamed] } };
        }
        string? guestKind = null;
        if (state.PartyLeft == 0 && u.Services.Kind == ServiceMatchKind.Candidates && state.Task is null or DialogueTask.Book
            && (ReplyCues.TogetherAsked(u.Text) || SameTimeSaid().IsMatch(u.Text)))
        {
            // "me a massage and my daughter a facial tuesday at 10 same time", "my husband a facial and me a massage saturday at
            // 1, together" (round 34): two kinds, one of them another person's, at one time: two people together, each kind
            // kept with its person for the answer naming both services.
            guestKind = GuestsKind(u);
            if (guestKind is not null)
            {
                u = u with { Cues = u.Cues with { WithOthers = true, PartySize = 2 } };
            }
        }
        if (!u.Cues.WithOthers && state.PartyLeft == 0 && u.Services.Kind == ServiceMatchKind.Several
            && (AnotherPersonsOwn().IsMatch(u.Text) || KindsPerson().IsMatch(u.Text))
            && (ReplyCues.TogetherAsked(u.Text) || SameTimeSaid().IsMatch(u.Text)))
        {
            // "can i get a swedish 60 and my sister a hydrafacial … same time", "a deep tissue for me and uh a hydrafacial for my
            // wife, same time" (round 31): two services, one of them another person's, at one time: two people together.
            u = u with { Cues = u.Cues with { WithOthers = true, PartySize = 2 } };
        }
        // "me and my sister", "two swedish massages": kept until the offer says that one person is booked at a time; the
        // others are booked after the first, at the same time if someone is free.
        state.WithOthers |= u.Cues.WithOthers && state.PartyLeft == 0;
        if (u.Cues.WithOthers && state.PartyLeft == 0)
        {
            state.PartyLeft = Math.Max(1, u.Cues.PartySize - 1);
        }
        // Two people to be seen at once ("same time", "side by side", "together", "back to back is fine"; round 30): their
        // openings are searched as pairs and both are read back and booked on one yes. A third person or more goes one at a time.
        if (u.Cues.WithOthers && state.PartyLeft == 1 && (ReplyCues.TogetherAsked(u.Text) || SameTimeSaid().IsMatch(u.Text) || BackToBackAsked().IsMatch(u.Text)))
        {
            state.Together = true;
            state.BackToBack |= BackToBackAsked().IsMatch(u.Text);
            state.GuestKind = guestKind ?? state.GuestKind;
        }
        else if ((state.Together || state.PartyLeft > 0) && JustMe().IsMatch(u.Text))
        {
            // "actually just me, she can't make it": one person from here; the times for two are no longer on offer. At the
            // read-back of two ("ugh actually she cant come anymore, just me", round 32) the caller's own time is read back alone:
            // the yes to two is never asked again.
            if (asked == AgentQuestion.Confirmation && state.PendingTool == "book_appointment"
                && state.Offered.FirstOrDefault(o => o.SlotId == state.ChosenSlotId) is { WithSlotId: not null } pair)
            {
                keptAlone = pair with { WithSlotId = null };
            }
            state.Together = state.BackToBack = state.WithOthers = state.AwaitingGuestName = false;
            state.PartyLeft = 0;
            state.GuestName = state.GuestServiceId = null;
            state.Offered = keptAlone is null ? [] : [keptAlone];
            state.ChosenSlotId = null;
        }
        var guestNameAnswered = false;
        if (state.AwaitingGuestName)
        {
            // "What's the name of the person coming with you?" (asked once, round 31): their name, or declined ("doesn't
            // matter", "no sé"); either way never asked again. Anything else is read as it stands.
            state.AwaitingGuestName = false;
            if (GuestNameDeclined().IsMatch(u.Text))
            {
                guestNameAnswered = true;
                u = u with { Name = null };
            }
            else if (u.Phone is null && u.Email is null && !HasSlots(u) && u.YesNo == YesNo.Unknown && GuestNameSaid(u.Text, u.Name) is { } theirs)
            {
                state.GuestName = theirs;
                guestNameAnswered = true;
                u = u with { Name = null };
            }
            else if (u.YesNo != YesNo.Unknown && !HasSlots(u) && u.Name is null && u.Text.Length <= 24)
            {
                // "yes", "ok", "no": no name; the read-back follows (and needs its own yes).
                guestNameAnswered = true;
            }
        }
        else if ((state.Together || u.Cues.WithOthers) && GuestNameWithRequest(u.Text) is { } guestNamed)
        {
            // "her name is mia", "my daughter Lily", "para mi hija Sofía": the second person's, not the caller's.
            state.GuestName = guestNamed;
            if (u.Name is { } nameHeard && guestNamed.StartsWith(nameHeard.Split(' ')[0], StringComparison.OrdinalIgnoreCase))
            {
                u = u with { Name = null };
            }
        }
        // Contact details are absorbed wherever they appear, whatever else the message is about.
        state.Name = u.Name ?? state.Name;
        // "book my mom in, her name is Linda Park": the name is the guest's, said in the read-back (round 23).
        state.ForGuest = u.Name is not null ? u.Cues.ForAnother : state.ForGuest;
        state.Phone = u.Phone ?? state.Phone;
        state.Email = u.Email ?? state.Email;

        var reading = new Reading(state, u, profile, tools)
        {
            AskedOnArrival = asked, MissesBefore = missesBefore, ContactGiven = contactGiven, ContactChanged = contactChanged,
            GuestNameAnswered = guestNameAnswered, KeptAlone = keptAlone,
        };
        if (asked == AgentQuestion.Confirmation && state.PendingTool is not null)
        {
            AnswerReadBack(state, reading);
        }
        return reading;
    }

    /// <summary>Reads a reply to the read-back; anything but a yes, a contact fix or a non-answer drops the write.</summary>
    private static void AnswerReadBack(DialogueState state, Reading r)
    {
        var u = r.U;
        if (r.KeptAlone is { } alone)
        {
            // The other person dropped out at the read-back of two: the write for two is dropped, the caller's time read back alone.
            r.DeclinedTool = state.PendingTool;
            state.PendingTool = state.PendingArgs = state.ReadBack = null;
            state.Asked = AgentQuestion.Nothing;
            r.ReadBack = ReadBackAnswer.PicksOfferedSlot;
            r.CorrectedSlot = alone;
            return;
        }
        if (u.Cues.Confused || (u.Cues.AsksRepeat && u.YesNo != YesNo.No && !HasSlots(u)))
        {
            // "que?", "huh?", "lol what" at the read-back: not an answer; the yes-or-no is put again, plainly. "ok but what
            // time was it again" asks for it again too (row r20-repeat-read-back: not a miss).
            r.ReadBack = ReadBackAnswer.NotAnAnswer;
            return;
        }
        if (state.PendingTool is "book_appointment" or "reschedule_appointment" && u.Staff.Person is { } named && !u.OtherProvider && u.NotStaffId is null
            && !HasSlots(u) && AsksWhetherWith().IsMatch(u.Text) && !ChangeWords().IsMatch(u.Text))
        {
            // "hold on, is that with maya?": a question about the time read back, not a change of provider; answered from the
            // read-back, which is asked again (nothing is booked on this turn).
            r.ReadBack = ReadBackAnswer.AsksProvider;
            r.ProviderAsked = named;
            return;
        }
        // "actually nvm cancel it", "yes cancel the appointment" at the read-back of a booking or a move: not a yes to it.
        var cancelsInstead = u.Intent == Intent.Cancel && state.PendingTool is not "cancel_appointment";
        if (u.YesNo == YesNo.Yes && !cancelsInstead && state.PendingTool == "book_appointment" && u.Cues.AlsoAsks && u.Services.Kind != ServiceMatchKind.None)
        {
            // "yes and also book my sister a facial": an unambiguous yes to this booking, and a second one asked beside it,
            // taken up once this one is booked (nothing dropped).
            r.ReadBack = ReadBackAnswer.Yes;
            state.ThenBook = u.Text;
            return;
        }
        if (u.YesNo == YesNo.Yes && !cancelsInstead && (!u.IsCorrection || AgreesWithReadBack(state, u)))
        {
            // "yes", and "yes, please book the consultation then": a yes whose details are the read-back's own.
            r.ReadBack = ReadBackAnswer.Yes;
            return;
        }
        if (r.ContactChanged && state.PendingTool == "book_appointment" && u.YesNo != YesNo.Yes && state.ChosenSlotId is not null)
        {
            // "Oops, my number is …" at the read-back: the same slot, read back again with the corrected details,
            // saying the new one back ("oh wait its spelled L-I, Sam Li").
            r.ReadBack = ReadBackAnswer.ContactCorrected;
            state.ContactCorrection = u.Name ?? u.Phone ?? u.Email;
            return;
        }
        if (u.YesNo != YesNo.Yes && state.PendingTool == "book_appointment" && !HasSlots(u) && r.Sibling is { } otherLength)
        {
            // "wait make it the 90 min instead" at a booking's read-back: the other length of the service, searched on the
            // same day; nothing is booked.
            r.DeclinedTool = state.PendingTool;
            if (state.Offered.FirstOrDefault(o => o.SlotId == state.ChosenSlotId) is { } lengthSlot)
            {
                // The time read back is the one the person is changing the length of: read back again if the other length
                // fits there, otherwise the nearest times (not a new list from the start of the day).
                state.DateStart = state.DateEnd = lengthSlot.Date;
                state.Near = lengthSlot.Time;
                state.After = state.Before = null;
                state.TakeAskedTime = true;
            }
            state.PendingTool = state.PendingArgs = state.ReadBack = null;
            state.ChosenSlotId = null;
            state.Offered = [];
            state.Asked = AgentQuestion.Nothing;
            state.ServiceId = otherLength.Id;
            r.ReadBack = ReadBackAnswer.Corrected;
            return;
        }
        // "wait no actually keep it", "keep it where it is", "mejor déjala" at a cancel's or a move's read-back: a no, the
        // appointment stays as it is (at a booking's read-back "keep it" would sooner be a yes, so it is left to the rows below).
        var keeps = u.Cues.KeepsAsIs && u.YesNo != YesNo.Yes && !cancelsInstead && !HasSlots(u)
            && state.PendingTool is "cancel_appointment" or "reschedule_appointment";
        if (!keeps && u.YesNo == YesNo.Unknown && !HasSlots(u) && u.Staff.Kind == StaffMatchKind.None && u.Name is null && u.Phone is null && u.Email is null
            && !u.OtherProvider && (u.Intent == Intent.Faq || (u.Cues.AsksSomething || PriceOrLengthAsked(u)) && u.Intent is Intent.Unknown or Intent.OutOfScope or Intent.Inform or Intent.Smalltalk))
        {
            // "can i bring my own oil" at the read-back: a question beside it; the write stays pending and is asked again after the answer.
            r.ReadBack = ReadBackAnswer.SideQuestion;
            return;
        }
        if (!keeps && u.YesNo == YesNo.Unknown && !HasSlots(u) && u.Staff.Kind == StaffMatchKind.None && u.Name is null && u.Phone is null && !u.OtherProvider
            && u.Intent is not (Intent.Cancel or Intent.Reschedule or Intent.Waitlist or Intent.MyAppointments or Intent.Faq or Intent.Book or Intent.Availability))
        {
            // "k", "👍", "hmm": not a yes, and not a no either.
            r.ReadBack = ReadBackAnswer.NotAnAnswer;
            return;
        }
        var declined = state.PendingTool;
        r.DeclinedTool = declined;
        state.PendingTool = state.PendingArgs = state.ReadBack = null;
        var chosenBefore = state.ChosenSlotId;
        if (u.OtherProvider && u.NotStaffId is null && state.Offered.FirstOrDefault(o => o.SlotId == chosenBefore) is { } readBackSlot)
        {
            // "can i have someone else" at the read-back: not the provider read back.
            state.NotStaff = [.. state.NotStaff, readBackSlot.Staff];
        }
        state.ChosenSlotId = null;
        state.Asked = AgentQuestion.Nothing;
        var theirsByKind = TheirsByKind(state, u, r.Profile);
        if (theirsByKind is not null)
        {
            // "no wait sorry, the hydrafacial was right", "ay no, mejor el de él un signature facial" at the read-back of two with
            // a massage for the caller and a facial for the other (round 33): a facial named is the other person's.
            state.GuestServiceId = theirsByKind;
            r.TheirsChangedByKind = true;
            u = u with { Services = ServiceMatch.None };
        }
        var corrected = Merge(state, u) || theirsByKind is not null;
        var movesASlot = declined is "book_appointment" or "reschedule_appointment";
        // "actually make hers a hydrafacial" at the read-back of two (round 32): only the other person's service changes, so the
        // time read back is kept, as "same time" keeps it.
        var keepsTheTime = u.SameTime || MakesTheirsAnother(state, u) || theirsByKind is not null;
        if (corrected && movesASlot && keepsTheTime && u.Time is null && state.Offered.FirstOrDefault(o => o.SlotId == chosenBefore) is { } readBackTime)
        {
            // "make it a regular swedish instead, same time": the time read back stays the one asked for, and is read back
            // again when the new search finds it free (after the length is chosen, if it must be).
            // "can we do sat instead same time": the day said is the new one; only the time is the read-back's.
            state.Near = readBackTime.Time;
            state.After = state.Before = null;
            if (u.Date is null)
            {
                state.DateStart = state.DateEnd = readBackTime.Date;
            }
            state.TakeAskedTime = true;
        }
        if (!corrected && movesASlot && u.Cues.Ordinal is { } position && state.Offered.Count > 1
            && state.Offered[Math.Min(position, state.Offered.Count) - 1] is var byPlace && byPlace.SlotId != chosenBefore)
        {
            // "no actually the last one" at the read-back: another of the times on offer, by its place in the list.
            r.ReadBack = ReadBackAnswer.PicksOfferedSlot;
            r.CorrectedSlot = byPlace;
            return;
        }
        if (declined == "cancel_appointment" && state.AppointmentRef is not null && u.YesNo != YesNo.Yes
            && (u.Intent == Intent.Reschedule || u.ShiftMinutes is not null || (u.IsCorrection || u.YesNo == YesNo.No) && (u.Date is not null || u.Time is not null)))
        {
            // Second thoughts at a cancel's read-back: keep the appointment and move it, with the day or time given.
            r.ReadBack = ReadBackAnswer.MoveInstead;
            state.Task = DialogueTask.Reschedule;
            state.ShiftMinutes = u.ShiftMinutes;
            state.SameTime = u.SameTime;
            state.SameDay = u.SameDay;
            state.DayNudge = u.DayNudge;
            return;
        }
        if (cancelsInstead && declined is not "reschedule_appointment")
        {
            // Nothing is booked (or joined); at a move, the cancel row asks to cancel the appointment, with its own read-back.
            r.ReadBack = ReadBackAnswer.Declined;
        }
        else if (!corrected && (u.YesNo == YesNo.No || keeps) && !cancelsInstead)
        {
            r.ReadBack = ReadBackAnswer.Declined;
        }
        else if (corrected && movesASlot && u.Time?.Exact is { } newTime && !ChangesTheSearch(state, u)
            && state.Offered.Where(o => o.Date == (state.Offered.FirstOrDefault(x => x.SlotId == chosenBefore)?.Date ?? o.Date)
                && TimeOnly.ParseExact(o.Time, "HH:mm", Inv) is var t && t.Hour % 12 == newTime.Hour % 12 && t.Minute == newTime.Minute).ToList() is [var same])
        {
            r.ReadBack = ReadBackAnswer.PicksOfferedSlot;
            r.CorrectedSlot = same;
        }
        else
        {
            r.ReadBack = corrected && movesASlot ? ReadBackAnswer.Corrected : ReadBackAnswer.Other;
            if (r.ReadBack == ReadBackAnswer.Corrected && declined == "book_appointment" && r.SiblingWithDay is { } lengthSaid)
            {
                // "actually make it a 90 min with someone else on sunday": the day, the provider and the length all change;
                // the length is the same service's other one (nothing dropped).
                state.ServiceId = lengthSaid.Id;
            }
        }
    }

    /// <summary>
    /// Whether the other person's service is the first of two said ("a hydrafacial for my sister and a swedish for me", "para mi
    /// hermana un hydrafacial y para mí un sueco"): the words naming them sit before both services, or right after the first and
    /// not opening a clause of their own ("… and for my sister a facial" names the second). Otherwise the first is the caller's.
    /// </summary>
    internal static bool GuestsServiceSaidFirst(Utterance u)
    {
        var spans = u.Services.Spans;
        if (spans.Count < 2 || spans[^1].Start + spans[^1].Length > u.Text.Length)
        {
            return false;
        }
        if (AnotherPersonsOwn().Match(u.Text) is not { Success: true } marker)
        {
            return OtherPersonSaidFirst(u.Text, spans);
        }
        var opensClause = marker.Value.StartsWith("and", StringComparison.OrdinalIgnoreCase) || marker.Value.StartsWith("y ", StringComparison.OrdinalIgnoreCase)
            || ClauseOpener().IsMatch(u.Text[..marker.Index]);
        if (marker.Index + marker.Length <= spans[0].Start)
        {
            return true;
        }
        return !opensClause && marker.Index < spans[^1].Start && marker.Index >= spans[0].Start + spans[0].Length;
    }

    /// <summary>
    /// Of the services asked about, the one of the other person's kind whose name's first word (four letters or more: "signature",
    /// "hydrafacial") the message says as a word (round 34); null when none or several.
    /// </summary>
    private static ServiceTerm? GuestsByFirstWord(DialogueState state, string text, string kind, SpaProfile profile)
    {
        var found = state.ServiceOptions.Select(name => profile.Services.FirstOrDefault(x => x.Name == name))
            .OfType<Service>()
            .Where(x => string.Equals(x.Category, kind, StringComparison.OrdinalIgnoreCase) && x.Name.Split(' ')[0] is { Length: >= 4 } first
                && System.Text.RegularExpressions.Regex.IsMatch(text, $@"\b{System.Text.RegularExpressions.Regex.Escape(first)}\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant))
            .ToList();
        return found is [var one] ? new ServiceTerm(one.Id, one.Name, one.Aliases, one.Category, one.DurationMin) : null;
    }

    /// <summary>
    /// The caller's own service in an answer naming both people's (round 35): the one service named that is not of the other
    /// person's kind, or among candidates of the caller's kind the one of the length said ("swedish 90"); null otherwise.
    /// </summary>
    private static ServiceTerm? MineSaid(Utterance u, string theirKind)
    {
        if (u.Services.Kind is not (ServiceMatchKind.Confident or ServiceMatchKind.Candidates or ServiceMatchKind.Several))
        {
            return null;
        }
        var mine = u.Services.Services.Where(x => !string.Equals(x.Category, theirKind, StringComparison.OrdinalIgnoreCase)).ToList();
        if (mine is [var one])
        {
            return one;
        }
        return mine.Where(x => x.DurationMinutes is { } d && u.Cues.Minutes.Concat(u.Cues.Numbers).Contains(d)).ToList() is [var sized] ? sized : null;
    }

    /// <summary>
    /// With no "and my sister" / "for my wife" said (round 34): "a signature facial for her and a swedish 90 for me" (the
    /// pronoun right after the first service), "my son wants a hydrafacial and i'll take a swedish 60" (the other person opening
    /// the request) name the other person's service first; "a swedish for me and a facial for her" does not.
    /// </summary>
    private static bool OtherPersonSaidFirst(string text, IReadOnlyList<TextSpan> spans)
    {
        var (firstEnd, secondStart) = (spans[0].Start + spans[0].Length, spans[1].Start);
        if (ForMe().Matches(text).Any(m => m.Index >= firstEnd && m.Index < secondStart))
        {
            return false;
        }
        if (ForThem().Matches(text).Any(m => m.Index >= firstEnd && m.Index < secondStart))
        {
            return true;
        }
        return OtherPersonWants().Match(text) is { Success: true } wants && wants.Index + wants.Length <= spans[0].Start + 1;
    }

    /// <summary>
    /// Two kinds of service said with another person beside one of them ("me a massage and my daughter a facial", "my husband a
    /// facial and me a massage", "a facial for my mom and a massage for me", round 34): the category of the other person's kind.
    /// "and my daughter a …" / "my husband a …" goes with the kind after it; "… for my mom" with the kind before it. Null when
    /// the kinds are not two or no other person is named beside one.
    /// </summary>
    internal static string? GuestsKind(Utterance u)
    {
        if (KindsPerson().Match(u.Text) is not { Success: true } person)
        {
            return null;
        }
        // Only the kinds named in words count ("facial" also finds the IPL Photofacial, a laser).
        var at = u.Services.Services.Select(x => x.Category).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(k => (Kind: k, At: KindAt(u.Text, k))).Where(x => x.At >= 0).OrderBy(x => x.At).ToList();
        if (at.Count != 2)
        {
            return null;
        }
        if (person.Groups["for"].Success)
        {
            // "… a facial for my mom": the kind said before it.
            return at.LastOrDefault(x => x.At < person.Index).Kind;
        }
        // "and my daughter a facial", "my husband a facial": the kind said after it.
        return at.FirstOrDefault(x => x.At > person.Index + person.Length - 1).Kind;
    }

    /// <summary>Where a kind of service is first named in the text (its category word, or the Spanish one), or -1.</summary>
    private static int KindAt(string text, string kind)
    {
        var words = kind.ToLowerInvariant() switch
        {
            "massage" => new[] { "massage", "masaje" },
            "facial" => ["facial"],
            "nails" => ["mani", "pedi", "nail", "uñas", "unas"],
            var other => [other.TrimEnd('s')],
        };
        var found = words.Select(w => text.IndexOf(w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).ToList();
        return found.Count == 0 ? -1 : found.Min();
    }

    /// <summary>
    /// At the read-back of two people with services of two kinds (a massage for the caller, a facial for the other), one service
    /// named with no day, of the other person's kind and not the caller's: the other person's new service (round 33). Null
    /// otherwise (the same kind for both, or the caller's kind, is read as before).
    /// </summary>
    internal static string? TheirsByKind(DialogueState state, Utterance u, SpaProfile profile)
    {
        if (!state.Together || state.ServiceId is not { } mine || state.GuestServiceId is not { } theirs || u.Date is not null
            || u.Services.Kind != ServiceMatchKind.Confident || u.Services.Service!.Id == theirs)
        {
            return null;
        }
        var (myKind, theirKind, saidKind) = (profile.FindService(mine)?.Category, profile.FindService(theirs)?.Category, profile.FindService(u.Services.Service.Id)?.Category);
        return theirKind is not null && myKind != theirKind && saidKind == theirKind ? u.Services.Service.Id : null;
    }

    /// <summary>"actually make hers a hydrafacial" with two people together and no day said: only the other person's service changes.</summary>
    internal static bool MakesTheirsAnother(DialogueState state, Utterance u) => state.Together && u.Date is null && TheirsMadeAnother().IsMatch(u.Text);

    /// <summary>Folds what the person said into the search; true when anything that changes a search changed. Corrections override.</summary>
    public static bool Merge(DialogueState state, Utterance u)
    {
        var changed = false;
        if (state.Together && state.ServiceId is not null && u.Services.Kind == ServiceMatchKind.Confident && TheirsMadeAnother().IsMatch(u.Text))
        {
            // "actually make hers a gel mani too" (round 31): the second person's service changes; the first's and every other fact stay.
            var theirs = u.Services.Service!.Id == state.ServiceId ? null : u.Services.Service.Id;
            changed = theirs != state.GuestServiceId;
            state.GuestServiceId = theirs;
            u = u with { Services = ServiceMatch.None };
        }
        else if (!state.Together && state.PartyLeft > 0 && state.ServiceId is { } everyones && u.Services.Kind == ServiceMatchKind.Confident
            && u.Services.Service!.Id != everyones && OnePersonChanges().IsMatch(u.Text))
        {
            // "oh wait my sister wants a hydrafacial instead", "mi prima mejor un hydrafacial" with three people booked one after
            // another (round 36): only that person's service changes; the others keep theirs (every service kept per person).
            var kept = state.NextServices.Count >= state.PartyLeft ? state.NextServices.Take(state.PartyLeft - 1) : Enumerable.Repeat(everyones, state.PartyLeft - 1);
            state.NextServices = [.. kept, u.Services.Service.Id];
            u = u with { Services = ServiceMatch.None };
            changed = true;
        }
        else if (u.Services.Kind == ServiceMatchKind.Confident && u.Services.Service!.Id != state.ServiceId)
        {
            state.ServiceId = u.Services.Service.Id;
            state.ServiceOptions = [];
            changed = true;
        }
        else if (u.Services.Kind == ServiceMatchKind.Several && (u.Intent != Intent.Faq || u.Date is not null || u.Time is not null)
            && (OneAfterAnother().IsMatch(u.Text) || state.Together || state.PartyLeft > 1)
            && u.Services.Services.GroupBy(x => Family(x.Name)).Select(g => g.ToList()).ToList() is { Count: > 1 } families)
        {
            // "a facial and then a massage": the first now, the others after it on the same day, back to back. A length said
            // settles a family that comes in it ("a swedish for me (the hour one)").
            families = [.. families.Select(f => f.Where(x => x.DurationMinutes is { } d && u.Cues.Minutes.Contains(d)).ToList() is [var sized] ? [sized] : f)];
            if (state.Together && state.GuestKind is { } guestsKind && families is [[var one], [var other]]
                && one.Category == guestsKind && other.Category != guestsKind)
            {
                // "me a massage and my daughter a facial", then "the hydrafacial and a swedish 60" (round 34): each service goes
                // with the person whose kind it is, whatever order the answer names them in.
                families = [families[1], families[0]];
            }
            else if (families is [[_], _] && ((state.Together && GuestsServiceSaidFirst(u))
                || (!state.Together && state.PartyLeft > 1 && u.Services.Spans.Count >= 2 && OtherPersonSaidFirst(u.Text, u.Services.Spans))))
            {
                // "a hydrafacial for my sister and a swedish 60 for me" (round 32): the service goes with the person named beside
                // it, not with the order said; the caller's is searched first, the other person's with it. For three people
                // ("for me, my mom and my sister? swedish 60 for me, hydrafacials for both of them", round 36) the people named
                // before both services say nothing: the words right after the first service do.
                families = [families[1], families[0]];
            }
            state.ServiceId = families[0] is [var first] ? first.Id : null;
            state.ServiceOptions = families[0] is [_] ? [] : [.. families[0].Select(x => x.Name)];
            if (state.Together && families is [_, [var theirs]])
            {
                // Two people at one time, each with their own ("a swedish 60 for me and a hydrafacial for my sister", round 31):
                // the second service is the second person's, searched with the first as pairs and booked on one yes.
                state.GuestServiceId = theirs.Id == state.ServiceId ? null : theirs.Id;
                state.NextServices = [];
            }
            else if (!state.Together && state.PartyLeft > 1 && families is [_, var others])
            {
                // Three people, "swedish 60 for me, hydrafacials for both of them" (round 36): the caller's service first, the
                // other one for each of the others, one after another (each kept per person, none asked again).
                state.NextServices = [.. Enumerable.Repeat(string.Join('|', others.Select(x => x.Id)), state.PartyLeft)];
            }
            else
            {
                state.NextServices = [.. families.Skip(1).Select(f => string.Join('|', f.Select(x => x.Id)))];
            }
            changed = true;
        }
        else if (u.Services.Kind is ServiceMatchKind.Candidates or ServiceMatchKind.Several)
        {
            var inOptions = state.ServiceOptions.Count > 0
                ? u.Services.Services.Where(x => state.ServiceOptions.Contains(x.Name)).ToList()
                : [];
            var byLength = u.Services.Services.Where(x => x.DurationMinutes is { } d && u.Cues.Minutes.Contains(d)).ToList();
            if (inOptions.Count == 1)
            {
                state.ServiceId = inOptions[0].Id;
                state.ServiceOptions = [];
            }
            else if (byLength.Count == 1)
            {
                // "swedish massage wednesday, the hour one": the length said in the same message settles the choice.
                state.ServiceId = byLength[0].Id;
                state.ServiceOptions = [];
            }
            else
            {
                state.ServiceId = null;
                state.ServiceOptions = [.. u.Services.Services.Select(x => x.Name)];
            }
            changed = true;
        }
        if (u.NotWeekdays is { } ruledOut && ruledOut != state.NotDays)
        {
            state.NotDays = ruledOut;
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
            state.LeadWith = time.Kind is TimePreferenceKind.Earliest or TimePreferenceKind.Latest ? time.Kind : null;
            switch (time.Kind)
            {
                case TimePreferenceKind.Exact:
                    // "two thirty… no three thirty", "at 10, sorry, 11" (round 31): the time said again after the slip is the one meant.
                    state.Near = (SaidAgainAt(u.Text, time.Exact!.Value) ?? time.Exact!.Value).ToString("HH:mm", Inv);
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
        if (u.Date is { } asked)
        {
            state.AlsoDate = null;
            if (NotBefore().Match(u.Text) is { Success: true } notBefore && int.TryParse(notBefore.Groups["h"].Value, NumberStyles.None, Inv, out var hour) && hour is >= 1 and <= 12)
            {
                // "not before 2", "no antes de las 2": from then on, not until then (an hour of 1 to 7 said bare is the afternoon's).
                var pm = notBefore.Groups["ampm"].Value.StartsWith('p') || (notBefore.Groups["ampm"].Length == 0 && hour <= 7);
                state.After = new TimeOnly(pm && hour < 12 ? hour + 12 : hour, notBefore.Groups["m"].Success ? int.Parse(notBefore.Groups["m"].Value, Inv) : 0).ToString("HH:mm", Inv);
                state.Before = state.Near = null;
            }
            if ((state.After ?? state.Before) is not null && DayWithPartAndAnother(u.Text, asked.Range.Start) is var (withPart, whole))
            {
                // "hydrafacial friday, friday i can't do mornings, saturday works too", "tues or wed but not before 2 on tues",
                // "el viernes en la tarde o el sábado cuando sea" (round 31): the part of the day holds on its own day; the other
                // day is searched whole, and both are offered together.
                state.DateStart = state.DateEnd = withPart.ToString("yyyy-MM-dd", Inv);
                state.AlsoDate = whole.ToString("yyyy-MM-dd", Inv);
            }
        }
        if (u.OtherProvider)
        {
            // "someone else", "not sofia", "a different person than the one you said": that provider is left out of the search.
            var notWanted = u.NotStaffId ?? state.StaffId
                ?? state.Offered.FirstOrDefault(o => o.SlotId == state.ChosenSlotId)?.Staff
                ?? (state.Offered.Select(o => o.Staff).Distinct().ToList() is [var only] ? only : null);
            if (notWanted is not null && !state.NotStaff.Contains(notWanted))
            {
                state.NotStaff = [.. state.NotStaff, notWanted];
            }
            // A move's own provider is not known yet: left out once the appointment is found (round 35).
            state.OtherProviderAsked = notWanted is null;
            state.StaffId = null;
            changed = true;
        }
        else if (u.Staff.Kind == StaffMatchKind.Confident && u.Staff.Staff[0].Id != state.StaffId)
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

    /// <summary>
    /// Folds a message another brain answered (the engine did not act on it): its contact details and search facts.
    /// A change of the search drops that brain's offer and read-back, which were for the old one.
    /// </summary>
    public static void Absorb(DialogueState state, Utterance u)
    {
        if (Merge(state, u))
        {
            state.Offered = [];
            state.ChosenSlotId = null;
            state.PendingTool = state.PendingArgs = state.ReadBack = null;
            state.Asked = AgentQuestion.Nothing;
        }
    }

    /// <summary>A service's family: its name before a length in brackets ("Swedish Massage (60 min)" → "Swedish Massage").</summary>
    public static string Family(string name) => name.Split('(')[0].Trim();

    /// <summary>
    /// Whether a message answers a waitlist opening texted to the person: a yes or a no, leaving the list, or another
    /// time or day for it ("yes but 30 min later?", "can it be a bit later? like 11", "no thanks take me off").
    /// </summary>
    public static bool AnswersTextedOffer(Utterance u) => u.YesNo != YesNo.Unknown || u.Intent is Intent.Nevermind or Intent.Affirm or Intent.Deny
        || u.Cues.LeavesList || u.Time is not null || u.ShiftMinutes is not null || u.DayNudge != TimeNudge.None || u.Cues.Nudge != TimeNudge.None
        || (u.Date is not null && u.Services.Kind == ServiceMatchKind.None);

    /// <summary>The message names a service, a day or a time.</summary>
    public static bool HasSlots(Utterance u) => u.Services.Kind != ServiceMatchKind.None || u.Date is not null || u.Time is not null;

    /// <summary>
    /// True when the reply names a service or day other than the ones the offer is for, a place nothing on offer is at
    /// ("ok the marina then" after a closed Mission's times), or anybody after a provider was asked for ("ok whoever then").
    /// </summary>
    public static bool ChangesTheSearch(DialogueState state, Utterance u) => u.OtherProvider || (u.NotWeekdays is { } ruledOut && ruledOut != state.NotDays) ||
        (u.Services.Kind == ServiceMatchKind.Confident && u.Services.Service!.Id != state.ServiceId)
        || (u.Date is { } d && !state.Offered.Any(o => d.Range.Contains(DateOnly.ParseExact(o.Date, "yyyy-MM-dd", Inv))))
        || (u.Location?.Location is { } place && place.Id != state.LocationId && !state.Offered.Any(o => o.Location == place.Name))
        || (u.Staff.Kind == StaffMatchKind.Any && state.StaffId is not null);

    /// <summary>True when every detail a yes carries is already in the read-back ("yes, book the consultation then").</summary>
    public static bool AgreesWithReadBack(DialogueState state, Utterance u)
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

    /// <summary>The open service option the message names, by length, by "the shorter one" or by position; null when none.</summary>
    public static Service? ServiceOption(DialogueState state, Utterance u, SpaProfile profile)
    {
        if (state.Asked != AgentQuestion.Service)
        {
            return null;
        }
        if (state.Together && state.GuestServiceId is null && u.Services.Kind == ServiceMatchKind.Several
            && u.Services.Services.Select(x => x.Category).Distinct(StringComparer.OrdinalIgnoreCase).Skip(1).Any())
        {
            // Both people's services named in one answer ("swedish 90 and the signature one", round 35): each goes with its
            // person (Merge), not one option for both settled by the length said.
            return null;
        }
        var options = state.ServiceOptions;
        if (options.Count > 1 && u.Services.Service is { } said
            && options.SelectMany(o => CatalogLookup.Services(profile, o)).FirstOrDefault(o => o.Id == said.Id) is { } namedOption)
        {
            // A service named among the options wins over a length said with it ("the deep tissue one. 90 min").
            return namedOption;
        }
        if (options.Count > 1 && (OptionByDuration(state, u, profile) ?? ShorterOrLonger(state, u, profile)) is { } byLength)
        {
            return CatalogLookup.Services(profile, byLength.Name) is [var one] ? one : null;
        }
        if (options.Count == 1)
        {
            return CatalogLookup.Services(profile, options[0]) is [var only] ? only : null;
        }
        // "the 2pm" while the kind of facial is asked: a time, not the second option.
        // "whatever is first" is no pick of a service: a choice the person did not make is not made for them.
        if (options.Count > 1 && u.Cues.AnyWillDo && !u.OtherProvider && !Unsure().IsMatch(u.Text) && u.Services.Kind == ServiceMatchKind.None && u.Date is null && u.Time?.Kind is null or TimePreferenceKind.Earliest)
        {
            // "whatever is earliest", "you pick": the first option (the most general); the reply says so, so it can be changed.
            return CatalogLookup.Services(profile, options[0]) is [var first, ..] ? first : null;
        }
        if (options.Count > 1 && u.Cues.Ordinal is { } position && position <= options.Count && u.Time?.Kind != TimePreferenceKind.Exact && !u.Cues.AnyWillDo)
        {
            return CatalogLookup.Services(profile, options[position - 1]) is [var picked] ? picked : null;
        }
        return null;
    }

    /// <summary>The one open service option whose length in minutes the message names ("the 90 minute one").</summary>
    public static Service? OptionByDuration(DialogueState state, Utterance u, SpaProfile profile)
    {
        // "the 90", and "the hour one" (a length said in words).
        var hits = state.ServiceOptions.SelectMany(o => CatalogLookup.Services(profile, o))
            .Where(s => u.Cues.Numbers.Contains(s.DurationMin) || u.Cues.Minutes.Contains(s.DurationMin)).Distinct().ToList();
        return hits.Count == 1 ? hits[0] : null;
    }

    /// <summary>"the shorter one" / "the longer one" among the service options: the shortest or longest.</summary>
    public static Service? ShorterOrLonger(DialogueState state, Utterance u, SpaProfile profile)
    {
        var shorter = u.Cues.Length is LengthCue.Shortest or LengthCue.Shorter;
        var longer = u.Cues.Length is LengthCue.Longest or LengthCue.Longer;
        if (!shorter && !longer)
        {
            return null;
        }
        var options = state.ServiceOptions.SelectMany(o => CatalogLookup.Services(profile, o)).Distinct().ToList();
        if (options.Count < 2)
        {
            return null;
        }
        return shorter ? options.MinBy(o => o.DurationMin) : options.MaxBy(o => o.DurationMin);
    }

    /// <summary>"the shorter one" / "the longer one" while slots for a service are on offer: the same service in another length.</summary>
    public static Service? SiblingByLength(DialogueState state, Utterance u, SpaProfile profile, bool withDay = false)
    {
        var shorter = u.Cues.Length == LengthCue.Shorter;
        var longer = u.Cues.Length == LengthCue.Longer;
        if (state.ServiceId is not { } id || profile.FindService(id) is not { } current)
        {
            return null;
        }
        var family = current.Name.Split('(')[0].Trim();
        if (!shorter && !longer && (u.Date is null || withDay)
            && profile.Services.Where(x => x.Id != current.Id && Family(x.Name) == family
                && (u.Cues.Minutes.Contains(x.DurationMin) || u.Cues.Numbers.Contains(x.DurationMin))).ToList() is [var byLength]
            && (!u.Cues.Minutes.Contains(current.DurationMin) && !u.Cues.Numbers.Contains(current.DurationMin)
                || LengthRuledOut(u.Text, current.DurationMin))
            && (u.Services.Kind == ServiceMatchKind.None || u.Services.Services.Any(x => x.Id == byLength.Id)))
        {
            // "the 90 then" while the 60-minute times are on offer: the same service in the length named.
            return byLength;
        }
        if (!shorter && !longer)
        {
            return null;
        }
        var siblings = profile.Services.Where(x => x.Id != current.Id && x.Name.Split('(')[0].Trim() == family
            && (shorter ? x.DurationMin < current.DurationMin : x.DurationMin > current.DurationMin)).ToList();
        return shorter ? siblings.MaxBy(x => x.DurationMin) : siblings.MinBy(x => x.DurationMin);
    }

    /// <summary>
    /// What a move's change of service asks the appointment to become, read against the service it is now: a service named
    /// ("a pedicure instead"), in the length said when several are named; a length alone ("make it the 90 min") is the same
    /// service in that length. Null when it names no one service, or the one the appointment already is.
    /// </summary>
    public static Service? NewServiceForMove(DialogueState state, SpaProfile profile, Service current)
    {
        var named = state.ChangeServiceTo.Select(profile.FindService).OfType<Service>().ToList();
        var minutes = state.ChangeMinutes;
        var candidates = named.Count > 0
            ? named.Where(x => minutes is null || x.DurationMin == minutes).ToList()
            : minutes is { } length ? [.. profile.Services.Where(x => Family(x.Name) == Family(current.Name) && x.DurationMin == length)] : [];
        if (candidates.Count > 1)
        {
            // "make it the deep tissue" of a massage: the one of the appointment's own length, if one is.
            candidates = candidates.Where(x => x.DurationMin == current.DurationMin).ToList() is [var sameLength] ? [sameLength] : candidates;
        }
        return candidates is [var one] && one.Id != current.Id ? one : null;
    }

    /// <summary>The listed appointment the message names, by position or by service; null when none or several.</summary>
    public static string? PickAppointment(DialogueState state, Utterance u)
    {
        if (state.AppointmentRefs.Count == 0)
        {
            return null;
        }
        if (u.Cues.LastOne)
        {
            // "the later one", "the last one": the last listed (the list is soonest first), however many there are.
            return state.AppointmentRefs[^1];
        }
        if (u.Cues.ThatOne && (state.AppointmentRefs.Count == 1 || state.AppointmentSaid is not null))
        {
            // "that one": the one appointment said, or the one said last ("and the one after?" … "cancel that one").
            return state.AppointmentRefs[Math.Min(state.AppointmentSaid ?? 0, state.AppointmentRefs.Count - 1)];
        }
        if (u.Cues.Ordinal is { } ordinal && ordinal <= state.AppointmentRefs.Count)
        {
            return state.AppointmentRefs[ordinal - 1];
        }
        if (u.Services.Services.Count > 0)
        {
            var names = u.Services.Services.Select(s => s.Name).ToList();
            var hits = state.AppointmentLabels.Select((l, i) => (l, i)).Where(x => names.Any(n => x.l.StartsWith(n, StringComparison.Ordinal))).ToList();
            if (hits.Count == 0)
            {
                // The labels are in the conversation's language ("Masaje sueco (60 min) el martes …"): "el masaje" is matched by
                // the services' own names, as the appointments' list gives them (round 33).
                hits = [.. state.AppointmentServices.Select((l, i) => (l, i)).Where(x => x.i < state.AppointmentRefs.Count && names.Contains(x.l, StringComparer.Ordinal))];
            }
            if (hits.Count == 1)
            {
                return state.AppointmentRefs[hits[0].i];
            }
        }
        if ((u.MoveFrom ?? u.Date?.Range) is { } day && AppointmentsOn(state, day) is [var onThatDay])
        {
            // "the one on the 30th", "the tuesday one to saturday": the appointment's day decides.
            return state.AppointmentRefs[onThatDay];
        }
        return null;
    }

    /// <summary>The positions of the listed appointments that start within <paramref name="range"/>.</summary>
    public static List<int> AppointmentsOn(DialogueState state, DateRange range) =>
        [.. state.AppointmentStarts.Select((start, i) => (start, i))
            .Where(x => x.i < state.AppointmentRefs.Count && DateTime.TryParse(x.start, Inv, DateTimeStyles.None, out var at) && range.Contains(DateOnly.FromDateTime(at)))
            .Select(x => x.i)];

    /// <summary>The one offered slot at the exact time asked for (<see cref="DialogueState.Near"/>) within the days asked for (with <paramref name="provider"/> when given).</summary>
    public static Offer? OfferAtAskedTime(DialogueState state, string? provider = null)
    {
        if (state.Near is not { } near)
        {
            return null;
        }
        var hits = state.Offered.Where(o => o.Time == near && (provider is null || o.Staff == provider)
            && (state.DateStart is null || string.CompareOrdinal(o.Date, state.DateStart) >= 0)
            && (state.DateEnd is null || string.CompareOrdinal(o.Date, state.DateEnd) <= 0)).ToList();
        return hits.Count == 1 ? hits[0] : null;
    }

    /// <summary>
    /// The services a question about length is about, with no day or time, when they come in more than one length: the
    /// services the message names ("how long is the swedish massage": the 60 and the 90 minutes). Empty otherwise (one
    /// service's length is the FAQ's answer about it).
    /// </summary>
    public static List<Service> TimedServices(Utterance u, SpaProfile profile)
    {
        if (!u.Cues.AsksLength || u.Cues.AsksPrice || u.Date is not null || u.Time is not null || QuestionParts.Split(u.Text).Count > 1
            || u.Services.Kind is not (ServiceMatchKind.Candidates or ServiceMatchKind.Several))
        {
            return [];
        }
        var services = u.Services.Services.Select(x => profile.FindService(x.Id)).OfType<Service>().ToList();
        return services.Select(x => x.DurationMin).Distinct().Count() > 1 ? services : [];
    }

    /// <summary>
    /// Of the services given, the one with the lowest listed price (a price above nothing, no other at that price), or none:
    /// "whatever massage is cheapest", "whats the cheapest facial".
    /// </summary>
    public static Service? LowestPriced(IEnumerable<Service> services) =>
        services.Where(x => x.Price is > 0).ToList() is { Count: > 1 } priced
        && priced.Min(x => x.Price) is var lowest && priced.Count(x => x.Price == lowest) == 1
            ? priced.First(x => x.Price == lowest)
            : null;

    /// <summary>
    /// The services a price question is about, with no day or time: the services of the one category the message names
    /// ("prices for facials"), or the services it names (one with a listed price, or several), or, naming none, the
    /// services on offer to choose from ("how much" at "Laser Skin Resurfacing or Dermaplaning?"). Empty otherwise.
    /// </summary>
    public static List<Service> PricedServices(DialogueState state, Utterance u, SpaProfile profile, AgentQuestion askedOnArrival)
    {
        // "whats the cheapest facial" asks the prices of the kind as much as "how much are facials" (the cheapest is named).
        if (!(u.Cues.AsksPrice || u.Cues.Cheapest) || u.Date is not null || u.Time is not null || QuestionParts.Split(u.Text).Count > 1)
        {
            return [];
        }
        var words = u.Text.Split([' ', ',', '.', '?', '!', ';', ':'], StringSplitOptions.RemoveEmptyEntries);
        var categories = profile.Services.Select(s => s.Category).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(c => words.Any(w => w.Equals(c, StringComparison.OrdinalIgnoreCase) || w.Equals(c + "s", StringComparison.OrdinalIgnoreCase)
                || w.Equals(c + "es", StringComparison.OrdinalIgnoreCase))).ToList();
        if (u.Services.Kind != ServiceMatchKind.Confident && categories is [var category])
        {
            return [.. profile.Services.Where(s => s.Category.Equals(category, StringComparison.OrdinalIgnoreCase))];
        }
        return u.Services.Kind switch
        {
            ServiceMatchKind.Confident when profile.FindService(u.Services.Service!.Id) is { Price: not null } one => [one],
            ServiceMatchKind.Candidates or ServiceMatchKind.Several when u.Services.Services.Count > 1 =>
                [.. u.Services.Services.Select(x => profile.FindService(x.Id)).OfType<Service>()],
            ServiceMatchKind.None when askedOnArrival == AgentQuestion.Service && state.ServiceOptions.Count > 1 =>
                [.. state.ServiceOptions.SelectMany(o => CatalogLookup.Services(profile, o)).Distinct()],
            _ => [],
        };
    }

    /// <summary>The one slot offered earlier in this task at the time the message names (see <see cref="Reading.EarlierOfferAtTime"/>).</summary>
    public static Offer? EarlierOfferAtTime(DialogueState state, Utterance u)
    {
        if (state.Asked != AgentQuestion.SlotChoice || u.Time?.Exact is not { } at || u.Time.Kind != TimePreferenceKind.Exact || u.Date is not null
            || u.ChosenSlot is not null || u.Services.Kind != ServiceMatchKind.None || state.EarlierOffers.Count == 0)
        {
            return null;
        }
        var time = at.ToString("HH:mm", Inv);
        if (state.Offered.Any(o => o.Time == time))
        {
            return null;
        }
        var hits = state.EarlierOffers.Where(o => o.Time == time && (state.Phase == DialoguePhase.WaitlistOffer
            || (state.DateStart is null || string.CompareOrdinal(o.Date, state.DateStart) >= 0) && (state.DateEnd is null || string.CompareOrdinal(o.Date, state.DateEnd) <= 0)))
            .DistinctBy(o => o.SlotId).ToList();
        return hits.Count == 1 ? hits[0] : null;
    }

    /// <summary>The slot at the place said in the list offered earlier in this task for the one day the message names, not on offer now (see <see cref="Reading.EarlierOfferAtTime"/>).</summary>
    public static Offer? EarlierOfferOnDay(DialogueState state, Utterance u)
    {
        if (state.Asked != AgentQuestion.SlotChoice || u.Cues.Ordinal is not { } place || u.Time is not null || u.Date is not { } day
            || day.Range.Start != day.Range.End || u.Services.Kind != ServiceMatchKind.None || state.EarlierOffers.Count == 0)
        {
            return null;
        }
        // The place is in that day's list, not in the list on offer now (which the understanding resolved it against).
        var date = day.Range.Start.ToString("yyyy-MM-dd", Inv);
        if (state.Offered.Any(o => o.Date == date))
        {
            return null;
        }
        var thatDay = state.EarlierOffers.Where(o => o.Date == date).DistinctBy(o => o.SlotId).ToList();
        return place <= thatDay.Count ? thatDay[place - 1] : null;
    }

    // "a facial and then a massage", "a botox and a lip filler": services said one after the other, each to be booked.
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:and\s+then|then\s+(?:a|an|the)|followed\s+by|and\s+(?:a|an)|plus\s+(?:a|an)|after\s+that)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex OneAfterAnother();

    /// <summary>The length said as the one not wanted: "90 min not 60", "the 90 instead of the 60", "no 60, 90" (round 30).</summary>
    private static bool LengthRuledOut(string text, int minutes) =>
        NotThatLength().Matches(text).Any(m => m.Groups["n"].Value == minutes.ToString(CultureInfo.InvariantCulture));

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:not|instead\s+of|rather\s+than|no|en\s+vez\s+de)\s+(?:the\s+|el\s+|la\s+|de\s+)?(?<n>\d{2,3})(?!\d)", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NotThatLength();

    // "make hers a gel mani too", "change his to a swedish", "she'll have the hydrafacial instead", "que el de ella sea …":
    // the second person's service changes (round 31).
    // "is that with maya?", "wait is it maya?", "and that's with maya right?", "will it be jordan", "es con maya verdad?", "¿con maya?":
    // whether the time read back is with someone, asked (a yes-or-no question about the read-back, not a request).
    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:(?:hold\s+on|hang\s+on|wait|sorry|oh|um+|uh+|ok(?:ay)?|and|so|just\s+checking|quick\s+question|perd[oó]n|oye|y|entonces)\b[\s,.!-]*)*(?:(?:is|was|will|would)\s+(?:that|it|this|she|he|they)\s+(?:be\s+)?(?:with\s+)?|is\s+with\s+|(?:that'?s|it'?s|thats|its)\s+with\s+|(?:es|ser[aá]|ser[ií]a)\s+con\s+|con\s+)\p{L}+(?:\s+\p{L}+)?(?:\s*,?\s*(?:right|correct|yeah|yes|verdad|cierto|no))?\s*[?.!]*\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex AsksWhetherWith();

    // "instead", "rather", "can i have", "switch": a provider asked for, not asked about.
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:instead|rather|prefer|switch|change|swap|can\s+i|could\s+i|en\s+vez|mejor|prefiero|cambi\w*)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ChangeWords();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:make|change|switch|do)\s+(?:hers|his|theirs|her\s+one|his\s+one|(?:my\s+)?(?:sister|daughter|son|mom|mother|dad|friend|wife|husband|partner)'?s)\b|\b(?:she|he)(?:'ll|\s+will|\s+wants?|\s+can)\s+(?:have|get|do)?\s*(?:a|an|the)\b|\bfor\s+(?:her|him)\s+(?:too|also|instead)\b|\b(?:el|la)\s+de\s+(?:ella|[eé]l)\b|\bpara\s+(?:ella|[eé]l)\s+(?:tambi[eé]n|mejor)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex TheirsMadeAnother();

    /// <summary>
    /// Two days said, a part of the day said in the clause of one of them (round 31): that day and the other, each the next
    /// such weekday from <paramref name="from"/>; null when it is not so.
    /// </summary>
    internal static (DateOnly WithPart, DateOnly Whole)? DayWithPartAndAnother(string text, DateOnly from)
    {
        var days = DayNamed().Matches(text).Select(m => (m.Index, Day: DayDatePair.Weekday(m.Value))).Where(d => d.Day is not null).ToList();
        if (days.Select(d => d.Day).Distinct().Count() != 2)
        {
            return null;
        }
        DayOfWeek? withPart = null;
        var start = 0;
        var lastDay = days.Max(d => d.Index);
        foreach (var end in ClauseBreak().Matches(text).Select(m => (m.Index, Next: m.Index + m.Length)).Append((Index: text.Length, Next: text.Length)))
        {
            var clause = text[start..end.Index];
            var inClause = days.Where(d => d.Index >= start && d.Index < end.Index).Select(d => d.Day).Distinct().ToList();
            // The part of the day in the clause of the last day said holds for both ("martes o miércoles en la tarde"), unless
            // that day was said before too ("tues or wed but not before 2 on tues").
            if (withPart is null && inClause is [{ } only] && PartOfDay().IsMatch(clause)
                && (end.Index <= lastDay || days.Count(d => d.Day == only) > 1))
            {
                withPart = only;
            }
            start = end.Next;
        }
        if (withPart is not { } partDay)
        {
            return null;
        }
        var wholeDay = days.Select(d => d.Day!.Value).First(d => d != partDay);
        static DateOnly Next(DateOnly from, DayOfWeek day) => from.AddDays(((int)day - (int)from.DayOfWeek + 7) % 7);
        return (Next(from, partDay), Next(from, wholeDay));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex DayNamed();

    [System.Text.RegularExpressions.GeneratedRegex(@"[,;]|\b(?:or|but|though|o|pero)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ClauseBreak();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:mornings?|afternoons?|evenings?|nights?|noon|before|after|am|pm|tarde|noche|temprano|ma[nñ]anas|en\s+la\s+ma[nñ]ana|\d{1,2}(?::\d\d)?)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex PartOfDay();

    // "not before 2", "not before 1:30pm", "no antes de las 2".
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:not\s+before|no\s+antes\s+de(?:\s+las?)?)\s+(?<h>\d{1,2})(?::(?<m>\d\d))?\s*(?<ampm>[ap]\.?m\.?)?", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NotBefore();

    /// <summary>
    /// A time said again right after a slip ("two thirty… no three thirty", "at 10, sorry, 11", "a las 2, perdón, a las 3"):
    /// the second one (its half of the day the first one's when not said), or null when there is none.
    /// </summary>
    internal static TimeOnly? SaidAgainAt(string text, TimeOnly first)
    {
        if (SlipThenTime().Match(text) is not { Success: true } slip
            || TimeExpressionParser.Parse(slip.Groups["rest"].Value, expectingTime: true) is not { Kind: TimePreferenceKind.Exact, Exact: { } again } said
            || again == first)
        {
            return null;
        }
        // "2:30 PM … no 3:30": the half of the day of the first when the second was said bare.
        return said.AmPmAssumed && first.Hour >= 12 && again.Hour < 12 && again.Hour + 12 - first.Hour is >= 0 and <= 6 ? again.AddHours(12) : again;
    }

    // A slip and a time said at once after it: "… no three thirty", ", sorry, 11", "… i mean 4", ", perdón, a las 3".
    [System.Text.RegularExpressions.GeneratedRegex(@"(?:\.{2,}|…|,|-|\s)\s*(?:no|nope|sorry|i\s+mean|actually|wait|perd[oó]n|digo|mejor)\b[\s,.…]*(?:no\s+|sorry\s+|wait\s+|i\s+mean\s+)?(?<rest>(?!\d+\s*(?:min|mins|minutes?|minutos?|h\b|hrs?|hours?|horas?|people|persons?|personas?|of\b|%))(?:at\s+|a\s+las?\s+)?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|mediod[ií]a).*)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SlipThenTime();

    // "for me", "para mí" (round 34).
    [System.Text.RegularExpressions.GeneratedRegex(@"\bfor\s+(?:me|myself)\b|\bpara\s+m[ií](?:\s+misma|\s+mismo)?\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ForMe();

    // "for her", "for him", "para ella", "para él" (round 34).
    [System.Text.RegularExpressions.GeneratedRegex(@"\bfor\s+(?:her|him)\b|\bpara\s+(?:ella|[eé]l)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ForThem();

    // "my son wants a …", "my husband a …", "mi hija quiere un …" opening the request (round 34).
    [System.Text.RegularExpressions.GeneratedRegex(@"(?:^\W*|\b(?:and|y|so|hi|hey)\s+|,\s*)(?:my|mi)\s+(?:daughter|son|sister|brother|mom|mother|mum|dad|father|friend|wife|husband|hubby|partner|girlfriend|boyfriend|niece|nephew|hija|hijo|hermana|hermano|mam[aá]|madre|pap[aá]|padre|amiga|amigo|esposa|esposo|novia|novio|sobrina|sobrino)\s+(?:wants?|would\s+like|needs?|will\s+(?:have|get|take)|'ll\s+(?:have|get|take)|is\s+getting|gets|quiere|a|an|un|una)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex OtherPersonWants();

    // "and my daughter a …", "my husband a …", "for my mom", "y mi hija un …", "para mi mamá" (round 34): the other person named beside a kind.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?:\b(?<for>for|para)\s+|\b(?:and|y|plus)\s+|^\W*|,\s*)(?:my|mi)\s+(?:daughter|son|sister|brother|mom|mother|mum|dad|father|friend|wife|husband|hubby|partner|girlfriend|boyfriend|niece|nephew|hija|hijo|hermana|hermano|mam[aá]|madre|pap[aá]|padre|amiga|amigo|esposa|esposo|novia|novio|sobrina|sobrino)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex KindsPerson();

    // "and my sister a …", "for my wife", "para mi mamá", "y mi hija un …": a service said for another person (round 31).
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:and|for|y|para)\s+(?:my|mi)\s+(?:daughter|son|sister|brother|mom|mother|mum|dad|father|friend|wife|husband|partner|girlfriend|boyfriend|niece|nephew|hija|hijo|hermana|hermano|mam[aá]|madre|pap[aá]|padre|amiga|amigo|esposa|esposo|novia|novio|sobrina|sobrino)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex AnotherPersonsOwn();

    /// <summary>
    /// <paramref name="heard"/> as the person wrote it ("Sofía" where the reading has "sofia"): the words of
    /// <paramref name="written"/> that are the same but for accents and case, or <paramref name="heard"/>.
    /// </summary>
    internal static string AsWritten(string heard, string written)
    {
        var want = heard.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var words = System.Text.RegularExpressions.Regex.Split(written, @"[^\p{L}'-]+").Where(w => w.Length > 0).ToArray();
        for (var i = 0; i + want.Length <= words.Length; i++)
        {
            if (want.Select((w, k) => string.Equals(Folded(w), Folded(words[i + k]), StringComparison.OrdinalIgnoreCase)).All(x => x))
            {
                return TitleCase(string.Join(' ', words.Skip(i).Take(want.Length)));
            }
        }
        return heard;
    }

    private static string Folded(string word) =>
        string.Concat(word.Normalize(System.Text.NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark));

    // "doesn't matter", "no sé", "rather not say", "skip it", "no importa", "da igual": the second person's name declined (round 31).
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:(?:doesn'?t|does\s+not|dont|don'?t)\s+matter|no\s+(?:s[eé]|importa|hace\s+falta)|da\s+igual|rather\s+not|prefer\s+not|prefiero\s+no|skip(?:\s+it)?|not\s+sure|idk|dunno|no\s+need|not\s+needed|whatever|nah|no\s+thanks?)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex GuestNameDeclined();

    // The answer to "what's their name?": "mia", "her name is Mia Lopez", "her names lily", "se llama Carmen", "it's Elena".
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:(?:her|his|their|my\s+\w+'?s)\s+name(?:'?s|\s+is|s)?|(?:she|he)(?:'?s|\s+is)(?:\s+(?:called|named))?|it'?s|its|se\s+llama|ella\s+es|[eé]l\s+es|es|name'?s)\s+(?<name>\p{L}[\p{L}'-]*(?:\s+\p{L}[\p{L}'-]*){0,2})\s*[.!]*\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex GuestNameAnswer();

    // With the request: "her name is mia", "his name's Leo", "she's called Mia", "se llama Carmen", "my daughter Lily",
    // "para mi hija Sofía" (a lower-case word after the relation only when it is no word of a request).
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?i:(?:her|his|their)\s+name(?:'?s|\s+is|s)|(?:she|he)(?:'?s|\s+is)\s+called|se\s+llama)\s+(?<name>\p{L}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)?)|\b(?i:(?:my|mi)\s+(?:daughter|son|sister|brother|mom|mother|mum|dad|father|friend|wife|husband|partner|girlfriend|boyfriend|niece|nephew|grandma|hija|hijo|hermana|hermano|mam[aá]|madre|pap[aá]|padre|amiga|amigo|esposa|esposo|novia|novio|sobrina|sobrino|abuela))\s+(?<name>\p{L}[\p{L}'-]*)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex GuestNameBeside();

    // Words that follow "my daughter" in a request and are no name ("my daughter want", "mi hija el jueves").
    private static readonly HashSet<string> NotAName = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "n", "at", "on", "for", "to", "want", "wants", "would", "will", "is", "are", "a", "an", "the", "too", "also", "same", "get",
        "can", "could", "needs", "need", "has", "have", "both", "together", "tomorrow", "today", "tmrw", "this", "next", "who", "her", "his",
        "y", "e", "el", "la", "los", "las", "un", "una", "para", "de", "que", "quiere", "al", "a", "en", "con", "también", "tambien", "juntas", "juntos",
        "mañana", "manana", "hoy", "please", "pls", "plz", "thanks", "lol", "she", "shes", "she's", "he", "hes", "he's", "who", "whos", "just",
        "only", "as", "if", "so", "but", "or", "in", "with", "from", "i", "me", "we", "my", "our", "going", "coming", "wanna", "gonna", "tiene", "es",
        "va", "viene", "quieren", "o", "por", "favor", "porfa", "gets", "needs", "did", "does", "was", "were", "had",
    };

    // A day said where a name could stand ("my daughter thurs", "mi hija el jueves", "for my wife saturday at 11"): no name.
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day)?s?$|^(?:wednesday|saturday|today|tomorrow|tonight|tmrw|tmr|next|this|ma[nñ]ana|hoy|pasado)s?$|^(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex DayWord();

    /// <summary>The second person's name said with the request ("her name is mia", "my daughter Lily"; round 31), title-cased, or null.</summary>
    internal static string? GuestNameWithRequest(string text)
    {
        foreach (System.Text.RegularExpressions.Match m in GuestNameBeside().Matches(text))
        {
            var name = m.Groups["name"].Value;
            if (!NotAName.Contains(name) && !DayWord().IsMatch(name))
            {
                return TitleCase(name);
            }
        }
        return null;
    }

    /// <summary>
    /// The name in an answer to "what's their name?": after "her name is", "se llama"… (one to three words), or the name the
    /// understanding heard where a name was asked ("mia"); title-cased, or null.
    /// </summary>
    internal static string? GuestNameSaid(string text, string? heard)
    {
        if (GuestNameAnswer().Match(text) is { Success: true } m && m.Groups["name"].Value is var name
            && !name.Split(' ').Any(NotAName.Contains) && !DayWord().IsMatch(name))
        {
            return TitleCase(name);
        }
        return heard is null ? null : TitleCase(heard);
    }

    private static string TitleCase(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.IsLower(w[0]) ? char.ToUpperInvariant(w[0]) + w[1..] : w));

    // "same time pls", "at the same time", "same time if possible" beside two people: together (round 30).
    [System.Text.RegularExpressions.GeneratedRegex(@"\bsame\s+time\b|\bmisma\s+hora\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SameTimeSaid();

    /// <summary>"back to back is fine", "uno después del otro": two people one right after the other is fine (round 30).</summary>
    public static bool BackToBackSaid(string text) => BackToBackAsked().IsMatch(text);

    // "… and for my sister", "… y para mi hermana": the words before the other person's open a clause of their own.
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:and|y|plus|then)\s*[,]?\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ClauseOpener();

    // "book it", "grab it for me", "i'll take it", "hold it for me", "apártamela", "resérvamela", "dámela": the thing offered, taken.
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:book|grab|take|hold|reserve|save|lock\s+in|claim)\s+(?:it|that(?:\s+one)?|that\s+spot|the\s+spot)\b|\b(?:ap[aá]rt|r[eé]s[eé]rv|gu[aá]rd|d)[aá]?(?:me)?(?:la|lo)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex TakesIt();

    /// <summary>
    /// The person's place on the waitlist asked about ("is my spot on the waitlist still good?", "am i still on the list",
    /// "¿sigo en la lista de espera?"; round 33), in the message as written.
    /// </summary>
    internal static bool AsksAboutWaitlist(string text) => WaitlistAsked().IsMatch(text);

    /// <summary>
    /// The person's own appointment asked about, as written: "whens my facial", "what time is my massage", "a qué hora es mi
    /// cita", "y a q hora es mi masaje", "cuándo es mi cita" (round 33).
    /// </summary>
    internal static bool AsksOwnAppointment(string text) => OwnAppointmentAsked().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:when'?s|when\s+is|what\s+time'?s|what\s+time\s+is|what\s+day\s+is|(?:a\s+)?q(?:u[eé])?\s+hora\s+es|cu[aá]ndo\s+es|qu[eé]\s+d[ií]a\s+es)\s+(?:my|mi)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex OwnAppointmentAsked();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:wait\s*-?\s*list|waiting\s+list|(?:on|in)\s+(?:the|that|your)\s+list|lista\s+de\s+espera|(?:en|de)\s+la\s+lista)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex WaitlistAsked();

    /// <summary>
    /// "put it back to tuesday at 10 like it was", "can you put it back where it was?", "just put it back to the original time",
    /// "regrésala como estaba", "déjala como estaba", "vuelve a ponerla como antes" (round 33): the appointment moved last in
    /// this conversation, back where it was.
    /// </summary>
    internal static bool PutsItBack(string text) => PutBackWords().IsMatch(text);

    /// <summary>
    /// A cancellation taken back ("wait no keep it", "oh no i didn't mean that", "undo that", "can you put it back", "book it
    /// again", "no lo canceles", "déjala", "como estaba"; round 34), and not left as it is ("leave it cancelled", "déjala cancelada").
    /// </summary>
    internal static bool TakesCancelBack(string text) => (CancelTakenBackWords().IsMatch(text) || PutBackWords().IsMatch(text)) && !LeftCancelled().IsMatch(text);

    /// <summary>
    /// The price or the length asked with no question mark ("wait whats the price first", round 36: not an answer, so the
    /// read-back was put again with no price said).
    /// </summary>
    internal static bool PriceOrLengthAsked(Utterance u) => (u.Cues.AsksPrice || u.Cues.AsksLength) && !u.Cues.AsksLateFee;

    /// <summary>
    /// "the one after lunch", "el de la tarde", "the one in the evening": one time picked by its part of the day (round 36), as
    /// written, so that when nothing on offer is then the part of the day's first opening is put to the person.
    /// </summary>
    internal static bool OneInPartOfDay(string text) => OnePickedByPartOfDay().IsMatch(text);

    /// <summary>
    /// A cancellation taken back later in the conversation, after other talk (round 35): words that name the appointment kept or
    /// wanted back ("can i keep my appointment after all?", "can i just keep the
    /// saturday one then?", "can i have my appointment back?", "al final sí quiero mi cita del jueves", "mejor sí me quedo con mi
    /// cita"). A bare "ok keep it" or "déjala" after other talk is not (round 34: what "it" is is no longer clear). Read only
    /// while a cancel of this conversation is remembered.
    /// </summary>
    internal static bool TakesCancelBackLater(string text) => !LeftCancelled().IsMatch(text)
        && CancelWantedBack().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"\bkeep\s+(?:my|the|[a-z]+'s)\b|\bkeep\s+(?:it|that)\s+after\s+all\b|\b(?:have|get)\s+(?:my|the|that)\s+(?:[\w']+\s+){0,3}?(?:appointment|appt|booking|spot|slot|one)\s+back\b|\b(?:still\s+)?want\s+(?:my|the)\s+(?:appointment|appt|booking)\b|\bal\s+final\s+s[ií]\b|\bme\s+quedo\s+con\s+(?:mi|la|el)\b|\b(?:s[ií]\s+)?quiero\s+(?:mi|la)\s+(?:cita|reserva|turno)\b|\b(?:mantener|conservar|recuperar)\s+(?:mi|la|el)\s+(?:cita|reserva|turno|hora)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex CancelWantedBack();

    /// <summary>
    /// A second thought right after a move ("ay no, mejor el viernes a las 10", "no wait, saturday instead", "hmm actually
    /// friday"; round 33): no, sorry, actually, better, instead, rather; not one more ("also", "another", "too", "otro").
    /// </summary>
    internal static bool SecondThoughtAfterMove(string text) => SecondThoughtWords().IsMatch(text) && !OneMoreWords().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:keep|leave)\s+(?:it|that|this|the\s+appointment|my\s+appointment|the\s+booking)\b|\bdon'?t\s+cancel\s+(?:it|that|this|my)\b|\bdidn'?t\s+mean\s+(?:it|that|to)\b|\bundo\s+(?:that|it|this|the\s+cancel\w*)\b|\b(?:put|get|add)\s+(?:it|that|me)\s+back\b|\b(?:book|schedule)\s+(?:it|that)\s+(?:again|back)\b|\bre-?book\s+(?:it|that)\b|\bno\s+(?:lo|la|me\s+lo|me\s+la)\s+cancel\w*|\bd[eé]ja(?:la|lo)\b|\bdeshaz\w*|\bvu[eé]lv\w*\s+a\s+(?:agendar|reservar|apartar|poner)\w*|\bno\s+quise\s+(?:cancel\w*|decir)|\bsin\s+querer\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex CancelTakenBackWords();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:keep|leave)\s+(?:it|that|this|the\s+appointment|my\s+appointment)\s+cancel+ed\b|\b(?:it'?s|is)\s+fine\s+cancel+ed\b|\bd[eé]ja(?:la|lo)\s+cancelad[ao]\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex LeftCancelled();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:put|move|change|switch|set|take)\s+(?:it|that|this|her|him|them|the\s+appointment|my\s+appointment|it\s+all)\s+back\b|\bback\s+(?:to\s+)?(?:where|how|the\s+way|what)\s+it\s+was\b|\b(?:like|as|how)\s+it\s+was\b|\b(?:the\s+)?original\s+(?:time|day|slot|one|appointment)\b|\bgo\s+back\s+to\s+(?:the\s+)?(?:original|old|first|other)\s+(?:time|one|day|slot)\b|\bundo\s+(?:the|that)\s+(?:move|change)\b|\bcomo\s+(?:estaba|era|antes)\b|\bregr[eé]s\w*|\bvu[eé]lv\w*\s+a\s+poner\w*|\b(?:la\s+hora|el\s+d[ií]a)\s+(?:original|de\s+antes)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex PutBackWords();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:(?:ay|oh|hmm+|um+|uh+|ok(?:ay)?|wait|espera|pensandolo\s+bien|pens[aá]ndolo\s+bien)\b[\s,.!…-]*)*(?:no|nope|nah|sorry|actually|perd[oó]n|mejor|better|rather)\b|\b(?:instead|rather|en\s+vez|mejor|actually|perd[oó]n|on\s+second\s+thought)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SecondThoughtWords();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:also|too|another|one\s+more|as\s+well|otr[oa]|tambi[eé]n|adem[aá]s|book\s+me|ag[eé]nd\w*|res[eé]rv\w*)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex OneMoreWords();

    // "back to back is fine", "one after the other", "uno después del otro", "seguidos": two people one right after the other.
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:back[\s-]+to[\s-]+back|one\s+(?:right\s+)?after\s+(?:the\s+)?other|(?:un[oa]|la\s+una|el\s+uno)\s+(?:justo\s+)?(?:despu[eé]s|detr[aá]s)\s+del?\s+(?:otr[oa]|la\s+otra)|seguid[oa]s)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex BackToBackAsked();

    // "actually just me", "only me then", "solo yo", "nada más para mí": the others dropped ("just me and my sister" is not).
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:just|only)\s+(?:me|myself|for\s+me|one\s+(?:of\s+us|person))\b(?!\s+(?:and|&|\+)\b)|\b(?:s[oó]lo|nada\s+m[aá]s)\s+(?:yo|para\s+m[ií]|una\s+persona)\b(?!\s+y\b)", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex JustMe();

    // "idk whatever", "not sure": no choice made, not "you pick".
    /// <summary>The message points at one thing on offer with "that (one)" or "this (one)" and no more than a few words.</summary>
    public static bool PointsAtOne(string text) => text.Length <= 40 && ThatOne().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:that|this)(?:\s+one)?\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ThatOne();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:idk|dunno|not\s+sure|no\s+idea|i\s+don'?t\s+know)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Unsure();

    /// <summary>Every word of the message starts with a capital ("Carla Nuñez", "Zoë O'Brien-Díaz"): written as a name.</summary>
    /// <summary>
    /// "Lu Hart", "Lou Grey": a name written with capitals that the classifier reads, weakly, as a yes or as starting over
    /// (no yes or no word is in it): the name, not a restart or an unclear yes.
    /// </summary>
    private static bool WeakReadingOfAName(Utterance u) => u.Intent is Intent.Affirm or Intent.Restart && u.Confidence < 0.5
        && u.YesNo == YesNo.Unknown && u.Cues.PlainName && u.Cues.NameCandidate is { } name && name.Split(' ').Length is 2 or 3 && WrittenAsAName(u.Text);

    private static bool WrittenAsAName(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } words
        && words.All(w => char.IsUpper(w[0]));

    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:(?:ok|okay|um+|uh+|hmm+|mm+|eh+|pues|bueno)\W+)*(?:(?:the|that)\s+one|(?:el|la)(?:\s+que\s+es)?)\s+(?:(?:after|before|around|at|in\s+the|de\s+la|en\s+la|por\s+la|del)\s+)?(?:lunch|lunchtime|noon|afternoon|morning|evening|tarde|ma[nñ]ana|noche|mediod[ií]a|almuerzo)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex OnePickedByPartOfDay();

    // "my sister wants a hydrafacial instead", "my cousin actually a …" (round 36): one of the others' service changed.
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:my|mi)\s+(?:daughter|son|sister|brother|mom|mother|mum|dad|father|friend|wife|husband|partner|cousin|aunt|grandma|hija|hijo|hermana|hermano|mam[aá]|madre|pap[aá]|padre|amiga|amigo|esposa|esposo|prima|primo|t[ií]a|abuela)\s+(?:wants?|would\s+(?:like|rather)|'d\s+(?:like|rather)|will\s+(?:have|get|take)|prefers?|actually|instead|rather|needs?|mejor|quiere|prefiere)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex OnePersonChanges();
}
