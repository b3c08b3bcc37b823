namespace Autoscaler.MetricsAdapter.Providers;

/// <summary>
/// Routes every query across the registered sources in registration order: the first success wins; a
/// source that does not know the metric (NotFound) passes to the next; when none succeeds the most
/// telling error is returned (anything other than NotFound beats NotFound). A source that throws
/// unexpectedly counts as unavailable, so one broken source never breaks the others.
/// </summary>
internal sealed class CompositeMetricsProvider : IExternalMetricsProvider, ICustomMetricsProvider
{
    private readonly IExternalMetricsProvider[] _external;
    private readonly ICustomMetricsProvider[] _custom;
    private readonly IMetricSourceHealth[] _health;

    public CompositeMetricsProvider(
        IEnumerable<IExternalMetricsProvider> external,
        IEnumerable<ICustomMetricsProvider> custom,
        IEnumerable<IMetricSourceHealth> health)
    {
        _external = external.Where(p => p is not CompositeMetricsProvider).ToArray();
        _custom = custom.Where(p => p is not CompositeMetricsProvider).ToArray();
        _health = health.ToArray();
    }

    /// <summary>Every source's health by name.</summary>
    public IReadOnlyList<(string Name, SourceHealth Health)> SourceHealth() =>
        _health.Select(h => (h.SourceName, Safe(h))).ToArray();

    /// <summary>True when at least one source reports healthy.</summary>
    public bool AnySourceHealthy() => _health.Any(h => Safe(h).Healthy);

    public async ValueTask<IReadOnlyList<ExternalMetricInfo>> ListExternalMetricsAsync(CancellationToken cancellationToken)
    {
        var all = new List<ExternalMetricInfo>();
        foreach (var p in _external)
        {
            all.AddRange(await Guard(() => p.ListExternalMetricsAsync(cancellationToken), []).ConfigureAwait(false));
        }

        return all.DistinctBy(i => i.Metric, StringComparer.Ordinal).OrderBy(i => i.Metric, StringComparer.Ordinal).ToArray();
    }

    public async ValueTask<IReadOnlyList<CustomMetricInfo>> ListCustomMetricsAsync(CancellationToken cancellationToken)
    {
        var all = new List<CustomMetricInfo>();
        foreach (var p in _custom)
        {
            all.AddRange(await Guard(() => p.ListCustomMetricsAsync(cancellationToken), []).ConfigureAwait(false));
        }

        return all.Distinct().OrderBy(i => i.Resource.ToString(), StringComparer.Ordinal).ThenBy(i => i.Metric, StringComparer.Ordinal).ToArray();
    }

    public ValueTask<MetricResult<IReadOnlyList<ExternalMetricValue>>> GetExternalMetricAsync(ExternalMetricQuery query, CancellationToken cancellationToken) =>
        Route(_external, p => p.GetExternalMetricAsync(query, cancellationToken), $"the server could not find the metric {query.Metric}");

    public ValueTask<MetricResult<CustomMetricValue>> GetMetricByNameAsync(CustomObjectQuery query, CancellationToken cancellationToken) =>
        Route(_custom, p => p.GetMetricByNameAsync(query, cancellationToken), $"the server could not find the metric {query.Info.Metric} for {query.Info.Resource} {query.Name}");

    public ValueTask<MetricResult<IReadOnlyList<CustomMetricValue>>> GetMetricBySelectorAsync(CustomSelectorQuery query, CancellationToken cancellationToken) =>
        Route(_custom, p => p.GetMetricBySelectorAsync(query, cancellationToken), $"the server could not find the metric {query.Info.Metric} for {query.Info.Resource}");

    private static async ValueTask<MetricResult<T>> Route<TProvider, T>(
        TProvider[] providers, Func<TProvider, ValueTask<MetricResult<T>>> call, string notFound)
    {
        MetricError? best = null;
        foreach (var provider in providers)
        {
            MetricResult<T> result;
            try
            {
                result = await call(provider).ConfigureAwait(false);
            }
            catch (MetricProviderException e)
            {
                result = e.Error;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                result = MetricError.Unavailable($"metric source {provider!.GetType().Name} failed: {e.Message}");
            }

            if (result.IsSuccess)
            {
                return result;
            }

            if (best is null || (best.Kind == MetricErrorKind.NotFound && result.Error!.Kind != MetricErrorKind.NotFound))
            {
                best = result.Error;
            }
        }

        return best ?? MetricError.NotFound(notFound);
    }

    private static async ValueTask<IReadOnlyList<T>> Guard<T>(Func<ValueTask<IReadOnlyList<T>>> call, IReadOnlyList<T> fallback)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Discovery is best effort: a failing source simply lists nothing.
            return fallback;
        }
    }

    private static SourceHealth Safe(IMetricSourceHealth h)
    {
        try
        {
            return h.GetHealth();
        }
        catch (Exception e)
        {
            return Providers.SourceHealth.Failed($"health check threw: {e.Message}");
        }
    }
}
