using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FrontDesk.Channels.Twilio;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.Tests.Twilio;

/// <summary>A fake Twilio REST API on 127.0.0.1; the recipient number picks the answer.</summary>
public sealed class FakeTwilioApi : IAsyncLifetime
{
    public const string Delivered = "+15552010";
    public const string OptedOutRecipient = "+15552161000";
    public const string InvalidRecipient = "+15552121100";
    public const string ServerErrorRecipient = "+15555000000";
    public const string ThrottledRecipient = "+15554290000";
    public const string HangingRecipient = "+15559990000";

    private LoopbackApp? _app;

    public ConcurrentDictionary<string, CapturedRequest> Requests { get; } = new();

    public Uri BaseAddress => _app!.BaseAddress;

    public async Task InitializeAsync()
    {
        _app = await LoopbackApp.StartAsync(
            new Dictionary<string, string?>(),
            _ => { },
            app => app.MapPost("/{**path}", HandleAsync));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var to = form["To"].ToString();
        Requests[to] = new CapturedRequest(
            request.Path.Value ?? "",
            request.Headers.Authorization.ToString(),
            request.ContentType ?? "",
            form.SelectMany(f => f.Value.Select(v => (f.Key, v ?? ""))).ToList());

        switch (to)
        {
            case OptedOutRecipient:
                return TwilioError(400, 21610, "Attempt to send to unsubscribed recipient");
            case InvalidRecipient:
                return TwilioError(400, 21211, "The 'To' number is not a valid phone number.");
            case ServerErrorRecipient:
                return TypedResults.Text("<html>Internal Server Error</html>", "text/html", statusCode: 500);
            case ThrottledRecipient:
                return TwilioError(429, 20429, "Too Many Requests");
            case HangingRecipient:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return TypedResults.Ok();
            default:
                return TypedResults.Json(
                    new { sid = "SM" + to.TrimStart('+'), status = "queued", to, body = form["Body"].ToString() },
                    statusCode: 201);
        }
    }

    private static IResult TwilioError(int status, int code, string message) => TypedResults.Json(
        new { code, message, more_info = $"https://www.twilio.com/docs/errors/{code}", status },
        statusCode: status);
}

public sealed record CapturedRequest(
    string Path,
    string Authorization,
    string ContentType,
    List<(string Name, string Value)> Fields);

public sealed class TwilioRestClientTests(FakeTwilioApi api) : IClassFixture<FakeTwilioApi>, IDisposable
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "s3cret:token";

    private readonly List<HttpClient> _httpClients = [];

    public void Dispose()
    {
        foreach (var http in _httpClients)
        {
            http.Dispose();
        }
    }

    [Fact]
    public async Task Sends_form_to_the_messages_resource_with_basic_auth()
    {
        const string to = FakeTwilioApi.Delivered + "001";
        var client = NewClient(o => o.FromNumber = "+15550001111");

        var result = await client.SendSmsAsync(to, "Your facial is booked for 3 pm & we can't wait! 😀", null, CancellationToken.None);

        Assert.Equal(new SmsSendResult.Sent("SM" + to.TrimStart('+'), "queued"), result);
        var request = api.Requests[to];
        Assert.Equal($"/2010-04-01/Accounts/{AccountSid}/Messages.json", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}")), request.Authorization);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(
            [("Body", "Your facial is booked for 3 pm & we can't wait! 😀"), ("From", "+15550001111"), ("To", to)],
            request.Fields.Order());
    }

    [Fact]
    public async Task Messaging_service_is_preferred_over_the_from_number_and_status_callback_is_sent()
    {
        const string to = FakeTwilioApi.Delivered + "002";
        var client = NewClient(o =>
        {
            o.FromNumber = "+15550001111";
            o.MessagingServiceSid = "MG0123456789abcdef0123456789abcdef";
        });

        var result = await client.SendSmsAsync(to, "Hi", "https://spa.example.com/twilio/sms/status", CancellationToken.None);

        Assert.IsType<SmsSendResult.Sent>(result);
        Assert.Equal(
            [
                ("Body", "Hi"),
                ("MessagingServiceSid", "MG0123456789abcdef0123456789abcdef"),
                ("StatusCallback", "https://spa.example.com/twilio/sms/status"),
                ("To", to),
            ],
            api.Requests[to].Fields.Order());
    }

    [Fact]
    public async Task Error_21610_means_the_recipient_opted_out()
    {
        var result = await NewClient().SendSmsAsync(FakeTwilioApi.OptedOutRecipient, "Hi", null, CancellationToken.None);

        Assert.IsType<SmsSendResult.OptedOut>(result);
    }

    [Fact]
    public async Task Other_400_is_a_permanent_failure_with_twilio_code_and_message()
    {
        var result = await NewClient().SendSmsAsync(FakeTwilioApi.InvalidRecipient, "Hi", null, CancellationToken.None);

        Assert.Equal(new SmsSendResult.PermanentFailure(21211, "The 'To' number is not a valid phone number."), result);
    }

    [Fact]
    public async Task Server_error_is_transient()
    {
        var result = await NewClient().SendSmsAsync(FakeTwilioApi.ServerErrorRecipient, "Hi", null, CancellationToken.None);

        Assert.IsType<SmsSendResult.TransientFailure>(result);
    }

    [Fact]
    public async Task Throttling_is_transient()
    {
        var result = await NewClient().SendSmsAsync(FakeTwilioApi.ThrottledRecipient, "Hi", null, CancellationToken.None);

        Assert.IsType<SmsSendResult.TransientFailure>(result);
    }

    [Fact]
    public async Task Timeout_is_transient()
    {
        var client = NewClient(timeout: TimeSpan.FromMilliseconds(300));

        var result = await client.SendSmsAsync(FakeTwilioApi.HangingRecipient, "Hi", null, CancellationToken.None);

        Assert.IsType<SmsSendResult.TransientFailure>(result);
    }

    [Fact]
    public async Task Caller_cancellation_throws_OperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => NewClient().SendSmsAsync(FakeTwilioApi.HangingRecipient, "Hi", null, cancellation.Token));
    }

    [Fact]
    public async Task Connection_refused_is_transient()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var client = NewClient(o => o.ApiBaseUrl = $"http://127.0.0.1:{closedPort}");

        var result = await client.SendSmsAsync(FakeTwilioApi.Delivered + "003", "Hi", null, CancellationToken.None);

        Assert.IsType<SmsSendResult.TransientFailure>(result);
    }

    [Theory]
    [InlineData("", AuthToken, "+15550001111")]
    [InlineData(AccountSid, "", "+15550001111")]
    [InlineData(AccountSid, AuthToken, null)]
    public async Task Missing_settings_are_a_permanent_failure_and_nothing_is_sent(string accountSid, string authToken, string? from)
    {
        const string to = FakeTwilioApi.Delivered + "004";
        var client = NewClient(o =>
        {
            o.AccountSid = accountSid;
            o.AuthToken = authToken;
            o.FromNumber = from;
        });

        var result = await client.SendSmsAsync(to, "Hi", null, CancellationToken.None);

        Assert.Equal(0, Assert.IsType<SmsSendResult.PermanentFailure>(result).Code);
        Assert.False(api.Requests.ContainsKey(to));
    }

    private TwilioRestClient NewClient(Action<TwilioOptions>? configure = null, TimeSpan? timeout = null)
    {
        var options = new TwilioOptions
        {
            AccountSid = AccountSid,
            AuthToken = AuthToken,
            ApiBaseUrl = api.BaseAddress.ToString(), // trailing slash on purpose
            FromNumber = "+15550001111",
        };
        configure?.Invoke(options);
        var http = new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(10) };
        _httpClients.Add(http);
        return new TwilioRestClient(http, Options.Create(options));
    }
}
