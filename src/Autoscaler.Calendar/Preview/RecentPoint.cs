namespace Autoscaler.Calendar.Preview;

/// <summary>One observed load sample.</summary>
/// <param name="Time">UTC.</param>
/// <param name="Value">Load in the history's unit.</param>
public sealed record RecentPoint(DateTimeOffset Time, double Value);
