namespace Autoscaler.MetricsAdapter.Sources.Push.Authorization;

/// <summary>Whether pushes must be authenticated and authorized (setting <c>Push:Authentication</c>).</summary>
public enum PushAuthenticationMode
{
    /// <summary>Required when the adapter has a Kubernetes API to review against (<c>--kubeconfig</c> or in-cluster)
    /// and delegated auth is not disabled (<c>--insecure-disable-auth</c>); otherwise off, with a warning at start.</summary>
    Auto,

    /// <summary>Always required; the adapter refuses to start without the delegated-auth services.</summary>
    Required,

    /// <summary>Off: anyone who reaches the push port can write any namespace. Local development only.</summary>
    Disabled,
}
