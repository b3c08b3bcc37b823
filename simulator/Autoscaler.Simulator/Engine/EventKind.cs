namespace Autoscaler.Simulator.Engine;

/// <summary>What happens at an event. The numeric value is the priority among events at the same instant.</summary>
internal enum EventKind
{
    /// <summary>A pod finishes starting. First, so a sync at the same instant already sees it ready.</summary>
    PodReady = 0,

    /// <summary>The HPA controller reconciles.</summary>
    HpaSync = 1,
}
