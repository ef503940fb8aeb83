namespace FrontDesk.Tools.Booking;

/// <summary>Appointment statuses as stored.</summary>
public static class AppointmentStatus
{
    /// <summary>Reserved for a waitlist offer; blocks the slot until accepted or passed on.</summary>
    public const string Held = "held";
    /// <summary>Booked.</summary>
    public const string Booked = "booked";
    /// <summary>Cancelled (or a hold released).</summary>
    public const string Cancelled = "cancelled";
    /// <summary>Done.</summary>
    public const string Completed = "completed";
    /// <summary>The client did not come.</summary>
    public const string NoShow = "no_show";
}

/// <summary>An appointment, times in UTC.</summary>
public sealed class Appointment
{
    /// <summary>Id.</summary>
    public string Id { get; init; } = "";
    /// <summary>Whose appointment.</summary>
    public string ClientId { get; init; } = "";
    /// <summary>Service id from the profile.</summary>
    public string ServiceId { get; init; } = "";
    /// <summary>Provider id.</summary>
    public string StaffId { get; init; } = "";
    /// <summary>Location id.</summary>
    public string LocationId { get; init; } = "";
    /// <summary>Room id within the location.</summary>
    public string RoomId { get; init; } = "";
    /// <summary>Start instant.</summary>
    public DateTime StartsAtUtc { get; init; }
    /// <summary>End of the service.</summary>
    public DateTime EndsAtUtc { get; init; }
    /// <summary>End of the buffer after the service: provider and room are blocked until then.</summary>
    public DateTime BlockedUntilUtc { get; init; }
    /// <summary>See <see cref="AppointmentStatus"/>.</summary>
    public string Status { get; init; } = AppointmentStatus.Booked;
    /// <summary>Channel that created it (web, sms, voice, staff…).</summary>
    public string Channel { get; init; } = "";
    /// <summary>Conversation that created it.</summary>
    public string? ConversationId { get; init; }
    /// <summary>Idempotency key of the booking request.</summary>
    public string? IdempotencyKey { get; init; }
    /// <summary>For a hold: when the offer lapses.</summary>
    public DateTime? HoldExpiresAtUtc { get; init; }
    /// <summary>Created.</summary>
    public DateTime CreatedAtUtc { get; init; }
    /// <summary>Last changed.</summary>
    public DateTime UpdatedAtUtc { get; init; }
    /// <summary>
    /// Who comes when the client booked it for the second of two people ("her name is Mia", round 31), so staff see who
    /// comes; null for the client's own.
    /// </summary>
    public string? GuestName { get; init; }
}
