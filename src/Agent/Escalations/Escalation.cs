namespace FrontDesk.Agent.Escalations;

/// <summary>A matter handed to a person.</summary>
public sealed class Escalation
{
    /// <summary>Id.</summary>
    public string Id { get; init; } = "";
    /// <summary>emergency, medical, pricing, sensitive, human_request.</summary>
    public string Category { get; init; } = "";
    /// <summary>urgent, high, normal, low.</summary>
    public string Urgency { get; init; } = "normal";
    /// <summary>Where it goes (from the rules), e.g. clinician, front_desk, manager.</summary>
    public string Route { get; init; } = "";
    /// <summary>open, claimed, resolved.</summary>
    public string Status { get; init; } = "open";
    /// <summary>A short summary, without health details beyond the category.</summary>
    public string Summary { get; init; } = "";
    /// <summary>Client, when known.</summary>
    public string? ClientId { get; init; }
    /// <summary>Phone to call back, when known.</summary>
    public string? ClientPhone { get; init; }
    /// <summary>Conversation.</summary>
    public string? ConversationId { get; init; }
    /// <summary>Channel tag.</summary>
    public string Channel { get; init; } = "";
    /// <summary>Location.</summary>
    public string? LocationId { get; init; }
    /// <summary>Raised.</summary>
    public DateTime CreatedAtUtc { get; init; }
    /// <summary>Who claimed it.</summary>
    public string? ClaimedBy { get; init; }
    /// <summary>When claimed.</summary>
    public DateTime? ClaimedAtUtc { get; init; }
    /// <summary>Who resolved it.</summary>
    public string? ResolvedBy { get; init; }
    /// <summary>When resolved.</summary>
    public DateTime? ResolvedAtUtc { get; init; }
    /// <summary>Last change.</summary>
    public DateTime UpdatedAtUtc { get; init; }
}
