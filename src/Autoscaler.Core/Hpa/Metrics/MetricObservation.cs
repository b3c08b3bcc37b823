namespace Autoscaler.Core.Hpa.Metrics;

/// <summary>
/// What the metrics APIs returned for one metric spec in one reconcile: per-pod samples (Resource,
/// ContainerResource, Pods), one object value, a list of external values, or a fetch failure.
/// </summary>
public sealed class MetricObservation
{
    private MetricObservation(IReadOnlyDictionary<string, PodSample>? podSamples, long objectValueMilli, IReadOnlyList<long>? externalValuesMilli, string? failure)
    {
        PodSamples = podSamples;
        ObjectValueMilli = objectValueMilli;
        ExternalValuesMilli = externalValuesMilli;
        Failure = failure;
    }

    /// <summary>Per-pod samples keyed by pod name (may include pods that are not listed).</summary>
    public IReadOnlyDictionary<string, PodSample>? PodSamples { get; }

    /// <summary>The Object metric's value in milli.</summary>
    public long ObjectValueMilli { get; }

    /// <summary>The External metric's series values in milli (summed by the algorithm).</summary>
    public IReadOnlyList<long>? ExternalValuesMilli { get; }

    /// <summary>Non-null when the metrics API call failed; the metric becomes invalid with this message.</summary>
    public string? Failure { get; }

    /// <summary>Per-pod samples for Resource, ContainerResource or Pods metrics.</summary>
    public static MetricObservation ForPods(IReadOnlyDictionary<string, PodSample> samples) => new(samples, 0, null, null);

    /// <summary>The value of an Object metric.</summary>
    public static MetricObservation ForObject(long valueMilli) => new(null, valueMilli, null, null);

    /// <summary>The series values of an External metric.</summary>
    public static MetricObservation ForExternal(IReadOnlyList<long> valuesMilli) => new(null, 0, valuesMilli, null);

    /// <summary>The metrics API returned an error.</summary>
    public static MetricObservation Failed(string message) => new(null, 0, null, message);
}
