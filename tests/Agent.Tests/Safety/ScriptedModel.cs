using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace FrontDesk.Agent.Tests.Safety;

/// <summary>
/// A test double of the untrusted part, the language model: plays back scripted answers (tool calls or text) in
/// order, whatever the conversation says, and records what it was sent. When the script runs out it says "Done.".
/// </summary>
internal sealed class ScriptedModel : IChatClient
{
    private readonly Queue<Func<IReadOnlyList<ChatMessage>, ChatMessage>> _script = new();

    public List<IReadOnlyList<ChatMessage>> Seen { get; } = [];

    /// <summary>Next answer: call a tool with these arguments.</summary>
    public ScriptedModel Calls(string tool, params (string Name, object? Value)[] args)
    {
        _script.Enqueue(_ => new ChatMessage(ChatRole.Assistant,
            [new FunctionCallContent("call_" + Guid.NewGuid().ToString("N")[..8], tool, args.ToDictionary(a => a.Name, a => a.Value))]));
        return this;
    }

    /// <summary>Next answer: this text.</summary>
    public ScriptedModel Says(string text)
    {
        _script.Enqueue(_ => new ChatMessage(ChatRole.Assistant, text));
        return this;
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Seen.Add(list);
        var message = _script.TryDequeue(out var next) ? next(list) : new ChatMessage(ChatRole.Assistant, "Done.");
        return Task.FromResult(new ChatResponse(message) { ModelId = "scripted-1" });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
