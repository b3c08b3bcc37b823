using Autoscaler.Calendar.Cluster;
using Autoscaler.Calendar.Hosting;
using Autoscaler.Core.Control;
using Autoscaler.Core.TimeSeries;
using Autoscaler.Prometheus.QueryRange;
using Microsoft.Extensions.Options;

namespace Autoscaler.Calendar.Preview;

/// <summary>
/// The history sources the configuration names: Prometheus (<c>Calendar:PrometheusUrl</c> plus the HPA's
/// history-query annotation), else a CSV per HPA in <c>Calendar:HistoryCsvDirectory</c> (<c>&lt;namespace&gt;/&lt;hpa&gt;.csv</c>).
/// Ready replicas the same way: the replicas-query annotation, else <c>&lt;namespace&gt;/&lt;hpa&gt;.replicas.csv</c>.
/// </summary>
public sealed class ConfiguredHistorySources : IHistorySourceFactory
{
    private readonly IHttpClientFactory _http;
    private readonly CalendarOptions _options;

    /// <summary>Creates the factory.</summary>
    public ConfiguredHistorySources(IHttpClientFactory http, IOptions<CalendarOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
    }

    /// <inheritdoc />
    public IHistorySource? For(Workload workload, out string why)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return Source(workload, workload.HistoryQuery, CalendarAnnotations.HistoryQuery, ".csv", out why);
    }

    /// <inheritdoc />
    public IHistorySource? ReplicasFor(Workload workload, out string why)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return Source(workload, workload.ReplicasQuery, CalendarAnnotations.ReplicasQuery, ".replicas.csv", out why);
    }

    private IHistorySource? Source(Workload workload, string? query, string annotation, string suffix, out string why)
    {
        why = string.Empty;
        var step = DurationParser.TryParse(_options.HistoryStep, out var s, out _) && s > TimeSpan.Zero ? s : TimeSpan.FromMinutes(5);
        if (_options.PrometheusUrl is { Length: > 0 } url && query is not null)
        {
            return new PrometheusRangeHistory(_http.CreateClient("prometheus"), new Uri(url.EndsWith('/') ? url : url + "/"), query, step);
        }

        if (_options.HistoryCsvDirectory is { Length: > 0 } dir)
        {
            var file = Path.Combine(dir, workload.Namespace, workload.HpaName + suffix);
            if (File.Exists(file)) return new CsvHistory(file, step, _options.RetimeCsvToNow);
            why = $"no history file {file}";
            return null;
        }

        why = _options.PrometheusUrl is null
            ? "no history source is configured (Calendar:PrometheusUrl)"
            : $"the HPA has no {annotation} annotation";
        return null;
    }
}
