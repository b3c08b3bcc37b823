namespace Autoscaler.Kubernetes.Informers;

/// <summary>One watch request.</summary>
/// <param name="ResourceVersion">Where to resume.</param>
/// <param name="TimeoutSeconds">Server-side timeout, after which the server ends the stream and the informer rewatches.</param>
public sealed record WatchRequest(string ResourceVersion, int TimeoutSeconds);
