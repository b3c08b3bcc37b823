namespace Autoscaler.Kubernetes.Resources;

/// <summary>Where a resource lives in the REST API: group, version, plural and kind.</summary>
/// <param name="Group">API group; empty for the core group.</param>
/// <param name="Version">API version, such as v1.</param>
/// <param name="Plural">Plural name used in URLs, such as pods.</param>
/// <param name="Kind">Kind written into request bodies, such as Pod.</param>
/// <param name="Namespaced">True for namespaced resources.</param>
public sealed record ApiResource(string Group, string Version, string Plural, string Kind, bool Namespaced)
{
    /// <summary>The apiVersion field value: "v1" for core, else "group/version".</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The collection path, such as /api/v1/namespaces/ns/pods.</summary>
    /// <param name="namespace">Namespace; null lists across all namespaces or addresses a cluster-scoped resource.</param>
    /// <returns>The path, without a query.</returns>
    public string CollectionPath(string? @namespace)
    {
        var root = Group.Length == 0 ? "/api/v1" : $"/apis/{Group}/{Version}";
        if (Group.Length == 0 && Version != "v1")
        {
            root = $"/api/{Version}";
        }

        return Namespaced && !string.IsNullOrEmpty(@namespace)
            ? $"{root}/namespaces/{Uri.EscapeDataString(@namespace)}/{Plural}"
            : $"{root}/{Plural}";
    }

    /// <summary>The path of one object, or of one of its subresources.</summary>
    /// <param name="name">Object name.</param>
    /// <param name="namespace">Namespace, required for namespaced resources.</param>
    /// <param name="subresource">Subresource such as status or scale, or null.</param>
    /// <returns>The path, without a query.</returns>
    public string ItemPath(string name, string? @namespace, string? subresource = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (Namespaced && string.IsNullOrEmpty(@namespace))
        {
            throw new ArgumentException($"{Plural} is namespaced: a namespace is required", nameof(@namespace));
        }

        var path = $"{CollectionPath(@namespace)}/{Uri.EscapeDataString(name)}";
        return subresource is null ? path : $"{path}/{subresource}";
    }
}
