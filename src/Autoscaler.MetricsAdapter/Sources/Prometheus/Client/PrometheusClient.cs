using System.Globalization;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Autoscaler.MetricsAdapter.Sources.Prometheus.Client;

/// <summary>Calls Prometheus' HTTP API (<c>/api/v1/query</c>, <c>/api/v1/series</c>) through the resilience pipeline.
/// Every failure comes out as a <see cref="PrometheusException"/>.</summary>
internal sealed class PrometheusClient(HttpClient http, ResiliencePipeline pipeline, TimeProvider time) : IPrometheusClient
{
    public Task<IReadOnlyList<PromSample>> QueryAsync(string promql, CancellationToken cancellationToken) =>
        SendAsync("api/v1/query", [new("query", promql)], body => PrometheusResponseDecoder.DecodeQuery(body), cancellationToken);

    public Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> SeriesAsync(string match, TimeSpan lookback, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return SendAsync(
            "api/v1/series",
            [
                new("match[]", match),
                new("start", Seconds(now - lookback)),
                new("end", Seconds(now)),
            ],
            body => PrometheusResponseDecoder.DecodeSeries(body),
            cancellationToken);
    }

    private async Task<T> SendAsync<T>(string path, KeyValuePair<string, string>[] form, Func<byte[], T> decode, CancellationToken cancellationToken)
    {
        try
        {
            return await pipeline.ExecuteAsync(
                async ct =>
                {
                    // POST with a form body: long PromQL does not hit URL length limits.
                    using var content = new FormUrlEncodedContent(form);
                    using var response = await http.PostAsync(path, content, ct).ConfigureAwait(false);
                    var body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
                    if ((int)response.StatusCode >= 500 && !IsJson(response))
                    {
                        throw new PrometheusException(PrometheusFailure.Unavailable, $"Prometheus answered HTTP {(int)response.StatusCode}");
                    }

                    return decode(body);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            throw new PrometheusException(PrometheusFailure.Unavailable, $"Prometheus circuit is open after repeated failures: {ex.Message}", ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new PrometheusException(PrometheusFailure.Timeout, $"Prometheus did not answer within {ex.Timeout.TotalSeconds:0.#} s", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new PrometheusException(PrometheusFailure.Unavailable, $"Prometheus is unreachable: {ex.Message}", ex);
        }
    }

    private static bool IsJson(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType == "application/json";

    private static string Seconds(DateTimeOffset time) =>
        (time.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
}
