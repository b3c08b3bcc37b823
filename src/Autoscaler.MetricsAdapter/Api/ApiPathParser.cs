using System.Text.RegularExpressions;

namespace Autoscaler.MetricsAdapter.Api;

/// <summary>
/// Parses a decoded request path into an <see cref="ApiRequest"/>. The HPA's wildcard arrives as <c>%2A</c>,
/// which ASP.NET Core has already decoded to <c>*</c> in <c>Request.Path</c>.
/// </summary>
internal static partial class ApiPathParser
{
    public static ApiRequest Parse(string path)
    {
        if (path.Length > 1 && path.EndsWith('/'))
        {
            path = path[..^1];
        }

        if (path is "/" or "")
        {
            return new ApiRequest(ApiRequestKind.Root);
        }

        if (path == "/version")
        {
            return new ApiRequest(ApiRequestKind.Version);
        }

        var parts = path.Split('/');
        if (parts.Length < 2 || parts[0].Length != 0 || parts[1] != "apis")
        {
            return ApiRequest.Unknown;
        }

        switch (parts.Length)
        {
            case 2:
                return new ApiRequest(ApiRequestKind.GroupList);
            case 3:
                return ApiGroups.Versions.ContainsKey(parts[2]) ? new ApiRequest(ApiRequestKind.Group, parts[2]) : ApiRequest.Unknown;
        }

        var (group, version) = (parts[2], parts[3]);
        if (!ApiGroups.IsServed(group, version))
        {
            return ApiRequest.Unknown;
        }

        var rest = parts.AsSpan(4);
        if (rest.Length == 0)
        {
            return new ApiRequest(ApiRequestKind.ResourceList, group, version);
        }

        var parsed = group == ApiGroups.External ? ParseExternal(rest) : ParseCustom(rest);
        return parsed with { Group = group, Version = version };
    }

    private static ApiRequest ParseExternal(ReadOnlySpan<string> rest)
    {
        if (rest.Length != 3 || rest[0] != "namespaces")
        {
            return ApiRequest.Unknown;
        }

        return CheckNamespace(rest[1]) ?? CheckMetric(rest[2]) ?? new ApiRequest(ApiRequestKind.External, Namespace: rest[1], Metric: rest[2]);
    }

    private static ApiRequest ParseCustom(ReadOnlySpan<string> rest)
    {
        if (rest[0] == "namespaces")
        {
            switch (rest.Length)
            {
                case 4 when rest[2] == "metrics":
                    if (rest[3] == "*")
                    {
                        return ApiRequest.Invalid("the wildcard '*' is not valid for namespace metrics");
                    }

                    return CheckNamespace(rest[1]) ?? CheckMetric(rest[3]) ??
                           new ApiRequest(ApiRequestKind.CustomNamed, Namespace: rest[1], Resource: "namespaces", Name: rest[1], Metric: rest[3]) { IsNamespaceMetric = true };
                case 5:
                    return CheckNamespace(rest[1]) ?? Object(rest[2], rest[3], rest[4], rest[1]);
                case 3:
                    // "namespaces/<ns>/<metric>" would read as resource <metric> in namespace <ns>: not a valid form.
                    return ApiRequest.Invalid("invalid request path");
                default:
                    return ApiRequest.Unknown;
            }
        }

        return rest.Length == 3 ? Object(rest[0], rest[1], rest[2], string.Empty) : ApiRequest.Unknown;
    }

    private static ApiRequest Object(string resource, string name, string metric, string ns)
    {
        if (resource.Length == 0 || name.Length == 0)
        {
            return ApiRequest.Invalid("invalid request path");
        }

        return CheckMetric(metric) ?? new ApiRequest(
            name == "*" ? ApiRequestKind.CustomSelector : ApiRequestKind.CustomNamed,
            Namespace: ns,
            Resource: resource,
            Name: name,
            Metric: metric);
    }

    private static ApiRequest? CheckNamespace(string ns) =>
        ns.Length <= 63 && Dns1123Label().IsMatch(ns) ? null : ApiRequest.Invalid($"invalid namespace name \"{ns}\": must be a lowercase RFC 1123 label");

    private static ApiRequest? CheckMetric(string metric) =>
        metric.Length == 0 || metric is "." or ".." || metric.AsSpan().IndexOfAny('%', '/', '?') >= 0
            ? ApiRequest.Invalid($"invalid metric name \"{metric}\": may not be empty, '.' or '..', nor contain '%', '/' or '?'")
            : null;

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Label();
}
