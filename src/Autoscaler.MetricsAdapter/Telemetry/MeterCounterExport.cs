using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Prometheus;

namespace Autoscaler.MetricsAdapter.Telemetry;

/// <summary>
/// Exports the <see cref="Counter{T}"/> instruments that sources create on <see cref="System.Diagnostics.Metrics"/>
/// meters (e.g. <c>adapter_prometheus_rule_query_errors_total</c>) as prometheus-net counters of the same
/// name, with one label per tag (names sorted). Only meters created by this host's <see cref="IMeterFactory"/>
/// whose name starts with <see cref="AdapterTelemetry.MeterPrefix"/> are exported.
/// </summary>
/// <remarks>
/// prometheus-net's own <c>MeterAdapter</c> is not used: it prefixes the meter name and exposes counters as
/// gauges, which would rename and retype metrics that dashboards and alerts already use.
/// </remarks>
internal sealed class MeterCounterExport : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly IMetricFactory _factory;
    private readonly ConcurrentDictionary<(Instrument, string), Counter> _counters = new();

    /// <param name="scope">The host's meter factory: only its meters are exported.</param>
    /// <param name="registry">The host's registry.</param>
    public MeterCounterExport(IMeterFactory scope, CollectorRegistry registry)
    {
        _factory = Metrics.WithCustomRegistry(registry);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, scope)
                && instrument.Meter.Name.StartsWith(AdapterTelemetry.MeterPrefix, StringComparison.Ordinal)
                && instrument is Counter<long> or Counter<int> or Counter<double>)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var sorted = tags.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var names = Array.ConvertAll(sorted, t => LabelName(t.Key));
        try
        {
            var counter = _counters.GetOrAdd(
                (instrument, string.Join(',', names)),
                key => _factory.CreateCounter(key.Item1.Name, key.Item1.Description ?? key.Item1.Name, names));
            counter.WithLabels(Array.ConvertAll(sorted, t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)).Inc(value);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // The same name with another label set, or a name prometheus-net refuses: the measurement is not
            // exported, but the code that counted must not fail because of its telemetry.
        }
    }

    private static string LabelName(string tag)
    {
        var chars = tag.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = char.IsAsciiLetterOrDigit(chars[i]) ? chars[i] : '_';
        }

        return chars.Length == 0 || char.IsAsciiDigit(chars[0]) ? "_" + new string(chars) : new string(chars);
    }
}
