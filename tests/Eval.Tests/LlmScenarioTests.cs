using FrontDesk.Agent.Brains;
using FrontDesk.Eval.Scenarios;
using FrontDesk.TestSupport;
using Xunit.Abstractions;
using static FrontDesk.Agent.Brains.ChatWire;

namespace FrontDesk.Eval.Tests;

/// <summary>
/// The suite's LLM path: scenarios run through the OpenAI-compatible client against a fake Chat Completions server on
/// loopback that plays a scripted model calling the real tools. pass^k must be the model's own: a turn the embedded
/// engine (or nobody) answered because the model failed is detected, reported, and fails the run.
/// </summary>
public sealed class LlmScenarioTests(ITestOutputHelper output) : IAsyncLifetime
{
    private FakeChatCompletionsServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeChatCompletionsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Pass_hat_k_is_computed_from_turns_the_model_answered_with_tool_calls()
    {
        var scenarios = Load("book-voice-known-caller-hydrafacial", "harbor-reschedule-voice-to-thursday-afternoon");
        for (var run = 0; run < 2; run++)
        {
            ScriptBooking();
        }
        for (var run = 0; run < 2; run++)
        {
            ScriptReschedule();
        }

        var suite = await ScenarioCommand.RunSuiteAsync(scenarios, 2, TestStore.Sqlite, Settings(), TextWriter.Null, verbose: true);
        output.WriteLine(ScenarioCommand.Summarize(suite));

        foreach (var run in suite.Results.SelectMany(r => r.Runs))
        {
            Assert.True(run.Passed, run.Explain());
            Assert.Equal("compatible", run.Brain);
            Assert.Equal(0, run.FallbackTurns);
        }
        Assert.Equal(1.0, suite.PassHatK(2), 6);
        Assert.StartsWith("Brain: llm (Compatible test-model) without the embedded fallback.", ScenarioCommand.Summarize(suite), StringComparison.Ordinal);
        Assert.DoesNotContain("Fell back", ScenarioCommand.Summarize(suite), StringComparison.Ordinal);

        // Every scripted reply was asked for (6 per booking run, 7 per reschedule run), and the model saw the real tools' answers.
        Assert.Equal(2 * 6 + 2 * 7, _server.Requests.Count);
        var toolResults = _server.Requests.SelectMany(r => r.Body["messages"]!.AsArray()).Where(m => (string?)m!["role"] == "tool").Select(m => m!["content"]!.ToJsonString()).ToList();
        Assert.Contains(toolResults, c => c.Contains("needs_confirmation", StringComparison.Ordinal));
        Assert.Contains(toolResults, c => c.Contains("booked", StringComparison.Ordinal));
        Assert.Contains(toolResults, c => c.Contains("rescheduled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_model_answered_by_the_embedded_fallback_is_reported_and_not_counted_as_a_pass()
    {
        // No scripted reply: the server answers every request 500. The fallback is turned on explicitly, as a deployment
        // might, so the embedded engine books the right appointment and the end state alone would pass.
        var scenarios = Load("book-voice-known-caller-hydrafacial");
        var settings = Settings();
        settings["FrontDesk:Llm:FallbackToEmbedded"] = "true";

        var suite = await ScenarioCommand.RunSuiteAsync(scenarios, 1, TestStore.Sqlite, settings, TextWriter.Null);
        var summary = ScenarioCommand.Summarize(suite);
        output.WriteLine(summary);

        var run = Assert.Single(Assert.Single(suite.Results).Runs);
        // Each of the three turns' requests is tried twice (the default one retry on a 5xx) before falling back.
        Assert.Equal(3 * 2, _server.Requests.Count);
        Assert.False(run.Passed);
        Assert.Equal(3, run.FallbackTurns);
        // Nothing but the fallback failed: the embedded engine reached the expected end state.
        Assert.NotEmpty(run.Failures);
        Assert.All(run.Failures, f => Assert.Contains("was answered by embedded, not compatible", f, StringComparison.Ordinal));
        Assert.Equal(0, suite.PassHatK(1));
        Assert.Contains("with the embedded fallback", summary, StringComparison.Ordinal);
        Assert.Contains("Fell back: 1 of 1 runs had a turn that compatible did not answer (3 turns)", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_model_without_the_fallback_is_reported_as_answered_by_no_brain()
    {
        // The CLI's default: the fallback is off, so the person gets the apology and staff a call-back.
        var scenarios = Load("book-voice-known-caller-hydrafacial");
        var settings = ScenarioCommand.LlmSettings(new Dictionary<string, string?>
        {
            ["FrontDesk__Llm__Provider"] = "Compatible",
            ["FrontDesk__Llm__Endpoint"] = _server.V1Endpoint,
            ["FrontDesk__Llm__Model"] = "test-model",
        });
        Assert.Equal("false", settings["FrontDesk:Llm:FallbackToEmbedded"]);

        var suite = await ScenarioCommand.RunSuiteAsync(scenarios, 1, TestStore.Sqlite, settings, TextWriter.Null);
        var summary = ScenarioCommand.Summarize(suite);
        output.WriteLine(summary);

        var run = Assert.Single(Assert.Single(suite.Results).Runs);
        Assert.False(run.Passed);
        Assert.Equal(3, run.FallbackTurns);
        Assert.Contains(run.Failures, f => f.StartsWith("turn 1 was answered by no brain, not compatible", StringComparison.Ordinal));
        Assert.Contains("without the embedded fallback", summary, StringComparison.Ordinal);
        Assert.Contains("Fell back: 1 of 1 runs", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fallback_setting_from_the_environment_is_kept_and_no_provider_means_no_llm()
    {
        var on = ScenarioCommand.LlmSettings(new Dictionary<string, string?>
        {
            ["FrontDesk__Llm__Provider"] = "Compatible",
            ["FrontDesk__Llm__FallbackToEmbedded"] = "true",
        });
        Assert.Equal("true", on["FrontDesk:Llm:FallbackToEmbedded"]);
        Assert.Empty(ScenarioCommand.LlmSettings(new Dictionary<string, string?> { ["FrontDesk__Llm__Provider"] = "Embedded" }));
        Assert.Empty(ScenarioCommand.LlmSettings(new Dictionary<string, string?> { ["PATH"] = "/usr/bin" }));
    }

    private Dictionary<string, string?> Settings() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["FrontDesk:Llm:Provider"] = "Compatible",
        ["FrontDesk:Llm:Endpoint"] = _server.V1Endpoint,
        ["FrontDesk:Llm:Model"] = "test-model",
        ["FrontDesk:Llm:FallbackToEmbedded"] = "false",
    };

    private static List<Scenario> Load(params string[] ids)
    {
        var all = ScenarioFiles.Load(RepoPaths.Scenarios);
        return [.. ids.Select(id => all.Single(s => s.Id == id))];
    }

    /// <summary>"I need a hydrafacial next Tuesday", "the first one", "yes": find, read back, book.</summary>
    private void ScriptBooking()
    {
        Call("check_availability", """{"service":"hydrafacial","date":"2026-12-01"}""");
        Say("For a HydraFacial next Tuesday I have three openings. Which works best?");
        Call("book_appointment", """{"slot_id":"S1"}""");
        Say("Just to confirm: a HydraFacial next Tuesday, the first opening. Shall I book it?");
        Call("book_appointment", """{"slot_id":"S1"}""");
        Say("You're all set.");
    }

    /// <summary>"can I move my appointment to Thursday afternoon", "the first one", "yes": list, find with the reference, read back, move.</summary>
    private void ScriptReschedule()
    {
        Call("list_appointments", "{}");
        Call("check_availability", """{"service":"gel-manicure","date":"2026-11-26","time_of_day":"afternoon","reschedule_ref":"A1"}""");
        Say("On Thursday afternoon I have three openings. Which works best?");
        Call("reschedule_appointment", """{"appointment_ref":"A1","slot_id":"S1"}""");
        Say("Just to confirm: move your gel manicure to the first Thursday opening?");
        Call("reschedule_appointment", """{"appointment_ref":"A1","slot_id":"S1"}""");
        Say("Done, your appointment is moved.");
    }

    private int _calls;

    private void Call(string tool, string arguments) =>
        _server.ReplyCompletion(AssistantToolCalls(ToolCall($"call_{++_calls}", tool, arguments)), finishReason: "tool_calls");

    private void Say(string text) => _server.ReplyCompletion(AssistantText(text));
}
