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
        var status = TryParseStatus(body);
        if (code == HttpStatusCode.Conflict && status?.Reason != "AlreadyExists")
        {
            return new KubernetesConflictException(method, path, status);
        }

        var raw = status is null ? Truncate(body) : null;
        return new KubernetesApiException(method, path, code, status, raw);
    }

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
