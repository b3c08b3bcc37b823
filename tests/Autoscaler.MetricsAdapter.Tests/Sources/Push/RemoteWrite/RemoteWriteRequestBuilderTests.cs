using Autoscaler.MetricsAdapter.Sources.Push.RemoteWrite;
using Autoscaler.MetricsAdapter.Storage;

namespace Autoscaler.MetricsAdapter.Tests.Sources.Push.RemoteWrite;

public sealed class RemoteWriteRequestBuilderTests
{
    [Fact]
    public void One_series_per_label_set_with_sorted_labels_and_samples_in_time_order()
    {
        var request = RemoteWriteRequestBuilder.Build(
        [
            Sample("shop", "queue_length", 3, 3000, ("queue", "orders")),
            Sample("shop", "queue_length", 1, 1000, ("queue", "orders")),
            Sample("shop", "queue_length", 9, 1000, ("queue", "mail")),
            Sample("shop", "queue_length", 2, 2000, ("queue", "orders")),
        ]);

        Assert.Equal(2, request.Timeseries.Count);
        var orders = request.Timeseries.Single(t => t.Labels.Any(l => l.Value == "orders"));
        Assert.Equal(["__name__=queue_length", "namespace=shop", "queue=orders"], orders.Labels.Select(l => $"{l.Name}={l.Value}"));
        Assert.Equal([(1000L, 1.0), (2000L, 2.0), (3000L, 3.0)], orders.Samples.Select(s => (s.Timestamp, s.Value)));
    }

    [Fact]
    public void The_pushed_namespace_label_cannot_move_a_series_into_another_namespace()
    {
        var request = RemoteWriteRequestBuilder.Build([Sample("team-a", "q", 1, 1000, ("namespace", "team-b"))]);

        Assert.Equal(["__name__=q", "exported_namespace=team-b", "namespace=team-a"], request.Timeseries.Single().Labels.Select(l => $"{l.Name}={l.Value}"));
    }

    [Fact]
    public void Kubernetes_style_label_names_become_prometheus_names_and_empty_values_are_left_out()
    {
        var request = RemoteWriteRequestBuilder.Build([Sample("shop", "q", 1, 1000, ("app.kubernetes.io/name", "web"), ("zone", ""))]);

        Assert.Equal(["__name__=q", "app_kubernetes_io_name=web", "namespace=shop"], request.Timeseries.Single().Labels.Select(l => $"{l.Name}={l.Value}"));
    }

    [Fact]
    public void A_repeated_timestamp_keeps_the_last_value_of_the_batch()
    {
        var request = RemoteWriteRequestBuilder.Build([Sample("shop", "q", 1, 1000), Sample("shop", "q", 7, 1000)]);

        Assert.Equal(7.0, request.Timeseries.Single().Samples.Single().Value);
    }

    [Fact]
    public void Two_labels_that_become_one_prometheus_name_are_refused_naming_both()
    {
        var error = Assert.Throws<RemoteWriteException>(() => RemoteWriteRequestBuilder.Build([Sample("shop", "q", 1, 1000, ("a.b", "1"), ("a_b", "2"))]));

        Assert.False(error.Retryable);
        Assert.Contains("labels 'a.b' and 'a_b' both become 'a_b' in Prometheus", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("queue", "queue")]
    [InlineData("app.kubernetes.io/name", "app_kubernetes_io_name")]
    [InlineData("9lives", "_9lives")]
    [InlineData("kebab-case", "kebab_case")]
    public void Prometheus_label_names(string pushed, string expected) =>
        Assert.Equal(expected, RemoteWriteRequestBuilder.PrometheusLabelName(pushed));

    internal static MetricSample Sample(string ns, string name, double value, long ts, params (string Name, string Value)[] labels) =>
        new(ns, name, labels.ToDictionary(l => l.Name, l => l.Value), value, ts);
}
