using Autoscaler.Simulator.Scenarios;
using Autoscaler.Simulator.Tests.Scenarios;

namespace Autoscaler.Simulator.Tests.Fuzz;

/// <summary>Seed corpora for the simulator's fuzz tests: small valid inputs of every kind the CLI reads, plus the shipped files.</summary>
internal static class SimulatorCorpus
{
    public static readonly string[] TraceCsv =
    [
        "timestamp,value\n2020-01-01T00:00:00Z,100\n2020-01-01T00:01:00Z,120\n2020-01-01T00:02:00Z,90\n",
        "2020-01-01T00:00:00Z,5\n2020-01-01T00:05:00Z,7.5\n2020-01-01T00:10:00Z,0\n",
        "time,value\n\"2020-01-01 00:00:00+02:00\",\"3\"\n# comment\n\n2020-01-01 00:00:30+02:00,4\n",
        "timestamp,value\n2020-01-01T00:00:00.5Z,1e3\n2020-01-01T00:00:01.5Z,2E2\n2020-01-01T00:00:02.5Z,0.001\n",
        "timestamp,value\n1998-06-10T00:00:00Z,10\n1998-06-10T00:01:00Z,10\n1998-06-10T00:01:00Z,12\n1998-06-10T00:00:30Z,11\n",
    ];

    public static readonly string[] QueryRangeJson =
    [
        """{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"job":"web"},"values":[[1577836800,"100"],[1577836860,"120"],[1577836920,"90"]]}]}}""",
        """{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1577836800.5,"1e3"],[1577836801.5,"NaN"]]}]}}""",
        """{"status":"error","errorType":"bad_data","error":"parse error at char 5"}""",
    ];

    public static readonly string[] EventsCsv =
    [
        "start_utc,end_utc,kind,expected_multiplier,description\n1998-06-10T15:30:00Z,1998-06-10T17:30:00Z,match,,Group A: Brazil v Scotland\n",
        "1998-06-10T15:30:00Z,1998-06-10T17:30:00Z,match,2.5,\"final, replay\"\n1998-06-11T15:30Z,1998-06-11T17:30Z,sale\n",
        "kickoff_utc,stage,home,away\n1998-06-10T15:30:00Z,Group A,Brazil,Scotland\n",
        "kind,start,end,series\nlaunch,2020-01-01T00:00:00Z,2020-01-01T02:00:00+01:00,trace.csv\n",
    ];

    public static readonly string Workload = """
        name: fuzz
        capacityPerPod: 100
        startupSeconds: 60
        initialReplicas: 2
        controller:
          profile: current
          syncPeriodSeconds: 15
          tolerance: 0.1
          metricDelaySeconds: 0
        """;

    public static readonly string Hpa = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: { name: web }
        spec:
          scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
          minReplicas: 1
          maxReplicas: 20
          metrics:
          - type: External
            external:
              metric: { name: demand }
              target: { type: AverageValue, averageValue: 800m }
          behavior:
            scaleDown:
              stabilizationWindowSeconds: 60
              policies: [{ type: Percent, value: 50, periodSeconds: 60 }]
        """;

    public static readonly string ScaledObject = """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: { name: web }
        spec:
          scaleTargetRef: { name: web }
          pollingInterval: 30
          cooldownPeriod: 300
          minReplicaCount: 0
          maxReplicaCount: 20
          triggers:
          - type: prometheus
            metadata: { serverAddress: "http://p:9090", query: "sum(x)", threshold: "80", activationThreshold: "5" }
        """;

    /// <summary>The shipped scenarios (simulator/scenarios) and the test scenario: the YAML corpus.</summary>
    public static string[] Scenarios() =>
    [
        .. Directory.GetFiles(Path.Combine(ScenarioLoaderTests.RepoRoot(), "simulator", "scenarios"), "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText),
        File.ReadAllText(TestScenarios.Asset("small", "scenario.yaml")),
        """
        name: inline
        workload: { capacityPerPod: 100, startupSeconds: 30, initialReplicas: 1, valueScale: 1.5 }
        hpa:
          minReplicas: 1
          maxReplicas: 10
          metric: { type: Utilization, target: { averageUtilization: 70 } }
          behavior:
            scaleUp: { selectPolicy: Max, policies: [{ type: Pods, value: 4, periodSeconds: 15 }] }
        prescale:
          forecaster: none
          schedule: [{ start: "2020-01-01T00:10:00Z", end: "2020-01-01T00:20:00Z", kind: launch, multiplier: 2 }]
          recurring: [{ cron: "0 18 * * FRI", timeZone: Europe/Paris, duration: 2h, kind: promo, bump: 0.5 }]
          exclusions: [{ date: "2020-01-03" }]
        """,
    ];

    /// <summary>True for the simulator's documented refusal: errors that each say what is wrong, in a named file.</summary>
    public static bool IsInputError(Exception e) =>
        e is InputErrorException { Errors.Count: > 0 } ie && ie.Errors.All(x => x.Message.Length > 0 && x.File.Length > 0);
}
