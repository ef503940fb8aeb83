namespace FrontDesk.Agent.Understanding;

/// <summary>Spoken numbers: cardinals and ordinals up to thirty-one, and the digit words of phone numbers.</summary>
internal static class NumberWords
{
    private static readonly string[] Units =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];

    private static readonly string[] UnitOrdinals =
        ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
         "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
         "nineteenth"];

    private static readonly Dictionary<string, int> Values = Build();

    /// <summary>"fourteenth" → 14, "twenty-first" → 21, "three" → 3, "14th" → 14, "14" → 14; -1 when not a number.</summary>
    public static int Parse(ReadOnlySpan<char> word)
    {
        var w = word.Trim();
        if (w.Length == 0)
        {
            return -1;
        }

        if (char.IsDigit(w[0]))
        {
            var n = 0;
            var i = 0;
            while (i < w.Length && char.IsDigit(w[i]) && n < 100000)
            {
                n = n * 10 + (w[i] - '0');
                i++;
            }

            var rest = w[i..];
            return rest.Length == 0 || rest is "st" or "nd" or "rd" or "th" ? n : -1;
        }

        var lookup = Values.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(w, out var value))
        {
            return value;
        }

        // "twenty first", "twenty-first", "thirty one"
        var sep = w.IndexOfAny(' ', '-');
        if (sep > 0)
        {
            var tens = w[..sep] switch
            {
                "twenty" => 20,
                "thirty" => 30,
                "forty" => 40,
                "fifty" => 50,
                _ => -1,
            };
            if (tens > 0 && lookup.TryGetValue(w[(sep + 1)..].Trim(), out var unit) && unit is > 0 and < 10)
            {
                return tens + unit;
            }
        }

        return -1;
    }

    /// <summary>The digit a spoken phone-number word stands for ("oh" → 0), or -1.</summary>
    public static int Digit(string word) => word switch
    {
        "zero" or "oh" or "o" => 0,
        "one" => 1,
        "two" or "to" or "too" => 2,
        "three" => 3,
        "four" or "for" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        _ => -1,
    };

    private static Dictionary<string, int> Build()
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Units.Length; i++)
        {
            d[Units[i]] = i;
            d[UnitOrdinals[i]] = i;
        }

        d["twenty"] = 20;
        d["twentieth"] = 20;
        d["thirty"] = 30;
        d["thirtieth"] = 30;
        d["forty"] = 40;
        d["fifty"] = 50;
        return d;
    }
}
