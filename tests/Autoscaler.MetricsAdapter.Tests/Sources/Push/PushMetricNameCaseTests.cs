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

/// <summary>Issue #14, wrong value 2: the HPA lower-cases metric names, so pushed names must match that way.</summary>
public sealed class PushMetricNameCaseTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly SqliteSampleStore _store;
    private readonly PushMetricsProvider _provider;
    private GrpcTestHost _host = null!;

    public PushMetricNameCaseTests()
    {
        _store = new SqliteSampleStore(":memory:", _clock);
        _provider = new PushMetricsProvider(_store, Options.Create(new StalenessOptions()), _clock);
    }

    public async Task InitializeAsync() =>
        _host = await GrpcTestHost.StartAsync(services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            services.AddSingleton<ISampleStore>(_store);
            services.AddSingleton<Autoscaler.MetricsAdapter.Sources.Push.Authorization.IPushAuthorizer, Autoscaler.MetricsAdapter.Sources.Push.Authorization.AllowAnyPushAuthorizer>();
            services.AddPushGrpcService();
        });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _store.Dispose();
    }

    [Fact]
    public async Task Issue_input_queueLength_pushed_to_shop_is_read_as_queuelength_with_the_selector()
    {
        Assert.Equal("0", (await Push("queueLength", 17)).Status);

        var result = await _provider.GetExternalMetricAsync(new ExternalMetricQuery("shop", "queuelength", LabelSelector.Parse("queue=orders")), default);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(17, Assert.Single(result.Value).Value.ToDouble());
        Assert.Contains(await _provider.ListExternalMetricsAsync(default), m => m.Metric == "queueLength");
    }

    [Theory]
    [InlineData("queuelength")]
    [InlineData("QUEUELENGTH")]
    [InlineData("QueueLength")]
    public async Task Any_spelling_reads_the_one_pushed_name(string asked)
    {
        await Push("queueLength", 17);

        var result = await _provider.GetExternalMetricAsync(new ExternalMetricQuery("shop", asked, LabelSelector.Everything), default);

        Assert.Equal(17, Assert.Single(result.Value).Value.ToDouble());
    }

    [Fact]
    public async Task A_second_name_differing_only_by_case_is_refused_with_both_names()
    {
        await Push("queueLength", 17);

        var reply = await Push("QueueLength", 99);

        Assert.Equal("3", reply.Status);
        var message = Uri.UnescapeDataString(reply.Message!);
        Assert.Contains("'QueueLength' differs only by case from 'queueLength' in namespace shop", message, StringComparison.Ordinal);
        var stillOne = await _provider.GetExternalMetricAsync(new ExternalMetricQuery("shop", "queuelength", LabelSelector.Everything), default);
        Assert.Equal(17, Assert.Single(stillOne.Value).Value.ToDouble());
    }

    [Fact]
    public async Task Two_spellings_in_one_batch_are_refused_and_nothing_is_stored()
    {
        var request = new PushRequest { Namespace = "shop" };
        request.Samples.Add(new Sample { Name = "jobs", Value = 1 });
        request.Samples.Add(new Sample { Name = "Jobs", Value = 2 });

        var reply = await _host.SendAsync(GrpcTestHost.Request("/autoscaler.metrics.v1.MetricsPush/Push", GrpcTestHost.Frame(request)));

        Assert.Equal("3", reply.Status);
        Assert.Empty(_store.MetricNames());
    }

    [Fact]
    public async Task The_same_spelling_in_another_namespace_is_independent()
    {
        await Push("queueLength", 17);
        var other = new PushRequest { Namespace = "billing" };
        other.Samples.Add(new Sample { Name = "QueueLength", Value = 3 });

        var reply = await _host.SendAsync(GrpcTestHost.Request("/autoscaler.metrics.v1.MetricsPush/Push", GrpcTestHost.Frame(other)));

        Assert.Equal("0", reply.Status);
    }

    [Fact]
    public async Task Names_differing_by_case_already_in_a_store_are_a_configuration_error_not_a_guess()
    {
        // A store written before names were compared case-insensitively may hold both spellings.
        var path = Path.Combine(Path.GetTempPath(), "legacy-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            using (var first = new SqliteSampleStore(path, _clock))
            {
                first.Append([new MetricSample("shop", "queueLength", new Dictionary<string, string>(), 17, Now.ToUnixTimeMilliseconds())]);
            }

            using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=false"))
            {
                connection.Open();
                using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO series (namespace, name, labels, last_ts, last_value) VALUES ('shop', 'QueueLength', 'q=x', $t, 99)";
                insert.Parameters.AddWithValue("$t", Now.ToUnixTimeMilliseconds());
                insert.ExecuteNonQuery();
            }

            using var legacy = new SqliteSampleStore(path, _clock);
            var provider = new PushMetricsProvider(legacy, Options.Create(new StalenessOptions()), _clock);

            var result = await provider.GetExternalMetricAsync(new ExternalMetricQuery("shop", "queuelength", LabelSelector.Everything), default);

            Assert.Equal(MetricErrorKind.Configuration, result.Error!.Kind);
            Assert.Contains("(QueueLength, queueLength)", result.Error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private Task<GrpcReply> Push(string name, double value)
    {
        var request = new PushRequest { Namespace = "shop" };
        request.Samples.Add(new Sample { Name = name, Value = value, TimestampUnixMs = Now.ToUnixTimeMilliseconds(), Labels = { ["queue"] = "orders" } });
        return _host.SendAsync(GrpcTestHost.Request("/autoscaler.metrics.v1.MetricsPush/Push", GrpcTestHost.Frame(request)));
    }
}
