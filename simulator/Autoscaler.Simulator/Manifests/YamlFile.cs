using Autoscaler.Simulator.Scenarios;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Autoscaler.Simulator.Manifests;

/// <summary>Loads every document of a YAML file, turning a missing file or a syntax error into an <see cref="InputError"/>.</summary>
internal static class YamlFile
{
    public static IReadOnlyList<YamlDocument>? Load(string path, string what, List<InputError> errors)
    {
        if (!File.Exists(path))
        {
            errors.Add(new InputError(path, 0, string.Empty, $"{what} file not found"));
            return null;
        }

        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            errors.Add(new InputError(path, (int)e.Start.Line, string.Empty, $"not valid YAML: {e.InnerException?.Message ?? e.Message}"));
            return null;
        }

        return stream.Documents.ToList();
    }
}
