namespace Autoscaler.MetricsAdapter.Api;

/// <summary>The group/versions this adapter serves.</summary>
internal static class ApiGroups
{
    public const string External = "external.metrics.k8s.io";
    public const string Custom = "custom.metrics.k8s.io";
    public const string V1Beta1 = "v1beta1";
    public const string V1Beta2 = "v1beta2";
    public const string ExternalGroupVersion = External + "/" + V1Beta1;

    /// <summary>Versions per group, preferred first.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Versions = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Custom] = [V1Beta2, V1Beta1],
        [External] = [V1Beta1],
    };

    public static bool IsServed(string group, string version) =>
        Versions.TryGetValue(group, out var versions) && versions.Contains(version, StringComparer.Ordinal);
}
