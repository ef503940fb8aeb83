using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using static FrontDesk.Agent.Brains.ChatWire;

namespace FrontDesk.Agent.Brains;

public sealed class OpenAICompatibleChatClientTests : IAsyncLifetime
{
    private const string ApiKey = "sk-test-7c1f0d9e4b2a";

    private FakeChatCompletionsServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeChatCompletionsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Plain_text_reply_maps_text_finish_reason_usage_and_ids()
    {
        _server.ReplyCompletion(AssistantText("We open at nine tomorrow."));
        using var client = Client(temperature: 0.3f);

        var response = await client.GetResponseAsync(
            [new(ChatRole.System, "You are the front desk of Willow Spa."), new(ChatRole.User, "When do you open?")],
            new ChatOptions { MaxOutputTokens = 200 });

        Assert.Equal("We open at nine tomorrow.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal("chatcmpl-123", response.ResponseId);
        Assert.Equal("test-model-0613", response.ModelId);
        Assert.Equal(42, response.Usage?.InputTokenCount);
        Assert.Equal(7, response.Usage?.OutputTokenCount);
        Assert.Equal(49, response.Usage?.TotalTokenCount);

        var request = _server.SingleRequest;
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("spa-model", (string?)request.Body["model"]);
        Assert.Equal(0.3f, (float?)request.Body["temperature"]);
        Assert.Equal(200, (int?)request.Body["max_completion_tokens"]);
        var messages = request.Body["messages"]!.AsArray();
        Assert.Equal(["system", "user"], messages.Select(m => (string?)m!["role"]));
        Assert.Equal("When do you open?", ContentText(messages[1]!));
        Assert.Null(request.Body["tools"]);
    }

    [Fact]
    public async Task Tool_call_reply_carries_declarations_and_maps_to_function_call_with_parsed_arguments()
    {
        _server.ReplyCompletion(
            AssistantToolCalls(ToolCall("call_abc", "find_openings", """{"service":"deep tissue massage","minutes":60}""")),
            finishReason: "tool_calls");
        using var client = Client();
        var findOpenings = AIFunctionFactory.Create(FindOpenings, "find_openings");

        var response = await client.GetResponseAsync(
            [new(ChatRole.User, "Any massage tomorrow?")],
            new ChatOptions { Tools = [findOpenings], ToolMode = ChatToolMode.Auto });

        var tool = Assert.Single(_server.SingleRequest.Body["tools"]!.AsArray())!;
        Assert.Equal("function", (string?)tool["type"]);
        Assert.Equal("find_openings", (string?)tool["function"]!["name"]);
        Assert.Equal("Finds open appointment slots for a service.", (string?)tool["function"]!["description"]);
        var parameters = tool["function"]!["parameters"]!;
        Assert.Equal("object", (string?)parameters["type"]);
        Assert.Equal("string", (string?)parameters["properties"]!["service"]!["type"]);
        Assert.Equal("The service name, as the guest said it.", (string?)parameters["properties"]!["service"]!["description"]);
        Assert.Equal("integer", (string?)parameters["properties"]!["minutes"]!["type"]);
        Assert.Contains("service", parameters["required"]!.AsArray().Select(n => (string?)n));
        Assert.Equal("auto", (string?)_server.SingleRequest.Body["tool_choice"]);

        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("call_abc", call.CallId);
        Assert.Equal("find_openings", call.Name);
        Assert.Null(call.Exception);
        Assert.Equal("deep tissue massage", call.Arguments!["service"]?.ToString());
        Assert.Equal(60, ((JsonElement)call.Arguments["minutes"]!).GetInt32());
    }

    [Theory]
    [InlineData("none")]
    [InlineData("required")]
    public async Task Tool_mode_is_sent_as_tool_choice(string expected)
    {
        _server.ReplyCompletion(AssistantText("ok"));
        using var client = Client();

        await client.GetResponseAsync(
            [new(ChatRole.User, "hi")],
            new ChatOptions
            {
                Tools = [AIFunctionFactory.Create(FindOpenings, "find_openings")],
                ToolMode = expected == "none" ? ChatToolMode.None : ChatToolMode.RequireAny,
            });

        Assert.Equal(expected, (string?)_server.SingleRequest.Body["tool_choice"]);
    }

    [Fact]
    public async Task Follow_up_request_carries_assistant_tool_calls_and_tool_result_messages()
    {
        _server.ReplyCompletion(AssistantText("I have 2:15 or 4:30."));
        using var client = Client();
        var arguments = new Dictionary<string, object?> { ["service"] = "massage", ["minutes"] = 60 };
        var result = new { openings = new[] { "14:15", "16:30" } };

        var response = await client.GetResponseAsync(
        [
            new(ChatRole.User, "Any massage tomorrow?"),
            new(ChatRole.Assistant, [new TextContent("Let me look."), new FunctionCallContent("call_abc", "find_openings", arguments)]),
            new(ChatRole.Tool, [new FunctionResultContent("call_abc", result)]),
        ]);

        Assert.Equal("I have 2:15 or 4:30.", response.Text);
        var messages = _server.SingleRequest.Body["messages"]!.AsArray();
        Assert.Equal(["user", "assistant", "tool"], messages.Select(m => (string?)m!["role"]));

        var assistant = messages[1]!;
        Assert.Equal("Let me look.", ContentText(assistant));
        var toolCall = Assert.Single(assistant["tool_calls"]!.AsArray())!;
        Assert.Equal("call_abc", (string?)toolCall["id"]);
        Assert.Equal("function", (string?)toolCall["type"]);
        Assert.Equal("find_openings", (string?)toolCall["function"]!["name"]);
        using (var sent = ParseArguments(toolCall["function"]!["arguments"]))
        {
            Assert.Equal("massage", sent.RootElement.GetProperty("service").GetString());
            Assert.Equal(60, sent.RootElement.GetProperty("minutes").GetInt32());
        }

        var tool = messages[2]!;
        Assert.Equal("call_abc", (string?)tool["tool_call_id"]);
        using var content = JsonDocument.Parse(ContentText(tool));
        Assert.Equal(["14:15", "16:30"], content.RootElement.GetProperty("openings").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Streaming_text_yields_each_delta_as_it_arrives_then_the_finish_reason()
    {
        _server.ReplyStream(
            Chunk(new JsonObject { ["role"] = "assistant", ["content"] = "" }),
            Chunk(TextDelta("We open ")),
            Chunk(TextDelta("at nine.")),
            Chunk(new JsonObject(), finishReason: "stop"));
        using var client = Client();

        var updates = await ToListAsync(client.GetStreamingResponseAsync([new(ChatRole.User, "When do you open?")]));

        Assert.Equal(["We open ", "at nine."], updates.Where(u => u.Text.Length > 0).Select(u => u.Text));
        Assert.Equal("We open at nine.", updates.ToChatResponse().Text);
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
        Assert.All(updates, u => Assert.Equal("chatcmpl-stream-1", u.ResponseId));
        Assert.True((bool?)_server.SingleRequest.Body["stream"]);
    }

    [Fact]
    public async Task Streaming_text_delta_reaches_the_caller_before_the_reply_is_complete()
    {
        var restOfReply = new TaskCompletionSource();
        _server.ReplyStream(restOfReply.Task, Chunk(TextDelta("One moment")), Chunk(TextDelta(", please.")), Chunk(new JsonObject(), "stop"));
        using var client = Client();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        await using var updates = client.GetStreamingResponseAsync([new(ChatRole.User, "hi")], cancellationToken: deadline.Token)
            .GetAsyncEnumerator(deadline.Token);

        Assert.True(await updates.MoveNextAsync());
        Assert.Equal("One moment", updates.Current.Text);
        restOfReply.SetResult();
        Assert.True(await updates.MoveNextAsync());
        Assert.Equal(", please.", updates.Current.Text);
    }

    [Fact]
    public async Task Reply_that_is_not_a_chat_completion_becomes_LlmUnavailableException()
    {
        _server.ReplyJson("<html>502 Bad Gateway</html>");
        using var client = Client();

        var error = await Assert.ThrowsAsync<LlmUnavailableException>(
            () => client.GetResponseAsync([new(ChatRole.User, "hi")]));

        Assert.Equal(LlmFailureKind.InvalidResponse, error.Kind);
    }

    [Fact]
    public async Task Streaming_tool_calls_split_across_chunks_are_assembled_by_index()
    {
        _server.ReplyStream(
            Chunk(ToolCallDelta(0, "call_1", "find_openings", "")),
            Chunk(ToolCallDelta(0, null, null, """{"serv""")),
            Chunk(ToolCallDelta(1, "call_2", "faq_lookup", """{"topic":""")),
            Chunk(ToolCallDelta(0, null, null, """ice":"facial"}""")),
            Chunk(ToolCallDelta(1, null, null, "\"parking\"}")),
            Chunk(new JsonObject(), finishReason: "tool_calls"));
        using var client = Client();

        var updates = await ToListAsync(client.GetStreamingResponseAsync(
            [new(ChatRole.User, "Facial tomorrow, and where do I park?")],
            new ChatOptions { Tools = [AIFunctionFactory.Create(FindOpenings, "find_openings")] }));

        var calls = updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().ToList();
        Assert.Equal(["call_1", "call_2"], calls.Select(c => c.CallId));
        Assert.Equal(["find_openings", "faq_lookup"], calls.Select(c => c.Name));
        Assert.Equal("facial", calls[0].Arguments!["service"]?.ToString());
        Assert.Equal("parking", calls[1].Arguments!["topic"]?.ToString());
        Assert.Equal(ChatFinishReason.ToolCalls, updates[^1].FinishReason);
        Assert.Same(updates[^1], updates.Single(u => u.Contents.OfType<FunctionCallContent>().Any()));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(429)]
    [InlineData(401)]
    public async Task Http_error_becomes_LlmUnavailableException_with_status(int status)
    {
        _server.ReplyJson($$$"""{"error":{"message":"Upstream said no to key {{{ApiKey}}}","type":"server_error"}}""", status);
        using var client = Client(maxRetries: 0);

        var error = await Assert.ThrowsAsync<LlmUnavailableException>(
            () => client.GetResponseAsync([new(ChatRole.User, "hi")]));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(LlmFailureKind.HttpError, error.Kind);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains("Upstream said no", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, error.ToString(), StringComparison.Ordinal);
        Assert.Single(_server.Requests); // MaxRetries 0: the caller falls back at once
    }

    [Fact]
    public async Task Too_many_requests_is_retried_after_the_servers_retry_after_and_then_answers()
    {
        _server.ReplyJson("""{"error":{"message":"Rate limit reached"}}""", 429, ("retry-after-ms", "50"));
        _server.ReplyCompletion(AssistantText("hello again"));
        using var client = Client(maxRetries: 1);

        var response = await client.GetResponseAsync([new(ChatRole.User, "hi")]);

        Assert.Equal("hello again", response.Text);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Server_errors_are_retried_up_to_the_limit_then_reported_unavailable()
    {
        _server.ReplyJson("""{"error":{"message":"overloaded"}}""", 503, ("retry-after-ms", "10"));
        _server.ReplyJson("""{"error":{"message":"overloaded"}}""", 503, ("retry-after-ms", "10"));
        _server.ReplyCompletion(AssistantText("too late"));
        using var client = Client(maxRetries: 1);

        var error = await Assert.ThrowsAsync<LlmUnavailableException>(() => client.GetResponseAsync([new(ChatRole.User, "hi")]));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_refused_key_is_not_retried()
    {
        _server.ReplyJson("""{"error":{"message":"Incorrect API key provided"}}""", 401);
        _server.ReplyCompletion(AssistantText("never"));
        using var client = Client(maxRetries: 3);

        var error = await Assert.ThrowsAsync<LlmUnavailableException>(() => client.GetResponseAsync([new(ChatRole.User, "hi")]));

        Assert.Equal(401, error.StatusCode);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Http_error_while_streaming_becomes_LlmUnavailableException()
    {
        _server.ReplyJson("""{"error":{"message":"overloaded"}}""", 503);
        using var client = Client(maxRetries: 0);

        var error = await Assert.ThrowsAsync<LlmUnavailableException>(
            () => ToListAsync(client.GetStreamingResponseAsync([new(ChatRole.User, "hi")])));

        Assert.Equal(503, error.StatusCode);
    }

    [Fact]
    public async Task Server_that_never_answers_within_the_timeout_becomes_LlmUnavailableException()
    {
        _server.ReplyNever();
        using var client = Client(timeoutSeconds: 1);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<LlmUnavailableException>(
            () => client.GetResponseAsync([new(ChatRole.User, "hi")]));

        Assert.Equal(LlmFailureKind.Timeout, error.Kind);
        Assert.Null(error.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"gave up after {clock.Elapsed}");
    }

    [Fact]
    public async Task Caller_cancellation_is_not_reported_as_an_outage()
    {
        _server.ReplyNever();
        using var client = Client(timeoutSeconds: 30);
        using var hangUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: hangUp.Token));

        Assert.IsNotType<LlmUnavailableException>(error);
    }

    [Fact]
    public async Task Unreachable_server_becomes_LlmUnavailableException()
    {
        using var client = new OpenAICompatibleChatClient(
            Options(LlmProvider.Compatible, $"http://127.0.0.1:{ClosedPort()}/v1"), ApiKey);

        var error = await Assert.ThrowsAsync<LlmUnavailableException>(
            () => client.GetResponseAsync([new(ChatRole.User, "hi")]));

        Assert.Equal(LlmFailureKind.Network, error.Kind);
        Assert.DoesNotContain(ApiKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorization_header_carries_the_key_from_the_configured_environment_variable()
    {
        var variable = "FRONTDESK_TEST_LLM_KEY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, ApiKey);
        try
        {
            _server.ReplyCompletion(AssistantText("hello"));
            _server.ReplyJson("""{"error":{"message":"Incorrect API key provided"}}""", 401);
            var options = Options(LlmProvider.OpenAI, _server.V1Endpoint);
            options.ApiKeyEnvironmentVariable = variable;
            using var client = ChatClientFactory.Create(options)!;

            await client.GetResponseAsync([new(ChatRole.User, "hi")]);
            var error = await Assert.ThrowsAsync<LlmUnavailableException>(() => client.GetResponseAsync([new(ChatRole.User, "hi")]));

            Assert.All(_server.Requests, r => Assert.Equal($"Bearer {ApiKey}", r.Headers["Authorization"]));
            Assert.Equal(401, error.StatusCode);
            Assert.DoesNotContain(ApiKey, error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Compatible_server_without_a_key_gets_a_placeholder()
    {
        _server.ReplyCompletion(AssistantText("hello"));
        using var client = new OpenAICompatibleChatClient(Options(LlmProvider.Compatible, _server.V1Endpoint), apiKey: null);

        await client.GetResponseAsync([new(ChatRole.User, "hi")]);

        Assert.Equal($"Bearer {OpenAICompatibleChatClient.PlaceholderApiKey}", _server.SingleRequest.Headers["Authorization"]);
    }

    [Fact]
    public async Task Azure_uses_the_v1_path_the_api_key_header_and_the_deployment_as_model()
    {
        _server.ReplyCompletion(AssistantText("hello"));
        var options = Options(LlmProvider.AzureOpenAI, _server.BaseAddress.ToString());
        options.Model = "spa-gpt4o-deployment";
        options.AzureApiVersion = "preview";
        using var client = new OpenAICompatibleChatClient(options, ApiKey);

        await client.GetResponseAsync([new(ChatRole.User, "hi")]);

        var request = _server.SingleRequest;
        Assert.Equal("/openai/v1/chat/completions", request.Path);
        Assert.Equal("?api-version=preview", request.Query);
        Assert.Equal(ApiKey, request.Headers["api-key"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.Equal("spa-gpt4o-deployment", (string?)request.Body["model"]);
    }

    [Fact]
    public async Task Injected_http_client_carries_the_requests()
    {
        _server.ReplyCompletion(AssistantText("hello"));
        using var counter = new CountingHandler();
        using var http = new HttpClient(counter);
        using var client = new OpenAICompatibleChatClient(Options(LlmProvider.Compatible, _server.V1Endpoint), ApiKey, http);

        await client.GetResponseAsync([new(ChatRole.User, "hi")]);

        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task Model_id_in_chat_options_overrides_the_configured_model()
    {
        _server.ReplyCompletion(AssistantText("hello"));
        using var client = Client();

        await client.GetResponseAsync([new(ChatRole.User, "hi")], new ChatOptions { ModelId = "bigger-model" });

        Assert.Equal("bigger-model", (string?)_server.SingleRequest.Body["model"]);
    }

    [Fact]
    public async Task Malformed_tool_arguments_are_reported_on_the_call_not_thrown()
    {
        _server.ReplyCompletion(AssistantToolCalls(ToolCall("call_x", "find_openings", "{not json")), "tool_calls");
        using var client = Client();

        var response = await client.GetResponseAsync([new(ChatRole.User, "hi")]);

        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.NotNull(call.Exception);
    }

    [Fact]
    public void Metadata_names_provider_endpoint_and_default_model()
    {
        using var client = Client();

        var metadata = client.GetService<ChatClientMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("openai-compatible", metadata.ProviderName);
        Assert.Equal(new Uri(_server.V1Endpoint + "/"), metadata.ProviderUri);
        Assert.Equal("spa-model", metadata.DefaultModelId);
        Assert.Same(client, client.GetService<OpenAICompatibleChatClient>());
    }

    [Description("Finds open appointment slots for a service.")]
    private static string FindOpenings(
        [Description("The service name, as the guest said it.")] string service,
        [Description("Length in minutes.")] int minutes = 60) => $"{service} {minutes}";

    private OpenAICompatibleChatClient Client(int timeoutSeconds = 10, float? temperature = null, int maxRetries = 1)
    {
        var options = Options(LlmProvider.Compatible, _server.V1Endpoint);
        options.TimeoutSeconds = timeoutSeconds;
        options.MaxRetries = maxRetries;
        options.Temperature = temperature;
        return new OpenAICompatibleChatClient(options, ApiKey);
    }

    private static LlmOptions Options(LlmProvider provider, string endpoint) =>
        new() { Provider = provider, Endpoint = endpoint, Model = "spa-model", TimeoutSeconds = 10 };

    /// <summary>Content is a string or an array of text parts, depending on how the message was built.</summary>
    private static string ContentText(JsonNode message) => message["content"] switch
    {
        JsonArray parts => string.Concat(parts.Select(p => (string?)p!["text"])),
        var value => (string?)value ?? "",
    };

    private static async Task<List<ChatResponseUpdate>> ToListAsync(IAsyncEnumerable<ChatResponseUpdate> updates)
    {
        var list = new List<ChatResponseUpdate>();
        await foreach (var update in updates)
        {
            list.Add(update);
        }

        return list;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class CountingHandler() : DelegatingHandler(new HttpClientHandler())
    {
        public int Count { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Count++;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
