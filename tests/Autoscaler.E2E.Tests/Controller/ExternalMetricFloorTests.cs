using System.Globalization;
using System.Net;
using Autoscaler.E2E.Tests.Adapter.Aggregation;
using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Kubernetes.Entities;
using k8s;
using k8s.Models;
using Xunit.Abstractions;

namespace Autoscaler.E2E.Tests.Controller;

/// <summary>
/// Issue #11 test 4 on the real v1.20 control plane: actuation <c>externalMetric</c>. The controller publishes the floor
/// of an approved event in the PredictivePolicy's status.activeFloor; the metrics adapter (registered behind the real
/// aggregator, floors source on) serves it as <c>autoscaler_prescale_floor</c>; the real HPA (autoscaling/v2beta2)
/// lists that External metric, scales the Deployment to the floor before the start and back down after the end by its
/// own behavior. The HPA object is never written by the controller.
/// </summary>
[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Controller")]
public sealed class ExternalMetricFloorTests(ControlPlaneFixture cp, ITestOutputHelper output)
{
    private readonly ControllerCluster _cluster = new(cp);

    private static V1Alpha1PredictivePolicy Policy(string ns) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web-floor", NamespaceProperty = ns },
        Spec = new PredictivePolicySpec
        {
            TargetRef = new PolicyTargetRef { Name = "web" },
            // The controller runs without --adapter-url here, so adapterMetric yields no history: only the event's absolute floor plans.
            History = new HistorySourceSpec { AdapterMetric = new AdapterMetricHistorySpec { Name = "queue_length" } },
            Mode = PolicyModes.Auto,
            TrustGate = new TrustGateSpec { Enabled = false },
            Actuation = ActuationKinds.ExternalMetric,
        },
    };

    private static V1Alpha1ScalingEvent Event(string ns, DateTimeOffset start, DateTimeOffset end) =>
        FloorEvent.OnWeb(ns, "promo", "promo", start, end, floor: 4, leadTime: "20s");

    [Fact]
    public async Task The_real_hpa_reads_the_floor_from_the_adapter_scales_to_it_and_back_down_after_the_window()
    {
        await _cluster.InstallAsync();
        await _cluster.Kubectl("apply", "-f", ControllerCluster.RepoFile("manifests/adapter/15-rbac-floors.yaml"));
        await using var adapter = await AdapterDeployment.StartAsync(cp, "--Floors:Enabled=true");
        var ns = await _cluster.NamespaceAsync("ctl-extm");
        await _cluster.Kubectl("apply", "-f", "-", stdin: $$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: {{ns}} }
            spec:
              replicas: 1
              selector: {matchLabels: {app: web} }
              template:
                metadata: {labels: {app: web} }
                spec:
                  containers: [{name: main, image: registry.invalid/app:1}]
            ---
            apiVersion: autoscaling/v2beta2
            kind: HorizontalPodAutoscaler
            metadata: {name: web, namespace: {{ns}} }
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 1
              maxReplicas: 10
              metrics:
                - type: External
                  external:
                    metric: {name: {{AutoscalerApi.PrescaleFloorMetric}}, selector: {matchLabels: {hpa: web} } }
                    target: {type: AverageValue, averageValue: "1"}
              behavior:
                scaleDown: {stabilizationWindowSeconds: 0}
            """);
        await _cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(Policy(ns), AutoscalerApi.Group, AutoscalerApi.Version, ns, AutoscalerApi.PredictivePolicyPlural);
        var approver = await _cluster.TokenAsync(ns, "approver", "scalingevent-approver");
        var (app, port) = await _cluster.StartControllerAsync(ns, TimeSpan.FromSeconds(3));
        await using var _ = app;

        // Before any floor: the adapter serves 0 for the policy and the HPA reads it (ScalingActive=True, 1 replica).
        var before = await Eventually.Async("the HPA reading autoscaler_prescale_floor = 0 through the aggregator", async seen =>
        {
            var value = await FloorValueAsync(ns);
            var hpa = await _cluster.HpaAsync(ns, "web");
            var active = hpa.Status?.Conditions?.FirstOrDefault(c => c.Type == "ScalingActive");
            seen($"served {value}, ScalingActive {active?.Status} {active?.Reason}, current {hpa.Status?.CurrentMetrics?.FirstOrDefault()?.External?.Current?.AverageValue}");
            return value == "0" && active?.Status == "True" ? hpa : null;
        }, TimeSpan.FromSeconds(60), Eventually.ApiOrHttpError);
        Assert.Equal(1, before.Status!.CurrentReplicas);

        var start = DateTimeOffset.UtcNow.AddSeconds(60);
        var end = start.AddSeconds(40);
        await _cluster.CreateEventAsync(Event(ns, start, end));
        var (status, body) = await ControllerCluster.ApproveAsync(port, ns, "promo", approver);
        Assert.True(status == HttpStatusCode.OK, body);

        await Eventually.TrueAsync("the Deployment scaled to the floor of 4 by the HPA from the external metric", async seen =>
        {
            var value = await FloorValueAsync(ns);
            var replicas = await _cluster.DeploymentReplicasAsync(ns, "web");
            seen($"served {value}, Deployment replicas {replicas}");
            return value == "4" && replicas == 4;
        }, TimeSpan.FromSeconds(120), Eventually.ApiOrHttpError);
        var reached = DateTimeOffset.UtcNow;
        output.WriteLine($"replicas reached 4 at start - {(start - reached).TotalSeconds:0.0} s");
        Assert.True(reached < start, $"replicas reached 4 at {reached:O}, after the start {start:O}");

        // The HPA object is the owner's: spec.minReplicas untouched, no annotation, no field manager of ours.
        var hpaDuring = await _cluster.HpaAsync(ns, "web");
        Assert.Equal(1, hpaDuring.Spec.MinReplicas);
        Assert.DoesNotContain(hpaDuring.Metadata.Annotations?.Keys ?? [], k => k.StartsWith(AutoscalerApi.Group, StringComparison.Ordinal));
        Assert.DoesNotContain(hpaDuring.Metadata.ManagedFields ?? [], f => f.Manager == AutoscalerApi.FieldManager);
        // The controller writes status.activeFloor; wait for the status rather than read it once.
        await Eventually.TrueAsync("the policy's status.activeFloor of 4 during the window", async seen =>
        {
            var policy = await _cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync<V1Alpha1PredictivePolicy>(
                AutoscalerApi.Group, AutoscalerApi.Version, ns, AutoscalerApi.PredictivePolicyPlural, "web-floor");
            seen($"activeFloor {policy.Status?.ActiveFloor?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}");
            return policy.Status?.ActiveFloor == 4;
        }, TimeSpan.FromSeconds(30), Eventually.ApiOrHttpError);

        await Eventually.TrueAsync("the floor back to 0 after the end and the Deployment back at 1 replica", async seen =>
        {
            var value = await FloorValueAsync(ns);
            var replicas = await _cluster.DeploymentReplicasAsync(ns, "web");
            seen($"served {value}, Deployment replicas {replicas}");
            return value == "0" && replicas == 1;
        }, end - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60), Eventually.ApiOrHttpError);
        Assert.True(DateTimeOffset.UtcNow >= end, "scaled down before the end of the window");

        // The HPA controller posts its SuccessfulRescale Event asynchronously after the scale: wait for it, never race it.
        var hpaEvents = await Eventually.Async("the HPA's scale-up (New size: 4) and scale-down (New size: 1) Events", async seen =>
        {
            var text = await _cluster.EventsOfAsync(ns, "HorizontalPodAutoscaler", "web");
            seen(text.Replace('\n', '|'));
            return text.Contains("New size: 4;", StringComparison.Ordinal) && text.Contains("New size: 1;", StringComparison.Ordinal) ? text : null;
        }, TimeSpan.FromSeconds(30), Eventually.ApiOrHttpError);
        output.WriteLine(hpaEvents);
        Assert.Contains($"New size: 4; reason: external metric {AutoscalerApi.PrescaleFloorMetric}", hpaEvents, StringComparison.Ordinal);
        Assert.Contains("New size: 1; reason: All metrics below target", hpaEvents, StringComparison.Ordinal);
        Assert.Equal(1, (await _cluster.HpaAsync(ns, "web")).Spec.MinReplicas);
    }

    /// <summary>The floor's value as the HPA gets it: through the aggregator, selector hpa=web; null when not served.</summary>
    private async Task<string?> FloorValueAsync(string ns)
    {
        var list = await cp.Admin.GetJsonAsync(
            $"/apis/external.metrics.k8s.io/v1beta1/namespaces/{ns}/{AutoscalerApi.PrescaleFloorMetric}?labelSelector=hpa%3Dweb");
        var items = list.GetProperty("items");
        return items.GetArrayLength() == 1 ? items[0].GetProperty("value").GetString() : null;
    }
}
