using Autoscaler.Core.TimeSeries;
using Autoscaler.Prometheus.QueryRange;

namespace Autoscaler.Simulator.Traces;

/// <summary>
/// A trace read from a Prometheus server by the shared <see cref="ChunkedRangeReader"/> (query_range in chunks,
/// one progress line per chunk). The query must return one series whose value is the demand per <c>step</c>
/// bucket, e.g. <c>sum(increase(http_requests_total[1m]))</c> with <c>--step 1m</c>.
/// </summary>
internal sealed class PrometheusTraceSource(ChunkedRangeReader reader, Uri server, string query)
{
    /// <summary>How the trace is named in reports and errors.</summary>
    public string Name => $"prometheus {server} query_range {query}";

    /// <summary>Fetches every chunk; problems come back as the result's diagnostics, naming the chunk.</summary>
    public TraceParseResult Fetch(TextWriter progress)
    {
        var points = new List<TimedValue>();
        var diagnostics = reader.ReadAll(points, progress);
        return TraceFile.Assemble(points, diagnostics, Name);
    }
}
