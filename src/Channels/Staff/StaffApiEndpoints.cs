using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using FrontDesk.Channels.Hosting;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Text;

namespace FrontDesk.Channels.Staff;

/// <summary>A staff reply to a client.</summary>
/// <param name="Text">What the staff member wrote.</param>
internal sealed record StaffReplyRequest(string? Text);

/// <summary>A new staff account.</summary>
internal sealed record NewStaffAccount(string? Email, string? Name, string? Role, string? Password);

/// <summary>A change to an account: its role, whether it is active, or both.</summary>
internal sealed record AccountPatch(string? Role, bool? Active);

/// <summary>A new API key's label.</summary>
internal sealed record NewApiKey(string? Label);

/// <summary>New content for an editable prompt file.</summary>
internal sealed record PromptContent(string? Content);

/// <summary>
/// The JSON staff API under <c>/api/staff</c>: API keys only (X-Api-Key or Bearer), roles enforced by policy on every
/// endpoint; times both as local ISO-8601 in the spa's zone and as UTC.
/// </summary>
internal static class StaffApiEndpoints
{
    private const int MaxRangeDays = 92;
    // An opt-out change is a number and a short note: anything much bigger is not one.
    private const int MaxOptOutBody = 16 * 1024;
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
    private static readonly string[] EscalationStatuses = ["open", "claimed", "resolved"];

    public static void MapStaffApiEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api/staff").RequireAuthorization(StaffAuth.ApiStaff).DisableAntiforgery().AddEndpointFilter(InputRules.RejectForbiddenCharsAsync);

        api.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new { login = user.Login(), name = user.Identity?.Name, role = user.Role() }));

        api.MapGet("/appointments", async Task<IResult> (string? from, string? to, string? location, StaffQueries q, SpaProfile profile, TimeProvider clock, CancellationToken ct) =>
        {
            if (Range(from, to, profile, clock, 0, out var f, out var t) is { } bad)
            {
                return bad;
            }
            if (location is not null && profile.FindLocation(location) is null)
            {
                return TypedResults.Problem($"Unknown location '{location}'.", statusCode: 400, title: "Invalid request");
            }
            return TypedResults.Ok(await q.AppointmentsAsync(f, t, location, ct));
        });

        api.MapGet("/escalations", async Task<IResult> (string? status, ClaimsPrincipal user, StaffQueries q, CancellationToken ct) =>
            status is not null && !EscalationStatuses.Contains(status)
                ? TypedResults.Problem("'status' must be open, claimed or resolved.", statusCode: 400, title: "Invalid request")
                : TypedResults.Ok(await q.EscalationsAsync(status, user, ct)));
        api.MapPost("/escalations/{id}/claim", async (string id, ClaimsPrincipal user, StaffDesk desk, CancellationToken ct) =>
            (await desk.ClaimAsync(id, user, ct)).ToHttp());
        api.MapPost("/escalations/{id}/resolve", async (string id, ClaimsPrincipal user, StaffDesk desk, CancellationToken ct) =>
            (await desk.ResolveAsync(id, user, ct)).ToHttp());

        api.MapGet("/conversations/{id}", async Task<IResult> (string id, ClaimsPrincipal user, StaffQueries q, StaffDesk desk, CancellationToken ct) =>
        {
            var conversation = await q.ConversationAsync(id, user, ct);
            if (conversation is null)
            {
                return DeskResult.NotFound.ToHttp();
            }
            return await desk.MaySeeConversationAsync(user, id, ct) ? TypedResults.Ok(conversation) : DeskResult.Forbidden.ToHttp();
        });
        api.MapPost("/conversations/{id}/reply", async Task<IResult> (string id, HttpRequest http, ClaimsPrincipal user, StaffDesk desk, CancellationToken ct) =>
        {
            var (body, bad) = await ReadAsync<StaffReplyRequest>(http, ct);
            return bad ?? (await desk.ReplyAsync(id, body!.Text, user, null, ct)).ToHttp();
        });
        api.MapPost("/conversations/{id}/takeover", async (string id, ClaimsPrincipal user, StaffDesk desk, CancellationToken ct) =>
            (await desk.TakeOverAsync(id, user, ct)).ToHttp());
        api.MapPost("/conversations/{id}/release", async (string id, ClaimsPrincipal user, StaffDesk desk, CancellationToken ct) =>
            (await desk.ReleaseAsync(id, user, ct)).ToHttp());

        api.MapGet("/transcripts", async Task<IResult> (string? tag, string? channel, string? language, string? from, string? to, ClaimsPrincipal user, StaffQueries q,
            SpaProfile profile, TimeProvider clock, CancellationToken ct) =>
        {
            if (Range(from, to, profile, clock, 6, out var f, out var t) is { } bad)
            {
                return bad;
            }
            if (Language(language, out var lang) is { } badLanguage)
            {
                return badLanguage;
            }
            // language=es is tag=language:es; both at once must agree.
            var languageTag = lang is null ? null : "language:" + lang;
            if (languageTag is not null && Blank(tag) is { } other && other != languageTag)
            {
                return TypedResults.Problem("'tag' and 'language' ask for different things.", statusCode: 400, title: "Invalid request");
            }
            return TypedResults.Ok(await q.TranscriptsAsync(languageTag ?? Blank(tag), Blank(channel), f, t, user, ct));
        });

        api.MapGet("/waitlist", async Task<IResult> (string? status, StaffQueries q, CancellationToken ct) =>
            TypedResults.Ok(await q.WaitlistAsync(Blank(status), ct)));

        api.MapGet("/outbox", async Task<IResult> (string? status, ClaimsPrincipal user, StaffQueries q, CancellationToken ct) =>
            TypedResults.Ok(await q.OutboxAsync(Blank(status), user, ct)));
        api.MapPost("/outbox/{id}/approve", async (string id, ClaimsPrincipal user, StaffDesk desk, CancellationToken ct) =>
            (await desk.ApproveAsync(id, user, ct)).ToHttp());
        api.MapPost("/outbox/{id}/reject", async (string id, ClaimsPrincipal user, StaffDesk desk, CancellationToken ct) =>
            (await desk.RejectAsync(id, user, ct)).ToHttp());

        // Who may not be texted: a number's status (?phone=), or the opted-out numbers newest first, a page at a time.
        api.MapGet("/opt-outs", async Task<IResult> (string? phone, string? page, string? pageSize, StaffOptOuts optOuts, CancellationToken ct) =>
        {
            if (phone is not null)
            {
                return optOuts.Parse(phone) is { } e164
                    ? TypedResults.Ok(await optOuts.StatusAsync(e164, ct))
                    : TypedResults.Problem(StaffOptOuts.PhoneProblem, statusCode: 400, title: "Invalid request");
            }
            if (!TryCount(page, 1, 1_000_000, 1, out var p))
            {
                return TypedResults.Problem("'page' must be a whole number from 1.", statusCode: 400, title: "Invalid request");
            }
            if (!TryCount(pageSize, 1, StaffOptOuts.MaxPageSize, StaffOptOuts.DefaultPageSize, out var size))
            {
                return TypedResults.Problem($"'pageSize' must be a whole number from 1 to {StaffOptOuts.MaxPageSize}.", statusCode: 400, title: "Invalid request");
            }
            var (numbers, total) = await optOuts.ListAsync(p, size, ct);
            return TypedResults.Ok(new { page = p, pageSize = size, total, numbers });
        });
        // Any role stops texts to a number; texting it again is for managers and admins, with a note (StaffOptOuts).
        api.MapPut("/opt-outs", async Task<IResult> (HttpRequest http, ClaimsPrincipal user, StaffOptOuts optOuts, CancellationToken ct) =>
        {
            if (http.ContentLength > MaxOptOutBody)
            {
                return OptOutBodyTooLarge();
            }
            var (body, bad) = await ReadAsync<OptOutChange>(http, ct);
            if (bad is not null)
            {
                return bad;
            }
            if (body!.OptedOut is not { } optedOut)
            {
                return TypedResults.Problem("'optedOut' is required: true to stop texting the number, false to text it again.", statusCode: 400, title: "Invalid request");
            }
            return (await optOuts.ChangeAsync(body.Phone, optedOut, body.Note, user, null, ct)).ToHttp();
        }).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxOptOutBody));

        api.MapGet("/metrics", async Task<IResult> (string? from, string? to, string? language, StaffMetrics metrics, SpaProfile profile, TimeProvider clock, CancellationToken ct) =>
        {
            if (Range(from, to, profile, clock, 6, out var f, out var t) is { } bad)
            {
                return bad;
            }
            if (Language(language, out var lang) is { } badLanguage)
            {
                return badLanguage;
            }
            return TypedResults.Ok(await metrics.ComputeAsync(f, t, lang, ct));
        }).RequireAuthorization(StaffAuth.ApiManager);

        api.MapGet("/audit", async Task<IResult> (string? from, string? to, string? entity, string? entityId, StaffQueries q, SpaProfile profile, TimeProvider clock, CancellationToken ct) =>
        {
            if (Range(from, to, profile, clock, 6, out var f, out var t) is { } bad)
            {
                return bad;
            }
            return TypedResults.Ok(await q.AuditAsync(f, t, Blank(entity), Blank(entityId), ct));
        }).RequireAuthorization(StaffAuth.ApiManager);

        api.MapGet("/prompts/{name}", async Task<IResult> (string name, StaffPrompts prompts, CancellationToken ct) =>
            await prompts.ReadAsync(name, ct) is { } text ? TypedResults.Ok(new { name, content = text }) : DeskResult.NotFound.ToHttp())
            .RequireAuthorization(StaffAuth.ApiManager);
        api.MapPut("/prompts/{name}", async Task<IResult> (string name, HttpRequest http, ClaimsPrincipal user, StaffPrompts prompts, CancellationToken ct) =>
        {
            var (body, bad) = await ReadAsync<PromptContent>(http, ct);
            return bad ?? (await prompts.WriteAsync(name, body!.Content, user, ct)).ToHttp();
        }).RequireAuthorization(StaffAuth.ApiManager);

        api.MapGet("/accounts", async (StaffAccounts accounts, CancellationToken ct) =>
            TypedResults.Ok((await accounts.ListAsync(ct)).Select(a => new { a.Id, a.Email, a.Name, a.Role, a.Active })))
            .RequireAuthorization(StaffAuth.ApiAdmin);
        api.MapPost("/accounts", async Task<IResult> (HttpRequest http, ClaimsPrincipal user, StaffAccounts accounts, CancellationToken ct) =>
        {
            var (body, bad) = await ReadAsync<NewStaffAccount>(http, ct);
            if (bad is not null)
            {
                return bad;
            }
            var (error, account) = await accounts.CreateAsync(body!.Email ?? "", body.Name ?? "", body.Role ?? "", body.Password ?? "", user.Actor(), ct);
            return error switch
            {
                AccountError.None => TypedResults.Created($"/api/staff/accounts/{account!.Id}", new { account.Id, account.Email, account.Name, account.Role }),
                AccountError.EmailTaken => TypedResults.Problem("An account with that email exists.", statusCode: 409, title: "Conflict"),
                _ => TypedResults.Problem(AccountErrorText(error), statusCode: 400, title: "Invalid request"),
            };
        }).RequireAuthorization(StaffAuth.ApiAdmin);
        api.MapPatch("/accounts/{id}", async Task<IResult> (string id, HttpRequest http, ClaimsPrincipal user, StaffAccounts accounts, CancellationToken ct) =>
        {
            var (body, bad) = await ReadAsync<AccountPatch>(http, ct);
            if (bad is not null)
            {
                return bad;
            }
            if (body!.Role is null && body.Active is null)
            {
                return TypedResults.Problem("Send 'role', 'active' or both.", statusCode: 400, title: "Invalid request");
            }
            var (result, account) = await accounts.UpdateAsync(id, body.Role, body.Active, user.Actor(), ct);
            return result switch
            {
                AccountChange.Done => TypedResults.Ok(new { account!.Id, account.Email, account.Name, account.Role, account.Active }),
                AccountChange.NotFound => DeskResult.NotFound.ToHttp(),
                AccountChange.InvalidRole => TypedResults.Problem(AccountErrorText(AccountError.InvalidRole), statusCode: 400, title: "Invalid request"),
                _ => TypedResults.Problem("This is the last active admin; make another account admin first.", statusCode: 409, title: "Conflict"),
            };
        }).RequireAuthorization(StaffAuth.ApiAdmin);
        api.MapPost("/accounts/{id}/api-keys", async Task<IResult> (string id, HttpRequest http, ClaimsPrincipal user, StaffAccounts accounts, CancellationToken ct) =>
        {
            var (body, bad) = await ReadAsync<NewApiKey>(http, ct);
            if (bad is not null)
            {
                return bad;
            }
            if (await accounts.GetAsync(id, ct) is null)
            {
                return DeskResult.NotFound.ToHttp();
            }
            var (keyId, key) = await accounts.IssueApiKeyAsync(id, string.IsNullOrWhiteSpace(body!.Label) ? "api" : body.Label.Trim(), user.Actor(), ct);
            return TypedResults.Ok(new { id = keyId, key, note = "Shown once; only its hash is stored." });
        }).RequireAuthorization(StaffAuth.ApiAdmin);
        api.MapDelete("/api-keys/{id}", async Task<IResult> (string id, ClaimsPrincipal user, StaffAccounts accounts, CancellationToken ct) =>
            await accounts.RevokeApiKeyAsync(id, user.Actor(), ct) ? TypedResults.NoContent() : DeskResult.NotFound.ToHttp())
            .RequireAuthorization(StaffAuth.ApiAdmin);
    }

    public static string AccountErrorText(AccountError error) => error switch
    {
        AccountError.InvalidEmail => "'email' must be an email address.",
        AccountError.InvalidName => $"'name' must be 1 to {InputText.MaxNameLength} characters with a letter, and no markup or control characters.",
        AccountError.InvalidRole => $"'role' must be one of {string.Join(", ", StaffRole.All)}.",
        AccountError.WeakPassword => $"'password' must be {StaffAccounts.MinPasswordLength} to 200 characters.",
        AccountError.EmailTaken => "An account with that email exists.",
        _ => "Invalid account.",
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static bool TryCount(string? text, int min, int max, int fallback, out int value)
    {
        value = fallback;
        return Blank(text) is not { } t || int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult OptOutBodyTooLarge() =>
        TypedResults.Problem($"The body is larger than {MaxOptOutBody / 1024} KB; send 'phone', 'optedOut' and a 'note' of at most {FrontDesk.Tools.Clients.TextOptOuts.MaxNoteLength} characters.",
            statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large");

    /// <summary>A language filter: empty for all, else a code the product speaks ("en", "es").</summary>
    internal static IResult? Language(string? language, out string? code)
    {
        code = Blank(language)?.ToLowerInvariant();
        if (code is null || SpaInfo.SupportedLanguages.Contains(code))
        {
            return null;
        }
        code = null;
        return TypedResults.Problem($"'language' must be one of: {string.Join(", ", SpaInfo.SupportedLanguages)}.", statusCode: 400, title: "Invalid request");
    }

    /// <summary>Reads a local date range (default: the last <paramref name="defaultDaysBack"/> days through today); null when valid.</summary>
    internal static IResult? Range(string? from, string? to, SpaProfile profile, TimeProvider clock, int defaultDaysBack, out DateOnly f, out DateOnly t)
    {
        var today = profile.Today(clock);
        f = today.AddDays(-defaultDaysBack);
        t = today;
        if (from is not null && !StaffTime.TryParseDay(from, out f))
        {
            return TypedResults.Problem("'from' must be a date like 2026-11-23, between 1900 and 2999.", statusCode: 400, title: "Invalid request");
        }
        if (to is not null && !StaffTime.TryParseDay(to, out t))
        {
            return TypedResults.Problem("'to' must be a date like 2026-11-23, between 1900 and 2999.", statusCode: 400, title: "Invalid request");
        }
        if (from is not null && to is null)
        {
            t = f.AddDays(Math.Max(defaultDaysBack, 0));
        }
        if (to is not null && from is null)
        {
            f = t.AddDays(-Math.Max(defaultDaysBack, 0));
        }
        if (t < f)
        {
            return TypedResults.Problem("'to' is before 'from'.", statusCode: 400, title: "Invalid request");
        }
        if (t.DayNumber - f.DayNumber >= MaxRangeDays)
        {
            return TypedResults.Problem($"The range is longer than {MaxRangeDays} days.", statusCode: 400, title: "Invalid request");
        }
        return null;
    }

    private static async Task<(T? Body, IResult? Bad)> ReadAsync<T>(HttpRequest http, CancellationToken ct) where T : class
    {
        if (!http.HasJsonContentType())
        {
            return (null, TypedResults.Problem("Send a JSON body (Content-Type: application/json).", statusCode: 415, title: "Unsupported media type"));
        }
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(http.Body, Strict, ct);
            if (body is null)
            {
                return (null, TypedResults.Problem("A JSON object is required.", statusCode: 400, title: "Bad JSON"));
            }
            return InputRules.FirstForbiddenField(body) is { } field ? (null, InputRules.Forbidden(field)) : (body, null);
        }
        catch (JsonException ex)
        {
            return (null, TypedResults.Problem(ex.Message.Split(" Path:")[0], statusCode: 400, title: "Bad JSON"));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A chunked body past the endpoint's size limit: a problem, not a failure.
            return (null, TypedResults.Problem("The body is too large for this request.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large"));
        }
    }
}
