using System.Collections.Concurrent;
using FrontDesk.Channels.Hosting;
using Microsoft.Extensions.Logging;

namespace FrontDesk.Channels.Tests.Hosting;

/// <summary>Keeps every log line of a host exactly as the host's console format writes it (redacted).</summary>
public sealed class CollectingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>Everything logged so far.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>
    /// Whether a line matching <paramref name="match"/> is logged within <paramref name="within"/>: a line logged after the
    /// response reached the client (the hosting's "Request finished") may come a moment after the test reads the reply.
    /// </summary>
    public async Task<bool> LoggedAsync(Func<string, bool> match, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (!_lines.Any(match))
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }
            await Task.Delay(20);
        }
        return true;
    }

    /// <summary>All lines joined.</summary>
    public string Text => string.Concat(_lines);

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new Collector(categoryName, _lines);

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private sealed class Collector(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(RedactingConsoleFormatter.Format(logLevel, category, state, exception, formatter));
    }
}
