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

    [Theory]
    [InlineData("sum(<<.Series>>{<<.LabelMatchers>>, queue=~\"my_queue_.*\"}) by (<<.GroupBy>>)", "sum(q{queue=~\"my_queue_.*\"}) by ()")]
    [InlineData("sum(<<.Series>>{queue=~\"a.*\", <<.LabelMatchers>>}) by (<<.GroupBy>>)", "sum(q{queue=~\"a.*\"}) by ()")]
    [InlineData("sum(<<.Series>>{queue=~\"a.*\",<<.LabelMatchers>>,job=\"x\"})", "sum(q{queue=~\"a.*\",job=\"x\"})")]
    [InlineData("sum(<<.Series>>{ <<.LabelMatchers>> , job=\"x\" })", "sum(q{ job=\"x\" })")]
    [InlineData("sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>, instance)", "sum(q{}) by (instance)")]
    [InlineData("sum(<<.Series>>{<<.LabelMatchers>>}) by (instance, <<.GroupBy>>)", "sum(q{}) by (instance)")]
    [InlineData("max(<<.Series>>{<<.LabelMatchers>>})", "max(q{})")]
    public void Empty_list_fields_take_an_adjacent_comma_with_them(string source, string expected)
    {
        var empty = new Dictionary<string, string> { ["Series"] = "q", ["LabelMatchers"] = "", ["GroupBy"] = "", ["GroupBySlice"] = "[]" };

        Assert.Equal(expected, Compile(source).Render(empty, RuleCompiler.ListFields));
    }

    [Fact]
    public void Non_empty_list_fields_render_unchanged()
    {
        Assert.Equal(
            "sum(http_requests_total{namespace=\"shop\",pod=~\"a|b\", queue=~\"q.*\"}) by (pod, instance)",
            Compile("sum(<<.Series>>{<<.LabelMatchers>>, queue=~\"q.*\"}) by (<<.GroupBy>>, instance)").Render(Values, RuleCompiler.ListFields));
    }

    private static QueryTemplate Compile(string source) =>
        QueryTemplate.Compile(source, RuleCompiler.QueryFields, out var error) ?? throw new InvalidOperationException(error);
}
