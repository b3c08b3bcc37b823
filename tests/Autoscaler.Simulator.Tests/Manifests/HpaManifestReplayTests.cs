using System.Globalization;
using Autoscaler.Simulator.Manifests;
using Autoscaler.Simulator.Scenarios;
using Autoscaler.Simulator.Tests.Replay;

namespace Autoscaler.Simulator.Tests.Manifests;

/// <summary>Issue 13: replay a user's own HPA manifest; the same HPA as a scenario gives the same bytes.</summary>
public sealed class HpaManifestReplayTests : IDisposable
{
    private const string ExternalManifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: shop }
        spec: { replicas: 2 }
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: { name: shop, namespace: prod }
        spec:
          scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: shop }
          minReplicas: 2
          maxReplicas: 40
          metrics:
          - type: External
            external:
              metric: { name: requests_per_minute, selector: { matchLabels: { app: shop } } }
              target: { type: AverageValue, averageValue: 1.5k }
          behavior:
            scaleUp:
              stabilizationWindowSeconds: 0
              selectPolicy: Max
              policies: [ { type: Pods, value: 4, periodSeconds: 15 }, { type: Percent, value: 100, periodSeconds: 15 } ]
            scaleDown: { stabilizationWindowSeconds: 120, policies: [ { type: Percent, value: 10, periodSeconds: 60 } ] }
        ---
        apiVersion: autoscaling/v2beta2
        kind: HorizontalPodAutoscaler
        metadata: { name: worker }
        spec:
          scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: worker }
          maxReplicas: 30
          metrics:
          - type: Resource
            resource: { name: cpu, target: { type: Utilization, averageUtilization: 70 } }
        """;

    private const string ExternalWorkload = """
        capacityPerPod: 2000
        startupSeconds: 90
        startupJitterSeconds: 20
        seed: 3
        controller:
          syncPeriodSeconds: 30
          tolerance: 0.05
          metricDelaySeconds: 45
        """;

    private const string ExternalScenario = """
        name: shop
        workload:
          capacityPerPod: 2000
          startupSeconds: 90
          startupJitterSeconds: 20
          seed: 3
        hpa:
          minReplicas: 2
          maxReplicas: 40
          syncPeriodSeconds: 30
          tolerance: 0.05
          metric:
            type: External
            target: { averageValue: "1500" }
            delaySeconds: 45
          behavior:
            scaleUp:
              stabilizationWindowSeconds: 0
              selectPolicy: Max
              policies: [ { type: Pods, value: 4, periodSeconds: 15 }, { type: Percent, value: 100, periodSeconds: 15 } ]
            scaleDown: { stabilizationWindowSeconds: 120, policies: [ { type: Percent, value: 10, periodSeconds: 60 } ] }
        """;

    private const string UtilizationWorkload = """
        workload:
          capacityPerPod: 2000
          cpuRequestMilli: 500
          cpuAtCapacityMilli: 450
        """;

    private const string UtilizationScenario = """
        name: worker
        workload:
          capacityPerPod: 2000
          cpuRequestMilli: 500
          cpuAtCapacityMilli: 450
        hpa:
          maxReplicas: 30
          metric:
            type: Utilization
            target: { averageUtilization: 70 }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("hpa-manifest-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("shop", ExternalWorkload, ExternalScenario)]
    [InlineData("worker", UtilizationWorkload, UtilizationScenario)]
    public void TheSameHpaAsAManifestOrAScenarioGivesTheSameBytes(string hpaName, string workload, string scenario)
    {
        var trace = WriteTrace();
        var viaManifest = Path.Combine(_dir, "manifest-out");
        var viaScenario = Path.Combine(_dir, "scenario-out");

        var manifestRun = VerbRunner.Run("replay", "--trace", trace, "--hpa", Write("hpa.yaml", ExternalManifest), "--hpa-name", hpaName,
            "--workload", Write("workload.yaml", workload), "--out", viaManifest);
        var scenarioRun = VerbRunner.Run("replay", "--trace", trace, "--scenario", Write("scenario.yaml", scenario), "--out", viaScenario);

        Assert.True(manifestRun.Exit == 0, manifestRun.Stderr);
        Assert.True(scenarioRun.Exit == 0, scenarioRun.Stderr);
        Assert.Equal(scenarioRun.Stdout.Split('\n')[0], manifestRun.Stdout.Split('\n')[0]);
        Assert.Contains("scaleUps=", manifestRun.Stdout, StringComparison.Ordinal);
        foreach (var file in new[] { "summary.json", "timeline.csv", "report.html" })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(viaScenario, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(viaManifest, file))), file);
        }
    }

    [Fact]
    public void TheBundledWc98ManifestReplaysExactlyAsTheWc98ExternalScenario()
    {
        var root = Autoscaler.Simulator.Tests.Scenarios.ScenarioLoaderTests.RepoRoot();
        string[] common = ["replay", "--trace", Path.Combine(root, "simulator", "traces", "wc98_http_requests_1min_until_0627.csv"),
            "--from", "1998-06-10T00:00:00Z", "--to", "1998-06-13T00:00:00Z"];
        var viaManifest = Path.Combine(_dir, "manifest-out");
        var viaScenario = Path.Combine(_dir, "scenario-out");

        var manifestRun = VerbRunner.Run([.. common, "--hpa", Path.Combine(root, "simulator", "manifests", "wc98-hpa.yaml"), "--hpa-name", "web",
            "--workload", Path.Combine(root, "simulator", "manifests", "wc98-workload.yaml"), "--out", viaManifest]);
        var scenarioRun = VerbRunner.Run([.. common, "--scenario", Path.Combine(root, "simulator", "scenarios", "wc98-external.yaml"), "--out", viaScenario]);

        Assert.True(manifestRun.Exit == 0, manifestRun.Stderr);
        Assert.True(scenarioRun.Exit == 0, scenarioRun.Stderr);
        foreach (var file in new[] { "summary.json", "timeline.csv", "report.html" })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(viaScenario, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(viaManifest, file))), file);
        }
    }

    [Fact]
    public void CompareTakesAnHpaManifestBesideScenariosAndReplaysItAsReplayDoes()
    {
        var trace = WriteTrace();
        var (hpa, workload) = (Write("hpa.yaml", ExternalManifest), Write("workload.yaml", ExternalWorkload));
        var replayOut = Path.Combine(_dir, "replay-out");
        var compareOut = Path.Combine(_dir, "compare-out");

        var replay = VerbRunner.Run("replay", "--trace", trace, "--hpa", hpa, "--hpa-name", "shop", "--workload", workload, "--out", replayOut);
        var compare = VerbRunner.Run("compare", "--trace", trace, "--scenario", Write("worker.yaml", UtilizationScenario),
            "--hpa", hpa, "--hpa-name", "shop", "--workload", workload, "--out", compareOut);

        Assert.True(replay.Exit == 0, replay.Stderr);
        Assert.True(compare.Exit == 0, compare.Stderr);
        Assert.Equal(["worker", "shop"], compare.Stdout.Split('\n').Where(l => l.Contains("overloadMinutes=", StringComparison.Ordinal)).Select(l => l.Split(':')[0]));
        Assert.Contains(replay.Stdout.Split('\n')[0], compare.Stdout, StringComparison.Ordinal);
        Assert.Contains(File.ReadAllText(Path.Combine(replayOut, "summary.json")).TrimEnd(), File.ReadAllText(Path.Combine(compareOut, "compare.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void CompareRefusesAnHpaWithoutItsWorkload()
    {
        var (exit, _, stderr) = VerbRunner.Run("compare", "--trace", WriteTrace(), "--hpa", Write("hpa.yaml", ExternalManifest), "--out", Path.Combine(_dir, "o"));

        Assert.Equal(2, exit);
        Assert.Contains("--hpa needs --workload YAML", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "o")));
    }

    [Fact]
    public void SeveralHpasWithoutANameAreOneErrorListingThem()
    {
        var (exit, _, stderr) = VerbRunner.Run("replay", "--trace", WriteTrace(), "--hpa", Write("hpa.yaml", ExternalManifest),
            "--workload", Write("w.yaml", ExternalWorkload), "--out", Path.Combine(_dir, "o"));

        Assert.Equal(2, exit);
        Assert.Contains("2 HorizontalPodAutoscalers (shop, worker): choose one with --hpa-name", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "o")));
    }

    [Theory]
    [InlineData("averageValue: 500m", 500)]
    [InlineData("averageValue: \"500m\"", 500)]
    [InlineData("averageValue: 2.007", 2007)]
    public void ManifestQuantitiesAreReadAsTheApiServerReadsThem(string target, long milli)
    {
        var manifest = Write("hpa.yaml", ExternalManifest.Replace("averageValue: 1.5k", target, StringComparison.Ordinal));

        var scenario = HpaManifestLoader.Load(manifest, "shop", Write("w.yaml", ExternalWorkload));

        Assert.Equal(milli, scenario.Hpa.Metric.AverageValue!.Value.MilliValue());
        Assert.Equal(45, scenario.Hpa.Metric.DelaySeconds);
        Assert.Equal(0.05, scenario.Hpa.Tolerance);
    }

    [Theory]
    [InlineData("averageValue: 1.5k", "averageValue: 500 m", "spec.metrics[0].external.target.averageValue", "is not a Kubernetes quantity")]
    [InlineData("apiVersion: autoscaling/v2\n", "apiVersion: autoscaling/v1\n", "apiVersion", "give the HPA as autoscaling/v2")]
    [InlineData("- type: External\n    external:", "- type: Pods\n    external:", "spec.metrics[0].type", "'Pods' metrics are not replayed")]
    [InlineData("maxReplicas: 40", "maxReplicas: 1", "spec.minReplicas", "must not exceed maxReplicas")]
    public void ABadManifestIsOneErrorNamingTheField(string from, string to, string field, string message)
    {
        var manifest = Write("hpa.yaml", ExternalManifest.Replace(from, to, StringComparison.Ordinal));

        var errors = Assert.Throws<InputErrorException>(() => HpaManifestLoader.Load(manifest, "shop", Write("w.yaml", ExternalWorkload))).Errors;

        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownWorkloadKeyIsAnErrorInTheWorkloadFile()
    {
        var workload = Write("w.yaml", ExternalWorkload + "\ncapacityPerPods: 3\n");

        var error = Assert.Single(Assert.Throws<InputErrorException>(() => HpaManifestLoader.Load(Write("hpa.yaml", ExternalManifest), "shop", workload)).Errors);

        Assert.Equal((workload, "capacityPerPods"), (error.File, error.Field));
    }

    [Fact]
    public void AnHpaWithoutMetricsIsCpuAtEightyPercentAsTheApiServerDefaultsIt()
    {
        var manifest = Write("hpa.yaml", "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: a }\nspec: { maxReplicas: 5 }\n");

        var scenario = HpaManifestLoader.Load(manifest, null, Write("w.yaml", "capacityPerPod: 10\n"));

        Assert.Equal((MetricKind.Utilization, 80), (scenario.Hpa.Metric.Type, scenario.Hpa.Metric.AverageUtilization));
        Assert.Equal("a", scenario.Name);
    }

    private string WriteTrace()
    {
        var start = new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        var lines = Enumerable.Range(0, 6 * 60).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"{start.AddMinutes(i):yyyy-MM-ddTHH:mm:ssZ},{8000 + (6000 * Math.Sin(i / 40.0)) + (i % 97 == 0 ? 20000 : 0)}"));
        return Write("trace.csv", "timestamp,value\n" + string.Join('\n', lines) + "\n");
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
