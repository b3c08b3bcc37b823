namespace Autoscaler.Simulator.Scenarios;

/// <summary>A problem with an input file, located like a compiler error: file, line, field.</summary>
/// <param name="File">The path as the user gave it.</param>
/// <param name="Line">1-based line; 0 when the problem is about the whole file.</param>
/// <param name="Field">Dotted field path such as <c>hpa.minReplicas</c>, or empty.</param>
/// <param name="Message">What is wrong and, where possible, what would be right.</param>
internal sealed record InputError(string File, int Line, string Field, string Message)
{
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}" : File;
        var field = Field.Length > 0 ? $"field '{Field}': " : string.Empty;
        return $"{where}: error: {field}{Message}";
    }
}
