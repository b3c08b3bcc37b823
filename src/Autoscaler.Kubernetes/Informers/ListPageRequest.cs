namespace Autoscaler.Kubernetes.Informers;

/// <summary>One page of a paged list.</summary>
/// <param name="Continue">The previous page's continue token; null for the first page.</param>
/// <param name="Limit">Items per page.</param>
public sealed record ListPageRequest(string? Continue, int Limit);
