namespace Autoscaler.Kubernetes.Http;

/// <summary>One API call, kept as bytes so every retry can replay the body.</summary>
internal sealed record ApiRequest(HttpMethod Method, string PathAndQuery, byte[]? Body = null, string? ContentType = null)
{
    public const string Json = "application/json";
}
