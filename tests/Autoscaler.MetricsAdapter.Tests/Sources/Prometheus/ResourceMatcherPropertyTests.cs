using Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace Autoscaler.MetricsAdapter.Tests.Sources.Prometheus;

/// <summary>
/// Issue #14: the names of the objects a label selector picked become the rule's resource matcher
/// (<c>pod=~"web-1|web-2"</c>, as prometheus-adapter does). Whatever the names hold (DNS-subdomain dots and dashes,
/// or regex metacharacters and quotes), the matcher, read back the way Prometheus reads it, selects exactly the
/// series of those objects. Fixed seed, so CI runs the same cases.
/// </summary>
public sealed class ResourceMatcherPropertyTests
{
    private static readonly Config Seeded = Config.QuickThrowOnFailure
        .WithMaxTest(1000)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(0x0014_0d5UL, 0x9E37_79B9_7F4A_7C15UL), FSharpOption<int>.None)));

    private static readonly string[] Pieces = ["web", "-", ".", "1", "a", "0", "x", "|", "*", "(", ")", "[", "]", "\\", "\"", "^", "$", "+", "?", "{", "}"];

    private static Gen<string> Name => Gen.Elements(Pieces).ListOf().Select(p => string.Concat(p.Take(6))).Where(n => n.Length > 0);

    [Fact]
    public void The_resource_matcher_selects_exactly_the_listed_objects()
    {
        var cases =
            from listed in Name.ListOf().Select(l => l.Take(5).Distinct(StringComparer.Ordinal).ToArray()).Where(l => l.Length > 0)
            from other in Name
            select (listed, other);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var matchers = PromQlMatcherInterpreter.Parse(PromQl.OneOf("pod", c.listed));

            foreach (var name in c.listed.Append(c.other).Append(c.listed[0] + "x").Append(string.Concat(c.listed)))
            {
                Assert.Equal(c.listed.Contains(name), PromQlMatcherInterpreter.Selects(matchers, new Dictionary<string, string> { ["pod"] = name }));
            }
        }).Check(Seeded);
    }

    [Fact]
    public void Examples_are_spelled_like_prometheus_adapter()
    {
        Assert.Equal("pod=\"web-1\"", PromQl.OneOf("pod", ["web-1"]));
        Assert.Equal("pod=~\"web-1|web-2\"", PromQl.OneOf("pod", ["web-1", "web-2"]));
        Assert.Equal("pod=~\"web\\\\.1|web-2\"", PromQl.OneOf("pod", ["web.1", "web-2"]));
    }
}
