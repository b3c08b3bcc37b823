namespace Autoscaler.Kubernetes.Resources;

/// <summary>Query options of a list call.</summary>
public sealed class ListOptions
{
    /// <summary>Label selector in string form, such as "app=web,tier!=db".</summary>
    public string? LabelSelector { get; set; }

    /// <summary>Field selector, such as "metadata.name=web".</summary>
    public string? FieldSelector { get; set; }

    /// <summary>Page size; the server returns a continue token when more remain.</summary>
    public int? Limit { get; set; }

    /// <summary>Continue token of the previous page.</summary>
    public string? Continue { get; set; }

    /// <summary>Unset: a consistent read; "0": any cached version; other: not older than this.</summary>
    public string? ResourceVersion { get; set; }

    /// <summary>NotOlderThan or Exact, with <see cref="ResourceVersion"/>.</summary>
    public string? ResourceVersionMatch { get; set; }

    internal string ToQuery() => new QueryBuilder()
        .Add("labelSelector", LabelSelector)
        .Add("fieldSelector", FieldSelector)
        .Add("limit", Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Add("continue", Continue)
        .Add("resourceVersion", ResourceVersion)
        .Add("resourceVersionMatch", ResourceVersionMatch)
        .ToString();
}
