using Microsoft.Extensions.AI;

namespace FrontDesk.Agent.Brains;

/// <summary>Builds the remote <see cref="IChatClient"/> that <see cref="LlmOptions"/> asks for.</summary>
public static class ChatClientFactory
{
    /// <summary>
    /// Creates the client for a remote provider, reading the API key from the environment variable named by
    /// <see cref="LlmOptions.ApiKeyEnvironmentVariable"/>. Returns null for <see cref="LlmProvider.Embedded"/>,
    /// which is not reached over HTTP.
    /// </summary>
    /// <param name="options">The <c>FrontDesk:Llm</c> settings.</param>
    /// <param name="httpClient">An optional HTTP client (tests, proxies); owned by the caller.</param>
    /// <exception cref="InvalidOperationException">The options are invalid; the message names each bad key.</exception>
    public static IChatClient? Create(LlmOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == LlmProvider.Embedded)
        {
            return null;
        }

        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", errors));
        }

        var apiKey = Environment.GetEnvironmentVariable(options.ApiKeyEnvironmentVariable);
        return new OpenAICompatibleChatClient(options, apiKey, httpClient);
    }
}
