using PhoneNumbers;

namespace FrontDesk.Tools;

/// <summary>
/// Phone numbers through Google's libphonenumber (libphonenumber-csharp): parsed in the spa's region, stored as
/// E.164, said back in the national format, and found inside free text.
/// </summary>
/// <remarks>
/// A number is accepted when libphonenumber finds it valid for its region, and also, in North America, in the 555 area
/// code: it is reserved for fiction and never assigned, so demos, the demo profile and tests are written with it.
/// </remarks>
public static class PhoneNumbers
{
    /// <summary>The region a number without a country code is read in when none is given.</summary>
    public const string DefaultRegion = "US";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Normalises a phone number to E.164, reading it in <paramref name="region"/> when it has no country code; otherwise null.</summary>
    public static string? ToE164(string? text, string region = DefaultRegion) =>
        Parse(text, region) is { } number ? Util.Format(number, PhoneNumberFormat.E164) : null;

    /// <summary>A number as people in <paramref name="region"/> write it, e.g. <c>(415) 555-0100</c>; international format for a foreign number.</summary>
    public static string? ToNational(string? text, string region = DefaultRegion)
    {
        if (Parse(text, region) is not { } number)
        {
            return null;
        }
        return Util.GetRegionCodeForCountryCode(number.CountryCode) == region
            ? Util.Format(number, PhoneNumberFormat.NATIONAL)
            : Util.Format(number, PhoneNumberFormat.INTERNATIONAL);
    }

    /// <summary>The region of an E.164 number's country code (the spa's own number gives the spa's region), or <see cref="DefaultRegion"/>.</summary>
    public static string RegionOf(string? e164)
    {
        if (Parse(e164, DefaultRegion) is not { } number)
        {
            return DefaultRegion;
        }
        var region = Util.GetRegionCodeForCountryCode(number.CountryCode);
        return region is null or "ZZ" ? DefaultRegion : region;
    }

    /// <summary>Phone numbers written in <paramref name="text"/>, in order, as E.164 with where each stands.</summary>
    public static IEnumerable<(string E164, int Start, int Length)> Find(string text, string region = DefaultRegion)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(char.IsDigit))
        {
            // A number the matcher finds starts with a digit or '+' and holds at least two digits (any script's: it reads
            // them all), so a text without one has none; most messages have no digit (issue 16, round 33: the matcher was
            // about 3 % of the understanding's time on the load mix's messages).
            yield break;
        }
        foreach (var match in Util.FindNumbers(text, region, PhoneNumberUtil.Leniency.POSSIBLE, long.MaxValue))
        {
            if (Accepted(match.Number))
            {
                yield return (Util.Format(match.Number, PhoneNumberFormat.E164), match.Start, match.Length);
            }
        }
    }

    private static bool Accepted(PhoneNumber number) =>
        Util.IsValidNumber(number)
        || number.CountryCode == 1 && number.NationalNumber / 10_000_000 == 555 && Util.IsPossibleNumberWithReason(number) == PhoneNumberUtil.ValidationResult.IS_POSSIBLE;

    private static PhoneNumber? Parse(string? text, string region)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return null;
        }
        try
        {
            var number = Util.Parse(text.Trim(), region);
            return Accepted(number) ? number : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
