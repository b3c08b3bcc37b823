using System.Text.Json.Nodes;

namespace Autoscaler.Controller.Cluster;

/// <summary>
/// Every write the controller makes. All are patches: server-side apply for the HPA floor, JSON merge patches on the
/// status subresource for the CRs; never a GET-then-PUT. Implemented over KubernetesClient and, in tests, in memory.
/// </summary>
public interface IClusterWriter
{
    /// <summary>Server-side applies spec.minReplicas and the controller's annotations under its field manager.</summary>
    /// <param name="hpa">The HPA as cached (namespace, name, API version).</param>
    /// <param name="minReplicas">The value to apply.</param>
    /// <param name="annotations">The controller's annotations; an empty map releases them.</param>
    /// <param name="force">Take the field from other managers on conflict.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>Applied, or the conflict the apiserver reported.</returns>
    Task<ApplyOutcome> ApplyMinReplicasAsync(HpaView hpa, int minReplicas, IReadOnlyDictionary<string, string> annotations, bool force, CancellationToken cancellationToken);

    /// <summary>
    /// JSON-merge-patches the status subresource of a ScalingEvent or PredictivePolicy: members present replace,
    /// explicit nulls remove, absent members (such as an approval written concurrently) stay.
    /// </summary>
    /// <param name="target">The resource (Kind selects the plural).</param>
    /// <param name="status">The status members to merge (see <c>StatusPatch</c>).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task PatchStatusAsync(ObjectRef target, JsonObject status, CancellationToken cancellationToken);

    /// <summary>Records a Kubernetes Event (core/v1) on an object.</summary>
    /// <param name="target">The object the event is about.</param>
    /// <param name="warning">Warning when true, else Normal.</param>
    /// <param name="reason">CamelCase reason.</param>
    /// <param name="message">Human-readable message.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task RecordEventAsync(ObjectRef target, bool warning, string reason, string message, CancellationToken cancellationToken);
}
