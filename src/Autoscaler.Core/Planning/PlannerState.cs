namespace Autoscaler.Core.Planning;

/// <summary>The planner's memory between steps (immutable; each step returns the next).</summary>
/// <param name="LastFloor">The floor decided at the previous step, or null when none was held.</param>
/// <param name="LastStep">When the previous step ran, or null before the first.</param>
public sealed record PlannerState(int? LastFloor, DateTimeOffset? LastStep)
{
    /// <summary>The state before the first step.</summary>
    public static PlannerState Initial { get; } = new(null, null);
}
