using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Autoscaler.MetricsAdapter.Errors;
using Microsoft.AspNetCore.Http;

namespace Autoscaler.MetricsAdapter.Api;

/// <summary>Writes JSON bodies and Status errors with the right content type.</summary>
internal static class JsonResponses
{
    public const string JsonContentType = "application/json";

    public static Task WriteAsync<T>(HttpContext context, int status, T body, JsonTypeInfo<T> typeInfo)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = JsonContentType;
        return JsonSerializer.SerializeAsync(context.Response.Body, body, typeInfo, context.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpContext context, ApiError error)
    {
        if (context.Response.HasStarted)
        {
            // Too late for a Status body: abort so the client sees a broken response rather than a truncated 200.
            context.Abort();
            return Task.CompletedTask;
        }

        if (error.Details?.RetryAfterSeconds > 0)
        {
            context.Response.Headers.RetryAfter = error.Details.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return WriteAsync(context, error.Code, error.ToBody(), AdapterJson.Context.StatusBody);
    }
}
