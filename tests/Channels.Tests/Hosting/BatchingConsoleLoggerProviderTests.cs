using System.Text;
using FrontDesk.Channels.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.Tests.Hosting;

public sealed class BatchingConsoleLoggerProviderTests
{
    [Fact]
    public async Task Lines_logged_from_many_threads_are_written_whole_in_order_redacted_and_a_few_writes_for_many_lines()
    {
        var output = new CountingWriter();
        var error = new CountingWriter();
        var provider = new BatchingConsoleLoggerProvider(Options(LogLevel.Warning), () => output, () => error);
        var logger = provider.CreateLogger("FrontDesk.Test");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 250; i++)
            {
                logger.LogInformation("Turn {Thread}-{Index} from {Phone}", t, i, "+14155557788");
            }
        })));
        logger.LogWarning("Something to look at");
        provider.Dispose();

        var lines = output.Text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1000, lines.Length);
        Assert.All(lines, l => Assert.Matches(@"^info: FrontDesk\.Test: Turn \d-\d+ from \+•+88$", l));
        for (var t = 0; t < 4; t++)
        {
            Assert.Equal(Enumerable.Range(0, 250).Select(i => $"{t}-{i} "), lines.Where(l => l.Contains($"Turn {t}-", StringComparison.Ordinal)).Select(l => l.Split("Turn ")[1].Split("from")[0]));
        }
        Assert.Equal("warn: FrontDesk.Test: Something to look at" + Environment.NewLine, error.Text);
        // The console logger wrote each line on its own (1,000 writes); here a write carries every line queued since the last.
        Assert.True(output.Writes < 100, $"{output.Writes} writes");
    }

    [Fact]
    public void The_hosts_console_log_is_the_batching_provider_in_place_of_the_console_logger()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.AddFrontDeskLogging();
        using var services = builder.Services.BuildServiceProvider();

        var providers = services.GetServices<ILoggerProvider>().ToList();
        Assert.Single(providers.OfType<BatchingConsoleLoggerProvider>());
        Assert.Empty(providers.OfType<ConsoleLoggerProvider>());
        Assert.Equal(RedactingConsoleFormatter.FormatterName, services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }

    [Fact]
    public async Task A_line_reaches_the_console_within_the_flush_interval_without_waiting_for_more()
    {
        var output = new CountingWriter();
        using var provider = new BatchingConsoleLoggerProvider(Options(LogLevel.None), () => output, () => output);
        provider.CreateLogger("FrontDesk.Test").LogInformation("one line");

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (output.Text.Length == 0 && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }
        Assert.Equal("info: FrontDesk.Test: one line" + Environment.NewLine, output.Text);
    }

    private static IOptionsMonitor<ConsoleLoggerOptions> Options(LogLevel toStandardError)
    {
        var options = new ConsoleLoggerOptions { LogToStandardErrorThreshold = toStandardError };
        return new StaticOptions(options);
    }

    private sealed class StaticOptions(ConsoleLoggerOptions value) : IOptionsMonitor<ConsoleLoggerOptions>
    {
        public ConsoleLoggerOptions CurrentValue => value;

        public ConsoleLoggerOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ConsoleLoggerOptions, string?> listener) => null;
    }

    private sealed class CountingWriter : TextWriter
    {
        private readonly StringBuilder _text = new();
        private readonly Lock _lock = new();

        public int Writes { get; private set; }

        public string Text
        {
            get
            {
                lock (_lock)
                {
                    return _text.ToString();
                }
            }
        }

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_lock)
            {
                Writes++;
                _text.Append(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_lock)
            {
                Writes++;
                _text.Append(value);
            }
        }

        public override void Write(StringBuilder? value)
        {
            lock (_lock)
            {
                Writes++;
                _text.Append(value);
            }
        }
    }
}
