using Autoscaler.MetricsAdapter.Sources.Push.Authorization;

namespace Autoscaler.MetricsAdapter.Sources.Push;

/// <summary>Push source settings (section <c>Push</c>).</summary>
public sealed class PushOptions
{
    /// <summary>Whether the push source is registered at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Samples stamped more than this ahead of the adapter's clock are refused (INVALID_ARGUMENT). A sample
    /// within the bound is stored and served once its time has come. Default 5 minutes; must be positive.</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Samples stamped more than this before the adapter's clock are refused (INVALID_ARGUMENT): they could
    /// never be served. Default 5 minutes; must be positive.</summary>
    public TimeSpan MaxPastAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether pushes need a Kubernetes identity allowed to <c>create</c> <c>pushedmetrics</c> in group
    /// <c>metrics.autoscaler.dev</c> in the pushed namespace. Default <see cref="PushAuthenticationMode.Auto"/>: on
    /// when the adapter has a cluster to review against.</summary>
    public PushAuthenticationMode Authentication { get; set; } = PushAuthenticationMode.Auto;

    /// <summary>Most labels on one series; a sample with more is refused with <c>RESOURCE_EXHAUSTED</c>. Default 32.</summary>
    public int MaxLabelsPerSeries { get; set; } = 32;

    /// <summary>Longest label value in characters; longer is refused with <c>RESOURCE_EXHAUSTED</c>. Default 1,024.
    /// (Label names are bounded by their syntax: 63 characters plus an optional 253-character prefix.)</summary>
    public int MaxLabelValueLength { get; set; } = 1024;

    /// <summary>Returns every problem with these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxFutureSkew <= TimeSpan.Zero)
        {
            errors.Add($"Push:MaxFutureSkew must be positive (got {MaxFutureSkew})");
        }

        if (MaxPastAge <= TimeSpan.Zero)
        {
            errors.Add($"Push:MaxPastAge must be positive (got {MaxPastAge})");
        }

        if (MaxLabelsPerSeries < 0 || MaxLabelValueLength < 0)
        {
            errors.Add($"Push:MaxLabelsPerSeries and Push:MaxLabelValueLength must not be negative (got {MaxLabelsPerSeries}, {MaxLabelValueLength})");
        }

        return errors;
    }
}
