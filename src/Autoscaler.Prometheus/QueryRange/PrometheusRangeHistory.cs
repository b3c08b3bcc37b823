using Autoscaler.Core.Control;
using Autoscaler.Core.Forecasting;
using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Prometheus.QueryRange;

/// <summary>
/// Load history from a Prometheus range query (<c>GET /api/v1/query_range</c>): one series on Core's
/// <see cref="HistoryGrid"/> (epoch-aligned, the simulator's grid), NaN where Prometheus has no sample, never a point at or after <c>to</c>. The range is
/// read at the given step in chunks of at most <see cref="ChunkedRangeReader.MaxPointsPerRequest"/> points (the
/// boundaries of <see cref="ChunkedRangeReader.Chunks"/>; Prometheus refuses more than 11,000 per request), so 14 days
/// at 1 minute are three requests on the same 1-minute grid as the simulator's, not one at a widened 121 s. Only beyond
/// <see cref="MaxPoints"/> points (at most 10 requests) is the step widened. No series → null; several series → an error
/// naming the query (the query must aggregate to one series). The response is read by the shared
/// <see cref="QueryRangeJson"/>. The query_range client of the controller (a policy's history) and the calendar
/// (previews and reports).
/// </summary>
public sealed class PrometheusRangeHistory : IHistorySource
{
    /// <summary>Points one read may hold (10 requests); beyond, the step is widened to fit.</summary>
    public const int MaxPoints = 10 * ChunkedRangeReader.MaxPointsPerRequest;

    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly string _query;
    private readonly TimeSpan _step;
    private readonly TimeSpan _delay;

    /// <summary>Creates the source.</summary>
    /// <param name="http">HTTP client (shared).</param>
    /// <param name="baseUrl">Prometheus base URL (http://prometheus:9090/).</param>
    /// <param name="query">PromQL returning one series.</param>
    /// <param name="step">Preferred grid step.</param>
    /// <param name="delay">
    /// The metrics pipeline's delay (≥ 0; default zero): a point is read only once its step ended this long before
    /// <c>to</c> (<see cref="HistoryGrid.Covering"/>), so the newest, still incomplete samples are left out, as the
    /// simulator leaves out the last <c>hpa.metric.delaySeconds</c> of its trace.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">The delay is negative.</exception>
    public PrometheusRangeHistory(HttpClient http, Uri baseUrl, string query, TimeSpan step, TimeSpan delay = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        _http = http;
        _baseUrl = baseUrl;
        _query = query;
        _step = step > TimeSpan.Zero ? step : TimeSpan.FromMinutes(1);
        _delay = delay;
    }

    /// <inheritdoc />
    public async ValueTask<ForecastHistory?> GetHistoryAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var span = to - from;
        var step = TimeSpan.FromSeconds(Math.Max(_step.TotalSeconds, Math.Ceiling(span.TotalSeconds / MaxPoints)));
        // Core's grid, as the simulator's: epoch-aligned instants, a point known once its step and the delay have passed.
        var grid = HistoryGrid.Covering(from, to, step, _delay);
        if (grid.Count < 1)
        {
            return null;
        }

        var points = new List<TimedValue>();
        foreach (var (start, end) in new ChunkedRangeReader(_http, _baseUrl, _query, grid.Start, grid.Last, step).Chunks())
        {
            await ReadChunkAsync(start, end, step, points, cancellationToken).ConfigureAwait(false);
        }

        if (points.Count == 0)
        {
            return null;
        }

        var values = new double[grid.Count];
        Array.Fill(values, double.NaN);
        foreach (var point in points)
        {
            var index = grid.IndexOf(new DateTimeOffset(point.Time, TimeSpan.Zero));
            if (index >= 0)
            {
                values[index] = point.Value;
            }
        }

        return grid.With(values);
    }

    private async Task ReadChunkAsync(DateTimeOffset start, DateTimeOffset end, TimeSpan step, List<TimedValue> points, CancellationToken cancellationToken)
    {
        var url = ChunkedRangeReader.Url(_baseUrl, _query, start, end, step);
        using var response = await _http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Prometheus query_range for '{_query}' answered {(int)response.StatusCode}: {Truncate(System.Text.Encoding.UTF8.GetString(body))}");
        }

        var error = QueryRangeJson.Read(body, _baseUrl.ToString(), points).FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        if (error is not null)
        {
            throw new InvalidOperationException(error.Field == "data.result"
                ? $"the history query '{_query}' returned {error.Message}"
                : $"the history query '{_query}': field '{error.Field}': {error.Message}");
        }
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] : text;
}
