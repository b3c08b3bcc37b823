using System.Globalization;
using System.Text;

namespace Autoscaler.E2E.Tests.Adapter;

/// <summary>
/// History written straight into a Prometheus TSDB with Prometheus's own <c>promtool tsdb create-blocks-from openmetrics</c>:
/// gauges given sample by sample (time, value), written as one OpenMetrics file ending in <c># EOF</c>.
/// </summary>
internal sealed class OpenMetricsBackfill
{
    private readonly StringBuilder _text = new();

    /// <summary>Every whole step from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static IEnumerable<DateTimeOffset> Every(TimeSpan step, DateTimeOffset first, DateTimeOffset last)
    {
        for (var t = first; t <= last; t += step)
        {
            yield return t;
        }
    }

    /// <summary>Adds a gauge's samples; <paramref name="labels"/> is the text between the braces (empty for none).</summary>
    public OpenMetricsBackfill Gauge(string name, string labels, IEnumerable<DateTimeOffset> times, Func<DateTimeOffset, double> value)
    {
        var series = labels.Length == 0 ? name : $"{name}{{{labels}}}";
        _text.Append(CultureInfo.InvariantCulture, $"# TYPE {name} gauge\n");
        foreach (var t in times)
        {
            _text.Append(CultureInfo.InvariantCulture, $"{series} {value(t)} {t.ToUnixTimeSeconds()}\n");
        }

        return this;
    }

    /// <summary>Writes the OpenMetrics text to <paramref name="file"/> and creates blocks from it in <paramref name="tsdb"/>; fails the test with promtool's stderr.</summary>
    public async Task CreateBlocksAsync(string file, string tsdb)
    {
        await File.WriteAllTextAsync(file, _text + "# EOF\n");
        var created = await ExternalProcess.RunAsync("/usr/bin/promtool", ["tsdb", "create-blocks-from", "openmetrics", file, tsdb], TimeSpan.FromMinutes(3));
        Assert.True(created.ExitCode == 0, created.Stderr);
    }
}
