using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Autoscaler.Kubernetes;

/// <summary>
/// Reads what an API failure means from KubernetesClient's exceptions: <see cref="HttpOperationException"/>
/// (a non-success answer, with the Status body) and <see cref="KubernetesException"/> (an ERROR event inside
/// a watch stream, such as the 410 "too old resource version").
/// </summary>
public static class ApiErrors
{
    /// <summary>The HTTP status (or the Status code of a watch ERROR event), or null when the exception is neither.</summary>
    /// <param name="exception">Any exception.</param>
    /// <returns>The code.</returns>
    public static HttpStatusCode? StatusCodeOf(Exception exception) => exception switch
    {
        HttpOperationException { Response: { } response } => response.StatusCode,
        KubernetesException { Status.Code: { } code } => (HttpStatusCode)code,
        _ => null,
    };

    /// <summary>The Status of the failure: parsed from the body, or the watch event's; null when the body is not a Status.</summary>
    /// <param name="exception">Any exception.</param>
    /// <returns>The Status.</returns>
    public static V1Status? StatusOf(Exception exception)
    {
        switch (exception)
        {
            case KubernetesException { Status: { } status }:
                return status;
            case HttpOperationException { Response.Content: { Length: > 0 } body }:
                try
                {
                    var status = KubernetesJson.Deserialize<V1Status>(body);
                    return status?.Kind == "Status" ? status : null;
                }
                catch (JsonException)
                {
                    return null;
                }

            default:
                return null;
        }
    }

    /// <summary>The Status reason (NotFound, AlreadyExists, Conflict, Expired, TooManyRequests, ...), or null.</summary>
    /// <param name="exception">Any exception.</param>
    /// <returns>The reason.</returns>
    public static string? ReasonOf(Exception exception) => StatusOf(exception)?.Reason;

    /// <summary>True for a 404.</summary>
    /// <param name="exception">Any exception.</param>
    /// <returns>Whether the object (or path) does not exist.</returns>
    public static bool IsNotFound(Exception exception) => StatusCodeOf(exception) == HttpStatusCode.NotFound;

    /// <summary>True for a 409 (AlreadyExists, or a write against a stale resourceVersion, or an apply field conflict).</summary>
    /// <param name="exception">Any exception.</param>
    /// <returns>Whether the write conflicted.</returns>
    public static bool IsConflict(Exception exception) => StatusCodeOf(exception) == HttpStatusCode.Conflict;

    /// <summary>
    /// True for 410 Gone: a list continue token or a watch resourceVersion that etcd has compacted away. The
    /// caller must list again (an informer relists).
    /// </summary>
    /// <param name="exception">Any exception.</param>
    /// <returns>Whether the version is too old.</returns>
    public static bool IsGone(Exception exception) => StatusCodeOf(exception) == HttpStatusCode.Gone;
}
