using k8s.Models;

namespace Autoscaler.Controller.Watching;

/// <summary>
/// Start-up durations of a workload's pods: creation to the Ready condition's transition, for pods whose name starts
/// with "&lt;workload&gt;-" (Deployment → ReplicaSet → pod naming), newest 50 first.
/// </summary>
public static class PodStartup
{
    /// <summary>Measures the pods of one workload.</summary>
    /// <param name="pods">Pods of the namespace.</param>
    /// <param name="workload">The HPA's scaleTargetRef name.</param>
    public static IReadOnlyList<TimeSpan> Measure(IEnumerable<V1Pod> pods, string workload)
    {
        ArgumentNullException.ThrowIfNull(pods);
        var prefix = workload + "-";
        return [.. pods
            .Where(p => p.Metadata.Name?.StartsWith(prefix, StringComparison.Ordinal) == true && p.Metadata.CreationTimestamp is not null)
            .Select(p => (Created: p.Metadata.CreationTimestamp!.Value, Ready: p.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready" && c.Status == "True")?.LastTransitionTime))
            .Where(p => p.Ready is { } ready && ready >= p.Created)
            .OrderByDescending(p => p.Created)
            .Take(50)
            .Select(p => p.Ready!.Value - p.Created)];
    }
}
