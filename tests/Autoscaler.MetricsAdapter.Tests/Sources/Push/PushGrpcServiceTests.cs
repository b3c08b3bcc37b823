using Autoscaler.MetricsAdapter.Grpc;
using Autoscaler.MetricsAdapter.Sources.Push;
using Autoscaler.MetricsAdapter.Sources.Push.Protocol;
using Autoscaler.MetricsAdapter.Storage;
using Autoscaler.MetricsAdapter.Tests.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Autoscaler.MetricsAdapter.Tests.Sources.Push;

public sealed class PushGrpcServiceTests : IAsyncLifetime
{
    private readonly SqliteSampleStore _store = new(":memory:");
    private GrpcTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await GrpcTestHost.StartAsync(services =>
        {
            services.AddSingleton<ISampleStore>(_store);

            // These tests push fixed historical timestamps; the timestamp bounds have their own tests.
            services.Configure<PushOptions>(o => (o.MaxFutureSkew, o.MaxPastAge) = (TimeSpan.FromDays(36500), TimeSpan.FromDays(36500)));
            services.AddSingleton<Autoscaler.MetricsAdapter.Sources.Push.Authorization.IPushAuthorizer, Autoscaler.MetricsAdapter.Sources.Push.Authorization.AllowAnyPushAuthorizer>();
            services.AddPushGrpcService();
        });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _store.Dispose();
    }

    [Fact]
    public async Task Push_stores_the_batch_and_reports_the_count()
    {
        var request = Batch("shop", ("queue_length", 12, 1_700_000_000_000), ("queue_length", 14, 1_700_000_001_000));

        var reply = await _host.SendAsync(GrpcTestHost.Request("/autoscaler.metrics.v1.MetricsPush/Push", GrpcTestHost.Frame(request)));

        Assert.Equal(2u, reply.Single(PushResponse.Parser).Accepted);
        var stored = _store.Latest("shop", "queue_length", _ => true).Single();
        Assert.Equal((14.0, 1_700_000_001_000L), (stored.Value, stored.TimestampUnixMs));
    }

    [Fact]
    public async Task A_zero_timestamp_means_received_now()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await _host.SendAsync(GrpcTestHost.Request("/autoscaler.metrics.v1.MetricsPush/Push", GrpcTestHost.Frame(Batch("shop", ("q", 1, 0)))));

        Assert.True(_store.Latest("shop", "q", _ => true).Single().TimestampUnixMs >= before);
    }

    [Fact]
    public async Task Invalid_push_is_invalid_argument_naming_the_field_and_stores_nothing()
    {
        var request = Batch("shop", ("ok", 1, 1000), ("bad name!", 1, 1000), ("nan", double.NaN, 1000));

        var reply = await _host.SendAsync(GrpcTestHost.Request("/autoscaler.metrics.v1.MetricsPush/Push", GrpcTestHost.Frame(request)));

        Assert.Equal("3", reply.Status);
        Assert.Contains("samples[1].name", Uri.UnescapeDataString(reply.Message!), StringComparison.Ordinal);
        Assert.Contains("samples[2].value", Uri.UnescapeDataString(reply.Message!), StringComparison.Ordinal);
        Assert.Empty(_store.Latest("shop", "ok", _ => true));
    }

    [Fact]
    public async Task Stream_push_stores_every_batch()
    {
        var body = GrpcTestHost.Frame(Batch("shop", ("a", 1, 1000))).Concat(GrpcTestHost.Frame(Batch("shop", ("b", 2, 1000), ("c", 3, 1000)))).ToArray();

        var reply = await _host.SendAsync(GrpcTestHost.Request("/autoscaler.metrics.v1.MetricsPush/PushStream", body));

        Assert.Equal(3u, reply.Single(PushResponse.Parser).Accepted);
        Assert.Equal(3.0, _store.Latest("shop", "c", _ => true).Single().Value);
    }

    private static PushRequest Batch(string ns, params (string Name, double Value, long Ts)[] samples)
    {
        var request = new PushRequest { Namespace = ns };
        foreach (var (name, value, ts) in samples)
        {
            request.Samples.Add(new Sample { Name = name, Value = value, TimestampUnixMs = ts, Labels = { ["queue"] = "orders" } });
        }

        return request;
    }
}
