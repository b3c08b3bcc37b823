namespace Autoscaler.Kubernetes.Models;

/// <summary>A list response (kind &lt;Kind&gt;List): list metadata and the items.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class KubernetesList<T> : KubernetesModel
    where T : KubernetesObject
{
    /// <summary>API version of the list.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>Kind of the list, such as PodList.</summary>
    public string? Kind { get; set; }

    /// <summary>The collection's resourceVersion and the continue token for paging.</summary>
    public ListMeta Metadata { get; set; } = new();

    /// <summary>The items. Built-in types usually arrive without apiVersion and kind here.</summary>
    public IList<T> Items { get; set; } = new List<T>();
}
