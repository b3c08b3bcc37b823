using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Autoscaler.MetricsAdapter.Hosting;

/// <summary>
/// Where the metric sources plug into the host (shared with the sources' author): register each source with
/// <c>services.AddMetricSource&lt;T&gt;()</c> in <see cref="AddSources"/>; requests for which
/// <see cref="IsSourceRequest"/> is true (for example anything on the gRPC push port) skip the metrics API
/// pipeline and go to the branch built by <see cref="ConfigureSourceBranch"/>. The protocol layer never
/// references a source type.
/// </summary>
internal static class SourceComposition
{
    /// <summary>Registers the configured sources and their services.</summary>
    public static void AddSources(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
    }

    /// <summary>True when a request belongs to a source's own listener rather than the metrics API.</summary>
    public static bool IsSourceRequest(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return false;
    }

    /// <summary>Builds the pipeline for source requests (routing and endpoints of the sources).</summary>
    public static void ConfigureSourceBranch(IApplicationBuilder branch)
    {
        ArgumentNullException.ThrowIfNull(branch);
    }
}
