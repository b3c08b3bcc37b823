using Autoscaler.Calendar.Cluster;
using k8s.Models;

namespace Autoscaler.Calendar.Tests.Cluster;

public sealed class WorkloadMappingTests
{
    private static V1HorizontalPodAutoscaler Hpa(Dictionary<string, string>? annotations = null, Dictionary<string, string>? labels = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web-hpa", NamespaceProperty = "shop", Annotations = annotations, Labels = labels },
        Spec = new V1HorizontalPodAutoscalerSpec { MinReplicas = 2, MaxReplicas = 9, ScaleTargetRef = new V1CrossVersionObjectReference { Kind = "Deployment", Name = "web" } },
        Status = new V1HorizontalPodAutoscalerStatus { CurrentReplicas = 3, DesiredReplicas = 3 },
    };

    [Fact]
    public void The_friendly_name_is_the_annotation_then_the_name_label_then_the_hpa_name()
    {
        Assert.Equal("Web shop", KubernetesWorkloadCatalog.ToWorkload(Hpa(new() { [CalendarAnnotations.DisplayName] = " Web shop " }, new() { ["app.kubernetes.io/name"] = "web" })).DisplayName);
        Assert.Equal("web", KubernetesWorkloadCatalog.ToWorkload(Hpa(labels: new() { ["app.kubernetes.io/name"] = "web" })).DisplayName);
        Assert.Equal("web-hpa", KubernetesWorkloadCatalog.ToWorkload(Hpa()).DisplayName);
    }

    [Fact]
    public void Load_per_replica_must_be_a_positive_number()
    {
        Assert.Equal(250, KubernetesWorkloadCatalog.ToWorkload(Hpa(new() { [CalendarAnnotations.LoadPerReplica] = "250" })).LoadPerReplica);
        Assert.Null(KubernetesWorkloadCatalog.ToWorkload(Hpa(new() { [CalendarAnnotations.LoadPerReplica] = "-1" })).LoadPerReplica);
        Assert.Null(KubernetesWorkloadCatalog.ToWorkload(Hpa(new() { [CalendarAnnotations.LoadPerReplica] = "lots" })).LoadPerReplica);
        var w = KubernetesWorkloadCatalog.ToWorkload(Hpa());
        Assert.Equal((2, 9, 3), (w.MinReplicas, w.MaxReplicas, w.CurrentReplicas));
    }

    [Fact]
    public void The_history_and_replica_queries_come_from_their_annotations()
    {
        var w = KubernetesWorkloadCatalog.ToWorkload(Hpa(new() { [CalendarAnnotations.HistoryQuery] = "sum(rate(http_requests_total[1m]))", [CalendarAnnotations.ReplicasQuery] = "kube_deployment_status_replicas_available{deployment=\"web\"}" }));
        Assert.Equal("sum(rate(http_requests_total[1m]))", w.HistoryQuery);
        Assert.Equal("kube_deployment_status_replicas_available{deployment=\"web\"}", w.ReplicasQuery);
        Assert.Null(KubernetesWorkloadCatalog.ToWorkload(Hpa(new() { [CalendarAnnotations.ReplicasQuery] = " " })).ReplicasQuery);
    }
}
