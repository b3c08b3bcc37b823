namespace Autoscaler.Core.Hpa.Pods;

/// <summary>A pod's <c>status.phase</c>.</summary>
public enum PodPhase
{
    /// <summary>Accepted but not all containers are running (counted as unready).</summary>
    Pending,

    /// <summary>Bound and at least one container running.</summary>
    Running,

    /// <summary>All containers terminated successfully.</summary>
    Succeeded,

    /// <summary>All containers terminated, at least one failed (ignored).</summary>
    Failed,

    /// <summary>State unknown.</summary>
    Unknown,
}
