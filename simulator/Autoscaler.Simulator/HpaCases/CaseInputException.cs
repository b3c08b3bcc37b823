namespace Autoscaler.Simulator.HpaCases;

/// <summary>A case's inputs do not fit the schema of HPA_SPEC.md §14; the message names the JSON path.</summary>
internal sealed class CaseInputException(string path, string message) : Exception($"{path}: {message}")
{
    public string Path { get; } = path;
}
