using System.Text.Json.Serialization;
using Autoscaler.MetricsAdapter.Errors;

namespace Autoscaler.MetricsAdapter.Api;

/// <summary>external.metrics.k8s.io/v1beta1 ExternalMetricValueList.</summary>
internal sealed class ExternalMetricValueListBody
{
    public string Kind { get; init; } = "ExternalMetricValueList";

    public string ApiVersion { get; init; } = ApiGroups.ExternalGroupVersion;

    public EmptyMeta Metadata { get; init; } = EmptyMeta.Instance;

    public required IReadOnlyList<ExternalMetricValueBody> Items { get; init; }
}

/// <summary>One external metric value; <c>metricLabels</c> is always an object, <c>window</c> omitted for instantaneous values.</summary>
internal sealed class ExternalMetricValueBody
{
    public required string MetricName { get; init; }

    public required IReadOnlyDictionary<string, string> MetricLabels { get; init; }

    public required string Timestamp { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Window { get; init; }

    public required string Value { get; init; }
}

/// <summary>custom.metrics.k8s.io MetricValueList (both versions share the envelope).</summary>
/// <typeparam name="TItem">The version's item shape.</typeparam>
internal sealed class MetricValueListBody<TItem>
{
    public string Kind { get; init; } = "MetricValueList";

    public required string ApiVersion { get; init; }

    public EmptyMeta Metadata { get; init; } = EmptyMeta.Instance;

    public required IReadOnlyList<TItem> Items { get; init; }
}

/// <summary>v1beta2 item: nested <c>metric</c>, <c>windowSeconds</c>.</summary>
internal sealed class MetricValueV1Beta2Body
{
    public required ObjectReferenceBody DescribedObject { get; init; }

    public required MetricIdentifierBody Metric { get; init; }

    public required string Timestamp { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? WindowSeconds { get; init; }

    public required string Value { get; init; }
}

/// <summary>v1beta1 item: flat <c>metricName</c>, <c>window</c>, and <c>selector</c> (always present).</summary>
internal sealed class MetricValueV1Beta1Body
{
    public required ObjectReferenceBody DescribedObject { get; init; }

    public required string MetricName { get; init; }

    public required string Timestamp { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Window { get; init; }

    public required string Value { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public LabelSelectorBody? Selector { get; init; }
}

/// <summary>v1beta2 MetricIdentifier; <c>selector</c> is always present (null when none).</summary>
internal sealed class MetricIdentifierBody
{
    public required string Name { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public LabelSelectorBody? Selector { get; init; }
}

/// <summary>core ObjectReference, omit-empty fields.</summary>
internal sealed class ObjectReferenceBody
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Kind { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Namespace { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ApiVersion { get; init; }
}

/// <summary>metav1.LabelSelector.</summary>
internal sealed class LabelSelectorBody
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? MatchLabels { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<LabelSelectorRequirementBody>? MatchExpressions { get; init; }
}

/// <summary>metav1.LabelSelectorRequirement.</summary>
internal sealed class LabelSelectorRequirementBody
{
    public required string Key { get; init; }

    public required string Operator { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Values { get; init; }
}
