using System.Text.RegularExpressions;

namespace FrontDesk.Tools.Faq;

/// <summary>
/// A question whose head is access to the business for someone with a wheelchair or another mobility aid: "my mom uses a
/// wheelchair, is the marina location ok for her?", "can my dad get in with a walker". Whoever it is for and whichever
/// place it names, it is asked of the business's information as "are you wheelchair accessible?", so the words around it
/// (the person, the place) do not count against the accessibility entry. No business's own words here.
/// </summary>
public static partial class AccessQuestion
{
    /// <summary>The question as its head, or null when it is not about getting in with a mobility aid.</summary>
    public static string? Head(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return MobilityAid().IsMatch(question.ToLowerInvariant()) ? "are you wheelchair accessible?" : null;
    }

    // A mobility aid or access to the building said outright; the floor, the stairs and a lift (round 28: "is it upstairs",
    // "is there an elevator", "i have a bad knee is there stairs"); "i'm downstairs" is someone who has arrived.
    [GeneratedRegex(@"\b(?:wheel\s*chairs?|sillas?\s+de\s+ruedas|andaderas?|muletas|walkers?|crutches|mobility\s+(?:scooter|aid|issues?)|accessible|accessibility|handicap(?:ped)?\s+access(?:ible)?|step[\s-]free|ramps?|(?:is\s+(?:it|the\s+(?:spa|room|place))|are\s+(?:you|u|the\s+rooms?))\s+up\s*stairs|(?:is|are)\s+there\s+(?:\w+\s+)?(?:stairs|steps|an?\s+elevator|elevators?|a\s+lift)|(?:do|does)\s+(?:you|u|it|the\s+\w+)\s+(?:have|got)\s+(?:an?\s+)?(?:elevators?|stairs|steps)|(?:any|many|lots\s+of)\s+stairs|(?:any|no|many)\s+steps|steps\s+(?:to\s+get\s+in|at\s+the\s+(?:entrance|door|front))|(?:is\s+(?:it|the\s+(?:spa|room|place))|are\s+(?:you|u|the\s+rooms?))\s+on\s+the\s+\w+\s+floor)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MobilityAid();
}
