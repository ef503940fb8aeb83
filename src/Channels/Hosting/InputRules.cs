using System.Reflection;
using FrontDesk.Tools.Text;

namespace FrontDesk.Channels.Hosting;

/// <summary>
/// The host's side of the input rules (<see cref="InputText"/> has the rules themselves). Staff input — API query
/// strings, route values, JSON fields and console forms — that holds a NUL or a lone surrogate is refused with a 400
/// problem naming the field: it would fail in PostgreSQL and is never something a person typed. Messages from clients
/// are cleaned instead (the agent turns control characters into spaces and lone surrogates into U+FFFD), so a text is
/// never lost over a stray byte.
/// </summary>
public static class InputRules
{
    /// <summary>The problem text for a field holding a NUL or a lone surrogate.</summary>
    public static string ForbiddenText(string field) => $"'{field}' contains a NUL character or half of an emoji (a lone surrogate).";

    /// <summary>A 400 problem for <paramref name="field"/>.</summary>
    public static IResult Forbidden(string field) => TypedResults.Problem(ForbiddenText(field), statusCode: 400, title: "Invalid request");

    /// <summary>An endpoint filter: a query-string or route value holding a NUL or a lone surrogate gets a 400.</summary>
    public static async ValueTask<object?> RejectForbiddenCharsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return FirstForbidden(context.HttpContext.Request) is { } field ? Forbidden(field) : await next(context);
    }

    /// <summary>The first query-string or route value that breaks the rules, or null.</summary>
    public static string? FirstForbidden(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var (name, values) in request.Query)
        {
            if (InputText.HasForbiddenChars(name) || values.Any(InputText.HasForbiddenChars))
            {
                return name;
            }
        }
        foreach (var (name, value) in request.RouteValues)
        {
            if (value is string s && InputText.HasForbiddenChars(s))
            {
                return name;
            }
        }
        return null;
    }

    /// <summary>The first string property of a request body (a flat record) that breaks the rules, or null.</summary>
    public static string? FirstForbiddenField(object body)
    {
        ArgumentNullException.ThrowIfNull(body);
        foreach (var property in body.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType == typeof(string) && property.GetIndexParameters().Length == 0
                && InputText.HasForbiddenChars((string?)property.GetValue(body)))
            {
                return char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            }
        }
        return null;
    }
}
