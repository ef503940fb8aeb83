using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.WebChat;

/// <summary>Composition of the web chat: options, sessions, rate limits, CORS and the widget's static files.</summary>
public static class WebChatHosting
{
    /// <summary>Registers the web chat services, its validated options, rate-limiter policies and CORS policy.</summary>
    public static WebApplicationBuilder AddFrontDeskWebChat(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<WebChatOptions>().BindConfiguration(WebChatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WebSessions>();
        services.AddSingleton<VerificationCodeLog>();
        services.AddSingleton<WebSessionRateLimiter>();
        services.AddSingleton<WebChatTurns>();
        services.TryAddSingleton<Hosting.FrontDeskTurns>();

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<WebChatOptions>>((cors, web) => cors.AddPolicy(WebChatEndpoints.CorsPolicy, policy =>
        {
            var origins = web.Value.AllowedOrigins;
            if (origins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins([.. origins]);
            }
            policy.WithMethods("GET", "POST").WithHeaders("Content-Type").WithExposedHeaders("Retry-After");
        }));

        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(WebChatEndpoints.SendPolicy, http => PerAddress(http, 1));
            limiter.AddPolicy(WebChatEndpoints.ReadPolicy, http => PerAddress(http, 10));
            limiter.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                await new TooManyRequests(retry, "Too many messages from this address; wait a moment and try again.").ExecuteAsync(http);
            };
        });
        return builder;
    }

    /// <summary>Serves wwwroot (widget.js, widget.css, the landing page's style) and applies CORS and the rate limits.</summary>
    public static WebApplication UseFrontDeskWebChat(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var root = new[] { Path.Combine(app.Environment.ContentRootPath, "wwwroot"), Path.Combine(AppContext.BaseDirectory, "wwwroot") }
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "widget.js")));
        if (root is null)
        {
            throw new InvalidOperationException("The widget's files (wwwroot/widget.js) were not found next to the host.");
        }
        // An unexpected failure answers a 500 with problem details instead of an empty body; a request Kestrel refused
        // while it was being read (a body over the size limit, a broken chunk) keeps its own status (413, 400).
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        // An error answered with no body at all (404 for an unknown path, 405 for a wrong method, a bare 401) gets
        // problem details; responses that carry their own body (TwiML, problem details, HTML) are left as they are.
        app.UseStatusCodePages();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public, max-age=300",
        });
        app.UseCors();
        app.UseRateLimiter();
        return app;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext http, int factor)
    {
        var limit = http.RequestServices.GetRequiredService<IOptions<WebChatOptions>>().Value.PerAddressPerMinute * factor;
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (limit == 0)
        {
            // Off: a reverse proxy in front limits per visitor itself (or a load test on loopback).
            return RateLimitPartition.GetNoLimiter(address);
        }
        return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        });
    }
}
