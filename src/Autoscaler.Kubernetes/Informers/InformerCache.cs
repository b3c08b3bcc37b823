using System.Collections.Concurrent;
using k8s;
using k8s.Models;

namespace Autoscaler.Kubernetes.Informers;

/// <summary>The informer's local store, keyed "namespace/name" (or "name" for cluster-scoped objects).</summary>
internal sealed class InformerCache<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ConcurrentDictionary<string, T> _items = new(StringComparer.Ordinal);

    public static string KeyOf(T value) =>
        string.IsNullOrEmpty(value.Metadata?.NamespaceProperty) ? value.Metadata?.Name ?? "" : $"{value.Metadata.NamespaceProperty}/{value.Metadata.Name}";

    public int Count => _items.Count;

    public IReadOnlyList<T> Snapshot() => _items.Values.ToList();

    public bool TryGet(string key, out T value) => _items.TryGetValue(key, out value!);

    /// <summary>Stores the object; returns the previous version, if any.</summary>
    public T? Upsert(T value)
    {
        var key = KeyOf(value);
        T? old = null;
        _items.AddOrUpdate(key, value, (_, previous) =>
        {
            old = previous;
            return value;
        });
        return old;
    }

    public T? Remove(T value) => _items.TryRemove(KeyOf(value), out var old) ? old : null;

    /// <summary>Replaces the whole store with a fresh list; reports what was added, updated and deleted.</summary>
    public (List<T> Added, List<(T Old, T New)> Updated, List<T> Deleted) Replace(IEnumerable<T> items)
    {
        var fresh = items.ToDictionary(KeyOf, StringComparer.Ordinal);
        var deleted = _items.Where(kv => !fresh.ContainsKey(kv.Key)).Select(kv => kv.Value).ToList();
        foreach (var gone in deleted)
        {
            _items.TryRemove(KeyOf(gone), out _);
        }

        var added = new List<T>();
        var updated = new List<(T, T)>();
        foreach (var (key, value) in fresh)
        {
            if (_items.TryGetValue(key, out var old))
            {
                updated.Add((old, value));
            }
            else
            {
                added.Add(value);
            }

            _items[key] = value;
        }

        return (added, updated, deleted);
    }
}
