using Autoscaler.Kubernetes.Models;

namespace Autoscaler.Kubernetes.LeaderElection;

// The campaign loop, the renew loop with its deadline, and the release on shutdown.
public sealed partial class LeaderElector
{
    private async Task<bool> AcquireAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (await AttemptAsync(_options.RetryPeriod, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            var jittered = _options.RetryPeriod * (1 + (_random.NextDouble() * _options.JitterFactor));
            if (!await SleepAsync(jittered, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return false;
    }

    private async Task RenewUntilLostAsync(Task work, CancellationToken cancellationToken)
    {
        var lastRenew = _time.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested && !work.IsCompleted)
        {
            if (!await SleepAsync(_options.RetryPeriod, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            var left = _options.RenewDeadline - _time.GetElapsedTime(lastRenew);
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            if (await AttemptAsync(left, cancellationToken).ConfigureAwait(false))
            {
                lastRenew = _time.GetTimestamp();
            }
            else if (ObservedLeader != _options.Identity || _options.RenewDeadline <= _time.GetElapsedTime(lastRenew))
            {
                // Another holder took the lease, or renewals failed past the deadline: stop leading now.
                return;
            }
        }
    }

    /// <summary>One attempt bounded by <paramref name="budget"/>; failures count as "not leader this round".</summary>
    private async Task<bool> AttemptAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(budget, _time);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await TryAcquireOrRenewAsync(attempt.Token).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task ReleaseAsync()
    {
        if (_lastWritten is not { } lease || lease.Spec?.HolderIdentity != _options.Identity)
        {
            return;
        }

        var now = _time.GetUtcNow();
        lease.Spec = new LeaseSpec
        {
            HolderIdentity = "", LeaseDurationSeconds = 1, AcquireTime = now, RenewTime = now, LeaseTransitions = lease.Spec.LeaseTransitions,
        };
        using var timeout = new CancellationTokenSource(_options.RenewDeadline, _time);
        try
        {
            await _store.ReplaceAsync(lease, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Best effort: if the release fails the lease simply expires.
        }
    }

    private async Task<bool> SleepAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
