using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FrontDesk.Channels.Twilio;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Channels.Tests.Twilio;

public class TwilioSignatureFilterTests
{
    private const string AuthToken = "12345";
    private const string JsonBody = """{"property": "value", "boolean": true}""";

    private static readonly (string Name, string Value)[] SmsFields =
    [
        ("MessageSid", "SM0001"),
        ("From", "+15551234567"),
        ("To", "+15557654321"),
        ("Body", "Can I book a massage at 3? <tomorrow> & \"soon\" — café 😀"),
        ("MediaUrl0", "https://api.twilio.com/media/1"),
        ("MediaUrl0", "https://api.twilio.com/media/0"),
    ];

    [Fact]
    public async Task Correctly_signed_form_post_is_accepted_and_the_form_is_still_readable()
    {
        await using var app = await StartAsync();
        var url = app.BaseAddress + "twilio/sms?tenant=spa1";

        using var response = await PostFormAsync(app, url, SmsFields, TwilioSignatureOracle.Sign(url, SmsFields, AuthToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SmsFields[3].Value, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signed_form_post_to_an_endpoint_binding_FromForm_is_accepted()
    {
        await using var app = await StartAsync();
        var url = app.BaseAddress + "twilio/sms-bound";

        using var response = await PostFormAsync(app, url, SmsFields, TwilioSignatureOracle.Sign(url, SmsFields, AuthToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SmsFields[3].Value, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Tampered_form_post_is_403_with_no_body()
    {
        await using var app = await StartAsync();
        var url = app.BaseAddress + "twilio/sms";
        var signature = TwilioSignatureOracle.Sign(url, SmsFields, AuthToken);
        var tampered = SmsFields.Select(f => f.Name == "Body" ? (f.Name, "Cancel all my appointments") : f).ToArray();

        using var response = await PostFormAsync(app, url, tampered, signature);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Form_post_without_signature_header_is_403()
    {
        await using var app = await StartAsync();

        using var response = await PostFormAsync(app, app.BaseAddress + "twilio/sms", SmsFields, signature: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Signature_over_the_portless_url_is_accepted()
    {
        await using var app = await StartAsync();
        var url = app.BaseAddress + "twilio/sms";
        var portless = $"http://127.0.0.1/twilio/sms";

        using var response = await PostFormAsync(app, url, SmsFields, TwilioSignatureOracle.Sign(portless, SmsFields, AuthToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Signed_json_post_with_bodySHA256_is_accepted_and_the_endpoint_still_binds_the_body()
    {
        await using var app = await StartAsync();
        var url = app.BaseAddress + "twilio/json?bodySHA256=" + Sha256Hex(JsonBody);

        using var response = await PostJsonAsync(app, url, JsonBody, TwilioSignatureOracle.Sign(url, [], AuthToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("value", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Json_post_whose_body_does_not_match_bodySHA256_is_403()
    {
        await using var app = await StartAsync();
        var url = app.BaseAddress + "twilio/json?bodySHA256=" + Sha256Hex(JsonBody);

        using var response = await PostJsonAsync(
            app, url, """{"property": "forged", "boolean": true}""", TwilioSignatureOracle.Sign(url, [], AuthToken));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Json_post_without_bodySHA256_is_403_even_when_the_url_is_signed()
    {
        await using var app = await StartAsync();
        var url = app.BaseAddress + "twilio/json";

        using var response = await PostJsonAsync(app, url, JsonBody, TwilioSignatureOracle.Sign(url, [], AuthToken));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Signed_get_is_accepted_and_unsigned_get_is_403()
    {
        await using var app = await StartAsync();
        var url = app.BaseAddress + "twilio/voice?CallSid=CA1&From=%2B15551234567";

        using var signed = new HttpRequestMessage(HttpMethod.Get, url);
        signed.Headers.Add(TwilioSignature.HeaderName, TwilioSignatureOracle.Sign(url, [], AuthToken));
        using var signedResponse = await app.Client.SendAsync(signed);
        using var unsignedResponse = await app.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, signedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unsignedResponse.StatusCode);
    }

    [Fact]
    public async Task Configured_public_base_url_is_checked_instead_of_the_local_url()
    {
        await using var app = await StartAsync(new() { ["FrontDesk:PublicBaseUrl"] = "https://public.example.com" });
        var publicUrl = "https://public.example.com/twilio/sms?tenant=spa1";
        var localUrl = app.BaseAddress + "twilio/sms?tenant=spa1";

        using var publicSigned = await PostFormAsync(app, localUrl, SmsFields, TwilioSignatureOracle.Sign(publicUrl, SmsFields, AuthToken));
        using var localSigned = await PostFormAsync(app, localUrl, SmsFields, TwilioSignatureOracle.Sign(localUrl, SmsFields, AuthToken));

        Assert.Equal(HttpStatusCode.OK, publicSigned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, localSigned.StatusCode);
    }

    [Fact]
    public async Task Public_base_url_with_a_path_prefix_is_honoured()
    {
        await using var app = await StartAsync(new() { ["FrontDesk:PublicBaseUrl"] = "https://public.example.com/frontdesk/" });
        var publicUrl = "https://public.example.com/frontdesk/twilio/sms";

        using var response = await PostFormAsync(
            app, app.BaseAddress + "twilio/sms", SmsFields, TwilioSignatureOracle.Sign(publicUrl, SmsFields, AuthToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("true", HttpStatusCode.OK)]
    [InlineData("false", HttpStatusCode.Forbidden)]
    public async Task Forwarded_headers_count_only_when_trusted(string trust, HttpStatusCode expected)
    {
        await using var app = await StartAsync(new() { ["Twilio:TrustForwardedHeaders"] = trust });
        var publicUrl = "https://spa.example.com/twilio/sms";

        using var request = FormRequest(app.BaseAddress + "twilio/sms", SmsFields, TwilioSignatureOracle.Sign(publicUrl, SmsFields, AuthToken));
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "spa.example.com");
        using var response = await app.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_auth_token_every_request_is_403()
    {
        await using var app = await StartAsync(new() { ["Twilio:AuthToken"] = "" });
        var url = app.BaseAddress + "twilio/sms";

        using var response = await PostFormAsync(app, url, SmsFields, TwilioSignatureOracle.Sign(url, SmsFields, ""));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Filter_applied_to_a_group_protects_its_endpoints()
    {
        await using var app = await StartAsync();
        var url = app.BaseAddress + "group/status";

        using var signed = await PostFormAsync(app, url, SmsFields, TwilioSignatureOracle.Sign(url, SmsFields, AuthToken));
        using var unsigned = await PostFormAsync(app, url, SmsFields, signature: null);

        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
    }

    [Theory]
    [InlineData("https://spa.example.com/twilio/sms?From=%2B15551234567", "https://spa.example.com/twilio/sms")]
    [InlineData("https://user:pass@spa.example.com/twilio/sms?x=1", "https://***@spa.example.com/twilio/sms")]
    [InlineData("https://spa.example.com/a@b", "https://spa.example.com/a@b")]
    public void Logged_url_has_no_query_or_user_info(string url, string expected)
    {
        Assert.Equal(expected, TwilioSignatureFilter.Redact(url));
    }

    private static Task<LoopbackApp> StartAsync(Dictionary<string, string?>? overrides = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = "AC00000000000000000000000000000000",
            ["Twilio:AuthToken"] = AuthToken,
        };
        foreach (var (key, value) in overrides ?? [])
        {
            configuration[key] = value;
        }

        return LoopbackApp.StartAsync(
            configuration,
            builder => builder.Services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section),
            app =>
            {
                app.MapPost("/twilio/sms", (HttpRequest request) => TypedResults.Text(request.Form["Body"].ToString()))
                    .RequireTwilioSignature();
                app.MapPost("/twilio/sms-bound", ([FromForm(Name = "Body")] string body) => TypedResults.Text(body))
                    .RequireTwilioSignature()
                    .DisableAntiforgery();
                app.MapPost("/twilio/json", ([FromBody] JsonElement payload) => TypedResults.Text(payload.GetProperty("property").GetString()))
                    .RequireTwilioSignature();
                app.MapGet("/twilio/voice", () => TypedResults.Text("ok"))
                    .RequireTwilioSignature();
                app.MapGroup("/group").RequireTwilioSignature()
                    .MapPost("/status", () => TypedResults.Text("ok"));
            });
    }

    private static async Task<HttpResponseMessage> PostFormAsync(
        LoopbackApp app, string url, IEnumerable<(string Name, string Value)> fields, string? signature)
    {
        using var request = FormRequest(url, fields, signature);
        return await app.Client.SendAsync(request);
    }

    private static HttpRequestMessage FormRequest(string url, IEnumerable<(string Name, string Value)> fields, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))),
        };
        if (signature is not null)
        {
            request.Headers.Add(TwilioSignature.HeaderName, signature);
        }

        return request;
    }

    private static async Task<HttpResponseMessage> PostJsonAsync(LoopbackApp app, string url, string body, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TwilioSignature.HeaderName, signature);
        return await app.Client.SendAsync(request);
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
