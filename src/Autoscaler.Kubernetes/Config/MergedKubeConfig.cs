namespace Autoscaler.Kubernetes.Config;

/// <summary>Several kubeconfig files merged: first name wins, first current-context wins.</summary>
internal sealed class MergedKubeConfig
{
    public string? CurrentContext { get; private set; }

    public Dictionary<string, (ClusterEntry Entry, string File)> Clusters { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (UserEntry Entry, string File)> Users { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (ContextEntry Entry, string File)> Contexts { get; } = new(StringComparer.Ordinal);

    public void Add(KubeConfigDocument document, string file)
    {
        if (string.IsNullOrEmpty(CurrentContext) && !string.IsNullOrEmpty(document.CurrentContext))
        {
            CurrentContext = document.CurrentContext;
        }

        foreach (var c in document.Clusters ?? [])
        {
            if (c.Name is { } name && c.Cluster is { } entry)
            {
                Clusters.TryAdd(name, (entry, file));
            }
        }

        foreach (var u in document.Users ?? [])
        {
            if (u.Name is { } name)
            {
                Users.TryAdd(name, (u.User ?? new UserEntry(), file));
            }
        }

        foreach (var c in document.Contexts ?? [])
        {
            if (c.Name is { } name && c.Context is { } entry)
            {
                Contexts.TryAdd(name, (entry, file));
            }
        }
    }
}
