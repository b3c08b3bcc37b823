using Autoscaler.MetricsAdapter.Sources.Push.History;

namespace Autoscaler.MetricsAdapter.Tests.Sources.Push.History;

public sealed class SeriesSelectorTests
{
    [Theory]
    [InlineData("queue_length", "queue_length", "")]
    [InlineData(" queue_length { queue = \"orders\" , zone='eu-1', } ", "queue_length", "queue=orders,zone=eu-1")]
    [InlineData("{__name__=\"ns:rate:sum\",job=`a\\b`}", "ns:rate:sum", "job=a\\b")]
    [InlineData("q{v=\"a\\\"b\\\\c\"}", "q", "v=a\"b\\c")]
    public void Exact_match_selectors_are_parsed(string text, string name, string labels)
    {
        var parsed = SeriesSelector.TryParse(text, out var error);

        Assert.True(parsed.HasValue, error);
        Assert.Equal(name, parsed.Value.Name);
        Assert.Equal(labels, string.Join(',', parsed.Value.Labels.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")));
    }

    [Theory]
    [InlineData("q{a=~\"x.*\"}", "unsupported: label matcher 'a=~'")]
    [InlineData("q{a!=\"x\"}", "unsupported: label matcher 'a!='")]
    [InlineData("q{a!~\"x\"}", "unsupported: label matcher 'a!~'")]
    [InlineData("sum(q)", "unsupported: function or aggregation 'sum(...)'")]
    [InlineData("rate(q[5m])", "unsupported: function or aggregation 'rate(...)'")]
    [InlineData("q[5m]", "unsupported: range selector")]
    [InlineData("q offset 5m", "unsupported: 'offset' modifier")]
    [InlineData("q @ 1700000000", "unsupported: '@' modifier")]
    [InlineData("q * 60", "unsupported: binary operator")]
    [InlineData("42", "unsupported: literal or expression")]
    [InlineData("q{a=\"x\"", "parse error: unclosed '{'")]
    [InlineData("q{a=\"x\",a=\"y\"}", "parse error: label 'a' is matched twice")]
    [InlineData("q{a=x}", "parse error: expected a quoted label value")]
    [InlineData("{a=\"x\"}", "parse error: a metric name is required")]
    [InlineData("q{a=\"x", "parse error: unterminated label value")]
    [InlineData("", "the query is empty")]
    public void Anything_else_is_refused_naming_what_is_unsupported(string text, string message)
    {
        Assert.Null(SeriesSelector.TryParse(text, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
