using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FrontDesk.Channels.BotFramework;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.Tests.BotFramework;

/// <summary>
/// Tokens are minted here by hand (RSA PKCS#1 v1.5 over base64url header.payload), independent of
/// the IdentityModel code the validator uses; keys are served by a fake metadata + JWKS server.
/// </summary>
public sealed class BotTokenValidatorTests : IAsyncLifetime, IDisposable
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string Issuer = "https://api.botframework.com";
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly RSA _trustedKey = RSA.Create(2048);
    private readonly RSA _rotatedKey = RSA.Create(2048);
    private readonly RSA _rogueKey = RSA.Create(2048);
    private readonly ManualTimeProvider _clock = new(Now);
    private readonly HttpClient _httpClient = new();
    private LoopbackServer _server = null!;
    private BotTokenValidator _validator = null!;
    private int _jwksFetches;
    private bool _metadataDown;
    private bool _rotated;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", () => _metadataDown
                ? Results.StatusCode(503)
                : Results.Json(new Dictionary<string, object>
                {
                    ["issuer"] = Issuer,
                    ["jwks_uri"] = _server.Url("/v1/.well-known/keys"),
                    ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                }));
            app.MapGet("/v1/.well-known/keys", () =>
            {
                Interlocked.Increment(ref _jwksFetches);
                var keys = new List<object> { Jwk(_trustedKey, "key-1") };
                if (_rotated)
                {
                    keys.Add(Jwk(_rotatedKey, "key-2"));
                }

                return Results.Json(new { keys });
            });
        });

        var options = Options.Create(new BotFrameworkOptions
        {
            AppId = AppId,
            AppPassword = "unused",
            OpenIdMetadataUrl = _server.Url("/v1/.well-known/openidconfiguration"),
        });
        _validator = new BotTokenValidator(_httpClient, options, _clock, NullLogger<BotTokenValidator>.Instance);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _httpClient.Dispose();
        _trustedKey.Dispose();
        _rotatedKey.Dispose();
        _rogueKey.Dispose();
    }

    [Fact]
    public async Task A_valid_token_is_accepted()
    {
        var result = await ValidateAsync(Mint(_trustedKey, "key-1", Claims()));

        Assert.Equal(BotTokenValidationKind.Valid, result.Kind);
        Assert.True(result.IsValid);
    }

    [Fact]
    public async Task A_token_expired_beyond_the_five_minute_skew_is_rejected()
    {
        var claims = Claims(expires: Now - TimeSpan.FromMinutes(6), notBefore: Now - TimeSpan.FromHours(1));

        var result = await ValidateAsync(Mint(_trustedKey, "key-1", claims));

        Assert.Equal(BotTokenValidationKind.Unauthorized, result.Kind);
        Assert.Equal("token expired", result.Reason);
    }

    [Fact]
    public async Task A_token_expired_just_within_the_skew_is_accepted()
    {
        var claims = Claims(expires: Now - TimeSpan.FromMinutes(4), notBefore: Now - TimeSpan.FromHours(1));

        var result = await ValidateAsync(Mint(_trustedKey, "key-1", claims));

        Assert.Equal(BotTokenValidationKind.Valid, result.Kind);
    }

    [Fact]
    public async Task A_token_not_yet_valid_within_the_skew_is_accepted_and_beyond_it_rejected()
    {
        var early = Claims(notBefore: Now + TimeSpan.FromMinutes(4));
        var tooEarly = Claims(notBefore: Now + TimeSpan.FromMinutes(6));

        Assert.Equal(BotTokenValidationKind.Valid, (await ValidateAsync(Mint(_trustedKey, "key-1", early))).Kind);
        Assert.Equal(BotTokenValidationKind.Unauthorized, (await ValidateAsync(Mint(_trustedKey, "key-1", tooEarly))).Kind);
    }

    [Fact]
    public async Task A_token_without_expiry_is_rejected()
    {
        var claims = Claims();
        claims.Remove("exp");

        var result = await ValidateAsync(Mint(_trustedKey, "key-1", claims));

        Assert.Equal(BotTokenValidationKind.Unauthorized, result.Kind);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_rejected()
    {
        var result = await ValidateAsync(Mint(_trustedKey, "key-1", Claims(audience: "another-bot")));

        Assert.Equal(BotTokenValidationKind.Unauthorized, result.Kind);
        Assert.Equal("wrong audience", result.Reason);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_rejected()
    {
        var result = await ValidateAsync(Mint(_trustedKey, "key-1", Claims(issuer: "https://sts.windows.net/evil/")));

        Assert.Equal(BotTokenValidationKind.Unauthorized, result.Kind);
        Assert.Equal("wrong issuer", result.Reason);
    }

    [Fact]
    public async Task A_token_signed_by_a_key_not_in_the_key_set_is_rejected()
    {
        var unknownKid = await ValidateAsync(Mint(_rogueKey, "rogue", Claims()));
        var borrowedKid = await ValidateAsync(Mint(_rogueKey, "key-1", Claims()));

        Assert.Equal(BotTokenValidationKind.Unauthorized, unknownKid.Kind);
        Assert.Equal(BotTokenValidationKind.Unauthorized, borrowedKid.Kind);
    }

    [Fact]
    public async Task An_unsigned_token_is_rejected()
    {
        var header = Base64Url.EncodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}"u8);
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(Claims()));

        var result = await ValidateAsync($"{header}.{payload}.");

        Assert.Equal(BotTokenValidationKind.Unauthorized, result.Kind);
    }

    [Fact]
    public async Task A_serviceUrl_claim_for_another_connector_is_forbidden()
    {
        var claims = Claims(serviceUrl: "https://attacker.example/");

        var result = await ValidateAsync(Mint(_trustedKey, "key-1", claims));

        Assert.Equal(BotTokenValidationKind.Forbidden, result.Kind);
    }

    [Fact]
    public async Task A_token_without_a_serviceUrl_claim_is_forbidden()
    {
        var claims = Claims();
        claims.Remove("serviceurl");

        var result = await ValidateAsync(Mint(_trustedKey, "key-1", claims));

        Assert.Equal(BotTokenValidationKind.Forbidden, result.Kind);
    }

    [Fact]
    public async Task The_camel_case_serviceUrl_claim_is_honoured()
    {
        var claims = Claims();
        claims.Remove("serviceurl");
        claims["serviceUrl"] = ServiceUrl;

        var result = await ValidateAsync(Mint(_trustedKey, "key-1", claims));

        Assert.Equal(BotTokenValidationKind.Valid, result.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer not-a-jwt")]
    public async Task A_missing_or_malformed_authorization_header_is_unauthorized(string? header)
    {
        var result = await _validator.ValidateAsync(header, ServiceUrl, CancellationToken.None);

        Assert.Equal(BotTokenValidationKind.Unauthorized, result.Kind);
    }

    [Fact]
    public async Task Keys_are_fetched_once_and_cached_across_tokens()
    {
        Assert.True((await ValidateAsync(Mint(_trustedKey, "key-1", Claims()))).IsValid);
        Assert.True((await ValidateAsync(Mint(_trustedKey, "key-1", Claims(serviceUrl: ServiceUrl)))).IsValid);
        await ValidateAsync(Mint(_trustedKey, "key-1", Claims(audience: "someone-else")));

        Assert.Equal(1, _jwksFetches);
    }

    [Fact]
    public async Task A_token_naming_a_new_key_triggers_a_refresh_and_the_new_key_is_accepted()
    {
        Assert.True((await ValidateAsync(Mint(_trustedKey, "key-1", Claims()))).IsValid);
        _rotated = true;
        var rotatedToken = Mint(_rotatedKey, "key-2", Claims());

        // The refresh runs in the background: the token that asked for it may still be refused.
        var first = await ValidateAsync(rotatedToken);
        Assert.True(first.IsValid || first.Reason == "signed by an unknown key", first.Reason);
        var accepted = first.IsValid;
        await WaitUntilAsync(async () => accepted = accepted || (await ValidateAsync(rotatedToken)).IsValid);

        Assert.True(accepted);
        Assert.Equal(2, _jwksFetches);
    }

    [Fact]
    public async Task Unknown_key_ids_ask_for_at_most_one_refresh_per_five_minutes()
    {
        await ValidateAsync(Mint(_trustedKey, "key-1", Claims()));
        for (var i = 0; i < 5; i++)
        {
            Assert.False((await ValidateAsync(Mint(_rogueKey, "rogue-" + i, Claims()))).IsValid);
        }

        await WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref _jwksFetches) >= 2));
        await Task.Delay(300);
        Assert.Equal(2, _jwksFetches);
    }

    [Fact]
    public async Task Unreachable_metadata_is_unauthorized_not_an_exception()
    {
        _metadataDown = true;

        var result = await ValidateAsync(Mint(_trustedKey, "key-1", Claims()));

        Assert.Equal(BotTokenValidationKind.Unauthorized, result.Kind);
        Assert.Equal("signing keys unavailable", result.Reason);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private Task<BotTokenValidationResult> ValidateAsync(string token) =>
        _validator.ValidateAsync("Bearer " + token, ServiceUrl, CancellationToken.None);

    private static Dictionary<string, object> Claims(
        string issuer = Issuer,
        string audience = AppId,
        string serviceUrl = ServiceUrl,
        DateTimeOffset? expires = null,
        DateTimeOffset? notBefore = null) => new()
        {
            ["iss"] = issuer,
            ["aud"] = audience,
            ["serviceurl"] = serviceUrl,
            ["nbf"] = (notBefore ?? Now - TimeSpan.FromMinutes(1)).ToUnixTimeSeconds(),
            ["exp"] = (expires ?? Now + TimeSpan.FromHours(1)).ToUnixTimeSeconds(),
        };

    private static string Mint(RSA key, string kid, Dictionary<string, object> claims)
    {
        var header = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT", kid }));
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signingInput = header + "." + payload;
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    private static object Jwk(RSA key, string kid)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
            ["endorsements"] = new[] { "msteams", "webchat" },
        };
    }
}
