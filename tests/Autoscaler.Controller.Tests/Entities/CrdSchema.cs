using YamlDotNet.RepresentationModel;

namespace Autoscaler.Controller.Tests.Entities;

/// <summary>Reads a CRD file copied next to the tests and walks its openAPIV3Schema.</summary>
internal static class CrdSchema
{
    public static YamlMappingNode Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "crds", file);
        var stream = new YamlStream();
        using var reader = File.OpenText(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public static YamlMappingNode Version(YamlMappingNode crd) =>
        (YamlMappingNode)((YamlSequenceNode)Child(Map(crd, "spec")!, "versions")!).Children[0];

    public static YamlMappingNode Root(YamlMappingNode crd) =>
        Map(Map(Version(crd), "schema")!, "openAPIV3Schema")!;

    public static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlMappingNode? Map(YamlMappingNode node, string key) => Child(node, key) as YamlMappingNode;

    public static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;
}
