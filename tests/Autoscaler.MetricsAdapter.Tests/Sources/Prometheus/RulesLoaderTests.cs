using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;

namespace Autoscaler.MetricsAdapter.Tests.Sources.Prometheus;

public sealed class RulesLoaderTests
{
    [Fact]
    public void A_typical_prometheus_adapter_file_loads_unchanged()
    {
        var rules = RulesLoader.Load(RuleExamples.Typical, "adapter.yaml");

        Assert.Equal(4, rules.Count);
        Assert.Equal([false, false, true, true], rules.Select(r => r.IsExternal));
        Assert.True(rules[2].Namespaced);
        Assert.False(rules[3].Namespaced);
    }

    [Fact]
    public void Series_filters_and_naming_follow_prometheus_adapter()
    {
        var container = RulesLoader.Load(RuleExamples.Typical, "adapter.yaml")[0];

        Assert.False(container.Keeps("container_cpu_usage_seconds_total"));
        Assert.True(container.Keeps("container_memory_working_set_bytes"));
        Assert.Equal("memory_working_set_bytes_per_pod", container.MetricNameFor("container_memory_working_set_bytes"));
        Assert.Null(container.MetricNameFor("container_network_packets"));
    }

    [Fact]
    public void Default_name_is_the_single_capture_group_or_the_whole_name()
    {
        var rules = RulesLoader.Load(RuleExamples.Typical, "adapter.yaml");

        Assert.Equal("consumergroup_lag", rules[3].MetricNameFor("kafka_consumergroup_lag"));
        Assert.Equal("queue_length", rules[2].MetricNameFor("queue_length"));
    }

    [Fact]
    public void Overrides_and_templates_map_labels_to_resources_both_ways()
    {
        var http = RulesLoader.Load(RuleExamples.Typical, "adapter.yaml")[1];

        Assert.Equal(new GroupResource("", "pods"), http.Resources.ResourceFor("kubernetes_pod_name"));
        Assert.Equal(new GroupResource("", "namespaces"), http.Resources.ResourceFor("kubernetes_namespace"));
        Assert.Null(http.Resources.ResourceFor("kubernetes_build"));
        Assert.Null(http.Resources.ResourceFor("instance"));
        Assert.Equal("kubernetes_namespace", http.Resources.LabelFor(new GroupResource("", "namespaces")));
        Assert.Equal("kubernetes_pod_name", http.Resources.LabelFor(new GroupResource("", "pods")));
    }

    [Fact]
    public void Group_templates_resolve_known_groups()
    {
        const string yaml = """
            rules:
            - seriesQuery: 'jobs_pending'
              resources: {template: "kube_<<.Group>>_<<.Resource>>"}
              metricsQuery: sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)
            """;
        var rule = RulesLoader.Load(yaml, "t.yaml").Single();

        Assert.Equal(new GroupResource("apps", "deployments"), rule.Resources.ResourceFor("kube_apps_deployment"));
        Assert.Null(rule.Resources.ResourceFor("kube_batch_deployment"));
        Assert.Equal("kube_apps_deployment", rule.Resources.LabelFor(new GroupResource("apps", "deployments")));
    }

    [Fact]
    public void Go_named_groups_are_accepted()
    {
        const string yaml = """
            externalRules:
            - seriesQuery: '{__name__=~"^app_.*"}'
              name: {matches: "^app_(?P<rest>.*)$", as: "${rest}"}
              metricsQuery: sum(<<.Series>>{<<.LabelMatchers>>})
            """;
        Assert.Equal("queue", RulesLoader.Load(yaml, "t.yaml").Single().MetricNameFor("app_queue"));
    }

    [Fact]
    public void Every_problem_is_reported_with_its_location()
    {
        const string yaml = """
            rules:
            - seriesQuery: ''
              seriesFilters: [{is: "(", isNot: "x"}]
              metricsQuery: sum(<<.Series>>) <<index .LabelValuesByName "pod">>
            externalRules:
            - seriesQuery: 'x'
              name: {matches: "(["}
            """;
        var ex = Assert.Throws<RulesFileException>(() => RulesLoader.Load(yaml, "bad.yaml"));

        Assert.Contains(ex.Errors, e => e.StartsWith("bad.yaml: rules[0].seriesQuery", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("bad.yaml: rules[0].seriesFilters[0]", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("bad.yaml: rules[0].metricsQuery: unsupported template action", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("bad.yaml: externalRules[0].name.matches: invalid regular expression", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("bad.yaml: externalRules[0].metricsQuery: required", StringComparison.Ordinal));
    }

    [Fact]
    public void Yaml_errors_carry_line_and_column()
    {
        const string yaml = """
            rules:
            - seriesQuery: 'x'
              metricsQery: typo
            """;
        var ex = Assert.Throws<RulesFileException>(() => RulesLoader.Load(yaml, "typo.yaml"));
        Assert.StartsWith("typo.yaml:3:", Assert.Single(ex.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_rules_need_a_resource_mapping()
    {
        const string yaml = """
            rules:
            - seriesQuery: 'x'
              metricsQuery: sum(<<.Series>>)
            """;
        var ex = Assert.Throws<RulesFileException>(() => RulesLoader.Load(yaml, "r.yaml"));
        Assert.Contains("rules[0].resources", Assert.Single(ex.Errors), StringComparison.Ordinal);
    }
}
