using System.Globalization;
using System.Text.Json;
using Autoscaler.Core.Control;
using Autoscaler.Core.Forecasting;

namespace Autoscaler.Calendar.Preview;

/// <summary>
/// Load history from Prometheus' <c>/api/v1/query_range</c> (one series: the first result), on a grid aligned to the
/// step, NaN where Prometheus has no sample, never a point at or after the requested end.
/// </summary>
public sealed class PrometheusRangeHistory : IHistorySource
{
    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly string _query;
    private readonly TimeSpan _step;

    /// <summary>Creates the source.</summary>
    public PrometheusRangeHistory(HttpClient http, Uri baseUrl, string query, TimeSpan step)
    {
        _http = http;
        _baseUrl = baseUrl;
        _query = query;
        _step = step > TimeSpan.Zero ? step : throw new ArgumentOutOfRangeException(nameof(step));
    }

    /// <inheritdoc />
    public async ValueTask<ForecastHistory?> GetHistoryAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var stepSeconds = (long)_step.TotalSeconds;
        var first = from.ToUnixTimeSeconds() / stepSeconds * stepSeconds;
        var last = (to.ToUnixTimeSeconds() - 1) / stepSeconds * stepSeconds;
        if (last < first) return null;
        var c = CultureInfo.InvariantCulture;
        var url = new Uri(_baseUrl, string.Create(c, $"api/v1/query_range?query={Uri.EscapeDataString(_query)}&start={first}&end={last}&step={stepSeconds}"));
        using var response = await _http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var doc = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        var results = doc.RootElement.GetProperty("data").GetProperty("result");
        if (results.GetArrayLength() == 0) return null;
        var values = new double[((last - first) / stepSeconds) + 1];
        Array.Fill(values, double.NaN);
        foreach (var pair in results[0].GetProperty("values").EnumerateArray())
        {
            var t = (long)pair[0].GetDouble();
            var index = (t - first) / stepSeconds;
            if (index >= 0 && index < values.Length && double.TryParse(pair[1].GetString(), NumberStyles.Float, c, out var v)) values[index] = v;
        }

        return new ForecastHistory(DateTimeOffset.FromUnixTimeSeconds(first), _step, values);
    }
}
