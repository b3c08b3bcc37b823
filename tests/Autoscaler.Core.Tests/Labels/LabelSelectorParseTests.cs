using Autoscaler.Core.Labels;

namespace Autoscaler.Core.Tests.Labels;

public sealed class LabelSelectorParseTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("x=a", "x=a")]
    [InlineData("x==a", "x==a")]
    [InlineData("x!=a", "x!=a")]
    [InlineData("x", "x")]
    [InlineData("!x", "!x")]
    [InlineData(" ! x ", "!x")]
    [InlineData("x=", "x=")]
    [InlineData("x>1", "x>1")]
    [InlineData("x<10", "x<10")]
    [InlineData("x==", "x==")]
    [InlineData("x in (b,a)", "x in (a,b)")]
    [InlineData("x in (a,a,b)", "x in (a,b)")]
    [InlineData("x notin (a)", "x notin (a)")]
    [InlineData("x in ()", "x in ()")]
    [InlineData("x in (a,,b)", "x in (,a,b)")]
    [InlineData("x in (,a)", "x in (,a)")]
    [InlineData("x in (a,)", "x in (,a)")]
    [InlineData("x\tin\n(a)", "x in (a)")]
    [InlineData("tier in (frontend,backend),app=web,!canary", "app=web,!canary,tier in (backend,frontend)")]
    [InlineData("example.com/team=a", "example.com/team=a")]
    [InlineData("x=in", "x=in")]
    [InlineData("in=x", "in=x")]
    [InlineData("x in (in,notin)", "x in (in,notin)")]
    [InlineData("a.b-c_d=E.f-G_h", "a.b-c_d=E.f-G_h")]
    public void ParsesAndPrintsCanonically(string input, string canonical)
    {
        var selector = LabelSelector.Parse(input);
        Assert.Equal(canonical, selector.ToString());
        Assert.Equal(canonical, LabelSelector.Parse(canonical).ToString());
    }

    [Theory]
    [InlineData("x=a,", "identifier after ','")]
    [InlineData(",x=a", "expected: !, identifier")]
    [InlineData("x in a", "expected: '('")]
    [InlineData("x in (a", "expected: ',' or ')'")]
    [InlineData("x in (a b)", "expected: ',' or ')'")]
    [InlineData("x=a=b", "expected: ',' or 'end of string'")]
    [InlineData("x a", "expected: in, notin")]
    [InlineData("!x=a", "expected: ',' or 'end of string'")]
    [InlineData("!", "expected: identifier")]
    [InlineData("x>a", "must be an integer")]
    [InlineData("x>", "must be an integer")]
    [InlineData("-x=a", "<nil>: Invalid value: \"-x\": name part must consist of")]
    [InlineData("x=-a", "values[0][x]: Invalid value: \"-a\": a valid label must be")]
    [InlineData("Example.com/x=a", "prefix part")]
    [InlineData("/x=a", "prefix part must be non-empty")]
    [InlineData("a/=b", "name part must be non-empty")]
    [InlineData("x<-1", "values[0][x]: Invalid value: \"-1\": a valid label must be")]
    [InlineData("x=(a)", "expected: identifier")]
    [InlineData("(x)", "expected: !, identifier")]
    [InlineData("x in (a,(b))", "found '(', expected: ',', or identifier")]
    [InlineData("x in ((b))", "found '(', expected: ',', ')' or identifier")]
    [InlineData("x notin", "expected: '('")]
    public void RejectsInvalidSelectorsWithAReason(string input, string reason)
    {
        var e = Assert.Throws<LabelSelectorException>(() => LabelSelector.Parse(input));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.False(LabelSelector.TryParse(input, out _, out var error));
        Assert.Equal(e.Message, error);
    }

    // Exact texts of k8s.io/apimachinery's labels.Parse (the parser and validation wording, field.Invalid formatting).
    [Theory]
    [InlineData("app:monolith", "unable to parse requirement: <nil>: Invalid value: \"app:monolith\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')")]
    [InlineData("app=demo-{nginx}", "unable to parse requirement: values[0][app]: Invalid value: \"demo-{nginx}\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")]
    [InlineData("environment>qa", "unable to parse requirement: values[0]: Invalid value: \"qa\": for 'Gt', 'Lt' operators, the value must be an integer")]
    [InlineData("a/b/c=d", "unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')")]
    [InlineData("app.kubernetes_io/name=x", "unable to parse requirement: <nil>: Invalid value: \"app.kubernetes_io/name\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")]
    [InlineData("x=a,", "found '', expected: identifier after ','")]
    [InlineData("x=a=b", "found '=', expected: ',' or 'end of string'")]
    [InlineData(",x=a", "found ',', expected: !, identifier, or 'end of string'")]
    [InlineData("x a", "unable to parse requirement: found 'a', expected: in, notin, =, ==, !=, gt, lt")]
    [InlineData("x in (a", "unable to parse requirement: found '', expected: ',' or ')'")]
    [InlineData("x in (a,", "unable to parse requirement: found '', expected: ',', or identifier")]
    public void ErrorsUseApimachineryWording(string input, string message)
    {
        var e = Assert.Throws<LabelSelectorException>(() => LabelSelector.Parse(input));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void SeveralRequirementErrorsAreAggregatedLikeApimachinery()
    {
        var e = Assert.Throws<LabelSelectorException>(() => LabelRequirement.Create("x", SelectorOperator.In, ["-a", "b-"]));

        Assert.StartsWith("[values[0][x]: Invalid value: \"-a\": a valid label must be", e.Message, StringComparison.Ordinal);
        Assert.Contains(", values[1][x]: Invalid value: \"b-\": a valid label must be", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("]", e.Message, StringComparison.Ordinal);
        Assert.Equal(
            "values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty",
            Assert.Throws<LabelSelectorException>(() => LabelRequirement.Create("x", SelectorOperator.In, [])).Message);
    }

    [Fact]
    public void RejectsOverlongKeysAndValues()
    {
        var longName = new string('a', 64);
        Assert.Throws<LabelSelectorException>(() => LabelSelector.Parse($"{longName}=x"));
        Assert.Throws<LabelSelectorException>(() => LabelSelector.Parse($"x={longName}"));
        Assert.Throws<LabelSelectorException>(() => LabelSelector.Parse($"{new string('a', 254)}/x=y"));
        Assert.Equal($"x={new string('a', 63)}", LabelSelector.Parse($"x={new string('a', 63)}").ToString());
    }

    [Fact]
    public void ExposesStructuredRequirements()
    {
        var selector = LabelSelector.Parse("tier notin (b,a),app");
        Assert.Collection(
            selector.Requirements,
            r =>
            {
                Assert.Equal("app", r.Key);
                Assert.Equal(SelectorOperator.Exists, r.Operator);
                Assert.Empty(r.Values);
            },
            r =>
            {
                Assert.Equal("tier", r.Key);
                Assert.Equal(SelectorOperator.NotIn, r.Operator);
                Assert.Equal(["a", "b"], r.Values);
            });
    }

    [Fact]
    public void RequirementFactoryValidatesValueCounts()
    {
        Assert.Throws<LabelSelectorException>(() => LabelRequirement.Create("x", SelectorOperator.In, []));
        Assert.Throws<LabelSelectorException>(() => LabelRequirement.Create("x", SelectorOperator.Equals, ["a", "b"]));
        Assert.Throws<LabelSelectorException>(() => LabelRequirement.Create("x", SelectorOperator.Exists, ["a"]));
        Assert.Throws<LabelSelectorException>(() => LabelRequirement.Create("x", SelectorOperator.GreaterThan, ["1", "2"]));
    }
}
