using Autoscaler.Core.Quantities;
using Autoscaler.MetricsAdapter.Keda;
using Autoscaler.MetricsAdapter.Keda.Protocol;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.MetricsAdapter.Providers.InMemory;
using Autoscaler.MetricsAdapter.Tests.Grpc;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Autoscaler.MetricsAdapter.Tests.Keda;

public sealed class KedaExternalScalerServiceTests : IAsyncLifetime
{
    private readonly InMemoryMetricsProvider _metrics = new("test");
    private GrpcTestHost _host = null!;

    public Task InitializeAsync() => StartAsync(kestrel: false);

    private async Task StartAsync(bool kestrel)
    {
        _metrics.SetExternal("queue_length", new Dictionary<string, string> { ["queue"] = "orders" }, Quantity.FromDouble(30), DateTimeOffset.UtcNow, "shop");
        _metrics.SetExternal("queue_length", new Dictionary<string, string> { ["queue"] = "refunds" }, Quantity.FromDouble(2.5), DateTimeOffset.UtcNow, "shop");
        _metrics.DeclareExternal("idle");
        _host = await GrpcTestHost.StartAsync(services =>
        {
            services.AddMetricSource(_metrics);
            services.AddMetricSource(new DeadBackendSource());
            services.AddKedaExternalScaler();
            services.Configure<KedaOptions>(o => o.StreamIsActiveInterval = TimeSpan.FromMilliseconds(20));
        }, kestrel: kestrel);
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
    public async Task The_health_service_reports_the_scaler_serving_before_any_scaler_call()
    {
        var health = new global::Grpc.Health.V1.Health.HealthClient(_host.Channel);

        var reply = await health.CheckAsync(new() { Service = KedaExternalScalerService.Name }, deadline: DateTime.UtcNow.AddSeconds(30));

        Assert.Equal(global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task StreamIsActive_sends_the_current_activity_then_only_its_changes()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var client = new ExternalScaler.ExternalScalerClient(_host.Channel);
        using var call = client.StreamIsActive(Ref(("metricName", "queue_length"), ("targetValue", "10"), ("activationValue", "40")), cancellationToken: timeout.Token);
        var stream = call.ResponseStream;

        var first = await Next(stream, "the initial activity (32.5 <= 40)", timeout.Token);
        _metrics.SetExternal("queue_length", new Dictionary<string, string> { ["queue"] = "orders" }, Quantity.FromDouble(50), DateTimeOffset.UtcNow, "shop");
        var second = await Next(stream, "the change to active (52.5 > 40)", timeout.Token);
        _metrics.SetExternal("queue_length", new Dictionary<string, string> { ["queue"] = "orders" }, Quantity.FromDouble(1), DateTimeOffset.UtcNow, "shop");
        var third = await Next(stream, "the change back to inactive (3.5 <= 40)", timeout.Token);

        // Each message differs from the one before: unchanged activity, re-read every 20 ms, is never re-sent.
        Assert.Equal((false, true, false), (first.Result, second.Result, third.Result));
    }

    [Fact]
    public async Task StreamIsActive_ends_with_the_status_isactive_would_give_when_the_value_cannot_be_read()
    {
        var client = new ExternalScaler.ExternalScalerClient(_host.Channel);
        using var call = client.StreamIsActive(Ref(("metricName", "from_dead_backend"), ("targetValue", "1")), deadline: DateTime.UtcNow.AddSeconds(30));

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("backend down", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamIsActive_with_bad_metadata_is_invalid_argument()
    {
        var client = new ExternalScaler.ExternalScalerClient(_host.Channel);
        using var call = client.StreamIsActive(Ref(("metricName", "queue_length")), deadline: DateTime.UtcNow.AddSeconds(30));

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task StreamIsActive_ends_with_ok_when_the_host_stops()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var client = new ExternalScaler.ExternalScalerClient(_host.Channel);
        using var call = client.StreamIsActive(Ref(("metricName", "queue_length"), ("targetValue", "10")), cancellationToken: timeout.Token);
        Assert.True((await Next(call.ResponseStream, "the initial activity", timeout.Token)).Result);

        _host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        Assert.False(await call.ResponseStream.MoveNext(timeout.Token));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task A_deadline_from_grpc_timeout_is_deadline_exceeded_on_the_wire()
    {
        // Grpc.AspNetCore sends the DEADLINE_EXCEEDED trailers and then resets the stream, which only a real
        // HTTP/2 connection carries; the raw request has no client-side deadline, so the status is the server's.
        await _host.DisposeAsync();
        await StartAsync(kestrel: true);
        var request = GrpcTestHost.Request("/externalscaler.ExternalScaler/GetMetrics",
            GrpcTestHost.Frame(new GetMetricsRequest { ScaledObjectRef = Ref(("metricName", "slow"), ("targetValue", "1")) }));
        request.Headers.Add("grpc-timeout", "50m");

        var reply = await _host.SendAsync(request);

        Assert.Equal("4", reply.Status);
    }

    private static async Task<IsActiveResponse> Next(IAsyncStreamReader<IsActiveResponse> stream, string awaited, CancellationToken cancellationToken)
    {
        try
        {
            Assert.True(await stream.MoveNext(cancellationToken), $"the stream ended while waiting for {awaited}");
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
        {
            Assert.Fail($"timed out after 30 s waiting for {awaited}");
        }

        return stream.Current;
    }

    /// <summary>A second source whose backend is down (its errors win over the first source's NotFound); <c>slow</c> never answers.</summary>
    private sealed class DeadBackendSource : IExternalMetricsProvider
    {
        public ValueTask<IReadOnlyList<ExternalMetricInfo>> ListExternalMetricsAsync(CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<ExternalMetricInfo>>([]);

        public ValueTask<MetricResult<IReadOnlyList<ExternalMetricValue>>> GetExternalMetricAsync(ExternalMetricQuery query, CancellationToken cancellationToken) =>
            query.Metric switch
            {
                "broken_rule" => ValueTask.FromResult<MetricResult<IReadOnlyList<ExternalMetricValue>>>(
                    MetricError.Configuration("invalid query from rule externalRules[0]: Prometheus answered bad_data: parse error")),
                "slow" => Hang(cancellationToken),
                _ => ValueTask.FromResult<MetricResult<IReadOnlyList<ExternalMetricValue>>>(MetricError.Unavailable("backend down")),
            };

        private static async ValueTask<MetricResult<IReadOnlyList<ExternalMetricValue>>> Hang(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
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
