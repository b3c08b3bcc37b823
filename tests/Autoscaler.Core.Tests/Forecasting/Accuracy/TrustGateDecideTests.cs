using Autoscaler.Core.Forecasting.Accuracy;
using Autoscaler.Core.Planning;

namespace Autoscaler.Core.Tests.Forecasting.Accuracy;

/// <summary>The gate's decision, the one call both hosts make (controller PolicyResolver, simulator PrescaleDriver).</summary>
public sealed class TrustGateDecideTests
{
    [Theory]
    [InlineData(PlanningMode.Auto, true, false, PlanningMode.Recommend, true)] // untrusted (or never scored): recommend only
    [InlineData(PlanningMode.Auto, true, true, PlanningMode.Auto, false)] // trusted: acts
    [InlineData(PlanningMode.Auto, false, false, PlanningMode.Auto, false)] // gate off: acts at once
    [InlineData(PlanningMode.Recommend, true, false, PlanningMode.Recommend, false)] // never changes recommend
    [InlineData(PlanningMode.Observe, true, true, PlanningMode.Observe, false)] // nor observe
    public void Auto_acts_only_while_trusted_or_with_the_gate_off(PlanningMode requested, bool enabled, bool trusted, PlanningMode mode, bool withheld)
    {
        var decision = TrustGate.Decide(requested, enabled, trusted);

        Assert.Equal(mode, decision.Mode);
        Assert.Equal(withheld, decision.Withheld);
    }
}
