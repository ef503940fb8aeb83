using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Embedded;

/// <summary>What the engine does next after a message (carried out by the engine, worded from prompts/replies.yaml).</summary>
internal enum PolicyAction
{
    /// <summary>Keep the contact details given before any task and say so.</summary>
    NoteContact,

    /// <summary>Continue the task from where it stopped (the chosen slot is kept).</summary>
    Resume,

    /// <summary>Keep the contact details given and ask the question pending again (not a miss).</summary>
    AskPendingAgain,

    /// <summary>"why do you need my number?" at a read-back: why it is kept, then the same read-back in one line (not the spa's own number).</summary>
    SayWhyAtReadBack,

    /// <summary>A name or e-mail given where the number to verify was asked: kept, the task kept, the number asked again in other words.</summary>
    AskVerifyPhoneAgain,

    /// <summary>Forget the task and start again.</summary>
    Restart,

    /// <summary>Forget the task.</summary>
    NeverMind,

    /// <summary>The last booking's service again for someone else, right after it or at its time ("can u book the same thing for my friend right after?").</summary>
    BookSameForAnother,

    /// <summary>The last booking's service at its time, on the day said: one more booking, read back when that time is open.</summary>
    BookSameAgain,

    /// <summary>"same time next friday?" after a booking, with no word of a move or of another: asked which (round 24).</summary>
    AskMoveOrAnother,

    /// <summary>The answer to <see cref="AskMoveOrAnother"/> ("move it", "another one"): the question read again with it.</summary>
    AnswerMoveOrAnother,

    /// <summary>
    /// "same time next friday?" in a conversation with no booking made: the person's appointments looked up (the tool decides
    /// who may see them), then <see cref="AskMoveOrAnother"/> about the one it means (round 25).
    /// </summary>
    LookUpForMoveOrAnother,

    /// <summary>
    /// "i got a facial on saturday" (a day that may be to come), "tengo un facial el sábado": the person's appointments looked
    /// up; their appointment then is shown and asked about, else a past visit (or none then) is said (round 25).
    /// </summary>
    LookUpVisitTold,

    /// <summary>"i want another one friday" after a past visit told: a booking of that visit's service (round 25).</summary>
    BookPastVisitAgain,

    /// <summary>"friday the 12th" when the 12th is a Saturday: which of the two days is asked, none guessed (round 25).</summary>
    AskWhichOfTwoDays,
    SearchOtherDaysForWaitlisted,

    /// <summary>"never mind" / "nvm" / "olvidelo" with nothing under way: taken calmly, nothing said to be dropped.</summary>
    NothingToDrop,

    /// <summary>One of "move both" left where it was on a no: the next asked about (round 28).</summary>
    AskNextMove,

    /// <summary>The next of "move both", asked about after the first was left, taken up on a yes (round 28).</summary>
    MoveNextAsked,

    /// <summary>The next of "move both", asked about after the first was left, left as it is on a no (round 28).</summary>
    LeaveNextMove,

    /// <summary>Say what the assistant can help with.</summary>
    OutOfScope,

    /// <summary>The appointment just cancelled, taken back right after the yes: its time searched again and read back (round 34).</summary>
    RebookCancelled,

    /// <summary>The appointment moved last in this conversation, back where it was: its old time searched and read back (round 33).</summary>
    PutMovedBack,

    /// <summary>The appointment just moved, moved again to the day or time of a second thought (round 33).</summary>
    MoveAgain,

    /// <summary>You're welcome.</summary>
    Thanks,

    /// <summary>A task just done and a bare "cool" / "yep": "anything else I can help with?".</summary>
    AnythingElse,

    /// <summary>Forget the task and say goodbye.</summary>
    Goodbye,

    /// <summary>Small talk, or the AI disclosure when asked about the assistant.</summary>
    Smalltalk,

    /// <summary>The person asked for a person.</summary>
    HandToPerson,

    /// <summary>Call the write the read-back was for.</summary>
    Write,

    /// <summary>Answer a question asked at a read-back, then ask the read-back again in one line.</summary>
    AnswerAtReadBack,

    /// <summary>"is that with maya?" at a read-back: yes or no from the read-back, then the read-back again in one line (round 32).</summary>
    SayProviderAtReadBack,

    /// <summary>Ask the read-back again as a yes-or-no question.</summary>
    AskReadBackAgain,

    /// <summary>Say nothing was booked / cancelled.</summary>
    SayDeclined,

    /// <summary>Pick the offered slot a correction at the read-back named.</summary>
    ChooseCorrectedSlot,

    /// <summary>Search again with the correction.</summary>
    SearchAgain,

    /// <summary>Ask "one of those times, or the waitlist?" again.</summary>
    AskSlotsOrWaitlist,

    /// <summary>Go on to join the waitlist.</summary>
    JoinWaitlist,

    /// <summary>Check the six-digit code.</summary>
    VerifyCode,

    /// <summary>The code did not come: text a new one to the same number and say so.</summary>
    ResendCode,

    /// <summary>"ok" / "one sec" while the code is awaited: a short "take your time", not a miss.</summary>
    WaitForCode,

    /// <summary>Text a code to the number given.</summary>
    SendCode,

    /// <summary>Ask for the name again.</summary>
    AskName,

    /// <summary>Take the reply as the name and continue.</summary>
    TakeName,

    /// <summary>Pick the offered slot the reply names.</summary>
    ChooseSlot,

    /// <summary>Pick the earliest slot on offer.</summary>
    ChooseEarliest,

    /// <summary>"ok whoever then" at an offer with nobody asked for: the first time on offer put as a yes-or-no question.</summary>
    ProposeFirstOffered,

    /// <summary>A price asked with a service and a day: search, and say the price with the offer.</summary>
    SearchWithPrice,

    /// <summary>Search again past the times on offer ("nothing later?", "anything earlier?").</summary>
    SearchPastOffer,

    /// <summary>"whats the latest": search the day in play for its last openings and put the latest as a yes-or-no question.</summary>
    SearchLatest,

    /// <summary>Pick the only slot on offer.</summary>
    ChooseOnlySlot,

    /// <summary>Pick the offered slot at the exact time the person asked for (they gave their details at the offer).</summary>
    ChooseAskedTime,

    /// <summary>Pick the offered time put to the person as a yes-or-no question.</summary>
    ChooseProposedSlot,

    /// <summary>The conversation is with the team: say so (a yes or a name does not bring back what was on offer).</summary>
    StillWithTeam,

    /// <summary>Two times said as alternatives at an offer ("3 or 4 whichever"): search both on the day in play.</summary>
    SearchEitherTime,

    /// <summary>Pick the slot offered earlier in this task at the time said.</summary>
    ChooseEarlierOffer,

    /// <summary>Keep what the person said while a code or the number to verify is pending, say so, and ask for it again.</summary>
    KeepWhileVerifying,

    /// <summary>Say the menu prices of the services a price question is about.</summary>
    SayPrices,

    /// <summary>Say each listed length of the services a length question is about ("how long is the swedish": 60 and 90 minutes).</summary>
    SayLengths,
    SayMenu,

    /// <summary>"and sunday?" after an hours answer: the same question for that day.</summary>
    AskHoursForDay,

    /// <summary>"and is it free?" right after a FAQ answer: looked up together with the question answered.</summary>
    AskFaqFollowUp,

    /// <summary>Say a treatment asked about is not one we offer, and what we do offer.</summary>
    SayNotOffered,

    /// <summary>A detail asked after a pick and "ok that one": the pick kept, the detail asked again.</summary>
    AskDetailForPick,
    WaitForDetail,
    AnswerAtServiceChoice,

    /// <summary>Ask which of the listed appointments again.</summary>
    AskWhichAppointment,

    /// <summary>Ask which of the service options again.</summary>
    AskServiceChoice,

    /// <summary>Search the same service in the other length ("the shorter one").</summary>
    SwitchServiceLength,

    /// <summary>Take the service put as a yes-or-no question and search.</summary>
    PickProposedService,

    /// <summary>Take the service option named and search.</summary>
    PickServiceOption,

    /// <summary>Continue the cancel or move with the appointment named.</summary>
    PickAppointment,

    /// <summary>"and the one after?" after the person's appointments were said: the next one on the list.</summary>
    SayNextAppointment,

    /// <summary>"my usual", "same as last time": look up the client's recent visits for the service and provider.</summary>
    LookUpUsual,

    /// <summary>Start a cancellation (list the appointments).</summary>
    StartCancel,

    /// <summary>Start a move (list the appointments).</summary>
    StartReschedule,

    /// <summary>List the appointments.</summary>
    ListAppointments,

    /// <summary>Start joining the waitlist.</summary>
    StartWaitlist,

    /// <summary>Look the question up in the FAQ.</summary>
    AnswerFaq,

    /// <summary>Say hello.</summary>
    Greet,

    /// <summary>Nothing open, "one of those, or the waitlist?" answered no ("no thanks, ill try another time"): nothing joined, the task closed politely.</summary>
    DeclineSlotsAndWaitlist,

    /// <summary>"did anything open up yet?" after joining the waitlist: say whether an opening was texted (taken only on a yes).</summary>
    CheckWaitlistOffer,

    /// <summary>"take me off the list" on the waitlist with no opening pending: no tool leaves it, so the team is asked to (a hand-off).</summary>
    LeaveWaitlistByTeam,

    /// <summary>Look for a waitlist opening texted to this person and take it.</summary>
    AcceptWaitlistOffer,

    /// <summary>A waitlist opening texted, and another time or day asked for it ("yes but 30 min later?"): that service searched near it.</summary>
    SearchNearTextedOffer,

    /// <summary>A waitlist opening texted and declined ("no thanks", "no thanks take me off"): let go, on the waitlist or off it as said.</summary>
    DeclineTextedOffer,

    /// <summary>A waitlist opening texted and a clear yes in words: taken (as the SMS channel's YES takes it).</summary>
    TakeTextedOffer,

    /// <summary>Ask which of the offered times again.</summary>
    AskSlotChoiceAgain,

    /// <summary>Say the service is not one we offer, with the list.</summary>
    AskUnknownService,

    /// <summary>A request with a day or time for something not on the menu: keep the day and time, say what we offer.</summary>
    NotOnTheMenu,

    /// <summary>Merge and take the move's next step (ask the day, or search).</summary>
    ContinueReschedule,

    /// <summary>Merge and take the waitlist's next step.</summary>
    ContinueWaitlist,

    /// <summary>Say the message was not understood.</summary>
    NotUnderstood,

    /// <summary>
    /// A booking instead of what was under way: a yes to "would you like to book one?" after no appointments were found,
    /// or "ok then I want to book one" while a number is verified for a change. Starts a booking with what it names.
    /// </summary>
    BookInstead,

    /// <summary>A no to "would you like to book one?": taken politely, anything else offered.</summary>
    SayBookingNotWanted,

    /// <summary>"why do u need my number?" while a detail is asked after a pick: why, and the detail asked again; the pick is kept.</summary>
    SayWhyDetail,

    /// <summary>The times on offer said again, as asked ("can you repeat that"); not a miss, and not another ask counted.</summary>
    RepeatOffer,

    /// <summary>The service or day question said again, as asked ("sorry, what was that"); not a miss, not "never mind".</summary>
    RepeatQuestion,

    /// <summary>
    /// Only confusion said at a question ("lol what", "huh?", "que?"): the question again, plainly, with its choices (the
    /// times, the kinds of service, the places, a yes or no); a miss.
    /// </summary>
    ClarifyPending,

    /// <summary>A city none of the business's places is in asked about: where the business is, with its places; nothing started.</summary>
    SayWhereWeAre,

    /// <summary>"the marina one?" right after the address: that place's address, from the FAQ (the question before, for that place).</summary>
    SayAddressOfPlace,

    /// <summary>A group of four or more: a person arranges it (<c>group_to_team</c>, a <c>human_request</c> hand-over); nothing searched.</summary>
    HandGroupToTeam,

    /// <summary>Merge; ask for the most important missing piece (the service) or search and offer.</summary>
    Search,
}

/// <summary>One row of the policy: when it applies, what follows, and whether the reply counts as a miss.</summary>
/// <param name="When">The condition, in words (shown by tests and in docs/engine.md).</param>
/// <param name="Applies">The condition, on the state and the message's reading.</param>
/// <param name="Then">The action.</param>
/// <param name="IsMiss">The reply answered nothing of the question pending: the first miss asks again, the second offers a person.</param>
/// <param name="Id">The row's name in docs/engine.md and in tests, unique in the table (rows added since round 8 have one).</param>
internal sealed record PolicyRule(string When, Func<DialogueState, Reading, bool> Applies, PolicyAction Then, bool IsMiss = false, string? Id = null);

/// <summary>
/// The policy: a table from the state (after <see cref="DialogueTracker"/> folded the message in) to the next action.
/// Rows are tried in order and the first that applies acts; the order is the stated priority (docs/engine.md).
/// Every condition reads typed facts only: the state, the <see cref="Utterance"/> and the <see cref="Reading"/>.
/// </summary>
internal static class DialoguePolicy
{
    private static bool StartsATask(Intent i) =>
        i is Intent.Book or Intent.Availability or Intent.Cancel or Intent.Reschedule or Intent.Waitlist or Intent.Faq or Intent.MyAppointments or Intent.Human;

    /// <summary>The table, highest priority first.</summary>
    public static IReadOnlyList<PolicyRule> Rules { get; } =
    [
        // A waitlist opening texted (looked up before the message was read): the message answers it.
        new("a waitlist opening texted, and another time or day asked for it (\"yes but 30 min later?\", \"can it be a bit later? like 11\")", (s, r) =>
            s.Phase == DialoguePhase.TextedOffer && s.TextedOffer is not null && !r.U.Cues.LeavesList
            && (r.U.Time is not null || r.U.ShiftMinutes is not null || r.U.DayNudge != TimeNudge.None || r.U.Cues.Nudge != TimeNudge.None || r.U.Date is not null),
            PolicyAction.SearchNearTextedOffer, Id: "r14-texted-offer-other-time"),
        new("a waitlist opening texted and a no, or leaving the list (\"no thanks take me off\", \"no gracias, sácame de la lista\")", (s, r) =>
            s.Phase == DialoguePhase.TextedOffer && s.TextedOffer is not null
            && (r.U.Cues.LeavesList || r.U.YesNo == YesNo.No || r.U.Intent is Intent.Nevermind or Intent.Deny),
            PolicyAction.DeclineTextedOffer, Id: "r14-texted-offer-declined"),
        new("a waitlist opening texted and a clear yes in words (\"yes please book it\"; a lone letter or emoji is no yes)", (s, r) =>
            s.Phase == DialoguePhase.TextedOffer && s.TextedOffer is not null && r.U.YesNo == YesNo.Yes && !r.U.Cues.TooShortToConfirm
            && r.Tools.Contains("accept_waitlist_offer"), PolicyAction.TakeTextedOffer, Id: "r14-texted-offer-taken"),

        // Contact details, wherever they come.
        new("an appointment cancelled (on the yes to its read-back) and the cancel taken back at once (\"wait no keep it\", \"undo that\", \"no espera, mejor no lo canceles\", \"déjala como estaba\") or later in words that name it (\"can i keep my appointment after all?\", \"al final sí quiero mi cita del jueves\"; round 35), no other day said: its service, day, time and provider searched again and read back; booked only on the yes",
            (s, r) => r.CancelTakenBack && s.Task is null && s.PendingTool is null && s.CancelledStart is not null && s.CancelledService is not null
                && (r.U.Date is null || SaysCancelledDay(s, r)) && (r.U.Services.Kind == ServiceMatchKind.None || r.U.Services.Services.Any(x => x.Id == s.CancelledService))
                && r.U.Intent is not (Intent.Human or Intent.Waitlist or Intent.Goodbye),
            PolicyAction.RebookCancelled, Id: "r34-cancel-taken-back"),
        new("on the waitlist, nothing opened up (looked up this turn), and the person's own appointment asked beside it (\"am i still on the list for sat and whens my facial\", \"¿sigo en la lista? ¿y a qué hora es mi masaje del martes?\"): their appointments said, the waitlist first",
            (s, r) => r.WaitlistAndOwnAppointmentAsked && s.Task is null && s.PendingTool is null && r.Tools.Contains("list_appointments"),
            PolicyAction.ListAppointments, Id: "r33-waitlist-and-own-appointment"),
        new("no task yet, only contact details given", (s, r) => s.Task is null && r.ContactGiven && !r.HasSlots && !StartsATask(r.U.Intent), PolicyAction.NoteContact),
        new("waiting for a number to verify and a name or e-mail given instead (\"Jenny Park\")", (s, r) => s.Phase == DialoguePhase.VerifyPhone && s.Task is not null
            && r.U.Phone is null && r.U.Cues.Code is null && (r.U.Name is not null || r.U.Email is not null) && !r.HasSlots
            && r.U.Intent is not (Intent.Restart or Intent.Nevermind or Intent.Goodbye or Intent.Human), PolicyAction.AskVerifyPhoneAgain),
        new("a name, phone or e-mail asked for and given", (s, r) => r.ContactGiven && s.Task is not null && s.Asked is AgentQuestion.Name or AgentQuestion.Phone or AgentQuestion.Email && s.Phase != DialoguePhase.VerifyPhone, PolicyAction.Resume),
        new("contact details corrected at a booking's read-back", (_, r) => r.ReadBack == ReadBackAnswer.ContactCorrected, PolicyAction.Resume),
        new("only contact details while a time, a service or a day is asked", (s, r) => r.ContactGiven && s.Task is not null
            && s.Asked is AgentQuestion.SlotChoice or AgentQuestion.Service or AgentQuestion.Date && !r.HasSlots && r.Chosen is null
            && r.U.Staff.Kind == StaffMatchKind.None && !StartsATask(r.U.Intent) && r.U.Intent is not (Intent.Restart or Intent.Goodbye)
            && !(s.Asked == AgentQuestion.SlotChoice && r.OfferAtAskedTime is not null), PolicyAction.AskPendingAgain),

        new("with the team and nothing new asked (a yes, a no, a name)", (s, r) => s.WithTeam && s.Task is null && !r.HasSlots && !r.U.Cues.IsQuestion
            && r.U.Intent is not (Intent.Book or Intent.Availability or Intent.Cancel or Intent.Reschedule or Intent.Waitlist or Intent.MyAppointments or Intent.Faq
                or Intent.Human or Intent.Restart or Intent.Goodbye or Intent.Thanks or Intent.Greeting), PolicyAction.StillWithTeam),

        // "No upcoming appointments. Would you like to book one?": the answer, whatever the classifier reads around the yes.
        new("no appointments found, a booking offered, and a yes (\"si\", \"yes, a massage friday\")", (s, r) => s.BookingOffered && r.U.YesNo == YesNo.Yes
            && r.U.Intent is not (Intent.Cancel or Intent.Reschedule or Intent.Human or Intent.Restart or Intent.Nevermind or Intent.MyAppointments), PolicyAction.BookInstead),
        new("no appointments found, a booking offered, and a bare no", (s, r) => s.BookingOffered && r.U.YesNo == YesNo.No && !r.HasSlots
            && r.U.Intent is not (Intent.Cancel or Intent.Reschedule or Intent.Human or Intent.Book or Intent.Availability), PolicyAction.SayBookingNotWanted),

        // "move both", the first left where it was and the next asked about after a question (round 28).
        new("one of \"move both\" declined at its read-back, its times still on offer, and a bare no (\"no thanks\", \"nah leave it\"): it stays, the next is asked about",
            (s, r) => s.MoveOfManyDeclined && s.MovesLeft is { Refs.Count: > 0 } && s.Asked == AgentQuestion.SlotChoice && s.PendingTool is null
                && (r.U.YesNo == YesNo.No || r.U.Intent is Intent.Nevermind or Intent.Deny) && !r.HasSlots && r.Chosen is null && r.U.Date is null && r.U.Time is null
                && r.U.Intent is not (Intent.Cancel or Intent.Human or Intent.Book or Intent.Availability or Intent.Faq),
            PolicyAction.AskNextMove, Id: "r28-first-move-left"),
        new("the next of \"move both\" asked about after the first was left, and a yes (\"yes\", \"sure move that one\")", (s, r) => s.NextMoveAsked is not null
            && r.U.YesNo == YesNo.Yes && r.U.Intent is not (Intent.Cancel or Intent.Human or Intent.Restart or Intent.Nevermind or Intent.MyAppointments),
            PolicyAction.MoveNextAsked, Id: "r28-next-move-yes"),
        new("the next of \"move both\" asked about after the first was left, and a no (\"no leave it\", \"no, esa déjela así\")", (s, r) => s.NextMoveAsked is not null
            && (r.U.YesNo == YesNo.No || r.U.Intent is Intent.Nevermind or Intent.Deny) && !r.HasSlots
            && r.U.Intent is not (Intent.Cancel or Intent.Human or Intent.Book or Intent.Availability),
            PolicyAction.LeaveNextMove, Id: "r28-next-move-no"),

        new("no task, a booking made in this conversation, and the same thing asked for someone else, no other service named (\"can u book the same thing for my friend right after?\", \"lo mismo para mi amiga justo despues\")",
            (s, r) => s.Task is null && s.LastBookedService is not null && r.U.Cues.SameForAnother && r.U.Services.Kind == ServiceMatchKind.None
                && r.U.Intent is not (Intent.Cancel or Intent.Reschedule or Intent.Human or Intent.Restart or Intent.Nevermind or Intent.Goodbye or Intent.MyAppointments),
            PolicyAction.BookSameForAnother, Id: "r11-same-for-someone-else"),
        new("no task, a booking made in this conversation, and the same time on another day with neither a word of one more nor of a move (\"same time next friday?\"): asked which, nothing changed",
            (s, r) => s.Task is null && s.LastBookedService is not null && s.LastBookedStart is { Length: >= 10 } && r.U.Cues.SameTimeUnclear && r.U.Date is not null && r.U.Services.Kind == ServiceMatchKind.None
                && r.U.Intent is not (Intent.Cancel or Intent.Human or Intent.Restart or Intent.Nevermind or Intent.Goodbye or Intent.MyAppointments),
            PolicyAction.AskMoveOrAnother, Id: "r24-same-time-unclear"),
        new("no task, no booking made in this conversation, and the same time on another day with neither a word of one more nor of a move (\"same time next friday?\" from a client texting anew; \"the same thing i got last time\" is the last visit's, not this): their appointments looked up, then asked which, nothing changed",
            (s, r) => s.Task is null && s.LastBookedService is null && s.SameAgainAsked is null && r.U.Cues.SameTimeUnclear && r.U.SameTime && r.U.Date is not null
                && r.U.Services.Kind == ServiceMatchKind.None && r.Tools.Contains("list_appointments")
                && r.U.Intent is not (Intent.Cancel or Intent.Human or Intent.Restart or Intent.Nevermind or Intent.Goodbye or Intent.MyAppointments),
            PolicyAction.LookUpForMoveOrAnother, Id: "r25-same-time-unclear-new-conversation"),
        new("no task, and a visit of one's own told with a day that may be to come and no word of a past day (\"i got a facial on saturday\", \"tengo un facial el sábado\"): their appointments looked up (their appointment then is asked about; else a past visit)",
            (s, r) => s.Task is null && !r.U.Cues.PastDaySaid && r.U.Date is not null && r.Tools.Contains("list_appointments")
                && ((r.U.Cues.PastVisit && r.U.Intent == Intent.Smalltalk) || (r.U.Cues.OwnAppointmentTold && r.U.Services.Kind != ServiceMatchKind.None
                    && r.U.Intent is Intent.Book or Intent.Availability or Intent.Smalltalk or Intent.Unknown or Intent.OutOfScope or Intent.Faq)),
            PolicyAction.LookUpVisitTold, Id: "r25-visit-told-with-a-day"),
        new("no task, a past visit told in this conversation, and another one asked for with no service named (\"i want another one friday\", \"quiero otro el viernes\")",
            (s, r) => s.Task is null && s.PastVisitService is not null && r.U.Cues.SaysAnother && r.U.Services.Kind == ServiceMatchKind.None
                && r.U.Intent is not (Intent.Cancel or Intent.Reschedule or Intent.Human or Intent.Restart or Intent.Nevermind or Intent.Goodbye or Intent.MyAppointments or Intent.Faq),
            PolicyAction.BookPastVisitAgain, Id: "r25-another-after-past-visit"),
        new("a booking (new, or under way with nothing pending) with a weekday and a date that do not agree (\"friday the 12th\", a Saturday; \"el viernes 12\"; \"can i do botox tuesday the 3rd\", read as a question about the service): which day asked, none guessed",
            (s, r) => r.U.DayChoices.Count == 2 && s.PendingTool is null && (s.Task is null or DialogueTask.Book)
                && (s.Task == DialogueTask.Book || r.U.Intent is Intent.Book or Intent.Availability
                    || (r.U.Intent == Intent.Faq && r.U.Services.Kind != ServiceMatchKind.None && !r.U.Cues.AsksPrice && !r.U.Cues.AsksLength)),
            PolicyAction.AskWhichOfTwoDays, Id: "r25-weekday-and-date-disagree"),
        new("asked move or another, and one of them said (\"move it\", \"another one pls\")",
            (s, r) => s.SameAgainAsked is not null && s.Task is null && r.U.Cues.SaysAnother != r.U.Cues.SaysMove
                && r.U.Intent is not (Intent.Cancel or Intent.Human or Intent.Restart or Intent.Nevermind or Intent.Goodbye),
            PolicyAction.AnswerMoveOrAnother, Id: "r24-move-or-another-answered"),
        new("asked move or another, and only a yes (no choice): asked again",
            (s, r) => s.SameAgainAsked is not null && s.Task is null && r.U.YesNo == YesNo.Yes && !r.U.Cues.SaysAnother && !r.U.Cues.SaysMove,
            PolicyAction.AskMoveOrAnother, Id: "r24-move-or-another-yes"),
        new("no task, a booking made in this conversation, and the same again on another day as one more (\"book me the same time next friday too\", \"también el otro viernes a la misma hora\"), no other service named",
            (s, r) => s.Task is null && s.LastBookedService is not null && r.U.Cues.SameAgain && r.U.Date is not null && r.U.Services.Kind == ServiceMatchKind.None
                && r.U.Intent is not (Intent.Cancel or Intent.Human or Intent.Restart or Intent.Nevermind or Intent.Goodbye or Intent.MyAppointments),
            PolicyAction.BookSameAgain, Id: "r22-same-again-another-day"),
        new("no task, just joined a waitlist in this conversation, and other days asked with no service named (\"what other days do you have?\", \"y qué otros días tienen?\")",
            (s, r) => s.Task is null && s.JustDone && s.WaitlistedService is not null && r.U.Cues.OtherDays && r.U.Services.Kind == ServiceMatchKind.None
                && r.U.Intent is not (Intent.Cancel or Intent.Reschedule or Intent.Human or Intent.Restart or Intent.Nevermind or Intent.Goodbye or Intent.MyAppointments),
            PolicyAction.SearchOtherDaysForWaitlisted, Id: "r23-other-days-after-waitlist"),
        new("no task, an appointment moved in this conversation, and put back as it was (\"put it back to tuesday at 10 like it was\", \"regrésala como estaba\"): its old time searched for it and read back",
            (s, r) => s.Task is null && s.PendingTool is null && s.MovedFromStart is not null && DialogueTracker.PutsItBack(r.U.Text)
                && r.U.Intent is not (Intent.Cancel or Intent.Human or Intent.Waitlist or Intent.MyAppointments),
            PolicyAction.PutMovedBack, Id: "r33-put-it-back"),
        new("no task, an appointment just moved in this conversation, and a second thought with another day or time and no other service (\"ay no, mejor el viernes a las 10\", \"no wait, saturday instead\"): that appointment moved again",
            (s, r) => s.Task is null && s.PendingTool is null && s.JustDone && s.MovedToStart is not null && (r.U.Date is not null || r.U.Time is not null)
                && (r.U.Services.Kind == ServiceMatchKind.None || r.U.Services.Services.Any(x => x.Name == s.MovedService))
                && r.U.Intent is not (Intent.Cancel or Intent.Human or Intent.Waitlist or Intent.MyAppointments)
                && DialogueTracker.SecondThoughtAfterMove(r.U.Text),
            PolicyAction.MoveAgain, Id: "r33-move-again"),
        new("a task just done (booked, cancelled, moved) and a bare acknowledgement (\"cool\", \"yep\", \"ok great\", \"vale\")", (s, r) => s.JustDone
            && s.Task is null && r.U.Cues.JustAcknowledges && !r.ContactGiven && !r.HasSlots, PolicyAction.AnythingElse, Id: "r8-anything-else"),

        new("waiting for a code and it did not come (\"i didn't get it\", \"can you resend\", \"no me llegó\")", (s, r) => s.Phase == DialoguePhase.VerifyCode
            && r.U.Cues.CodeNotReceived && r.U.Cues.Code is null && r.U.Intent is not (Intent.Human or Intent.Restart), PolicyAction.ResendCode, Id: "r8-resend-code"),
        new("waiting for a code and only an acknowledgement (\"ok\", \"got it, one sec\")", (s, r) => s.Phase == DialoguePhase.VerifyCode
            && r.U.Cues.JustAcknowledges && r.U.Cues.Code is null && !r.ContactGiven, PolicyAction.WaitForCode, Id: "r8-wait-for-code"),
        new("the number to verify asked for (to look at or change appointments) and only an acknowledgement (\"sure one sec\"): the person is about to give it; the cancel or move asked for stays",
            (s, r) => s.Phase == DialoguePhase.VerifyPhone && s.Asked == AgentQuestion.Phone && r.U.Cues.JustAcknowledges && !r.ContactGiven && !r.WouldChange,
            PolicyAction.WaitForDetail, Id: "r13-wait-for-number-to-verify"),

        // Round 19: confusion at a question, a place asked which, a city that is not ours.
        new("a question pending (a time, a service, a day, a place, a detail, a read-back) and only confusion said (\"lol what\", \"huh?\", \"que?\")",
            // "sorry what?" / "come again?" asks for the same words again (rows r13-repeat-offer, r15-repeat-question, not a miss).
            (s, r) => r.U.Cues.Confused && !r.U.Cues.AsksRepeat && (r.AskedOnArrival != AgentQuestion.Nothing || s.PendingTool is not null) && s.Phase is DialoguePhase.None or DialoguePhase.WaitlistOffer
                && !r.HasSlots && r.Chosen is null && !r.ContactGiven, PolicyAction.ClarifyPending, IsMiss: true, Id: "r19-confused-at-a-question"),
        new("which location asked and one named (\"the marina\", \"en mission\")", (s, r) => s.Asked == AgentQuestion.Location && s.Task is not null
            && r.U.Location?.Location is not null && r.U.Intent is not (Intent.Cancel or Intent.Human or Intent.Restart or Intent.Nevermind),
            PolicyAction.Search, Id: "r19-location-named"),
        new("a city none of the business's places is in asked about (\"any openings in new york city\", \"tienen citas en miami?\")", (s, r) =>
            r.U.PlaceElsewhere is not null && r.U.Location is null && r.Chosen is null && !r.ContactGiven && s.PendingTool is null
            // Not a request for something else there ("any cybersecurity jobs available in pittsburgh"): that is declined.
            // A whole message that is the place ("miami?", "in dallas?") reads to the classifier as off-topic; it is still the place asked.
            && (r.U.Cues.BarePlace is not null || r.U.Intent is not (Intent.Cancel or Intent.Reschedule or Intent.MyAppointments or Intent.Human or Intent.OutOfScope)),
            PolicyAction.SayWhereWeAre, Id: "r19-city-not-ours"),
        new("the address just given and one of our places named, nothing else (\"the marina one?\", \"and mission?\")", (s, r) => s.AddressAnswered && s.Task is null
            && r.U.Location?.Location is not null && r.AskedOnArrival == AgentQuestion.Nothing && r.U.Services.Kind == ServiceMatchKind.None && r.U.Date is null
            && r.U.Time is null && !r.ContactGiven && r.U.Intent is not (Intent.Book or Intent.Cancel or Intent.Reschedule or Intent.MyAppointments
                or Intent.Human or Intent.Restart or Intent.Waitlist), PolicyAction.SayAddressOfPlace, Id: "r20-address-of-place-named"),
        new("a group of four or more to book (\"5 of us for mani pedis on the 14th\", \"somos 4 amigas\", a bridal party), nothing waiting for a yes",
            (s, r) => r.U.Cues.GroupSize is not null && s.PendingTool is null && s.Task is null or DialogueTask.Book
                // Not a group somewhere else ("can we book the escape room for a party of 6"): that is declined.
                && r.U.Intent is not (Intent.Cancel or Intent.Reschedule or Intent.MyAppointments or Intent.Human or Intent.Restart or Intent.Nevermind or Intent.OutOfScope),
            PolicyAction.HandGroupToTeam, Id: "r20-group-to-team"),

        // Whatever the step: starting over, leaving, a person, thanks, small talk.
        // Before "start over": "come again?" reads to the classifier like starting again.
        new("slots on offer and the times asked to be said again (\"sorry can you repeat that\", \"come again?\"), nothing else said", (s, r) =>
            s.Asked == AgentQuestion.SlotChoice && s.Offered.Count > 0 && s.PendingTool is null && r.U.Cues.AsksRepeat && r.Chosen is null && !r.HasSlots && !r.ContactGiven,
            PolicyAction.RepeatOffer, Id: "r13-repeat-offer"),
        new("a service or a day asked and the question asked to be said again (\"sorry, what was that\", \"i didn't catch that\"), nothing else said", (s, r) =>
            s.Asked is AgentQuestion.Service or AgentQuestion.Date && s.PendingTool is null && r.U.Cues.AsksRepeat && r.Chosen is null && !r.ContactGiven
            && r.U.Services.Kind == ServiceMatchKind.None && r.U.Date is null && r.U.Time is null,
            PolicyAction.RepeatQuestion, Id: "r15-repeat-question"),
        new("the words asked again before anything was said but the greeting (\"can you repeat that\", \"wait what were the times\" as a call's first words; round 34: declined as off topic)",
            (s, r) => r.U.Cues.AsksRepeat && s.Task is null && s.Asked == AgentQuestion.Nothing && r.AskedOnArrival == AgentQuestion.Nothing && s.Offered.Count == 0
                && s.PendingTool is null && s.LastQuestion is null && s.LastFaqQuestion is null && s.LastHoursQuestion is null && r.Chosen is null && !r.HasSlots
                && !r.ContactGiven && r.U.Services.Kind == ServiceMatchKind.None && r.U.Date is null && r.U.Time is null
                && r.U.Intent is not (Intent.Cancel or Intent.Reschedule or Intent.MyAppointments or Intent.Human or Intent.Waitlist or Intent.Faq),
            PolicyAction.Greet, Id: "r34-repeat-before-anything-said"),
        new("start over", (_, r) => r.U.Intent == Intent.Restart, PolicyAction.Restart),
        new("never mind with nothing under way (no task, nothing asked, on offer or waiting for a yes: \"nvm\" after a greeting, an answer or a booking done)",
            (s, r) => r.U.Intent == Intent.Nevermind && s.Task is null && r.AskedOnArrival == AgentQuestion.Nothing && s.Offered.Count == 0 && s.PendingTool is null
                && s.Phase == DialoguePhase.None, PolicyAction.NothingToDrop, Id: "r11-never-mind-nothing-under-way"),
        new("never mind", (_, r) => r.U.Intent == Intent.Nevermind, PolicyAction.NeverMind),
        // Before the menu, the FAQ and the off-topic rows: at an offer, "what else do you have" and "is there another time" ask for times.
        new("slots on offer and \"any other times?\" / \"none of those work\" / \"what else do you have\" / \"what times do you have\" (no day, time or service said)", (s, r) =>
            s.Asked == AgentQuestion.SlotChoice && s.Offered.Count > 0 && s.PendingTool is null && (r.U.Cues.OtherTimes || r.U.Cues.AsksWhatTimes) && r.Chosen is null && !r.HasSlots
            && r.U.Intent is not (Intent.Cancel or Intent.Reschedule or Intent.Waitlist or Intent.Human or Intent.MyAppointments), PolicyAction.SearchPastOffer, Id: "other-times"),
        // A past visit's service, asked for by a client ("my usual", "same as last time", "book me again with Maya").
        new("\"my usual\" / \"same as last time\", no service named (or only its kind), or the provider of the last visit asked for (\"a hydrafacial with the same girl as last time\"), nothing asked but the service",
            (s, r) => ((r.U.Cues.SameAsBefore && r.U.Services.Kind != ServiceMatchKind.Confident) || (r.U.Cues.SameProviderAsBefore && r.U.Staff.Kind == StaffMatchKind.None)) && s.Asked is AgentQuestion.Nothing or AgentQuestion.Service && s.Phase == DialoguePhase.None
            && r.U.Intent is not (Intent.Cancel or Intent.Reschedule or Intent.MyAppointments or Intent.Human or Intent.Waitlist) && r.Tools.Contains("find_client"),
            PolicyAction.LookUpUsual),
        new("on the waitlist from this conversation, no task, and whether anything opened up asked, with no day or with a day of the waitlist (\"did anything open up yet\", \"hey anything open up for sunday yet?\", \"¿ya se abrió algo?\")", (s, r) =>
            s.OnWaitlist && s.Task is null && r.U.Cues.AsksIfOpened && (r.U.Services.Kind == ServiceMatchKind.None || r.U.Services.Service?.Id == s.WaitlistedService)
            && (r.U.Date is null || s.WithinWaitlist(r.U.Date.Range)) && r.U.Time is null
            && r.Tools.Contains("find_waitlist_offer"), PolicyAction.CheckWaitlistOffer, Id: "r10-anything-opened"),
        new("on the waitlist from this conversation, no task, no opening pending, and to be taken off it asked (\"actually nvm, take me off it\", \"sácame de la lista\")", (s, r) =>
            s.OnWaitlist && s.Task is null && s.Phase == DialoguePhase.None && r.U.Cues.LeavesList && r.U.Services.Kind == ServiceMatchKind.None && r.U.Date is null
            && r.U.Time is null, PolicyAction.LeaveWaitlistByTeam, Id: "r15-leave-waitlist-by-team"),
        new("the person's appointments just said, and \"and the one after?\"", (s, r) => s.Task is null && s.AppointmentRefs.Count > 0 && r.U.Cues.NextOne
            && r.AskedOnArrival == AgentQuestion.Nothing && !r.HasSlots, PolicyAction.SayNextAppointment),
        new("a price asked about a kind of service or a service with a listed price, no day (\"prices for facials\", \"how much is botox\")", (s, r) =>
            r.AskedOnArrival is AgentQuestion.Nothing or AgentQuestion.Service or AgentQuestion.SlotChoice && s.Phase == DialoguePhase.None && !r.ContactGiven
            && r.U.Intent is not (Intent.Book or Intent.Cancel or Intent.Reschedule or Intent.Waitlist) && r.PricedServices.Count > 0, PolicyAction.SayPrices),
        new("how long a service is asked, no day, and the services named come in several lengths (\"whats the length on a swedish massage?\")", (s, r) =>
            r.AskedOnArrival is AgentQuestion.Nothing or AgentQuestion.Service or AgentQuestion.SlotChoice && s.Phase == DialoguePhase.None && !r.ContactGiven
            && r.U.Intent is not (Intent.Book or Intent.Cancel or Intent.Reschedule or Intent.Waitlist) && r.TimedServices.Count > 1, PolicyAction.SayLengths,
            Id: "r15-say-lengths"),
        new("which appointment asked, and one named by its kind alone, no day or time (\"el masaje\", \"the massage one\"): that one, not the kinds of massage on the menu",
            (s, r) => s.Phase == DialoguePhase.PickAppointment && r.PickedAppointment is not null && r.U.Date is null && r.U.Time is null
                && r.U.Intent is not (Intent.Cancel or Intent.Human or Intent.Restart or Intent.Nevermind),
            PolicyAction.PickAppointment, Id: "r33-which-appointment-by-kind"),
        new("what we offer asked, no service, day or time (\"what services do you offer\", \"what do you guys have\", \"what kinds do you have\")", (s, r) =>
            r.U.Cues.AsksWhatWeOffer && r.U.Services.Kind == ServiceMatchKind.None && r.U.Date is null && r.U.Time is null && !r.ContactGiven
            && (s.Phase == DialoguePhase.None || r.AskedOnArrival == AgentQuestion.Service)
            && r.U.Intent is not (Intent.Cancel or Intent.Reschedule or Intent.Waitlist or Intent.MyAppointments or Intent.Human), PolicyAction.SayMenu),
        new("an hours question with a day, no service (\"cool. and are u open sunday\")", (s, r) => r.U.Cues.AsksHours && r.U.Date is not null && r.U.Time is null
            && r.U.Services.Kind == ServiceMatchKind.None && r.AskedOnArrival == AgentQuestion.Nothing && s.Phase == DialoguePhase.None && !r.ContactGiven
            && r.U.Intent is not (Intent.Cancel or Intent.Reschedule or Intent.Waitlist or Intent.MyAppointments), PolicyAction.AnswerFaq),
        new("\"and sunday?\" right after an hours answer", (s, r) => s.Task is null && s.LastHoursQuestion is not null && r.AskedOnArrival == AgentQuestion.Nothing
            && r.U.Date is not null && r.U.Time is null && r.U.Services.Kind == ServiceMatchKind.None && !r.ContactGiven && r.U.Cues.FollowUp
            && r.U.Intent is not (Intent.Book or Intent.Cancel or Intent.Reschedule or Intent.Waitlist), PolicyAction.AskHoursForDay),
        new("a short question about the service just answered, nothing asked (\"and how long is it\")", (s, r) => s.Task is null && s.ServiceId is not null
            && r.AskedOnArrival == AgentQuestion.Nothing && r.U.Cues.AboutThatOne && r.U.Services.Kind == ServiceMatchKind.None && !r.HasSlots
            && r.U.Intent is Intent.OutOfScope or Intent.Faq or Intent.Unknown, PolicyAction.AnswerFaq),
        new("a short question about what the FAQ just answered (\"and is it free\", \"do they expire?\")", (s, r) => s.Task is null && s.LastFaqQuestion is not null
            && r.AskedOnArrival == AgentQuestion.Nothing && r.U.Cues.RefersBack && r.U.Services.Kind == ServiceMatchKind.None && r.U.Date is null && r.U.Time is null
            && !r.ContactGiven && r.U.Intent is not (Intent.Cancel or Intent.Reschedule or Intent.Waitlist or Intent.MyAppointments or Intent.Human or Intent.Restart
                or Intent.Nevermind or Intent.Goodbye or Intent.Thanks or Intent.Greeting or Intent.Smalltalk), PolicyAction.AskFaqFollowUp),
        new("a request with a day or time for something not on the menu (\"what about a brow wax this afternoon\")", (s, r) => r.U.Intent is Intent.OutOfScope or Intent.Book or Intent.Availability or Intent.Unknown
            && r.AskedOnArrival is AgentQuestion.Nothing or AgentQuestion.Service && s.Phase == DialoguePhase.None && r.U.Services.Kind == ServiceMatchKind.None
            && (r.U.Date is not null || r.U.Time is not null) && r.U.Cues.NamesATreatment, PolicyAction.NotOnTheMenu),
        new("asks whether we do a treatment not on the menu, no day (\"do you do brow waxing?\")", (s, r) => r.U.Cues.AsksIfOffered && r.U.Cues.NamesATreatment
            && !r.U.Cues.NamesAnAmenity && r.U.Services.Kind == ServiceMatchKind.None && r.U.Date is null && r.U.Time is null && r.AskedOnArrival is AgentQuestion.Nothing or AgentQuestion.Service
            && s.Phase == DialoguePhase.None && !r.ContactGiven && r.U.Staff.Kind == StaffMatchKind.None
            && r.U.Intent is not (Intent.Cancel or Intent.Reschedule or Intent.MyAppointments or Intent.Waitlist or Intent.Human)
            && !(r.U.Intent == Intent.Faq && FrontDesk.Tools.Faq.VisitQuestion.IsAbout(r.U.Text)), PolicyAction.SayNotOffered),
        new("asks for a treatment not on the menu, no day (\"i want a manicure\", \"quiero una pedicura\"; not \"i love my new haircut\")", (s, r) => r.U.Cues.NamesATreatment
            && (r.U.Intent is Intent.Book or Intent.Availability || r.U.Intent is Intent.OutOfScope or Intent.Unknown && r.U.Cues.AsksForSomething)
            && !r.U.Cues.NamesAnAmenity && r.U.Services.Kind == ServiceMatchKind.None && r.U.Date is null && r.U.Time is null && r.AskedOnArrival is AgentQuestion.Nothing or AgentQuestion.Service
            && s.Phase == DialoguePhase.None && !r.ContactGiven && r.U.Staff.Kind == StaffMatchKind.None
            && !FrontDesk.Tools.Faq.VisitQuestion.IsAbout(r.U.Text), PolicyAction.SayNotOffered),
        new("no task, a service just answered about (its price or length), and a day or time given with no other service (\"alright lets do that tomorrow at eleven\", \"ok, quiero uno el sabado\")", (s, r) =>
            s.Task is null && s.ServiceId is not null && s.Phase == DialoguePhase.None && r.AskedOnArrival == AgentQuestion.Nothing
            && (r.U.Date is not null || r.U.Time is not null) && r.U.Services.Kind == ServiceMatchKind.None && !r.U.Cues.IsQuestion && !r.ContactGiven
            && r.U.Intent is Intent.Affirm or Intent.OutOfScope or Intent.Unknown or Intent.Inform or Intent.Correction or Intent.Book or Intent.Availability,
            PolicyAction.Search, Id: "r10-book-what-was-asked-about"),
        new("off-topic with nothing asked (a service of ours with a day or time is not)", (s, r) => r.U.Intent == Intent.OutOfScope && r.AskedOnArrival == AgentQuestion.Nothing && !r.ContactGiven
            && s.Phase == DialoguePhase.None && !(r.U.Services.Kind != ServiceMatchKind.None && (r.U.Date is not null || r.U.Time is not null))
            && (s.Task is null || r.U.Services.Kind == ServiceMatchKind.None && r.U.Date is null && r.U.Time is null && r.U.YesNo == YesNo.Unknown), PolicyAction.OutOfScope),
        new("thanks with nothing asked", (s, r) => r.U.Intent == Intent.Thanks && (s.Task is null || r.AskedOnArrival == AgentQuestion.Nothing), PolicyAction.Thanks),
        new("goodbye (not one that names a time, a day or a service: \"2:15 if u have it\")", (_, r) => r.U.Intent == Intent.Goodbye && !r.HasSlots, PolicyAction.Goodbye),
        new("small talk with no task", (s, r) => r.U.Intent == Intent.Smalltalk && s.Task is null, PolicyAction.Smalltalk),
        new("a person asked for", (_, r) => r.U.Intent == Intent.Human, PolicyAction.HandToPerson),

        // The read-back: only a clear yes writes.
        new("read-back pending and a clear yes", (_, r) => r.ReadBack == ReadBackAnswer.Yes, PolicyAction.Write),
        new("read-back pending and the read-back asked to be said again (\"ok but what time was it again\", \"sorry can you repeat that\")",
            (_, r) => r.ReadBack == ReadBackAnswer.NotAnAnswer && r.U.Cues.AsksRepeat, PolicyAction.AskReadBackAgain, Id: "r20-repeat-read-back"),
        new("read-back pending and no answer (\"k\", an emoji)", (_, r) => r.ReadBack == ReadBackAnswer.NotAnAnswer, PolicyAction.AskReadBackAgain, IsMiss: true),
        new("read-back answered no", (_, r) => r.ReadBack == ReadBackAnswer.Declined, PolicyAction.SayDeclined),
        new("read-back pending and why the number or name is needed asked (\"why do you need my number?\"), nothing given", (s, r) =>
            s.PendingTool is not null && r.AskedOnArrival == AgentQuestion.Confirmation && r.U.Cues.AsksWhyDetail && !r.ContactGiven && !r.WouldChange,
            PolicyAction.SayWhyAtReadBack, Id: "r11-why-detail-at-read-back"),
        new("read-back pending and whether it is with a provider asked by name (\"hold on, is that with maya?\", \"¿es con maya?\"; not \"can it be with sofia instead?\")",
            (_, r) => r.ReadBack == ReadBackAnswer.AsksProvider, PolicyAction.SayProviderAtReadBack, Id: "r32-provider-asked-at-read-back"),
        new("read-back pending and a question beside it (\"can i bring my own oil\")", (_, r) => r.ReadBack == ReadBackAnswer.SideQuestion, PolicyAction.AnswerAtReadBack),
        new("read-back corrected to another time on offer", (_, r) => r.ReadBack == ReadBackAnswer.PicksOfferedSlot, PolicyAction.ChooseCorrectedSlot),
        new("read-back corrected (day, time, service…)", (_, r) => r.ReadBack == ReadBackAnswer.Corrected, PolicyAction.SearchAgain),
        new("a cancel's read-back and a move asked instead (\"wait actually can i just move it to wed\")", (_, r) => r.ReadBack == ReadBackAnswer.MoveInstead, PolicyAction.ContinueReschedule),

        // Other questions pending.
        new("a time put as a yes-or-no question and a yes", (s, r) => s.Asked == AgentQuestion.SlotChoice && s.ProposedSlotId is { } p && s.Offered.Any(o => o.SlotId == p)
            && r.U.YesNo == YesNo.Yes && r.Chosen is null && !r.ChangesTheSearch && r.U.Time is null, PolicyAction.ChooseProposedSlot),
        new("slots or the waitlist on offer and a bare yes (not one that changes the search: \"ok the marina then\")", (s, r) => s.Phase == DialoguePhase.WaitlistOffer
            && r.U.YesNo == YesNo.Yes && s.Offered.Count > 0 && !r.ChangesTheSearch
            && r.U.ChosenSlot is null && r.U.Intent != Intent.Waitlist && !r.U.Cues.MentionsWaitlist, PolicyAction.AskSlotsOrWaitlist, IsMiss: true),
        new("slots or the waitlist on offer and a plain no (\"no thanks, ill try another time\"), no day, time or pick", (s, r) => s.Phase == DialoguePhase.WaitlistOffer
            && r.U.YesNo == YesNo.No && !r.HasSlots && r.Chosen is null && !r.ContactGiven && !r.U.Cues.MentionsWaitlist
            && r.U.Intent is not (Intent.Waitlist or Intent.Book or Intent.Availability or Intent.Cancel or Intent.Reschedule or Intent.Human or Intent.Faq),
            PolicyAction.DeclineSlotsAndWaitlist, Id: "r10-no-to-slots-and-waitlist"),
        new("waitlist on offer and a yes to it (not a yes that changes the search: \"ok whoever then\")", (s, r) => s.Phase == DialoguePhase.WaitlistOffer
            && (r.U.YesNo == YesNo.Yes && !r.ChangesTheSearch || r.U.Intent == Intent.Waitlist) && r.U.ChosenSlot is null, PolicyAction.JoinWaitlist),
        new("verifying a number for a change (cancel, move, my appointments) and a new booking asked instead, no day or time (\"ok then i want to book one\")", (s, r) =>
            s.Phase is DialoguePhase.VerifyCode or DialoguePhase.VerifyPhone && s.Task is DialogueTask.Cancel or DialogueTask.Reschedule or DialogueTask.List
            && r.U.Intent == Intent.Book && r.U.Date is null && r.U.Time is null && !r.U.SameTime && !r.U.SameDay && r.U.ShiftMinutes is null
            && r.U.Cues.Code is null && r.U.Phone is null, PolicyAction.BookInstead),
        new("waiting for a code or a number to verify, and what the task is about given instead (\"the following weekend, same time\")", (s, r) =>
            s.Phase is DialoguePhase.VerifyCode or DialoguePhase.VerifyPhone && r.U.Cues.Code is null && r.U.Phone is null
            && (r.HasSlots || r.U.SameTime || r.U.SameDay || r.U.ShiftMinutes is not null || r.U.Staff.Kind == StaffMatchKind.Confident
                || s.ChosenSlotId is not null && r.U.Intent == Intent.Reschedule && r.U.Cues.Numbers.Count == 1)
            && r.U.Intent is not (Intent.Restart or Intent.Nevermind or Intent.Goodbye or Intent.Human), PolicyAction.KeepWhileVerifying),
        new("waiting for a code and six digits given", (s, r) => s.Phase == DialoguePhase.VerifyCode && r.U.Cues.Code is not null, PolicyAction.VerifyCode),
        new("waiting for a number to verify and one given", (s, r) => s.Phase == DialoguePhase.VerifyPhone && r.U.Phone is not null, PolicyAction.SendCode),
        new("phone asked for and given", (s, r) => s.Asked == AgentQuestion.Phone && r.U.Phone is not null, PolicyAction.Resume),
        new("name asked for and a yes or no given", (s, r) => s.Asked == AgentQuestion.Name && r.U.Name is null && r.U.YesNo != YesNo.Unknown, PolicyAction.AskName),
        new("name asked for and given", (s, r) => s.Asked == AgentQuestion.Name && (r.U.Name is not null || r.U.Cues.NameCandidate is not null), PolicyAction.TakeName),
        new("a name or number asked after a pick and why it is needed asked (\"why do u need my number?\"), nothing given", (s, r) =>
            s.Asked is AgentQuestion.Phone or AgentQuestion.Name && s.ChosenSlotId is not null && r.U.Cues.AsksWhyDetail && !r.ContactGiven && !r.WouldChange,
            PolicyAction.SayWhyDetail, Id: "r10-why-detail"),
        new("a number or e-mail asked and only an acknowledgement (\"ok\", \"sure\", \"one sec\"): the person is about to give it", (s, r) =>
            s.Asked is AgentQuestion.Phone or AgentQuestion.Email && s.Phase != DialoguePhase.VerifyPhone && !r.ContactGiven && !r.WouldChange
            && r.U.Cues.JustAcknowledges, PolicyAction.WaitForDetail),
        new("a detail asked after a pick and \"ok that one\" with nothing new", (s, r) => s.Asked is AgentQuestion.Phone or AgentQuestion.Name && s.ChosenSlotId is not null
            && !r.ContactGiven && !r.WouldChange && !r.U.Cues.IsQuestion && !r.U.Cues.PlainName
            && r.U.Intent is not (Intent.Cancel or Intent.Reschedule or Intent.Waitlist or Intent.Human or Intent.Restart or Intent.Nevermind or Intent.Goodbye or Intent.Faq or Intent.MyAppointments),
            PolicyAction.AskDetailForPick),
        new("slots on offer and \"nothing later?\" / \"anything earlier?\" / \"and the one after?\"", (s, r) => s.Asked == AgentQuestion.SlotChoice && s.Offered.Count > 0
            && (r.U.Cues.Nudge != TimeNudge.None || r.U.Cues.NextOne) && r.Chosen is null && !r.HasSlots, PolicyAction.SearchPastOffer),
        new("slots on offer and \"whats the latest\" / \"the latest you have\" (not \"the latest of those\")", (s, r) => s.Asked == AgentQuestion.SlotChoice
            && s.Offered.Count > 0 && r.U.Cues.LatestOfDay && r.U.Services.Kind == ServiceMatchKind.None, PolicyAction.SearchLatest),
        new("slots on offer and \"the earliest\"", (s, r) => s.Asked == AgentQuestion.SlotChoice && s.Offered.Count > 0 && r.Chosen is null
            && r.U.Cues.Earliest && r.U.Services.Kind == ServiceMatchKind.None && r.U.Date is null, PolicyAction.ChooseEarliest),
        new("slots on offer, nobody asked for, and anybody said (\"ok whoever then\"), nothing else", (s, r) => s.Asked == AgentQuestion.SlotChoice && s.Offered.Count > 1
            && s.StaffId is null && r.U.Staff.Kind == StaffMatchKind.Any && r.Chosen is null && !r.WouldChange && !r.HasSlots && !r.ContactGiven,
            PolicyAction.ProposeFirstOffered, Id: "r18-anyone-at-an-offer"),
        new("slots on offer and two times said as alternatives (\"3 or 4 whichever\")", (s, r) => s.Asked == AgentQuestion.SlotChoice && r.U.Cues.EitherTimes.Count > 1
            && r.U.Services.Kind == ServiceMatchKind.None, PolicyAction.SearchEitherTime),
        new("slots on offer and a time said that was offered earlier in this task (the day in play had nothing, or it is that day)", (s, r) => r.EarlierOfferAtTime is not null,
            PolicyAction.ChooseEarlierOffer),
        new("slots on offer and one picked", (s, r) => s.Asked == AgentQuestion.SlotChoice && r.Chosen is not null && (!r.U.IsCorrection || !r.ChangesTheSearch), PolicyAction.ChooseSlot),
        new("slots on offer, contact details given, and the exact time asked for is on offer", (s, r) => s.Asked == AgentQuestion.SlotChoice && r.ContactGiven
            && r.Chosen is null && !r.HasSlots && r.U.YesNo != YesNo.No && r.OfferAtAskedTime is not null, PolicyAction.ChooseAskedTime),
        new("slots on offer, the exact time asked for among them, and a yes that points at one (\"yes that one\", \"sí, esa\")", (s, r) => s.Asked == AgentQuestion.SlotChoice
            && r.Chosen is null && !r.HasSlots && r.U.YesNo == YesNo.Yes && !r.U.Cues.TooShortToConfirm && r.PointsAtOne && r.OfferAtAskedTime is not null,
            PolicyAction.ChooseAskedTime, Id: "r22-yes-that-one-at-the-asked-time"),
        new("one slot on offer and a yes (not a yes that changes the search: \"ok the marina then\")", (s, r) => s.Asked == AgentQuestion.SlotChoice && s.Offered.Count == 1
            && r.U.YesNo == YesNo.Yes && !r.ChangesTheSearch, PolicyAction.ChooseOnlySlot),
        new("a service put as a yes-or-no question and a yes (\"Shall I look for a Swedish Massage (60 min)?\" \"sure\")", (s, r) => s.Asked == AgentQuestion.Service
            && s.ProposedService is not null && r.U.YesNo == YesNo.Yes && r.U.Services.Kind == ServiceMatchKind.None, PolicyAction.PickProposedService),
        new("\"the 60 or the 90?\" and a yes or no, nothing else (\"ok can I book it for next week\" gives a day)", (s, r) => s.Asked == AgentQuestion.Service && s.ServiceOptions.Count > 1 && r.U.YesNo != YesNo.Unknown
            && r.U.Services.Kind == ServiceMatchKind.None && r.OptionByLength is null && r.U.Cues.Ordinal is null && r.U.Date is null && r.U.Time is null,
            PolicyAction.AskServiceChoice, IsMiss: true),
        new("slots on offer and \"the shorter one\" or another length of the service (\"the 90 then\")", (s, r) => s.Asked == AgentQuestion.SlotChoice && r.U.ChosenSlot is null && r.Sibling is not null, PolicyAction.SwitchServiceLength),
        new("service options open and a question about them, no day or time (\"whats the difference between the hydrafacial and the signature one\")", (s, r) =>
            s.Asked == AgentQuestion.Service && s.ServiceOptions.Count > 1 && s.PendingTool is null && r.U.Cues.AsksWhatItIs && !r.U.Cues.AsksPrice
            && r.U.Services.Kind != ServiceMatchKind.None && r.U.Date is null && r.U.Time is null, PolicyAction.AnswerAtServiceChoice),
        new("service options open and one named", (_, r) => r.ServiceOption is not null, PolicyAction.PickServiceOption),
        new("several appointments and one named", (s, r) => s.Phase == DialoguePhase.PickAppointment && r.PickedAppointment is not null, PolicyAction.PickAppointment),
        new("several appointments and a yes or no that names none", (s, r) => s.Phase == DialoguePhase.PickAppointment && r.U.YesNo != YesNo.Unknown && !r.HasSlots
            && r.U.Intent is not (Intent.Cancel or Intent.Reschedule or Intent.Book or Intent.Availability or Intent.Faq or Intent.MyAppointments or Intent.Waitlist), PolicyAction.AskWhichAppointment, IsMiss: true),

        // A new request.
        new("cancel", (_, r) => r.U.Intent == Intent.Cancel, PolicyAction.StartCancel),
        new("move an appointment (not a correction of the booking under way)", (s, r) => r.U.Intent == Intent.Reschedule
            && !(s.Task == DialogueTask.Book && r.U.ShiftMinutes is null && r.HasSlots), PolicyAction.StartReschedule),
        new("my appointments", (_, r) => r.U.Intent == Intent.MyAppointments, PolicyAction.ListAppointments),
        new("waitlist", (_, r) => r.U.Intent == Intent.Waitlist, PolicyAction.StartWaitlist),
        new("a price asked with one service and a day (\"botox on fridays? and how much per unit\")", (s, r) => r.U.Intent is Intent.Faq or Intent.Availability or Intent.Book
            && r.U.Cues.AsksPrice && r.U.Services.Kind == ServiceMatchKind.Confident && r.U.Date is not null && s.Asked is AgentQuestion.Nothing or AgentQuestion.Service, PolicyAction.SearchWithPrice),
        new("a question (not a service with a day or time, unless a price; not a question beside a new day or time at an offer: \"is there parking? ok and friday at 3 works\" is searched after the answer)",
            (s, r) => r.U.Intent == Intent.Faq
            && (s.Asked is AgentQuestion.Nothing || r.U.Services.Kind == ServiceMatchKind.None)
            && !(r.U.Services.Kind != ServiceMatchKind.None && (r.U.Date is not null || r.U.Time is not null) && !r.U.Cues.AsksPrice)
            && !(s.Task == DialogueTask.Book && r.AskedOnArrival == AgentQuestion.SlotChoice && r.RequestBesideQuestion), PolicyAction.AnswerFaq),
        new("hello with no task", (s, r) => r.U.Intent == Intent.Greeting && s.Task is null && !r.HasSlots, PolicyAction.Greet),
        new("a bare yes with nothing asked (a waitlist text?; not a service with a day: \"hydrafacial friday … saturday works too\")", (s, r) => r.U.Intent == Intent.Affirm && s.Task is null
            && !(r.U.Services.Kind == ServiceMatchKind.Confident && (r.U.Date is not null || r.U.Time is not null))
            && r.Tools.Contains("accept_waitlist_offer") && r.Tools.Contains("find_waitlist_offer"), PolicyAction.AcceptWaitlistOffer),
        new("thanks", (_, r) => r.U.Intent == Intent.Thanks, PolicyAction.Thanks),

        new("times on offer and the price or length of the service in play asked, nothing new said (\"how much is the ninety again?\", round 36: the times were asked again with no price)",
            (s, r) => s.Asked == AgentQuestion.SlotChoice && s.Offered.Count > 0 && s.PendingTool is null && s.ServiceId is not null && DialogueTracker.PriceOrLengthAsked(r.U)
                && r.Chosen is null && r.U.Date is null && r.U.Time is null && !r.ContactGiven && r.U.Services.Kind == ServiceMatchKind.None
                && r.U.Intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk or Intent.Inform,
            PolicyAction.AnswerFaq, Id: "r36-price-at-offer"),

        // Nothing in the reply answers the question pending: ask it again with the choices, then offer a person.
        new("slots on offer and nothing in the reply", (s, r) => AnswersNothing(s, r) && s.Asked == AgentQuestion.SlotChoice && s.Offered.Count > 0, PolicyAction.AskSlotChoiceAgain, IsMiss: true),
        new("service options open and nothing in the reply", (s, r) => AnswersNothing(s, r) && s.Asked == AgentQuestion.Service && s.ServiceOptions.Count > 1, PolicyAction.AskServiceChoice, IsMiss: true),
        new("service asked and nothing in the reply", (s, r) => AnswersNothing(s, r) && s.Asked == AgentQuestion.Service, PolicyAction.AskUnknownService, IsMiss: true),

        // Fill in the task.
        new("moving a known appointment", (s, _) => s.Task is DialogueTask.Reschedule && s.AppointmentRef is not null, PolicyAction.ContinueReschedule),
        new("joining the waitlist", (s, _) => s.Task is DialogueTask.Waitlist, PolicyAction.ContinueWaitlist),
        new("no task and nothing new: a question", (s, r) => s.Task is null && !r.WouldChange && r.U.Intent is not (Intent.Book or Intent.Availability)
            && (r.U.Intent == Intent.Faq || r.U.Cues.IsQuestion), PolicyAction.AnswerFaq),
        new("no task and nothing new", (s, r) => s.Task is null && !r.WouldChange && r.U.Intent is not (Intent.Book or Intent.Availability), PolicyAction.NotUnderstood),
        new("otherwise", (_, _) => true, PolicyAction.Search),
    ];

    /// <summary>The first row that applies.</summary>
    public static PolicyRule Decide(DialogueState state, Reading reading)
    {
        foreach (var rule in Rules)
        {
            if (rule.Applies(state, reading))
            {
                return rule;
            }
        }
        throw new InvalidOperationException("the policy's last row always applies");
    }

    /// <summary>The day said is the day of the appointment cancelled ("can i keep my pedicure friday?", round 35).</summary>
    private static bool SaysCancelledDay(DialogueState s, Reading r) => s.CancelledStart is { Length: >= 10 } start && r.U.Date is { } d
        && d.Range.Start == d.Range.End && d.Range.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) == start[..10];

    private static bool AnswersNothing(DialogueState s, Reading r) =>
        !r.WouldChange && r.U.Name is null && r.U.Phone is null && r.U.Email is null && s.Task is not null
        && r.U.Intent is not (Intent.Book or Intent.Availability or Intent.Waitlist or Intent.Faq);
}
