namespace FrontDesk.Tools;

/// <summary>Phone numbers as E.164.</summary>
public static class PhoneNumbers
{
    /// <summary>Normalises a phone number to E.164: 10 US digits get +1; a +country number is kept; otherwise null.</summary>
    public static string? ToE164(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return null;
        }
        var trimmed = text.Trim();
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (trimmed.StartsWith('+'))
        {
            return digits.Length is >= 8 and <= 15 && digits[0] != '0' ? "+" + digits : null;
        }
        if (digits.Length == 11 && digits[0] == '1')
        {
            digits = digits[1..];
        }
        // NANP: area code and exchange never start with 0 or 1.
        return digits.Length == 10 && digits[0] >= '2' && digits[3] >= '2' ? "+1" + digits : null;
    }
}
