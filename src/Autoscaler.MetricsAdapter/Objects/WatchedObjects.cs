using Autoscaler.Core.Labels;
using Autoscaler.Kubernetes.Informers;
using Autoscaler.MetricsAdapter.Providers;
using k8s;
using k8s.Models;

namespace Autoscaler.MetricsAdapter.Objects;

/// <summary>One watched resource: a shared <see cref="Informer{T}"/> feeding an <see cref="ObjectLabelIndex"/>.</summary>
internal sealed class WatchedObjects
{
    private readonly ObjectLabelIndex _index = new();
    private readonly Func<CancellationToken, Task> _run;
    private readonly Func<bool> _hasSynced;

    private WatchedObjects(GroupResource resource, Func<CancellationToken, Task> run, Func<bool> hasSynced)
    {
        Resource = resource;
        _run = run;
        _hasSynced = hasSynced;
    }

    /// <summary>The resource watched, e.g. <c>pods</c>.</summary>
    public GroupResource Resource { get; }

    /// <summary>True once the informer's first list is in the index.</summary>
    public bool HasSynced => _hasSynced();

    /// <summary>Indexes the objects of <paramref name="informer"/>; the informer runs in <see cref="RunAsync"/>.</summary>
    public static WatchedObjects Over<T>(GroupResource resource, Informer<T> informer)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(informer);
        var watched = new WatchedObjects(resource, informer.RunAsync, () => informer.HasSynced);
        // Handlers run before HasSynced turns true for the first list, so a synced index is a complete one.
        informer.Added += o => watched._index.Set(o.Metadata);
        informer.Updated += (_, o) => watched._index.Set(o.Metadata);
        informer.Deleted += o => watched._index.Remove(o.Metadata);
        return watched;
    }

    /// <summary>Runs the informer (list, then watch; relist on 410) until cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => _run(cancellationToken);

    /// <summary>The names (ordinal order) of the objects in <paramref name="ns"/> matching <paramref name="selector"/>.</summary>
    public IReadOnlyList<string> Names(string ns, LabelSelector selector) => _index.Names(ns, selector);
}
