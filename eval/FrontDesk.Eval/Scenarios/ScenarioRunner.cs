using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using FrontDesk.Agent;
using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Embedded;
using FrontDesk.Channels.Twilio;
using FrontDesk.TestSupport;
using FrontDesk.Tools;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Store;
using FrontDesk.Tools.Waitlist;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FrontDesk.Eval.Scenarios;

/// <summary>How one run of a scenario ended.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Passed">True when the end state and the reply patterns all matched.</param>
/// <param name="Failures">What did not match.</param>
/// <param name="Transcript">The conversation, one line per turn.</param>
/// <param name="Elapsed">Wall time of the conversation (start-up excluded).</param>
/// <param name="Brain">The brain the run measures: the configured LLM's name (compatible, openai…) or embedded.</param>
/// <param name="FallbackTurns">
/// Turns a brain other than <paramref name="Brain"/> answered because it failed or timed out (the embedded fallback, or
/// "none" and an apology). Each is also a failure: such a run measures the fallback, not the configured brain.
/// </param>
public sealed record ScenarioOutcome(Scenario Scenario, bool Passed, IReadOnlyList<string> Failures, IReadOnlyList<string> Transcript, TimeSpan Elapsed,
    string Brain = EmbeddedChatClient.BrainName, int FallbackTurns = 0)
{
    /// <summary>True when some turn was not answered by <see cref="Brain"/>.</summary>
    public bool FellBack => FallbackTurns > 0;

    /// <summary>The outcome in a few lines, for a failing test or the CLI.</summary>
    public string Explain() => $"{Scenario.Id} ({Scenario.File}): {(Passed ? "pass" : "FAIL")}\n"
        + string.Concat(Failures.Select(f => "  - " + f + "\n")) + string.Concat(Transcript.Select(t => "    " + t + "\n"));
}

/// <summary>
/// Runs a scenario at the agent level: <see cref="FrontDeskAgent"/> over the real tools on a fresh real store, with the
/// profile's clock pinned, then compares the store's end state with the expectation.
/// </summary>
public static class ScenarioRunner
{
    private static readonly Actor Seeder = Actor.System("eval-seed");

    /// <summary>A turn starting with this is written by a team member who has taken the conversation over.</summary>
    public const string StaffPrefix = "staff:";

    /// <summary>During a takeover, a turn starting with this is the person's, still answered by staff (the next plain turn hands the conversation back first).</summary>
    public const string ClientPrefix = "client:";

    /// <summary>"later: 3h" / "later: 40m": the person goes quiet that long; the clock moves on, the conversation is the same.</summary>
    public const string LaterPrefix = "later:";

    /// <summary>"hangup:" on a call: the caller hangs up and calls again from the same number, a new call (a new conversation).</summary>
    public const string HangUpTurn = "hangup:";

    /// <summary>"release: 0": the seeded appointment at that index (from 0) is cancelled by someone else (not this conversation), so the waitlist offers its time by text.</summary>
    public const string ReleasePrefix = "release:";

    /// <summary>Runs <paramref name="scenario"/> once on a fresh store. <paramref name="settings"/> adds configuration (FrontDesk:Llm:* for an LLM brain).</summary>
    public static async Task<ScenarioOutcome> RunAsync(Scenario scenario, TestStore store = TestStore.Sqlite,
        IReadOnlyDictionary<string, string?>? settings = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var extra = settings?.ToDictionary(kv => kv.Key, kv => kv.Value) ?? [];
        var sms = scenario.Channel == "sms";
        // A text waits for the agent up to the longest budget the SMS options allow, so a slow machine does not push a
        // reply to the outbox (which the runner does not read).
        extra.TryAdd("FrontDesk:Sms:ReplyBudgetMs", "14000");
        await using var h = await SpaBookHarness.StartAsync(store, RepoPaths.Profile(scenario.Profile), extra: extra,
            register: (s, c) =>
            {
                s.AddFrontDeskAgent(c, AppContext.BaseDirectory);
                if (sms)
                {
                    // The SMS channel as the host wires it (keywords, the opt-out store, its tables); no hosted service
                    // runs here, so nothing is sent.
                    s.AddFrontDeskTwilio(AppContext.BaseDirectory);
                    s.AddSingleton<IHostApplicationLifetime, NoLifetime>();
                }
            });
        var profile = h.Get<SpaProfile>();
        // Every state a turn takes from the store's cache is checked against the text its row holds (issue 16): a difference
        // fails the turn, and so the scenario.
        h.Get<FrontDesk.Agent.Conversations.ConversationStore>().CheckWrittenStates = true;
        h.Get<FrontDesk.Agent.Embedded.EmbeddedChatClient>().CheckReadStates = true;
        h.Clock.Set(ToUtc(profile, scenario.Now));
        var failures = new List<string>();
        var transcript = new List<string>();

        var seeded = new List<Appointment?>();
        foreach (var seed in scenario.Seed)
        {
            var (outcome, appointment) = await h.Get<AppointmentBook>().InsertAsync(SeedAppointment(profile, seed), Seeder, ct);
            seeded.Add(appointment);
            if (outcome != BookingOutcome.Booked)
            {
                failures.Add($"seed {seed.Service} at {seed.Start} was not booked: {outcome}");
            }
        }
        // Appointments released by someone else during the conversation: not the conversation's cancellations.
        var released = new HashSet<string>(StringComparer.Ordinal);
        var before = await SnapshotAsync(h, ct);

        var agent = h.Get<FrontDeskAgent>();
        // The brain this run measures is the first one the agent tries: the configured LLM, or the embedded engine.
        var configured = h.Get<BrainSet>().InOrder().First().Name;
        var fallbackTurns = 0;
        // A text thread's conversation is the one the SMS webhook keys by (client number, spa number), so keyword turns
        // (handled by the SMS channel) and the agent's turns share it.
        var spaNumber = profile.DefaultLocation.Phone ?? "";
        var calls = 1;
        var conversationId = sms && scenario.CallerPhone is { } caller
            ? SmsConversations.ConversationIdFor(PhoneNumbers.ToE164(caller) ?? caller, PhoneNumbers.ToE164(spaNumber) ?? spaNumber)
            : "eval_" + scenario.Id + "_" + Guid.NewGuid().ToString("N")[..6];
        var replies = new List<string>();
        var watch = Stopwatch.StartNew();
        var takenOver = false;
        // The codes texted in this conversation, by message id, and the newest one: the clock stands still in a scenario, so the
        // outbox cannot order two codes sent in it ("i didn't get it" sends a second); each turn sends at most one.
        var codesSeen = new HashSet<string>(StringComparer.Ordinal);
        string? newestCode = null;
        for (var i = 0; i < scenario.Turns.Count; i++)
        {
            var text = scenario.Turns[i];
            newestCode = await NewestCodeAsync(h, conversationId, codesSeen, ct) ?? newestCode;
            if (text.Contains("{code}", StringComparison.Ordinal))
            {
                text = text.Replace("{code}", newestCode ?? "000000", StringComparison.Ordinal);
            }
            if (text.StartsWith(LaterPrefix, StringComparison.Ordinal))
            {
                var pause = ParsePause(text[LaterPrefix.Length..].Trim(), scenario.Id);
                h.Clock.Advance(pause);
                transcript.Add($"[{pause.TotalMinutes:0} minutes later]");
                continue;
            }
            if (text.StartsWith(ReleasePrefix, StringComparison.Ordinal))
            {
                var index = int.Parse(text[ReleasePrefix.Length..].Trim(), CultureInfo.InvariantCulture);
                if (seeded.ElementAtOrDefault(index) is not { } freed)
                {
                    throw new InvalidDataException($"{scenario.Id}: \"{text}\" names no seeded appointment.");
                }
                // Another client cancels, as the SMS channel or the staff console would: the waitlist's offer is written with it.
                var waitlist = h.Get<WaitlistBook>();
                await h.Get<AppointmentBook>().CancelAsync(freed, Actor.System("eval-other-client"), null,
                    (c, tx) => waitlist.OfferFreedSlotAsync(c, tx, freed, ct), ct);
                released.Add(freed.Id);
                transcript.Add($"[someone else cancelled {freed.ServiceId} at {freed.StartsAtUtc:u}; the waitlist offers it]");
                continue;
            }
            if (text.Trim() == HangUpTurn)
            {
                // The same person calls again: the channel starts a new conversation for a new call, as Twilio's CallSid does.
                calls++;
                conversationId = "eval_" + scenario.Id + "_call" + calls + "_" + Guid.NewGuid().ToString("N")[..6];
                transcript.Add("[hung up; calls again]");
                continue;
            }
            try
            {
                if (text.StartsWith(StaffPrefix, StringComparison.Ordinal))
                {
                    // A team member takes the conversation over (if not already) and writes in it, as the staff console does.
                    var staffText = text[StaffPrefix.Length..].Trim();
                    await h.Get<ConversationStore>().SetTakenOverAsync(conversationId, "eval-staff", Actor.System("eval-staff"), ct);
                    await h.Get<ConversationStore>().AppendTurnAsync(conversationId, FrontDesk.Agent.Transcripts.TurnRole.Staff, staffText, new FrontDesk.Agent.Transcripts.TurnTags(), ct);
                    takenOver = true;
                    transcript.Add($"[staff] {staffText}");
                    continue;
                }
                if (takenOver && text.StartsWith(ClientPrefix, StringComparison.Ordinal))
                {
                    // The person writes while the team member still has the conversation.
                    text = text[ClientPrefix.Length..].Trim();
                }
                else if (takenOver)
                {
                    // The team member hands the conversation back before the person's next turn.
                    await h.Get<ConversationStore>().SetTakenOverAsync(conversationId, null, Actor.System("eval-staff"), ct);
                    takenOver = false;
                }
                if (sms && scenario.CallerPhone is { } from && (SmsKeywords.Classify(text) != SmsKeyword.None || IsReminderKeyword(text) || IsSpanishYes(text)))
                {
                    // STOP, START, HELP (and YES, or SÍ to a waitlist offer), and the reminder answers C and X, are the SMS channel's before the agent sees them: the same
                    // SmsConversations the Twilio webhook calls, with the same opt-out store.
                    var answer = await h.Get<SmsConversations>().HandleAsync(new InboundSms("SMeval" + Guid.NewGuid().ToString("N"), from, spaNumber, text), ct);
                    replies.Add(answer ?? "");
                    transcript.Add($"> {text}");
                    transcript.Add($"< {answer} [sms channel]");
                    continue;
                }
                var reply = await agent.HandleAsync(new TurnRequest(conversationId, scenario.Channel, text, scenario.CallerPhone), ct);
                replies.Add(reply.Text ?? "");
                var tools = reply.ToolCalls.Count == 0 ? "" : " [" + string.Join(", ", reply.ToolCalls.Select(c => $"{c.Name}:{c.Outcome}" + (Environment.GetEnvironmentVariable("EVAL_DEBUG") == "1" ? c.Result : ""))) + "]";
                var escalation = reply.Escalation is null ? "" : $" <escalation {reply.Escalation.Category}>";
                // "rules" (the safety screen, an empty message) and "staff" answer before any brain is asked, by design;
                // any other brain means the configured one failed on this turn.
                var fellBack = reply.Brain is not ("rules" or "staff") && reply.Brain != configured;
                if (fellBack)
                {
                    fallbackTurns++;
                    failures.Add($"turn {i + 1} was answered by {(reply.Brain is "" or "none" ? "no brain" : reply.Brain)}, not {configured}: the configured brain failed or timed out");
                }
                transcript.Add($"> {text}");
                transcript.Add($"< {reply.Text}{tools}{escalation}{(fellBack ? $" <brain {reply.Brain}, not {configured}>" : "")}");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures.Add($"turn {i + 1} threw {ex.GetType().Name}: {ex.Message}" + (Environment.GetEnvironmentVariable("EVAL_DEBUG") == "1" ? ex.StackTrace : ""));
                transcript.Add($"> {text}");
                transcript.Add($"< !! {ex.GetType().Name}");
            }
        }
        watch.Stop();

        var after = await SnapshotAsync(h, ct);
        foreach (var id in released)
        {
            after.Appointments.Remove(id);
            before.Appointments.Remove(id);
        }
        Grade(scenario, profile, before, after, replies, failures);
        return new ScenarioOutcome(scenario, failures.Count == 0, failures, transcript, watch.Elapsed, configured, fallbackTurns);
    }

    /// <summary>"3h", "90m" or "1h30m" after <see cref="LaterPrefix"/>.</summary>
    private static TimeSpan ParsePause(string text, string id)
    {
        var m = Regex.Match(text, @"^(?:(\d+)h)?(?:(\d+)m)?$");
        return m.Success && text.Length > 0
            ? TimeSpan.FromHours(m.Groups[1].Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0)
                + TimeSpan.FromMinutes(m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0)
            : throw new InvalidDataException($"{id}: \"later: {text}\" is not a pause (3h, 40m, 1h30m).");
    }

    /// <summary>A lone C or X, in any case: the SMS channel's answer to a reminder, handled before the agent.</summary>
    private static bool IsReminderKeyword(string text) => text.Trim().Trim('.', '!') is "C" or "c" or "X" or "x";

    // A waitlist offer asks for YES or SÍ; the channel answers either before the agent (SmsConversations).
    private static bool IsSpanishYes(string text) => text.Trim().Trim('.', '!').ToUpperInvariant() is "SI" or "SÍ";

    private static void Grade(Scenario s, SpaProfile profile, Snapshot before, Snapshot after, List<string> replies, List<string> failures)
    {
        // Never the same question a third time: three identical replies in a row is a conversation going round in circles.
        for (var i = 2; i < replies.Count; i++)
        {
            if (replies[i].Length > 0 && replies[i] == replies[i - 1] && replies[i] == replies[i - 2])
            {
                failures.Add($"the same reply three times in a row (turns {i - 1}-{i + 1}): \"{replies[i]}\"");
                break;
            }
        }
        var created = after.Appointments.Values.Where(a => !before.Appointments.ContainsKey(a.Id) && a.Status == AppointmentStatus.Booked).ToList();
        var cancelled = after.Appointments.Values.Where(a => before.Appointments.TryGetValue(a.Id, out var b) && b.Status == AppointmentStatus.Booked && a.Status == AppointmentStatus.Cancelled).ToList();
        // A move changes the time, the provider or the place ("same time but with Maya", "same time at the marina"; round 35).
        var moved = after.Appointments.Values.Where(a => before.Appointments.TryGetValue(a.Id, out var b) && a.Status == AppointmentStatus.Booked
            && (b.StartsAtUtc != a.StartsAtUtc || b.StaffId != a.StaffId || b.LocationId != a.LocationId)).ToList();
        CompareAppointments("created", s.Expect.Created, created, profile, after, before, failures);
        CompareAppointments("cancelled", s.Expect.Cancelled, cancelled, profile, after, before, failures);
        CompareAppointments("moved", s.Expect.Moved, moved, profile, after, before, failures);

        var joined = after.Waitlist.Where(w => !before.Waitlist.Any(b => b.Id == w.Id)).ToList();
        Compare("waitlist", s.Expect.Waitlist, joined, (e, w) =>
            (e.Service is null || e.Service == w.ServiceId) && (e.From is null || e.From == w.WindowStart) && (e.To is null || e.To == w.WindowEnd)
            && (e.TimeOfDay is null || e.TimeOfDay == w.TimeOfDay) && (e.Client is null || e.Client == w.ClientId),
            w => $"{w.ServiceId} {w.WindowStart}..{w.WindowEnd} {w.TimeOfDay} {w.ClientId}", failures);

        var raised = after.Escalations.Where(e => !before.Escalations.Any(b => b.Id == e.Id)).Select(e => e.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var expected = s.Expect.Escalations.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (!raised.SequenceEqual(expected, StringComparer.Ordinal))
        {
            failures.Add($"escalations: expected [{string.Join(", ", expected)}], got [{string.Join(", ", raised)}]");
        }
        var optOuts = after.OptOuts.Except(before.OptOuts, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var expectedOptOuts = s.Expect.OptOuts.Select(p => PhoneNumbers.ToE164(p) ?? p).Order(StringComparer.Ordinal).ToList();
        if (!optOuts.SequenceEqual(expectedOptOuts, StringComparer.Ordinal))
        {
            failures.Add($"opt-outs: expected [{string.Join(", ", expectedOptOuts)}], got [{string.Join(", ", optOuts)}]");
        }
        var consent = after.ConsentChanges.Skip(before.ConsentChanges.Count).ToList();
        var expectedConsent = s.Expect.ConsentChanges.Select(c => c.Split(' ', 2) is [var what, var phone] ? what + " " + (PhoneNumbers.ToE164(phone) ?? phone) : c).ToList();
        if (s.Expect.ConsentChanges.Count > 0 && !consent.SequenceEqual(expectedConsent, StringComparer.Ordinal))
        {
            failures.Add($"consent changes: expected [{string.Join(", ", expectedConsent)}], got [{string.Join(", ", consent)}]");
        }

        foreach (var pattern in s.Expect.RepliesMatch)
        {
            if (!replies.Any(r => Regex.IsMatch(r, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)))
            {
                failures.Add($"no reply matches /{pattern}/");
            }
        }
        foreach (var pattern in s.Expect.LastReplyMatch)
        {
            if (replies.Count == 0 || !Regex.IsMatch(replies[^1], pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
            {
                failures.Add($"the last reply does not match /{pattern}/");
            }
        }
        foreach (var pattern in s.Expect.RepliesNever)
        {
            if (replies.FirstOrDefault(r => Regex.IsMatch(r, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)) is { } bad)
            {
                failures.Add($"a reply matches forbidden /{pattern}/: \"{bad}\"");
            }
        }
    }

    private static void CompareAppointments(string what, List<ExpectedAppointment> expected, List<Appointment> actual, SpaProfile profile,
        Snapshot after, Snapshot before, List<string> failures) =>
        Compare(what, expected, actual, (e, a) => Matches(e, a, profile, after, before), a => Describe(a, profile, after), failures);

    private static bool Matches(ExpectedAppointment e, Appointment a, SpaProfile profile, Snapshot after, Snapshot before)
    {
        var local = profile.ToLocal(a.StartsAtUtc);
        var time = TimeOnly.FromDateTime(local);
        return (e.Service is null || e.Service == a.ServiceId)
            && (e.Provider is null || e.Provider == a.StaffId)
            && (e.Location is null || e.Location == a.LocationId)
            && (e.Day is null || e.Day == local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            && (e.Start is null || TimeOnly.Parse(e.Start, CultureInfo.InvariantCulture) == time)
            && (e.After is null || TimeOnly.Parse(e.After, CultureInfo.InvariantCulture) <= time)
            && (e.Before is null || TimeOnly.Parse(e.Before, CultureInfo.InvariantCulture) >= time)
            && (e.Client is null || e.Client == a.ClientId)
            && (e.ClientPhone is null || after.ClientPhones.GetValueOrDefault(a.ClientId) == PhoneNumbers.ToE164(e.ClientPhone))
            && (e.ClientName is null || string.Equals(after.ClientNames.GetValueOrDefault(a.ClientId), e.ClientName, StringComparison.OrdinalIgnoreCase))
            && (e.FromStart is null || (before.Appointments.TryGetValue(a.Id, out var old)
                && profile.ToLocal(old.StartsAtUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) == e.FromStart));
    }

    private static string Describe(Appointment a, SpaProfile profile, Snapshot after) =>
        $"{a.ServiceId} with {a.StaffId} at {a.LocationId} {profile.ToLocal(a.StartsAtUtc):yyyy-MM-dd HH:mm} for {a.ClientId} ({after.ClientNames.GetValueOrDefault(a.ClientId)}, {after.ClientPhones.GetValueOrDefault(a.ClientId)})";

    /// <summary>Exact multiset match: every expectation pairs with a distinct actual item and nothing is left over.</summary>
    private static void Compare<TE, TA>(string what, List<TE> expected, List<TA> actual, Func<TE, TA, bool> matches, Func<TA, string> describe, List<string> failures)
        where TE : notnull
    {
        if (expected.Count == 0 && actual.Count == 0)
        {
            return;
        }
        var used = new bool[actual.Count];
        if (expected.Count == actual.Count && Assign(0))
        {
            return;
        }
        failures.Add($"{what}: expected [{string.Join("; ", expected)}], got [{string.Join("; ", actual.Select(describe))}]");

        bool Assign(int i)
        {
            if (i == expected.Count)
            {
                return true;
            }
            for (var j = 0; j < actual.Count; j++)
            {
                if (!used[j] && matches(expected[i], actual[j]))
                {
                    used[j] = true;
                    if (Assign(i + 1))
                    {
                        return true;
                    }
                    used[j] = false;
                }
            }
            return false;
        }
    }

    private sealed record Snapshot(Dictionary<string, Appointment> Appointments, List<WaitlistEntry> Waitlist, List<FrontDesk.Agent.Escalations.Escalation> Escalations,
        List<string> OptOuts, Dictionary<string, string?> ClientPhones, Dictionary<string, string?> ClientNames, List<string> ConsentChanges);

    private static async Task<Snapshot> SnapshotAsync(SpaBookHarness h, CancellationToken ct)
    {
        var now = h.Clock.GetUtcNow().UtcDateTime;
        var appointments = await h.Get<AppointmentBook>().ListStartingAsync(now.AddYears(-1), now.AddYears(2), null, ct);
        var waitlist = await h.Get<WaitlistBook>().ListAsync(null, ct);
        var escalations = await h.Get<ConversationStore>().EscalationsAsync(null, ct);
        await using var c = await h.Get<SpaDatabase>().OpenAsync(ct);
        // Opted out by either record of the spa's book (TextOptOuts: the clients column and sms_opt_outs, Tools' own table since
        // its migration 9, so a call's opt-out of a number with no client is seen too).
        var optOuts = (await c.QueryAsync<string>(new CommandDefinition("SELECT phone FROM clients WHERE opted_out_at_utc IS NOT NULL AND phone IS NOT NULL", cancellationToken: ct))).ToList();
        optOuts.AddRange(await c.QueryAsync<string>(new CommandDefinition("SELECT phone FROM sms_opt_outs WHERE opted_out = @yes", new { yes = true }, cancellationToken: ct)));
        var phones = (await c.QueryAsync<(string Id, string? Phone)>(new CommandDefinition("SELECT id, COALESCE(phone, unverified_phone) FROM clients", cancellationToken: ct))).ToDictionary(x => x.Id, x => x.Phone);
        var names = (await c.QueryAsync<(string Id, string? Name)>(new CommandDefinition("SELECT id, name FROM clients", cancellationToken: ct))).ToDictionary(x => x.Id, x => x.Name);
        // Every opt-out and opt-in, in order, from the audit entries ClientDirectory.SetOptedOutAsync writes.
        var consent = (await c.QueryAsync<(string Action, string EntityId)>(new CommandDefinition(
                "SELECT action, entity_id FROM audit_log WHERE action IN ('client.sms_opt_out', 'client.sms_opt_in') ORDER BY id", cancellationToken: ct)))
            .Select(x => (x.Action == "client.sms_opt_out" ? "opt_out " : "opt_in ") + (phones.GetValueOrDefault(x.EntityId) ?? x.EntityId)).ToList();
        return new Snapshot(appointments.ToDictionary(a => a.Id), [.. waitlist], [.. escalations], [.. optOuts.Distinct(StringComparer.Ordinal)], phones, names, consent);
    }

    /// <summary>The code in a verification text not seen before in this conversation (null when none came since the last look).</summary>
    private static async Task<string?> NewestCodeAsync(SpaBookHarness h, string conversationId, HashSet<string> seen, CancellationToken ct)
    {
        var sent = await h.Get<OutboxWriter>().ListAsync(null, 1000, ct);
        var body = sent.Where(m => m.Kind == MessageKind.VerificationCode && m.RelatedId == conversationId && seen.Add(m.Id)).LastOrDefault()?.Body;
        return body is null ? null : Regex.Match(body, @"\b\d{6}\b").Value;
    }

    private static Appointment SeedAppointment(SpaProfile profile, SeedAppointment seed)
    {
        var service = profile.FindService(seed.Service) ?? throw new InvalidDataException($"seed: unknown service {seed.Service}");
        var location = profile.FindLocation(seed.Location ?? profile.Locations[0].Id) ?? throw new InvalidDataException($"seed: unknown location {seed.Location}");
        var room = location.Rooms.FirstOrDefault(r => r.Type == service.RoomType) ?? throw new InvalidDataException($"seed: no {service.RoomType} room at {location.Id}");
        var start = ToUtc(profile, seed.Start);
        var now = DateTime.UtcNow;
        return new Appointment
        {
            Id = "appt_seed_" + Guid.NewGuid().ToString("N")[..10], ClientId = seed.Client, ServiceId = service.Id, StaffId = seed.Provider, LocationId = location.Id,
            RoomId = room.Id, StartsAtUtc = start.UtcDateTime, EndsAtUtc = start.UtcDateTime.AddMinutes(service.DurationMin),
            BlockedUntilUtc = start.UtcDateTime + service.BlockedDuration, Status = AppointmentStatus.Booked, Channel = "staff", CreatedAtUtc = now, UpdatedAtUtc = now,
        };
    }

    /// <summary>A local wall-clock time in the profile's zone ("2026-11-23T08:00" or "2026-11-23 08:00") as an instant.</summary>
    public static DateTimeOffset ToUtc(SpaProfile profile, string local)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var wall = DateTime.Parse(local.Replace(' ', 'T'), CultureInfo.InvariantCulture, DateTimeStyles.None);
        var offset = profile.TimeZone.GetUtcOffset(wall);
        return new DateTimeOffset(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified), offset).ToUniversalTime();
    }
}

/// <summary>The application lifetime SmsConversations runs a late reply under; the runner never stops it.</summary>
internal sealed class NoLifetime : IHostApplicationLifetime
{
    public CancellationToken ApplicationStarted => CancellationToken.None;
    public CancellationToken ApplicationStopping => CancellationToken.None;
    public CancellationToken ApplicationStopped => CancellationToken.None;
    public void StopApplication()
    {
    }
}
