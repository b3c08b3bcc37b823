using Autoscaler.Kubernetes.Errors;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Autoscaler.Kubernetes.Config;

/// <summary>
/// Loads and merges kubeconfig files the way kubectl does: files in order, the first occurrence of a
/// cluster/user/context name wins, the first file's current-context wins, relative paths are relative
/// to the file that names them.
/// </summary>
internal static class KubeConfigLoader
{
    public static IReadOnlyList<string> ResolvePaths(string? explicitPaths, Func<string, string?> env)
    {
        var list = explicitPaths ?? env("KUBECONFIG");
        if (!string.IsNullOrWhiteSpace(list))
        {
            return list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        var home = env("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return [Path.Combine(home, ".kube", "config")];
    }

    public static KubernetesClientConfiguration Load(IReadOnlyList<string> paths, string? context)
    {
        var existing = paths.Where(File.Exists).ToList();
        if (existing.Count == 0)
        {
            throw new KubernetesConfigException($"no kubeconfig file found (looked at: {string.Join(", ", paths)})");
        }

        var merged = new MergedKubeConfig();
        foreach (var path in existing)
        {
            merged.Add(Parse(path), Path.GetFullPath(path));
        }

        return KubeConfigResolver.Resolve(merged, context);
    }

    public static KubeConfigDocument Parse(string path)
    {
        var deserializer = new DeserializerBuilder().IgnoreUnmatchedProperties().Build();
        try
        {
            return deserializer.Deserialize<KubeConfigDocument>(File.ReadAllText(path)) ?? new KubeConfigDocument();
        }
        catch (YamlException e)
        {
            throw new KubernetesConfigException(
                $"kubeconfig {path} line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}", e);
        }
    }
}
