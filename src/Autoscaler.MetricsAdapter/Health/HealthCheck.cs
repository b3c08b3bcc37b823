namespace Autoscaler.MetricsAdapter.Health;

/// <summary>One named check of a health endpoint; returns null when passing, else the reason.</summary>
internal sealed record HealthCheck(string Name, Func<string?> Check);
