namespace Autoscaler.MetricsAdapter.Storage;

/// <summary>A batch would create more series than the store allows (<see cref="SampleStoreLimits"/>); nothing was stored.
/// The push handler answers <c>RESOURCE_EXHAUSTED</c> with this message; existing series keep accepting samples.</summary>
/// <param name="message">Names the namespace, the count, the limit and its setting.</param>
internal sealed class StoreLimitExceededException(string message) : Exception(message);
