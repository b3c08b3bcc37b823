namespace Autoscaler.Core.Hpa.Metrics;

/// <summary>One per-pod metric sample.</summary>
/// <param name="ValueMilli">Value in milli-units (for resources: usage summed over the considered containers).</param>
/// <param name="Timestamp">When the sample was taken (end of its window).</param>
/// <param name="Window">The window the sample covers (custom metrics default to 60 s).</param>
public readonly record struct PodSample(long ValueMilli, DateTimeOffset Timestamp, TimeSpan Window);
