using YamlDotNet.RepresentationModel;

namespace Autoscaler.Simulator.Scenarios;

/// <summary>
/// Reads a scenario YAML into a validated <see cref="Scenario"/>. Collects every error (syntax, type, unknown
/// field, out-of-range value) with file, line and field, and throws them together.
/// </summary>
internal static class ScenarioLoader
{
    public static Scenario LoadFile(string path)
    {
        if (!File.Exists(path)) throw new InputErrorException(new InputError(path, 0, string.Empty, "scenario file not found"));
        using var reader = File.OpenText(path);
        return Load(reader, path);
    }

    public static Scenario Load(TextReader reader, string file)
    {
        var errors = new List<InputError>();
        var documents = Manifests.YamlFile.Load(reader, file, errors) ?? throw new InputErrorException(errors);
        if (documents.Count == 0 || documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InputErrorException(new InputError(file, 0, string.Empty, "expected a mapping with 'workload' and 'hpa'"));
        }

        var top = new YamlMap(root, file, string.Empty, errors);
        var name = top.String("name") ?? Path.GetFileNameWithoutExtension(file);
        var description = top.String("description");
        var workloadMap = top.Map("workload");
        var hpaMap = top.Map("hpa");
        var prescaleMap = top.Map("prescale");
        top.RejectUnknown();
        if (workloadMap is null) errors.Add(new InputError(file, top.Line, "workload", "required"));
        if (hpaMap is null) errors.Add(new InputError(file, top.Line, "hpa", "required"));

        var hpa = hpaMap is null ? null : HpaReader.Read(hpaMap, file, errors);
        var workload = workloadMap is null ? null : WorkloadReader.Read(workloadMap, hpa?.MinReplicas ?? 1, file, errors);
        var prescale = prescaleMap is null ? null : PrescaleReader.Read(prescaleMap, file, hpa?.MaxReplicas ?? int.MaxValue, errors);
        if (errors.Count > 0 || hpa is null || workload is null) throw new InputErrorException(errors);
        return new Scenario { Name = name, Description = description, Workload = workload, Hpa = hpa, Prescale = prescale };
    }
}
