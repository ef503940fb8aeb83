using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace FrontDesk.Agent.Brains;

/// <summary>
/// An <see cref="IChatClient"/> over any Chat Completions endpoint: OpenAI, Azure OpenAI (v1 surface) or a
/// compatible server such as Ollama or vLLM. The wire mapping is the OpenAI SDK's own
/// (<c>ChatClient.AsIChatClient()</c> from Microsoft.Extensions.AI.OpenAI); this class adds the configured model and
/// temperature, retries, one deadline per request, and turns every failure to get an answer into
/// <see cref="LlmUnavailableException"/> so the agent can fall back.
/// </summary>
/// <remarks>
/// A 408, 429 or 5xx answer (or a dropped connection) is retried <see cref="LlmOptions.MaxRetries"/> times with the
/// SDK's exponential backoff, honouring the server's <c>Retry-After</c>; all tries share the one
/// <see cref="LlmOptions.TimeoutSeconds"/> deadline, because a guest is waiting and falling back beats a retry storm.
/// Azure OpenAI is called at <c>{Endpoint}/openai/v1/chat/completions</c> with the key in the <c>api-key</c>
/// header and the deployment name as the model; other providers get <c>Authorization: Bearer {key}</c>.
/// </remarks>
public sealed class OpenAICompatibleChatClient : IChatClient
{
    /// <summary>Sent as the key to compatible servers that need none (Ollama, llama.cpp); they ignore it.</summary>
    internal const string PlaceholderApiKey = "no-key";

    private static readonly Uri OpenAIPublicEndpoint = new("https://api.openai.com/v1");

    private readonly OpenAIClient _openAI;
    private readonly ConcurrentDictionary<string, IChatClient> _chatClients = new(StringComparer.Ordinal);
    private readonly string _defaultModel;
    private readonly float? _defaultTemperature;
    private readonly TimeSpan _timeout;
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
        _timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        _apiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey;

        var endpoint = ResolveEndpoint(options);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            NetworkTimeout = _timeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries: options.MaxRetries),
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
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            return await ChatClientFor(options?.ModelId).GetResponseAsync(messages, WithDefaults(options), deadline.Token);
        }
        catch (Exception ex) when (Translate(ex, cancellationToken) is { } unavailable)
        {
            throw unavailable;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AIChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        var updates = ChatClientFor(options?.ModelId).GetStreamingResponseAsync(messages, WithDefaults(options), deadline.Token)
            .GetAsyncEnumerator(deadline.Token);
        try
        {
            while (true)
            {
                try
                {
                    // The request goes out on the first MoveNext, so errors surface here, mid-iteration.
                    if (!await updates.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (Exception ex) when (Translate(ex, cancellationToken) is { } unavailable)
                {
                    throw unavailable;
                }

                yield return updates.Current;
            }
        }
        finally
        {
            await updates.DisposeAsync();
        }
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

    private IChatClient ChatClientFor(string? modelId) =>
        _chatClients.GetOrAdd(string.IsNullOrWhiteSpace(modelId) ? _defaultModel : modelId, model => _openAI.GetChatClient(model).AsIChatClient());

    private ChatOptions? WithDefaults(ChatOptions? options)
    {
        if (_defaultTemperature is null || options?.Temperature is not null)
        {
            return options;
        }

        var withTemperature = options?.Clone() ?? new ChatOptions();
        withTemperature.Temperature = _defaultTemperature;
        return withTemperature;
    }

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
            case AggregateException { InnerExceptions.Count: > 0 } retried:
                // The SDK's retry policy gives up with every try's failure: the last one says why.
                return Translate(retried.InnerExceptions[^1], cancellationToken);
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
}
