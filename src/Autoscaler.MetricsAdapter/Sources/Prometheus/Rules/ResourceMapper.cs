using System.Text.RegularExpressions;
using Autoscaler.MetricsAdapter.Providers;

namespace Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;

/// <summary>Maps series labels to Kubernetes resources and back, from a rule's <c>overrides</c> and <c>template</c>.</summary>
internal sealed class ResourceMapper
{
    private readonly Dictionary<string, GroupResource> _overrides;
    private readonly QueryTemplate? _template;
    private readonly Regex? _templatePattern;

    public ResourceMapper(Dictionary<string, GroupResource> overrides, QueryTemplate? template)
    {
        _overrides = overrides;
        _template = template;
        _templatePattern = template is null ? null : BuildPattern(template);
    }

    /// <summary>The resource a label names, or null when the label is not a resource label.</summary>
    public GroupResource? ResourceFor(string label)
    {
        if (_overrides.TryGetValue(label, out var resource))
        {
            return resource;
        }

        if (_templatePattern?.Match(label) is not { Success: true } match)
        {
            return null;
        }

        var name = match.Groups["resource"].Value;
        var group = match.Groups["group"].Success ? match.Groups["group"].Value : null;
        return KnownResources.Find(name) is { } known && (group is null || group.Length == 0 || group == known.Group) ? known : null;
    }

    /// <summary>The label that names <paramref name="resource"/> in series of this rule, or null.</summary>
    public string? LabelFor(GroupResource resource)
    {
        foreach (var (label, mapped) in _overrides)
        {
            if (mapped == resource)
            {
                return label;
            }
        }

        return _template?.Render(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Group"] = resource.Group,
            ["Resource"] = KnownResources.Singular(resource),
        });
    }

    // "kube_<<.Group>>_<<.Resource>>" becomes ^kube_(?<group>.*?)_(?<resource>[a-z]+)$: literals escaped, fields captured.
    private static Regex BuildPattern(QueryTemplate template)
    {
        var pattern = Regex.Escape(template.Render(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Group"] = "\u0001",
            ["Resource"] = "\u0002",
        }));
        pattern = pattern.Replace("\u0001", "(?<group>.*?)", StringComparison.Ordinal)
            .Replace("\u0002", "(?<resource>[a-z]+)", StringComparison.Ordinal);
        // Linear-time matching: a template repeating <<.Group>> made (?<group>.*?) chains that backtrack polynomially (issue #15).
        return new Regex("^" + pattern + "$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeSpan.FromSeconds(1));
    }
}
