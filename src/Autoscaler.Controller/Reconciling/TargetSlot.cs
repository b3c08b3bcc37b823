using Autoscaler.Controller.Cluster;

namespace Autoscaler.Controller.Reconciling;

/// <summary>
/// The per-pass inputs of one target's long-lived step: a <see cref="Core.Control.PreScaleStep"/> keeps its forecast
/// between passes, while the HPA snapshot and the requesters change every pass.
/// </summary>
public sealed class TargetSlot
{
    /// <summary>Creates the slot.</summary>
    /// <param name="hpa">The first snapshot.</param>
    public TargetSlot(HpaView hpa) => Hpa = hpa;

    /// <summary>The HPA as cached at the start of this pass.</summary>
    public HpaView Hpa { get; set; }

    /// <summary>Requesters of the floor (kind/name list).</summary>
    public string Owners { get; set; } = "";
}
