using FrontDesk.Agent.Conversations;
using FrontDesk.Channels.Hosting;
using Microsoft.Data.Sqlite;

namespace FrontDesk.Channels.Tests.Hosting;

public sealed class TerminalChatTests
{
    [Fact]
    public async Task The_terminal_loop_talks_to_the_agent_and_stores_the_turns_on_the_terminal_channel()
    {
        await using var host = FrontDeskHost.Create();
        using var input = new StringReader("Is there parking?\n\nCan I talk to a person?\nquit\nthis line is never read\n");
        await using var output = new StringWriter();
        await host.Get<TerminalChat>().RunAsync(input, output, CancellationToken.None);

        var text = output.ToString();
        Assert.Contains(host.Get<FrontDesk.Tools.Profile.SpaProfile>().Spa.AiDisclosure, text, StringComparison.Ordinal);
        Assert.Contains("parking", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("[handed to staff: human_request", text, StringComparison.Ordinal);
        Assert.EndsWith("Goodbye." + Environment.NewLine, text, StringComparison.Ordinal);
        var turns = await host.Get<ConversationStore>().QueryTurnsAsync(null, "terminal", null, DateTime.MinValue, DateTime.MaxValue, 50, CancellationToken.None);
        Assert.Equal(4, turns.Count); // two exchanges; the blank line and the line after quit are not turns
        Assert.DoesNotContain(turns, t => t.Text.Contains("never read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_terminal_message_over_2000_characters_gets_a_short_reply_and_is_not_stored()
    {
        await using var host = FrontDeskHost.Create();
        using var input = new StringReader(new string('a', 2001) + "\n" + string.Concat(Enumerable.Repeat("\U0001F600", 1001)) + "\nquit\n");
        await using var output = new StringWriter();
        await host.Get<TerminalChat>().RunAsync(input, output, CancellationToken.None);

        Assert.Contains("agent> That message is longer than 2,000 characters, so I couldn't read it.", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("agent> " + MessageText.TooLongReply(host.Get<FrontDesk.Agent.ReplyTemplates>()), output.ToString(), StringComparison.Ordinal);
        var turns = await host.Get<ConversationStore>().QueryTurnsAsync(null, "terminal", null, DateTime.MinValue, DateTime.MaxValue, 50, CancellationToken.None);
        // Only the 1,001 emoji (2,002 UTF-16 units, 1,001 characters) were taken: one exchange.
        Assert.Equal(2, turns.Count);
        Assert.StartsWith("\U0001F600", turns.First(t => t.Role == "client").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "chat")]
    [InlineData(true, "--profile", "profiles/demo.yaml", "chat")]
    [InlineData(true, "--urls=http://127.0.0.1:0", "chat")]
    [InlineData(false, "--profile", "chat")] // "chat" is the value of --profile here
    [InlineData(false, "--FrontDesk:Prompts=chat")]
    [InlineData(false, "chatty")]
    [InlineData(false)]
    public void Chat_is_requested_by_the_bare_word_anywhere_on_the_command_line(bool expected, params string[] args) =>
        Assert.Equal(expected, TerminalChat.IsRequested(args));

    [Fact]
    public async Task Chat_after_other_options_runs_the_terminal_chat_with_that_profile()
    {
        var dir = Directory.CreateTempSubdirectory("frontdesk-terminal-").FullName;
        try
        {
            var args = HostProcess.StoreArgs(dir);
            args.AddRange(["--profile", FrontDesk.TestSupport.TestFiles.HarborProfile, "chat"]);
            var (exitCode, stdout, stderr) = await HostProcess.RunAsync(args, "quit\n");
            Assert.True(exitCode == 0, stderr);
            Assert.StartsWith("Harbor Nail & Brow Studio: terminal chat.", stdout, StringComparison.Ordinal);
            Assert.Contains("Goodbye.", stdout, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Dotnet_run_chat_runs_the_terminal_chat_on_stdin_and_stdout_against_the_store()
    {
        var dir = Directory.CreateTempSubdirectory("frontdesk-terminal-").FullName;
        try
        {
            var args = new List<string> { "chat" };
            args.AddRange(HostProcess.StoreArgs(dir));
            var (exitCode, stdout, stderr) = await HostProcess.RunAsync(args, "Is there parking?\n");
            Assert.True(exitCode == 0, stderr);
            Assert.Contains("you> ", stdout, StringComparison.Ordinal);
            Assert.Contains("parking", stdout, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Goodbye.", stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("info:", stdout, StringComparison.Ordinal); // logs never mix with the conversation

            await using var db = new SqliteConnection($"Data Source={Path.Combine(dir, "spa.db")};Pooling=false");
            await db.OpenAsync();
            await using var count = db.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM transcript_turns WHERE channel = 'terminal'";
            Assert.Equal(2L, (long)(await count.ExecuteScalarAsync())!);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
