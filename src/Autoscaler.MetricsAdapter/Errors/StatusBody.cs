using System.Text.Json.Serialization;

namespace Autoscaler.MetricsAdapter.Errors;

/// <summary>The metav1.Status wire shape (PROTOCOLS.md §1.8).</summary>
internal sealed class StatusBody
{
    public string Kind { get; init; } = "Status";

    public string ApiVersion { get; init; } = "v1";

    public EmptyMeta Metadata { get; init; } = EmptyMeta.Instance;

    public string Status { get; init; } = "Failure";

    public string Message { get; init; } = string.Empty;

    public string Reason { get; init; } = string.Empty;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StatusDetailsBody? Details { get; init; }

    public int Code { get; init; }
}

/// <summary>metav1.StatusDetails; <c>kind</c> holds the resource, as in the reference server.</summary>
internal sealed class StatusDetailsBody
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Group { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Kind { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<StatusCauseBody>? Causes { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int RetryAfterSeconds { get; init; }
}

/// <summary>One cause of a failure.</summary>
internal sealed class StatusCauseBody
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    public string Message { get; init; } = string.Empty;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Field { get; init; }
}

/// <summary>An empty <c>metadata</c> object (<c>{}</c>).</summary>
internal sealed class EmptyMeta
{
    public static EmptyMeta Instance { get; } = new();
}
