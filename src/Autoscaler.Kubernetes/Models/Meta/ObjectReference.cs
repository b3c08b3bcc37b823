namespace Autoscaler.Kubernetes.Models;

/// <summary>A reference to another object (core/v1 ObjectReference).</summary>
public sealed class ObjectReference : KubernetesModel
{
    /// <summary>API version of the referent.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>Kind of the referent.</summary>
    public string? Kind { get; set; }

    /// <summary>Namespace of the referent.</summary>
    public string? Namespace { get; set; }

    /// <summary>Name of the referent.</summary>
    public string? Name { get; set; }

    /// <summary>Uid of the referent.</summary>
    public string? Uid { get; set; }

    /// <summary>Version of the referent that was meant.</summary>
    public string? ResourceVersion { get; set; }

    /// <summary>A field within the referent, when the reference points inside it.</summary>
    public string? FieldPath { get; set; }
}
