using Autoscaler.Kubernetes.Errors;
using Autoscaler.Kubernetes.Models;

namespace Autoscaler.Kubernetes.LeaderElection;

/// <summary>
/// Campaigns for a Lease and runs a callback while leading (client-go's leaderelection). The leader
/// renews every RetryPeriod; if no renewal succeeds within RenewDeadline, or another holder appears,
/// the callback's token is cancelled and <see cref="RunAsync"/> returns: the process must stop acting
/// as leader (Kubernetes components exit and restart).
/// </summary>
public sealed partial class LeaderElector
{
    private readonly ILeaseStore _store;
    private readonly LeaderElectionOptions _options;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly LeaseArbiter _arbiter;
    private Lease? _lastWritten;
    private volatile bool _isLeader;

    /// <summary>Creates an elector on a Lease through the API server.</summary>
    /// <param name="client">The client.</param>
    /// <param name="options">Lease, identity and timings.</param>
    /// <param name="random">Seeded randomness for jitter; null uses a shared source.</param>
    public LeaderElector(KubernetesClient client, LeaderElectionOptions options, Random? random = null)
        : this(new KubernetesLeaseStore(client.Leases, options.LeaseNamespace, options.LeaseName), options, client.TimeProvider, random)
    {
    }

    internal LeaderElector(ILeaseStore store, LeaderElectionOptions options, TimeProvider time, Random? random)
    {
        options.Validate();
        _store = store;
        _options = options;
        _time = time;
        _random = random ?? Random.Shared;
        _arbiter = new LeaseArbiter(options.Identity, options.LeaseDuration, time);
    }

    /// <summary>True while this candidate holds the lease and has renewed within the deadline.</summary>
    public bool IsLeader => _isLeader;

    /// <summary>Holder identity seen in the last read of the lease.</summary>
    public string? ObservedLeader { get; private set; }

    /// <summary>
    /// Campaigns until elected, then runs <paramref name="onStartedLeading"/> with a token that is cancelled
    /// when leadership ends. Returns when leadership is lost or <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    /// <param name="onStartedLeading">The leader's work.</param>
    /// <param name="cancellationToken">Stops campaigning or leading (and releases the lease when configured).</param>
    /// <returns>A task that completes when this candidate is no longer leader.</returns>
    public async Task RunAsync(Func<CancellationToken, Task> onStartedLeading, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onStartedLeading);
        if (!await AcquireAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        using var leading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _isLeader = true;
        var work = Task.Run(() => onStartedLeading(leading.Token), CancellationToken.None);
        try
        {
            await RenewUntilLostAsync(work, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _isLeader = false;
            await leading.CancelAsync().ConfigureAwait(false);
            await IgnoreCancellation(work).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested && _options.ReleaseOnCancel)
            {
                await ReleaseAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>One attempt: read the lease, decide, write. True when we hold it afterwards.</summary>
    internal async Task<bool> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        var lease = await _store.GetAsync(cancellationToken).ConfigureAwait(false);
        var (action, spec) = _arbiter.Decide(lease?.Spec);
        ObservedLeader = lease?.Spec?.HolderIdentity;
        if (action == LeaseAction.Wait)
        {
            return false;
        }

        try
        {
            var written = action == LeaseAction.Create
                ? await _store.CreateAsync(NewLease(spec!), cancellationToken).ConfigureAwait(false)
                : await _store.ReplaceAsync(WithSpec(lease!, spec!), cancellationToken).ConfigureAwait(false);
            _arbiter.Observe(written.Spec ?? spec!);
            _lastWritten = written;
            ObservedLeader = _options.Identity;
            return true;
        }
        catch (KubernetesApiException e) when (e is KubernetesConflictException || e.IsAlreadyExists)
        {
            // Someone else wrote the lease between our read and our write: they won this round.
            return false;
        }
    }

    private Lease NewLease(LeaseSpec spec) => new()
    {
        Metadata = new ObjectMeta { Name = _options.LeaseName, Namespace = _options.LeaseNamespace },
        Spec = spec,
    };

    private static Lease WithSpec(Lease lease, LeaseSpec spec)
    {
        lease.Spec = spec;
        return lease;
    }

    private static async Task IgnoreCancellation(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
