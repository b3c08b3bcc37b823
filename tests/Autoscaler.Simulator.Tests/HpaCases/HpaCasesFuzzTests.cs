using System.Text.Json;
using Autoscaler.Fuzzing;
using Autoscaler.Simulator.HpaCases;
using Xunit.Abstractions;

namespace Autoscaler.Simulator.Tests.HpaCases;

/// <summary>
/// Hostile hpa-cases files (issue #15), seeded: mutations of the shipped upstream cases, written as <c>--cases</c>
/// reads them, are evaluated or refused with <see cref="CaseFileException"/> naming the file (and the case).
/// </summary>
public sealed class HpaCasesFuzzTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = TestScenarios.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Seed_0x150c01_800_hostile_case_files_evaluate_or_are_refused_naming_the_file()
    {
        using var cases = CaseFile.Load();
        var corpus = cases.RootElement.EnumerateArray().Take(12).Select(c => "[" + c.GetRawText() + "]").ToArray();
        var path = Path.Combine(_dir, "cases.json");
        var mutator = new SeededMutator(0x15_0c01, corpus, ["\"value\": ", "\"timestamp\": ", "\"2020-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59Z\"", "\"window\": ", "null", "[]", "{}", "-1e308", "1e400"]);
        var (evaluated, refused) = FuzzRun.Cases(mutator, 800, text =>
        {
            File.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text));
            HpaCasesVerb.Evaluate(path, null);
        }, e => e is CaseFileException && e.Message.StartsWith(path, StringComparison.Ordinal), output, "hpa-cases json");
        Assert.True(evaluated > 20 && refused > 100, $"{evaluated} evaluated, {refused} refused");
    }
}
