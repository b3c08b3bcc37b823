using Autoscaler.Controller.Hosting;
using Autoscaler.Controller.Telemetry;
using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Controller.Leadership;

/// <summary>
/// Leader election on a coordination.k8s.io Lease with KubernetesClient's <see cref="LeaderElector"/>: two replicas run,
/// only the holder acts. A leader that cannot renew within the renew deadline stops acting before the lease expires,
/// so two replicas never act at once.
/// </summary>
public sealed partial class LeaderElectionService : BackgroundService
{
    private readonly IKubernetes _client;
    private readonly ControllerOptions _options;
    private readonly LeadershipState _leadership;
    private readonly ControllerMetrics _metrics;
    private readonly ILogger<LeaderElectionService> _logger;

    /// <summary>Creates the service.</summary>
    public LeaderElectionService(IKubernetes client, ControllerOptions options, LeadershipState leadership, ControllerMetrics metrics, ILogger<LeaderElectionService> logger)
    {
        _client = client;
        _options = options;
        _leadership = leadership;
        _metrics = metrics;
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

        var lease = new LeaseLock(_client, _options.LeaseNamespace, _options.LeaseName, _options.Identity);
        var config = new LeaderElectionConfig(lease)
        {
            LeaseDuration = _options.LeaseDuration,
            RenewDeadline = _options.RenewDeadline,
            RetryPeriod = _options.RetryPeriod,
        };
        using var elector = new LeaderElector(config);
        elector.OnStartedLeading += () =>
        {
            _leadership.Gain();
            _metrics.Leader.Set(1);
            LogGained(_logger, _options.Identity, _options.LeaseNamespace, _options.LeaseName);
        };
        elector.OnStoppedLeading += () =>
        {
            _leadership.Lose();
            _metrics.Leader.Set(0);
            LogLost(_logger, _options.Identity);
        };
        elector.OnNewLeader += leader => LogLeader(_logger, leader);
        try
        {
            await elector.RunAndTryToHoldLeadershipForeverAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the lease simply expires (no release, so a new leader waits one lease duration at most).
        }
        finally
        {
            _leadership.Lose();
            _metrics.Leader.Set(0);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} leads (Lease {Namespace}/{Name}): acting")]
    private static partial void LogGained(ILogger logger, string identity, string @namespace, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Identity} stopped leading: not acting")]
    private static partial void LogLost(ILogger logger, string identity);

    [LoggerMessage(Level = LogLevel.Information, Message = "leader is {Leader}")]
    private static partial void LogLeader(ILogger logger, string leader);
}
