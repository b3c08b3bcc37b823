using System.Net;
using System.Net.Http.Headers;

namespace Autoscaler.Kubernetes.Http;

/// <summary>Which failed attempts are retried, and how long the server asked us to wait.</summary>
internal static class RetryRules
{
    /// <summary>
    /// 429 was rejected before any work, so it is always safe. A 5xx is retried when the server asked for
    /// it with Retry-After (client-go's rule) or when repeating the call cannot change the outcome.
    /// </summary>
    public static bool ShouldRetry(HttpMethod method, HttpStatusCode code, bool hasRetryAfter) =>
        code == HttpStatusCode.TooManyRequests || ((int)code >= 500 && (hasRetryAfter || IsIdempotent(method)));

    /// <summary>A failure before any answer (refused connection, timeout) is retried for idempotent calls only.</summary>
    public static bool ShouldRetryTransportFailure(HttpMethod method) => IsIdempotent(method);

    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete;

    /// <summary>The Retry-After header in seconds or as a date, relative to <paramref name="now"/>.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
