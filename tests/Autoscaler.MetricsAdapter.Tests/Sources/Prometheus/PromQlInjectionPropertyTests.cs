using Autoscaler.Core.Labels;
using Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace Autoscaler.MetricsAdapter.Tests.Sources.Prometheus;

/// <summary>
/// Issue #15 (label values reach PromQL): no label value can change what a rendered matcher means. For every
/// operator and hostile values (quotes, backslashes, <c>"}</c>, newlines, regex metacharacters, unicode, empty), the
/// rendered matchers, read back the way Prometheus reads them, select exactly the series the Kubernetes selector
/// semantics select. Fixed seed, so CI runs the same cases.
/// </summary>
public sealed class PromQlInjectionPropertyTests
{
    private static readonly Config Seeded = Config.QuickThrowOnFailure
        .WithMaxTest(2000)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(0x5eed_1415UL, 0x9E37_79B9_7F4A_7C15UL), FSharpOption<int>.None)));

    private static readonly string[] Pieces =
    [
        "\"", "\\", "\"}", "}", "{", "\n", "\r", "\t", "\0", ".*", ".+", "|", "(", ")", "[", "]", "^", "$", "?", "+", "*", "=~", "!=", ",",
        "'", "`", "é", "日本", "😀", "\u2028", "\ufffd", "\u007f", "a", "b", "orders", " ", "\\n", "\\\"",
    ];

    private static readonly string[] Keys = ["queue", "app", "tier"];

    private static readonly SelectorOperator[] Operators =
    [
        SelectorOperator.Equals, SelectorOperator.DoubleEquals, SelectorOperator.NotEquals, SelectorOperator.In,
        SelectorOperator.NotIn, SelectorOperator.Exists, SelectorOperator.DoesNotExist,
    ];

    private static Gen<string> Value =>
        Gen.OneOf(
            Gen.Elements(Pieces).ListOf().Select(parts => string.Concat(parts.Take(5))),
            ArbMap.Default.ArbFor<string>().Generator.Where(s => s is not null),
            Gen.Constant(string.Empty));

    [Fact]
    public void Every_operator_means_the_same_on_prometheus_series_whatever_the_values()
    {
        var cases =
            from key in Gen.Elements(Keys)
            from op in Gen.Elements(Operators)
            from values in Value.ListOf().Select(l => l.Take(3).ToArray())
            from other in Value
            from present in Gen.Elements(true, false)
            from pick in Gen.Choose(0, 3)
            select (key, op, values, other, present, pick);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var values = c.op switch
            {
                SelectorOperator.Exists or SelectorOperator.DoesNotExist => [],
                SelectorOperator.In or SelectorOperator.NotIn => c.values.Length == 0 ? [c.other] : c.values,
                _ => [c.values.FirstOrDefault() ?? c.other],
            };

            var rendered = PromQl.Matcher(c.key, c.op, values, out var error);
            if (rendered is null)
            {
                // The only refusal for a valid key: a value no Prometheus label can hold.
                Assert.Contains(values, v => !IsValidUnicode(v));
                return;
            }

            var matchers = PromQlMatcherInterpreter.Parse(string.Join(',', rendered));
            Assert.All(matchers, m => Assert.Equal(c.key, m.Label));

            // A Prometheus series: the key absent, or holding one of the values (or another), never empty.
            var candidates = values.Append(c.other).Where(v => v.Length > 0 && IsValidUnicode(v)).ToArray();
            var labels = new Dictionary<string, string> { ["job"] = "x" };
            if (c.present && candidates.Length > 0)
            {
                labels[c.key] = candidates[c.pick % candidates.Length];
            }

            Assert.Equal(KubernetesMeaning(c.key, c.op, values, labels), PromQlMatcherInterpreter.Selects(matchers, labels));
        }).Check(Seeded);
    }

    [Fact]
    public void Whole_selectors_keep_their_meaning_requirement_by_requirement()
    {
        var valid = Gen.Elements("", "a", "b", "orders", "a.b", "x-y", "A_1");
        var selectors =
            from parts in Gen.Elements(
                "queue=a", "queue==b", "queue!=a", "queue=", "queue!=", "queue in (a,b)", "queue in (a,)", "queue notin (a)", "queue notin (,)",
                "app", "!app", "app in (orders,x-y)", "tier notin (a.b,A_1)", "tier=A_1").ListOf().Select(l => l.Take(3).ToArray())
            from queue in valid
            from app in valid
            from tier in valid
            select (selector: string.Join(',', parts.DistinctBy(p => p.TrimStart('!').Split(' ', '=', '!')[0])), queue, app, tier);

        Prop.ForAll(selectors.ToArbitrary(), c =>
        {
            var selector = LabelSelector.Parse(c.selector);
            var labels = new Dictionary<string, string>();
            foreach (var (k, v) in new[] { ("queue", c.queue), ("app", c.app), ("tier", c.tier) })
            {
                if (v.Length > 0)
                {
                    labels[k] = v; // Prometheus drops empty labels: absent and empty are one
                }
            }

            var matchers = PromQlMatcherInterpreter.Parse(string.Join(',', PromQl.Matchers(selector, out var error)));
            Assert.Null(error);
            Assert.Equal(selector.Matches(labels), PromQlMatcherInterpreter.Selects(matchers, labels));
        }).Check(Seeded);
    }

    [Theory]
    [InlineData("\"}")]
    [InlineData("a\"} or vector(1) #")]
    [InlineData("x\\")]
    [InlineData("line\nbreak")]
    [InlineData(".*")]
    [InlineData("a|b")]
    [InlineData("日本😀")]
    [InlineData("\ufffd")]
    public void Hostile_values_are_literal_for_every_operator(string value)
    {
        foreach (var op in Operators.Where(o => o is not (SelectorOperator.Exists or SelectorOperator.DoesNotExist)))
        {
            var matchers = PromQlMatcherInterpreter.Parse(string.Join(',', PromQl.Matcher("queue", op, [value], out _)!));
            var holds = new Dictionary<string, string> { ["queue"] = value };
            var differs = new Dictionary<string, string> { ["queue"] = value + "x" };
            var absent = new Dictionary<string, string>();
            foreach (var labels in new[] { holds, differs, absent })
            {
                Assert.Equal(KubernetesMeaning("queue", op, [value], labels), PromQlMatcherInterpreter.Selects(matchers, labels));
            }
        }
    }

    [Fact]
    public void Empty_values_translate_to_prometheus_where_absent_and_empty_are_one()
    {
        Assert.Equal(["queue!=\"\"", "queue=\"\""], PromQl.Matcher("queue", SelectorOperator.Equals, [""], out _));
        Assert.Empty(PromQl.Matcher("queue", SelectorOperator.NotEquals, [""], out _)!);
        Assert.Equal(["queue=~\"a\""], PromQl.Matcher("queue", SelectorOperator.In, ["", "a"], out _));
        Assert.Equal(["queue!~\"a\""], PromQl.Matcher("queue", SelectorOperator.NotIn, ["", "a"], out _));
        Assert.Null(PromQl.Matcher("queue", SelectorOperator.Equals, ["\ud800"], out var error));
        Assert.Contains("not valid Unicode", error, StringComparison.Ordinal);
    }

    private static bool KubernetesMeaning(string key, SelectorOperator op, IReadOnlyList<string> values, IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(key, out var actual);
        return op switch
        {
            SelectorOperator.Equals or SelectorOperator.DoubleEquals or SelectorOperator.In => has && values.Contains(actual!),
            SelectorOperator.NotEquals or SelectorOperator.NotIn => !has || !values.Contains(actual!),
            SelectorOperator.Exists => has,
            _ => !has,
        };
    }

    private static bool IsValidUnicode(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
