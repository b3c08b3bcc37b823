using Autoscaler.Prometheus.Query;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autoscaler.MetricsAdapter.Sources.Prometheus;

/// <summary>Refreshes discovery on a timer (the first time at start); a failed refresh keeps the last snapshot.</summary>
internal sealed partial class PrometheusDiscoveryService(
    PrometheusSource source, IOptions<PrometheusSourceOptions> options, TimeProvider time, ILogger<PrometheusDiscoveryService> logger) : BackgroundService
{
    public async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            await source.RefreshAsync(cancellationToken).ConfigureAwait(false);
            var external = await source.ListExternalMetricsAsync(cancellationToken).ConfigureAwait(false);
            var custom = await source.ListCustomMetricsAsync(cancellationToken).ConfigureAwait(false);
            LogDiscovered(external.Count, custom.Count);
        }
        catch (PrometheusException ex)
        {
            LogDiscoveryFailed(ex.Message);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DiscoveryInterval, time);
        do
        {
            await TickAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Prometheus discovery: {External} external and {Custom} custom metrics")]
    private partial void LogDiscovered(int external, int custom);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Prometheus discovery failed, keeping the previous metrics: {Reason}")]
    private partial void LogDiscoveryFailed(string reason);
}
