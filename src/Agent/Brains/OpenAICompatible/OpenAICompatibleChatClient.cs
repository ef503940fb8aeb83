using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using ChatFinishReason = Microsoft.Extensions.AI.ChatFinishReason;

namespace FrontDesk.Agent.Brains;

/// <summary>
/// An <see cref="IChatClient"/> over any Chat Completions endpoint: OpenAI, Azure OpenAI (v1 surface) or a
/// compatible server such as Ollama or vLLM. Every failure to get an answer surfaces as
/// <see cref="LlmUnavailableException"/> so the agent can fall back.
/// </summary>
/// <remarks>
/// Requests are not retried: a guest is waiting on the line, and falling back at once beats a retry storm.
/// Azure OpenAI is called at <c>{Endpoint}/openai/v1/chat/completions</c> with the key in the <c>api-key</c>
/// header and the deployment name as the model; other providers get <c>Authorization: Bearer {key}</c>.
/// </remarks>
public sealed class OpenAICompatibleChatClient : IChatClient
{
    /// <summary>Sent as the key to compatible servers that need none (Ollama, llama.cpp); they ignore it.</summary>
    internal const string PlaceholderApiKey = "no-key";

    private static readonly Uri OpenAIPublicEndpoint = new("https://api.openai.com/v1");

    private readonly OpenAIClient _openAI;
    private readonly ConcurrentDictionary<string, ChatClient> _chatClients = new(StringComparer.Ordinal);
    private readonly string _defaultModel;
    private readonly float? _defaultTemperature;
    private readonly string? _apiKey;
    private readonly ChatClientMetadata _metadata;

    /// <summary>Creates a client for the given options.</summary>
    /// <param name="options">Validated options; <see cref="LlmOptions.Provider"/> must not be <c>Embedded</c>.</param>
    /// <param name="apiKey">The API key (read from the environment by the caller); null or empty sends a placeholder.</param>
    /// <param name="httpClient">An optional HTTP client (tests, proxies); owned by the caller.</param>
    public OpenAICompatibleChatClient(LlmOptions options, string? apiKey, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == LlmProvider.Embedded)
        {
            throw new ArgumentException("The embedded engine is not reached over HTTP.", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            throw new ArgumentException($"{LlmOptions.Section}:{nameof(LlmOptions.Model)} is required.", nameof(options));
        }

        _defaultModel = options.Model;
        _defaultTemperature = options.Temperature;
        _apiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey;

        var endpoint = ResolveEndpoint(options);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            UserAgentApplicationId = "frontdesk-agent",
        };
        if (httpClient is not null)
        {
            clientOptions.Transport = new HttpClientPipelineTransport(httpClient);
        }

        if (options.Provider == LlmProvider.AzureOpenAI)
        {
            // Runs last, after the SDK's bearer authentication: Azure wants the key in "api-key" and would try to
            // read a bearer token as an Entra ID token.
            clientOptions.AddPolicy(new AzureRequestPolicy(_apiKey, options.AzureApiVersion), PipelinePosition.BeforeTransport);
        }

        _openAI = new OpenAIClient(new ApiKeyCredential(_apiKey ?? PlaceholderApiKey), clientOptions);
        _metadata = new ChatClientMetadata(ProviderName(options.Provider), endpoint ?? OpenAIPublicEndpoint, _defaultModel);
    }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var client = ChatClientFor(options?.ModelId);
        var wireMessages = OpenAIWireMapping.ToWireMessages(messages, options);
        var wireOptions = OpenAIWireMapping.ToWireOptions(options, _defaultTemperature);

        ChatCompletion completion;
        try
        {
            completion = (await client.CompleteChatAsync(wireMessages, wireOptions, cancellationToken)).Value;
        }
        catch (Exception ex) when (Translate(ex, cancellationToken) is { } unavailable)
        {
            throw unavailable;
        }

        return OpenAIWireMapping.FromCompletion(completion);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AIChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var client = ChatClientFor(options?.ModelId);
        var wireMessages = OpenAIWireMapping.ToWireMessages(messages, options);
        var wireOptions = OpenAIWireMapping.ToWireOptions(options, _defaultTemperature);

        var stream = new StreamedReply();
        var updates = client.CompleteChatStreamingAsync(wireMessages, wireOptions, cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                StreamingChatCompletionUpdate update;
                try
                {
                    // The request goes out on the first MoveNext, so errors surface here, mid-iteration.
                    if (!await updates.MoveNextAsync())
                    {
                        break;
                    }

                    update = updates.Current;
                }
                catch (Exception ex) when (Translate(ex, cancellationToken) is { } unavailable)
                {
                    throw unavailable;
                }

                if (stream.Accept(update) is { } textDelta)
                {
                    yield return textDelta;
                }
            }
        }
        finally
        {
            await updates.DisposeAsync();
        }

        yield return stream.Final();
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return _metadata;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <summary>Nothing to release: the HTTP client, when given, belongs to the caller.</summary>
    public void Dispose()
    {
    }

    private ChatClient ChatClientFor(string? modelId) =>
        _chatClients.GetOrAdd(string.IsNullOrWhiteSpace(modelId) ? _defaultModel : modelId, _openAI.GetChatClient);

    private static Uri? ResolveEndpoint(LlmOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Endpoint))
        {
            return options.Provider == LlmProvider.OpenAI
                ? null
                : throw new ArgumentException($"{LlmOptions.Section}:{nameof(LlmOptions.Endpoint)} is required when Provider is {options.Provider}.", nameof(options));
        }

        var endpoint = options.Endpoint.Trim().TrimEnd('/');
        if (options.Provider == LlmProvider.AzureOpenAI && !endpoint.EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase))
        {
            // Azure's OpenAI-compatible v1 surface: the deployment name goes in "model", no api-version needed.
            endpoint += "/openai/v1";
        }

        return new Uri(endpoint + "/", UriKind.Absolute);
    }

    private static string ProviderName(LlmProvider provider) => provider switch
    {
        LlmProvider.OpenAI => "openai",
        LlmProvider.AzureOpenAI => "azure.ai.openai",
        _ => "openai-compatible",
    };

    private LlmUnavailableException? Translate(Exception ex, CancellationToken cancellationToken)
    {
        var where = $"{_metadata.ProviderName} at {_metadata.ProviderUri?.GetLeftPart(UriPartial.Path)}";
        switch (ex)
        {
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                // The caller hung up: that is not an outage, let the cancellation through.
                return null;
            case OperationCanceledException or TimeoutException:
                return new LlmUnavailableException(
                    $"The model ({where}) did not answer within the configured timeout.", LlmFailureKind.Timeout, null, ex);
            case ClientResultException { Status: 0 } network:
                return new LlmUnavailableException(
                    $"The model ({where}) could not be reached: {Redact(network.InnerException?.Message ?? "no response")}",
                    LlmFailureKind.Network, null, network.InnerException);
            case ClientResultException http:
                // No inner exception: the SDK's message embeds the raw response body, which we only pass on redacted.
                return new LlmUnavailableException(
                    $"The model ({where}) answered HTTP {http.Status}{ErrorDetail(http)}.", LlmFailureKind.HttpError, http.Status, null);
            case HttpRequestException or IOException:
                return new LlmUnavailableException(
                    $"The model ({where}) could not be reached: {Redact(ex.Message)}", LlmFailureKind.Network, null, ex);
            case JsonException or FormatException:
                return new LlmUnavailableException(
                    $"The model ({where}) sent a reply that is not a chat completion.", LlmFailureKind.InvalidResponse, null, null);
            default:
                return null;
        }
    }

    private string ErrorDetail(ClientResultException http)
    {
        string? detail = null;
        try
        {
            var body = http.GetRawResponse()?.Content?.ToString();
            if (!string.IsNullOrWhiteSpace(body))
            {
                detail = body;
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.ValueKind == JsonValueKind.Object
                    && json.RootElement.TryGetProperty("error", out var error))
                {
                    detail = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message)
                        ? message.ToString()
                        : error.ToString();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): keep the raw text, shortened below.
        }

        if (string.IsNullOrWhiteSpace(detail))
        {
            return string.Empty;
        }

        detail = Redact(detail.ReplaceLineEndings(" ").Trim());
        return ": " + (detail.Length > 300 ? detail[..300] + "…" : detail);
    }

    /// <summary>Some servers echo the key back in error messages; it must never reach a log.</summary>
    private string Redact(string text) =>
        _apiKey is null ? text : text.Replace(_apiKey, "[redacted]", StringComparison.Ordinal);

    /// <summary>
    /// Moves the key from <c>Authorization: Bearer</c> to the <c>api-key</c> header Azure OpenAI expects, and adds
    /// <c>api-version</c> when the resource asks for one.
    /// </summary>
    private sealed class AzureRequestPolicy(string? apiKey, string? apiVersion) : PipelinePolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            Rewrite(message);
            ProcessNext(message, pipeline, currentIndex);
        }

        public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            Rewrite(message);
            await ProcessNextAsync(message, pipeline, currentIndex);
        }

        private void Rewrite(PipelineMessage message)
        {
            message.Request.Headers.Remove("Authorization");
            if (apiKey is not null)
            {
                message.Request.Headers.Set("api-key", apiKey);
            }

            if (string.IsNullOrWhiteSpace(apiVersion) || message.Request.Uri is not { } uri)
            {
                return;
            }

            var builder = new UriBuilder(uri);
            var query = builder.Query.TrimStart('?');
            var parameter = "api-version=" + Uri.EscapeDataString(apiVersion);
            builder.Query = query.Length == 0 ? parameter : query + "&" + parameter;
            message.Request.Uri = builder.Uri;
        }
    }

    /// <summary>Accumulates one streamed reply: text passes straight through, tool calls arrive in fragments.</summary>
    private sealed class StreamedReply
    {
        private readonly SortedDictionary<int, (string? Id, string? Name, StringBuilder Arguments)> _toolCalls = [];
        private string? _responseId;
        private string? _modelId;
        private DateTimeOffset? _createdAt;
        private ChatFinishReason? _finishReason;
        private UsageDetails? _usage;

        public ChatResponseUpdate? Accept(StreamingChatCompletionUpdate update)
        {
            _responseId ??= NullIfEmpty(update.CompletionId);
            _modelId ??= NullIfEmpty(update.Model);
            _createdAt ??= update.CreatedAt == default ? null : update.CreatedAt;
            _finishReason = OpenAIWireMapping.ToFinishReason(update.FinishReason) ?? _finishReason;
            _usage = OpenAIWireMapping.ToUsage(update.Usage) ?? _usage;

            foreach (var fragment in update.ToolCallUpdates)
            {
                var call = _toolCalls.TryGetValue(fragment.Index, out var existing) ? existing : (null, null, new StringBuilder());
                call.Id ??= NullIfEmpty(fragment.ToolCallId);
                call.Name ??= NullIfEmpty(fragment.FunctionName);
                if (fragment.FunctionArgumentsUpdate is { } arguments && !arguments.ToMemory().IsEmpty)
                {
                    call.Arguments.Append(arguments.ToString());
                }

                _toolCalls[fragment.Index] = call;
            }

            var text = string.Concat(update.ContentUpdate.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
            if (text.Length == 0)
            {
                return null;
            }

            return new ChatResponseUpdate(ChatRole.Assistant, text)
            {
                ResponseId = _responseId,
                MessageId = _responseId,
                ModelId = _modelId,
                CreatedAt = _createdAt,
                RawRepresentation = update,
            };
        }

        public ChatResponseUpdate Final()
        {
            var contents = new List<AIContent>();
            foreach (var (_, call) in _toolCalls)
            {
                if (call.Name is null)
                {
                    continue;
                }

                contents.Add(OpenAIWireMapping.ToFunctionCall(call.Id, call.Name, call.Arguments.ToString()));
            }

            if (_usage is not null)
            {
                contents.Add(new UsageContent(_usage));
            }

            return new ChatResponseUpdate(ChatRole.Assistant, contents)
            {
                ResponseId = _responseId,
                MessageId = _responseId,
                ModelId = _modelId,
                CreatedAt = _createdAt,
                FinishReason = _finishReason,
            };
        }

        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
