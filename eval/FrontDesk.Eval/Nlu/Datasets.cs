using System.Text.Json;
using System.Text.Json.Serialization;

namespace FrontDesk.Eval.Nlu;

/// <summary>One SGD user turn (sgd-appointments/*.jsonl; see its README for the fields).</summary>
public sealed class SgdTurn
{
    [JsonPropertyName("dialogue_id")] public string DialogueId { get; set; } = "";
    [JsonPropertyName("turn")] public int Turn { get; set; }
    [JsonPropertyName("utterance")] public string Utterance { get; set; } = "";
    [JsonPropertyName("services")] public List<string> Services { get; set; } = [];
    [JsonPropertyName("domain")] public string? Domain { get; set; }
    [JsonPropertyName("intent")] public string? Intent { get; set; }
    [JsonPropertyName("new_intent")] public bool NewIntent { get; set; }
    [JsonPropertyName("slot_values")] public Dictionary<string, List<string>>? SlotValues { get; set; }
    [JsonPropertyName("slot_spans")] public List<JsonElement[]>? SlotSpans { get; set; }
    [JsonPropertyName("other_frames")] public List<SgdFrame>? OtherFrames { get; set; }

    /// <summary>
    /// Date and time spans SGD labels in this turn for another service ("the weather there on the 12th"): a reader that
    /// finds them has read a date or time right, for a frame this evaluation does not score, so they count neither way.
    /// </summary>
    public IEnumerable<(string Kind, int Start, int End)> OtherFrameMentions() =>
        (OtherFrames ?? []).SelectMany(f => f.SlotSpans ?? []).Select(s => (Slot: s[0].GetString() ?? "", Start: s[1].GetInt32(), End: s[2].GetInt32()))
            .Where(s => s.Slot.Contains("date", StringComparison.Ordinal) || s.Slot.Contains("time", StringComparison.Ordinal))
            .Select(s => (s.Slot.Contains("date", StringComparison.Ordinal) ? "date" : "time", s.Start, s.End));

    /// <summary>
    /// The gold class of the turn, in the engine's terms: "find" when the turn opens FindProvider on an appointment
    /// service (looking for a provider or an opening), "book" when it opens BookAppointment, "other" for every other
    /// turn (informing a slot, asking a question, yes/no, thanks, requests to other services).
    /// </summary>
    public string GoldClass => Domain is not null && NewIntent ? Intent switch
    {
        "FindProvider" => "find",
        "BookAppointment" => "book",
        _ => "other",
    } : "other";

    /// <summary>
    /// Gold mentions (slot kind, start, end, the slot's values) for date, time and provider name on appointment-service
    /// turns. Dates and times come from the slot spans, with the values the turn's state gives the slot (SGD's
    /// alternative surface forms; the span text when the state has none). SGD labels no spans for provider names
    /// (people pick them from the system's offers), so a provider mention is a name from the turn's slot values that
    /// the utterance spells out.
    /// </summary>
    public IEnumerable<(string Kind, int Start, int End, IReadOnlyList<string> Values)> GoldMentions()
    {
        if (Domain is null)
        {
            yield break;
        }
        foreach (var s in SlotSpans ?? [])
        {
            var slot = s[0].GetString() ?? "";
            var kind = SlotKind(slot);
            if (kind is "date" or "time")
            {
                var start = s[1].GetInt32();
                var end = s[2].GetInt32();
                var values = SlotValues?.GetValueOrDefault(slot) is { Count: > 0 } v ? v : [Utterance[start..end]];
                yield return (kind, start, end, values);
            }
        }
        foreach (var (slot, values) in SlotValues ?? [])
        {
            if (SlotKind(slot) != "provider")
            {
                continue;
            }
            foreach (var value in values)
            {
                var at = Utterance.IndexOf(value, StringComparison.OrdinalIgnoreCase);
                if (at >= 0)
                {
                    yield return ("provider", at, at + value.Length, values);
                    break;
                }
            }
        }
    }

    /// <summary>SGD slot → evaluated kind: appointment_date → date, appointment_time → time, *_name (stylist, therapist, dentist, doctor) → provider.</summary>
    public static string? SlotKind(string slot) => slot switch
    {
        "appointment_date" => "date",
        "appointment_time" => "time",
        "stylist_name" or "therapist_name" or "dentist_name" or "doctor_name" => "provider",
        _ => null,
    };
}

/// <summary>Another service's frame in an SGD turn (only its slot spans are read).</summary>
public sealed class SgdFrame
{
    [JsonPropertyName("service")] public string? Service { get; set; }
    [JsonPropertyName("slot_spans")] public List<JsonElement[]>? SlotSpans { get; set; }
}

/// <summary>A single utterance from CLINC150 or Snips.</summary>
public sealed class PlainUtterance
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("text")] public string Text { get; set; } = "";
    [JsonPropertyName("clinc_intent")] public string? ClincIntent { get; set; }
}

public static class Jsonl
{
    public static List<T> Read<T>(string path) =>
        [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<T>(l) ?? throw new InvalidDataException($"{path}: bad line"))];
}
