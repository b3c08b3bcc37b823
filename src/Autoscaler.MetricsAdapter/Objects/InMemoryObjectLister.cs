using System.Collections.Concurrent;
using Autoscaler.Core.Labels;
using Autoscaler.MetricsAdapter.Providers;

namespace Autoscaler.MetricsAdapter.Objects;

/// <summary>
/// An <see cref="IObjectLister"/> over objects set by hand: the stand-in for the informer-backed lister in tests and
/// local runs. Only resources that were given at least one object (or <see cref="Watch"/>) are served.
/// </summary>
public sealed class InMemoryObjectLister : IObjectLister
{
    private readonly ConcurrentDictionary<(GroupResource Resource, string Namespace, string Name), IReadOnlyDictionary<string, string>> _objects = new();
    private readonly ConcurrentDictionary<GroupResource, bool> _watched = new();

    /// <summary>Serves <paramref name="resource"/> even while it has no objects.</summary>
    public void Watch(GroupResource resource) => _watched[resource] = true;

    /// <summary>Adds or replaces an object and its labels.</summary>
    public void Set(GroupResource resource, string ns, string name, IReadOnlyDictionary<string, string> labels)
    {
        Watch(resource);
        _objects[(resource, ns, name)] = new Dictionary<string, string>(labels, StringComparer.Ordinal);
    }

    /// <summary>Removes an object, as a watch delete event would.</summary>
    public void Delete(GroupResource resource, string ns, string name) => _objects.TryRemove((resource, ns, name), out _);

    /// <inheritdoc />
    public ValueTask<MetricResult<IReadOnlyList<string>>> ListNamesAsync(GroupResource resource, string ns, LabelSelector selector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selector);
        if (!_watched.ContainsKey(resource))
        {
            return ValueTask.FromResult<MetricResult<IReadOnlyList<string>>>(MetricError.BadRequest($"objects of {resource} are not watched by this adapter"));
        }

        IReadOnlyList<string> names = _objects
            .Where(o => o.Key.Resource == resource && o.Key.Namespace == ns && selector.Matches(o.Value))
            .Select(o => o.Key.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        return ValueTask.FromResult<MetricResult<IReadOnlyList<string>>>(MetricResult<IReadOnlyList<string>>.Success(names));
    }
}
