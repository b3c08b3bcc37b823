using Autoscaler.Simulator.Scenarios;
using YamlDotNet.RepresentationModel;

namespace Autoscaler.Simulator.Manifests;

/// <summary>
/// Finds the object to replay in a manifest file (an HPA, or a KEDA ScaledObject): one or more YAML documents (a
/// <c>kind: List</c> is searched too); with several of the kind, <c>--hpa-name</c> picks one by <c>metadata.name</c>.
/// Only the kind's <see cref="ManifestKind.ApiVersions"/> are read.
/// </summary>
internal static class HpaDocumentFinder
{
    /// <summary>The HPA in <paramref name="file"/>; null with the problem in <paramref name="errors"/>.</summary>
    public static YamlMappingNode? Find(string file, string? hpaName, List<InputError> errors) => Find(file, hpaName, ManifestKind.Hpa, errors);

    /// <summary>The kinds of the objects in <paramref name="file"/> (null when it cannot be read; the problem is not reported).</summary>
    public static IReadOnlyList<string>? Kinds(string file)
    {
        var documents = YamlFile.Load(file, "manifest", []);
        return documents?.Select(d => d.RootNode).OfType<YamlMappingNode>().SelectMany(Expand).Select(o => Scalar(o, "kind") ?? "(no kind)").ToList();
    }

    /// <summary>The object of <paramref name="kind"/> in <paramref name="file"/>; null with the problem in <paramref name="errors"/>.</summary>
    public static YamlMappingNode? Find(string file, string? hpaName, ManifestKind kind, List<InputError> errors)
    {
        var documents = YamlFile.Load(file, $"{kind.Kind} manifest", errors);
        if (documents is null) return null;

        var objects = documents.Select(d => d.RootNode).OfType<YamlMappingNode>().SelectMany(Expand).ToList();
        var hpas = objects.Where(o => Scalar(o, "kind") == kind.Kind).ToList();
        if (hpas.Count == 0)
        {
            var kinds = objects.Select(o => Scalar(o, "kind") ?? "(no kind)").Distinct();
            errors.Add(new InputError(file, 0, "kind", $"no {kind.Kind} in the file (found: {string.Join(", ", kinds.DefaultIfEmpty("nothing"))})"));
            return null;
        }

        var names = hpas.Select(Name).ToList();
        var chosen = hpaName is not null ? hpas.Where(h => Name(h) == hpaName).ToList() : hpas;
        if (chosen.Count == 0)
        {
            errors.Add(new InputError(file, 0, "metadata.name", $"no {kind.Kind} named '{hpaName}' (found: {string.Join(", ", names)})"));
            return null;
        }

        if (chosen.Count > 1)
        {
            errors.Add(new InputError(file, 0, "metadata.name", $"{chosen.Count} {kind.Kind}s ({string.Join(", ", chosen.Select(Name))}): choose one with --hpa-name"));
            return null;
        }

        var hpa = chosen[0];
        var apiVersion = Scalar(hpa, "apiVersion");
        if (apiVersion is null || !kind.ApiVersions.Contains(apiVersion))
        {
            errors.Add(new InputError(file, (int)hpa.Start.Line, "apiVersion", $"'{apiVersion}' is not read: {kind.VersionHint}"));
            return null;
        }

        return hpa;
    }

    public static string Name(YamlMappingNode hpa) =>
        hpa.Children.TryGetValue(new YamlScalarNode("metadata"), out var m) && m is YamlMappingNode metadata ? Scalar(metadata, "name") ?? "(unnamed)" : "(unnamed)";

    private static IEnumerable<YamlMappingNode> Expand(YamlMappingNode node) =>
        Scalar(node, "kind") == "List" && node.Children.TryGetValue(new YamlScalarNode("items"), out var items) && items is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlMappingNode>()
            : [node];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;
}
