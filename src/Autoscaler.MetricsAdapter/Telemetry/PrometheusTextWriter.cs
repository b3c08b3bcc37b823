using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Autoscaler.MetricsAdapter.Telemetry;

/// <summary>Writes collected series in the Prometheus text exposition format 0.0.4 (PROTOCOLS.md §5.2).</summary>
internal static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IReadOnlyList<(Instrument Instrument, IReadOnlyList<MetricAggregator.SeriesSnapshot> Series)> instruments)
    {
        var sb = new StringBuilder();
        // Instruments that map to one exposed name (e.g. the same meter created twice) form one family;
        // a label set seen twice keeps its first value, so each (name, labels) pair appears once.
        var families = instruments
            .Select(x => (Name: ExposedName(x.Instrument), x.Instrument, x.Series))
            .GroupBy(x => x.Name, StringComparer.Ordinal)
            .Select(g => (g.Key, g.First().Instrument, Series: (IReadOnlyList<MetricAggregator.SeriesSnapshot>)g.SelectMany(x => x.Series).DistinctBy(s => s.Key).ToArray()));
        foreach (var (name, instrument, series) in families)
        {
            var kind = Kind(instrument);
            if (series.Count == 0)
            {
                continue;
            }

            sb.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(instrument.Description ?? instrument.Name)).Append('\n');
            sb.Append("# TYPE ").Append(name).Append(' ').Append(kind).Append('\n');
            foreach (var s in series)
            {
                if (s.BucketCounts is { } buckets)
                {
                    for (var i = 0; i < buckets.Length; i++)
                    {
                        Sample(sb, name + "_bucket", s.Labels, ("le", Number(MetricAggregator.Buckets[i])), buckets[i]);
                    }

                    Sample(sb, name + "_bucket", s.Labels, ("le", "+Inf"), s.Count);
                    Sample(sb, name + "_sum", s.Labels, null, s.Value);
                    Sample(sb, name + "_count", s.Labels, null, s.Count);
                }
                else
                {
                    Sample(sb, name, s.Labels, null, s.Value);
                }
            }
        }

        return sb.ToString();
    }

    private static string ExposedName(Instrument instrument)
    {
        var name = SanitizeName(instrument.Name);
        return Kind(instrument) == "counter" && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
    }

    private static string Kind(Instrument instrument) => instrument switch
    {
        _ when instrument.GetType().Name.StartsWith("Histogram", StringComparison.Ordinal) => "histogram",
        _ when instrument.GetType().Name.StartsWith("Counter", StringComparison.Ordinal) => "counter",
        _ when instrument.GetType().Name.StartsWith("ObservableCounter", StringComparison.Ordinal) => "counter",
        _ => "gauge",
    };

    private static void Sample(StringBuilder sb, string name, IReadOnlyList<KeyValuePair<string, string>> labels, (string Key, string Value)? extra, double value)
    {
        sb.Append(name);
        if (labels.Count > 0 || extra is not null)
        {
            sb.Append('{');
            var first = true;
            foreach (var (k, v) in labels)
            {
                Label(sb, SanitizeLabel(k), v, ref first);
            }

            if (extra is { } e)
            {
                Label(sb, e.Key, e.Value, ref first);
            }

            sb.Append('}');
        }

        sb.Append(' ').Append(Number(value)).Append('\n');
    }

    private static void Label(StringBuilder sb, string key, string value, ref bool first)
    {
        if (!first)
        {
            sb.Append(',');
        }

        first = false;
        sb.Append(key).Append("=\"").Append(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('"');
    }

    private static string Number(double v) => v switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(v) => "NaN",
        _ => v.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string EscapeHelp(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    internal static string SanitizeName(string name) => Sanitize(name, allowColon: true);

    internal static string SanitizeLabel(string name)
    {
        var s = Sanitize(name, allowColon: false);
        return s.StartsWith("__", StringComparison.Ordinal) ? "_" + s.TrimStart('_') : s;
    }

    private static string Sanitize(string name, bool allowColon)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':') ? c : '_');
        }

        if (sb.Length == 0 || char.IsAsciiDigit(sb[0]))
        {
            sb.Insert(0, '_');
        }

        return sb.ToString();
    }
}
