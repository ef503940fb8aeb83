namespace FrontDesk.Tools;

/// <summary>
/// The descriptions of parameters that several tools share, written once: they are prompt text, so the same
/// argument reads the same in every tool the model sees.
/// </summary>
public static class ToolParameters
{
    /// <summary><c>service</c>, <c>provider</c> and <c>time_of_day</c> (availability and the waitlist).</summary>
    public const string Service = "Service name, alias or id from the menu, e.g. the name the client used.",
        Provider = "Provider name or id, or 'anyone'.",
        TimeOfDay = "morning, afternoon, evening or any.";

    /// <summary><c>client_name</c> and <c>client_phone</c> (booking and the waitlist).</summary>
    public const string ClientName = "Client's full name (needed for new clients).",
        ClientPhone = "Client's mobile phone (needed when the conversation has no caller ID).";
}
