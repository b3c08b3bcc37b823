using Autoscaler.Core.Labels;
using FsCheck;
using FsCheck.Fluent;

namespace Autoscaler.Core.Tests.Labels;

public sealed class LabelSelectorMatchTests
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["app"] = "web",
        ["tier"] = "backend",
        ["empty"] = string.Empty,
        ["replicas"] = "5",
        ["version"] = "v2",
    };

    [Theory]
    [InlineData("", true)]
    [InlineData("app=web", true)]
    [InlineData("app==web", true)]
    [InlineData("app=api", false)]
    [InlineData("missing=x", false)]
    [InlineData("app!=api", true)]
    [InlineData("app!=web", false)]
    [InlineData("missing!=x", true)]
    [InlineData("tier in (frontend,backend)", true)]
    [InlineData("tier in (frontend)", false)]
    [InlineData("missing in (x)", false)]
    [InlineData("tier notin (frontend)", true)]
    [InlineData("tier notin (backend)", false)]
    [InlineData("missing notin (x)", true)]
    [InlineData("empty", true)]
    [InlineData("empty=", true)]
    [InlineData("empty in ()", true)]
    [InlineData("app=", false)]
    [InlineData("missing", false)]
    [InlineData("!missing", true)]
    [InlineData("!app", false)]
    [InlineData("replicas>4", true)]
    [InlineData("replicas>5", false)]
    [InlineData("replicas<6", true)]
    [InlineData("missing>1", false)]
    [InlineData("version>1", false)]
    [InlineData("app=web,tier=backend", true)]
    [InlineData("app=web,tier=frontend", false)]
    public void MatchesLikeApimachinery(string selector, bool expected) =>
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(Labels));

    [Fact]
    public void MatchLabelsFormEqualsParsedForm()
    {
        var fromMap = LabelSelector.FromMatchLabels(new Dictionary<string, string> { ["tier"] = "backend", ["app"] = "web" });
        Assert.Equal("app=web,tier=backend", fromMap.ToString());
        Assert.True(fromMap.Matches(Labels));
    }

    [Fact]
    public void NotInIsTheComplementOfInForAnyLabelSet() =>
        Prop.ForAll(Gen.Elements("a", "b", "c", "d").ToArbitrary(), ArbMap.Default.ArbFor<bool>(), Gen.SubListOf("a", "b", "c").ToArbitrary(), (value, present, set) =>
        {
            var values = set.Count == 0 ? "a" : string.Join(',', set);
            var labels = present ? new Dictionary<string, string> { ["k"] = value } : [];
            var inSel = LabelSelector.Parse($"k in ({values})");
            var notInSel = LabelSelector.Parse($"k notin ({values})");
            return inSel.Matches(labels) != notInSel.Matches(labels);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void CanonicalStringReparsesToTheSameSelector() =>
        Prop.ForAll(Gen.SubListOf("a=1", "!b", "c", "d!=x", "e in (p,q)", "f notin (r)", "g>3").ToArbitrary(), parts =>
        {
            var shuffled = parts.AsEnumerable().Reverse().ToArray();
            var selector = LabelSelector.Parse(string.Join(" , ", shuffled));
            var again = LabelSelector.Parse(selector.ToString());
            return again.ToString() == selector.ToString() && selector.Requirements.Count == parts.Count;
        }).QuickCheckThrowOnFailure();
}
