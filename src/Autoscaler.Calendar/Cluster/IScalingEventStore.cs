using System.Text.Json.Nodes;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Calendar.Cluster;

/// <summary>
/// ScalingEvent resources in the API server, written with create and JSON merge patches only (never read-modify-write):
/// the API server is the database. Every failure is a <see cref="ClusterException"/> carrying the server's message.
/// </summary>
public interface IScalingEventStore
{
    /// <summary>Every ScalingEvent of <paramref name="ns"/>.</summary>
    Task<IReadOnlyList<V1Alpha1ScalingEvent>> ListAsync(string ns, CancellationToken cancellationToken);

    /// <summary>One event, or null when it does not exist.</summary>
    Task<V1Alpha1ScalingEvent?> GetAsync(string ns, string name, CancellationToken cancellationToken);

    /// <summary>Creates <paramref name="item"/> (metadata.generateName allowed) and returns it as stored.</summary>
    Task<V1Alpha1ScalingEvent> CreateAsync(V1Alpha1ScalingEvent item, CancellationToken cancellationToken);

    /// <summary>Merge-patches the object (metadata and spec; a metadata.resourceVersion in the patch makes it conditional).</summary>
    Task<V1Alpha1ScalingEvent> PatchAsync(string ns, string name, JsonObject patch, CancellationToken cancellationToken);

    /// <summary>Merge-patches the status subresource with <c>{"status": status}</c>.</summary>
    Task PatchStatusAsync(string ns, string name, JsonObject status, CancellationToken cancellationToken);

    /// <summary>Records a core/v1 Event on the ScalingEvent (who did what, for kubectl describe).</summary>
    Task RecordEventAsync(V1Alpha1ScalingEvent item, string reason, string message, CancellationToken cancellationToken);
}
