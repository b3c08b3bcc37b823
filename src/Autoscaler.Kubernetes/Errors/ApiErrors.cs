using System.Net;
using System.Text.Json;
using Autoscaler.Kubernetes.Models;
using Autoscaler.Kubernetes.Serialization;

namespace Autoscaler.Kubernetes.Errors;

/// <summary>Maps a non-success response to the exception type callers catch.</summary>
internal static class ApiErrors
{
    private const int MaxBodyInMessage = 512;

    public static KubernetesApiException FromResponse(string method, string path, HttpStatusCode code, string body)
    {
        var status = TryParseStatus(body) ?? Synthesize(code, body);
        if (code == HttpStatusCode.Conflict && status?.Reason != "AlreadyExists")
        {
            return new KubernetesConflictException(method, path, status);
        }

        return new KubernetesApiException(method, path, code, status, null);
    }

    /// <summary>
    /// A Status for a body that is not one (a proxy's text, the max-in-flight filter's plain-text 429),
    /// with the reason client-go derives from the code, so callers can always switch on the reason.
    /// </summary>
    internal static ApiStatus Synthesize(HttpStatusCode code, string body) => new()
    {
        Kind = "Status",
        ApiVersion = "v1",
        Status = "Failure",
        Code = (int)code,
        Reason = ReasonFor(code),
        Message = Truncate(body),
    };

    private static string? ReasonFor(HttpStatusCode code) => (int)code switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        406 => "NotAcceptable",
        409 => "Conflict",
        410 => "Expired",
        413 => "RequestEntityTooLarge",
        415 => "UnsupportedMediaType",
        422 => "Invalid",
        429 => "TooManyRequests",
        500 => "InternalError",
        503 => "ServiceUnavailable",
        504 => "Timeout",
        _ => null,
    };

    public static ApiStatus? TryParseStatus(string body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            var status = JsonSerializer.Deserialize(body, KubernetesJsonContext.Default.ApiStatus);
            return status?.Kind == "Status" ? status : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Truncate(string body)
    {
        var trimmed = body.Trim();
        return trimmed.Length <= MaxBodyInMessage ? trimmed : trimmed[..MaxBodyInMessage] + "...";
    }
}
