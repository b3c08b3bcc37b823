using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Tests.Scenarios;

public sealed class ScenarioLoaderTests
{
    private const string Valid = """
        workload:
          capacityPerPod: 20
          startupSeconds: 120
          initialReplicas: 3
          valueScale: 10
        hpa:
          minReplicas: 2
          maxReplicas: 300
          syncPeriodSeconds: 15
          profile: current
          metric:
            type: External
            target: { averageValue: 14 }
          behavior: {}
        """;

    private static Scenario Load(string yaml) => ScenarioLoader.Load(new StringReader(yaml), "s.yaml");

    private static IReadOnlyList<InputError> Errors(string yaml) => Assert.Throws<InputErrorException>(() => Load(yaml)).Errors;

    [Fact]
    public void TheIssueExampleLoadsWithDefaults()
    {
        var s = Load(Valid);
        Assert.Equal("s", s.Name);
        Assert.Equal(20, s.Workload.CapacityPerPod);
        Assert.Equal(10, s.Workload.ValueScale);
        Assert.Equal(2, s.Hpa.MinReplicas);
        Assert.Equal(Autoscaler.Core.Quantities.Quantity.Parse("14"), s.Hpa.Metric.AverageValue);
        Assert.NotNull(s.Hpa.Behavior); // {} means "present": the behavior path with upstream defaults
        Assert.Null(s.Hpa.Behavior!.ScaleUp);
        Assert.Null(Load(Valid.Replace("  behavior: {}", string.Empty, StringComparison.Ordinal)).Hpa.Behavior);
    }

    [Fact]
    public void UnknownFieldIsAnErrorWithLineAndPath()
    {
        var error = Assert.Single(Errors(Valid.Replace("  valueScale: 10", "  valueScale: 10\n  capacityPerPods: 3", StringComparison.Ordinal)));
        Assert.Equal(("s.yaml", 6, "workload.capacityPerPods"), (error.File, error.Line, error.Field));
        Assert.Contains("unknown field", error.Message, StringComparison.Ordinal);
        Assert.Contains("capacityPerPod", error.Message, StringComparison.Ordinal); // lists the known names
    }

    [Fact]
    public void NegativeCapacityNamesTheField()
    {
        var error = Assert.Single(Errors(Valid.Replace("capacityPerPod: 20", "capacityPerPod: -5", StringComparison.Ordinal)));
        Assert.Equal((2, "workload.capacityPerPod"), (error.Line, error.Field));
        Assert.StartsWith("s.yaml:2: error: field 'workload.capacityPerPod'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MinAboveMaxIsAnError()
    {
        var error = Assert.Single(Errors(Valid.Replace("minReplicas: 2", "minReplicas: 400", StringComparison.Ordinal)));
        Assert.Equal((7, "hpa.minReplicas"), (error.Line, error.Field));
        Assert.Contains("must not exceed maxReplicas", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryErrorIsCollected()
    {
        var yaml = Valid
            .Replace("capacityPerPod: 20", "capacityPerPod: lots", StringComparison.Ordinal)
            .Replace("profile: current", "profile: v2", StringComparison.Ordinal)
            .Replace("type: External", "type: Externals", StringComparison.Ordinal)
            .Replace("behavior: {}", "behavior: { scaleUp: { selectPolicy: Most, policies: [ { type: Pods, value: 0, periodSeconds: 4000 } ] } }", StringComparison.Ordinal);
        var fields = Errors(yaml).Select(e => e.Field).Order(StringComparer.Ordinal).ToList();
        string[] expected =
        [
            "workload.capacityPerPod", "hpa.profile", "hpa.metric.type", "hpa.behavior.scaleUp.selectPolicy",
            "hpa.behavior.scaleUp.policies[0].value", "hpa.behavior.scaleUp.policies[0].periodSeconds",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), fields);
    }

    [Theory]
    [InlineData("workload:\n  startupSeconds: 5\nhpa:\n  maxReplicas: 3\n  metric: { type: External, target: { averageValue: 1 } }", "workload.capacityPerPod")]
    [InlineData("workload: { capacityPerPod: 1 }\nhpa:\n  metric: { type: External, target: { averageValue: 1 } }", "hpa.maxReplicas")]
    [InlineData("workload: { capacityPerPod: 1 }\nhpa:\n  maxReplicas: 3", "hpa.metric")]
    [InlineData("workload: { capacityPerPod: 1 }\nhpa:\n  maxReplicas: 3\n  metric: { type: External, target: { averageValue: 1, value: 2 } }", "hpa.metric.target")]
    [InlineData("workload: { capacityPerPod: 1 }\nhpa:\n  maxReplicas: 3\n  metric: { type: Utilization, target: { averageValue: 1 } }", "hpa.metric.target")]
    [InlineData("hpa:\n  maxReplicas: 3\n  metric: { type: External, target: { averageValue: 1 } }", "workload")]
    public void RequiredAndConsistentFields(string yaml, string field) =>
        Assert.Contains(Errors(yaml), e => e.Field == field);

    [Fact]
    public void SyntaxErrorNamesTheLine()
    {
        var error = Assert.Single(Errors("workload:\n  capacityPerPod: 1\n hpa: [\n"));
        Assert.True(error.Line >= 2, error.ToString());
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BundledScenariosAllLoad()
    {
        var dir = Path.Combine(RepoRoot(), "simulator", "scenarios");
        var files = Directory.GetFiles(dir, "*.yaml");
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.Equal(Path.GetFileNameWithoutExtension(f), ScenarioLoader.LoadFile(f).Name));
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Autoscaler.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}

/// <summary>Issue 13: Kubernetes quantities in a scenario's metric target, through Core's Quantity.</summary>
public sealed class ScenarioQuantityTests
{
    private const string Template = """
        workload:
          capacityPerPod: 20
        hpa:
          maxReplicas: 30
          metric:
            type: External
            target: { averageValue: AVG }
        """;

    [Theory]
    [InlineData("\"500m\"", 500)]
    [InlineData("500m", 500)]
    [InlineData("700", 700_000)]
    [InlineData("2.007", 2007)]
    [InlineData("1.5k", 1_500_000)]
    [InlineData("1e3", 1_000_000)]
    public void AverageValueTakesKubernetesQuantities(string written, long milli)
    {
        var scenario = ScenarioLoader.Load(new StringReader(Template.Replace("AVG", written, StringComparison.Ordinal)), "s.yaml");

        Assert.Equal(milli, scenario.Hpa.Metric.AverageValue!.Value.MilliValue());
        Assert.Equal(milli, Autoscaler.Simulator.Engine.HpaSpecMapper.ToSpec(scenario.Hpa).Metrics[0].Target.AverageValueMilli);
    }

    [Theory]
    [InlineData("\"500 m\"")]
    [InlineData("lots")]
    [InlineData("\"\"")]
    public void AnInvalidQuantityIsOneClearError(string written)
    {
        var errors = Assert.Throws<InputErrorException>(() => ScenarioLoader.Load(new StringReader(Template.Replace("AVG", written, StringComparison.Ordinal)), "s.yaml")).Errors;

        var error = Assert.Single(errors);
        Assert.Equal("hpa.metric.target.averageValue", error.Field);
        Assert.Contains("is not a Kubernetes quantity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANegativeQuantityIsOneError()
    {
        var errors = Assert.Throws<InputErrorException>(() => ScenarioLoader.Load(new StringReader(Template.Replace("AVG", "\"-5m\"", StringComparison.Ordinal)), "s.yaml")).Errors;

        Assert.Contains("must be > 0", Assert.Single(errors).Message, StringComparison.Ordinal);
    }
}
