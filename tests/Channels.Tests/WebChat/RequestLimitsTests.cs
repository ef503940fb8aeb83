using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FrontDesk.Agent.Conversations;
using FrontDesk.Channels.Tests.Hosting;

namespace FrontDesk.Channels.Tests.WebChat;

/// <summary>Oversized bodies are refused with a 413 problem on a real Kestrel port, whether or not they say their length.</summary>
public sealed class RequestLimitsTests
{
    [Theory]
    [InlineData("/api/chat", 40 * 1024, false)]
    [InlineData("/api/chat", 40 * 1024, true)]
    [InlineData("/api/messages", 300 * 1024, false)]
    public async Task A_body_over_the_limit_gets_a_413_problem(string path, int size, bool chunked)
    {
        await using var host = FrontDeskHost.Create(settings: new Dictionary<string, string?>
        {
            ["FrontDesk:BotFramework:AppId"] = "11111111-2222-3333-4444-555555555555",
            ["FrontDesk:BotFramework:AppPassword"] = "not-used-here",
        });
        using var client = new HttpClient { BaseAddress = host.StartKestrel() };
        var json = Encoding.UTF8.GetBytes("{\"text\":\"" + new string('a', size) + "\"}");
        using HttpContent content = chunked ? new ChunkedContent(json) : new ByteArrayContent(json);
        content.Headers.ContentType = new("application/json");

        using var response = await client.PostAsync(path, content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Empty(await host.Get<ConversationStore>().QueryTurnsAsync(null, null, null, DateTime.MinValue, DateTime.MaxValue, 10, CancellationToken.None));
    }

    [Theory]
    [InlineData("/api/chat/stream", 5 * 1024 * 1024)]
    [InlineData("/api/chat", 31 * 1024 * 1024)]
    [InlineData("/api/messages", 5 * 1024 * 1024)]
    public async Task A_large_chunked_body_is_refused_with_a_413_problem_not_a_500(string path, int size)
    {
        await using var host = FrontDeskHost.Create(settings: new Dictionary<string, string?>
        {
            ["FrontDesk:BotFramework:AppId"] = "11111111-2222-3333-4444-555555555555",
            ["FrontDesk:BotFramework:AppPassword"] = "not-used-here",
        });
        var address = host.StartKestrel();

        // A raw socket, because HttpClient gives up on the request when the server answers before the body is sent.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var reading = ReadResponseAsync(stream);
        var chunk = Encoding.ASCII.GetBytes($"{16 * 1024:x}\r\n{new string('a', 16 * 1024)}\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes("4000\r\n{\"text\":\"" + new string('a', 16 * 1024 - 9) + "\r\n"));
        var sent = 16 * 1024;
        try
        {
            while (sent < size && !reading.IsCompleted)
            {
                await stream.WriteAsync(chunk);
                sent += 16 * 1024;
            }
        }
        catch (IOException)
        {
            // The server closed the connection after answering; the answer is read below.
        }
        var response = await reading;

        Assert.StartsWith("HTTP/1.1 413", response, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", response, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"status\":413", response, StringComparison.Ordinal);
    }

    private static async Task<string> ReadResponseAsync(Stream stream)
    {
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                text.Append(Encoding.UTF8.GetString(buffer, 0, read));
                var all = text.ToString();
                var bodyStart = all.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (bodyStart > 0 && all.EndsWith('}') || all.EndsWith("0\r\n\r\n", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
            // Reset after the answer was sent.
        }
        return text.ToString();
    }

    [Fact]
    public async Task A_chunked_message_under_the_limit_is_answered()
    {
        await using var host = FrontDeskHost.Create();
        using var client = new HttpClient { BaseAddress = host.StartKestrel() };
        using var content = new ChunkedContent(Encoding.UTF8.GetBytes("""{"text":"Is there parking?"}"""));
        content.Headers.ContentType = new("application/json");

        using var response = await client.PostAsync("/api/chat", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await response.Content.ReadFromJsonAsync<WebChatAnswer>())!.Reply));
    }

    /// <summary>A body sent with Transfer-Encoding: chunked (no Content-Length), in 16 KB pieces.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < bytes.Length; offset += 16 * 1024)
            {
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(16 * 1024, bytes.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
