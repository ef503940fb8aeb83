using System.Text.RegularExpressions;
using FrontDesk.Agent.Screening;

namespace FrontDesk.Agent.Understanding;

/// <summary>
/// An expression of the understanding that runs only on a text holding one of the words it cannot match without, derived
/// from its own text (<see cref="RequiredWords"/>): on an ASCII text without them it cannot match, so it is not run (issue 16:
/// most messages hold none of an expression's words, and running it costs more than looking for them).
/// </summary>
/// <param name="name">The expression's name, for the tests and the warm-up.</param>
/// <param name="expression">The expression.</param>
/// <param name="sample">A text it matches: the warm-up runs it there, so its matcher is compiled before the host is ready.</param>
internal sealed class PrefilteredExpression(string name, Regex expression, string sample)
{
    /// <summary>The expression's name.</summary>
    public string Name { get; } = name;

    /// <summary>The expression itself.</summary>
    public Regex Expression { get; } = expression;

    /// <summary>The words, one of which every match contains; null when they cannot be said (it always runs).</summary>
    public RequiredWords? Needs { get; } = RequiredWords.Of(expression.ToString(), expression.Options);

    /// <summary>A text the expression matches.</summary>
    public string Sample { get; } = sample;

    /// <summary>Whether the expression matches <paramref name="text"/>; false, without running it, when the text lacks every needed word.</summary>
    public bool IsMatch(string text) => Needs?.MayMatch(text) != false && Expression.IsMatch(text);

    /// <summary>The expression's first match in <paramref name="text"/>; a failed match, without running it, when the text lacks every needed word.</summary>
    public Match Match(string text) => Needs?.MayMatch(text) == false ? System.Text.RegularExpressions.Match.Empty : Expression.Match(text);
}
