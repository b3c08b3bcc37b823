using Autoscaler.Fuzzing;
using Autoscaler.Simulator.Gates;
using Autoscaler.Simulator.Reporting;
using Xunit.Abstractions;

namespace Autoscaler.Simulator.Tests.Gates;

/// <summary>Hostile <c>--fail-if</c> expressions (issue #15), seeded: a gate, or null with a reason; never an exception.</summary>
public sealed class FailIfGateFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Seed_0x150d01_10000_hostile_fail_if_expressions_parse_or_are_refused_with_a_reason()
    {
        var mutator = new SeededMutator(0x15_0d01, ["overloadMinutes>30", "podHours<=1e3", "peakReplicas >= 12", "meanUtilization<0.5", "scaleUps>0"], [">", "<", ">=", "<=", "==", "=", "!"]);
        var (parsed, refused) = (0, 0);
        FuzzRun.Cases(mutator, 10_000, text =>
        {
            if (FailIfGate.TryParse(text, ReplaySummary.NumericFieldNames, out var error) is null)
            {
                refused++;
                Assert.StartsWith("--fail-if", error, StringComparison.Ordinal);
            }
            else
            {
                parsed++;
            }
        }, _ => false, output, "--fail-if");
        output.WriteLine($"--fail-if: {parsed} parsed, {refused} refused with a reason");
        Assert.True(parsed > 500 && refused > 500, $"{parsed} parsed, {refused} refused");
    }
}
