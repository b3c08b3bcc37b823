using Autoscaler.Shared.Yaml;
using Autoscaler.Simulator.Manifests;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Tests.Scenarios;

/// <summary>
/// YAML inputs the fuzzer (issue #15) found escaping the simulator as something other than an input error, now
/// refused with the file and line: an unclosed flow mapping followed by block lines makes YamlDotNet 18.1's scanner
/// throw <see cref="InvalidOperationException"/>, and deep nesting would overflow the stack in its node builder.
/// </summary>
public sealed class HostileYamlRegressionTests
{
    // Seed 0x150301, case 103: the shipped wc98-reactive-70.yaml with "target: { averageValue: 700 }" mutated.
    private const string UnclosedFlowMapping = "hpa:\n  metric:\n    type: External\n    target: { t: { averageValue: 700 }\n    delaySeconds: 60\n  behavior: {}\n";

    [Fact]
    public void An_unclosed_flow_mapping_before_block_lines_is_an_input_error_with_its_line()
    {
        var e = Assert.Throws<InputErrorException>(() => ScenarioLoader.Load(new StringReader(UnclosedFlowMapping), "s.yaml"));
        var error = Assert.Single(e.Errors);
        Assert.Equal("s.yaml", error.File);
        Assert.InRange(error.Line, 1, 6);
        Assert.StartsWith("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[", "]", 100_000)]
    [InlineData("{a: ", "}", 50_000)]
    [InlineData("- ", "", 20_000)]
    [InlineData("[", "]", DepthLimitedParser.MaxDepth + 1)]
    public void Deep_nesting_is_refused_at_the_limit_not_a_stack_overflow(string open, string close, int depth)
    {
        var text = "workload:\n  " + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)) + "\n";
        var e = Assert.Throws<InputErrorException>(() => ScenarioLoader.Load(new StringReader(text), "deep.yaml"));
        Assert.Contains($"nested more than {DepthLimitedParser.MaxDepth} levels deep", Assert.Single(e.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_at_the_limit_still_loads_as_yaml()
    {
        var errors = new List<InputError>();
        var text = "a: " + new string('[', DepthLimitedParser.MaxDepth - 1) + "1" + new string(']', DepthLimitedParser.MaxDepth - 1);
        Assert.NotNull(YamlFile.Load(new StringReader(text), "ok.yaml", errors));
        Assert.Empty(errors);
    }
}
