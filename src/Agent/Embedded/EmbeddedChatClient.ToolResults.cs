using System.Text.Json;
using FrontDesk.Tools.Text;
using FrontDesk.Agent.Languages;
using FrontDesk.Agent.Understanding;
using Microsoft.Extensions.AI;

namespace FrontDesk.Agent.Embedded;

public sealed partial class EmbeddedChatClient
{
    private sealed partial class Turn
    {
        /// <summary>The FAQ's source for a service's own facts (price, length): <c>profile:service:{id}</c>.</summary>
        private const string ServiceSource = "profile:service:";

        /// <summary>The FAQ's source for what the menu has for a concern: <c>profile:for:{id,id}</c> (round 27).</summary>
        private const string ForSource = "profile:for:";

        /// <summary>
        /// A tool result another brain got: the facts its call carried (service, day, contact details) and its outcome
        /// update the state as the engine's own would; what the engine would have said is dropped (the other brain spoke).
        /// </summary>
        public void OnOtherBrainsResult(FunctionCallContent call, JsonElement result)
        {
            string? Arg(string name) => call.Arguments?.TryGetValue(name, out var v) == true ? v?.ToString() : null;
            if (call.Name is "check_availability" or "join_waitlist" && Arg("service") is { } service
                && FrontDesk.Tools.CatalogLookup.Services(Profile, service) is [var one])
            {
                state.ServiceId = one.Id;
            }
            if (call.Name == "check_availability" && Arg("date") is { } date)
            {
                state.DateStart = date;
                state.DateEnd = Arg("end_date") ?? date;
            }
            state.Name = Arg("client_name") ?? state.Name;
            state.Phone = Arg("client_phone") ?? state.Phone;
            state.Email = Arg("client_email") ?? state.Email;
            _ = OnToolResult(call, result);
        }

        /// <summary>One answer of a message that asked several things: ask the next question, or say all the answers.</summary>
        private ChatMessage NextQuestion(FunctionCallContent call, JsonElement result)
        {
            var left = state.QuestionsLeft;
            var answers = state.AnswersSoFar;
            state.QuestionsLeft = [];
            state.AnswersSoFar = [];
            var status = result.ValueKind == JsonValueKind.Object && result.TryGetProperty("status", out var s) ? s.GetString() : null;
            // Each answer is worded alone; a booking step waiting for the answers follows once all are in.
            var thenBook = state.SearchAfterAnswer;
            state.SearchAfterAnswer = false;
            var answer = OnToolResult(call, result).Text;
            state.SearchAfterAnswer = thenBook;
            // A part of the message that reads as off-topic beside parts that were answered ("… how much for underarms"
            // after a question about laser hair removal) is a follow-up, not an off-topic question: the answers stand alone.
            if (!(status == "off_topic" && (answers.Count > 0 || left.Count > 0)) && !answers.Contains(answer))
            {
                answers.Add(answer);
            }
            if (left.Count == 0)
            {
                if (state.SearchAfterAnswer)
                {
                    state.SearchAfterAnswer = false;
                    state.SayFirst = string.Join(" ", answers);
                    return NextBookingStep();
                }
                if (state.RestateOffer)
                {
                    state.RestateOffer = false;
                    _uncounted = true;
                    return SayText(string.Join(" ", answers) + " " + OfferAgain());
                }
                return SayText(string.Join(" ", answers));
            }
            var next = engine._understander.Understand(left[0], engine.Context(state));
            var asked = AskFaq(next);
            state.QuestionsLeft = [.. left.Skip(1)];
            state.AnswersSoFar = answers;
            // The state rides on the call: written again now that the questions left are in it.
            asked.AdditionalProperties![Conversations.StoredMessage.EngineStateKey] = state.Serialize();
            return asked;
        }

        /// <summary>Asks for a contact detail; asked again right after another detail came, in other words (never the same line three times).</summary>
        private ChatMessage AskContact(AgentQuestion question, string template)
        {
            var again = state.AskedBefore == question;
            if (state.EchoPick && !again && state.Offered.FirstOrDefault(o => o.SlotId == state.ChosenSlotId) is { } picked)
            {
                // "whats the latest" → the number asked: the time picked is said first, so the person knows which one it was.
                state.EchoPick = false;
                state.Asked = question;
                state.AskedBefore = AgentQuestion.Nothing;
                return Say(question == AgentQuestion.Phone ? "ask_phone_for_pick" : "ask_name_for_pick", ("slot", picked.Label));
            }
            state.EchoPick = false;
            // A person filling in their details (a name, then an e-mail, while the phone is asked) is getting somewhere:
            // the detail is asked again in other words, and that is not the stuck question a person is called in for.
            _detailCameIn = again;
            state.AskedBefore = AgentQuestion.Nothing;
            state.Asked = question;
            return Say(again ? template + "_again" : template);
        }

        /// <summary>What was just booked, for "the same thing for my friend right after" (<see cref="DialogueState.LastBookedService"/>).</summary>
        private void RememberBooking(JsonElement booked)
        {
            var name = booked.TryGetProperty("service", out var s) ? s.GetString() : null;
            var at = booked.TryGetProperty("location", out var where) ? where.GetString() : null;
            state.LastBookedService = Profile.Services.FirstOrDefault(x => x.Name == name)?.Id;
            state.LastBookedStart = booked.TryGetProperty("localStart", out var start) ? start.GetString() : null;
            state.LastBookedLocation = Profile.Locations.FirstOrDefault(x => x.Name == at)?.Id;
            if (state.LastBookedStart is null)
            {
                state.LastBookedService = null;
            }
        }

        /// <summary>
        /// The appointment just cancelled, for "wait no keep it" right after (round 34): its service, start, provider and place,
        /// when one appointment was cancelled and the profile knows its service. Several cancelled at once are not taken back.
        /// </summary>
        private void RememberCancel(JsonElement data)
        {
            state.CancelledService = state.CancelledStart = state.CancelledStaff = state.CancelledLocation = null;
            if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("appointment", out var gone) || gone.ValueKind != JsonValueKind.Object
                || (data.TryGetProperty("appointments", out var all) && all.ValueKind == JsonValueKind.Array && all.GetArrayLength() > 1))
            {
                return;
            }
            var service = gone.TryGetProperty("service", out var s) ? Profile.Services.FirstOrDefault(x => x.Name == s.GetString()) : null;
            var start = gone.TryGetProperty("localStart", out var at) ? at.GetString() : null;
            if (service is null || start is null)
            {
                return;
            }
            var provider = gone.TryGetProperty("provider", out var p) ? p.GetString() : null;
            var place = gone.TryGetProperty("location", out var l) ? l.GetString() : null;
            state.CancelledService = service.Id;
            state.CancelledStart = start;
            state.CancelledStaff = Profile.Staff.FirstOrDefault(m => m.Name == provider || m.Id == provider)?.Id;
            state.CancelledLocation = Profile.Locations.FirstOrDefault(x => x.Name == place || x.Id == place)?.Id;
        }

        /// <summary>
        /// The appointment just moved, for "put it back like it was" and a second move right after the first (round 33): where
        /// it was before this conversation first moved it, and where it is now.
        /// </summary>
        private void RememberMove(JsonElement data)
        {
            var at = state.AppointmentRef is { } moving ? state.AppointmentRefs.IndexOf(moving) : -1;
            var before = at >= 0 && at < state.AppointmentStarts.Count ? state.AppointmentStarts[at] : null;
            var now = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("appointment", out var moved)
                && moved.TryGetProperty("localStart", out var start) ? start.GetString() : null;
            if (before is null || now is null)
            {
                state.MovedFromStart = state.MovedToStart = state.MovedService = null;
                return;
            }
            // Moved again: "like it was" is still where it stood before the first move.
            state.MovedFromStart = state.MovedToStart == before && state.MovedService == state.AppointmentServices[at] ? state.MovedFromStart : before;
            state.MovedToStart = now;
            state.MovedService = state.AppointmentServices[at];
        }

        /// <summary>
        /// After the first of several bookings said at once: the next person's, the same service at the same time with
        /// another provider if one is free ("two swedish massages", "my mom and me"), or the next service, after the first
        /// ends on the same day ("a facial and then a massage"). What was booked is said first; the search follows at once.
        /// </summary>
        private ChatMessage BookNext(JsonElement booked, string bookedText, int partyLeft, List<string> nextServices, string? after = null, string? before = null)
        {
            var start = DateTime.ParseExact(booked.GetProperty("localStart").GetString()!, "yyyy-MM-ddTHH:mm", Inv);
            var done = Profile.Services.FirstOrDefault(x => x.Name == booked.GetProperty("service").GetString());
            var bookedAt = booked.TryGetProperty("location", out var where) ? where.GetString() : null;
            var place = Profile.Locations.FirstOrDefault(x => x.Name == bookedAt);
            state.Task = DialogueTask.Book;
            state.DateStart = state.DateEnd = start.ToString("yyyy-MM-dd", Inv);
            string next;
            // "deep tissue for him and a swedish for me": as many services as people, so each has their own, the next one at the same start.
            var theirs = partyLeft > 0 && nextServices.Count >= partyLeft
                ? nextServices[0].Split('|').Select(Profile.FindService).OfType<FrontDesk.Tools.Profile.Service>().ToList() : null;
            if (partyLeft > 0 && done is not null)
            {
                var who = theirs is { Count: > 0 } ? theirs[0] : done;
                state.ServiceId = theirs is { Count: > 1 } ? null : who.Id;
                state.ServiceOptions = theirs is { Count: > 1 } ? [.. theirs.Select(x => x.Name)] : [];
                state.PartyLeft = partyLeft - 1;
                state.NextServices = theirs is null ? nextServices : [.. nextServices.Skip(1)];
                state.Near = state.SameStartAs = start.ToString("HH:mm", Inv);
                (state.After, state.Before) = (after, before);
                state.LocationId = place?.Id;
                next = Render("second_person_next", ("service", theirs is { Count: > 1 } ? DialogueTracker.Family(who.NameIn(state.Language)) : who.NameIn(state.Language)),
                    ("time", SpokenTime.Time(TimeOnly.FromDateTime(start), state.Language)));
            }
            else
            {
                var family = nextServices[0].Split('|').Select(Profile.FindService).OfType<FrontDesk.Tools.Profile.Service>().ToList();
                state.NextServices = [.. nextServices.Skip(1)];
                state.ServiceId = family is [var one] ? one.Id : null;
                state.ServiceOptions = family.Count > 1 ? [.. family.Select(x => x.Name)] : [];
                var ends = start.AddMinutes(done?.DurationMin ?? 0);
                state.After = ends.ToString("HH:mm", Inv);
                state.LocationId = place is not null && family.All(x => Profile.LocationsOffering(x).Contains(place)) ? place.Id : null;
                next = Render("next_service_next", ("service", family.Count > 0 ? DialogueTracker.Family(family[0].NameIn(state.Language)) : ""),
                    ("time", SpokenTime.Time(TimeOnly.FromDateTime(ends), state.Language)));
            }
            state.SayFirst = bookedText + " " + next;
            return NextBookingStep();
        }

        /// <summary>
        /// The second booking said beside the yes ("yes and also book my sister a facial"): read again, with the day just
        /// booked in play ("same day"), and taken up as a new booking after saying the first is booked.
        /// </summary>
        /// <summary>
        /// "move both to next week" (round 27): one move done, the next appointment taken up with the same day and time asked,
        /// searched and offered after saying the first is done; it moves only on its own yes.
        /// </summary>
        private ChatMessage MoveNextOfMany(string doneText, MovesLeft left)
        {
            var next = left.Refs[0];
            var at = left.AllRefs.IndexOf(next);
            state.JustDone = false;
            state.Task = DialogueTask.Reschedule;
            (state.AppointmentRefs, state.AppointmentLabels, state.AppointmentServices, state.AppointmentStarts) =
                ([.. left.AllRefs], [.. left.AllLabels], [.. left.AllServices], [.. left.AllStarts]);
            (state.AppointmentProviders, state.AppointmentLocations) = ([.. left.AllProviders], [.. left.AllLocations]);
            state.AppointmentRef = next;
            (state.DateStart, state.DateEnd, state.After, state.Before, state.Near) = (left.DateStart, left.DateEnd, left.After, left.Before, left.Near);
            (state.SameTime, state.SameDay, state.ShiftMinutes, state.DayNudge) = (left.SameTime, left.SameDay, left.ShiftMinutes, left.DayNudge);
            state.MovesLeft = left.Refs.Count > 1 ? left with { Refs = [.. left.Refs.Skip(1)] } : null;
            state.SayFirst = (doneText.Length > 0 ? doneText + " " : "") + Render("move_next_of_many", ("appointment", at >= 0 && at < left.AllLabels.Count ? left.AllLabels[at] : ""));
            return NextRescheduleStep();
        }

        /// <summary>"cancel my friday and book me a massage saturday instead": the cancel said, then the booking asked beside it.</summary>
        private ChatMessage BookAfterCancel(string cancelledText, string request)
        {
            var reading = state.Copy();
            // What was kept is the message as read, in English: read it in English.
            reading.Language = null;
            var u = engine._understander.Understand(request, engine.Context(reading));
            state.JustDone = false;
            state.Task = DialogueTask.Book;
            DialogueTracker.Merge(state, u);
            state.SayFirst = cancelledText;
            return NextBookingStep();
        }

        private ChatMessage BookAlso(JsonElement booked, string bookedText, string request)
        {
            var reading = state.Copy();
            reading.DateStart = reading.DateEnd = booked.GetProperty("localStart").GetString()![..10];
            // What was kept is the message as read, in English: read it in English.
            reading.Language = null;
            var u = engine._understander.Understand(request, engine.Context(reading));
            state.JustDone = false;
            state.Task = DialogueTask.Book;
            DialogueTracker.Merge(state, u);
            state.SayFirst = bookedText + " " + Render("second_booking_next");
            return NextBookingStep();
        }

        /// <summary>
        /// "my usual": the newest recent visit (of the kind named, with the provider named, if any) gives the service and
        /// the provider, said first; with none (nobody known, no visit), the service question with no guess.
        /// </summary>
        private ChatMessage OnUsual(string status, JsonElement data)
        {
            state.LookingUpUsual = false;
            var among = state.UsualAmong;
            state.UsualAmong = [];
            var visits = status == "ok" && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("recent_visits", out var v) && v.ValueKind == JsonValueKind.Array
                ? v.EnumerateArray().ToList() : [];
            var visit = visits.FirstOrDefault(x => (among.Count == 0 || among.Contains(x.GetProperty("service_id").GetString() ?? ""))
                && (state.StaffId is null || x.GetProperty("provider_id").GetString() == state.StaffId)
                && Profile.FindService(x.GetProperty("service_id").GetString()) is not null);
            if (visit.ValueKind != JsonValueKind.Object)
            {
                state.SayFirst = Render("usual_unknown");
                state.ServiceOptions = among.Count > 1 ? [.. among.Select(Profile.FindService).OfType<FrontDesk.Tools.Profile.Service>().Select(x => x.Name)] : [];
                state.ServiceId = among.Count == 1 ? among[0] : null;
                return NextBookingStep();
            }
            var service = Profile.FindService(visit.GetProperty("service_id").GetString())!;
            var providerId = visit.GetProperty("provider_id").GetString();
            state.ServiceId = service.Id;
            state.ServiceOptions = [];
            if (state.StaffId is null && Profile.FindStaff(providerId) is { } provider && provider.ServiceIds.Contains(service.Id))
            {
                state.StaffId = provider.Id;
            }
            var with = Profile.FindStaff(state.StaffId ?? providerId)?.Name ?? visit.GetProperty("provider").GetString() ?? "";
            state.SayFirst = Render("usual_service", ("service", service.NameIn(state.Language)), ("provider", FrontDesk.Tools.Profile.StaffMember.SpokenName(with)));
            return NextBookingStep();
        }

        /// <summary>
        /// The waitlist's texted opening was looked up before the person's message was read: found, it becomes what the
        /// message answers (<see cref="DialoguePhase.TextedOffer"/>); either way the message is read now.
        /// </summary>
        private ChatMessage ReadAfterTextedOffer(string text, string status, JsonElement data)
        {
            state.TextedOfferFor = null;
            _textedOfferLookedUp = true;
            if (status == "ok" && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("appointment", out var held)
                && data.TryGetProperty("service_id", out var service))
            {
                var local = DateTime.ParseExact(held.GetProperty("localStart").GetString()!, "yyyy-MM-ddTHH:mm", Inv);
                var label = Render(Profile.Locations.Count > 1 ? "slot_label_at_location" : "slot_label", ("day", SpokenDay(held)),
                    ("time", SpokenClock(held)), ("provider", FrontDesk.Tools.Profile.StaffMember.SpokenName(held.GetProperty("provider").GetString()!)),
                    ("location", held.GetProperty("location").GetString()!));
                state.TextedOffer = new Offer(held.GetProperty("ref").GetString() ?? "", local.ToString("yyyy-MM-dd", Inv), local.ToString("HH:mm", Inv),
                    data.TryGetProperty("provider_id", out var who) ? who.GetString() ?? "" : "", label,
                    data.TryGetProperty("location_id", out var where) ? where.GetString() : null);
                state.TextedOfferService = service.GetString();
                state.Phase = DialoguePhase.TextedOffer;
            }
            else if (status == "not_found" && DialogueTracker.AsksAboutWaitlist(text))
            {
                // "is my spot on the waitlist still good? and what time is my massage tues" (round 33): the waitlist part is
                // answered from this look-up (nothing opened up) before whatever the rest of the message asks.
                _waitlistAnswered = Render("waitlist_nothing_yet");
            }
            return OnUserTurn(text, null);
        }

        public ChatMessage OnToolResult(FunctionCallContent call, JsonElement result)
        {
            if (result.ValueKind != JsonValueKind.Object)
            {
                // A tool that failed (or a call it could not take) answers in plain text: never read that to the person.
                state.ResetTask();
                return Say("tool_failed");
            }
            if (call.Name == "answer_faq" && (state.QuestionsLeft.Count > 0 || state.AnswersSoFar.Count > 0))
            {
                return NextQuestion(call, result);
            }
            if (call.Name == "answer_faq" && state.RestateAfterAnswer && state.PendingTool is { } pending)
            {
                // A question at a read-back: its answer is said, and the read-back is set up again (the tool's pending write
                // lasts one turn) and asked in one line.
                state.RestateAfterAnswer = false;
                _detailCameIn = true;
                var said = OnToolResult(call, result).Text;
                state.RestateAfterAnswer = true;
                state.SayFirst = said;
                return Call(pending, JsonSerializer.Deserialize<Dictionary<string, object?>>(state.PendingArgs ?? "{}")!);
            }
            if (call.Name == "answer_faq" && state.RestateOffer && state.MoveOfManyDeclined && state.MovesLeft is { Refs.Count: > 0 } nextToMove)
            {
                // "move both", a no at the first read-back, then a question (round 28): the person has left the first where it
                // was; once the question is answered, the next is asked about (moved only after a yes and its own read-back).
                state.RestateOffer = false;
                _uncounted = true;
                var answer = OnToolResult(call, result).Text;
                var at = nextToMove.AllRefs.IndexOf(nextToMove.Refs[0]);
                state.ResetTask();
                state.NextMoveAsked = nextToMove;
                return SayText(answer + " " + Render("move_next_asked", ("appointment", at >= 0 && at < nextToMove.AllLabels.Count ? nextToMove.AllLabels[at] : "")));
            }
            if (call.Name == "answer_faq" && state.RestateOffer)
            {
                // A question at an offer of times: its answer, then the times again in one line (the offer still stands).
                state.RestateOffer = false;
                _uncounted = true;
                var answer = OnToolResult(call, result).Text;
                return SayText(answer + " " + OfferAgain());
            }
            if (call.Name == "answer_faq" && state.ChooseAfterAnswer is { } picked)
            {
                // A question asked beside a pick: its answer said first, then the pick taken (read back, or the detail it needs).
                state.ChooseAfterAnswer = null;
                var answered = OnToolResult(call, result).Text;
                if (state.Offered.FirstOrDefault(o => o.SlotId == picked) is { } slot)
                {
                    state.SayFirst = answered;
                    return Choose(slot);
                }
                return SayText(answered);
            }
            if (call.Name == "answer_faq" && state.SearchAfterAnswer && call.Arguments?.TryGetValue("question", out var togetherAsked) == true && togetherAsked?.ToString() == TogetherQuestion
                && !(result.TryGetProperty("status", out var togetherStatus) && togetherStatus.GetString() == "ok"))
            {
                // Two people together at a spa whose FAQ says nothing of it (round 28: the nail studio's answer was "I can only
                // help with …"): nothing said of it; the booking goes on one person after another, the second at the same time.
                state.SearchAfterAnswer = false;
                return NextBookingStep();
            }
            if (call.Name == "answer_faq" && state.SearchAfterAnswer)
            {
                // The question asked beside a booking: its answer is said first, with the times the search finds.
                state.SearchAfterAnswer = false;
                var answered = OnToolResult(call, result).Text;
                state.SayFirst = answered;
                return NextBookingStep();
            }
            var status = result.TryGetProperty("status", out var s) ? s.GetString() ?? "" : "error";
            if (status is "booked" or "rescheduled")
            {
                // A cancel taken back later ("can i keep my appointment after all?", round 35) is read until something else is written.
                state.CancelledService = state.CancelledStart = state.CancelledStaff = state.CancelledLocation = null;
            }
            if (call.Name == "find_waitlist_offer" && state.TextedOfferFor is { } waiting)
            {
                return ReadAfterTextedOffer(waiting, status, result.TryGetProperty("data", out var opening) ? opening : default);
            }
            if (call.Name == "find_client" && state.LookingUpUsual)
            {
                return OnUsual(status, result.TryGetProperty("data", out var found) ? found : default);
            }
            if (call.Name == "find_client" && state.CallerLookedUp && state.Task == DialogueTask.Book
                && state.Offered.Concat(state.EarlierOffers).FirstOrDefault(o => o.SlotId == state.ChosenSlotId) is { WithSlotId: not null } pair)
            {
                // Two people picked (round 33): a number with no record is asked its own name first; a known client (or one not
                // proven yet, on the web) goes on to the other person's name.
                return status == "not_found" && state.Name is null ? AskContact(AgentQuestion.Name, "ask_name") : Choose(pair);
            }
            if (call.Name == "check_availability" && state.ExactMoveSearch)
            {
                // The appointment's own provider at its place, at the exact time asked: read back when open; else the move's
                // usual search (another provider at that time, or the nearest times), whatever the narrow one answered.
                state.ExactMoveSearch = false;
                if (status != "ok")
                {
                    state.Calls++;
                    return Call("check_availability", MoveSearchArgs());
                }
            }
            if (call.Name == "check_availability" && state.OwnPlaceMoveSearch)
            {
                // The own provider at the appointment's own place had nothing then: said, and the same provider at their other
                // places is searched next (then whoever is free, below) (round 29).
                state.OwnPlaceMoveSearch = false;
                if (status == "no_slots" && MovingWith() is { } ownAtPlace && OwnProviderMoveArgs() is { } anyPlace)
                {
                    var where = call.Arguments?.TryGetValue("location", out var asked) == true ? asked?.ToString() ?? "" : "";
                    var note = Render("provider_not_free_at_place", ("provider", Profile.Staff.FirstOrDefault(m => m.Name == ownAtPlace || m.Id == ownAtPlace || m.FirstName == ownAtPlace)?.Name ?? ownAtPlace), ("location", where));
                    state.SayFirst = state.SayFirst is { } said ? said + " " + note : note;
                    state.Calls++;
                    return Call("check_availability", anyPlace);
                }
            }
            if (call.Name == "check_availability" && state.OwnProviderMoveSearch)
            {
                // The appointment's own provider in the days asked: offered when free; else said plainly, and whoever is free
                // then is searched (round 28). A refusal (a change inside the late window) is answered as any.
                state.OwnProviderMoveSearch = false;
                if (status == "no_slots" && MovingWith() is { } own)
                {
                    var note = OwnProviderNotFree(own);
                    state.SayFirst = state.SayFirst is { } before ? before + " " + note : note;
                    state.Calls++;
                    return Call("check_availability", MoveSearchArgs());
                }
            }
            var message = result.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
            var data = result.TryGetProperty("data", out var d) ? d : default;
            state.Calls++;
            if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("reason", out var given) && given.GetString() is { } worded && OwnWording.Contains(worded))
            {
                return OnReason(call, worded, data);
            }

            switch (call.Name, status)
            {
                case ("check_availability", "ok") when data.TryGetProperty("pairs", out var pairs):
                    return OfferPairs(data, pairs, "");
                case ("check_availability", "no_pairs"):
                    return NoPairs(data);
                case ("check_availability", "ok"):
                    return Offer(data, alternatives: false);
                case ("check_availability", "no_slots") when data.ValueKind == JsonValueKind.Object && data.TryGetProperty("horizon_end", out _):
                    state.DateStart = state.DateEnd = null;
                    state.Asked = AgentQuestion.Date;
                    return Say("beyond_horizon", ("days", Profile.Policies.BookingHorizonDays.ToString(Inv)));
                case ("check_availability", "no_slots") when state.EitherTimeSearched && state.AskedTimes.Count > 1:
                {
                    // The second of two times asked back, searched on its own, has nothing near it (round 27): the openings of
                    // this task at the other time are offered, with that said; never the waitlist for a time the person only asked about.
                    state.EitherTimeSearched = false;
                    var kept = state.EarlierOffers.Where(o => state.AskedTimes.Contains(o.Time)).DistinctBy(o => o.Time).ToList();
                    var notOpen = state.AskedTimes.Where(t => kept.All(o => o.Time != t)).Select(t => SpokenTime.Time(TimeOnly.ParseExact(t, "HH:mm", Inv), state.Language)).ToList();
                    state.AskedTimes = [];
                    if (kept.Count == 0)
                    {
                        return AskWaitlist(ServiceName());
                    }
                    state.Offered = kept;
                    state.Asked = AgentQuestion.SlotChoice;
                    return SayText(Render("asked_time_not_open", ("time", Join(notOpen, "list_or")), ("day", "")) + " " + OfferAgain());
                }
                case ("check_availability", "no_slots"):
                    return data.ValueKind == JsonValueKind.Object && data.TryGetProperty("alternatives", out var alt) && alt.GetArrayLength() > 0
                        ? Offer(data, alternatives: true)
                        : AskWaitlist(ServiceName());
                case ("join_waitlist", "refused") when data.ValueKind == JsonValueKind.Object && data.TryGetProperty("reason", out var wr) && wr.GetString() is "beyond_horizon" or "closed":
                    state.DateStart = state.DateEnd = null;
                    state.Asked = AgentQuestion.Date;
                    return wr.GetString() == "closed" ? Say("closed_day_ask_another") : Say("beyond_horizon", ("days", Profile.Policies.BookingHorizonDays.ToString(Inv)));
                case ("check_availability" or "join_waitlist", "ambiguous"):
                    state.ServiceOptions = [.. data.GetProperty("options").EnumerateArray().Select(x => x.GetString()!)];
                    state.ServiceId = null;
                    state.Asked = AgentQuestion.Service;
                    return Say("ask_service_options", ("options", ServiceOptionsList()));
                case ("check_availability" or "join_waitlist", "not_found"):
                    state.ServiceId = null;
                    state.Asked = AgentQuestion.Service;
                    return MenuSay("unknown_service");

                case ("book_appointment", "needs_confirmation") when data.TryGetProperty("replaces", out var replaces):
                    // "I'd cancel your 60-minute Swedish on Tuesday and book … instead — shall I?"
                    return AskConfirmation("confirm_service_change", call, data,
                        Render("service_change_read_back", ("old", AppointmentText("appointment_label", replaces)), ("new", AppointmentText("confirm_read_back", data.GetProperty("appointment")))));
                case ("book_appointment", "needs_confirmation") when data.TryGetProperty("appointments", out var two) && two.GetArrayLength() == 2:
                    // Two people at once: one read-back naming both (service, provider, time, whose), one yes for both.
                    return AskConfirmation("confirm_booking_two", call, data, PairText("confirm_read_back", two, data));
                case ("book_appointment", "needs_confirmation"):
                    return AskConfirmation("confirm_booking", call, data);
                case ("book_appointment", "booked") when data.TryGetProperty("appointments", out var both) && both.GetArrayLength() == 2:
                {
                    state.ResetTask();
                    state.JustDone = true;
                    foreach (var made in both.EnumerateArray())
                    {
                        RememberBooking(made);
                    }
                    return Say("booked_two", ("read_back", PairText("booked_read_back", both, data)), ("confirmation_note", ConfirmationNote(data)));
                }
                case ("book_appointment", "booked") when data.TryGetProperty("replaced", out var replaced):
                {
                    state.ResetTask();
                    state.JustDone = true;
                    var made = data.GetProperty("appointment");
                    RememberBooking(made);
                    var old = AppointmentText("appointment_label", replaced);
                    return data.TryGetProperty("replaced_cancelled", out var gone) && gone.GetBoolean()
                        ? Say("service_changed", ("read_back", AppointmentText("booked_read_back", made)), ("old", old), ("confirmation_note", ConfirmationNote(data)))
                        : Say("service_changed_old_kept", ("read_back", AppointmentText("booked_read_back", made)), ("old", old), ("confirmation_note", ConfirmationNote(data)));
                }
                case ("book_appointment" or "accept_waitlist_offer", "booked"):
                    var appt = data.GetProperty("appointment");
                    var readBack = AppointmentText("booked_read_back", appt);
                    var key = call.Name == "accept_waitlist_offer" ? "waitlist_offer_accepted" : "booked";
                    var (partyLeft, nextServices, thenBook) = (state.PartyLeft, state.NextServices, state.ThenBook);
                    // The part of the day asked for ("friday afternoon") holds for the next person's search too.
                    var (after, before) = (state.After, state.Before);
                    state.ResetTask();
                    state.JustDone = true;
                    // An opening taken from the waitlist ends that wait.
                    state.OnWaitlist &= call.Name != "accept_waitlist_offer";
                    RememberBooking(appt);
                    if (call.Name == "book_appointment" && (partyLeft > 0 || nextServices.Count > 0))
                    {
                        return BookNext(appt, Render(key, ("read_back", readBack), ("confirmation_note", ConfirmationNote(data))), partyLeft, nextServices, after, before);
                    }
                    if (call.Name == "book_appointment" && thenBook is not null)
                    {
                        return BookAlso(appt, Render(key, ("read_back", readBack), ("confirmation_note", ConfirmationNote(data))), thenBook);
                    }
                    return Say(key, ("read_back", readBack), ("confirmation_note", ConfirmationNote(data)));
                case ("book_appointment" or "reschedule_appointment", "slot_taken"):
                    state.Offered = [];
                    state.ChosenSlotId = null;
                    state.PendingTool = null;
                    return state.Task == DialogueTask.Reschedule ? NextRescheduleStep() : NextBookingStep();
                case ("book_appointment" or "join_waitlist", "bad_argument") when message.Contains("number", StringComparison.OrdinalIgnoreCase):
                    return AskContact(AgentQuestion.Phone, "ask_phone");
                case ("book_appointment" or "join_waitlist", "bad_argument") when message.Contains("name", StringComparison.OrdinalIgnoreCase):
                    return AskContact(AgentQuestion.Name, "ask_name");
                case ("check_availability", "bad_argument") when data.ValueKind == JsonValueKind.Object && data.TryGetProperty("reason", out var why) && why.GetString() == "provider_service":
                    state.StaffId = null;
                    state.Asked = AgentQuestion.Nothing;
                    return Say("provider_not_for_service", ("provider", data.GetProperty("provider").GetString()!), ("service", ServiceIn(data.GetProperty("service").GetString()!)),
                        ("options", Join([.. data.GetProperty("providers").EnumerateArray().Select(x => x.GetString()!)], "list_or")));
                case (_, "refused") when data.ValueKind == JsonValueKind.Object && data.TryGetProperty("reason", out var reason) && reason.GetString() == "contraindication":
                    state.ResetTask();
                    return Say("contraindication", ("service", ServiceNameFromArgs(call)));
                case (_, "refused") when data.ValueKind == JsonValueKind.Object && data.TryGetProperty("late_cancel", out _):
                    state.ResetTask();
                    if (state.LateFeeAsked && (Profile.Policies.TextIn("cancellation", state.Language ?? "en") ?? Profile.Policies.Cancellation) is { } policy)
                    {
                        // "i cant make it today, whats the late cancel fee?": the policy said, then the refusal and the hand-over.
                        state.LateFeeAsked = false;
                        return Say("late_cancel_with_policy", ("policy", policy), ("reason", Profile.Policies.LateCancelHours.ToString(Inv)));
                    }
                    return Say("late_cancel", ("reason", Profile.Policies.LateCancelHours.ToString(Inv)));

                case ("list_appointments", "verification_required") when state.VisitToldCheck == VisitTold.PastOrComing:
                    // "i got a facial on saturday" from someone not verified: nobody's appointments are looked at for it; told as
                    // a past visit (round 25).
                    state.ResetTask();
                    return Say("past_visit");
                case (_, "verification_required"):
                    if (state.Phone is { } phone && call.Name != "find_client")
                    {
                        state.Phase = DialoguePhase.VerifyCode;
                        return Call("send_verification_code", new() { ["phone"] = phone });
                    }
                    state.Phase = DialoguePhase.VerifyPhone;
                    state.Asked = AgentQuestion.Phone;
                    return Say("verification_needed");
                case ("send_verification_code", "ok"):
                    state.Phase = DialoguePhase.VerifyCode;
                    state.Asked = AgentQuestion.Nothing;
                    var resent = state.ResendingCode;
                    state.ResendingCode = false;
                    return Say(resent ? "code_resent" : "code_sent");
                case ("verify_phone", "ok"):
                    state.Phase = DialoguePhase.None;
                    return Resume();
                case ("verify_phone", _):
                    return OnWrongCode(data);

                case ("list_appointments", "ok"):
                    return OnAppointments(data);
                case ("cancel_appointment", "needs_confirmation"):
                    if (state.LateFeeAsked)
                    {
                        // "i need to cancel wednesday. will i get charged?" (round 27): the tool reads a cancellation inside the
                        // window back as refused (late_cancel), so one it reads back is outside it: no fee, said before the read-back.
                        state.LateFeeAsked = false;
                        var noFee = Render("cancel_no_fee", ("hours", Profile.Policies.LateCancelHours.ToString(Inv)));
                        state.SayFirst = state.SayFirst is { } first ? first + " " + noFee : noFee;
                    }
                    return AskConfirmation("confirm_cancel", call, data);
                case ("cancel_appointment", "cancelled"):
                {
                    var bookAfter = state.ThenBook;
                    state.ResetTask();
                    state.MovedFromStart = state.MovedToStart = state.MovedService = null;
                    state.JustDone = true;
                    RememberCancel(data);
                    return bookAfter is null ? Say("cancelled", ("read_back", ReadBack(data)))
                        : BookAfterCancel(Render("cancelled_then_book", ("read_back", ReadBack(data))), bookAfter);
                }
                case ("reschedule_appointment", "needs_confirmation"):
                    return AskConfirmation("confirm_reschedule", call, data);
                case ("reschedule_appointment", "rescheduled"):
                {
                    var left = state.MovesLeft;
                    RememberMove(data);
                    state.ResetTask();
                    state.JustDone = true;
                    return left is { Refs.Count: > 0 }
                        ? MoveNextOfMany(Render("rescheduled", ("read_back", ReadBack(data)), ("confirmation_note", ConfirmationNote(data))), left)
                        : Say("rescheduled", ("read_back", ReadBack(data)), ("confirmation_note", ConfirmationNote(data)));
                }

                case ("join_waitlist", "needs_confirmation"):
                    return AskConfirmation("confirm_waitlist", call, data, WaitlistReadBack(call));
                case ("join_waitlist", "ok"):
                    state.ResetTask();
                    state.JustDone = true;
                    state.OnWaitlist = true;
                    state.WaitlistedService = call.Arguments?.TryGetValue("service", out var waited) == true ? waited?.ToString() : null;
                    state.WaitlistedFrom = call.Arguments?.TryGetValue("start_date", out var firstDay) == true ? firstDay?.ToString() : null;
                    state.WaitlistedTo = call.Arguments?.TryGetValue("end_date", out var lastDay) == true ? lastDay?.ToString() : state.WaitlistedFrom;
                    return Say("waitlist_joined", ("service", ServiceNameFromArgs(call)), ("reason", WindowText(call)));
                case ("accept_waitlist_offer", _):
                    state.ResetTask();
                    return Say("waitlist_offer_missing");
                case ("decline_waitlist_offer", "declined"):
                {
                    var left = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("left_waitlist", out var gone) && gone.ValueKind == JsonValueKind.True;
                    var when = state.TextedOffer?.Label ?? "";
                    state.ResetTask();
                    state.TextedOffer = null;
                    state.TextedOfferService = null;
                    state.OnWaitlist = !left;
                    return Say(left ? "texted_offer_declined_left" : "texted_offer_declined", ("slot", when));
                }
                case ("decline_waitlist_offer", _):
                    state.ResetTask();
                    state.TextedOffer = null;
                    return Say("waitlist_offer_missing");
                case ("find_waitlist_offer", "ok") when state.Task != DialogueTask.AcceptOffer:
                    // "did anything open up yet?": an opening was texted; it is taken only on a yes.
                    return Say("waitlist_offer_pending");
                case ("find_waitlist_offer", _) when state.Task != DialogueTask.AcceptOffer:
                    return Say("waitlist_nothing_yet");
                case ("find_waitlist_offer", "ok"):
                    return Call("accept_waitlist_offer", []);
                case ("find_waitlist_offer", _):
                    state.ResetTask();
                    return Say("not_understood");

                case ("answer_faq", "ok"):
                    var top = data.GetProperty("matches")[0];
                    // Worded from what the match points at, in the conversation's language (not translated from the English text).
                    var best = ReplyWording.FaqAnswer(top.TryGetProperty("id", out var faqId) ? faqId.GetString() ?? "" : "",
                        top.TryGetProperty("source", out var faqSource) ? faqSource.GetString() ?? "" : "", top.GetProperty("answer").GetString()!,
                        state.Language, Profile, engine.RepliesIn(state.Language));
                    if (top.TryGetProperty("source", out var entrySource) && entrySource.GetString() == "faq" && YesOpens().IsMatch(best)
                        && call.Arguments?.TryGetValue("question", out var howAsked) == true && howAsked?.ToString() is { } asked0
                        && faqId.ValueKind == JsonValueKind.String && Profile.Faq.FirstOrDefault(f => f.Id == faqId.GetString()) is { } entry
                        && (!AsksYesOrNo().IsMatch(asked0) || !AsksOnlyWhatItAsks(asked0, entry.Question, ReplyWording.Localize(entry.Question, state.Language, Profile))))
                    {
                        // "quiero regalarle un masaje a mi mamá, como le hago?": the gift card entry's "Sí, por cualquier monto…"
                        // answers a question nobody asked; said after the entry's own question it names what it is about
                        // (round 21). So does "do your gift cards expire", a yes-or-no question of its own (round 22). The
                        // entry's own yes-or-no question ("do you sell gift cards?", "tienen tarjetas de regalo?") gets the
                        // answer alone.
                        best = ReplyWording.Localize(entry.Question, state.Language, Profile) + " " + best;
                    }
                    if (data.TryGetProperty("hours", out var hours) && hours.ValueKind == JsonValueKind.Array)
                    {
                        // Hours on the days asked about: worded from the tool's values in the conversation's language.
                        best = ReplyWording.Hours(hours, state.Language, engine.RepliesIn(state.Language));
                    }
                    if (state.Task is null && top.TryGetProperty("source", out var source)
                        && source.GetString() is { } from && from.StartsWith(ServiceSource, StringComparison.Ordinal)
                        && Profile.FindService(from[ServiceSource.Length..]) is { } answeredAbout)
                    {
                        // "how much is a deep tissue?" → "ok can I get one saturday then": the service answered about is the one meant.
                        state.ServiceId = answeredAbout.Id;
                        state.ServiceOptions = [];
                    }
                    if (state.Task is null && top.TryGetProperty("source", out var forSource) && forSource.GetString() is { } forFrom
                        && forFrom.StartsWith(ForSource, StringComparison.Ordinal) && forFrom[ForSource.Length..].Split(',') is [var only]
                        && Profile.FindService(only) is { } named)
                    {
                        // "do you have anything for acne scars" → "how much" → "ok can I book it for next week" (round 27): the one
                        // service the menu has for the concern is the one meant next.
                        state.ServiceId = named.Id;
                        state.ServiceOptions = [];
                    }
                    state.LastFaqQuestion = call.Arguments?.TryGetValue("question", out var asked) == true ? asked?.ToString() : null;
                    state.AddressAnswered = top.TryGetProperty("source", out var addressSource) && addressSource.GetString() is { } addressFrom
                        && addressFrom.StartsWith("profile:address:", StringComparison.Ordinal);
                    state.LastHoursDay = top.TryGetProperty("source", out var daySource) && daySource.GetString() is { } hoursFrom && hoursFrom.StartsWith("profile:hours:", StringComparison.Ordinal)
                        && call.Arguments?.TryGetValue("date", out var day) == true ? day?.ToString() : null;
                    // "what time do you close on saturday" → "and sunday?": the hours question is kept for a follow-up day.
                    state.LastHoursQuestion = top.TryGetProperty("source", out var hoursSource) && hoursSource.GetString() is { } src
                        && src.StartsWith("profile:hours:", StringComparison.Ordinal) && call.Arguments?.TryGetValue("question", out var q) == true ? q?.ToString() : null;
                    var elsewhere = data.TryGetProperty("other_locations", out var ol) ? ol.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
                    if (state.FeeToTeam)
                    {
                        // "how much would the fee be exactly": the policy said, the amount left to a person (handed over).
                        state.FeeToTeam = false;
                        var feeAnswer = Say("faq_answer_fee_by_team", ("answer", best));
                        feeAnswer.AdditionalProperties![HandoffKey] = FeeAmountHandoff;
                        return feeAnswer;
                    }
                    return elsewhere.Count == 0
                        ? Say("faq_answer", ("answer", best))
                        : Say("faq_answer_other_locations", ("answer", best), ("locations", Join(elsewhere, "list_and")));
                case ("answer_faq", "off_topic"):
                    return Say("out_of_scope");
                case ("answer_faq", "did_you_mean"):
                    return Say("faq_did_you_mean", ("question", data.GetProperty("question").GetString()!));
                case ("answer_faq", _) when data.TryGetProperty("visit", out var arrival) && arrival.ValueKind == JsonValueKind.Array
                    && arrival.EnumerateArray().Any(p => p.GetString() == "here"):
                    // "hi im outside, do i just come in?" with nothing in the spa's information about arriving: come in and
                    // check in at the front desk; the team has been told (round 21).
                    return Say("arrived_noted");
                case ("answer_faq", _) when data.TryGetProperty("visit", out var parts) && parts.ValueKind == JsonValueKind.Array
                    && parts.EnumerateArray().Any(p => p.GetString() == "late")
                    && call.Arguments?.TryGetValue("question", out var lateNews) == true && lateNews?.ToString() is { } news && !AsksSomething().IsMatch(news):
                    // "im running 10 min late for my facial" with nothing in the spa's information about it: news the team
                    // now has, not a question someone will answer ("is that ok?", "what happens if…" still are).
                    return Say("running_late_noted");
                case ("answer_faq", _):
                    // At an offer the times follow, so the answer does not ask "anything else?".
                    return Say(_uncounted && AtAnOffer() ? "faq_no_match_noted" : "faq_no_match");
            }
            state.PendingTool = null;
            if (status == "bad_argument" || message.Length == 0)
            {
                // A bad argument is the engine's mistake, worded for a model: say something the person can act on.
                state.Asked = AgentQuestion.Nothing;
                return Say("not_understood");
            }
            // Anything else has no template: the tool's message is a note to a model (in English), never said to the person.
            return OutcomeUnknown();
        }

        /// <summary>The reasons worded here, before the table of outcomes (which words the others by tool and status).</summary>
        private static readonly HashSet<string> OwnWording = new(StringComparer.Ordinal)
        {
            "not_at_location", "provider_not_at_location", "unknown_provider", "unknown_location", "not_offered", "offered_for_move", "offered_for_replacement", "min_age", "past",
            "no_appointments", "no_such_appointment", "already_changed", "no_record",
            "opted_out", "wrong_codes_today", "chat_limit", "hour_limit", "day_limit",
        };

        /// <summary>
        /// A refusal or a miss worded from the tool's reason (<see cref="ToolOutcomes.Templates"/>), in the conversation's
        /// language, never from the tool's message; the state follows it (a place that does not offer the service is left
        /// out and the search run again; a code that cannot be sent keeps the one sent before, when it still works).
        /// </summary>
        private ChatMessage OnReason(FunctionCallContent call, string reason, JsonElement data)
        {
            var template = ToolOutcomes.Templates[reason];
            string Text(string name) => data.TryGetProperty(name, out var v) ? v.GetString() ?? "" : "";
            ChatMessage SearchAgain(string said)
            {
                state.SayFirst = said;
                return state.Task == DialogueTask.Reschedule ? NextRescheduleStep() : NextBookingStep();
            }
            switch (reason)
            {
                case "not_at_location":
                    state.LocationId = null;
                    return SearchAgain(Render(template, ("service", ServiceIn(Text("service"))), ("location", Text("location")),
                        ("locations", Join([.. data.GetProperty("locations").EnumerateArray().Select(x => x.GetString()!)], "list_or"))));
                case "provider_not_at_location":
                    // The place asked for is kept (where the person can go); the provider who never works there is not.
                    state.StaffId = null;
                    return SearchAgain(Render(template, ("provider", Text("provider")), ("location", Text("location")),
                        ("locations", Join([.. data.GetProperty("locations").EnumerateArray().Select(x => x.GetString()!)], "list_or"))));
                case "unknown_provider":
                    state.StaffId = null;
                    return SearchAgain(Render(template));
                case "unknown_location":
                    state.LocationId = null;
                    return SearchAgain(Render(template));
                case "not_offered" or "offered_for_move" or "offered_for_replacement":
                    state.Offered = [];
                    state.ChosenSlotId = state.ProposedSlotId = null;
                    state.PendingTool = state.PendingArgs = null;
                    return SearchAgain(Render(template));
                case "min_age":
                    var service = ServiceNameFromArgs(call);
                    // "my daughter is 16 … a chemical peel on saturday": the service is refused, the day and time stay for
                    // another service she can have ("ok then a regular facial for her instead").
                    var (from, to, after, before) = (state.DateStart, state.DateEnd, state.After, state.Before);
                    state.ResetTask();
                    (state.DateStart, state.DateEnd, state.After, state.Before) = (from, to, after, before);
                    return Say(template, ("service", service), ("reason", data.TryGetProperty("min_age", out var min) ? min.ToString() : ""));
                case "past":
                    state.DateStart = state.DateEnd = null;
                    state.Asked = AgentQuestion.Date;
                    return Say(template);
                case "no_appointments" when state.VisitToldCheck == VisitTold.PastOrComing:
                    state.ResetTask();
                    return Say("past_visit");
                case "no_appointments":
                    state.ResetTask();
                    state.BookingOffered = true;
                    return Say(template);
                case "chat_limit" or "hour_limit":
                    // The code sent before still works: the person may type it.
                    state.ResendingCode = false;
                    state.Phase = DialoguePhase.VerifyCode;
                    state.Asked = AgentQuestion.Nothing;
                    return Say(template);
                default:
                    state.ResetTask();
                    return Say(template);
            }
        }

        /// <summary>
        /// A tool outcome with no template: a line in the person's language and a hand-over to the team (the escalation
        /// says why), never the tool's note to a model pasted into the reply.
        /// </summary>
        private ChatMessage OutcomeUnknown()
        {
            state.ResetTask();
            state.WithTeam = true;
            var message = Say(ToolOutcomes.Unknown);
            message.AdditionalProperties![HandoffKey] = ToolOutcomes.Unknown;
            return message;
        }
    }

    /// <summary>
    /// Whether a question asks nothing the entry's own question (in either language) does not: each of its words that says
    /// what is asked ("sell", "gift", "cards"; not "do", "you guys", "have") is one of the entry's. "do your gift cards
    /// expire" asks more than "Do you sell gift cards?".
    /// </summary>
    private static bool AsksOnlyWhatItAsks(string asked, params string[] entryQuestions)
    {
        var theirs = entryQuestions.SelectMany(q => AWord().Matches(q.ToLowerInvariant())).Select(m => m.Value.TrimEnd('s')).ToHashSet(StringComparer.Ordinal);
        return AWord().Matches(asked.ToLowerInvariant()).Select(m => m.Value)
            .Where(w => !AskingWords.Contains(w))
            .All(w => theirs.Contains(w.TrimEnd('s')));
    }

    // The words of asking itself, in either language, which say nothing of what is asked.
    private static readonly HashSet<string> AskingWords = new(StringComparer.Ordinal)
    {
        "do", "does", "did", "you", "your", "u", "ur", "guys", "yall", "y", "all", "i", "we", "can", "could", "is", "are", "a", "an",
        "the", "any", "have", "has", "there", "hi", "hey", "hello", "so", "and", "also", "ok", "okay", "please", "pls", "um", "oh",
        "quick", "question", "of", "to", "me", "my", "it", "still", "offer", "tienen", "tiene", "hay", "ustedes", "usted", "de", "la",
        "el", "los", "las", "un", "una", "o", "oye", "hola", "pregunta", "por", "favor", "también", "tambien", "ofrecen", "manejan",
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"\p{L}+", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex AWord();

    // An FAQ answer that opens with a bare yes ("Yes, in any amount…", "Sí, por cualquier monto…").
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:yes|s[ií])\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex YesOpens();

    // A yes-or-no question ("do you sell gift cards?", "tienen tarjetas de regalo?", "gift cards?"), after a greeting.
    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:(?:hi|hey|hello|hola|oye|ok|okay|so|and|also|y|tambien|también|oh|um|quick\s+question|pregunta)\W+)*(?:do|does|did|is|are|can|could|will|would|have|has|should|may|any|tienen|tiene|venden|vende|hay|aceptan|acepta|puedo|se\s+puede|es|son|ofrecen|hacen|manejan|dan|u|you|yall|y'all)\b|^\W*(?:\w+\W+){0,3}\w+\W*\?\W*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex AsksYesOrNo();

    // A question rather than news: "is that ok?", "what happens if i'm late", "do you have a grace period"; a case put
    // ("if i'm running late will you still take me", round 27).
    [System.Text.RegularExpressions.GeneratedRegex(@"\?|^\s*(?:what|how|when|where|why|is|are|do|does|can|could|will|would|should|may|if)\b|\bwill\s+(?:you|u)\s+still\b|\b(?:is\s+(?:that|it|this)\s+(?:ok|okay|alright|fine|a\s+problem)|what\s+happens|grace\s+period)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex AsksSomething();
}
