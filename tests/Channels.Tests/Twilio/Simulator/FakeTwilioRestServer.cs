using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FrontDesk.Channels.Tests.Twilio.Simulator;

/// <summary>
/// Twilio's Messages API as a real HTTP server on loopback: records every message it is asked to send and
/// answers like Twilio, including 21610 for numbers that opted out and scripted 500s.
/// </summary>
internal sealed class FakeTwilioRestServer : IAsyncDisposable
{
    private readonly LoopbackApp _app;
    private int _failuresLeft;
    private int _sequence;

    private FakeTwilioRestServer(LoopbackApp app) => _app = app;

    public Uri BaseAddress => _app.BaseAddress;

    /// <summary>Every request that reached the Messages endpoint (including the refused ones).</summary>
    public ConcurrentQueue<SentSms> Requests { get; } = new();

    /// <summary>Messages accepted (201).</summary>
    public IReadOnlyList<SentSms> Accepted => [.. Requests.Where(r => r.Answer == 201)];

    /// <summary>Numbers Twilio refuses with 21610.</summary>
    public ConcurrentDictionary<string, bool> OptedOut { get; } = new();

    /// <summary>When true, accepted messages are answered 201 with no <c>sid</c>.</summary>
    public bool OmitSid { get; set; }

    /// <summary>The next <paramref name="count"/> requests get HTTP 500.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    public static async Task<FakeTwilioRestServer> StartAsync()
    {
        FakeTwilioRestServer? server = null;
        var app = await LoopbackApp.StartAsync(new Dictionary<string, string?>(), _ => { }, web =>
            web.MapPost("/2010-04-01/Accounts/{account}/Messages.json", async (HttpContext http, string account) => await server!.HandleAsync(http, account)));
        server = new FakeTwilioRestServer(app);
        return server;
    }

    private async Task<IResult> HandleAsync(HttpContext http, string account)
    {
        var form = await http.Request.ReadFormAsync();
        var auth = http.Request.Headers.Authorization.ToString();
        var sms = new SentSms(account, form["To"].ToString(), form["From"].ToString(), form["MessagingServiceSid"].ToString(), form["Body"].ToString(),
            form["StatusCallback"].ToString(), auth);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            Requests.Enqueue(sms with { Answer = 500 });
            return Results.Json(new { code = 20500, message = "Internal Server Error", status = 500 }, statusCode: 500);
        }
        if (OptedOut.ContainsKey(sms.To))
        {
            Requests.Enqueue(sms with { Answer = 400 });
            return Results.Json(new { code = 21610, message = "Attempt to send to unsubscribed recipient", status = 400 }, statusCode: 400);
        }
        var sid = $"SM{Interlocked.Increment(ref _sequence):D32}";
        Requests.Enqueue(sms with { Answer = 201, Sid = sid });
        return OmitSid
            ? Results.Json(new { status = "queued", to = sms.To, body = sms.Body }, statusCode: 201)
            : Results.Json(new { sid, status = "queued", to = sms.To, body = sms.Body }, statusCode: 201);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

internal sealed record SentSms(string Account, string To, string From, string MessagingServiceSid, string Body, string StatusCallback, string Authorization)
{
    public int Answer { get; init; }
    public string? Sid { get; init; }
}
