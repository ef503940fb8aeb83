using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FrontDesk.Agent.Brains;

/// <summary>One request as the fake server saw it.</summary>
internal sealed record RecordedRequest(string Path, string Query, IReadOnlyDictionary<string, string> Headers, JsonNode Body);

/// <summary>
/// A Chat Completions server on real Kestrel, loopback only: records each request and plays back scripted replies
/// in order. Serves the OpenAI path <c>/v1/chat/completions</c> and the Azure v1 path <c>/openai/v1/chat/completions</c>.
/// </summary>
internal sealed class FakeChatCompletionsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _replies = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _arrivals;

    private FakeChatCompletionsServer(WebApplication app) => _app = app;

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The endpoint a Compatible or OpenAI provider is configured with.</summary>
    public string V1Endpoint => new Uri(BaseAddress, "v1").ToString();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Requests that reached the server, also those the client gave up on before their body was read.</summary>
    public int Arrivals => Volatile.Read(ref _arrivals);

    public RecordedRequest SingleRequest => Assert.Single(Requests);

    public static async Task<FakeChatCompletionsServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeChatCompletionsServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        app.MapPost("/openai/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return server;
    }

    public void ReplyJson(string json, int status = 200, params (string Name, string Value)[] headers) => _replies.Enqueue(async context =>
    {
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted);
    });

    public void ReplyCompletion(JsonObject message, string finishReason = "stop") =>
        ReplyJson(ChatWire.Completion(message, finishReason).ToJsonString());

    /// <summary>Server-sent events: each chunk as <c>data: {...}</c>, then <c>data: [DONE]</c>.</summary>
    public void ReplyStream(params JsonObject[] chunks) => ReplyStream(Task.CompletedTask, chunks);

    /// <summary>As <see cref="ReplyStream(JsonObject[])"/>, holding back every chunk after the first until <paramref name="gate"/> completes.</summary>
    public void ReplyStream(Task gate, params JsonObject[] chunks) => _replies.Enqueue(async context =>
    {
        context.Response.ContentType = "text/event-stream";
        foreach (var (chunk, index) in chunks.Select((c, i) => (c, i)))
        {
            if (index == 1)
            {
                await gate.WaitAsync(context.RequestAborted);
            }

            await context.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }

        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
    });

    /// <summary>Accepts the request and never answers (until the client gives up and disconnects).</summary>
    public void ReplyNever() => _replies.Enqueue(async context =>
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client hung up, as expected.
        }
    });

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _arrivals);
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new RecordedRequest(
            context.Request.Path, context.Request.QueryString.Value ?? "", headers, JsonNode.Parse(body)!));

        if (_replies.TryDequeue(out var reply))
        {
            await reply(context);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsync("""{"error":{"message":"no scripted reply"}}""");
        }
    }
}

/// <summary>Builds Chat Completions wire JSON, as a server would send it.</summary>
internal static class ChatWire
{
    public static JsonObject Completion(JsonObject message, string finishReason = "stop") => new()
    {
        ["id"] = "chatcmpl-123",
        ["object"] = "chat.completion",
        ["created"] = 1_763_700_000,
        ["model"] = "test-model-0613",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = message,
            ["finish_reason"] = finishReason,
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 42, ["completion_tokens"] = 7, ["total_tokens"] = 49 },
    };

    public static JsonObject AssistantText(string text) => new() { ["role"] = "assistant", ["content"] = text };

    public static JsonObject ToolCall(string id, string name, string argumentsJson) => new()
    {
        ["id"] = id,
        ["type"] = "function",
        ["function"] = new JsonObject { ["name"] = name, ["arguments"] = argumentsJson },
    };

    public static JsonObject AssistantToolCalls(params JsonObject[] calls) => new()
    {
        ["role"] = "assistant",
        ["content"] = null,
        ["tool_calls"] = new JsonArray([.. calls]),
    };

    public static JsonObject Chunk(JsonObject delta, string? finishReason = null) => new()
    {
        ["id"] = "chatcmpl-stream-1",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_763_700_000,
        ["model"] = "test-model-0613",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["delta"] = delta,
            ["finish_reason"] = finishReason,
        }),
    };

    public static JsonObject TextDelta(string text) => new() { ["content"] = text };

    public static JsonObject ToolCallDelta(int index, string? id, string? name, string arguments)
    {
        var function = new JsonObject { ["arguments"] = arguments };
        if (name is not null)
        {
            function["name"] = name;
        }

        var call = new JsonObject { ["index"] = index, ["function"] = function };
        if (id is not null)
        {
            call["id"] = id;
            call["type"] = "function";
        }

        return new JsonObject { ["tool_calls"] = new JsonArray(call) };
    }

    public static JsonDocument ParseArguments(JsonNode? argumentsString) => JsonDocument.Parse(argumentsString!.GetValue<string>());
}
