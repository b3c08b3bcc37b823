namespace Autoscaler.Kubernetes.Models;

/// <summary>Standard object metadata (metav1.ObjectMeta).</summary>
public sealed class ObjectMeta : KubernetesModel
{
    /// <summary>Unique name within the namespace.</summary>
    public string? Name { get; set; }

    /// <summary>Prefix the server completes to a unique name when Name is empty.</summary>
    public string? GenerateName { get; set; }

    /// <summary>Namespace of a namespaced object.</summary>
    public string? Namespace { get; set; }

    /// <summary>Server-assigned unique id.</summary>
    public string? Uid { get; set; }

    /// <summary>Opaque version for optimistic concurrency and watches; compare only for equality.</summary>
    public string? ResourceVersion { get; set; }

    /// <summary>Incremented by the server on every change to the desired state.</summary>
    public long? Generation { get; set; }

    /// <summary>When the object was created.</summary>
    public DateTimeOffset? CreationTimestamp { get; set; }

    /// <summary>When a graceful deletion was requested.</summary>
    public DateTimeOffset? DeletionTimestamp { get; set; }

    /// <summary>Identifying labels used by selectors.</summary>
    public IDictionary<string, string>? Labels { get; set; }

    /// <summary>Non-identifying metadata.</summary>
    public IDictionary<string, string>? Annotations { get; set; }

    /// <summary>Objects this one depends on, for garbage collection.</summary>
    public IList<OwnerReference>? OwnerReferences { get; set; }

    /// <summary>Keys that must be removed before the object is deleted.</summary>
    public IList<string>? Finalizers { get; set; }

    /// <summary>Which field manager owns which fields (server-side apply).</summary>
    public IList<ManagedFieldsEntry>? ManagedFields { get; set; }
}
