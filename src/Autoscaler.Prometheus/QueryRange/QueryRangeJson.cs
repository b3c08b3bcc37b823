using System.Globalization;
using System.Text.Json;
using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Prometheus.QueryRange;

/// <summary>
/// Reads a Prometheus <c>/api/v1/query_range</c> response (<c>{"status":"success","data":{"resultType":"matrix",
/// "result":[{"metric":{...},"values":[[unix_seconds,"value"],...]}]}}</c>) as trace points. The query must
/// return exactly one series (sum it in PromQL); NaN and infinite samples are left out as gaps and counted in a
/// warning. Several responses (chunks of one long range) may be read into the same list. The one query_range
/// response reader: the simulator's traces (files and <see cref="ChunkedRangeReader"/>) and the controller's and
/// calendar's history (<see cref="PrometheusRangeHistory"/>) read through it.
/// </summary>
public static class QueryRangeJson
{
    // Whole seconds, in integer arithmetic: (DateTime.MaxValue - UnixEpoch).TotalSeconds rounds up to a second too far.
    private const double MinUnixSeconds = (0 - 621_355_968_000_000_000L) / TimeSpan.TicksPerSecond;
    private const double MaxUnixSeconds = (3_155_378_975_999_999_999L - 621_355_968_000_000_000L) / TimeSpan.TicksPerSecond;

    /// <summary>
    /// Adds the points of <paramref name="json"/> to <paramref name="points"/>; returns the diagnostics
    /// (errors name <paramref name="source"/> and the JSON path at fault).
    /// </summary>
    /// <param name="json">The response body (UTF-8).</param>
    /// <param name="source">How the response is named in diagnostics (a file path, or the server and chunk).</param>
    /// <param name="points">Receives the finite samples, in response order.</param>
    public static List<TraceDiagnostic> Read(ReadOnlySpan<byte> json, string source, List<TimedValue> points)
    {
        var diagnostics = new List<TraceDiagnostic>();
        TraceDiagnostic Error(string field, string message) => new(DiagnosticSeverity.Error, source, 0, field, message);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException e)
        {
            diagnostics.Add(Error(string.Empty, $"not valid JSON (line {e.LineNumber + 1}): {e.Message}"));
            return diagnostics;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var status))
            {
                diagnostics.Add(Error("status", "not a Prometheus API response (expected {\"status\": ..., \"data\": {...}})"));
                return diagnostics;
            }

            if (status.GetString() != "success")
            {
                var reason = root.TryGetProperty("error", out var e) ? e.GetString() : "no reason given";
                diagnostics.Add(Error("status", $"Prometheus answered '{status.GetString()}': {reason}"));
                return diagnostics;
            }

            if (!root.TryGetProperty("data", out var data) || !data.TryGetProperty("resultType", out var type) || type.GetString() != "matrix"
                || !data.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Array)
            {
                diagnostics.Add(Error("data.resultType", "expected a range query result (resultType 'matrix'); save the response of /api/v1/query_range"));
                return diagnostics;
            }

            if (result.GetArrayLength() > 1)
            {
                var labels = result.EnumerateArray().Take(3).Select(s => s.TryGetProperty("metric", out var m) ? m.GetRawText() : "{}");
                diagnostics.Add(Error("data.result", $"{result.GetArrayLength()} series ({string.Join(", ", labels)}, ...): a trace is one series; aggregate in the query, e.g. sum(rate(http_requests_total[1m])) * 60"));
                return diagnostics;
            }

            var skipped = 0;
            foreach (var series in result.EnumerateArray())
            {
                if (!series.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
                {
                    diagnostics.Add(Error("data.result[0].values", "missing (a native-histogram series has no float samples to read)"));
                    return diagnostics;
                }

                var index = 0;
                foreach (var pair in values.EnumerateArray())
                {
                    if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2 || pair[0].ValueKind != JsonValueKind.Number
                        || pair[1].ValueKind != JsonValueKind.String
                        || !double.TryParse(pair[1].GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    {
                        diagnostics.Add(Error($"data.result[0].values[{index}]", $"expected [unix_seconds, \"number\"] but found {Clip(pair.GetRawText())}"));
                        return diagnostics;
                    }

                    // A timestamp outside DateTime's years 1..9999 (a mistyped or hostile number) is an error here, not an
                    // ArgumentOutOfRangeException later (issue #15, found by fuzzing).
                    if (!pair[0].TryGetDouble(out var seconds) || !(seconds >= MinUnixSeconds && seconds <= MaxUnixSeconds))
                    {
                        diagnostics.Add(Error($"data.result[0].values[{index}]", $"timestamp {Clip(pair[0].GetRawText())} is not unix seconds between 0001-01-01 and 9999-12-31"));
                        return diagnostics;
                    }

                    var time = DateTime.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
                    if (double.IsFinite(value))
                    {
                        points.Add(new TimedValue(time, value));
                    }
                    else
                    {
                        skipped++;
                    }

                    index++;
                }
            }

            if (skipped > 0)
            {
                diagnostics.Add(new TraceDiagnostic(DiagnosticSeverity.Warning, source, 0, "values", $"{skipped} NaN or infinite sample(s) left out as gaps"));
            }
        }

        return diagnostics;
    }

    private static string Clip(string text) => text.Length <= 60 ? text : text[..60] + "...";
}
