using Autoscaler.Core.Labels;
using Autoscaler.Core.Quantities;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.MetricsAdapter.Providers.InMemory;
using Microsoft.Extensions.DependencyInjection;

namespace Autoscaler.MetricsAdapter.Tests.Providers;

public sealed class CompositeMetricsProviderTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> Orders = new() { ["queue"] = "orders" };

    [Fact]
    public async Task FirstSourceThatKnowsTheMetricAnswers()
    {
        var a = new InMemoryMetricsProvider("a");
        var b = new InMemoryMetricsProvider("b");
        b.SetExternal("queue_length", Orders, Quantity.FromDouble(40), Now);
        var composite = Build(a, b);

        var result = await composite.GetExternalMetricAsync(new ExternalMetricQuery("default", "queue_length", LabelSelector.Everything), default);

        Assert.True(result.IsSuccess);
        Assert.Equal("40", Assert.Single(result.Value).Value.ToString());
    }

    [Fact]
    public async Task NoValueBeatsNotFoundSoTheCallerSeesTheRealReason()
    {
        var a = new InMemoryMetricsProvider("a");
        a.DeclareExternal("queue_length");
        var composite = Build(new InMemoryMetricsProvider("b"), a);

        var result = await composite.GetExternalMetricAsync(new ExternalMetricQuery("default", "queue_length", LabelSelector.Parse("queue=x")), default);

        Assert.Equal(MetricErrorKind.NoValue, result.Error!.Kind);
    }

    [Fact]
    public async Task UnknownMetricIsNotFound()
    {
        var result = await Build(new InMemoryMetricsProvider()).GetExternalMetricAsync(new ExternalMetricQuery("default", "nope", LabelSelector.Everything), default);
        Assert.Equal(MetricErrorKind.NotFound, result.Error!.Kind);
        Assert.Throws<MetricProviderException>(() => result.Value);
    }

    [Fact]
    public async Task ThrowingSourceBecomesUnavailableAndOthersStillServe()
    {
        var good = new InMemoryMetricsProvider("good");
        good.SetExternal("m", Orders, Quantity.FromMilli(1500), Now);
        var composite = Build(new ThrowingProvider(), good);

        var ok = await composite.GetExternalMetricAsync(new ExternalMetricQuery("ns", "m", LabelSelector.Everything), default);
        var missing = await composite.GetExternalMetricAsync(new ExternalMetricQuery("ns", "other", LabelSelector.Everything), default);
        var listed = await composite.ListExternalMetricsAsync(default);

        Assert.Equal("1500m", Assert.Single(ok.Value).Value.ToString());
        Assert.Equal(MetricErrorKind.SourceUnavailable, missing.Error!.Kind);
        Assert.Equal("m", Assert.Single(listed).Metric);
    }

    [Fact]
    public void ReadinessNeedsOneHealthySource()
    {
        var a = new InMemoryMetricsProvider("a");
        var b = new InMemoryMetricsProvider("b");
        var composite = Build(a, b);
        a.SetHealth(SourceHealth.Failed("down"));
        Assert.True(composite.AnySourceHealthy());
        b.SetHealth(SourceHealth.Failed("down"));
        Assert.False(composite.AnySourceHealthy());
        Assert.Equal(["a", "b"], composite.SourceHealth().Select(h => h.Name));
    }

    [Fact]
    public async Task CustomMetricsRouteBySelectorAndName()
    {
        var a = new InMemoryMetricsProvider();
        var pods = new GroupResource(string.Empty, "pods");
        a.SetCustom(pods, true, new ObjectReference("Pod", "shop", "web-1", "v1"), new Dictionary<string, string> { ["app"] = "web" }, "rps", Quantity.FromDouble(3), Now);
        a.SetCustom(pods, true, new ObjectReference("Pod", "shop", "api-1", "v1"), new Dictionary<string, string> { ["app"] = "api" }, "rps", Quantity.FromDouble(5), Now);
        var composite = Build(a);
        var info = new CustomMetricInfo(pods, true, "rps");

        var selected = await composite.GetMetricBySelectorAsync(new CustomSelectorQuery(info, "shop", LabelSelector.Parse("app=web"), LabelSelector.Everything), default);
        var named = await composite.GetMetricByNameAsync(new CustomObjectQuery(info, "shop", "api-1", LabelSelector.Everything), default);
        var absent = await composite.GetMetricByNameAsync(new CustomObjectQuery(info, "shop", "zzz", LabelSelector.Everything), default);

        Assert.Equal("web-1", Assert.Single(selected.Value).DescribedObject.Name);
        Assert.Equal("5", named.Value.Value.ToString());
        Assert.Equal(MetricErrorKind.NotFound, absent.Error!.Kind);
    }

    [Fact]
    public void AddMetricSourceExposesEverySeamInterfaceOnce()
    {
        var services = new ServiceCollection();
        services.AddMetricSource<InMemoryMetricsProvider>();
        using var sp = services.BuildServiceProvider();
        var instance = sp.GetRequiredService<InMemoryMetricsProvider>();
        Assert.Same(instance, Assert.Single(sp.GetServices<IExternalMetricsProvider>()));
        Assert.Same(instance, Assert.Single(sp.GetServices<ICustomMetricsProvider>()));
        Assert.Same(instance, Assert.Single(sp.GetServices<IMetricSourceHealth>()));
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddMetricSource(new object()));
    }

    private static CompositeMetricsProvider Build(params object[] sources) =>
        new(sources.OfType<IExternalMetricsProvider>(), sources.OfType<ICustomMetricsProvider>(), sources.OfType<IMetricSourceHealth>());

    private sealed class ThrowingProvider : IExternalMetricsProvider
    {
        public ValueTask<IReadOnlyList<ExternalMetricInfo>> ListExternalMetricsAsync(CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom");

        public ValueTask<MetricResult<IReadOnlyList<ExternalMetricValue>>> GetExternalMetricAsync(ExternalMetricQuery query, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom");
    }
}
