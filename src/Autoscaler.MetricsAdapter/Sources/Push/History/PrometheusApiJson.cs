using System.Globalization;
using System.Text.Json;
using Autoscaler.MetricsAdapter.Storage;
using Microsoft.AspNetCore.Http;

namespace Autoscaler.MetricsAdapter.Sources.Push.History;

/// <summary>
/// Writes Prometheus HTTP API bodies: a range result <c>{"status":"success","data":{"resultType":"matrix","result":[{"metric":
/// {"__name__":…,labels},"values":[[unix_seconds,"value"],…]}]}}</c> (a series without points is left out, as Prometheus
/// does) and errors <c>{"status":"error","errorType":"bad_data","error":"…"}</c>.
/// </summary>
internal static class PrometheusApiJson
{
    /// <summary>The error type of a request the server cannot answer as asked (HTTP 400).</summary>
    public const string BadData = "bad_data";

    /// <summary>Writes a range result holding <paramref name="series"/> (or nothing).</summary>
    public static async Task WriteMatrixAsync(HttpContext context, StoredRange? series)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", "success");
        json.WriteStartObject("data");
        json.WriteString("resultType", "matrix");
        json.WriteStartArray("result");
        if (series is { Points.Count: > 0 })
        {
            json.WriteStartObject();
            json.WriteStartObject("metric");
            json.WriteString("__name__", series.Name);
            foreach (var (name, value) in series.Labels.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
            json.WriteStartArray("values");
            foreach (var point in series.Points)
            {
                json.WriteStartArray();
                json.WriteRawValue((point.TimestampUnixMs / 1000m).ToString("0.###", CultureInfo.InvariantCulture));
                json.WriteStringValue(point.Value.ToString("R", CultureInfo.InvariantCulture));
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Writes a Prometheus error body with <paramref name="status"/>.</summary>
    public static async Task WriteErrorAsync(HttpContext context, int status, string errorType, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", "error");
        json.WriteString("errorType", errorType);
        json.WriteString("error", message);
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
