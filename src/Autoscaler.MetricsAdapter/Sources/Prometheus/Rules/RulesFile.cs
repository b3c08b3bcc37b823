namespace Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;

// The YAML shape of prometheus-adapter's configuration file, so a team's existing file loads unchanged.
// These are plain deserialization targets; RuleCompiler validates them and builds MetricRule objects.

/// <summary>Top level of a prometheus-adapter configuration file.</summary>
internal sealed class RulesFile
{
    public List<RuleConfig>? Rules { get; set; }

    public List<RuleConfig>? ExternalRules { get; set; }

    /// <summary>Resource (CPU/memory) rules serve metrics.k8s.io, which this adapter does not; accepted and ignored.</summary>
    public object? ResourceRules { get; set; }
}

/// <summary>One discovery + naming + query rule.</summary>
internal sealed class RuleConfig
{
    public string? SeriesQuery { get; set; }

    public List<SeriesFilterConfig>? SeriesFilters { get; set; }

    public ResourcesConfig? Resources { get; set; }

    public NameConfig? Name { get; set; }

    public string? MetricsQuery { get; set; }
}

/// <summary>Keeps (<c>is</c>) or drops (<c>isNot</c>) series whose name matches a regular expression.</summary>
internal sealed class SeriesFilterConfig
{
    public string? Is { get; set; }

    public string? IsNot { get; set; }
}

/// <summary>How series labels map to Kubernetes resources.</summary>
internal sealed class ResourcesConfig
{
    public Dictionary<string, GroupResourceConfig>? Overrides { get; set; }

    public string? Template { get; set; }

    /// <summary>External rules only: false makes the metric cluster-wide (no namespace matcher). Default true.</summary>
    public bool? Namespaced { get; set; }
}

/// <summary>A group and resource named in an override.</summary>
internal sealed class GroupResourceConfig
{
    public string? Group { get; set; }

    public string? Resource { get; set; }
}

/// <summary>Turns a series name into a metric name.</summary>
internal sealed class NameConfig
{
    public string? Matches { get; set; }

    public string? As { get; set; }
}
