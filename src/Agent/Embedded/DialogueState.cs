using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Embedded;

/// <summary>The embedded engine's memory of the task in progress; carried on its own assistant messages.</summary>
internal sealed class DialogueState
{
    public DialogueTask? Task { get; set; }
    public string? ServiceId { get; set; }
    public List<string> ServiceOptions { get; set; } = [];
    public string? DateStart { get; set; }
    public string? DateEnd { get; set; }
    public string? After { get; set; }
    public string? Before { get; set; }
    public string? Near { get; set; }
    public string? StaffId { get; set; }
    public string? LocationId { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public AgentQuestion Asked { get; set; }

    /// <summary>The question pending when the last detail came in and the task resumed (a phone asked, a name given).</summary>
    public AgentQuestion AskedBefore { get; set; }
    public DialoguePhase Phase { get; set; }

    /// <summary>The offered slot the person chose, kept through the name, phone and verification steps until it is booked.</summary>
    public string? ChosenSlotId { get; set; }
    public List<Offer> Offered { get; set; } = [];
    public string? PendingTool { get; set; }
    public string? PendingArgs { get; set; }

    /// <summary>The read-back the pending write waits on, as the tool worded it.</summary>
    public string? ReadBack { get; set; }
    public string? AppointmentRef { get; set; }
    public List<string> AppointmentRefs { get; set; } = [];
    public List<string> AppointmentLabels { get; set; } = [];
    public List<string> AppointmentServices { get; set; } = [];

    /// <summary>Local starts of the appointments listed ("2026-11-30T10:00"), for moves relative to them.</summary>
    public List<string> AppointmentStarts { get; set; } = [];

    /// <summary>The providers of the appointments listed, as the tool names them: a move to an exact time keeps its provider.</summary>
    public List<string> AppointmentProviders { get; set; } = [];

    /// <summary>The places of the appointments listed, as the tool names them: a move to an exact time keeps its place with its provider.</summary>
    public List<string> AppointmentLocations { get; set; } = [];

    /// <summary>The listed appointment said alone last ("and the one after?" → the next), as a position in the list; null when the list was said whole.</summary>
    public int? AppointmentSaid { get; set; }

    /// <summary>The listed appointment a cancel or move named ("cancel the second one"), by its label, found again once the list is read anew.</summary>
    public string? AppointmentPicked { get; set; }

    /// <summary>"my usual", "same as last time": the client's recent visits are being looked up for the service (and provider).</summary>
    public bool LookingUpUsual { get; set; }

    /// <summary>The services "the same massage as before" may be (a kind of service named); empty: any.</summary>
    public List<string> UsualAmong { get; set; } = [];

    /// <summary>
    /// "can you cancel the second one" said before the appointments were listed: its place in the list to come (soonest
    /// first; -1 the last), which picks it once the list is read (the read-back says which it is).
    /// </summary>
    public int? AppointmentPosition { get; set; }

    /// <summary>
    /// "push the friday one to saturday", "move my massage, the one on friday afternoon, over to monday": the days of the
    /// appointment a move names ("yyyy-MM-dd"), apart from where it goes; once the list is read, the one on those days.
    /// </summary>
    public string? MoveFromStart { get; set; }

    /// <summary>The last day of <see cref="MoveFromStart"/>'s range.</summary>
    public string? MoveFromEnd { get; set; }

    /// <summary>A move relative to the appointment ("an hour later"), in minutes, until the appointment is known.</summary>
    public int? ShiftMinutes { get; set; }

    /// <summary>"same time": the new slot keeps the appointment's time of day.</summary>
    public bool SameTime { get; set; }

    /// <summary>"that day": the new slot keeps the appointment's day.</summary>
    public bool SameDay { get; set; }

    /// <summary>"later in the day": the new slot is after the appointment's time (before it for "earlier").</summary>
    public TimeNudge DayNudge { get; set; }

    /// <summary>
    /// A move that also changes the service ("and make it a pedicure instead", "que sea de 90 min"): the services the
    /// change names (ids), and the length it names, until the appointment is known.
    /// </summary>
    public List<string> ChangeServiceTo { get; set; } = [];

    /// <summary>The length a move's change of service names ("make it the 90 min"), in minutes.</summary>
    public int? ChangeMinutes { get; set; }

    /// <summary>
    /// The service the appointment being moved becomes: its times are searched as a new booking, read back as "cancel the
    /// old one and book this instead", booked first and the old one cancelled after (<c>replaces_ref</c>).
    /// </summary>
    public string? NewServiceId { get; set; }
    public int Calls { get; set; }

    /// <summary>The person books for more than themselves ("me and my sister"): the offer says one person is booked at a time.</summary>
    public bool WithOthers { get; set; }

    /// <summary>People still to book after this booking, the same service at the same time ("two swedish massages", "my mom and me").</summary>
    public int PartyLeft { get; set; }

    /// <summary>
    /// Two people to be seen at once ("me and my daughter … same time", round 30): their openings are searched as pairs
    /// (two providers free then at the same place), read back together and booked on one yes, both or neither.
    /// </summary>
    public bool Together { get; set; }

    /// <summary>With <see cref="Together"/>: one right after the other is fine ("back to back is fine") when no two are free at once.</summary>
    public bool BackToBack { get; set; }

    /// <summary>The second person's name, when said ("my daughter lily"), for the read-back of two.</summary>
    public string? GuestName { get; set; }

    /// <summary>
    /// With <see cref="Together"/>: the second person's service when it is not the first's ("a massage for me and a facial
    /// for my sister", round 31); their openings are searched as pairs of the two services.
    /// </summary>
    public string? GuestServiceId { get; set; }

    /// <summary>
    /// With <see cref="Together"/> and only kinds of service said ("me a massage and my daughter a facial", round 34): the
    /// category of the other person's kind, so the answer naming both services ("swedish 60 and the hydrafacial") gives each
    /// person theirs whatever order it names them in. Null otherwise.
    /// </summary>
    public string? GuestKind { get; set; }

    /// <summary>
    /// Another day searched whole beside the day of <see cref="DateStart"/>, whose part of the day holds only there ("friday
    /// afternoon or saturday", round 31), as YYYY-MM-DD.
    /// </summary>
    public string? AlsoDate { get; set; }

    /// <summary>The second person's name was asked (round 31): never asked again, whatever the answer was.</summary>
    public bool GuestNameAsked { get; set; }

    /// <summary>The second person's name is the question pending: the next message is read as their name (or as declining it).</summary>
    public bool AwaitingGuestName { get; set; }

    /// <summary>Services still to book after this one, back to back on the same day ("a facial and then a massage"): each a family of ids joined by '|'.</summary>
    public List<string> NextServices { get; set; } = [];

    /// <summary>The second person's search is for this start ("HH:mm", the first booking's): the offer says when it is not open.</summary>
    public string? SameStartAs { get; set; }

    /// <summary>A service of the options put as a yes-or-no question ("Shall I look for a Swedish Massage (60 min)?"): a yes picks it.</summary>
    public string? ProposedService { get; set; }

    /// <summary>A question asked at a read-back is being answered: the read-back is asked again after it, in one line.</summary>
    public bool RestateAfterAnswer { get; set; }

    /// <summary>A question asked at an offer of times is being answered: the times are said again after it, in one line.</summary>
    public bool RestateOffer { get; set; }

    /// <summary>A slot was just picked: the next question for a detail says which one first.</summary>
    public bool EchoPick { get; set; }

    /// <summary>"what's the latest": the next offer puts the day's last opening as a yes-or-no question.</summary>
    public bool SayLatest { get; set; }

    /// <summary>
    /// "first thing monday", "the last appointment friday": the time asked for is the earliest (or the latest); the next offer
    /// leads with that opening as a yes-or-no question and says the others after it, so a yes or "that one" takes it.
    /// </summary>
    public TimePreferenceKind? LeadWith { get; set; }

    /// <summary>The providers not wanted in this task ("someone else", "not Sofia"): the search leaves them out.</summary>
    public List<string> NotStaff { get; set; } = [];

    /// <summary>
    /// "someone else" said for a move before the appointment is known ("can i do my friday facial with someone else?", round 35):
    /// its own provider is left out once the appointment is found.
    /// </summary>
    public bool OtherProviderAsked { get; set; }

    /// <summary>
    /// The treatment being booked is wanted after one's own appointment (round 36): before the search, that appointment is found
    /// (the person's appointments looked up once) and the search runs on its day from its end. Written only when set: an
    /// ordinary state stays within the cheap compression's size (RoundThirtyOneStateColumnTests).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool AfterOwnVisit { get; set; }

    /// <summary>The person's appointments were looked up for <see cref="AfterOwnVisit"/>; their list answers it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool AfterOwnVisitLookup { get; set; }

    /// <summary>Weekdays ruled out ("any day but monday"), English names separated by commas; every search leaves them out.</summary>
    public string? NotDays { get; set; }

    /// <summary>The conversation's language ("en", "es"); the engine words its replies in it. Null: English.</summary>
    public string? Language { get; set; }

    /// <summary>The amount of a fee was asked: the policy's answer is said, then a person is asked to confirm the amount.</summary>
    public bool FeeToTeam { get; set; }

    /// <summary>Replies in a row that answered nothing of the question pending (recovery: the second offers a person).</summary>
    public int Misses { get; set; }

    /// <summary>The question last asked with its choices (<see cref="Asked"/>, the options, the slots, the read-back), to count asks of it.</summary>
    public string? LastQuestion { get; set; }

    /// <summary>
    /// How many times <see cref="LastQuestion"/> has been asked in this stretch, whatever came between (another fact, a
    /// miss): the second ask is worded otherwise, and a third is never made (a person is asked in instead).
    /// </summary>
    public int QuestionAsks { get; set; }

    /// <summary>
    /// The engine handed the conversation to a person for want of understanding; contact details sent since are passed
    /// on to the team rather than met with a fresh "what can I help you with?". A new task starts afresh.
    /// </summary>
    public bool WithTeam { get; set; }

    /// <summary>
    /// The offered slot put to the person as a yes-or-no question ("Would Friday at noon work?") instead of asking
    /// which time a third time: a yes picks it.
    /// </summary>
    public string? ProposedSlotId { get; set; }

    /// <summary>Times said as alternatives at an offer ("3 or 4 whichever", "HH:mm"): the first of them the search finds free is the pick.</summary>
    public List<string> AskedTimes { get; set; } = [];

    /// <summary>The second of two times asked back has been searched on its own (round 27); reset with the offer it gives.</summary>
    public bool EitherTimeSearched { get; set; }

    /// <summary>Slots offered earlier in this task (before the offer now on the table): a time said that matches one is that slot.</summary>
    public List<Offer> EarlierOffers { get; set; } = [];

    /// <summary>
    /// The day the last opening hours, or the date asked for ("what's the date this friday?"), were given for ("yyyy-MM-dd"):
    /// "can I get a massage then" means that day. The name stays as stored conversations have it.
    /// </summary>
    public string? LastHoursDay { get; set; }

    /// <summary>The question the previous reply answered from the FAQ ("do you have parking"): "and is it free?" right after it asks about that.</summary>
    public string? LastFaqQuestion { get; set; }

    /// <summary>The previous reply gave a place's address ("where are you located?"): "miami?" asks about a city, "the marina one?" for that place's address.</summary>
    public bool AddressAnswered { get; set; }

    /// <summary>The fee of a late change was asked beside a cancellation ("i cant make it today, whats the late cancel fee?"): a late refusal says the policy too.</summary>
    public bool LateFeeAsked { get; set; }

    /// <summary>The last question answered with a day's opening hours ("what time do you close on saturday"): "and sunday?" asks it for that day.</summary>
    public string? LastHoursQuestion { get; set; }

    /// <summary>A question asked beside a booking ("do you sell gift cards? also want to book …") is being looked up; the search follows.</summary>
    public bool SearchAfterAnswer { get; set; }

    /// <summary>
    /// A time picked with a question beside it ("oye y hay estacionamiento? bueno la de las 10 me sirve"): the question is
    /// being looked up; this slot is taken once it is answered (the answer said first).
    /// </summary>
    public string? ChooseAfterAnswer { get; set; }

    /// <summary>Said before the next reply (the answer to a question asked beside a booking).</summary>
    public string? SayFirst { get; set; }

    /// <summary>Acknowledgements ("ok", "one sec") answered while a number or e-mail is asked: the first gets "go ahead", the rest "no rush".</summary>
    public int DetailWaits { get; set; }

    /// <summary>Misses in this stretch of asks, in a row or not: on a third ask, two of them hand the conversation to a person.</summary>
    public int StretchMisses { get; set; }

    /// <summary>A price asked with a service and a day ("botox on fridays? and how much per unit"): the offer says the price first.</summary>
    public bool SayPrice { get; set; }

    /// <summary>"maybe dermaplaning instead, is that cheaper?": the service it is compared with, whose listed price the offer says too.</summary>
    public string? PriceComparedWith { get; set; }

    /// <summary>The person answered an offer with a time of their own ("3:30 works"): if the search finds it free, it is their pick.</summary>
    public bool TakeAskedTime { get; set; }

    /// <summary>
    /// A move to an exact time asked first whether the appointment's own provider is free then, at its place (the search in
    /// flight is that narrow one); when they are not, the move's usual search follows (issue 12).
    /// </summary>
    public bool ExactMoveSearch { get; set; }

    /// <summary>
    /// A move's search asked first whether the appointment's own provider is free in the days and times asked (the search in
    /// flight is that narrow one); when they are not, that is said and whoever is free then is searched (round 28).
    /// </summary>
    public bool OwnProviderMoveSearch { get; set; }

    /// <summary>
    /// The own provider's search in flight is narrowed to the appointment's own place (they work at more than one): when it has
    /// nothing, that is said and the provider's other places are searched, then whoever is free (round 29).
    /// </summary>
    public bool OwnPlaceMoveSearch { get; set; }

    /// <summary>
    /// A place was described and not named ("the one by the water"): which location is asked before the search (once),
    /// naming the places; the service and the day stay.
    /// </summary>
    public bool AskLocation { get; set; }

    /// <summary>
    /// "No upcoming appointments. Would you like to book one?" was just said: the next message answers it (a yes starts a
    /// booking with whatever it names, a bare no is taken politely). Cleared once that message is decided.
    /// </summary>
    public bool BookingOffered { get; set; }

    /// <summary>
    /// "move both": the first was left where it was (a no at its read-back, then something else asked), and the next was
    /// asked about once that was answered ("And your Signature Facial …: shall I move that one too?"). The next message
    /// answers it: a yes takes it up (searched, read back, moved only on its own yes), a no leaves it. Cleared once that
    /// message is decided (round 28).
    /// </summary>
    public MovesLeft? NextMoveAsked { get; set; }

    /// <summary>A no was said at a read-back of one of "move both" (its times stay on offer; the others wait in <see cref="MovesLeft"/>).</summary>
    public bool MoveOfManyDeclined { get; set; }

    /// <summary>
    /// A task was just done (booked, cancelled, moved, joined the waitlist): a bare "cool", "yep", "vale" next is the person
    /// acknowledging it, answered with "anything else?". Cleared by any other message.
    /// </summary>
    public bool JustDone { get; set; }

    /// <summary>
    /// The last booking made in this conversation (service id, local start "yyyy-MM-ddTHH:mm", location id): "can u book
    /// the same thing for my friend right after?" books that service again, right after it or at its time. Kept when the
    /// task is reset. In a new conversation, "same time next friday?" sets it to the client's appointment it is about (round 25).
    /// </summary>
    public string? LastBookedService { get; set; }

    /// <summary>
    /// "same time next friday?" right after a booking, asked back as move or another (round 24): the message as written, read
    /// again with the answer ("move it" → a move to that day; "another one" → one more booking then). Null when not asked.
    /// </summary>
    public string? SameAgainAsked { get; set; }

    /// <summary>
    /// The service of a past visit told in this conversation ("i had a hydrafacial last week", "ayer me hice un masaje sueco"):
    /// "i want another one friday" next books it (round 25). Kept when the task is reset.
    /// </summary>
    public string? PastVisitService { get; set; }

    /// <summary>
    /// A visit told with a day that may be to come ("i got a facial on saturday", "tengo un facial el sábado"): the person's
    /// appointments are being looked up to tell their own appointment from a past visit (round 25).
    /// </summary>
    public VisitTold VisitToldCheck { get; set; }

    /// <summary>
    /// "friday the 12th" when the 12th is a Saturday: the two days it may mean ("yyyy-MM-dd"), asked which; the answer's day
    /// or weekday picks one (round 25). Empty when not asked.
    /// </summary>
    public List<string> DayChoices { get; set; } = [];

    /// <inheritdoc cref="LastBookedService"/>
    public string? LastBookedStart { get; set; }

    /// <inheritdoc cref="LastBookedService"/>
    public string? LastBookedLocation { get; set; }

    /// <summary>"right after mine": the next offer reads back the earliest opening from <see cref="After"/> on, the time asked for.</summary>
    public bool RightAfter { get; set; }

    /// <summary>
    /// The person joined the waitlist in this conversation: "did anything open up yet?" is checked against the openings
    /// texted to them (never taken without a yes). Kept when the task is reset.
    /// </summary>
    public bool OnWaitlist { get; set; }

    /// <summary>The service of the waitlist joined last in this conversation: "what other days do you have?" searches it (round 23).</summary>
    public string? WaitlistedService { get; set; }

    /// <summary>The first and last day of the waitlist joined last in this conversation ("2026-11-29"): "anything open up for sunday yet?" asks about it (round 32).</summary>
    public string? WaitlistedFrom { get; set; }

    /// <summary>The last day of the waitlist joined last in this conversation.</summary>
    public string? WaitlistedTo { get; set; }

    /// <summary>Whether the days said lie within the waitlist joined last in this conversation.</summary>
    public bool WithinWaitlist(DateRange days) =>
        WaitlistedFrom is { } from && WaitlistedTo is { } to
        && string.CompareOrdinal(days.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), from) >= 0
        && string.CompareOrdinal(days.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), to) <= 0;

    /// <summary>
    /// The appointment cancelled last in this conversation (round 34): its service id, local start ("2026-11-27T11:00"),
    /// provider id and place id, so a cancel taken back right after the yes ("wait no keep it", "no espera, mejor no lo
    /// canceles") or later in words that name it ("can i keep my appointment after all?", "al final sí quiero mi cita"; round
    /// 35) books that same time again, read back first. Kept until something else is booked or moved. Null when nothing was cancelled.
    /// </summary>
    public string? CancelledService { get; set; }

    /// <summary>The local start of the appointment of <see cref="CancelledService"/>.</summary>
    public string? CancelledStart { get; set; }

    /// <summary>The provider of the appointment of <see cref="CancelledService"/>, when the profile knows them.</summary>
    public string? CancelledStaff { get; set; }

    /// <summary>The place of the appointment of <see cref="CancelledService"/>, when the profile knows it.</summary>
    public string? CancelledLocation { get; set; }

    /// <summary>
    /// The appointment moved last in this conversation (round 33): its local start before the move ("2026-11-24T10:00"),
    /// kept across tasks so "put it back like it was" moves it back there (read back first) and a second move right after the
    /// first ("ay no, mejor el viernes a las 10") is about it. Cleared when another task is done.
    /// </summary>
    public string? MovedFromStart { get; set; }

    /// <summary>Where the appointment of <see cref="MovedFromStart"/> stands now (its local start after the move).</summary>
    public string? MovedToStart { get; set; }

    /// <summary>The service of the appointment of <see cref="MovedFromStart"/>, as the appointments' list names it.</summary>
    public string? MovedService { get; set; }

    /// <summary>
    /// A move of the appointment of <see cref="MovedToStart"/> under way (round 33): once the person's appointments are read
    /// again, the one at this local start is the one moved.
    /// </summary>
    public string? MoveAppointmentAt { get; set; }

    /// <summary>
    /// Two people picked and the caller's own record looked up before the second person's name is asked (round 33): a number
    /// with no record is asked its own name first. Not written while false: an ordinary state stays as small as before.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool CallerLookedUp { get; set; }

    /// <summary>
    /// A waitlist opening texted to the person (found by <c>find_waitlist_offer</c> before their message is read, while
    /// they are on the waitlist from this conversation): "yes" takes it, "no thanks (take me off)" declines it, "can it be
    /// later?" searches near it. Dropped by a message that answers none of that.
    /// </summary>
    public Offer? TextedOffer { get; set; }

    /// <summary>The service of <see cref="TextedOffer"/>.</summary>
    public string? TextedOfferService { get; set; }

    /// <summary>The message waiting while a texted opening is looked up; read once the look-up answers.</summary>
    public string? TextedOfferFor { get; set; }

    /// <summary>
    /// A second booking said beside the yes to a booking's read-back ("yes and also book my sister a facial"), as read
    /// (English): taken up once the first is booked.
    /// </summary>
    public string? ThenBook { get; set; }

    /// <summary>
    /// "cancel both my appointments", "cancela las dos", "cancel all of them": every appointment listed is cancelled, read
    /// back together and done on one yes.
    /// </summary>
    public bool CancelAll { get; set; }

    /// <summary>"move both to next week", "pásame las dos al viernes": every appointment listed is moved, one after another (round 27).</summary>
    public bool MoveAll { get; set; }

    /// <summary>
    /// The appointments still to move after the one under way ("move both to next week"), and where they go: each is searched,
    /// offered, read back and moved on its own yes once the one before is done (round 27). Kept across the reset that ends a move.
    /// </summary>
    public MovesLeft? MovesLeft { get; set; }

    /// <summary>
    /// "cancel the friday and saturday ones", "cancela la del viernes y la del sábado": the days whose appointments are
    /// cancelled, read back together and done on one yes; a day with none is said (round 23).
    /// </summary>
    public List<string> CancelDays { get; set; } = [];

    /// <summary>The name given is someone else's ("book my mom in, her name is Linda Park"): the read-back says who it is for.</summary>
    public bool ForGuest { get; set; }

    /// <summary>A new code was asked for ("i didn't get it") and is being sent: its result says a new one went out.</summary>
    public bool ResendingCode { get; set; }

    /// <summary>"Anything else?" was said to such an acknowledgement: another one gets a closing line, not the same question.</summary>
    public bool AnythingElseSaid { get; set; }

    /// <summary>A length said with a service that comes in another length only ("the deep tissue, 90 min"): the offer says so once.</summary>
    public int? LengthNotOffered { get; set; }

    /// <summary>A provider of a gender asked for beside a service ("a male therapist for deep tissue"): the offer says once that each time shows its provider's name.</summary>
    public bool GenderAsked { get; set; }

    /// <summary>A name, phone or e-mail just corrected at a booking's read-back: the next read-back says it back.</summary>
    public string? ContactCorrection { get; set; }

    /// <summary>The questions of one message still to look up ("… and is there parking?"), and the answers so far.</summary>
    public List<string> QuestionsLeft { get; set; } = [];

    /// <summary>The answers to the earlier questions of the message, said together with the last one.</summary>
    public List<string> AnswersSoFar { get; set; } = [];

    // The states this process wrote, by the JSON text they were written as: a turn's next model step reads the state its
    // previous step has just written (on the message that step returned), and takes the object instead of parsing the
    // text again. Keyed by the string instance, so a state read back from the store (a new string) is always parsed.
    private static readonly ConditionalWeakTable<string, DialogueState> Written = new();

    public static DialogueState Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return new DialogueState();
        }
        // Taken once (whoever takes it may change it), and only while it still says exactly what it was written as: a
        // state changed after it was written is parsed from its text like any other. Serializing costs less than parsing.
        if (Written.TryGetValue(json, out var written) && Written.Remove(json)
            && JsonSerializer.Serialize(written, Conversations.StateJsonContext.Default.DialogueState) == json)
        {
            return written;
        }
        try
        {
            return JsonSerializer.Deserialize(json, Conversations.StateJsonContext.Default.DialogueState) ?? new DialogueState();
        }
        catch (JsonException)
        {
            // A state stored by an older engine (string phases): start the task afresh rather than fail the turn.
            return new DialogueState();
        }
    }

    public string Serialize()
    {
        var json = JsonSerializer.Serialize(this, Conversations.StateJsonContext.Default.DialogueState);
        Written.AddOrUpdate(json, this);
        return json;
    }

    /// <summary>A copy to try a merge on (the tracker replaces lists, never changes them in place).</summary>
    public DialogueState Copy() => (DialogueState)MemberwiseClone();

    public void ResetTask()
    {
        Task = null;
        ServiceId = null;
        ServiceOptions = [];
        DateStart = DateEnd = After = Before = Near = StaffId = LocationId = null;
        AfterOwnVisit = AfterOwnVisitLookup = false;
        Asked = AskedBefore = AgentQuestion.Nothing;
        Phase = DialoguePhase.None;
        ChosenSlotId = null;
        Offered = [];
        PendingTool = PendingArgs = ReadBack = null;
        AppointmentRef = null;
        AppointmentRefs = [];
        AppointmentLabels = [];
        AppointmentServices = [];
        AppointmentStarts = [];
        AppointmentProviders = [];
        AppointmentLocations = [];
        AppointmentSaid = null;
        AppointmentPicked = null;
        AppointmentPosition = null;
        MoveFromStart = MoveFromEnd = null;
        CancelAll = MoveAll = MoveOfManyDeclined = false;
        MovesLeft = null;
        CancelDays = [];
        LookingUpUsual = false;
        UsualAmong = [];
        TextedOffer = null;
        TextedOfferService = null;
        ShiftMinutes = null;
        SameTime = SameDay = WithOthers = Together = BackToBack = false;
        GuestName = GuestServiceId = AlsoDate = GuestKind = null;
        GuestNameAsked = AwaitingGuestName = CallerLookedUp = false;
        MoveAppointmentAt = null;
        PartyLeft = 0;
        VisitToldCheck = VisitTold.None;
        DayChoices = [];
        NextServices = [];
        SameStartAs = null;
        NotStaff = [];
        OtherProviderAsked = false;
        NotDays = null;
        EchoPick = SayLatest = false;
        LeadWith = null;
        ProposedService = null;
        RestateAfterAnswer = RestateOffer = false;
        DayNudge = TimeNudge.None;
        ChangeServiceTo = [];
        ChangeMinutes = null;
        NewServiceId = null;
        ContactCorrection = null;
        LastQuestion = null;
        QuestionAsks = 0;
        ProposedSlotId = null;
        StretchMisses = 0;
        DetailWaits = 0;
        AskedTimes = [];
        EitherTimeSearched = false;
        EarlierOffers = [];
        LengthNotOffered = null;
        GenderAsked = false;
        TakeAskedTime = false;
        ExactMoveSearch = OwnProviderMoveSearch = OwnPlaceMoveSearch = false;
        AskLocation = false;
        RightAfter = false;
        SayPrice = false;
        PriceComparedWith = null;
        WithTeam = false;
        ThenBook = null;
    }
}

/// <summary>What the person is trying to get done.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DialogueTask>))]
internal enum DialogueTask
{
    /// <summary>Book a new appointment.</summary>
    Book,

    /// <summary>Cancel an existing appointment.</summary>
    Cancel,

    /// <summary>Move an existing appointment.</summary>
    Reschedule,

    /// <summary>Hear their upcoming appointments.</summary>
    List,

    /// <summary>Join the waitlist.</summary>
    Waitlist,

    /// <summary>Take a waitlist opening texted to them.</summary>
    AcceptOffer,
}

/// <summary>A step of the task that is neither a question nor a read-back.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DialoguePhase>))]
internal enum DialoguePhase
{
    /// <summary>Nothing beyond the question pending.</summary>
    None,

    /// <summary>Waiting for the number to text a verification code to.</summary>
    VerifyPhone,

    /// <summary>Waiting for the six-digit code.</summary>
    VerifyCode,

    /// <summary>Nothing open as asked: alternatives or the waitlist are on offer.</summary>
    WaitlistOffer,

    /// <summary>Several appointments: waiting for which one.</summary>
    PickAppointment,

    /// <summary>A waitlist opening was texted (<see cref="DialogueState.TextedOffer"/>): the message is read as its answer.</summary>
    TextedOffer,
}

/// <summary>A slot the engine offered; for two people at once (round 30), with the second person's slot, booked with it on one yes.</summary>
internal sealed record Offer(string SlotId, string Date, string Time, string Staff, string Label, string? Location = null, string? WithSlotId = null);

/// <summary>What a visit told with a day to come is, until the person's appointments say (round 25).</summary>
public enum VisitTold
{
    /// <summary>Nothing being checked.</summary>
    None,

    /// <summary>"i got a facial on saturday": their appointment then if they have one, else a past visit.</summary>
    PastOrComing,

    /// <summary>"tengo un facial el sábado", "i have a facial on saturday": their appointment; none then is said so.</summary>
    Coming,
}

/// <summary>
/// The moves left of "move both …" (round 27): the appointments' references and labels (soonest first), the list they came
/// from, and the day and time asked for all of them.
/// </summary>
internal sealed record MovesLeft(
    List<string> Refs,
    List<string> AllRefs,
    List<string> AllLabels,
    List<string> AllServices,
    List<string> AllStarts,
    List<string> AllProviders,
    List<string> AllLocations,
    string? DateStart,
    string? DateEnd,
    string? After,
    string? Before,
    string? Near,
    bool SameTime,
    bool SameDay,
    int? ShiftMinutes,
    TimeNudge DayNudge);
