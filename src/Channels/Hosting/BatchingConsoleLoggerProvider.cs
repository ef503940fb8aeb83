using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.Hosting;

/// <summary>
/// The host's console log: each entry is formatted, redacted, by <see cref="RedactingConsoleFormatter"/> on the thread
/// that logs it and queued; a background writer writes all the lines queued since its last pass in one write, every
/// <see cref="FlushInterval"/> (sooner when many are waiting). Lines at or above
/// <see cref="ConsoleLoggerOptions.LogToStandardErrorThreshold"/> go to standard error, the rest to standard output.
/// </summary>
/// <remarks>
/// In place of Microsoft.Extensions.Logging's console logger, whose queue takes a lock for every line and, when its
/// writer thread has emptied the queue (on a host answering a few hundred turns a second, nearly always), wakes it: a
/// context switch and a write system call per line, about 3 % of a loaded host's CPU (docs/performance.md, ninth
/// round). The lines, their format and the levels are the same; the provider's alias is still "Console", so
/// <c>Logging:Console:…</c> settings apply as before. A line reaches the console at most <see cref="FlushInterval"/>
/// after it was logged (the old queue was also written by another thread, a little sooner); stopping the host writes
/// out what is queued, and a process killed outright loses at most the last interval's lines.
/// Why our own and not Serilog.Sinks.Async (served here): Serilog replaces Microsoft.Extensions.Logging's console
/// pipeline, so <see cref="RedactingConsoleFormatter"/> (a <see cref="ConsoleFormatter"/>) would have to be rewritten as
/// a Serilog formatter, and the <c>Logging:Console</c> settings operators use today (the formatter, the standard-error
/// threshold, the category filters' provider alias) would stop applying; this provider keeps both and only changes how
/// the formatted lines reach the console.
/// </remarks>
[ProviderAlias("Console")]
public sealed class BatchingConsoleLoggerProvider : ILoggerProvider
{
    /// <summary>How long a line may wait in the queue before it is written.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(50);

    // This many lines waiting wake the writer before its interval is up (a burst of warnings must not pile up).
    private const int WakeAt = 512;

    private readonly ConcurrentQueue<(bool ToError, string Line)> _queue = new();
    private readonly AutoResetEvent _wake = new(false);
    private readonly IOptionsMonitor<ConsoleLoggerOptions> _options;
    private readonly Func<TextWriter> _out;
    private readonly Func<TextWriter> _error;
    private readonly Thread _writer;
    // The writer's pass (its thread's, or the last ones at shutdown) and the text it gathers for each stream.
    private readonly Lock _writing = new();
    private readonly StringBuilder _toOut = new();
    private readonly StringBuilder _toError = new();
    private int _queued;
    private volatile bool _stopping;

    /// <summary>Writes to the process's console (<see cref="Console.Out"/> and <see cref="Console.Error"/>, as set when a batch is written).</summary>
    public BatchingConsoleLoggerProvider(IOptionsMonitor<ConsoleLoggerOptions> options)
        : this(options, static () => Console.Out, static () => Console.Error)
    {
    }

    /// <summary>Writes to the given writers (tests).</summary>
    public BatchingConsoleLoggerProvider(IOptionsMonitor<ConsoleLoggerOptions> options, Func<TextWriter> standardOutput, Func<TextWriter> standardError)
    {
        _options = options;
        _out = standardOutput;
        _error = standardError;
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "Console log writer" };
        _writer.Start();
    }

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    /// <summary>Writes out every queued line and stops the writer.</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }
        _stopping = true;
        _wake.Set();
        _writer.Join();
        WriteQueued();
        _wake.Dispose();
    }

    private void Enqueue(LogLevel level, string line)
    {
        _queue.Enqueue((level >= _options.CurrentValue.LogToStandardErrorThreshold, line));
        if (Interlocked.Increment(ref _queued) == WakeAt && !_stopping)
        {
            try
            {
                _wake.Set();
            }
            catch (ObjectDisposedException)
            {
                // Stopped meanwhile: the line is written below.
            }
        }
        if (_stopping)
        {
            // Logged while the host stops, maybe after the writer's last pass.
            WriteQueued();
        }
    }

    private void WriteLoop()
    {
        while (!_stopping)
        {
            _wake.WaitOne(FlushInterval);
            WriteQueued();
        }
    }

    private void WriteQueued()
    {
        lock (_writing)
        {
            while (_queue.TryDequeue(out var entry))
            {
                Interlocked.Decrement(ref _queued);
                (entry.ToError ? _toError : _toOut).Append(entry.Line);
            }
            Write(_toOut, _out);
            Write(_toError, _error);
        }
    }

    private static void Write(StringBuilder lines, Func<TextWriter> writer)
    {
        if (lines.Length == 0)
        {
            return;
        }
        try
        {
            var w = writer();
            w.Write(lines);
            w.Flush();
        }
        catch (IOException)
        {
            // The console is gone (a closed pipe): the lines cannot be written anywhere.
        }
        catch (ObjectDisposedException)
        {
        }
        lines.Clear();
    }

    private sealed class Logger(string category, BatchingConsoleLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        // Which levels of which categories reach a logger is the logger factory's filter (Logging:LogLevel:…).
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Enqueue(logLevel, RedactingConsoleFormatter.Format(logLevel, category, state, exception, formatter));
            }
        }
    }
}
