using System.Diagnostics.Metrics;
using Autoscaler.MetricsAdapter.Providers;

namespace Autoscaler.MetricsAdapter.Telemetry;

/// <summary>
/// The adapter's own instruments (System.Diagnostics.Metrics). Every meter whose name starts with
/// <see cref="MeterPrefix"/> is exported on <c>/metrics</c>, so sources add instruments by creating a meter
/// such as <c>Autoscaler.MetricsAdapter.Push</c> (preferably from the host's <see cref="IMeterFactory"/>).
/// </summary>
internal sealed class AdapterTelemetry : IDisposable
{
    public const string MeterName = "Autoscaler.MetricsAdapter";
    public const string MeterPrefix = "Autoscaler.";

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _authentications;
    private readonly Counter<long> _authorizations;

    public AdapterTelemetry(CompositeMetricsProvider sources, IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(new MeterOptions(MeterName));
        _requests = _meter.CreateCounter<long>("adapter_requests_total", description: "HTTP requests served, by route class and status code.");
        _duration = _meter.CreateHistogram<double>("adapter_request_duration_seconds", unit: "s", description: "HTTP request latency in seconds, by route class.");
        _authentications = _meter.CreateCounter<long>("adapter_authentications_total", description: "Authentication outcomes: x509, token, failed, anonymous.");
        _authorizations = _meter.CreateCounter<long>("adapter_authorizations_total", description: "Authorization decisions: allowed or denied.");
        _meter.CreateObservableGauge(
            "adapter_source_healthy",
            () => sources.SourceHealth().Select(h => new Measurement<int>(h.Health.Healthy ? 1 : 0, new KeyValuePair<string, object?>("source", h.Name))),
            description: "1 when the metric source reports healthy, else 0.");
    }

    public void Request(string route, int code, double seconds)
    {
        _requests.Add(1, new("route", route), new("code", code));
        _duration.Record(seconds, new KeyValuePair<string, object?>("route", route));
    }

    public void Authentication(string result) => _authentications.Add(1, new KeyValuePair<string, object?>("result", result));

    public void Authorization(bool allowed) => _authorizations.Add(1, new KeyValuePair<string, object?>("decision", allowed ? "allowed" : "denied"));

    // The factory owns the meter and disposes it with the host.
    public void Dispose()
    {
    }
}
