using System.Text.RegularExpressions;
using Autoscaler.MetricsAdapter.Auth;
using Autoscaler.MetricsAdapter.Sources.Push.Authorization;

namespace Autoscaler.MetricsAdapter.Sources.Push.History;

/// <summary>
/// The path of the push store's history: <c>/history/namespaces/{namespace}/api/v1/query_range</c>, so that
/// <c>https://adapter/history/namespaces/{namespace}/</c> is a Prometheus base URL for any query_range client. A
/// request is authorized as <c>get</c> on <c>pushedmetrics</c> in group <c>metrics.autoscaler.dev</c> in that
/// namespace (the push path checks <c>create</c> on the same resource).
/// </summary>
internal sealed partial class HistoryRoute : IRequestAttributesMapper
{
    /// <summary>Every history path starts with this.</summary>
    public const string Prefix = "/history/";

    /// <summary>The verb a reader needs on <see cref="KubernetesPushAuthorizer.Resource"/>.</summary>
    public const string Verb = "get";

    /// <summary>True for any path under <see cref="Prefix"/> (a wrong one is answered by the handler, not the metrics API).</summary>
    public static bool Matches(string path) => path.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The namespace of a query_range path, or null when the path is not one (or the namespace is not a DNS label).</summary>
    public static string? Namespace(string path)
    {
        var match = PathPattern().Match(path);
        return match.Success ? match.Groups["ns"].Value : null;
    }

    /// <summary>The base URL a query_range client needs for <paramref name="ns"/>, relative to the adapter's root.</summary>
    public static string BasePath(string ns) => $"{Prefix}namespaces/{ns}/";

    public RequestAttributes? Map(string method, string path) =>
        Namespace(path) is { } ns
            ? new RequestAttributes(true, path, Verb, ns, KubernetesPushAuthorizer.Group, KubernetesPushAuthorizer.Version, KubernetesPushAuthorizer.Resource)
            : null;

    [GeneratedRegex("^/history/namespaces/(?<ns>[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)/api/v1/query_range$", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();
}
