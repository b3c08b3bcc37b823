using Autoscaler.Core.Labels;
using Autoscaler.MetricsAdapter.Providers;

namespace Autoscaler.MetricsAdapter.Objects;

/// <summary>
/// Names the Kubernetes objects of one resource in one namespace whose labels match a selector, from a local
/// cache kept current by a watch (an informer), never a list call per request. The Prometheus source uses it to
/// serve <c>type: Pods</c> and object metrics requested by label selector
/// (<c>/namespaces/NS/pods/*/METRIC?labelSelector=app%3Dweb</c>).
/// </summary>
public interface IObjectLister
{
    /// <summary>
    /// The names (sorted) of <paramref name="resource"/> objects in <paramref name="ns"/> (empty for cluster-scoped
    /// resources) matching <paramref name="selector"/>; or an error: <see cref="MetricErrorKind.BadRequest"/> for a
    /// resource the lister does not watch, <see cref="MetricErrorKind.SourceUnavailable"/> while its cache has not
    /// synced.
    /// </summary>
    ValueTask<MetricResult<IReadOnlyList<string>>> ListNamesAsync(GroupResource resource, string ns, LabelSelector selector, CancellationToken cancellationToken);
}
