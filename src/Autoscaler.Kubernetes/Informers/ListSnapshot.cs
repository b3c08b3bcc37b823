using k8s;
using k8s.Models;

namespace Autoscaler.Kubernetes.Informers;

/// <summary>Every object of a full list, and the resourceVersion a watch resumes from.</summary>
/// <typeparam name="T">The listed type.</typeparam>
/// <param name="Items">The objects.</param>
/// <param name="ResourceVersion">The list's <c>metadata.resourceVersion</c>.</param>
public sealed record ListSnapshot<T>(IReadOnlyList<T> Items, string ResourceVersion)
    where T : class, IKubernetesObject<V1ObjectMeta>;
