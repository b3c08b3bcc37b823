using YamlDotNet.RepresentationModel;

namespace Autoscaler.Controller.Tests.Manifests;

/// <summary>
/// Objects declared in more than one folder of manifests/ (the user ClusterRoles the controller and the calendar both
/// ship, the namespace the adapter and the calendar share) must be declared identically: `kubectl apply` of one folder
/// after the other replaces the object. manifests/calendar once declared scalingevent-approver without
/// predictivepolicies, so installing the calendar after the controller took the approval of PredictivePolicies away.
/// The same check keeps a file and its older-version alternative in step.
/// </summary>
public sealed class SharedObjectTests
{
    private static string Repo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Autoscaler.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException($"no Autoscaler.sln above {AppContext.BaseDirectory}");
    }

    [Fact]
    public void Every_object_declared_in_two_files_is_declared_the_same()
    {
        var seen = new Dictionary<string, (string File, string Body)>();
        var shared = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo(), "manifests"), "*.yaml", SearchOption.AllDirectories))
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(file))
            {
                stream.Load(reader);
            }

            foreach (var document in stream.Documents)
            {
                if (document.RootNode is not YamlMappingNode root || !root.Children.TryGetValue(new YamlScalarNode("kind"), out var kind)) continue;
                var metadata = (YamlMappingNode)root.Children[new YamlScalarNode("metadata")];
                var ns = metadata.Children.TryGetValue(new YamlScalarNode("namespace"), out var n) ? n.ToString() : "";
                var key = $"{kind}/{ns}/{metadata.Children[new YamlScalarNode("name")]}";
                // apiVersion aside: a file and its older-version alternative (25-pdb-v1beta1.yaml, 90-example-hpa-v2beta2.yaml)
                // declare the same object for different clusters and must otherwise agree.
                var body = Canonical(new YamlMappingNode(root.Children.Where(c => c.Key.ToString() != "apiVersion")));
                if (seen.TryGetValue(key, out var first))
                {
                    shared++;
                    Assert.True(first.Body == body, $"{key} differs between {first.File} and {file}:\n{first.Body}\n---\n{body}");
                }
                else
                {
                    seen[key] = (file, body);
                }
            }
        }

        Assert.True(shared >= 2, "scalingevent-approver and namespace autoscaler are each declared twice");
    }

    private static string Canonical(YamlNode node) => node switch
    {
        YamlMappingNode map => "{" + string.Join(",", map.Children.OrderBy(c => c.Key.ToString(), StringComparer.Ordinal).Select(c => $"{c.Key}:{Canonical(c.Value)}")) + "}",
        YamlSequenceNode seq => "[" + string.Join(",", seq.Children.Select(Canonical)) + "]",
        _ => node.ToString(),
    };
}
