using Autoscaler.Core.Labels;
using Autoscaler.MetricsAdapter.Errors;
using Autoscaler.MetricsAdapter.Providers;
using Microsoft.AspNetCore.Http;

namespace Autoscaler.MetricsAdapter.Api;

/// <summary>Serves E1 and C1–C5 from the composite provider: selectors parsed and validated, failures as Status.</summary>
internal sealed class MetricQueryHandler(CompositeMetricsProvider provider)
{
    public async Task HandleAsync(HttpContext context, ApiRequest request)
    {
        var query = context.Request.Query;
        if (!TryParseSelector(query["labelSelector"], "labelSelector", out var labelSelector, out var error) ||
            !TryParseSelector(query["metricLabelSelector"], "metricLabelSelector", out var metricSelector, out error))
        {
            await JsonResponses.WriteErrorAsync(context, error!).ConfigureAwait(false);
            return;
        }

        if (request.Kind == ApiRequestKind.External)
        {
            await ExternalAsync(context, request, labelSelector).ConfigureAwait(false);
            return;
        }

        if (!TryApplyFieldSelector(query["fieldSelector"].ToString(), ref request, out error))
        {
            await JsonResponses.WriteErrorAsync(context, error!).ConfigureAwait(false);
            return;
        }

        await CustomAsync(context, request, labelSelector, metricSelector).ConfigureAwait(false);
    }

    private static bool TryParseSelector(string? text, string parameter, out LabelSelector selector, out ApiError? error)
    {
        error = null;
        if (LabelSelector.TryParse(text, out selector, out var reason))
        {
            return true;
        }

        error = ApiError.BadRequest($"invalid {parameter} \"{text}\": {reason}");
        return false;
    }

    // The reference server accepts fieldSelector=metadata.name=<x> in place of the path name; nothing else.
    private static bool TryApplyFieldSelector(string fieldSelector, ref ApiRequest request, out ApiError? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(fieldSelector))
        {
            return true;
        }

        var parts = fieldSelector.Replace("==", "=", StringComparison.Ordinal).Split('=', 2);
        if (parts.Length != 2 || parts[0].Trim() != "metadata.name" || parts[1].Trim().Length == 0 || parts[1].Contains(',', StringComparison.Ordinal))
        {
            error = ApiError.BadRequest($"invalid fieldSelector \"{fieldSelector}\": only metadata.name=<name> is supported");
            return false;
        }

        var name = parts[1].Trim();
        if (request.Kind == ApiRequestKind.CustomNamed && request.Name != name)
        {
            error = ApiError.BadRequest($"fieldSelector metadata.name={name} conflicts with the object name {request.Name} in the path");
            return false;
        }

        request = request with { Kind = ApiRequestKind.CustomNamed, Name = name };
        return true;
    }

    private async Task ExternalAsync(HttpContext context, ApiRequest request, LabelSelector selector)
    {
        var result = await provider.GetExternalMetricAsync(new ExternalMetricQuery(request.Namespace, request.Metric, selector), context.RequestAborted).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            await JsonResponses.WriteErrorAsync(context, ApiError.FromMetricError(result.Error!, request.Metric, null)).ConfigureAwait(false);
            return;
        }

        var body = new ExternalMetricValueListBody { Items = result.Value.Select(MetricBodyMapper.External).ToArray() };
        await JsonResponses.WriteAsync(context, 200, body, AdapterJson.Context.ExternalMetricValueListBody).ConfigureAwait(false);
    }

    private async Task CustomAsync(HttpContext context, ApiRequest request, LabelSelector objectSelector, LabelSelector metricSelector)
    {
        var resource = GroupResource.Parse(request.Resource);
        var info = new CustomMetricInfo(resource, request.Namespaced, request.Metric);
        var ns = request.IsNamespaceMetric ? string.Empty : request.Namespace;
        IReadOnlyList<CustomMetricValue> values;
        if (request.Kind == ApiRequestKind.CustomNamed)
        {
            var one = await provider.GetMetricByNameAsync(new CustomObjectQuery(info, ns, request.Name, metricSelector), context.RequestAborted).ConfigureAwait(false);
            if (!one.IsSuccess)
            {
                await JsonResponses.WriteErrorAsync(context, ApiError.FromMetricError(one.Error!, request.Resource, request.Name)).ConfigureAwait(false);
                return;
            }

            values = [one.Value];
        }
        else
        {
            var many = await provider.GetMetricBySelectorAsync(new CustomSelectorQuery(info, ns, objectSelector, metricSelector), context.RequestAborted).ConfigureAwait(false);
            if (!many.IsSuccess)
            {
                await JsonResponses.WriteErrorAsync(context, ApiError.FromMetricError(many.Error!, request.Resource, null)).ConfigureAwait(false);
                return;
            }

            values = many.Value;
        }

        var selector = MetricBodyMapper.Selector(metricSelector);
        var apiVersion = $"{ApiGroups.Custom}/{request.Version}";
        if (request.Version == ApiGroups.V1Beta2)
        {
            var body = new MetricValueListBody<MetricValueV1Beta2Body> { ApiVersion = apiVersion, Items = values.Select(v => MetricBodyMapper.V1Beta2(v, selector)).ToArray() };
            await JsonResponses.WriteAsync(context, 200, body, AdapterJson.Context.MetricValueListBodyMetricValueV1Beta2Body).ConfigureAwait(false);
        }
        else
        {
            var body = new MetricValueListBody<MetricValueV1Beta1Body> { ApiVersion = apiVersion, Items = values.Select(v => MetricBodyMapper.V1Beta1(v, selector)).ToArray() };
            await JsonResponses.WriteAsync(context, 200, body, AdapterJson.Context.MetricValueListBodyMetricValueV1Beta1Body).ConfigureAwait(false);
        }
    }
}
