using Autoscaler.Kubernetes.Models;

namespace Autoscaler.Kubernetes.LeaderElection;

/// <summary>
/// The decision of one election attempt (client-go's tryAcquireOrRenew), pure apart from the clock.
/// Expiry is judged on the local monotonic clock from when the lease record last changed, never by
/// comparing the remote renewTime with local time, so clock skew between candidates does not matter.
/// </summary>
internal sealed class LeaseArbiter(string identity, TimeSpan leaseDuration, TimeProvider time)
{
    private LeaseSpec? _observed;
    private long _observedAt;

    public string Identity => identity;

    /// <summary>Decides what to write given the lease as just read (null: it does not exist).</summary>
    public (LeaseAction Action, LeaseSpec? Spec) Decide(LeaseSpec? current)
    {
        var wallNow = time.GetUtcNow();
        var seconds = (int)Math.Ceiling(leaseDuration.TotalSeconds);
        if (current is null)
        {
            return (LeaseAction.Create, new LeaseSpec
            {
                HolderIdentity = identity, LeaseDurationSeconds = seconds, AcquireTime = wallNow, RenewTime = wallNow, LeaseTransitions = 0,
            });
        }

        Observe(current);
        if (IsHeldByOther(current))
        {
            return (LeaseAction.Wait, null);
        }

        var mine = current.HolderIdentity == identity;
        return (LeaseAction.Update, new LeaseSpec
        {
            HolderIdentity = identity,
            LeaseDurationSeconds = seconds,
            RenewTime = wallNow,
            AcquireTime = mine ? current.AcquireTime ?? wallNow : wallNow,
            LeaseTransitions = mine ? current.LeaseTransitions ?? 0 : (current.LeaseTransitions ?? 0) + 1,
        });
    }

    /// <summary>Records a lease record as seen now, when it differs from the last one seen.</summary>
    public void Observe(LeaseSpec spec)
    {
        if (_observed is null || !Same(_observed, spec))
        {
            _observed = Copy(spec);
            _observedAt = time.GetTimestamp();
        }
    }

    private bool IsHeldByOther(LeaseSpec current)
    {
        if (string.IsNullOrEmpty(current.HolderIdentity) || current.HolderIdentity == identity)
        {
            return false;
        }

        var duration = current.LeaseDurationSeconds is > 0 and var s ? TimeSpan.FromSeconds(s) : leaseDuration;
        return time.GetElapsedTime(_observedAt) < duration;
    }

    private static bool Same(LeaseSpec a, LeaseSpec b) =>
        a.HolderIdentity == b.HolderIdentity && a.LeaseDurationSeconds == b.LeaseDurationSeconds && a.AcquireTime == b.AcquireTime
        && a.RenewTime == b.RenewTime && a.LeaseTransitions == b.LeaseTransitions;

    private static LeaseSpec Copy(LeaseSpec s) => new()
    {
        HolderIdentity = s.HolderIdentity, LeaseDurationSeconds = s.LeaseDurationSeconds, AcquireTime = s.AcquireTime,
        RenewTime = s.RenewTime, LeaseTransitions = s.LeaseTransitions,
    };
}
