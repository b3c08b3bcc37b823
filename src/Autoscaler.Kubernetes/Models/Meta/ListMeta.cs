namespace Autoscaler.Kubernetes.Models;

/// <summary>Metadata of a list response.</summary>
public sealed class ListMeta : KubernetesModel
{
    /// <summary>Version of the collection, to start a watch from.</summary>
    public string? ResourceVersion { get; set; }

    /// <summary>Token for the next page; empty on the last page.</summary>
    public string? Continue { get; set; }

    /// <summary>Approximate number of items not yet returned, when the server knows it.</summary>
    public long? RemainingItemCount { get; set; }
}
