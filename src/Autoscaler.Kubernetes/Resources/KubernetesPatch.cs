using System.Text;
using System.Text.Json.Nodes;

namespace Autoscaler.Kubernetes.Resources;

/// <summary>A patch body and its type (the Content-Type decides the semantics).</summary>
public sealed class KubernetesPatch
{
    private KubernetesPatch(string contentType, string body)
    {
        ContentType = contentType;
        Body = body;
    }

    /// <summary>The Content-Type naming the patch type.</summary>
    public string ContentType { get; }

    /// <summary>The JSON body.</summary>
    public string Body { get; }

    /// <summary>An RFC 7386 merge patch: objects merge, null deletes, arrays are replaced wholesale.</summary>
    /// <param name="json">The patch document.</param>
    /// <returns>The patch.</returns>
    public static KubernetesPatch Merge(string json) => new("application/merge-patch+json", json);

    /// <summary>An RFC 7386 merge patch.</summary>
    /// <param name="json">The patch document.</param>
    /// <returns>The patch.</returns>
    public static KubernetesPatch Merge(JsonNode json) => Merge(json.ToJsonString());

    /// <summary>An RFC 6902 JSON patch: a list of operations (a "test" op gives optimistic locking).</summary>
    /// <param name="json">The operations as a JSON array.</param>
    /// <returns>The patch.</returns>
    public static KubernetesPatch Json(string json) => new("application/json-patch+json", json);

    /// <summary>An RFC 6902 JSON patch.</summary>
    /// <param name="operations">The operations.</param>
    /// <returns>The patch.</returns>
    public static KubernetesPatch Json(JsonArray operations) => Json(operations.ToJsonString());

    /// <summary>A strategic merge patch (built-in types only; custom resources reject it with 415).</summary>
    /// <param name="json">The patch document.</param>
    /// <returns>The patch.</returns>
    public static KubernetesPatch StrategicMerge(string json) => new("application/strategic-merge-patch+json", json);

    internal const string ApplyContentType = "application/apply-patch+yaml";

    internal byte[] ToBytes() => Encoding.UTF8.GetBytes(Body);
}
