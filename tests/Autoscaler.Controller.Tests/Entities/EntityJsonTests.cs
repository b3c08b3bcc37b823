using Autoscaler.Kubernetes.Entities;
using k8s;

namespace Autoscaler.Controller.Tests.Entities;

public sealed class EntityJsonTests
{
    [Fact]
    public void ScalingEvent_round_trips_through_the_client_serializer_with_schema_names()
    {
        const string json = """
            {"apiVersion":"autoscaling.autoscaler.dev/v1alpha1","kind":"ScalingEvent",
             "metadata":{"name":"black-friday","namespace":"shop"},
             "spec":{"targets":{"hpaNames":["web"]},"start":"2026-11-27T09:00:00","end":"2026-11-27T21:00:00",
                     "timeZone":"Europe/Paris","kind":"flash-sale","expectedLoad":{"multiplier":3.5},"leadTime":"auto",
                     "ceiling":{"maxReplicas":40,"reason":"cost cap"}},
             "status":{"phase":"Scheduled","approvedAt":"2026-11-20T10:00:00Z",
                       "targets":[{"hpa":"web","plannedFloor":12,"originalMinReplicas":2}]}}
            """;
        var parsed = KubernetesJson.Deserialize<V1Alpha1ScalingEvent>(json);
        Assert.Equal(["web"], parsed.Spec.Targets.HpaNames!);
        Assert.Equal(3.5, parsed.Spec.ExpectedLoad.Multiplier);
        Assert.Equal("cost cap", parsed.Spec.Ceiling!.Reason);
        Assert.Equal(ScalingEventPhases.Scheduled, parsed.Status!.Phase);
        Assert.Equal(new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc), parsed.Status.ApprovedAt!.Value.ToUniversalTime());
        Assert.Equal(12, parsed.Status.Targets![0].PlannedFloor);

        var again = KubernetesJson.Serialize(parsed);
        Assert.Contains("\"expectedLoad\":{\"multiplier\":3.5", again, StringComparison.Ordinal);
        Assert.Contains("\"approvedAt\":\"2026-11-20T10:00:00", again, StringComparison.Ordinal);
    }

    [Fact]
    public void PredictivePolicy_defaults_name_its_kind_and_group()
    {
        var policy = new V1Alpha1PredictivePolicy();
        var json = KubernetesJson.Serialize(policy);
        Assert.Contains("\"apiVersion\":\"autoscaling.autoscaler.dev/v1alpha1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"PredictivePolicy\"", json, StringComparison.Ordinal);
    }
}
