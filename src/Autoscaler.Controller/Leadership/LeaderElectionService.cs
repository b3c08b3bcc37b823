using Autoscaler.Controller.Hosting;
using Autoscaler.Controller.Telemetry;
using Autoscaler.Kubernetes.LeaderElection;
using k8s;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Controller.Leadership;

/// <summary>
/// Leader election on a coordination.k8s.io Lease through the shared <see cref="LeaderElectionRunner"/> (KubernetesClient's
/// LeaderElector, with its leftover renewal cancelled and the Lease released on shutdown): two replicas run, only the
/// holder acts. A leader that cannot renew within the renew deadline stops acting before the lease expires, so two
/// replicas never act at once; after a lost term the replica campaigns again.
/// </summary>
public sealed partial class LeaderElectionService : BackgroundService
{
    private readonly IKubernetes _client;
    private readonly ControllerOptions _options;
    private readonly LeadershipState _leadership;
    private readonly ControllerMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<LeaderElectionService> _logger;

    /// <summary>Creates the service.</summary>
    public LeaderElectionService(
        IKubernetes client, ControllerOptions options, LeadershipState leadership, ControllerMetrics metrics, TimeProvider time, ILogger<LeaderElectionService> logger)
    {
        _client = client;
        _options = options;
        _leadership = leadership;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.DisableLeaderElection)
        {
            _leadership.Gain();
            _metrics.Leader.Set(1);
            return;
        }

        var runner = new LeaderElectionRunner(_client, new LeaderElectionOptions
        {
            LeaseNamespace = _options.LeaseNamespace,
            LeaseName = _options.LeaseName,
            Identity = _options.Identity,
            LeaseDuration = _options.LeaseDuration,
            RenewDeadline = _options.RenewDeadline,
            RetryPeriod = _options.RetryPeriod,
            TimeProvider = _time,
        });
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.RunAsync(LeadAsync, stoppingToken).ConfigureAwait(false);
                await Task.Delay(_options.RetryPeriod, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The election must survive apiserver errors; it campaigns again after a retry period.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogElectionFailed(_logger, e);
                await Task.Delay(_options.RetryPeriod, _time, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task LeadAsync(CancellationToken term)
    {
        _leadership.Gain();
        _metrics.Leader.Set(1);
        LogGained(_logger, _options.Identity, _options.LeaseNamespace, _options.LeaseName);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, term).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The term ended: lost the Lease, or shutting down (the runner then releases it).
        }
        finally
        {
            _leadership.Lose();
            _metrics.Leader.Set(0);
            LogLost(_logger, _options.Identity);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "leader election failed; campaigning again")]
    private static partial void LogElectionFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} leads (Lease {Namespace}/{Name}): acting")]
    private static partial void LogGained(ILogger logger, string identity, string @namespace, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Identity} stopped leading: not acting")]
    private static partial void LogLost(ILogger logger, string identity);
}
