namespace FrontDesk.Channels.Teams;

/// <summary>
/// What staff see about an escalation in Teams or Slack. Free text (client name, summary, turns)
/// comes from callers and is rendered literally, never as markup.
/// </summary>
/// <param name="Category">What the escalation is about, e.g. <c>complaint</c>, <c>medical</c>.</param>
/// <param name="Urgency">How urgent, e.g. <c>high</c>.</param>
/// <param name="ClientName">The client's name, when known.</param>
/// <param name="ClientPhone">The client's phone number, when known.</param>
/// <param name="Summary">Short summary of what the client needs.</param>
/// <param name="LastTurns">The last conversation turns, oldest first.</param>
/// <param name="ConsoleUrl">Absolute http(s) URL of this escalation in the staff console.</param>
/// <param name="SpaName">The spa's name.</param>
/// <param name="LocationName">The spa location, when the spa has several.</param>
public sealed record EscalationCardData(
    string Category,
    string Urgency,
    string? ClientName,
    string? ClientPhone,
    string Summary,
    IReadOnlyList<(string Role, string Text)> LastTurns,
    string ConsoleUrl,
    string SpaName,
    string? LocationName);
