namespace Autoscaler.MetricsAdapter.Discovery;

/// <summary>metav1.APIGroupList.</summary>
internal sealed class ApiGroupListBody
{
    public string Kind { get; init; } = "APIGroupList";

    public string ApiVersion { get; init; } = "v1";

    public IReadOnlyList<ApiGroupBody> Groups { get; init; } = [];
}

/// <summary>metav1.APIGroup.</summary>
internal sealed class ApiGroupBody
{
    public string Kind { get; init; } = "APIGroup";

    public string ApiVersion { get; init; } = "v1";

    public required string Name { get; init; }

    public required IReadOnlyList<GroupVersionBody> Versions { get; init; }

    public required GroupVersionBody PreferredVersion { get; init; }
}

/// <summary>metav1.GroupVersionForDiscovery.</summary>
internal sealed record GroupVersionBody(string GroupVersion, string Version);

/// <summary>metav1.APIResourceList.</summary>
internal sealed class ApiResourceListBody
{
    public string Kind { get; init; } = "APIResourceList";

    public string ApiVersion { get; init; } = "v1";

    public required string GroupVersion { get; init; }

    public required IReadOnlyList<ApiResourceBody> Resources { get; init; }
}

/// <summary>metav1.APIResource; <c>singularName</c> is always emitted, only <c>get</c> is advertised.</summary>
internal sealed class ApiResourceBody
{
    public required string Name { get; init; }

    public string SingularName { get; init; } = string.Empty;

    public required bool Namespaced { get; init; }

    public required string Kind { get; init; }

    public IReadOnlyList<string> Verbs { get; init; } = ["get"];
}
