namespace Autoscaler.MetricsAdapter.Api;

/// <summary>A parsed request path. Empty strings mean "not present" (e.g. the namespace of a cluster-scoped object).</summary>
internal sealed record ApiRequest(
    ApiRequestKind Kind,
    string Group = "",
    string Version = "",
    string Namespace = "",
    string Resource = "",
    string Name = "",
    string Metric = "",
    string Error = "")
{
    public static readonly ApiRequest Unknown = new(ApiRequestKind.Unknown);

    /// <summary>True for C1–C4 paths that carry a <c>namespaces/&lt;ns&gt;</c> prefix, and for E1.</summary>
    public bool Namespaced => Namespace.Length > 0 && !IsNamespaceMetric;

    /// <summary>C5: a metric describing the Namespace object itself.</summary>
    public bool IsNamespaceMetric { get; init; }

    public static ApiRequest Invalid(string error) => new(ApiRequestKind.Invalid, Error: error);
}
