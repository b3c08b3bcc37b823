namespace Autoscaler.MetricsAdapter.Tests.Sources.Prometheus;

/// <summary>prometheus-adapter configuration files in the shapes teams run today (written for these tests).</summary>
internal static class RuleExamples
{
    /// <summary>A typical file: container CPU as a pods metric, HTTP rate via a template, a queue as an external metric.</summary>
    public const string Typical = """
        # resourceRules serve metrics.k8s.io; the adapter accepts and ignores them
        resourceRules:
          cpu:
            containerQuery: sum(rate(container_cpu_usage_seconds_total{<<.LabelMatchers>>}[3m])) by (<<.GroupBy>>)
            resources:
              overrides:
                node: {resource: "node"}
            containerLabel: container
        rules:
        - seriesQuery: '{__name__=~"^container_.*",container!="POD",namespace!="",pod!=""}'
          seriesFilters:
          - isNot: "^container_.*_seconds_total$"
          resources:
            overrides:
              namespace: {resource: "namespace"}
              pod: {resource: "pod"}
          name:
            matches: "^container_(.*)_bytes$"
            as: "${1}_bytes_per_pod"
          metricsQuery: sum(<<.Series>>{<<.LabelMatchers>>,container!="POD"}) by (<<.GroupBy>>)
        - seriesQuery: 'http_requests_total{kubernetes_namespace!="",kubernetes_pod_name!=""}'
          resources:
            template: "kubernetes_<<.Resource>>"
            overrides:
              kubernetes_pod_name: {resource: "pod"}
          name:
            matches: "^(.*)_total$"
            as: "${1}_per_second"
          metricsQuery: 'sum(rate(<<.Series>>{<<.LabelMatchers>>}[2m])) by (<<.GroupBy>>)'
        externalRules:
        - seriesQuery: '{__name__="queue_length",namespace!=""}'
          resources:
            overrides:
              namespace: {resource: "namespace"}
          metricsQuery: sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)
        - seriesQuery: '{__name__=~"^kafka_consumergroup_lag$"}'
          resources:
            namespaced: false
          name:
            matches: "^kafka_(.*)$"
          metricsQuery: max(<<.Series>>{<<.LabelMatchers>>})
        """;
}
