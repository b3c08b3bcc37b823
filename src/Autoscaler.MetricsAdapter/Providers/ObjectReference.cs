namespace Autoscaler.MetricsAdapter.Providers;

/// <summary>The Kubernetes object a custom metric value describes.</summary>
/// <param name="Kind">The object kind, e.g. <c>Pod</c>.</param>
/// <param name="Namespace">The namespace; empty for cluster-scoped objects.</param>
/// <param name="Name">The object name (for pods, the pod name: the HPA keys results by it).</param>
/// <param name="ApiVersion">The object's API version, e.g. <c>v1</c> or <c>apps/v1</c>.</param>
public sealed record ObjectReference(string Kind, string Namespace, string Name, string ApiVersion);
