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
    [InlineData("-x=a", "invalid label key")]
    [InlineData("x=-a", "invalid label value")]
    [InlineData("Example.com/x=a", "prefix part")]
    [InlineData("/x=a", "prefix part must be non-empty")]
    [InlineData("a/=b", "name part must be non-empty")]
    [InlineData("x<-1", "invalid label value")]
    [InlineData("x=(a)", "expected: identifier")]
    [InlineData("(x)", "expected: !, identifier")]
    [InlineData("x in (a,(b))", "expected: ',', ')' or identifier")]
    [InlineData("x notin", "expected: '('")]
    public void RejectsInvalidSelectorsWithAReason(string input, string reason)
    {
        var e = Assert.Throws<LabelSelectorException>(() => LabelSelector.Parse(input));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.False(LabelSelector.TryParse(input, out _, out var error));
        Assert.Equal(e.Message, error);
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
