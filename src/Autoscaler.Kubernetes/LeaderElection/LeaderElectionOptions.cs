namespace Autoscaler.Kubernetes.LeaderElection;

/// <summary>Settings of <see cref="LeaderElectionRunner"/>: a coordination.k8s.io/v1 Lease, with client-go's default timings.</summary>
public sealed class LeaderElectionOptions
{
    /// <summary>Namespace of the Lease.</summary>
    public required string LeaseNamespace { get; init; }

    /// <summary>Name of the Lease.</summary>
    public required string LeaseName { get; init; }

    /// <summary>Unique identity of this candidate, such as "&lt;pod-name&gt;_&lt;uuid&gt;".</summary>
    public required string Identity { get; init; }

    /// <summary>How long others wait, after last seeing the lease change, before taking over. Default 15 s.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it stops acting as leader. Default 10 s.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Pause between attempts. Default 2 s.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The library's candidates wait up to RetryPeriod × 1.2 × 2 for one attempt (client-go's jitter factor 1.2).</summary>
    public const double JitterFactor = 1.2;

    /// <summary>On cancellation, the leader empties the lease so a successor need not wait out the duration. Default true.</summary>
    public bool ReleaseOnCancel { get; init; } = true;

    /// <summary>Clock of the release's renewTime; null uses the system clock. (The library's elector reads the system clock itself.)</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Throws when the timings break leaseDuration &gt; renewDeadline &gt; retryPeriod × jitterFactor.</summary>
    /// <exception cref="ArgumentException">The timings or names are invalid.</exception>
    public void Validate()
    {
        if (string.IsNullOrEmpty(LeaseNamespace) || string.IsNullOrEmpty(LeaseName) || string.IsNullOrEmpty(Identity))
        {
            throw new ArgumentException("LeaseNamespace, LeaseName and Identity are required");
        }

        if (LeaseDuration <= RenewDeadline)
        {
            throw new ArgumentException($"LeaseDuration ({LeaseDuration}) must be greater than RenewDeadline ({RenewDeadline})");
        }

        if (RenewDeadline <= RetryPeriod * JitterFactor)
        {
            throw new ArgumentException($"RenewDeadline ({RenewDeadline}) must be greater than RetryPeriod × JitterFactor ({RetryPeriod * JitterFactor})");
        }

        if (RetryPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentException("RetryPeriod must be positive");
        }
    }
}
