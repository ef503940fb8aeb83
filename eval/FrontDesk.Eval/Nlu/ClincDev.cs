using System.Globalization;
using System.Text.Json;

namespace FrontDesk.Eval.Nlu;

/// <summary>
/// CLINC150's own train and validation rows as dev sets (<c>nlu --split dev --clinc-source data_full.json</c>). The copy
/// under ../shared/datasets holds only test rows; the dev rows come from a clone of github.com/clinc/oos-eval (CC BY 3.0,
/// the file <c>data/data_full.json</c>), read in place and never copied into the repository. Out-of-scope: every
/// <c>oos_train</c> and <c>oos_val</c> row. Unrelated to a spa: every <c>val</c> row of an intent that is not one of the
/// near-miss intents the test samples keep apart (booking, scheduling, reservation and insurance language).
/// </summary>
public static class ClincDev
{
    private static readonly HashSet<string> NearMiss = new(StringComparer.Ordinal)
    {
        "restaurant_reservation", "confirm_reservation", "cancel_reservation", "accept_reservations", "how_busy",
        "schedule_maintenance", "schedule_meeting", "meeting_schedule", "calendar", "calendar_update", "reminder",
        "reminder_update", "book_hotel", "book_flight", "car_rental", "uber", "insurance", "insurance_change",
    };

    /// <summary>The two dev sets, or none when no source is given.</summary>
    public static IEnumerable<(string Name, string Note, List<PlainUtterance> Rows)> Sets(string? dataFull, int? limit)
    {
        if (dataFull is null)
        {
            yield break;
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(dataFull));
        List<PlainUtterance> Rows(string split, Func<string, bool> keep) =>
            [.. doc.RootElement.GetProperty(split).EnumerateArray()
                .Select((row, i) => (Text: row[0].GetString() ?? "", Intent: row[1].GetString() ?? "", Index: i))
                .Where(r => keep(r.Intent))
                .Select(r => new PlainUtterance { Id = split + ":" + r.Index.ToString(CultureInfo.InvariantCulture), Text = r.Text, ClincIntent = r.Intent })];
        var oos = Rows("oos_train", _ => true).Concat(Rows("oos_val", _ => true)).ToList();
        var unrelated = Rows("val", intent => !NearMiss.Contains(intent));
        yield return ("clinc oos_train + oos_val (dev)", "clean out-of-scope", limit is { } n ? [.. oos.Take(n)] : oos);
        yield return ("clinc val, unrelated intents (dev)", "clean out-of-scope for a spa", limit is { } m ? [.. unrelated.Take(m)] : unrelated);
    }
}
