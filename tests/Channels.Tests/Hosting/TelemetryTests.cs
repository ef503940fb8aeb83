using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using FrontDesk.Channels.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FrontDesk.Channels.Tests.Hosting;

public sealed class TelemetryTests
{
    [Fact]
    public async Task A_turn_produces_an_agent_span_with_tool_spans_and_turn_metrics()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is FrontDeskTelemetry.MeterName or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        await using var host = FrontDeskHost.Create();
        var telemetry = host.Get<FrontDeskTelemetry>();
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener
        {
            // Only this host's instruments: other tests run hosts in parallel.
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument == telemetry.TurnDuration || instrument == telemetry.ToolCalls || instrument == telemetry.Turns)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, ToDictionary(tags))));
        meters.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, ToDictionary(tags))));
        meters.Start();

        using var client = host.CreateClient();
        // Our own trace id, so spans of hosts in other tests running in parallel are told apart.
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = System.Net.Http.Json.JsonContent.Create(new { text = "Is there parking?" }) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();

        var turn = Assert.Single(spans, s => s.OperationName == "agent.turn" && s.TraceId == traceId);
        Assert.Equal("web", turn.GetTagItem("frontdesk.channel"));
        Assert.Contains(spans, s => s.OperationName == "tool answer_faq" && s.ParentSpanId == turn.SpanId);

        var duration = Assert.Single(measurements, m => m.Instrument == "frontdesk.turn.duration");
        Assert.True(duration.Value > 0);
        Assert.Equal("web", duration.Tags["frontdesk.channel"]);
        Assert.Equal("embedded", duration.Tags["frontdesk.brain"]);
        var tool = Assert.Single(measurements, m => m.Instrument == "frontdesk.tool.calls");
        Assert.Equal("answer_faq", tool.Tags["frontdesk.tool"]);
        Assert.Equal("ok", tool.Tags["frontdesk.tool.outcome"]);
        Assert.Single(measurements, m => m.Instrument == "frontdesk.turns");
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_traces_and_metrics_are_exported_to_the_collector()
    {
        var received = new ConcurrentQueue<(string Path, byte[] Body)>();
        await using var collector = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v1/{signal}", async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                received.Enqueue((request.Path, body.ToArray()));
                return Results.Ok();
            });
        });
        await using var host = FrontDeskHost.Create(settings: new Dictionary<string, string?>
        {
            ["FrontDesk:Telemetry:OtlpEndpoint"] = collector.BaseUri.AbsoluteUri,
            ["FrontDesk:Telemetry:OtlpProtocol"] = "http/protobuf",
        });
        using var client = host.CreateClient();
        await host.ChatAsync(client, "Is there parking?");
        Assert.True(host.Get<TracerProvider>().ForceFlush(10_000));
        Assert.True(host.Get<MeterProvider>().ForceFlush(10_000));

        // OTLP protobuf carries names as plain UTF-8 strings.
        var traces = string.Concat(received.Where(r => r.Path == "/v1/traces").Select(r => System.Text.Encoding.UTF8.GetString(r.Body)));
        Assert.Contains("agent.turn", traces, StringComparison.Ordinal);
        Assert.Contains("tool answer_faq", traces, StringComparison.Ordinal);
        Assert.Contains("frontdesk-agent", traces, StringComparison.Ordinal);
        var metrics = string.Concat(received.Where(r => r.Path == "/v1/metrics").Select(r => System.Text.Encoding.UTF8.GetString(r.Body)));
        Assert.Contains("frontdesk.turn.duration", metrics, StringComparison.Ordinal);
        Assert.Contains("frontdesk.tool.calls", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_endpoint_no_exporter_is_built()
    {
        await using var host = FrontDeskHost.Create();
        Assert.Null(host.Services.GetService(typeof(TracerProvider)));
        Assert.Null(host.Services.GetService(typeof(MeterProvider)));
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }
        return result;
    }
}
