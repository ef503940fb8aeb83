using FrontDesk.Tools.Profile;

namespace FrontDesk.Tools;

/// <summary>Resolves tool arguments (ids, names, aliases, categories) against the profile, forgiving case and spacing.</summary>
public static class CatalogLookup
{
    private static readonly string[] AnyoneWords = ["any", "anyone", "anybody", "no preference", "whoever", "either", "doesn't matter", "does not matter", "any location", "any provider"];

    /// <summary>Services the text names: one when it is clear, several when it names a category or is ambiguous.</summary>
    public static IReadOnlyList<Service> Services(SpaProfile profile, string? text)
    {
        var t = Normalize(text);
        if (t.Length == 0)
        {
            return [];
        }
        var exact = profile.Services.Where(s => Normalize(s.Id) == t || Normalize(s.Name) == t || s.Aliases.Any(a => Normalize(a) == t)).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }
        var category = profile.Services.Where(s => Normalize(s.Category) == t || Normalize(s.Category) + "s" == t).ToList();
        if (category.Count > 0)
        {
            return category;
        }
        return [.. profile.Services.Where(s => Normalize(s.Name).Contains(t, StringComparison.Ordinal) || s.Aliases.Any(a => Normalize(a).Contains(t, StringComparison.Ordinal)))];
    }

    /// <summary>The provider the text names (id, full name or first name).</summary>
    public static StaffMember? Staff(SpaProfile profile, string text)
    {
        var t = Normalize(text);
        return profile.Staff.FirstOrDefault(s => Normalize(s.Id) == t || Normalize(s.Name) == t)
            ?? profile.Staff.FirstOrDefault(s => Normalize(s.Name).Split(' ').Contains(t))
            ?? profile.Staff.FirstOrDefault(s => t.Length >= 3 && Normalize(s.Name).Contains(t, StringComparison.Ordinal));
    }

    /// <summary>The location the text names.</summary>
    public static Location? Location(SpaProfile profile, string text)
    {
        var t = Normalize(text);
        return profile.Locations.FirstOrDefault(l => Normalize(l.Id) == t || Normalize(l.Name) == t)
            ?? profile.Locations.FirstOrDefault(l => t.Length >= 3 && Normalize(l.Name).Contains(t, StringComparison.Ordinal));
    }

    /// <summary>Whether the text means "no preference".</summary>
    public static bool MeansAnyone(string text) => AnyoneWords.Contains(text.Trim().ToLowerInvariant());

    /// <summary>Lower case, letters and digits only, single spaces.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var chars = text.Trim().ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
