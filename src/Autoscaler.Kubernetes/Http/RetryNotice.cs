using System.Net;

namespace Autoscaler.Kubernetes.Http;

/// <summary>One retry the client is about to make.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path and query.</param>
/// <param name="Attempt">Number of the attempt that failed, from 0.</param>
/// <param name="StatusCode">Status of the failed attempt, or null for a connection failure or timeout.</param>
/// <param name="Delay">How long the client waits before the next attempt.</param>
/// <param name="FromRetryAfter">True when the delay came from the server's Retry-After header.</param>
public sealed record RetryNotice(string Method, string Path, int Attempt, HttpStatusCode? StatusCode, TimeSpan Delay, bool FromRetryAfter);
