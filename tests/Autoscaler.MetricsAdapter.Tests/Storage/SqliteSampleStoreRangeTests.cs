using Autoscaler.MetricsAdapter.Storage;

namespace Autoscaler.MetricsAdapter.Tests.Storage;

/// <summary>The store's range read: Prometheus query_range alignment (newest sample in (t − lookback, t]), gaps, bounds.</summary>
public sealed class SqliteSampleStoreRangeTests : IDisposable
{
    private static readonly Dictionary<string, string> Orders = new() { ["queue"] = "orders" };
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeMilliseconds(1_000_000));
    private readonly SqliteSampleStore _store;

    public SqliteSampleStoreRangeTests() => _store = new SqliteSampleStore(":memory:", _clock);

    public void Dispose() => _store.Dispose();

    private void Push(long ts, double value, IReadOnlyDictionary<string, string>? labels = null, string name = "queue_length") =>
        _store.Append([new MetricSample("shop", name, labels ?? Orders, value, ts)]);

    private static RangeQuery Query(long start, long end, long step, long lookback = 300_000, IReadOnlyDictionary<string, string>? labels = null, string name = "queue_length") =>
        new("shop", name, labels ?? Orders, start, end, step, lookback);

    [Fact]
    public void Each_step_takes_the_newest_sample_at_or_before_it_and_is_stamped_on_the_grid()
    {
        Push(10_000, 1);
        Push(25_000, 2);
        Push(30_000, 3);
        Push(41_000, 4);

        var range = _store.Range(Query(10_000, 50_000, 10_000))!;

        Assert.Equal(
            [new(10_000, 1), new(20_000, 1), new(30_000, 3), new(40_000, 3), new(50_000, 4)],
            range.Points);
        Assert.Equal("queue_length", range.Name);
        Assert.Equal("orders", range.Labels["queue"]);
    }

    [Fact]
    public void A_step_whose_lookback_window_is_empty_has_no_point_and_the_window_is_left_open()
    {
        Push(10_000, 1);
        Push(100_000, 2);

        // Lookback 30 s: the window of 40 s is (10 s, 40 s], which excludes the sample at 10 s (left-open, as in Prometheus 3).
        var range = _store.Range(Query(0, 100_000, 10_000, lookback: 30_000))!;

        Assert.Equal([new(10_000, 1), new(20_000, 1), new(30_000, 1), new(100_000, 2)], range.Points);
    }

    [Fact]
    public void Steps_before_the_first_sample_and_samples_stamped_after_the_clock_give_no_points()
    {
        Push(900_000, 5);
        Push(1_030_000, 9); // ahead of the store's clock (1,000 s): not current yet

        var range = _store.Range(Query(800_000, 1_060_000, 60_000))!;

        Assert.Equal([new(920_000, 5), new(980_000, 5), new(1_040_000, 5)], range.Points);
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(9, _store.Range(Query(1_040_000, 1_040_000, 60_000))!.Points.Single().Value);
    }

    [Fact]
    public void The_series_is_chosen_by_its_exact_label_set_and_the_name_case_insensitively()
    {
        Push(10_000, 1);
        Push(10_000, 7, new Dictionary<string, string> { ["queue"] = "orders", ["pod"] = "a" });

        Assert.Equal(1, _store.Range(Query(10_000, 10_000, 1000, name: "QUEUE_LENGTH"))!.Points.Single().Value);
        var withPod = new Dictionary<string, string> { ["queue"] = "orders", ["pod"] = "a", ["zone"] = "" };
        Assert.Equal(7, _store.Range(Query(10_000, 10_000, 1000, labels: withPod))!.Points.Single().Value);
        Assert.Null(_store.Range(Query(10_000, 10_000, 1000, labels: new Dictionary<string, string> { ["pod"] = "a" })));
        Assert.Null(_store.Range(Query(10_000, 10_000, 1000, name: "other")));
    }

    [Fact]
    public void A_known_series_with_no_sample_in_range_answers_an_empty_range()
    {
        Push(500_000, 1);

        Assert.Empty(_store.Range(Query(0, 100_000, 10_000))!.Points);
    }

    [Theory]
    [InlineData(10_000, 0, 1000, "end timestamp must not be before start time")]
    [InlineData(0, 10_000, 0, "zero or negative query resolution step widths")]
    [InlineData(0, 11_000_000, 1000, "exceeded maximum resolution of 11,000 points")]
    public void Invalid_or_unbounded_queries_are_refused_before_reading(long start, long end, long step, string message)
    {
        Push(1000, 1);

        var e = Assert.Throws<ArgumentException>(() => _store.Range(Query(start, end, step)));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_the_maximum_number_of_points_is_served()
    {
        Push(0, 3);
        var query = Query(0, (RangeQuery.MaxPoints - 1) * 10L, 10, lookback: long.MaxValue / 2);

        Assert.Equal(RangeQuery.MaxPoints, query.Steps);
        Assert.Equal(RangeQuery.MaxPoints, _store.Range(query)!.Points.Count);
    }
}
