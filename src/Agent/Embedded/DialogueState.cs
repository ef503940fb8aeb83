using System.Text.Json;
using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Embedded;

/// <summary>The embedded engine's memory of the task in progress; carried on its own assistant messages.</summary>
internal sealed class DialogueState
{
    public string? Task { get; set; }
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
    public string? Phase { get; set; }
    public List<Offer> Offered { get; set; } = [];
    public string? PendingTool { get; set; }
    public string? PendingArgs { get; set; }
    public string? AppointmentRef { get; set; }
    public List<string> AppointmentRefs { get; set; } = [];
    public List<string> AppointmentLabels { get; set; } = [];
    public List<string> AppointmentServices { get; set; } = [];
    public int Calls { get; set; }

    /// <summary>Replies in a row that answered nothing of the question pending (recovery: the second offers a person).</summary>
    public int Misses { get; set; }

    public static DialogueState Parse(string? json) =>
        string.IsNullOrEmpty(json) ? new DialogueState() : JsonSerializer.Deserialize<DialogueState>(json, Conversations.ConversationState.Json) ?? new DialogueState();

    public string Serialize() => JsonSerializer.Serialize(this, Conversations.ConversationState.Json);

    public void ResetTask()
    {
        Task = null;
        ServiceId = null;
        ServiceOptions = [];
        DateStart = DateEnd = After = Before = Near = StaffId = LocationId = null;
        Asked = AgentQuestion.Nothing;
        Phase = null;
        Offered = [];
        PendingTool = PendingArgs = null;
        AppointmentRef = null;
        AppointmentRefs = [];
        AppointmentLabels = [];
        AppointmentServices = [];
    }
}

/// <summary>A slot the engine offered.</summary>
internal sealed record Offer(string SlotId, string Date, string Time, string Staff, string Label, string? Location = null);
