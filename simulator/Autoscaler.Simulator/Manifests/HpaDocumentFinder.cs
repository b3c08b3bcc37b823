using Autoscaler.Simulator.Scenarios;
using YamlDotNet.RepresentationModel;

namespace Autoscaler.Simulator.Manifests;

/// <summary>
/// Finds the HorizontalPodAutoscaler to replay in a manifest file: one or more YAML documents (a
/// <c>kind: List</c> is searched too); with several HPAs, <c>--hpa-name</c> picks one by <c>metadata.name</c>.
/// Only autoscaling/v2 and autoscaling/v2beta2 are read (the same shape for every field a replay uses).
/// </summary>
internal static class HpaDocumentFinder
{
    public static readonly IReadOnlyList<string> ApiVersions = ["autoscaling/v2", "autoscaling/v2beta2"];

    public static YamlMappingNode? Find(string file, string? hpaName, List<InputError> errors)
    {
        var documents = YamlFile.Load(file, "HPA manifest", errors);
        if (documents is null) return null;

        var objects = documents.Select(d => d.RootNode).OfType<YamlMappingNode>().SelectMany(Expand).ToList();
        var hpas = objects.Where(o => Scalar(o, "kind") == "HorizontalPodAutoscaler").ToList();
        if (hpas.Count == 0)
        {
            var kinds = objects.Select(o => Scalar(o, "kind") ?? "(no kind)").Distinct();
            errors.Add(new InputError(file, 0, "kind", $"no HorizontalPodAutoscaler in the file (found: {string.Join(", ", kinds.DefaultIfEmpty("nothing"))})"));
            return null;
        }

        var names = hpas.Select(Name).ToList();
        var chosen = hpaName is not null ? hpas.Where(h => Name(h) == hpaName).ToList() : hpas;
        if (chosen.Count == 0)
        {
            errors.Add(new InputError(file, 0, "metadata.name", $"no HorizontalPodAutoscaler named '{hpaName}' (found: {string.Join(", ", names)})"));
            return null;
        }

        if (chosen.Count > 1)
        {
            errors.Add(new InputError(file, 0, "metadata.name", $"{chosen.Count} HorizontalPodAutoscalers ({string.Join(", ", chosen.Select(Name))}): choose one with --hpa-name"));
            return null;
        }

        var hpa = chosen[0];
        var apiVersion = Scalar(hpa, "apiVersion");
        if (apiVersion is null || !ApiVersions.Contains(apiVersion))
        {
            errors.Add(new InputError(file, (int)hpa.Start.Line, "apiVersion", $"'{apiVersion}' is not read: give the HPA as autoscaling/v2 or autoscaling/v2beta2 (kubectl get hpa.v2.autoscaling NAME -o yaml)"));
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
