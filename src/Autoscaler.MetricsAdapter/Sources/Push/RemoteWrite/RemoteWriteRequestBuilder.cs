using System.Text;
using Autoscaler.MetricsAdapter.Sources.Push.RemoteWrite.Protocol;
using Autoscaler.MetricsAdapter.Storage;

namespace Autoscaler.MetricsAdapter.Sources.Push.RemoteWrite;

/// <summary>
/// Turns a pushed batch into a remote-write <see cref="WriteRequest"/>: one time series per (namespace, name, labels)
/// with labels sorted by name (<c>__name__</c>, <c>namespace</c>, then the pushed labels, as the protocol requires) and
/// samples in timestamp order, a re-pushed timestamp keeping the batch's last value (as the embedded store does).
/// The <c>namespace</c> label is always the authorized namespace of the push; a pushed label of that name is kept as
/// <c>exported_namespace</c> (Prometheus' own convention for a clashing target label). Label names outside Prometheus'
/// <c>[a-zA-Z_][a-zA-Z0-9_]*</c> (Kubernetes-style <c>app.kubernetes.io/name</c>) have other characters replaced by <c>_</c>;
/// labels with an empty value are left out (to Prometheus an empty label is an absent one).
/// </summary>
internal static class RemoteWriteRequestBuilder
{
    /// <summary>Builds the request. Throws a non-retryable <see cref="RemoteWriteException"/> when two label names of one
    /// sample become the same Prometheus name.</summary>
    public static WriteRequest Build(IReadOnlyList<MetricSample> batch)
    {
        var series = new Dictionary<string, (TimeSeries Series, SortedDictionary<long, double> Points)>(StringComparer.Ordinal);
        foreach (var sample in batch)
        {
            var labels = Labels(sample);
            var key = string.Join('\u001f', labels.Select(l => l.Key + "=" + l.Value));
            if (!series.TryGetValue(key, out var entry))
            {
                var ts = new TimeSeries();
                ts.Labels.AddRange(labels.Select(l => new Label { Name = l.Key, Value = l.Value }));
                series[key] = entry = (ts, new SortedDictionary<long, double>());
            }

            entry.Points[sample.TimestampUnixMs] = sample.Value;
        }

        var request = new WriteRequest();
        foreach (var (ts, points) in series.Values)
        {
            ts.Samples.AddRange(points.Select(p => new Sample { Timestamp = p.Key, Value = p.Value }));
            request.Timeseries.Add(ts);
        }

        return request;
    }

    /// <summary>A Prometheus label name for a pushed one: characters outside <c>[a-zA-Z0-9_]</c> (and a leading digit) become <c>_</c>.</summary>
    public static string PrometheusLabelName(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (text.Length == 0 || char.IsAsciiDigit(text[0]))
        {
            text.Insert(0, '_');
        }

        return text.ToString();
    }

    private static SortedDictionary<string, string> Labels(MetricSample sample)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["__name__"] = sample.Name,
            ["namespace"] = sample.Namespace,
        };
        var pushedAs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            if (value.Length == 0)
            {
                continue; // Prometheus: an empty label is an absent one
            }

            var prometheusName = name == "namespace" ? "exported_namespace" : PrometheusLabelName(name);
            if (!labels.TryAdd(prometheusName, value))
            {
                var other = pushedAs.GetValueOrDefault(prometheusName, prometheusName);
                throw new RemoteWriteException(
                    $"series {sample.Name} in namespace {sample.Namespace}: labels '{other}' and '{name}' both become '{prometheusName}' " +
                    "in Prometheus; rename one of them", retryable: false);
            }

            pushedAs[prometheusName] = name;
        }

        return labels;
    }
}
