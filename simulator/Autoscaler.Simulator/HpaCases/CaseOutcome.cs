namespace Autoscaler.Simulator.HpaCases;

/// <summary>
/// One case's answer: a replica count, or the error the algorithm reported. The optional details are what
/// upstream tests assert beside the count (condition reason, status values, history length); the verb
/// writes only the count or error, the tests check the details too.
/// </summary>
internal readonly record struct CaseOutcome(int? Replicas, string? Error)
{
    /// <summary>The ScalingLimited/AbleToScale reason of the step, where the level has one.</summary>
    public string? Condition { get; init; }

    /// <summary>Resource Utilization: the current utilization percent.</summary>
    public int? UtilizationPercent { get; init; }

    /// <summary>The status value in milli (raw average for Resource, average or total for the others).</summary>
    public long? StatusValueMilli { get; init; }

    /// <summary>Stabilisation levels: the length of the recommendation history afterwards.</summary>
    public int? HistoryLength { get; init; }

    public static CaseOutcome Of(int replicas) => new(replicas, null);

    public static CaseOutcome Failed(string error) => new(null, error);
}
