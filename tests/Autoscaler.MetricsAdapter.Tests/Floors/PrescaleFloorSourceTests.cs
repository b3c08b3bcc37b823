using Autoscaler.Core.Labels;
using Autoscaler.Kubernetes.Entities;
using Autoscaler.MetricsAdapter.Floors;
using Autoscaler.MetricsAdapter.Providers;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.MetricsAdapter.Tests.Floors;

public sealed class PrescaleFloorSourceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private sealed class Cache(bool synced, params V1Alpha1PredictivePolicy[] policies) : IPolicyCache
    {
        public bool IsSynced => synced;

        public IReadOnlyList<V1Alpha1PredictivePolicy> Policies() => policies;
    }

    private static V1Alpha1PredictivePolicy Policy(string ns, string name, string hpa, string? actuation, int? activeFloor) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new PredictivePolicySpec { TargetRef = new PolicyTargetRef { Name = hpa }, Actuation = actuation },
        Status = new PredictivePolicyStatus { ActiveFloor = activeFloor },
    };

    private static PrescaleFloorSource Source(IPolicyCache cache) => new(cache, new FakeTimeProvider(Now));

    private static async Task<MetricResult<IReadOnlyList<ExternalMetricValue>>> Get(PrescaleFloorSource source, string ns, string selector, string metric = AutoscalerApi.PrescaleFloorMetric) =>
        await source.GetExternalMetricAsync(new ExternalMetricQuery(ns, metric, LabelSelector.Parse(selector)), CancellationToken.None);

    [Fact]
    public async Task Serves_the_active_floor_of_the_policy_of_the_selected_hpa_with_its_labels()
    {
        var source = Source(new Cache(true,
            Policy("shop", "web-policy", "web", ActuationKinds.ExternalMetric, 7),
            Policy("shop", "api-policy", "api", ActuationKinds.ExternalMetric, 3),
            Policy("other", "web-policy", "web", ActuationKinds.ExternalMetric, 9)));

        var result = await Get(source, "shop", "hpa=web");

        var value = Assert.Single(result.Value!);
        Assert.Equal(7000, value.Value.MilliValue());
        Assert.Equal("web-policy", value.Labels["policy"]);
        Assert.Equal("shop", value.Labels["namespace"]);
        Assert.Equal(Now, value.Timestamp);
    }

    [Fact]
    public async Task A_policy_without_an_active_floor_serves_zero_and_a_min_replicas_policy_serves_nothing()
    {
        var source = Source(new Cache(true,
            Policy("shop", "web-policy", "web", ActuationKinds.ExternalMetric, null),
            Policy("shop", "api-policy", "api", ActuationKinds.MinReplicas, 5),
            Policy("shop", "db-policy", "db", null, 5)));

        Assert.Equal(0, Assert.Single((await Get(source, "shop", "hpa=web")).Value!).Value.MilliValue());
        var api = await Get(source, "shop", "hpa=api");
        Assert.Equal(MetricErrorKind.NoValue, api.Error!.Kind);
        Assert.Contains("hpa=api", api.Error.Message, StringComparison.Ordinal);
        Assert.Single((await Get(source, "shop", "")).Value!);
    }

    [Fact]
    public async Task Other_metrics_are_not_found_so_the_next_source_answers_and_the_name_matches_in_any_case()
    {
        var source = Source(new Cache(true, Policy("shop", "p", "web", ActuationKinds.ExternalMetric, 4)));

        Assert.Equal(MetricErrorKind.NotFound, (await Get(source, "shop", "", "queue_length")).Error!.Kind);
        Assert.Equal(4000, Assert.Single((await Get(source, "shop", "", "AUTOSCALER_PRESCALE_FLOOR")).Value!).Value.MilliValue());
    }

    [Fact]
    public async Task Before_the_cache_synced_the_source_is_unavailable_not_zero()
    {
        var source = Source(new Cache(false));

        var result = await Get(source, "shop", "hpa=web");

        Assert.Equal(MetricErrorKind.SourceUnavailable, result.Error!.Kind);
        Assert.False(source.GetHealth().Healthy);
    }
}
