using FrontDesk.Agent;
using FrontDesk.Tools.Profile;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;

namespace FrontDesk.Channels.Hosting;

/// <summary>
/// <c>dotnet run --project src/Channels -- chat</c>: a chat with the same agent and store on stdin/stdout
/// (channel <c>terminal</c>). Logs go to stderr so they never mix with the conversation.
/// </summary>
public sealed class TerminalChat(FrontDeskTurns turns, SpaProfile profile, ReplyTemplates replies)
{
    /// <summary>The channel tag of terminal conversations.</summary>
    public const string Channel = "terminal";

    /// <summary>True when the command line asks for the terminal chat (the bare word <c>chat</c>, anywhere).</summary>
    public static bool IsRequested(string[] args) => HostArguments.HasBareWord(args, "chat");

    /// <summary>Talks until end of input or <c>quit</c>; each run is a new conversation.</summary>
    public async Task RunAsync(TextReader input, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var conversationId = "terminal_" + Guid.NewGuid().ToString("N");
        await output.WriteLineAsync($"{profile.Spa.Name}: terminal chat. Type a message and press Enter; 'quit' or Ctrl+D ends.");
        await output.WriteLineAsync("agent> " + profile.Spa.AiDisclosure);
        while (!ct.IsCancellationRequested)
        {
            await output.WriteAsync("you> ");
            await output.FlushAsync(ct);
            var line = await input.ReadLineAsync(ct);
            if (line is null || line.Trim() is "quit" or "exit")
            {
                break;
            }
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            if (MessageText.IsTooLong(line))
            {
                await output.WriteLineAsync("agent> " + MessageText.TooLongReply(replies));
                continue;
            }
            AgentReply reply;
            try
            {
                reply = await turns.HandleAsync(new TurnRequest(conversationId, Channel, line), null, ct);
            }
            catch (TimeoutException ex) when (FrontDeskTurns.IsBusy(ex))
            {
                await output.WriteLineAsync("agent> " + MessageText.BusyReply(replies));
                continue;
            }
            await output.WriteLineAsync("agent> " + (reply.Text ?? replies.Templates.Render("taken_over")));
            if (reply.Escalation is { } escalation)
            {
                await output.WriteLineAsync($"       [handed to staff: {escalation.Category}, {escalation.Urgency}]");
            }
        }
        await output.WriteLineAsync("Goodbye.");
        await output.FlushAsync(ct);
    }
}

/// <summary>Wiring of the terminal chat.</summary>
public static class TerminalChatHosting
{
    /// <summary>Registers <see cref="TerminalChat"/>; in chat mode sends logs to stderr and keeps only warnings.</summary>
    public static WebApplicationBuilder AddFrontDeskTerminalChat(this WebApplicationBuilder builder, string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<TerminalChat>();
        builder.Services.TryAddSingleton<FrontDeskTurns>();
        if (TerminalChat.IsRequested(args))
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }
        return builder;
    }

    /// <summary>Runs the terminal chat on the console and returns the exit code.</summary>
    public static async Task<int> RunTerminalChatAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        try
        {
            await app.Services.GetRequiredService<TerminalChat>().RunAsync(Console.In, Console.Out, cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // Ctrl+C: a normal way to leave.
        }
        await app.DisposeAsync();
        return 0;
    }
}
