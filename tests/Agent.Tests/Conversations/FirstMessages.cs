namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// A person's first message in a fresh conversation on the demo profile (Monday 2026-11-23 08:00 Los Angeles, SQLite), and
/// the checks the understanding rounds make of its reply.
/// </summary>
internal static class FirstMessages
{
    public static async Task<AgentReply> ReplyAsync(string text, string channel = "web")
    {
        await using var h = await AgentHarness.StartAsync();
        return (await h.TalkAsync("first_" + Math.Abs(text.GetHashCode(StringComparison.Ordinal)), channel, null, text))[0];
    }

    /// <summary>The reply as a failure message shows it: escalation, text and tool calls.</summary>
    public static string Show(AgentReply r) =>
        $"{r.Escalation?.Category}: {r.Text} {{{string.Join(", ", r.ToolCalls.Select(c => $"{c.Name}({c.Arguments}):{c.Outcome}"))}}}";

    /// <summary>Answered by the assistant itself (nothing passed to the team), with <paramref name="expected"/> in the reply.</summary>
    public static async Task AnsweredWithAsync(string text, string expected)
    {
        var reply = await ReplyAsync(text);
        Assert.True(reply.Escalation is null && reply.Text!.Contains(expected, StringComparison.Ordinal), Show(reply));
    }

    /// <summary>Passed to the team as <paramref name="category"/>, with nothing offered nor written.</summary>
    public static async Task EscalatedAsAsync(string text, string category)
    {
        var reply = await ReplyAsync(text);
        Assert.True(reply.Escalation?.Category == category, Show(reply));
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability" || Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    /// <summary>Passed to the team (any category), with <paramref name="expected"/> in the reply.</summary>
    public static async Task EscalatedWithAsync(string text, string expected)
    {
        var reply = await ReplyAsync(text);
        Assert.True(reply.Escalation is not null && reply.Text!.Contains(expected, StringComparison.Ordinal), Show(reply));
    }

    /// <summary>Nothing passed to the team, and <paramref name="tool"/> not called.</summary>
    public static async Task NeitherEscalatedNorCalledAsync(string text, string tool)
    {
        var reply = await ReplyAsync(text);
        Assert.True(reply.Escalation is null, Show(reply));
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == tool);
    }

    /// <summary>Nothing passed to the team, and nothing searched, looked up or written.</summary>
    public static async Task NeitherPassedOnNorActedOnAsync(string text)
    {
        var reply = await ReplyAsync(text);
        Assert.True(reply.Escalation is null, Show(reply));
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name is "check_availability" or "list_appointments" || Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    /// <summary>Not refused as out of scope: the spa's own matter, answered or noted for the team.</summary>
    public static async Task NotRefusedAsync(string text)
    {
        var reply = await ReplyAsync(text);
        Assert.DoesNotContain("I can only help", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("solo puedo ayudarle", reply.Text, StringComparison.Ordinal);
    }

    /// <summary>No booking started: neither asked which service nor a search for openings.</summary>
    public static async Task NoBookingStartedAsync(string text)
    {
        var reply = await ReplyAsync(text);
        Assert.DoesNotContain("Which service", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability");
    }
}
