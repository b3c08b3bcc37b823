using Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;

namespace Autoscaler.MetricsAdapter.Tests.Sources.Prometheus;

public sealed class QueryTemplateTests
{
    private static readonly Dictionary<string, string> Values = new()
    {
        ["Series"] = "http_requests_total",
        ["LabelMatchers"] = "namespace=\"shop\",pod=~\"a|b\"",
        ["GroupBy"] = "pod",
        ["GroupBySlice"] = "[pod]",
    };

    [Fact]
    public void Renders_every_supported_field()
    {
        var template = Compile("sum(rate(<<.Series>>{<<.LabelMatchers>>}[2m])) by (<<.GroupBy>>) # <<.GroupBySlice>>");
        Assert.Equal("sum(rate(http_requests_total{namespace=\"shop\",pod=~\"a|b\"}[2m])) by (pod) # [pod]", template.Render(Values));
    }

    [Fact]
    public void Spaces_inside_actions_and_trim_markers_are_understood()
    {
        Assert.Equal("sum(http_requests_total)", Compile("sum( <<- .Series ->> )").Render(Values));
        Assert.Equal("http_requests_total", Compile("<< .Series >>").Render(Values));
    }

    [Theory]
    [InlineData("<<.Nope>>")]
    [InlineData("<<range .GroupBySlice>>x<<end>>")]
    [InlineData("sum(<<.Series)")]
    public void Unsupported_or_broken_actions_are_refused(string source)
    {
        Assert.Null(QueryTemplate.Compile(source, RuleCompiler.QueryFields, out var error));
        Assert.NotNull(error);
    }

    private static QueryTemplate Compile(string source) =>
        QueryTemplate.Compile(source, RuleCompiler.QueryFields, out var error) ?? throw new InvalidOperationException(error);
}
