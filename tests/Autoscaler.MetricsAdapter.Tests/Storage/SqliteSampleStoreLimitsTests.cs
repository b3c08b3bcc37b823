using Autoscaler.MetricsAdapter.Storage;

namespace Autoscaler.MetricsAdapter.Tests.Storage;

/// <summary>Series and history bounds of the embedded store (issue #15): refusals store nothing, existing series keep working.</summary>
public sealed class SqliteSampleStoreLimitsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "adapter-limits-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_directory, "samples.db");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void A_batch_over_the_namespace_limit_is_refused_whole_and_existing_series_keep_working()
    {
        using var store = new SqliteSampleStore(DatabasePath, limits: new SampleStoreLimits(100, 3, 1_000));
        store.Append([Sample("shop", "a", 1, 1000), Sample("shop", "b", 1, 1000), Sample("shop", "c", 1, 1000)]);

        var error = Assert.Throws<StoreLimitExceededException>(() => store.Append([Sample("shop", "a", 2, 2000), Sample("shop", "d", 2, 2000)]));
        store.Append([Sample("shop", "a", 3, 3000)]);
        store.Append([Sample("other", "d", 4, 3000)]);

        Assert.Equal(
            "series limit reached in namespace shop: it has 3 series and this batch would add 1 new ones; at most 3 per namespace " +
            "(Storage:MaxSeriesPerNamespace). Existing series still accept samples; series without samples expire after Storage:Retention",
            error.Message);
        Assert.Equal(3.0, store.Latest("shop", "a", _ => true).Single().Value);
        Assert.Empty(store.Latest("shop", "d", _ => true));
        Assert.Equal(4, store.SeriesCount);
    }

    [Fact]
    public void The_total_limit_counts_every_namespace_and_names_its_setting()
    {
        using var store = new SqliteSampleStore(DatabasePath, limits: new SampleStoreLimits(3, 10, 1_000));
        store.Append([Sample("a", "x", 1, 1000), Sample("a", "y", 1, 1000), Sample("b", "x", 1, 1000)]);

        var error = Assert.Throws<StoreLimitExceededException>(() => store.Append([Sample("c", "x", 1, 1000)]));

        Assert.Contains("at most 3 in total (Storage:MaxSeries)", error.Message, StringComparison.Ordinal);
        Assert.Empty(store.Latest("c", "x", _ => true));
    }

    [Fact]
    public void Series_removed_by_retention_free_their_place()
    {
        using var store = new SqliteSampleStore(DatabasePath, limits: new SampleStoreLimits(100, 2, 1_000));
        store.Append([Sample("shop", "old", 1, 1000), Sample("shop", "kept", 1, 9000)]);
        Assert.Throws<StoreLimitExceededException>(() => store.Append([Sample("shop", "new", 1, 9000)]));

        store.Prune(cutoffUnixMs: 5000);
        store.Append([Sample("shop", "new", 1, 9000)]);

        Assert.Single(store.Latest("shop", "new", _ => true));
    }

    [Fact]
    public void Counts_survive_a_restart()
    {
        using (var first = new SqliteSampleStore(DatabasePath, limits: new SampleStoreLimits(100, 2, 1_000)))
        {
            first.Append([Sample("shop", "a", 1, 1000), Sample("shop", "b", 1, 1000)]);
        }

        using var reopened = new SqliteSampleStore(DatabasePath, limits: new SampleStoreLimits(100, 2, 1_000));

        Assert.Throws<StoreLimitExceededException>(() => reopened.Append([Sample("shop", "c", 1, 1000)]));
        reopened.Append([Sample("shop", "b", 2, 2000)]);
        Assert.Equal(2.0, reopened.Latest("shop", "b", _ => true).Single().Value);
    }

    [Fact]
    public void History_beyond_max_samples_is_trimmed_oldest_first_and_every_series_keeps_its_newest_point()
    {
        using var store = new SqliteSampleStore(DatabasePath, limits: new SampleStoreLimits(10, 10, 100));
        for (var t = 1; t <= 40; t++)
        {
            store.Append([.. Enumerable.Range(0, 10).Select(s => Sample("shop", $"m{s}", t, t * 1000L))]);
        }

        Assert.InRange(store.SampleCount, 10, 100);
        for (var s = 0; s < 10; s++)
        {
            var newest = store.Latest("shop", $"m{s}", _ => true).Single();
            Assert.Equal((40.0, 40_000L), (newest.Value, newest.TimestampUnixMs));
        }

        // The oldest history went first: retention up to t=30 finds only what trimming left.
        Assert.True(store.Prune(cutoffUnixMs: 30_000) < 10 * 29, "trimming should have removed the oldest samples already");
    }

    private static MetricSample Sample(string ns, string name, double value, long ts) =>
        new(ns, name, new Dictionary<string, string>(), value, ts);
}
