namespace Autoscaler.Simulator.Parity;

/// <summary>One step of a scripted metric series: from <paramref name="At"/> seconds after the run's start the metric is <paramref name="Value"/>.</summary>
internal sealed record SeriesPoint(double At, double Value);
