namespace Autoscaler.Simulator.Engine;

/// <summary>A stretch of time during which demand exceeded ready capacity.</summary>
/// <param name="Start">When demand first exceeded ready capacity.</param>
/// <param name="End">When ready capacity caught up again (or the replay ended).</param>
/// <param name="UnservedLoad">Load units not served within the SLO during the period.</param>
/// <param name="PeakDemand">Highest demand per minute in the period.</param>
/// <param name="MinReadyCapacity">Lowest ready capacity per minute in the period.</param>
internal sealed record OverloadPeriod(DateTime Start, DateTime End, double UnservedLoad, double PeakDemand, double MinReadyCapacity)
{
    public double Minutes => (End - Start).TotalMinutes;
}
