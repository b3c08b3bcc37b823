namespace Autoscaler.Kubernetes.Resources;

/// <summary>Query options of a watch call.</summary>
public sealed class WatchOptions
{
    /// <summary>Where to start: the resourceVersion of the list or of the last event seen.</summary>
    public string? ResourceVersion { get; set; }

    /// <summary>Label selector in string form.</summary>
    public string? LabelSelector { get; set; }

    /// <summary>Field selector, such as "metadata.name=web".</summary>
    public string? FieldSelector { get; set; }

    /// <summary>Server-side timeout after which the stream ends normally (the reflector picks 300-600 s).</summary>
    public int? TimeoutSeconds { get; set; }

    /// <summary>Ask for BOOKMARK events (default true); they are a hint, never guaranteed.</summary>
    public bool AllowBookmarks { get; set; } = true;

    internal string ToQuery() => new QueryBuilder()
        .Add("watch", "true")
        .Add("resourceVersion", ResourceVersion)
        .Add("allowWatchBookmarks", AllowBookmarks ? "true" : null)
        .Add("timeoutSeconds", TimeoutSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Add("labelSelector", LabelSelector)
        .Add("fieldSelector", FieldSelector)
        .ToString();
}
