namespace Autoscaler.MetricsAdapter.Storage;

/// <summary>Where pushed samples live: batched appends, newest-value lookups, retention.</summary>
internal interface ISampleStore
{
    /// <summary>Stores a batch atomically (all samples or none). Throws <see cref="MetricNameConflictException"/>
    /// when a name differs only by case from one already in the namespace.</summary>
    void Append(IReadOnlyList<MetricSample> batch);

    /// <summary>The newest point stamped at or before the store's clock of every series named
    /// <paramref name="name"/> (case-insensitively, as the HPA asks) in <paramref name="ns"/> whose labels satisfy
    /// <paramref name="matches"/>; series with only points stamped later are left out.</summary>
    IReadOnlyList<StoredSeries> Latest(string ns, string name, Func<IReadOnlyDictionary<string, string>, bool> matches);

    /// <summary>
    /// The series of <paramref name="query"/> (namespace, name case-insensitively, exact label set) aligned on its step
    /// grid (<see cref="RangeQuery"/> says how); samples stamped after the store's clock are not read yet. Null when no
    /// such series exists. Throws <see cref="ArgumentException"/> when <see cref="RangeQuery.Problem"/> is not null.
    /// </summary>
    StoredRange? Range(RangeQuery query);

    /// <summary>Every (namespace, metric name) pair that has at least one series.</summary>
    IReadOnlyList<(string Namespace, string Name)> MetricNames();

    /// <summary>Deletes samples older than <paramref name="cutoffUnixMs"/> and series with nothing newer;
    /// returns the number of samples deleted.</summary>
    int Prune(long cutoffUnixMs);
}
