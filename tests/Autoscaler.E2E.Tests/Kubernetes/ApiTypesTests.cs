using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Kubernetes.Models;

namespace Autoscaler.E2E.Tests.Kubernetes;

/// <summary>The types the adapter and the controller use, against the real v1.20 API server.</summary>
[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class ApiTypesTests(ControlPlaneFixture cp)
{
    [Fact]
    public async Task Hpa_version_is_discovered_and_the_real_controller_acts_on_an_external_metric_hpa()
    {
        var hpas = await cp.Admin.HorizontalPodAutoscalersAsync();
        var served = await cp.Admin.GetServedVersionsAsync("autoscaling");
        Assert.Equal(served.Contains("v2") ? "v2" : "v2beta2", hpas.Resource.Version);

        var ns = await cp.CreateNamespaceAsync("hpa");
        await cp.Admin.Deployments.CreateAsync(Workloads.Deployment(ns, "web", 2));
        var created = await hpas.CreateAsync(new HorizontalPodAutoscaler
        {
            Metadata = new ObjectMeta { Name = "web", Namespace = ns },
            Spec = new HorizontalPodAutoscalerSpec
            {
                ScaleTargetRef = new CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = "web" },
                MinReplicas = 1, MaxReplicas = 10,
                Metrics =
                [
                    new MetricSpec
                    {
                        Type = "External",
                        External = new ExternalMetricSource
                        {
                            Metric = new MetricIdentifier { Name = "queue_length", Selector = new LabelSelector { MatchLabels = new Dictionary<string, string> { ["queue"] = "orders" } } },
                            Target = new MetricTarget { Type = "AverageValue", AverageValue = "10" },
                        },
                    },
                ],
                Behavior = new HorizontalPodAutoscalerBehavior
                {
                    ScaleDown = new HpaScalingRules { StabilizationWindowSeconds = 60, Policies = [new HpaScalingPolicy { Type = "Percent", Value = 50, PeriodSeconds = 15 }] },
                },
            },
        });
        Assert.Equal($"autoscaling/{hpas.Resource.Version}", created.ApiVersion);
        Assert.Equal("orders", created.Spec!.Metrics![0].External!.Metric!.Selector!.MatchLabels!["queue"]);
        Assert.Equal(60, created.Spec.Behavior!.ScaleDown!.StabilizationWindowSeconds);

        // No metrics API is registered, so the real HPA controller reports that it cannot get the metric.
        var acted = await Eventually.Async("the HPA controller's conditions", async () =>
            await hpas.GetAsync("web", ns) is { Status.Conditions.Count: > 0 } h ? h : null, TimeSpan.FromSeconds(30));
        Assert.Contains(acted.Status!.Conditions!, c => c.Type == "ScalingActive" && c.Status == "False");
    }

    [Fact]
    public async Task TokenReview_and_SubjectAccessReview_answer_for_the_adapter()
    {
        var review = await cp.Admin.TokenReviews.CreateAsync(new TokenReview { Metadata = new ObjectMeta(), Spec = new TokenReviewSpec { Token = "not-a-token" } });
        Assert.False(review.Status!.Authenticated);

        var hpa = await cp.Admin.SubjectAccessReviews.CreateAsync(new SubjectAccessReview
        {
            Spec = new SubjectAccessReviewSpec
            {
                User = "system:serviceaccount:kube-system:horizontal-pod-autoscaler",
                Groups = ["system:serviceaccounts", "system:serviceaccounts:kube-system", "system:authenticated"],
                ResourceAttributes = new ResourceAttributes { Namespace = "shop", Verb = "get", Group = "custom.metrics.k8s.io", Resource = "pods", Subresource = "http_requests", Name = "*" },
            },
        });
        Assert.True(hpa.Status!.Allowed);

        var stranger = await cp.Admin.SubjectAccessReviews.CreateAsync(new SubjectAccessReview
        {
            Spec = new SubjectAccessReviewSpec
            {
                User = "stranger", Groups = ["system:authenticated"],
                ResourceAttributes = new ResourceAttributes { Namespace = "shop", Verb = "list", Group = "external.metrics.k8s.io", Resource = "queue_length" },
            },
        });
        Assert.False(stranger.Status!.Allowed);
    }

    [Fact]
    public async Task Front_proxy_settings_are_published_in_extension_apiserver_authentication()
    {
        var map = await cp.Admin.ConfigMaps.GetAsync("extension-apiserver-authentication", "kube-system");
        Assert.Contains("BEGIN CERTIFICATE", map.Data!["requestheader-client-ca-file"], StringComparison.Ordinal);
        Assert.Equal("[\"front-proxy-client\"]", map.Data["requestheader-allowed-names"]);
        Assert.Equal(File.ReadAllText(cp.Environment.FrontProxyCaFile).Trim(), map.Data["requestheader-client-ca-file"].Trim());
    }

    [Fact]
    public async Task Service_Endpoints_on_the_service_address_and_an_ApiService_are_accepted()
    {
        var ns = await cp.CreateNamespaceAsync("apisvc");
        await cp.Admin.Services.CreateAsync(new Service
        {
            Metadata = new ObjectMeta { Name = "adapter", Namespace = ns },
            Spec = new ServiceSpec { Ports = [new ServicePort { Name = "https", Port = 443, TargetPort = 8443 }] },
        });
        var endpoints = await cp.Admin.Endpoints.CreateAsync(new Endpoints
        {
            Metadata = new ObjectMeta { Name = "adapter", Namespace = ns },
            Subsets = [new EndpointSubset { Addresses = [new EndpointAddress { Ip = cp.Environment.ServiceAddress }], Ports = [new EndpointPort { Name = "https", Port = 8443 }] }],
        });
        Assert.Equal(cp.Environment.ServiceAddress, endpoints.Subsets![0].Addresses![0].Ip);
        Assert.Equal(8443, (await cp.Admin.Services.GetAsync("adapter", ns)).Spec!.Ports![0].TargetPort!.Value.IntValue);

        var name = $"v1alpha1.{ns}.example";
        var apiService = await cp.Admin.ApiServices.CreateAsync(new ApiService
        {
            Metadata = new ObjectMeta { Name = name },
            Spec = new ApiServiceSpec
            {
                Group = $"{ns}.example", Version = "v1alpha1", Service = new ServiceReference { Namespace = ns, Name = "adapter", Port = 443 },
                InsecureSkipTlsVerify = true, GroupPriorityMinimum = 100, VersionPriority = 100,
            },
        });
        try
        {
            Assert.Equal(443, apiService.Spec!.Service!.Port);
            var withStatus = await Eventually.Async("the Available condition", async () =>
                await cp.Admin.ApiServices.GetAsync(name) is { Status.Conditions.Count: > 0 } s ? s : null, TimeSpan.FromSeconds(30));
            Assert.Contains(withStatus.Status!.Conditions!, c => c.Type == "Available");
        }
        finally
        {
            await cp.Admin.ApiServices.DeleteAsync(name);
        }
    }

    [Fact]
    public async Task Events_v1_round_trip_with_microsecond_times()
    {
        var ns = await cp.CreateNamespaceAsync("events");
        var at = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero).AddTicks(1234560);
        var created = await cp.Admin.Events.CreateAsync(new Event
        {
            Metadata = new ObjectMeta { Name = "web.17c3a1b2d4e5f601", Namespace = ns },
            EventTime = at, ReportingController = "autoscaler.example/controller", ReportingInstance = "e2e",
            Action = "Scale", Reason = "TargetUpdated", Type = "Normal", Note = "target value changed to 20",
            Regarding = new ObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Namespace = ns, Name = "web" },
        });
        Assert.Equal(at, created.EventTime);
        Assert.Equal("TargetUpdated", (await cp.Admin.Events.GetAsync(created.Metadata.Name!, ns)).Reason);
    }
}
