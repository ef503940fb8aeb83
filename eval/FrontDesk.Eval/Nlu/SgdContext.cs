using System.Text.Json;
using FrontDesk.Agent.Understanding;

namespace FrontDesk.Eval.Nlu;

/// <summary>One system dialogue act of SGD (<c>OFFER(appointment_time=4:30 pm)</c>), of one service's frame.</summary>
public sealed record SystemAct(string Service, string Act, string Slot, IReadOnlyList<string> Values);

/// <summary>What the system was doing when the user spoke, as the engine would hold it after saying the same thing.</summary>
/// <param name="Asked">The engine's pending question.</param>
/// <param name="Offered">Times offered, when the system offered a time (the engine's slots on offer).</param>
/// <param name="Task">The appointment task under way: "find" (providers or openings being looked at), "book" (a booking being put together or read back), or null.</param>
/// <param name="Proposed">The class a plain yes opens: "book" when the system asked "would you like to book?" (OFFER_INTENT) of an appointment service, "other" for another service's intent, else null.</param>
public sealed record SgdSystemContext(AgentQuestion Asked, IReadOnlyList<OfferedSlot> Offered, string? Task, string? Proposed)
{
    public static SgdSystemContext Opening { get; } = new(AgentQuestion.Nothing, [], null, null);
}

/// <summary>
/// The system turns of the SGD dialogues (read from the SGD repository's dialogue files, <c>--sgd-source</c>), and the
/// protocol that maps the system's acts onto the engine's own pending-question kinds (docs/evaluation.md, "in context").
/// Only this mapping is evaluation code: what the understanding then does with the pending question is the product's
/// (<see cref="UnderstandingContext.LastAsked"/>, the path the engine takes for every message).
/// </summary>
public sealed class SgdContext
{
    private static readonly HashSet<string> AppointmentServices = ["Services_1", "Services_2", "Services_3", "Services_4"];

    /// <summary>Dialogue id → turn index → that system turn's acts.</summary>
    private readonly Dictionary<string, Dictionary<int, List<SystemAct>>> _system = new(StringComparer.Ordinal);

    /// <summary>Dialogue id → turn index → user utterance in the source (to check the join).</summary>
    private readonly Dictionary<string, Dictionary<int, string>> _user = new(StringComparer.Ordinal);

    private SgdContext()
    {
    }

    /// <summary>Reads <c>DIR/{split}/dialogues_*.json</c>; null when the folder is not there.</summary>
    public static SgdContext? Load(string? dir, string split)
    {
        var folder = dir is null ? null : Path.Combine(dir, split);
        if (folder is null || !Directory.Exists(folder))
        {
            return null;
        }
        var context = new SgdContext();
        foreach (var file in Directory.EnumerateFiles(folder, "dialogues_*.json").Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            using var doc = JsonDocument.Parse(stream);
            foreach (var dialogue in doc.RootElement.EnumerateArray())
            {
                var id = dialogue.GetProperty("dialogue_id").GetString()!;
                var system = new Dictionary<int, List<SystemAct>>();
                var user = new Dictionary<int, string>();
                var i = 0;
                foreach (var turn in dialogue.GetProperty("turns").EnumerateArray())
                {
                    if (turn.GetProperty("speaker").GetString() == "SYSTEM")
                    {
                        system[i] = [.. turn.GetProperty("frames").EnumerateArray().SelectMany(f => f.GetProperty("actions").EnumerateArray().Select(a => new SystemAct(
                            f.GetProperty("service").GetString()!, a.GetProperty("act").GetString()!, a.GetProperty("slot").GetString() ?? "",
                            [.. a.GetProperty("values").EnumerateArray().Select(v => v.GetString() ?? "")])))];
                    }
                    else
                    {
                        user[i] = turn.GetProperty("utterance").GetString() ?? "";
                    }
                    i++;
                }
                context._system[id] = system;
                context._user[id] = user;
            }
        }
        return context;
    }

    /// <summary>True when the source holds this user turn with the same words (the join is checked, not assumed).</summary>
    public bool Holds(SgdTurn turn) =>
        _user.TryGetValue(turn.DialogueId, out var users) && users.TryGetValue(turn.Turn, out var said) && said == turn.Utterance;

    /// <summary>
    /// The context of one user turn: the pending question from the system turn just before it, and the task under way
    /// from the system turns before that (only the system's acts are read, never the user's labels).
    /// </summary>
    public SgdSystemContext Before(SgdTurn turn, DateOnly today)
    {
        if (!_system.TryGetValue(turn.DialogueId, out var turns))
        {
            return SgdSystemContext.Opening;
        }
        string? task = null;
        var context = SgdSystemContext.Opening;
        foreach (var (index, acts) in turns.OrderBy(t => t.Key))
        {
            if (index >= turn.Turn)
            {
                break;
            }
            context = Map(acts, task, today);
            task = context.Task;
        }
        return context;
    }

    /// <summary>
    /// The mapping, one system turn → the engine's state after saying the same thing (in this order):
    /// CONFIRM → a read-back (<see cref="AgentQuestion.Confirmation"/>, booking under way);
    /// OFFER of a time or a day → times on offer (<see cref="AgentQuestion.SlotChoice"/>, booking under way);
    /// OFFER_INTENT → "would you like to book?", a yes-or-no question (<see cref="AgentQuestion.Confirmation"/>) whose yes opens the offered task;
    /// REQUEST(appointment_date) → <see cref="AgentQuestion.Date"/>, REQUEST(appointment_time) → <see cref="AgentQuestion.Time"/> (booking under way);
    /// REQUEST(type) → <see cref="AgentQuestion.Service"/> ("which kind?");
    /// OFFER of a provider, or REQUEST(city) / REQUEST(a provider's name) → nothing asked the engine has a kind for, the search (find) or the booking under way;
    /// NOTIFY_FAILURE ("that time is taken") → nothing asked, the booking still under way;
    /// NOTIFY_SUCCESS, REQ_MORE, GOODBYE → nothing asked, no task (the engine's "anything else?");
    /// INFORM (an answer to a question) → nothing asked, the task as it was.
    /// Acts of another service's frame (a restaurant, a ride) count the same way, except that their task is not an appointment.
    /// </summary>
    private static SgdSystemContext Map(List<SystemAct> acts, string? task, DateOnly today)
    {
        static bool Appointment(SystemAct a) => AppointmentServices.Contains(a.Service);
        if (acts.Any(a => a.Act is "NOTIFY_FAILURE") && !acts.Any(a => a.Act is "OFFER" or "CONFIRM" or "OFFER_INTENT" or "REQUEST"))
        {
            // "Sorry, that time is taken": the booking is still under way (the engine keeps its task after a refusal).
            return new(AgentQuestion.Nothing, [], acts.Any(Appointment) ? "book" : task, null);
        }
        if (acts.Any(a => a.Act is "NOTIFY_SUCCESS" or "REQ_MORE" or "GOODBYE") && !acts.Any(a => a.Act is "OFFER" or "CONFIRM" or "OFFER_INTENT" or "REQUEST"))
        {
            return SgdSystemContext.Opening;
        }
        if (acts.FirstOrDefault(a => a.Act == "CONFIRM") is { } confirm)
        {
            return new(AgentQuestion.Confirmation, [], Appointment(confirm) ? "book" : null, null);
        }
        var offeredTimes = acts.Where(a => a.Act == "OFFER" && a.Slot is "appointment_time" or "appointment_date").ToList();
        if (offeredTimes.Count > 0)
        {
            var time = offeredTimes.FirstOrDefault(a => a.Slot == "appointment_time")?.Values.Select(v => TimeExpressionParser.Parse(v, expectingTime: true)?.Exact).FirstOrDefault(t => t is not null);
            var day = offeredTimes.FirstOrDefault(a => a.Slot == "appointment_date")?.Values.Select(v => DateExpressionParser.Parse(v, today)?.Range.Start).FirstOrDefault(d => d is not null);
            var slots = time is { } t ? new[] { new OfferedSlot(day ?? today, t) } : [];
            return new(slots.Length > 0 ? AgentQuestion.SlotChoice : AgentQuestion.Date, slots, "book", null);
        }
        if (acts.FirstOrDefault(a => a.Act == "OFFER_INTENT") is { } offerIntent)
        {
            var opens = Appointment(offerIntent) && offerIntent.Values.Contains("BookAppointment") ? "book" : "other";
            return new(AgentQuestion.Confirmation, [], Appointment(offerIntent) ? "find" : task, opens);
        }
        var requests = acts.Where(a => a.Act == "REQUEST").ToList();
        if (requests.Count > 0)
        {
            var onAppointment = requests.Any(Appointment);
            if (requests.Any(a => a.Slot == "appointment_date"))
            {
                return new(AgentQuestion.Date, [], "book", null);
            }
            if (requests.Any(a => a.Slot == "appointment_time"))
            {
                return new(AgentQuestion.Time, [], "book", null);
            }
            if (requests.Any(a => a.Slot == "type"))
            {
                return new(AgentQuestion.Service, [], onAppointment ? "find" : task, null);
            }
            var booking = requests.Any(a => a.Slot.EndsWith("_name", StringComparison.Ordinal));
            return new(AgentQuestion.Nothing, [], onAppointment ? (booking ? "book" : "find") : task, null);
        }
        if (acts.Any(a => a.Act == "OFFER" && Appointment(a)))
        {
            return new(AgentQuestion.Nothing, [], "find", null);
        }
        if (acts.Any(a => a.Act == "OFFER"))
        {
            return new(AgentQuestion.Nothing, [], null, null);
        }
        return new(AgentQuestion.Nothing, [], task, null);
    }

    /// <summary>
    /// The act a reading in context opens, scored like SGD's gold (a turn that opens an intent): a request to book when no
    /// booking is under way is "book"; a search when no appointment task is under way is "find"; a plain yes to "would you
    /// like to book?" opens the booking ("book"); a request said while a question of the task under way is pending (which
    /// service, day, time, which of the times) is the reply to it, as the engine's policy takes it; everything else (an answer to the question pending, a pick, a yes to a
    /// read-back, a request that goes on with the task under way) is "other".
    /// </summary>
    public static string ActOf(Utterance u, SgdSystemContext context)
    {
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(context);
        if (u.Intent is Intent.Book or Intent.Availability && context.Task is not null
            && context.Asked is AgentQuestion.Service or AgentQuestion.Date or AgentQuestion.Time or AgentQuestion.SlotChoice)
        {
            // With a question of the task pending, the engine takes a request as the reply to it (merged into the task, or
            // the question asked again: DialoguePolicy rows 37–39 and 44), not as a new task.
            return "other";
        }
        return u.Intent switch
        {
            Intent.Affirm when context.Proposed is { } opens => opens,
            Intent.Book when context.Task != "book" => "book",
            Intent.Availability when context.Task is null => "find",
            _ => "other",
        };
    }
}
