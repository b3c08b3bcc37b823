using Autoscaler.Core.Labels;
using Autoscaler.MetricsAdapter.Grpc;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.MetricsAdapter.Sources;
using Autoscaler.MetricsAdapter.Sources.Push;
using Autoscaler.MetricsAdapter.Sources.Push.Protocol;
using Autoscaler.MetricsAdapter.Storage;
using Autoscaler.MetricsAdapter.Tests.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Autoscaler.MetricsAdapter.Tests.Sources.Push;

/// <summary>Issue #14, wrong value 1: a sample stamped in the future must never freeze a series.</summary>
public sealed class PushTimestampBoundsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "push-bounds-" + Guid.NewGuid().ToString("N"));
    private SqliteSampleStore _store = null!;
    private PushMetricsProvider _provider = null!;
    private GrpcTestHost _host = null!;

    private string DatabasePath => Path.Combine(_directory, "samples.db");

    public async Task InitializeAsync()
    {
        _store = new SqliteSampleStore(DatabasePath, _clock);
        _provider = new PushMetricsProvider(_store, Options.Create(new StalenessOptions { MaxAge = TimeSpan.FromMinutes(2) }), _clock);
        _host = await GrpcTestHost.StartAsync(services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            services.AddSingleton<ISampleStore>(_ => _store);
            services.AddSingleton<Autoscaler.MetricsAdapter.Sources.Push.Authorization.IPushAuthorizer, Autoscaler.MetricsAdapter.Sources.Push.Authorization.AllowAnyPushAuthorizer>();
            services.AddPushGrpcService();
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Issue_input_future_metric_7_an_hour_ahead_is_refused_and_200_stamped_now_is_served()
    {
        var future = await Push(("future_metric", 7, Now.AddHours(1)));
        var current = await Push(("future_metric", 200, Now));

        Assert.Equal("3", future.Status);
        var message = Uri.UnescapeDataString(future.Message!);
        Assert.Contains("future_metric{queue=\"orders\"}", message, StringComparison.Ordinal);
        Assert.Contains("3600 s ahead of the adapter's clock", message, StringComparison.Ordinal);
        Assert.Contains("more than 300 s ahead of it are refused (Push:MaxFutureSkew)", message, StringComparison.Ordinal);
        Assert.Equal("0", current.Status);
        Assert.Equal(200, await Value("future_metric"));
    }

    [Fact]
    public async Task A_sample_ahead_within_the_bound_waits_for_its_time_and_never_hides_a_current_one()
    {
        await Push(("q", 7, Now.AddMinutes(2)));
        Assert.Equal(MetricErrorKind.NoValue, (await Read("q")).Error!.Kind);

        await Push(("q", 200, Now));
        Assert.Equal(200, await Value("q"));

        _clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(200, await Value("q"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(7, await Value("q"));
    }

    [Fact]
    public async Task Staleness_still_fires_after_a_sample_that_was_ahead()
    {
        await Push(("q", 7, Now.AddMinutes(4)));
        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(7, await Value("q"));

        _clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(MetricErrorKind.Stale, (await Read("q")).Error!.Kind);
    }

    [Fact]
    public async Task Samples_too_far_in_the_past_are_refused_with_the_series_and_the_bound()
    {
        var reply = await Push(("old_metric", 1, Now.AddMinutes(-6)));

        Assert.Equal("3", reply.Status);
        var message = Uri.UnescapeDataString(reply.Message!);
        Assert.Contains("old_metric{queue=\"orders\"}", message, StringComparison.Ordinal);
        Assert.Contains("360 s behind the adapter's clock; samples more than 300 s behind it are refused (Push:MaxPastAge)", message, StringComparison.Ordinal);
        Assert.Empty(_store.MetricNames());
    }

    [Fact]
    public void The_bounds_come_from_configuration()
    {
        var options = new PushOptions { MaxFutureSkew = TimeSpan.FromSeconds(10), MaxPastAge = TimeSpan.FromHours(1) };
        var request = Batch(("q", 1, Now.AddSeconds(11)), ("q", 1, Now.AddMinutes(-59)));

        PushRequestValidator.Validate(request, Now.ToUnixTimeMilliseconds(), options, out var errors);

        Assert.StartsWith("samples[0].timestamp_unix_ms:", Assert.Single(errors), StringComparison.Ordinal);
        Assert.Equal(["Push:MaxFutureSkew must be positive (got 00:00:00)"], new PushOptions { MaxFutureSkew = TimeSpan.Zero }.Validate());
    }

    [Fact]
    public void Regression_a_timestamp_near_long_max_is_refused_not_a_crash()
    {
        // Found by PushFuzzTests: TimeSpan/DateTimeOffset overflowed and the push answered UNKNOWN.
        var request = Batch(("q", 1, Now));
        request.Samples[0].TimestampUnixMs = long.MaxValue;

        PushRequestValidator.Validate(request, Now.ToUnixTimeMilliseconds(), new PushOptions(), out var errors);

        var error = Assert.Single(errors);
        Assert.Contains("is stamped 9223372036854775807 ms after the Unix epoch (after year 9999)", error, StringComparison.Ordinal);
        Assert.Contains("refused (Push:MaxFutureSkew)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_after_a_restart_still_use_the_newest_sample_not_later_than_now()
    {
        await Push(("q", 7, Now.AddMinutes(3)));
        await Push(("q", 200, Now));
        _store.Dispose();

        _store = new SqliteSampleStore(DatabasePath, _clock);
        _provider = new PushMetricsProvider(_store, Options.Create(new StalenessOptions { MaxAge = TimeSpan.FromMinutes(2) }), _clock);

        Assert.Equal(200, await Value("q"));
        _clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(7, await Value("q"));
    }

    private static PushRequest Batch(params (string Name, double Value, DateTimeOffset At)[] samples)
    {
        var request = new PushRequest { Namespace = "shop" };
        foreach (var (name, value, at) in samples)
        {
            request.Samples.Add(new Sample { Name = name, Value = value, TimestampUnixMs = at.ToUnixTimeMilliseconds(), Labels = { ["queue"] = "orders" } });
        }

        return request;
    }

    private Task<GrpcReply> Push(params (string Name, double Value, DateTimeOffset At)[] samples) =>
        _host.SendAsync(GrpcTestHost.Request("/autoscaler.metrics.v1.MetricsPush/Push", GrpcTestHost.Frame(Batch(samples))));

    private async Task<MetricResult<IReadOnlyList<ExternalMetricValue>>> Read(string metric) =>
        await _provider.GetExternalMetricAsync(new ExternalMetricQuery("shop", metric, LabelSelector.Parse("queue=orders")), default);

    private async Task<double> Value(string metric)
    {
        var result = await Read(metric);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return Assert.Single(result.Value).Value.ToDouble();
    }
}
