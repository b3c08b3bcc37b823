namespace Autoscaler.Core.Planning;

/// <summary>
/// How many replicas a load level needs: <c>ceil(load / LoadPerReplica)</c>. For an AverageValue External or
/// Pods metric the load per replica is the HPA's target (the HPA itself settles at load / target); for a
/// Utilization metric it is the load one pod serves at the target utilization (per-pod capacity × target %).
/// </summary>
/// <param name="LoadPerReplica">Load units (per minute, or the metric's unit) one replica carries at the HPA's target; &gt; 0.</param>
/// <param name="Description">How it was derived, stated in decision records.</param>
public sealed record CapacityModel(double LoadPerReplica, string Description)
{
    /// <summary>An AverageValue External/Pods target: one replica per <paramref name="target"/> units.</summary>
    public static CapacityModel ForAverageValue(double target) =>
        new(Positive(target), FormattableString.Invariant($"AverageValue target {target} per replica"));

    /// <summary>
    /// The capacity of an HPA whose per-replica load is <paramref name="averageValueTarget"/>: the controller passes the
    /// AverageValue target of the HPA's first Pods/Object/External metric, the calendar (which reads autoscaling/v1 HPAs,
    /// without metrics) the HPA's load-per-replica annotation. Positive and finite: <see cref="ForAverageValue"/>;
    /// otherwise (null, ≤ 0, NaN, ∞) one load unit per replica, described as unknown, so that only absolute floors plan
    /// meaningfully (the hosts say so in status or notes). The one mapping both hosts call.
    /// </summary>
    public static CapacityModel ForHpa(double? averageValueTarget) =>
        averageValueTarget is > 0 and var target && double.IsFinite(target)
            ? ForAverageValue(target)
            : new CapacityModel(1, "unknown: no load per replica known for the HPA (no AverageValue target); 1 load unit per replica");

    /// <summary>
    /// A Utilization target: one replica carries <paramref name="capacityPerPod"/> (load at 100 % of its request)
    /// × <paramref name="targetPercent"/> / 100.
    /// </summary>
    public static CapacityModel ForUtilization(double capacityPerPod, int targetPercent) =>
        new(Positive(capacityPerPod * targetPercent / 100.0), FormattableString.Invariant($"Utilization {targetPercent} % of a pod carrying {capacityPerPod} at 100 %"));

    /// <summary>Replicas needed for <paramref name="load"/> (0 for a load ≤ 0 or NaN; capped at int.MaxValue).</summary>
    public int ReplicasFor(double load)
    {
        if (!(load > 0)) return 0;
        // A relative epsilon so that 1700 / 850 is 2, not 3, after floating-point noise.
        var replicas = Math.Ceiling((load / LoadPerReplica) - 1e-9);
        return replicas >= int.MaxValue ? int.MaxValue : (int)replicas;
    }

    private static double Positive(double value) =>
        value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The load per replica must be a positive number.");
}
