namespace Autoscaler.Core.Hpa.Pods;

/// <summary>The status of a pod's <c>Ready</c> condition, or its absence.</summary>
public enum PodReadyStatus
{
    /// <summary>The pod has no Ready condition.</summary>
    Absent,

    /// <summary>Ready=True.</summary>
    True,

    /// <summary>Ready=False.</summary>
    False,

    /// <summary>Ready=Unknown (neither True nor False for the readiness rules).</summary>
    Unknown,
}
