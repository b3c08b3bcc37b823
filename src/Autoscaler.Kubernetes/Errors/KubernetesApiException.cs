using System.Net;
using Autoscaler.Kubernetes.Models;

namespace Autoscaler.Kubernetes.Errors;

/// <summary>A non-success answer of the API server, carrying its Status reason and message.</summary>
public class KubernetesApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="method">HTTP method of the request.</param>
    /// <param name="path">Path and query of the request.</param>
    /// <param name="statusCode">HTTP status of the answer.</param>
    /// <param name="status">The decoded Status body, when the body was one.</param>
    /// <param name="body">The raw body when it was not a Status (truncated).</param>
    public KubernetesApiException(string method, string path, HttpStatusCode statusCode, ApiStatus? status, string? body)
        : base(Describe(method, path, statusCode, status, body))
    {
        Method = method;
        Path = path;
        StatusCode = statusCode;
        Status = status;
    }

    /// <summary>HTTP method of the failed request.</summary>
    public string Method { get; }

    /// <summary>Path and query of the failed request.</summary>
    public string Path { get; }

    /// <summary>HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The Status the server sent, when it sent one.</summary>
    public ApiStatus? Status { get; }

    /// <summary>The Status reason (NotFound, AlreadyExists, Conflict, Invalid, Expired, ...), when known.</summary>
    public string? Reason => Status?.Reason;

    /// <summary>True for 404 NotFound.</summary>
    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    /// <summary>True for 409 AlreadyExists (a create whose name is taken).</summary>
    public bool IsAlreadyExists => StatusCode == HttpStatusCode.Conflict && Reason == "AlreadyExists";

    /// <summary>True for 410 Expired/Gone: a too-old resourceVersion or an expired continue token.</summary>
    public bool IsExpired => StatusCode == HttpStatusCode.Gone;

    internal static string Describe(string method, string path, HttpStatusCode statusCode, ApiStatus? status, string? body)
    {
        var detail = status?.Message ?? body ?? "";
        var reason = status?.Reason is { Length: > 0 } r ? $" {r}" : "";
        return $"{method} {path}: {(int)statusCode}{reason}: {detail}".TrimEnd(' ', ':');
    }
}
