namespace Autoscaler.Calendar.Preview;

/// <summary>One point of the preview chart.</summary>
/// <param name="Time">UTC.</param>
/// <param name="P50">Forecast median load (with the event), null when there is no forecast.</param>
/// <param name="P90">Forecast 90th percentile load.</param>
/// <param name="Floor">The planned floor (replicas; 0 when the HPA alone decides).</param>
/// <param name="Baseline">Replicas the HPA would run without pre-scaling (its minReplicas, or what the forecast p50 needs).</param>
public sealed record PreviewPoint(DateTimeOffset Time, double? P50, double? P90, int Floor, int Baseline);
