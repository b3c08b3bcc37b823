using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Autoscaler.MetricsAdapter.Telemetry;

/// <summary>
/// Collects measurements of the exported meters with a <see cref="MeterListener"/> into per-series state:
/// sums for counters, last values for gauges, cumulative buckets for histograms.
/// </summary>
internal sealed class MetricAggregator : IDisposable
{
    /// <summary>Histogram bucket upper bounds (seconds-friendly, Prometheus client defaults extended downwards).</summary>
    public static readonly double[] Buckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, ConcurrentDictionary<string, Series>> _series = new();

    /// <param name="meterPrefix">Meters whose name starts with this are exported.</param>
    /// <param name="scope">
    /// The host's <see cref="IMeterFactory"/>: meters it created are exported, other hosts' in the same process are not.
    /// Meters created without a factory (static ones) are exported when their name matches.
    /// </param>
    public MetricAggregator(string meterPrefix, object? scope = null)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            var meter = instrument.Meter;
            if (meter.Name.StartsWith(meterPrefix, StringComparison.Ordinal) && (meter.Scope is null || scope is null || ReferenceEquals(meter.Scope, scope)))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.MeasurementsCompleted = (instrument, state) => _series.TryRemove(instrument, out var removed);
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<float>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    /// <summary>Polls observable instruments, then returns a consistent copy of every series.</summary>
    public IReadOnlyList<(Instrument Instrument, IReadOnlyList<SeriesSnapshot> Series)> Collect()
    {
        _listener.RecordObservableInstruments();
        return _series
            .Select(kv => (kv.Key, (IReadOnlyList<SeriesSnapshot>)kv.Value.Values.Select(s => s.Snapshot()).OrderBy(s => s.Key, StringComparer.Ordinal).ToArray()))
            .OrderBy(x => x.Key.Name, StringComparer.Ordinal)
            .ToArray();
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var perInstrument = _series.GetOrAdd(instrument, static _ => new ConcurrentDictionary<string, Series>(StringComparer.Ordinal));
        var key = Key(tags);
        if (!perInstrument.TryGetValue(key, out var series))
        {
            var labels = new KeyValuePair<string, string>[tags.Length];
            for (var i = 0; i < tags.Length; i++)
            {
                labels[i] = new(tags[i].Key, Text(tags[i].Value));
            }

            Array.Sort(labels, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            series = perInstrument.GetOrAdd(key, new Series(key, labels, instrument is Histogram<double> or Histogram<long> or Histogram<int> or Histogram<float>));
        }

        series.Add(value, IsCumulative(instrument));
    }

    // The hot path: one small string per measurement, no LINQ. Tags come in call-site order, which is stable per call site.
    private static string Key(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return string.Empty;
        }

        var sb = new System.Text.StringBuilder(64);
        foreach (var t in tags)
        {
            sb.Append(t.Key).Append('\u0002').Append(Text(t.Value)).Append('\u0001');
        }

        return sb.ToString();
    }

    private static string Text(object? value) => value switch
    {
        string s => s,
        int i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };

    // Observable counters report totals; synchronous counters report increments.
    private static bool IsCumulative(Instrument instrument) => instrument.IsObservable;

    /// <summary>A copy of one series' state.</summary>
    internal sealed record SeriesSnapshot(string Key, IReadOnlyList<KeyValuePair<string, string>> Labels, double Value, long Count, long[]? BucketCounts);

    private sealed class Series(string key, KeyValuePair<string, string>[] labels, bool histogram)
    {
        private readonly long[]? _buckets = histogram ? new long[Buckets.Length] : null;
        private double _value;
        private long _count;

        public void Add(double value, bool cumulative)
        {
            lock (this)
            {
                _count++;
                if (_buckets is not null)
                {
                    _value += value;
                    var i = Array.BinarySearch(Buckets, value);
                    for (var b = i < 0 ? ~i : i; b < _buckets.Length; b++)
                    {
                        _buckets[b]++;
                    }
                }
                else
                {
                    _value = cumulative ? value : _value + value;
                }
            }
        }

        public SeriesSnapshot Snapshot()
        {
            lock (this)
            {
                return new SeriesSnapshot(key, labels, _value, _count, _buckets?.ToArray());
            }
        }
    }
}
