using Autoscaler.Shared.Yaml;
using Autoscaler.Simulator.Scenarios;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Autoscaler.Simulator.Manifests;

/// <summary>
/// Loads every document of a YAML file or text, turning a missing file or a syntax error into an <see cref="InputError"/>
/// with its line. Nesting is bounded (<see cref="DepthLimitedParser"/>), and a YamlDotNet failure that is not a
/// <see cref="YamlException"/> (its scanner throws <see cref="InvalidOperationException"/> on some malformed plain
/// scalars, found by fuzzing, issue #15) is reported the same way, never as a crash.
/// </summary>
internal static class YamlFile
{
    public static IReadOnlyList<YamlDocument>? Load(string path, string what, List<InputError> errors)
    {
        if (!File.Exists(path))
        {
            errors.Add(new InputError(path, 0, string.Empty, $"{what} file not found"));
            return null;
        }

        using var reader = File.OpenText(path);
        return Load(reader, path, errors);
    }

    /// <summary>The documents of <paramref name="reader"/>; null with the problem (naming <paramref name="file"/>) in <paramref name="errors"/>.</summary>
    public static IReadOnlyList<YamlDocument>? Load(TextReader reader, string file, List<InputError> errors)
    {
        var stream = new YamlStream();
        var parser = new DepthLimitedParser(new Parser(reader));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            errors.Add(new InputError(file, (int)e.Start.Line, string.Empty, $"not valid YAML: {e.InnerException?.Message ?? e.Message}"));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            errors.Add(new InputError(file, (int)parser.LastMark.Line, string.Empty, $"not valid YAML: the parser stopped after this line ({e.Message})"));
            return null;
        }

        return stream.Documents.ToList();
    }
}
