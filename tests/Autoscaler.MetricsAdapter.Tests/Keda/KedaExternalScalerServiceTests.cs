using Autoscaler.Core.Quantities;
using Autoscaler.MetricsAdapter.Keda;
using Autoscaler.MetricsAdapter.Keda.Protocol;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.MetricsAdapter.Providers.InMemory;
using Autoscaler.MetricsAdapter.Tests.Grpc;
using Google.Protobuf;

namespace Autoscaler.MetricsAdapter.Tests.Keda;

public sealed class KedaExternalScalerServiceTests : IAsyncLifetime
{
    private readonly InMemoryMetricsProvider _metrics = new("test");
    private GrpcTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _metrics.SetExternal("queue_length", new Dictionary<string, string> { ["queue"] = "orders" }, Quantity.FromDouble(30), DateTimeOffset.UtcNow, "shop");
        _metrics.SetExternal("queue_length", new Dictionary<string, string> { ["queue"] = "refunds" }, Quantity.FromDouble(2.5), DateTimeOffset.UtcNow, "shop");
        _metrics.DeclareExternal("idle");
        _host = await GrpcTestHost.StartAsync(services =>
        {
            services.AddMetricSource(_metrics);
            services.AddMetricSource(new DeadBackendSource());
            services.AddKedaExternalScaler();
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task GetMetricSpec_returns_the_target_in_both_fields()
    {
        var reply = await Call("GetMetricSpec", Ref(("metricName", "queue_length"), ("targetValue", "10.5")));

        var spec = reply.Single(GetMetricSpecResponse.Parser).MetricSpecs.Single();
        Assert.Equal(("queue_length", 10.5, 11L), (spec.MetricName, spec.TargetSizeFloat, spec.TargetSize));
    }

    [Fact]
    public async Task GetMetrics_sums_the_matching_series()
    {
        var request = new GetMetricsRequest { MetricName = "queue_length", ScaledObjectRef = Ref(("metricName", "queue_length"), ("targetValue", "10")) };
        var all = (await Call("GetMetrics", request)).Single(GetMetricsResponse.Parser).MetricValues.Single();
        request.ScaledObjectRef.ScalerMetadata["labelSelector"] = "queue=orders";
        var orders = (await Call("GetMetrics", request)).Single(GetMetricsResponse.Parser).MetricValues.Single();

        Assert.Equal((32.5, 33L), (all.MetricValueFloat, all.MetricValue_));
        Assert.Equal(30.0, orders.MetricValueFloat);
    }

    [Fact]
    public async Task IsActive_compares_with_the_activation_value()
    {
        var active = await Call("IsActive", Ref(("metricName", "queue_length"), ("targetValue", "10")));
        var inactive = await Call("IsActive", Ref(("metricName", "queue_length"), ("targetValue", "10"), ("activationValue", "50")));

        Assert.True(active.Single(IsActiveResponse.Parser).Result);
        Assert.False(inactive.Single(IsActiveResponse.Parser).Result);
    }

    [Fact]
    public async Task No_value_is_not_found_never_zero()
    {
        var reply = await Call("GetMetrics", new GetMetricsRequest { ScaledObjectRef = Ref(("metricName", "idle"), ("targetValue", "1")) });
        Assert.Equal("5", reply.Status);
    }

    [Fact]
    public async Task Source_outage_is_unavailable()
    {
        var reply = await Call("GetMetrics", new GetMetricsRequest { ScaledObjectRef = Ref(("metricName", "from_dead_backend"), ("targetValue", "1")) });

        Assert.Equal("14", reply.Status);
        Assert.Contains("backend down", Uri.UnescapeDataString(reply.Message!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_metadata_is_invalid_argument_naming_each_key()
    {
        var reply = await Call("GetMetricSpec", Ref(("targetValue", "-1"), ("labelSelector", "a in (")));

        Assert.Equal("3", reply.Status);
        var message = Uri.UnescapeDataString(reply.Message!);
        Assert.Contains("metricName", message, StringComparison.Ordinal);
        Assert.Contains("targetValue", message, StringComparison.Ordinal);
        Assert.Contains("labelSelector", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configuration_error_is_failed_precondition_not_unavailable()
    {
        var reply = await Call("GetMetrics", new GetMetricsRequest { ScaledObjectRef = Ref(("metricName", "broken_rule"), ("targetValue", "1")), MetricName = "broken_rule" });

        Assert.Equal("9", reply.Status);
        Assert.Contains("invalid query from rule externalRules[0]", Uri.UnescapeDataString(reply.Message!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamIsActive_is_unimplemented()
    {
        Assert.Equal("12", (await Call("StreamIsActive", Ref(("metricName", "queue_length"), ("targetValue", "1")))).Status);
    }

    /// <summary>A second source whose backend is down: its errors win over the first source's NotFound.</summary>
    private sealed class DeadBackendSource : IExternalMetricsProvider
    {
        public ValueTask<IReadOnlyList<ExternalMetricInfo>> ListExternalMetricsAsync(CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<ExternalMetricInfo>>([]);

        public ValueTask<MetricResult<IReadOnlyList<ExternalMetricValue>>> GetExternalMetricAsync(ExternalMetricQuery query, CancellationToken cancellationToken) =>
            ValueTask.FromResult<MetricResult<IReadOnlyList<ExternalMetricValue>>>(query.Metric == "broken_rule"
                ? MetricError.Configuration("invalid query from rule externalRules[0]: Prometheus answered bad_data: parse error")
                : MetricError.Unavailable("backend down"));
    }

    private Task<GrpcReply> Call(string method, IMessage request) =>
        _host.SendAsync(GrpcTestHost.Request("/externalscaler.ExternalScaler/" + method, GrpcTestHost.Frame(request)));

    private static ScaledObjectRef Ref(params (string Key, string Value)[] metadata)
    {
        var reference = new ScaledObjectRef { Name = "worker", Namespace = "shop" };
        foreach (var (key, value) in metadata)
        {
            reference.ScalerMetadata[key] = value;
        }

        return reference;
    }
}
