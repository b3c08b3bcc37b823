using System.Globalization;
using Autoscaler.Simulator.Keda;
using Autoscaler.Simulator.Scenarios;
using Autoscaler.Simulator.Tests.Replay;

namespace Autoscaler.Simulator.Tests.Keda;

/// <summary>Issue 13: replay a KEDA ScaledObject as KEDA runs it: the HPA it generates plus activation and cooldown.</summary>
public sealed class ScaledObjectReplayTests : IDisposable
{
    // A queue worker as teams write it: Prometheus trigger, scale to zero, faster scale-down through the HPA config.
    private const string QueueWorker = """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: orders-worker
          namespace: shop
          labels: { app: orders-worker }
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: orders-worker
          pollingInterval: 30
          cooldownPeriod: 300
          minReplicaCount: 0
          maxReplicaCount: 20
          fallback:
            failureThreshold: 3
            replicas: 4
          advanced:
            restoreToOriginalReplicaCount: false
            horizontalPodAutoscalerConfig:
              name: keda-hpa-orders-worker
              behavior:
                scaleDown:
                  stabilizationWindowSeconds: 60
                  policies: [ { type: Percent, value: 100, periodSeconds: 15 } ]
          triggers:
          - type: prometheus
            name: pending_orders
            metadata:
              serverAddress: http://prometheus-operated.monitoring.svc:9090
              query: sum(orders_pending{queue="orders"})
              threshold: "10"
              activationThreshold: "ACTIVATION"
              ignoreNullValues: "true"
        """;

    private const string Workload = """
        capacityPerPod: 10
        startupSeconds: 0
        controller:
          syncPeriodSeconds: 15
          metricDelaySeconds: 0
        """;

    private static readonly DateTime Start = new(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _dir = Directory.CreateTempSubdirectory("keda-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ScalesToZeroWhenIdleBackToOneOnActivityAndToZeroAgainAfterTheCooldown()
    {
        // Idle for 10 minutes, 50 pending orders for 5 minutes, idle for 20 minutes.
        var replicas = Replay(QueueWorker.Replace("ACTIVATION", "0", StringComparison.Ordinal));

        Assert.Equal(0, replicas["00:00"]); // never active: KEDA scales to minReplicaCount 0 at once
        Assert.Equal(0, replicas["09:45"]);
        Assert.Equal(1, replicas["10:00"]); // the poll at 10:00 sees 50 > 0: KEDA activates to 1
        Assert.Equal(5, replicas["10:15"]); // then the HPA: 50 / 10 per pod = 5 (default scale-up allows +4 pods per 15 s)
        Assert.Equal(5, replicas["15:00"]); // idle again from 15:00; the HPA's 60 s window holds 5 ...
        Assert.Equal(1, replicas["16:00"]); // ... then the HPA goes to its minReplicas, max(minReplicaCount, 1) = 1
        Assert.Equal(1, replicas["19:15"]);
        Assert.Equal(0, replicas["19:30"]); // KEDA: 300 s after the last active poll (14:30), scale to zero
        Assert.Equal(0, replicas["35:45"]);
    }

    [Fact]
    public void TheCooldownCountsFromTheLastActivePollAndActivationWinsOverTheHpa()
    {
        // With a long HPA window the HPA holds 5 replicas; KEDA still scales to zero 300 s after the last active poll (14:30).
        var slowHpa = QueueWorker.Replace("ACTIVATION", "0", StringComparison.Ordinal).Replace("stabilizationWindowSeconds: 60", "stabilizationWindowSeconds: 3600", StringComparison.Ordinal);

        var replicas = Replay(slowHpa);

        Assert.Equal(5, replicas["19:15"]);
        Assert.Equal(0, replicas["19:30"]);
        Assert.Equal(0, replicas["35:45"]);
    }

    [Fact]
    public void WithIdleReplicaCountKedaActivatesToMinReplicaCount()
    {
        var idle = QueueWorker.Replace("ACTIVATION", "0", StringComparison.Ordinal).Replace("  minReplicaCount: 0\n", "  minReplicaCount: 2\n  idleReplicaCount: 0\n", StringComparison.Ordinal);

        var replicas = Replay(idle);

        Assert.Equal(0, replicas["09:45"]);
        Assert.Equal(2, replicas["10:00"]);
        Assert.Equal(2, replicas["19:15"]); // the HPA's floor is minReplicaCount
        Assert.Equal(0, replicas["19:30"]);
    }

    [Theory]
    [InlineData("false", 5)] // the HPA reads the fresh 50 from 11:00
    [InlineData("true", 1)] // the HPA reads the 0 of the 10:00 poll until the 12:00 poll
    public void WithCachedMetricsTheHpaReadsTheLastPolledValue(string cached, int at1115)
    {
        // Polls every 120 s (10:00, 12:00, ...); the burst starts at 11:00 in this variant, minReplicaCount 1.
        var so = QueueWorker.Replace("ACTIVATION", "0", StringComparison.Ordinal).Replace("pollingInterval: 30", "pollingInterval: 120", StringComparison.Ordinal)
            .Replace("minReplicaCount: 0", "minReplicaCount: 1", StringComparison.Ordinal)
            .Replace("    name: pending_orders\n", "    name: pending_orders\n    useCachedMetrics: " + cached + "\n", StringComparison.Ordinal);

        var replicas = Replay(so, burstFrom: 11);

        Assert.Equal(1, replicas["10:45"]);
        Assert.Equal(at1115, replicas["11:15"]);
        Assert.Equal(5, replicas["12:15"]); // by then both have seen the burst
    }

    [Fact]
    public void BelowTheActivationThresholdTheWorkloadStaysAtZero()
    {
        var replicas = Replay(QueueWorker.Replace("ACTIVATION", "50", StringComparison.Ordinal)); // 50 is not > 50

        Assert.All(replicas.Values, r => Assert.Equal(0, r));
    }

    [Fact]
    public void WithMinReplicaCountAboveZeroTheScaledObjectIsExactlyTheHpaKedaGenerates()
    {
        var root = Autoscaler.Simulator.Tests.Scenarios.ScenarioLoaderTests.RepoRoot();
        string[] common = ["replay", "--trace", Path.Combine(root, "simulator", "traces", "wc98_http_requests_1min_until_0627.csv"),
            "--from", "1998-06-10T00:00:00Z", "--to", "1998-06-12T00:00:00Z", "--workload", Path.Combine(root, "simulator", "manifests", "wc98-workload.yaml")];
        var viaKeda = Path.Combine(_dir, "keda");
        var viaHpa = Path.Combine(_dir, "hpa");
        var viaHpaOption = Path.Combine(_dir, "hpa-option");

        var keda = VerbRunner.Run([.. common, "--keda", Path.Combine(root, "simulator", "manifests", "wc98-scaledobject.yaml"), "--out", viaKeda]);
        var hpa = VerbRunner.Run([.. common, "--hpa", Path.Combine(root, "simulator", "manifests", "wc98-hpa.yaml"), "--hpa-name", "web", "--out", viaHpa]);
        var hpaOption = VerbRunner.Run([.. common, "--hpa", Path.Combine(root, "simulator", "manifests", "wc98-scaledobject.yaml"), "--out", viaHpaOption]);

        Assert.True(keda.Exit == 0, keda.Stderr);
        Assert.True(hpa.Exit == 0, hpa.Stderr);
        Assert.True(hpaOption.Exit == 0, hpaOption.Stderr);
        Assert.Equal(File.ReadAllText(Path.Combine(viaHpa, "timeline.csv")), File.ReadAllText(Path.Combine(viaKeda, "timeline.csv")));
        Assert.Equal(hpa.Stdout.Split('\n')[0], keda.Stdout.Split('\n')[0]);
        Assert.Equal(File.ReadAllText(Path.Combine(viaKeda, "summary.json")), File.ReadAllText(Path.Combine(viaHpaOption, "summary.json")));
        Assert.Contains("\"metricName\": \"s0-prometheus\"", File.ReadAllText(Path.Combine(viaKeda, "summary.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void CompareTakesAScaledObjectBesideAScenario()
    {
        var root = Autoscaler.Simulator.Tests.Scenarios.ScenarioLoaderTests.RepoRoot();
        var outDir = Path.Combine(_dir, "compare");

        var (exit, stdout, stderr) = VerbRunner.Run("compare", "--trace", Path.Combine(root, "simulator", "traces", "wc98_http_requests_1min_until_0627.csv"),
            "--from", "1998-06-10T00:00:00Z", "--to", "1998-06-11T00:00:00Z", "--scenario", Path.Combine(root, "simulator", "scenarios", "wc98-tuned.yaml"),
            "--keda", Path.Combine(root, "simulator", "manifests", "wc98-scaledobject.yaml"), "--workload", Path.Combine(root, "simulator", "manifests", "wc98-workload.yaml"),
            "--out", outDir);

        Assert.True(exit == 0, stderr);
        Assert.Equal(["wc98-tuned", "wc98-external"], stdout.Split('\n').Where(l => l.Contains("overloadMinutes=", StringComparison.Ordinal)).Select(l => l.Split(':')[0]));
        Assert.Contains("\"triggerType\": \"prometheus\"", File.ReadAllText(Path.Combine(outDir, "compare.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void TheGeneratedHpaTakesKedasDefaultsAndTheBehaviorFromTheHpaConfig()
    {
        var scenario = ScaledObjectLoader.Load(Write("so.yaml", QueueWorker.Replace("ACTIVATION", "2.5", StringComparison.Ordinal).Replace("  maxReplicaCount: 20\n", string.Empty, StringComparison.Ordinal)), null, Write("w.yaml", Workload));

        Assert.Equal((1, ScaledObjectLoader.DefaultMaxReplicaCount), (scenario.Hpa.MinReplicas, scenario.Hpa.MaxReplicas));
        Assert.Equal(10_000, scenario.Hpa.Metric.AverageValue!.Value.MilliValue());
        Assert.Equal(60, scenario.Hpa.Behavior!.ScaleDown!.StabilizationWindowSeconds);
        Assert.Equal((2.5, 0, 300, 30), (scenario.Keda!.ActivationThreshold, scenario.Keda.MinReplicaCount, scenario.Keda.CooldownPeriodSeconds, scenario.Keda.PollingIntervalSeconds));
        Assert.Equal("orders-worker", scenario.Name);
    }

    [Fact]
    public void ACpuTriggerIsTheResourceMetricWithItsUtilizationTarget()
    {
        var cpu = """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: { name: api }
            spec:
              scaleTargetRef: { name: api }
              minReplicaCount: 2
              maxReplicaCount: 10
              triggers:
              - type: cpu
                metricType: Utilization
                metadata: { value: "60" }
            """;

        var scenario = ScaledObjectLoader.Load(Write("cpu.yaml", cpu), null, Write("w.yaml", Workload));

        Assert.Equal((MetricKind.Utilization, 60), (scenario.Hpa.Metric.Type, scenario.Hpa.Metric.AverageUtilization));
        Assert.False(scenario.Keda!.ScalesToIdle);
    }

    [Theory]
    [InlineData("- type: prometheus", "- type: cron", "spec.triggers[0].type", "'cron' triggers are not replayed")]
    [InlineData("- type: prometheus", "- type: memory", "spec.triggers[0].type", "'memory' triggers are not replayed")]
    [InlineData("      threshold: \"10\"\n", "", "spec.triggers[0].metadata.threshold", "required for a prometheus trigger")]
    [InlineData("threshold: \"10\"", "threshold: \"ten\"", "spec.triggers[0].metadata.threshold", "is not a Kubernetes quantity")]
    [InlineData("  triggers:\n", "  triggers:\n  - type: kafka\n    metadata: { lagThreshold: \"5\" }\n", "spec.triggers", "2 triggers")]
    [InlineData("    restoreToOriginalReplicaCount: false\n", "    scalingModifiers: { formula: \"a + b\", target: \"2\" }\n", "spec.advanced.scalingModifiers", "not replayed")]
    [InlineData("  pollingInterval: 30\n", "  pollingIntervall: 30\n", "spec.pollingIntervall", "unknown field")]
    [InlineData("  minReplicaCount: 0\n", "  minReplicaCount: 0\n  idleReplicaCount: 1\n", "spec.idleReplicaCount", "only 0 is supported")]
    [InlineData("apiVersion: keda.sh/v1alpha1", "apiVersion: keda.k8s.io/v1alpha1", "apiVersion", "give the ScaledObject as keda.sh/v1alpha1")]
    public void AnUnsupportedScaledObjectIsOneErrorNamingTheFileAndField(string from, string to, string field, string message)
    {
        var file = Write("so.yaml", QueueWorker.Replace("ACTIVATION", "0", StringComparison.Ordinal).Replace(from, to, StringComparison.Ordinal));

        var errors = Assert.Throws<InputErrorException>(() => ScaledObjectLoader.Load(file, null, Write("w.yaml", Workload))).Errors;

        var error = Assert.Single(errors);
        Assert.Equal((file, field), (error.File, error.Field));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScaleToZeroOnCpuAloneIsRefusedAsKedaRefusesIt()
    {
        var cpu = "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: { name: api }\nspec:\n  triggers:\n  - type: cpu\n    metricType: Utilization\n    metadata: { value: \"60\" }\n";

        var error = Assert.Single(Assert.Throws<InputErrorException>(() => ScaledObjectLoader.Load(Write("cpu.yaml", cpu), null, Write("w.yaml", Workload))).Errors);

        Assert.Equal("spec.minReplicaCount", error.Field);
        Assert.Contains("cannot scale to zero on CPU alone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplayRefusesKedaWithoutItsWorkloadAndWritesNothing()
    {
        var (exit, _, stderr) = VerbRunner.Run("replay", "--trace", WriteTrace(), "--keda", Write("so.yaml", QueueWorker), "--out", Path.Combine(_dir, "o"));

        Assert.Equal(2, exit);
        Assert.Contains("--keda needs --workload YAML", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "o")));
    }

    /// <summary>Replays the ScaledObject over the idle-burst-idle trace; replicas per sync, keyed "MM:SS" from the start.</summary>
    private Dictionary<string, int> Replay(string scaledObject, int burstFrom = 10)
    {
        var outDir = Path.Combine(_dir, "out-" + Guid.NewGuid().ToString("N"));
        var (exit, _, stderr) = VerbRunner.Run("replay", "--trace", WriteTrace(burstFrom), "--keda", Write("so.yaml", scaledObject), "--workload", Write("w.yaml", Workload), "--out", outDir);
        Assert.True(exit == 0, stderr);
        return File.ReadAllLines(Path.Combine(outDir, "timeline.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(c => Key(c[0]), c => int.Parse(c[4], CultureInfo.InvariantCulture));
    }

    private static string Key(string time)
    {
        var offset = DateTime.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal) - Start;
        return $"{(int)offset.TotalMinutes:00}:{offset.Seconds:00}";
    }

    private string WriteTrace(int burstFrom = 10)
    {
        var lines = Enumerable.Range(0, 36).Select(i => string.Create(CultureInfo.InvariantCulture, $"{Start.AddMinutes(i):yyyy-MM-ddTHH:mm:ssZ},{(i >= burstFrom && i < burstFrom + 5 ? 50 : 0)}"));
        return Write("trace.csv", "timestamp,value\n" + string.Join('\n', lines) + "\n");
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
