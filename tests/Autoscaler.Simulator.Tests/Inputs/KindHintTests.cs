using Autoscaler.Simulator.Cli;
using Autoscaler.Simulator.Tests.Replay;

namespace Autoscaler.Simulator.Tests.Inputs;

/// <summary>
/// A new user gave an HPA manifest to --scenario and got a list of unknown fields: a file given to the wrong option
/// now gets one error naming what it is (by kind and apiVersion, or by content) and the option that takes it, exit 2.
/// </summary>
public sealed class KindHintTests : IDisposable
{
    private const string Hpa = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: { name: web }
        spec:
          scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
          minReplicas: 1
          maxReplicas: 10
          metrics:
            - type: External
              external: { metric: { name: rps }, target: { type: AverageValue, averageValue: "80" } }
        """;

    private const string ScaledObject = """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: { name: web }
        spec:
          scaleTargetRef: { name: web }
          maxReplicaCount: 10
          triggers: [ { type: prometheus, metadata: { query: q, threshold: "80" } } ]
        """;

    private static readonly string Trace = TestScenarios.Asset("small", "trace.csv");
    private static readonly string Scenario = TestScenarios.Asset("small", "scenario.yaml");
    private readonly string _dir = TestScenarios.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("hpa", "--scenario", "hpa.yaml:2: error: this is a HorizontalPodAutoscaler (autoscaling/v2); pass it with --hpa")]
    [InlineData("hpa-v2beta2", "--scenario", "hpa.yaml:2: error: this is a HorizontalPodAutoscaler (autoscaling/v2beta2); pass it with --hpa")]
    [InlineData("hpa-in-list", "--scenario", "hpa.yaml:5: error: this is a HorizontalPodAutoscaler (autoscaling/v2); pass it with --hpa")]
    [InlineData("keda", "--scenario", "hpa.yaml:2: error: this is a KEDA ScaledObject (keda.sh/v1alpha1); pass it with --keda")]
    [InlineData("deployment", "--scenario", "hpa.yaml:2: error: this is a Deployment (apps/v1), not a simulator scenario")]
    [InlineData("trace", "--scenario", "hpa.yaml:1: error: this is a trace CSV (timestamp,value); pass it with --trace")]
    [InlineData("headerless-trace", "--scenario", "hpa.yaml:1: error: this is a trace CSV (timestamp,value); pass it with --trace")]
    [InlineData("scenario", "--hpa", "hpa.yaml:1: error: this is a simulator scenario ('workload' and 'hpa'); pass it with --scenario, not --hpa")]
    [InlineData("scenario", "--keda", "hpa.yaml:1: error: this is a simulator scenario ('workload' and 'hpa'); pass it with --scenario, not --keda")]
    [InlineData("hpa", "--keda", "hpa.yaml:2: error: this is a HorizontalPodAutoscaler (autoscaling/v2); pass it with --hpa")]
    [InlineData("trace", "--hpa", "hpa.yaml:1: error: this is a trace CSV (timestamp,value); pass it with --trace, not --hpa")]
    public void AFileGivenToTheWrongOptionNamesTheRightOne(string content, string option, string expected)
    {
        var file = Write("hpa.yaml", Content(content));
        var workload = Write("workload.yaml", "capacityPerPod: 100\n");
        string[] source = option == "--scenario" ? [option, file] : [option, file, "--workload", workload];

        var (exit, stdout, stderr) = VerbRunner.Run(["replay", "--trace", Trace, .. source, "--out", Path.Combine(_dir, "out")]);

        Assert.Equal(VerbDispatcher.BadInput, exit);
        Assert.Contains(Path.Combine(_dir, expected), stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown field", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
        Assert.False(Directory.Exists(Path.Combine(_dir, "out")));
    }

    [Theory]
    [InlineData("scenario", "this is a simulator scenario ('workload' and 'hpa'); pass it with --scenario, not --workload")]
    [InlineData("hpa", "this is a HorizontalPodAutoscaler (autoscaling/v2); pass it with --hpa (with its --workload YAML), not --workload")]
    public void AWorkloadFileThatIsSomethingElseIsNamed(string content, string expected)
    {
        var hpa = Write("real-hpa.yaml", Hpa);
        var workload = Write("workload.yaml", Content(content));

        var (exit, _, stderr) = VerbRunner.Run("compare", "--trace", Trace, "--hpa", hpa, "--workload", workload, "--out", Path.Combine(_dir, "out"));

        Assert.Equal(VerbDispatcher.BadInput, exit);
        Assert.Contains($"{workload}:", stderr, StringComparison.Ordinal);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongWorkloadSharedBySeveralManifestsIsReportedOnce()
    {
        var workload = Write("workload.yaml", Content("scenario"));

        var (exit, _, stderr) = VerbRunner.Run("compare", "--trace", Trace, "--hpa", Write("a.yaml", Hpa), "--hpa", Write("b.yaml", Hpa.Replace("name: web", "name: api", StringComparison.Ordinal)),
            "--workload", workload, "--out", Path.Combine(_dir, "out"));

        Assert.Equal(VerbDispatcher.BadInput, exit);
        Assert.Single(stderr.Split('\n'), l => l.StartsWith($"{workload}:1: error: this is a simulator scenario", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("replay", "hpa", "this is a HorizontalPodAutoscaler (autoscaling/v2); pass it with --hpa (with its --workload YAML), not --trace")]
    [InlineData("replay", "scenario", "this is a simulator scenario ('workload' and 'hpa'); pass it with --scenario, not --trace")]
    [InlineData("replay", "events", "this is an event calendar CSV (start_utc,end_utc,kind); pass it with --events, not --trace")]
    [InlineData("backtest", "keda", "this is a KEDA ScaledObject (keda.sh/v1alpha1); pass it with --keda (with its --workload YAML), not --trace")]
    [InlineData("backtest", "deployment", "this is a Deployment (apps/v1), not a trace")]
    public void ATraceThatIsSomethingElseIsNamed(string verb, string content, string expected)
    {
        var file = Write("trace.csv", Content(content));
        string[] rest = verb == "replay"
            ? ["--scenario", Scenario, "--out", Path.Combine(_dir, "out")]
            : ["--horizon", "30m", "--step", "1h", "--out", Path.Combine(_dir, "o.csv")];

        var (exit, _, stderr) = VerbRunner.Run([verb, "--trace", file, .. rest]);

        Assert.Equal(VerbDispatcher.BadInput, exit);
        Assert.Contains($"{file}:", stderr, StringComparison.Ordinal);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("not an ISO-8601", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ATraceGivenAsTheBacktestCalendarIsNamed()
    {
        var (exit, _, stderr) = VerbRunner.Run("backtest", "--trace", Trace, "--events", Trace, "--horizon", "1m", "--step", "1m", "--history", "2m", "--out", Path.Combine(_dir, "o.csv"));

        Assert.Equal(VerbDispatcher.BadInput, exit);
        Assert.Contains($"{Trace}:1: error: this is a trace CSV (timestamp,value); pass it with --trace, not --events", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void FilesGivenToTheirOwnOptionsStillReplay()
    {
        var workload = Write("workload.yaml", "capacityPerPod: 100\nstartupSeconds: 60\n");
        Assert.Equal(0, VerbRunner.Run("replay", "--trace", Trace, "--scenario", Scenario, "--out", Path.Combine(_dir, "a")).Exit);
        Assert.Equal(0, VerbRunner.Run("replay", "--trace", Trace, "--hpa", Write("h.yaml", Hpa), "--workload", workload, "--out", Path.Combine(_dir, "b")).Exit);
        Assert.Equal(0, VerbRunner.Run("replay", "--trace", Trace, "--keda", Write("k.yaml", ScaledObject), "--workload", workload, "--out", Path.Combine(_dir, "c")).Exit);
        Assert.Equal(0, VerbRunner.Run("replay", "--trace", Trace, "--hpa", Write("k2.yaml", ScaledObject), "--workload", workload, "--out", Path.Combine(_dir, "d")).Exit); // --hpa replays a ScaledObject too
    }

    private static string Content(string name) => name switch
    {
        "hpa" => Hpa,
        "hpa-v2beta2" => Hpa.Replace("autoscaling/v2", "autoscaling/v2beta2", StringComparison.Ordinal),
        "hpa-in-list" => "apiVersion: v1\nkind: List\nitems:\n  - " + Hpa.Replace("\n", "\n    ", StringComparison.Ordinal),
        "keda" => ScaledObject,
        "deployment" => "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec: { replicas: 2 }\n",
        "trace" => File.ReadAllText(Trace),
        "headerless-trace" => "2020-01-01T00:00:00Z,100\n2020-01-01T00:01:00Z,120\n",
        "scenario" => File.ReadAllText(Scenario),
        "events" => "start_utc,end_utc,kind\n2020-01-01T00:02:00Z,2020-01-01T00:04:00Z,sale\n",
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
