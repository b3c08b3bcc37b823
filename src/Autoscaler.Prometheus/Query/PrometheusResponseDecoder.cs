using System.Globalization;
using System.Text.Json;

namespace Autoscaler.Prometheus.Query;

/// <summary>Decodes the <c>/api/v1</c> JSON envelope: instant query results and series lists.</summary>
public static class PrometheusResponseDecoder
{
    /// <summary>Decodes a <c>/api/v1/query</c> response (vector or scalar).</summary>
    /// <exception cref="PrometheusException">An error envelope, or a body that is not the documented shape.</exception>
    public static IReadOnlyList<PromSample> DecodeQuery(ReadOnlySpan<byte> body)
    {
        using var document = Parse(body);
        return Guard(() => DecodeQuery(document));
    }

    /// <summary>Decodes a <c>/api/v1/series</c> response into label sets.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> DecodeSeries(ReadOnlySpan<byte> body)
    {
        using var document = Parse(body);
        return Guard(() => DecodeSeries(document));
    }

    private static IReadOnlyList<PromSample> DecodeQuery(JsonDocument document)
    {
        var data = Data(document.RootElement);
        var resultType = data.TryGetProperty("resultType", out var type) ? type.GetString() : null;
        var result = data.TryGetProperty("result", out var r) ? r : throw Bad("data.result is missing");
        switch (resultType)
        {
            case "vector":
                var samples = new List<PromSample>(result.GetArrayLength());
                foreach (var element in result.EnumerateArray())
                {
                    if (!element.TryGetProperty("value", out var value))
                    {
                        continue; // a native-histogram sample: no scalar value to serve
                    }

                    samples.Add(new PromSample(Labels(element.GetProperty("metric")), Number(value[1]), Time(value[0])));
                }

                return samples;
            case "scalar":
                return [new PromSample(new Dictionary<string, string>(), Number(result[1]), Time(result[0]))];
            default:
                throw Bad($"resultType '{resultType}' is not an instant vector or scalar; metricsQuery must return one");
        }
    }

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> DecodeSeries(JsonDocument document)
    {
        var data = Data(document.RootElement);
        if (data.ValueKind != JsonValueKind.Array)
        {
            throw Bad("data is not an array of label sets");
        }

        return data.EnumerateArray().Select(Labels).ToList();
    }

    /// <summary>Parses Prometheus' sample strings: decimals, exponents, NaN, +Inf, -Inf.</summary>
    public static double ParseValue(string text) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw Bad($"sample value '{text}' is not a number"),
    };

    // Wrong JSON kinds surface as InvalidOperationException and friends: report them as a bad response.
    private static T Guard<T>(Func<T> decode)
    {
        try
        {
            return decode();
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException or FormatException)
        {
            throw Bad(ex.Message);
        }
    }

    private static JsonDocument Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException ex)
        {
            throw Bad($"body is not JSON ({ex.Message})");
        }
    }

    private static JsonElement Data(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var status))
        {
            throw Bad("no 'status' field");
        }

        if (status.GetString() != "success")
        {
            var errorType = root.TryGetProperty("errorType", out var t) ? t.GetString() : "unknown";
            var error = root.TryGetProperty("error", out var e) ? e.GetString() : "no message";
            var failure = errorType is "timeout" ? PrometheusFailure.Timeout
                : errorType is "unavailable" or "internal" ? PrometheusFailure.Unavailable
                : PrometheusFailure.QueryError;
            throw new PrometheusException(failure, $"Prometheus answered {errorType}: {error}", errorType: errorType);
        }

        return root.TryGetProperty("data", out var data) ? data : throw Bad("no 'data' field");
    }

    private static Dictionary<string, string> Labels(JsonElement metric)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in metric.EnumerateObject())
        {
            labels[property.Name] = property.Value.GetString() ?? string.Empty;
        }

        return labels;
    }

    private static double Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? ParseValue(value.GetString()!) : throw Bad("sample value is not a string");

    private static DateTimeOffset Time(JsonElement value) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(value.GetDouble() * 1000));

    private static PrometheusException Bad(string detail) =>
        new(PrometheusFailure.BadResponse, $"Unexpected Prometheus response: {detail}");
}
