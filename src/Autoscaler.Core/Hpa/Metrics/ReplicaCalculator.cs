using Autoscaler.Core.Hpa.Pods;

namespace Autoscaler.Core.Hpa.Metrics;

/// <summary>
/// One metric spec's replica proposal (<c>computeReplicasForMetric</c>), HPA_SPEC.md §6. Dispatches on the
/// metric type and on which target field is set, as upstream does.
/// </summary>
public static class ReplicaCalculator
{
    /// <summary>
    /// Computes the proposal for <paramref name="spec"/> from <paramref name="observation"/>. Never throws for
    /// bad inputs: an unusable metric comes back as an invalid <see cref="MetricProposal"/> with its reason.
    /// </summary>
    public static MetricProposal Compute(MetricSpec spec, MetricObservation? observation, ScaleSnapshot scale,
        IReadOnlyList<PodSnapshot> pods, HpaTolerance tolerance, HpaControllerOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(options);
        var reason = FailureReason(spec.Type);
        if (spec.Type == MetricSourceType.Invalid)
        {
            return MetricProposal.Invalid(reason, "invalid metric source type");
        }

        if (observation is null)
        {
            return MetricProposal.Invalid(reason, "no observation supplied for this metric");
        }

        if (observation.Failure is { } failure)
        {
            return MetricProposal.Invalid(reason, $"unable to get metric {Describe(spec)}: {failure}");
        }

        var target = spec.Target;
        var current = scale.SpecReplicas;
        switch (spec.Type)
        {
            case MetricSourceType.Resource or MetricSourceType.ContainerResource:
                if (observation.PodSamples is not { } resourceSamples)
                {
                    return MetricProposal.Invalid(reason, "per-pod samples expected for a resource metric");
                }

                if (target.AverageValueMilli is { } rawTarget)
                {
                    return PlainAverageCalculator.Compute(rawTarget, spec.IsCpu, resourceSamples, current, pods, tolerance, options, now, reason);
                }

                return target.AverageUtilization is { } util
                    ? UtilizationCalculator.Compute(spec, util, resourceSamples, current, pods, tolerance, options, now, reason)
                    : MetricProposal.Invalid(reason, "invalid resource metric source: neither a utilization target nor a value target was set");

            case MetricSourceType.Pods:
                if (observation.PodSamples is not { } podSamples)
                {
                    return MetricProposal.Invalid(reason, "per-pod samples expected for a Pods metric");
                }

                return target.AverageValueMilli is { } podsTarget
                    ? PlainAverageCalculator.Compute(podsTarget, cpu: false, podSamples, current, pods, tolerance, options, now, reason)
                    : MetricProposal.Invalid(reason, "invalid pods metric source: no average value target was set");

            case MetricSourceType.Object:
                return target switch
                {
                    { Type: MetricTargetType.Value, ValueMilli: { } v } =>
                        ObjectExternalCalculator.ValueTarget(observation.ObjectValueMilli, v, current, pods, tolerance, reason),
                    { Type: MetricTargetType.AverageValue, AverageValueMilli: { } av } =>
                        ObjectExternalCalculator.AverageValueTarget(observation.ObjectValueMilli, av, scale.StatusReplicas, tolerance),
                    _ => MetricProposal.Invalid(reason, "invalid object metric source: neither a value target nor an average value target was set"),
                };

            default:
                return External(observation, target, scale, pods, tolerance, reason);
        }
    }

    private static MetricProposal External(MetricObservation observation, MetricTarget target, ScaleSnapshot scale,
        IReadOnlyList<PodSnapshot> pods, HpaTolerance tolerance, string reason)
    {
        if (observation.ExternalValuesMilli is not { Count: > 0 } values)
        {
            return MetricProposal.Invalid(reason, "unable to get external metric: no metrics returned from external metrics API");
        }

        var sum = ObjectExternalCalculator.Sum(values);
        if (target.AverageValueMilli is { } av)
        {
            return ObjectExternalCalculator.AverageValueTarget(sum, av, scale.StatusReplicas, tolerance);
        }

        return target.ValueMilli is { } v
            ? ObjectExternalCalculator.ValueTarget(sum, v, scale.SpecReplicas, pods, tolerance, reason)
            : MetricProposal.Invalid(reason, "invalid external metric source: neither a value target nor an average value target was set");
    }

    /// <summary>The ScalingActive reason upstream sets when a metric of this type fails.</summary>
    public static string FailureReason(MetricSourceType type) => type switch
    {
        MetricSourceType.Resource => "FailedGetResourceMetric",
        MetricSourceType.ContainerResource => "FailedGetContainerResourceMetric",
        MetricSourceType.Pods => "FailedGetPodsMetric",
        MetricSourceType.Object => "FailedGetObjectMetric",
        MetricSourceType.External => "FailedGetExternalMetric",
        _ => "InvalidMetricSourceType",
    };

    private static string Describe(MetricSpec spec) => spec.MetricName ?? spec.ResourceName ?? spec.Type.ToString();
}
