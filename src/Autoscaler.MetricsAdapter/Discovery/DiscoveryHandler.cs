using Autoscaler.MetricsAdapter.Api;
using Autoscaler.MetricsAdapter.Providers;
using Microsoft.AspNetCore.Http;

namespace Autoscaler.MetricsAdapter.Discovery;

/// <summary>Serves the legacy discovery documents of §1.3 built from what the sources list now.</summary>
internal sealed class DiscoveryHandler(CompositeMetricsProvider provider)
{
    public Task GroupListAsync(HttpContext context)
    {
        var body = new ApiGroupListBody { Groups = ApiGroups.Versions.Keys.Order(StringComparer.Ordinal).Select(Group).ToArray() };
        return JsonResponses.WriteAsync(context, 200, body, AdapterJson.Context.ApiGroupListBody);
    }

    public Task GroupAsync(HttpContext context, string group) =>
        JsonResponses.WriteAsync(context, 200, Group(group), AdapterJson.Context.ApiGroupBody);

    public async Task ResourceListAsync(HttpContext context, string group, string version)
    {
        IReadOnlyList<ApiResourceBody> resources;
        if (group == ApiGroups.External)
        {
            var infos = await provider.ListExternalMetricsAsync(context.RequestAborted).ConfigureAwait(false);
            resources = infos.Select(i => new ApiResourceBody { Name = i.Metric, Namespaced = true, Kind = "ExternalMetricValueList" }).ToArray();
        }
        else
        {
            var infos = await provider.ListCustomMetricsAsync(context.RequestAborted).ConfigureAwait(false);
            resources = infos.Select(i => new ApiResourceBody
            {
                Name = $"{i.Resource}/{i.Metric}",
                // Namespace objects themselves are cluster-scoped even though their metrics are addressed by namespace.
                Namespaced = i.Namespaced && !(i.Resource.Group.Length == 0 && i.Resource.Resource == "namespaces"),
                Kind = "MetricValueList",
            }).ToArray();
        }

        var body = new ApiResourceListBody { GroupVersion = $"{group}/{version}", Resources = resources };
        await JsonResponses.WriteAsync(context, 200, body, AdapterJson.Context.ApiResourceListBody).ConfigureAwait(false);
    }

    private static ApiGroupBody Group(string group)
    {
        var versions = ApiGroups.Versions[group].Select(v => new GroupVersionBody($"{group}/{v}", v)).ToArray();
        return new ApiGroupBody { Name = group, Versions = versions, PreferredVersion = versions[0] };
    }
}
