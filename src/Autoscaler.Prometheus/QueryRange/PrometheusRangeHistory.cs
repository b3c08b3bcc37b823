using System.Globalization;
using System.Text.Json;
using Autoscaler.Core.Control;
using Autoscaler.Core.Forecasting;

namespace Autoscaler.Prometheus.QueryRange;

/// <summary>
/// Load history from a Prometheus range query (<c>GET /api/v1/query_range</c>): one series on a regular
/// grid starting at <c>from</c>, NaN where Prometheus has no sample, never a point at or after <c>to</c>. The step is
/// widened so one query stays under Prometheus' 11,000-point limit. No series → null; several series → an error
/// naming the query (the query must aggregate to one series). The one query_range client of the controller (a
/// policy's history) and the calendar (previews and reports).
/// </summary>
public sealed class PrometheusRangeHistory : IHistorySource
{
    private const int MaxPoints = 10_000;
    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly string _query;
    private readonly TimeSpan _step;

    /// <summary>Creates the source.</summary>
    /// <param name="http">HTTP client (shared).</param>
    /// <param name="baseUrl">Prometheus base URL (http://prometheus:9090/).</param>
    /// <param name="query">PromQL returning one series.</param>
    /// <param name="step">Preferred grid step.</param>
    public PrometheusRangeHistory(HttpClient http, Uri baseUrl, string query, TimeSpan step)
    {
        _http = http;
        _baseUrl = baseUrl;
        _query = query;
        _step = step > TimeSpan.Zero ? step : TimeSpan.FromMinutes(1);
    }

    /// <inheritdoc />
    public async ValueTask<ForecastHistory?> GetHistoryAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var span = to - from;
        var step = TimeSpan.FromSeconds(Math.Max(_step.TotalSeconds, Math.Ceiling(span.TotalSeconds / MaxPoints)));
        var count = (int)Math.Floor(span / step);
        if (count < 1)
        {
            return null;
        }

        var last = from + (step * (count - 1));
        var url = new Uri(_baseUrl, "api/v1/query_range?query=" + Uri.EscapeDataString(_query)
            + "&start=" + Unix(from) + "&end=" + Unix(last) + "&step=" + step.TotalSeconds.ToString(CultureInfo.InvariantCulture));
        using var response = await _http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Prometheus query_range for '{_query}' answered {(int)response.StatusCode}: {Truncate(body)}");
        }

        using var doc = JsonDocument.Parse(body);
        var result = doc.RootElement.GetProperty("data").GetProperty("result");
        if (result.GetArrayLength() == 0)
        {
            return null;
        }

        if (result.GetArrayLength() > 1)
        {
            throw new InvalidOperationException($"the history query '{_query}' returned {result.GetArrayLength()} series; aggregate it to one (sum(...))");
        }

        var values = new double[count];
        Array.Fill(values, double.NaN);
        foreach (var point in result[0].GetProperty("values").EnumerateArray())
        {
            var at = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(point[0].GetDouble() * 1000));
            var index = (int)Math.Round((at - from) / step);
            if (index >= 0 && index < count && double.TryParse(point[1].GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                values[index] = value;
            }
        }

        return new ForecastHistory(from, step, values);
    }

    private static string Unix(DateTimeOffset t) => (t.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Truncate(string text) => text.Length > 300 ? text[..300] : text;
}
