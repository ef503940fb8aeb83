using System.Text.RegularExpressions;
using FrontDesk.Tools.Profile;

namespace FrontDesk.Tools.Faq;

/// <summary>
/// A question about the people who give a treatment: who does it ("who does the fillers there", "is the person doing botox
/// a real doctor", "quién hace el botox?"), answered from the profile's staff list, or how long they have been at it ("how
/// long has your injector been doing this"), which the profile does not say. No business's own words here: the ways of
/// asking are the same for any appointment business; the treatment named and its providers come from the profile.
/// </summary>
public static partial class ProviderQuestion
{
    /// <summary>Whether <paramref name="question"/> asks who gives a treatment.</summary>
    public static bool AsksWho(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return Who().IsMatch(question.ToLowerInvariant());
    }

    /// <summary>Whether <paramref name="question"/> asks how experienced a provider is.</summary>
    public static bool AsksExperience(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return Experience().IsMatch(question.ToLowerInvariant());
    }

    /// <summary>
    /// The treatments asked about grouped by who gives them, in the profile's order: each group's service names (in
    /// <paramref name="language"/>, a length in brackets left out and said once) and its providers with a title. Empty
    /// when nobody listed gives any of them.
    /// </summary>
    public static IReadOnlyList<(IReadOnlyList<string> Services, IReadOnlyList<StaffMember> Staff)> Givers(SpaProfile profile, IReadOnlySet<string> serviceIds, string? language)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(serviceIds);
        var groups = new List<(List<string> Services, List<StaffMember> Staff, string Key)>();
        foreach (var service in profile.Services.Where(s => serviceIds.Contains(s.Id)))
        {
            var staff = profile.Staff.Where(m => m.ServiceIds.Contains(service.Id) && !string.IsNullOrWhiteSpace(m.Title)).ToList();
            if (staff.Count == 0)
            {
                continue;
            }
            var key = string.Join(',', staff.Select(m => m.Id));
            var name = Bracket().Replace(service.NameIn(language), "").Trim();
            var group = groups.FirstOrDefault(g => g.Key == key);
            if (group.Services is null)
            {
                groups.Add(([name], staff, key));
            }
            else if (!group.Services.Contains(name, StringComparer.Ordinal))
            {
                group.Services.Add(name);
            }
        }
        return [.. groups.Select(g => ((IReadOnlyList<string>)g.Services, (IReadOnlyList<StaffMember>)g.Staff))];
    }

    [GeneratedRegex(@"\s*\(.*?\)", RegexOptions.CultureInvariant)]
    private static partial Regex Bracket();

    // Linear (no backtracking): no wall-clock limit to trip on a starved machine.
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    [GeneratedRegex(
        @"\bwho\s+(?:does|do|will\s+do|would\s+do|would\s+be\s+doing|will\s+be\s+doing|is\s+doing|performs?|gives?|injects?|administers?|is\s+going\s+to\s+do)\b"
        + @"|\b(?:the\s+person|the\s+one|the\s+people|person|people|someone)\s+(?:doing|who\s+does|who\s+do|that\s+does|that\s+do|giving|performing|injecting)\b"
        + @"|\b(?:a|an)\s+(?:real|actual|licensed|certified|board[\s-]certified)\s+(?:doctor|physician|nurse|md|dermatologist)\b"
        // "are your injectors nurses", "is the injector a doctor" (round 24)
        + @"|\b(?:are|is)\s+(?:your|ur|the)\s+(?:injectors?|providers?|practitioners?|therapists?|estheticians?|aestheticians?|technicians?|techs?)\s+(?:all\s+)?(?:an?\s+)?(?:nurses?|doctors?|physicians?|mds?|rns?|licensed|certified|qualified|trained|medical\s+professionals?)\b"
        + @"|\bqui[eé]n(?:es)?\s+(?:me\s+)?(?:hace|hacen|har[ií]a|aplica|aplican|pone|ponen|realiza|realizan)\b",
        Options)]
    private static partial Regex Who();

    [GeneratedRegex(
        @"\bhow\s+long\s+(?:has|have)\s+(?:your|the|she|he|they|\w+)\s+(?:\w+\s+)?(?:been\s+(?:doing|practicing|practising|working|injecting)|done\s+(?:this|it))\b"
        + @"|\bhow\s+(?:many\s+years|much)\s+(?:of\s+)?experience\b|\byears\s+of\s+experience\b|\bhow\s+experienced\b",
        Options)]
    private static partial Regex Experience();
}
