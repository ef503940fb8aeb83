using System.Net;
using FrontDesk.Channels.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace FrontDesk.Channels.Tests.Teams;

public sealed class TeamsWebhookClientTests : IAsyncLifetime, IDisposable
{
    private const string Payload = """{"type":"message","attachments":[]}""";

    private readonly HttpClient _httpClient = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private LoopbackServer _server = null!;
    private TeamsWebhookClient _client = null!;
    private string? _receivedBody;
    private string? _receivedContentType;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/accepted", async (HttpRequest request) =>
            {
                _receivedContentType = request.ContentType;
                _receivedBody = await new StreamReader(request.Body).ReadToEndAsync();
                return Results.Accepted();
            });
            app.MapPost("/ok", () => Results.Text("1"));
            app.MapPost("/ok-but-throttled", () =>
                Results.Text("Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0,server=msgapi-production-eus-azsc1-4-170,cv=deadbeef"));
            app.MapPost("/too-many", (HttpResponse response) =>
            {
                response.Headers.RetryAfter = "7";
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            });
            app.MapPost("/too-many-until", (HttpResponse response) =>
            {
                response.Headers.RetryAfter = _clock.GetUtcNow().AddSeconds(30).ToString("R");
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            });
            app.MapPost("/broken", () => Results.StatusCode(StatusCodes.Status500InternalServerError));
            app.MapPost("/unavailable", () => Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
            app.MapPost("/bad-request", () => Results.BadRequest("Invalid card"));
            app.MapPost("/gone", () => Results.NotFound());
            app.MapPost("/slow", async (HttpContext context) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
                return Results.Ok();
            });
        });
        _client = new TeamsWebhookClient(_httpClient, _clock, NullLogger<TeamsWebhookClient>.Instance);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _httpClient.Dispose();

    [Theory]
    [InlineData("/ok", WebhookDeliveryOutcome.Delivered, HttpStatusCode.OK)]
    [InlineData("/accepted", WebhookDeliveryOutcome.Delivered, HttpStatusCode.Accepted)]
    [InlineData("/ok-but-throttled", WebhookDeliveryOutcome.Throttled, HttpStatusCode.OK)]
    [InlineData("/too-many", WebhookDeliveryOutcome.Throttled, HttpStatusCode.TooManyRequests)]
    [InlineData("/broken", WebhookDeliveryOutcome.TransientFailure, HttpStatusCode.InternalServerError)]
    [InlineData("/unavailable", WebhookDeliveryOutcome.TransientFailure, HttpStatusCode.ServiceUnavailable)]
    [InlineData("/bad-request", WebhookDeliveryOutcome.PermanentFailure, HttpStatusCode.BadRequest)]
    [InlineData("/gone", WebhookDeliveryOutcome.PermanentFailure, HttpStatusCode.NotFound)]
    public async Task Responses_are_classified(string path, WebhookDeliveryOutcome expected, HttpStatusCode status)
    {
        var result = await _client.SendAsync(_server.Url(path), Payload, CancellationToken.None);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(status, result.StatusCode);
    }

    [Fact]
    public async Task The_payload_is_posted_as_json()
    {
        await _client.SendAsync(_server.Url("/accepted"), Payload, CancellationToken.None);

        Assert.Equal(Payload, _receivedBody);
        Assert.StartsWith("application/json", _receivedContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_carries_the_retry_after_in_seconds()
    {
        var result = await _client.SendAsync(_server.Url("/too-many"), Payload, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
    }

    [Fact]
    public async Task A_429_carries_the_retry_after_given_as_a_date()
    {
        var result = await _client.SendAsync(_server.Url("/too-many-until"), Payload, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
    }

    [Fact]
    public async Task A_timeout_is_a_transient_failure()
    {
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };
        var client = new TeamsWebhookClient(impatient, _clock, NullLogger<TeamsWebhookClient>.Instance);

        var result = await client.SendAsync(_server.Url("/slow"), Payload, CancellationToken.None);

        Assert.Equal(WebhookDeliveryOutcome.TransientFailure, result.Outcome);
    }

    [Fact]
    public async Task A_refused_connection_is_a_transient_failure()
    {
        var server = await LoopbackServer.StartAsync(_ => { });
        var url = server.Url("/webhook");
        await server.DisposeAsync();

        var result = await _client.SendAsync(url, Payload, CancellationToken.None);

        Assert.Equal(WebhookDeliveryOutcome.TransientFailure, result.Outcome);
        Assert.Null(result.StatusCode);
    }

    [Theory]
    [InlineData("http://prod-00.westus.logic.azure.com/workflows/abc")]
    [InlineData("not a url")]
    public async Task A_webhook_url_that_is_not_https_is_a_permanent_failure_without_sending(string url)
    {
        var result = await _client.SendAsync(url, Payload, CancellationToken.None);

        Assert.Equal(WebhookDeliveryOutcome.PermanentFailure, result.Outcome);
        Assert.Null(result.StatusCode);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_thrown_not_classified()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _client.SendAsync(_server.Url("/slow"), Payload, cancellation.Token));
    }
}
