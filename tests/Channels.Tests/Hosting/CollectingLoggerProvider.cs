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
