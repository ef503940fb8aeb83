using FrontDesk.Tools.Audit;

namespace FrontDesk.Tools;

/// <summary>
/// What the tools know about the conversation calling them: who the person has been established to be,
/// which slots were offered, and which action waits for the person's yes. The agent persists it with the
/// conversation; the tools read and update it. Security decisions are made here, never from model text.
/// </summary>
public sealed class ConversationScope
{
    /// <summary>Conversation id.</summary>
    public string ConversationId { get; set; } = "";
    /// <summary>Channel tag: web, sms, voice, teams, terminal, test…</summary>
    public string Channel { get; set; } = "";
    /// <summary>The location the channel belongs to (dialled number), if any.</summary>
    public string? LocationId { get; set; }
    /// <summary>
    /// A phone the channel vouches for (caller ID on voice and SMS) or that the person proved with a one-time code.
    /// SECURITY: only channels and <c>verify_phone</c> set this; it decides whose data may be seen.
    /// </summary>
    public string? VerifiedPhone { get; set; }
    /// <summary>The client established for this conversation (by <see cref="VerifiedPhone"/> or by booking as a new client).</summary>
    public string? ClientId { get; set; }
    /// <summary>Whether <see cref="ClientId"/> may see existing appointments (false for a new web client who gave an unverified number).</summary>
    public bool ClientVerified { get; set; }
    /// <summary>Turn number, incremented by the agent for every inbound message.</summary>
    public int Turn { get; set; }
    /// <summary>Health conditions the person stated (contraindication tags), screened by the agent.</summary>
    public List<string> StatedConditions { get; set; } = [];
    /// <summary>The service a tool last refused for a health reason in this conversation ("book it anyway" then goes to a person).</summary>
    public string? HealthRefusal { get; set; }
    /// <summary>The FAQ entry offered as "Did you mean …?" in the last turn, if any: a yes gets its answer.</summary>
    public FaqSuggestion? SuggestedFaq { get; set; }
    /// <summary>Age the person stated, if any.</summary>
    public int? StatedAge { get; set; }
    /// <summary>Slots offered by check_availability in this conversation (most recent offers last).</summary>
    public List<OfferedSlot> Offered { get; set; } = [];
    /// <summary>Appointments listed to the person, by the short reference they were shown.</summary>
    public Dictionary<string, string> AppointmentRefs { get; set; } = [];
    /// <summary>An action read back to the person that waits for their yes.</summary>
    public PendingAction? Pending { get; set; }
    /// <summary>Set by the agent when the person said yes in this turn to <see cref="Pending"/>.</summary>
    public bool PendingConfirmed { get; set; }
    /// <summary>A one-time code sent to a phone the person is verifying.</summary>
    public PhoneChallenge? Challenge { get; set; }
    /// <summary>
    /// The conversation's language ("en", "es"), set by the agent every turn: texts a tool queues for this conversation
    /// (a booking confirmation) are written in it.
    /// </summary>
    public string? Language { get; set; }
        /// <summary>Who the tools act as in the audit log (the brain and model).</summary>
    public Actor Actor { get; set; } = new("ai", "agent");

    /// <summary>
    /// Called by the agent at the start of every inbound turn with the deterministic reading of the person's
    /// answer: a yes confirms the pending action, a no or anything else after a read-back discards it.
    /// </summary>
    public void BeginTurn(bool? saidYes)
    {
        Turn++;
        PendingConfirmed = false;
        if (Pending is null || Pending.Turn >= Turn)
        {
            return;
        }
        if (saidYes == true && Pending.Turn == Turn - 1)
        {
            PendingConfirmed = true;
        }
        else
        {
            Pending = null;
        }
    }
}

/// <summary>A slot offered in this conversation.</summary>
/// <param name="SlotId">Short id the model refers to (S1, S2…).</param>
/// <param name="ServiceId">Service.</param>
/// <param name="LocationId">Location.</param>
/// <param name="StaffId">Provider.</param>
/// <param name="RoomId">Room.</param>
/// <param name="StartsAtUtc">Start.</param>
/// <param name="EndsAtUtc">End of the service.</param>
/// <param name="LocalStart">Start in local time.</param>
/// <param name="RescheduleOf">When offered to move an appointment: its id.</param>
/// <param name="ReplacementOf">When offered for another service in place of an appointment (<c>replaces_ref</c>): its id.</param>
public sealed record OfferedSlot(string SlotId, string ServiceId, string LocationId, string StaffId, string RoomId, DateTime StartsAtUtc, DateTime EndsAtUtc,
    DateTime LocalStart, string? RescheduleOf, string? ReplacementOf = null);

/// <summary>An action waiting for the person's yes.</summary>
/// <param name="Kind">book, cancel or reschedule.</param>
/// <param name="Key">The slot id or appointment id it concerns.</param>
/// <param name="Turn">The turn it was read back in.</param>
/// <param name="Detail">Extra argument (the slot for a reschedule, the client details for a booking).</param>
public sealed record PendingAction(string Kind, string Key, int Turn, string? Detail = null);

/// <summary>A one-time code in flight.</summary>
/// <param name="Phone">The phone it was sent to.</param>
/// <param name="CodeHash">SHA-256 of the code, hex.</param>
/// <param name="ExpiresAtUtc">Expiry.</param>
/// <param name="AttemptsLeft">Wrong answers allowed before it is void.</param>
public sealed record PhoneChallenge(string Phone, string CodeHash, DateTime ExpiresAtUtc, int AttemptsLeft);

/// <summary>An FAQ entry offered as "Did you mean …?", answered when the person says yes.</summary>
/// <param name="Question">The entry's question.</param>
/// <param name="Answer">Its answer, the spa's own wording.</param>
public sealed record FaqSuggestion(string Question, string Answer);
