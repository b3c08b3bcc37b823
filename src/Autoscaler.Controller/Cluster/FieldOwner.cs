namespace Autoscaler.Controller.Cluster;

/// <summary>A field manager of one field, from metadata.managedFields.</summary>
/// <param name="Manager">Manager name (kubectl-client-side-apply, argocd-controller, autoscaler-prescale ...).</param>
/// <param name="Operation">"Apply" (server-side apply: declarative, e.g. a GitOps tool) or "Update" (imperative writes).</param>
public sealed record FieldOwner(string Manager, string Operation);
