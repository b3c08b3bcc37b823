using Autoscaler.Shared.Yaml;
using Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;

namespace Autoscaler.MetricsAdapter.Tests.Sources.Prometheus;

/// <summary>
/// Rule files the fuzzer (issue #15) found breaking the adapter, and the rest of each class: catastrophic-backtracking
/// patterns and templates (RegexMatchTimeoutException out of discovery), deep nesting (a stack overflow in the YAML
/// deserializer) and YamlDotNet's InvalidOperationException on a malformed flow mapping, now linear-time matches or
/// <see cref="RulesFileException"/> naming the file, line and rule.
/// </summary>
public sealed class RulesFileHostileRegressionTests
{
    private static string External(string matches, string template = "") => $$"""
        externalRules:
        - seriesQuery: '{__name__=~"^queue_.*"}'
          resources: { namespaced: false{{(template.Length > 0 ? ", template: \"" + template + "\"" : string.Empty)}} }
          name: { matches: '{{matches}}' }
          metricsQuery: sum(<<.Series>>{<<.LabelMatchers>>})
        """;

    [Theory]
    [InlineData("^(a+)+$")]
    [InlineData("^(a|a)*$")]
    [InlineData("^(.*a){20}$")]
    public void A_catastrophic_pattern_matches_a_long_hostile_series_name_in_linear_time(string matches)
    {
        var rule = Assert.Single(RulesLoader.Load(External(matches), "rules.yaml"));
        Assert.Null(rule.MetricNameFor(new string('a', 50_000) + "!"));
        Assert.NotNull(rule.MetricNameFor(new string('a', 20)));
    }

    [Fact]
    public void A_template_repeating_its_group_field_matches_a_long_label_in_linear_time()
    {
        var rule = Assert.Single(RulesLoader.Load(External("^(.*)$", string.Concat(Enumerable.Repeat("<<.Group>>_", 12)) + "<<.Resource>>"), "rules.yaml"));
        Assert.Null(rule.Resources.ResourceFor(new string('_', 20_000) + "1"));
    }

    [Theory]
    [InlineData("(a)\\1", "invalid regular expression")] // a backreference: RE2 refuses it too
    [InlineData("(?<=a)b", "invalid regular expression")] // a lookbehind: likewise
    public void Patterns_RE2_cannot_run_are_refused_at_load_with_the_rule_field(string matches, string message)
    {
        var e = Assert.Throws<RulesFileException>(() => RulesLoader.Load(External(matches), "rules.yaml"));
        Assert.Contains("rules.yaml: externalRules[0].name.matches: " + message, Assert.Single(e.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_as_replacement_that_does_not_parse_is_refused_at_load_not_at_discovery()
    {
        // Seed 0x150701, case 65: "as: ${99999999999999999999999999999}_per_second" threw RegexParseException from MetricNameFor.
        var yaml = External("^(.*)$").Replace("name: { matches: '^(.*)$' }", "name: { matches: '^(.*)$', as: '${99999999999999999999999999999}_per_second' }", StringComparison.Ordinal);
        var e = Assert.Throws<RulesFileException>(() => RulesLoader.Load(yaml, "rules.yaml"));
        Assert.Contains("rules.yaml: externalRules[0].name.as: invalid replacement '${99999999999999999999999999999}_per_second'", Assert.Single(e.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_longer_than_the_limit_is_refused()
    {
        var e = Assert.Throws<RulesFileException>(() => RulesLoader.Load(External(new string('a', RuleCompiler.MaxPatternLength + 1)), "rules.yaml"));
        Assert.Contains($"at most {RuleCompiler.MaxPatternLength}", Assert.Single(e.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[", "]", 100_000)]
    [InlineData("{a: ", "}", 30_000)]
    public void Deep_nesting_is_refused_with_the_line_not_a_stack_overflow(string open, string close, int depth)
    {
        var yaml = "resourceRules: " + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)) + "\n" + RuleExamples.Typical;
        var e = Assert.Throws<RulesFileException>(() => RulesLoader.Load(yaml, "rules.yaml"));
        Assert.Contains($"rules.yaml:1:", Assert.Single(e.Errors), StringComparison.Ordinal);
        Assert.Contains($"nested more than {DepthLimitedParser.MaxDepth} levels deep", e.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_flow_mapping_before_block_lines_is_a_rules_file_error()
    {
        const string yaml = "externalRules:\n- seriesQuery: x\n  resources: { namespaced: { a: false }\n  metricsQuery: sum(<<.Series>>)\n";
        var e = Assert.Throws<RulesFileException>(() => RulesLoader.Load(yaml, "rules.yaml"));
        Assert.StartsWith("rules.yaml:", Assert.Single(e.Errors), StringComparison.Ordinal);
    }
}
