using System.Net;
using Autoscaler.Controller.Hosting;
using Autoscaler.Controller.History;
using Autoscaler.Controller.Reconciling;
using Autoscaler.Controller.Telemetry;
using Autoscaler.Controller.Tests.Support;
using Autoscaler.Core.Control;
using Autoscaler.Kubernetes.Entities;
using Autoscaler.Prometheus.QueryRange;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Controller.Tests.History;

/// <summary>spec.history.adapterMetric: read from the adapter's query_range in the policy's own namespace, or a clear NoHistory.</summary>
public sealed class AdapterHistorySourcesTests
{
    private const string Ns = "shop";
    private static readonly Uri Adapter = new("https://metrics-adapter.autoscaler.svc");

    private static V1Alpha1PredictivePolicy Policy()
    {
        var policy = Resources.Policy(Ns, "web-policy", "web", PolicyModes.Observe);
        policy.Spec.History = new HistorySourceSpec
        {
            AdapterMetric = new AdapterMetricHistorySpec { Name = "queue_length", Labels = new Dictionary<string, string> { ["queue"] = "orders", ["a"] = "x\"y" } },
        };
        policy.Spec.Forecaster = "persistence";
        policy.Spec.TrustGate = new TrustGateSpec { Enabled = false };
        policy.Spec.HeadroomPercent = 0;
        return policy;
    }

    [Fact]
    public void Without_an_adapter_url_there_is_no_history_and_the_reason_names_the_flag()
    {
        var sources = new HistorySources(new HttpClient(), null);

        var (source, missing) = sources.For(new ResolvedPolicy { Resource = Policy(), Problems = [] });

        Assert.Same(NoHistory.Instance, source);
        Assert.Contains("--adapter-url", missing, StringComparison.Ordinal);
    }

    [Fact]
    public void With_an_adapter_url_the_source_is_the_query_range_client_on_the_policys_namespace()
    {
        var sources = new HistorySources(new HttpClient(), null, new HttpClient(), Adapter);

        var (source, missing) = sources.For(new ResolvedPolicy { Resource = Policy(), Problems = [] });

        Assert.Null(missing);
        Assert.IsType<PrometheusRangeHistory>(source);
    }

    [Fact]
    public async Task A_policy_forecasts_from_the_adapters_history_read_in_its_own_namespace()
    {
        // Pushed history covers the last 30 minutes of the 14 days asked for (the adapter's retention), 600 at every step:
        // a persistence forecast of 600 at 100 per replica needs 6 replicas.
        var recent = ReconcilerHarness.T0.UtcDateTime.AddMinutes(-30);
        var handler = new PrometheusHistoryTests.Scripted(r => (HttpStatusCode.OK, QueryRangeAnswers.Matrix(r.RequestUri!, at => at >= recent ? 600 : double.NaN)));
        var cluster = new InMemoryCluster();
        cluster.SetHpa(cluster.AddHpa(Ns, "web", 2, 20, 2) with { AverageValueTarget = 100 });
        cluster.AddPolicy(Policy());
        var reconciler = new ControllerReconciler(cluster, cluster, new ControllerOptions(), new FakeTimeProvider(ReconcilerHarness.T0), new ControllerMetrics(),
            NullLogger<ControllerReconciler>.Instance, new HistorySources(new HttpClient(), null, new HttpClient(handler), Adapter));

        await reconciler.ReconcileAsync(CancellationToken.None);

        Assert.NotEmpty(handler.Requests);
        Assert.All(handler.Requests, u =>
        {
            Assert.Equal("https://metrics-adapter.autoscaler.svc/history/namespaces/shop/api/v1/query_range", u.GetLeftPart(UriPartial.Path));
            Assert.Equal("queue_length{a=\"x\\\"y\",queue=\"orders\"}", System.Web.HttpUtility.ParseQueryString(u.Query)["query"]);
            Assert.Contains("&step=60", u.Query, StringComparison.Ordinal);
        });
        var status = cluster.Policy(Ns, "web-policy").Status!;
        Assert.Contains(status.Conditions!, c => c.Type == "HistoryAvailable" && c.Status == "True" && c.Reason == "Fitted");
        Assert.StartsWith("persistence", status.Forecast!.Model, StringComparison.Ordinal);
        Assert.Equal(6, status.RecommendedFloor);
    }

    [Fact]
    public async Task A_refusal_by_the_adapter_is_a_QueryFailed_condition_with_its_message()
    {
        var handler = new PrometheusHistoryTests.Scripted(_ => (HttpStatusCode.Forbidden,
            "{\"kind\":\"Status\",\"message\":\"pushedmetrics.metrics.autoscaler.dev is forbidden\",\"code\":403}"));
        var cluster = new InMemoryCluster();
        cluster.AddHpa(Ns, "web", 2, 20, 2);
        cluster.AddPolicy(Policy());
        var reconciler = new ControllerReconciler(cluster, cluster, new ControllerOptions(), new FakeTimeProvider(ReconcilerHarness.T0), new ControllerMetrics(),
            NullLogger<ControllerReconciler>.Instance, new HistorySources(new HttpClient(), null, new HttpClient(handler), Adapter));

        await reconciler.ReconcileAsync(CancellationToken.None);

        Assert.Contains(cluster.Policy(Ns, "web-policy").Status!.Conditions!,
            c => c.Type == "HistoryAvailable" && c.Reason == "QueryFailed" && c.Message!.Contains("answered 403", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("queue_length", null, "queue_length")]
    [InlineData("q", "b=2,a=1", "q{a=\"1\",b=\"2\"}")]
    [InlineData("q", "a=back\\slash", "q{a=\"back\\\\slash\"}")]
    public void The_selector_sorts_labels_and_escapes_values(string name, string? labels, string expected)
    {
        var spec = new AdapterMetricHistorySpec
        {
            Name = name,
            Labels = labels?.Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]),
        };

        Assert.Equal(expected, AdapterSelector.For(spec));
    }
}
