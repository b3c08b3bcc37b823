using Autoscaler.MetricsAdapter.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Autoscaler.MetricsAdapter.Sources.Push.History;

/// <summary>
/// Serves <c>GET /history/namespaces/{ns}/api/v1/query_range?query=&amp;start=&amp;end=&amp;step=</c> from the embedded
/// store in the shape of Prometheus' HTTP API, so any query_range client (the controller's PrometheusRangeHistory)
/// reads pushed history unchanged. Runs behind the <see cref="Auth.AuthMiddleware"/>, which has already authorized
/// <c>get pushedmetrics</c> in <c>{ns}</c> (<see cref="HistoryRoute"/>). Bad input is 400 (<c>bad_data</c>), another
/// path 404, another method 405; never 500.
/// </summary>
internal sealed class QueryRangeHandler(ISampleStore store, IOptions<HistoryOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (HistoryRoute.Namespace(path) is not { } ns)
        {
            await PrometheusApiJson.WriteErrorAsync(context, StatusCodes.Status404NotFound, "not_found",
                $"no such path {path}: the history endpoint is GET {HistoryRoute.Prefix}namespaces/{{namespace}}/api/v1/query_range").ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.Headers.Allow = "GET";
            await PrometheusApiJson.WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, PrometheusApiJson.BadData,
                $"method {context.Request.Method} is not allowed; use GET").ConfigureAwait(false);
            return;
        }

        var (query, problem) = Parse(ns, context.Request.Query, options.Value);
        if (query is null)
        {
            await PrometheusApiJson.WriteErrorAsync(context, StatusCodes.Status400BadRequest, PrometheusApiJson.BadData, problem!).ConfigureAwait(false);
            return;
        }

        await PrometheusApiJson.WriteMatrixAsync(context, store.Range(query)).ConfigureAwait(false);
    }

    /// <summary>The store query of a request, or null and the first problem in Prometheus' words.</summary>
    public static (RangeQuery? Query, string? Problem) Parse(string ns, IQueryCollection parameters, HistoryOptions options)
    {
        foreach (var name in new[] { "query", "start", "end", "step" })
        {
            if (parameters[name].Count > 1)
            {
                return (null, $"invalid parameter \"{name}\": given {parameters[name].Count} times");
            }
        }

        if (SeriesSelector.TryParse(parameters["query"], out var selectorError) is not { } selector)
        {
            return (null, $"invalid parameter \"query\": {selectorError}");
        }

        if (RangeParameters.Time("start", parameters["start"], out var error) is not { } start
            || RangeParameters.Time("end", parameters["end"], out error) is not { } end
            || RangeParameters.Step(parameters["step"], out error) is not { } step)
        {
            return (null, error);
        }

        var query = new RangeQuery(ns, selector.Name, selector.Labels, start, end, step, (long)options.LookbackDelta.TotalMilliseconds);
        return query.Problem(options.MaxPoints) is { } problem ? (null, problem) : (query, null);
    }
}
