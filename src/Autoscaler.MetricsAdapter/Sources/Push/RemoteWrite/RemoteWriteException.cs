namespace Autoscaler.MetricsAdapter.Sources.Push.RemoteWrite;

/// <summary>A remote write failed. <see cref="Retryable"/>: a connection error, timeout, 429 or 5xx (the push answers
/// <c>UNAVAILABLE</c>, the client retries); otherwise the receiver refused the batch (4xx: <c>INVALID_ARGUMENT</c>).</summary>
internal sealed class RemoteWriteException(string message, bool retryable, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Whether sending the same batch again may succeed.</summary>
    public bool Retryable { get; } = retryable;
}
