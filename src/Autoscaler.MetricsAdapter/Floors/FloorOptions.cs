namespace Autoscaler.MetricsAdapter.Floors;

/// <summary>
/// The pre-scale floor source (configuration section <c>Floors</c>): serves
/// <c>autoscaler_prescale_floor</c> from PredictivePolicy status, read through an informer.
/// </summary>
public sealed class FloorOptions
{
    /// <summary>Serve the floor metric (<c>--Floors:Enabled=true</c>). Off by default: it needs a cluster and list/watch on predictivepolicies.</summary>
    public bool Enabled { get; set; }

    /// <summary>Watch one namespace only (<c>--Floors:Namespace=shop</c>); empty watches every namespace.</summary>
    public string? Namespace { get; set; }
}
