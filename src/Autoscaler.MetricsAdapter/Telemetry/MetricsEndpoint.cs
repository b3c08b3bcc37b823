using Microsoft.AspNetCore.Http;

namespace Autoscaler.MetricsAdapter.Telemetry;

/// <summary><c>/metrics</c>: the adapter's own instruments in Prometheus text format 0.0.4.</summary>
internal sealed class MetricsEndpoint(MetricAggregator aggregator)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = PrometheusTextWriter.ContentType;
        return context.Response.WriteAsync(PrometheusTextWriter.Write(aggregator.Collect()), context.RequestAborted);
    }
}
