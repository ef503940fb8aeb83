using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace FrontDesk.Agent.Brains;

/// <summary>Which language model answers the front desk.</summary>
public enum LlmProvider
{
    /// <summary>The embedded engine that ships with the agent; no network, no key (the default).</summary>
    Embedded,
    /// <summary>OpenAI's public API (<c>https://api.openai.com/v1</c> unless an endpoint is given).</summary>
    OpenAI,
    /// <summary>An Azure OpenAI resource, called through its OpenAI-compatible <c>/openai/v1/</c> surface.</summary>
    AzureOpenAI,
    /// <summary>Any server speaking the Chat Completions wire format (Ollama, vLLM, LM Studio, llama.cpp…).</summary>
    Compatible,
}

/// <summary>Configuration section <c>FrontDesk:Llm</c>: which model the agent talks to and how.</summary>
/// <remarks>The API key is never configured here: only the name of the environment variable that holds it.</remarks>
public sealed class LlmOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "FrontDesk:Llm";

    /// <summary>The environment variable read for the API key when none is configured.</summary>
    public const string DefaultApiKeyEnvironmentVariable = "FRONTDESK_LLM_API_KEY";

    /// <summary><c>Embedded</c>, <c>OpenAI</c>, <c>AzureOpenAI</c> or <c>Compatible</c>.</summary>
    [EnumDataType(typeof(LlmProvider))]
    public LlmProvider Provider { get; set; } = LlmProvider.Embedded;

    /// <summary>
    /// Base URL of the API. Required for <c>AzureOpenAI</c> (the resource URL, e.g.
    /// <c>https://my-spa.openai.azure.com</c>; <c>/openai/v1/</c> is appended) and for <c>Compatible</c>
    /// (the URL that <c>/chat/completions</c> is appended to, e.g. <c>http://localhost:11434/v1</c>).
    /// Optional for <c>OpenAI</c>, which defaults to the public API.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>The model name; for <c>AzureOpenAI</c>, the deployment name.</summary>
    public string? Model { get; set; }

    /// <summary>
    /// Name of the environment variable that holds the API key (default <c>FRONTDESK_LLM_API_KEY</c>).
    /// Required to be set for <c>OpenAI</c> and <c>AzureOpenAI</c>; <c>Compatible</c> servers such as
    /// Ollama may run without a key.
    /// </summary>
    public string ApiKeyEnvironmentVariable { get; set; } = DefaultApiKeyEnvironmentVariable;

    /// <summary>Seconds to wait for the model before giving up and letting the caller fall back (default 20).</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>
    /// Retries after a 408, 429 or 5xx answer or a dropped connection, with exponential backoff that honours the
    /// server's Retry-After (default 1). All tries share the <see cref="TimeoutSeconds"/> deadline; 0 falls back at once.
    /// </summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 1;

    /// <summary>
    /// When the model fails or times out, answer the turn with the embedded engine (default). When false, the person
    /// gets an apology and staff a call-back escalation instead.
    /// </summary>
    public bool FallbackToEmbedded { get; set; } = true;

    /// <summary>Sampling temperature; unset leaves the provider's default. A per-call value wins.</summary>
    [Range(0.0, 2.0)]
    public float? Temperature { get; set; }

    /// <summary>
    /// Optional <c>api-version</c> query value for <c>AzureOpenAI</c>. The v1 surface needs none; set it only
    /// when the resource asks for one (e.g. <c>preview</c>).
    /// </summary>
    public string? AzureApiVersion { get; set; }

    /// <summary>
    /// Checks the settings that depend on each other, returning one message per problem, each naming its key.
    /// Empty when the options are usable.
    /// </summary>
    /// <param name="readEnvironment">Reads an environment variable; defaults to the process environment.</param>
    public IReadOnlyList<string> Validate(Func<string, string?>? readEnvironment = null)
    {
        readEnvironment ??= Environment.GetEnvironmentVariable;
        var errors = new List<string>();
        if (!Enum.IsDefined(Provider))
        {
            errors.Add($"{Section}:{nameof(Provider)} must be one of {string.Join(", ", Enum.GetNames<LlmProvider>())}.");
            return errors;
        }

        if (Provider == LlmProvider.Embedded)
        {
            return errors;
        }

        if (TimeoutSeconds is < 1 or > 600)
        {
            errors.Add($"{Section}:{nameof(TimeoutSeconds)} must be between 1 and 600.");
        }

        if (MaxRetries is < 0 or > 5)
        {
            errors.Add($"{Section}:{nameof(MaxRetries)} must be between 0 and 5.");
        }

        if (Temperature is < 0 or > 2)
        {
            errors.Add($"{Section}:{nameof(Temperature)} must be between 0 and 2.");
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            errors.Add(Provider == LlmProvider.AzureOpenAI
                ? $"{Section}:{nameof(Model)} (the deployment name) is required when Provider is {Provider}."
                : $"{Section}:{nameof(Model)} is required when Provider is {Provider}.");
        }

        var endpointRequired = Provider is LlmProvider.AzureOpenAI or LlmProvider.Compatible;
        if (string.IsNullOrWhiteSpace(Endpoint))
        {
            if (endpointRequired)
            {
                errors.Add($"{Section}:{nameof(Endpoint)} is required when Provider is {Provider}.");
            }
        }
        else if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{Section}:{nameof(Endpoint)} must be an absolute http or https URL.");
        }

        if (string.IsNullOrWhiteSpace(ApiKeyEnvironmentVariable))
        {
            errors.Add($"{Section}:{nameof(ApiKeyEnvironmentVariable)} must name an environment variable.");
        }
        else if (Provider != LlmProvider.Compatible && string.IsNullOrEmpty(readEnvironment(ApiKeyEnvironmentVariable)))
        {
            // Name the variable, never print its value.
            errors.Add($"Environment variable {ApiKeyEnvironmentVariable} ({Section}:{nameof(ApiKeyEnvironmentVariable)}) must hold the API key when Provider is {Provider}.");
        }

        return errors;
    }
}

/// <summary>
/// Start-up validation for <see cref="LlmOptions"/>, for
/// <c>AddOptions&lt;LlmOptions&gt;().BindConfiguration(LlmOptions.Section).ValidateOnStart()</c>.
/// </summary>
public sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
