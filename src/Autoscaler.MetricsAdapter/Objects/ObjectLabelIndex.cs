using System.Collections.Concurrent;
using Autoscaler.Core.Labels;
using k8s.Models;

namespace Autoscaler.MetricsAdapter.Objects;

/// <summary>
/// The labels of the objects of one resource, by namespace then name, kept current from an informer's events so a
/// selector lookup touches one namespace only. Cluster-scoped objects sit under the empty namespace.
/// </summary>
internal sealed class ObjectLabelIndex
{
    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, IReadOnlyDictionary<string, string>>> _byNamespace = new(StringComparer.Ordinal);

    /// <summary>Adds or replaces an object's labels (watch ADDED/MODIFIED, list items).</summary>
    public void Set(V1ObjectMeta? metadata)
    {
        if (metadata?.Name is not { Length: > 0 } name)
        {
            return;
        }

        var labels = metadata.Labels is { Count: > 0 } given ? new Dictionary<string, string>(given, StringComparer.Ordinal) : NoLabels;
        _byNamespace.GetOrAdd(metadata.NamespaceProperty ?? string.Empty, _ => new(StringComparer.Ordinal))[name] = labels;
    }

    /// <summary>Forgets an object (watch DELETED, or gone at a relist).</summary>
    public void Remove(V1ObjectMeta? metadata)
    {
        if (metadata?.Name is { Length: > 0 } name && _byNamespace.TryGetValue(metadata.NamespaceProperty ?? string.Empty, out var names))
        {
            names.TryRemove(name, out _);
        }
    }

    /// <summary>The names (ordinal order) of the objects in <paramref name="ns"/> whose labels match <paramref name="selector"/>.</summary>
    public IReadOnlyList<string> Names(string ns, LabelSelector selector) =>
        _byNamespace.TryGetValue(ns, out var names)
            ? names.Where(o => selector.Matches(o.Value)).Select(o => o.Key).Order(StringComparer.Ordinal).ToList()
            : [];
}
