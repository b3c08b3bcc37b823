using Autoscaler.Core.Decisions;

namespace Autoscaler.Core.Planning;

/// <summary>The replicas one source (an event or the forecast) needs at one target time, with what it is based on.</summary>
internal readonly record struct FloorNeed(
    int Replicas, DecisionReason Reason, DateTimeOffset Target, double Load, PlannedEvent? Event, UpliftSource Uplift, double Normal, string? NormalSource)
{
    public static FloorNeed None { get; } = new(0, DecisionReason.NoFloor, default, double.NaN, null, UpliftSource.None, double.NaN, null);

    /// <summary>The larger need; on a tie an event beats the forecast (it is the more specific reason).</summary>
    public FloorNeed Max(FloorNeed other) =>
        other.Replicas > Replicas || (other.Replicas == Replicas && other.Replicas > 0 && other.Reason == DecisionReason.Event && Reason != DecisionReason.Event)
            ? other
            : this;
}
