using Autoscaler.Simulator.Parity;

namespace Autoscaler.Simulator.Tests.Parity;

/// <summary>
/// The recordings of the real kube-controller-manager v1.20.2 (tests/Autoscaler.E2E.Tests/Parity, issue #17),
/// replayed through the simulator without a cluster and judged by the same comparison as the e2e test.
/// </summary>
public sealed class GoldenParityTests
{
    public static TheoryData<string> Recordings() => new(Files());

    [Theory]
    [MemberData(nameof(Recordings))]
    public void The_simulator_matches_the_recorded_real_controller(string file)
    {
        var recording = ParityRecording.Load(Path.Combine(AppContext.BaseDirectory, "Parity", "golden", file));

        var verdict = recording.Judge();

        Assert.NotEmpty(recording.Real);
        Assert.True(verdict.Agrees, $"{file}:\n{string.Join('\n', verdict.Problems)}\n{verdict.ToMarkdown()}");
    }

    [Fact]
    public void Both_recordings_are_present()
    {
        Assert.Equal(["parity-behavior.json", "parity-default.json"], Files());
    }

    private static string[] Files() => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Parity", "golden"), "*.json")
        .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();
}
