using System.Collections.Concurrent;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.Prometheus.Query;
using Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;

namespace Autoscaler.MetricsAdapter.Sources.Prometheus;

/// <summary>
/// Runs a rendered query and applies the serving policy: NaN/±Inf and stale samples are dropped, an empty
/// result is "no value" (never 0), and when Prometheus fails a last-known-good result is served only while
/// it is within the staleness bound. A query Prometheus refuses (<c>bad_data</c>, <c>execution</c>) is the rule's
/// fault: a configuration error naming the rule, never an outage with a retry hint.
/// </summary>
internal sealed class PrometheusQueryRunner(IPrometheusClient client, StalenessOptions staleness, TimeProvider time, PrometheusHealthTracker health, RuleQueryErrors ruleErrors)
{
    private const int MaxCachedQueries = 10_000;
    private readonly ConcurrentDictionary<string, IReadOnlyList<PromSample>> _lastKnownGood = new(StringComparer.Ordinal);

    public async Task<MetricResult<IReadOnlyList<PromSample>>> RunAsync(string promql, string what, MetricRule rule, CancellationToken cancellationToken)
    {
        IReadOnlyList<PromSample> samples;
        try
        {
            samples = await client.QueryAsync(promql, cancellationToken).ConfigureAwait(false);
            health.Succeeded();
        }
        catch (PrometheusException ex) when (ex.Failure == PrometheusFailure.QueryError)
        {
            var errorType = ex.ErrorType ?? "query_error";
            var message = errorType == "bad_data"
                ? $"invalid query from rule {rule.Name}: {ex.Message} (query: {promql}); fix metricsQuery in the rules file"
                : $"query from rule {rule.Name} failed in Prometheus: {ex.Message} (query: {promql}); fix metricsQuery in the rules file";
            ruleErrors.Report(rule, errorType, message);
            return MetricError.Configuration(message);
        }
        catch (PrometheusException ex)
        {
            if (ex.IsTransient)
            {
                health.Failed(ex.Message);
            }

            return FromLastKnownGood(promql, what, ex);
        }

        var now = time.GetUtcNow();
        var usable = samples.Where(s => double.IsFinite(s.Value) && staleness.IsFresh(s.Timestamp, now)).ToList();
        if (usable.Count == 0)
        {
            return MetricError.NoValue(samples.Count == 0
                ? $"Prometheus returned no data for {what} (query: {promql})"
                : $"Prometheus returned only NaN, infinite or stale values for {what} (query: {promql})");
        }

        if (staleness.ServeLastKnownGood)
        {
            if (_lastKnownGood.Count >= MaxCachedQueries)
            {
                _lastKnownGood.Clear();
            }

            _lastKnownGood[promql] = usable;
        }

        return usable;
    }

    private MetricResult<IReadOnlyList<PromSample>> FromLastKnownGood(string promql, string what, PrometheusException failure)
    {
        var now = time.GetUtcNow();
        if (failure.IsTransient && staleness.ServeLastKnownGood && _lastKnownGood.TryGetValue(promql, out var cached))
        {
            var fresh = cached.Where(s => staleness.IsFresh(s.Timestamp, now)).ToList();
            if (fresh.Count > 0)
            {
                return fresh;
            }
        }

        var message = $"{what}: {failure.Message}; no value within the staleness bound of {staleness.MaxAge.TotalSeconds:0} s to fall back on";
        return failure.Failure switch
        {
            PrometheusFailure.Timeout => MetricError.Timeout(message),
            _ => MetricError.Unavailable(message),
        };
    }
}
