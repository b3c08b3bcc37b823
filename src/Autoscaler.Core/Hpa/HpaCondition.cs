namespace Autoscaler.Core.Hpa;

/// <summary>One HPA status condition as set by a reconcile.</summary>
/// <param name="Type"><c>AbleToScale</c>, <c>ScalingActive</c> or <c>ScalingLimited</c>.</param>
/// <param name="Status">The condition's status (True/False).</param>
/// <param name="Reason">The machine-readable reason, e.g. <c>ValidMetricFound</c>.</param>
/// <param name="Message">A human-readable explanation.</param>
public sealed record HpaCondition(string Type, bool Status, string Reason, string Message)
{
    /// <summary>The AbleToScale condition type.</summary>
    public const string AbleToScale = "AbleToScale";

    /// <summary>The ScalingActive condition type.</summary>
    public const string ScalingActive = "ScalingActive";

    /// <summary>The ScalingLimited condition type.</summary>
    public const string ScalingLimited = "ScalingLimited";
}
