using System.Globalization;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Autoscaler.Prometheus.Query;

/// <summary>Calls Prometheus' HTTP API (<c>/api/v1/query</c>, <c>/api/v1/series</c>) through the resilience pipeline.
/// Every failure comes out as a <see cref="PrometheusException"/>.</summary>
/// <param name="http">Client whose <see cref="HttpClient.BaseAddress"/> is Prometheus' base URL ending in <c>/</c>; its own timeout should be infinite.</param>
/// <param name="pipeline">The resilience pipeline (<see cref="PrometheusResilience.Build"/>).</param>
/// <param name="time">Clock for the series lookback window.</param>
public sealed class PrometheusClient(HttpClient http, ResiliencePipeline pipeline, TimeProvider time) : IPrometheusClient
{
    /// <summary>A client for <paramref name="baseUrl"/> (e.g. <c>http://prometheus:9090</c>, a path prefix is kept) with its
    /// own pooled connections, the Polly pipeline owning every timeout.</summary>
    public static PrometheusClient Create(Uri baseUrl, PrometheusResilienceOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            BaseAddress = new Uri(baseUrl.ToString().TrimEnd('/') + "/"),
            Timeout = Timeout.InfiniteTimeSpan, // Polly owns every timeout
        };
        return new PrometheusClient(http, PrometheusResilience.Build(options, time), time);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PromSample>> QueryAsync(string promql, CancellationToken cancellationToken) =>
        SendAsync("api/v1/query", [new("query", promql)], body => PrometheusResponseDecoder.DecodeQuery(body), cancellationToken);

    /// <inheritdoc />
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
