namespace FrontDesk.Tools;

/// <summary>
/// The descriptions of parameters that several tools share, written once: they are prompt text, so the same
/// argument reads the same in every tool the model sees.
/// </summary>
public static class ToolParameters
{
    /// <summary><c>service</c>.</summary>
    public const string Service = "Service name, alias or id from the menu, e.g. the name the client used.";

    /// <summary><c>provider</c>.</summary>
    public const string Provider = "Provider name or id, or 'anyone'.";

    /// <summary><c>time_of_day</c>.</summary>
    public const string TimeOfDay = "morning, afternoon, evening or any.";

    /// <summary><c>appointment_ref</c>.</summary>
    public const string AppointmentRef = "Appointment reference from list_appointments, e.g. A1.";

    /// <summary><c>client_name</c>.</summary>
    public const string ClientName = "Client's full name (needed for new clients).";

    /// <summary><c>client_phone</c>.</summary>
    public const string ClientPhone = "Client's mobile phone (needed when the conversation has no caller ID).";
}
