namespace Autoscaler.MetricsAdapter.Providers;

/// <summary>A Kubernetes group + resource such as <c>deployments.apps</c> (core group: <c>pods</c>).</summary>
/// <param name="Group">The API group; empty for the core group.</param>
/// <param name="Resource">The plural resource name.</param>
public readonly record struct GroupResource(string Group, string Resource)
{
    /// <summary>Parses the GroupResource string used in metric paths: the text before the first dot is the resource.</summary>
    public static GroupResource Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? new GroupResource(string.Empty, text) : new GroupResource(text[(dot + 1)..], text[..dot]);
    }

    /// <summary><c>resource</c> for the core group, else <c>resource.group</c>.</summary>
    public override string ToString() => Group.Length == 0 ? Resource : $"{Resource}.{Group}";
}
