using System.Diagnostics;
using Autoscaler.MetricsAdapter.Api;
using Autoscaler.MetricsAdapter.Errors;
using Autoscaler.MetricsAdapter.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Autoscaler.MetricsAdapter.Hosting;

/// <summary>
/// Outermost middleware: refuses oversized bodies with 413, turns Kestrel's bad-request errors into
/// Status bodies, turns any unexpected exception into a 500 Status (never a crash or an empty reply), and
/// records request count and latency by route class.
/// </summary>
internal sealed partial class RequestGuardMiddleware(RequestDelegate next, AdapterOptions options, AdapterTelemetry telemetry, TimeProvider time, ILogger<RequestGuardMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = time.GetTimestamp();
        try
        {
            if (context.Request.ContentLength > options.MaxRequestBodyBytes)
            {
                await JsonResponses.WriteErrorAsync(context, ApiError.TooLarge(options.MaxRequestBodyBytes)).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            var error = e.StatusCode == 413 ? ApiError.TooLarge(options.MaxRequestBodyBytes) : ApiError.BadRequest(e.Message);
            await JsonResponses.WriteErrorAsync(context, error).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception e)
        {
            LogUnexpected(logger, context.Request.Path.Value ?? string.Empty, e);
            await JsonResponses.WriteErrorAsync(context, ApiError.Internal(e.GetType().Name)).ConfigureAwait(false);
        }
        finally
        {
            telemetry.Request(RouteClass(context.Request.Path.Value ?? string.Empty), context.Response.StatusCode, time.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <summary>A small fixed set of route labels, so paths never explode the series count.</summary>
    internal static string RouteClass(string path) => path switch
    {
        _ when path.StartsWith("/apis/" + ApiGroups.External + "/", StringComparison.Ordinal) && path.Count(c => c == '/') > 3 => "external",
        _ when path.StartsWith("/apis/" + ApiGroups.Custom + "/", StringComparison.Ordinal) && path.Count(c => c == '/') > 3 => "custom",
        _ when path.StartsWith("/apis", StringComparison.Ordinal) => "discovery",
        "/healthz" or "/livez" or "/readyz" => "health",
        _ when path.StartsWith("/healthz/", StringComparison.Ordinal) || path.StartsWith("/livez/", StringComparison.Ordinal) || path.StartsWith("/readyz/", StringComparison.Ordinal) => "health",
        "/metrics" => "metrics",
        _ when path.StartsWith("/openapi", StringComparison.Ordinal) => "openapi",
        _ => "other",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure serving {Path}")]
    private static partial void LogUnexpected(ILogger logger, string path, Exception exception);
}
