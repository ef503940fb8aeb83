namespace FrontDesk.Agent.Embedded;

/// <summary>
/// How the embedded engine words the tools' refusals and misses: the tools give a reason as data (their message is a
/// note to a model, in English), and each reason has a template in prompts/replies.yaml and in every shipped language.
/// A test walks the reasons the tools can give and checks each is here and worded in English and Spanish.
/// </summary>
public static class ToolOutcomes
{
    /// <summary>
    /// Reason (the tool result's <c>data.reason</c>) → the template that says it. Some reasons also change the state
    /// (the search is run again without the place, the offer is dropped); <c>Turn.OnReason</c> does that.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Templates { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // check_availability, join_waitlist
        ["unknown_service"] = "unknown_service",
        ["unknown_provider"] = "unknown_provider",
        ["unknown_location"] = "unknown_location",
        ["provider_service"] = "provider_not_for_service",
        ["not_at_location"] = "service_not_at_location",
        ["provider_not_at_location"] = "provider_not_at_location",
        ["beyond_horizon"] = "beyond_horizon",
        ["closed"] = "closed_day_ask_another",
        ["past"] = "window_in_past",
        // book_appointment, reschedule_appointment, join_waitlist
        ["contraindication"] = "contraindication",
        ["min_age"] = "min_age",
        ["not_offered"] = "slot_not_offered",
        ["offered_for_move"] = "slot_not_offered",
        ["same_provider"] = "slot_not_offered",
        ["one_of_two_taken"] = "slot_not_offered",
        ["offered_for_replacement"] = "slot_not_offered",
        // check_availability for a move, cancel_appointment, reschedule_appointment, list_appointments
        ["late_change"] = "late_cancel",
        ["no_appointments"] = "no_appointments",
        ["no_such_appointment"] = "appointment_not_found",
        ["already_changed"] = "appointment_already_changed",
        // find_client
        ["no_record"] = "usual_unknown",
        // find_waitlist_offer, accept_waitlist_offer
        ["no_offer"] = "waitlist_offer_missing",
        ["expired"] = "waitlist_offer_missing",
        // send_verification_code
        ["opted_out"] = "code_opted_out",
        ["wrong_codes_today"] = "code_send_locked_today",
        ["chat_limit"] = "code_limit_chat",
        ["hour_limit"] = "code_limit_hour",
        ["day_limit"] = "code_limit_day",
        // verify_phone
        ["wrong_code"] = "code_wrong",
        ["used_up"] = "code_used_up",
        ["locked_today"] = "code_locked_today",
        ["no_code"] = "code_none",
    };

    /// <summary>
    /// Said when a tool's outcome has no template (a tool changed, the engine did not): a line in the person's language
    /// and a hand-over to the team, never the tool's note to a model.
    /// </summary>
    public const string Unknown = "tool_outcome_unknown";
}
