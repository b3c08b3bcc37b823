using Autoscaler.MetricsAdapter.Storage;

namespace Autoscaler.MetricsAdapter.Tests.Storage;

public sealed class SqliteSampleStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "adapter-store-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_directory, "samples.db");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Latest_returns_the_newest_point_per_series_even_when_a_batch_arrives_out_of_order()
    {
        using var store = new SqliteSampleStore(DatabasePath);
        store.Append([Sample("queue", 5, 2000, "q", "a"), Sample("queue", 9, 1000, "q", "a"), Sample("queue", 7, 1500, "q", "b")]);

        var latest = store.Latest("shop", "queue", _ => true).OrderBy(s => s.Labels["q"]).ToList();

        Assert.Equal(2, latest.Count);
        Assert.Equal((5.0, 2000L), (latest[0].Value, latest[0].TimestampUnixMs));
        Assert.Equal((7.0, 1500L), (latest[1].Value, latest[1].TimestampUnixMs));
    }

    [Fact]
    public void An_older_sample_in_a_later_batch_does_not_replace_the_newest()
    {
        using var store = new SqliteSampleStore(DatabasePath);
        store.Append([Sample("queue", 5, 2000)]);
        store.Append([Sample("queue", 1, 1000)]);

        Assert.Equal(5.0, store.Latest("shop", "queue", _ => true).Single().Value);
    }

    [Fact]
    public void Lookups_filter_by_namespace_name_and_label_predicate()
    {
        using var store = new SqliteSampleStore(DatabasePath);
        store.Append([Sample("queue", 1, 1000, "q", "a"), Sample("queue", 2, 1000, "q", "b"), Sample("other", 3, 1000, "q", "a")]);
        store.Append([new MetricSample("billing", "queue", new Dictionary<string, string> { ["q"] = "a" }, 4, 1000)]);

        var onlyB = store.Latest("shop", "queue", labels => labels.TryGetValue("q", out var q) && q == "b");

        Assert.Equal(2.0, onlyB.Single().Value);
        Assert.Empty(store.Latest("nowhere", "queue", _ => true));
        Assert.Equal(4.0, store.Latest("billing", "queue", _ => true).Single().Value);
    }

    [Fact]
    public void Samples_survive_a_restart()
    {
        using (var store = new SqliteSampleStore(DatabasePath))
        {
            store.Append([Sample("queue", 42, 5000, "q", "a=b\u001fc\\d")]);
        }

        using var reopened = new SqliteSampleStore(DatabasePath);
        var series = reopened.Latest("shop", "queue", _ => true).Single();

        Assert.Equal(42.0, series.Value);
        Assert.Equal(5000L, series.TimestampUnixMs);
        Assert.Equal("a=b\u001fc\\d", series.Labels["q"]);
        Assert.Contains(("shop", "queue"), reopened.MetricNames());
    }

    [Fact]
    public void Prune_deletes_expired_samples_and_series_with_nothing_newer()
    {
        using var store = new SqliteSampleStore(DatabasePath);
        store.Append([Sample("old", 1, 1000), Sample("mixed", 1, 1000), Sample("mixed", 2, 9000)]);

        var deleted = store.Prune(cutoffUnixMs: 5000);

        Assert.Equal(2, deleted);
        Assert.Empty(store.Latest("shop", "old", _ => true));
        Assert.Equal(2.0, store.Latest("shop", "mixed", _ => true).Single().Value);
        Assert.DoesNotContain(("shop", "old"), store.MetricNames());
        store.Dispose();
        using var reopened = new SqliteSampleStore(DatabasePath);
        Assert.Empty(reopened.Latest("shop", "old", _ => true));
    }

    [Fact]
    public void Repushing_the_same_timestamp_replaces_the_value()
    {
        using var store = new SqliteSampleStore(DatabasePath);
        store.Append([Sample("queue", 1, 1000)]);
        store.Append([Sample("queue", 3, 1000)]);

        Assert.Equal(3.0, store.Latest("shop", "queue", _ => true).Single().Value);
        Assert.Equal(1, store.SeriesCount);
    }

    [Fact]
    public void Label_order_does_not_create_a_second_series()
    {
        using var store = new SqliteSampleStore(DatabasePath);
        store.Append([new MetricSample("shop", "m", new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, 1, 1000)]);
        store.Append([new MetricSample("shop", "m", new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" }, 2, 2000)]);

        Assert.Equal(1, store.SeriesCount);
    }

    [Fact]
    public void Large_batches_store_every_row_across_multi_row_chunks_and_the_remainder()
    {
        using var store = new SqliteSampleStore(DatabasePath);
        var batch = Enumerable.Range(0, 150).Select(i => Sample("queue", i, 1000 + i, "q", $"s{i % 3}")).ToList();

        store.Append(batch);

        Assert.Equal(147.0, store.Latest("shop", "queue", l => l["q"] == "s0").Single().Value);
        Assert.Equal(149.0, store.Latest("shop", "queue", l => l["q"] == "s2").Single().Value);
        Assert.Equal(150, store.Prune(cutoffUnixMs: 10_000));
    }

    private static MetricSample Sample(string name, double value, long ts, string label = "q", string labelValue = "main") =>
        new("shop", name, new Dictionary<string, string> { [label] = labelValue }, value, ts);
}
