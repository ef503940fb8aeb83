using System.Diagnostics;
using System.Diagnostics.Metrics;
using FrontDesk.Agent.Turns;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FrontDesk.Channels.Hosting;

/// <summary>
/// Metrics of every turn on every channel (meter <see cref="MeterName"/>): turn latency, turns by channel and brain,
/// tool calls by tool and outcome, escalations. Traces come from the agent's own activity source
/// (<c>agent.turn</c>, <c>tool …</c>) and ASP.NET Core's request activities.
/// </summary>
public sealed class FrontDeskTelemetry : IDisposable
{
    /// <summary>Name of the meter and of the agent's activity source.</summary>
    public const string MeterName = "FrontDesk.Agent";

    private readonly Meter _meter = new(MeterName);

    /// <summary>Creates the instruments.</summary>
    public FrontDeskTelemetry()
    {
        TurnDuration = _meter.CreateHistogram<double>("frontdesk.turn.duration", "ms", "Time to answer one turn, tools and brain included.");
        Turns = _meter.CreateCounter<long>("frontdesk.turns", "{turn}", "Turns answered, by channel and brain.");
        ToolCalls = _meter.CreateCounter<long>("frontdesk.tool.calls", "{call}", "Tool calls, by tool and outcome.");
        Escalations = _meter.CreateCounter<long>("frontdesk.escalations", "{escalation}", "Escalations raised, by category.");
    }

    /// <summary>Turn latency in milliseconds.</summary>
    public Histogram<double> TurnDuration { get; }

    /// <summary>Turns answered.</summary>
    public Counter<long> Turns { get; }

    /// <summary>Tool calls.</summary>
    public Counter<long> ToolCalls { get; }

    /// <summary>Escalations raised.</summary>
    public Counter<long> Escalations { get; }

    /// <summary>The agent's activity source (spans per turn and per tool call).</summary>
    public static ActivitySource Traces => ToolTurn.Activity;

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();
}

/// <summary>OpenTelemetry export settings (<c>FrontDesk:Telemetry</c>); the standard OTEL_* variables work too.</summary>
public sealed class TelemetryOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "FrontDesk:Telemetry";

    /// <summary>OTLP endpoint, e.g. http://localhost:4317 (gRPC) or http://localhost:4318 (HTTP). Falls back to OTEL_EXPORTER_OTLP_ENDPOINT; unset: no export.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>grpc or http/protobuf (OTEL_EXPORTER_OTLP_PROTOCOL); grpc by default.</summary>
    public string? OtlpProtocol { get; set; }

    /// <summary>Service name reported with every span and metric.</summary>
    public string ServiceName { get; set; } = "frontdesk-agent";
}

/// <summary>Builds the OpenTelemetry providers (the SDK directly: the hosting extension package is not available).</summary>
public static class TelemetryRegistration
{
    /// <summary>
    /// Registers <see cref="FrontDeskTelemetry"/>, and when an OTLP endpoint is configured a TracerProvider and a
    /// MeterProvider exporting over OTLP; both are singletons, so the host flushes and disposes them on shutdown.
    /// </summary>
    public static WebApplicationBuilder AddFrontDeskTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<FrontDeskTelemetry>();
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var endpoint = options.OtlpEndpoint is { Length: > 0 } e ? e : builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        string? problem = null;
        Uri? endpointUri = null;
        if (!string.IsNullOrWhiteSpace(endpoint) && (!Uri.TryCreate(endpoint, UriKind.Absolute, out endpointUri) || endpointUri.Scheme is not ("http" or "https")))
        {
            problem = $"{TelemetryOptions.Section}:OtlpEndpoint (or OTEL_EXPORTER_OTLP_ENDPOINT) '{endpoint}' must be an http(s) URL such as http://localhost:4317.";
        }
        var protocolName = options.OtlpProtocol ?? builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] ?? "grpc";
        OtlpExportProtocol? parsed = protocolName switch
        {
            "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            _ => null,
        };
        if (parsed is null)
        {
            problem ??= $"{TelemetryOptions.Section}:OtlpProtocol (or OTEL_EXPORTER_OTLP_PROTOCOL) '{protocolName}' must be grpc or http/protobuf.";
        }
        if (problem is not null)
        {
            // Reported by start-up validation with the key named, like every other bad setting.
            builder.Services.AddOptions<TelemetryOptions>().Validate(_ => false, problem).ValidateOnStart();
            return builder;
        }
        if (endpointUri is null)
        {
            return builder; // no endpoint: nothing exported
        }
        var protocol = parsed!.Value;
        var baseUri = endpointUri!;
        var resource = ResourceBuilder.CreateDefault().AddService(options.ServiceName);

        // With HTTP/protobuf the SDK posts to the endpoint as given, so the signal path is added here.
        Uri SignalUri(string path) => protocol == OtlpExportProtocol.HttpProtobuf && baseUri.AbsolutePath == "/"
            ? new Uri(baseUri, path) : baseUri;

        builder.Services.AddSingleton(_ => Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(FrontDeskTelemetry.MeterName, "Microsoft.AspNetCore")
            .AddOtlpExporter(o => { o.Endpoint = SignalUri("v1/traces"); o.Protocol = protocol; })
            .Build());
        builder.Services.AddSingleton(_ => Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(FrontDeskTelemetry.MeterName)
            .AddOtlpExporter(o => { o.Endpoint = SignalUri("v1/metrics"); o.Protocol = protocol; })
            .Build());
        builder.Services.AddHostedService<TelemetryStarter>();
        return builder;
    }

    // Singletons are built lazily; taking them in the constructor builds them when the host starts, so spans are captured
    // from the first request. They are held here because at stop the service provider may already be disposed: under
    // WebApplicationFactory the entry point's RunAsync stops and disposes the host while the factory is stopping it too.
    private sealed class TelemetryStarter(TracerProvider tracing, MeterProvider metrics) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken)
        {
            try
            {
                tracing.ForceFlush(5000);
                metrics.ForceFlush(5000);
            }
            catch (ObjectDisposedException)
            {
                // Already disposed by the container, which flushed it then.
            }
            return Task.CompletedTask;
        }
    }
}
