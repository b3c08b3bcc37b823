using Autoscaler.Fuzzing;
using Autoscaler.Simulator.Scenarios;
using Autoscaler.Simulator.Tests.Fuzz;
using Xunit.Abstractions;

namespace Autoscaler.Simulator.Tests.Scenarios;

/// <summary>
/// Hostile scenario YAMLs (issue #15), seeded: every mutation of the shipped scenarios loads or is refused with
/// <see cref="InputErrorException"/> errors that name the file (and a line and field where there is one).
/// </summary>
public sealed class ScenarioFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void The_corpus_is_valid()
    {
        foreach (var text in SimulatorCorpus.Scenarios().Where(t => !t.Contains("events:", StringComparison.Ordinal)))
        {
            ScenarioLoader.Load(new StringReader(text), "scenario.yaml");
        }
    }

    [Fact]
    public void Seed_0x150301_3000_hostile_scenarios_load_or_are_refused_with_input_errors()
    {
        string[] tokens = ["workload:", "hpa:", "prescale:", "behavior:", "metric:", "target:", "averageValue: ", "minReplicas: ", "maxReplicas: ", "syncPeriodSeconds: ", "cron: ", "timeZone: ", "duration: ", "leadTime: ", "Europe/Paris", "Mars/Olympus", "*/0 * * * *", "0 0 31 2 *"];
        var mutator = new SeededMutator(0x15_0301, SimulatorCorpus.Scenarios(), tokens);
        var (accepted, refused) = FuzzRun.Cases(mutator, 3_000, text => ScenarioLoader.Load(new StringReader(text), "scenario.yaml"), SimulatorCorpus.IsInputError, output, "scenario yaml");
        Assert.True(accepted > 30 && refused > 300, $"{accepted} accepted, {refused} refused");
    }
}
