namespace Autoscaler.MetricsAdapter.Sources.Prometheus;

/// <summary>Remembers whether the last Prometheus call (discovery or query) got through, for readiness.</summary>
internal sealed class PrometheusHealthTracker
{
    private volatile string? _failure = "discovery has not run yet";

    public bool Healthy => _failure is null;

    public string? LastFailure => _failure;

    public void Succeeded() => _failure = null;

    public void Failed(string reason) => _failure = reason;
}
