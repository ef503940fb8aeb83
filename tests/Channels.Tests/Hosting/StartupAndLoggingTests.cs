using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using FrontDesk.Agent;
using FrontDesk.Agent.Screening;
using FrontDesk.Channels.Hosting;
using FrontDesk.Tools;
using FrontDesk.Tools.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FrontDesk.Channels.Tests.Hosting;

/// <summary>What the host does before it takes requests, and what it logs by default.</summary>
public sealed class StartupAndLoggingTests
{
    [Fact]
    public async Task Every_warm_up_runs_before_the_host_takes_requests_and_leaves_nothing_in_the_store()
    {
        var recorder = new RecordingWarmUp();
        await using var host = FrontDeskHost.Create(services: s => s.AddSingleton<IWarmUp>(recorder));
        using var client = host.CreateClient();

        // CreateClient returns once the host has started: by then the warm-ups have all run, in order.
        Assert.Equal(1, recorder.Runs);
        Assert.True(host.Get<WarmUpStatus>().Done);
        Assert.Equal(["SemanticWarmUp", "SpaBookWarmUp", "ScreenWarmUp", "AgentWarmUp", "RecordingWarmUp"], host.Get<IEnumerable<IWarmUp>>().Select(w => w.GetType().Name));
        // The screens' compiled rule patterns were built and warmed before ready: none is JIT-compiled in a first message.
        var screen = host.Get<SafetyScreen>();
        Assert.Equal(screen.Patterns.Count(), host.Get<IEnumerable<IWarmUp>>().OfType<ScreenWarmUp>().Single().Patterns);
        Assert.All(screen.Patterns, p => Assert.Same(p, RulePatterns.Get(p.ToString(), p.Options & ~System.Text.RegularExpressions.RegexOptions.Compiled)));
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("warmUpMs").GetInt64() >= 0);
        // The agent's warm-up conversation is gone: no conversation, turn or tag, and nothing booked.
        await using var c = await host.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM conversations"));
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM transcript_turns"));
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM transcript_tags"));
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM appointments WHERE client_id IS NOT NULL"));
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM escalations"));
    }

    [Fact]
    public async Task A_failing_warm_up_is_logged_and_the_host_still_becomes_ready()
    {
        var logs = new CollectingLoggerProvider();
        await using var host = FrontDeskHost.Create(services: s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            s.AddSingleton<IWarmUp>(new FailingWarmUp());
        });
        using var client = host.CreateClient();

        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains(logs.Lines, l => l.Contains("Warm-up of broken index failed", StringComparison.Ordinal));
        var answer = await host.ChatAsync(client, "hey do you guys have parking");
        Assert.False(string.IsNullOrWhiteSpace(answer.Reply));
    }

    [Fact]
    public async Task By_default_a_chat_turn_logs_its_one_turn_line_and_no_per_request_lines()
    {
        var logs = new CollectingLoggerProvider();
        await using var host = FrontDeskHost.Create(services: s => s.AddSingleton<ILoggerProvider>(logs));
        using var client = host.CreateClient();

        await host.ChatAsync(client, "what time do u open on saturday");

        Assert.Contains(logs.Lines, l => l.Contains("Turn on web", StringComparison.Ordinal));
        // Warnings stay (the in-memory test server warns that it cannot limit body size); Information lines do not.
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("info: Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_operator_can_turn_the_per_request_lines_back_on()
    {
        var logs = new CollectingLoggerProvider();
        await using var host = FrontDeskHost.Create(
            settings: new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information" },
            services: s => s.AddSingleton<ILoggerProvider>(logs));
        using var client = host.CreateClient();

        await host.ChatAsync(client, "what time do u open on saturday");

        // "Request finished" is logged once the response is complete, which the client may see first.
        Assert.True(await logs.LoggedAsync(l => l.Contains("Microsoft.AspNetCore.Hosting.Diagnostics", StringComparison.Ordinal)
            && l.Contains("Request finished", StringComparison.Ordinal), TimeSpan.FromSeconds(10)), string.Join('\n', logs.Lines));
        Assert.Contains(logs.Lines, l => l.Contains("Microsoft.AspNetCore.Routing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_warm_up_turn_over_http_is_not_counted_in_the_turn_metrics()
    {
        var turns = new System.Collections.Concurrent.ConcurrentQueue<System.Diagnostics.Metrics.Instrument>();
        using var meters = new System.Diagnostics.Metrics.MeterListener
        {
            // Every host's instruments (this one's exist only once it starts); the count below keeps this host's.
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == FrontDeskTelemetry.MeterName && instrument.Name == "frontdesk.turns")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((i, _, _, _) => turns.Enqueue(i));
        meters.Start();
        await using var host = FrontDeskHost.Create();
        var address = host.StartKestrel();
        var mine = host.Get<FrontDeskTelemetry>().Turns;
        Assert.True(host.Get<WarmUpStatus>().Done);

        Assert.DoesNotContain(mine, turns);

        using var client = new HttpClient { BaseAddress = address };
        await host.ChatAsync(client, "hey is there parking");
        Assert.Single(turns, i => i == mine);
    }

    private sealed class RecordingWarmUp : IWarmUp
    {
        public int Runs { get; private set; }

        public string Name => "recorder";

        public Task WarmUpAsync(CancellationToken ct)
        {
            Runs++;
            return Task.CompletedTask;
        }
    }

    private sealed class FailingWarmUp : IWarmUp
    {
        public string Name => "broken index";

        public Task WarmUpAsync(CancellationToken ct) => throw new InvalidOperationException("index file missing");
    }
}
