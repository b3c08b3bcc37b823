using System.Globalization;
using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Prometheus.QueryRange;

/// <summary>
/// Reads one series over a long range with <c>GET /api/v1/query_range</c>, in chunks of at most
/// <see cref="MaxPointsPerRequest"/> points (Prometheus refuses more than 11,000 per request), every chunk parsed
/// by <see cref="QueryRangeJson"/>, one progress line per chunk. Synchronous: the simulator's command line reads
/// its whole trace before it starts.
/// </summary>
/// <param name="http">HTTP client (its timeout bounds each chunk).</param>
/// <param name="server">Prometheus base URL ending in '/', e.g. http://prometheus:9090/.</param>
/// <param name="query">PromQL returning one series.</param>
/// <param name="from">First sample time (inclusive).</param>
/// <param name="to">Last sample time (inclusive).</param>
/// <param name="step">The query step: one sample per step.</param>
public sealed class ChunkedRangeReader(HttpClient http, Uri server, string query, DateTimeOffset from, DateTimeOffset to, TimeSpan step)
{
    /// <summary>Points per request: under Prometheus' limit of 11,000.</summary>
    public const int MaxPointsPerRequest = 10_000;

    /// <summary>The chunk boundaries: consecutive [start, end] ranges on the step grid from <c>from</c> to <c>to</c>; no point twice.</summary>
    public IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Chunks()
    {
        var chunks = new List<(DateTimeOffset, DateTimeOffset)>();
        var span = step * (MaxPointsPerRequest - 1);
        for (var start = from; start <= to; start += span + step)
        {
            chunks.Add((start, start + span < to ? start + span : to));
        }

        return chunks;
    }

    /// <summary>
    /// Fetches every chunk into <paramref name="points"/>, stopping at the first chunk with an error. Returns the
    /// diagnostics; a transport failure or a non-JSON HTTP error is an error naming the chunk (field <c>url</c>).
    /// </summary>
    public List<TraceDiagnostic> ReadAll(List<TimedValue> points, TextWriter progress)
    {
        var chunks = Chunks();
        var diagnostics = new List<TraceDiagnostic>();
        for (var i = 0; i < chunks.Count; i++)
        {
            var (start, end) = chunks[i];
            var source = $"{server} (chunk {i + 1}/{chunks.Count}: {start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} .. {end.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ})";
            var body = Get(Url(server, query, start, end, step), source, diagnostics);
            if (body is null) break;
            var before = points.Count;
            diagnostics.AddRange(QueryRangeJson.Read(body, source, points));
            progress.WriteLine($"prometheus: chunk {i + 1}/{chunks.Count}: {points.Count - before} samples");
            if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) break;
        }

        return diagnostics;
    }

    /// <summary>The query_range URL for [start, end] at <paramref name="step"/> (times and step in seconds; milliseconds kept).</summary>
    public static Uri Url(Uri server, string query, DateTimeOffset start, DateTimeOffset end, TimeSpan step) =>
        new(server, "api/v1/query_range?" + string.Join('&',
            $"query={Uri.EscapeDataString(query)}",
            $"start={Unix(start)}",
            $"end={Unix(end)}",
            $"step={step.TotalSeconds.ToString(CultureInfo.InvariantCulture)}"));

    private byte[]? Get(Uri uri, string source, List<TraceDiagnostic> diagnostics)
    {
        try
        {
            using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, uri));
            using var stream = response.Content.ReadAsStream();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var body = buffer.ToArray();
            if (response.IsSuccessStatusCode || (body.Length > 0 && body[0] == (byte)'{')) return body;
            diagnostics.Add(new TraceDiagnostic(DiagnosticSeverity.Error, source, 0, "url", $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}"));
        }
        catch (HttpRequestException e)
        {
            diagnostics.Add(new TraceDiagnostic(DiagnosticSeverity.Error, source, 0, "url", $"cannot query the server: {e.Message}"));
        }
        catch (TaskCanceledException e)
        {
            diagnostics.Add(new TraceDiagnostic(DiagnosticSeverity.Error, source, 0, "url", $"no answer in time: {e.Message}"));
        }

        return null;
    }

    private static string Unix(DateTimeOffset time) =>
        (time.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
}
