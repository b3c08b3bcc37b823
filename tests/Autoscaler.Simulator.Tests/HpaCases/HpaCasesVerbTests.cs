using System.Text.Json;
using System.Text.Json.Nodes;
using Autoscaler.Simulator.Cli;

namespace Autoscaler.Simulator.Tests.HpaCases;

/// <summary>The hpa-cases verb end to end through the dispatcher: real files in a temp folder, exit codes, output.</summary>
public sealed class HpaCasesVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hpa-cases-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void WritesOneResultPerCaseAndExitsZero()
    {
        var output = Path.Combine(_dir, "out.json");
        var (code, stdout, _) = Run("--cases", CaseFile.Path, "--out", output);

        Assert.Equal(0, code);
        Assert.Contains("104 of 104 cases with an expected value match", stdout, StringComparison.Ordinal);
        var results = JsonNode.Parse(File.ReadAllText(output))!.AsObject();
        Assert.Equal(104, results.Count);
        Assert.Equal(5, (int)results["c049"]!["replicas"]!);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Theory]
    [InlineData("v1.20", 3)]
    [InlineData("current", 5)]
    public void ProfileFlagOverridesTheSourceVersion(string profile, int expected)
    {
        // c070: an invalid metric beside a cpu scale-down; only current refuses the scale-down.
        var output = Path.Combine(_dir, "out.json");
        var (code, _, _) = Run("--cases", CaseFile.Path, "--profile", profile, "--out", output);

        Assert.Equal(0, code);
        Assert.Equal(expected, (int)JsonNode.Parse(File.ReadAllText(output))!["c070"]!["replicas"]!);
    }

    [Fact]
    public void ExpectedFieldsAreNotNeeded()
    {
        var cases = JsonNode.Parse(File.ReadAllText(CaseFile.Path))!.AsArray();
        foreach (var c in cases)
        {
            var o = c!.AsObject();
            o.Remove("expected");
            o.Remove("expectedReplicas");
            o.Remove("expectedByProfile");
        }

        var stripped = Write("stripped.json", cases.ToJsonString());
        var output = Path.Combine(_dir, "out.json");
        var (code, stdout, _) = Run("--cases", stripped, "--out", output);
        Assert.Equal(0, code);
        Assert.DoesNotContain("match", stdout, StringComparison.Ordinal);
        Assert.Equal(4, (int)JsonNode.Parse(File.ReadAllText(output))!["c003"]!["replicas"]!);
    }

    [Fact]
    public void AllMetricsInvalidAtReplicaCalculatorLevelIsAnErrorEntry()
    {
        var cases = Write("c.json", """
            [{"id":"x1","sourceVersion":"v1.20.2","level":"replicaCalculator","inputs":{"currentReplicas":3,
              "metric":{"kind":"Resource","resource":"cpu","target":{"type":"Utilization","averageUtilization":50},"podMetrics":{}},
              "pods":[{"name":"p","phase":"Running","ready":"True","startTime":null,"readyLastTransitionTime":null,"deleting":false,"requestMilli":100}]}}]
            """);
        var output = Path.Combine(_dir, "out.json");

        Assert.Equal(0, Run("--cases", cases, "--out", output).Code);
        var entry = JsonNode.Parse(File.ReadAllText(output))!["x1"]!.AsObject();
        Assert.Contains("did not receive metrics", (string)entry["error"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[{"id":"k1","level":"teleport","inputs":{}}]""", "case 'k1'", "unknown level 'teleport'")]
    [InlineData("""[{"id":"k2","level":"replicaCalculator","inputs":{"currentReplicas":1,"metric":{"kind":"Magic"}}}]""", "case 'k2'", "inputs.metric.kind: unknown value 'Magic'")]
    [InlineData("""[{"id":"k3","level":"legacyRules","inputs":{"desiredReplicas":1,"maxReplicas":3}}]""", "case 'k3'", "currentReplicas")]
    [InlineData("""[{"id":"k4","level":"legacyRules","inputs":{}},{"id":"k4","level":"legacyRules","inputs":{}}]""", "case 'k4'", "")]
    [InlineData("""[{"id":"k5","level":"legacyStabilization","inputs":{"desiredReplicas":1,"recommendations":[{"replicas":2,"ageSeconds":1e300}]}}]""", "case 'k5'", "out of range")]
    [InlineData("""{"not":"an array"}""", "top level", "")]
    [InlineData("""[{"id": 3""", "invalid JSON", "")]
    public void BadInputExitsTwoNamesFileAndCaseAndWritesNothing(string content, string mention, string field)
    {
        var cases = Write("bad.json", content);
        var output = Path.Combine(_dir, "out.json");
        File.WriteAllText(output, "previous");

        var (code, _, err) = Run("--cases", cases, "--out", output);

        Assert.Equal(2, code);
        Assert.Contains(cases, err, StringComparison.Ordinal);
        Assert.Contains(mention, err, StringComparison.Ordinal);
        Assert.Contains(field, err, StringComparison.Ordinal);
        Assert.Equal("previous", File.ReadAllText(output));
    }

    [Theory]
    [InlineData("", 3)]
    [InlineData("app in (web", 3)]
    [InlineData("app=web", 6)]
    public void AnEmptyOrUnparsableScaleSelectorStopsTheController(string selector, int expected)
    {
        var cases = Write("c.json", """
            [{"id":"s1","level":"controller","inputs":{
              "hpa":{"minReplicas":1,"maxReplicas":10,"behavior":null,
                "metrics":[{"kind":"External","metricName":"q","target":{"type":"AverageValue","averageValueMilli":1000},"valuesMilli":[6000]}]},
              "scale":{"specReplicas":3,"statusReplicas":3,"selector":"SELECTOR"},
              "pods":[],"state":{"recommendations":[],"scaleUpEvents":[],"scaleDownEvents":[]}}}]
            """.Replace("SELECTOR", selector, StringComparison.Ordinal));
        var output = Path.Combine(_dir, "out.json");

        Assert.Equal(0, Run("--cases", cases, "--out", output).Code);
        Assert.Equal(expected, (int)JsonNode.Parse(File.ReadAllText(output))!["s1"]!["replicas"]!);
    }

    [Fact]
    public void DisagreementsAreNamedInTheSummary()
    {
        var cases = Write("c.json", """
            [{"id":"r1","level":"legacyRules","expected":{"replicas":9},"inputs":{"currentReplicas":3,"desiredReplicas":5,"maxReplicas":10}}]
            """);
        var (code, stdout, _) = Run("--cases", cases, "--out", Path.Combine(_dir, "out.json"));

        Assert.Equal(0, code);
        Assert.Contains("0 of 1 cases", stdout, StringComparison.Ordinal);
        Assert.Contains("differing: r1", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileExitsTwoAndCreatesNoOutput()
    {
        var output = Path.Combine(_dir, "out.json");
        var (code, _, err) = Run("--cases", Path.Combine(_dir, "nope.json"), "--out", output);

        Assert.Equal(2, code);
        Assert.Contains("nope.json", err, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("--cases", "x.json")]
    [InlineData("--cases", "x.json", "--out", "o.json", "--profile", "v1.19")]
    [InlineData("--bogus")]
    public void BadArgumentsExitTwo(params string[] args) => Assert.Equal(2, Run(args).Code);

    [Fact]
    public void HelpExitsZeroAndDescribesOptions()
    {
        var (code, stdout, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("--profile", stdout, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = VerbDispatcher.Run(["hpa-cases", .. args], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
