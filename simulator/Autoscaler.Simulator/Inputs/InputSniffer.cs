using System.Globalization;
using Autoscaler.Simulator.Manifests;
using Autoscaler.Simulator.Scenarios;
using YamlDotNet.RepresentationModel;

namespace Autoscaler.Simulator.Inputs;

/// <summary>
/// Recognises what an input file holds from its content, whatever option it was given to: a trace CSV
/// (<c>timestamp,value</c>), an event calendar CSV (<c>start_utc,end_utc,kind</c>), a saved Prometheus query_range
/// response, a Kubernetes object by <c>kind</c>/<c>apiVersion</c> (HorizontalPodAutoscaler, KEDA ScaledObject,
/// anything else), a simulator scenario (<c>workload</c> and <c>hpa</c>) or a workload file. Reads only the first
/// lines of a CSV or JSON file and parses YAML only up to <see cref="MaxYamlBytes"/>; unreadable means unknown (null).
/// </summary>
internal static class InputSniffer
{
    /// <summary>Largest file parsed as YAML to find its kind: manifests and scenarios are small, traces are not.</summary>
    public const long MaxYamlBytes = 1 << 20;

    public static InputKind? Detect(string path)
    {
        try
        {
            if (!File.Exists(path)) return null;
            var (line, number) = FirstLine(path);
            if (line is null) return null;
            if (line.StartsWith('{') || line.StartsWith('['))
            {
                return Head(path).Contains("\"resultType\"", StringComparison.Ordinal) ? new InputKind("a Prometheus query_range response (a trace)", "--trace", 0) : null;
            }

            return Csv(line, number) ?? (new FileInfo(path).Length <= MaxYamlBytes ? Yaml(path) : null);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static InputKind? Csv(string line, int number)
    {
        var fields = line.Split(',').Select(f => f.Trim().Trim('"').Trim()).ToArray();
        if (fields.Length < 2) return null;
        var first = fields[0].ToLowerInvariant();
        if (first is "start_utc" or "kickoff_utc" || (fields.Length >= 3 && IsTime(fields[0]) && IsTime(fields[1])))
        {
            return new InputKind("an event calendar CSV (start_utc,end_utc,kind)", "--events", number);
        }

        return first is "timestamp" or "time" || (fields.Length == 2 && IsTime(fields[0]))
            ? new InputKind("a trace CSV (timestamp,value)", "--trace", number)
            : null;
    }

    private static bool IsTime(string text) =>
        text.Length >= 10 && DateTime.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static InputKind? Yaml(string path)
    {
        var documents = YamlFile.Load(path, "input", new List<InputError>());
        var objects = (documents ?? []).Select(d => d.RootNode).OfType<YamlMappingNode>().SelectMany(Expand).ToList();
        var kinds = objects.Select(o => (Node: o, Kind: Scalar(o, "kind"), Version: Scalar(o, "apiVersion"))).ToList();
        foreach (var (kind, what, option) in new[] { ("HorizontalPodAutoscaler", "a HorizontalPodAutoscaler", "--hpa"), ("ScaledObject", "a KEDA ScaledObject", "--keda") })
        {
            if (kinds.FirstOrDefault(k => k.Kind == kind) is { Node: not null } found) return new InputKind($"{what} ({found.Version ?? "no apiVersion"})", option, KindLine(found.Node));
        }

        if (objects.FirstOrDefault(o => Has(o, "hpa") && (Has(o, "workload") || Has(o, "prescale"))) is { } scenario)
        {
            return new InputKind("a simulator scenario ('workload' and 'hpa')", "--scenario", (int)scenario.Start.Line);
        }

        if (objects.FirstOrDefault(o => Has(o, "capacityPerPod") || (Has(o, "workload") && !Has(o, "hpa"))) is { } workload)
        {
            return new InputKind("a workload file (capacityPerPod, startupSeconds, ...)", "--workload", (int)workload.Start.Line);
        }

        return kinds.FirstOrDefault(k => k.Kind is not null) is { Node: not null } other
            ? new InputKind($"a {other.Kind} ({other.Version ?? "no apiVersion"})", null, KindLine(other.Node))
            : null;
    }

    private static (string? Line, int Number) FirstLine(string path)
    {
        var number = 0;
        foreach (var raw in File.ReadLines(path).Take(50))
        {
            number++;
            var line = raw.Trim().TrimStart('\uFEFF');
            if (line.Length > 0 && line[0] != '#' && line != "---") return (line, number);
        }

        return (null, 0);
    }

    private static string Head(string path)
    {
        using var reader = new StreamReader(path);
        var buffer = new char[4096];
        return new string(buffer, 0, reader.ReadBlock(buffer, 0, buffer.Length));
    }

    private static IEnumerable<YamlMappingNode> Expand(YamlMappingNode node) =>
        Scalar(node, "kind") == "List" && node.Children.TryGetValue(new YamlScalarNode("items"), out var items) && items is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlMappingNode>()
            : [node];

    private static int KindLine(YamlMappingNode node) =>
        node.Children.FirstOrDefault(p => p.Key is YamlScalarNode { Value: "kind" }).Key is { } key ? (int)key.Start.Line : (int)node.Start.Line;

    private static bool Has(YamlMappingNode node, string key) => node.Children.ContainsKey(new YamlScalarNode(key));

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;
}
