using Autoscaler.MetricsAdapter.Sources.Push.Authorization;

namespace Autoscaler.MetricsAdapter.Keda;

/// <summary>Options of KEDA's external scaler service (configuration section <c>Keda</c>).</summary>
public sealed class KedaOptions
{
    /// <summary>How often an open <c>StreamIsActive</c> stream re-reads the metric to see whether activity changed.
    /// Default 5 s; must be positive.</summary>
    public TimeSpan StreamIsActiveInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether KEDA's calls need a Kubernetes identity (client certificate of the client CA, or bearer token)
    /// allowed to <c>list</c> the metric in <c>external.metrics.k8s.io</c> in the ScaledObject's namespace (see
    /// <see cref="KedaReadAuthorizer"/>). Same values and default as <c>Push:Authentication</c>: <c>Auto</c> is on when the
    /// adapter has a cluster to review against and <c>--insecure-disable-auth</c> is off.</summary>
    public PushAuthenticationMode Authentication { get; set; } = PushAuthenticationMode.Auto;

    /// <summary>Returns every problem with these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (StreamIsActiveInterval <= TimeSpan.Zero)
        {
            errors.Add($"Keda:StreamIsActiveInterval must be positive (got {StreamIsActiveInterval})");
        }

        if (!Enum.IsDefined(Authentication))
        {
            errors.Add($"Keda:Authentication must be Auto, Required or Disabled (got {Authentication})");
        }

        return errors;
    }
}
