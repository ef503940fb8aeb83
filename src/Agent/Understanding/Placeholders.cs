using System.Text;

namespace FrontDesk.Agent.Understanding;

/// <summary>What kind of value a placeholder stands for in text shown to the intent classifier.</summary>
internal enum SlotKind
{
    Service,
    Person,
    Place,
    Date,
    Time,
    Phone,
    Email,
    Name,
}

/// <summary>A found value to be replaced by its placeholder before classification.</summary>
internal readonly record struct SlotMark(TextSpan Span, SlotKind Kind);

/// <summary>
/// Replaces extracted values with placeholder words, so the classifier learns "book {service} {date}"
/// rather than any one business's words or any particular date.
/// </summary>
internal static class Placeholders
{
    private static readonly DateOnly AnyDay = new(2026, 1, 5);

    public static string Word(SlotKind kind) => kind switch
    {
        SlotKind.Service => " zzservice ",
        SlotKind.Person => " zzperson ",
        SlotKind.Place => " zzplace ",
        SlotKind.Date => " zzdate ",
        SlotKind.Time => " zztime ",
        SlotKind.Phone => " zzphone ",
        SlotKind.Email => " zzemail ",
        _ => " zzname ",
    };

    /// <summary>Turns "{service}" in training text into the placeholder word.</summary>
    public static string FromTemplate(string template)
    {
        var sb = new StringBuilder(template.Length + 16);
        var i = 0;
        while (i < template.Length)
        {
            if (template[i] == '{')
            {
                var close = template.IndexOf('}', i);
                if (close > i && Enum.TryParse<SlotKind>(template.AsSpan(i + 1, close - i - 1), ignoreCase: true, out var kind))
                {
                    sb.Append(Word(kind));
                    i = close + 1;
                    continue;
                }
            }

            sb.Append(template[i]);
            i++;
        }

        return sb.ToString();
    }

    /// <summary>
    /// Replaces <paramref name="marks"/> and, where they do not overlap them, the dates, times,
    /// phone numbers and e-mails found in <paramref name="text"/>.
    /// </summary>
    public static string Mark(string text, IReadOnlyList<SlotMark> marks)
    {
        var all = new List<SlotMark>(marks);
        void Add(TextSpan? span, SlotKind kind)
        {
            if (span is { Length: > 0 } s && !all.Any(m => m.Span.Overlaps(s)))
            {
                all.Add(new SlotMark(s, kind));
            }
        }

        Add(ContactExtractor.FindPhone(text)?.Span, SlotKind.Phone);
        Add(ContactExtractor.FindEmail(text)?.Span, SlotKind.Email);
        Add(DateExpressionParser.Parse(text, AnyDay)?.Span, SlotKind.Date);
        if (TimeExpressionParser.Parse(text) is { } time)
        {
            foreach (var span in time.Spans)
            {
                Add(span, SlotKind.Time);
            }
        }

        return Apply(text, all);
    }

    public static string Apply(string text, List<SlotMark> marks)
    {
        if (marks.Count == 0)
        {
            return text;
        }

        marks.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        var sb = new StringBuilder(text.Length + 16);
        var at = 0;
        foreach (var mark in marks)
        {
            if (mark.Span.Start < at)
            {
                continue;
            }

            sb.Append(text, at, mark.Span.Start - at).Append(Word(mark.Kind));
            at = mark.Span.End;
        }

        return sb.Append(text, at, text.Length - at).ToString();
    }
}
