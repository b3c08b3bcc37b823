using Autoscaler.Core.Labels;
using Autoscaler.MetricsAdapter.Providers;
using Microsoft.Extensions.Hosting;

namespace Autoscaler.MetricsAdapter.Objects;

/// <summary>
/// The <see cref="IObjectLister"/> of a running adapter: one shared informer per watched resource (list, then
/// watch, relist on 410; src/Autoscaler.Kubernetes) keeps a label index, and every request reads that index — never
/// a list call per request. Runs as a hosted service for the adapter's lifetime. Before a resource's first list has
/// arrived, requests for it answer <see cref="MetricErrorKind.SourceUnavailable"/> (503, the HPA retries).
/// </summary>
internal sealed class InformerObjectLister : BackgroundService, IObjectLister
{
    private readonly IReadOnlyDictionary<GroupResource, WatchedObjects> _watched;

    /// <summary>Serves the given watches; they start with the host.</summary>
    public InformerObjectLister(IEnumerable<WatchedObjects> watched)
    {
        ArgumentNullException.ThrowIfNull(watched);
        _watched = watched.ToDictionary(w => w.Resource);
    }

    /// <summary>The resources watched.</summary>
    public IReadOnlyCollection<GroupResource> Resources => _watched.Keys.ToArray();

    /// <summary>True once every watched resource has had its first list.</summary>
    public bool HasSynced => _watched.Values.All(w => w.HasSynced);

    /// <inheritdoc />
    public ValueTask<MetricResult<IReadOnlyList<string>>> ListNamesAsync(GroupResource resource, string ns, LabelSelector selector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selector);
        MetricResult<IReadOnlyList<string>> result;
        if (!_watched.TryGetValue(resource, out var watched))
        {
            var names = string.Join(", ", _watched.Keys.Select(r => r.ToString()).Order(StringComparer.Ordinal));
            result = MetricError.BadRequest(
                $"objects of {resource} are not watched by this adapter, so they cannot be selected by labels (watched: {names}; see Objects:Resources)");
        }
        else if (!watched.HasSynced)
        {
            result = MetricError.Unavailable($"the adapter's cache of {resource} has not synced with the Kubernetes API yet");
        }
        else
        {
            result = MetricResult<IReadOnlyList<string>>.Success(watched.Names(ns, selector));
        }

        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_watched.Values.Select(w => w.RunAsync(stoppingToken)));
}
