using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace FrontDesk.Channels.Hosting;

/// <summary>
/// Masks personal data before it reaches a log: phone numbers keep their last two digits, e-mail addresses their
/// domain, names their initials. Used explicitly when a log line needs to identify someone, and by the console
/// formatter as a safety net over every message.
/// </summary>
public static partial class LogRedaction
{
    // Structured-log keys whose values are a person's name (other "…Name" keys, such as SpaName or EnvName, are not).
    private static readonly HashSet<string> PersonNameKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "Name", "Client", "ClientName", "Customer", "CustomerName", "FirstName", "LastName", "FullName", "PersonName",
        "DisplayName", "UserName", "Caller", "CallerName", "Staff", "StaffName", "Visitor", "VisitorName",
    };

    /// <summary>A phone kept recognisable to staff but not dialable: <c>+1•••••••88</c>.</summary>
    public static string Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone) || phone.Contains('•', StringComparison.Ordinal))
        {
            return phone ?? "";
        }
        var digits = phone.Count(char.IsAsciiDigit);
        return digits < 4 ? "•••" : (phone.StartsWith('+') ? "+" : "") + new string('•', Math.Max(0, digits - 2)) + phone[^2..];
    }

    /// <summary>An address with the mailbox hidden: <c>•••@example.com</c>.</summary>
    public static string Email(string? email)
    {
        if (string.IsNullOrEmpty(email) || email.StartsWith('•'))
        {
            return email ?? "";
        }
        var at = email.LastIndexOf('@');
        return at < 0 ? "•••" : "•••" + email[at..];
    }

    /// <summary>A name reduced to initials: <c>S. L.</c>.</summary>
    public static string Name(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "" : string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + "."));

    /// <summary>Masks every e-mail address and phone-like run of digits in free text.</summary>
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }
        var result = EmailPattern().Replace(text, m => Email(m.Value));
        return PhonePattern().Replace(result, m => LooksLikePhone(m.Value) ? Phone(m.Value) : m.Value);
    }

    // A run of digits is a phone when written like one: with a leading +, with separators ("415 555-7788",
    // "(415) 555 7788"), or bare as a North American number (10 digits, or 11 starting with 1). A bare count such as
    // "30000000 bytes" is not a phone and stays readable.
    private static bool LooksLikePhone(string candidate)
    {
        var digits = new string(candidate.Where(char.IsAsciiDigit).ToArray());
        if (candidate.StartsWith('+') || digits.Length != candidate.Length)
        {
            return true;
        }
        return (digits.Length == 10 && digits[0] is >= '2' and <= '9')
            || (digits.Length == 11 && digits[0] == '1' && digits[1] is >= '2' and <= '9');
    }

    /// <summary>Masks a structured log value by its key: names by initials, phones and e-mails; other values as free text.</summary>
    public static string Value(string key, object? value)
    {
        var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        ArgumentNullException.ThrowIfNull(key);
        if (key.Contains("Phone", StringComparison.OrdinalIgnoreCase) || key.Equals("To", StringComparison.OrdinalIgnoreCase) || key.Equals("From", StringComparison.OrdinalIgnoreCase))
        {
            return Phone(text);
        }
        if (key.Contains("Email", StringComparison.OrdinalIgnoreCase))
        {
            return Email(text);
        }
        if (PersonNameKeys.Contains(key))
        {
            return Name(text);
        }
        return Text(text);
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    // Candidates: seven or more digits, optionally with a leading + and the usual separators (LooksLikePhone decides).
    // ISO dates (2026-11-23) and clock times are not phone numbers and stay readable.
    [GeneratedRegex(@"(?<![\w:])(?!\d{4}-\d{2}-\d{2})\+?\(?(?:\d[\s\-.()]{0,2}){6,14}\d(?![\w:])")]
    private static partial Regex PhonePattern();
}

/// <summary>
/// Console log format of the host: one line per entry, <c>time level category: message {key=value…}</c>, with every
/// message and structured value passed through <see cref="LogRedaction"/>, so phone numbers, e-mails and names never
/// reach the log in clear whatever a log call passes.
/// </summary>
public sealed class RedactingConsoleFormatter : ConsoleFormatter
{
    /// <summary>The formatter's name in <c>Logging:Console:FormatterName</c>.</summary>
    public const string FormatterName = "frontdesk";

    /// <summary>Creates the formatter.</summary>
    public RedactingConsoleFormatter() : base(FormatterName)
    {
    }

    /// <inheritdoc/>
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        textWriter.Write(Format(logEntry.LogLevel, logEntry.Category, logEntry.State, logEntry.Exception, logEntry.Formatter));
    }

    /// <summary>Formats one entry (redacted), ending with a newline.</summary>
    public static string Format<TState>(LogLevel level, string category, TState state, Exception? exception, Func<TState, Exception?, string>? formatter)
    {
        var sb = new StringBuilder();
        sb.Append(level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            LogLevel.Critical => "crit",
            _ => "none",
        }).Append(": ").Append(category).Append(": ");
        if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            // Rebuild the message from the template with each value masked by its name.
            var template = values.FirstOrDefault(v => v.Key == "{OriginalFormat}").Value as string;
            sb.Append(template is null ? LogRedaction.Text(formatter?.Invoke(state, exception)) : Render(template, values));
        }
        else
        {
            sb.Append(LogRedaction.Text(formatter?.Invoke(state, exception)));
        }
        if (exception is not null)
        {
            sb.Append(" | ").Append(exception.GetType().Name).Append(": ").Append(LogRedaction.Text(exception.Message));
        }
        return sb.Append(Environment.NewLine).ToString();
    }

    // A template's literal parts, redacted, and the names of its holes, in order: worked out once per template (a log call
    // site's constant), not at every line. Bounded, in case some caller builds templates at run time.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TemplatePart[]> Templates = new(StringComparer.Ordinal);

    private readonly record struct TemplatePart(string Text, string? Hole);

    private static string Render(string template, IReadOnlyList<KeyValuePair<string, object?>> values)
    {
        if (!Templates.TryGetValue(template, out var parts))
        {
            parts = Parse(template);
            if (Templates.Count < 1024)
            {
                Templates.TryAdd(template, parts);
            }
        }
        var sb = new StringBuilder(template.Length + 32);
        foreach (var part in parts)
        {
            if (part.Hole is not { } name)
            {
                sb.Append(part.Text);
                continue;
            }
            var match = values.FirstOrDefault(v => v.Key == name);
            sb.Append(match.Key is null ? "" : LogRedaction.Value(name, match.Value));
        }
        return sb.ToString();
    }

    private static TemplatePart[] Parse(string template)
    {
        var parts = new List<TemplatePart>();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0 || open == template.Length - 1)
            {
                parts.Add(new(LogRedaction.Text(template[i..]), null));
                break;
            }
            if (template[open + 1] == '{')
            {
                parts.Add(new(LogRedaction.Text(template[i..(open + 1)]), null));
                i = open + 2;
                continue;
            }
            var close = template.IndexOf('}', open);
            if (close < 0)
            {
                parts.Add(new(LogRedaction.Text(template[i..]), null));
                break;
            }
            parts.Add(new(LogRedaction.Text(template[i..open]), null));
            parts.Add(new("", template[(open + 1)..close].Split(',', ':')[0].TrimStart('@', '$')));
            i = close + 1;
        }
        return [.. parts];
    }
}

/// <summary>Wires the redacting console format.</summary>
public static class LoggingRegistration
{
    /// <summary>
    /// Log levels the host starts with when nothing else is configured: ASP.NET Core's per-request Information lines
    /// (hosting's "Request starting/finished", routing's "Executing/Executed endpoint", four lines a request, each through
    /// the redacting format) are off; warnings and errors from those categories, and the host's own Information (one
    /// line a turn, start-up), stay. Any configuration source overrides these, e.g.
    /// <c>--Logging:LogLevel:Microsoft.AspNetCore=Information</c> or <c>Logging__LogLevel__Microsoft.AspNetCore=Information</c>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> DefaultLevels = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        // Start-up's "Now listening on", "Application started" stay visible.
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
    };

    /// <summary>
    /// Uses <see cref="RedactingConsoleFormatter"/> for console logs, written in batches by
    /// <see cref="BatchingConsoleLoggerProvider"/> in place of the console logger, with <see cref="DefaultLevels"/> under
    /// every other setting.
    /// </summary>
    public static WebApplicationBuilder AddFrontDeskLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // First source, so command line, environment and appsettings all override it.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = DefaultLevels });
        // The redacting format, written in batches (BatchingConsoleLoggerProvider), in place of the console logger; its
        // options (Logging:Console:…, e.g. LogToStandardErrorThreshold) are read as before.
        foreach (var console in builder.Services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList())
        {
            builder.Services.Remove(console);
        }
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = RedactingConsoleFormatter.FormatterName);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, BatchingConsoleLoggerProvider>());
        Microsoft.Extensions.Logging.Configuration.LoggerProviderOptions.RegisterProviderOptions<ConsoleLoggerOptions, BatchingConsoleLoggerProvider>(builder.Services);
        return builder;
    }
}
