using FrontDesk.Channels.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.Tests.Hosting;

public sealed class LogRedactionTests
{
    [Theory]
    [InlineData("+14155557788", "+•••••••••88")]
    [InlineData("415-555-7788", "••••••••88")]
    [InlineData("12", "•••")]
    [InlineData("", "")]
    public void Phone_keeps_only_the_last_two_digits(string phone, string expected) => Assert.Equal(expected, LogRedaction.Phone(phone));

    [Fact]
    public void Email_and_name_are_masked()
    {
        Assert.Equal("•••@example.com", LogRedaction.Email("sam.lee@example.com"));
        Assert.Equal("S. L.", LogRedaction.Name("Sam Lee"));
        Assert.Equal("A.", LogRedaction.Name("ava"));
    }

    [Theory]
    [InlineData("call me on 415-555-7788 please")]
    [InlineData("call me on (415) 555-7788 please")]
    [InlineData("call me on +1 415 555 7788 please")]
    [InlineData("call me on 415.555.7788 please")]
    [InlineData("call me on 4155557788 please")]
    [InlineData("call me on 14155557788 please")]
    [InlineData("call me on +4420 7946 5588 please")]
    [InlineData("call me on 020 7946 5588 please")]
    public void Phone_numbers_in_free_text_are_masked_in_any_writing(string text)
    {
        var redacted = LogRedaction.Text(text);
        Assert.DoesNotContain("555", redacted, StringComparison.Ordinal);
        Assert.StartsWith("call me on ", redacted, StringComparison.Ordinal);
        Assert.EndsWith("88 please", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("booked for 2026-11-24 at 10:30, 60 min, latency 1234 ms")]
    [InlineData("conversation web_0123456789abcdef0123456789abcdef turn 12")]
    [InlineData("at 2026-11-23T16:00:00.0000000Z")]
    [InlineData("The request body is 30000000 bytes, over the limit of 32768")]
    [InlineData("processed 1234567 rows in 98765432 ticks")]
    [InlineData("order 0123456789 has 10000000001 points")]
    public void Dates_times_and_ids_stay_readable(string text) => Assert.Equal(text, LogRedaction.Text(text));

    [Fact]
    public void A_structured_log_line_masks_values_by_name_and_free_text_by_pattern()
    {
        var logs = new CollectingLoggerProvider();
        using (var factory = LoggerFactory.Create(b => b.AddProvider(logs)))
        {
            factory.CreateLogger("Test").LogInformation(
                "Booked {ClientName} ({Phone}, {Email}) at {SpaName} in {EnvName}; they said {Text}",
                "Sam Lee", "+14155557788", "sam.lee@example.com", "Willow Spa", "Production", "text me at 415 555 7788 or sam@example.org");
        }
        var line = Assert.Single(logs.Lines);
        Assert.Contains("Booked S. L. (+•••••••••88, •••@example.com) at Willow Spa in Production", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam", line, StringComparison.Ordinal);
        Assert.DoesNotContain("555", line, StringComparison.Ordinal);
        Assert.DoesNotContain("sam", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_message_is_redacted_too()
    {
        var line = RedactingConsoleFormatter.Format(LogLevel.Warning, "Test", "sending failed", new InvalidOperationException("to +14155557788"), (s, _) => s);
        Assert.DoesNotContain("4155557788", line, StringComparison.Ordinal);
        Assert.StartsWith("warn: Test: sending failed | InvalidOperationException: to +", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_logs_through_the_redacting_format_and_a_whole_booking_leaves_no_personal_data_in_the_log()
    {
        var logs = new CollectingLoggerProvider();
        await using var host = FrontDeskHost.Create(services: s => s.AddSingleton<ILoggerProvider>(logs));
        Assert.Equal(RedactingConsoleFormatter.FormatterName, host.Get<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        using var client = host.CreateClient();
        string? session = null;
        foreach (var text in new[] { "I'd like a deep tissue massage tomorrow afternoon", "the first one", "my name is Sam Lee", "415-555-7788", "my email is sam.lee@example.com", "yes please" })
        {
            session = (await host.ChatAsync(client, text, session)).SessionId;
        }
        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, l => l.Contains("book_appointment", StringComparison.Ordinal));
        foreach (var secret in new[] { "Sam", "Lee", "555-7788", "5557788", "sam.lee" })
        {
            Assert.DoesNotContain(secret, logs.Text, StringComparison.Ordinal);
        }
    }
}
