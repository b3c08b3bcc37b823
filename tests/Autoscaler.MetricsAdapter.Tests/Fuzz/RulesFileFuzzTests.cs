using Autoscaler.Fuzzing;
using Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;
using Autoscaler.MetricsAdapter.Tests.Sources.Prometheus;
using Xunit.Abstractions;

namespace Autoscaler.MetricsAdapter.Tests.Fuzz;

/// <summary>
/// Hostile prometheus-adapter rule files (issue #15), seeded: every mutation loads or is refused with
/// <see cref="RulesFileException"/> listing where; every rule that loads then matches hostile series names and labels
/// (long runs made for catastrophic backtracking) and renders its query without throwing.
/// </summary>
public sealed class RulesFileFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Tokens =
    [
        "seriesQuery: ", "metricsQuery: ", "seriesFilters:", "- is: ", "- isNot: ", "matches: ", "as: ", "template: ", "overrides:", "resource: ", "namespaced: ",
        "<<.Series>>", "<<.LabelMatchers>>", "<<.GroupBy>>", "<<.GroupBySlice>>", "<<.Resource>>", "<<.Group>>", "<<- .Series ->>", "<<.Nope>>", "<<", "{{.Series}}",
        "(a+)+$", "(a|a)*$", "(x+x+)+y", "(.*a){20}", "^(([a-z])+.)+[A-Z]([a-z])+$", "(?P<name>.*)", "(?<=a)b", "\\1", "(?i)", "[^]", "a{2,1}", "${1}", "$2", "$name",
        "resourceRules:", "externalRules:", "rules:",
    ];

    private static readonly string[] SeriesNames =
    [
        "container_memory_working_set_bytes", "http_requests_total", "queue_length", "kafka_consumergroup_lag", "",
        new string('a', 5_000) + "!", new string('x', 3_000) + "z", string.Concat(Enumerable.Repeat("ab", 2_000)) + "\u0000", "kube_apps_deployment_" + new string('_', 2_000) + "1",
    ];

    [Fact]
    public void Seed_0x150701_3000_hostile_rule_files_load_or_are_refused_with_RulesFileException_and_loaded_rules_never_throw()
    {
        var mutator = new SeededMutator(0x15_0701, [RuleExamples.Typical], Tokens);
        var (accepted, refused) = FuzzRun.Cases(mutator, 3_000, text =>
        {
            foreach (var rule in RulesLoader.Load(text, "rules.yaml"))
            {
                Exercise(rule);
            }
        }, e => e is RulesFileException { Errors.Count: > 0 } r && r.Errors.All(x => x.StartsWith("rules.yaml", StringComparison.Ordinal)), output, "rules file");
        Assert.True(accepted > 30 && refused > 300, $"{accepted} accepted, {refused} refused");
    }

    internal static void Exercise(MetricRule rule)
    {
        foreach (var name in SeriesNames)
        {
            rule.Keeps(name);
            rule.MetricNameFor(name);
            rule.Resources.ResourceFor(name);
        }

        rule.Resources.LabelFor(new("apps", "deployments"));
        var values = RuleCompiler.QueryFields.ToDictionary(f => f, f => f == "LabelMatchers" ? string.Empty : "x", StringComparer.Ordinal);
        rule.MetricsQuery.Render(values, RuleCompiler.ListFields);
    }
}
