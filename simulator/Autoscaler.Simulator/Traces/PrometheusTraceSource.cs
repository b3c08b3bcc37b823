using System.Globalization;
using Autoscaler.Core.TimeSeries;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Traces;

/// <summary>
/// Reads a trace from a Prometheus server with <c>/api/v1/query_range</c>, in chunks of at most
/// <see cref="MaxPointsPerRequest"/> points (the server refuses more than 11,000 per request), one progress line
/// per chunk. The query must return one series whose value is the demand per <c>step</c> bucket, e.g.
/// <c>sum(increase(http_requests_total[1m]))</c> with <c>--step 1m</c>.
/// </summary>
internal sealed class PrometheusTraceSource(HttpClient http, Uri server, string query, DateTimeOffset from, DateTimeOffset to, TimeSpan step)
{
    public const int MaxPointsPerRequest = 10_000;

    /// <summary>How the trace is named in reports and errors.</summary>
    public string Name => $"prometheus {server} query_range {query}";

    /// <summary>The chunk boundaries: consecutive [start, end] ranges on the step grid from <c>from</c> to <c>to</c>.</summary>
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

    /// <summary>Fetches every chunk; a server or transport failure is an input error naming the chunk.</summary>
    public TraceParseResult Fetch(TextWriter progress)
    {
        var chunks = Chunks();
        var points = new List<TimedValue>();
        var diagnostics = new List<TraceDiagnostic>();
        for (var i = 0; i < chunks.Count; i++)
        {
            var (start, end) = chunks[i];
            var uri = new Uri(server, "api/v1/query_range?" + string.Join('&',
                $"query={Uri.EscapeDataString(query)}",
                $"start={Unix(start)}",
                $"end={Unix(end)}",
                $"step={step.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s"));
            var source = $"{server} (chunk {i + 1}/{chunks.Count}: {start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} .. {end.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ})";
            byte[] body;
            try
            {
                using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, uri));
                using var stream = response.Content.ReadAsStream();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                body = buffer.ToArray();
                if (!response.IsSuccessStatusCode && (body.Length == 0 || body[0] != (byte)'{'))
                {
                    throw new InputErrorException(new InputError(source, 0, "--prometheus", $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}"));
                }
            }
            catch (HttpRequestException e)
            {
                throw new InputErrorException(new InputError(source, 0, "--prometheus", $"cannot query the server: {e.Message}"));
            }

            var before = points.Count;
            diagnostics.AddRange(QueryRangeJson.Read(body, source, points));
            progress.WriteLine($"prometheus: chunk {i + 1}/{chunks.Count}: {points.Count - before} samples");
            if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                break;
            }
        }

        return TraceFile.Assemble(points, diagnostics, Name);
    }

    private static string Unix(DateTimeOffset time) =>
        (time.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
}
