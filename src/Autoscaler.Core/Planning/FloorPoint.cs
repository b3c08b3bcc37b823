namespace Autoscaler.Core.Planning;

/// <summary>One point of a planned floor (for charts and previews).</summary>
/// <param name="Time">When the floor would be held (UTC).</param>
/// <param name="Floor">The floor, or 0 when the HPA alone decides.</param>
/// <param name="Reason">What would set it.</param>
public sealed record FloorPoint(DateTimeOffset Time, int Floor, string Reason);
