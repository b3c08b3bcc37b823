using Autoscaler.MetricsAdapter.Auth;
using Autoscaler.MetricsAdapter.Sources.Push.Authorization;

namespace Autoscaler.MetricsAdapter.Keda;

/// <summary>
/// Decides whether a caller of KEDA's external scaler may read a metric. A KEDA call reveals the same value an
/// aggregated-API read of <c>external.metrics.k8s.io/v1beta1/namespaces/&lt;ns&gt;/&lt;metricName&gt;</c> reveals, so it
/// is authorized exactly like one: a client certificate of the client CA (user = CN, groups = O; what KEDA's
/// <c>tlsClientCert</c>/<c>tlsClientKey</c> present) or a bearer token, then a SubjectAccessReview for <c>list</c> on
/// resource <c>&lt;metricName&gt;</c> in group <c>external.metrics.k8s.io</c> in the ScaledObject's namespace (RBAC that
/// lets the HPA read the metric lets KEDA read it). Off (<see cref="Open"/>) when <c>Keda:Authentication</c> resolves off.
/// </summary>
internal sealed class KedaReadAuthorizer
{
    /// <summary>The group the review names (the external metrics API's).</summary>
    public const string Group = "external.metrics.k8s.io";

    /// <summary>The version the review names (RBAC rules do not match on versions).</summary>
    public const string Version = "v1beta1";

    private readonly GrpcCallAuthorizer? _calls;

    /// <summary>Authorizes through <paramref name="calls"/>; null allows every read.</summary>
    public KedaReadAuthorizer(GrpcCallAuthorizer? calls) => _calls = calls;

    /// <summary>Allows every read (authentication off: local development, or no cluster to review against).</summary>
    public static KedaReadAuthorizer Open { get; } = new(null);

    /// <summary>True when reads are authenticated and authorized.</summary>
    public bool Enabled => _calls is not null;

    /// <summary>Authenticates the caller and authorizes a read of <paramref name="metricName"/> in <paramref name="ns"/>.
    /// Never throws for a failed review: that is <see cref="PushAccessOutcome.Unavailable"/>, never an allow.</summary>
    public Task<PushAccess> AuthorizeAsync(PushCredentials credentials, string ns, string metricName, CancellationToken cancellationToken)
    {
        if (_calls is null)
        {
            return Task.FromResult(PushAccess.Allow);
        }

        var path = ns.Length > 0 ? $"/apis/{Group}/{Version}/namespaces/{ns}/{metricName}" : $"/apis/{Group}/{Version}/{metricName}";
        return _calls.AuthorizeAsync(credentials, new RequestAttributes(true, path, "list", ns, Group, Version, metricName), "KEDA read", cancellationToken);
    }
}
