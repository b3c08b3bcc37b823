using Autoscaler.Core.Quantities;
using Autoscaler.Kubernetes.Entities;
using Autoscaler.MetricsAdapter.Providers;

namespace Autoscaler.MetricsAdapter.Floors;

/// <summary>
/// Maps PredictivePolicies to the series of <see cref="AutoscalerApi.PrescaleFloorMetric"/> (pure). Only policies with
/// <c>spec.actuation: externalMetric</c> have a series; its labels are <c>namespace</c>, <c>policy</c> and <c>hpa</c>
/// (spec.targetRef.name) and its value is <c>status.activeFloor</c> in replicas, or 0 while the controller holds no
/// floor for it (a real 0: the HPA's own metrics then decide, since it takes the largest proposal).
/// </summary>
public static class PolicyFloorSeries
{
    /// <summary>The series of one namespace.</summary>
    /// <param name="policies">Cached policies (any namespaces).</param>
    /// <param name="namespace">The HPA's namespace; policies elsewhere are never visible.</param>
    /// <param name="now">Timestamp of the values (the cache holds the current status).</param>
    /// <returns>One value per externalMetric policy in the namespace, ordered by policy name.</returns>
    public static IReadOnlyList<ExternalMetricValue> In(IEnumerable<V1Alpha1PredictivePolicy> policies, string @namespace, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policies);
        return policies
            .Where(p => p.Metadata?.NamespaceProperty == @namespace && p.Spec?.Actuation == ActuationKinds.ExternalMetric)
            .OrderBy(p => p.Metadata.Name, StringComparer.Ordinal)
            .Select(p => new ExternalMetricValue(
                AutoscalerApi.PrescaleFloorMetric,
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["namespace"] = @namespace,
                    ["policy"] = p.Metadata.Name,
                    ["hpa"] = p.Spec.TargetRef?.Name ?? "",
                },
                now,
                null,
                Quantity.FromMilli(Math.Max(0, p.Status?.ActiveFloor ?? 0) * 1000L)))
            .ToArray();
    }
}
