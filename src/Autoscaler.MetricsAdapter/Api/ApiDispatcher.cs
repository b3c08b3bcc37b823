using Autoscaler.MetricsAdapter.Discovery;
using Autoscaler.MetricsAdapter.Errors;
using Microsoft.AspNetCore.Http;

namespace Autoscaler.MetricsAdapter.Api;

/// <summary>The terminal handler for everything that is not health or telemetry: root paths, version, discovery, metrics, and 404s.</summary>
internal sealed class ApiDispatcher(DiscoveryHandler discovery, MetricQueryHandler metrics)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var request = ApiPathParser.Parse(path);
        if (request.Kind == ApiRequestKind.Unknown)
        {
            // No OpenAPI document is served: the aggregator skips a 404 gracefully (§1.9), never a 500 or 403.
            return JsonResponses.WriteErrorAsync(context, ApiError.NotFoundPath());
        }

        if (!HttpMethods.IsGet(context.Request.Method))
        {
            return JsonResponses.WriteErrorAsync(context, ApiError.MethodNotAllowed(context.Request.Method));
        }

        if (!AcceptNegotiation.AcceptsJson(context.Request.Headers.Accept.ToString()))
        {
            return JsonResponses.WriteErrorAsync(context, ApiError.NotAcceptable());
        }

        return request.Kind switch
        {
            ApiRequestKind.Invalid => JsonResponses.WriteErrorAsync(context, ApiError.BadRequest(request.Error)),
            ApiRequestKind.Root => RootHandler.RootPathsAsync(context),
            ApiRequestKind.Version => RootHandler.VersionAsync(context),
            ApiRequestKind.GroupList => discovery.GroupListAsync(context),
            ApiRequestKind.Group => discovery.GroupAsync(context, request.Group),
            ApiRequestKind.ResourceList => discovery.ResourceListAsync(context, request.Group, request.Version),
            _ => metrics.HandleAsync(context, request),
        };
    }
}
