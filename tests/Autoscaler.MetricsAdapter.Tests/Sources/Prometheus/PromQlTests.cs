using Autoscaler.Core.Labels;
using Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;

namespace Autoscaler.MetricsAdapter.Tests.Sources.Prometheus;

public sealed class PromQlTests
{
    [Fact]
    public void Selectors_become_matchers()
    {
        var matchers = PromQl.Matchers(LabelSelector.Parse("queue=orders,tier in (a.b,c),env notin (dev),!canary,zone,x!=y"), out var error);

        Assert.Null(error);
        Assert.Equal(
            new[] { "queue=\"orders\"", "tier=~\"a\\\\.b|c\"", "env!~\"dev\"", "canary=\"\"", "zone!=\"\"", "x!=\"y\"" }.Order(StringComparer.Ordinal),
            matchers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Values_are_quoted_so_they_cannot_break_out_of_the_matcher()
    {
        Assert.Equal("q=\"a\\\"}or vector(1)\"", PromQl.Equal("q", "a\"}or vector(1)"));
    }

    [Theory]
    [InlineData("app.kubernetes.io/name=web")]
    [InlineData("replicas>3")]
    public void What_promql_cannot_express_is_an_error(string selector)
    {
        PromQl.Matchers(LabelSelector.Parse(selector), out var error);
        Assert.NotNull(error);
    }
}
