using System.Text.Json;

namespace Autoscaler.Simulator.Tests.HpaCases;

/// <summary>Locates and loads the shipped copy of hpa-cases.json.</summary>
internal static class CaseFile
{
    public static string Path { get; } = Locate();

    public static JsonDocument Load() => JsonDocument.Parse(File.ReadAllBytes(Path));

    public static IEnumerable<JsonElement> Cases(JsonDocument doc) => doc.RootElement.EnumerateArray();

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "tests", "Autoscaler.Simulator.Tests", "HpaCases", "Cases", "hpa-cases.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("hpa-cases.json not found above " + AppContext.BaseDirectory);
    }
}
