using System.Net;
using Autoscaler.Kubernetes.Models;

namespace Autoscaler.Kubernetes.Errors;

/// <summary>
/// 409 Conflict: a stale resourceVersion on a replace, or a server-side apply field conflict (see
/// <see cref="FieldConflicts"/>). Re-read, re-apply the change and retry, or apply with force.
/// </summary>
public sealed class KubernetesConflictException : KubernetesApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="method">HTTP method of the request.</param>
    /// <param name="path">Path and query of the request.</param>
    /// <param name="status">The Status body.</param>
    public KubernetesConflictException(string method, string path, ApiStatus? status)
        : base(method, path, HttpStatusCode.Conflict, status, null)
    {
    }

    /// <summary>The causes with reason FieldManagerConflict: which field, owned by which manager.</summary>
    public IReadOnlyList<StatusCause> FieldConflicts =>
        Status?.Details?.Causes?.Where(c => c.Reason == "FieldManagerConflict").ToList() ?? [];
}
