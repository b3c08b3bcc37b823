using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Autoscaler.MetricsAdapter.Grpc;

/// <summary>Matches a fully-qualified gRPC service name (<c>package.Service</c>: at least one dot), so the
/// gRPC route never captures Kubernetes API paths such as <c>/apis/external.metrics.k8s.io</c>.</summary>
internal sealed partial class GrpcServiceNameConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string name && ServiceName().IsMatch(name);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$")]
    private static partial Regex ServiceName();
}
