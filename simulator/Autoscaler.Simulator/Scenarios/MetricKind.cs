namespace Autoscaler.Simulator.Scenarios;

/// <summary>Which metric model feeds the HPA.</summary>
internal enum MetricKind
{
    External,
    Utilization,
}
