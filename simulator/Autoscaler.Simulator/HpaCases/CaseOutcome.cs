namespace Autoscaler.Simulator.HpaCases;

/// <summary>One case's answer: a replica count, or the error the algorithm reported.</summary>
internal readonly record struct CaseOutcome(int? Replicas, string? Error)
{
    public static CaseOutcome Of(int replicas) => new(replicas, null);

    public static CaseOutcome Failed(string error) => new(null, error);
}
