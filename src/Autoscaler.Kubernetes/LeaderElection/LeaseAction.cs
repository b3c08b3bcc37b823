namespace Autoscaler.Kubernetes.LeaderElection;

/// <summary>What one election attempt should do.</summary>
internal enum LeaseAction
{
    /// <summary>No lease exists: create it with us as holder.</summary>
    Create,

    /// <summary>Write the lease with us as holder (renewal or takeover), conditional on the read version.</summary>
    Update,

    /// <summary>Another holder's lease is still valid: do nothing.</summary>
    Wait,
}
