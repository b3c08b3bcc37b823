using Autoscaler.Controller.Cluster;
using k8s;
using k8s.Models;

namespace Autoscaler.Controller.Tests.Cluster;

public sealed class HpaMappingTests
{
    private const string Body = """
        "metadata":{"name":"web","namespace":"shop","labels":{"tier":"front"},
          "annotations":{"autoscaling.autoscaler.dev/original-min-replicas":"2"},
          "managedFields":[
            {"manager":"kubectl-client-side-apply","operation":"Update","apiVersion":"autoscaling/VERSION","fieldsType":"FieldsV1",
             "fieldsV1":{"f:spec":{"f:minReplicas":{},"f:maxReplicas":{}}}},
            {"manager":"autoscaler-prescale","operation":"Apply","apiVersion":"autoscaling/VERSION","fieldsType":"FieldsV1",
             "fieldsV1":{"f:spec":{"f:minReplicas":{}}}},
            {"manager":"kube-controller-manager","operation":"Update","apiVersion":"autoscaling/VERSION","fieldsType":"FieldsV1","subresource":"status",
             "fieldsV1":{"f:status":{"f:currentReplicas":{}}}}]},
        "spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web-app"},"minReplicas":5,"maxReplicas":12,
          "metrics":[{"type":"External","external":{"metric":{"name":"queue_depth"},"target":{"type":"AverageValue","averageValue":"250m"}}}]},
        "status":{"currentReplicas":4,"desiredReplicas":6,"currentMetrics":null}
        """;

    [Theory]
    [InlineData("v2")]
    [InlineData("v2beta2")]
    public void Both_versions_map_to_the_same_view(string version)
    {
        var json = "{\"apiVersion\":\"autoscaling/" + version + "\",\"kind\":\"HorizontalPodAutoscaler\"," + Body.Replace("VERSION", version, StringComparison.Ordinal) + "}";
        var view = HpaMapper.ToView(KubernetesJson.Deserialize<V2HorizontalPodAutoscaler>(json), version);

        Assert.Equal("shop/web", view.Key);
        Assert.Equal(version, view.ApiVersion);
        Assert.Equal(5, view.MinReplicas);
        Assert.Equal(12, view.MaxReplicas);
        Assert.Equal(4, view.CurrentReplicas);
        Assert.Equal(6, view.DesiredReplicas);
        Assert.Equal("front", view.Labels["tier"]);
        Assert.Equal("web-app", view.ScaleTargetName);
        Assert.Equal(0.25, view.AverageValueTarget);
        Assert.Equal(
            [new FieldOwner("kubectl-client-side-apply", "Update"), new FieldOwner("autoscaler-prescale", "Apply")],
            view.MinReplicasOwners);
    }

    [Fact]
    public void An_hpa_without_min_replicas_has_the_api_default_of_one()
    {
        var view = HpaMapper.ToView(new V2HorizontalPodAutoscaler { Metadata = new V1ObjectMeta { Name = "x", NamespaceProperty = "y" }, Spec = new V2HorizontalPodAutoscalerSpec { MaxReplicas = 3 } }, "v2");
        Assert.Equal(1, view.MinReplicas);
        Assert.Null(view.AverageValueTarget);
    }
}
