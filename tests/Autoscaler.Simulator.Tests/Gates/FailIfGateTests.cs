using Autoscaler.Simulator.Gates;

namespace Autoscaler.Simulator.Tests.Gates;

public sealed class FailIfGateTests
{
    private static readonly string[] Fields = ["overloadMinutes", "podHours"];

    [Theory]
    [InlineData("overloadMinutes>30", ">", 30)]
    [InlineData("overloadMinutes >= 30.5", ">=", 30.5)]
    [InlineData("podHours<1e3", "<", 1000)]
    [InlineData("podHours<=0", "<=", 0)]
    public void Parses(string text, string op, double threshold)
    {
        var gate = FailIfGate.TryParse(text, Fields, out var error);
        Assert.Equal(string.Empty, error);
        Assert.Equal((op, threshold), (gate!.Operator, gate.Threshold));
    }

    [Theory]
    [InlineData("overloadMinute>30", "unknown summary field")]
    [InlineData("overloadMinutes>lots", "not a number")]
    [InlineData("overloadMinutes=30", "expected FIELD OP NUMBER")]
    [InlineData(">30", "expected FIELD OP NUMBER")]
    public void RejectsWithAReason(string text, string reason)
    {
        Assert.Null(FailIfGate.TryParse(text, Fields, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(">", 31, true)]
    [InlineData(">", 30, false)]
    [InlineData(">=", 30, true)]
    [InlineData("<", 29, true)]
    [InlineData("<", 30, false)]
    [InlineData("<=", 30, true)]
    public void Compares(string op, double value, bool breached) =>
        Assert.Equal(breached, new FailIfGate("overloadMinutes", op, 30).IsBreachedBy(value));

    [Fact]
    public void FirstBreachIsOneLineNamingFieldValueAndThreshold()
    {
        var gates = new[] { new FailIfGate("podHours", ">", 100), new FailIfGate("overloadMinutes", ">", 30) };
        var reason = GateEvaluator.FirstBreach(gates, new Dictionary<string, double> { ["podHours"] = 50, ["overloadMinutes"] = 42.5 });
        Assert.Equal("fail-if breached: overloadMinutes = 42.5, which is > 30", reason);
        Assert.Null(GateEvaluator.FirstBreach(gates, new Dictionary<string, double> { ["podHours"] = 50, ["overloadMinutes"] = 3 }));
    }
}
