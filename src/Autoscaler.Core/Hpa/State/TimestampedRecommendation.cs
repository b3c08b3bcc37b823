namespace Autoscaler.Core.Hpa.State;

/// <summary>An unstabilised replica proposal and when it was made.</summary>
/// <param name="Replicas">The proposal.</param>
/// <param name="Timestamp">When it was recorded.</param>
public readonly record struct TimestampedRecommendation(int Replicas, DateTimeOffset Timestamp);
