using System.Net.Http.Json;
using System.Text.Json;

namespace FrontDesk.Channels.Tests.WebChat;

/// <summary>One server-sent event as the test reads it off the wire.</summary>
internal sealed record ServerSentEvent(string Name, JsonElement Data);

/// <summary>Reads a text/event-stream body independently of the server's writer: blank-line separated blocks of event:/data: lines.</summary>
internal static class ServerSentEvents
{
    public static async Task<(HttpResponseMessage Response, List<ServerSentEvent> Events)> PostAsync(HttpClient client, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat/stream") { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd("text/event-stream");
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var events = new List<ServerSentEvent>();
        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
        {
            return (response, events);
        }
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string? name = null;
        var data = "";
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null)
                {
                    events.Add(new ServerSentEvent(name, JsonDocument.Parse(data).RootElement.Clone()));
                }
                name = null;
                data = "";
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data += line[6..];
            }
        }
        return (response, events);
    }
}
