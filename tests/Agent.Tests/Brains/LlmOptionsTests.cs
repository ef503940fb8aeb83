namespace FrontDesk.Agent.Brains;

public sealed class LlmOptionsTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Defaults_are_the_embedded_engine_and_need_nothing_else()
    {
        var options = new LlmOptions();

        Assert.Equal(LlmProvider.Embedded, options.Provider);
        Assert.Equal("FRONTDESK_LLM_API_KEY", options.ApiKeyEnvironmentVariable);
        Assert.Equal(20, options.TimeoutSeconds);
        Assert.Equal("FrontDesk:Llm", LlmOptions.Section);
        Assert.Empty(options.Validate(NoEnvironment));
    }

    [Theory]
    [InlineData(LlmProvider.Compatible)]
    [InlineData(LlmProvider.AzureOpenAI)]
    public void Endpoint_is_required_for_Azure_and_Compatible(LlmProvider provider)
    {
        var options = new LlmOptions { Provider = provider, Model = "m" };

        var errors = options.Validate(_ => "key");

        Assert.Contains($"FrontDesk:Llm:Endpoint is required when Provider is {provider}.", errors);
    }

    [Fact]
    public void OpenAI_needs_no_endpoint_but_needs_the_key_variable_set()
    {
        var options = new LlmOptions { Provider = LlmProvider.OpenAI, Model = "gpt-4o-mini" };

        Assert.Empty(options.Validate(name => name == "FRONTDESK_LLM_API_KEY" ? "sk-x" : null));
        var error = Assert.Single(options.Validate(NoEnvironment));
        Assert.Contains("FRONTDESK_LLM_API_KEY", error, StringComparison.Ordinal);
        Assert.Contains("FrontDesk:Llm:ApiKeyEnvironmentVariable", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compatible_server_may_run_without_a_key()
    {
        var options = new LlmOptions { Provider = LlmProvider.Compatible, Endpoint = "http://localhost:11434/v1", Model = "llama3.2" };

        Assert.Empty(options.Validate(NoEnvironment));
    }

    [Fact]
    public void Model_is_required_and_bad_values_name_their_keys()
    {
        var options = new LlmOptions
        {
            Provider = LlmProvider.Compatible,
            Endpoint = "not a url",
            TimeoutSeconds = 0,
            Temperature = 3,
        };

        var errors = options.Validate(NoEnvironment);

        Assert.Contains("FrontDesk:Llm:Model is required when Provider is Compatible.", errors);
        Assert.Contains(errors, e => e.StartsWith("FrontDesk:Llm:Endpoint must be", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("FrontDesk:Llm:TimeoutSeconds", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("FrontDesk:Llm:Temperature", StringComparison.Ordinal));
    }

    [Fact]
    public void Factory_returns_null_for_the_embedded_engine()
    {
        Assert.Null(ChatClientFactory.Create(new LlmOptions()));
    }

    [Fact]
    public void Factory_refuses_invalid_options_naming_the_key()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => ChatClientFactory.Create(new LlmOptions { Provider = LlmProvider.Compatible, Model = "m" }));

        Assert.Contains("FrontDesk:Llm:Endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_reports_the_same_errors_for_start_up()
    {
        var result = new LlmOptionsValidator().Validate(null, new LlmOptions { Provider = LlmProvider.Compatible, Model = "m" });

        Assert.True(result.Failed);
        Assert.Contains("FrontDesk:Llm:Endpoint is required when Provider is Compatible.", result.Failures!);
    }
}
