using System.Globalization;
using System.Text.Json;
using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Languages;
using FrontDesk.Agent.Understanding;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Text;
using Microsoft.Extensions.AI;

namespace FrontDesk.Agent.Embedded;

public sealed partial class EmbeddedChatClient
{
    /// <summary>One decision: reads the state and the latest input, writes the state into the answer.</summary>
    private sealed partial class Turn(EmbeddedChatClient engine, DialogueState state, HashSet<string> tools)
    {
        private SpaProfile Profile => engine._profile;

        private int _missesBefore;

        /// <summary>The question the reply before this message answered from the FAQ, for a follow-up.</summary>
        private string? _faqAnswered;

        /// <summary>A contact detail came in while another was asked: the ask that follows is not counted towards a hand-off.</summary>
        private bool _detailCameIn;

        /// <summary>The message corrected the day or time just given ("hmm no actually saturday"): the ask that follows is worded otherwise.</summary>
        private bool _whenCorrected;

        /// <summary>The reply answers a question and says the times on offer again: not another ask of "which time?".</summary>
        private bool _uncounted;

        /// <summary>The waitlist's texted opening was looked up for this message (found or not): it is read now.</summary>
        private bool _textedOfferLookedUp;

        /// <summary>The waitlist asked about beside another question, and nothing opened up: said before the other answer (round 33).</summary>
        private string? _waitlistAnswered;

        /// <summary>The message as written (before any reading), for a question that reads it again with its answer.</summary>
        private string _text = "";

        /// <summary>A user message: the tracker folds it into the state, the policy picks the next action, the action is carried out.</summary>
        public ChatMessage OnUserTurn(string text, Utterance? understood)
        {
            _text = text;
            if (!_textedOfferLookedUp && state.OnWaitlist && state.Task is null && state.Phase == DialoguePhase.None && state.PendingTool is null
                && tools.Contains("find_waitlist_offer"))
            {
                // On the waitlist from this conversation, nothing under way: an opening may have been texted since, and the
                // message may answer it ("no thanks take me off", "yes but 30 min later?"). It is looked up first and the
                // message read against it (EmbeddedChatClient.ToolResults: the look-up's result reads the message).
                state.TextedOfferFor = text;
                return Call("find_waitlist_offer", []);
            }
            var offersGone = DropOffersGoneBy();
            if ((state.Asked != AgentQuestion.Nothing || state.PendingTool is not null) && YesNoClassifier.AfterHoldOn(text) is { } afterMoment)
            {
                // "uh, one sec... yeah ok" at an offer or a question (round 36): the moment asked is no answer, and its "one" no
                // time; what follows it is the answer, read on its own.
                understood = engine._understander.Understand(afterMoment, engine.Context(state));
            }
            var u = WithSoonerDays(WithDigitsCorrected(PickFromDayChoices(understood ?? engine._understander.Understand(text, engine.Context(state)))));
            if (state.Asked == AgentQuestion.SlotChoice && u.ChosenSlot is null && u.Cues.LanguageAsked is not null
                && LanguageRequest.Rest(text) is { } afterSwitch && engine._understander.Understand(afterSwitch, engine.Context(state)) is { ChosenSlot: not null } pick)
            {
                // "actually can we do this in english? the 11 one" at an offer (round 34): the language is switched (FrontDeskAgent)
                // and the pick said after the request is taken, as when the two are said apart.
                u = pick;
            }
            // The reply is worded in the language the message was read in.
            state.Language = u.Language ?? state.Language;
            var reading = DialogueTracker.Observe(state, u, Profile, tools);
            if (u.Cues.AfterOwnVisit && u.Intent is Intent.Book or Intent.Availability)
            {
                // "i have a massage friday, can i do a facial right after" (round 36): searched from that appointment's end.
                state.AfterOwnVisit = true;
            }
            reading.WaitlistAndOwnAppointmentAsked = _waitlistAnswered is not null && DialogueTracker.AsksOwnAppointment(text);
            // Right after a cancellation (round 34), or later in the conversation after other talk in words that name the
            // appointment ("can i keep my appointment after all?", "al final sí quiero mi cita del jueves"; round 35): read on the
            // message as written and as read into English, only while a cancel is remembered.
            reading.CancelTakenBack = state.CancelledStart is not null
                && ((state.JustDone && (DialogueTracker.TakesCancelBack(text) || DialogueTracker.TakesCancelBack(u.Text)))
                    || DialogueTracker.TakesCancelBackLater(text) || DialogueTracker.TakesCancelBackLater(u.Text));
            if (u.Cues.WithOthers && state.PartyLeft == 1 && !state.BackToBack && DialogueTracker.BackToBackSaid(text))
            {
                // Said in the message as written ("uno después del otro"), whatever its reading in English made of it.
                state.Together = state.BackToBack = true;
            }
            _missesBefore = reading.MissesBefore;
            if (state.GuestName is { } guest)
            {
                // The name as written ("Sofía"), not as read ("sofia").
                state.GuestName = DialogueTracker.AsWritten(guest, text);
            }
            if (reading.GuestNameAnswered && state.Offered.Concat(state.EarlierOffers).FirstOrDefault(o => o.SlotId == state.ChosenSlotId) is { } picked)
            {
                // The second person's name given (or declined): the pick of two is read back at once.
                return Choose(picked);
            }
            var rule = DialoguePolicy.Decide(state, reading);
            if (_waitlistAnswered is { } stillListed && rule.Then is PolicyAction.ListAppointments or PolicyAction.AnswerFaq)
            {
                state.SayFirst = state.SayFirst is { } before ? stillListed + " " + before : stillListed;
            }
            _waitlistAnswered = null;
            state.BookingOffered = false;
            (_nextMoveAsked, state.NextMoveAsked) = (state.NextMoveAsked, null);
            if (rule.Then is not (PolicyAction.AskMoveOrAnother or PolicyAction.AnswerMoveOrAnother or PolicyAction.LookUpForMoveOrAnother))
            {
                state.SameAgainAsked = null;
            }
            if (rule.Then != PolicyAction.AnythingElse)
            {
                state.JustDone = state.AnythingElseSaid = false;
            }
            // "wait no keep it" is read right after the cancellation (JustDone); "can i keep my appointment after all?", words that
            // name the appointment, also later, until something else is booked or moved (EmbeddedChatClient.ToolResults; round 35).
            // A follow-up reads only the answer right before it.
            (_faqAnswered, state.LastFaqQuestion) = (state.LastFaqQuestion, null);
            state.LateFeeAsked = u.Cues.AsksLateFee || (state.LateFeeAsked && state.PendingTool is "cancel_appointment" or "reschedule_appointment");
            // "is sofia working saturday?" (round 27): said from the schedule before the booking's question.
            _workingAsked = u.Cues.AsksWhoWorks && u.Staff.Person is not null && u.Date is { Range.IsSingleDay: true } ? u.Date.Range.Start : null;
            _weekAsked = u.Cues.AsksWhoWorks && u.Staff.Person is not null && u.Date is null;
            state.AddressAnswered = false;
            if (offersGone && state.Task is not null && (rule.IsMiss || rule.Then is PolicyAction.OutOfScope or PolicyAction.NotUnderstood or PolicyAction.AskSlotChoiceAgain))
            {
                // "the first one still open?" about a list that has gone by: nothing left to pick from, so the search runs
                // again from now (the offer says the old times passed).
                return state.Task == DialogueTask.Reschedule ? NextRescheduleStep() : NextBookingStep();
            }
            if (u.Cues.PricesWithOpenings && !rule.IsMiss && rule.Then is not (PolicyAction.OutOfScope or PolicyAction.NotUnderstood) && PricedNamed(u) is { Count: > 0 } priced)
            {
                // "how much is a facial and do you have anything saturday" (round 35): the prices, then the booking's next step.
                var prices = SayPrices(priced).Text;
                state.SayFirst = state.SayFirst is { } before ? prices + " " + before : prices;
            }
            return rule.IsMiss ? Miss(() => Act(rule.Then, reading)) : Act(rule.Then, reading);
        }

        /// <summary>The services a message names (the one, or the candidates of a kind) that have a listed price.</summary>
        private List<FrontDesk.Tools.Profile.Service> PricedNamed(Utterance u) =>
            [.. (u.Services.Kind == ServiceMatchKind.Confident ? u.Services.Services.Take(1) : u.Services.Services)
                .Select(x => Profile.FindService(x.Id)).OfType<FrontDesk.Tools.Profile.Service>().Where(x => x.Price is not null)];

        /// <summary>Carries out one action of the policy.</summary>
        private ChatMessage Act(PolicyAction action, Reading r)
        {
            var u = r.U;
            switch (action)
            {
                case PolicyAction.NoteContact:
                    // "my number is 415 555 0166" before anything else: kept for the booking to come, not read as off-topic.
                    // "you can call me Jen": the name said back.
                    return Say(state.WithTeam ? "contact_noted_for_team"
                        : u.Name is not null && u.Phone is null && u.Email is null && FirstName() is not null ? "contact_noted_name" : "contact_noted",
                        ("name", FirstName() ?? ""));
                case PolicyAction.Resume:
                    return Resume();
                case PolicyAction.AskPendingAgain:
                    // "oh this is Kim Lee btw" while the times are on offer: the name is kept, the question asked again.
                    if (state.Asked == AgentQuestion.SlotChoice && state.Offered.FirstOrDefault(o => o.SlotId == state.ProposedSlotId) is { } put)
                    {
                        return SayText(Render("noted") + " " + Render("propose_slot", ("slot", put.Label)));
                    }
                    if (state.Asked == AgentQuestion.Service && state.ProposedService is { } putAgain && state.ServiceOptions.Contains(putAgain))
                    {
                        // "Ava Thompson 4155551111" to "Shall I look for a Swedish Massage (60 min)?": the details are kept and
                        // said so, and the same proposal is put again (not the list again, not counted as another ask).
                        _uncounted = true;
                        return SayText((FirstName() is { } name ? Render("noted_name", ("name", name)) : Render("noted")) + " " + Render("propose_service",
                            ("service", ServiceIn(putAgain)), ("options", Join([.. state.ServiceOptions.Where(o => o != putAgain).Select(ServiceIn)], "list_or"))));
                    }
                    return SayText(Render("noted") + " " + Render(state.Asked switch
                    {
                        AgentQuestion.SlotChoice => "ask_slot_choice",
                        AgentQuestion.Service => state.ServiceOptions.Count > 1 ? "ask_service_choice" : "ask_service",
                        _ => "ask_day",
                    }, ("slots", Join(state.Offered.Select(o => o.Label).ToList(), "list_or")), ("options", ServiceOptionsList())));
                case PolicyAction.AskVerifyPhoneAgain:
                {
                    // "Jenny Park" where the number on the account was asked: the name is kept, the move (or cancel, or
                    // look-up) goes on, and the number is asked again, in other words the second time.
                    var second = state.AskedBefore == AgentQuestion.Phone;
                    state.AskedBefore = AgentQuestion.Phone;
                    state.Asked = AgentQuestion.Phone;
                    _detailCameIn = true;
                    return second ? Say("verification_phone_again_2")
                        : FirstName() is { } first ? Say("verification_phone_again", ("name", first)) : Say("verification_phone_again_noname");
                }
                case PolicyAction.Restart:
                    state.ResetTask();
                    if (u.Services.Kind == ServiceMatchKind.Confident)
                    {
                        // "ugh start over, i want a swedish 60 sunday instead": the new request is in the same message. Nothing of
                        // the one dropped is kept (the reset above), and the new one is taken up at once as a booking (round 29).
                        state.SayFirst = Render("restart_with_new");
                        var anew = DialogueTracker.Observe(state, u with { Intent = Intent.Book, Confidence = 1 }, Profile, tools);
                        return Act(DialoguePolicy.Decide(state, anew).Then, anew);
                    }
                    return Say("restart");
                case PolicyAction.NeverMind:
                    state.ResetTask();
                    return Say("never_mind");
                case PolicyAction.BookSameForAnother:
                    return BookSameForAnother(u);
                case PolicyAction.AskMoveOrAnother:
                    // "same time next friday?" right after a booking: a move or one more? Asked; nothing changes on it, and a
                    // yes (no choice) gets the question again.
                    state.SameAgainAsked ??= _text;
                    return Say("same_time_move_or_another", ("day", SpokenTime.Day(DateOnly.ParseExact(state.LastBookedStart![..10], "yyyy-MM-dd", Inv), state.Language)));
                case PolicyAction.LookUpForMoveOrAnother:
                    // "same time next friday?" with no booking made here: which appointment's time is meant is looked up first
                    // (OnAppointments asks move or another about it; nothing changes on it).
                    state.ResetTask();
                    state.Task = DialogueTask.List;
                    state.SameAgainAsked = _text;
                    state.DateStart = u.Date!.Range.Start.ToString("yyyy-MM-dd", Inv);
                    return Call("list_appointments", []);
                case PolicyAction.LookUpVisitTold:
                {
                    // "i got a facial on saturday": their Saturday facial, or a past visit; the appointments say which (round 25).
                    var day = u.Date!.Range.Start;
                    if (u.Cues.PastVisit)
                    {
                        state.PastVisitService = u.Services.Service?.Id ?? state.PastVisitService;
                    }
                    if (day < Profile.Today(engine._clock))
                    {
                        return Say("past_visit");
                    }
                    state.ResetTask();
                    state.Task = DialogueTask.List;
                    state.VisitToldCheck = u.Cues.PastVisit ? VisitTold.PastOrComing : VisitTold.Coming;
                    state.DateStart = state.DateEnd = day.ToString("yyyy-MM-dd", Inv);
                    state.ServiceOptions = [.. u.Services.Services.Select(x => x.Name)];
                    return Call("list_appointments", []);
                }
                case PolicyAction.AskWhichOfTwoDays:
                {
                    // "friday the 12th" (a Saturday): the rest of the message kept, the day asked between the two it may mean.
                    if (state.Task is null)
                    {
                        state.ResetTask();
                        state.Task = DialogueTask.Book;
                    }
                    DialogueTracker.Merge(state, u with { Date = null });
                    state.DateStart = state.DateEnd = null;
                    state.DayChoices = [.. u.DayChoices.Select(d => d.ToString("yyyy-MM-dd", Inv))];
                    state.Asked = AgentQuestion.Date;
                    return Say("which_of_two_days", ("first", SpokenTime.Day(u.DayChoices[0], state.Language)), ("second", SpokenTime.Day(u.DayChoices[1], state.Language)));
                }
                case PolicyAction.BookPastVisitAgain:
                {
                    // "i want another one friday" after "i had a hydrafacial last week": that service, searched and read back.
                    StartBookingOf(u, state.PastVisitService);
                    return NextBookingStep();
                }
                case PolicyAction.AnswerMoveOrAnother:
                {
                    // "move it" / "another one pls": the question read again with the answer's word, as if said together ("move
                    // it to same time next friday?", "book another one same time next friday?").
                    var asked = state.SameAgainAsked!;
                    state.SameAgainAsked = null;
                    var spanish = state.Language == ConversationLanguage.Spanish;
                    return OnUserTurn(u.Cues.SaysMove ? (spanish ? "muévela, " : "move it to ") + asked : (spanish ? "agéndame otra, " : "book another one ") + asked, null);
                }
                case PolicyAction.BookSameAgain:
                    return BookSameAgain(u);
                case PolicyAction.SearchOtherDaysForWaitlisted:
                {
                    // "y qué otros días tienen?" right after joining a waitlist: the same service searched over the next week
                    // (or the days said); times are offered, nothing is booked without a pick and a yes.
                    var waited = state.WaitlistedService!;
                    StartBookingOf(u, FrontDesk.Tools.CatalogLookup.Services(Profile, waited) is [var service] ? service.Id : waited);
                    if (state.DateStart is null)
                    {
                        var today = Profile.Today(engine._clock);
                        state.DateStart = today.ToString("yyyy-MM-dd", Inv);
                        state.DateEnd = today.AddDays(7).ToString("yyyy-MM-dd", Inv);
                    }
                    return NextBookingStep();
                }
                case PolicyAction.NothingToDrop:
                    return Say("never_mind_nothing");
                case PolicyAction.OutOfScope:
                    return Say("out_of_scope");
                case PolicyAction.Thanks:
                    return Say("thanks");
                case PolicyAction.AnythingElse:
                {
                    // "cool" after "You're all set!": anything else; a second "ok" gets a closing line, not the question again.
                    var again = state.AnythingElseSaid;
                    state.AnythingElseSaid = true;
                    return Say(again ? "anything_else_again" : "anything_else");
                }
                case PolicyAction.Goodbye:
                    state.ResetTask();
                    return Say("goodbye");
                case PolicyAction.Smalltalk:
                    if (u.Cues.AsksDate)
                    {
                        return SayDate(u);
                    }
                    if (u.Cues.AsksPace)
                    {
                        return Say("pace_asked");
                    }
                    if (u.Cues.WrongNumber)
                    {
                        return Say("wrong_number");
                    }
                    if (u.Cues.HappyNews)
                    {
                        // "i just had a baby 3 weeks ago" (round 29): congratulated, and asked how to help; nothing offered.
                        return Say("happy_news");
                    }
                    if (u.Cues.Praise)
                    {
                        // "maya is amazing" (round 31): thanked, and asked how to help; nothing offered.
                        return Say("praise_thanks");
                    }
                    if (u.Cues.PastVisit)
                    {
                        // Its service is kept: "i want another one friday" next books it (round 25).
                        state.PastVisitService = u.Services.Service?.Id ?? state.PastVisitService;
                        // "i got lip filler with you guys on saturday": told, not asked; what it leads to is asked (round 24).
                        return Say("past_visit");
                    }
                    return Say(u.Cues.LanguageAsked is { } wanted ? (wanted == state.Language ? "language_served" : "language_not_served")
                        : u.Cues.AboutAssistant ? "are_you_a_bot" : u.Cues.AsksAboutAssistant ? "about_assistant"
                        : u.Cues.WellBeingAsked ? "smalltalk" : "smalltalk_plain");
                case PolicyAction.HandToPerson:
                    return Say("escalation_human_request");
                case PolicyAction.LeaveWaitlistByTeam:
                {
                    // "take me off it" with no opening pending: no tool leaves a waitlist, so a person does it, and says so.
                    state.OnWaitlist = false;
                    var message = Say("waitlist_leave_by_team");
                    message.AdditionalProperties![HandoffKey] = "human_request";
                    return message;
                }
                case PolicyAction.Write:
                case PolicyAction.AskReadBackAgain:
                    // Asked again, the tool sets the read-back up anew.
                    return Call(state.PendingTool!, JsonSerializer.Deserialize<Dictionary<string, object?>>(state.PendingArgs ?? "{}")!);
                case PolicyAction.AnswerAtServiceChoice:
                    // The answer first, then the choice of services again in one line. Nothing is asked while the answers are
                    // worded (they are not the choice asked again); the booking step asks it after them.
                    state.Asked = AgentQuestion.Nothing;
                    state.SearchAfterAnswer = true;
                    state.RestateAfterAnswer = true;
                    return AskFaq(u);
                case PolicyAction.SayWhyAtReadBack:
                    // Why the detail is kept, then the pending yes-or-no again in one line (the write still waits for it).
                    state.RestateAfterAnswer = true;
                    state.SayFirst = Render(WhyDetailIsName(u.Text) ? "why_name_held" : "why_phone_held");
                    return Call(state.PendingTool!, JsonSerializer.Deserialize<Dictionary<string, object?>>(state.PendingArgs ?? "{}")!);
                case PolicyAction.SayProviderAtReadBack:
                {
                    // "hold on, is that with maya?": yes or no from the time read back, then the read-back again in one line.
                    var readBackWith = ProviderReadBack();
                    var asked = r.ProviderAsked!;
                    var same = readBackWith is not null && string.Equals(readBackWith, asked.Name, StringComparison.OrdinalIgnoreCase);
                    state.RestateAfterAnswer = true;
                    state.SayFirst = readBackWith is null ? null
                        : Render(same ? "provider_asked_yes" : "provider_asked_no", ("provider", readBackWith), ("asked", asked.Name.Split(' ')[0]));
                    return Call(state.PendingTool!, JsonSerializer.Deserialize<Dictionary<string, object?>>(state.PendingArgs ?? "{}")!);
                }
                case PolicyAction.AnswerAtReadBack:
                    // The answer first, then the pending yes-or-no again in one line (the write waits for it).
                    state.RestateAfterAnswer = true;
                    return AskFaq(u);
                case PolicyAction.AskNextMove:
                {
                    var left = state.MovesLeft!;
                    var at = left.AllRefs.IndexOf(left.Refs[0]);
                    state.ResetTask();
                    state.NextMoveAsked = left;
                    return Say("move_first_left_next_asked", ("appointment", at >= 0 && at < left.AllLabels.Count ? left.AllLabels[at] : ""));
                }
                case PolicyAction.MoveNextAsked:
                    state.ResetTask();
                    return MoveNextOfMany("", _nextMoveAsked!);
                case PolicyAction.LeaveNextMove:
                {
                    var left = _nextMoveAsked!;
                    var at = left.AllRefs.IndexOf(left.Refs[0]);
                    state.ResetTask();
                    state.JustDone = true;
                    return Say("move_next_left", ("appointment", at >= 0 && at < left.AllLabels.Count ? left.AllLabels[at] : ""));
                }
                case PolicyAction.SayDeclined:
                    state.MoveOfManyDeclined = state.MovesLeft is { Refs.Count: > 0 } && r.DeclinedTool == "reschedule_appointment";
                    if (r.DeclinedTool is "book_appointment" or "reschedule_appointment" && state.Offered.Count > 1)
                    {
                        // "no" to the read-back: the other times offered are still on the table ("the 10 then").
                        state.Asked = AgentQuestion.SlotChoice;
                    }
                    return Say(r.DeclinedTool switch
                    {
                        "cancel_appointment" => "cancel_declined",
                        "reschedule_appointment" => "move_declined",
                        // A no to "I'd cancel your … and book … instead": the appointment stays as it is.
                        "book_appointment" when state.Task == DialogueTask.Reschedule => "move_declined",
                        "join_waitlist" => "waitlist_declined",
                        _ => "booking_declined",
                    });
                case PolicyAction.ChooseCorrectedSlot:
                    // "yes but make it 11" when 11 was on offer that day: that slot, read back.
                    return Choose(r.CorrectedSlot!);
                case PolicyAction.SearchAgain:
                    // "hold on, can we do 4 instead?" at the read-back: search again with the new value; 4, if free, is read back.
                    // "… instead, same time", "make it the 90 minute one": the time read back is read back again if free (the tracker kept it).
                    state.TakeAskedTime = u.Time?.Kind == TimePreferenceKind.Exact
                        || ((u.SameTime || !DialogueTracker.HasSlots(u) || DialogueTracker.MakesTheirsAnother(state, u) || r.TheirsChangedByKind) && state.TakeAskedTime);
                    state.Offered = [];
                    state.Phase = DialoguePhase.None;
                    return NextStep();
                case PolicyAction.AskSlotsOrWaitlist:
                    return Say("slots_or_waitlist", ("slots", Join(state.Offered.Select(o => o.Label).ToList(), "list_or")));
                case PolicyAction.JoinWaitlist:
                    state.Phase = DialoguePhase.None;
                    state.Task = DialogueTask.Waitlist;
                    return NextWaitlistStep();
                case PolicyAction.KeepWhileVerifying:
                    // "can we do the following weekend instead, same time" while the code is pending: kept for after the code.
                    if (u.Time is null && state.ChosenSlotId is not null && u.Cues.Numbers is [var hour and >= 1 and <= 12])
                    {
                        // "can we push it to 2 instead" for the booking under way: a bare hour is the new time (1-7 afternoon).
                        u = u with { Time = new TimePreference(TimePreferenceKind.Exact, new TimeOnly(hour is <= 7 ? hour + 12 : hour, 0), null, null, true, []) };
                    }
                    if (DialogueTracker.Merge(state, u) && state.ChosenSlotId is not null)
                    {
                        // Another time or day than the one picked: searched after the code, and read back if it is free.
                        state.ChosenSlotId = null;
                        state.Offered = [];
                        state.TakeAskedTime = u.Time?.Kind == TimePreferenceKind.Exact;
                    }
                    state.ShiftMinutes = u.ShiftMinutes ?? state.ShiftMinutes;
                    state.SameTime |= u.SameTime;
                    state.SameDay |= u.SameDay;
                    return Say(state.Phase == DialoguePhase.VerifyCode ? "kept_while_verifying_code" : "kept_while_verifying_phone", ("what", WhatWasSaid(u)));
                case PolicyAction.VerifyCode:
                    return Call("verify_phone", new() { ["code"] = u.Cues.Code });
                case PolicyAction.ResendCode:
                    // "i didn't get it": a new code through the same tool, to the number being verified (or a new one given).
                    state.ResendingCode = true;
                    state.DetailWaits = 0;
                    return Call("send_verification_code", new() { ["phone"] = u.Phone ?? state.Phone });
                case PolicyAction.WaitForCode:
                    // "ok", "got it, one sec" while the code is on its way: not a miss; "take your time", then "no rush".
                    state.QuestionAsks = 0;
                    return Say(state.DetailWaits++ == 0 ? "wait_for_code" : "wait_for_code_more");
                case PolicyAction.SendCode:
                    return Call("send_verification_code", new() { ["phone"] = u.Phone });
                case PolicyAction.AskName:
                    // "yes" or "ok" is not a name: ask again rather than book someone called "Yes".
                    return Say("ask_name");
                case PolicyAction.TakeName:
                    state.Name = u.Name ?? u.Cues.NameCandidate;
                    return Resume();
                case PolicyAction.ChooseSlot:
                    if (AsideQuestion(u, r.Chosen!.Location ?? state.LocationId) is { } besidePick)
                    {
                        // "oye y hay estacionamiento? bueno la de las 10 me sirve": the question answered first, then the pick taken.
                        state.ChooseAfterAnswer = r.Chosen!.SlotId;
                        return Call("answer_faq", besidePick);
                    }
                    return Choose(r.Chosen!);
                case PolicyAction.ProposeFirstOffered:
                    // "ok whoever then": anybody is fine, so the first time on offer is put as a yes-or-no question (not a miss).
                    state.ProposedSlotId = null;
                    return ProposeSlot()!;
                case PolicyAction.ChooseEarliest:
                    // "earliest", "whatever's soonest": the first in time, whatever the order the list was said in.
                    return Choose(state.Offered.OrderBy(o => o.Date, StringComparer.Ordinal).ThenBy(o => o.Time, StringComparer.Ordinal).First());
                case PolicyAction.SearchWithPrice:
                    // Both halves answered: the times for the day asked, with the price said first.
                    DialogueTracker.Merge(state, u);
                    state.Task ??= DialogueTask.Book;
                    state.Offered = [];
                    state.SayPrice = true;
                    if (AsideQuestion(u, state.LocationId) is { } besidePrice)
                    {
                        // "how much is a signature facial and do you have anything saturday and where do i park": the third
                        // question is looked up first, its answer said before the price and the times (nothing dropped).
                        state.SearchAfterAnswer = true;
                        return Call("answer_faq", besidePrice);
                    }
                    return NextBookingStep();
                case PolicyAction.SearchPastOffer:
                    // "and the one after?", "any other times?": past the latest on offer; "anything earlier?": before the earliest.
                    return SearchPastOffer(u.Cues.Nudge == TimeNudge.Earlier && !u.Cues.NextOne ? TimeNudge.Earlier : TimeNudge.Later);
                case PolicyAction.SearchLatest:
                    // "whats the latest": the day's last openings, nearest the evening first (the part of day asked stays a floor).
                    DialogueTracker.Merge(state, u with { Time = null });
                    state.Near = "21:00";
                    state.Before = null;
                    state.Offered = [];
                    state.SayLatest = true;
                    return NextStep();
                case PolicyAction.ChooseOnlySlot:
                    return Choose(state.Offered[0]);
                case PolicyAction.SearchEitherTime:
                    return SearchEitherTime(u);
                case PolicyAction.ChooseEarlierOffer:
                    return Choose(r.EarlierOfferAtTime!);
                case PolicyAction.SayNotOffered:
                    // "do you do brow waxing?": not ours; what we do offer, so the person can pick something close.
                    return MenuSay("not_offered");
                case PolicyAction.AskDetailForPick:
                    // "ok that one" while the number is asked after a pick: the pick stands; the detail asked again, saying which time.
                    return Say(state.Asked == AgentQuestion.Phone ? "ask_phone_for_pick" : "ask_name_for_pick",
                        ("slot", state.Offered.FirstOrDefault(o => o.SlotId == state.ChosenSlotId)?.Label ?? ""));
                case PolicyAction.SayWhyDetail:
                    // Why the name or number is needed, and the same detail asked for again; the time picked stays.
                    return Say(state.Asked == AgentQuestion.Phone ? "why_phone" : "why_name");
                case PolicyAction.WaitForDetail:
                    // "ok" / "one sec" while the number is asked: the person is about to give it. Not a miss and not an ask
                    // that counts towards a hand-off; the first gets a short "go ahead", the rest "no rush" (no question).
                    state.QuestionAsks = 0;
                    return Say((state.Asked == AgentQuestion.Phone ? "wait_for_phone" : "wait_for_email") + (state.DetailWaits++ == 0 ? "" : "_more"));
                case PolicyAction.SayMenu:
                    // "what services do you offer": the options being chosen from, else the menu (its kinds when it is long).
                    _detailCameIn = true;
                    if (r.AskedOnArrival == AgentQuestion.Service && state.ServiceOptions.Count > 1)
                    {
                        state.Asked = AgentQuestion.Service;
                        return Say("ask_service_options", ("options", ServiceOptionsList()));
                    }
                    return MenuSay("menu_offer");
                case PolicyAction.SayPrices:
                    if (AtAnOffer())
                    {
                        // "how much is it" while times are on offer: the price, then the times again in one line.
                        _uncounted = true;
                        var prices = SayPrices(r.PricedServices, r.U.Cues.Cheapest).Text;
                        return SayText(prices + " " + OfferAgain());
                    }
                    return SayPrices(r.PricedServices, r.U.Cues.Cheapest);
                case PolicyAction.SayLengths:
                {
                    // "how long is the swedish massage": each listed length, not the one the FAQ found first.
                    var lengths = Render("length_list", ("lengths", Join([.. r.TimedServices.Select(x => Render("length_note", ("service", x.NameIn(state.Language)),
                        ("minutes", x.DurationMin.ToString(Inv))))], "list_and")));
                    if (AtAnOffer())
                    {
                        _uncounted = true;
                        return SayText(lengths + " " + OfferAgain());
                    }
                    return SayText(lengths);
                }
                case PolicyAction.AskHoursForDay:
                    // "and sunday?" after "what time do you close on saturday": the same question, for that day.
                    return Call("answer_faq", new()
                    {
                        ["question"] = state.LastHoursQuestion, ["location"] = u.Location?.Location?.Id ?? state.LocationId,
                        ["date"] = u.Date!.Range.Start.ToString("yyyy-MM-dd", Inv), ["end_date"] = u.Date.Range.End.ToString("yyyy-MM-dd", Inv),
                    });
                case PolicyAction.AskFaqFollowUp:
                    // "do you have parking" → "and is it free": looked up with the question it follows.
                    return Call("answer_faq", new() { ["question"] = $"{_faqAnswered!.TrimEnd('?', ' ')}? {u.Text}", ["location"] = u.Location?.Location?.Id ?? state.LocationId });
                case PolicyAction.ChooseProposedSlot:
                    return Choose(state.Offered.First(o => o.SlotId == state.ProposedSlotId));
                case PolicyAction.StillWithTeam:
                    return Say("still_with_team");
                case PolicyAction.ChooseAskedTime:
                    // "wednesday at 10" → 10 is on offer → "Sam Lee 415 555 0166": their details for the time they asked.
                    return Choose(r.OfferAtAskedTime!);
                case PolicyAction.AskWhichAppointment:
                    return Say("which_appointment", ("appointments", Join(state.AppointmentLabels, "list_or")));
                case PolicyAction.AskServiceChoice:
                    // An either/or question is asked again, never answered for them.
                    return Say("ask_service_choice", ("options", ServiceOptionsList()));
                case PolicyAction.SwitchServiceLength:
                    // "hmm the shorter one instead" after the 90-minute times were offered: the 60-minute one, same search.
                    state.ServiceId = r.Sibling!.Id;
                    state.Offered = [];
                    DialogueTracker.Merge(state, u with { Services = ServiceMatch.None });
                    return NextStep();
                case PolicyAction.PickProposedService:
                    // "sure" to "Shall I look for a Swedish Massage (60 min)?": that one, with the days and times given.
                    state.ServiceId = FrontDesk.Tools.CatalogLookup.Services(Profile, state.ProposedService!) is [var proposed, ..] ? proposed.Id : null;
                    state.ServiceOptions = [];
                    state.ProposedService = null;
                    state.Task ??= DialogueTask.Book;
                    return state.Task == DialogueTask.Waitlist ? NextWaitlistStep() : NextBookingStep();
                case PolicyAction.PickServiceOption:
                    if (u.Cues.AnyWillDo && state.ServiceOptions.Count > 1)
                    {
                        // "whatever is earliest" at a choice of services: the first (most general) one, said so it can be changed.
                        state.SayFirst = Render("any_service_picked", ("service", r.ServiceOption!.NameIn(state.Language)));
                    }
                    state.ServiceId = r.ServiceOption!.Id;
                    state.ServiceOptions = [];
                    state.Task ??= DialogueTask.Book;
                    DialogueTracker.Merge(state, u with { Services = ServiceMatch.None });
                    return state.Task == DialogueTask.Waitlist ? NextWaitlistStep() : NextBookingStep();
                case PolicyAction.PickAppointment:
                    state.AppointmentRef = r.PickedAppointment;
                    state.Phase = DialoguePhase.None;
                    if (state.Task == DialogueTask.Reschedule && u.MoveFrom is not null)
                    {
                        // "the tuesday one to saturday": the appointment by its day, and the day it goes to, in one message.
                        DialogueTracker.Merge(state, u with { Services = ServiceMatch.None });
                    }
                    return state.Task == DialogueTask.Cancel ? Call("cancel_appointment", new() { ["appointment_ref"] = state.AppointmentRef }) : NextRescheduleStep();
                case PolicyAction.SayNextAppointment:
                {
                    // "and the one after?" once the person's appointments were said: the next on the list.
                    var next = (state.AppointmentSaid ?? 0) + 1;
                    if (next >= state.AppointmentLabels.Count)
                    {
                        return Say("no_appointment_after");
                    }
                    state.AppointmentSaid = next;
                    return Say("appointment_after", ("appointment", state.AppointmentLabels[next]));
                }
                case PolicyAction.LookUpUsual:
                {
                    // "my usual", "same as last time": the client's recent visits give the service (and the provider).
                    var among = u.Services.Kind == ServiceMatchKind.None ? [] : u.Services.Services.Select(x => x.Id).ToList();
                    if (state.Task is not DialogueTask.Book)
                    {
                        state.ResetTask();
                    }
                    state.Task = DialogueTask.Book;
                    DialogueTracker.Merge(state, u with { Services = ServiceMatch.None });
                    state.ServiceOptions = [];
                    state.LookingUpUsual = true;
                    state.UsualAmong = among;
                    return Call("find_client", []);
                }
                case PolicyAction.StartCancel:
                {
                    // "cancel the second one" right after the appointments were said: that one, found again in the list read anew.
                    var pickedCancel = PickedFromList(u);
                    state.ResetTask();
                    state.AppointmentPicked = pickedCancel;
                    state.AppointmentPosition = pickedCancel is null ? PositionSaid(u) : null;
                    state.Task = DialogueTask.Cancel;
                    // "cancel the one on the 30th", "cancel my facial": kept to tell the appointments apart.
                    DialogueTracker.Merge(state, u);
                    // "… and book me a massage saturday instead": taken up once the cancel is done.
                    state.ThenBook = u.ThenBook;
                    state.CancelAll = u.Cues.AllOfThem;
                    state.CancelDays = [.. u.DaysNamed.Select(d => d.ToString("yyyy-MM-dd", Inv))];
                    return Call("list_appointments", []);
                }
                case PolicyAction.StartReschedule:
                {
                    // "friday same time" after "the massage" was picked from two: the move goes on with the massage.
                    var pickedMove = PickedFromList(u) ?? (state.Task == DialogueTask.Reschedule && state.AppointmentRef is { } moving
                        && state.AppointmentRefs.IndexOf(moving) is var at and >= 0 && at < state.AppointmentLabels.Count ? state.AppointmentLabels[at] : null);
                    state.ResetTask();
                    state.AppointmentPicked = pickedMove;
                    state.AppointmentPosition = pickedMove is null ? PositionSaid(u) : null;
                    state.Task = DialogueTask.Reschedule;
                    (state.MoveFromStart, state.MoveFromEnd) = (u.MoveFrom?.Start.ToString("yyyy-MM-dd", Inv), u.MoveFrom?.End.ToString("yyyy-MM-dd", Inv));
                    DialogueTracker.Merge(state, u);
                    state.ShiftMinutes = u.ShiftMinutes;
                    state.SameTime = u.SameTime;
                    state.SameDay = u.SameDay;
                    state.DayNudge = u.DayNudge;
                    KeepServiceChange(u);
                    // "push tmrw's facial to fri same time", "move it to friday at 2": an exact new time (the appointment's own, or
                    // a clock time) is read back at once when it is open for the appointment's service and provider; the nearest
                    // times are offered when it is not (round 23). A part of day or a day alone still offers the times.
                    state.TakeAskedTime = u.SameTime || u.Time?.Kind == TimePreferenceKind.Exact;
                    // "move both to next week": every appointment, one after another (round 27).
                    state.MoveAll = u.Cues.AllOfThem;
                    return Call("list_appointments", []);
                }
                case PolicyAction.RebookCancelled:
                {
                    // "wait no keep it" right after the yes to a cancellation (round 34): the same service, day, time and provider
                    // searched again; read back at once when still free (booked only on the yes), else said plainly that the time
                    // is gone and the nearest times offered.
                    var (service, start, staff, place) = (state.CancelledService!, state.CancelledStart!, state.CancelledStaff, state.CancelledLocation);
                    state.ResetTask();
                    state.CancelledService = state.CancelledStart = state.CancelledStaff = state.CancelledLocation = null;
                    state.Task = DialogueTask.Book;
                    state.ServiceId = service;
                    var was = DateTime.ParseExact(start, "yyyy-MM-ddTHH:mm", Inv);
                    state.DateStart = state.DateEnd = was.ToString("yyyy-MM-dd", Inv);
                    state.Near = was.ToString("HH:mm", Inv);
                    state.StaffId = staff;
                    state.LocationId = place;
                    state.TakeAskedTime = true;
                    return NextBookingStep();
                }
                case PolicyAction.PutMovedBack:
                case PolicyAction.MoveAgain:
                {
                    // "put it back like it was" / "ay no, mejor el viernes a las 10" after a move (round 33): the same appointment,
                    // found again by where it stands now once the list is read; its old time (or the new day or time said) searched
                    // for it and read back, moved only on the yes.
                    var (from, to, service) = (state.MovedFromStart!, state.MovedToStart!, state.MovedService);
                    state.ResetTask();
                    (state.MovedFromStart, state.MovedToStart, state.MovedService) = (from, to, service);
                    state.Task = DialogueTask.Reschedule;
                    state.MoveAppointmentAt = to;
                    if (action == PolicyAction.PutMovedBack)
                    {
                        var was = DateTime.ParseExact(from, "yyyy-MM-ddTHH:mm", Inv);
                        state.DateStart = state.DateEnd = was.ToString("yyyy-MM-dd", Inv);
                        state.Near = was.ToString("HH:mm", Inv);
                        state.TakeAskedTime = true;
                    }
                    else
                    {
                        DialogueTracker.Merge(state, u with { Services = ServiceMatch.None });
                        state.SameTime = u.SameTime;
                        state.SameDay = u.SameDay;
                        state.DayNudge = u.DayNudge;
                        state.TakeAskedTime = u.SameTime || u.Time?.Kind == TimePreferenceKind.Exact;
                    }
                    return Call("list_appointments", []);
                }
                case PolicyAction.ListAppointments:
                    state.ResetTask();
                    state.Task = DialogueTask.List;
                    return Call("list_appointments", []);
                case PolicyAction.StartWaitlist:
                    state.Task = DialogueTask.Waitlist;
                    DialogueTracker.Merge(state, u);
                    return NextWaitlistStep();
                case PolicyAction.AnswerFaq:
                    // "is there parking?" while times are on offer: answered, then the times said again (the offer stands).
                    state.RestateOffer = AtAnOffer();
                    return AskFaq(u);
                case PolicyAction.Greet:
                    return Say("greeting");
                case PolicyAction.DeclineSlotsAndWaitlist:
                    state.ResetTask();
                    return Say("waitlist_declined");
                case PolicyAction.SearchNearTextedOffer:
                {
                    // "yes but 30 min later?", "can it be a bit later? like 11": the opening's service, on its day (or the day
                    // said), near the time asked; the opening itself stays held until it lapses.
                    var texted = state.TextedOffer!;
                    var service = state.TextedOfferService;
                    state.ResetTask();
                    state.Task = DialogueTask.Book;
                    DialogueTracker.Merge(state, u with { Services = ServiceMatch.None, ShiftMinutes = null });
                    state.ServiceId = service;
                    state.DateStart ??= texted.Date;
                    state.DateEnd ??= texted.Date;
                    var at = TimeOnly.ParseExact(texted.Time, "HH:mm", Inv);
                    if (u.Time is null && u.ShiftMinutes is { } shift)
                    {
                        state.Near = at.AddMinutes(shift).ToString("HH:mm", Inv);
                        state.TakeAskedTime = true;
                    }
                    else if (u.Time is null && (u.DayNudge == TimeNudge.Later || u.Cues.Nudge == TimeNudge.Later))
                    {
                        state.After = at.AddMinutes(15).ToString("HH:mm", Inv);
                    }
                    else if (u.Time is null && (u.DayNudge == TimeNudge.Earlier || u.Cues.Nudge == TimeNudge.Earlier))
                    {
                        state.Before = texted.Time;
                    }
                    return NextBookingStep();
                }
                case PolicyAction.DeclineTextedOffer:
                    // "no thanks", "no thanks take me off": the opening goes to the next person; off the waitlist only if said.
                    return Call("decline_waitlist_offer", new() { ["leave_waitlist"] = u.Cues.LeavesList });
                case PolicyAction.TakeTextedOffer:
                    state.Task = DialogueTask.AcceptOffer;
                    state.Phase = DialoguePhase.None;
                    return Call("accept_waitlist_offer", []);
                case PolicyAction.CheckWaitlistOffer:
                    // "did anything open up yet?" after joining: look for an opening texted to them, without taking it.
                    state.ResetTask();
                    return Call("find_waitlist_offer", []);
                case PolicyAction.AcceptWaitlistOffer:
                    // A bare yes with nothing asked may answer a waitlist text; book only if there is such an offer.
                    state.Task = DialogueTask.AcceptOffer;
                    return Call("find_waitlist_offer", []);
                case PolicyAction.AskSlotChoiceAgain:
                    return Say("ask_slot_choice", ("slots", Join(state.Offered.Select(o => o.Label).ToList(), "list_or")));
                case PolicyAction.ClarifyPending:
                    return ClarifyPending();
                case PolicyAction.HandGroupToTeam:
                {
                    // A group of four or more is booked together by a person (rooms, providers, one bill); nothing is searched.
                    state.ResetTask();
                    state.WithTeam = true;
                    var handedOver = Say("group_to_team");
                    handedOver.AdditionalProperties![HandoffKey] = GroupHandoff;
                    return handedOver;
                }
                case PolicyAction.SayAddressOfPlace:
                    return Call("answer_faq", new() { ["question"] = _faqAnswered ?? "where are you located?", ["location"] = u.Location!.Location!.Id });
                case PolicyAction.SayWhereWeAre:
                    return SayWhereWeAre();
                case PolicyAction.RepeatOffer:
                    return Say("offer_repeated", ("slots", Join(state.Offered.Select(o => o.Label).ToList(), "list_or")));
                case PolicyAction.RepeatQuestion:
                    // "sorry, what was that" at "the 60 or the 90?": the question again, as it was (not "never mind").
                    _uncounted = true;
                    return state.Asked == AgentQuestion.Date ? Say("ask_day")
                        : state.ServiceOptions.Count > 1 ? Say("ask_service_options", ("options", ServiceOptionsList()))
                        : Say(state.Task == DialogueTask.Waitlist ? "ask_service_waitlist" : "ask_service");
                case PolicyAction.NotOnTheMenu:
                    // "ok what about a brow wax this afternoon": not ours, but a request; the afternoon is kept for what they pick.
                    DialogueTracker.Merge(state, u);
                    state.Task ??= DialogueTask.Book;
                    state.ServiceId = null;
                    state.ServiceOptions = [];
                    state.Asked = AgentQuestion.Service;
                    return MenuSay("unknown_service");
                case PolicyAction.AskUnknownService:
                    // A bare yes or no, or "eh?" / "huh", names no treatment: what we offer, without "that isn't something we offer".
                    return MenuSay((u.YesNo != YesNo.Unknown || NothingSaid().IsMatch(u.Text)) && !u.Cues.NamesATreatment ? "menu_offer" : "unknown_service");
                case PolicyAction.ContinueReschedule:
                    DialogueTracker.Merge(state, u);
                    // "friday at 2" to "which day?": the exact time is read back at once when it is open, as above.
                    state.TakeAskedTime |= u.Time?.Kind == TimePreferenceKind.Exact;
                    KeepServiceChange(u);
                    state.DayNudge = u.DayNudge == TimeNudge.None ? state.DayNudge : u.DayNudge;
                    return NextRescheduleStep();
                case PolicyAction.ContinueWaitlist:
                    DialogueTracker.Merge(state, u);
                    return NextWaitlistStep();
                case PolicyAction.NotUnderstood:
                    return Say("not_understood");
                case PolicyAction.BookInstead:
                    // "si" / "yes, a massage on friday" to "would you like to book one?", or "ok then I want to book one" while a
                    // number is verified for a cancellation: a booking (no code needed), with whatever the message names.
                    state.ResetTask();
                    state.Task = DialogueTask.Book;
                    DialogueTracker.Merge(state, u);
                    return NextBookingStep();
                case PolicyAction.SayBookingNotWanted:
                    return Say("booking_offer_declined");
                case PolicyAction.Search:
                default:
                    var (after, before) = (state.After, state.Before);
                    var serviceBefore = state.ServiceId;
                    var changed = DialogueTracker.Merge(state, u);
                    if (u.Cues.ComparesPrice && serviceBefore is not null && state.ServiceId is not null && state.ServiceId != serviceBefore)
                    {
                        // "maybe dermaplaning instead, is that cheaper?": both listed prices said, then the new service's times.
                        state.SayPrice = true;
                        state.PriceComparedWith = serviceBefore;
                    }
                    _whenCorrected = changed && u.IsCorrection && (u.Date is not null || u.Time is not null);
                    if (r.AskedOnArrival == AgentQuestion.SlotChoice && u.Time is { Kind: TimePreferenceKind.Exact, Exact: { } said } && (after ?? before) is not null
                        && (after is null || string.CompareOrdinal(said.ToString("HH:mm", Inv), after) >= 0)
                        && (before is null || string.CompareOrdinal(said.ToString("HH:mm", Inv), before) <= 0))
                    {
                        // "after 5" … "6 works": the time said is inside the window asked for, so the window stays for the search.
                        (state.After, state.Before) = (after, before);
                    }
                    if (state.Task is null && u.SameDay && u.Date is null && state.DateStart is null && state.LastBookedStart is { Length: >= 10 } booked)
                    {
                        // "and can i also get a swedish massage the same day" after a booking: the day of the one just booked.
                        state.DateStart = state.DateEnd = booked[..10];
                    }
                    state.Task ??= DialogueTask.Book;
                    if (u.Cues.DescribesPlace && u.Location is null && state.LocationId is null && Profile.Locations.Count > 1)
                    {
                        // "hydrafacial saturday at the one by the water": the profile has no descriptions; which place is asked.
                        state.AskLocation = true;
                    }
                    // "3:30 works" said to an offer of other times: if 3:30 is free, it is their pick (read back, not listed).
                    state.TakeAskedTime = r.AskedOnArrival == AgentQuestion.SlotChoice && u.Time?.Kind == TimePreferenceKind.Exact && r.Chosen is null;
                    if (r.AskedOnArrival == AgentQuestion.SlotChoice && r.Chosen is null && u.Time?.Kind == TimePreferenceKind.Window && state.LeadWith is null
                        && DialogueTracker.OneInPartOfDay(_text))
                    {
                        // "the one after lunch", "el de la tarde" at an offer with nothing then (round 36): one time meant, so the
                        // part of the day's first opening leads as a yes-or-no question (a yes takes it), the others after it.
                        state.LeadWith = TimePreferenceKind.Earliest;
                    }
                    if (changed)
                    {
                        state.Offered = [];
                        // A pick made before the search changed ("a different person than the one you said") is no longer the pick.
                        state.ChosenSlotId = null;
                    }
                    if (u.Cues.WithOthers && r.AskedOnArrival == AgentQuestion.Nothing && ReplyCues.TogetherAsked(u.Text))
                    {
                        // "can my husband and i get massages at the same time friday?" (round 27): whether two people can be seen
                        // side by side is the spa's to say (its FAQ; the team when it has no answer), said before the booking
                        // goes on one person after another; never one booked as if it were both.
                        state.SearchAfterAnswer = true;
                        return Call("answer_faq", new() { ["question"] = TogetherQuestion, ["location"] = state.LocationId });
                    }
                    if ((state.ServiceId is not null || state.ServiceOptions.Count > 1) && r.AskedOnArrival is AgentQuestion.Nothing or AgentQuestion.SlotChoice
                        && AsideQuestion(u, state.LocationId) is { } aside)
                    {
                        // "do you sell gift cards? also want to book a swedish 90 for sat": the question is answered, then the times;
                        // "me dicen si abren el domingo y si tienen masaje ese dia": the hours answered, then which massage.
                        state.SearchAfterAnswer = true;
                        return Call("answer_faq", aside);
                    }
                    return NextBookingStep();
            }
        }

        /// <summary>
        /// "3 or 4 whichever" at an offer: the first of those times on offer is the pick; otherwise both are searched on
        /// the day in play (the search keeps the provider and the place), and the first found free is read back. Asked back
        /// as a question ("is 3 ok? or is 4 better?", "¿a las 2 está bien o le queda mejor a las 3?"), neither is taken: the
        /// openings at those times are offered and the person picks (round 26).
        /// </summary>
        private ChatMessage SearchEitherTime(Utterance u)
        {
            DialogueTracker.Merge(state, u with { Time = null });
            var times = u.Cues.EitherTimes.Select(t => t.ToString("HH:mm", Inv)).ToList();
            var inDays = state.Offered.Where(o => (state.DateStart is null || string.CompareOrdinal(o.Date, state.DateStart) >= 0)
                && (state.DateEnd is null || string.CompareOrdinal(o.Date, state.DateEnd) <= 0)).ToList();
            if (!u.Cues.EitherTimesAsked && times.Select(t => inDays.FirstOrDefault(o => o.Time == t)).FirstOrDefault(o => o is not null) is { } onOffer)
            {
                return Choose(onOffer);
            }
            state.After = times.Min(StringComparer.Ordinal);
            state.Before = times.Max(StringComparer.Ordinal);
            state.Near = null;
            state.AskedTimes = times;
            state.TakeAskedTime = !u.Cues.EitherTimesAsked;
            state.Offered = [];
            return NextStep();
        }

        /// <summary>
        /// A question asked beside a booking request in the same message, as <c>answer_faq</c>'s arguments, or null: a part
        /// with no service, day or time that reads as a question, or a part asking the hours of a day ("if you are open on
        /// sunday"), asked with that day as its date.
        /// </summary>
        private Dictionary<string, object?>? AsideQuestion(Utterance u, string? location)
        {
            var parts = QuestionParts.Split(u.Text).ToList();
            if (parts.Count < 2 && u.Text.IndexOf('?', StringComparison.Ordinal) is var mark and > 0 && mark < u.Text.Length - 1)
            {
                parts = [u.Text[..(mark + 1)], u.Text[(mark + 1)..]];
            }
            if (parts.Count < 2)
            {
                return null;
            }
            foreach (var part in parts)
            {
                var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                var read = engine._understander.Understand(part, engine.Context(state));
                if (words >= 3 && read.Intent == Intent.Faq && read.Services.Kind == ServiceMatchKind.None && read.Date is null && read.Time is null)
                {
                    return new() { ["question"] = part.Trim(), ["location"] = location };
                }
                if (words >= 3 && read.Cues.AsksHours && read.Date is { } day && read.Services.Kind == ServiceMatchKind.None && read.Time is null)
                {
                    return new()
                    {
                        ["question"] = Understander.HoursQuestion, ["location"] = location,
                        ["date"] = day.Range.Start.ToString("yyyy-MM-dd", Inv), ["end_date"] = day.Range.End.ToString("yyyy-MM-dd", Inv),
                    };
                }
            }
            return null;
        }

        /// <summary>One service's listed price in a sentence ("Dermaplaning is $95.", "… is priced from …", "… is complimentary.").</summary>
        private string PriceNote(FrontDesk.Tools.Profile.Service service, decimal price) =>
            Render(price == 0 ? "price_note_free" : service.PriceFrom ? "price_note_from" : "price_note", ("service", service.NameIn(state.Language)),
                ("price", FrontDesk.Tools.Faq.FaqIndex.FormatMoney(price, Profile.Spa.Currency)));

        /// <summary>
        /// The menu prices from the profile: one service with its description, or each service of a kind with its price;
        /// asked for the cheapest, the lowest-priced is named too and is the service in play ("ok that one, tmrw after 2").
        /// </summary>
        private ChatMessage SayPrices(List<FrontDesk.Tools.Profile.Service> services, bool cheapest = false)
        {
            if (state.Task is null && services.Count == 1)
            {
                // "how much is botox" → "ok can I get one friday then": the service asked about is the one meant.
                state.ServiceId = services[0].Id;
                state.ServiceOptions = [];
            }
            string Price(FrontDesk.Tools.Profile.Service x) => x.Price is not { } price ? Render("price_item_unlisted", ("service", x.NameIn(state.Language))) : PriceNote(x, price);
            if (services.Count == 1)
            {
                var one = services[0];
                // The description in the conversation's language only (description_es); never the English one in a Spanish reply.
                var about = state.Language is null or "en" ? one.Description : one.Descriptions.GetValueOrDefault(state.Language);
                return SayText(Price(one) + (about is null ? "" : " " + about));
            }
            var list = Render("price_list", ("prices", string.Join(" ", services.Select(Price))));
            if (cheapest && DialogueTracker.LowestPriced(services) is { } lowest)
            {
                if (state.Task is null)
                {
                    state.ServiceId = lowest.Id;
                    state.ServiceOptions = [];
                }
                return SayText(list + " " + Render("price_lowest", ("service", lowest.NameIn(state.Language))));
            }
            return SayText(list);
        }

        /// <summary>The day and time a message asked for, in words ("Saturday, December 5 to Sunday, December 6, at the same time"), or "that".</summary>
        private string WhatWasSaid(Utterance u)
        {
            var parts = new List<string>();
            if (u.Services.Service is { } service)
            {
                parts.Add(Profile.FindService(service.Id)?.NameIn(state.Language) ?? service.Name);
            }
            if (u.Date is { } date)
            {
                var from = SpokenTime.Day(date.Range.Start, state.Language);
                parts.Add(date.Range.End == date.Range.Start ? from : Render("day_range", ("first", from), ("last", SpokenTime.Day(date.Range.End, state.Language))));
            }
            if (u.SameTime)
            {
                parts.Add(Render("same_time"));
            }
            else if (u.Time?.Exact is { } at)
            {
                parts.Add(Render("at_time", ("time", SpokenTime.Time(at, state.Language))));
            }
            return parts.Count == 0 ? Render("that_noted") : string.Join(", ", parts);
        }

        /// <summary>"hmm nothing later?": the same search past the latest time offered ("anything earlier?": before the earliest).</summary>
        private ChatMessage SearchPastOffer(TimeNudge nudge)
        {
            var times = state.Offered.Select(o => TimeOnly.ParseExact(o.Time, "HH:mm", Inv)).ToList();
            if (state.Offered.Select(o => o.Date).Distinct().ToList() is [var day] && day != state.DateStart)
            {
                // The times on offer were the nearest openings on another day (the day asked was closed or full): go on
                // from that day's times, not the same clock times on the day that had none.
                state.DateStart = state.DateEnd = day;
            }
            if (nudge == TimeNudge.Later)
            {
                state.After = times.Max().AddMinutes(1).ToString("HH:mm", Inv);
                state.Before = null;
            }
            else
            {
                state.Before = times.Min().AddMinutes(-1).ToString("HH:mm", Inv);
                state.After = null;
            }
            state.Near = null;
            state.Offered = [];
            return NextStep();
        }

        /// <summary>
        /// A place in the list said with no list yet ("cancel the second one", "move the last one"), no day and no service
        /// named: 1-based, -1 for the last; null otherwise.
        /// </summary>
        private static int? PositionSaid(Utterance u) =>
            u.Date is not null || u.Services.Kind != ServiceMatchKind.None ? null
            : u.Cues.LastOne ? -1
            : u.Cues.Ordinal is { } n and >= 1 and <= 3 && OrdinalWord().IsMatch(u.Text) ? n
            : null;

        // "eh?", "huh", "what?", "idk", "¿cómo?" (as glossed): a reply that names nothing at all.
        [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:eh+|huh+|what|how|hm+|um+|uh+|idk|dunno|i\s+don'?t\s+know|not\s+sure|sorry|pardon|que|como|mande)\W*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
        private static partial System.Text.RegularExpressions.Regex NothingSaid();

        [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:first|second|third|1st|2nd|3rd)\s+(?:one|appointment|appt|booking)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
        private static partial System.Text.RegularExpressions.Regex OrdinalWord();

        /// <summary>The label of the listed appointment the message names ("the second one", "the later one", "that one"), or null.</summary>
        private string? PickedFromList(Utterance u) =>
            state.AppointmentRefs.Count > 0 && DialogueTracker.PickAppointment(state, u) is { } picked && state.AppointmentRefs.IndexOf(picked) is var at and >= 0
                && at < state.AppointmentLabels.Count ? state.AppointmentLabels[at] : null;

        /// <summary>Times are on offer and no write waits for a yes.</summary>
        private bool AtAnOffer() => state.Asked == AgentQuestion.SlotChoice && state.Offered.Count > 0 && state.PendingTool is null;

        /// <summary>The times on offer, said again in one line after an answer (the time put as a yes-or-no question, if one was).</summary>
        private string OfferAgain() => state.Offered.FirstOrDefault(o => o.SlotId == state.ProposedSlotId) is { } put
            ? Render("offer_again_one", ("slot", put.Label))
            : state.Offered.Count == 1 ? Render("offer_again_one", ("slot", state.Offered[0].Label))
            : Render("offer_again", ("slots", Join(state.Offered.Select(o => o.Label).ToList(), "list_or")));

        /// <summary>The search step of the task under way: a move of a known appointment, else a booking.</summary>
        private ChatMessage NextStep() => state.Task == DialogueTask.Reschedule && state.AppointmentRef is not null ? NextRescheduleStep() : NextBookingStep();


        /// <summary>A question for the FAQ, with the location in play and the day it names ("hours on Saturday").</summary>

        private ChatMessage AskFaq(Utterance u)
        {
            if (QuestionParts.Split(u.Text) is { Count: > 1 } parts)
            {
                // "what are your hours on saturday and is there parking": each question looked up, the answers said together.
                state.QuestionsLeft = [.. parts.Skip(1)];
                state.AnswersSoFar = [];
                u = engine._understander.Understand(parts[0], engine.Context(state));
            }
            else if (u.Services is { Kind: ServiceMatchKind.Several, Services.Count: 2 or 3 } several && u.Date is null && u.Time is null)
            {
                // "what's the difference between hydrafacial and signature facial": each service described, said together.
                state.QuestionsLeft = [.. several.Services.Skip(1).Select(x => x.Name)];
                state.AnswersSoFar = [];
                u = engine._understander.Understand(several.Services[0].Name, engine.Context(state));
            }
            if (u.Cues.AsksWhatProviderDoes && u.Staff.Person is { } provider && Profile.FindStaff(provider.Id) is { } member
                && u.Services.Kind != ServiceMatchKind.None && ProviderServiceAnswer(member, u.Services.Services, u.Services.Kind == ServiceMatchKind.Candidates) is { } answered)
            {
                // "does maya do facials?" (round 27): from the staff list, not the FAQ's description of facials.
                return SayText(answered);
            }
            var question = u.FaqQuestion ?? u.Text;
            if (u.Services.Kind == ServiceMatchKind.None && state.ServiceId is { } inPlay && Profile.FindService(inPlay) is { } about
                && (!state.RestateAfterAnswer || (state.PendingTool == "book_appointment" && (u.Cues.AsksPrice || u.Cues.AsksLength) && !u.Cues.AsksLateFee))
                && (u.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2 || AboutIt().IsMatch(u.Text) || u.Cues.AsksPrice))
            {
                // "how much", "how long does it take?": about the service in play; at a booking's read-back too ("how long is
                // it?", "cuánto cuesta?" at "Shall I book HydraFacial …?").
                question = $"{u.Text.TrimEnd('?', ' ')} {about.Name}?";
            }
            var location = u.Location?.Location?.Id ?? state.LocationId;
            if (u.Cues.AsksAddress && location is null && state.LastBookedLocation is { } bookedAt && Profile.FindLocation(bookedAt) is { } place)
            {
                // "wait whats the address again" after a booking: the address of the place just booked.
                location = place.Id;
                question = $"{question.TrimEnd('?', ' ')} of {place.Name}?";
            }
            if (u.Cues.AsksOnlyHours && u.Date is not null && u.Services.Kind == ServiceMatchKind.None)
            {
                // "r u guys open on thanksgiving": the hours on the day read (a holiday is a date the spa's calendar answers),
                // asked in the hours entry's own words, so the words that named the day do not count against it.
                question = Understander.HoursQuestion;
            }
            var args = new Dictionary<string, object?> { ["question"] = question, ["location"] = location };
            if (u.Date is { } date)
            {
                var (first, last) = (date.Range.Start, date.Range.End);
                // The places the question is about: the one named or in play, else all of them (round 27: the Marina is closed
                // on Christmas Eve while Mission is open, so "the marina … on a thursday" skips it, "you … on a thursday" not).
                IReadOnlyList<FrontDesk.Tools.Profile.Location> places = location is { } at && Profile.FindLocation(at) is { } named ? [named] : Profile.Locations;
                if (first == last && places.All(l => l.Closures.Contains(first)) && AnySuchWeekday().IsMatch(u.Text))
                {
                    // "what's the latest appointment on a thursday", "what time do you close on thursdays": any such day, so
                    // the next one open (the coming one may be a holiday) (round 26).
                    while (first < date.Range.Start.AddDays(28) && places.All(l => l.Closures.Contains(first)))
                    {
                        first = last = first.AddDays(7);
                    }
                }
                args["date"] = first.ToString("yyyy-MM-dd", Inv);
                args["end_date"] = last.ToString("yyyy-MM-dd", Inv);
            }
            return Call("answer_faq", args);
        }

        private ChatMessage NextBookingStep()
        {
            if (state.ServiceId is null)
            {
                if (OutsideHoursNote() is { } note)
                {
                    // "i work nights can i come at 10pm" (round 30): that the time is outside the hours is said with the question.
                    state.SayFirst = state.SayFirst is { } first ? first + " " + note : note;
                }
                state.Asked = AgentQuestion.Service;
                if (state.RestateAfterAnswer && state.ServiceOptions.Count > 1)
                {
                    // After answering a question about the options ("what's the difference…"): the choice in one line, not
                    // counted as the same question asked again.
                    state.RestateAfterAnswer = false;
                    _detailCameIn = true;
                    return Say("ask_service_options_after_answer", ("options", ServiceOptionsList()));
                }
                // Asked again after another fact ("sunday pls"): the fact is acknowledged and the question put otherwise.
                return state.ServiceOptions.Count > 1
                    ? Say(AskedAlready() ? "ask_service_options_again" : "ask_service_options", ("options", ServiceOptionsList()))
                    // "is maya around next tues?": the provider asked for is kept, and said back with the question.
                    : state.StaffId is { } staffId && Profile.FindStaff(staffId) is { } asked ? AskServiceWith(asked)
                    : Say("ask_service");
            }
            if (state.DateEnd is { } last && DateOnly.TryParseExact(last, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var end) && end < Profile.Today(engine._clock))
            {
                // "a peel for nov 20" on the 23rd: that day has gone by; said so, and another day asked (not the nearest openings).
                state.DateStart = state.DateEnd = null;
                state.Asked = AgentQuestion.Date;
                return Say("window_in_past");
            }
            if (state.AfterOwnVisit)
            {
                // Round 36: the treatment is wanted after one's own appointment: that appointment is found first (looked up
                // once), and the search runs on its day from its end.
                state.AfterOwnVisit = false;
                if (state.AppointmentRefs.Count == 0)
                {
                    state.AfterOwnVisitLookup = true;
                    return Call("list_appointments", []);
                }
                FollowOwnVisit();
            }
            if (state.AskLocation && state.LocationId is null && Profile.Locations.Count > 1)
            {
                state.AskLocation = false;
                state.Asked = AgentQuestion.Location;
                return Say("ask_location", ("locations", LocationsList()));
            }
            return Call("check_availability", SearchArgs(null));
        }

        /// <summary>
        /// One's own appointment a treatment is wanted after (round 36): the one on the day said, else the soonest of another
        /// service; its day becomes the search's and its end the earliest start. Nothing changes when none is found.
        /// </summary>
        private void FollowOwnVisit()
        {
            DateOnly? daySaid = state.DateStart is { } start && (state.DateEnd is null || state.DateEnd == start)
                && DateOnly.TryParseExact(start, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var one) ? one : null;
            var visits = Enumerable.Range(0, Math.Min(state.AppointmentStarts.Count, state.AppointmentServices.Count))
                .Select(i => (Index: i, Ok: DateTime.TryParse(state.AppointmentStarts[i], Inv, DateTimeStyles.None, out var at), At: at))
                .Where(v => v.Ok && (daySaid is not { } day || DateOnly.FromDateTime(v.At) == day))
                .Select(v => (v.At, Service: FrontDesk.Tools.CatalogLookup.Services(Profile, state.AppointmentServices[v.Index]) is [var s, ..] ? s : null))
                .Where(v => v.Service is not null && v.Service.Id != state.ServiceId)
                .OrderBy(v => v.At)
                .ToList();
            if (visits is not [var visit, ..])
            {
                return;
            }
            var ends = visit.At.AddMinutes(visit.Service!.DurationMin);
            state.DateStart = state.DateEnd = ends.ToString("yyyy-MM-dd", Inv);
            var from = ends.ToString("HH:mm", Inv);
            state.After = state.After is { } after && string.CompareOrdinal(after, from) > 0 ? after : from;
            state.Near = null;
        }

        /// <summary>
        /// A time asked for that every place is closed at, on the day asked or on every day when none is ("i work nights can i
        /// come at 10pm", "11pm tonight", round 30): the latest closing (or earliest opening) said, with where and when it is;
        /// null when some place is open then, or no time or no open day is known.
        /// </summary>
        private string? OutsideHoursNote()
        {
            if (state.Near is not { } near || !TimeOnly.TryParseExact(near, "HH:mm", Inv, DateTimeStyles.None, out var at))
            {
                return null;
            }
            DateOnly? day = state.DateStart is { } start && (state.DateEnd is null || state.DateEnd == start)
                && DateOnly.TryParseExact(start, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var one) ? one : null;
            var open = Profile.Locations
                .Where(l => state.LocationId is null || l.Id == state.LocationId)
                .SelectMany(l => (day is { } d ? [d.DayOfWeek] : Enum.GetValues<DayOfWeek>())
                    .Where(_ => day is not { } closed || !l.Closures.Contains(closed))
                    .SelectMany(weekday => l.Hours.On(weekday).Select(span => (Place: l, Weekday: weekday, Span: span))))
                .ToList();
            if (open.Count == 0 || open.Any(o => o.Span.Start <= at && at < o.Span.End))
            {
                return null;
            }
            var latest = open.MaxBy(o => o.Span.End);
            var earliest = open.MinBy(o => o.Span.Start);
            var (template, edge) = at >= latest.Span.End ? ("time_after_hours", latest) : at < earliest.Span.Start ? ("time_before_hours", earliest) : (null, default);
            if (template is null)
            {
                return null; // between two places' hours or a midday break: the search says what is open
            }
            return Render(day is { } asked ? template + "_day" : template + "_any",
                ("time", SpokenTime.Time(at, state.Language)),
                ("edge", SpokenTime.Time(template == "time_after_hours" ? edge.Span.End : edge.Span.Start, state.Language)),
                ("day", day is { } d2 ? SpokenTime.Day(d2, state.Language) : ""),
                ("weekday", SpokenTime.Weekday(edge.Weekday, state.Language)),
                ("location", edge.Place.Name));
        }

        /// <summary>The business's places with their streets, in the conversation's language: "Mission District (2140 Valencia St) or Marina (…)".</summary>
        private string LocationsList(string joiner = "list_or") => Join([.. Profile.Locations.Select(l =>
            l.Address?.Split(',', StringSplitOptions.TrimEntries)[0] is { Length: > 0 } street ? $"{l.Name} ({street})" : l.Name)], joiner);

        /// <summary>
        /// Confusion at a question ("lol what", "huh?", "que?"): the question pending again, plainly, with its choices.
        /// The read-back's yes-or-no is put again by the tracker's non-answer (it is not here).
        /// </summary>
        private ChatMessage ClarifyPending() => state.Asked switch
        {
            AgentQuestion.SlotChoice when state.Offered.Count > 0 => Say("ask_slot_choice", ("slots", Join(state.Offered.Select(o => o.Label).ToList(), "list_or"))),
            AgentQuestion.Service when state.ServiceOptions.Count > 1 => Say("ask_service_options", ("options", ServiceOptionsList())),
            AgentQuestion.Service => MenuSay("menu_offer"),
            AgentQuestion.Date => Say("ask_day_plainly"),
            AgentQuestion.Location => Say("ask_location", ("locations", LocationsList())),
            AgentQuestion.Name => Say("ask_name_plainly"),
            AgentQuestion.Phone => Say("ask_phone_plainly"),
            _ when state.PendingTool is not null => Call(state.PendingTool, JsonSerializer.Deserialize<Dictionary<string, object?>>(state.PendingArgs ?? "{}")!),
            _ => Say("not_understood"),
        };

        /// <summary>A city none of the places is in: where the business is, its places named; no booking started.</summary>
        private ChatMessage SayWhereWeAre()
        {
            var cities = Profile.Locations.Select(l => EmbeddedChatClient.CityOf(l.Address)).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return Say("where_we_are", ("city", Join(cities, "list_and")), ("locations", LocationsList("list_and")));
        }

        private ChatMessage NextRescheduleStep()
        {
            if (state.OtherProviderAsked && MovingWith() is { } ownProvider && Profile.Staff.FirstOrDefault(m => m.Name == ownProvider || m.Id == ownProvider) is { } who)
            {
                // "can i do my friday facial with someone else? same time is fine", "mismo día pero con otra persona" (round 35):
                // the appointment's own provider is left out of the move's search.
                state.OtherProviderAsked = false;
                state.NotStaff = state.NotStaff.Contains(who.Id) ? state.NotStaff : [.. state.NotStaff, who.Id];
            }
            var index0 = state.AppointmentRef is { } r0 ? state.AppointmentRefs.IndexOf(r0) : -1;
            if (index0 >= 0 && index0 < state.AppointmentStarts.Count
                && DateTime.TryParse(state.AppointmentStarts[index0], Inv, DateTimeStyles.None, out var current))
            {
                // Moves said relative to the appointment itself: "an hour later", "same time on friday", "that afternoon".
                if (state.ShiftMinutes is { } shift)
                {
                    var target = current.AddMinutes(shift);
                    state.DateStart = state.DateEnd = target.ToString("yyyy-MM-dd", Inv);
                    state.Near = target.ToString("HH:mm", Inv);
                    state.After = state.Before = null;
                    state.ShiftMinutes = null;
                }
                if (state.DayNudge != TimeNudge.None && state.Near is null && state.After is null && state.Before is null)
                {
                    // "later in the day": after the appointment's own time; "earlier that day": before it.
                    if (state.DayNudge == TimeNudge.Later)
                    {
                        state.After = current.AddMinutes(1).ToString("HH:mm", Inv);
                    }
                    else
                    {
                        state.Before = current.ToString("HH:mm", Inv);
                    }
                }
                if (state.SameTime && state.Near is null && state.After is null && state.Before is null)
                {
                    state.Near = current.ToString("HH:mm", Inv);
                    if (state.DateStart is { } weekStart && state.DateEnd is { } weekEnd
                        && DateOnly.TryParseExact(weekStart, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var from)
                        && DateOnly.TryParseExact(weekEnd, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var to) && to.DayNumber - from.DayNumber == 6)
                    {
                        // "a la semana que viene a la misma hora", "next week, same time" (round 28): the same weekday of that week.
                        var sameWeekday = from.AddDays(((int)current.DayOfWeek - (int)from.DayOfWeek + 7) % 7);
                        state.DateStart = state.DateEnd = sameWeekday.ToString("yyyy-MM-dd", Inv);
                    }
                }
                if (state.DateStart is null && (state.SameDay || state.Near is not null || state.After is not null || state.Before is not null))
                {
                    state.DateStart = state.DateEnd = current.ToString("yyyy-MM-dd", Inv);
                }
            }
            if (state.DateStart is null && state.After is null && state.Near is null && state.Before is null)
            {
                state.Asked = AgentQuestion.Date;
                return Say("ask_day");
            }
            var appt = state.AppointmentRef!;
            var index = state.AppointmentRefs.IndexOf(appt);
            var now = index >= 0 && index < state.AppointmentServices.Count && FrontDesk.Tools.CatalogLookup.Services(Profile, state.AppointmentServices[index]) is [var service, ..] ? service : null;
            if ((state.ChangeServiceTo.Count > 0 || state.ChangeMinutes is not null) && now is not null)
            {
                // "and make it the 90 min": what the appointment becomes, read against the service it is now.
                state.NewServiceId = DialogueTracker.NewServiceForMove(state, Profile, now)?.Id;
                if (state.NewServiceId is null && !state.ChangeServiceTo.Contains(now.Id) && (state.ChangeServiceTo.Count > 0 || state.ChangeMinutes != now.DurationMin))
                {
                    // "make it the 120 min" (no such length), "make it a facial" (which one?): said plainly, the move goes on as it is.
                    state.SayFirst = Render("service_change_not_made", ("service", now.NameIn(state.Language)));
                }
                state.ChangeServiceTo = [];
                state.ChangeMinutes = null;
            }
            if (state.NewServiceId is { } becomes)
            {
                // Another service is a new booking that replaces this one (booked and the old one cancelled in one step): its
                // times are searched like a booking's, the old appointment's own time free ("same time").
                var asNew = SearchArgs(null);
                asNew["service"] = becomes;
                asNew["replaces_ref"] = appt;
                return Call("check_availability", asNew);
            }
            if (ExactMoveArgs() is { } narrow)
            {
                state.ExactMoveSearch = true;
                return Call("check_availability", narrow);
            }
            if (OwnProviderMoveArgs() is { } own)
            {
                state.OwnProviderMoveSearch = true;
                if (OwnPlaceOfMany() is { } place)
                {
                    // A provider who works at more than one place is tried at the appointment's own place first (round 29).
                    own["location"] = place;
                    state.OwnPlaceMoveSearch = true;
                }
                return Call("check_availability", own);
            }
            return Call("check_availability", MoveSearchArgs());
        }

        /// <summary>
        /// A move with no provider or place asked ("push it back a week", "can i move it to saturday", each of "move both"):
        /// the appointment's own provider in the days and times asked, with no alternatives, as a front desk tries the same
        /// person first (round 28). Null when someone else or a place was asked, or the provider is not known or not wanted.
        /// </summary>
        private Dictionary<string, object?>? OwnProviderMoveArgs()
        {
            if (state.StaffId is not null || state.LocationId is not null || state.AskedTimes.Count > 1 || state.EitherTimeSearched
                || MovingWith() is not { } provider || state.NotStaff.Any(x => provider.Contains(x, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }
            var args = MoveSearchArgs();
            args["provider"] = provider;
            args["no_alternatives"] = true;
            return args;
        }

        /// <summary>
        /// Two or more people at one time asked (round 29): when the profile's schedule has no two providers of the service at
        /// one place at the time asked ("pedicures for me and my sister saturday at 11": only Rosa works Saturdays), the second
        /// person cannot be had then, and that is said before the first is booked. Null when two can be (whether both are still
        /// free is known once the first is booked, and said then), or no one time on one day was asked.
        /// </summary>
        private string? NobodyElseThen()
        {
            if (state.PartyLeft < 1 || state.Near is not { } near || state.DateStart is not { } start || (state.DateEnd ?? start) != start
                || state.ServiceId is not { } sid || Profile.FindService(sid) is not { } service)
            {
                return null;
            }
            var day = DateOnly.ParseExact(start, "yyyy-MM-dd", Inv);
            var at = TimeOnly.ParseExact(near, "HH:mm", Inv);
            var end = at.AddMinutes(service.DurationMin);
            var byPlace = Profile.Staff.Where(m => m.ServiceIds.Contains(service.Id))
                .SelectMany(m => Shifts(m, day).Where(x => x.Spans.Any(span => span.Covers(at, end))).Select(x => (Member: m, Place: x.Place!.Id)))
                .GroupBy(x => x.Place).Select(g => g.Select(x => x.Member).Distinct().ToList()).ToList();
            if (byPlace.Count == 0 || byPlace.Any(g => g.Count > 1))
            {
                return null;
            }
            var time = SpokenTime.Time(at, state.Language);
            var name = service.NameIn(state.Language);
            return byPlace is [[var only]]
                ? Render("same_time_only_one", ("provider", only.Name), ("service", name), ("time", time))
                : Render("same_time_none_together", ("service", name), ("time", time));
        }

        /// <summary>
        /// The place of the appointment being moved, when its provider works at more than one place (Alex on Wednesdays at Mission
        /// and the Marina): the move's first search is there. Null when the provider works at one place only or it is not known.
        /// </summary>
        private string? OwnPlaceOfMany()
        {
            var at = state.AppointmentRefs.IndexOf(state.AppointmentRef!);
            return at >= 0 && at < state.AppointmentLocations.Count && state.AppointmentLocations[at] is { Length: > 0 } place
                && MovingWith() is { } provider
                && Profile.Staff.FirstOrDefault(m => m.Name == provider || m.Id == provider || m.FirstName == provider) is { Schedule.Count: > 1 }
                ? place : null;
        }

        /// <summary>"Priya Patel isn't working Saturday, November 28." or "Priya Patel isn't free then.": said before the others' times.</summary>
        private string OwnProviderNotFree(string provider)
        {
            var who = Profile.Staff.FirstOrDefault(m => m.Name == provider || m.Id == provider || m.FirstName == provider);
            if (who is not null && state.DateStart is { } start && (state.DateEnd ?? start) == start
                && DateOnly.TryParseExact(start, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var day) && Shifts(who, day).Count == 0)
            {
                return Render("provider_off_that_day", ("provider", who.Name), ("day", SpokenTime.Day(day, state.Language)));
            }
            return Render("provider_not_free_then", ("provider", who?.Name ?? provider));
        }

        /// <summary>The search for a new time for the appointment being moved, with what the person said.</summary>
        private Dictionary<string, object?> MoveSearchArgs()
        {
            var index = state.AppointmentRefs.IndexOf(state.AppointmentRef!);
            var args = SearchArgs(state.AppointmentRef);
            // The tool takes the service from the appointment; name it anyway so the call is valid on its own.
            args["service"] = index >= 0 && index < state.AppointmentServices.Count ? state.AppointmentServices[index] : state.ServiceId ?? "";
            return args;
        }

        /// <summary>
        /// A move to one exact time on one day ("push tmrw's facial to fri same time", "move it to friday at 10"), no provider or
        /// other place asked: the appointment's own provider at its own place, at that time only, with no alternatives (issue
        /// 12). Null when the move asks something else, or its provider is not known or not wanted.
        /// </summary>
        private Dictionary<string, object?>? ExactMoveArgs()
        {
            if (!state.TakeAskedTime || state.AskedTimes.Count > 1 || state.Near is not { } near || state.After is not null || state.Before is not null
                || state.DateStart is not { } day || (state.DateEnd ?? day) != day || state.StaffId is not null || MovingWith() is not { } provider
                || state.NotStaff.Any(x => provider.Contains(x, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }
            var at = state.AppointmentRefs.IndexOf(state.AppointmentRef!);
            var place = at < state.AppointmentLocations.Count && state.AppointmentLocations[at] is { Length: > 0 } own ? own : null;
            if (state.LocationId is { } asked && (place is null || Profile.FindLocation(asked) is not { } askedPlace || askedPlace.Name != place))
            {
                return null;
            }
            var args = MoveSearchArgs();
            args["after"] = args["before"] = near;
            args["provider"] = provider;
            args["location"] = place;
            args["no_alternatives"] = true;
            return args;
        }

        /// <summary>"… and make it a pedicure instead": the change of service a move asks for, kept until the appointment is known.</summary>
        private void KeepServiceChange(Utterance u)
        {
            if (u.ChangeServiceTo is { } change)
            {
                state.ChangeServiceTo = [.. change.Services.Services.Select(x => x.Id)];
                state.ChangeMinutes = change.Minutes;
                state.NewServiceId = null;
            }
        }

        private ChatMessage NextWaitlistStep()
        {
            if (state.ServiceId is null)
            {
                state.Asked = AgentQuestion.Service;
                // "put me on the waitlist": the service is asked for the waitlist, not for a booking.
                return Say("ask_service_waitlist");
            }
            if (state.DateStart is null)
            {
                state.Asked = AgentQuestion.Date;
                return Say("waitlist_ask_window", ("service", ServiceName()));
            }
            var args = new Dictionary<string, object?>
            {
                ["service"] = state.ServiceId, ["start_date"] = state.DateStart, ["end_date"] = state.DateEnd ?? state.DateStart,
                ["time_of_day"] = TimeOfDay(), ["provider"] = state.StaffId, ["location"] = state.LocationId,
                ["client_name"] = state.Name, ["client_phone"] = state.Phone,
            };
            return Call("join_waitlist", args);
        }

        private Dictionary<string, object?> SearchArgs(string? rescheduleRef)
        {
            var args = new Dictionary<string, object?> { ["service"] = state.ServiceId };
            if (state.DateStart is not null)
            {
                args["date"] = state.DateStart;
                args["end_date"] = state.DateEnd ?? state.DateStart;
            }
            if (state.After is not null)
            {
                args["after"] = state.After;
            }
            if (state.Before is not null)
            {
                args["before"] = state.Before;
            }
            if (state.Near is not null)
            {
                args["near"] = state.Near;
            }
            if (state.StaffId is not null)
            {
                args["provider"] = state.StaffId;
            }
            if (state.LocationId is not null)
            {
                args["location"] = state.LocationId;
            }
            if (rescheduleRef is not null)
            {
                args["reschedule_ref"] = rescheduleRef;
            }
            if (state.NotStaff.Count > 0)
            {
                args["exclude_provider"] = string.Join(",", state.NotStaff);
            }
            if (state.NotDays is not null)
            {
                args["exclude_weekdays"] = state.NotDays;
            }
            if (state.AlsoDate is not null && state.DateStart == state.DateEnd && state.DateStart is not null)
            {
                // "friday afternoon or saturday" (round 31): the other day, whole, offered beside the first.
                args["also_date"] = state.AlsoDate;
            }
            if (state.Together && rescheduleRef is null && state.Task == DialogueTask.Book)
            {
                // Two people at once (round 30): pairs of openings, read against the schedule and the bookings.
                args["party"] = 2;
                if (state.BackToBack)
                {
                    args["back_to_back"] = true;
                }
                if (state.GuestServiceId is not null)
                {
                    // Each their own service (round 31): pairs of one opening of each.
                    args["with_service"] = state.GuestServiceId;
                }
            }
            return args;
        }

        /// <summary>
        /// "can u book the same thing for my friend right after?": the last booking's service, same day and place, from the
        /// time it ends ("right after": the earliest opening then is read back) or at its time (a day or time said wins).
        /// </summary>
        /// <summary>
        /// The person comes back hours later ("sorry got busy, the first one still open?"): when a time on offer can no
        /// longer be booked (past, or inside the booking lead time), the list they saw is stale. The offer, a pick and a
        /// read-back of it are dropped, and the next offer says so first, so a stale time is never read back.
        /// </summary>
        private bool DropOffersGoneBy()
        {
            if (state.Offered.Count == 0 || state.Task is not (DialogueTask.Book or DialogueTask.Reschedule))
            {
                return false;
            }
            var earliest = Profile.ToLocal(engine._clock.GetUtcNow().UtcDateTime).AddMinutes(Profile.Policies.BookingLeadTimeMin);
            var gone = state.Offered.Any(o => DateTime.TryParseExact(o.Date + " " + o.Time, "yyyy-MM-dd HH:mm", Inv, DateTimeStyles.None, out var at) && at < earliest);
            if (!gone)
            {
                return false;
            }
            state.Offered = [];
            state.EarlierOffers = [];
            state.ChosenSlotId = state.ProposedSlotId = null;
            if (state.PendingTool is "book_appointment" or "reschedule_appointment")
            {
                state.PendingTool = state.PendingArgs = state.ReadBack = null;
            }
            state.Asked = AgentQuestion.Nothing;
            state.SayFirst = Render("offers_gone_by");
            return true;
        }

        /// <summary>"why do you need my name" (not the number): which detail a why-question at a read-back is about.</summary>
        private static bool WhyDetailIsName(string text) =>
            (text.Contains("name", StringComparison.OrdinalIgnoreCase) || text.Contains("nombre", StringComparison.OrdinalIgnoreCase))
            && !PhoneWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

        private static readonly string[] PhoneWords = ["number", "phone", "cell", "mobile", "numero", "número", "telefono", "teléfono", "celular"];

        private ChatMessage BookSameForAnother(Utterance u)
        {
            var start = DateTime.ParseExact(state.LastBookedStart!, "yyyy-MM-ddTHH:mm", Inv);
            var service = Profile.FindService(state.LastBookedService!);
            state.ResetTask();
            state.JustDone = false;
            state.Task = DialogueTask.Book;
            state.ServiceId = state.LastBookedService;
            state.DateStart = state.DateEnd = start.ToString("yyyy-MM-dd", Inv);
            state.LocationId = state.LastBookedLocation;
            if (u.Cues.RightAfter)
            {
                state.After = start.AddMinutes(service?.DurationMin ?? 0).ToString("HH:mm", Inv);
                state.RightAfter = true;
            }
            else
            {
                state.Near = state.SameStartAs = start.ToString("HH:mm", Inv);
            }
            DialogueTracker.Merge(state, u);
            return NextBookingStep();
        }

        /// <summary>
        /// "book me the same time next friday too": the last booking's service, at its place and time, on the day said; the
        /// time is read back when it is open (as "friday at 10" would be), the nearest times offered when not.
        /// </summary>
        private ChatMessage BookSameAgain(Utterance u)
        {
            var start = DateTime.ParseExact(state.LastBookedStart!, "yyyy-MM-ddTHH:mm", Inv);
            var location = state.LastBookedLocation;
            StartBookingOf(u, state.LastBookedService);
            state.LocationId ??= location;
            if (u.Time is null)
            {
                state.Near = start.ToString("HH:mm", Inv);
            }
            state.TakeAskedTime = state.Near is not null;
            return NextBookingStep();
        }

        /// <summary>
        /// A new booking of <paramref name="serviceId"/> (a past visit's, the waitlisted one, the last booked), with what this
        /// message says: the task before it is let go; the service is the one given, whatever the message named.
        /// </summary>
        private void StartBookingOf(Utterance u, string? serviceId)
        {
            state.ResetTask();
            state.JustDone = false;
            state.Task = DialogueTask.Book;
            DialogueTracker.Merge(state, u);
            state.ServiceId = serviceId;
        }

        /// <summary>What two people together ask of the FAQ (round 27); a spa whose FAQ has no answer says nothing of it (round 28).</summary>
        private const string TogetherQuestion = "can two people be booked together at the same time, side by side?";

        /// <summary>The provider of the time read back: the chosen offer's, else the provider the read-back names; null when neither says.</summary>
        private string? ProviderReadBack() =>
            state.Offered.FirstOrDefault(o => o.SlotId == state.ChosenSlotId)?.Staff is { Length: > 0 } staff && Profile.Staff.Any(p => p.Name == staff) ? staff
                : Profile.Staff.FirstOrDefault(p => state.ReadBack?.Contains(p.Name, StringComparison.OrdinalIgnoreCase) == true)?.Name;

        /// <summary>The provider of the appointment being moved, when it is known; null otherwise.</summary>
        private string? MovingWith() =>
            state.Task == DialogueTask.Reschedule && state.NewServiceId is null && state.AppointmentRef is { } moving && state.AppointmentRefs.IndexOf(moving) is var at
                && at >= 0 && at < state.AppointmentProviders.Count && state.AppointmentProviders[at] is { Length: > 0 } provider ? provider : null;

        private ChatMessage Choose(Offer offer)
        {
            if (state.Task == DialogueTask.Reschedule && state.AppointmentRef is not null && state.NewServiceId is not null)
            {
                // Another service: booked in place of the appointment, which is cancelled once the new one is made.
                state.ChosenSlotId = offer.SlotId;
                var args = BookArgs(offer.SlotId);
                args["replaces_ref"] = state.AppointmentRef;
                return Call("book_appointment", args);
            }
            if (state.Task == DialogueTask.Reschedule && state.AppointmentRef is not null)
            {
                return Call("reschedule_appointment", new() { ["appointment_ref"] = state.AppointmentRef, ["slot_id"] = offer.SlotId });
            }
            state.ChosenSlotId = offer.SlotId;
            // The pick is said back in the reply that follows it (the read-back does; a question for a detail says it first).
            state.EchoPick = true;
            // The day picked is the day in play: "2:15 if u have it" at the read-back means that day.
            state.DateStart = state.DateEnd = offer.Date;
            if (offer.WithSlotId is not null && state.GuestName is null && !state.GuestNameAsked && state.Name is null && !state.CallerLookedUp
                && tools.Contains("find_client"))
            {
                // Two people, and the caller's own name not known yet (round 33): their record is looked up first, so a number
                // with none is asked its own name before the other person's (the answer is never taken for the guest's).
                state.CallerLookedUp = true;
                return Call("find_client", []);
            }
            if (offer.WithSlotId is not null && state.GuestName is null && !state.GuestNameAsked)
            {
                // Two people (round 31): the other person's name is asked once, before the read-back, so it is said there and
                // kept on their appointment; declined or not answered, it is not asked again.
                state.GuestNameAsked = state.AwaitingGuestName = true;
                state.Asked = AgentQuestion.Name;
                return SayText(Render("ask_guest_name", ("slot", offer.Label)));
            }
            return Call("book_appointment", BookArgs(offer.SlotId));
        }

        private Dictionary<string, object?> BookArgs(string slotId)
        {
            var args = new Dictionary<string, object?>
            {
                ["slot_id"] = slotId, ["client_name"] = state.Name, ["client_phone"] = state.Phone, ["client_email"] = state.Email,
            };
            if (state.Offered.Concat(state.EarlierOffers).FirstOrDefault(o => o.SlotId == slotId)?.WithSlotId is { } second)
            {
                // Two people at once: the second person's slot goes with it, both read back and booked on one yes.
                args["with_slot_id"] = second;
                args["guest_name"] = state.GuestName;
            }
            return args;
        }

        /// <summary>
        /// Two people's openings (round 30): each a time with two providers (or one right after the other), the pick booking
        /// both on one yes. A time asked that is among them ("2 is perfect") is taken as the pick.
        /// </summary>
        private ChatMessage OfferPairs(JsonElement data, JsonElement pairs, string prefix)
        {
            var backToBack = data.TryGetProperty("back_to_back", out var b) && b.ValueKind == JsonValueKind.True;
            state.Offered = [.. pairs.EnumerateArray().Select(PairOffer)];
            state.EarlierOffers = [.. state.EarlierOffers.Concat(state.Offered).DistinctBy(o => o.SlotId).TakeLast(12)];
            state.Asked = AgentQuestion.SlotChoice;
            state.ProposedSlotId = null;
            state.WithOthers = false;
            if (state.TakeAskedTime)
            {
                state.TakeAskedTime = false;
                state.AskedTimes = [];
                if (DialogueTracker.OfferAtAskedTime(state) is { } asked)
                {
                    return Choose(asked);
                }
            }
            var service = ServiceIn(data.GetProperty("service").GetString()!);
            if (data.TryGetProperty("asked_time_missed", out var missed) && missed.GetString() is { } missedTime)
            {
                // "at noon, together" when only one can be seen at noon: said before the times for both, before anything is booked.
                var time = SpokenTime.Time(TimeOnly.ParseExact(missedTime, "HH:mm", Inv), state.Language);
                prefix += (data.TryGetProperty("only_provider_then", out var only) && only.GetString() is { } alone
                    ? Render("no_pair_at_time_only_one", ("provider", StaffMember.SpokenName(alone)), ("service", service), ("time", time))
                    : Render("no_pair_at_time_none", ("time", time))) + " ";
            }
            if (data.TryGetProperty("second_service", out var theirs) && theirs.GetString() is { } secondService)
            {
                // Each their own service (round 31): both named, whose is whose.
                return SayText(prefix + Render(backToBack ? "offer_pairs_two_services_back_to_back" : "offer_pairs_two_services", ("service", service),
                    ("second_service", ServiceIn(secondService)), ("guest", state.GuestName ?? Render("pair_guest_other")),
                    ("slots", Join([.. state.Offered.Select(o => o.Label)], "list_or"))));
            }
            return SayText(prefix + Render(backToBack ? "offer_pairs_back_to_back" : "offer_pairs", ("service", service),
                ("slots", Join([.. state.Offered.Select(o => o.Label)], "list_or"))));
        }

        private Offer PairOffer(JsonElement x)
        {
            var local = DateTime.ParseExact(x.GetProperty("localStart").GetString()!, "yyyy-MM-ddTHH:mm", Inv);
            var second = DateTime.ParseExact(x.GetProperty("secondLocalStart").GetString()!, "yyyy-MM-ddTHH:mm", Inv);
            var staff = x.GetProperty("provider").GetString()!;
            var other = x.GetProperty("secondProvider").GetString()!;
            var label = second != local
                ? Render("pair_label_back_to_back", ("day", SpokenDay(x)), ("time", SpokenClock(x)), ("provider", StaffMember.SpokenName(staff)),
                    ("second_time", SpokenTime.Time(TimeOnly.FromDateTime(second), state.Language)), ("second_provider", StaffMember.SpokenName(other)))
                : Render(Profile.Locations.Count > 1 ? "pair_label_at_location" : "pair_label", ("day", SpokenDay(x)), ("time", SpokenClock(x)),
                    ("provider", StaffMember.SpokenName(staff)), ("second_provider", StaffMember.SpokenName(other)), ("location", x.GetProperty("location").GetString()!));
            return new Offer(x.GetProperty("slotId").GetString()!, local.ToString("yyyy-MM-dd", Inv), local.ToString("HH:mm", Inv), staff, label,
                x.GetProperty("location").GetString(), x.GetProperty("withSlotId").GetString());
        }

        /// <summary>
        /// No two people can be seen at once in the window asked (round 30): said before anything is booked (who alone is free
        /// then, if anyone), with the nearest times for both and one person now, to choose from.
        /// </summary>
        private ChatMessage NoPairs(JsonElement data)
        {
            var service = ServiceIn(data.GetProperty("service").GetString()!);
            var singles = data.GetProperty("singles").EnumerateArray().ToList();
            var alternatives = data.GetProperty("alternatives").EnumerateArray().ToList();
            var secondService = data.TryGetProperty("second_service", out var theirs) ? theirs.GetString() : null;
            var said = secondService is not null
                ? Render("no_pair_two_services", ("service", service), ("second_service", ServiceIn(secondService)))
                : singles.Count > 0
                ? Render("no_pair_only_one", ("provider", StaffMember.SpokenName(singles[0].GetProperty("provider").GetString()!)), ("service", service))
                : Render("no_pair_none", ("service", service));
            var offered = alternatives.Select(PairOffer).ToList();
            if (offered.Count > 0)
            {
                said += " " + Render("no_pair_alternatives", ("slots", Join([.. offered.Select(o => o.Label)], "list_or")));
            }
            if (singles.Count > 0)
            {
                var one = singles[0];
                var local = DateTime.ParseExact(one.GetProperty("localStart").GetString()!, "yyyy-MM-ddTHH:mm", Inv);
                var label = Render(Profile.Locations.Count > 1 ? "slot_label_at_location" : "slot_label", ("day", SpokenDay(one)), ("time", SpokenClock(one)),
                    ("provider", StaffMember.SpokenName(one.GetProperty("provider").GetString()!)), ("location", one.GetProperty("location").GetString()!));
                offered.Add(new Offer(one.GetProperty("slotId").GetString()!, local.ToString("yyyy-MM-dd", Inv), local.ToString("HH:mm", Inv),
                    one.GetProperty("provider").GetString()!, label, one.GetProperty("location").GetString()));
                said += " " + Render("no_pair_single", ("slot", label));
            }
            state.Offered = offered;
            state.EarlierOffers = [.. state.EarlierOffers.Concat(offered).DistinctBy(o => o.SlotId).TakeLast(12)];
            state.Asked = offered.Count > 0 ? AgentQuestion.SlotChoice : AgentQuestion.Date;
            state.ProposedSlotId = null;
            state.TakeAskedTime = false;
            state.AskedTimes = [];
            state.WithOthers = false;
            return SayText(said + " " + Render(offered.Count > 0 ? "no_pair_ask" : "ask_day"));
        }

        /// <summary>Continues the task after we got a missing detail (name, phone, verification).</summary>
        private ChatMessage Resume()
        {
            // Asked for the phone and given the name (or an e-mail): if the phone is still missing, it is asked in other words.
            state.AskedBefore = state.Asked;
            state.Asked = AgentQuestion.Nothing;
            if (state.ChosenSlotId is { } chosenSlot)
            {
                // Two people picked and the caller's own name just given (round 33): the other person's name is asked next.
                return state.Offered.Concat(state.EarlierOffers).FirstOrDefault(o => o.SlotId == chosenSlot) is { WithSlotId: not null } pair
                    && state.GuestName is null && !state.GuestNameAsked ? Choose(pair) : Call("book_appointment", BookArgs(chosenSlot));
            }
            return state.Task switch
            {
                DialogueTask.Cancel or DialogueTask.Reschedule or DialogueTask.List => Call("list_appointments", []),
                DialogueTask.Waitlist => NextWaitlistStep(),
                DialogueTask.Book => NextBookingStep(),
                _ => Say("how_can_i_help"),
            };
        }

        private ChatMessage Offer(JsonElement data, bool alternatives)
        {
            var slots = data.GetProperty(alternatives ? "alternatives" : "slots").EnumerateArray().ToList();
            state.Offered = [.. slots.Select(x =>
            {
                var local = DateTime.ParseExact(x.GetProperty("localStart").GetString()!, "yyyy-MM-ddTHH:mm", Inv);
                var staff = x.GetProperty("provider").GetString()!;
                var label = Render(Profile.Locations.Count > 1 ? "slot_label_at_location" : "slot_label", ("day", SpokenDay(x)),
                    ("time", SpokenClock(x)), ("provider", StaffMember.SpokenName(staff)), ("location", x.GetProperty("location").GetString()!));
                return new Offer(x.GetProperty("slotId").GetString()!, local.ToString("yyyy-MM-dd", Inv), local.ToString("HH:mm", Inv), staff, label,
                    x.TryGetProperty("location", out var where) ? where.GetString() : null);
            })];
            // Every offer of the task stays known: a time said later that matches one of them is that slot.
            state.EarlierOffers = [.. state.EarlierOffers.Concat(state.Offered).DistinctBy(o => o.SlotId).TakeLast(12)];
            state.Asked = AgentQuestion.SlotChoice;
            state.ProposedSlotId = null;
            var notOpen = "";
            if (state.RightAfter && !alternatives)
            {
                // "right after mine": the earliest opening from the end of the last booking is the time asked for.
                state.RightAfter = false;
                if (state.Offered.Where(o => o.Date == state.DateStart && string.CompareOrdinal(o.Time, state.After) >= 0).MinBy(o => o.Time) is { } next)
                {
                    return Choose(next);
                }
            }
            state.RightAfter = false;
            if (state.TakeAskedTime)
            {
                state.TakeAskedTime = false;
                var asked = state.AskedTimes.Count > 0 ? state.AskedTimes : state.Near is { } near ? [near] : [];
                state.AskedTimes = [];
                // A move keeps its provider when they are free then ("same time on friday" with the same person); else the one
                // opening at that time, whoever has it (the read-back names the provider and the place) (round 23).
                var movingWith = MovingWith();
                var pick = asked.Count > 1
                    ? asked.Select(t => state.Offered.FirstOrDefault(o => o.Time == t)).FirstOrDefault(o => o is not null)
                    : (movingWith is not null ? DialogueTracker.OfferAtAskedTime(state, movingWith) : null) ?? DialogueTracker.OfferAtAskedTime(state);
                if (!alternatives && pick is not null)
                {
                    return Choose(pick);
                }
                if (asked.Count > 0 && !(movingWith is not null && asked.Any(t => state.Offered.Any(o => o.Time == t))))
                {
                    // "6 works" when 6 is taken: said plainly before the times that are open (or the nearest days).
                    var times = asked.Select(t => SpokenTime.Time(TimeOnly.ParseExact(t, "HH:mm", Inv), state.Language)).ToList();
                    notOpen = Render(state.DateStart is { } d && d == state.DateEnd ? "asked_time_not_open_day" : "asked_time_not_open",
                        ("time", Join(times, "list_or")), ("day", state.DateStart is { } day ? SpokenTime.Day(DateOnly.ParseExact(day, "yyyy-MM-dd", Inv), state.Language) : "")) + " ";
                }
            }
            if (state.AskedTimes.Count > 1)
            {
                // Two times asked back as a question: the openings at those times, one each, when both are open (round 26). One
                // search of the window between them gives three openings at most, all at the first time when it has many, so
                // the time missing is searched on its own once; the openings of this task at the other time are kept (round 27).
                var inDays = state.EarlierOffers.Where(o => (state.DateStart is null || string.CompareOrdinal(o.Date, state.DateStart) >= 0)
                    && (state.DateEnd is null || string.CompareOrdinal(o.Date, state.DateEnd) <= 0)).ToList();
                var atAsked = state.AskedTimes.Select(t => inDays.FirstOrDefault(o => o.Time == t)).OfType<Offer>().ToList();
                if (!alternatives && !state.EitherTimeSearched && state.AskedTimes.FirstOrDefault(t => atAsked.All(o => o.Time != t)) is { } missing)
                {
                    state.EitherTimeSearched = true;
                    (state.After, state.Before, state.Near) = (missing, missing, null);
                    state.Offered = [];
                    return NextStep();
                }
                state.EitherTimeSearched = false;
                state.Offered = atAsked.Count > 1 ? atAsked
                    : atAsked.Count == 1 && alternatives ? [atAsked[0], .. state.Offered.Where(o => o.SlotId != atAsked[0].SlotId).Take(2)]
                    : state.Offered;
            }
            state.AskedTimes = [];
            if (notOpen.Length == 0 && !alternatives && !state.SayLatest && state.SameStartAs is null && state.Near is { } nearAsked
                && state.DateStart is { } inDay && inDay == state.DateEnd && !state.Offered.Any(o => o.Time == nearAsked && o.Date == inDay))
            {
                // "deep tissue tmrw like 6ish" when 6 is taken: said first, before the nearest times that are open.
                notOpen = Render("asked_time_not_open_day", ("time", SpokenTime.Time(TimeOnly.ParseExact(nearAsked, "HH:mm", Inv), state.Language)),
                    ("day", SpokenTime.Day(DateOnly.ParseExact(inDay, "yyyy-MM-dd", Inv), state.Language))) + " ";
            }
            var service = ServiceIn(data.GetProperty("service").GetString()!);
            // The times are for the consultation the service starts with: said from the tool's data, not its English note.
            var forConsultation = data.TryGetProperty("consultation_for", out var cf) && cf.ValueKind == JsonValueKind.String;
            var prefix = notOpen + (forConsultation && state.ServiceId is { } sid && Profile.FindService(sid) is { RequiresConsultation: true } wanted
                ? engine.RepliesIn(state.Language).Render("consultation_first", new Dictionary<string, string> { ["service"] = wanted.NameIn(state.Language) }) + " "
                : "");
            if (state.SayPrice && state.ServiceId is { } priced && Profile.FindService(priced) is { Price: { } price } pricedService)
            {
                prefix += PriceNote(pricedService, price)
                    + (pricedService.Description is { } about && state.Language is null or "en" && state.PriceComparedWith is null ? " " + about : "") + " ";
                if (state.PriceComparedWith is { } other && Profile.FindService(other) is { Price: { } otherPrice } comparedWith)
                {
                    // Compared with the service before ("is that cheaper?"): its listed price too, each said beside its name.
                    prefix += PriceNote(comparedWith, otherPrice) + " ";
                }
            }
            state.SayPrice = false;
            state.PriceComparedWith = null;
            if (state.LengthNotOffered is { } minutes && state.ServiceId is { } said && Profile.FindService(said) is { } kept)
            {
                // "the deep tissue one. 90 min": said once, so nobody expects 90 minutes.
                prefix += Render("length_not_offered", ("service", kept.NameIn(state.Language).Split('(')[0].Trim()), ("minutes", minutes.ToString(Inv)),
                    ("length", kept.DurationMin.ToString(Inv))) + " ";
                state.LengthNotOffered = null;
            }
            if (state.GenderAsked)
            {
                prefix += Render("provider_gender_note") + " ";
                state.GenderAsked = false;
            }
            if (state.WithOthers)
            {
                // "me and my sister": said once, before a time is picked, so nobody thinks two people are booked; when the
                // schedule has nobody to see the second person at the time asked, that is said instead, before anything is booked.
                prefix += (NobodyElseThen() ?? Render("one_person_at_a_time")) + " ";
                state.WithOthers = false;
            }
            if (state.SameStartAs is { } together && state.Offered.Count > 0)
            {
                // The second person's search: said plainly when nobody else is free at the first one's time.
                if (alternatives || !state.Offered.Any(o => o.Time == together && o.Date == state.DateStart))
                {
                    prefix += Render("same_time_not_free", ("time", SpokenTime.Time(TimeOnly.ParseExact(together, "HH:mm", Inv), state.Language))) + " ";
                }
                state.SameStartAs = null;
            }
            if (alternatives && state.NotStaff.Count > 0 && state.DateStart is { } askedDay)
            {
                // "someone else" when nobody else does it that day: said, with the nearest times with others.
                prefix += Render("no_one_else_then", ("service", service), ("day", SpokenTime.Day(DateOnly.ParseExact(askedDay, "yyyy-MM-dd", Inv), state.Language))) + " ";
            }
            var labels = Join(state.Offered.Select(o => o.Label).ToList(), "list_or");
            if (state.SayLatest && !alternatives)
            {
                // "whats the latest": the day's last opening, put as a yes-or-no question (a yes picks it; the others stay on offer).
                state.SayLatest = false;
                var latest = state.Offered.OrderBy(o => o.Date, StringComparer.Ordinal).ThenBy(o => o.Time, StringComparer.Ordinal).Last();
                state.ProposedSlotId = latest.SlotId;
                return SayText(prefix + Render("latest_opening", ("slot", latest.Label)));
            }
            state.SayLatest = false;
            if (alternatives)
            {
                state.Phase = DialoguePhase.WaitlistOffer;
                var closed = data.TryGetProperty("closed", out var c) && c.ValueKind == JsonValueKind.True;
                if (!closed && data.TryGetProperty("provider_off", out var off) && off.ValueKind == JsonValueKind.String && state.DateStart is { } offDay)
                {
                    // "sunday" with a provider who does not work Sundays: said why, and the same part of the day on the nearest days.
                    return SayText(prefix + Render("provider_off_alternatives", ("provider", off.GetString()!), ("service", service), ("slots", labels),
                        ("day", SpokenTime.Day(DateOnly.ParseExact(offDay, "yyyy-MM-dd", Inv), state.Language))));
                }
                if (closed && data.TryGetProperty("open_elsewhere", out var elsewhere) && elsewhere.ValueKind == JsonValueKind.Array && elsewhere.GetArrayLength() > 0
                    && data.TryGetProperty("closed_location", out var shut) && shut.ValueKind == JsonValueKind.String)
                {
                    // "the mission location on sunday": that place is closed, another is open that day; both said, so "ok the
                    // marina then" searches the same service and day there (a place named that nothing on offer is at).
                    return SayText(prefix + Render("closed_day_open_elsewhere", ("location", shut.GetString()!), ("service", service), ("slots", labels),
                        ("open", Join([.. elsewhere.EnumerateArray().Select(x => x.GetString()!)], "list_or"))));
                }
                return SayText(prefix + Render(closed ? "closed_day_alternatives" : "no_slots_alternatives", ("service", service), ("slots", labels)));
            }
            if (state.LeadWith is { } edge && state.Offered.Count > 1)
            {
                // "first thing monday": the earliest opening (or the latest, for "the last one you have") leads, put as a
                // yes-or-no question (a yes or "that one" takes it); the others are said after it and stay on offer.
                state.LeadWith = null;
                var inOrder = state.Offered.OrderBy(o => o.Date, StringComparer.Ordinal).ThenBy(o => o.Time, StringComparer.Ordinal).ToList();
                var lead = edge == TimePreferenceKind.Latest ? inOrder[^1] : inOrder[0];
                state.ProposedSlotId = lead.SlotId;
                return SayText(prefix + Render(edge == TimePreferenceKind.Latest ? "offer_lead_latest" : "offer_lead_earliest", ("service", service),
                    ("slot", lead.Label), ("others", Join(state.Offered.Where(o => o != lead).Select(o => o.Label).ToList(), "list_or"))));
            }
            state.LeadWith = null;
            return SayText(prefix + Render(state.Offered.Count == 1 ? "offer_slots_one" : "offer_slots", ("service", service), ("slots", labels)));
        }

        private ChatMessage AskWaitlist(string service)
        {
            state.Phase = DialoguePhase.WaitlistOffer;
            state.Asked = AgentQuestion.Confirmation;
            state.PendingTool = null;
            return Say("no_slots_waitlist", ("service", service));
        }

        private ChatMessage AskConfirmation(string template, FunctionCallContent call, JsonElement data, string? worded = null)
        {
            state.PendingTool = call.Name;
            state.PendingArgs = JsonSerializer.Serialize(call.Arguments, Conversations.ConversationState.Json);
            state.ReadBack = data.GetProperty("read_back").GetString();
            state.Asked = AgentQuestion.Confirmation;
            state.EchoPick = false;
            // Read back in the conversation's words from the tool's values (confirm_read_back), not from its English sentence.
            var readBack = worded
                ?? (data.TryGetProperty("appointments", out var several) && several.ValueKind == JsonValueKind.Array
                    ? Join([.. several.EnumerateArray().Select(a => AppointmentText("confirm_read_back", a))], "list_and")
                    : data.TryGetProperty("appointment", out var appointment) ? AppointmentText("confirm_read_back", appointment) : state.ReadBack!);
            if (state.ForGuest && call.Name == "book_appointment" && call.Arguments is { } bookArgs && bookArgs.TryGetValue("client_name", out var named) && named?.ToString() is { } guest && guest.Length > 0)
            {
                // Booked for someone else: the read-back says whose appointment it is.
                readBack = Render("read_back_for_guest", ("read_back", readBack), ("name", guest));
            }
            if (state.ContactCorrection is { } corrected && call.Name == "book_appointment")
            {
                // Read back again with a corrected name, number or e-mail: the person putting their details right, not the
                // stuck question a person is called in for (however often the read-back was said before).
                _detailCameIn = true;
                state.ContactCorrection = null;
                return Say("confirm_booking_contact_corrected", ("contact", corrected), ("read_back", readBack));
            }
            if (state.RestateAfterAnswer)
            {
                // Asked again after a question the person put beside it: not the stuck question a person is called in for.
                _detailCameIn = true;
                state.RestateAfterAnswer = false;
                return Say(template switch
                {
                    "confirm_booking" => "confirm_after_question_book",
                    "confirm_cancel" => "confirm_after_question_cancel",
                    "confirm_reschedule" => "confirm_after_question_move",
                    _ => "confirm_after_question",
                }, ("read_back", readBack));
            }
            return Say(state.Misses > 0 ? "confirm_again" : template, ("read_back", readBack));
        }

        /// <summary>
        /// A code that did not verify, worded from the tool's reason (never its English message, which is for a remote
        /// model): tries left, this code used up (a new one on request), the number locked for today, or no code waiting.
        /// </summary>
        private ChatMessage OnWrongCode(JsonElement data)
        {
            var reason = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("reason", out var r) ? r.GetString() : null;
            return reason switch
            {
                "wrong_code" when data.TryGetProperty("attempts_left", out var left) && left.TryGetInt32(out var tries) =>
                    tries == 1 ? Say("code_wrong_one_left") : Say("code_wrong", ("tries", tries.ToString(Inv))),
                "locked_today" => Say("code_locked_today"),
                "used_up" => Say("code_used_up"),
                _ => Say("code_none"),
            };
        }

        /// <summary>
        /// The answer to "Friday, December 11, or Saturday, December 12?" (round 25): a day or a weekday said picks the one of the
        /// two it names ("oh the saturday", "el viernes 11", "the 11th"); anything else lets the question go.
        /// </summary>
        private Utterance PickFromDayChoices(Utterance u)
        {
            if (state.DayChoices.Count == 0)
            {
                return u;
            }
            var choices = state.DayChoices.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", Inv)).ToList();
            state.DayChoices = [];
            if (u.Date is not { Range.IsSingleDay: true } said || u.DayChoices.Count > 0)
            {
                return u;
            }
            var picked = choices.Contains(said.Range.Start) ? said.Range.Start
                : choices.Where(c => c.DayOfWeek == said.Range.Start.DayOfWeek).ToList() is [var onThatWeekday] ? onThatWeekday
                : choices.Where(c => c.Day == said.Range.Start.Day).ToList() is [var thatDate] ? thatDate : (DateOnly?)null;
            return picked is { } day ? u with { Date = said with { Range = DateRange.Day(day) } } : u;
        }

        /// <summary>
        /// "i got a facial on saturday" / "tengo un facial el sábado" once the appointments are known (round 25): their appointment
        /// that day (of that service when one was named) is said and what to do with it asked; none then is a past visit
        /// ("got") or said so with a booking offered ("tengo"). The list stays known for "move it" / "cancélalo".
        /// </summary>
        private ChatMessage OnVisitTold()
        {
            var check = state.VisitToldCheck;
            var day = DateOnly.ParseExact(state.DateStart!, "yyyy-MM-dd", Inv);
            var onDay = DialogueTracker.AppointmentsOn(state, new DateRange(day, day));
            var ofService = onDay.Where(i => state.ServiceOptions.Contains(state.AppointmentServices[i])).ToList();
            var theirs = ofService.Count > 0 ? ofService : onDay;
            var (refs, services, listed, starts) = (state.AppointmentRefs, state.AppointmentServices, state.AppointmentLabels, state.AppointmentStarts);
            var (providers, places) = (state.AppointmentProviders, state.AppointmentLocations);
            state.ResetTask();
            if (theirs.Count == 0)
            {
                if (check == VisitTold.PastOrComing)
                {
                    return Say("past_visit");
                }
                state.BookingOffered = true;
                return Say("visit_told_none_then", ("day", SpokenTime.Day(day, state.Language)));
            }
            (state.AppointmentRefs, state.AppointmentServices, state.AppointmentLabels, state.AppointmentStarts) = (refs, services, listed, starts);
            (state.AppointmentProviders, state.AppointmentLocations) = (providers, places);
            state.PastVisitService = null;
            return Say("visit_told_is_theirs", ("appointment", Join([.. theirs.Select(i => listed[i])], "list_and")));
        }

        /// <summary>
        /// "same time next friday?" in a new conversation (round 25): the appointment it is about (the one on that weekday, else
        /// the soonest) stands in for the booking made (<see cref="DialogueState.LastBookedService"/>), and move or another is
        /// asked about it, as right after a booking. The list stays known for "move it".
        /// </summary>
        private ChatMessage AskMoveOrAnotherAbout(List<JsonElement> items)
        {
            var said = state.DateStart is { } day ? DateOnly.ParseExact(day, "yyyy-MM-dd", Inv).DayOfWeek : (DayOfWeek?)null;
            var onThatDay = items.FindIndex(a => LocalStart(a) is { } start && start.DayOfWeek == said);
            var meant = items[onThatDay >= 0 ? onThatDay : 0];
            RememberBooking(meant);
            var (refs, services, listed, starts) = (state.AppointmentRefs, state.AppointmentServices, state.AppointmentLabels, state.AppointmentStarts);
            var (providers, places, asked) = (state.AppointmentProviders, state.AppointmentLocations, state.SameAgainAsked);
            state.ResetTask();
            (state.AppointmentRefs, state.AppointmentServices, state.AppointmentLabels, state.AppointmentStarts) = (refs, services, listed, starts);
            (state.AppointmentProviders, state.AppointmentLocations, state.SameAgainAsked) = (providers, places, asked);
            if (state.LastBookedStart is not { Length: >= 10 })
            {
                state.SameAgainAsked = null;
                return Say("list_appointments", ("appointments", Join(listed, "list_and")));
            }
            return Say("same_time_move_or_another", ("day", SpokenTime.Day(DateOnly.ParseExact(state.LastBookedStart[..10], "yyyy-MM-dd", Inv), state.Language)));
        }

        private ChatMessage OnAppointments(JsonElement data)
        {
            var items = data.GetProperty("appointments").EnumerateArray().ToList();
            state.AppointmentRefs = [.. items.Select(a => a.GetProperty("ref").GetString()!)];
            state.AppointmentServices = [.. items.Select(a => a.GetProperty("service").GetString()!)];
            state.AppointmentLabels = [.. items.Select(a => AppointmentText("appointment_label", a))];
            state.AppointmentStarts = [.. items.Select(a => a.TryGetProperty("localStart", out var ls) ? ls.GetString() ?? "" : "")];
            state.AppointmentProviders = [.. items.Select(a => a.TryGetProperty("provider", out var p) ? p.GetString() ?? "" : "")];
            state.AppointmentLocations = [.. items.Select(a => a.TryGetProperty("location", out var l) ? l.GetString() ?? "" : "")];
            if (state.AfterOwnVisitLookup && state.Task == DialogueTask.Book)
            {
                // Looked up for a treatment wanted after one's own appointment (round 36): the search follows it.
                state.AfterOwnVisitLookup = false;
                FollowOwnVisit();
                return NextBookingStep();
            }
            if (state.VisitToldCheck != VisitTold.None)
            {
                return OnVisitTold();
            }
            if (items.Count == 0)
            {
                state.ResetTask();
                state.BookingOffered = true;
                return Say("no_appointments");
            }
            var labels = Join(state.AppointmentLabels, "list_and");
            if (state.Task == DialogueTask.List && state.SameAgainAsked is not null && state.LastBookedService is null)
            {
                return AskMoveOrAnotherAbout(items);
            }
            if (state.Task is DialogueTask.List or null)
            {
                // The list stays known: "cancel the second one", "the later one", "and the one after?" read against it.
                var (refs, services, listed, starts) = (state.AppointmentRefs, state.AppointmentServices, state.AppointmentLabels, state.AppointmentStarts);
                var (providers, places) = (state.AppointmentProviders, state.AppointmentLocations);
                state.ResetTask();
                (state.AppointmentRefs, state.AppointmentServices, state.AppointmentLabels, state.AppointmentStarts) = (refs, services, listed, starts);
                (state.AppointmentProviders, state.AppointmentLocations) = (providers, places);
                return Say("list_appointments", ("appointments", labels));
            }
            if (state.Task == DialogueTask.Cancel && state.CancelAll && items.Count > 1)
            {
                // "cancel both my appointments": all of them, read back together; nothing is cancelled before the yes.
                state.CancelAll = false;
                state.AppointmentRef = string.Join(',', state.AppointmentRefs);
                return Call("cancel_appointment", new() { ["appointment_ref"] = state.AppointmentRef });
            }
            if (state.Task == DialogueTask.Reschedule && state.MoveAll && items.Count > 1)
            {
                // "move both to next week", "can we push both of them to friday" (round 27): one after the other, soonest first,
                // each searched, offered, read back and moved on its own yes; what is left waits in MovesLeft.
                state.MoveAll = false;
                state.AppointmentRef = state.AppointmentRefs[0];
                state.MovesLeft = new MovesLeft([.. state.AppointmentRefs.Skip(1)], [.. state.AppointmentRefs], [.. state.AppointmentLabels],
                    [.. state.AppointmentServices], [.. state.AppointmentStarts], [.. state.AppointmentProviders], [.. state.AppointmentLocations],
                    state.DateStart, state.DateEnd, state.After, state.Before, state.Near, state.SameTime, state.SameDay, state.ShiftMinutes, state.DayNudge);
                state.SayFirst = Render("move_each_in_turn", ("appointment", state.AppointmentLabels[0]));
                return NextRescheduleStep();
            }
            if (state.Task == DialogueTask.Cancel && state.CancelDays.Count > 1 && CancelOnDays() is { } onDays)
            {
                return onDays;
            }
            if (state.MoveAppointmentAt is { } movedAt && state.Task == DialogueTask.Reschedule)
            {
                // Moved once already in this conversation (round 33): the one standing where that move put it.
                state.MoveAppointmentAt = null;
                if (state.AppointmentStarts.IndexOf(movedAt) is var movedIndex and >= 0)
                {
                    state.AppointmentRef = state.AppointmentRefs[movedIndex];
                    return NextRescheduleStep();
                }
            }
            if (state.AppointmentPicked is { } picked && state.AppointmentLabels.IndexOf(picked) is var pickedAt and >= 0)
            {
                // Named from the list said before ("cancel the second one"): that one.
                state.AppointmentPicked = null;
                state.AppointmentRef = state.AppointmentRefs[pickedAt];
                return state.Task == DialogueTask.Cancel ? Call("cancel_appointment", new() { ["appointment_ref"] = state.AppointmentRef }) : NextRescheduleStep();
            }
            if (state.AppointmentPosition is { } position && items.Count > 1 && (position == -1 || position <= items.Count))
            {
                // "can you cancel the second one" before the list was said: that place in it (soonest first), read back before any change.
                state.AppointmentPosition = null;
                state.AppointmentRef = state.AppointmentRefs[position == -1 ? items.Count - 1 : position - 1];
                return state.Task == DialogueTask.Cancel ? Call("cancel_appointment", new() { ["appointment_ref"] = state.AppointmentRef }) : NextRescheduleStep();
            }
            if (state.Task == DialogueTask.Cancel && state.DateStart is { } rangeFrom && state.DateEnd is { } rangeTo && rangeFrom != rangeTo
                && new DateRange(DateOnly.ParseExact(rangeFrom, "yyyy-MM-dd", Inv), DateOnly.ParseExact(rangeTo, "yyyy-MM-dd", Inv)) is var range
                && DialogueTracker.AppointmentsOn(state, range).Count == 0)
            {
                // "cancel whatever i have next week" with nothing then: said, and nothing read back (this Friday's is not next
                // week's; round 24).
                var yours = Join(state.AppointmentLabels, "list_and");
                state.ResetTask();
                return Say("no_appointment_between", ("from", SpokenTime.Day(range.Start, state.Language)), ("to", SpokenTime.Day(range.End, state.Language)),
                    ("appointments", yours));
            }
            if (items.Count == 1)
            {
                state.AppointmentRef = state.AppointmentRefs[0];
                return state.Task == DialogueTask.Cancel ? Call("cancel_appointment", new() { ["appointment_ref"] = state.AppointmentRef }) : NextRescheduleStep();
            }
            var named = state.ServiceId is { } sid && Profile.FindService(sid) is { } svc ? [svc.Name] : state.ServiceOptions;
            var matching = state.AppointmentServices.Select((name, i) => (name, i)).Where(x => named.Contains(x.name)).ToList();
            if (matching.Count != 1 && state.Task == DialogueTask.Cancel && state.DateStart is { } from && state.DateEnd is { } to)
            {
                // "cancel the one on the 30th": the day tells them apart (for a move, the day said is where it goes).
                var onDay = DialogueTracker.AppointmentsOn(state, new DateRange(DateOnly.ParseExact(from, "yyyy-MM-dd", Inv), DateOnly.ParseExact(to, "yyyy-MM-dd", Inv)));
                var both = matching.Count > 1 ? onDay.Where(i => matching.Any(m => m.i == i)).ToList() : onDay;
                matching = both.Count == 1 ? [(state.AppointmentServices[both[0]], both[0])] : matching;
            }
            if (matching.Count != 1 && state.Task == DialogueTask.Reschedule && state.MoveFromStart is { } movedFrom && state.MoveFromEnd is { } movedTo)
            {
                // "push the friday one to saturday": the appointment's own day tells them apart (the day after "to" is where it goes).
                var onDay = DialogueTracker.AppointmentsOn(state, new DateRange(DateOnly.ParseExact(movedFrom, "yyyy-MM-dd", Inv), DateOnly.ParseExact(movedTo, "yyyy-MM-dd", Inv)));
                var both = matching.Count > 1 ? onDay.Where(i => matching.Any(m => m.i == i)).ToList() : onDay;
                matching = both.Count == 1 ? [(state.AppointmentServices[both[0]], both[0])] : matching;
            }
            if (matching.Count == 1)
            {
                // "move the massage to friday" with a massage and a facial booked: the massage.
                state.AppointmentRef = state.AppointmentRefs[matching[0].i];
                state.ServiceOptions = [];
                return state.Task == DialogueTask.Cancel ? Call("cancel_appointment", new() { ["appointment_ref"] = state.AppointmentRef }) : NextRescheduleStep();
            }
            state.Phase = DialoguePhase.PickAppointment;
            return Say("which_appointment", ("appointments", Join(state.AppointmentLabels, "list_or")));
        }

        /// <summary>
        /// "cancel the friday and saturday ones": the appointments on those days, read back together (one yes cancels them
        /// all); a day with none is said first. Null when none of the days has one (the list is asked about as usual).
        /// </summary>
        private ChatMessage? CancelOnDays()
        {
            var days = state.CancelDays.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", Inv)).ToList();
            state.CancelDays = [];
            var onDays = days.Select(d => (Day: d, At: DialogueTracker.AppointmentsOn(state, DateRange.Day(d)))).ToList();
            var found = onDays.SelectMany(x => x.At).Distinct().Order().ToList();
            if (found.Count == 0)
            {
                return null;
            }
            if (onDays.Where(x => x.At.Count == 0).Select(x => SpokenTime.Day(x.Day, state.Language)).ToList() is { Count: > 0 } none)
            {
                // "cancel my tuesday and friday ones" with nothing on Tuesday: said, and only Friday's read back.
                state.SayFirst = Render("no_appointment_on_day", ("day", Join(none, "list_or")));
            }
            state.AppointmentRef = string.Join(',', found.Select(i => state.AppointmentRefs[i]));
            return Call("cancel_appointment", new() { ["appointment_ref"] = state.AppointmentRef });
        }

        public ChatMessage Say(string template, params (string Key, string Value)[] values) => SayText(Render(template, values));

        /// <summary>
        /// "what's today's date?", "what's the date this friday?": the day from the spa's calendar. The day is kept as the one
        /// in play, so "ok book me a facial that day" books it.
        /// </summary>
        private ChatMessage SayDate(Utterance u)
        {
            var today = Profile.Today(engine._clock);
            var day = u.Date is { Range.IsSingleDay: true } one ? one.Range.Start : today;
            state.LastHoursDay = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var label = SpokenTime.Day(day, state.Language);
            return day == today ? Say("date_today", ("date", label))
                : day == today.AddDays(1) ? Say("date_tomorrow", ("date", label))
                : Say("date_of_day", ("date", label));
        }

        private string Render(string template, params (string Key, string Value)[] values)
        {
            var map = new Dictionary<string, string>
            {
                ["spa"] = Profile.Spa.Name,
                ["disclosure"] = Profile.Spa.AiDisclosure,
                ["service"] = state.ServiceId is { } id ? Profile.FindService(id)?.NameIn(state.Language) ?? "" : "",
            };
            foreach (var (k, v) in values)
            {
                map[k] = v;
            }
            if (state.Language is { } language && language != ConversationLanguage.English)
            {
                // The tools word days, times and read-backs in English: the reply says them in the conversation's language.
                foreach (var key in map.Keys.ToList())
                {
                    map[key] = ReplyWording.Localize(map[key], language, Profile);
                }
                map["disclosure"] = Profile.Spa.DisclosureIn(language);
                return ReplyWording.Tidy(engine.RepliesIn(language).Render(template, map), language);
            }
            return engine.RepliesIn(state.Language).Render(template, map);
        }

        private ChatMessage SayText(string text)
        {
            if (state.SayFirst is { } first)
            {
                state.SayFirst = null;
                text = first + " " + text;
            }
            if (!_uncounted && CountAsk() >= 3 && !_detailCameIn)
            {
                // The same question with the same choices a third time in this stretch. A person getting somewhere (details,
                // a day, one miss at most) gets it in another form; after real misses a person takes over. The task is
                // theirs then (the facts stay in the state and the transcript), so details sent next are only noted.
                if (state.StretchMisses < 2 && (ProposeSlot() ?? ProposeService() ?? AskKindAgain()) is { } other)
                {
                    return other;
                }
                if (_whenCorrected && state.StretchMisses == 0 && state.QuestionAsks == 3 && state.Asked == AgentQuestion.Service && state.ServiceOptions.Count > 1)
                {
                    // A choice of services asked a third time because the day just given was corrected ("friday" … "hmm no
                    // actually saturday"), no miss in the stretch: the person is getting somewhere, so it is asked once more
                    // in other words, saying the change was taken; a fourth ask hands over.
                    var last = new ChatMessage(ChatRole.Assistant, Render("ask_service_options_last", ("options", ServiceOptionsList())));
                    last.AdditionalProperties = new() { [StoredMessage.EngineStateKey] = state.Serialize() };
                    return last;
                }
                return HandOver();
            }
            var message = new ChatMessage(ChatRole.Assistant, text);
            message.AdditionalProperties = new() { [StoredMessage.EngineStateKey] = state.Serialize() };
            return message;
        }

        private ChatMessage Call(string name, Dictionary<string, object?> args)
        {
            if (!tools.Contains(name))
            {
                return Say("not_understood");
            }
            var clean = args.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);
            var message = new ChatMessage(ChatRole.Assistant, [new FunctionCallContent($"call_{Guid.NewGuid():N}"[..17], name, clean)]);
            message.AdditionalProperties = new() { [StoredMessage.EngineStateKey] = state.Serialize() };
            return message;
        }

        /// <summary>The person's first name as they gave it, capitalised ("ava thompson" → "Ava"); null when none was given.</summary>
        private string? FirstName() => state.Name?.Split(' ')[0] is { Length: > 0 } f ? char.ToUpperInvariant(f[0]) + f[1..] : null;

        /// <summary>The service options on offer, in the conversation's language: "a, b, or c".</summary>
        private string ServiceOptionsList() => Join([.. state.ServiceOptions.Select(ServiceIn)], "list_or");

        private string ServiceName() => state.ServiceId is { } id ? Profile.FindService(id)?.NameIn(state.Language) ?? id : Render("that_service");

        /// <summary>A service the tools named by its (English) profile name, as the conversation's language names it (name_es).</summary>
        private string ServiceIn(string name) => Profile.Services.FirstOrDefault(s => s.Name == name)?.NameIn(state.Language) ?? name;

        /// <summary>The waitlist's read-back in the conversation's words, from the call (the tool's own is English).</summary>
        private string WaitlistReadBack(FunctionCallContent call)
        {
            string Arg(string name) => call.Arguments?.TryGetValue(name, out var v) == true ? v?.ToString() ?? "" : "";
            var phone = FrontDesk.Tools.PhoneNumbers.ToNational(Arg("client_phone")) ?? Arg("client_phone");
            var name = Arg("client_name") is { Length: > 0 } given ? given : state.Name ?? "";
            var who = name.Length > 0 && phone.Length > 0 ? $"{name}, {phone}" : name + phone;
            // A known client on their own number (SMS, a call) gives no name or number to the call: nothing to say "for".
            return Render(who.Length == 0 ? "waitlist_read_back_no_who" : "waitlist_read_back", ("service", ServiceNameFromArgs(call)), ("window", WindowText(call)),
                ("who", who));
        }

        private string ServiceNameFromArgs(FunctionCallContent call) =>
            call.Arguments?.TryGetValue("service", out var s) == true && s?.ToString() is { } text && FrontDesk.Tools.CatalogLookup.Services(Profile, text) is [var one]
                ? one.NameIn(state.Language)
                : ServiceName();

        private string WindowText(FunctionCallContent call)
        {
            var start = call.Arguments?.TryGetValue("start_date", out var a) == true ? a?.ToString() : null;
            var end = call.Arguments?.TryGetValue("end_date", out var b) == true ? b?.ToString() : null;
            if (start is null || !DateOnly.TryParseExact(start, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var from))
            {
                return "";
            }
            var to = end is not null && DateOnly.TryParseExact(end, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var t) ? t : from;
            var first = SpokenTime.Day(from, state.Language);
            var days = to == from ? first : engine.RepliesIn(state.Language).Render("date_window",
                new Dictionary<string, string> { ["from"] = first, ["to"] = SpokenTime.Day(to, state.Language) });
            // The part of the day joined for ("mornings only") is said back too.
            return call.Arguments?.TryGetValue("time_of_day", out var part) == true && part?.ToString() is "morning" or "afternoon" or "evening"
                ? days + Render("part_of_day_" + part) : days;
        }

        private string? TimeOfDay() => state.Before is { } b && string.CompareOrdinal(b, "12:00") <= 0 ? "morning"
            : state.After is { } a && string.CompareOrdinal(a, "17:00") >= 0 ? "evening"
            : state.After is { } a2 && string.CompareOrdinal(a2, "12:00") >= 0 ? "afternoon"
            : "any";

        /// <summary>"We'll text you a confirmation" only when the tool queued one (consent, not opted out, a phone).</summary>
        private string ConfirmationNote(JsonElement data) => engine.RepliesIn(state.Language).Render(
            data.TryGetProperty("confirmation_text", out var texted) && texted.ValueKind == JsonValueKind.True ? "booked_sms_note" : "booked_no_sms_note");

        private string ReadBack(JsonElement data) => data.TryGetProperty("appointments", out var several) && several.ValueKind == JsonValueKind.Array
            ? Join([.. several.EnumerateArray().Select(a => AppointmentText("appointment_label", a))], "list_and")
            : AppointmentText("appointment_label", data.GetProperty("appointment"));

        /// <summary>An appointment from a tool result in the words of a template with {service}, {provider}, {day}, {time} and {location}.</summary>
        /// <summary>Two people's appointments in one line (round 30): the first for the person, the second for whom it is (their name when said).</summary>
        private string PairText(string template, JsonElement two, JsonElement data)
        {
            var guest = data.TryGetProperty("guest_name", out var g) && g.GetString() is { Length: > 0 } name ? name : Render("pair_guest");
            return Render("pair_read_back", ("first", AppointmentText(template, two[0])), ("second", AppointmentText(template, two[1])), ("guest", guest));
        }

        private string AppointmentText(string template, JsonElement appointment) => Render(template,
            ("service", ServiceIn(appointment.GetProperty("service").GetString()!)), ("provider", appointment.GetProperty("provider").GetString()!),
            ("day", SpokenDay(appointment)), ("time", SpokenClock(appointment)),
            ("location", appointment.TryGetProperty("location", out var l) ? l.GetString() ?? "" : ""));

        // A slot's or an appointment's day and time in the conversation's language, from its localStart (the tool's own
        // "day" and "time" are English).
        private string SpokenDay(JsonElement x) => LocalStart(x) is { } local
            ? SpokenTime.Day(DateOnly.FromDateTime(local), state.Language) : x.GetProperty("day").GetString()!;

        private string SpokenClock(JsonElement x) => LocalStart(x) is { } local
            ? SpokenTime.Time(TimeOnly.FromDateTime(local), state.Language) : x.GetProperty("time").GetString()!;

        private static DateTime? LocalStart(JsonElement x) =>
            x.TryGetProperty("localStart", out var v) && DateTime.TryParseExact(v.GetString(), "yyyy-MM-ddTHH:mm", Inv, DateTimeStyles.None, out var local) ? local : null;

        /// <summary>
        /// A reply that answered nothing of the question pending: the first gets <paramref name="clarify"/> (the question
        /// again, with its choices); the second in a row hands the conversation to a person. Never a third time.
        /// </summary>
        private ChatMessage Miss(Func<ChatMessage> clarify)
        {
            state.Misses = _missesBefore + 1;
            state.StretchMisses++;
            if (state.Misses < 2)
            {
                return clarify();
            }
            return HandOver();
        }

        /// <summary>
        /// Which time, asked a third time, put in another form: one offered time as a yes-or-no question (the next one
        /// if a time was put already). Null when no time is on offer.
        /// </summary>
        private ChatMessage? ProposeSlot()
        {
            if (state.Asked != AgentQuestion.SlotChoice || state.Offered.Count == 0)
            {
                return null;
            }
            var at = state.Offered.FindIndex(o => o.SlotId == state.ProposedSlotId);
            var proposed = state.Offered[(at + 1) % state.Offered.Count];
            state.ProposedSlotId = proposed.SlotId;
            var misses = state.StretchMisses;
            // A new question: its asks are counted afresh, the misses of the stretch carry on.
            CountAsk();
            state.StretchMisses = misses;
            var message = new ChatMessage(ChatRole.Assistant, Render("propose_slot", ("slot", proposed.Label)));
            message.AdditionalProperties = new() { [StoredMessage.EngineStateKey] = state.Serialize() };
            return message;
        }

        /// <summary>
        /// Which service, asked a third time while the person gives days and times: one of the options (the first, the
        /// most general) put as a yes-or-no question, the next one if asked again. Null when no choice of services is open.
        /// </summary>
        private ChatMessage? ProposeService()
        {
            if (state.Asked != AgentQuestion.Service || state.ServiceOptions.Count < 2)
            {
                return null;
            }
            var at = state.ProposedService is { } before ? state.ServiceOptions.IndexOf(before) : -1;
            state.ProposedService = state.ServiceOptions[(at + 1) % state.ServiceOptions.Count];
            var misses = state.StretchMisses;
            CountAsk();
            state.StretchMisses = misses;
            var message = new ChatMessage(ChatRole.Assistant, Render("propose_service", ("service", ServiceIn(state.ProposedService)),
                ("options", Join([.. state.ServiceOptions.Where(o => o != state.ProposedService).Select(ServiceIn)], "list_or"))));
            message.AdditionalProperties = new() { [StoredMessage.EngineStateKey] = state.Serialize() };
            return message;
        }

        /// <summary>
        /// Which service, asked a third time with no options open while the person gives days and times ("uh the morning",
        /// "the ten"): the question put as the kinds of treatment we do, the facts kept. Null for any other question.
        /// </summary>
        private ChatMessage? AskKindAgain()
        {
            if (state.Asked != AgentQuestion.Service || state.ServiceOptions.Count > 1)
            {
                return null;
            }
            var misses = state.StretchMisses;
            state.LastQuestion = null;
            CountAsk();
            state.StretchMisses = misses;
            var kinds = Profile.Services.Select(x => x.Category).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            // "I've kept the day and time you gave" only when one was given.
            var kept = state.DateStart is not null || state.After is not null || state.Before is not null || state.Near is not null;
            var message = new ChatMessage(ChatRole.Assistant, Render(kept ? "ask_service_kind_kept" : "ask_service_kind_again",
                ("options", Join(kinds.Count > 1 ? [.. kinds.Select(KindIn)] : [.. Profile.Services.Select(x => x.NameIn(state.Language))], "list_or"))));
            message.AdditionalProperties = new() { [StoredMessage.EngineStateKey] = state.Serialize() };
            return message;
        }

        /// <summary>
        /// A reply that says what we offer: the whole menu when it is short, else its kinds ("massage, facial, … treatments"),
        /// so a call or a text never reads out a long list.
        /// </summary>
        private ChatMessage MenuSay(string template)
        {
            var kinds = Profile.Services.Select(x => x.Category).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return Profile.Services.Count > 8 && kinds.Count > 1
                ? Say(template + "_kinds", ("options", Join([.. kinds.Select(KindIn)], "list_and")))
                : Say(template, ("options", Join(Profile.Services.Select(x => x.NameIn(state.Language)).ToList(), "list_and")));
        }

        /// <summary>A kind of treatment (a profile category) in the conversation's words: <c>category_{kind}</c> of its replies, else as the profile writes it.</summary>
        private string KindIn(string kind) => engine.RepliesIn(state.Language).Template("category_" + kind) ?? kind;

        /// <summary>Hands the conversation to a person (a <c>human_request</c> escalation; a live transfer on a call in hours).</summary>
        private ChatMessage HandOver()
        {
            state.Misses = 0;
            state.Asked = AgentQuestion.Nothing;
            state.PendingTool = state.PendingArgs = null;
            // The task is the team's now: nothing on offer may come back on a later "yes".
            state.Task = null;
            state.Phase = DialoguePhase.None;
            state.Offered = [];
            state.ChosenSlotId = state.ProposedSlotId = null;
            state.WithTeam = true;
            var message = Say("handoff_after_misses");
            message.AdditionalProperties![HandoffKey] = "human_request";
            return message;
        }

        /// <summary>
        /// Counts the asks of the question pending with its choices: any reply that leaves it pending (a miss, another
        /// fact, a detail) asks it again, and the count runs on until the question changes or the task starts over.
        /// </summary>
        private int CountAsk()
        {
            if (state.Asked == AgentQuestion.Nothing)
            {
                state.LastQuestion = null;
                state.QuestionAsks = 0;
                state.StretchMisses = 0;
                return 0;
            }
            var key = QuestionKey();
            if (key != state.LastQuestion)
            {
                state.StretchMisses = state.Misses;
            }
            state.QuestionAsks = key == state.LastQuestion ? state.QuestionAsks + 1 : 1;
            state.LastQuestion = key;
            return state.QuestionAsks;
        }

        /// <summary>The question pending and what it offers: the same key is the same question.</summary>
        private string QuestionKey() => string.Join('|', state.Asked, state.Phase, string.Join(',', state.ServiceOptions), state.ProposedService ?? "",
            string.Join(',', state.Offered.Select(o => o.SlotId)), state.ReadBack ?? "", state.ProposedSlotId ?? "");

        /// <summary>The question pending was asked already in this stretch (the next ask is worded otherwise).</summary>
        private bool AskedAlready() => state.QuestionAsks > 0 && QuestionKey() == state.LastQuestion;

        // A weekday said as any such day: "on a thursday", "any saturday", "thursdays", "on sundays", "los jueves".
        [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:(?:on\s+)?(?:a|any|every)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tues|wednes|thurs|fri|satur|sun)days|(?:todos\s+)?los\s+(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bados|domingos))\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
        private static partial System.Text.RegularExpressions.Regex AnySuchWeekday();

        [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:it|that|this|one|they|them)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
        private static partial System.Text.RegularExpressions.Regex AboutIt();

        /// <summary>"a or b", "a, b, or c" in the conversation's language (<see cref="ReplyWording.List"/>).</summary>
        private string Join(List<string> items, string list) => ReplyWording.List(items, list, Render);
    }
}
