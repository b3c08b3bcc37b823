using Autoscaler.MetricsAdapter.Grpc;
using Autoscaler.MetricsAdapter.Sources.Push;
using Autoscaler.MetricsAdapter.Sources.Push.Authorization;
using Autoscaler.MetricsAdapter.Sources.Push.Protocol;
using Autoscaler.MetricsAdapter.Storage;
using Autoscaler.MetricsAdapter.Tests.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Autoscaler.MetricsAdapter.Tests.Sources.Push;

/// <summary>Limits on the wire: RESOURCE_EXHAUSTED with the reason, nothing stored, existing series keep working.</summary>
public sealed class PushLimitsGrpcTests : IAsyncLifetime
{
    private const string PushPath = "/autoscaler.metrics.v1.MetricsPush/Push";
    private readonly SqliteSampleStore _store = new(":memory:", limits: new SampleStoreLimits(1_000, 2, 10_000));
    private GrpcTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await GrpcTestHost.StartAsync(services =>
        {
            services.AddSingleton<ISampleStore>(_store);
            services.AddSingleton<IPushAuthorizer, AllowAnyPushAuthorizer>();
            services.Configure<PushOptions>(o => (o.MaxLabelsPerSeries, o.MaxLabelValueLength) = (3, 10));
            services.AddPushGrpcService();
        });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _store.Dispose();
    }

    [Fact]
    public async Task Too_many_labels_is_resource_exhausted_naming_the_setting()
    {
        var reply = await PushAsync(Sample("q", 1, ("a", "1"), ("b", "2"), ("c", "3"), ("d", "4")));

        Assert.Equal("8", reply.Status);
        Assert.Equal("Push over a limit: samples[0].labels: 4 labels exceed the limit of 3 per series (Push:MaxLabelsPerSeries)", Uri.UnescapeDataString(reply.Message!));
        Assert.Empty(_store.MetricNames());
    }

    [Fact]
    public async Task A_label_value_over_the_length_limit_is_resource_exhausted()
    {
        var reply = await PushAsync(Sample("q", 1, ("queue", new string('x', 11))));

        Assert.Equal("8", reply.Status);
        Assert.Contains("a value of 11 characters exceeds the limit of 10 (Push:MaxLabelValueLength)", Uri.UnescapeDataString(reply.Message!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_the_series_limit_new_series_are_refused_and_existing_ones_still_update()
    {
        Assert.Equal("0", (await PushAsync(Sample("q", 1, ("queue", "a")), Sample("q", 1, ("queue", "b")))).Status);

        var refused = await PushAsync(Sample("q", 2, ("queue", "c")));
        var update = await PushAsync(Sample("q", 5, ("queue", "a")));

        Assert.Equal("8", refused.Status);
        Assert.Contains("Storage:MaxSeriesPerNamespace", Uri.UnescapeDataString(refused.Message!), StringComparison.Ordinal);
        Assert.Equal("0", update.Status);
        Assert.Equal(5.0, _store.Latest("shop", "q", l => l["queue"] == "a").Single().Value);
        Assert.Empty(_store.Latest("shop", "q", l => l["queue"] == "c"));
    }

    private Task<GrpcReply> PushAsync(params Sample[] samples) =>
        _host.SendAsync(GrpcTestHost.Request(PushPath, GrpcTestHost.Frame(new PushRequest { Namespace = "shop", Samples = { samples } })));

    private static Sample Sample(string name, double value, params (string Name, string Value)[] labels)
    {
        var sample = new Sample { Name = name, Value = value };
        foreach (var (k, v) in labels)
        {
            sample.Labels[k] = v;
        }

        return sample;
    }
}
