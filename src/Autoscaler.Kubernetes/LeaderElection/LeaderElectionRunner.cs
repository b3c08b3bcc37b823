using System.Globalization;
using System.Text.Json;
using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using k8s.Models;

namespace Autoscaler.Kubernetes.LeaderElection;

/// <summary>
/// Runs work while this process leads, elected by KubernetesClient's <see cref="LeaderElector"/> on a Lease.
/// Adds the two things the library's elector leaves to its caller: the work gets a token cancelled when
/// leadership ends (renew deadline missed, or another holder seen), and on shutdown the leader releases the
/// lease (client-go's ReleaseOnCancel) so a successor takes over at once instead of waiting out the lease.
/// It also cancels the library's renew attempt that would otherwise keep running after leadership is lost.
/// </summary>
public sealed class LeaderElectionRunner
{
    private readonly IKubernetes _client;
    private readonly LeaderElectionOptions _options;
    private readonly TimeProvider _time;
    private volatile LeaderElector? _elector;
    private volatile bool _isLeader;

    /// <summary>Creates a candidate; call <see cref="RunAsync"/> to campaign.</summary>
    /// <param name="client">The client (its identity needs get/create/update/patch on leases).</param>
    /// <param name="options">Lease, identity and timings.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public LeaderElectionRunner(IKubernetes client, LeaderElectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _client = client;
        _options = options;
        _time = options.TimeProvider ?? TimeProvider.System;
    }

    /// <summary>True between the library's started-leading and stopped-leading notices.</summary>
    public bool IsLeader => _isLeader;

    /// <summary>Holder identity in the last lease record the elector read, or null before the first read.</summary>
    public string? ObservedLeader => _elector?.GetLeader();

    /// <summary>
    /// Campaigns until elected, then runs <paramref name="onStartedLeading"/> with a token that is cancelled
    /// when leadership ends. Returns when leadership is lost or <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    /// <param name="onStartedLeading">The leader's work.</param>
    /// <param name="cancellationToken">Stops campaigning or leading (and releases the lease when configured).</param>
    /// <returns>A task that completes when this candidate no longer leads and its work has returned.</returns>
    public async Task RunAsync(Func<CancellationToken, Task> onStartedLeading, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onStartedLeading);
        var config = new LeaderElectionConfig(new LeaseLock(_client, _options.LeaseNamespace, _options.LeaseName, _options.Identity))
        {
            LeaseDuration = _options.LeaseDuration,
            RenewDeadline = _options.RenewDeadline,
            RetryPeriod = _options.RetryPeriod,
        };
        using var elector = new LeaderElector(config);
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var leading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task? work = null;
        var led = false;
        elector.OnStartedLeading += () =>
        {
            led = true;
            _isLeader = true;
            work = Task.Run(() => onStartedLeading(leading.Token), CancellationToken.None);
        };
        elector.OnStoppedLeading += () =>
        {
            _isLeader = false;
            leading.Cancel();
        };
        _elector = elector;
        try
        {
            await elector.RunUntilLeadershipLostAsync(session.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            _isLeader = false;
            await session.CancelAsync().ConfigureAwait(false);
            await leading.CancelAsync().ConfigureAwait(false);
            await WaitForWorkAsync(work).ConfigureAwait(false);
        }

        if (led && cancellationToken.IsCancellationRequested && _options.ReleaseOnCancel)
        {
            await ReleaseAsync().ConfigureAwait(false);
        }
    }

    private static async Task WaitForWorkAsync(Task? work)
    {
        if (work is null)
        {
            return;
        }

        try
        {
            await work.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Empties the holder if it is still us, by a merge patch that carries the resourceVersion read just before
    /// (a 409 means someone else wrote meanwhile, and then the lease is not ours to release). The renew and
    /// acquire times stay set: the library's elector treats a record without them as missing and tries to
    /// create the lease, which fails forever on an existing one.
    /// </summary>
    private async Task ReleaseAsync()
    {
        using var timeout = new CancellationTokenSource(_options.RenewDeadline, _time);
        try
        {
            var lease = await _client.CoordinationV1.ReadNamespacedLeaseAsync(_options.LeaseName, _options.LeaseNamespace, cancellationToken: timeout.Token)
                .ConfigureAwait(false);
            if (lease.Spec?.HolderIdentity != _options.Identity)
            {
                return;
            }

            var now = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
            var patch = JsonSerializer.Serialize(new
            {
                metadata = new { resourceVersion = lease.Metadata.ResourceVersion },
                spec = new { holderIdentity = "", leaseDurationSeconds = 1, acquireTime = now, renewTime = now },
            });
            await _client.CoordinationV1.PatchNamespacedLeaseAsync(
                new V1Patch(patch, V1Patch.PatchType.MergePatch), _options.LeaseName, _options.LeaseNamespace, cancellationToken: timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || timeout.IsCancellationRequested)
        {
            // Best effort, as in client-go: a lease not released expires after its duration.
        }
    }
}
